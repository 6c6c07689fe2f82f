/**
 * The evaluator: recipe → candidate module → validation → metrics, with a content-hash cache so a
 * byte-identical module is never built into a record twice nor measured twice.
 *
 * Validation is Binaryen's validator, then differential execution (src/validate/): the candidate's outputs
 * must equal the original module's on every harness seed, or in the one run of a harness without seeded input
 * (bit for bit, or within the harness tolerance). Every way a candidate can fail is a record with a reason;
 * nothing a candidate does can stop the process.
 */
import { createHash } from 'node:crypto';
import { Builder } from '../binaryen/builder.js';
import type { ModuleFacts } from '../binaryen/module.js';
import { Runner, type ModuleRef } from '../measure/runner.js';
import { sizeOf, type SizeMetrics } from '../measure/size.js';
import type { Checked, EvalRecord, InvalidReason, MeasureSettings, Metrics, ModuleCache, RatioSettings } from '../types.js';
import { medianCI, type Estimate } from '../measure/stats.js';
import { referenceOutputs, type Reference } from '../validate/reference.js';
import { differentialCheck } from '../validate/differential.js';
import type { Kernel } from '../kernels/index.js';
import type { OutputValue } from '../harness/types.js';
import { WasmtuneError } from '../errors.js';
import { recipeHash, type Recipe } from '../recipe/recipe.js';
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
}

export class Evaluator {
  readonly builder = new Builder();
  readonly runner = new Runner();
  private readonly cache = new Map<string, Checked>();
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

  private constructor(readonly kernel: Kernel, readonly options: EvaluatorOptions) {
    this.objective = toSpec(options.objective);
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
    // The runner starts while the builder reads the module (each process takes a while to load).
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
    const hash = contentHash(bytes);
    const hit = this.cache.get(hash) ?? this.stored(hash);
    if (hit) {
      this.cacheHits++;
      return hit;
    }
    const result = await this.checkUncached(hash, bytes, built);
    this.cache.set(hash, result);
    if (result.state === 'ok' || !TRANSIENT.has(result.reason)) this.options.cache?.putModule(hash, result);
    return result;
  }

  /** A module's entry in the persistent cache, kept in memory once read. */
  private stored(hash: string): Checked | undefined {
    const c = this.options.cache?.getModule(hash);
    if (c) this.cache.set(hash, c);
    return c;
  }

  private async checkUncached(hash: string, bytes: Uint8Array, built: { valid: boolean; facts: ModuleFacts } | undefined): Promise<Checked> {
    if (built?.valid === false) return { state: 'invalid', hash, reason: 'validation', detail: 'Binaryen validation failed' };
    const facts = built?.facts ?? (await this.builder.facts(bytes, this.features).catch(() => undefined));
    let peakMemoryBytes = 0;
    const h = this.kernel.harness;
    if (h) {
      const r = await differentialCheck(this.runner, h, this.ref(bytes, hash), this.reference, this.validationDeadlineMs());
      if (r.state === 'invalid') return { state: 'invalid', hash, reason: r.reason, detail: r.detail };
      peakMemoryBytes = r.peakMemoryBytes;
    }
    return {
      state: 'ok',
      hash,
      bytes,
      metrics: {
        ...sizeOf(bytes),
        peakMemoryBytes,
        declaredMemoryBytes: facts?.declaredMemoryBytes ?? 0,
        dataSegmentBytes: facts?.dataSegmentBytes ?? 0,
        functions: facts?.functions ?? 0,
      },
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
    return c.state === 'ok' ? { state: 'ok', hash: c.hash } : c;
  }

  /** The candidate's bytes, when it was built and validated (for writing out the best). */
  bytesOf(hash: string): Uint8Array | undefined {
    const c = this.cache.get(hash) ?? this.stored(hash);
    return c?.state === 'ok' ? c.bytes : undefined;
  }

  /** Build, validate and score one recipe. */
  async evaluate(recipe: Recipe): Promise<EvalRecord> {
    const t0 = performance.now();
    const key = recipeHash(recipe);
    const hit = this.byRecipe.get(key);
    if (hit) {
      this.cacheHits++;
      return { ...hit, recipe, cached: true, walltimeMs: performance.now() - t0, buildMs: 0, validateMs: 0, timeMs: 0 };
    }
    const rec = await this.evaluateUncached(recipe, t0);
    // Failures that depend on the machine's load are not remembered.
    if (rec.state === 'ok' || !TRANSIENT.has(rec.reason)) this.byRecipe.set(key, rec);
    return rec;
  }

  private async evaluateUncached(recipe: Recipe, t0: number): Promise<EvalRecord> {
    this.builds++;
    // Where the time goes, part by part (the record's EvalCost).
    const cost = { buildMs: 0, validateMs: 0, timeMs: 0 };
    let mark = performance.now();
    const lap = (part: keyof typeof cost) => {
      const t = performance.now();
      cost[part] = t - mark;
      mark = t;
    };
    const built = await this.builder.build(this.kernel.bytes, recipe, this.features);
    lap('buildMs');
    if (built.state === 'failed') {
      return { state: 'invalid', recipe, reason: built.reason, detail: built.error, cached: false, walltimeMs: performance.now() - t0, ...cost };
    }
    const hits = this.cacheHits;
    const c = await this.check(built.bytes, built);
    lap('validateMs');
    const cached = this.cacheHits > hits;
    if (c.state === 'invalid') {
      return { state: 'invalid', recipe, ...(c.hash ? { hash: c.hash } : {}), reason: c.reason, detail: c.detail, cached, walltimeMs: performance.now() - t0, ...cost };
    }
    const metrics: Metrics = { ...c.metrics };
    if (usesRuntime(this.objective)) {
      const q = await this.quickRatio(c.hash, c.bytes);
      lap('timeMs');
      if (typeof q === 'string') {
        return { state: 'invalid', recipe, hash: c.hash, reason: q === 'timeout' ? 'timeout' : 'trap', detail: `while timing: ${q}`, cached, walltimeMs: performance.now() - t0, ...cost };
      }
      metrics.quickRuntimeRatio = q;
    }
    const score = this.scoreOf(metrics);
    return { state: 'ok', recipe, hash: c.hash, metrics, score, cached, walltimeMs: performance.now() - t0, ...cost };
  }

  /** The objective's score of a candidate's metrics (runtime: the given ratio, else the quick one). */
  scoreOf(metrics: Metrics, runtimeRatio = metrics.quickRuntimeRatio): number {
    return scoreOf(this.objective, { ...metrics, ...(runtimeRatio !== undefined ? { runtimeRatio } : {}) }, this.sizeReference);
  }

  /** Set the module runtime ratios are measured against during search. */
  async setRuntimeBaseline(bytes: Uint8Array): Promise<void> {
    const h = this.kernel.harness;
    if (!h) return;
    const r = await this.runner.outputs(h.path, this.ref(bytes), h.seeds, this.validationDeadlineMs());
    const callMs = r.state === 'ok' ? Math.max(...r.callMs) : this.referenceCallMs;
    this.runtimeBaseline = { hash: contentHash(bytes), bytes, callMs };
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
    const r = await this.measure(base.bytes, bytes, QUICK);
    if (typeof r === 'string') return r;
    this.quickCache.set(hash, r.median);
    this.options.cache?.putRatio(base.hash, hash, settings, r.median);
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
    const r = await this.runner.time(h.path, a, b, { seed: h.seeds[0]!, rounds: settings.rounds, iterations, timeMs: 0 }, 10_000 + 20 * expectedMs);
    if (r.state !== 'ok') return r.state === 'timeout' ? 'timeout' : r.error;
    const est = medianCI(r.ratios);
    const med = (xs: number[]) => medianCI(xs).median;
    return { ...est, baselineMs: med(r.aMs), candidateMs: med(r.bMs) };
  }

  close(): void {
    this.builder.close();
    this.runner.close();
  }
}
