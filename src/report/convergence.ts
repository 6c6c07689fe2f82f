/**
 * Convergence: each run's best-so-far trace as a ratio to the task's baseline, and per agent the geomean
 * of those ratios at each evaluation (over every kernel and seed, and per kernel over seeds).
 *
 * Traces are stored in the objective's units (bytes for size tasks, the quick runtime ratio to -O3 for
 * runtime tasks). A size trace becomes a ratio by dividing by the -Oz module's bytes, which the row gives
 * (its baselines, or its size ÷ its size ratio). A trace that cannot be normalised is left out.
 */
import type { Row } from '../leaderboard/rows.js';
import type { Task } from '../leaderboard/tasks.js';
import { geomean } from '../measure/stats.js';

/** The row's trace as ratios to the task's baseline, or undefined when it has none or cannot be normalised. */
export function normalisedCurve(row: Row, task: Pick<Task, 'objective'>): Array<number | null> | undefined {
  if (!row.curve?.length) return undefined;
  let divisor: number | undefined;
  switch (task.objective) {
    case 'runtime':
      divisor = 1;
      break;
    case 'size':
      divisor = row.baselines?.Oz?.sizeBytes ?? (row.sizeBytes && row.sizeVsOz ? row.sizeBytes / row.sizeVsOz : undefined);
      break;
    case 'gzip':
      divisor = row.baselines?.Oz?.gzipBytes;
      break;
    case 'brotli':
      divisor = row.baselines?.Oz?.brotliBytes;
      break;
  }
  if (!divisor || !Number.isFinite(divisor)) return undefined;
  return row.curve.map((x) => (x === null ? null : x / divisor!));
}

export interface ConvergencePoint {
  agent: string;
  /** A kernel URI's last segment, or 'all kernels'. */
  kernel: string;
  /** 1-based. */
  evaluation: number;
  /** Geomean of the best-so-far ratios of the runs that had a valid candidate by then. */
  ratio: number;
  runs: number;
}

export const ALL_KERNELS = 'all kernels';

export const shortKernel = (uri: string) => uri.replace(/^kernel:\/\/[^/]+\//, '');

/** Geomean best-so-far per agent and evaluation, over everything and per kernel. */
export function convergence(rows: readonly Row[], task: Pick<Task, 'objective'>): { points: ConvergencePoint[]; traced: number; untraced: number } {
  const traces: Array<{ row: Row; curve: Array<number | null> }> = [];
  let untraced = 0;
  for (const row of rows) {
    const curve = row.error ? undefined : normalisedCurve(row, task);
    if (curve) traces.push({ row, curve });
    else untraced++;
  }
  const points: ConvergencePoint[] = [];
  const groups = new Map<string, Array<Array<number | null>>>();
  for (const { row, curve } of traces) {
    for (const kernel of [ALL_KERNELS, shortKernel(row.kernel)]) {
      const k = `${row.agent}\u0000${kernel}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(curve);
    }
  }
  for (const [k, curves] of groups) {
    const [agent, kernel] = k.split('\u0000') as [string, string];
    const n = Math.max(...curves.map((c) => c.length));
    for (let i = 0; i < n; i++) {
      // A run that stopped early keeps its last best.
      const xs = curves.map((c) => c[Math.min(i, c.length - 1)] ?? null).filter((x): x is number => x !== null && x > 0);
      if (xs.length) points.push({ agent, kernel, evaluation: i + 1, ratio: geomean(xs), runs: xs.length });
    }
  }
  return { points, traced: traces.length, untraced };
}
