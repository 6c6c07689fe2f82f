/** The tables of a report, defined once for the HTML page, the Markdown and the CSV. */
import type { AgentSummary } from '../leaderboard/summary.js';
import type { Row } from '../leaderboard/rows.js';
import { describeRecipe } from '../recipe/recipe.js';
import { originLabel } from '../search/contenders.js';
import { shortKernel } from './convergence.js';
import type { ReportData } from './types.js';

export interface Column<T> {
  title: string;
  /** The value sorted on (numbers sort as numbers; null sorts last). */
  value: (t: T) => number | string | null;
  text: (t: T) => string;
}

export const f4 = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(4));
const num = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? null : x);

export function agentColumns(d: ReportData): Array<Column<AgentSummary>> {
  const base = d.task.baseline;
  const runtime = d.rows.some((r) => r.runtimeVsO3);
  const cols: Array<Column<AgentSummary>> = [
    { title: 'agent', value: (a) => a.agent, text: (a) => a.agent },
    { title: `geomean ×${base}`, value: (a) => num(a.geomean), text: (a) => f4(a.geomean) },
    { title: 'best seed', value: (a) => num(a.spread.min), text: (a) => f4(a.spread.min) },
    { title: 'worst seed', value: (a) => num(a.spread.max), text: (a) => f4(a.spread.max) },
    { title: 'size ×Oz', value: (a) => num(a.sizeVsOz), text: (a) => f4(a.sizeVsOz) },
  ];
  if (runtime && d.task.objective !== 'runtime') {
    cols.push({ title: 'runtime ×O3', value: (a) => num(runtimeGeomean(d.rows, a.agent)), text: (a) => f4(runtimeGeomean(d.rows, a.agent)) });
  }
  cols.push(
    { title: 'kernels better/worse than random', value: (a) => (a.vsRandom ? a.vsRandom.better - a.vsRandom.worse : null), text: (a) => (a.vsRandom ? `${a.vsRandom.better}/${a.vsRandom.worse}` : '–') },
    { title: 'evals to 95 %', value: (a) => num(a.meanEvalsTo95), text: (a) => (Number.isFinite(a.meanEvalsTo95) ? a.meanEvalsTo95.toFixed(1) : '–') },
    { title: 'evaluations', value: (a) => num(a.meanEvaluations), text: (a) => (Number.isFinite(a.meanEvaluations) ? a.meanEvaluations.toFixed(1) : '–') },
    { title: 'walltime/run s', value: (a) => num(a.meanWalltimeS), text: (a) => (Number.isFinite(a.meanWalltimeS) ? a.meanWalltimeS.toFixed(1) : '–') },
    { title: 'invalid', value: (a) => a.invalidShare, text: (a) => `${(a.invalidShare * 100).toFixed(1)} %` },
    { title: 'runs', value: (a) => a.runs, text: (a) => String(a.runs) },
    { title: 'rejected', value: (a) => a.rejected, text: (a) => String(a.rejected) },
  );
  return cols;
}

function runtimeGeomean(rows: readonly Row[], agent: string): number {
  const xs = rows.filter((r) => r.agent === agent && r.runtimeVsO3 && r.replay.ok && !r.error).map((r) => r.runtimeVsO3!.median);
  return xs.length ? Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length) : NaN;
}

/** Per kernel: one column per agent (its geomean over seeds). */
export function kernelColumns(d: ReportData): Array<Column<ReportData['summary']['kernels'][number]>> {
  return [
    { title: 'kernel', value: (k) => shortKernel(k.kernel), text: (k) => shortKernel(k.kernel) },
    ...d.summary.agents.map((a): Column<ReportData['summary']['kernels'][number]> => ({ title: a.agent, value: (k) => num(k.byAgent[a.agent]), text: (k) => f4(k.byAgent[a.agent]) })),
  ];
}

/** A row's runtime ratio to -O3 with its interval; a best that is -O3's own module (n 0: not timed) says so instead. */
export const runtimeText = (r: Row) =>
  !r.runtimeVsO3 ? '–'
  : r.runtimeVsO3.n === 0 && r.runtimeVsO3.median === 1 ? '1 (the -O3 module)'
  : `${r.runtimeVsO3.median.toFixed(3)} [${r.runtimeVsO3.low.toFixed(3)}, ${r.runtimeVsO3.high.toFixed(3)}]`;

/** One row per run, for the per-kernel detail and the CSV. */
export const RUN_COLUMNS: Array<Column<Row> & { csv: string; csvValue: (r: Row) => string | number | null }> = [
  { title: 'agent', csv: 'agent', value: (r) => r.agent, text: (r) => r.agent, csvValue: (r) => r.agent },
  { title: 'seed', csv: 'seed', value: (r) => r.seed, text: (r) => String(r.seed), csvValue: (r) => r.seed },
  { title: 'ratio', csv: 'ratio', value: (r) => num(r.ratio), text: (r) => f4(r.ratio), csvValue: (r) => num(r.ratio) },
  { title: 'runtime ×O3 [95 % CI]', csv: 'runtime_vs_O3', value: (r) => num(r.runtimeVsO3?.median), text: runtimeText, csvValue: (r) => num(r.runtimeVsO3?.median) },
  { title: 'size B', csv: 'size_bytes', value: (r) => num(r.sizeBytes), text: (r) => (r.sizeBytes === undefined ? '–' : String(r.sizeBytes)), csvValue: (r) => num(r.sizeBytes) },
  { title: 'size ×Oz', csv: 'size_vs_Oz', value: (r) => num(r.sizeVsOz), text: (r) => f4(r.sizeVsOz), csvValue: (r) => num(r.sizeVsOz) },
  { title: 'origin', csv: 'origin', value: (r) => r.origin ?? null, text: (r) => (r.origin === undefined ? '–' : originLabel(r.origin)), csvValue: (r) => r.origin ?? null },
  { title: 'evaluations', csv: 'evaluations', value: (r) => r.evaluations, text: (r) => String(r.evaluations), csvValue: (r) => r.evaluations },
  { title: 'evals to 95 %', csv: 'evals_to_95', value: (r) => r.evalsTo95, text: (r) => (r.evalsTo95 === null ? '–' : String(r.evalsTo95)), csvValue: (r) => r.evalsTo95 },
  { title: 'replay', csv: 'replay', value: (r) => (r.error ? `error: ${r.error}` : r.replay.ok ? 'ok' : r.replay.detail), text: (r) => (r.error ? `error: ${r.error}` : r.replay.ok ? 'ok' : r.replay.detail), csvValue: (r) => (r.error ? `error: ${r.error}` : r.replay.ok ? 'ok' : r.replay.detail) },
  { title: 'recipe', csv: 'recipe', value: (r) => (r.recipe ? describeRecipe(r.recipe) : null), text: (r) => (r.recipe ? describeRecipe(r.recipe) : '–'), csvValue: (r) => (r.recipe ? describeRecipe(r.recipe) : null) },
];

/** Extra CSV-only columns. */
export const CSV_EXTRA: Array<{ csv: string; csvValue: (r: Row) => string | number | null }> = [
  { csv: 'runtime_low', csvValue: (r) => num(r.runtimeVsO3?.low) },
  { csv: 'runtime_high', csvValue: (r) => num(r.runtimeVsO3?.high) },
  { csv: 'runtime_confidence', csvValue: (r) => num(r.runtimeVsO3?.confidence) },
  { csv: 'invalid', csvValue: (r) => r.invalid },
  { csv: 'walltime_s', csvValue: (r) => r.walltimeMs / 1000 },
  { csv: 'hash', csvValue: (r) => r.hash ?? null },
  { csv: 'wasm_opt', csvValue: (r) => r.wasmOpt ?? null },
  { csv: 'worker', csvValue: (r) => r.worker ?? null },
];
