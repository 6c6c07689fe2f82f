// A recipe built from the module at one of its cut points (the prefix cache) gives the same bytes as the
// build from scratch, for random recipes over the whole suite; and the cut points never separate
// `flatten` from a step that needs flat IR.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { build, detectFeatures, BinaryenFailure, type CutModule } from '../../src/binaryen/module.js';
import { customPassFunctions } from '../../src/passes/custom/index.js';
import { cutPoints } from '../../src/recipe/segments.js';
import { defaultSpace, randomRecipe } from '../../src/search/space.js';
import { listSuite, loadKernel } from '../../src/kernels/index.js';
import { getPass } from '../../src/passes/registry.js';

const custom = customPassFunctions();
const RECIPES = 120;

describe('incremental builds', () => {
  it('cut points fall only around passes of ours, never inside a flat region', () => {
    expect(cutPoints(['-O3', 'vacuum', 'precompute'])).toEqual([]);
    expect(cutPoints(['vacuum', 'wt-promote-stack', '-O3'])).toEqual([1, 2]);
    expect(cutPoints(['wt-promote-stack', 'wt-unroll:4', '-Oz'])).toEqual([1, 2]);
    expect(cutPoints(['flatten', 'wt-unroll:4', 'rereloop', '-O2'])).toEqual([]);
    expect(cutPoints(['flatten', 'wt-unroll:4', 'flatten', 'rereloop', 'wt-inline:1'])).toEqual([1, 2, 4]);
    expect(getPass('rereloop').requires).toContain('flat');
  });

  it(`builds ${RECIPES} random recipes over the suite from each of their cut points to the same bytes`, async () => {
    const kernels = await Promise.all(listSuite().map((uri) => loadKernel(uri)));
    const modules = kernels.map((k) => ({ uri: k.uri, bytes: k.bytes, features: detectFeatures(k.bytes)! }));
    const rng = seedrandom('incremental');
    const space = defaultSpace({ lowMemoryUnused: true, fastMath: true });
    let cuts = 0;
    let recipesWithCuts = 0;
    let built = 0;
    for (let i = 0; i < RECIPES; i++) {
      const m = modules[i % modules.length]!;
      const recipe = randomRecipe(rng, space);
      const plan = cutPoints(recipe.passes);
      const seen: CutModule[] = [];
      let scratch: Uint8Array;
      try {
        scratch = build(m.bytes, recipe, m.features, custom, { cuts: plan, onCut: (c) => void seen.push(c) });
      } catch (e) {
        if (e instanceof BinaryenFailure && e.kind !== 'abort') continue;
        throw e;
      }
      built++;
      expect(seen.map((c) => c.steps)).toEqual(plan);
      if (seen.length) recipesWithCuts++;
      for (const from of seen) {
        cuts++;
        const again = build(m.bytes, recipe, m.features, custom, { cuts: plan, from });
        expect(Buffer.from(again).equals(Buffer.from(scratch)), `${m.uri} ${JSON.stringify(recipe)} from step ${from.steps}`).toBe(true);
      }
    }
    // The sample exercises the property: most recipes build and many have cut points.
    expect(built).toBeGreaterThan(RECIPES * 0.8);
    expect(recipesWithCuts).toBeGreaterThan(RECIPES * 0.3);
    expect(cuts).toBeGreaterThan(RECIPES * 0.5);
  }, 600_000);
});
