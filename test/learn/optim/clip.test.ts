// Gradient clipping by global norm: scales to maxNorm over all arrays together, returns the pre-clip norm.
import { describe, expect, it } from 'vitest';
import { clipGradNorm } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

describe('clipGradNorm', () => {
  it('scales a gradient whose norm exceeds maxNorm down to maxNorm, keeping its direction', () => {
    // (3, 4) has norm 5; clipped to 1: (0.6, 0.8)
    const g = Float64Array.from([3, 4]);
    expect(clipGradNorm(g, 1)).toBe(5);
    expectVector(g, [0.6, 0.8], 1e-15);
  });

  it('uses the norm over all arrays as one vector', () => {
    // ‖(1, 2)‖² + ‖(2)‖² + ‖(4)‖² = 1 + 4 + 4 + 16 = 25 → norm 5; maxNorm 2.5 halves everything
    const a = Float64Array.from([1, 2]);
    const b = Float64Array.from([2]);
    const c = Float64Array.from([4]);
    expect(clipGradNorm([a, b, c], 2.5)).toBe(5);
    expectVector(a, [0.5, 1], 1e-15);
    expectVector(b, [1], 1e-15);
    expectVector(c, [2], 1e-15);
  });

  it('leaves a gradient within the bound, or a non-finite one, untouched', () => {
    const g = Float64Array.from([0.3, 0.4]);
    expect(clipGradNorm(g, 0.5)).toBeCloseTo(0.5, 16);
    expect([...g]).toEqual([0.3, 0.4]);
    const bad = Float64Array.from([Infinity, 1]);
    expect(clipGradNorm(bad, 1)).toBe(Infinity);
    expect([...bad]).toEqual([Infinity, 1]);
    expect(() => clipGradNorm(g, 0)).toThrow(/maxNorm/);
  });
});
