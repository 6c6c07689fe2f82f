// The policy's Fisher–vector product equals a central finite difference of the gradient of the mean
// KL(π_old ‖ π_θ) at θ = θ_old, whose Hessian there is the Fisher matrix.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Mlp, policyFisherProduct } from '../../../src/learn/optim/index.js';

const B = 8;

function setup() {
  const mlp = new Mlp({ inputs: 3, hidden: [6, 4], actions: 5, valueHead: true });
  const theta = mlp.init('fisher');
  const rng = seedrandom('fisher-data');
  // Spread the policy head so the distribution is far from uniform.
  for (let i = mlp.policyHead.weights; i < mlp.policyHead.bias + mlp.actions; i++) theta[i] = 2 * rng() - 1;
  const states = Float64Array.from({ length: B * 3 }, () => 2 * rng() - 1);
  const direction = () => Float64Array.from({ length: mlp.size }, () => 2 * rng() - 1);
  return { mlp, theta, states, direction };
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: Float64Array) => Math.sqrt(dot(a, a));

describe('policyFisherProduct', () => {
  it('equals the finite difference of ∇KL along v (relative error < 1e-6)', () => {
    const { mlp, theta, states, direction } = setup();
    const old = mlp.forward(theta, states, B).logProbs;
    const fvp = policyFisherProduct(mlp, theta, states, B);
    const eps = 1e-5;
    for (let trial = 0; trial < 4; trial++) {
      const v = direction();
      const Fv = new Float64Array(mlp.size);
      fvp(v, Fv);
      const up = new Float64Array(mlp.size);
      const down = new Float64Array(mlp.size);
      mlp.kl(theta.map((t, i) => t + eps * v[i]!), states, B, old, up);
      mlp.kl(theta.map((t, i) => t - eps * v[i]!), states, B, old, down);
      const numeric = up.map((u, i) => (u - down[i]!) / (2 * eps));
      const diff = Fv.map((x, i) => x - numeric[i]!);
      expect(norm(Fv)).toBeGreaterThan(1e-3);
      expect(norm(diff) / norm(Fv)).toBeLessThan(1e-6);
    }
  });

  it('is symmetric and positive semi-definite, and zero along value-head parameters', () => {
    const { mlp, theta, states, direction } = setup();
    const fvp = policyFisherProduct(mlp, theta, states, B);
    const u = direction();
    const v = direction();
    const Fu = new Float64Array(mlp.size);
    const Fv = new Float64Array(mlp.size);
    fvp(u, Fu);
    fvp(v, Fv);
    expect(Math.abs(dot(u, Fv) - dot(v, Fu))).toBeLessThan(1e-12 * Math.abs(dot(u, Fv)));
    expect(dot(v, Fv)).toBeGreaterThan(0);
    const valueOnly = new Float64Array(mlp.size);
    const vh = mlp.valueHead!;
    for (let i = vh.weights; i <= vh.bias; i++) valueOnly[i] = 1;
    const F0 = new Float64Array(mlp.size);
    fvp(valueOnly, F0);
    expect(norm(F0)).toBe(0);
    // …and the value head's rows of F·v are zero for any v.
    for (let i = vh.weights; i <= vh.bias; i++) expect(Fv[i]).toBe(0);
  });
});
