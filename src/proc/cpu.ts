/**
 * CPU time of a child process, read from /proc (Linux). A deadline in CPU time does not count the time a
 * process waits while others run, as a wall-clock deadline does, so a verdict such as `too-slow` depends
 * far less on the machine's load (not at all is too much to claim: shared caches still slow a process
 * down; docs/pipeline.md). Where /proc is not available the caller falls back to wall time.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime/stime (USER_HZ: 100 on every Linux architecture Node supports). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) the main thread of a process has used, ms; undefined when it cannot be read.
 * The main thread only: V8 optimizes a child's code (binaryen.js) on background threads during its first
 * requests, which would otherwise be charged to them (measured: the first -O3 build of a fresh builder
 * took 8 × the CPU time of later ones counting every thread, 2.5 × counting the main thread).
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may contain spaces: fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** Whether CPU time of child processes can be read on this machine. */
export const CPU_TIME_AVAILABLE = processCpuMs(process.pid) !== undefined;
