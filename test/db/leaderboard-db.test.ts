// A local leaderboard records one run per row in the results database, with every evaluation, tagged
// with its task and output directory, and the row itself once. Run again afresh, its evaluators take
// every module from the database's cache (none is checked again) and the rows come out the same.
// `wasmtune runs` names the task; `wasmtune export` writes a leaderboard run.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLeaderboard } from '../../src/leaderboard/run.js';
import { type Row } from '../../src/leaderboard/rows.js';
import type { Task } from '../../src/leaderboard/tasks.js';
import { ResultsDb } from '../../src/db/index.js';
import { cli } from '../helpers.js';

const task: Task = {
  name: 'db-test', description: 'size, tiny', objective: 'size', budget: 3, seeds: [1],
  kernels: ['rle'].map((k) => `kernel://wasmtune-v0/${k}`), baseline: 'Oz',
};
const agents = ['random', 'hill'];
const same = (rows: readonly Row[]) => Object.fromEntries(rows.map((r) => [`${r.kernel} ${r.agent} ${r.seed}`, { ratio: r.ratio, hash: r.hash, curve: r.curve, replay: r.replay }]));
const modules = (file: string) => {
  const raw = new Database(file, { readonly: true });
  const n = (raw.prepare('SELECT COUNT(*) AS n FROM modules').get() as { n: number }).n;
  raw.close();
  return n;
};

describe('a leaderboard in the results database', () => {
  it('records one run per row with its evaluations, and shares the module cache between runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-lb-db-'));
    const outDir = join(dir, 'out');
    const file = join(dir, 'r.db');
    const first = await runLeaderboard({ task, agents, outDir, db: file });
    expect(first.rows).toHaveLength(2);

    const db = ResultsDb.open(file);
    try {
      const recorded = db.leaderboardRows<Row>(outDir);
      expect(recorded).toHaveLength(2);
      const runs = db.runs();
      expect(runs).toHaveLength(2);
      for (const r of first.rows) {
        const row = recorded.find((x) => x.kernel === r.kernel && x.agent === r.agent && x.seed === r.seed)!;
        expect(row.row.hash).toBe(r.hash);
        const run = db.run(row.runId!);
        expect(run).toMatchObject({ status: 'done', agent: r.agent, seed: r.seed, objective: 'size', leaderboard: { task: task.name, dir: outDir } });
        expect(run.kernel.uri).toBe(r.kernel);
        expect(run.best?.hash).toBe(r.hash);
        expect(db.evaluations(run.id)).toHaveLength(r.evaluations);
      }
    } finally {
      db.close();
    }
    const checked = modules(file);
    expect(checked).toBeGreaterThan(0);

    // Afresh: new runs whose every module comes from the database's cache, the same rows, each row once.
    const second = await runLeaderboard({ task, agents: ['random'], outDir, db: file });
    expect(modules(file)).toBe(checked);
    expect(same(second.rows)).toEqual(same(first.rows.filter((r) => r.agent === 'random')));
    const again = ResultsDb.open(file);
    try {
      expect(again.runs()).toHaveLength(3);
      const recorded = again.leaderboardRows(outDir);
      expect(recorded).toHaveLength(1); // the leaderboard now has random's row only, as its results.jsonl
      for (const row of recorded) {
        const evals = again.evaluationRows(row.runId!);
        expect(evals.length).toBeGreaterThan(0);
        for (const e of evals) if (e.hash) expect(e.cached, `${row.kernel} evaluation ${e.seq}`).toBe(1);
      }
    } finally {
      again.close();
    }

    const listed = await cli('runs', '--db', file);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^run\s+status\s+task\s+kernel/);
    expect(listed.stdout.match(/\bdb-test\b/g)).toHaveLength(3);
    const exported = await cli('export', '1', '--json', '--db', file);
    expect(exported.code, exported.stderr).toBe(0);
    const json = JSON.parse(exported.stdout) as { run: { leaderboard: { task: string } }; evaluations: unknown[] };
    expect(json.run.leaderboard.task).toBe(task.name);
    expect(json.evaluations).toHaveLength(task.budget);
    const resume = await cli('tune', '--resume', '1', '--db', file);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toMatch(/leaderboard --resume/);
  }, 120_000);
});
