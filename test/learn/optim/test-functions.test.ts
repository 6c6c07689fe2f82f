// The classic test functions: each gradient, Hessian product and Gauss–Newton product agrees with central
// differences, the stated minimiser has the stated value and a zero gradient, and the Gauss–Newton matrix
// equals the Hessian at the minimum (where the residuals vanish).
import { describe, expect, it } from 'vitest';
import { TEST_FUNCTIONS } from '../../../src/learn/optim/index.js';

function points(n: number): Float64Array[] {
  // Deterministic, not special: a fixed pattern of moderate values.
  return [0, 1, 2].map((k) => Float64Array.from({ length: n }, (_, i) => 0.3 + 0.7 * Math.sin(1.3 * i + 2.1 * k)));
}

describe('classic test functions', () => {
  for (const [id, make] of Object.entries(TEST_FUNCTIONS)) {
    const fn = make();
    const n = fn.start.length;
    it(`${id}: derivatives agree with central differences; the minimum is as stated`, () => {
      expect(fn.id).toBe(id);
      expect(fn.minimum.length).toBe(n);
      const h = 1e-5;
      for (const x of [...points(n), fn.start]) {
        const g = new Float64Array(n);
        const f = fn.gradient(x, g);
        expect(f).toBeCloseTo(fn.value(x), 12);
        const H = fn.hessian(x);
        for (let i = 0; i < n; i++) {
          const xp = x.slice();
          const xm = x.slice();
          xp[i] = xp[i]! + h;
          xm[i] = xm[i]! - h;
          const fd = (fn.value(xp) - fn.value(xm)) / (2 * h);
          expect(Math.abs(g[i]! - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
          // Column i of the Hessian from differences of gradients.
          const gp = new Float64Array(n);
          const gm = new Float64Array(n);
          fn.gradient(xp, gp);
          fn.gradient(xm, gm);
          const e = new Float64Array(n);
          e[i] = 1;
          const col = new Float64Array(n);
          H(e, col);
          for (let j = 0; j < n; j++) {
            const fdH = (gp[j]! - gm[j]!) / (2 * h);
            expect(Math.abs(col[j]! - fdH)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fdH)));
          }
        }
      }
      const g = new Float64Array(n);
      expect(fn.gradient(fn.minimum, g)).toBeCloseTo(fn.minimumValue, 14);
      for (const gi of g) expect(Math.abs(gi)).toBeLessThan(1e-12);
      const H = fn.hessian(fn.minimum);
      const G = fn.gaussNewton(fn.minimum);
      for (const v of points(n)) {
        const a = new Float64Array(n);
        const b = new Float64Array(n);
        H(v, a);
        G(v, b);
        for (let i = 0; i < n; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(a[i]!)));
      }
    });
  }
});
