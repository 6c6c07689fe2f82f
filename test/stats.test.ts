// The confidence interval for a median uses order statistics with the coverage it claims.
import { describe, expect, it } from 'vitest';
import { medianCI, significant } from '../src/measure/stats.js';

describe('medianCI', () => {
  it('picks the order statistics that give at least 95 % coverage', () => {
    const xs = Array.from({ length: 15 }, (_, i) => i + 1);
    const e = medianCI(xs);
    // n = 15: [x(4), x(12)] covers with 1 − 2·P(Bin(15,½) ≤ 3) = 0.9648; [x(5), x(11)] only 0.8815.
    expect(e).toMatchObject({ median: 8, low: 4, high: 12, n: 15 });
    expect(e.confidence).toBeCloseTo(0.96484375, 8);
  });
  it('says when too few samples allow only less coverage', () => {
    const e = medianCI([1, 2, 3, 4, 5]);
    expect(e).toMatchObject({ low: 1, high: 5 });
    expect(e.confidence).toBeCloseTo(0.9375, 8);
  });
  it('declares a difference only when the interval excludes 1', () => {
    expect(significant(medianCI([0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96]))).toBe(true);
    expect(significant(medianCI([0.97, 0.99, 1.0, 1.01, 1.02, 0.98, 1.03]))).toBe(false);
  });
});
