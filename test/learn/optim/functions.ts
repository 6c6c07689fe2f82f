// Vitest helpers for the optimizer tests. The classic test functions themselves are in src/learn/optim/functions.ts.
import { expect } from 'vitest';

/** Each entry of `actual` equals `expected` to a relative error of `rel` (absolute below 1). */
export function expectVector(actual: ArrayLike<number>, expected: readonly number[], rel = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const err = Math.abs(actual[i]! - e) / Math.max(1, Math.abs(e));
    if (err > rel) expect.fail(`entry ${i}: ${actual[i]} differs from ${e} by ${err.toExponential(2)} (allowed ${rel})`);
  }
}
