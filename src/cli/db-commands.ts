/**
 * The commands that read the results database (`runs`, `show`, `export`; leaderboard runs included,
 * named by their task) and the database side of `tune`: recording a run's evaluations as they are made, and `tune --resume <run>`, which recreates the
 * run from its stored options and replays its stored evaluations to a fresh agent.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WasmtuneError, messageOf } from '../errors.js';
import { DEFAULT_DB_FILE, ResultsDb, kernelIdentity, type EvaluationRow, type RunInfo } from '../db/index.js';
import { describeRecipe, type Recipe } from '../recipe/recipe.js';
import type { Kernel } from '../kernels/index.js';
import type { EvalRecord } from '../types.js';
import type { Budget, RunStore, TuneReport } from '../types.js';
import type { Io } from './main.js';

/** The database file: --db, else $WASMTUNE_DB, else .wasmtune/wasmtune.db under the working directory. */
export function dbFile(values: { db?: string | undefined }): string {
  return resolve(values.db ?? process.env.WASMTUNE_DB ?? DEFAULT_DB_FILE);
}

/** The options of `tune` that define a run (what `--resume` restores). */
const RUN_OPTIONS = ['harness', 'agent', 'agent-options', 'policy', 'budget', 'objective', 'seed', 'start', 'out', 'assume', 'no-runtime'] as const;
/** Options that name files, stored as absolute paths. */
const PATH_OPTIONS: ReadonlySet<string> = new Set(['harness', 'policy', 'start', 'out']);

interface StoredTuneOptions {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function parseRunId(text: string | undefined, command: string): number {
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id < 1) throw new WasmtuneError('E_USAGE', `${command} takes a run id (a whole number; 'wasmtune runs' lists them), got '${text ?? ''}'.`);
  return id;
}

/** Paths become absolute, so a resumed run finds its files from any working directory. */
const absolute = (p: string | undefined) => (p !== undefined && existsSync(p) ? resolve(p) : p);
const storedPath = (k: string, p: string | undefined) => (k === 'out' && p !== undefined ? resolve(p) : absolute(p));

/**
 * For `tune --resume <run>`: the stored options and positionals of the run, in place of the command
 * line's (which keeps only its output flags and --db).
 */
export function resumeTuneArgs<V extends { db?: string | undefined }>(values: V, positionals: string[]): { values: V; positionals: string[]; runId: number } {
  const runId = parseRunId(positionals[1], 'tune --resume');
  const db = ResultsDb.open(dbFile(values), { mustExist: true });
  try {
    const run = db.run(runId);
    if (run.leaderboard) {
      throw new WasmtuneError('E_USAGE', `Run ${runId} is a row of the leaderboard ${run.leaderboard.task} in ${run.leaderboard.dir}: 'wasmtune leaderboard --resume' (with the same options) runs its missing rows again.`);
    }
    const stored = run.options as StoredTuneOptions;
    // Every option of the run comes from the store, an option it did not have included (so `--budget`
    // given now cannot change what a resumed run does).
    const restored = Object.fromEntries(RUN_OPTIONS.map((k) => [k, stored.values[k]]));
    return { values: { ...values, ...restored }, positionals: stored.positionals, runId };
  } finally {
    db.close();
  }
}

export interface TuneRun {
  /** The run's id once it exists (it is created with its first evaluation). */
  readonly id: () => number | undefined;
  readonly store: RunStore;
  readonly file: string;
  finish(report: TuneReport): void;
  fail(error: unknown): void;
  close(): void;
}

/**
 * The database side of one `tune`: a new run (created when its first evaluation is committed, so a
 * command that fails before searching leaves no run behind), or, with `resumeId`, an interrupted run
 * taken over by this process. The kernel must be the same as when the run began.
 */
export function openTuneRun(
  values: Record<string, unknown> & { db?: string | undefined },
  positionals: string[],
  kernel: Kernel,
  meta: { agent: string; agentOptions: Record<string, number | boolean | string>; seed: number; budget: Budget; objective: string },
  resumeId?: number,
): TuneRun {
  const file = dbFile(values);
  const db = ResultsDb.open(file);
  try {
    const identity = kernelIdentity(kernel);
    let id: number | undefined;
    let committed: EvalRecord[] = [];
    if (resumeId !== undefined) {
      const run = db.claimRun(resumeId);
      if (run.kernel.moduleHash !== identity.moduleHash || run.kernel.harnessHash !== identity.harnessHash) {
        db.failRun(resumeId, 'the module or harness changed');
        throw new WasmtuneError('E_RESUME_MISMATCH', `Cannot resume run ${resumeId}: ${run.kernel.uri}'s ${run.kernel.moduleHash !== identity.moduleHash ? 'module' : 'harness'} changed since the run began.`);
      }
      id = resumeId;
      committed = db.evaluations(resumeId);
    }
    const stored: StoredTuneOptions = {
      values: Object.fromEntries(RUN_OPTIONS.map((k) => [k, PATH_OPTIONS.has(k) ? storedPath(k, values[k] as string | undefined) : values[k]]).filter(([, v]) => v !== undefined)) as StoredTuneOptions['values'],
      positionals: [positionals[0]!, absolute(positionals[1])!],
    };
    const create = () => (id ??= db.createRun({ kernel: identity, ...meta, options: stored }));
    const store: RunStore = {
      committed,
      commit: (seq, rec) => db.commitEvaluation(create(), seq, rec),
      cache: db.moduleCache(db.kernelId(identity)),
    };
    return {
      id: () => id,
      store,
      file,
      finish: (report) => db.finishRun(create(), { recipe: report.best.recipe as Recipe, hash: report.best.hash, score: report.best.scoreVsBaseline, report }),
      fail: (e) => {
        if (id !== undefined) db.failRun(id, messageOf(e));
      },
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    throw e;
  }
}

function statusText(r: RunInfo): string {
  return r.resumes ? `${r.status}, resumed ${r.resumes}×` : r.status;
}

function budgetText(b: Budget): string {
  return b.evaluations !== undefined ? `${b.evaluations}` : `${(b.durationMs ?? 0) / 1000}s`;
}

/** `wasmtune runs`: every run in the database, newest first. */
export function cmdRuns(values: { db?: string | undefined; json?: boolean | undefined }, io: Io): number {
  const db = ResultsDb.open(dbFile(values), { mustExist: true });
  try {
    const runs = db.runs();
    if (values.json) {
      io.stdout(JSON.stringify(runs.map(({ report: _report, options: _options, ...r }) => r), null, 2) + '\n');
      return 0;
    }
    if (!runs.length) {
      io.stdout(`no runs in ${db.file}\n`);
      return 0;
    }
    const rows = runs.map((r) => [
      String(r.id), statusText(r), r.leaderboard?.task ?? '-', r.kernel.uri.replace(/^kernel:\/\/wasmtune-v0\//, ''), r.agent, String(r.seed), r.objective,
      `${r.evaluations}/${budgetText(r.budget)}`, String(r.invalid),
      r.best?.score != null ? `${r.best.score.toFixed(4)} (final)` : r.bestSearchScore != null ? `${r.bestSearchScore.toPrecision(6)} (search)` : '-',
      r.startedAt.replace('T', ' ').slice(0, 19),
    ]);
    const head = ['run', 'status', 'task', 'kernel', 'agent', 'seed', 'objective', 'evals', 'invalid', 'best', 'started (UTC)'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const r of [head, ...rows]) io.stdout(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
    return 0;
  } finally {
    db.close();
  }
}

/** `wasmtune show <run>`: one run: options, progress, invalid candidates by reason, best. */
export function cmdShow(values: { db?: string | undefined; json?: boolean | undefined }, positionals: string[], io: Io): number {
  const id = parseRunId(positionals[1], 'show');
  const db = ResultsDb.open(dbFile(values), { mustExist: true });
  try {
    const r = db.run(id);
    const records = db.evaluations(id);
    if (values.json) {
      io.stdout(JSON.stringify({ ...r, records }, null, 2) + '\n');
      return 0;
    }
    const reasons = new Map<string, number>();
    for (const e of records) if (e.state === 'invalid') reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
    const line = (k: string, v: string) => io.stdout(`${k.padEnd(12)}${v}\n`);
    line('run', `${r.id} (${statusText(r)}) in ${db.file}`);
    line('kernel', `${r.kernel.uri} (module ${r.kernel.moduleHash}${r.kernel.harnessHash ? `, harness ${r.kernel.harnessHash}` : ', no harness'})`);
    line('agent', `${r.agent} ${JSON.stringify(r.agentOptions)}, seed ${r.seed}`);
    line('objective', `${r.objective}, budget ${budgetText(r.budget)}`);
    const lb = r.leaderboard;
    if (lb) line('leaderboard', `${lb.task} in ${lb.dir}${lb.jobId ? `, job ${lb.jobId} on worker ${lb.worker ?? '?'}` : ''}`);
    line('machine', `${r.host ?? '?'} (fingerprint ${r.fingerprint ?? '?'}), process ${r.pid ?? '?'}`);
    line('times', `started ${r.startedAt}, last commit ${r.updatedAt}`);
    line('evaluated', `${records.length} (${records.filter((e) => e.cached).length} from a cache), ${r.invalid} invalid${reasons.size ? ` (${[...reasons].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
    const ok = records.filter((e): e is Extract<EvalRecord, { state: 'ok' }> => e.state === 'ok');
    const bestSearch = ok.reduce<(typeof ok)[number] | undefined>((b, e) => (!b || e.score < b.score ? e : b), undefined);
    if (bestSearch) line('search best', `score ${bestSearch.score.toPrecision(6)} (evaluation ${records.indexOf(bestSearch) + 1}): ${describeRecipe(bestSearch.recipe)}`);
    if (r.best) line('result', `${r.best.score?.toFixed(4) ?? '-'} vs the baseline, module ${r.best.hash}: ${describeRecipe(r.best.recipe)}`);
    if (r.error) line('error', r.error);
    if ((r.status === 'interrupted' || r.status === 'failed') && !lb) line('resume', `wasmtune tune --resume ${r.id}${values.db ? ` --db ${values.db}` : ''}`);
    return 0;
  } finally {
    db.close();
  }
}

const CSV_COLUMNS: ReadonlyArray<keyof EvaluationRow> = [
  'runId', 'seq', 'state', 'reason', 'score', 'sizeBytes', 'gzipBytes', 'brotliBytes', 'quickRuntimeRatio', 'peakMemoryBytes', 'declaredMemoryBytes',
  'dataSegmentBytes', 'functions', 'hash', 'recipeHash', 'recipe', 'cached', 'walltimeMs', 'settings', 'fingerprint', 'detail', 'createdAt',
];

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * `wasmtune export <run> --csv <file|-> | --json [-o file]`: every evaluation of a run, one row each
 * (`-` or no file: standard output).
 */
export function cmdExport(values: { db?: string | undefined; json?: boolean | undefined; csv?: string | undefined; out?: string | undefined }, positionals: string[], io: Io): number {
  const id = parseRunId(positionals[1], 'export');
  if ((values.csv !== undefined) === Boolean(values.json)) throw new WasmtuneError('E_USAGE', "export writes one format: give --csv <file> ('-' for standard output) or --json [-o file].");
  const target = values.csv !== undefined ? (values.csv === '-' ? undefined : values.csv) : values.out;
  const db = ResultsDb.open(dbFile(values), { mustExist: true });
  let text: string;
  try {
    const run = db.run(id);
    const rows = db.evaluationRows(id);
    if (values.csv === undefined) {
      const { report, ...info } = run;
      text = JSON.stringify({ run: info, report, evaluations: rows.map((r) => ({ ...r, recipe: JSON.parse(r.recipe) as unknown })) }, null, 2) + '\n';
    } else {
      text = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\n') + '\n';
    }
  } finally {
    db.close();
  }
  if (target) {
    writeFileSync(target, text);
    io.stderr(`wrote ${target}\n`);
  } else io.stdout(text);
  return 0;
}
