/**
 * Benchmark of the passes of our own (`npm run bench:passes`): what do the `wt-…` steps buy at runtime,
 * kernel by kernel, and what do they cost in code size?
 *
 * Per kernel (one evaluator, so one builder and one --no-liftoff runner process):
 *
 *  (a) Search with and without our passes. Two tuning runs for the runtime objective with the same
 *      agent, seed and budget: one over the full space, one over the space with every `wt-` step
 *      excluded (`SpaceOptions.exclude`). Each run picks its winner by the tuning loop's own protocol
 *      (quick ratios shortlist, the shortlist is re-measured, -O3 stays unless beaten with 95 %
 *      confidence). Then, apart from the measurements that selected them, the two winners are measured
 *      against each other and each against -O3.
 *  (b) Stack promotion against the compiler. On the kernels with a clang -O2 reference build
 *      (`kernels/reference-o2/<name>/`, the same C source as the suite's clang -O0/-O1 module):
 *      `wt-promote-stack -O3` and the reference, each against -O3, and against each other.
 *  (c) Each step alone. For every value of every pass of ours, `<step> -O3` against `-O3`: runtime and
 *      code size; then unrolling and cell promotion after stack promotion ({@link benchSteps}). A step
 *      that changes nothing gives -O3's module, and the ratio is 1 by identity.
 *
 * Every ratio is candidate ÷ baseline from one interleaved measurement (`Evaluator.measure`: alternating
 * rounds in one process, median of the per-round ratios with a distribution-free 95 % CI), so a ratio
 * below 1 means the candidate is faster. Ratios of two byte-identical modules are 1 by identity and not
 * measured. Kernels run one after the other: two kernels timed at once would disturb each other.
 *
 * Output: `<out>/passes-results.md` and `<out>/passes-results.json` (by default `bench/`), rewritten
 * after each kernel, so a run that is stopped keeps what it finished.
 *
 *   node dist/bench/passes.js [--kernels suite|a,b] [--budget 100] [--seed 1] [--agent sweep]
 *                             [--quick] [--steps a,b] [--out DIR]
 *
 * `--steps wt-coalesce,wt-promote-cells` runs table (c) only, for those steps (all their values).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getAgent } from '../agents/registry.js';
import { benchMain } from './run-info.js';
import { commit, machine } from '../src/measure/provenance.js';
import { Evaluator, FINAL, contentHash } from '../src/evaluate/evaluator.js';
import { type MeasureSettings } from '../src/types.js';
import { WasmtuneError, messageOf } from '../src/errors.js';
import { listSuite, loadKernel, projectRoot, type Kernel } from '../src/kernels/index.js';
import { geomean, medianCI, type Estimate } from '../src/measure/stats.js';
import { CUSTOM_PASSES } from '../src/passes/custom/index.js';
import { PASSES } from '../src/passes/registry.js';
import { describeRecipe, levelRecipe, recipeToJson, type Recipe } from '../src/recipe/recipe.js';
import { parseBudget, tune } from '../src/search/tune.js';
import { type TuneReport } from '../src/types.js';

// ── options ──────────────────────────────────────────────────────────────────────────────────────────

export interface PassesBenchOptions {
  /** Kernel URIs or suite names. */
  kernels: readonly string[];
  agent: string;
  /** Agent evaluations per tuning run (baselines not counted). */
  budget: number;
  seed: number;
  /** Tiny budget and few rounds: checks that the benchmark runs, says nothing about speed. */
  quick: boolean;
  /** Only table (c), for these steps (prefix match: `wt-coalesce` takes every value); no searches. */
  steps?: readonly string[];
  /** Where passes-results.md and passes-results.json go. */
  outDir: string;
  /** The command line, printed in the results. */
  command?: string;
  log?: (line: string) => void;
}

export const DEFAULT_BUDGET = 100;
export const QUICK_BUDGET = 3;

/** The steps of ours, in catalog order: one per value of a parameterised pass. */
export function ownSteps(): string[] {
  return [...PASSES.values()].filter((p) => p.origin === 'custom').map((p) => p.name);
}

/**
 * The rows of table (c): every step of ours alone, then each unrolling and cell-promotion step after
 * `wt-promote-stack` (written `wt-promote-stack <step>`). In clang -O0 code a loop counter and the cells
 * a loop reads and writes live in the stack frame, so unrolling finds no counted loop and cell promotion
 * meets frame stores it cannot tell apart from other stores until the frame is promoted.
 */
export function benchSteps(only?: readonly string[]): string[] {
  const own = ownSteps();
  const afterPromotion = own.filter((s) => s.startsWith('wt-unroll') || s.startsWith('wt-promote-cells:'));
  const all = [...own, ...afterPromotion.map((s) => `wt-promote-stack ${s}`)];
  return only ? all.filter((s) => only.some((o) => s === o || s.startsWith(`${o}:`) || s.startsWith(`${o} `))) : all;
}

/** What the "without" search excludes: every pass of ours, with all its values. */
export const OWN_PASSES: readonly string[] = Object.keys(CUSTOM_PASSES);

/** Measurement protocol of the benchmark's own ratios, and the tuning runs' settings that depend on it. */
interface Protocol {
  settings: MeasureSettings;
  /** Target wall time per module per round, ms (the evaluator's `roundMs`). */
  roundMs: number;
  /** Agent candidates the tuning loop re-measures before it picks a winner. */
  finalists: number;
}

const FULL_PROTOCOL: Protocol = { settings: FINAL, roundMs: 10, finalists: 3 };
const QUICK_PROTOCOL: Protocol = { settings: { rounds: 3, iterations: 1 }, roundMs: 2, finalists: 1 };

export function parseOptions(argv: string[]): PassesBenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kernels: { type: 'string', default: 'suite' },
        budget: { type: 'string' },
        seed: { type: 'string', default: '1' },
        agent: { type: 'string', default: 'sweep' },
        quick: { type: 'boolean', default: false },
        steps: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new WasmtuneError('E_USAGE', messageOf(e));
  }
  const quick = values.quick!;
  const budget = values.budget === undefined ? (quick ? QUICK_BUDGET : DEFAULT_BUDGET) : parseBudget(values.budget).evaluations;
  // A wall-time budget would make the two searches depend on the machine's speed and load.
  if (budget === undefined) throw new WasmtuneError('E_BAD_BUDGET', `--budget is a number of evaluations (the two searches must get the same), got '${values.budget}'.`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new WasmtuneError('E_USAGE', `--seed must be an integer, got '${values.seed}'.`);
  getAgent(values.agent!);
  const kernels = values.kernels === 'suite' ? listSuite() : values.kernels!.split(',').map((k) => k.trim()).filter(Boolean);
  if (!kernels.length) throw new WasmtuneError('E_USAGE', '--kernels names no kernel.');
  const steps = values.steps?.split(',').filter(Boolean);
  if (steps) for (const st of steps) if (!benchSteps().some((b) => b === st || b.startsWith(`${st}:`) || b.startsWith(`${st} `))) throw new WasmtuneError('E_USAGE', `--steps: '${st}' is not a step of ours (see 'wasmtune passes').`);
  return { kernels, agent: values.agent!, budget, seed, quick, ...(steps ? { steps } : {}), outDir: resolve(values.out ?? join(projectRoot(), 'bench')) };
}

// ── results ──────────────────────────────────────────────────────────────────────────────────────────

/** candidate ÷ baseline, interleaved; `identical`: the two modules are the same bytes (ratio 1, not timed). */
export type Ratio =
  | (Estimate & { identical: boolean; candidateMs: number; baselineMs: number })
  | { error: string };

export interface SearchResult {
  recipe: ReturnType<typeof recipeToJson>;
  /** `describeRecipe` form. */
  describe: string;
  hash: string;
  origin: TuneReport['best']['origin'];
  /** The steps of ours in the winning recipe. */
  ownSteps: string[];
  sizeBytes: number;
  evaluations: number;
  invalid: number;
  walltimeS: number;
  /** The tuning run's own final measurement against -O3 (the tables use the benchmark's). */
  tuneRuntimeVsO3?: Estimate;
}

export interface ReferenceResult {
  /** The clang -O2 build, relative to the project root. */
  module: string;
  /** Why the reference or the promoted module could not be compared (failed validation, …). */
  error?: string;
  promoteVsO3?: Ratio;
  referenceVsO3?: Ratio;
  promoteVsReference?: Ratio;
  sizes?: { O3: number; promote: number; reference: number };
}

export interface StepResult {
  step: string;
  /** `measured`: a module unlike -O3's; `unchanged`: -O3's module itself; `invalid`: failed to build or validate. */
  state: 'measured' | 'unchanged' | 'invalid';
  runtime?: Ratio;
  sizeBytes?: number;
  /** Code size ÷ -O3's. */
  sizeRatio?: number;
  /** An earlier step of this table that gave the same module (its measurement is reused). */
  sameAs?: string;
  detail?: string;
}

export interface KernelResult {
  kernel: string;
  name: string;
  /** How the suite module was built (`C, clang-14 -O0`, `AssemblyScript 0.28`, `WAT`), from the harness description. */
  build: string;
  o3: { hash: string; sizeBytes: number; callMs: number };
  search?: { withOwn: SearchResult; withoutOwn: SearchResult };
  runtime?: { withVsWithout: Ratio; withVsO3: Ratio; withoutVsO3: Ratio };
  reference?: ReferenceResult;
  steps: StepResult[];
  walltimeS: number;
  error?: string;
}

export interface StepSummary {
  step: string;
  /** Kernels where `<step> -O3` is faster than -O3 with 95 % confidence (CI entirely below 1). */
  faster: string[];
  /** Kernels where it is slower with 95 % confidence. */
  slower: string[];
  /** Kernels where the module changed but the CI contains 1. */
  noSignificantChange: string[];
  unchanged: string[];
  invalid: string[];
  /** Geomean runtime ratio over the kernels where the module changed (NaN when none). */
  geomeanRuntimeChanged: number;
  /** Geomean code size ratio over every kernel where it built. */
  geomeanSize: number;
}

export interface PassesBenchResults {
  format: 'wasmtune-bench-passes-v1';
  command: string | null;
  commit: string;
  machine: string;
  node: string;
  startedAt: string;
  finishedAt: string | null;
  walltimeS: number;
  loadAverage: { start: number[]; end: number[] | null };
  settings: {
    agent: string;
    agentOptions: Record<string, number | boolean | string>;
    budget: number;
    seed: number;
    quick: boolean;
    measure: MeasureSettings & { roundMs: number; finalists: number; tuneFinalRounds: number };
    excludedWithoutOwn: readonly string[];
    steps: string[];
  };
  kernels: KernelResult[];
  summary: {
    steps: StepSummary[];
    /** Geomeans of the medians over kernels where both ratios were measured or identical. */
    withVsWithout: number;
    withVsO3: number;
    withoutVsO3: number;
    promoteVsO3: number;
    referenceVsO3: number;
    promoteVsReference: number;
  };
}

const isEstimate = (r: Ratio | undefined): r is Exclude<Ratio, { error: string }> => r !== undefined && !('error' in r);
const significantlyBelow = (r: Ratio | undefined) => isEstimate(r) && r.high < 1;
const significantlyAbove = (r: Ratio | undefined) => isEstimate(r) && r.low > 1;

export function summarize(kernels: readonly KernelResult[], steps: readonly string[]): PassesBenchResults['summary'] {
  const gm = (rs: Array<Ratio | undefined>) => geomean(rs.filter(isEstimate).map((r) => r.median));
  const stepSummaries = steps.map((step): StepSummary => {
    const rows = kernels.flatMap((k) => k.steps.filter((s) => s.step === step).map((s) => ({ kernel: k.name, s })));
    const pick = (f: (s: StepResult) => boolean) => rows.filter((r) => f(r.s)).map((r) => r.kernel);
    const changed = rows.filter((r) => r.s.state === 'measured');
    return {
      step,
      faster: pick((s) => s.state === 'measured' && significantlyBelow(s.runtime)),
      slower: pick((s) => s.state === 'measured' && significantlyAbove(s.runtime)),
      noSignificantChange: pick((s) => s.state === 'measured' && isEstimate(s.runtime) && !significantlyBelow(s.runtime) && !significantlyAbove(s.runtime)),
      unchanged: pick((s) => s.state === 'unchanged'),
      invalid: pick((s) => s.state === 'invalid' || (s.state === 'measured' && !isEstimate(s.runtime))),
      geomeanRuntimeChanged: gm(changed.map((r) => r.s.runtime)),
      geomeanSize: geomean(rows.flatMap((r) => (r.s.sizeRatio !== undefined ? [r.s.sizeRatio] : []))),
    };
  });
  return {
    steps: stepSummaries,
    withVsWithout: gm(kernels.map((k) => k.runtime?.withVsWithout)),
    withVsO3: gm(kernels.map((k) => k.runtime?.withVsO3)),
    withoutVsO3: gm(kernels.map((k) => k.runtime?.withoutVsO3)),
    promoteVsO3: gm(kernels.map((k) => k.reference?.promoteVsO3)),
    referenceVsO3: gm(kernels.map((k) => k.reference?.referenceVsO3)),
    promoteVsReference: gm(kernels.map((k) => k.reference?.promoteVsReference)),
  };
}

// ── measurement ──────────────────────────────────────────────────────────────────────────────────────

/** The clang -O2 build of a suite kernel's source, when there is one. */
export function referencePath(kernel: Kernel): string | undefined {
  if (!kernel.uri.startsWith('kernel://')) return undefined;
  const p = join(projectRoot(), 'kernels', 'reference-o2', kernel.name, 'module.wasm');
  return existsSync(p) ? p : undefined;
}

/** The ratio the other way round: per-round ratios invert, and so do their order statistics. */
export function invert(r: Ratio): Ratio {
  if ('error' in r || r.identical) return r;
  return { ...r, median: 1 / r.median, low: 1 / r.high, high: 1 / r.low, candidateMs: r.baselineMs, baselineMs: r.candidateMs };
}

/**
 * Ratios of one kernel, each pair of modules measured once (tables that share a pair agree); a pair
 * already measured the other way round is its inverse.
 */
class Ratios {
  private readonly done = new Map<string, Ratio>();
  constructor(private readonly ev: Evaluator, private readonly settings: MeasureSettings) {}

  async of(baseline: Uint8Array, candidate: Uint8Array): Promise<Ratio> {
    const a = contentHash(baseline);
    const b = contentHash(candidate);
    if (a === b) return { median: 1, low: 1, high: 1, confidence: 1, n: 0, identical: true, candidateMs: NaN, baselineMs: NaN };
    const key = `${a}/${b}`;
    const hit = this.done.get(key);
    if (hit) return hit;
    const reverse = this.done.get(`${b}/${a}`);
    if (reverse) return invert(reverse);
    const m = await this.ev.measure(baseline, candidate, this.settings);
    const r: Ratio = typeof m === 'string' ? { error: m } : { ...m, identical: false };
    this.done.set(key, r);
    return r;
  }
}

type Built = { state: 'ok'; bytes: Uint8Array; hash: string } | { state: 'invalid'; detail: string };

/** Build a recipe and validate the module (Binaryen's validator, then outputs on every harness seed). */
async function buildChecked(ev: Evaluator, recipe: Recipe): Promise<Built> {
  const built = await ev.builder.build(ev.kernel.bytes, recipe, ev.features);
  if (built.state === 'failed') return { state: 'invalid', detail: `${built.reason}: ${built.error}` };
  const c = await ev.check(built.bytes, built);
  return c.state === 'ok' ? { state: 'ok', bytes: c.bytes, hash: c.hash } : { state: 'invalid', detail: `${c.reason}: ${c.detail}` };
}

async function search(kernel: Kernel, ev: Evaluator, opts: PassesBenchOptions, protocol: Protocol, exclude: readonly string[]): Promise<{ result: SearchResult; bytes: Uint8Array }> {
  const agent = getAgent(opts.agent);
  const t0 = performance.now();
  const { report, bestBytes } = await tune(kernel, {
    agent, agentOptions: { ...agent.defaults }, budget: { evaluations: opts.budget }, objective: 'runtime', seed: opts.seed,
    finalists: protocol.finalists, measureRuntime: false, contenders: [], ...(exclude.length ? { space: { exclude } } : {}),
  }, ev);
  const best = report.best;
  const own = new Set(ownSteps());
  return {
    bytes: bestBytes,
    result: {
      recipe: best.recipe, describe: describeRecipe(best.recipe), hash: best.hash, origin: best.origin,
      ownSteps: best.recipe.passes.filter((p) => own.has(p)),
      sizeBytes: best.sizeBytes, evaluations: report.evaluations, invalid: report.invalid.total,
      walltimeS: (performance.now() - t0) / 1000,
      ...(best.runtime ? { tuneRuntimeVsO3: { median: best.runtime.median, low: best.runtime.low, high: best.runtime.high, confidence: best.runtime.confidence, n: best.runtime.n } } : {}),
    },
  };
}

/** Recipe `<steps> -O3` at -O3's levels. */
function beforeO3(...steps: string[]): Recipe {
  const o3 = levelRecipe('O3');
  return { knobs: o3.knobs, passes: [...steps, ...o3.passes] };
}

async function benchKernel(spec: string, opts: PassesBenchOptions, protocol: Protocol, log: (s: string) => void): Promise<KernelResult> {
  const t0 = performance.now();
  const kernel = await loadKernel(spec);
  const build = /\b(C, clang-\d+ -O\d|AssemblyScript \d+(?:\.\d+)*|WAT)\b/.exec(kernel.description)?.[1] ?? '';
  const result: KernelResult = { kernel: kernel.uri, name: kernel.name, build, o3: { hash: '', sizeBytes: 0, callMs: NaN }, steps: [], walltimeS: 0 };
  let ev: Evaluator | undefined;
  try {
    ev = await Evaluator.create(kernel, { objective: 'runtime', roundMs: protocol.roundMs });
    const o3 = await buildChecked(ev, levelRecipe('O3'));
    if (o3.state !== 'ok') throw new Error(`-O3 of ${kernel.uri} is invalid: ${o3.detail}`);
    await ev.setRuntimeBaseline(o3.bytes);
    result.o3 = { hash: o3.hash, sizeBytes: o3.bytes.byteLength, callMs: ev.runtimeBaseline!.callMs };
    const ratios = new Ratios(ev, protocol.settings);
    const since = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;

    const promoted = await buildChecked(ev, beforeO3('wt-promote-stack'));
    if (!opts.steps) {
      // (a) the two searches, then their winners measured apart from the measurements that chose them.
      log(`${kernel.name}: search with our passes (budget ${opts.budget}, seed ${opts.seed}, ${opts.agent})`);
      const withOwn = await search(kernel, ev, opts, protocol, []);
      log(`${kernel.name}: search without them (${since()})`);
      const withoutOwn = await search(kernel, ev, opts, protocol, OWN_PASSES);
      result.search = { withOwn: withOwn.result, withoutOwn: withoutOwn.result };
      log(`${kernel.name}: measuring the winners (${since()})`);
      result.runtime = {
        withVsWithout: await ratios.of(withoutOwn.bytes, withOwn.bytes),
        withVsO3: await ratios.of(o3.bytes, withOwn.bytes),
        withoutVsO3: await ratios.of(o3.bytes, withoutOwn.bytes),
      };

      // (b) stack promotion against clang -O2.
      const refPath = referencePath(kernel);
      if (refPath) {
        log(`${kernel.name}: wt-promote-stack -O3 against clang -O2 (${since()})`);
        const ref: ReferenceResult = { module: refPath.slice(projectRoot().length + 1) };
        const refChecked = await ev.check(new Uint8Array(readFileSync(refPath)));
        if (refChecked.state !== 'ok') ref.error = `the clang -O2 build fails validation: ${refChecked.reason}: ${refChecked.detail}`;
        else if (promoted.state !== 'ok') ref.error = `wt-promote-stack -O3 is invalid: ${promoted.detail}`;
        else {
          ref.promoteVsO3 = await ratios.of(o3.bytes, promoted.bytes);
          ref.referenceVsO3 = await ratios.of(o3.bytes, refChecked.bytes);
          ref.promoteVsReference = await ratios.of(refChecked.bytes, promoted.bytes);
          ref.sizes = { O3: o3.bytes.byteLength, promote: promoted.bytes.byteLength, reference: refChecked.bytes.byteLength };
        }
        result.reference = ref;
      }
    }

    // (c) every step of ours alone, before -O3.
    log(`${kernel.name}: each step before -O3 (${since()})`);
    const firstWith = new Map<string, string>();
    for (const step of benchSteps(opts.steps)) {
      const b = step === 'wt-promote-stack' ? promoted : await buildChecked(ev, beforeO3(...step.split(' ')));
      if (b.state !== 'ok') {
        result.steps.push({ step, state: 'invalid', detail: b.detail });
        continue;
      }
      const sizeRatio = b.bytes.byteLength / o3.bytes.byteLength;
      const same = firstWith.get(b.hash);
      if (!same) firstWith.set(b.hash, step);
      if (b.hash === o3.hash) {
        result.steps.push({ step, state: 'unchanged', runtime: await ratios.of(o3.bytes, b.bytes), sizeBytes: b.bytes.byteLength, sizeRatio });
        continue;
      }
      result.steps.push({ step, state: 'measured', runtime: await ratios.of(o3.bytes, b.bytes), sizeBytes: b.bytes.byteLength, sizeRatio, ...(same ? { sameAs: same } : {}) });
    }
    log(`${kernel.name}: done (${since()})`);
  } catch (e) {
    result.error = messageOf(e);
    log(`${kernel.name}: FAILED: ${result.error}`);
  } finally {
    ev?.close();
    result.walltimeS = (performance.now() - t0) / 1000;
  }
  return result;
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────

export async function runPassesBench(opts: PassesBenchOptions): Promise<PassesBenchResults> {
  const log = opts.log ?? (() => {});
  const protocol = opts.quick ? QUICK_PROTOCOL : FULL_PROTOCOL;
  const agent = getAgent(opts.agent);
  const t0 = performance.now();
  const steps = benchSteps(opts.steps);
  // An unknown kernel fails now, not after an hour of the ones before it.
  for (const k of opts.kernels) await loadKernel(k);
  const results: PassesBenchResults = {
    format: 'wasmtune-bench-passes-v1',
    command: opts.command ?? null,
    commit: commit(['passes-results.md', 'passes-results.json'].map((f) => relative(projectRoot(), join(opts.outDir, f)))),
    machine: machine(),
    node: process.version,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    walltimeS: 0,
    loadAverage: { start: loadavg(), end: null },
    settings: {
      agent: opts.agent, agentOptions: { ...agent.defaults }, budget: opts.budget, seed: opts.seed, quick: opts.quick,
      measure: { ...protocol.settings, roundMs: protocol.roundMs, finalists: protocol.finalists, tuneFinalRounds: FINAL.rounds },
      excludedWithoutOwn: OWN_PASSES, steps,
    },
    kernels: [],
    summary: summarize([], steps),
  };
  mkdirSync(opts.outDir, { recursive: true });
  const write = () => {
    results.walltimeS = (performance.now() - t0) / 1000;
    results.summary = summarize(results.kernels, steps);
    writeFileSync(join(opts.outDir, 'passes-results.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(opts.outDir, 'passes-results.md'), renderMarkdown(results));
  };
  for (const [i, spec] of opts.kernels.entries()) {
    log(`[${i + 1}/${opts.kernels.length}] ${spec}`);
    results.kernels.push(await benchKernel(spec, opts, protocol, log));
    write();
  }
  results.finishedAt = new Date().toISOString();
  results.loadAverage.end = loadavg();
  write();
  return results;
}

// ── Markdown ─────────────────────────────────────────────────────────────────────────────────────────

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');

/** `0.912 [0.901, 0.925]`, in bold when the CI excludes 1; `1 (same module)` by identity. */
export function formatRatio(r: Ratio | undefined): string {
  if (!r) return '–';
  if ('error' in r) return `failed: ${r.error.replace(/\|/g, '/').slice(0, 60)}`;
  if (r.identical) return '1 (same module)';
  const m = significantlyBelow(r) || significantlyAbove(r) ? `**${f3(r.median)}**` : f3(r.median);
  return `${m} [${f3(r.low)}, ${f3(r.high)}]`;
}

/** A matrix cell: the median with ↓ (faster, 95 %) / ↑ (slower, 95 %), `=` for -O3's own module. */
function cell(s: StepResult | undefined): string {
  if (!s) return '';
  if (s.state === 'invalid') return 'invalid';
  if (s.state === 'unchanged') return '=';
  const r = s.runtime;
  if (!isEstimate(r)) return 'failed';
  return `${f3(r.median)}${significantlyBelow(r) ? ' ↓' : significantlyAbove(r) ? ' ↑' : ''}`;
}

const short = (step: string) => step.replace(/\bwt-/g, '');

export function renderMarkdown(res: PassesBenchResults): string {
  const s = res.settings;
  const ok = res.kernels.filter((k) => !k.error);
  // The coverage of the order-statistic CI at this many rounds: the requested 95 % once enough rounds
  // allow it, else what [min, max] covers.
  const coverage = medianCI(Array.from({ length: s.measure.rounds }, (_, i) => i)).confidence;
  const conf = coverage >= 0.95 ? '95 %' : `${Math.floor(coverage * 100)} %`;
  const chance = Math.round(1 / (1 - Math.min(coverage, 0.95)));
  const lines: string[] = [
    '# Passes of our own: where they pay at runtime',
    '',
    ...(s.quick ? ['**Quick mode: tiny budget and few rounds. These figures check that the benchmark runs; they say nothing about speed.**', ''] : []),
    ...(res.command ? ['```', res.command, '```', ''] : []),
    `Commit ${res.commit}; ${res.machine}; Node ${res.node}. Started ${res.startedAt}${res.finishedAt ? `, finished ${res.finishedAt}` : ' (unfinished)'}, ${(res.walltimeS / 60).toFixed(1)} min. ` +
      `Load average at the start ${res.loadAverage.start.map((x) => x.toFixed(2)).join(' ')}${res.loadAverage.end ? `, at the end ${res.loadAverage.end.map((x) => x.toFixed(2)).join(' ')}` : ''}.`,
    '',
    `Searches: agent \`${s.agent}\` (${Object.entries(s.agentOptions).map(([k, v]) => `${k}=${String(v)}`).join(', ') || 'defaults'}), budget ${s.budget} evaluations, seed ${s.seed}, objective runtime; ` +
      `the tuning loop re-measures ${s.measure.finalists} agent finalist(s) and the 2 best baselines with ${s.measure.tuneFinalRounds} rounds before it picks a winner. ` +
      `Every ratio below is candidate ÷ baseline from one interleaved measurement of ${s.measure.rounds} rounds (median of the per-round ratios, ` +
      `distribution-free ${conf} CI in brackets), made after the searches and apart from the measurements that picked the winners; below 1 is faster. ` +
      'Bold: the CI excludes 1. "same module": the two are byte-identical, so the ratio is 1 without a measurement.',
    '',
    '## (a) Best recipe with our passes against the best without them',
    '',
    `"with": a search over the full space; "without": the same search with ${s.excludedWithoutOwn.map((p) => `\`${p}\``).join(', ')} excluded. ` +
      'The -O levels compete with the agent\'s candidates (-O3 stays unless something is faster with 95 % confidence in the re-measurement); a winner that is one of them is shown as that level.',
    '',
    '| kernel | with ÷ without | with ÷ -O3 | without ÷ -O3 | our steps in the "with" winner | winners (with / without) | size B (with / without / -O3) |',
    '|---|---|---|---|---|---|---|',
    ...ok.filter((k) => k.search && k.runtime).map((k) => {
      const w = k.search!.withOwn;
      const wo = k.search!.withoutOwn;
      const origin = (x: SearchResult) => (x.origin === 'agent' ? 'agent' : `-${x.origin}`);
      return `| ${k.name} | ${formatRatio(k.runtime!.withVsWithout)} | ${formatRatio(k.runtime!.withVsO3)} | ${formatRatio(k.runtime!.withoutVsO3)} | ${w.ownSteps.length ? w.ownSteps.map((x) => `\`${x}\``).join(' ') : '–'} | ${origin(w)} / ${origin(wo)} | ${w.sizeBytes} / ${wo.sizeBytes} / ${k.o3.sizeBytes} |`;
    }),
    `| **geomean of medians** | ${f3(res.summary.withVsWithout)} | ${f3(res.summary.withVsO3)} | ${f3(res.summary.withoutVsO3)} | | | |`,
    '',
    'Winning recipes:',
    '',
    ...ok.filter((k) => k.search).flatMap((k) => [
      `- ${k.name}, with: \`${k.search!.withOwn.describe}\``,
      `- ${k.name}, without: \`${k.search!.withoutOwn.describe}\``,
    ]),
    '',
    '## (b) `wt-promote-stack -O3` against clang -O2',
    '',
    'On the kernels whose suite module is clang -O0/-O1 output, against `kernels/reference-o2/<name>/module.wasm`: the same C source built by clang -O2 ' +
      '(run as built, with the suite kernel\'s harness, its outputs checked like any candidate\'s). The last ratio says how close promotion gets: 1 is as fast as clang -O2.',
    '',
    '| kernel | suite build | promote -O3 ÷ -O3 | clang -O2 ÷ -O3 | promote -O3 ÷ clang -O2 | size B (-O3 / promote -O3 / clang -O2) |',
    '|---|---|---|---|---|---|',
    ...ok.filter((k) => k.reference).map((k) => {
      const r = k.reference!;
      if (r.error) return `| ${k.name} | ${k.build} | ${r.error.replace(/\|/g, '/')} | | | |`;
      return `| ${k.name} | ${k.build} | ${formatRatio(r.promoteVsO3)} | ${formatRatio(r.referenceVsO3)} | ${formatRatio(r.promoteVsReference)} | ${r.sizes!.O3} / ${r.sizes!.promote} / ${r.sizes!.reference} |`;
    }),
    `| **geomean of medians** | | ${f3(res.summary.promoteVsO3)} | ${f3(res.summary.referenceVsO3)} | ${f3(res.summary.promoteVsReference)} | |`,
    '',
    '## (c) Each step alone: `<step> -O3` against `-O3`',
    '',
    'Rows `wt-promote-stack <step>` run the step after stack promotion: in clang -O0 code loop counters and accumulators live in the stack frame until it is promoted.',
    '',
    `Where each step helps and where it hurts. Runtime ratio to -O3 (↓ faster, ↑ slower, each with ${conf} confidence; \`=\`: the step changed nothing and -O3's module came out). ` +
      `A step with no effect is still marked about once in ${chance} changed cells by chance alone (the A/A check of \`npm run bench\` found 5 in 100 at 15 rounds): ` +
      'a single mark is weak evidence, the same direction on several kernels is not.',
    '',
    `| step | faster | slower | no significant change | unchanged | invalid | geomean runtime (changed) | geomean size |`,
    '|---|---|---|---|---|---|---|---|',
    ...res.summary.steps.map((x) =>
      `| \`${x.step}\` | ${x.faster.join(', ') || '–'} | ${x.slower.join(', ') || '–'} | ${x.noSignificantChange.length} | ${x.unchanged.length} | ${x.invalid.join(', ') || '–'} | ${f3(x.geomeanRuntimeChanged)} | ${f3(x.geomeanSize)} |`),
    '',
    'Runtime ÷ -O3, per kernel (medians; columns are the steps without the `wt-` prefix):',
    '',
    `| kernel | ${s.steps.map(short).join(' | ')} |`,
    `|---|${s.steps.map(() => '---').join('|')}|`,
    ...ok.map((k) => `| ${k.name} | ${s.steps.map((st) => cell(k.steps.find((x) => x.step === st))).join(' | ')} |`),
    '',
    'Code size ÷ -O3, per kernel:',
    '',
    `| kernel | ${s.steps.map(short).join(' | ')} |`,
    `|---|${s.steps.map(() => '---').join('|')}|`,
    ...ok.map((k) => `| ${k.name} | ${s.steps.map((st) => {
      const x = k.steps.find((y) => y.step === st);
      return x?.sizeRatio !== undefined ? f3(x.sizeRatio) : x?.state === 'invalid' ? 'invalid' : '';
    }).join(' | ')} |`),
    '',
    '<details><summary>Every changed cell with its CI</summary>',
    '',
    '| kernel | step | runtime ÷ -O3 | size ÷ -O3 | note |',
    '|---|---|---|---|---|',
    ...ok.flatMap((k) => k.steps.filter((x) => x.state !== 'unchanged').map((x) =>
      `| ${k.name} | \`${x.step}\` | ${x.state === 'invalid' ? 'invalid' : formatRatio(x.runtime)} | ${x.sizeRatio !== undefined ? f3(x.sizeRatio) : '–'} | ${x.detail ? x.detail.replace(/\|/g, '/').slice(0, 120) : x.sameAs ? `same module as \`${x.sameAs}\`` : ''} |`)),
    '',
    '</details>',
    '',
    '## Runs',
    '',
    '| kernel | -O3 ms/call | evaluations with / without | invalid with / without | search s with / without | kernel s |',
    '|---|---|---|---|---|---|',
    ...res.kernels.map((k) => k.error
      ? `| ${k.name} | FAILED: ${k.error.replace(/\|/g, '/').slice(0, 160)} | | | | ${k.walltimeS.toFixed(0)} |`
      : `| ${k.name} | ${f3(k.o3.callMs)} | ${k.search?.withOwn.evaluations ?? '–'} / ${k.search?.withoutOwn.evaluations ?? '–'} | ${k.search?.withOwn.invalid ?? '–'} / ${k.search?.withoutOwn.invalid ?? '–'} | ${k.search?.withOwn.walltimeS.toFixed(0) ?? '–'} / ${k.search?.withoutOwn.walltimeS.toFixed(0) ?? '–'} | ${k.walltimeS.toFixed(0)} |`),
    '',
  ];
  return lines.join('\n');
}

// ── command line ─────────────────────────────────────────────────────────────────────────────────────

async function cli(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results = await runPassesBench({ ...opts, command: `npm run bench:passes${argv.length ? ` -- ${argv.join(' ')}` : ''}`, log });
  const failed = results.kernels.filter((k) => k.error);
  process.stdout.write(`wrote ${join(opts.outDir, 'passes-results.md')} and passes-results.json (${results.kernels.length} kernels, ${failed.length} failed, ${(results.walltimeS / 60).toFixed(1)} min)\n`);
  return failed.length ? 1 : 0;
}

await benchMain(import.meta.url, 'bench:passes', cli);
