/** One CSV line per run (RFC 4180 quoting), for spreadsheets and papers. */
import { CSV_EXTRA, RUN_COLUMNS } from './columns.js';
import type { ReportData } from './types.js';

const cell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function renderCsv(d: ReportData): string {
  const cols = [
    { csv: 'task', csvValue: (r: ReportData['rows'][number]) => r.task },
    { csv: 'kernel', csvValue: (r: ReportData['rows'][number]) => r.kernel },
    ...RUN_COLUMNS, ...CSV_EXTRA,
  ];
  const rows = [...d.rows].sort((a, b) => a.kernel.localeCompare(b.kernel) || a.agent.localeCompare(b.agent) || a.seed - b.seed);
  return [cols.map((c) => c.csv).join(','), ...rows.map((r) => cols.map((c) => cell(c.csvValue(r))).join(','))].join('\r\n') + '\r\n';
}
