// The evaluator builds a recipe from the module at its longest cached cut point: recipes that share a
// prefix through a pass of ours reuse it, and the modules are the ones a build from scratch gives. The
// cache holds no more bytes than its bound, dropping the least recently used first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { PrefixCache } from '../../src/evaluate/prefix-cache.js';
import { loadKernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS, type Recipe } from '../../src/recipe/recipe.js';

const r = (...passes: string[]): Recipe => ({ knobs: { ...DEFAULT_KNOBS, optimizeLevel: 2, shrinkLevel: 1 }, passes });
const RECIPES = [
  r('wt-promote-stack', '-O2'),
  r('wt-promote-stack', '-Oz'),
  r('wt-promote-stack', 'simplify-locals', 'wt-unroll:2', '-O3'),
  r('wt-promote-stack', 'simplify-locals', 'wt-unroll:2', 'vacuum', '-Oz'),
  r('inlining-optimizing', 'wt-promote-stack', 'precompute', '-O1'),
  r('inlining-optimizing', 'wt-promote-stack', '-O2'),
];

describe('the prefix cache', () => {
  let cached: Evaluator;
  let scratch: Evaluator;
  beforeAll(async () => {
    const kernel = await loadKernel('kernel://wasmtune-v0/matmul');
    cached = await Evaluator.create(kernel, { objective: 'size' });
    scratch = await Evaluator.create(kernel, { objective: 'size', prefixCacheBytes: 0 });
  });
  afterAll(() => {
    cached.close();
    scratch.close();
  });

  it('reuses shared prefixes and builds the same modules as builds from scratch', { timeout: 300_000 }, async () => {
    const a: string[] = [];
    const b: string[] = [];
    // One at a time: each recipe can reuse what the ones before it left.
    for (const recipe of RECIPES) {
      const x = await cached.evaluate(recipe);
      const y = await scratch.evaluate(recipe);
      a.push(`${x.state} ${x.hash}`);
      b.push(`${y.state} ${y.hash}`);
    }
    expect(a).toEqual(b);
    expect(a.every((s) => s.startsWith('ok'))).toBe(true);
    expect(cached.prefixes.hits).toBeGreaterThanOrEqual(3);
    expect(cached.prefixes.stepsSaved).toBeGreaterThanOrEqual(5);
    expect(scratch.prefixes.hits).toBe(0);
  });

  it('stays within its bound, dropping the least recently used first', () => {
    const cache = new PrefixCache(250);
    const recipe = r('wt-promote-stack', 'vacuum', 'wt-unroll:2', 'precompute', 'wt-inline:1', '-O1');
    const cut = (steps: number) => ({ steps, bytes: new Uint8Array(100), added: 0 });
    cache.store(recipe, [cut(1), cut(2)]);
    expect(cache.bytes).toBe(200);
    expect(cache.lookup(recipe)?.steps).toBe(2);
    cache.store(recipe, [cut(3)]);
    expect(cache.bytes).toBeLessThanOrEqual(250);
    expect(cache.size).toBe(2);
    // Steps 1 was used least recently: it went.
    expect(cache.lookup({ ...recipe, passes: recipe.passes.slice(0, 2) })).toBeUndefined();
    expect(cache.lookup(recipe)?.steps).toBe(3);
    expect(new PrefixCache(0).lookup(recipe)).toBeUndefined();
  });
});
