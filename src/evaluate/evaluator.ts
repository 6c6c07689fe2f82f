/**
 * The evaluator: recipe → candidate module → validation → metrics, with a content-hash cache so a
 * byte-identical module is never built into a record twice nor measured twice.
 *
 * Several candidates are evaluated at once ({@link Evaluator.evaluateBatch}): `jobs` builder processes and
 * `jobs` validation runners work in parallel, and the records come back in the order of the recipes,
 * each exactly as if the batch had been evaluated one recipe after the other (which earlier record a
 * cache hit refers to does not depend on which job finished first). Runtime timing runs after the
 * batch's builds and validations, one candidate at a time in order, alone on the machine (see pool.ts).
 *
 * Cost limits: once {@link Evaluator.setCostLimits} is called (the tuning loop calls it with -O3's cost),
 * a build or validation that uses more CPU time than its limit is stopped and recorded as `too-slow`; a
 * recipe that starts with the steps of a build found too slow is recorded so without building it.
 *
 * Validation is Binaryen's validator, then differential execution (src/validate/): the candidate's outputs
 * must equal the original module's on every harness seed, or in the one run of a harness without seeded input
 * (bit for bit, or within the harness tolerance). Every way a candidate can fail is a record with a reason;
 * nothing a candidate does can stop the process.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Builder, type BuildResult } from '../binaryen/builder.js';
import { MachineLock, Pool } from './pool.js';
import { DEFAULT_PREFIX_CACHE_BYTES, PrefixCache } from './prefix-cache.js';
import type { CutModule, ModuleFacts } from '../binaryen/module.js';
import { Runner, type ModuleRef } from '../measure/runner.js';
import { sizeOf, type SizeMetrics } from '../measure/size.js';
import type { Checked, EvalRecord, InvalidReason, MeasureSettings, Metrics, ModuleCache, RatioSettings } from '../types.js';
import { medianCI, type Estimate } from '../measure/stats.js';
import { referenceOutputs, type Reference } from '../validate/reference.js';
import { differentialCheck } from '../validate/differential.js';
import type { Kernel } from '../kernels/index.js';
import type { OutputValue } from '../harness/types.js';
import { WasmtuneError } from '../errors.js';
import { levelRecipe, recipeContext, recipeHash, type Recipe } from '../recipe/recipe.js';
import { scoreOf, toSpec, usesRuntime, type Metric, type ObjectiveSpec } from './objective.js';

export const QUICK: MeasureSettings = { rounds: 5, iterations: 3 };
export const FINAL: MeasureSettings = { rounds: 15, iterations: 5 };

/** Target wall time of each module's calls in one timed round, ms, unless the options say otherwise. */
export const DEFAULT_ROUND_MS = 10;

/**
 * Most calls of one module in one timed round. Every call runs on a fresh instance set up untimed, so a
 * workload far shorter than the round would otherwise spend the round (and its deadline) in setup.
 */
export const MAX_ROUND_ITERATIONS = 1000;

/** Calls of each module per timed round: enough to fill `roundMs`, at least `settings.iterations`. */
export function roundIterations(callMs: number, settings: MeasureSettings, roundMs = DEFAULT_ROUND_MS): number {
  return Math.max(settings.iterations, Math.min(MAX_ROUND_ITERATIONS, Math.ceil(roundMs / Math.max(callMs, 0.001))));
}

/** Allowance per timed call for its fresh instance and untimed setup, ms (for the deadline only). */
const SETUP_ALLOWANCE_MS = 2;

/** Invalid reasons that a second attempt might not repeat. */
export const TRANSIENT: ReadonlySet<InvalidReason> = new Set(['binaryen-timeout', 'timeout', 'runner-crash']);

/** Invalid reasons never stored in the persistent cache: they depend on the load or on this run's limits. */
const NOT_PERSISTED: ReadonlySet<InvalidReason> = new Set([...TRANSIENT, 'too-slow']);

/**
 * How much CPU time a candidate may use, relative to -O3 of the same module: `factor` × -O3's build
 * (or validation), and never less than `floorMs`. The default, 10 × with a floor of 1 s, leaves room for
 * every recipe of ordinary cost (the most expensive single pipeline, -O4, costs about 1.4 × -O3; a
 * recipe of several pipelines a few ×) and stops the pathological ones (passes on flattened IR that cost
 * tens of × -O3) within seconds; the floor keeps a small module's limit well above the 10 ms resolution
 * of CPU time, and low enough that a stopped candidate costs a few ordinary ones, not dozens.
 */
export interface CostLimitSettings {
  factor: number;
  floorMs: number;
}

export const DEFAULT_COST_LIMIT: CostLimitSettings = { factor: 10, floorMs: 1000 };

/** The limits in force, ms of CPU time. */
export interface CostLimits {
  buildCpuMs: number;
  validateCpuMs: number;
  /** What they were derived from. */
  reference: { buildCpuMs: number; validateCpuMs: number };
  settings: CostLimitSettings;
}

/** The number of jobs to run by default: `WASMTUNE_JOBS` when set to a positive whole number, else one per core. */
export function defaultJobs(): number {
  const env = Number(process.env.WASMTUNE_JOBS);
  return Number.isInteger(env) && env >= 1 ? env : Math.max(1, availableParallelism());
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 24);
}

export interface EvaluatorOptions {
  objective: Metric | ObjectiveSpec;
  /** Target wall time per timed module per round (ms); iterations grow to reach it. */
  roundMs?: number;
  /** Where the content-hash cache persists across processes, runs and agents (src/db); none by default. */
  cache?: ModuleCache;
  /** Deadline for the harness on the original module, ms (default 60 000). */
  harnessDeadlineMs?: number;
  /** Builder processes and validation runners working at once (default 1). */
  jobs?: number;
  /** Bound of the prefix cache, bytes (default {@link DEFAULT_PREFIX_CACHE_BYTES}); 0: every build from scratch. */
  prefixCacheBytes?: number;
}

export class Evaluator {
  /** The first builder and runner; the runner is also the one that times. */
  readonly builder: Builder;
  readonly runner: Runner;
  readonly jobs: number;
  private readonly builders: Pool<Builder>;
  private readonly runners: Pool<Runner>;
  private readonly machine = new MachineLock();
  private readonly cache = new Map<string, Checked>();
  /** Checks in progress, by module hash, so parallel candidates with the same module share one. */
  private readonly checking = new Map<string, Promise<Checked>>();
  /** Module hashes first checked during the current batch (not known before it). */
  private readonly newInBatch = new Set<string>();
  /** Knobs + steps of builds found too slow, by knobs key: every recipe that starts so is too slow. */
  private readonly slow = new Map<string, string[][]>();
  /** CPU-time limits, once set. */
  costLimits: CostLimits | undefined;
  /** CPU time of each recipe's build in this process, ms (where it can be read). */
  private readonly buildCpu = new Map<string, number>();
  /** Modules at recipe prefixes: a recipe is built from its longest cached one. */
  readonly prefixes: PrefixCache;
  /**
   * Recipes whose module after their last step goes into the prefix cache too (`BuildPlan.cutAtEnd`):
   * those that later candidates extend. None by default.
   */
  cutAtEnd: (recipe: Recipe) => boolean = () => false;
  /**
   * What a new builder process builds, unlimited and recorded nowhere, before its first candidate under
   * a CPU-time limit: -O3 on the module by default. A per-function search sets its hot reference (-O3 on
   * the hot functions, from the cold module), the same passes on the code its candidates rebuild, at a
   * fraction of a whole-module -O3's cost on a large module.
   */
  warmup: { recipe: Recipe; from?: CutModule } | undefined;
  private readonly quickCache = new Map<string, number>();
  /** Records by recipe: a recipe proposed again (by another agent, seed or run) is not rebuilt. */
  private readonly byRecipe = new Map<string, EvalRecord>();
  /** Outputs of the original module, per seed. */
  private reference: Reference = { outputs: [], callMs: 0 };
  /** Per-call time of the original, ms (the first seed's run; TurboFan code). */
  referenceCallMs = 0;
  features = 0;
  facts!: ModuleFacts;
  /** The module every runtime ratio is measured against during search (-O3 of the original). */
  runtimeBaseline: { hash: string; bytes: Uint8Array; callMs: number } | undefined;
  /** -Oz's sizes, the reference of size ratios in a combined objective (set by the tuning loop). */
  sizeReference: SizeMetrics | undefined;
  readonly objective: ObjectiveSpec;
  cacheHits = 0;
  builds = 0;
  /** Incremented by close(): work started before it stores nothing when it ends. */
  private epoch = 0;

  private constructor(readonly kernel: Kernel, readonly options: EvaluatorOptions) {
    this.objective = toSpec(options.objective);
    this.jobs = Math.max(1, Math.floor(options.jobs ?? 1));
    this.prefixes = new PrefixCache(options.prefixCacheBytes ?? DEFAULT_PREFIX_CACHE_BYTES);
    const builders = Array.from({ length: this.jobs }, () => new Builder());
    const runners = Array.from({ length: this.jobs }, () => new Runner());
    this.builder = builders[0]!;
    this.runner = runners[0]!;
    this.builders = new Pool(builders);
    this.runners = new Pool(runners);
  }

  static async create(kernel: Kernel, options: EvaluatorOptions): Promise<Evaluator> {
    const ev = new Evaluator(kernel, options);
    try {
      await ev.init();
    } catch (e) {
      ev.close();
      throw e;
    }
    return ev;
  }

  /** The original module's outputs, per harness seed (empty without a harness). */
  get referenceOutputs(): ReadonlyArray<Readonly<Record<string, OutputValue>>> {
    return this.reference.outputs;
  }

  get verified(): boolean {
    return this.kernel.harness !== undefined;
  }

  private async init(): Promise<void> {
    if (usesRuntime(this.objective) && !this.kernel.harness) {
      throw new WasmtuneError('E_NO_HARNESS', 'The runtime objective needs a harness (--harness file.json|file.mjs): without one nothing can be run.');
    }
    // The runner starts while the builder reads the module (each process takes a while to load). The
    // other jobs' processes start when a batch first needs them.
    if (this.kernel.harness) this.runner.warm();
    const features = await this.builder.features(this.kernel.bytes);
    if (features === undefined) {
      throw new WasmtuneError('E_BAD_MODULE', `${this.kernel.uri} does not pass Binaryen validation with any feature set Node's engine supports.`);
    }
    this.features = features;
    this.facts = await this.builder.facts(this.kernel.bytes, features);
    const h = this.kernel.harness;
    if (!h) return;
    const reference = await referenceOutputs(this.runner, h, this.ref(this.kernel.bytes), this.options.harnessDeadlineMs ?? 60_000);
    this.reference = reference;
    this.referenceCallMs = reference.callMs;
  }

  private ref(bytes: Uint8Array, key = contentHash(bytes)): ModuleRef {
    return { key, bytes, ...(this.facts?.memoryImport ? { memoryImport: this.facts.memoryImport } : {}) };
  }

  /** Deadline for one validation of a candidate (all its runs: one per seed, or one without seeded input). */
  private validationDeadlineMs(): number {
    const seeds = this.kernel.harness?.seeds.length ?? 0;
    return 5_000 + 50 * this.referenceCallMs * seeds;
  }

  /** Validate and measure sizes of a module (cached by content hash). */
  async check(bytes: Uint8Array, built?: { valid: boolean; facts: ModuleFacts }): Promise<Checked> {
    const r = await this.checkShared(contentHash(bytes), bytes, built);
    if (r.known) this.cacheHits++;
    return r.checked;
  }

  /**
   * The check of a module, shared by every candidate that made it. `known`: the module was checked
   * before the current batch (so this candidate is a cache hit whichever job asked first).
   */
  private async checkShared(hash: string, bytes: Uint8Array, built?: { valid: boolean; facts: ModuleFacts; sizes?: SizeMetrics }): Promise<{ checked: Checked; known: boolean; validateMs?: number }> {
    const hit = this.cache.get(hash) ?? this.stored(hash);
    if (hit) return { checked: hit, known: !this.newInBatch.has(hash) };
    const pending = this.checking.get(hash);
    if (pending) return { checked: await pending, known: false };
    this.newInBatch.add(hash);
    let validateMs: number | undefined;
    const epoch = this.epoch;
    const p = this.checkUncached(hash, bytes, built).then((r) => {
      validateMs = r.wallMs;
      const { cpuMs: _cpu, wallMs: _wall, ...result } = r;
      if (epoch === this.epoch) this.cache.set(hash, result);
      // Work abandoned by close() (an interrupted run) may finish later: it stores nothing.
      if (epoch === this.epoch && (result.state === 'ok' || !NOT_PERSISTED.has(result.reason))) this.options.cache?.putModule(hash, result);
      return result as Checked;
    });
    this.checking.set(hash, p);
    try {
      const checked = await p;
      return { checked, known: false, ...(validateMs !== undefined ? { validateMs } : {}) };
    } finally {
      this.checking.delete(hash);
    }
  }

  /** A module's entry in the persistent cache, kept in memory once read. */
  private stored(hash: string): Checked | undefined {
    const c = this.options.cache?.getModule(hash);
    if (c) this.cache.set(hash, c);
    return c;
  }

  private async checkUncached(hash: string, bytes: Uint8Array, built: { valid: boolean; facts: ModuleFacts; sizes?: SizeMetrics } | undefined): Promise<Checked & { cpuMs?: number; wallMs?: number }> {
    if (built?.valid === false) return { state: 'invalid', hash, reason: 'validation', detail: 'Binaryen validation failed' };
    let wallMs = 0;
    const facts = built?.facts ?? (await this.builders.use((b) => b.facts(bytes, this.features)).catch(() => undefined));
    let peakMemoryBytes = 0;
    let cpuMs: number | undefined;
    const h = this.kernel.harness;
    if (h) {
      const limit = this.costLimits?.validateCpuMs;
      const r = await this.machine.sharedUse(() =>
        this.runners.use(async (runner) => {
          const t = performance.now();
          const result = await differentialCheck(runner, h, this.ref(bytes, hash), this.reference, this.validationDeadlineMs(), limit);
          wallMs = performance.now() - t;
          return result;
        }));
      cpuMs = r.cpuMs;
      const cost = { wallMs, ...(cpuMs !== undefined ? { cpuMs } : {}) };
      if (r.state === 'invalid') return { state: 'invalid', hash, reason: r.reason, detail: r.detail, ...cost };
      peakMemoryBytes = r.peakMemoryBytes;
    }
    return {
      state: 'ok',
      hash,
      bytes,
      metrics: {
        ...(built?.sizes ?? sizeOf(bytes)),
        peakMemoryBytes,
        declaredMemoryBytes: facts?.declaredMemoryBytes ?? 0,
        dataSegmentBytes: facts?.dataSegmentBytes ?? 0,
        functions: facts?.functions ?? 0,
      },
      wallMs,
      ...(cpuMs !== undefined ? { cpuMs } : {}),
    };
  }

  /**
   * Rebuild a recipe and re-check the module with every cache bypassed (replay validation): the module's
   * hash, or why it is invalid now. Nothing is stored.
   */
  async recheck(recipe: Recipe): Promise<{ state: 'ok'; hash: string } | { state: 'invalid'; reason: InvalidReason; detail: string }> {
    const built = await this.builder.build(this.kernel.bytes, recipe, this.features);
    if (built.state === 'failed') return { state: 'invalid', reason: built.reason, detail: built.error };
    const c = await this.checkUncached(contentHash(built.bytes), built.bytes, built);
    return c.state === 'ok' ? { state: 'ok', hash: c.hash } : { state: 'invalid', reason: c.reason, detail: c.detail };
  }

  /** The candidate's bytes, when it was built and validated (for writing out the best). */
  bytesOf(hash: string): Uint8Array | undefined {
    const c = this.cache.get(hash) ?? this.stored(hash);
    return c?.state === 'ok' ? c.bytes : undefined;
  }

  /** Build, validate and score one recipe. */
  async evaluate(recipe: Recipe): Promise<EvalRecord> {
    return (await this.evaluateBatch([recipe]))[0]!;
  }

  /**
   * Build, validate and score several recipes, `jobs` at a time; the records are in the recipes' order
   * and each is what evaluating the recipes one after the other would give: a recipe seen earlier (before
   * or in the batch) is a cache hit, a module first checked for an earlier recipe of the batch is a cache
   * hit for the later ones, and slow prefixes found during the batch apply from the next batch on.
   */
  async evaluateBatch(recipes: readonly Recipe[]): Promise<EvalRecord[]> {
    this.newInBatch.clear();
    const epoch = this.epoch;
    const t0 = performance.now();
    const keys = recipes.map(recipeHash);
    // Recipes seen before the batch, and the first of each recipe repeated inside it.
    const before = new Set(keys.filter((k) => this.byRecipe.has(k)));
    const owner = new Map<string, number>();
    keys.forEach((k, i) => {
      if (!before.has(k) && !owner.has(k)) owner.set(k, i);
    });
    const slow = recipes.map((r) => this.slowPrefixOf(r));
    const work = new Map<number, Promise<Pending>>();
    for (const [, i] of owner) work.set(i, slow[i] !== undefined ? Promise.resolve(this.skipSlow(recipes[i]!, slow[i]!)) : this.buildAndCheck(recipes[i]!));
    // Every candidate's work settles before the batch goes on, so none is left running unobserved when
    // one fails (such as work that close() abandoned).
    const settled = await Promise.allSettled(work.values());
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const pending = new Map<number, Pending>();
    [...work.keys()].forEach((i, j) => pending.set(i, (settled[j] as PromiseFulfilledResult<Pending>).value));

    // In order: cache-hit accounting, timing, records.
    const records: EvalRecord[] = [];
    const seenHashes = new Set<string>();
    for (let i = 0; i < recipes.length; i++) {
      const recipe = recipes[i]!;
      const key = keys[i]!;
      const mine = owner.get(key) === i ? pending.get(i)! : undefined;
      if (!mine) {
        this.cacheHits++;
        const hit = this.byRecipe.get(key) ?? records[owner.get(key)!]!;
        records.push({ ...hit, recipe, cached: true, walltimeMs: 0, buildMs: 0, validateMs: 0, timeMs: 0 });
        continue;
      }
      const rec = await this.finish(mine, seenHashes, t0);
      // Work that close() abandoned (its processes were killed) teaches the caches nothing.
      if (epoch !== this.epoch) throw new WasmtuneError('E_INTERRUPTED', 'The evaluator was closed while evaluating.');
      if (rec.state === 'ok' || !TRANSIENT.has(rec.reason)) this.byRecipe.set(key, rec);
      if (rec.state === 'invalid' && rec.slowPrefix !== undefined) this.noteSlow(rec.recipe, rec.slowPrefix);
      records.push(rec);
    }
    this.newInBatch.clear();
    return records;
  }

  /** CPU time the build of `recipe` took in this process, ms, if it was built here and it can be read. */
  buildCpuMs(recipe: Recipe): number | undefined {
    return this.buildCpu.get(recipeHash(recipe));
  }

  /** The number of leading steps of `recipe` already known to be too slow, if any. */
  slowPrefixOf(recipe: Recipe): number | undefined {
    const known = this.slow.get(recipeContext(recipe));
    const hit = known?.find((p) => p.length <= recipe.passes.length && p.every((s, i) => recipe.passes[i] === s));
    return hit?.length;
  }

  /** Remember a build found too slow (the tuning loop also tells the evaluator of records it replays). */
  noteSlow(recipe: Recipe, slowPrefix: number): void {
    const key = recipeContext(recipe);
    const list = this.slow.get(key) ?? [];
    const prefix = recipe.passes.slice(0, slowPrefix);
    if (!list.some((p) => p.length === prefix.length && p.every((s, i) => prefix[i] === s))) list.push(prefix);
    this.slow.set(key, list);
  }

  private skipSlow(recipe: Recipe, n: number): Pending {
    return {
      recipe, startedAt: performance.now(), buildMs: 0, validateMs: 0,
      built: { state: 'failed', reason: 'too-slow', error: `its first ${n} step${n === 1 ? '' : 's'} (${recipe.passes.slice(0, n).join(' ') || 'none'}) took too long to build in an earlier candidate`, slowPrefix: n },
    };
  }

  /** Build one recipe and check its module: the parallel part of an evaluation. */
  private async buildAndCheck(recipe: Recipe): Promise<Pending> {
    this.builds++;
    const limit = this.costLimits?.buildCpuMs;
    // Looked up when the batch starts (before any of its builds ends), so what is reused does not depend
    // on which job finishes first.
    const from = this.prefixes.lookup(recipe);
    const options = { ...(limit !== undefined ? { cpuLimitMs: limit } : {}), ...(from ? { from } : {}), ...(this.prefixes.maxBytes > 0 ? { cuts: true, cutAtEnd: this.cutAtEnd(recipe) } : {}) };
    // Times are taken once a process is free: waiting for one is not part of a candidate's cost.
    let startedAt = NaN;
    let buildMs = 0;
    const built = await this.machine.sharedUse(() =>
      this.builders.use(async (b) => {
        // Under a CPU-time limit, a builder that has built nothing yet first builds -O3 (unlimited,
        // recorded nowhere), so no candidate pays for V8 compiling Binaryen: with several jobs, which
        // candidates land on a new process must not change any verdict.
        if (limit !== undefined && b.fresh) await b.build(this.kernel.bytes, this.warmup?.recipe ?? levelRecipe('O3'), this.features, this.warmup?.from ? { from: this.warmup.from } : {});
        startedAt = performance.now();
        const r = await b.build(this.kernel.bytes, recipe, this.features, options);
        buildMs = performance.now() - startedAt;
        return r;
      }));
    if (built.state === 'failed') return { recipe, startedAt, built, buildMs, validateMs: 0 };
    this.prefixes.store(recipe, built.cuts);
    const hash = contentHash(built.bytes);
    const check = await this.checkShared(hash, built.bytes, built);
    return { recipe, startedAt, built, buildMs, validateMs: check.validateMs ?? 0, hash, check };
  }

  /** The record of a built and checked candidate, with its timing (runtime objectives), in batch order. */
  private async finish(p: Pending, seenHashes: Set<string>, batchStart: number): Promise<EvalRecord> {
    const { recipe, built } = p;
    const cost = { buildMs: p.buildMs, validateMs: p.validateMs, timeMs: 0 };
    if (built.cpuMs !== undefined) this.buildCpu.set(recipeHash(recipe), built.cpuMs);
    const since = () => performance.now() - Math.max(p.startedAt, batchStart);
    if (built.state === 'failed') {
      return { state: 'invalid', recipe, reason: built.reason, detail: built.error, cached: false, walltimeMs: since(), ...cost, ...(built.reason === 'too-slow' ? { slowPrefix: built.slowPrefix } : {}) };
    }
    const c = p.check!.checked;
    const cached = p.check!.known || seenHashes.has(p.hash!);
    seenHashes.add(p.hash!);
    if (cached) this.cacheHits++;
    if (cached) cost.validateMs = 0;
    if (c.state === 'invalid') {
      return { state: 'invalid', recipe, ...(c.hash ? { hash: c.hash } : {}), reason: c.reason, detail: c.detail, cached, walltimeMs: since(), ...cost };
    }
    const metrics: Metrics = { ...c.metrics };
    if (usesRuntime(this.objective)) {
      const t = performance.now();
      const q = await this.quickRatio(c.hash, c.bytes);
      cost.timeMs = performance.now() - t;
      if (typeof q === 'string') {
        return { state: 'invalid', recipe, hash: c.hash, reason: q === 'timeout' ? 'timeout' : 'trap', detail: `while timing: ${q}`, cached, walltimeMs: since(), ...cost };
      }
      metrics.quickRuntimeRatio = q;
    }
    const score = this.scoreOf(metrics);
    return { state: 'ok', recipe, hash: c.hash, metrics, score, cached, walltimeMs: since(), ...cost };
  }

  /**
   * Set the CPU-time limits from -O3's cost on this module: its build and, with a harness, its
   * validation (see {@link CostLimitSettings}).
   */
  setCostLimits(reference: { buildCpuMs: number; validateCpuMs: number }, settings: CostLimitSettings = DEFAULT_COST_LIMIT): void {
    this.costLimits = {
      buildCpuMs: Math.max(settings.floorMs, settings.factor * reference.buildCpuMs),
      validateCpuMs: Math.max(settings.floorMs, settings.factor * reference.validateCpuMs),
      reference,
      settings,
    };
  }

  /** The objective's score of a candidate's metrics (runtime: the given ratio, else the quick one). */
  scoreOf(metrics: Metrics, runtimeRatio = metrics.quickRuntimeRatio): number {
    return scoreOf(this.objective, { ...metrics, ...(runtimeRatio !== undefined ? { runtimeRatio } : {}) }, this.sizeReference);
  }

  /**
   * Set the module runtime ratios are measured against during search. Its run on every seed is what a
   * validation of it costs: the CPU time of that run is returned (undefined where it cannot be read).
   */
  async setRuntimeBaseline(bytes: Uint8Array): Promise<number | undefined> {
    const h = this.kernel.harness;
    if (!h) return undefined;
    const r = await this.machine.exclusiveUse(() => this.runner.outputs(h.path, this.ref(bytes), h.seeds, this.validationDeadlineMs()));
    const callMs = r.state === 'ok' ? Math.max(...r.callMs) : this.referenceCallMs;
    this.runtimeBaseline = { hash: contentHash(bytes), bytes, callMs };
    return r.cpuMs;
  }

  private async quickRatio(hash: string, bytes: Uint8Array): Promise<number | string> {
    const hit = this.quickCache.get(hash);
    if (hit !== undefined) return hit;
    const base = this.runtimeBaseline;
    if (!base) throw new Error('runtime baseline not set');
    if (base.hash === hash) {
      this.quickCache.set(hash, 1);
      return 1;
    }
    const settings: RatioSettings = { ...QUICK, roundMs: this.options.roundMs ?? DEFAULT_ROUND_MS };
    const stored = this.options.cache?.getRatio(base.hash, hash, settings);
    if (stored !== undefined) {
      this.quickCache.set(hash, stored);
      return stored;
    }
    const epoch = this.epoch;
    const r = await this.measure(base.bytes, bytes, QUICK);
    if (typeof r === 'string') return r;
    this.quickCache.set(hash, r.median);
    if (epoch === this.epoch) this.options.cache?.putRatio(base.hash, hash, settings, r.median);
    return r.median;
  }

  /**
   * Runtime of `candidate` relative to `baseline` (ratio < 1: candidate faster), interleaved in one
   * process, as a median over rounds with a 95 % confidence interval. `distinctKeys` compiles the two
   * separately even when their bytes are equal (an A/A check).
   */
  async measure(baseline: Uint8Array, candidate: Uint8Array, settings: MeasureSettings, distinctKeys = false): Promise<(Estimate & { baselineMs: number; candidateMs: number }) | string> {
    const h = this.kernel.harness;
    if (!h) return 'no harness';
    const callMs = Math.max(this.runtimeBaseline?.callMs ?? this.referenceCallMs, 0.001);
    const iterations = roundIterations(callMs, settings, this.options.roundMs ?? DEFAULT_ROUND_MS);
    const a = this.ref(baseline);
    const b = this.ref(candidate, distinctKeys ? `${contentHash(candidate)}-b` : undefined);
    const expectedMs = settings.rounds * 2 * (iterations + 1) * (Math.max(callMs, this.referenceCallMs) + SETUP_ALLOWANCE_MS);
    const r = await this.machine.exclusiveUse(() => this.runner.time(h.path, a, b, { seed: h.seeds[0]!, rounds: settings.rounds, iterations, timeMs: 0 }, 10_000 + 20 * expectedMs));
    if (r.state !== 'ok') return r.state === 'timeout' ? 'timeout' : r.error;
    const est = medianCI(r.ratios);
    const med = (xs: number[]) => medianCI(xs).median;
    return { ...est, baselineMs: med(r.aMs), candidateMs: med(r.bMs) };
  }

  close(): void {
    this.epoch++;
    for (const b of this.builders.members) b.close();
    for (const r of this.runners.members) r.close();
  }
}

/** A candidate between its parallel part (build, check) and its record. */
interface Pending {
  recipe: Recipe;
  startedAt: number;
  built: BuildResult;
  buildMs: number;
  validateMs: number;
  hash?: string;
  check?: { checked: Checked; known: boolean; validateMs?: number };
}
