// Every optimizer reaches the minimum (1, 1) of the 2-D Rosenbrock function from (−1.2, 1) to within 1e-6,
// with the hyper-parameters and budgets below.
import { describe, expect, it } from 'vitest';
import { createSchedule, describeMethod, distance, minimise, rosenbrock } from '../../../src/learn/optim/index.js';
import type { MinimiseMethod } from '../../../src/learn/optim/index.js';

/** A method and a fixed number of steps. */
type Run = MinimiseMethod & { steps: number };

const TOLERANCE = 1e-6; // ‖θ − θ*‖₂
const fn = rosenbrock();

// The Hessian at the minimum has eigenvalues ≈ 0.4 and 1001.6: gradient descent needs lr < 0.002 and then
// crawls along the valley.
const runs: Run[] = [
  { kind: 'first-order', optimizer: 'sgd', options: { lr: 0.001 }, steps: 40_000 },
  { kind: 'first-order', optimizer: 'momentum', options: { lr: 0.001, momentum: 0.9 }, steps: 5000 },
  { kind: 'first-order', optimizer: 'momentum', options: { lr: 0.001, momentum: 0.9, nesterov: true }, steps: 5000 },
  // RMSprop and Adam take steps of about lr near the minimum: the learning rate is annealed to 0.
  { kind: 'first-order', optimizer: 'rmsprop', options: { lr: 0.001 }, schedule: createSchedule('cosine', { lr: 0.001, periodSteps: 20_000 }), steps: 20_000 },
  { kind: 'first-order', optimizer: 'adam', options: { lr: 0.02 }, schedule: createSchedule('cosine', { lr: 0.02, periodSteps: 10_000 }), steps: 10_000 },
  { kind: 'first-order', optimizer: 'adamw', options: { lr: 0.02, weightDecay: 0 }, schedule: createSchedule('cosine', { lr: 0.02, periodSteps: 10_000 }), steps: 10_000 },
  // Trust-region Newton with the exact Hessian (positive definite along this path), region ½sᵀHs ≤ 1.
  { kind: 'natural', options: { maxKl: 1, damping: 0, fillTrustRegion: false }, curvature: (x) => fn.hessian(x), steps: 50 },
  { kind: 'flow', options: { atol: 1e-8 }, steps: 20_000 },
  { kind: 'flow', options: { method: 'heun-euler', atol: 1e-7 }, steps: 30_000 },
];

describe(`${fn.name}: every optimizer reaches the minimum within ${TOLERANCE}`, () => {
  for (const run of runs) {
    it(`${describeMethod(run)}, ${run.steps} steps`, () => {
      const { x } = minimise(fn, run, { maxSteps: run.steps });
      expect(distance(x, fn.minimum)).toBeLessThan(TOLERANCE);
    });
  }
});
