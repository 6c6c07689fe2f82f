/**
 * The leaderboard harness: every (kernel, agent, seed) of a task is tuned under the task's budget, every
 * reported recipe is replayed (rebuilt from its recipe with every cache bypassed, and its outputs checked
 * again on the harness seeds) before its row counts, and the results are written as raw JSONL plus
 * Markdown and JSON tables.
 *
 * Output, in `<out>/` (the command line's default is `wasmtune-out/leaderboard/<task>/` in the current
 * directory):
 *   results.jsonl  one row per run, appended as runs finish (a killed run loses only runs in flight;
 *                  `--resume` skips the rows already there)
 *   table.md       per agent: geomean ratio to the task's baseline, its spread over seeds, kernels won
 *                  against random, evaluations to reach 95 % of the final result, walltime; then per kernel
 *   table.json     the same figures, for programs
 *
 * With `queue` the runs are jobs on a BullMQ queue in Redis, done by `wasmtune worker` processes on any
 * number of machines (src/queue/); the rows they return are written here exactly as local rows are.
 *
 * With `db` (the CLI always gives one) every run is recorded in the results database as it goes, each
 * evaluation committed, tagged with the task and the output directory; its evaluator uses the
 * database's content-hash cache, so a module checked or measured before (by any run on this machine)
 * is not checked or measured again; and each collected row is recorded there once (leaderboard_rows).
 * A queue row's run, made in a worker's own database, comes back with the row and is copied in.
 *
 * Definitions (also printed under the table):
 * - ratio: the best recipe's objective value ÷ the baseline's (size: bytes ÷ -Oz bytes; runtime: the
 *   final interleaved measurement against -O3, after the search, never the one that chose the winner).
 * - seed spread: the agent's geomean over kernels computed per seed; the table shows its min and max.
 * - evaluations to 95 %: on the agent's own best-so-far curve, the first evaluation whose best closes 95 %
 *   of the gap between the agent's first valid candidate and its final best.
 * - All runs on one kernel share one evaluator (its recipe and module caches): a module is built, checked
 *   and quick-measured once, and agents compare on the same figures. Walltime is therefore the cost
 *   with the caches warmed by the agents that ran before (agents run in registry order).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { getAgent } from '../../agents/registry.js';
import { Evaluator } from '../evaluate/evaluator.js';
import type { EvalRecord, Progress } from '../types.js';
import { loadKernel, projectRoot, type Kernel } from '../kernels/index.js';
import { messageOf } from '../errors.js';
import { OPT_LEVEL_NAMES, type OptLevelName, type Recipe } from '../recipe/recipe.js';
import { bestSoFar, tune } from '../search/tune.js';
import type { QueueOptions } from '../queue/collect.js';
import { ResultsDb, kernelIdentity, type LeaderboardTag, type PortableRun } from '../db/index.js';
import type { Task } from './tasks.js';
import { evalsTo95, failedRow, rowKey as key, type BaselineFigures, type Row } from './rows.js';
import { replay } from './replay.js';
import { summarize, type Summary } from './summary.js';
import { provenance, renderMarkdown } from './render.js';

export interface LeaderboardOptions {
  task: Task;
  agents: readonly string[];
  outDir: string;
  /** Kernels tuned at once; each has its own builder and runner processes. */
  jobs?: number;
  /** Keep the rows already in results.jsonl and run only the missing ones. */
  resume?: boolean;
  /** The command that produced the table, printed in it. */
  command?: string;
  onRow?: (row: Row) => void;
  /** Run every (kernel, agent, seed) as a job on this queue instead of in this process. */
  queue?: QueueOptions;
  /** The results database to record runs and rows in, and whose module cache runs share (default: none). */
  db?: string;
}

export async function runLeaderboard(opts: LeaderboardOptions): Promise<{ rows: Row[]; summary: Summary }> {
  for (const a of opts.agents) getAgent(a); // unknown names fail before anything runs
  mkdirSync(opts.outDir, { recursive: true });
  const db = opts.db === undefined ? undefined : ResultsDb.open(opts.db);
  try {
    return await leaderboard(opts, db);
  } finally {
    db?.close();
  }
}

async function leaderboard(opts: LeaderboardOptions, db: ResultsDb | undefined): Promise<{ rows: Row[]; summary: Summary }> {
  const { task } = opts;
  const dir = resolve(opts.outDir);
  const jsonl = join(opts.outDir, 'results.jsonl');
  const rows: Row[] = [];
  if (opts.resume && existsSync(jsonl)) {
    for (const line of readFileSync(jsonl, 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line) as Row;
      if (r.task === task.name && r.budget === task.budget && opts.agents.includes(r.agent) && task.kernels.includes(r.kernel) && task.seeds.includes(r.seed)) rows.push(r);
    }
  }
  writeFileSync(jsonl, rows.map((r) => JSON.stringify(r) + '\n').join(''));
  db?.keepLeaderboardRows(dir, task.name, rows);
  const done = new Set(rows.map(key));

  /** A finished row: appended to results.jsonl and recorded in the database with its run (an id here, or a worker's run). */
  const emit = (row: Row, run?: number | PortableRun) => {
    rows.push(row);
    appendFileSync(jsonl, JSON.stringify(row) + '\n');
    db?.recordLeaderboardRow(dir, row, run);
    opts.onRow?.(row);
  };
  if (opts.queue) {
    const todo = task.kernels.flatMap((kernel) => opts.agents.flatMap((agent) => task.seeds.filter((seed) => !done.has(key({ kernel, agent, seed }))).map((seed) => ({ kernel, agent, seed }))));
    // BullMQ and ioredis are loaded only for a queued leaderboard.
    const { collectFromQueue } = await import('../queue/collect.js');
    await collectFromQueue(opts.queue, { task, leaderboard: dir }, todo, emit, (k, error) => failedRow(task, k.kernel, k.agent, k.seed, error));
  }

  let next = 0;
  const worker = async () => {
    while (next < task.kernels.length) {
      const kernel = task.kernels[next++]!;
      const todo = opts.agents.map((agent) => ({ agent, seeds: task.seeds.filter((seed) => !done.has(key({ kernel, agent, seed }))) })).filter((t) => t.seeds.length);
      if (!todo.length) continue;
      await runKernel(task, kernel, todo, emit, db, dir);
    }
  };
  if (!opts.queue) await Promise.all(Array.from({ length: Math.max(1, opts.jobs ?? 1) }, worker));

  const summary = summarize(task, opts.agents, rows);
  const ran = provenance(relative(projectRoot(), dir));
  writeFileSync(join(opts.outDir, 'table.json'), JSON.stringify({ ...summary, command: opts.command ?? null, ...ran }, null, 2) + '\n');
  writeFileSync(join(opts.outDir, 'table.md'), renderMarkdown(summary, opts.command, ran));
  return { rows, summary };
}

/**
 * Every run on one kernel. One evaluator serves every agent and seed (its recipe and module caches too,
 * so a module is measured once and agents compare on the same figures), and replays each result with
 * its caches bypassed.
 */
async function runKernel(
  task: Task, uri: string, todo: ReadonlyArray<{ agent: string; seeds: readonly number[] }>, emit: (row: Row, run?: number) => void, db: ResultsDb | undefined, dir: string,
): Promise<void> {
  const session = await openKernel(task, uri, db);
  if (typeof session === 'string') return todo.forEach(({ agent, seeds }) => seeds.forEach((seed) => emit(failedRow(task, uri, agent, seed, session))));
  try {
    for (const { agent, seeds } of todo) {
      for (const seed of seeds) {
        const { row, runId } = await runAndReplay(task, session, agent, seed, { leaderboard: { task: task.name, dir } });
        emit(row, runId);
      }
    }
  } finally {
    session.ev.close();
  }
}

/** A kernel loaded with its evaluator, shared by the runs on it; a string says why it could not be opened. */
export interface KernelSession {
  uri: string;
  kernel: Kernel;
  ev: Evaluator;
  /** Where the runs on the kernel are recorded; the evaluator uses its module cache. */
  db?: ResultsDb;
}

/**
 * Load a kernel and its evaluator. With `db`, the evaluator's content-hash cache is the database's (for
 * this kernel's module and harness), shared with every run that used the database before; runtime
 * ratios are reused only for the same settings and machine.
 */
export async function openKernel(task: Pick<Task, 'objective'>, uri: string, db?: ResultsDb): Promise<KernelSession | string> {
  const kernel = await loadKernel(uri).catch((e: unknown) => messageOf(e));
  if (typeof kernel === 'string') return kernel;
  let cache;
  try {
    cache = db?.moduleCache(db.kernelId(kernelIdentity(kernel)));
  } catch (e) {
    return messageOf(e);
  }
  const ev = await Evaluator.create(kernel, { objective: task.objective, ...(cache ? { cache } : {}) }).catch((e: unknown) => messageOf(e));
  if (typeof ev === 'string') return ev;
  return { uri, kernel, ev, ...(db ? { db } : {}) };
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  /** How the run is tagged in the session's database. */
  leaderboard?: LeaderboardTag;
}

/**
 * One (kernel, agent, seed): tuned, then replayed with the caches bypassed. Never throws: a failure is a
 * row. With a database in the session, the run is recorded there (`runId`) with every evaluation.
 */
export async function runAndReplay(task: Task, session: KernelSession, agent: string, seed: number, options: RunOptions = {}): Promise<{ row: Row; runId?: number }> {
  const { row, runId } = await runOne(task, session, agent, seed, options);
  await replay(session.ev, row);
  return { row, ...(runId !== undefined ? { runId } : {}) };
}

/** A row's runtime when its best is -O3's own module: 1 by identity (n 0: not timed). */
const SAME_AS_O3 = { median: 1, low: 1, high: 1, confidence: 1, n: 0 } as const;

/** One tuning run, recorded in the session's database when it has one. */
async function runOne(task: Task, session: KernelSession, agentName: string, seed: number, options: RunOptions): Promise<{ row: Row; runId?: number }> {
  const { uri, kernel, ev, db } = session;
  const t0 = performance.now();
  let runId: number | undefined;
  try {
    const agent = getAgent(agentName);
    const agentOptions = { ...agent.defaults };
    const budget = { evaluations: task.budget };
    if (db) {
      runId = db.createRun({
        kernel: kernelIdentity(kernel), agent: agentName, agentOptions, seed, budget, objective: task.objective,
        options: { task, kernel: uri, agent: agentName, seed }, ...(options.leaderboard ? { leaderboard: options.leaderboard } : {}),
      });
    }
    const id = runId;
    const { report, records } = await tune(kernel, {
      // The leaderboard compares what the agents find: a contender would hand every agent the same module.
      agent, agentOptions, budget, objective: task.objective, seed, measureRuntime: false, contenders: [],
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(db && id !== undefined ? { store: { committed: [], commit: (seq: number, rec: EvalRecord) => db.commitEvaluation(id, seq, rec) } } : {}),
    }, ev);
    if (db && id !== undefined) db.finishRun(id, { recipe: report.best.recipe as Recipe, hash: report.best.hash, score: report.best.scoreVsBaseline, report });
    const oz = report.baselines.Oz;
    // The best is -O3's own module: its ratio to -O3 is exactly 1, not timed (n 0), as rows have always had it.
    const rt = report.best.runtime ?? (report.best.sameModuleAs?.includes('O3') && !report.interrupted && /runtime/.test(report.objective) ? SAME_AS_O3 : undefined);
    const curve = bestSoFar(records);
    const baselines: Partial<Record<OptLevelName, BaselineFigures>> = {};
    for (const level of OPT_LEVEL_NAMES) {
      const b = report.baselines[level];
      if (!b || 'invalid' in b) continue;
      baselines[level] = { sizeBytes: b.sizeBytes, gzipBytes: b.gzipBytes, brotliBytes: b.brotliBytes, ...(b.quickRuntimeRatio !== undefined ? { quickRuntimeVsO3: b.quickRuntimeRatio } : {}) };
    }
    const row: Row = {
      task: task.name, kernel: uri, agent: agentName, seed, budget: task.budget, objective: task.objective,
      ratio: Number.isFinite(report.best.scoreVsBaseline) ? report.best.scoreVsBaseline : null,
      ...(rt ? { runtimeVsO3: { median: rt.median, low: rt.low, high: rt.high, confidence: rt.confidence, n: rt.n } } : {}),
      sizeBytes: report.best.sizeBytes,
      ...(oz && !('invalid' in oz) ? { sizeVsOz: report.best.sizeBytes / oz.sizeBytes } : {}),
      origin: report.best.origin, recipe: report.best.recipe, hash: report.best.hash, wasmOpt: report.wasmOpt,
      evaluations: report.evaluations, invalid: report.invalid.total, curve, evalsTo95: evalsTo95(curve),
      walltimeMs: performance.now() - t0, replay: { ok: false, detail: 'not yet replayed' }, baselines,
    };
    return { row, ...(runId !== undefined ? { runId } : {}) };
  } catch (e) {
    if (db && runId !== undefined) {
      try {
        db.failRun(runId, messageOf(e));
      } catch {
        // the database is what failed: the row says why
      }
    }
    return { row: failedRow(task, uri, agentName, seed, messageOf(e), performance.now() - t0), ...(runId !== undefined ? { runId } : {}) };
  }
}

