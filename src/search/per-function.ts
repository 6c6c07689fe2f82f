/**
 * Per-function search: hot code fast, cold code small.
 *
 * A profile of the workload names the hot functions (those that take 90 % of the time spent in Wasm).
 * Every candidate of the search is then framed the same way:
 *
 *     [cold steps]  hot/<the agent's steps>
 *
 * The cold steps are a whole-module size recipe (the smallest of the -O levels, measured as baselines), so
 * every function, the cold ones for good, gets its size treatment, and the module-level work (inlining
 * decisions, dead arguments, unused and duplicate elements) happens once, at its size settings. The
 * agent's recipe runs on the hot group only: its space is the function-level steps of that group
 * (`hot/licm`, `hot/-O3`, …), so agents need to know nothing of groups. Knobs that only module steps
 * read (the inlining limits) are left out of the agent's space, so they cannot change the cold steps.
 *
 * The cold steps end at a cut point (src/recipe/segments.ts): after the first candidate built them, every
 * other candidate with the same knobs starts from the module in the prefix cache, and only the hot
 * functions are optimized again.
 */
import { REST_GROUP, type KnobName, type Recipe } from '../recipe/recipe.js';
import { getPass } from '../passes/registry.js';
import type { SearchSpace } from './space.js';
import { WasmtuneError } from '../errors.js';

/** The group the agent's steps run on. */
export const HOT_GROUP = 'hot';

/** Knobs that only module-level steps (inlining) read: fixed in a per-function search. */
const MODULE_KNOBS: readonly KnobName[] = ['alwaysInlineMaxSize', 'flexibleInlineMaxSize', 'oneCallerInlineMaxSize', 'inlineFunctionsWithLoops'];

/** How every candidate of a per-function search is framed. */
export interface FunctionSplit {
  /** The hot group's functions, as Binaryen names them. */
  hot: string[];
  /** The whole-module steps every candidate starts with (the cold functions' recipe). */
  cold: string[];
}

/** The space of one function group: its function-level passes and the pipelines, as steps of the group. */
export function groupSpace(space: SearchSpace, group: string = HOT_GROUP): SearchSpace {
  if (group === REST_GROUP) throw new Error(`groupSpace: '${REST_GROUP}' is not searched on its own`);
  const passes = space.passes.filter((p) => getPass(p).perFunction).map((p) => `${group}/${p}`);
  if (!passes.length) throw new WasmtuneError('E_USAGE', 'The exclusions leave no function-level pass to search on the hot functions.');
  return {
    ...space,
    passes,
    pipelines: space.pipelines.map((p) => `${group}/${p}`),
    knobs: space.knobs.filter((k) => !MODULE_KNOBS.includes(k)),
  };
}

/** The candidate an agent's recipe (over {@link groupSpace}) stands for. */
export function frame(recipe: Recipe, split: FunctionSplit): Recipe {
  return { knobs: recipe.knobs, passes: [...split.cold, ...recipe.passes], functions: { [HOT_GROUP]: [...split.hot] } };
}
