/** Plain-text tables for the terminal. */
import type { Estimate } from '../measure/stats.js';
import type { OptLevelName } from '../recipe.js';
import type { ResultEntry } from '../tune.js';

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
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
