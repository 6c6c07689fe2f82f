/**
 * `wasmtune worker --queue redis://…`: take leaderboard jobs from the queue until stopped (SIGINT or
 * SIGTERM: the job in hand is finished first), recording each job's run in this machine's results
 * database (--db, else $WASMTUNE_DB, else .wasmtune/wasmtune.db). And the queue side of `wasmtune leaderboard --queue`:
 * progress lines as workers report.
 */
import { WasmtuneError } from '../errors.js';
import { checkRedisUrl } from '../queue/connection.js';
import { startWorker, type WorkerEvent } from '../queue/worker.js';
import type { QueueOptions } from '../queue/collect.js';
import type { Io } from './main.js';
import { dbFile } from './db-commands.js';

export interface WorkerFlags {
  queue?: string | undefined;
  db?: string | undefined;
  'lock-ms'?: string | undefined;
  json?: boolean | undefined;
  quiet?: boolean | undefined;
}

function lockMsOf(text: string | undefined): number {
  if (text === undefined) return 30_000;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1000) throw new WasmtuneError('E_USAGE', `--lock-ms must be a whole number of milliseconds ≥ 1000, got '${text}'.`);
  return n;
}

function describe(e: WorkerEvent): string {
  switch (e.event) {
    case 'ready':
      return `worker ${e.worker}: waiting for jobs`;
    case 'active':
      return `${e.jobId}: started (attempt ${e.attempt})`;
    case 'progress':
      return `${e.jobId}: ${e.progress.phase} ${e.progress.evaluations}/${e.progress.budget}, best ${e.progress.best ?? '–'}`;
    case 'completed':
      return `${e.jobId}: completed, ratio ${e.ratio?.toFixed(4) ?? '–'}, ${(e.walltimeMs / 1000).toFixed(1)} s`;
    case 'failed':
      return `${e.jobId}: FAILED: ${e.error}`;
    case 'error':
      return `worker error: ${e.error}`;
  }
}

export async function cmdWorker(values: WorkerFlags, io: Io): Promise<number> {
  if (!values.queue) throw new WasmtuneError('E_USAGE', "A worker needs the queue: 'wasmtune worker --queue redis://host:6379'.");
  checkRedisUrl(values.queue);
  const lockMs = lockMsOf(values['lock-ms']);
  const worker = await startWorker({
    url: values.queue,
    lockMs,
    db: dbFile(values),
    onEvent: (e) => {
      if (values.json) io.stdout(JSON.stringify(e) + '\n');
      else if (!values.quiet || e.event === 'error' || e.event === 'failed') io.stderr(describe(e) + '\n');
    },
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await worker.close();
  return 0;
}

/** The queue a leaderboard runs on, with progress lines on stderr. */
export function leaderboardQueue(url: string | undefined, io: Io, quiet: boolean): QueueOptions | undefined {
  if (!url) return undefined;
  checkRedisUrl(url);
  return {
    url,
    onEnqueued: (run, jobs) => io.stderr(`queue: ${jobs} jobs of run ${run} on ${url}; start workers with 'wasmtune worker --queue ${url}'\n`),
    onProgress: ({ kernel, agent, seed, progress: p }) => {
      if (!quiet) io.stderr(`  ${kernel} ${agent} seed ${seed} on ${p.worker}: ${p.phase} ${p.evaluations}/${p.budget}\n`);
    },
  };
}
