// Classic test functions for the optimizers, with gradients and curvature products, and small helpers.
import { expect } from 'vitest';
import type { CurvatureProduct } from '../../src/optim/types.js';

export interface TestFunction {
  name: string;
  start: Float64Array;
  minimum: Float64Array;
  value(x: Float64Array): number;
  /** Writes ∇f(x) into out, returns f(x). */
  gradient(x: Float64Array, out: Float64Array): number;
  /** The Hessian product at x. */
  hessian(x: Float64Array): CurvatureProduct;
}

/**
 * f(x) = ½(x − c)ᵀA(x − c) in 5 dimensions, A = Q·diag(1, √10, 10, 10√10, 100)·Qᵀ with Q the Householder
 * reflection I − 2uuᵀ/uᵀu, u = (1, 2, 3, 4, 5): condition number 100, axes not aligned with coordinates
 * (so per-coordinate scaling, as in RMSprop and Adam, does not undo the conditioning). Minimum at c.
 */
export function illConditionedQuadratic(): TestFunction {
  const n = 5;
  const u = [1, 2, 3, 4, 5];
  const uu = u.reduce((s, x) => s + x * x, 0);
  const lambda = [1, Math.sqrt(10), 10, 10 * Math.sqrt(10), 100];
  const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - (2 * u[i]! * u[j]!) / uu));
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => lambda.reduce((s, l, k) => s + Q[i]![k]! * l * Q[j]![k]!, 0)));
  const c = Float64Array.from([1, -2, 0.5, 3, -1]);
  const mul = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i]![j]! * v[j]!;
      out[i] = s;
    }
  };
  const gradient = (x: Float64Array, out: Float64Array) => {
    const d = x.map((xi, i) => xi - c[i]!);
    mul(d, out);
    let f = 0;
    for (let i = 0; i < n; i++) f += 0.5 * d[i]! * out[i]!;
    return f;
  };
  return {
    name: 'ill-conditioned quadratic',
    start: new Float64Array(n),
    minimum: c,
    value: (x) => gradient(x, new Float64Array(n)),
    gradient,
    hessian: () => mul,
  };
}

/** f(x, y) = (1 − x)² + 100(y − x²)², from (−1.2, 1); minimum 0 at (1, 1). */
export function rosenbrock(): TestFunction {
  const gradient = (p: Float64Array, out: Float64Array) => {
    const x = p[0]!;
    const y = p[1]!;
    out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    out[1] = 200 * (y - x * x);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  };
  return {
    name: 'Rosenbrock',
    start: Float64Array.from([-1.2, 1]),
    minimum: Float64Array.from([1, 1]),
    value: (p) => gradient(p, new Float64Array(2)),
    gradient,
    hessian: (p) => {
      const x = p[0]!;
      const y = p[1]!;
      const hxx = 1200 * x * x - 400 * y + 2;
      const hxy = -400 * x;
      return (v, out) => {
        out[0] = hxx * v[0]! + hxy * v[1]!;
        out[1] = hxy * v[0]! + 200 * v[1]!;
      };
    },
  };
}

/** Gauss–Newton product for Rosenbrock as a sum of squares r₁² + r₂², r₁ = 1 − x, r₂ = 10(y − x²): 2JᵀJ·v. */
export function rosenbrockGaussNewton(p: Float64Array): CurvatureProduct {
  const x = p[0]!;
  // J = [[−1, 0], [−20x, 10]]
  return (v, out) => {
    const j1 = -v[0]!;
    const j2 = -20 * x * v[0]! + 10 * v[1]!;
    out[0] = 2 * (-j1 - 20 * x * j2);
    out[1] = 2 * (10 * j2);
  };
}

/** Euclidean distance. */
export function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

/** Each entry of `actual` equals `expected` to a relative error of `rel` (absolute below 1). */
export function expectVector(actual: ArrayLike<number>, expected: readonly number[], rel = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const err = Math.abs(actual[i]! - e) / Math.max(1, Math.abs(e));
    if (err > rel) expect.fail(`entry ${i}: ${actual[i]} differs from ${e} by ${err.toExponential(2)} (allowed ${rel})`);
  }
}
