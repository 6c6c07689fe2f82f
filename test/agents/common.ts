/**
 * Shared checks for the search agents: a fast synthetic objective that drives an agent through many
 * ask/tell steps. Real tuning runs of every registered agent (budget, determinism, replay) are the
 * registry's contract, test/contracts/agents.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Agent, AgentInfo } from '../../src/search/agent.js';
import { type EvalRecord } from '../../src/types.js';
import { isKnownStep } from '../../src/passes/registry.js';
import { DEFAULT_KNOBS, recipeHash, type Recipe } from '../../src/recipe/recipe.js';
import { defaultSpace, type SearchSpace } from '../../src/search/space.js';
import seedrandom from 'seedrandom';
import { single } from '../../src/evaluate/objective.js';

/** Every step known to the pass registry, no longer than the space allows. */
export function expectValidRecipe(r: Recipe, space: SearchSpace): void {
  expect(r.passes.length).toBeLessThanOrEqual(space.maxLength);
  for (const p of r.passes) expect(isKnownStep(p), p).toBe(true);
  expect(Object.keys(r.knobs).sort()).toEqual(Object.keys(DEFAULT_KNOBS).sort());
}

/**
 * A cheap deterministic objective: rewards a few target passes and knob values, penalises length, and
 * declares some recipes invalid (any with `dfo`, and one in eleven by hash), so agents meet invalid
 * records too.
 */
export function syntheticRecord(recipe: Recipe): EvalRecord {
  const hash = recipeHash(recipe);
  if (recipe.passes.includes('dfo') || parseInt(hash.slice(0, 6), 16) % 11 === 0) {
    return { state: 'invalid', recipe, hash, reason: 'validation', detail: 'synthetic', cached: false, walltimeMs: 0 };
  }
  const targets = ['vacuum', 'inlining-optimizing', 'simplify-locals', 'dce', '-Oz'];
  let score = 1000 + recipe.passes.length * 3;
  for (const t of targets) if (recipe.passes.includes(t)) score -= 40;
  if (recipe.knobs.shrinkLevel === 2) score -= 25;
  if (recipe.knobs.optimizeLevel === 3) score -= 10;
  const metrics = { sizeBytes: score, gzipBytes: score, brotliBytes: score, peakMemoryBytes: 0, declaredMemoryBytes: 0, dataSegmentBytes: 0, functions: 1 };
  return { state: 'ok', recipe, hash, metrics, score, cached: false, walltimeMs: 0 };
}

/** Up to `n` proposals of an agent, each told the record `score` makes of it, in order. */
export function proposeAll(agent: Agent, n: number, score: (r: Recipe) => EvalRecord): Recipe[] {
  const out: Recipe[] = [];
  for (let i = 0; i < n; i++) {
    const r = agent.propose();
    if (!r) break;
    out.push(r);
    agent.observe(score(r));
  }
  return out;
}

/** Drive an agent for up to `steps` proposals on the synthetic objective; returns the proposals' JSON. */
export function drive(info: AgentInfo, seed: number, steps: number, opts: { start?: Recipe; space?: SearchSpace } = {}): { proposals: string[]; scores: number[] } {
  const space = opts.space ?? defaultSpace();
  const agent = info.create({ space, rng: seedrandom(`t:${seed}`), objective: single('size'), ...(opts.start ? { start: opts.start } : {}) }, { ...info.defaults });
  const proposals: string[] = [];
  const scores: number[] = [];
  for (let i = 0; i < steps; i++) {
    const r = agent.propose();
    if (!r) break;
    expectValidRecipe(r, space);
    proposals.push(JSON.stringify(r));
    const rec = syntheticRecord(r);
    scores.push(rec.state === 'ok' ? rec.score : Infinity);
    agent.observe(rec);
  }
  return { proposals, scores };
}

/** Fast checks on the synthetic objective: determinism, no throw, valid proposals, a start recipe honoured. */
export function syntheticSuite(info: AgentInfo, steps = 300, startFirst = true): void {
  describe(`${info.name} on a synthetic objective`, () => {
    it('is deterministic per seed and proposes valid recipes', () => {
      const a = drive(info, 1, steps);
      expect(a.proposals.length).toBeGreaterThan(10);
      expect(drive(info, 1, steps).proposals).toEqual(a.proposals);
      expect(drive(info, 2, steps).proposals).not.toEqual(a.proposals);
    });

    it('improves on its first proposal', () => {
      const { scores } = drive(info, 3, steps);
      const first = scores.find((s) => s < Infinity) ?? Infinity;
      expect(Math.min(...scores)).toBeLessThan(first);
    });

    it('starts from the start recipe', () => {
      const start: Recipe = { knobs: { ...DEFAULT_KNOBS, shrinkLevel: 2 }, passes: ['-Oz', 'vacuum'] };
      const { proposals } = drive(info, 4, 40, { start });
      expect(proposals.length).toBeGreaterThan(0);
      // The start recipe is the first proposal (for a meta-technique: one of its first proposals).
      if (startFirst) expect(proposals[0]).toBe(JSON.stringify(start));
      else expect(proposals.slice(0, 10)).toContain(JSON.stringify(start));
    });
  });
}
