// Learning-rate schedules at specific steps, alone and after linear warm-up.
import { describe, expect, it } from 'vitest';
import { SCHEDULES, createSchedule, withWarmup } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

describe('schedules', () => {
  it('give the learning rate of their formula at chosen steps', () => {
    const constant = SCHEDULES.constant.create({ lr: 0.3 });
    expect([0, 1, 1000].map(constant)).toEqual([0.3, 0.3, 0.3]);

    // step: 0.1·0.5^⌊t/10⌋ → t = 0, 9: 0.1; t = 10, 19: 0.05; t = 25: 0.025
    const step = SCHEDULES.step.create({ lr: 0.1, stepSize: 10, gamma: 0.5 });
    expect([0, 9, 10, 19, 25].map(step)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);

    // exponential: 0.1·0.9ᵗ → t = 2: 0.081, t = 3: 0.0729
    const exp = SCHEDULES.exponential.create({ lr: 0.1, gamma: 0.9 });
    expect(exp(0)).toBe(0.1);
    expect(exp(2)).toBeCloseTo(0.081, 16);
    expect(exp(3)).toBeCloseTo(0.0729, 16);

    // cosine from 0.1 to 0.01 over 100 updates: 0.01 + 0.09·(1 + cos(π·t/100))/2
    // t = 0: 0.1; t = 50: 0.055; t = 25: 0.01 + 0.045·(1 + √2/2) = 0.0868198051533946; t ≥ 100: 0.01
    const cos = SCHEDULES.cosine.create({ lr: 0.1, periodSteps: 100, minLr: 0.01 });
    expect(cos(0)).toBe(0.1);
    expect(cos(25)).toBeCloseTo(0.0868198051533946, 15);
    expect(cos(50)).toBeCloseTo(0.055, 15);
    expect(cos(100)).toBeCloseTo(0.01, 15);
    expect(cos(250)).toBeCloseTo(0.01, 15);
  });

  it('warm up linearly to the inner schedule, which then starts from its own step 0', () => {
    // 4 warm-up steps before a step schedule 0.1·0.5^⌊t/10⌋: 0.1·(t + 1)/4 for t < 4, then inner(t − 4)
    const s = createSchedule('step', { lr: 0.1, stepSize: 10, gamma: 0.5 }, 4);
    expectVector([0, 1, 2, 3].map(s), [0.025, 0.05, 0.075, 0.1], 1e-16);
    expect([4, 13, 14].map(s)).toEqual([0.1, 0.1, 0.05]);
    // Warm-up before a cosine: the cosine's period begins after the warm-up.
    const c = withWarmup(SCHEDULES.cosine.create({ lr: 0.2, periodSteps: 10 }), 5);
    expect(c(0)).toBeCloseTo(0.04, 16);
    expect(c(5)).toBe(0.2);
    expect(c(10)).toBeCloseTo(0.1, 15);
    expect(c(15)).toBe(0);
    expect(withWarmup(c, 0)).toBe(c);
  });

  it('reject a step that is not a non-negative integer', () => {
    const s = SCHEDULES.cosine.create();
    expect(() => s(-1)).toThrow(/integer ≥ 0/);
    expect(() => s(1.5)).toThrow(/integer ≥ 0/);
  });
});
