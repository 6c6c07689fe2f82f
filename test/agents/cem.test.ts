// cem: the cross-entropy method moves its sampling distribution towards the elite recipes.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { cem } from '../../agents/cem.js';
import { defaultSpace } from '../../src/search/space.js';
import { CUSTOM_PASSES } from '../../src/passes/custom/index.js';
import { single } from '../../src/evaluate/objective.js';
import type { EvalRecord } from '../../src/types.js';
import { recipeHash, type Recipe } from '../../src/recipe/recipe.js';
import { drive, proposeAll, syntheticSuite } from './common.js';

syntheticSuite(cem);

/** Size objective where only recipes holding `vacuum` are good: the fewer steps besides it, the better. */
function record(recipe: Recipe): EvalRecord {
  const score = recipe.passes.includes('vacuum') ? 100 + recipe.passes.length : 1000;
  const metrics = { sizeBytes: score, gzipBytes: score, brotliBytes: score, peakMemoryBytes: 0, declaredMemoryBytes: 0, dataSegmentBytes: 0, functions: 1 };
  return { state: 'ok', recipe, hash: recipeHash(recipe), metrics, score, cached: false, walltimeMs: 0 };
}

/** Binaryen's passes only: a space that does not grow with the passes of our own, so the thresholds hold. */
const SPACE = defaultSpace({ exclude: Object.keys(CUSTOM_PASSES) });

function run(options: Record<string, number>, seed: string, n: number): Recipe[] {
  const agent = cem.create({ space: SPACE, rng: seedrandom(seed), objective: single('size') }, { ...cem.defaults, ...options });
  return proposeAll(agent, n, record);
}

const share = (rs: Recipe[]) => rs.filter((r) => r.passes.includes('vacuum')).length / rs.length;

describe('cem', () => {
  const SEEDS = ['cem-1', 'cem-2', 'cem-3'];
  const lateShare = (rate: number) => SEEDS.reduce((sum, seed) => sum + share(run({ generation: 12, rate }, seed, 12 * 8).slice(12 * 5)), 0) / SEEDS.length;

  it('draws the steps of the elite more often after a few generations', () => {
    const rs = run({ generation: 12 }, 'cem-2', 12 * 8);
    // One step among ~60: random search puts it in a few percent of recipes.
    expect(share(rs.slice(0, 12))).toBeLessThan(0.25);
    expect(share(rs.slice(12 * 5))).toBeGreaterThan(0.5);
    // Short recipes score better here, and the length distribution follows.
    const len = (xs: Recipe[]) => xs.reduce((a, r) => a + r.passes.length, 0) / xs.length;
    expect(len(rs.slice(12 * 5))).toBeLessThan(len(rs.slice(0, 12)));
  });

  it('learning is what raises the share: over three seeds, rate 0.6 against rate 0 (no update)', () => {
    const learned = lateShare(0.6);
    const frozen = lateShare(0);
    expect(frozen).toBeLessThan(0.15);
    expect(learned).toBeGreaterThan(0.4);
    expect(learned).toBeGreaterThan(3 * frozen);
  });

  it('proposes each recipe once', () => {
    const { proposals } = drive(cem, 5, 200);
    expect(new Set(proposals).size).toBe(proposals.length);
  });
});
