// The registries: every optimizer and schedule by name, working from its defaults, and helpful errors.
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, SCHEDULES, createOptimizer, createSchedule } from '../../../src/learn/optim/index.js';
import { errorOf } from '../../helpers.js';


describe('optimizer and schedule registries', () => {
  it('hold the documented names, and each creates a working instance from its defaults', () => {
    expect(Object.keys(OPTIMIZERS)).toEqual(['sgd', 'momentum', 'rmsprop', 'adam', 'adamw']);
    expect(Object.keys(SCHEDULES)).toEqual(['constant', 'step', 'exponential', 'cosine']);
    for (const [name, info] of Object.entries(OPTIMIZERS)) {
      expect(info.name).toBe(name);
      const o = createOptimizer(name, 2);
      const theta = Float64Array.from([1, 1]);
      o.step(theta, Float64Array.from([1, -1]));
      expect(theta[0]).toBeLessThan(1);
      expect(theta[1]).toBeGreaterThan(1);
    }
    for (const name of Object.keys(SCHEDULES)) expect(createSchedule(name)(0)).toBe(0.001);
  });

  it('suggest the closest name for a typo and reject bad options with what is allowed', () => {
    const e = errorOf(() => createOptimizer('adamm', 2));
    expect(e.code).toBe('E_USAGE');
    expect(e.message).toContain("'adam'");
    expect(errorOf(() => createOptimizer('adam', 2, { betta1: 0.9 })).message).toContain("'beta1'");
    expect(errorOf(() => createOptimizer('adam', 2, { beta1: 1 })).message).toContain('< 1');
    expect(errorOf(() => createOptimizer('momentum', 2, { nesterov: 1 })).message).toContain('boolean');
    expect(errorOf(() => createSchedule('cosin')).message).toContain("'cosine'");
    expect(errorOf(() => createOptimizer('sgd', 2).step(new Float64Array(3), new Float64Array(3))).message).toContain('expected 2');
  });
});
