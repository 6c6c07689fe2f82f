/** What a leaderboard job carries, what it returns, and how its id is made. */
import type { Task } from '../leaderboard/tasks.js';
import type { Row } from '../leaderboard/rows.js';
import type { PortableRun } from '../db/index.js';

/** One (kernel, agent, seed) of a task. Kernels are suite URIs or paths that exist on every worker. */
export interface LeaderboardJob {
  task: Task;
  kernel: string;
  agent: string;
  seed: number;
  /** The collector's output directory, which the run is tagged with in the worker's database. */
  leaderboard?: string;
}

/**
 * What a worker returns: the row, as the local leaderboard would write it, with the job and worker named;
 * and the run with its evaluations as the worker's database recorded it, for the collector's database.
 */
export type LeaderboardResult = Row & { jobId: string; worker: string; run?: PortableRun };

/** What a worker reports while a job runs (BullMQ job progress). */
export interface JobProgress {
  worker: string;
  phase: 'baselines' | 'search' | 'final';
  evaluations: number;
  budget: number;
  /** Best score so far (bytes for size tasks, the quick ratio to -O3 for runtime tasks). */
  best: number | null;
}

/**
 * The job id: the run, then the (kernel, agent, seed). It is the idempotency key: BullMQ ignores a second
 * job with the same id, and the collector takes at most one result per id. BullMQ ids may not contain ':'.
 */
export function jobIdOf(run: string, job: Pick<LeaderboardJob, 'kernel' | 'agent' | 'seed'>): string {
  return `${run}/${job.kernel.replace(/:/g, '')}/${job.agent}/s${job.seed}`;
}
