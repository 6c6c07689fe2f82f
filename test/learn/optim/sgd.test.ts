// sgd: one update equals θ − lr·(g + weightDecay·θ), worked out by hand.
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

describe('sgd', () => {
  it('makes the update of the formula', () => {
    // θ = (1, −2, 0.5), g = (0.5, −1, 2), lr = 0.1, weightDecay = 0.01
    // d = g + 0.01·θ = (0.51, −1.02, 2.005);  θ − 0.1·d = (0.949, −1.898, 0.2995)
    const theta = Float64Array.from([1, -2, 0.5]);
    const opt = OPTIMIZERS.sgd.create(3, { lr: 0.1, weightDecay: 0.01 });
    const info = opt.step(theta, Float64Array.from([0.5, -1, 2]));
    expectVector(theta, [0.949, -1.898, 0.2995]);
    expect(info.t).toBe(1);
    expect(info.lr).toBe(0.1);
    expect(info.updateNorm).toBeCloseTo(Math.hypot(0.051, 0.102, 0.2005), 14);
  });

  it('uses the learning rate passed to step over the configured one', () => {
    // θ = (1), g = (2), lr = 0.25 given to step: θ − 0.25·2 = 0.5
    const theta = Float64Array.from([1]);
    OPTIMIZERS.sgd.create(1, { lr: 0.1 }).step(theta, Float64Array.from([2]), 0.25);
    expectVector(theta, [0.5]);
  });
});
