/**
 * A policy file's `noRepeat` rule: an episode never takes the same step twice in a row (a policy that
 * prefers one step above all then takes its second choice next), and the rule survives the file.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Learner } from '../../../src/learn/learner.js';
import { Policy, rollout, type Transition } from '../../../src/learn/policy.js';
import { FEATURE_NAMES } from '../../../src/learn/features/features.js';
import { DEFAULT_KNOBS } from '../../../src/recipe/recipe.js';

const ACTIONS = ['licm', 'vacuum', '-O3', 'stop'];
const ZERO = new Float64Array(FEATURE_NAMES.length);

/** A policy taught (REINFORCE on one-step episodes) to prefer `licm` strongly. */
function licmLover(noRepeat: boolean): Policy {
  const policy = Policy.create(ACTIONS, { hidden: [8], seed: 4, maxSteps: 4, noRepeat });
  const learner = new Learner(policy, { algo: 'reinforce', optimizer: 'adam', lr: 0.05, entropyCoef: 0, totalSteps: 30 });
  const rng = seedrandom('nr');
  for (let u = 0; u < 30; u++) {
    const obs = policy.observe(ZERO, [], DEFAULT_KNOBS);
    const f = policy.mlp.forward(policy.params, obs, 1);
    const batch: Transition[][] = [];
    for (let i = 0; i < 16; i++) {
      let x = rng();
      let a = 0;
      for (; a < ACTIONS.length - 1; a++) if ((x -= f.probs[a]!) < 0) break;
      batch.push([{ obs, action: a, logProb: f.logProbs[a]!, value: f.values![0]!, reward: a === 0 ? 1 : 0 }]);
    }
    learner.update(batch);
  }
  return policy;
}

describe('noRepeat', () => {
  it('without the rule the favourite step repeats; with it, never twice in a row', () => {
    const free = rollout(licmLover(false), ZERO, { rng: 'greedy' }).steps;
    expect(free.slice(0, 2)).toEqual(['licm', 'licm']);
    const ruled = licmLover(true);
    const greedy = rollout(ruled, ZERO, { rng: 'greedy' }).steps;
    expect(greedy[0]).toBe('licm');
    const rng = seedrandom('samples');
    for (const steps of [greedy, ...Array.from({ length: 20 }, () => rollout(ruled, ZERO, { rng }).steps)]) {
      for (let i = 1; i < steps.length; i++) expect(steps[i]).not.toBe(steps[i - 1]);
    }
  });

  it('is kept by the policy file; files without it keep the old behaviour', () => {
    const p = licmLover(true);
    expect(Policy.fromJson(JSON.parse(JSON.stringify(p.toJson()))).noRepeat).toBe(true);
    const old = { ...p.toJson() };
    delete old.noRepeat;
    expect(Policy.fromJson(old).noRepeat).toBe(false);
  });
});
