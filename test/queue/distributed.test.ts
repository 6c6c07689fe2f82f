// A leaderboard over a BullMQ queue in a private redis-server, done by two `wasmtune worker` processes,
// one of which is killed (SIGKILL) in the middle of a job: the job is taken over by the other worker once
// its lock expires, every job completes exactly once, and the table equals the one the same leaderboard
// gives on one machine (the size task is deterministic). Each worker records its runs in its own results
// database; the collector's database holds exactly one row and one run (with its evaluations) per job.
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { runLeaderboard } from '../../src/leaderboard/run.js';
import { type Row } from '../../src/leaderboard/rows.js';
import { type Summary } from '../../src/leaderboard/summary.js';
import type { Task } from '../../src/leaderboard/tasks.js';
import { startLocalRedis, type LocalRedis } from '../../src/queue/local-redis.js';
import { spawnCli } from '../../src/queue/spawn.js';
import type { WorkerEvent } from '../../src/queue/worker.js';
import { ResultsDb } from '../../src/db/index.js';
import { REDIS_SERVER, describeRequiring } from '../requirements.js';

const task: Task = {
  name: 'queue-test', description: 'size, small', objective: 'size', budget: 5, seeds: [1],
  kernels: ['rle', 'bfs'].map((k) => `kernel://wasmtune-v0/${k}`), baseline: 'Oz',
};
const agents = ['random', 'hill'];

interface Spawned {
  proc: ChildProcess;
  events: WorkerEvent[];
  exited: Promise<void>;
}

function spawnWorker(url: string, db: string): Spawned {
  const proc = spawnCli(['worker', '--queue', url, '--lock-ms', '2000', '--json', '--db', db]);
  const events: WorkerEvent[] = [];
  let buf = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.startsWith('{')) events.push(JSON.parse(line) as WorkerEvent);
    }
  });
  proc.stderr!.resume();
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return { proc, events, exited };
}

const t0 = Date.now();
const log = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);

const until = async (what: string, cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** The table without what depends on the machine and the clock. */
const comparable = (s: Summary) => ({ ...s, agents: s.agents.map(({ meanWalltimeS: _, ...a }) => a) });
const byKey = (rows: readonly Row[]) => Object.fromEntries(rows.map((r) => [`${r.kernel} ${r.agent} ${r.seed}`, { ratio: r.ratio, hash: r.hash, recipe: r.recipe, sizeBytes: r.sizeBytes, curve: r.curve, replay: r.replay }]));

describeRequiring(REDIS_SERVER, 'wasmtune leaderboard --queue with wasmtune worker processes', () => {
  let redis: LocalRedis | undefined;
  const workers: Spawned[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
    await redis?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('survives a killed worker: every job completes once, and the table is the single-machine table', async () => {
    redis = await startLocalRedis();
    const dbDir = mkdtempSync(join(tmpdir(), 'wasmtune-lb-dbs-'));
    const db = { a: join(dbDir, 'a.db'), b: join(dbDir, 'b.db'), collector: join(dbDir, 'collector.db') };
    const a = spawnWorker(redis.url, db.a);
    const b = spawnWorker(redis.url, db.b);
    workers.push(a, b);
    // Both workers start (and load the code) while the single-machine reference runs.
    const localDir = mkdtempSync(join(tmpdir(), 'wasmtune-lb-local-'));
    const queueDir = mkdtempSync(join(tmpdir(), 'wasmtune-lb-queue-'));
    dirs.push(localDir, queueDir, dbDir);
    const local = await runLeaderboard({ task, agents, outDir: localDir });
    log('single-machine run done');
    await until('both workers ready', () => a.events.some((e) => e.event === 'ready') && b.events.some((e) => e.event === 'ready'), 30_000);
    log('workers ready');

    // Kill worker A once it is in the middle of its first job.
    let killed: string | undefined;
    const killer = (async () => {
      await until('worker A to take a job', () => a.events.some((e) => e.event === 'active'), 30_000);
      await new Promise((r) => setTimeout(r, 400));
      killed = (a.events.find((e) => e.event === 'active') as Extract<WorkerEvent, { event: 'active' }>).jobId;
      a.proc.kill('SIGKILL');
    })();
    const progress: string[] = [];
    const queued = await runLeaderboard({
      task, agents, outDir: queueDir, db: db.collector,
      queue: { url: redis.url, sweepMs: 500, onProgress: (p) => progress.push(`${p.jobId} ${p.progress.worker} ${p.progress.phase} ${p.progress.evaluations}`) },
    });
    await killer;
    await a.exited;
    const jobs = task.kernels.length * agents.length * task.seeds.length;
    const completedIds = () => [...a.events, ...b.events].filter((e) => e.event === 'completed').map((e) => (e as { jobId: string }).jobId);
    await until('the last completion line from the workers', () => completedIds().length >= jobs, 10_000);
    log('distributed run done');

    // The killed job: started by A, never completed by A, completed by B (a retry after its lock expired).
    expect(killed).toBeDefined();
    expect(a.events.some((e) => e.event === 'completed' && e.jobId === killed)).toBe(false);
    const retried = b.events.find((e): e is Extract<WorkerEvent, { event: 'active' }> => e.event === 'active' && e.jobId === killed);
    expect(retried, 'worker B took over the killed job').toBeDefined();
    expect(retried!.attempt).toBeGreaterThanOrEqual(2);
    // Every job completed exactly once, across both workers.
    const completed = completedIds();
    expect(completed).toHaveLength(jobs);
    expect(new Set(completed).size).toBe(completed.length);
    // One row per (kernel, agent, seed), each from its job; the killed job's row came from B.
    expect(queued.rows).toHaveLength(completed.length);
    expect(new Set(queued.rows.map((r) => r.jobId)).size).toBe(completed.length);
    expect(queued.rows.find((r) => r.jobId === killed)?.worker).toBe(b.events.find((e) => e.event === 'ready')!.worker);
    expect(readFileSync(join(queueDir, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(completed.length);
    // The collector's database: one row per job, each with its run and evaluations as the worker recorded
    // them; the killed job's row once, its run the one worker B finished.
    const collector = ResultsDb.open(db.collector);
    try {
      const recorded = collector.leaderboardRows(queueDir);
      expect(recorded.map((r) => r.jobId).sort()).toEqual([...completed].sort());
      expect(collector.runs()).toHaveLength(jobs);
      for (const r of recorded) {
        const row = queued.rows.find((x) => x.jobId === r.jobId)!;
        const run = collector.run(r.runId!);
        expect(run).toMatchObject({ status: 'done', agent: row.agent, seed: row.seed, leaderboard: { task: task.name, dir: queueDir, jobId: r.jobId, worker: row.worker } });
        expect(run.best?.hash).toBe(row.hash);
        expect(collector.evaluations(run.id)).toHaveLength(row.evaluations);
      }
    } finally {
      collector.close();
    }
    // Each worker's own database: B finished the killed job; A's attempt at it never finished.
    const dbB = ResultsDb.open(db.b);
    const dbA = ResultsDb.open(db.a);
    try {
      expect(dbB.runsOfJob(killed!).map((r) => r.status)).toEqual(['done']);
      expect(dbA.runsOfJob(killed!).filter((r) => r.status === 'done')).toHaveLength(0);
      expect(dbA.runs().length + dbB.runs().length).toBeGreaterThanOrEqual(jobs);
    } finally {
      dbA.close();
      dbB.close();
    }
    // Progress was visible while jobs ran.
    expect(progress.length).toBeGreaterThan(0);

    // The same results and the same table as on one machine.
    for (const r of queued.rows) expect(r.replay).toEqual({ ok: true });
    expect(byKey(queued.rows)).toEqual(byKey(local.rows));
    expect(comparable(queued.summary)).toEqual(comparable(local.summary));
    const perKernel = (md: string) => md.slice(md.indexOf('Per kernel'));
    expect(perKernel(readFileSync(join(queueDir, 'table.md'), 'utf8'))).toBe(perKernel(readFileSync(join(localDir, 'table.md'), 'utf8')));

    // Worker B stops cleanly when asked.
    b.proc.kill('SIGTERM');
    await b.exited;
    expect(b.proc.exitCode).toBe(0);
  }, 120_000);
});
