// A `wasmtune tune` process stopped by SIGINT (Ctrl-C) or SIGTERM during the search writes the best found
// so far, its recipe and a report that says it was interrupted after N evaluations, prints how to resume,
// exits with 128 + the signal's number, and records the run as interrupted; `tune --resume` then ends
// with the result of a run that was never stopped.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsDb } from '../../src/db/index.js';
import type { TuneReport } from '../../src/types.js';
import { cli } from '../helpers.js';
import { runAndSignal } from '../reliability/kill.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const BUDGET = 20;
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-interrupt-'));
const tuneArgs = (db: string, out: string) =>
  ['tune', fx('sum.wat'), '--harness', fx('sum.harness.json'), '--objective', 'size', '--budget', String(BUDGET), '--seed', '5', '--no-runtime', '--db', db, '--out', out];

describe('a tune stopped by a signal', () => {
  const reference = (async () => {
    const r = await cli(...tuneArgs(join(dir, 'reference.db'), join(dir, 'reference')), '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as TuneReport;
  })();

  for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: writes the best so far and a report that says so, exits ${exitCode}, and resumes to the uninterrupted result`, async () => {
      const db = join(dir, `${signal}.db`);
      const out = join(dir, signal);
      const r = await runAndSignal(tuneArgs(db, out), db, (n) => n >= 2, signal);
      expect(r.sent).toBe(true);
      expect(r.code, r.stderr).toBe(exitCode);

      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as TuneReport;
      expect(report.interrupted?.signal).toBe(signal);
      expect(report.interrupted!.afterEvaluations).toBeGreaterThanOrEqual(1);
      expect(report.interrupted!.afterEvaluations).toBeLessThan(BUDGET);
      expect(report.evaluations).toBe(report.interrupted!.afterEvaluations);
      expect(readFileSync(join(out, 'best.wasm')).byteLength).toBe(report.best.sizeBytes);
      const recipe = JSON.parse(readFileSync(join(out, 'recipe.json'), 'utf8')) as { recipe: unknown };
      expect(recipe.recipe).toEqual(report.best.recipe);
      // Nothing was re-measured, so no final runtime figure is reported.
      expect(report.best.runtime).toBeUndefined();
      expect(report.best.runtimeVs).toBeUndefined();
      expect(r.stdout).toContain(`INTERRUPTED by ${signal} after ${report.interrupted!.afterEvaluations} of ${BUDGET} evaluations`);

      const file = ResultsDb.open(db);
      const run = file.runs()[0]!;
      file.close();
      expect(run.status).toBe('interrupted');
      expect(run.interrupted).toEqual(report.interrupted);
      // Every evaluation the report counts was committed, and none after it.
      expect(run.evaluations).toBe(report.interrupted!.afterEvaluations);
      expect(r.stdout).toContain(`wasmtune tune --resume ${run.id} --db ${db}`);

      const resumed = await cli('tune', '--resume', String(run.id), '--db', db, '--json');
      expect(resumed.code, resumed.stderr).toBe(0);
      const whole = await reference;
      const final = JSON.parse(resumed.stdout) as TuneReport;
      expect(final.interrupted).toBeUndefined();
      expect(final.evaluations).toBe(BUDGET);
      expect(final.best.recipe).toEqual(whole.best.recipe);
      expect(final.best.hash).toBe(whole.best.hash);
      expect(final.best.scoreVsBaseline).toBe(whole.best.scoreVsBaseline);
      expect(existsSync(join(out, 'best.wasm'))).toBe(true);
      const after = ResultsDb.open(db);
      expect(after.run(run.id)).toMatchObject({ status: 'done', interrupted: null });
      after.close();
    });
  }
});
