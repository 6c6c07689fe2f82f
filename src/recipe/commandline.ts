/**
 * A recipe as the equivalent `wasm-opt` command line (binaryen's CLI of the same version). Passes of
 * our own (`wt-…`) have no wasm-opt equivalent, and neither do per-function steps (`hot/licm`): wasm-opt
 * runs every pass on every function. wasm-opt alone can replay only the steps before the first of them
 * ({@link wasmOptPrefix}), and the command line says so.
 */
import { featureFlags } from '../binaryen/features.js';
import { getPass } from '../passes/registry.js';
import { DEFAULT_KNOBS, KNOB_SPACE, groupOf, type KnobName, type Recipe } from './recipe.js';

const isOurs = (step: string) => getPass(step).origin === 'custom';
const isGroupStep = (step: string) => groupOf(step) !== undefined;
/** A step wasm-opt cannot run: a pass of ours, or a step on a group of functions. */
const beyondWasmOpt = (step: string) => isGroupStep(step) || isOurs(step);

/**
 * The part of a recipe that wasm-opt alone can replay: the steps before the first pass of ours, at the
 * recipe's knobs (which apply to every pass, so they hold for the prefix too), and the steps left over.
 * `rest` is empty when wasm-opt can replay the whole recipe.
 */
export function wasmOptPrefix(recipe: Recipe): { replayable: Recipe; rest: string[] } {
  const cut = recipe.passes.findIndex(beyondWasmOpt);
  if (cut < 0) return { replayable: { knobs: { ...recipe.knobs }, passes: [...recipe.passes] }, rest: [] };
  return { replayable: { knobs: { ...recipe.knobs }, passes: recipe.passes.slice(0, cut) }, rest: recipe.passes.slice(cut) };
}

/**
 * The arguments after the input file: steps in order, then the final levels and knobs. Throws for a
 * recipe with a pass of ours (a bug in the caller: pass {@link wasmOptPrefix}'s `replayable`).
 */
export function wasmOptArgs(recipe: Recipe, features: number): string[] {
  const ours = recipe.passes.find(beyondWasmOpt);
  if (ours) throw new Error(`wasm-opt cannot run '${ours}', ${isGroupStep(ours) ? 'a per-function step' : 'a wasmtune pass'}; use wasmOptPrefix() for the part it can replay`);
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

/**
 * The wasm-opt command line of a recipe. For a recipe with passes of ours it is the command for the
 * replayable prefix followed by a shell comment that says what it leaves out, or, when the recipe starts
 * with a pass of ours, a line in parentheses that says wasm-opt cannot replay it.
 */
export function wasmOptCommand(recipe: Recipe, features: number, input = 'input.wasm', output = 'output.wasm'): string {
  const { replayable, rest } = wasmOptPrefix(recipe);
  if (!rest.length) return ['wasm-opt', input, ...wasmOptArgs(recipe, features), '-o', output].join(' ');
  const after = rest.length > 1 ? ` and the ${rest.length - 1} step${rest.length > 2 ? 's' : ''} after it` : '';
  const why = isGroupStep(rest[0]!)
    ? `wasm-opt cannot run ${rest[0]} (wasm-opt has no per-function pipelines: it runs every pass on every function)${after}`
    : `wasm-opt cannot run ${rest[0]} (a wasmtune pass)${after}`;
  if (!replayable.passes.length) return `(none: ${why}; apply the whole recipe with wasmtune)`;
  const command = ['wasm-opt', input, ...wasmOptArgs(replayable, features), '-o', output].join(' ');
  return `${command}  # only the first ${replayable.passes.length} of ${recipe.passes.length} steps: ${why}`;
}
