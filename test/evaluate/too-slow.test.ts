// A candidate whose build uses more CPU time than its limit is stopped and recorded as too-slow, naming
// the prefix of steps that was too slow; a later recipe with that prefix is recorded so without being
// built; a validation over its limit is too-slow too; and the prefix survives the results database, so
// a resumed run skips what the uninterrupted run skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS, type Recipe } from '../../src/recipe/recipe.js';
import { ResultsDb } from '../../src/db/index.js';
import { CPU_TIME_AVAILABLE } from '../../src/proc/cpu.js';

const heavy: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: ['-O4', '-O4', '-O4', '-O4'] };

describe.skipIf(!CPU_TIME_AVAILABLE)('too-slow candidates', () => {
  let ev: Evaluator;
  beforeAll(async () => {
    ev = await Evaluator.create(await loadKernel('kernel://wasmtune-v0/raytrace'), { objective: 'size', prefixCacheBytes: 0 });
  });
  afterAll(() => ev.close());

  it('builds the recipe without a limit', { timeout: 120_000 }, async () => {
    expect((await ev.evaluate(heavy)).state).toBe('ok');
  });

  it('stops a build over its CPU-time limit within a fraction of a second, naming the slow prefix', { timeout: 120_000 }, async () => {
    const fresh = await Evaluator.create(await loadKernel('kernel://wasmtune-v0/raytrace'), { objective: 'size', prefixCacheBytes: 0 });
    try {
      fresh.setCostLimits({ buildCpuMs: 1, validateCpuMs: 60_000 }, { factor: 1, floorMs: 40 });
      const rec = await fresh.evaluate(heavy);
      expect(rec).toMatchObject({ state: 'invalid', reason: 'too-slow' });
      if (rec.state !== 'invalid') return;
      expect(rec.detail).toMatch(/CPU time/);
      expect(rec.slowPrefix).toBeGreaterThanOrEqual(1);
      expect(rec.slowPrefix).toBeLessThanOrEqual(heavy.passes.length);
      // Stopped at the limit, not after the whole recipe: far below the builder's fixed deadline.
      expect(rec.buildMs).toBeLessThan(30_000);

      // The same first steps, then something else: too slow without a build.
      const longer: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: [...heavy.passes.slice(0, rec.slowPrefix), 'vacuum'] };
      const builds = fresh.builds;
      const skipped = await fresh.evaluate(longer);
      expect(skipped).toMatchObject({ state: 'invalid', reason: 'too-slow', slowPrefix: rec.slowPrefix, buildMs: 0 });
      expect(fresh.builds).toBe(builds);
      // Other knobs: not the same prefix, so it is built.
      await fresh.evaluate({ knobs: { ...DEFAULT_KNOBS, shrinkLevel: 2 }, passes: ['vacuum'] });
      expect(fresh.builds).toBe(builds + 1);
    } finally {
      fresh.close();
    }
  });

  it('stops a validation over its CPU-time limit', { timeout: 120_000 }, async () => {
    const fresh = await Evaluator.create(await loadKernel('kernel://wasmtune-v0/raytrace'), { objective: 'size', prefixCacheBytes: 0 });
    try {
      fresh.setCostLimits({ buildCpuMs: 60_000, validateCpuMs: 0 }, { factor: 1, floorMs: 1 });
      const rec = await fresh.evaluate({ knobs: { ...DEFAULT_KNOBS }, passes: ['-O1'] });
      expect(rec).toMatchObject({ state: 'invalid', reason: 'too-slow' });
      if (rec.state === 'invalid') expect(rec.slowPrefix).toBeUndefined();
    } finally {
      fresh.close();
    }
  });

  it('keeps the slow prefix in the results database', () => {
    const db = ResultsDb.open(join(mkdtempSync(join(tmpdir(), 'wasmtune-slow-')), 'w.db'));
    try {
      const run = db.createRun({ kernel: { uri: 'kernel://t/k', moduleHash: 'm', harnessHash: '' }, agent: 'sweep', agentOptions: {}, seed: 1, budget: { evaluations: 2 }, objective: 'size', options: {} });
      db.commitEvaluation(run, 0, { state: 'invalid', recipe: heavy, reason: 'too-slow', detail: 'stopped', slowPrefix: 2, cached: false, walltimeMs: 5, buildMs: 5, validateMs: 0, timeMs: 0 });
      db.commitEvaluation(run, 1, { state: 'invalid', recipe: heavy, reason: 'trap', detail: 'x', cached: false, walltimeMs: 5 });
      const [slow, other] = db.evaluations(run);
      expect(slow).toMatchObject({ reason: 'too-slow', slowPrefix: 2 });
      expect(other).not.toHaveProperty('slowPrefix');
    } finally {
      db.close();
    }
  });
});
