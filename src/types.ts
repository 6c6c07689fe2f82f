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

export type InvalidReason =
  | 'binaryen-fatal'
  | 'binaryen-abort'
  | 'binaryen-timeout'
  | 'binaryen-parse'
  | 'validation'
  | 'trap'
  | 'timeout'
  | 'wrong-output'
  | 'runner-crash';

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

export type EvalRecord =
  | { state: 'ok'; recipe: Recipe; hash: string; metrics: Metrics; score: number; cached: boolean; walltimeMs: number }
  | { state: 'invalid'; recipe: Recipe; hash?: string; reason: InvalidReason; detail: string; cached: boolean; walltimeMs: number };

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
  origin: 'agent' | OptLevelName;
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
    /** Where the best came from: the agent, or a baseline that no candidate beat. */
    origin: 'agent' | OptLevelName;
    /** Ratio of the best to every baseline (runtime), measured interleaved after the search. */
    runtimeVs?: Partial<Record<OptLevelName, Estimate>>;
    /** Score relative to the objective's baseline (-O3 for runtime, -Oz for sizes). */
    scoreVsBaseline: number;
    /** How its outputs were checked: bit for bit, or within the harness tolerance (fast-math). */
    outputsChecked: 'bit-exact' | 'within-tolerance' | 'not-verified';
  };
  baselines: Partial<Record<OptLevelName, ResultEntry | { invalid: string }>>;
  /** The non-dominated candidates (Pareto objectives), by the first metric. */
  front?: FrontEntry[];
  evaluations: number;
  /** Best-so-far score after each agent evaluation (null until a valid candidate), in the objective's units. */
  curve?: Array<number | null>;
  baselineEvaluations: number;
  cacheHits: number;
  invalid: { total: number; byReason: Partial<Record<InvalidReason, number>>; examples: Array<{ reason: InvalidReason; detail: string; recipe: string }> };
  wasmOpt: string;
  walltimeMs: number;
  measurement: { v8Flags: string[]; finalRounds: number; quickRounds: number; node: string };
}

