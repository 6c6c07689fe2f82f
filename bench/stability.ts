/**
 * Stability of the runtime measurement (`npm run bench:stability`): what a reported 95 % interval covers.
 * One pair of modules, -O3 of a kernel and a candidate built by a recipe, is measured with the final
 * protocol (`FINAL`: 15 interleaved rounds) `--repeats` times in each of `--processes` fresh evaluators (a
 * new builder and runner process each). Within one process the repeats show the noise the interval is
 * made from; between processes, what a new runner process changes (the code V8 generates and where it
 * lies): a tune measures its winner in one process, so its interval covers only the first.
 *
 * Reported: every measurement; per process, the spread of the medians; over all, the spread of the
 * per-process medians, and how many pairs of measurements have disjoint intervals, within a process
 * and across processes.
 *
 *   node dist/bench/stability.js [--kernel raytrace] [--recipe recipe.json | --steps -O3,wt-reroll,…]
 *                                [--repeats 5] [--processes 3] [--out DIR]
 *
 * The default candidate is the `simd` contender's recipe. Output: a table on stdout and
 * `<out>/stability-results.md` (by default bench/).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WasmtuneError, messageOf } from '../src/errors.js';
import { Evaluator, FINAL } from '../src/evaluate/evaluator.js';
import { loadKernel, projectRoot } from '../src/kernels/index.js';
import { commit, machine } from '../src/measure/provenance.js';
import type { Estimate } from '../src/measure/stats.js';
import { describeRecipe, levelRecipe, parseRecipe, type Recipe } from '../src/recipe/recipe.js';
import { getPass } from '../src/passes/registry.js';
import { contenderRecipe } from '../src/search/contenders.js';
import { benchMain } from './run-info.js';

interface Options { kernel: string; recipe: Recipe; repeats: number; processes: number; outDir: string }

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kernel: { type: 'string', default: 'raytrace' }, recipe: { type: 'string' }, steps: { type: 'string' },
        repeats: { type: 'string', default: '5' }, processes: { type: 'string', default: '3' }, out: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new WasmtuneError('E_USAGE', messageOf(e));
  }
  const count = (k: 'repeats' | 'processes', min: number) => {
    const n = Number(values[k]);
    if (!Number.isInteger(n) || n < min) throw new WasmtuneError('E_USAGE', `--${k} takes a whole number of at least ${min}, not '${values[k]}'.`);
    return n;
  };
  if (values.recipe !== undefined && values.steps !== undefined) throw new WasmtuneError('E_USAGE', 'Give --recipe or --steps, not both.');
  // A recipe file as `wasmtune tune` writes it ({ recipe, … }) or a bare recipe ({ knobs, passes }).
  const file = values.recipe !== undefined ? (JSON.parse(readFileSync(values.recipe, 'utf8')) as { recipe?: unknown }) : undefined;
  const recipe = file ? parseRecipe(file.recipe ?? file, getPass)
    : values.steps !== undefined ? parseRecipe({ knobs: levelRecipe('O3').knobs, passes: values.steps.split(',').map((s) => s.trim()).filter(Boolean) }, getPass)
    : contenderRecipe('simd');
  return { kernel: values.kernel!, recipe, repeats: count('repeats', 2), processes: count('processes', 2), outDir: resolve(values.out ?? join(projectRoot(), 'bench')) };
}

const f3 = (x: number) => x.toFixed(3);
const est = (m: Estimate) => `${f3(m.median)} [${f3(m.low)}, ${f3(m.high)}]`;
const disjoint = (a: Estimate, b: Estimate) => a.high < b.low || b.high < a.low;

/** Pairs of measurements with disjoint intervals, of all pairs `within` a process or `across` two. */
function disjointPairs(runs: readonly Estimate[][]): { within: [number, number]; across: [number, number] } {
  const within: [number, number] = [0, 0];
  const across: [number, number] = [0, 0];
  runs.forEach((ms, p) => ms.forEach((a, i) => {
    for (let j = i + 1; j < ms.length; j++) { within[1]++; if (disjoint(a, ms[j]!)) within[0]++; }
    for (const other of runs.slice(p + 1)) for (const b of other) { across[1]++; if (disjoint(a, b)) across[0]++; }
  }));
  return { within, across };
}

async function main(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const at = commit(['bench/stability-results.md']);
  const load = loadavg();
  const runs: Estimate[][] = [];
  for (let p = 0; p < o.processes; p++) {
    const kernel = await loadKernel(o.kernel);
    const ev = await Evaluator.create(kernel, { objective: 'runtime' });
    try {
      const build = async (r: Recipe) => {
        const b = await ev.builder.build(kernel.bytes, r, ev.features);
        if (b.state !== 'built') throw new WasmtuneError('E_USAGE', `${describeRecipe(r)} does not build: ${b.reason}`);
        return b.bytes;
      };
      const o3 = await build(levelRecipe('O3'));
      await ev.setRuntimeBaseline(o3);
      const candidate = await build(o.recipe);
      const ms: Estimate[] = [];
      for (let i = 0; i < o.repeats; i++) {
        const m = await ev.measure(o3, candidate, FINAL);
        if (typeof m === 'string') throw new WasmtuneError('E_HARNESS_FAILS', `the candidate fails while timed: ${m}`);
        ms.push(m);
      }
      runs.push(ms);
      process.stdout.write(`process ${p + 1}: ${ms.map(est).join('  ')}\n`);
    } finally {
      ev.close();
    }
  }
  const medians = runs.map((ms) => ms.map((m) => m.median).sort((a, b) => a - b));
  const mid = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  const perProcess = medians.map(mid).sort((a, b) => a - b);
  const width = runs.flat().reduce((s, m) => s + m.high - m.low, 0) / runs.flat().length;
  const pairs = disjointPairs(runs);
  const lines = [
    '# Runtime measurement: within and across runner processes',
    '',
    `Command: \`npm run bench:stability -- ${argv.join(' ')}\` at commit ${at}; ${machine()}, Node ${process.version}; started ${startedAt}, ` +
      `${((performance.now() - t0) / 60_000).toFixed(1)} min; load average at the start ${load.map((x) => x.toFixed(2)).join(' ')}.`,
    '',
    `Pair: -O3 of ${o.kernel} and \`${describeRecipe(o.recipe)}\`, candidate ÷ -O3, each measurement ${FINAL.rounds} interleaved rounds (median, distribution-free 95 % CI); ` +
      `${o.repeats} measurements in each of ${o.processes} fresh evaluators.`,
    '',
    '| process | measurements | medians from … to |',
    '|---|---|---|',
    ...runs.map((ms, p) => `| ${p + 1} | ${ms.map(est).join(', ')} | ${f3(medians[p]![0]!)} … ${f3(medians[p]!.at(-1)!)} |`),
    '',
    `- Mean width of an interval: ${f3(width)}.`,
    `- Middle medians of the processes: ${perProcess.map(f3).join(', ')} (spread ${f3(perProcess.at(-1)! - perProcess[0]!)}).`,
    `- Pairs of measurements with disjoint intervals: within a process ${pairs.within[0]} of ${pairs.within[1]}, across processes ${pairs.across[0]} of ${pairs.across[1]}.`,
    '',
  ];
  mkdirSync(o.outDir, { recursive: true });
  writeFileSync(join(o.outDir, 'stability-results.md'), lines.join('\n'));
  process.stdout.write(lines.slice(lines.indexOf('') + 1).join('\n'));
  return 0;
}

await benchMain(import.meta.url, 'bench:stability', main);
