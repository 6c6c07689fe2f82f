// A per-function recipe in JSON: groups of functions by name (or by index, against a module), steps
// `group/step` for function-level steps only, checked with errors that say what is wrong; canonical JSON
// and hash; segments at group changes; a wasm-opt line that says what wasm-opt cannot run.
import { describe, expect, it } from 'vitest';
import { getPass } from '../../src/passes/registry.js';
import { parseRecipe, recipeHash, recipeToJson, levelRecipe, describeRecipe, type Recipe } from '../../src/recipe/recipe.js';
import { cutPoints } from '../../src/recipe/segments.js';
import { wasmOptCommand } from '../../src/recipe/commandline.js';
import { WasmtuneError } from '../../src/errors.js';

const parse = (data: unknown, resolve?: (i: number) => string) => parseRecipe(data, getPass, resolve);

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof WasmtuneError ? `${e.code}: ${e.message}` : String(e);
  }
  return undefined;
}

describe('per-function recipes', () => {
  it('parse groups by name, and by index when a module resolves them', () => {
    const r = parse({ passes: ['-Oz', 'hot/-O3', 'hot/licm', 'rest/vacuum'], functions: { hot: ['inner_loop', 'hash'] } });
    expect(r.functions).toEqual({ hot: ['inner_loop', 'hash'] });
    expect(r.passes).toEqual(['-Oz', 'hot/-O3', 'hot/licm', 'rest/vacuum']);
    const byIndex = parse({ passes: ['hot/-O3'], functions: { hot: [3, 'main'] } }, (i) => `f${i}`);
    expect(byIndex.functions).toEqual({ hot: ['f3', 'main'] });
    expect(code(() => parse({ passes: ['hot/-O3'], functions: { hot: [3] } }))).toMatch(/E_BAD_RECIPE: .*names function 3 by its index/);
  });

  it('refuse module-level and unknown steps in a group, undefined groups, a listed rest, overlaps', () => {
    expect(code(() => parse({ passes: ['hot/inlining-optimizing'], functions: { hot: ['a'] } }))).toMatch(/E_UNKNOWN_PASS: Step 'hot\/inlining-optimizing' cannot run on function group 'hot': it works on the module as a whole/);
    expect(code(() => parse({ passes: ['hot/wt-promote-stack'], functions: { hot: ['a'] } }))).toMatch(/cannot run on function group 'hot': it is a pass of ours/);
    expect(code(() => parse({ passes: ['hot/licmm'], functions: { hot: ['a'] } }))).toMatch(/E_UNKNOWN_PASS: Unknown pass 'licmm'/);
    expect(code(() => parse({ passes: ['hto/licm'], functions: { hot: ['a'] } }))).toMatch(/E_BAD_RECIPE: Step 'hto\/licm' runs on function group 'hto', which "functions" does not define\. Did you mean 'hot'/);
    expect(code(() => parse({ passes: ['rest/licm'], functions: { rest: ['a'] } }))).toMatch(/group 'rest' is implicit/);
    expect(code(() => parse({ passes: ['a/licm'], functions: { a: ['x', 'y'], b: ['y'] } }))).toMatch(/Function 'y' is in two groups, 'a' and 'b'/);
    expect(code(() => parse({ passes: ['Hot/licm'], functions: { Hot: ['x'] } }))).toMatch(/must be a lower-case name/);
    expect(code(() => parse({ passes: ['hot/licm'], functions: { hot: [] } }))).toMatch(/group 'hot' is empty/);
    expect(code(() => parse({ passes: ['licm'], functions: ['x'] }))).toMatch(/"functions" must be an object/);
    // rest needs no definition.
    expect(parse({ passes: ['rest/-Oz'] }).passes).toEqual(['rest/-Oz']);
  });

  it('serialise canonically: the same groups in any order hash alike; a whole-module recipe is unchanged', () => {
    const knobs = levelRecipe('O3').knobs;
    const a: Recipe = { knobs, passes: ['hot/-O3', 'rest/-Oz'], functions: { hot: ['b', 'a'], cold: ['c'] } };
    const b: Recipe = { knobs, passes: ['hot/-O3', 'rest/-Oz'], functions: { cold: ['c'], hot: ['a', 'b'] } };
    expect(recipeHash(a)).toBe(recipeHash(b));
    expect(JSON.stringify(recipeToJson(a))).toBe(JSON.stringify(recipeToJson(b)));
    expect(recipeHash(a)).not.toBe(recipeHash({ ...a, functions: { hot: ['a'], cold: ['c'] } }));
    expect(Object.keys(recipeToJson(levelRecipe('O3')))).toEqual(['knobs', 'passes']);
    expect(parse(JSON.parse(JSON.stringify(recipeToJson(a))))).toEqual(recipeToJson(a));
    expect(describeRecipe(a)).toMatch(/cold=1 function hot=2 functions \[hot\/-O3, rest\/-Oz\]/);
  });

  it('cut where the group changes, never inside a group or a flat region', () => {
    expect(cutPoints(['-Oz', 'hot/-O3', 'hot/licm', 'rest/vacuum', 'dae-optimizing'])).toEqual([1, 3, 4]);
    expect(cutPoints(['hot/flatten', 'hot/dfo', 'hot/vacuum'])).toEqual([]);
    expect(cutPoints(['flatten', 'hot/dfo'])).toEqual([]);
    expect(cutPoints(['wt-promote-stack', 'hot/-O3'])).toEqual([1]);
  });

  it('print the wasm-opt line for the whole-module steps before the first group step, and say why no more', () => {
    const r: Recipe = { knobs: levelRecipe('Oz').knobs, passes: ['-Oz', 'hot/-O3', 'rest/vacuum'], functions: { hot: ['a'] } };
    const line = wasmOptCommand(r, 0);
    expect(line).toMatch(/^wasm-opt input\.wasm .*-Oz .* -o output\.wasm {2}# only the first 1 of 3 steps: wasm-opt cannot run hot\/-O3 \(wasm-opt has no per-function pipelines/);
    expect(wasmOptCommand({ ...r, passes: ['hot/-O3'] }, 0)).toMatch(/^\(none: wasm-opt cannot run hot\/-O3 \(wasm-opt has no per-function pipelines/);
  });
});
