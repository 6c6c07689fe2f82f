/**
 * The collector side of a queue leaderboard: enqueue one BullMQ job per (kernel, agent, seed), then take
 * each job's result exactly once, as it completes, until every job is done.
 *
 * Results arrive by QueueEvents ('completed' / 'failed'), and a periodic sweep of the outstanding job
 * states catches any event missed while the collector's connection was down. Each job id is taken at most
 * once, so a job that some failure made BullMQ report twice still gives one row. A job that fails all its
 * attempts becomes a failed row (shown in the table as rejected, never hidden). The run's jobs are removed
 * from Redis once collected. A result carries the worker's recorded run (its evaluations), which is
 * handed to `emit` apart from the row.
 */
import { randomBytes } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Task } from '../leaderboard/tasks.js';
import type { Row } from '../leaderboard/rows.js';
import type { PortableRun } from '../db/index.js';
import { QUEUE_NAME, closeRedis, openRedis } from './connection.js';
import { jobIdOf, type JobProgress, type LeaderboardJob, type LeaderboardResult } from './jobs.js';

export interface QueueOptions {
  /** `redis://host:port/db` */
  url: string;
  /** Attempts per job: a job whose worker dies (stalled) is retried by another worker (default 3). */
  attempts?: number;
  /** How often the outstanding jobs are swept for results missed by the event stream, ms (default 3000). */
  sweepMs?: number;
  /** Called for every progress report of a job and when a job is taken by a worker. */
  onProgress?: (job: Pick<LeaderboardJob, 'kernel' | 'agent' | 'seed'> & { jobId: string; progress: JobProgress }) => void;
  /** Called with the run id once the jobs are enqueued. */
  onEnqueued?: (run: string, jobs: number) => void;
}

type Key = Pick<LeaderboardJob, 'kernel' | 'agent' | 'seed'>;

export async function collectFromQueue(
  opts: QueueOptions,
  /** What every job carries besides its key: the task, and the collector's output directory. */
  common: { task: Task; leaderboard?: string },
  todo: readonly Key[],
  emit: (row: Row, run?: PortableRun) => void,
  failed: (key: Key, error: string) => Row,
): Promise<void> {
  if (!todo.length) return;
  const connection = await openRedis(opts.url);
  const queue = new Queue<LeaderboardJob, LeaderboardResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const outstanding = new Map(todo.map((k) => [jobIdOf(run, k), k]));
  const taken = new Set<string>();
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (finish = resolve));

  /** Take a job's result if it is final; each id at most once. */
  const take = async (jobId: string): Promise<void> => {
    const key = outstanding.get(jobId);
    if (!key || taken.has(jobId)) return;
    taken.add(jobId);
    try {
      const job = await Job.fromId<LeaderboardJob, LeaderboardResult>(queue, jobId);
      const state = job ? await job.getState() : 'unknown';
      if (job && state === 'completed' && job.returnvalue) {
        const { run, ...row } = job.returnvalue;
        emit({ ...row, jobId }, run);
      }
      else if (job && state === 'failed') emit({ ...failed(key, `job failed after ${job.attemptsMade} attempt(s): ${job.failedReason}`), jobId });
      else {
        taken.delete(jobId);
        return;
      }
      outstanding.delete(jobId);
      if (!outstanding.size) finish();
    } catch {
      taken.delete(jobId); // a connection problem: the sweep tries again
    }
  };

  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    events.on('completed', ({ jobId }) => void take(jobId));
    events.on('failed', ({ jobId }) => void take(jobId));
    events.on('progress', ({ jobId, data }) => {
      const key = outstanding.get(jobId);
      if (key && data && typeof data === 'object') opts.onProgress?.({ ...key, jobId, progress: data as JobProgress });
    });
    const attempts = opts.attempts ?? 3;
    const jobs = [...outstanding].map(([jobId, k]) => ({
      name: 'tune',
      data: { ...common, ...k },
      opts: { jobId, attempts, removeOnComplete: false, removeOnFail: false },
    }));
    for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
    opts.onEnqueued?.(run, jobs.length);
    const sweepMs = opts.sweepMs ?? 3000;
    while (outstanding.size) {
      const tick = new Promise<void>((resolve) => setTimeout(resolve, sweepMs).unref());
      await Promise.race([allDone, tick]);
      if (!outstanding.size) break;
      const ids = [...outstanding.keys()];
      for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map(take));
    }
  } finally {
    for (const jobId of taken) await queue.remove(jobId).catch(() => 0);
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    await closeRedis(connection);
  }
}
