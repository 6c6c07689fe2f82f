/**
 * A leaderboard row: one (kernel, agent, seed) run of a task, as results.jsonl stores it, and the
 * figures computed from a run's evaluations.
 */
import type { Estimate } from '../measure/stats.js';
import type { OptLevelName, recipeToJson } from '../recipe/recipe.js';
import type { Task } from './tasks.js';

/** One -O level's module, as the run that produced a row built it (sizes in bytes). */
export interface BaselineFigures {
  sizeBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** The quick ratio to -O3 (5 interleaved rounds, from the search), runtime tasks only. */
  quickRuntimeVsO3?: number;
}

export interface Row {
  task: string;
  kernel: string;
  agent: string;
  seed: number;
  budget: number;
  objective: string;
  /** The best's objective value ÷ the task baseline's; null when the run failed. */
  ratio: number | null;
  /** Final runtime measurement against -O3 (runtime tasks). */
  runtimeVsO3?: Estimate;
  sizeBytes?: number;
  sizeVsOz?: number;
  origin?: string;
  recipe?: ReturnType<typeof recipeToJson>;
  hash?: string;
  wasmOpt?: string;
  evaluations: number;
  invalid: number;
  /**
   * Best-so-far score after each evaluation (null until a valid candidate): bytes of the task's metric
   * for size tasks, the quick runtime ratio to -O3 for runtime tasks.
   */
  curve: Array<number | null>;
  evalsTo95: number | null;
  walltimeMs: number;
  /** Rebuilt from the recipe with caches bypassed: same module, outputs equal to the original's. */
  replay: { ok: true } | { ok: false; detail: string };
  error?: string;
  /** Every -O level of this kernel as the run built it (rows written before this field existed lack it). */
  baselines?: Partial<Record<OptLevelName, BaselineFigures>>;
  /** Queue runs: the job (its id is the key results are collected by) and the worker that ran it. */
  jobId?: string;
  worker?: string;
}

export const rowKey = (r: { kernel: string; agent: string; seed: number }) => `${r.kernel}\u0000${r.agent}\u0000${r.seed}`;

/** The first evaluation (1-based) whose best-so-far closes 95 % of the gap from the first valid to the final best. */
export function evalsTo95(curve: ReadonlyArray<number | null>): number | null {
  const first = curve.find((x): x is number => x !== null);
  const last = curve.at(-1);
  if (first === undefined || last === null || last === undefined) return null;
  const target = first - 0.95 * (first - last);
  const i = curve.findIndex((x) => x !== null && x <= target + 1e-12);
  return i + 1;
}

export function failedRow(task: Task, uri: string, agent: string, seed: number, error: string, walltimeMs = 0): Row {
  return {
    task: task.name, kernel: uri, agent, seed, budget: task.budget, objective: task.objective,
    ratio: null, evaluations: 0, invalid: 0, curve: [], evalsTo95: null, walltimeMs, replay: { ok: false, detail: 'not run' }, error,
  };
}

