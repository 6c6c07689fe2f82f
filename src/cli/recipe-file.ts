/** Recipes named on the command line: a recipe file (of any form tune writes), or an optimisation level. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WasmtuneError, messageOf } from '../errors.js';
import { getPass } from '../passes/registry.js';
import { moduleFunctions } from '../measure/profile.js';
import { OPT_LEVEL_NAMES, levelRecipe, parseRecipe, type OptLevelName, type Recipe } from '../recipe/recipe.js';

/**
 * A recipe file: a recipe, a recipe.json written by tune (`{recipe: …}`) or a report (`{best: {recipe: …}}`);
 * `dir` is the directory it is in (where `replay` looks for best.wasm). With the module the recipe is for,
 * a per-function recipe may name functions by index (resolved to Binaryen's names).
 */
export function readRecipeFile(path: string, module?: Uint8Array): { recipe: Recipe; dir: string } {
  if (!existsSync(path)) throw new WasmtuneError('E_IO', `Recipe file not found: ${path}`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new WasmtuneError('E_BAD_RECIPE', `Recipe ${path} is not valid JSON: ${messageOf(e)}`);
  }
  const obj = data as { recipe?: unknown; best?: { recipe?: unknown } };
  const raw = obj.best?.recipe ?? obj.recipe ?? data;
  return { recipe: parseRecipe(raw, getPass, module ? functionByIndex(module) : undefined), dir: dirname(resolve(path)) };
}

/** Function index → Binaryen's name of that function in the module; E_BAD_RECIPE out of range. */
function functionByIndex(module: Uint8Array): (index: number) => string {
  let names: string[] | undefined;
  return (index) => {
    names ??= moduleFunctions(module).names;
    const name = names[index];
    if (name === undefined) throw new WasmtuneError('E_BAD_RECIPE', `The recipe names function ${index}, but the module has ${names.length} functions (indices 0–${names.length - 1}, imports first).`);
    return name;
  };
}

/** `--start`: an optimisation level (`O3` or `-O3`) or a recipe file. */
export function parseStart(text: string): Recipe {
  const level = text.replace(/^-/, '');
  if ((OPT_LEVEL_NAMES as readonly string[]).includes(level)) return levelRecipe(level as OptLevelName);
  return readRecipeFile(text).recipe;
}
