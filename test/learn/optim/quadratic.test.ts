// Every optimizer reaches the minimum of an ill-conditioned quadratic (condition number 100, rotated
// axes) to within 1e-6, with the hyper-parameters and budgets below.
import { describe, expect, it } from 'vitest';
import { createSchedule, describeMethod, distance, minimise, illConditionedQuadratic } from '../../../src/learn/optim/index.js';
import type { MinimiseMethod } from '../../../src/learn/optim/index.js';

/** A method and a fixed number of steps. */
type Run = MinimiseMethod & { steps: number };

const TOLERANCE = 1e-6; // ‖θ − θ*‖₂
const fn = illConditionedQuadratic();

// λ_max = 100: gradient descent needs lr < 2/100; 0.019 is near the optimal 2/(λ_min + λ_max) ≈ 0.0198.
const runs: Run[] = [
  { kind: 'first-order', optimizer: 'sgd', options: { lr: 0.019 }, steps: 1000 },
  { kind: 'first-order', optimizer: 'momentum', options: { lr: 0.01, momentum: 0.8 }, steps: 400 },
  { kind: 'first-order', optimizer: 'momentum', options: { lr: 0.01, momentum: 0.8, nesterov: true }, steps: 400 },
  // RMSprop's steps stay about lr long near the minimum, so the learning rate is annealed to 0.
  { kind: 'first-order', optimizer: 'rmsprop', options: { lr: 0.01 }, schedule: createSchedule('cosine', { lr: 0.01, periodSteps: 4000 }), steps: 4000 },
  { kind: 'first-order', optimizer: 'adam', options: { lr: 0.05 }, steps: 1500 },
  { kind: 'first-order', optimizer: 'adamw', options: { lr: 0.05, weightDecay: 0 }, steps: 1500 },
  // With the Hessian as curvature the natural step is Newton's step, capped to the region ½sᵀHs ≤ 10.
  { kind: 'natural', options: { maxKl: 10, damping: 0, fillTrustRegion: false }, curvature: (x) => fn.hessian(x), steps: 20 },
  // The controller settles h at the stability bound ≈ 2.5/λ_max; accuracy is set by atol.
  { kind: 'flow', options: { atol: 1e-8 }, steps: 2000 },
  { kind: 'flow', options: { method: 'heun-euler', atol: 1e-7 }, steps: 15_000 },
];

describe(`${fn.name}: every optimizer reaches the minimum within ${TOLERANCE}`, () => {
  for (const run of runs) {
    it(`${describeMethod(run)}, ${run.steps} steps`, () => {
      const { x } = minimise(fn, run, { maxSteps: run.steps });
      expect(distance(x, fn.minimum)).toBeLessThan(TOLERANCE);
    });
  }
});
