// Parameterised passes: a custom pass declares a finite domain, a step is written `name:value`, and
// every layer (registry, recipes, search space, builder, wasm-opt command line) handles it.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { binaryen, build, DEFAULT_FEATURES, parseWat, type ModulePass } from '../../src/binaryen/module.js';
import { CUSTOM_PASSES, customPassFunctions } from '../../src/passes/custom/index.js';
import { PASSES, expandStep, getPass, isKnownStep } from '../../src/passes/registry.js';
import { DEFAULT_KNOBS, levelRecipe, parseRecipe, recipeToJson, recipesEqual, splitStep, type Recipe } from '../../src/recipe/recipe.js';
import { defaultSpace, randomStep } from '../../src/search/space.js';
import { wasmOptArgs, wasmOptCommand, wasmOptPrefix } from '../../src/recipe/commandline.js';
import { errorOf } from '../helpers.js';

const parameterised = Object.entries(CUSTOM_PASSES).filter(([, p]) => p.param);


describe('the registry', () => {
  it('has one step per value of each parameterised pass, and not the bare name', () => {
    expect(parameterised.map(([n]) => n).sort()).toEqual([
      'wt-coalesce', 'wt-inline', 'wt-inline-site', 'wt-promote-cells', 'wt-promote-stack-fn', 'wt-reroll-loop', 'wt-slp-group', 'wt-unroll', 'wt-unroll-full', 'wt-unroll-nested',
      'wt-vectorize', 'wt-vectorize-fast', 'wt-vectorize-loop', 'wt-vectorize-noalias',
    ]);
    for (const [name, p] of parameterised) {
      expect(isKnownStep(name)).toBe(false);
      for (const v of p.param!.values) {
        const info = getPass(`${name}:${v}`);
        expect(info).toMatchObject({ name: `${name}:${v}`, origin: 'custom', category: p.category, param: { pass: name, value: v } });
        expect(info.description).toContain(`${p.param!.name} ${v}`);
        expect(expandStep(`${name}:${v}`)).toEqual([`${name}:${v}`]);
      }
    }
    expect([...PASSES.keys()].filter((k) => k.startsWith('wt-unroll:'))).toEqual(['wt-unroll:2', 'wt-unroll:4', 'wt-unroll:8']);
    expect([...PASSES.keys()].filter((k) => k.startsWith('wt-unroll-nested:'))).toEqual(['wt-unroll-nested:2', 'wt-unroll-nested:4', 'wt-unroll-nested:8']);
    expect([...PASSES.keys()].filter((k) => k.startsWith('wt-promote-stack'))).toEqual(['wt-promote-stack', 'wt-promote-stack-fn:0', 'wt-promote-stack-fn:1', 'wt-promote-stack-fn:2', 'wt-promote-stack-fn:3']);
    expect([...PASSES.keys()].filter((k) => k.startsWith('wt-inline-site:')).length).toBe(8);
  });

  it('says which values a pass takes when the argument is missing or wrong', () => {
    const missing = errorOf(() => getPass('wt-unroll'));
    expect(missing.code).toBe('E_UNKNOWN_PASS');
    expect(missing.message).toBe("Pass 'wt-unroll' needs a factor: write one of 'wt-unroll:2', 'wt-unroll:4', 'wt-unroll:8'.");
    expect(errorOf(() => getPass('wt-unroll:3')).message).toBe(
      "Pass 'wt-unroll' takes a factor of 2, 4, 8, got '3': write one of 'wt-unroll:2', 'wt-unroll:4', 'wt-unroll:8'.",
    );
    expect(errorOf(() => getPass('wt-inline:x')).message).toContain('takes a rank of 0, 1, 2, 3, 4, 5, 6, 7');
    expect(errorOf(() => getPass('vacuum:1')).message).toBe("Pass 'vacuum' takes no argument, got 'vacuum:1'.");
    expect(errorOf(() => getPass('wt-unrol:4')).message).toContain("'wt-unroll:4'");
  });

  it('splits steps at the first colon', () => {
    expect(splitStep('wt-unroll-full:16')).toEqual({ name: 'wt-unroll-full', arg: '16' });
    expect(splitStep('-O3')).toEqual({ name: '-O3' });
    expect(splitStep('precompute-propagate')).toEqual({ name: 'precompute-propagate' });
  });
});

describe('recipes and the search space', () => {
  it('survive a JSON round trip and are checked on parsing', () => {
    const recipe: Recipe = { knobs: { ...DEFAULT_KNOBS, optimizeLevel: 3 }, passes: ['-O1', 'wt-unroll:4', 'wt-inline:0', 'vacuum', 'wt-unroll-full:16'] };
    const back = parseRecipe(JSON.parse(JSON.stringify(recipeToJson(recipe))), getPass);
    expect(recipesEqual(back, recipe)).toBe(true);
    expect(back.passes).toEqual(recipe.passes);
    expect(() => parseRecipe({ passes: ['wt-unroll:5'] }, getPass)).toThrow(/takes a factor of 2, 4, 8/);
  });

  it('offers every value as its own action, and random draws reach them', () => {
    // With fast-math available every step is offered (wt-vectorize-fast is proposed only then).
    const space = defaultSpace({ fastMath: true });
    expect(defaultSpace().passes.some((s) => s.startsWith('wt-vectorize-fast'))).toBe(false);
    for (const [name, p] of parameterised) {
      for (const v of p.param!.values) expect(space.passes).toContain(`${name}:${v}`);
      expect(space.passes).not.toContain(name);
    }
    const rng = seedrandom('params');
    const drawn = new Set<string>();
    for (let i = 0; i < 3000; i++) for (const s of randomStep(rng, space)) if (s.startsWith('wt-')) drawn.add(s);
    expect([...drawn].filter((s) => s.startsWith('wt-unroll:')).length).toBeGreaterThan(1);
    expect([...drawn].some((s) => s.startsWith('wt-inline:'))).toBe(true);
  });
});

describe('the builder', () => {
  const wat = `(module (memory (export "memory") 1)
    (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $s i32)
      (block $done (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (i32.load (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
      (local.get $s)))`;
  const input = parseWat(wat);
  const recipe = (passes: string[]): Recipe => ({ knobs: { ...DEFAULT_KNOBS }, passes });

  it('passes the step argument to the custom pass', () => {
    const seen: Array<string | undefined> = [];
    const spy: ModulePass = (_m, _api, arg) => void seen.push(arg);
    build(input, recipe(['wt-spy:7', 'vacuum', 'wt-spy']), DEFAULT_FEATURES, new Map([['wt-spy', spy]]));
    expect(seen).toEqual(['7', undefined]);
  });

  it('runs wt-unroll with the factor of the step', () => {
    const custom = customPassFunctions();
    const loops = (bytes: Uint8Array) => {
      const m = binaryen.readBinary(bytes);
      try {
        return (m.emitText().match(/\(loop /g) ?? []).length;
      } finally {
        m.dispose();
      }
    };
    const plain = build(input, recipe(['vacuum']), DEFAULT_FEATURES, custom);
    const by2 = build(input, recipe(['wt-unroll:2']), DEFAULT_FEATURES, custom);
    const by8 = build(input, recipe(['wt-unroll:8']), DEFAULT_FEATURES, custom);
    expect(loops(plain)).toBe(1);
    expect(loops(by2)).toBe(2);
    expect(by8.byteLength).toBeGreaterThan(by2.byteLength);
  });
});

describe('the wasm-opt command line', () => {
  const recipe: Recipe = { knobs: { ...DEFAULT_KNOBS, optimizeLevel: 3, shrinkLevel: 0 }, passes: ['-O3', 'licm', 'wt-unroll:4', '-O3', 'wt-inline:0'] };

  it('can replay the steps before the first pass of ours', () => {
    expect(wasmOptPrefix(recipe)).toEqual({ replayable: { knobs: recipe.knobs, passes: ['-O3', 'licm'] }, rest: ['wt-unroll:4', '-O3', 'wt-inline:0'] });
    expect(wasmOptPrefix(levelRecipe('O3')).rest).toEqual([]);
  });

  it('marks a command line that replays only a prefix, and refuses to print our passes as flags', () => {
    expect(wasmOptCommand(recipe, DEFAULT_FEATURES)).toBe(
      'wasm-opt input.wasm -O3 --licm --optimize-level 3 --shrink-level 0 -o output.wasm  # only the first 2 of 5 steps: wasm-opt cannot run wt-unroll:4 (a wasmtune pass) and the 2 steps after it',
    );
    expect(wasmOptCommand({ ...recipe, passes: ['wt-unroll:4'] }, DEFAULT_FEATURES)).toBe('(none: wasm-opt cannot run wt-unroll:4 (a wasmtune pass); apply the whole recipe with wasmtune)');
    expect(wasmOptCommand(levelRecipe('O3'), DEFAULT_FEATURES)).toBe('wasm-opt input.wasm -O3 --optimize-level 3 --shrink-level 0 -o output.wasm');
    expect(() => wasmOptArgs(recipe, DEFAULT_FEATURES)).toThrow(/wasm-opt cannot run 'wt-unroll:4'/);
  });
});
