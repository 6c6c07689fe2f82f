/**
 * The noise of the policy-gradient estimate (src/learn/gradient-variance.ts): zero for identical
 * episodes, B times smaller for a batch than for one episode, and reduced by the learned baseline when
 * returns share a large common offset — the reason baselines exist.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Policy, type Transition } from '../../../src/learn/policy.js';
import { gradientVariance } from '../../../src/learn/gradient-variance.js';
import { FEATURE_NAMES } from '../../../src/learn/features/features.js';
import { DEFAULT_KNOBS } from '../../../src/recipe/recipe.js';

const ACTIONS = ['licm', 'vacuum', '-O3', 'stop'];
const ZERO = new Float64Array(FEATURE_NAMES.length);

function batch(policy: Policy, n: number, reward: (a: number) => number, value: number, seed = 'v'): Transition[][] {
  const rng = seedrandom(seed);
  const obs = policy.observe(ZERO, [], DEFAULT_KNOBS);
  const f = policy.mlp.forward(policy.params, obs, 1);
  return Array.from({ length: n }, () => {
    let u = rng();
    let a = 0;
    for (; a < ACTIONS.length - 1; a++) if ((u -= f.probs[a]!) < 0) break;
    return [{ obs, action: a, logProb: f.logProbs[a]!, value, reward: reward(a) }];
  });
}

describe('gradientVariance', () => {
  const policy = Policy.create(ACTIONS, { hidden: [8], seed: 2, maxSteps: 1 });

  it('is zero when every episode is the same', () => {
    const one = batch(policy, 1, () => 1, 0)[0]!;
    for (const v of gradientVariance(policy, [one, one, one, one])) {
      expect(v.perEpisode).toBeCloseTo(0, 12);
      expect(v.meanNorm).toBeGreaterThan(0);
    }
  });

  it('reports the batch variance as the per-episode variance over B', () => {
    for (const v of gradientVariance(policy, batch(policy, 16, (a) => (a === 1 ? 1 : 0), 0.3))) {
      expect(v.episodes).toBe(16);
      expect(v.batch).toBeCloseTo(v.perEpisode / 16, 12);
      expect(v.relative).toBeCloseTo(v.batch / v.meanNorm ** 2, 9);
    }
  });

  it('the baseline removes the noise of a common offset in the returns', () => {
    // Returns 10 + [a = 1]: plain REINFORCE carries the offset 10 into every gradient; with the value
    // estimate at 10.25 (the mean return) the baseline cancels it.
    const eps = batch(policy, 64, (a) => 10 + (a === 1 ? 1 : 0), 10.25);
    const v = Object.fromEntries(gradientVariance(policy, eps).map((x) => [x.estimator, x]));
    expect(v['reinforce+baseline']!.perEpisode).toBeLessThan(v['reinforce']!.perEpisode / 20);
    // One-step episodes: GAE at any λ is r − V(s), the same as REINFORCE with the baseline.
    expect(v['gae-0']!.perEpisode).toBeCloseTo(v['reinforce+baseline']!.perEpisode, 9);
  });
});
