// The optimizer benchmark on classic functions (bench/optim.ts): a row per optimizer and function under a
// tiny step cap, and on the ill-conditioned quadratic adam and flow reach the tolerance with the settings the
// benchmark states as their best, which a separate run of those settings confirms.
import { describe, expect, it } from 'vitest';
import { BENCH_OPTIMIZERS, GRIDS, benchMethod, renderClassicTable, runClassicBenchmark } from '../../../bench/optim.js';
import { TEST_FUNCTIONS, distance, illConditionedQuadratic, minimise } from '../../../src/learn/optim/index.js';

describe('bench:optim on classic functions', () => {
  it('gives a row per optimizer and function under a tiny step cap, and the cap holds', () => {
    const cap = 5;
    const { rows } = runClassicBenchmark({ maxGradientEvaluations: cap, minTimeMs: 0 });
    const ids = Object.keys(TEST_FUNCTIONS);
    expect(rows.map((r) => `${r.function} ${r.optimizer}`)).toEqual(ids.flatMap((id) => BENCH_OPTIMIZERS.map((o) => `${id} ${o}`)));
    for (const r of rows) {
      expect(r.settingsTried).toBe(GRIDS[r.optimizer].length);
      expect(r.timeRatio).toBeGreaterThan(0);
      // A flow step in progress may finish past the cap: at most one step's evaluations and its rejections.
      expect(r.gradientEvaluations).toBeLessThanOrEqual(r.optimizer === 'flow' ? cap + 3 * (r.rejectedTrials + 1) : cap);
      if (r.state === 'not-reached') expect(r.finalDistance).toBeGreaterThan(1e-6);
      else expect(r.finalDistance).toBeLessThanOrEqual(1e-6);
    }
    // Five gradient steps reach nothing: every first-order row stops at the cap.
    for (const r of rows.filter((x) => x.optimizer === 'sgd' || x.optimizer === 'adam')) {
      expect(r).toMatchObject({ state: 'not-reached', stop: 'step-cap', gradientEvaluations: cap, steps: cap });
    }
    expect(renderClassicTable(rows.filter((r) => r.function === 'rosenbrock')).split('\n')).toHaveLength(2 + BENCH_OPTIMIZERS.length);
  });

  it('on the quadratic, adam and flow reach the tolerance with their stated best settings', () => {
    const tolerance = 1e-6;
    const { rows } = runClassicBenchmark({ functions: ['ill-conditioned-quadratic'], optimizers: ['adam', 'flow'], tolerance, minTimeMs: 0 });
    expect(rows.map((r) => r.optimizer)).toEqual(['adam', 'flow']);
    const fn = illConditionedQuadratic();
    for (const row of rows) {
      expect(row.state).toBe('reached');
      // The stated setting, run on its own for exactly the steps the row reports, ends within the tolerance…
      const again = minimise(fn, benchMethod(row.optimizer, row.setting, fn), { maxSteps: row.steps });
      expect(distance(again.x, fn.minimum)).toBeLessThanOrEqual(tolerance);
      expect(again.gradientEvaluations).toBe(row.gradientEvaluations);
      // …and one step fewer does not: the count is the first step at which it got there.
      const short = minimise(fn, benchMethod(row.optimizer, row.setting, fn), { maxSteps: row.steps - 1 });
      expect(distance(short.x, fn.minimum)).toBeGreaterThan(tolerance);
    }
  });
});
