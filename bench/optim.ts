/**
 * Benchmark of the optimizers on classic test functions (`npm run bench:optim`): how many steps and
 * gradient evaluations each optimizer of the project needs to reach the known minimum of each function in
 * src/learn/optim/functions.ts, from the function's standard start.
 *
 * Protocol, per function and optimizer:
 *  - Reached means ‖x − x*‖₂ ≤ tolerance (default 1e-6), checked at the start and after every step.
 *  - The step cap is counted in gradient evaluations (default 100,000), so a flow step, which costs 2–3
 *    evaluations plus those of rejected trials, is charged what it costs. A natural step costs one gradient
 *    evaluation, so for it too the cap is a step cap.
 *  - Each optimizer's step size is tuned over the grid in {@link GRIDS} (one run per setting, all
 *    deterministic). The best setting is the one that reaches the tolerance with the fewest oracle calls
 *    (gradient evaluations + curvature products + line-search function evaluations), fewer steps breaking
 *    ties; if no setting reaches it, the one that ends nearest x*, reported as "did not reach".
 *  - Wall time: the best setting is run again, repeatedly, and its fastest time per run is divided by that
 *    of the fastest optimizer on the function that reached the tolerance (by the fastest run if none did).
 *    Only ratios are reported; they come from one machine and load, so small differences mean nothing.
 *
 * A curvature product here (an exact Hessian or Gauss–Newton product of a small function) costs about what
 * a gradient costs; for the policy network it is one forward-mode plus one reverse-mode pass, about two
 * gradients. That is why natural's oracle calls count products and line-search evaluations with gradients.
 *
 * Output: `<out>/optim-results.md` (a table per function and a statement of where natural and flow do not
 * pay off, derived from the figures) and `<out>/optim-results.json` (by default `bench/`).
 *
 *   node dist/bench/optim.js [--functions id,…] [--optimizers name,…] [--tolerance 1e-6]
 *                            [--cap 100000] [--out DIR]
 */
import { benchMain } from './run-info.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WasmtuneError, didYouMean, messageOf } from '../src/errors.js';
import { projectRoot } from '../src/kernels/index.js';
import { TEST_FUNCTIONS, createSchedule, distance, minimise } from '../src/learn/optim/index.js';
import type { FlowMethod, MinimiseMethod, MinimiseResult, TestFunction, TestFunctionId } from '../src/learn/optim/index.js';

// ── optimizers and their grids ───────────────────────────────────────────────────────────────────────

/** Every optimizer of the project; `nesterov` is the momentum optimizer with `nesterov: true`. */
export const BENCH_OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw', 'natural', 'flow'] as const;
export type BenchOptimizer = (typeof BENCH_OPTIMIZERS)[number];

/** One point of an optimizer's grid, as data (a run can be rebuilt from it with {@link benchMethod}). */
export type BenchSetting =
  /** Learning rate; constant, or annealed by a cosine to 0 over `cosineSteps` updates. */
  | { kind: 'first-order'; lr: number; cosineSteps?: number }
  /** Trust-region radius δ (the bound on ½sᵀMs) and the curvature M. */
  | { kind: 'natural'; radius: number; curvature: 'hessian' | 'gauss-newton' }
  /** Embedded Runge–Kutta pair and absolute error tolerance (the flow sets its own step). */
  | { kind: 'flow'; method: FlowMethod; atol: number };

/** Learning rates tried by every first-order optimizer: 1-2-5 steps from 1e-4 to 10. */
export const LR_GRID = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10] as const;
/** Schedules tried with each learning rate: constant (undefined), or cosine annealing to 0 over this many updates. */
export const COSINE_GRID = [undefined, 1000, 10_000, 100_000] as const;
export const RADIUS_GRID = [0.01, 0.1, 1, 10, 100, 1000] as const;
export const ATOL_GRID = [1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10] as const;

const firstOrderGrid: BenchSetting[] = LR_GRID.flatMap((lr) => COSINE_GRID.map((cosineSteps) => (cosineSteps ? { kind: 'first-order' as const, lr, cosineSteps } : { kind: 'first-order' as const, lr })));

/** The settings tried per optimizer. */
export const GRIDS: Readonly<Record<BenchOptimizer, readonly BenchSetting[]>> = {
  sgd: firstOrderGrid,
  momentum: firstOrderGrid,
  nesterov: firstOrderGrid,
  rmsprop: firstOrderGrid,
  adam: firstOrderGrid,
  adamw: firstOrderGrid,
  natural: RADIUS_GRID.flatMap((radius) => (['hessian', 'gauss-newton'] as const).map((curvature) => ({ kind: 'natural' as const, radius, curvature }))),
  flow: ATOL_GRID.flatMap((atol) => (['bogacki-shampine', 'heun-euler'] as const).map((method) => ({ kind: 'flow' as const, method, atol }))),
};

/**
 * The options every setting of an optimizer shares (not tuned). AdamW's decay is 0: any decay moves its
 * fixed point away from x*, so it could never reach the tolerance; with 0 its updates are Adam's.
 */
export const FIXED: Readonly<Record<BenchOptimizer, string>> = {
  sgd: 'no weight decay',
  momentum: 'μ = 0.9',
  nesterov: 'μ = 0.9, Nesterov',
  rmsprop: 'ρ = 0.9, ε = 1e-8',
  adam: 'β = (0.9, 0.999), ε = 1e-8',
  adamw: 'β = (0.9, 0.999), ε = 1e-8, weightDecay = 0',
  natural: 'damping 0, trust-region Newton (fillTrustRegion: false), ≤ 10 CG iterations, backtracking ×0.5 up to 10 times',
  flow: 'initial step 0.01, rtol 0, safety 0.9, factors [0.2, 5]',
};

const FIRST_ORDER_OPTIONS: Readonly<Record<string, { optimizer: string; options: Record<string, number | boolean> }>> = {
  sgd: { optimizer: 'sgd', options: {} },
  momentum: { optimizer: 'momentum', options: { momentum: 0.9 } },
  nesterov: { optimizer: 'momentum', options: { momentum: 0.9, nesterov: true } },
  rmsprop: { optimizer: 'rmsprop', options: {} },
  adam: { optimizer: 'adam', options: {} },
  adamw: { optimizer: 'adamw', options: { weightDecay: 0 } },
};

/** The run of `optimizer` with `setting` on `fn`. */
export function benchMethod(optimizer: BenchOptimizer, setting: BenchSetting, fn: TestFunction): MinimiseMethod {
  switch (setting.kind) {
    case 'first-order': {
      const base = FIRST_ORDER_OPTIONS[optimizer];
      if (!base) throw new Error(`bench:optim: ${optimizer} has a first-order setting`);
      const options = { ...base.options, lr: setting.lr };
      return setting.cosineSteps
        ? { kind: 'first-order', optimizer: base.optimizer, options, schedule: createSchedule('cosine', { lr: setting.lr, periodSteps: setting.cosineSteps }) }
        : { kind: 'first-order', optimizer: base.optimizer, options };
    }
    case 'natural':
      return {
        kind: 'natural',
        options: { maxKl: setting.radius, damping: 0, fillTrustRegion: false },
        curvature: setting.curvature === 'hessian' ? (x) => fn.hessian(x) : (x) => fn.gaussNewton(x),
      };
    case 'flow':
      return { kind: 'flow', options: { method: setting.method, atol: setting.atol } };
  }
}

/** E.g. `lr 0.05, constant`, `lr 0.02, cosine over 10,000`, `δ 10, Hessian`, `bogacki-shampine, atol 1e-8`. */
export function describeSetting(s: BenchSetting): string {
  if (s.kind === 'first-order') return `lr ${s.lr}, ${s.cosineSteps ? `cosine over ${s.cosineSteps.toLocaleString('en-US')}` : 'constant'}`;
  if (s.kind === 'natural') return `δ ${s.radius}, ${s.curvature === 'hessian' ? 'Hessian' : 'Gauss–Newton'}`;
  return `${s.method}, atol ${s.atol.toExponential(0)}`;
}

// ── options and results ──────────────────────────────────────────────────────────────────────────────

export interface ClassicBenchOptions {
  /** @default every id of TEST_FUNCTIONS */
  functions: readonly TestFunctionId[];
  /** @default BENCH_OPTIMIZERS */
  optimizers: readonly BenchOptimizer[];
  /** Reached when ‖x − x*‖₂ ≤ tolerance. @default 1e-6 */
  tolerance: number;
  /** The step cap, in gradient evaluations (a flow step in progress may pass it by one step's). @default 100000 */
  maxGradientEvaluations: number;
  /** The best setting is re-run for timing until this much time has passed (and at least 3 times), ms. @default 100 */
  minTimeMs: number;
}

export const CLASSIC_DEFAULTS: Readonly<ClassicBenchOptions> = {
  functions: Object.keys(TEST_FUNCTIONS) as TestFunctionId[],
  optimizers: BENCH_OPTIMIZERS,
  tolerance: 1e-6,
  maxGradientEvaluations: 100_000,
  minTimeMs: 100,
};

interface RowCommon {
  function: TestFunctionId;
  optimizer: BenchOptimizer;
  /** The best setting of the grid (see the file header). */
  setting: BenchSetting;
  settingLabel: string;
  /** Settings in the grid, and how many of them reached the tolerance. */
  settingsTried: number;
  settingsReached: number;
  /** The best setting's run: steps, and what they cost. */
  steps: number;
  gradientEvaluations: number;
  curvatureProducts: number;
  functionEvaluations: number;
  rejectedTrials: number;
  /** gradientEvaluations + curvatureProducts + functionEvaluations. */
  oracleCalls: number;
  /** ‖x − x*‖₂ and f(x) − f* where the run stopped. */
  finalDistance: number;
  finalGap: number;
  /** Wall time of the run (fastest of repeats) ÷ that of the fastest optimizer on this function that reached the tolerance. */
  timeRatio: number;
}

/** A row per function and optimizer; `stop` says why a run that did not reach the tolerance ended. */
export type ClassicBenchRow =
  | (RowCommon & { state: 'reached' })
  | (RowCommon & { state: 'not-reached'; stop: 'step-cap' | 'stalled' | 'diverged' });

export interface ClassicBenchResult {
  options: Omit<ClassicBenchOptions, 'functions' | 'optimizers'> & { functions: string[]; optimizers: string[] };
  rows: ClassicBenchRow[];
  node: string;
  command?: string;
}

// ── the benchmark ────────────────────────────────────────────────────────────────────────────────────

function runOnce(fn: TestFunction, optimizer: BenchOptimizer, setting: BenchSetting, o: ClassicBenchOptions): MinimiseResult {
  return minimise(fn, benchMethod(optimizer, setting, fn), {
    maxGradientEvaluations: o.maxGradientEvaluations,
    until: (x) => distance(x, fn.minimum) <= o.tolerance,
  });
}

const cost = (r: MinimiseResult) => r.gradientEvaluations + r.curvatureProducts + r.functionEvaluations;
const finalDistanceOf = (fn: TestFunction, r: MinimiseResult) => {
  const d = distance(r.x, fn.minimum);
  return Number.isFinite(d) ? d : Infinity;
};

/** Is run a better than run b (see the file header)? */
function better(fn: TestFunction, a: MinimiseResult, b: MinimiseResult): boolean {
  const ra = a.state === 'converged';
  const rb = b.state === 'converged';
  if (ra !== rb) return ra;
  if (ra) return cost(a) < cost(b) || (cost(a) === cost(b) && a.steps < b.steps);
  return finalDistanceOf(fn, a) < finalDistanceOf(fn, b);
}

/**
 * The fastest of repeated runs, ms: the work is deterministic, so the differences between repeats are the
 * machine's (load, garbage collection, compilation), and the minimum is the least disturbed.
 */
function fastestTimeMs(run: () => void, minTimeMs: number): number {
  let best = Infinity;
  const start = performance.now();
  for (let n = 0; n < 3 || (performance.now() - start < minTimeMs && n < 10_000); n++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Runs every optimizer's grid on every function and returns a row per function and optimizer (functions in
 * the order given, optimizers in BENCH_OPTIMIZERS order within each). Deterministic apart from timeRatio.
 */
export function runClassicBenchmark(options: Partial<ClassicBenchOptions> = {}, log?: (line: string) => void): ClassicBenchResult {
  const o: ClassicBenchOptions = { ...CLASSIC_DEFAULTS, ...options };
  for (const id of o.functions) {
    if (!Object.hasOwn(TEST_FUNCTIONS, id)) throw new WasmtuneError('E_USAGE', `Unknown test function '${id}'.${didYouMean(id, Object.keys(TEST_FUNCTIONS))} Functions: ${Object.keys(TEST_FUNCTIONS).join(', ')}.`);
  }
  for (const name of o.optimizers) {
    if (!BENCH_OPTIMIZERS.includes(name)) throw new WasmtuneError('E_USAGE', `Unknown optimizer '${name}'.${didYouMean(name, [...BENCH_OPTIMIZERS])} Optimizers: ${BENCH_OPTIMIZERS.join(', ')}.`);
  }
  if (!(o.tolerance > 0)) throw new WasmtuneError('E_USAGE', `The tolerance must be a number > 0, got ${o.tolerance}.`);
  if (!(o.maxGradientEvaluations >= 0)) throw new WasmtuneError('E_USAGE', `The cap must be a number of gradient evaluations ≥ 0, got ${o.maxGradientEvaluations}.`);
  const optimizers = BENCH_OPTIMIZERS.filter((b) => o.optimizers.includes(b));
  const rows: ClassicBenchRow[] = [];
  for (const id of o.functions) {
    const fn = TEST_FUNCTIONS[id]();
    const partial: { row: Omit<RowCommon, 'timeRatio'> & ({ state: 'reached' } | { state: 'not-reached'; stop: 'step-cap' | 'stalled' | 'diverged' }); timeMs: number }[] = [];
    for (const optimizer of optimizers) {
      const grid = GRIDS[optimizer];
      let best: { setting: BenchSetting; r: MinimiseResult } | undefined;
      let reached = 0;
      for (const setting of grid) {
        const r = runOnce(fn, optimizer, setting, o);
        if (r.state === 'converged') reached++;
        if (!best || better(fn, r, best.r)) best = { setting, r };
      }
      const { setting, r } = best!;
      const timeMs = fastestTimeMs(() => runOnce(fn, optimizer, setting, o), o.minTimeMs);
      const common = {
        function: id,
        optimizer,
        setting,
        settingLabel: describeSetting(setting),
        settingsTried: grid.length,
        settingsReached: reached,
        steps: r.steps,
        gradientEvaluations: r.gradientEvaluations,
        curvatureProducts: r.curvatureProducts,
        functionEvaluations: r.functionEvaluations,
        rejectedTrials: r.rejectedTrials,
        oracleCalls: cost(r),
        finalDistance: finalDistanceOf(fn, r),
        finalGap: fn.value(r.x) - fn.minimumValue,
      };
      const row =
        r.state === 'converged'
          ? { ...common, state: 'reached' as const }
          : { ...common, state: 'not-reached' as const, stop: r.state === 'evaluation-cap' || r.state === 'step-cap' ? ('step-cap' as const) : r.state };
      partial.push({ row, timeMs });
      log?.(`${id} ${optimizer}: ${row.state} with ${row.settingLabel} (${row.gradientEvaluations} gradient evaluations, ${reached}/${grid.length} settings reached)`);
    }
    const reachedTimes = partial.filter((p) => p.row.state === 'reached').map((p) => p.timeMs);
    const fastest = Math.min(...(reachedTimes.length ? reachedTimes : partial.map((p) => p.timeMs)));
    for (const p of partial) rows.push({ ...p.row, timeRatio: p.timeMs / fastest });
  }
  return { options: { ...o, functions: [...o.functions], optimizers: [...optimizers] }, rows, node: process.version };
}

// ── rendering ────────────────────────────────────────────────────────────────────────────────────────

const int = (n: number) => n.toLocaleString('en-US');
const sci = (x: number) => (x === 0 ? '0' : Number.isFinite(x) ? x.toExponential(1).replace('.0e', 'e') : String(x));
const FIRST_ORDER: readonly BenchOptimizer[] = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'];

/** The table of one function's rows, in Markdown. */
export function renderClassicTable(rows: readonly ClassicBenchRow[]): string {
  const lines = [
    '| optimizer | best setting (reached / tried) | result | steps | gradient evaluations | curvature products | function evaluations | rejected trials | wall time ÷ fastest |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const result = r.state === 'reached' ? 'reached' : `**did not reach** (${r.stop}; ‖x − x*‖ = ${sci(r.finalDistance)}, f − f* = ${sci(r.finalGap)})`;
    lines.push(
      `| ${r.optimizer} | ${r.settingLabel} (${r.settingsReached} / ${r.settingsTried}) | ${result} | ${int(r.steps)} | ${int(r.gradientEvaluations)} | ${r.optimizer === 'natural' ? int(r.curvatureProducts) : '–'} | ${r.optimizer === 'natural' ? int(r.functionEvaluations) : '–'} | ${r.optimizer === 'flow' ? int(r.rejectedTrials) : '–'} | ${r.timeRatio.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

const plural = (n: number, word: string) => `${int(n)} ${word}${n === 1 ? '' : 's'}`;

/** Fewest oracle calls among the first-order rows of one function that reached the tolerance. */
function bestFirstOrder(rows: readonly ClassicBenchRow[]): ClassicBenchRow | undefined {
  return rows.filter((r) => FIRST_ORDER.includes(r.optimizer) && r.state === 'reached').sort((a, b) => a.oracleCalls - b.oracleCalls || a.timeRatio - b.timeRatio)[0];
}

/**
 * Plain statements, derived from the rows, of where natural and flow do and do not pay off against the
 * best first-order optimizer on each function (fewest gradient evaluations among those that reached): a
 * summary line per method, then one line per function and method.
 */
export function newerMethodsVerdict(rows: readonly ClassicBenchRow[]): string[] {
  const summary: string[] = [];
  const detail: string[] = [];
  const functions = [...new Set(rows.map((r) => r.function))];
  for (const name of ['natural', 'flow'] as const) {
    const notOff: string[] = [];
    const ratios: number[] = [];
    for (const id of functions) {
      const own = rows.filter((r) => r.function === id);
      const r = own.find((x) => x.optimizer === name);
      if (!r) continue;
      const first = bestFirstOrder(own);
      const calls =
        name === 'natural'
          ? `${plural(r.oracleCalls, 'oracle call')} (${plural(r.gradientEvaluations, 'gradient')}, ${plural(r.curvatureProducts, 'curvature product')}, ${plural(r.functionEvaluations, 'function evaluation')})`
          : `${plural(r.gradientEvaluations, 'gradient evaluation')} (${plural(r.rejectedTrials, 'rejected trial')})`;
      if (r.state === 'not-reached') {
        notOff.push(id);
        detail.push(`${id}: **${name} does not pay off**: it did not reach the tolerance with any of its ${r.settingsTried} settings (best: ${r.settingLabel}, stopped by ${r.stop} at ‖x − x*‖ = ${sci(r.finalDistance)}).`);
        continue;
      }
      if (!first) {
        detail.push(`${id}: ${name} pays off: it reached the tolerance (${calls}, ${r.settingLabel}) where no first-order optimizer did.`);
        continue;
      }
      ratios.push(r.oracleCalls / first.oracleCalls);
      const vs = `${plural(first.gradientEvaluations, 'gradient evaluation')} for ${first.optimizer}, the best first-order optimizer; wall time ×${r.timeRatio.toFixed(2)} against ×${first.timeRatio.toFixed(2)}`;
      const fewer = r.oracleCalls < first.oracleCalls;
      const faster = r.timeRatio < first.timeRatio;
      if (fewer && faster) detail.push(`${id}: ${name} pays off: ${calls} against ${vs}.`);
      else {
        notOff.push(id);
        detail.push(`${id}: **${name} does not pay off${fewer ? ' in wall time' : ''}**: ${calls} against ${vs}.`);
      }
    }
    const ratio = (x: number) => String(Number(x.toPrecision(2)));
    const range = ratios.length ? ` Its oracle calls are ${ratio(Math.min(...ratios))}–${ratio(Math.max(...ratios))} × those of the best first-order optimizer.` : '';
    summary.push(
      notOff.length
        ? `**${name}** does not pay off on ${notOff.length} of ${functions.length} functions (${notOff.join(', ')}).${range}`
        : `**${name}** pays off on all ${functions.length} functions.${range}`,
    );
  }
  return [...summary, ...detail];
}

/** The whole results page. */
export function renderClassicReport(result: ClassicBenchResult): string {
  const o = result.options;
  const lines = [
    '# Optimizers on classic test functions',
    '',
    `Generated by \`${result.command ?? 'npm run bench:optim'}\` (Node ${result.node}); the figures are deterministic, the wall-time ratios are not.`,
    '',
    `Each optimizer starts from the function's standard start and runs until ‖x − x*‖₂ ≤ ${sci(o.tolerance)}, or until ${int(o.maxGradientEvaluations)} gradient evaluations (the step cap; a natural step costs one).`,
    "Its step size is tuned over the grid below; the table shows the best setting (fewest oracle calls among the settings that reached the tolerance, else the one that ended nearest x*) and how many of the grid's settings reached the tolerance.",
    'Oracle calls are gradient evaluations + curvature products + line-search function evaluations: on these functions a Hessian or Gauss–Newton product costs about one gradient (on the policy network, a Fisher product is about two).',
    "Wall time is the best setting's time per run (the fastest of repeated runs) divided by that of the fastest optimizer on the same function that reached the tolerance.",
    '',
    'Grids:',
    `- sgd, momentum, nesterov, rmsprop, adam, adamw: lr ∈ {${LR_GRID.join(', ')}} × {constant, cosine annealing to 0 over ${COSINE_GRID.filter(Boolean).map((n) => int(n!)).join(', ')} updates} (${firstOrderGrid.length} settings).`,
    `- natural: trust-region radius δ ∈ {${RADIUS_GRID.join(', ')}} × curvature ∈ {Hessian, Gauss–Newton} (${GRIDS.natural.length} settings).`,
    `- flow: atol ∈ {${ATOL_GRID.map((a) => a.toExponential(0)).join(', ')}} × pair ∈ {bogacki-shampine, heun-euler} (${GRIDS.flow.length} settings); the integrator chooses its own step.`,
    '',
    'Fixed, not tuned:',
    ...BENCH_OPTIMIZERS.filter((b) => o.optimizers.includes(b)).map((b) => `- ${b}: ${FIXED[b]}`),
    '',
  ];
  for (const id of o.functions) {
    const fn = TEST_FUNCTIONS[id as TestFunctionId]();
    const start = [...fn.start].map((v) => String(v));
    const min = [...fn.minimum].map((v) => String(v));
    lines.push(`## ${fn.name} (\`${id}\`)`, '', `${fn.start.length}-D, from (${start.join(', ')}); minimum f* = ${fn.minimumValue} at (${min.join(', ')}).`, '');
    lines.push(renderClassicTable(result.rows.filter((r) => r.function === id)), '');
  }
  lines.push(
    '## Where the newer methods (natural, flow) do not pay off',
    '',
    'Against the best first-order optimizer on each function (the fewest oracle calls among those that reached the tolerance). The functions are deterministic, with exact gradients and exact curvature products, and small enough that a step costs little beyond its oracle calls.',
    '',
    ...newerMethodsVerdict(result.rows).map((s) => `- ${s}`),
    '',
  );
  return lines.join('\n');
}

// ── command line ─────────────────────────────────────────────────────────────────────────────────────

function parseOptions(argv: string[]): { options: Partial<ClassicBenchOptions>; outDir: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { functions: { type: 'string' }, optimizers: { type: 'string' }, tolerance: { type: 'string' }, cap: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new WasmtuneError('E_USAGE', messageOf(e));
  }
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  const number = (flag: string, s: string) => {
    const n = Number(s);
    if (!Number.isFinite(n)) throw new WasmtuneError('E_USAGE', `--${flag} must be a number, got '${s}'.`);
    return n;
  };
  const options: Partial<ClassicBenchOptions> = {};
  if (values.functions !== undefined) options.functions = list(values.functions) as TestFunctionId[];
  if (values.optimizers !== undefined) options.optimizers = list(values.optimizers) as BenchOptimizer[];
  if (values.tolerance !== undefined) options.tolerance = number('tolerance', values.tolerance);
  if (values.cap !== undefined) options.maxGradientEvaluations = number('cap', values.cap);
  return { options, outDir: resolve(values.out ?? join(projectRoot(), 'bench')) };
}

function cli(argv: string[]): number {
  const { options, outDir } = parseOptions(argv);
  const result = runClassicBenchmark(options, (line) => process.stderr.write(`${line}\n`));
  result.command = `npm run bench:optim${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'optim-results.md'), renderClassicReport(result));
  writeFileSync(join(outDir, 'optim-results.json'), `${JSON.stringify(result, null, 2)}\n`);
  const missed = result.rows.filter((r) => r.state !== 'reached').length;
  process.stdout.write(`wrote ${join(outDir, 'optim-results.md')} and optim-results.json (${result.rows.length} rows, ${missed} did not reach the tolerance)\n`);
  return 0;
}

await benchMain(import.meta.url, 'bench:optim', cli);
