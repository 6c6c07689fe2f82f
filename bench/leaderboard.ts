/**
 * The leaderboard harness: every (kernel, agent, seed) of a task is tuned under the task's budget, every
 * reported recipe is replayed (rebuilt from its recipe with every cache bypassed, and its outputs checked
 * again on the harness seeds) before its row counts, and the results are written as raw JSONL plus
 * Markdown and JSON tables.
 *
 * Output, in `<out>/` (by default `bench/leaderboard/<task>/`):
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
import { join, resolve } from 'node:path';
import { commit, machine } from './run-info.js';
import { getAgent } from '../agents/registry.js';
import { Evaluator, type EvalRecord } from '../src/evaluate.js';
import { loadKernel, projectRoot, type Kernel } from '../src/kernels/index.js';
import { geomean, type Estimate } from '../src/measure/stats.js';
import { messageOf } from '../src/errors.js';
import { OPT_LEVEL_NAMES, recipeToJson, type OptLevelName, type Recipe } from '../src/recipe.js';
import { tune, type Progress } from '../src/tune.js';
import { collectFromQueue, type QueueOptions } from '../src/queue/collect.js';
import { ResultsDb, kernelIdentity, type LeaderboardTag, type PortableRun } from '../src/db/index.js';
import type { Task } from './tasks.js';

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

/** One -O level's module, as the run that produced a row built it (sizes in bytes). */
export interface BaselineFigures {
  sizeBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** The quick ratio to -O3 (5 interleaved rounds, from the search), runtime tasks only. */
  quickRuntimeVsO3?: number;
}

export interface Row {
  task: string;
  kernel: string;
  agent: string;
  seed: number;
  budget: number;
  objective: string;
  /** The best's objective value ÷ the task baseline's; null when the run failed. */
  ratio: number | null;
  /** Final runtime measurement against -O3 (runtime tasks). */
  runtimeVsO3?: Estimate;
  sizeBytes?: number;
  sizeVsOz?: number;
  origin?: string;
  recipe?: ReturnType<typeof recipeToJson>;
  hash?: string;
  wasmOpt?: string;
  evaluations: number;
  invalid: number;
  /**
   * Best-so-far score after each evaluation (null until a valid candidate): bytes of the task's metric
   * for size tasks, the quick runtime ratio to -O3 for runtime tasks.
   */
  curve: Array<number | null>;
  evalsTo95: number | null;
  walltimeMs: number;
  /** Rebuilt from the recipe with caches bypassed: same module, outputs equal to the original's. */
  replay: { ok: true } | { ok: false; detail: string };
  error?: string;
  /** Every -O level of this kernel as the run built it (rows written before this field existed lack it). */
  baselines?: Partial<Record<OptLevelName, BaselineFigures>>;
  /** Queue runs: the job (its id is the key results are collected by) and the worker that ran it. */
  jobId?: string;
  worker?: string;
}

const key = (r: { kernel: string; agent: string; seed: number }) => `${r.kernel}\u0000${r.agent}\u0000${r.seed}`;

/** The first evaluation (1-based) whose best-so-far closes 95 % of the gap from the first valid to the final best. */
export function evalsTo95(curve: ReadonlyArray<number | null>): number | null {
  const first = curve.find((x): x is number => x !== null);
  const last = curve.at(-1);
  if (first === undefined || last === null || last === undefined) return null;
  const target = first - 0.95 * (first - last);
  const i = curve.findIndex((x) => x !== null && x <= target + 1e-12);
  return i + 1;
}

export function bestSoFar(records: readonly EvalRecord[]): Array<number | null> {
  let best: number | null = null;
  return records.map((r) => {
    if (r.state === 'ok' && (best === null || r.score < best)) best = r.score;
    return best;
  });
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
  writeFileSync(join(opts.outDir, 'table.json'), JSON.stringify({ ...summary, command: opts.command ?? null, commit: commit(['bench/leaderboard']), machine: `${machine()}, Node ${process.version}` }, null, 2) + '\n');
  writeFileSync(join(opts.outDir, 'table.md'), renderMarkdown(summary, opts.command));
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

export function failedRow(task: Task, uri: string, agent: string, seed: number, error: string, walltimeMs = 0): Row {
  return {
    task: task.name, kernel: uri, agent, seed, budget: task.budget, objective: task.objective,
    ratio: null, evaluations: 0, invalid: 0, curve: [], evalsTo95: null, walltimeMs, replay: { ok: false, detail: 'not run' }, error,
  };
}

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
      agent, agentOptions, budget, objective: task.objective, seed, measureRuntime: false,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(db && id !== undefined ? { store: { committed: [], commit: (seq: number, rec: EvalRecord) => db.commitEvaluation(id, seq, rec) } } : {}),
    }, ev);
    if (db && id !== undefined) db.finishRun(id, { recipe: report.best.recipe as Recipe, hash: report.best.hash, score: report.best.scoreVsBaseline, report });
    const oz = report.baselines.Oz;
    const rt = report.best.runtime;
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

/** Rebuild a row's recipe with the caches bypassed: the same module must come out, and pass validation. */
async function replay(ev: Evaluator, r: Row): Promise<void> {
  if (!r.recipe || r.error) return;
  const again = await ev.recheck(r.recipe).catch((e: unknown) => messageOf(e));
  r.replay =
    typeof again === 'string' ? { ok: false, detail: `replay failed: ${again}` }
    : again.state !== 'ok' ? { ok: false, detail: `${again.reason}: ${again.detail}` }
    : again.hash !== r.hash ? { ok: false, detail: `rebuilt module ${again.hash} differs from the reported ${r.hash}` }
    : { ok: true };
}

// ── tables ───────────────────────────────────────────────────────────────────────────────────────────

export interface AgentSummary {
  agent: string;
  runs: number;
  /** Rows that failed to run or to replay (not counted in the figures). */
  rejected: number;
  /** Geomean of the ratio over every accepted (kernel, seed). */
  geomean: number;
  /** The geomean over kernels, per seed. */
  perSeed: Record<string, number>;
  spread: { min: number; max: number };
  /** Geomean size ratio to -Oz (every task reports it; it is the ratio itself on size tasks). */
  sizeVsOz: number;
  /** Kernels where this agent's geomean over seeds beats random's / loses to it (ties: neither). */
  vsRandom?: { better: number; worse: number };
  meanEvalsTo95: number;
  meanEvaluations: number;
  meanWalltimeS: number;
  invalidShare: number;
}

export interface Summary {
  task: Task;
  agents: AgentSummary[];
  /** Per kernel, per agent: geomean ratio over seeds; and the best -O level's ratio where known. */
  kernels: Array<{ kernel: string; byAgent: Record<string, number | null> }>;
}

const accepted = (r: Row) => r.ratio !== null && r.replay.ok && !r.error;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);

export function summarize(task: Task, agents: readonly string[], rows: readonly Row[]): Summary {
  const cell = (kernel: string, agent: string) => {
    const xs = rows.filter((r) => r.kernel === kernel && r.agent === agent && accepted(r)).map((r) => r.ratio!);
    return xs.length ? geomean(xs) : null;
  };
  const kernels = task.kernels.map((kernel) => ({ kernel, byAgent: Object.fromEntries(agents.map((a) => [a, cell(kernel, a)])) }));
  const summaries = agents.map((agent): AgentSummary => {
    const mine = rows.filter((r) => r.agent === agent);
    const ok = mine.filter(accepted);
    const perSeed: Record<string, number> = {};
    for (const seed of task.seeds) {
      const xs = ok.filter((r) => r.seed === seed).map((r) => r.ratio!);
      if (xs.length) perSeed[seed] = geomean(xs);
    }
    const seedValues = Object.values(perSeed);
    let vsRandom: AgentSummary['vsRandom'];
    if (agent !== 'random' && agents.includes('random')) {
      vsRandom = { better: 0, worse: 0 };
      for (const k of kernels) {
        const a = k.byAgent[agent];
        const r = k.byAgent.random;
        if (a == null || r == null) continue;
        if (a < r - 1e-12) vsRandom.better++;
        else if (a > r + 1e-12) vsRandom.worse++;
      }
    }
    return {
      agent,
      runs: mine.length,
      rejected: mine.length - ok.length,
      geomean: geomean(ok.map((r) => r.ratio!)),
      perSeed,
      spread: { min: Math.min(...seedValues), max: Math.max(...seedValues) },
      sizeVsOz: geomean(ok.filter((r) => r.sizeVsOz !== undefined).map((r) => r.sizeVsOz!)),
      ...(vsRandom ? { vsRandom } : {}),
      meanEvalsTo95: mean(ok.filter((r) => r.evalsTo95 !== null).map((r) => r.evalsTo95!)),
      meanEvaluations: mean(ok.map((r) => r.evaluations)),
      meanWalltimeS: mean(mine.map((r) => r.walltimeMs / 1000)),
      invalidShare: mine.reduce((s, r) => s + r.invalid, 0) / Math.max(1, mine.reduce((s, r) => s + r.evaluations, 0)),
    };
  });
  summaries.sort((a, b) => (Number.isNaN(a.geomean) ? 1 : Number.isNaN(b.geomean) ? -1 : a.geomean - b.geomean));
  return { task, agents: summaries, kernels };
}

const f4 = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(4));

export function renderMarkdown(s: Summary, command?: string): string {
  const { task } = s;
  const vsBase = `×${task.baseline}`;
  const lines = [
    `# Leaderboard: ${task.name}`,
    '',
    `${task.description}. Budget ${task.budget} evaluations per run, seeds ${task.seeds.join(', ')}, ${task.kernels.length} kernels; lower is better.`,
    '',
    ...(command ? ['```', command, '```', ''] : []),
    `Commit ${commit(['bench/leaderboard'])}; machine: ${machine()}, Node ${process.version}.`,
    '',
    `| agent | geomean ${vsBase} | per-seed geomean (min – max) | size ×Oz | kernels vs random (better/worse) | evals to 95 % | evaluations | walltime/run s | invalid | rejected rows |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...s.agents.map((a) =>
      `| ${a.agent} | ${f4(a.geomean)} | ${f4(a.spread.min)} – ${f4(a.spread.max)} | ${f4(a.sizeVsOz)} | ${a.vsRandom ? `${a.vsRandom.better}/${a.vsRandom.worse}` : '–'} | ${Number.isFinite(a.meanEvalsTo95) ? a.meanEvalsTo95.toFixed(1) : '–'} | ${a.meanEvaluations.toFixed(1)} | ${a.meanWalltimeS.toFixed(1)} | ${(a.invalidShare * 100).toFixed(1)} % | ${a.rejected} |`),
    '',
    `Per kernel: geomean ${vsBase} over seeds (best agent in bold).`,
    '',
    `| kernel | ${s.agents.map((a) => a.agent).join(' | ')} |`,
    `|---|${s.agents.map(() => '---').join('|')}|`,
    ...s.kernels.map((k) => {
      const vals = s.agents.map((a) => k.byAgent[a.agent] ?? null);
      const best = Math.min(...vals.filter((v): v is number => v !== null));
      return `| ${k.kernel.replace(/^kernel:\/\/[^/]+\//, '')} | ${vals.map((v) => (v !== null && v === best ? `**${f4(v)}**` : f4(v))).join(' | ')} |`;
    }),
    '',
    'Ratio: the best recipe\'s objective value ÷ the baseline\'s (runtime: a final interleaved measurement after the search, not the one that chose the winner). ' +
      'Per-seed geomean: the geomean over kernels for each seed; its range is the seed-to-seed spread. ' +
      'Evals to 95 %: first evaluation whose best-so-far closes 95 % of the gap between the agent\'s first valid candidate and its final best. ' +
      'Rejected rows failed to run or failed replay (rebuilt from the recipe with caches bypassed and re-checked); they are in results.jsonl, not in the figures.',
    '',
  ];
  return lines.join('\n');
}
