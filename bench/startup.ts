/**
 * Start-up of the command line: the wall time of a whole process, from spawn to exit, of
 * `node bin/wasmtune.js --help` and of `node bin/wasmtune.js <command> --help` for every command, here and
 * in a baseline checkout, interleaved (each round runs every invocation once in both checkouts, the order
 * of the two alternating from round to round) so that a change in the machine's load falls on both.
 * Reported per invocation: the median, the interquartile range and the extremes of each checkout, and the
 * ratio of the medians (this checkout ÷ baseline).
 *
 * The baseline is another checkout with its own dist/, for example commit 229dacb, the last before the
 * command line loaded each command's dependencies only when that command runs:
 *
 *   git worktree add --detach /tmp/wasmtune-baseline 229dacb
 *   ln -s "$PWD/node_modules" /tmp/wasmtune-baseline/node_modules
 *   (cd /tmp/wasmtune-baseline && npx tsc -p tsconfig.build.json)
 *   npm run build && node dist/bench/startup.js --baseline /tmp/wasmtune-baseline [--runs 20] [--commands tune,runs] [--out DIR]
 *
 * Without --baseline only this checkout is measured. Output: a table on stdout and `<out>/startup-results.md`
 * (by default bench/) with the command, both commits and the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WasmtuneError, didYouMean, messageOf } from '../src/errors.js';
import { projectRoot } from '../src/kernels/index.js';
import { commit, machine } from '../src/measure/provenance.js';
import { COMMAND_NAMES } from '../src/cli/commands/index.js';
import { benchMain } from './run-info.js';

/** Wall times of one invocation in one checkout, ms. */
interface Sample {
  readonly args: readonly string[];
  readonly current: number[];
  readonly baseline: number[];
}

/** Order statistics of a set of times, ms. */
interface Spread {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function spread(times: readonly number[]): Spread {
  const s = [...times].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: s[0]!, max: s.at(-1)! };
}

/** One whole process: `node <root>/bin/wasmtune.js <args>`, its wall time in ms. Fails unless it exits 0. */
function timeProcess(root: string, args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'wasmtune.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new WasmtuneError('E_USAGE', `wasmtune ${args.join(' ')} in ${root} exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
  return ms;
}

function shortCommit(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

interface Options {
  runs: number;
  baseline?: string;
  invocations: string[][];
  outDir: string;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: { baseline: { type: 'string' }, runs: { type: 'string', default: '20' }, commands: { type: 'string' }, out: { type: 'string' } } }));
  } catch (e) {
    throw new WasmtuneError('E_USAGE', messageOf(e));
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new WasmtuneError('E_USAGE', `--runs must be a whole number ≥ 1, got '${values.runs}'.`);
  const commands = values.commands === undefined ? COMMAND_NAMES : values.commands.split(',').filter(Boolean);
  for (const c of commands) if (!(COMMAND_NAMES as readonly string[]).includes(c)) throw new WasmtuneError('E_USAGE', `Unknown command '${c}'.${didYouMean(c, COMMAND_NAMES)}`);
  let baseline: string | undefined;
  if (values.baseline !== undefined) {
    baseline = resolve(values.baseline);
    if (!existsSync(join(baseline, 'bin', 'wasmtune.js')) || !existsSync(join(baseline, 'dist'))) {
      throw new WasmtuneError('E_USAGE', `--baseline ${baseline} is not a built checkout (bin/wasmtune.js and dist/): see the header of bench/startup.ts.`);
    }
  }
  return { runs, ...(baseline ? { baseline } : {}), invocations: [['--help'], ...commands.map((c) => [c, '--help'])], outDir: resolve(values.out ?? join(projectRoot(), 'bench')) };
}

export function measure(o: Options, log: (line: string) => void): Sample[] {
  const root = projectRoot();
  const samples: Sample[] = o.invocations.map((args) => ({ args, current: [], baseline: [] }));
  for (const s of samples) {
    // One untimed run each, so the first timed one does not pay for a cold file cache.
    timeProcess(root, s.args);
    if (o.baseline) timeProcess(o.baseline, s.args);
  }
  for (let round = 0; round < o.runs; round++) {
    for (const s of samples) {
      const order = o.baseline ? (round % 2 ? ['baseline', 'current'] as const : ['current', 'baseline'] as const) : ['current'] as const;
      for (const which of order) s[which].push(timeProcess(which === 'current' ? root : o.baseline!, s.args));
    }
    log(`round ${round + 1}/${o.runs}`);
  }
  return samples;
}

const ms = (x: number) => x.toFixed(0);
const range = (s: Spread) => `${ms(s.median)} (${ms(s.q1)}–${ms(s.q3)}; ${ms(s.min)}–${ms(s.max)})`;

export function renderMarkdown(samples: readonly Sample[], info: { command: string; current: string; baseline?: string; machine: string; node: string; runs: number }): string {
  const lines = [
    '# Start-up of the command line',
    '',
    `Generated by \`${info.command}\` on ${info.machine}, Node ${info.node}, ${info.runs} runs of each invocation per checkout, interleaved.`,
    `This checkout: ${info.current}.${info.baseline ? ` Baseline: ${info.baseline}.` : ''}`,
    '',
    'Whole-process wall time of `node bin/wasmtune.js <args>`, from spawn to exit, in ms: median (interquartile range; min–max).',
    '',
  ];
  if (info.baseline) {
    lines.push('| invocation | this checkout, ms | baseline, ms | ratio of medians |', '|---|---:|---:|---:|');
    for (const s of samples) {
      const c = spread(s.current);
      const b = spread(s.baseline);
      lines.push(`| \`wasmtune ${s.args.join(' ')}\` | ${range(c)} | ${range(b)} | ${(c.median / b.median).toFixed(3)} |`);
    }
  } else {
    lines.push('| invocation | this checkout, ms |', '|---|---:|');
    for (const s of samples) lines.push(`| \`wasmtune ${s.args.join(' ')}\` | ${range(spread(s.current))} |`);
  }
  return lines.join('\n') + '\n';
}

function cli(argv: string[]): number {
  const o = parseOptions(argv);
  const samples = measure(o, (line) => process.stderr.write(`${line}\n`));
  const file = join(o.outDir, 'startup-results.md');
  const text = renderMarkdown(samples, {
    command: `node dist/bench/startup.js${argv.length ? ` ${argv.join(' ')}` : ''}`,
    current: commit(['bench/startup-results.md']),
    ...(o.baseline ? { baseline: `${shortCommit(o.baseline)} (${o.baseline})` } : {}),
    machine: machine(), node: process.version, runs: o.runs,
  });
  mkdirSync(o.outDir, { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(text + `\nwrote ${file}\n`);
  return 0;
}

await benchMain(import.meta.url, 'bench:startup', cli);
