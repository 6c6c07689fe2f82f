// Conjugate gradient solves a symmetric positive definite system from matrix–vector products alone.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { conjugateGradient } from '../../../src/learn/optim/index.js';
import type { CurvatureProduct } from '../../../src/learn/optim/index.js';

const n = 8;

/** A = MᵀM + 0.1·I for a seeded random 8×8 M: SPD, condition number in the hundreds. */
function spd(): { A: number[][]; product: CurvatureProduct } {
  const rng = seedrandom('cg');
  const M = Array.from({ length: n }, () => Array.from({ length: n }, () => 2 * rng() - 1));
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => M.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? 0.1 : 0)));
  return {
    A,
    product: (v, out) => {
      for (let i = 0; i < n; i++) out[i] = A[i]!.reduce((s, a, j) => s + a * v[j]!, 0);
    },
  };
}

const xStar = Float64Array.from([1, -2, 3, 0.5, -1, 2, 0, 4]);

describe('conjugateGradient', () => {
  it('solves Ax = b to the requested residual within n iterations', () => {
    const { A, product } = spd();
    const b = Float64Array.from(A.map((row) => row.reduce((s, a, j) => s + a * xStar[j]!, 0)));
    // In exact arithmetic CG ends in at most n = 8 iterations; a few more absorb rounding.
    const r = conjugateGradient(product, b, { maxIterations: 3 * n, tolerance: 1e-12 });
    expect(r.state).toBe('converged');
    expect(r.iterations).toBeLessThanOrEqual(2 * n);
    for (let i = 0; i < n; i++) expect(r.x[i]).toBeCloseTo(xStar[i]!, 8);
  });

  it('solves the damped system (A + λI)x = b', () => {
    const { A, product } = spd();
    const lambda = 0.5;
    const b = Float64Array.from(A.map((row, i) => row.reduce((s, a, j) => s + a * xStar[j]!, 0) + lambda * xStar[i]!));
    const r = conjugateGradient(product, b, { maxIterations: 3 * n, tolerance: 1e-12, damping: lambda });
    expect(r.state).toBe('converged');
    for (let i = 0; i < n; i++) expect(r.x[i]).toBeCloseTo(xStar[i]!, 9);
  });

  it('reports the iteration cap and a direction of non-positive curvature as states', () => {
    const { A, product } = spd();
    const b = Float64Array.from(A.map((row) => row.reduce((s, a, j) => s + a * xStar[j]!, 0)));
    const capped = conjugateGradient(product, b, { maxIterations: 2, tolerance: 1e-12 });
    expect(capped.state).toBe('max-iterations');
    expect(capped.iterations).toBe(2);
    const indefinite = conjugateGradient((v, out) => out.set(v.map((x, i) => (i === 0 ? -x : x))), Float64Array.from([1, 0]));
    expect(indefinite.state).toBe('non-positive-curvature');
    expect([...indefinite.x]).toEqual([0, 0]);
  });
});
