/**
 * The learners on problems small enough to check by hand: the sign of the policy gradient on a bandit
 * (with every optimizer), GAE and returns, PPO's clipping, the policy file.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import seedrandom from 'seedrandom';
import { Learner, advantages, ppoWeights, OPTIMIZER_CHOICES, type Algo } from '../../../src/learn/learner.js';
import { Policy, rollout, type Transition } from '../../../src/learn/policy.js';
import { FEATURE_NAMES } from '../../../src/learn/features/features.js';
import { DEFAULT_KNOBS } from '../../../src/recipe/recipe.js';

const ACTIONS = ['licm', 'vacuum', '-O3', 'stop'];
const ZERO = new Float64Array(FEATURE_NAMES.length);

/** One-step episodes from a fixed state; reward 1 for `good`, 0 otherwise. */
function banditBatch(policy: Policy, rng: () => number, good: number, n: number): Transition[][] {
  const obs = policy.observe(ZERO, [], DEFAULT_KNOBS);
  const f = policy.mlp.forward(policy.params, obs, 1);
  const batch: Transition[][] = [];
  for (let i = 0; i < n; i++) {
    let u = rng();
    let a = 0;
    for (; a < ACTIONS.length - 1; a++) if ((u -= f.probs[a]!) < 0) break;
    batch.push([{ obs, action: a, logProb: f.logProbs[a]!, value: f.values![0]!, reward: a === good ? 1 : 0 }]);
  }
  return batch;
}

function probOf(policy: Policy, action: number): number {
  const obs = policy.observe(ZERO, [], DEFAULT_KNOBS);
  return policy.mlp.forward(policy.params, obs, 1).probs[action]!;
}

describe('policy gradient on a bandit', () => {
  const lr: Record<string, number> = { sgd: 0.5, momentum: 0.1, rmsprop: 0.01, adam: 0.02, adamw: 0.02, natural: 0.05, flow: 0.1 };
  for (const algo of ['reinforce', 'ppo'] as Algo[]) {
    for (const optimizer of OPTIMIZER_CHOICES) {
      it(`${algo} + ${optimizer}: the rewarded action's probability rises`, () => {
        const policy = Policy.create(ACTIONS, { hidden: [8], seed: 3, maxSteps: 1 });
        const learner = new Learner(policy, { algo, optimizer, lr: lr[optimizer]!, entropyCoef: 0, epochs: 2, totalSteps: 40 });
        const rng = seedrandom('bandit');
        const before = probOf(policy, 1);
        expect(before).toBeCloseTo(0.25, 1);
        for (let u = 0; u < 15; u++) learner.update(banditBatch(policy, rng, 1, 16));
        const after = probOf(policy, 1);
        expect(after).toBeGreaterThan(before + 0.1);
      });
    }
  }

  it('a single REINFORCE step moves log π of a positive-advantage action up and of a negative one down', () => {
    const policy = Policy.create(ACTIONS, { hidden: [], seed: 1, maxSteps: 1 });
    const learner = new Learner(policy, { algo: 'reinforce', optimizer: 'sgd', lr: 0.1, entropyCoef: 0, clip: 0 });
    const obs = policy.observe(ZERO, [], DEFAULT_KNOBS);
    const f = policy.mlp.forward(policy.params, obs, 1);
    const tr = (action: number, reward: number): Transition[] => [{ obs, action, logProb: f.logProbs[action]!, value: 0, reward }];
    const [p0, p2] = [probOf(policy, 0), probOf(policy, 2)];
    learner.update([tr(0, 1), tr(2, 0)]);
    expect(probOf(policy, 0)).toBeGreaterThan(p0);
    expect(probOf(policy, 2)).toBeLessThan(p2);
  });
});

describe('advantages', () => {
  const ep = (rewards: number[], values: number[]): Transition[] => rewards.map((reward, i) => ({ obs: new Float64Array(1), action: 0, logProb: 0, value: values[i]!, reward }));

  it('GAE(γ, λ) and its value targets, by hand', () => {
    // δ2 = 1 − 0.4 = 0.6; δ1 = 0.4 − 0.2 = 0.2; δ0 = 0.2 − 0.5 = −0.3; A2 = 0.6, A1 = 0.2 + 0.5·0.6, A0 = −0.3 + 0.5·0.5.
    const { adv, targets } = advantages([ep([0, 0, 1], [0.5, 0.2, 0.4])], 'ppo', 1, 0.5);
    expect([...adv].map((x) => +x.toFixed(12))).toEqual([-0.05, 0.5, 0.6]);
    expect([...targets].map((x) => +x.toFixed(12))).toEqual([0.45, 0.7, 1]);
  });

  it('REINFORCE: discounted return minus the learned baseline', () => {
    const { adv, targets } = advantages([ep([0, 0, 1], [0.5, 0.2, 0.4]), ep([2], [1])], 'reinforce', 0.9, 0.95);
    expect([...targets].map((x) => +x.toFixed(12))).toEqual([0.81, 0.9, 1, 2]);
    expect([...adv].map((x) => +x.toFixed(12))).toEqual([0.31, 0.7, 0.6, 1]);
  });
});

describe('PPO clipping', () => {
  it('weights: the gradient flows only where the unclipped term is the minimum', () => {
    const eps = 0.2;
    const lp = [Math.log(1.5), Math.log(0.5), Math.log(1.5), Math.log(0.5), Math.log(1.1)];
    const old = [0, 0, 0, 0, 0];
    const adv = [1, 1, -1, -1, 2];
    const { weights, surrogate, clipFraction } = ppoWeights(lp, old, adv, eps);
    expect(weights[0]).toBe(0); // ratio 1.5 > 1 + ε with A > 0: clipped, no gradient
    expect(weights[1]).toBeCloseTo(0.5, 12); // ratio 0.5 with A > 0: unclipped ρA is the minimum
    expect(weights[2]).toBeCloseTo(-1.5, 12); // ratio 1.5 with A < 0: unclipped ρA is the minimum
    expect(weights[3]).toBe(0); // ratio 0.5 < 1 − ε with A < 0: clipped
    expect(weights[4]).toBeCloseTo(2.2, 12); // inside the range
    expect(clipFraction).toBeCloseTo(2 / 5, 12);
    expect(surrogate).toBeCloseTo(-(1.2 * 1 + 0.5 * 1 + 1.5 * -1 + 0.8 * -1 + 1.1 * 2) / 5, 12);
  });

  it('many epochs on one batch: the clipped objective stops the ratio near 1 + ε, the unclipped one does not', () => {
    const ratioAfter = (clipRange: number) => {
      const policy = Policy.create(ACTIONS, { hidden: [], seed: 2, maxSteps: 1 });
      const learner = new Learner(policy, { algo: 'ppo', optimizer: 'sgd', lr: 0.05, clip: 0, clipRange, epochs: 200, entropyCoef: 0, valueCoef: 0 });
      const obs = policy.observe(ZERO, [], DEFAULT_KNOBS);
      const f = policy.mlp.forward(policy.params, obs, 1);
      const tr = (action: number, reward: number): Transition[] => [{ obs, action, logProb: f.logProbs[action]!, value: 0, reward }];
      const p0 = f.probs[0]!;
      learner.update([tr(0, 1)]); // one sample: its advantage stays 1
      return probOf(policy, 0) / p0;
    };
    const clipped = ratioAfter(0.2);
    // The step that crosses 1 + ε is the last one with a gradient: at most one step past it.
    expect(clipped).toBeGreaterThan(1.2);
    expect(clipped).toBeLessThan(1.25);
    expect(ratioAfter(0.99)).toBeGreaterThan(1.5);
  });
});

describe('policy files and rollouts', () => {
  it('round-trips through JSON; greedy rollouts agree; sampled ones are deterministic per RNG', () => {
    const policy = Policy.create(ACTIONS, { hidden: [8], seed: 5, maxSteps: 3 });
    const copy = Policy.fromJson(JSON.parse(JSON.stringify(policy.toJson({ note: 1 }))));
    expect([...copy.params]).toEqual([...policy.params]);
    const mv = Float64Array.from({ length: FEATURE_NAMES.length }, (_, i) => (i % 7) / 7);
    expect(rollout(copy, mv, { rng: 'greedy' }).recipe).toEqual(rollout(policy, mv, { rng: 'greedy' }).recipe);
    const a = rollout(policy, mv, { rng: seedrandom('x') });
    const b = rollout(policy, mv, { rng: seedrandom('x') });
    expect(b.steps).toEqual(a.steps);
    expect(a.transitions.length).toBeLessThanOrEqual(3);
    // A masked action is never chosen.
    const allowed = Uint8Array.from([0, 1, 1, 1]);
    for (let s = 0; s < 20; s++) expect(rollout(policy, mv, { rng: seedrandom(String(s)), allowed }).steps).not.toContain('licm');
  });

  it('bad policy files are user errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-policy-'));
    try {
      expect(() => Policy.load(join(dir, 'none.json'))).toThrow(expect.objectContaining({ code: 'E_IO' }));
      writeFileSync(join(dir, 'bad.json'), '{ not json');
      expect(() => Policy.load(join(dir, 'bad.json'))).toThrow(expect.objectContaining({ code: 'E_BAD_POLICY' }));
      writeFileSync(join(dir, 'other.json'), JSON.stringify({ format: 'something-else' }));
      expect(() => Policy.load(join(dir, 'other.json'))).toThrow(expect.objectContaining({ code: 'E_BAD_POLICY' }));
      const good = Policy.create(ACTIONS, { hidden: [4] }).toJson();
      writeFileSync(join(dir, 'short.json'), JSON.stringify({ ...good, params: good.params.slice(1) }));
      expect(() => Policy.load(join(dir, 'short.json'))).toThrow(/parameters/);
      writeFileSync(join(dir, 'features.json'), JSON.stringify({ ...good, featureNames: ['x'] }));
      expect(() => Policy.load(join(dir, 'features.json'))).toThrow(/features/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
