/**
 * What each step costs to build (`npm run bench:step-cost`): the CPU time Binaryen spends on one step of
 * the catalog, on every suite kernel, as a ratio to the CPU time of building the same kernel with -O3
 * (`levelRecipe('O3')`). The search space reads the figures (`space.cost`, src/passes/cost.ts), so that
 * an agent knows which steps are expensive before it proposes them.
 *
 * Measured for every step of the registry (every pass, every pipeline, every value of a pass of ours:
 * every step any search space may offer) in two contexts:
 *
 *  (a) original: the step on the module as given: CPU(`[step]`) − CPU(`[]`). A step that needs flat IR
 *      is measured as a recipe writes it, `[flatten, step]`, so its figure includes `flatten`.
 *  (b) flat: the step right after `flatten`: CPU(`[flatten, step]`) − CPU(`[flatten]`). Flat IR is larger
 *      and some passes cost many times more on it.
 *
 * Both subtract the build of the recipe without the step, so the fixed cost of reading and writing the
 * module counts once (recorded as `overhead`) and the figures of a recipe's steps add up. Each figure is
 * divided by the CPU time of the whole -O3 build. Also measured per step: on how many kernels it keeps
 * IR flat (`[flatten, step, dfo]` builds: dfo refuses IR that is not flat), so a recipe's cost knows
 * which context each of its steps runs in.
 *
 * Protocol. A child process builds with `build()` from src/binaryen/module.ts and reads
 * `process.cpuUsage()` around it: CPU time moves far less than wall time with the load other processes
 * put on the machine. The child runs with `--no-liftoff --no-wasm-lazy-compilation`, so Binaryen's code is
 * compiled by the optimizing tier once, at start-up, and no background tier-up lands in a measurement.
 * One sample repeats the build until it has used `--min-cpu-ms` of CPU (at least once) and takes the
 * median build, so that kernels whose -O3 build takes a few milliseconds are not measured at the
 * resolution of noise, and a build slowed down by another process (on a contended machine CPU time grows
 * too) moves the sample little. A warm-up round builds every recipe once (untimed: the first builds of a pass of ours run
 * colder code) and finds the steps that fail; then each recipe gets `--reps` samples in rounds over all
 * steps, the order reversed every other round, and its figure on a kernel is the median of the samples.
 * The baselines (`[]`, `[flatten]`, `[-O3]`) are sampled before every block of 10 steps and at the end of
 * a round, and each sample is set against the baselines sampled just before and after its block, so that
 * a change in the machine's load falls on both sides of the ratio. A build that took more than 5 s of CPU
 * is sampled at most once more. Each request to the child has a wall-clock cap (`--timeout-s`): a step
 * that exceeds it is killed and recorded, and its figure on that kernel is the cap itself, a lower bound.
 * A step that fails on a kernel (Binaryen refuses it) is skipped there and recorded. A difference below
 * 0.001 of -O3 (noise on a step that does nothing) is recorded as 0.001, so every figure is positive.
 *
 * Output: src/passes/step-cost.json (per step: median and max over kernels of the ratio in each context,
 * on how many kernels it keeps IR flat, the kernels it was skipped on) and bench/step-cost-results.md (the 25 most
 * expensive steps in each context), both rewritten after each kernel; `--out DIR` writes both to DIR.
 *
 *   node dist/bench/step-cost.js [--kernels suite|a,b] [--steps a,b] [--reps 3] [--min-cpu-ms 50]
 *                                [--timeout-s 120] [--out DIR]
 *
 * `--steps` takes step names or a parameterised pass (`wt-unroll`: every value). A run of some steps or
 * kernels only needs `--out`: the committed data is always a full run.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WasmtuneError, messageOf } from '../src/errors.js';
import { listSuite, loadKernel, projectRoot } from '../src/kernels/index.js';
import { median } from '../src/measure/stats.js';
import { commit, machine } from '../src/measure/provenance.js';
import { PASSES, expandStep } from '../src/passes/registry.js';
import { STEP_COST_FORMAT, type CostFigures, type StepCostEntry, type StepCostFile } from '../src/passes/cost.js';
import { ChildWorker, FatalError, childEntry, serve, type ChildResult } from '../src/proc/child.js';
import { isPipeline, levelRecipe, type Knobs, type Recipe } from '../src/recipe/recipe.js';
import { benchMain } from './run-info.js';

// ── options ──────────────────────────────────────────────────────────────────────────────────────────

export interface StepCostOptions {
  /** Kernel URIs. */
  kernels: readonly string[];
  /** Steps to measure, catalog order. */
  steps: readonly string[];
  reps: number;
  /** CPU time one sample accumulates, ms (the build is repeated until it has used this much; the sample is the median build). */
  minCpuMs: number;
  /** Wall-clock cap of one request to the child, s. */
  timeoutS: number;
  jsonPath: string;
  mdPath: string;
  /**
   * The compiled copy of the data file (dist/src/passes/step-cost.json), rewritten with it when it exists:
   * `tsc` copies the file only when it compiles, which the build before this benchmark did with the old one.
   */
  compiledJsonPath?: string;
  command?: string;
  log?: (line: string) => void;
}

/** A build that took longer than this (CPU, ms) is sampled at most twice. */
const SLOW_MS = 5000;
/** The smallest figure recorded: differences below it are noise on a step that does next to nothing. */
const FLOOR = 0.001;
/** V8 flags of the child: Binaryen compiled by the optimizing tier at start-up, no tier-up later. */
const CHILD_FLAGS = ['--no-liftoff', '--no-wasm-lazy-compilation'];
const CHILD_ENV = 'WASMTUNE_STEP_COST_CHILD';
/** Start-up of a child (compiling Binaryen eagerly takes seconds) and its warm-up builds. */
const LOAD_TIMEOUT_MS = 600_000;

/** Every step of the registry: pipelines, Binaryen's passes, each value of a pass of ours. */
export function catalogSteps(only?: readonly string[]): string[] {
  const all = [...PASSES.keys()];
  if (!only) return all;
  for (const o of only) {
    if (!all.some((s) => s === o || s.startsWith(`${o}:`))) throw new WasmtuneError('E_USAGE', `--steps: '${o}' is not a step (see 'wasmtune passes').`);
  }
  return all.filter((s) => only.some((o) => s === o || s.startsWith(`${o}:`)));
}

export function parseOptions(argv: string[]): StepCostOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kernels: { type: 'string', default: 'suite' },
        steps: { type: 'string' },
        reps: { type: 'string', default: '3' },
        'min-cpu-ms': { type: 'string', default: '50' },
        'timeout-s': { type: 'string', default: '120' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new WasmtuneError('E_USAGE', messageOf(e));
  }
  const num = (name: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new WasmtuneError('E_USAGE', `--${name} must be a number ≥ ${min}, got '${v}'.`);
    return n;
  };
  const reps = num('reps', values.reps!, 1);
  if (!Number.isInteger(reps)) throw new WasmtuneError('E_USAGE', `--reps must be an integer, got '${values.reps}'.`);
  const kernels = values.kernels === 'suite' ? listSuite() : values.kernels!.split(',').map((k) => k.trim()).filter(Boolean);
  if (!kernels.length) throw new WasmtuneError('E_USAGE', '--kernels names no kernel.');
  const steps = catalogSteps(values.steps?.split(',').map((s) => s.trim()).filter(Boolean));
  const out = values.out ? resolve(values.out) : undefined;
  // The committed data covers every step on every suite kernel: a partial run writes elsewhere.
  if (!out && (values.steps !== undefined || values.kernels !== 'suite')) throw new WasmtuneError('E_USAGE', '--steps and --kernels need --out DIR: src/passes/step-cost.json holds a full run only.');
  return {
    kernels, steps, reps,
    minCpuMs: num('min-cpu-ms', values['min-cpu-ms']!, 0),
    timeoutS: num('timeout-s', values['timeout-s']!, 1),
    jsonPath: out ? join(out, 'step-cost.json') : join(projectRoot(), 'src', 'passes', 'step-cost.json'),
    mdPath: out ? join(out, 'step-cost-results.md') : join(projectRoot(), 'bench', 'step-cost-results.md'),
    ...(out ? {} : { compiledJsonPath: join(projectRoot(), 'dist', 'src', 'passes', 'step-cost.json') }),
  };
}

// ── the child: builds and times them ─────────────────────────────────────────────────────────────────

type ChildRequest =
  | { op: 'load'; uri: string }
  | { op: 'time'; uri: string; recipe: Recipe; minCpuMs: number }
  | { op: 'build'; uri: string; recipe: Recipe };

type ChildResponse =
  /** `load`: the kernel is read and the child warmed up. */
  | { loaded: true }
  /** `time`: CPU time per build, ms (the median of `builds` builds), and the mean wall time per build. */
  | { cpuMs: number; wallMs: number; builds: number }
  /** `build`: built. */
  | { built: true }
  /** `time` or `build`: Binaryen refused the recipe. */
  | { failed: string };

function serveChild(): void {
  const lib = (async () => {
    const m = await import('../src/binaryen/module.js');
    const { customPassFunctions } = await import('../src/passes/custom/index.js');
    return { ...m, custom: customPassFunctions() };
  })();
  const kernels = new Map<string, { bytes: Uint8Array; features: number }>();
  serve<ChildRequest, ChildResponse>(async (req) => {
    const { build, detectFeatures, BinaryenFailure, custom } = await lib;
    let k = kernels.get(req.uri);
    if (!k) {
      kernels.clear();
      const { bytes } = await loadKernel(req.uri);
      const features = detectFeatures(bytes);
      if (features === undefined) throw new Error(`${req.uri} does not validate`);
      k = { bytes, features };
      kernels.set(req.uri, k);
    }
    const kernel = k;
    /** One build; undefined when it succeeds, Binaryen's message when it refuses the recipe. */
    const once = (recipe: Recipe): string | undefined => {
      try {
        build(kernel.bytes, recipe, kernel.features, custom);
        return undefined;
      } catch (e) {
        if (!(e instanceof BinaryenFailure)) throw e;
        // Binaryen's state is undefined after an abort: the parent starts a fresh child.
        if (e.kind === 'abort') throw new FatalError(`Binaryen aborted: ${e.message}`);
        return e.message;
      }
    };
    switch (req.op) {
      case 'load': {
        // Warm-up: the first builds of a process run colder code (JIT of our passes, Binaryen's caches).
        const o3 = levelRecipe('O3');
        for (const passes of [['-O3'], ['flatten'], [], ['-O3'], ['flatten'], []]) once({ knobs: o3.knobs, passes });
        return { loaded: true };
      }
      case 'build': {
        const failed = once(req.recipe);
        return failed === undefined ? { built: true } : { failed };
      }
      case 'time': {
        // The median build of the sample: a build that another process slowed down (CPU time grows too
        // when the machine is contended) moves it less than it would move the mean.
        const cpu: number[] = [];
        let total = 0;
        const w0 = performance.now();
        do {
          const c0 = process.cpuUsage();
          const failed = once(req.recipe);
          const c = process.cpuUsage(c0);
          if (failed !== undefined) return { failed };
          cpu.push((c.user + c.system) / 1000);
          total += cpu.at(-1)!;
        } while (total < req.minCpuMs && cpu.length < 1000);
        return { cpuMs: median(cpu), wallMs: (performance.now() - w0) / cpu.length, builds: cpu.length };
      }
    }
  });
}

// ── the parent ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The child process that builds and times, shared by the kernels; started again (and warmed up) after a
 * timeout or a crash.
 */
class TimingChild {
  private readonly worker: ChildWorker<ChildRequest, ChildResponse>;
  private loaded = false;
  constructor(private readonly timeoutMs: number) {
    const entry = childEntry(import.meta.url, 'step-cost');
    this.worker = new ChildWorker(entry.file, [...entry.execArgv, ...CHILD_FLAGS], { [CHILD_ENV]: '1' });
  }

  async request(req: Exclude<ChildRequest, { op: 'load' }>): Promise<ChildResult<ChildResponse>> {
    if (!this.loaded) {
      const r = await this.worker.request({ op: 'load', uri: req.uri }, LOAD_TIMEOUT_MS);
      if (r.state !== 'ok') throw new Error(`the child process did not start: ${r.error}${this.worker.stderr ? ` (${this.worker.stderr.trim().slice(-300)})` : ''}`);
      this.loaded = true;
    }
    const r = await this.worker.request(req, this.timeoutMs);
    if (r.state === 'timeout' || r.state === 'crashed') this.loaded = false;
    return r;
  }

  close(): void {
    this.worker.close();
  }
}

export type Context = 'original' | 'flat';
const CONTEXTS: readonly Context[] = ['original', 'flat'];

/** Knobs of every measured build: -O3's, plus what the step requires (the low-memory and fast-math assumptions). */
export function knobsFor(step: string): Knobs {
  const requires = PASSES.get(step)?.requires ?? [];
  return {
    ...levelRecipe('O3').knobs,
    ...(requires.includes('low-memory-unused') ? { lowMemoryUnused: true } : {}),
    ...(requires.includes('fast-math') ? { fastMath: true } : {}),
  };
}

/** The recipe a step is timed with in a context (a step that needs flat IR is preceded by flatten in both). */
export function recipeFor(step: string, context: Context): Recipe {
  const passes = context === 'original' ? expandStep(step) : ['flatten', step];
  return { knobs: knobsFor(step), passes };
}

/** The recipe that tells whether a step keeps IR flat: dfo refuses IR that is not flat. */
function flatCheck(step: string): Recipe {
  return { knobs: knobsFor(step), passes: ['flatten', step, 'dfo'] };
}

/** One sample: CPU ms per build, and the baseline probe taken just before its block of steps. */
interface Sample {
  cpuMs: number;
  probe: number;
  /** The step hit the wall-clock cap: `cpuMs` is the cap, a lower bound. */
  lowerBound?: boolean;
}

interface StepRun {
  samples: Record<Context, Sample[]>;
  /** Why the step was not measured in a context on this kernel. */
  failed: Partial<Record<Context, string>>;
  /** The step exceeded the wall-clock cap: its figure is the cap, a lower bound. */
  timedOut: Partial<Record<Context, boolean>>;
  /** Whether `[flatten, step, dfo]` built; undefined when it failed for another reason. */
  keepsFlat?: boolean;
}

type Baseline = 'empty' | 'flatten' | 'o3';

export interface KernelResult {
  uri: string;
  name: string;
  /** Median CPU ms of one build of each baseline recipe. */
  baselines: Record<Baseline, number>;
  /** Per step and context: ratio to -O3 (floored at {@link FLOOR}), or why there is none. */
  steps: Record<string, { original?: number; flat?: number; failed: Partial<Record<Context, string>>; timedOut: Partial<Record<Context, boolean>>; keepsFlat?: boolean }>;
  builds: number;
  walltimeS: number;
  error?: string;
}

const round4 = (x: number) => Number(x.toPrecision(4));

/** Steps between two samples of the baselines. */
const BLOCK = 10;

/**
 * One kernel: a warm-up round (every recipe built once, untimed unless it is slow; failures found here;
 * whether each step keeps IR flat), then `reps` timed rounds. Within a round the baselines are sampled
 * before every block of {@link BLOCK} steps and at the end, and a step's sample is compared with the
 * baselines sampled just before and just after its block, so that a change in the machine's load falls
 * on both sides of the ratio.
 */
async function benchKernel(uri: string, child: TimingChild, opts: StepCostOptions, log: (line: string) => void): Promise<KernelResult> {
  const t0 = performance.now();
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const result: KernelResult = { uri, name, baselines: { empty: NaN, flatten: NaN, o3: NaN }, steps: {}, builds: 0, walltimeS: 0 };
  const o3 = levelRecipe('O3');
  const baselineRecipes: Record<Baseline, Recipe> = { empty: { knobs: o3.knobs, passes: [] }, flatten: { knobs: o3.knobs, passes: ['flatten'] }, o3 };
  const probes: Array<Record<Baseline, number>> = [];
  const runs = new Map<string, StepRun>(opts.steps.map((s) => [s, { samples: { original: [], flat: [] }, failed: {}, timedOut: {} }]));
  // A step that needs flat IR runs as [flatten, step] in both contexts: one measurement serves both.
  const shared = (step: string) => JSON.stringify(recipeFor(step, 'flat')) === JSON.stringify(recipeFor(step, 'original'));
  const time = async (recipe: Recipe, minCpuMs: number): Promise<{ cpuMs: number } | { failed: string; timedOut?: boolean }> => {
    const r = await child.request({ op: 'time', uri, recipe, minCpuMs });
    if (r.state !== 'ok') return { failed: `${r.state}: ${r.error}`.replace(/\s+/g, ' ').slice(0, 200), ...(r.state === 'timeout' ? { timedOut: true } : {}) };
    if ('failed' in r.value) return { failed: r.value.failed.replace(/\s+/g, ' ').slice(0, 200) };
    if (!('cpuMs' in r.value)) throw new Error('unexpected answer from the child');
    result.builds += r.value.builds;
    return { cpuMs: r.value.cpuMs };
  };
  const probe = async () => {
    const p = { empty: NaN, flatten: NaN, o3: NaN };
    for (const k of Object.keys(baselineRecipes) as Baseline[]) {
      const r = await time(baselineRecipes[k], opts.minCpuMs);
      if ('failed' in r) throw new Error(`the baseline ${JSON.stringify(baselineRecipes[k].passes)} failed: ${r.failed}`);
      p[k] = r.cpuMs;
    }
    probes.push(p);
  };
  const measure = async (step: string, warmUp: boolean) => {
    const run = runs.get(step)!;
    const at = probes.length - 1;
    for (const context of CONTEXTS) {
      if (run.failed[context] !== undefined || (context === 'flat' && shared(step))) continue;
      const samples = run.samples[context];
      if (!warmUp && samples.length >= 2 && samples.some((x) => x.cpuMs > SLOW_MS)) continue;
      const r = await time(recipeFor(step, context), warmUp ? 0 : opts.minCpuMs);
      if ('cpuMs' in r) {
        // A warm-up build counts as a sample only when it is slow (then one more is taken).
        if (!warmUp || r.cpuMs > SLOW_MS) samples.push({ cpuMs: r.cpuMs, probe: at });
      } else {
        if (r.timedOut) {
          samples.push({ cpuMs: opts.timeoutS * 1000, probe: at, lowerBound: true });
          run.timedOut[context] = true;
        }
        run.failed[context] = r.failed;
      }
    }
    if (warmUp) {
      const r = await child.request({ op: 'build', uri, recipe: flatCheck(step) });
      if (r.state === 'ok' && 'built' in r.value) run.keepsFlat = true;
      else if (r.state === 'ok' && 'failed' in r.value && /IR must be flat/.test(r.value.failed)) run.keepsFlat = false;
    }
  };
  try {
    for (let round = 0; round <= opts.reps; round++) {
      const order = round % 2 ? [...opts.steps].reverse() : opts.steps;
      for (const [i, step] of order.entries()) {
        if (i % BLOCK === 0) await probe();
        await measure(step, round === 0);
      }
      await probe();
      log(`${name}: ${round === 0 ? 'warm-up' : `round ${round}/${opts.reps}`} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    result.baselines = { empty: median(probes.map((p) => p.empty)), flatten: median(probes.map((p) => p.flatten)), o3: median(probes.map((p) => p.o3)) };
    /** A sample as a ratio to -O3, against the baselines sampled around it. */
    const ratioOf = (x: Sample, base: Baseline) => {
      const local = (k: Baseline) => (probes[x.probe]![k] + probes[x.probe + 1]![k]) / 2;
      return x.lowerBound ? x.cpuMs / local('o3') : (x.cpuMs - local(base)) / local('o3');
    };
    for (const [step, run] of runs) {
      const ratio = (context: Context) => {
        const samples = run.samples[shared(step) ? 'original' : context];
        const failed = run.failed[shared(step) ? 'original' : context];
        if (!samples.length || (failed !== undefined && !samples.some((x) => x.lowerBound))) return undefined;
        return round4(Math.max(FLOOR, median(samples.map((x) => ratioOf(x, context === 'original' ? 'empty' : 'flatten')))));
      };
      const original = ratio('original');
      const flat = ratio('flat');
      const failed = shared(step) && run.failed.original !== undefined ? { ...run.failed, flat: run.failed.original } : run.failed;
      const timedOut = shared(step) && run.timedOut.original ? { ...run.timedOut, flat: true } : run.timedOut;
      result.steps[step] = {
        ...(original !== undefined ? { original } : {}),
        ...(flat !== undefined ? { flat } : {}),
        failed,
        timedOut,
        ...(run.keepsFlat !== undefined ? { keepsFlat: run.keepsFlat } : {}),
      };
    }
  } catch (e) {
    result.error = messageOf(e);
    log(`${name}: FAILED: ${result.error}`);
  } finally {
    result.walltimeS = (performance.now() - t0) / 1000;
  }
  return result;
}

// ── results ──────────────────────────────────────────────────────────────────────────────────────────

/** The data file: per step, median and max over kernels in each context. */
export function summarize(kernels: readonly KernelResult[], steps: readonly string[], meta: Omit<StepCostFile, 'format' | 'description' | 'kernels' | 'overhead' | 'steps'>): StepCostFile {
  const ok = kernels.filter((k) => !k.error);
  const figures = (xs: Array<{ kernel: string; x: number }>): CostFigures | undefined => {
    if (!xs.length) return undefined;
    const top = xs.reduce((a, b) => (b.x > a.x ? b : a));
    return { median: round4(median(xs.map((p) => p.x))), max: top.x, maxAt: top.kernel };
  };
  const stepEntries: Record<string, StepCostEntry> = {};
  for (const step of steps) {
    const rows = ok.flatMap((k) => (k.steps[step] ? [{ kernel: k.name, r: k.steps[step] }] : []));
    const entry: StepCostEntry = { staysFlat: 0 };
    for (const context of CONTEXTS) {
      const f = figures(rows.flatMap(({ kernel, r }) => (r[context] !== undefined ? [{ kernel, x: r[context] }] : [])));
      if (f) entry[context] = f;
    }
    // The share of the kernels where flat IR stayed flat, of those where that could be told (never after a pipeline).
    const checked = rows.filter(({ r }) => r.keepsFlat !== undefined);
    entry.staysFlat = isPipeline(step) || !checked.length ? 0 : round4(checked.filter(({ r }) => r.keepsFlat).length / checked.length);
    const skipped: NonNullable<StepCostEntry['skipped']> = {};
    for (const context of CONTEXTS) {
      const failed = rows.filter(({ r }) => r.failed[context] !== undefined);
      if (failed.length) skipped[context] = Object.fromEntries(failed.map(({ kernel, r }) => [kernel, `${r.timedOut[context] ? 'lower bound: ' : ''}${r.failed[context]!}`]));
    }
    if (Object.keys(skipped).length) entry.skipped = skipped;
    stepEntries[step] = entry;
  }
  const overheads = ok.map((k) => k.baselines.empty / k.baselines.o3);
  return {
    format: STEP_COST_FORMAT,
    description:
      'CPU time of building a suite kernel with one step, as a ratio to the CPU time of building it with -O3: ' +
      '"original" on the module as given (CPU([step]) − CPU([]); a step that needs flat IR is measured as [flatten, step]), ' +
      '"flat" right after flatten (CPU([flatten, step]) − CPU([flatten])); median and max over the kernels. ' +
      '"staysFlat": the share of the kernels on which IR that was flat before the step is still flat after it (1: always, 0: never). "overhead": reading and writing the module (CPU([]) ÷ CPU([-O3])). ' +
      'Written by bench/step-cost.ts; read by src/passes/cost.ts.',
    ...meta,
    kernels: ok.map((k) => ({
      name: k.name,
      o3CpuMs: round4(k.baselines.o3),
      overhead: round4(k.baselines.empty / k.baselines.o3),
      flatten: round4(Math.max(FLOOR, (k.baselines.flatten - k.baselines.empty) / k.baselines.o3)),
    })),
    overhead: overheads.length ? { median: round4(median(overheads)), max: round4(Math.max(...overheads)) } : { median: NaN, max: NaN },
    steps: stepEntries,
  };
}

const f3 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3));

export function renderMarkdown(data: StepCostFile, kernels: readonly KernelResult[], top = 25): string {
  const ranked = (context: Context) =>
    Object.entries(data.steps).filter(([, e]) => e[context]).sort(([, a], [, b]) => b[context]!.max - a[context]!.max).slice(0, top);
  const lowerBound = (e: StepCostEntry, context: Context) => Object.values(e.skipped?.[context] ?? {}).some((r) => r.startsWith('lower bound'));
  const skippedRows = Object.entries(data.steps).flatMap(([step, e]) =>
    CONTEXTS.flatMap((c) => Object.entries(e.skipped?.[c] ?? {}).map(([k, why]) => `| \`${step}\` | ${c} | ${k} | ${why.replace(/\|/g, '/').slice(0, 140)} |`)));
  const flatRows = (f: (x: number) => boolean) => Object.entries(data.steps).filter(([st, e]) => f(e.staysFlat) && !isPipeline(st)).map(([st, e]) => (e.staysFlat > 0 && e.staysFlat < 1 ? `\`${st}\` (${Math.round(e.staysFlat * 100)} %)` : `\`${st}\``));
  const flatWord = (x: number) => (x >= 1 ? 'yes' : x <= 0 ? 'no' : `${Math.round(x * 100)} %`);
  const s = data.settings;
  return [
    '# What each step costs to build',
    '',
    ...(data.command ? ['```', data.command, '```', ''] : []),
    `Commit ${data.commit}; ${data.machine}; Node ${data.node}. Finished ${data.date}${data.finished ? '' : ' (unfinished: the kernels so far)'}, ${(data.walltimeS / 60).toFixed(1)} min. ` +
      `Load average at the start ${s.loadAverage.start.map((x) => x.toFixed(2)).join(' ')}${s.loadAverage.end ? `, at the end ${s.loadAverage.end.map((x) => x.toFixed(2)).join(' ')}` : ''}.`,
    '',
    'CPU time of building a kernel with one step, as a ratio to the CPU time of building the same kernel with -O3 ' +
      `(\`levelRecipe('O3')\`, reading and writing the module included), in two contexts: **original**, the step on the module as given ` +
      '(CPU of `[step]` − CPU of `[]`; a step that needs flat IR is measured as `[flatten, step]`), and **flat**, the step right after `flatten` ' +
      '(CPU of `[flatten, step]` − CPU of `[flatten]`). Every step of the catalog, on ' +
      `${data.kernels.length} kernels; median of ${s.reps} samples per recipe, each sample the median of as many builds as fill ${s.minCpuMs} ms of CPU, ` +
      `in a child process (\`build()\` and \`process.cpuUsage()\`, Binaryen compiled by V8's optimizing tier at start-up). ` +
      `Each request had a wall-clock cap of ${s.timeoutS} s. Differences below ${s.floor} are recorded as ${s.floor}. ` +
      'The data, with every step, is src/passes/step-cost.json; src/passes/cost.ts reads it (`space.cost`).',
    '',
    `Reading and writing the module alone costs ${f3(data.overhead.median)} of an -O3 build (median over kernels; max ${f3(data.overhead.max)}).`,
    '',
    ...CONTEXTS.flatMap((context) => [
      `## The ${top} most expensive steps, ${context === 'original' ? 'on the original module' : 'right after `flatten`'}`,
      '',
      'Sorted by the max over kernels (the figure `stepCost` returns). × -O3: one -O3 build of the same kernel is 1.',
      '',
      `| # | step | max × -O3 | on | median × -O3 | ${context === 'flat' ? 'original max' : 'flat max'} | flat IR stays flat |`,
      '|---|---|---|---|---|---|---|',
      ...ranked(context).map(([step, e], i) => {
        const other = e[context === 'flat' ? 'original' : 'flat'];
        return `| ${i + 1} | \`${step}\` | ${f3(e[context]!.max)}${lowerBound(e, context) ? ' (≥, capped)' : ''} | ${e[context]!.maxAt} | ${f3(e[context]!.median)} | ${f3(other?.max)} | ${flatWord(e.staysFlat)} |`;
      }),
      '',
    ]),
    '## Kernels',
    '',
    '| kernel | -O3 build, CPU ms | `[]` ÷ -O3 | `flatten` ÷ -O3 | builds timed | kernel s |',
    '|---|---|---|---|---|---|',
    ...kernels.map((k) => k.error
      ? `| ${k.name} | FAILED: ${k.error.replace(/\|/g, '/').slice(0, 160)} | | | | ${k.walltimeS.toFixed(0)} |`
      : `| ${k.name} | ${k.baselines.o3.toFixed(1)} | ${f3(k.baselines.empty / k.baselines.o3)} | ${f3((k.baselines.flatten - k.baselines.empty) / k.baselines.o3)} | ${k.builds} | ${k.walltimeS.toFixed(0)} |`),
    '',
    '## Flat IR',
    '',
    'Whether IR that is flat (after `flatten`) is still flat after the step, told by `[flatten, step, dfo]` (dfo refuses IR that is not flat). ' +
      'Every pipeline leaves it not flat.',
    '',
    `- Never flat afterwards: ${flatRows((x) => x <= 0).join(', ') || 'none'}.`,
    `- Flat afterwards on some kernels (share of kernels): ${flatRows((x) => x > 0 && x < 1).join(', ') || 'none'}.`,
    '- Every other step keeps it flat on every kernel.',
    '',
    '## Skipped',
    '',
    ...(skippedRows.length
      ? ['Steps that failed (or hit the cap) on a kernel, with the reason; a capped step counts with the cap as its time, a lower bound.', '', '| step | context | kernel | reason |', '|---|---|---|---|', ...skippedRows]
      : ['None: every step built on every kernel in both contexts.']),
    '',
  ].join('\n');
}

/** The data file as JSON: one line per kernel and per step, so that a new run reads as a diff of figures. */
export function formatJson(data: StepCostFile): string {
  const { kernels, steps, ...rest } = data;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const lines = (xs: string[]) => xs.map((x) => `    ${x}`).join(',\n');
  return `${head},\n  "kernels": [\n${lines(kernels.map((k) => JSON.stringify(k)))}\n  ],\n` +
    `  "steps": {\n${lines(Object.entries(steps).map(([s, e]) => `${JSON.stringify(s)}: ${JSON.stringify(e)}`))}\n  }\n}\n`;
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────

export async function runStepCostBench(opts: StepCostOptions): Promise<{ data: StepCostFile; kernels: KernelResult[] }> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const started = loadavg();
  // An unknown kernel fails now, not after the ones before it.
  for (const k of opts.kernels) await loadKernel(k);
  const outputs = [opts.jsonPath, opts.mdPath].map((p) => relative(projectRoot(), p));
  const provenance = { command: opts.command ?? null, commit: commit(outputs), machine: machine(), node: process.version };
  const kernels: KernelResult[] = [];
  let data!: StepCostFile;
  const write = (finished: boolean) => {
    data = summarize(kernels, opts.steps, {
      ...provenance,
      date: new Date().toISOString(),
      finished,
      walltimeS: Math.round((performance.now() - t0) / 1000),
      settings: { reps: opts.reps, minCpuMs: opts.minCpuMs, timeoutS: opts.timeoutS, floor: FLOOR, knobs: "-O3's (levelRecipe('O3').knobs), plus the knob a step requires", loadAverage: { start: started, end: finished ? loadavg() : null } },
    });
    for (const p of [opts.jsonPath, opts.mdPath]) mkdirSync(dirname(p), { recursive: true });
    writeFileSync(opts.jsonPath, formatJson(data));
    if (opts.compiledJsonPath && existsSync(dirname(opts.compiledJsonPath))) writeFileSync(opts.compiledJsonPath, formatJson(data));
    writeFileSync(opts.mdPath, renderMarkdown(data, kernels));
  };
  const child = new TimingChild(opts.timeoutS * 1000);
  try {
    for (const [i, uri] of opts.kernels.entries()) {
      log(`[${i + 1}/${opts.kernels.length}] ${uri}`);
      kernels.push(await benchKernel(uri, child, opts, log));
      write(false);
    }
  } finally {
    child.close();
  }
  write(true);
  return { data, kernels };
}

// ── command line ─────────────────────────────────────────────────────────────────────────────────────

async function cli(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const { data, kernels } = await runStepCostBench({ ...opts, command: `npm run bench:step-cost${argv.length ? ` -- ${argv.join(' ')}` : ''}`, log });
  const failed = kernels.filter((k) => k.error);
  process.stdout.write(`wrote ${opts.jsonPath} and ${opts.mdPath} (${opts.steps.length} steps, ${kernels.length} kernels, ${failed.length} failed, ${(data.walltimeS / 60).toFixed(1)} min)\n`);
  return failed.length ? 1 : 0;
}

if (process.env[CHILD_ENV] === '1') serveChild();
else await benchMain(import.meta.url, 'bench:step-cost', cli);
