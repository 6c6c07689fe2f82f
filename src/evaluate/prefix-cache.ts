/**
 * The modules at recipe prefixes (cut points, src/recipe/segments.ts) of one input module, so a recipe is
 * built from its longest cached prefix. Least recently used entries go first once the bytes held pass
 * the bound. A build from a cached prefix gives the same bytes as one from scratch: the cut points are
 * part of how every recipe is built.
 */
import type { CutModule } from '../binaryen/module.js';
import { prefixContext, type Recipe } from '../recipe/recipe.js';
import { cutPoints } from '../recipe/segments.js';

/** Default bound of the bytes held, per evaluator. */
export const DEFAULT_PREFIX_CACHE_BYTES = 64 * 1024 * 1024;

export class PrefixCache {
  private readonly entries = new Map<string, CutModule>();
  private held = 0;
  hits = 0;
  /** Steps not run thanks to the cache. */
  stepsSaved = 0;

  constructor(readonly maxBytes = DEFAULT_PREFIX_CACHE_BYTES) {}

  /** What the recipe's first steps run under (the knobs they read, the function groups), and the steps. */
  private static key(recipe: Recipe, steps: number): string {
    return JSON.stringify([prefixContext(recipe, steps), recipe.passes.slice(0, steps)]);
  }

  /** The module at the recipe's longest cached cut point, if any. */
  lookup(recipe: Recipe): CutModule | undefined {
    if (this.maxBytes <= 0) return undefined;
    const cuts = cutPoints(recipe.passes);
    for (let i = cuts.length - 1; i >= 0; i--) {
      const key = PrefixCache.key(recipe, cuts[i]!);
      const hit = this.entries.get(key);
      if (hit) {
        // Most recently used last.
        this.entries.delete(key);
        this.entries.set(key, hit);
        this.hits++;
        this.stepsSaved += hit.steps;
        return hit;
      }
    }
    return undefined;
  }

  /** The module after the recipe's first `steps` steps, if it is cached. */
  at(recipe: Recipe, steps: number): CutModule | undefined {
    if (this.maxBytes <= 0) return undefined;
    const key = PrefixCache.key(recipe, steps);
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /** Keep the modules a build of `recipe` passed. */
  store(recipe: Recipe, cuts: readonly CutModule[]): void {
    if (this.maxBytes <= 0) return;
    for (const c of cuts) {
      if (c.bytes.length > this.maxBytes) continue;
      const key = PrefixCache.key(recipe, c.steps);
      const old = this.entries.get(key);
      if (old) {
        this.entries.delete(key);
        this.held -= old.bytes.length;
      }
      this.entries.set(key, c);
      this.held += c.bytes.length;
    }
    for (const [key, c] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.entries.delete(key);
      this.held -= c.bytes.length;
    }
  }

  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }
}
