/** A recipe as the equivalent `wasm-opt` command line (binaryen's CLI of the same version). */
import { featureFlags } from './binaryen/module.js';
import { DEFAULT_KNOBS, KNOB_SPACE, type KnobName, type Recipe } from './recipe.js';

/** The arguments after the input file: steps in order, then the final levels and knobs. */
export function wasmOptArgs(recipe: Recipe, features: number): string[] {
  const args = [...featureFlags(features)];
  for (const step of recipe.passes) args.push(step.startsWith('-O') ? step : `--${step}`);
  // Pipeline flags set the levels as they are parsed; the last level setting applies to every other
  // pass, so the recipe's levels come after the steps.
  args.push('--optimize-level', String(recipe.knobs.optimizeLevel), '--shrink-level', String(recipe.knobs.shrinkLevel));
  for (const k of Object.keys(KNOB_SPACE) as KnobName[]) {
    if (k === 'optimizeLevel' || k === 'shrinkLevel') continue;
    const space = KNOB_SPACE[k];
    const v = recipe.knobs[k];
    if (space.kind === 'bool') {
      if (v === true) args.push(space.flag);
    } else if (v !== DEFAULT_KNOBS[k]) args.push(space.flag, String(v));
  }
  return args;
}

export function wasmOptCommand(recipe: Recipe, features: number, input = 'input.wasm', output = 'output.wasm'): string {
  return ['wasm-opt', input, ...wasmOptArgs(recipe, features), '-o', output].join(' ');
}
