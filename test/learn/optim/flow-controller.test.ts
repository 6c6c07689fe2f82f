// The flow optimizer's error controller rejects a step that is too large, shrinks h by the controller's
// formula, and accepts once the local error estimate is within tolerance.
import { describe, expect, it } from 'vitest';
import { FlowOptimizer } from '../../../src/learn/optim/index.js';

// L(x) = ½·100·x², so the flow is dx/dt = −100x; from x = 1 with h₀ = 0.1 (hλ = 10, far beyond stability).
const gradient = (p: Float64Array, out: Float64Array) => {
  out[0] = 100 * p[0]!;
  return 50 * p[0]! * p[0]!;
};

describe('flow step-size controller (Bogacki–Shampine 3(2), atol = 1e-4)', () => {
  it('rejects, shrinks h, and accepts after shrinking', () => {
    const flow = new FlowOptimizer(1, gradient, { initialStep: 0.1, atol: 1e-4, rtol: 0, safety: 0.9, facMin: 0.2, facMax: 5 });
    const x = Float64Array.from([1]);

    // h = 0.1: k₁ = −100, k₂ = f(1 − 5) = 400, k₃ = f(1 + 30) = −3100,
    // x₊ = 1 + 0.1·(2/9·k₁ + 1/3·k₂ + 4/9·k₃) = −377/3, k₄ = f(x₊) = 37700/3,
    // e = 0.1·(−5/72·k₁ + 1/12·k₂ + 1/9·k₃ − 1/8·k₄) = −187.5 → err = 187.5/1e-4 = 1.875e6 > 1: rejected.
    // Factor max(0.2, 0.9·err^(−1/3)) = max(0.2, 0.0073) = 0.2 → h = 0.02. Four evaluations (k₁ … k₄).
    const a1 = flow.attempt(x);
    expect(a1).toMatchObject({ state: 'rejected', h: 0.1, evaluations: 4 });
    expect(a1.error).toBeCloseTo(1.875e6, 6);
    expect(a1.hNext).toBeCloseTo(0.02, 16);
    expect(x[0]).toBe(1);

    // h = 0.02: x₊ = −1/3, e = −1/6 → err = 1666.7: rejected, factor 0.2 → h = 0.004. k₁ is reused: 3 evaluations.
    const a2 = flow.attempt(x);
    expect(a2).toMatchObject({ state: 'rejected', evaluations: 3 });
    expect(a2.error).toBeCloseTo(1666.6666666666667, 8);
    expect(a2.hNext).toBeCloseTo(0.004, 16);

    // h = 0.004: e = 0.0008 → err = 8: rejected, factor 0.9·8^(−1/3) = 0.45 → h = 0.0018.
    const a3 = flow.attempt(x);
    expect(a3.state).toBe('rejected');
    expect(a3.error).toBeCloseTo(8, 9);
    expect(a3.hNext).toBeCloseTo(0.0018, 15);
    expect(x[0]).toBe(1);

    // h = 0.0018, hλ = 0.18: accepted. On a linear flow the order-3 solution is the cubic Taylor polynomial
    // of e^(−0.18): 1 − 0.18 + 0.0162 − 0.000972 = 0.835228. Right after a rejection h may not grow.
    const a4 = flow.attempt(x);
    expect(a4.state).toBe('accepted');
    expect(a4.error).toBeLessThanOrEqual(1);
    expect(x[0]).toBeCloseTo(0.835228, 12);
    expect(a4.hNext).toBeLessThanOrEqual(0.0018);
    expect(flow.t).toBeCloseTo(0.0018, 15);

    // Later accepted steps grow h again, and the iterate keeps decaying towards 0.
    let grew = false;
    for (let i = 0; i < 20; i++) {
      const r = flow.step(x);
      expect(r.state).toBe('accepted');
      if (r.state === 'accepted' && r.hNext > 0.0018) grew = true;
    }
    expect(grew).toBe(true);
    expect(Math.abs(x[0]!)).toBeLessThan(0.835228);
  });

  it('reports failure as data when the step size underflows', () => {
    const flow = new FlowOptimizer(1, gradient, { initialStep: 0.1, atol: 1e-4, minStep: 0.01 });
    const x = Float64Array.from([1]);
    const r = flow.step(x);
    // 0.1 is rejected (→ 0.02), 0.02 is rejected (→ 0.004 < minStep): gives up, x unchanged.
    expect(r).toMatchObject({ state: 'failed', reason: 'step-underflow', rejections: 2 });
    expect(x[0]).toBe(1);
  });
});
