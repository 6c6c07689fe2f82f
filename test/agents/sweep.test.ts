// sweep: every catalog pass screened once in groups before a pipeline, then hill climbing from the best.
import { describe, expect, it } from 'vitest';
import { sweep } from '../../agents/sweep.js';
import { defaultSpace } from '../../src/search/space.js';
import { isPipeline, type Recipe } from '../../src/recipe/recipe.js';
import { toGenes } from '../../agents/mutate.js';
import { drive, syntheticSuite } from './common.js';

syntheticSuite(sweep);

describe('sweep', () => {
  const space = defaultSpace();
  const perSweep = Math.ceil(space.passes.length / sweep.defaults.group);

  it('screens every pass of the catalog once, each group followed by a pipeline', () => {
    for (const seed of [1, 2]) {
      const recipes: Recipe[] = drive(sweep, seed, perSweep).proposals.map((p) => JSON.parse(p));
      const screened: string[] = [];
      for (const r of recipes) {
        expect(isPipeline(r.passes.at(-1)!)).toBe(true);
        // A gene `flatten X` screens X.
        for (const g of toGenes(r.passes.slice(0, -1))) screened.push(g.at(-1)!);
      }
      // Every pass at least once; the last group tops up from a reshuffled deck, so none more than twice.
      expect(new Set(screened)).toEqual(new Set(space.passes));
      const counts = new Map<string, number>();
      for (const p of screened) counts.set(p, (counts.get(p) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
      expect(screened.length - space.passes.length).toBeLessThan(sweep.defaults.group);
    }
  });

  it('then climbs: each later proposal is one mutation away from an earlier recipe', () => {
    const { proposals } = drive(sweep, 3, perSweep + 30);
    const later = proposals.slice(perSweep, perSweep + 10).map((p) => JSON.parse(p) as Recipe);
    const earlier = proposals.slice(0, perSweep).map((p) => JSON.parse(p) as Recipe);
    // The climb starts from a sweep recipe: it shares all but a step or a knob with one of them.
    const close = (a: Recipe, b: Recipe) => Math.abs(a.passes.length - b.passes.length) <= 2 && a.passes.filter((p) => b.passes.includes(p)).length >= Math.min(a.passes.length, b.passes.length) - 2;
    expect(earlier.some((e) => close(later[0]!, e))).toBe(true);
  });
});
