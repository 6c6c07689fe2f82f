/**
 * The shared types of a tuning run: what an evaluation records, what a run reports, and the interfaces
 * the results database implements. Agents, the database, the leaderboard and the report read these;
 * none of them needs the evaluator or the tuning loop to do so.
 *
 * Who sets what: the evaluator sets an `EvalRecord` (build, validation, measurement); the tuning loop
 * sets a `TuneReport` (baselines, selection of the best, the final measurement).
 */
import type { Recipe, OptLevelName, recipeToJson } from './recipe/recipe.js';
import type { SizeMetrics } from './measure/size.js';
import type { Estimate } from './measure/stats.js';
import type { Metric } from './evaluate/objective.js';
import type { ContenderName } from './search/contenders.js';

/** Where a candidate came from: the agent, an -O level (a baseline), or a contender (src/search/contenders.ts). */
export type Origin = 'agent' | OptLevelName | ContenderName;

/** Every reason a candidate can be invalid (the README lists each with its meaning). */
export const INVALID_REASONS = [
  'binaryen-fatal',
  'binaryen-abort',
  'binaryen-timeout',
  'binaryen-parse',
  'too-slow',
  'validation',
  'trap',
  'timeout',
  'wrong-output',
  'runner-crash',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** What the measurement sets, per candidate. Sizes in bytes. */
export interface Metrics extends SizeMetrics {
  /** Linear memory after a run (bytes); 0 without a harness. */
  peakMemoryBytes: number;
  /** Declared initial memory (bytes). */
  declaredMemoryBytes: number;
  /** Bytes in data segments. */
  dataSegmentBytes: number;
  functions: number;
  /** Quick runtime ratio to the runtime baseline (-O3), median of a few interleaved rounds; runtime objective only. */
  quickRuntimeRatio?: number;
}

/**
 * Where one evaluation's time went, ms (the evaluator sets it). A part that did not happen is 0: a recipe
 * seen before costs nothing, a module already validated costs its build only, and only runtime objectives
 * time anything. Absent from records stored before these were recorded.
 */
export interface EvalCost {
  /** Binaryen running the recipe in the builder process. */
  buildMs?: number;
  /** Binaryen's validator and the differential check on the harness seeds. */
  validateMs?: number;
  /** The quick runtime ratio to -O3 (runtime objectives). */
  timeMs?: number;
}


/**
 * One evaluation. `cached`: no validation was run for it, because the same recipe or a byte-identical
 * module had been checked before (in this process or in the results database). `walltimeMs` covers the
 * whole evaluation, so it is at least the sum of its {@link EvalCost} parts.
 */
export type EvalRecord =
  | ({ state: 'ok'; recipe: Recipe; hash: string; metrics: Metrics; score: number; cached: boolean; walltimeMs: number } & EvalCost)
  | ({
      state: 'invalid'; recipe: Recipe; hash?: string; reason: InvalidReason; detail: string; cached: boolean; walltimeMs: number;
      /**
       * `too-slow` in the build: the build was stopped in step `slowPrefix - 1`, so every recipe with the
       * same knobs and first `slowPrefix` steps is too slow as well.
       */
      slowPrefix?: number;
    } & EvalCost);

/** What validation and size measurement found for one module: the content-hash cache's entries. */
export type Checked =
  | { state: 'ok'; hash: string; bytes: Uint8Array; metrics: Metrics }
  | { state: 'invalid'; hash?: string; reason: InvalidReason; detail: string };

export interface MeasureSettings {
  /** Interleaved rounds; each gives one ratio. */
  rounds: number;
  /** Minimum calls of each module per round. */
  iterations: number;
}

/** Settings a quick runtime ratio was measured with: a stored ratio is reused only for equal settings. */
export interface RatioSettings extends MeasureSettings {
  roundMs: number;
}

/**
 * A persistent content-hash cache for one kernel (src/db implements it). Validation results and sizes
 * by module hash; quick runtime ratios by baseline, module and settings, for the implementation's
 * machine only. Failures that depend on load (timeouts, crashes) are never put.
 */
export interface ModuleCache {
  getModule(hash: string): Checked | undefined;
  putModule(hash: string, checked: Checked): void;
  getRatio(baselineHash: string, hash: string, settings: RatioSettings): number | undefined;
  putRatio(baselineHash: string, hash: string, settings: RatioSettings, ratio: number): void;
}

export interface Budget {
  /** Agent evaluations (the baselines are not counted). */
  evaluations?: number;
  /** Wall time for the search, ms (final measurement not included). */
  durationMs?: number;
}

/** A run's evaluations in durable storage (src/db implements it). */
export interface RunStore {
  /**
   * The evaluations an earlier process of this run committed, in order. The agent, recreated with the
   * same seed and options, is told these instead of evaluating its proposals again; each proposal must
   * equal the stored recipe.
   */
  readonly committed: readonly EvalRecord[];
  /** Store the `seq`-th (0-based) evaluation of the search durably; returns once it is committed. */
  commit(seq: number, record: EvalRecord): void;
  /** The persistent content-hash cache, for the evaluator tune creates when none is given. */
  readonly cache?: ModuleCache;
}

export interface Progress {
  evaluations: number;
  budget: Budget;
  elapsedMs: number;
  best: number | undefined;
  phase: 'baselines' | 'search' | 'final';
  /**
   * The search so far: its wall time and the evaluations' build, validation and timing, ms (this process),
   * and the jobs that shared that work.
   */
  search?: { elapsedMs: number; jobs: number } & Required<EvalCost>;
}

/** Why a run stopped before its end: the signal, and the search evaluations committed by then. */
export interface Interruption {
  signal: string;
  afterEvaluations: number;
}

/**
 * Where a run's wall time went, ms, in this process (a resumed run's earlier processes are not counted).
 * `setupMs + baselinesMs + searchMs + finalMs ≤ walltimeMs`; `buildMs + validateMs + timeMs ≤ searchMs`
 * (the rest of the search is the agent and the database).
 */
export interface TimeReport {
  /** Starting the builder and runner, the module's features, the original's reference outputs. */
  setupMs: number;
  /** Evaluating every -O level. */
  baselinesMs: number;
  /**
   * The agent's evaluations (replayed ones cost nothing). `buildMs`, `validateMs` and `timeMs` add up work
   * that overlaps (one candidate's validation while the next one builds, and the jobs' work), so their sum
   * can exceed `searchMs`: at most 2 × jobs times (a builder and a runner per job).
   */
  searchMs: number;
  /** Sums over the search's evaluations made by this process. */
  buildMs: number;
  validateMs: number;
  timeMs: number;
  /** Re-measuring the finalists and measuring the best against every baseline (0 when interrupted before). */
  finalMs: number;
}

export interface RuntimeReport extends Estimate {
  /** The module the ratio is against. */
  baseline: OptLevelName;
  /** Median per-call time of the candidate and the baseline in this measurement, ms. */
  candidateMs: number;
  baselineMs: number;
}

export interface ResultEntry extends Metrics {
  recipe: ReturnType<typeof recipeToJson>;
  hash: string;
  /** Runtime ratio to -O3 (median, 95 % CI), when measured. */
  runtime?: RuntimeReport;
}

/** A member of the Pareto front: its ratio to each metric's baseline (runtime re-measured with FINAL). */
export interface FrontEntry extends ResultEntry {
  origin: Origin;
  ratios: Partial<Record<Metric, number>>;
}

export interface TuneReport {
  kernel: string;
  agent: string;
  agentOptions: Record<string, number | boolean | string>;
  /** As `--objective` takes it: `size`, `0.7*runtime+0.3*size`, `runtime,size`. */
  objective: string;
  seed: number;
  budget: Budget;
  /** False when there was no harness: only Binaryen validation was possible. */
  outputsVerified: boolean;
  features: string[];
  best: ResultEntry & {
    /** Where the best came from: the agent, or a baseline or contender that no candidate beat. */
    origin: Origin;
    /**
     * The -O levels whose module is byte for byte the best's. Ratios between the best and these are 1 by
     * identity and are not timed: with 'O3' here, `runtime` is absent, and so is `runtimeVs` of each.
     */
    sameModuleAs?: OptLevelName[];
    /**
     * Ratio of the best to every baseline (runtime), measured interleaved after the search; a level in
     * `sameModuleAs` has none.
     */
    runtimeVs?: Partial<Record<OptLevelName, Estimate>>;
    /**
     * Median per-call time of the best module in the optimizing tier, ms, from the final measurements
     * (with `sameModuleAs` 'O3': -O3's own time in its measurements against the other levels).
     */
    callMs?: number;
    /**
     * Score relative to the objective's baseline (-O3 for runtime, -Oz for sizes); exactly 1 for the
     * baseline's own module. An interrupted run has no final measurement: for runtime this is then the
     * quick ratio the search saw.
     */
    scoreVsBaseline: number;
    /** How its outputs were checked: bit for bit, or within the harness tolerance (fast-math). */
    outputsChecked: 'bit-exact' | 'within-tolerance' | 'not-verified';
  };
  baselines: Partial<Record<OptLevelName, ResultEntry | { invalid: string }>>;
  /**
   * The contenders the search evaluated beside the baselines (src/search/contenders.ts). `runtime`: the
   * selection's measurement against -O3, when it re-measured the contender; `sameModuleAs`: the -O levels
   * whose module it is.
   */
  contenders?: Partial<Record<ContenderName, (ResultEntry & { sameModuleAs?: OptLevelName[] }) | { invalid: string }>>;
  /** The non-dominated candidates (Pareto objectives), by the first metric. */
  front?: FrontEntry[];
  /**
   * A per-function search (src/search/per-function.ts): the agent's steps ran on the functions of `group`
   * (`hot`), every candidate after the whole-module steps `cold`.
   */
  perFunction?: { group: string; hot: string[]; cold: string[]; profile?: import('./measure/profile.js').ProfileSummary };
  evaluations: number;
  /** Best-so-far score after each agent evaluation (null until a valid candidate), in the objective's units. */
  curve?: Array<number | null>;
  baselineEvaluations: number;
  /**
   * Search evaluations answered without running validation: the same recipe or a byte-identical module
   * had been checked before (in this run or, through the results database, in an earlier one). The
   * records with `cached` set, which `wasmtune show` counts too; baselines are not counted.
   */
  cacheHits: number;
  invalid: { total: number; byReason: Partial<Record<InvalidReason, number>>; examples: Array<{ reason: InvalidReason; detail: string; recipe: string }> };
  wasmOpt: string;
  walltimeMs: number;
  /** Where the wall time went (reports written before this field existed lack it). */
  time?: TimeReport;
  /**
   * How the evaluations were run (reports written before this field existed lack it): candidates built
   * and validated at once, the CPU-time limits of a build and a validation (ms; absent without limits),
   * and how many builds continued from a cached prefix and the steps that saved.
   */
  pipeline?: { jobs: number; limits?: { buildCpuMs: number; validateCpuMs: number }; prefixHits: number; stepsSaved: number };
  /**
   * Present when a signal stopped the run: the best is the best found so far by the search's own figures
   * (no finalist was re-measured, so `best.runtime` and `runtimeVs` are absent); `wasmtune tune --resume`
   * continues the run.
   */
  interrupted?: Interruption;
  measurement: { v8Flags: string[]; finalRounds: number; quickRounds: number; node: string };
}

