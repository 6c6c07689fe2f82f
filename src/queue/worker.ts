/**
 * A queue worker: takes leaderboard jobs from BullMQ, one at a time, and returns each job's row. Runs on
 * any machine with this repository built and access to the Redis server.
 *
 * Each job is a complete tuning run in this process, so its runtime figures are ratios to the -O3 module
 * measured interleaved on this machine, and rows from different machines combine. Consecutive jobs on the
 * same kernel share its evaluator (as the local leaderboard shares one per kernel); a job on another
 * kernel closes it. BullMQ holds a lock on the active job and renews it every `lockMs / 2`; a worker that
 * dies stops renewing, and after `lockMs` any live worker's stalled-job check moves the job back to the
 * queue for another worker (up to the job's attempts). A worker whose lock was lost cannot complete the
 * job: BullMQ refuses the completion, so a job completes once.
 *
 * With `db`, every job's run is recorded in this machine's results database as it goes (each evaluation
 * committed, tagged with the task, the collector's output directory, the job and this worker), the
 * evaluator uses the database's module cache, and the run with its evaluations is returned with the
 * row for the collector's database. A run of an earlier attempt of the job, left behind in this database
 * by a worker that died, is marked failed when the job is taken again.
 */
import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { failedRow } from '../leaderboard/rows.js';
import { openKernel, runAndReplay, type KernelSession } from '../leaderboard/run.js';
import { ResultsDb } from '../db/index.js';
import { QUEUE_NAME, closeRedis, openRedis } from './connection.js';
import type { JobProgress, LeaderboardJob, LeaderboardResult } from './jobs.js';
import type { Progress } from '../types.js';

export interface WorkerOptions {
  /** `redis://host:port/db` */
  url: string;
  /** Lock duration, ms: how long a dead worker's job waits before another worker takes it (default 30000). */
  lockMs?: number;
  /** Least time between two progress reports of a job, ms (default 1000). */
  progressMs?: number;
  /** The results database runs are recorded in (default: none). */
  db?: string;
  onEvent?: (e: WorkerEvent) => void;
}

export type WorkerEvent =
  | { event: 'ready'; worker: string }
  | { event: 'active'; worker: string; jobId: string; kernel: string; agent: string; seed: number; attempt: number }
  | { event: 'progress'; worker: string; jobId: string; progress: JobProgress }
  | { event: 'completed'; worker: string; jobId: string; ratio: number | null; walltimeMs: number }
  | { event: 'failed'; worker: string; jobId: string; error: string }
  | { event: 'error'; worker: string; error: string };

export interface RunningWorker {
  name: string;
  /** Finish the job in hand, then stop. */
  close(): Promise<void>;
}

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const name = `${hostname()}:${process.pid}`;
  const emit = (e: WorkerEvent) => opts.onEvent?.(e);
  const lockMs = opts.lockMs ?? 30_000;
  const progressMs = opts.progressMs ?? 1000;
  let session: (KernelSession & { objective: string }) | undefined;
  const db = opts.db === undefined ? undefined : ResultsDb.open(opts.db);

  const process_ = async (job: Job<LeaderboardJob, LeaderboardResult>): Promise<LeaderboardResult> => {
    const { task, kernel, agent, seed } = job.data;
    const jobId = job.id!;
    emit({ event: 'active', worker: name, jobId, kernel, agent, seed, attempt: job.attemptsStarted });
    for (const r of db?.runsOfJob(jobId) ?? []) {
      if (r.status === 'interrupted') db!.failRun(r.id, `its worker (${r.leaderboard?.worker ?? r.host}) stopped; attempt ${job.attemptsStarted} of the job was taken by ${name}`);
    }
    if (!session || session.uri !== kernel || session.objective !== task.objective) {
      session?.ev.close();
      session = undefined;
      const opened = await openKernel(task, kernel, db);
      if (typeof opened === 'string') return { ...failedRow(task, kernel, agent, seed, opened), jobId, worker: name };
      session = { ...opened, objective: task.objective };
    }
    let last = 0;
    const onProgress = (p: Progress) => {
      const now = performance.now();
      if (now - last < progressMs && p.phase === 'search') return;
      last = now;
      const progress: JobProgress = { worker: name, phase: p.phase, evaluations: p.evaluations, budget: task.budget, best: p.best ?? null };
      emit({ event: 'progress', worker: name, jobId, progress });
      job.updateProgress(progress).catch(() => undefined);
    };
    const leaderboard = { task: task.name, dir: job.data.leaderboard ?? '', jobId, worker: name };
    const { row, runId } = await runAndReplay(task, session, agent, seed, { onProgress, leaderboard });
    return { ...row, jobId, worker: name, ...(db && runId !== undefined ? { run: db.exportRun(runId) } : {}) };
  };

  const connection = await openRedis(opts.url).catch((e: unknown) => {
    db?.close();
    throw e;
  });
  const worker = new Worker<LeaderboardJob, LeaderboardResult>(QUEUE_NAME, process_, {
    connection,
    concurrency: 1,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 3,
    autorun: false,
  });
  worker.on('completed', (job, result) => emit({ event: 'completed', worker: name, jobId: job.id!, ratio: result.ratio, walltimeMs: result.walltimeMs }));
  worker.on('failed', (job, e) => emit({ event: 'failed', worker: name, jobId: job?.id ?? '?', error: e.message }));
  worker.on('error', (e) => emit({ event: 'error', worker: name, error: e.message }));
  try {
    await worker.waitUntilReady();
  } catch (e) {
    await worker.close().catch(() => undefined);
    await closeRedis(connection);
    db?.close();
    throw e;
  }
  void worker.run();
  emit({ event: 'ready', worker: name });
  return {
    name,
    close: async () => {
      await worker.close();
      await closeRedis(connection);
      session?.ev.close();
      session = undefined;
      db?.close();
    },
  };
}
