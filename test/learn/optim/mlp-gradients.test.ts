// The MLP's backward pass equals central finite differences of its loss, for each term and activation.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Mlp } from '../../../src/learn/optim/index.js';
import type { Activation, LossBatch, LossCoefficients } from '../../../src/learn/optim/index.js';

const B = 6;

function problem(activation: Activation) {
  const mlp = new Mlp({ inputs: 4, hidden: [5, 3], actions: 4, activation, valueHead: true });
  const params = mlp.init(`grad-${activation}`);
  // Larger weights than the initialisation gives, so the policy head and the activations are far from linear.
  const rng = seedrandom(`perturb-${activation}`);
  for (let i = 0; i < params.length; i++) params[i] = params[i]! + (2 * rng() - 1) * 0.5;
  const states = Float64Array.from({ length: B * 4 }, () => 2 * rng() - 1);
  const batch: LossBatch = {
    states,
    size: B,
    actions: [0, 3, 1, 2, 3, 0],
    weights: Float64Array.from([1.5, -0.7, 0.3, 2, -1.2, 0.8]),
    targets: Float64Array.from([0.5, -1, 2, 0, 1, -0.3]),
  };
  return { mlp, params, batch };
}

/**
 * Max over parameters of |analytic − numeric| / max(|analytic|, |numeric|, 1e-6): relative error, with
 * gradients below 1e-6 (where the finite difference's rounding error dominates) compared absolutely.
 */
function maxRelativeError(activation: Activation, terms: LossBatch | undefined, coefficients: Partial<LossCoefficients>): number {
  const { mlp, params, batch } = problem(activation);
  const b = terms ?? batch;
  const grad = new Float64Array(mlp.size);
  mlp.loss(params, b, coefficients, grad);
  const h = 1e-5;
  let worst = 0;
  const p = params.slice();
  for (let i = 0; i < p.length; i++) {
    p[i] = params[i]! + h;
    const up = mlp.loss(p, b, coefficients).loss;
    p[i] = params[i]! - h;
    const down = mlp.loss(p, b, coefficients).loss;
    p[i] = params[i]!;
    const numeric = (up - down) / (2 * h);
    const err = Math.abs(grad[i]! - numeric) / Math.max(Math.abs(grad[i]!), Math.abs(numeric), 1e-6);
    worst = Math.max(worst, err);
  }
  return worst;
}

describe('mlp backward pass', () => {
  for (const activation of ['tanh', 'relu'] as const) {
    it(`${activation}: relu inputs stay away from the kink, so finite differences are valid`, () => {
      const { mlp, params, batch } = problem(activation);
      const f = mlp.forward(params, batch.states, B);
      const nearest = Math.min(...f.pres.flatMap((z) => [...z].map(Math.abs)));
      expect(nearest).toBeGreaterThan(1e-3);
    });

    it(`${activation}: policy-gradient term −w·log π(a|s)`, () => {
      const { batch } = problem(activation);
      const policyOnly: LossBatch = { states: batch.states, size: B, actions: batch.actions, weights: batch.weights };
      expect(maxRelativeError(activation, policyOnly, { entropyCoef: 0 })).toBeLessThan(1e-6);
    });

    it(`${activation}: squared value error`, () => {
      const { batch } = problem(activation);
      const valueOnly: LossBatch = { states: batch.states, size: B, targets: batch.targets };
      expect(maxRelativeError(activation, valueOnly, { valueCoef: 0.7 })).toBeLessThan(1e-6);
    });

    it(`${activation}: entropy bonus`, () => {
      const { batch } = problem(activation);
      const entropyOnly: LossBatch = { states: batch.states, size: B };
      expect(maxRelativeError(activation, entropyOnly, { entropyCoef: 0.3 })).toBeLessThan(1e-6);
    });

    it(`${activation}: all three terms together`, () => {
      expect(maxRelativeError(activation, undefined, { valueCoef: 0.5, entropyCoef: 0.01 })).toBeLessThan(1e-6);
    });
  }
});
