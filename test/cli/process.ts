/**
 * `wasmtune` as a process, for the tests that need one: the compiled CLI when dist/ is the build of the
 * current sources, else the sources through tsx (as queue workers are started).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { childEntry } from '../../src/proc/child.js';

/** `node [execArgv…] <entry>`: the command line to run wasmtune with `args` appended. */
export function cliCommand(execArgv: readonly string[] = []): string[] {
  const entry = childEntry(new URL('../../src/cli/main.ts', import.meta.url).href, 'bin');
  return [process.execPath, ...entry.execArgv, ...execArgv, entry.file];
}

export function runCli(args: readonly string[], options: { execArgv?: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string } = {}): SpawnSyncReturns<string> {
  const [node, ...rest] = cliCommand(options.execArgv);
  return spawnSync(node!, [...rest, ...args], { encoding: 'utf8', env: { ...process.env, ...options.env }, ...(options.cwd ? { cwd: options.cwd } : {}), timeout: 120_000 });
}
