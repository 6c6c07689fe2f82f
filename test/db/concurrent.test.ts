// Two processes tuning into one database at the same moment (WAL, busy timeout) both finish, with every
// evaluation stored once: no row lost, none doubled, the shared module cache consistent.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsDb } from '../../src/db/index.js';
import { runAndKill } from '../reliability/kill.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const BUDGET = 25;

describe('two processes, one database', () => {
  it('stores every evaluation of both runs exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-concurrent-'));
    const file = join(dir, 'shared.db');
    // The same seed in both: they propose the same recipes at the same time, so they race on the same
    // module rows as well as on the run and evaluation rows.
    const args = (i: number) => ['tune', fx('sum.wat'), '--harness', fx('sum.harness.json'), '--objective', 'size', '--budget', String(BUDGET), '--seed', '2', '--no-runtime', '--db', file, '--out', join(dir, `out${i}`), '--json'];
    const results = await Promise.all([0, 1].map((i) => runAndKill(args(i), file, () => false)));
    for (const r of results) expect(r.code, r.stderr).toBe(0);

    const db = ResultsDb.open(file);
    const runs = db.runs();
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
    for (const r of runs) expect(r.evaluations).toBe(BUDGET);
    const [a, b] = runs.map((r) => db.evaluations(r.id).map((e) => JSON.stringify([e.recipe, e.hash, e.state === 'ok' ? e.score : e.reason])));
    expect(a).toEqual(b);
    db.close();

    const raw = new Database(file, { readonly: true });
    const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT COUNT(*) AS n FROM evaluations')).toBe(2 * BUDGET);
    expect(count('SELECT COUNT(*) AS n FROM (SELECT run_id, seq FROM evaluations GROUP BY run_id, seq)')).toBe(2 * BUDGET);
    expect(count('SELECT COUNT(*) AS n FROM kernels')).toBe(1);
    // Every module either run evaluated is in the shared cache once.
    expect(count('SELECT COUNT(*) AS n FROM (SELECT DISTINCT hash FROM evaluations WHERE hash IS NOT NULL AND hash NOT IN (SELECT hash FROM modules))')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM modules')).toBe(count('SELECT COUNT(*) AS n FROM (SELECT DISTINCT kernel_id, hash FROM modules)'));
    raw.close();
  });
});
