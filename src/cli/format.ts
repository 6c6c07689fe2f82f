/** Plain-text tables for the terminal. */
import type { Estimate } from '../measure/stats.js';
import type { OptLevelName } from '../recipe/recipe.js';
import type { Budget, FrontEntry, ResultEntry } from '../types.js';
import type { RunInfo } from '../db/index.js';
import { describeRecipe } from '../recipe/recipe.js';

export function formatEstimate(e: Estimate): string {
  return `${e.median.toFixed(3)} [${e.low.toFixed(3)}, ${e.high.toFixed(3)}]`;
}

export function baselinesTable(r: { baselines: Partial<Record<OptLevelName, ResultEntry | { invalid: string }>>; best?: { runtimeVs?: Partial<Record<OptLevelName, Estimate>> } }): string {
  const rows = [['level', 'size B', 'gzip B', 'brotli B', 'runtime ×O3 [95% CI]', 'best ÷ level [95% CI]']];
  for (const [level, e] of Object.entries(r.baselines) as Array<[OptLevelName, ResultEntry | { invalid: string }]>) {
    if ('invalid' in e) {
      rows.push([`-${level}`, 'invalid', e.invalid, '', '', '']);
      continue;
    }
    const vs = r.best?.runtimeVs?.[level];
    rows.push([`-${level}`, String(e.sizeBytes), String(e.gzipBytes), String(e.brotliBytes), e.runtime ? formatEstimate(e.runtime) : level === 'O3' ? '1 (reference)' : '-', vs ? formatEstimate(vs) : '-']);
  }
  return columns(rows);
}

/** The Pareto front: one row per member, its ratio to each metric's baseline. */
export function frontTable(front: readonly FrontEntry[]): string {
  const metrics = Object.keys(front[0]?.ratios ?? {});
  const rows = [['Pareto front', ...metrics.map((m) => `${m} ×${m === 'runtime' ? 'O3' : 'Oz'}`), 'size B', 'recipe']];
  for (const f of front) {
    rows.push([f.origin === 'agent' ? 'agent' : `-${f.origin}`, ...metrics.map((m) => (m === 'runtime' && f.runtime ? formatEstimate(f.runtime) : f.ratios[m as keyof FrontEntry['ratios']]!.toFixed(4))), String(f.sizeBytes), describeRecipe(f.recipe)]);
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
