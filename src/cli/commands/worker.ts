import { WasmtuneError } from '../../errors.js';
import type { WorkerEvent } from '../../queue/worker.js';
import { defineCommand } from '../command.js';
import { DB, QUIET } from '../options.js';

export const worker = defineCommand({
  summary: 'take leaderboard jobs from a redis queue until stopped',
  usage: ['--queue redis://host:6379 [options]'],
  positionals: [],
  options: {
    queue: { type: 'string', value: 'redis://host:6379', description: 'the queue (required)' },
    'lock-ms': { type: 'string', value: '<ms>', default: '30000', description: "how long a dead worker's job waits before another worker takes it (≥ 1000)" },
    json: { type: 'boolean', description: 'one JSON event a line on stdout instead of progress lines on stderr' },
    quiet: QUIET,
    db: DB,
  },
  notes: ["Each job's run is recorded in this machine's results database. SIGINT or SIGTERM stops the worker once the job in hand is finished."],
  async run({ values, io }) {
    if (!values.queue) throw new WasmtuneError('E_USAGE', "A worker needs the queue: 'wasmtune worker --queue redis://host:6379'.");
    const { checkRedisUrl } = await import('../../queue/connection.js');
    const { numberFlag, isWhole } = await import('../values.js');
    checkRedisUrl(values.queue);
    const lockMs = numberFlag(values['lock-ms'], '--lock-ms', 30_000, isWhole(1000), 'a whole number of milliseconds ≥ 1000');
    const { startWorker } = await import('../../queue/worker.js');
    const { dbFile } = await import('../db.js');
    const running = await startWorker({
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
    await running.close();
    return 0;
  },
});

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
