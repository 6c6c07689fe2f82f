// kill -9 a tuning run at random points, resume it each time (`tune --resume <run>`), and the run ends
// with every evaluation of an uninterrupted run, in the same order, none lost or doubled, and the same
// result.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsDb } from '../../src/db/index.js';
import { recipeHash } from '../../src/recipe/recipe.js';
import { cli } from '../helpers.js';
import { runAndKill } from './kill.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const BUDGET = 20;
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-kill-'));
const tuneArgs = (db: string) => ['tune', fx('sum.wat'), '--harness', fx('sum.harness.json'), '--objective', 'size', '--budget', String(BUDGET), '--seed', '3', '--no-runtime', '--db', db, '--out', join(dir, 'out'), '--json'];

function sequence(file: string, run: number): string[] {
  const db = ResultsDb.open(file);
  try {
    return db.evaluations(run).map((r) => `${recipeHash(r.recipe)} ${r.state === 'ok' ? r.score : r.reason}`);
  } finally {
    db.close();
  }
}

describe('kill -9 and resume', () => {
  it('loses no evaluation and ends with the result of a run that never stopped', async () => {
    const reference = join(dir, 'reference.db');
    const whole = await cli(...tuneArgs(reference));
    expect(whole.code).toBe(0);
    const expected = JSON.parse(whole.stdout) as { best: { recipe: unknown; hash: string; scoreVsBaseline: number }; evaluations: number };

    const file = join(dir, 'killed.db');
    // The first process is killed once something is committed; each resume is killed a few evaluations
    // further on, at a random moment (mid-evaluation, mid-commit).
    let target = 1 + Math.floor(Math.random() * 8);
    const first = await runAndKill(tuneArgs(file), file, (n) => n >= target);
    expect(first.killed).toBe(true);
    let kills = 1;
    for (let i = 0; i < 2; i++) {
      const db = ResultsDb.open(file);
      const run = db.runs()[0]!;
      db.close();
      expect(run.status).toBe('interrupted');
      target = run.evaluations + 2 + Math.floor(Math.random() * 10);
      const r = await runAndKill(['tune', '--resume', String(run.id), '--db', file, '--json'], file, (n) => n >= target);
      if (r.killed) kills++;
      else expect(r.code).toBe(0);
    }
    expect(kills).toBeGreaterThanOrEqual(2);

    const db = ResultsDb.open(file);
    const run = db.runs()[0]!;
    db.close();
    const resumed = run.status === 'done' ? undefined : await cli('tune', '--resume', String(run.id), '--db', file, '--json');
    if (resumed) expect(resumed.code, resumed.stderr).toBe(0);

    const after = ResultsDb.open(file);
    const final = after.run(run.id);
    after.close();
    expect(final.status).toBe('done');
    expect(final.evaluations).toBe(BUDGET);
    expect(sequence(file, run.id)).toEqual(sequence(reference, 1));
    const report = (resumed ? JSON.parse(resumed.stdout) : final.report) as typeof expected;
    expect(report.best.recipe).toEqual(expected.best.recipe);
    expect(report.best.hash).toBe(expected.best.hash);
    expect(report.best.scoreVsBaseline).toBe(expected.best.scoreVsBaseline);
    expect(report.evaluations).toBe(BUDGET);
  });
});
