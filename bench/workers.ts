/**
 * Leaderboard throughput with 1, 2 and 4 `wasmtune worker` processes on this machine, as a ratio to one
 * worker. Each configuration gets a fresh private redis-server and fresh workers (started and ready
 * before the clock starts), runs the same small size leaderboard over the queue, and is timed from the
 * first job enqueued to the last result collected.
 *
 *   npm run bench:workers -- [--kernels rle,bfs,crc32,fir] [--agents random,hill] [--seeds 2] [--budget 10] [--workers 1,2,4]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { runLeaderboard } from '../src/leaderboard/run.js';
import type { Task } from '../src/leaderboard/tasks.js';
import { startLocalRedis } from '../src/queue/local-redis.js';
import { spawnCli } from '../src/queue/spawn.js';

const { values } = parseArgs({
  options: {
    kernels: { type: 'string', default: 'rle,bfs,crc32,fir' },
    agents: { type: 'string', default: 'random,hill' },
    seeds: { type: 'string', default: '2' },
    budget: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1,2,4' },
  },
});

const task: Task = {
  name: 'bench-workers', description: 'size, for worker throughput', objective: 'size', budget: Number(values.budget),
  seeds: Array.from({ length: Number(values.seeds) }, (_, i) => i + 1),
  kernels: values.kernels.split(',').map((k) => (k.includes('://') ? k : `kernel://wasmtune-v0/${k}`)), baseline: 'Oz',
};
const agents = values.agents.split(',');
const counts = values.workers.split(',').map(Number);
const jobs = task.kernels.length * agents.length * task.seeds.length;

/** `n` workers recording into `db`, a fresh database per configuration (a warm module cache would skew the timing). */
async function startWorkers(url: string, n: number, db: string): Promise<ChildProcess[]> {
  const procs = Array.from({ length: n }, () => spawnCli(['worker', '--queue', url, '--json', '--db', db]));
  await Promise.all(procs.map((p) => new Promise<void>((resolve, reject) => {
    let buf = '';
    p.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      if (buf.includes('"event":"ready"')) resolve();
    });
    p.stderr!.resume();
    p.once('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready`)));
  })));
  return procs;
}

const results: Array<{ workers: number; seconds: number; jobsPerMinute: number }> = [];
for (const n of counts) {
  const redis = await startLocalRedis();
  const out = mkdtempSync(join(tmpdir(), 'wasmtune-bench-workers-'));
  const procs = await startWorkers(redis.url, n, join(out, 'workers.db'));
  try {
    const t0 = performance.now();
    const { rows } = await runLeaderboard({ task, agents, outDir: out, queue: { url: redis.url, sweepMs: 1000 } });
    const seconds = (performance.now() - t0) / 1000;
    if (rows.length !== jobs || rows.some((r) => r.error)) throw new Error(`expected ${jobs} good rows, got ${rows.length} (${rows.filter((r) => r.error).length} failed)`);
    results.push({ workers: n, seconds, jobsPerMinute: (jobs / seconds) * 60 });
    console.error(`${n} worker(s): ${jobs} jobs in ${seconds.toFixed(1)} s`);
  } finally {
    await Promise.all(procs.map((p) => new Promise<void>((r) => {
      p.once('exit', () => r());
      p.kill('SIGTERM');
    })));
    await redis.stop();
    rmSync(out, { recursive: true, force: true });
  }
}

const one = results.find((r) => r.workers === 1);
console.log(`Leaderboard over the queue: ${task.kernels.length} kernels × ${agents.length} agents × ${task.seeds.length} seeds = ${jobs} jobs, size, budget ${task.budget}; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}.\n`);
console.log('| workers | walltime s | jobs/min | throughput ÷ 1 worker |');
console.log('|---|---|---|---|');
for (const r of results) console.log(`| ${r.workers} | ${r.seconds.toFixed(1)} | ${r.jobsPerMinute.toFixed(1)} | ${one ? (r.jobsPerMinute / one.jobsPerMinute).toFixed(2) : '–'} |`);
