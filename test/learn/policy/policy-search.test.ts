/**
 * `--agent policy-search`: the policy's greedy recipe first, then `samples` policy samples, then hill
 * climbing from the best record (mixed with policy samples); deterministic under a seed and never
 * proposing a recipe twice.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Policy, actionsOf, rollout } from '../../../src/learn/policy.js';
import { PolicySampler } from '../../../src/learn/sampler.js';
import { createPolicySearch } from '../../../agents/policy.js';
import { defaultSpace } from '../../../src/search/space.js';
import { single } from '../../../src/evaluate/objective.js';
import { recipeHash, DEFAULT_KNOBS, type Recipe } from '../../../src/recipe/recipe.js';
import { FEATURE_NAMES } from '../../../src/learn/features/features.js';
import type { EvalRecord } from '../../../src/types.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { proposeAll } from '../../agents/common.js';

const space = defaultSpace();
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-ps-'));
const path = join(dir, 'p.json');
writeFileSync(path, JSON.stringify(Policy.create(actionsOf(space), { hidden: [8], seed: 5, maxSteps: 4 }).toJson()));

/** Records scored by a made-up size: fewer steps is better, `-Oz` best of all. */
function record(recipe: Recipe): EvalRecord {
  const score = 1000 - (recipe.passes.includes('-Oz') ? 500 : 0) + 10 * recipe.passes.length;
  return { state: 'ok', recipe, hash: recipeHash(recipe), score, metrics: { sizeBytes: score } } as unknown as EvalRecord;
}

function run(seed: number, n: number, options = { policy: path, samples: 3, mix: 0.25 }) {
  const ctx = { space, rng: seedrandom(`t:${seed}`), objective: single('size') };
  return proposeAll(createPolicySearch(ctx, options), n, record);
}

describe('policy-search', () => {
  it('starts with the policy greedy recipe and is deterministic under a seed', () => {
    const a = run(1, 30);
    expect(a.map(recipeHash)).toEqual(run(1, 30).map(recipeHash));
    expect(run(2, 30).map(recipeHash)).not.toEqual(a.map(recipeHash));
    const greedy = rollout(Policy.load(path), new Float64Array(FEATURE_NAMES.length), { rng: 'greedy' }).recipe;
    expect(recipeHash(a[0]!)).toBe(recipeHash(greedy));
    expect(new Set(a.map(recipeHash)).size).toBe(a.length);
  });

  it('after the policy samples, refines the best record: most proposals are one mutation away from a best-so-far', () => {
    const ctx = { space, rng: seedrandom('t:9'), objective: single('size') };
    const agent = createPolicySearch(ctx, { policy: path, samples: 2, mix: 0 });
    let best: Recipe | undefined;
    let bestScore = Infinity;
    let near = 0;
    for (let i = 0; i < 40; i++) {
      const r = agent.propose()!;
      if (i >= 3 && best) {
        const d = Math.abs(r.passes.length - best.passes.length) + (JSON.stringify(r.knobs) === JSON.stringify(best.knobs) ? 0 : 1);
        if (d <= 1) near++;
      }
      const rec = record(r);
      agent.observe(rec);
      if (rec.state === 'ok' && rec.score < bestScore) (bestScore = rec.score, best = r);
    }
    // With mix 0 every proposal after the samples is a single mutation of the best so far.
    expect(near).toBe(37);
  });

  it('with mix 1 it only samples the policy', () => {
    const sampler = new PolicySampler({ space, rng: seedrandom('x'), objective: single('size') }, path);
    const allowed = new Set(sampler.policy.actions);
    for (const r of run(3, 15, { policy: path, samples: 0, mix: 1 })) {
      // Policy recipes use the default knobs and only actions of the policy.
      expect(r.knobs).toEqual(DEFAULT_KNOBS);
      for (const p of r.passes) expect(allowed.has(p) || p === 'flatten' || p.includes(':') || p.startsWith('-')).toBe(true);
    }
  });
});
