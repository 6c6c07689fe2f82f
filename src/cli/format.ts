/** Plain-text tables for the terminal. */
import type { Estimate } from '../measure/stats.js';
import type { OptLevelName } from '../recipe/recipe.js';
import type { Budget, EvalCost, FrontEntry, ResultEntry, TimeReport, TuneReport } from '../types.js';
import type { RunInfo } from '../db/index.js';
import { describeRecipe } from '../recipe/recipe.js';
import { originLabel } from '../search/contenders.js';

export function formatEstimate(e: Estimate): string {
  return `${e.median.toFixed(3)} [${e.low.toFixed(3)}, ${e.high.toFixed(3)}]`;
}

/**
 * Every -O level: sizes, its runtime ratio to -O3, and the best's ratio to it; then every contender. A
 * ratio between two byte-identical modules is 1 by identity and was not timed: the table says so instead
 * of showing an interval.
 */
export function baselinesTable(r: {
  baselines: Partial<Record<OptLevelName, ResultEntry | { invalid: string }>>;
  best?: { runtimeVs?: Partial<Record<OptLevelName, Estimate>>; sameModuleAs?: readonly OptLevelName[] };
  contenders?: TuneReport['contenders'];
}): string {
  const rows = [['level', 'size B', 'gzip B', 'brotli B', 'runtime ×O3 [95% CI]', 'best ÷ level [95% CI]']];
  const o3 = r.baselines.O3;
  // Identities are shown only where runtimes were measured at all.
  const timed = Object.values(r.baselines).some((e) => !('invalid' in e) && e.runtime);
  const o3Hash = timed && o3 && !('invalid' in o3) ? o3.hash : undefined;
  for (const [level, e] of Object.entries(r.baselines) as Array<[OptLevelName, ResultEntry | { invalid: string }]>) {
    if ('invalid' in e) {
      rows.push([`-${level}`, 'invalid', e.invalid, '', '', '']);
      continue;
    }
    const vs = r.best?.runtimeVs?.[level];
    const runtime = e.runtime ? formatEstimate(e.runtime) : level === 'O3' ? '1 (reference)' : e.hash === o3Hash ? '1 (same module as -O3)' : '-';
    const best = vs ? formatEstimate(vs) : r.best?.runtimeVs && r.best.sameModuleAs?.includes(level) ? '1 (same module)' : '-';
    rows.push([`-${level}`, String(e.sizeBytes), String(e.gzipBytes), String(e.brotliBytes), runtime, best]);
  }
  // Contenders: their runtime is the selection's measurement, when the final phase made one.
  for (const [name, e] of Object.entries(r.contenders ?? {})) {
    if ('invalid' in e) {
      rows.push([name, 'invalid', e.invalid, '', '', '']);
      continue;
    }
    const runtime = e.sameModuleAs?.includes('O3') ? '1 (same module as -O3)'
      : e.runtime ? `${formatEstimate(e.runtime)} (selection)`
      : e.sameModuleAs?.length ? `same module as -${e.sameModuleAs[0]}` : '-';
    rows.push([name, String(e.sizeBytes), String(e.gzipBytes), String(e.brotliBytes), runtime, '-']);
  }
  return columns(rows);
}

/** A duration for people: `850 ms`, `41.2 s`, `12.5 min`. */
export function durationText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

/** The search's time by part, as shares of `totalMs`: `build 62 % · validate 30 % · time 8 %` (parts that took no time are left out). */
export function costShares(cost: Required<EvalCost>, totalMs: number): string {
  const parts: Array<[string, number]> = [['build', cost.buildMs], ['validate', cost.validateMs], ['time', cost.timeMs]];
  return parts.filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${totalMs > 0 ? Math.round((ms / totalMs) * 100) : 0} %`).join(' · ');
}

/**
 * Where a run's wall time went: `41.2 s: setup 1.1 s, baselines 3.0 s, search 30.5 s (build 62 % · validate
 * 30 %), final 6.6 s`. With several jobs the shares are of the jobs' time together (`2 jobs: build 70 % …`).
 */
export function timeText(walltimeMs: number, t: TimeReport, jobs = 1): string {
  const shares = costShares(t, t.searchMs * jobs);
  const split = shares ? ` (${jobs > 1 ? `${jobs} jobs: ` : ''}${shares})` : '';
  return `${durationText(walltimeMs)}: setup ${durationText(t.setupMs)}, baselines ${durationText(t.baselinesMs)}, search ${durationText(t.searchMs)}${split}, final ${durationText(t.finalMs)}`;
}

/** The Pareto front: one row per member, its ratio to each metric's baseline. */
export function frontTable(front: readonly FrontEntry[]): string {
  const metrics = Object.keys(front[0]?.ratios ?? {});
  const rows = [['Pareto front', ...metrics.map((m) => `${m} ×${m === 'runtime' ? 'O3' : 'Oz'}`), 'size B', 'recipe']];
  for (const f of front) {
    rows.push([originLabel(f.origin), ...metrics.map((m) => (m === 'runtime' && f.runtime ? formatEstimate(f.runtime) : f.ratios[m as keyof FrontEntry['ratios']]!.toFixed(4))), String(f.sizeBytes), describeRecipe(f.recipe)]);
  }
  return columns(rows);
}

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** A run's status, with how often it was resumed. */
export function statusText(r: RunInfo): string {
  return r.resumes ? `${r.status}, resumed ${r.resumes}×` : r.status;
}

/** A budget as the command line writes it: `100`, `90s`. */
export function budgetText(b: Budget): string {
  return b.evaluations !== undefined ? `${b.evaluations}` : `${(b.durationMs ?? 0) / 1000}s`;
}
