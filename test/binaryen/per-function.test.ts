// Per-function recipes build what they promise: a group step changes only its group's functions; a
// function-level pass run group by group gives the module that running it on the whole module gives;
// disjoint groups commute; a build from a cut point (the prefix cache) equals the build from scratch.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { readFileSync } from 'node:fs';
import { BinaryenFailure, build, definedFunctionsOf, detectFeatures, toText, type CutModule } from '../../src/binaryen/module.js';
import { customPassFunctions } from '../../src/passes/custom/index.js';
import { PASSES } from '../../src/passes/registry.js';
import { cutPoints } from '../../src/recipe/segments.js';
import { levelRecipe, type Recipe } from '../../src/recipe/recipe.js';
import { loadKernel } from '../../src/kernels/index.js';

const custom = customPassFunctions();

interface Subject { name: string; bytes: Uint8Array; features: number; functions: string[] }

async function subjects(): Promise<Subject[]> {
  const sources: Array<[string, Uint8Array]> = [
    ['raytrace', (await loadKernel('kernel://wasmtune-v0/raytrace')).bytes],
    ['wordfreq', (await loadKernel('kernel://wasmtune-v0/wordfreq')).bytes],
    ['json -O0', readFileSync(new URL('../../bench/modules/json/json-O0.wasm', import.meta.url))],
    ['regex -O1', readFileSync(new URL('../../bench/modules/regex/regex-O1.wasm', import.meta.url))],
  ];
  return sources.map(([name, bytes]) => {
    const features = detectFeatures(bytes)!;
    return { name, bytes, features, functions: definedFunctionsOf(bytes, features) };
  });
}

function make(s: Subject, recipe: Recipe): Uint8Array {
  return build(s.bytes, recipe, s.features, custom, { cuts: cutPoints(recipe.passes) });
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/**
 * Each defined function's text, by its name in the input module. A build emits no names, but group steps
 * neither add nor remove functions, so the defined functions keep their order.
 */
function bodies(s: Subject, bytes: Uint8Array): Map<string, string> {
  const text = toText(bytes, s.features);
  const parts = text.split(/\n (?=\(func )/).slice(1).map((p) => p.replace(/\n \((export|elem|data|global|memory|table)[\s\S]*$/, ''));
  expect(parts.length).toBe(s.functions.length);
  return new Map(s.functions.map((name, i) => [name, parts[i]!]));
}

/** Every third function: a group that is neither empty nor everything. */
const third = (s: Subject) => s.functions.filter((_, i) => i % 3 === 0);

/** Function-level passes with what each needs first. */
const FUNCTION_PASSES = [...PASSES.values()].filter((p) => p.origin === 'binaryen' && p.perFunction);
const before = (name: string) => (PASSES.get(name)!.requires?.includes('flat') ? ['flatten'] : []);

describe('per-function builds', () => {
  it('run every function-level pass group by group to the module the whole-module pass gives', async () => {
    for (const s of await subjects()) {
      const hot = third(s);
      const knobs = { ...levelRecipe('O3').knobs, lowMemoryUnused: true };
      for (const { name } of FUNCTION_PASSES) {
        const pre = before(name);
        // The same steps written back at the same point: a group's steps start a segment of their own
        // (src/recipe/segments.ts), and writing the module out and reading it back may change what a later
        // pass does (it did for rereloop after -O1).
        const whole = build(s.bytes, { knobs, passes: ['-O1', ...pre, name] }, s.features, custom, { cuts: [1] });
        const rest = make(s, { knobs, passes: ['-O1', ...pre.map((p) => `rest/${p}`), `rest/${name}`] });
        const split = make(s, { knobs, passes: ['-O1', ...pre.map((p) => `hot/${p}`), `hot/${name}`, ...pre.map((p) => `rest/${p}`), `rest/${name}`], functions: { hot } });
        expect(same(rest, whole), `${s.name}: rest/${name} vs ${name}`).toBe(true);
        expect(same(split, whole), `${s.name}: hot/${name} + rest/${name} vs ${name}`).toBe(true);
      }
    }
  }, 300_000);

  it('change only the functions of the group a step runs on', async () => {
    for (const s of await subjects()) {
      const hot = third(s);
      // At the same knobs: the final emit optimizes every function's Stack IR at -O2 and above.
      const original = bodies(s, make(s, { knobs: levelRecipe('O3').knobs, passes: [] }));
      const built = bodies(s, make(s, { knobs: levelRecipe('O3').knobs, passes: ['rest/-O3'], functions: { hot } }));
      let changed = 0;
      for (const f of s.functions) {
        if (hot.includes(f)) expect(built.get(f), `${s.name}: ${f} is in hot`).toBe(original.get(f));
        else if (built.get(f) !== original.get(f)) changed++;
      }
      expect(changed, `${s.name}: rest/-O3 optimized the other functions`).toBeGreaterThan(0);
    }
  }, 120_000);

  it('give the same module whichever disjoint group runs first', async () => {
    for (const s of await subjects()) {
      const hot = third(s);
      const knobs = levelRecipe('Oz').knobs;
      for (const [a, b] of [['-O3', '-Oz'], ['licm', 'vacuum'], ['precompute-propagate', 'simplify-locals']] as const) {
        const x = make(s, { knobs, passes: ['-Oz', `hot/${a}`, `rest/${b}`], functions: { hot } });
        const y = make(s, { knobs, passes: ['-Oz', `rest/${b}`, `hot/${a}`], functions: { hot } });
        expect(same(x, y), `${s.name}: hot/${a} and rest/${b} in either order`).toBe(true);
      }
    }
  }, 120_000);

  it('build from each cut point to the bytes of a build from scratch', async () => {
    const all = await subjects();
    const rng = seedrandom('per-function');
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const steps = [...FUNCTION_PASSES.filter((p) => !p.requires?.length).map((p) => p.name), '-O3', '-Oz', '-O1'];
    const modulePasses = ['-Oz', '-O3', 'inlining-optimizing', 'dae-optimizing', 'duplicate-function-elimination', 'wt-promote-stack'];
    let cuts = 0;
    for (let i = 0; i < 24; i++) {
      const s = all[i % all.length]!;
      const passes: string[] = [];
      for (let k = 0, n = 2 + Math.floor(rng() * 6); k < n; k++) {
        const r = rng();
        passes.push(r < 0.25 ? pick(modulePasses) : `${r < 0.6 ? 'hot' : 'rest'}/${pick(steps)}`);
      }
      const recipe: Recipe = { knobs: levelRecipe(pick(['O2', 'O3', 'Os', 'Oz'] as const)).knobs, passes, functions: { hot: third(s) } };
      const plan = cutPoints(passes);
      const seen: CutModule[] = [];
      const scratch = build(s.bytes, recipe, s.features, custom, { cuts: plan, onCut: (c) => void seen.push(c) });
      expect(seen.map((c) => c.steps)).toEqual(plan);
      for (const from of seen) {
        cuts++;
        const again = build(s.bytes, recipe, s.features, custom, { cuts: plan, from });
        expect(same(again, scratch), `${s.name} ${passes.join(' ')} from step ${from.steps}`).toBe(true);
      }
    }
    expect(cuts).toBeGreaterThan(24);
  }, 300_000);

  it('continue a grouped recipe from the module an -O level left at its end, as from scratch', async () => {
    // What spares a per-function search the cold level's build: the level's baseline build writes its
    // module as a cut point (cutAtEnd), and the framed candidates continue from it.
    for (const s of await subjects()) {
      for (const level of ['Oz', 'O3'] as const) {
        const ends: CutModule[] = [];
        const base = levelRecipe(level);
        const levelBytes = build(s.bytes, base, s.features, custom, { cuts: cutPoints(base.passes), onCut: (c) => void ends.push(c), cutAtEnd: true });
        expect(ends.map((c) => c.steps)).toEqual([1]);
        // Without cutAtEnd the build is the same and writes nothing.
        const none: CutModule[] = [];
        expect(same(build(s.bytes, base, s.features, custom, { cuts: [], onCut: (c) => void none.push(c) }), levelBytes)).toBe(true);
        expect(none).toEqual([]);
        const framed: Recipe = { knobs: levelRecipe('O2').knobs, passes: [...base.passes, 'hot/licm', 'hot/-O3'], functions: { hot: third(s) } };
        const plan = cutPoints(framed.passes);
        expect(same(build(s.bytes, framed, s.features, custom, { cuts: plan, from: ends[0]! }), make(s, framed)), `${s.name} after -${level}`).toBe(true);
      }
    }
  }, 120_000);

  it('write the same module after a prefix of pipelines, whatever the optimize and shrink levels', async () => {
    // What lets the prefix cache keep one module for a per-function search's -Oz however the agent sets the levels.
    for (const s of await subjects()) {
      const hot = third(s);
      for (const prefix of [['-Oz'], ['-O3', 'hot/-O3'], ['-O1', 'rest/-Oz']]) {
        const cutsAt = (optimizeLevel: number, shrinkLevel: number) => {
          const seen: CutModule[] = [];
          const recipe: Recipe = { knobs: { ...levelRecipe('O2').knobs, optimizeLevel, shrinkLevel }, passes: [...prefix, 'hot/licm'], functions: { hot } };
          build(s.bytes, recipe, s.features, custom, { cuts: cutPoints(recipe.passes), onCut: (c) => void seen.push(c) });
          return seen;
        };
        const [a, b] = [cutsAt(3, 0), cutsAt(0, 2)];
        expect(a.length).toBeGreaterThan(0);
        a.forEach((c, i) => expect(same(c.bytes, b[i]!.bytes), `${s.name}: ${prefix.join(' ')} at step ${c.steps}`).toBe(true));
      }
    }
  }, 120_000);

  it('fail before the first step when a group names a function the module does not define', async () => {
    const [s] = await subjects();
    const recipe: Recipe = { knobs: levelRecipe('O3').knobs, passes: ['hot/-O3'], functions: { hot: [s!.functions[0]!, 'no_such_function'] } };
    expect(() => make(s!, recipe)).toThrow(BinaryenFailure);
    expect(() => make(s!, recipe)).toThrow(/group 'hot' names 1 function the module does not define \('no_such_function'\)/);
  });
});
