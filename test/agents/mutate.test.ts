// Mutations and crossovers (agents/mutate.ts) produce valid recipes within the space's length bound,
// keep `flatten` with the passes that need flat IR, and behave as their permutation namesakes do.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import {
  MUTATIONS,
  applyMutation,
  crossover,
  mutate,
  ox1Genes,
  pmxGenes,
  toGenes,
  fromGenes,
  knobChoices,
  type Gene,
} from '../../agents/mutate.js';
import { getPass, isKnownStep } from '../../src/passes/registry.js';
import { DEFAULT_KNOBS, KNOB_SPACE, type KnobName, type Recipe } from '../../src/recipe/recipe.js';
import { defaultSpace, randomRecipe } from '../../src/search/space.js';
import { expectValidRecipe } from './common.js';

const space = defaultSpace({ maxLength: 12 });
const needsFlat = (p: string) => getPass(p).requires?.includes('flat') ?? false;

/** Every pass that needs flat IR directly follows `flatten` (true of everything agents generate). */
function flatKept(r: Recipe): boolean {
  return r.passes.every((p, i) => !needsFlat(p) || r.passes[i - 1] === 'flatten');
}

function population(seed: string, n: number): Recipe[] {
  const rng = seedrandom(seed);
  return Array.from({ length: n }, () => {
    const r = randomRecipe(rng, space);
    return { knobs: r.knobs, passes: fromGenes(toGenes(r.passes).slice(0, 6)) };
  });
}

describe('genes', () => {
  it('keep flatten with a pass that needs flat IR', () => {
    const flat = [...space.passes].find(needsFlat)!;
    expect(flat).toBeDefined();
    expect(toGenes(['vacuum', 'flatten', flat, 'flatten', 'dce'])).toEqual([['vacuum'], ['flatten', flat], ['flatten'], ['dce']]);
  });
});

describe('mutations', () => {
  it('give valid recipes within maxLength, different from the parent', () => {
    const rng = seedrandom('mutations');
    let changed = 0;
    let total = 0;
    for (const parent of population('parents', 60)) {
      for (const kind of MUTATIONS) {
        const child = applyMutation(rng, space, parent, kind);
        if (!child) continue;
        total++;
        expectValidRecipe(child, space);
        expect(flatKept(child)).toBe(true);
        if (JSON.stringify(child) !== JSON.stringify(parent)) changed++;
      }
      const m = mutate(rng, space, parent);
      expectValidRecipe(m, space);
      expect(JSON.stringify(m)).not.toBe(JSON.stringify(parent));
    }
    expect(total).toBeGreaterThan(200);
    expect(changed).toBe(total);
  });

  it('do what their names say', () => {
    const rng = seedrandom('kinds');
    const parent: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: ['vacuum', 'dce', '-O2', 'licm'] };
    for (let i = 0; i < 50; i++) {
      expect(applyMutation(rng, space, parent, 'delete')!.passes).toHaveLength(3);
      const ins = applyMutation(rng, space, parent, 'insert')!.passes;
      expect(ins.length === 5 || ins.length === 6).toBe(true);
      const sw = applyMutation(rng, space, parent, 'swap')!.passes;
      expect([...sw].sort()).toEqual([...parent.passes].sort());
      const knob = applyMutation(rng, space, parent, 'knob')!;
      expect(knob.passes).toEqual(parent.passes);
      const diff = (Object.keys(KNOB_SPACE) as KnobName[]).filter((k) => knob.knobs[k] !== parent.knobs[k]);
      expect(diff).toHaveLength(1);
      expect(space.knobs).toContain(diff[0]);
    }
    // Nothing to delete, swap or replace in an empty recipe; no room to insert in a full one.
    const empty: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: [] };
    for (const k of ['delete', 'swap', 'replace'] as const) expect(applyMutation(rng, space, empty, k)).toBeUndefined();
    const full: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: Array(space.maxLength).fill('vacuum') };
    expect(applyMutation(rng, space, full, 'insert')).toBeUndefined();
    expect(applyMutation(rng, space, full, 'swap')).toBeUndefined();
  });

  it('knob choices are in range', () => {
    for (const k of Object.keys(KNOB_SPACE) as KnobName[]) {
      const s = KNOB_SPACE[k];
      for (const v of knobChoices(k)) {
        if (s.kind === 'bool') expect(typeof v).toBe('boolean');
        else {
          expect(v as number).toBeGreaterThanOrEqual(s.min);
          expect(v as number).toBeLessThanOrEqual(s.max);
        }
      }
    }
  });
});

describe('crossovers', () => {
  const g = (...xs: string[]): Gene[] => xs.map((x) => [x]);
  const names = (gs: Gene[]) => gs.map((x) => x.join(' '));

  it('are the classic operators on permutations', () => {
    const a = g('a', 'b', 'c', 'd', 'e', 'f', 'g');
    const b = g('g', 'f', 'e', 'd', 'c', 'b', 'a');
    const rng = seedrandom('perm');
    for (let i = 0; i < 200; i++) {
      for (const child of [ox1Genes(rng, a, b), pmxGenes(rng, a, b)]) {
        expect([...names(child)].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
      }
    }
  });

  it('OX1 keeps a contiguous segment of A in place and B’s order for the rest', () => {
    const a = g('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const b = g('h', 'g', 'f', 'e', 'd', 'c', 'b', 'a');
    const rng = seedrandom('ox1');
    for (let i = 0; i < 100; i++) {
      const c = names(ox1Genes(rng, a, b));
      // Positions equal to A's form one contiguous run (the segment), the rest is in B's cyclic order.
      const same = c.map((x, k) => x === names(a)[k]);
      const first = same.indexOf(true);
      const last = same.lastIndexOf(true);
      expect(first).toBeGreaterThanOrEqual(0);
      const rest = c.filter((_, k) => k < first || k > last);
      const inB = rest.map((x) => names(b).indexOf(x));
      const drops = inB.filter((v, k) => k > 0 && v < inB[k - 1]!).length;
      expect(drops).toBeLessThanOrEqual(1); // a rotation of B's order
    }
  });

  it('handle repeats and unequal lengths: occurrence labels keep counts bounded', () => {
    const a = g('x', 'y', 'x', 'z', 'x');
    const b = g('y', 'x', 'w', 'y', 'x', 'v', 'y', 'x');
    const rng = seedrandom('repeats');
    const count = (gs: Gene[], n: string) => names(gs).filter((x) => x === n).length;
    for (let i = 0; i < 300; i++) {
      const o = ox1Genes(rng, a, b);
      const p = pmxGenes(rng, a, b);
      expect(p).toHaveLength(b.length);
      for (const child of [o, p]) {
        for (const n of ['x', 'y', 'z', 'w', 'v']) {
          expect(count(child, n)).toBeLessThanOrEqual(Math.max(count(a, n), count(b, n)));
        }
      }
    }
  });

  it('give valid recipes within maxLength, for both kinds, with knobs from the parents', () => {
    const rng = seedrandom('crossover');
    const parents = population('xparents', 40);
    for (let i = 0; i < parents.length; i++) {
      const a = parents[i]!;
      const b = parents[(i * 7 + 3) % parents.length]!;
      for (const kind of ['ox1', 'pmx'] as const) {
        const child = crossover(rng, space, a, b, kind);
        expectValidRecipe(child, space);
        expect(flatKept(child)).toBe(true);
        for (const p of child.passes) expect(isKnownStep(p)).toBe(true);
        for (const k of Object.keys(KNOB_SPACE) as KnobName[]) expect([a.knobs[k], b.knobs[k]]).toContain(child.knobs[k]);
      }
    }
    // Long parents: children are cut to maxLength.
    const long: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: [...space.passes.slice(0, 30)] };
    const long2: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: [...space.passes.slice(10, 40)] };
    for (let i = 0; i < 20; i++) {
      for (const kind of ['ox1', 'pmx'] as const) expect(crossover(rng, space, long, long2, kind).passes.length).toBeLessThanOrEqual(space.maxLength);
    }
  });

  it('are deterministic for a seed', () => {
    const run = (seed: string) => {
      const rng = seedrandom(seed);
      const ps = population('det', 10);
      return ps.map((a, i) => JSON.stringify([crossover(rng, space, a, ps[(i + 1) % 10]!, 'ox1'), crossover(rng, space, a, ps[(i + 2) % 10]!, 'pmx'), mutate(rng, space, a)]));
    };
    expect(run('s1')).toEqual(run('s1'));
    expect(run('s2')).not.toEqual(run('s1'));
  });
});
