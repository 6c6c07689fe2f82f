// A natural-gradient step of the MLP policy keeps the mean KL(π_old ‖ π_new) within δ and lowers the
// policy-gradient loss: the line search rejects the full steps that break the bound.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Mlp, naturalStep, policyFisherProduct } from '../../../src/learn/optim/index.js';
import type { LossBatch, NaturalProblem } from '../../../src/learn/optim/index.js';

const B = 16;

/**
 * A policy whose logits are already spread (policy head uniform in [−2, 2]), where the measured KL of a
 * step grows faster than the quadratic model ½sᵀFs predicts, so the full step overshoots δ.
 */
function policyProblem() {
  const mlp = new Mlp({ inputs: 4, hidden: [8], actions: 3 });
  const theta = mlp.init('natural');
  const rng = seedrandom('natural-data');
  for (let i = mlp.policyHead.weights; i < mlp.size; i++) theta[i] = 2 * (2 * rng() - 1);
  const batch: LossBatch = {
    states: Float64Array.from({ length: B * 4 }, () => 2 * rng() - 1),
    size: B,
    actions: Array.from({ length: B }, () => Math.floor(3 * rng())),
    weights: Float64Array.from({ length: B }, () => 2 * rng() - 1), // advantages
  };
  const old = mlp.forward(theta, batch.states, B).logProbs;
  const gradient = new Float64Array(mlp.size);
  const loss = mlp.loss(theta, batch, {}, gradient).loss;
  const candidates: number[] = []; // measured KL of every candidate the line search tried
  const problem: NaturalProblem = {
    loss,
    gradient,
    curvature: policyFisherProduct(mlp, theta, batch.states, B),
    evaluate: (c) => {
      const kl = mlp.kl(c, batch.states, B, old);
      candidates.push(kl);
      return { loss: mlp.loss(c, batch).loss, kl };
    },
  };
  return { mlp, theta, batch, old, problem, candidates };
}

describe('naturalStep on a policy', () => {
  for (const maxKl of [0.01, 0.1, 0.3, 1]) {
    it(`keeps the KL divergence within δ = ${maxKl}, backtracking from a full step beyond it`, () => {
      const { mlp, theta, batch, old, problem, candidates } = policyProblem();
      const r = naturalStep(theta, problem, { maxKl, damping: 0.01, cgIterations: 20, backtrackRatio: 0.5 });
      expect(r.state).toBe('accepted');
      if (r.state !== 'accepted') return;
      // The full step broke the bound and was rejected; the accepted, shorter one keeps it.
      expect(candidates[0]).toBeGreaterThan(maxKl);
      expect(r.backtracks).toBeGreaterThan(0);
      const kl = mlp.kl(theta, batch.states, B, old);
      expect(kl).toBe(r.kl);
      expect(kl).toBeLessThanOrEqual(maxKl);
      expect(kl).toBeGreaterThan(0.1 * maxKl); // it uses the region, it is not merely tiny
      expect(mlp.loss(theta, batch).loss).toBeLessThan(problem.loss);
    });
  }

  it('leaves the parameters unchanged when no candidate keeps the bound', () => {
    const { theta, problem } = policyProblem();
    const before = [...theta];
    const r = naturalStep(theta, problem, { maxKl: 0.1, damping: 0.01, cgIterations: 20, backtrackSteps: 0 });
    expect(r).toMatchObject({ state: 'rejected', reason: 'line-search', evaluations: 1 });
    expect([...theta]).toEqual(before);
  });
});
