/**
 * Read what a report is made from: a leaderboard directory (results.jsonl, and table.json for the task,
 * command, commit and machine) or one or more tune reports (report.json). A tune report becomes a row like
 * a leaderboard run's, so one page layout serves both.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { evalsTo95, type BaselineFigures, type Row } from '../leaderboard/rows.js';
import { summarize } from '../leaderboard/summary.js';
import type { Task } from '../leaderboard/tasks.js';
import { WasmtuneError, messageOf } from '../errors.js';
import { METRIC_BASELINE, type Metric } from '../evaluate/objective.js';
import { OPT_LEVEL_NAMES, type OptLevelName } from '../recipe/recipe.js';
import type { TuneReport } from '../types.js';
import type { ReportData } from './types.js';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new WasmtuneError('E_IO', `${path} is not valid JSON: ${messageOf(e)}`);
  }
}

export function loadReportInput(paths: readonly string[]): ReportData {
  if (!paths.length) throw new WasmtuneError('E_USAGE', "report needs a leaderboard directory or report.json files (see 'wasmtune report --help').");
  const full = paths.map((p) => resolve(p));
  for (const p of full) if (!existsSync(p)) throw new WasmtuneError('E_IO', `Not found: ${p}`);
  const dirs = full.filter((p) => statSync(p).isDirectory());
  if (dirs.length) {
    if (full.length > 1) throw new WasmtuneError('E_USAGE', 'report takes one leaderboard directory, or any number of report.json files, not both.');
    return loadLeaderboard(dirs[0]!);
  }
  return loadTuneReports(full);
}

interface TableJson {
  task?: Task;
  command?: string | null;
  commit?: string;
  machine?: string;
}

function loadLeaderboard(dir: string): ReportData {
  const jsonl = join(dir, 'results.jsonl');
  if (!existsSync(jsonl)) throw new WasmtuneError('E_IO', `${dir} has no results.jsonl: is it a leaderboard directory (wasmtune-out/leaderboard/<task>, or a committed one in bench/leaderboard/<task>)?`);
  const rows: Row[] = readFileSync(jsonl, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as Row;
    } catch (e) {
      throw new WasmtuneError('E_IO', `${jsonl} line ${i + 1} is not valid JSON: ${messageOf(e)}`);
    }
  });
  if (!rows.length) throw new WasmtuneError('E_IO', `${jsonl} has no rows yet.`);
  const table = existsSync(join(dir, 'table.json')) ? (readJson(join(dir, 'table.json')) as TableJson) : {};
  const task = table.task ?? inferTask(rows);
  const agents = [...new Set(rows.map((r) => r.agent))];
  const notes: string[] = [];
  if (!table.task) notes.push('No table.json beside results.jsonl: the task (kernels, seeds, baseline) is inferred from the rows.');
  if (rows.some((r) => !r.curve?.length)) notes.push(`${rows.filter((r) => !r.curve?.length).length} row(s) have no best-so-far trace; they are left out of the convergence plot.`);
  if (task.objective === 'runtime') notes.push('Convergence on a runtime task shows the quick ratio to -O3 (5 interleaved rounds) that the search saw; the table and the Pareto plot show the separate final measurement (15 rounds) of each winner.');
  return {
    kind: 'leaderboard', sources: [dir], title: `Leaderboard ${task.name}`, task, rows,
    summary: summarize(task, agents, rows),
    meta: { ...(table.command !== undefined ? { command: table.command } : {}), ...(table.commit ? { commit: table.commit } : {}), ...(table.machine ? { machine: table.machine } : {}) },
    tuneReports: [], notes,
  };
}

function inferTask(rows: readonly Row[]): Task {
  const first = rows[0]!;
  const objective = first.objective as Metric;
  return {
    name: first.task, description: `${objective}, as recorded in results.jsonl`, objective, budget: first.budget,
    seeds: [...new Set(rows.map((r) => r.seed))].sort((a, b) => a - b),
    kernels: [...new Set(rows.map((r) => r.kernel))], baseline: METRIC_BASELINE[objective] ?? 'Oz',
  };
}

function isTuneReport(x: unknown): x is TuneReport {
  const r = x as Partial<TuneReport> | null;
  return Boolean(r && typeof r === 'object' && r.best && r.baselines && typeof r.kernel === 'string');
}

/** A tune report as a leaderboard row. It was not replayed with caches bypassed: its outputs were checked during the run. */
export function tuneReportRow(r: TuneReport): Row {
  const oz = r.baselines.Oz;
  const ozBytes = oz && !('invalid' in oz) ? oz.sizeBytes : undefined;
  const baselines: Partial<Record<OptLevelName, BaselineFigures>> = {};
  for (const level of OPT_LEVEL_NAMES) {
    const b = r.baselines[level];
    if (b && !('invalid' in b)) baselines[level] = { sizeBytes: b.sizeBytes, gzipBytes: b.gzipBytes, brotliBytes: b.brotliBytes, ...(b.quickRuntimeRatio !== undefined ? { quickRuntimeVsO3: b.quickRuntimeRatio } : {}) };
  }
  const curve = r.curve ?? [];
  // A best that is -O3's own module is exactly 1 × -O3 (n 0: not timed); reports written before
  // `sameModuleAs` carried that identity in `runtime` itself.
  const rt = r.best.runtime ?? (r.best.sameModuleAs?.includes('O3') && !r.interrupted && (r.best.runtimeVs || /runtime/.test(r.objective)) ? { median: 1, low: 1, high: 1, confidence: 1, n: 0 } : undefined);
  return {
    task: 'tune', kernel: r.kernel, agent: r.agent, seed: r.seed, budget: r.budget.evaluations ?? r.evaluations, objective: r.objective,
    ratio: Number.isFinite(r.best.scoreVsBaseline) ? r.best.scoreVsBaseline : null,
    ...(rt ? { runtimeVsO3: { median: rt.median, low: rt.low, high: rt.high, confidence: rt.confidence, n: rt.n } } : {}),
    sizeBytes: r.best.sizeBytes, ...(ozBytes ? { sizeVsOz: r.best.sizeBytes / ozBytes } : {}),
    origin: r.best.origin, recipe: r.best.recipe, hash: r.best.hash, wasmOpt: r.wasmOpt,
    evaluations: r.evaluations, invalid: r.invalid.total, curve, evalsTo95: evalsTo95(curve), walltimeMs: r.walltimeMs,
    replay: { ok: true }, baselines,
  };
}

function loadTuneReports(files: readonly string[]): ReportData {
  const reports = files.map((f) => {
    const data = readJson(f);
    if (!isTuneReport(data)) throw new WasmtuneError('E_IO', `${f} is not a tune report (report.json from 'wasmtune tune') nor a leaderboard directory.`);
    return data;
  });
  const objectives = [...new Set(reports.map((r) => r.objective))];
  if (objectives.length > 1) throw new WasmtuneError('E_IO', `The reports have different objectives (${objectives.join(', ')}): a table ranks one.`);
  const rows = reports.map(tuneReportRow);
  const objective = objectives[0]!;
  const metric = (['runtime', 'size', 'gzip', 'brotli'] as const).find((m) => m === objective);
  const task: Task = {
    name: 'tune', description: `tune reports, objective ${objective}`, objective: metric ?? 'size',
    budget: Math.max(...rows.map((r) => r.budget)), seeds: [...new Set(rows.map((r) => r.seed))].sort((a, b) => a - b),
    kernels: [...new Set(rows.map((r) => r.kernel))], baseline: metric ? METRIC_BASELINE[metric] : 'Oz',
  };
  const notes = ['Tune reports: each winner\'s outputs were checked during its run; it was not rebuilt and replayed separately as leaderboard rows are.'];
  if (!metric) notes.push(`The objective ${objective} is a combination: the ratio column is its score against the baselines (1 = as good as them).`);
  if (rows.some((r) => !r.curve.length)) notes.push('Some reports were written before tune reports recorded the best-so-far trace: they are left out of the convergence plot.');
  if (metric === 'runtime') notes.push('Convergence on runtime shows the quick ratio to -O3 (5 interleaved rounds) that the search saw; the table shows the final measurement (15 rounds).');
  const agents = [...new Set(rows.map((r) => r.agent))];
  return {
    kind: 'tune', sources: [...files], title: reports.length === 1 ? `wasmtune tune ${reports[0]!.kernel}` : `${reports.length} tune reports`,
    task, rows, summary: summarize(task, agents, rows), meta: {}, tuneReports: reports, notes,
  };
}

export const sourceName = (d: ReportData) => d.sources.map((s) => basename(s)).join(', ');
