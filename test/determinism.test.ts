// Same seed and budget → the same candidates, in the same order; another seed → others.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { random } from '../agents/random.js';
import { defaultSpace } from '../src/search/space.js';
import type { EvalRecord } from '../src/types.js';
import { single } from '../src/evaluate/objective.js';

function proposals(seed: number, n: number): string[] {
  const agent = random.create({ space: defaultSpace(), rng: seedrandom(`wasmtune:${seed}`), objective: single('size') }, random.defaults);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = agent.propose()!;
    out.push(JSON.stringify(r));
    // Feed back alternating outcomes: the random agent's proposals must not depend on them.
    agent.observe({ state: 'ok', recipe: r, hash: String(i), metrics: {} as never, score: i % 3, cached: false, walltimeMs: 1 } as EvalRecord);
  }
  return out;
}

describe('determinism under a seed', () => {
  it('proposes the same recipes for the same seed', () => {
    expect(proposals(7, 50)).toEqual(proposals(7, 50));
  });
  it('proposes different recipes for another seed', () => {
    expect(proposals(7, 50)).not.toEqual(proposals(8, 50));
  });
  it('proposes recipes of several shapes (pipelines, knobs, passes)', () => {
    const recipes = proposals(1, 100).map((s) => JSON.parse(s) as { passes: string[]; knobs: Record<string, unknown> });
    expect(recipes.some((r) => r.passes.some((p) => p.startsWith('-O')))).toBe(true);
    expect(new Set(recipes.map((r) => r.knobs.optimizeLevel)).size).toBeGreaterThan(2);
    expect(new Set(recipes.flatMap((r) => r.passes)).size).toBeGreaterThan(40);
  });
});
