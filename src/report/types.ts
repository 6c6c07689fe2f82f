/** What a report is made of: runs as leaderboard rows, whatever they came from. */
import type { Row } from '../leaderboard/rows.js';
import type { Summary } from '../leaderboard/summary.js';
import type { Task } from '../leaderboard/tasks.js';
import type { TuneReport } from '../types.js';

export interface ReportData {
  /** What the report was made from: a leaderboard directory, or one or more tune reports. */
  kind: 'leaderboard' | 'tune';
  /** The paths it was read from. */
  sources: string[];
  title: string;
  /** The leaderboard's task; for tune reports, one made up from them (kernels, seeds, budget, baseline). */
  task: Task;
  /** One row per run (a tune report becomes one row). */
  rows: Row[];
  /** The agent and per-kernel tables, as `wasmtune leaderboard` computes them. */
  summary: Summary;
  /** Recorded with the leaderboard (table.json): the command, the commit and the machine. */
  meta: { command?: string | null; commit?: string; machine?: string };
  /** The tune reports themselves (their baselines carry runtime estimates with CIs; their fronts). */
  tuneReports: TuneReport[];
  /** Things the reader should know about the data (shown on the page and in the Markdown). */
  notes: string[];
}
