/**
 * Where a build writes the module out and reads it back: the cut points of a recipe.
 *
 * A recipe runs as segments. Binaryen's steps between two passes of ours run on one live module, as one
 * `wasm-opt` invocation would run them; at each boundary between a Binaryen step and a pass of ours (and
 * between two passes of ours) the module is written in Binaryen's binary format (with the names section,
 * without Stack IR) and read back, as replaying the recipe with wasm-opt and wasmtune one after the
 * other does. A build from those bytes continues exactly as the build that wrote them, so the module at
 * a cut point can be cached and a recipe built from its longest cached prefix gives the same bytes as a
 * build from scratch.
 *
 * The steps before the first pass of ours are one segment: what the printed wasm-opt command runs. No
 * cut falls between `flatten` and a later step that needs flat IR (reading a module back does not keep
 * it flat).
 *
 * In a per-function recipe, the steps of one function group in a row are a segment too: there is a cut
 * wherever the group changes (between whole-module steps and a group's, or between two groups). So a
 * search that varies only the last group's steps builds every candidate from the module after the other
 * groups' steps, which it finds in the prefix cache: the functions outside that group are not optimized
 * again.
 */
import { getPass } from '../passes/registry.js';
import { splitGroup } from './recipe.js';

const isOurs = (step: string) => getPass(step).origin === 'custom';
const needsFlat = (step: string) => getPass(step).requires?.includes('flat') ?? false;
/** What runs a step: a pass of ours, a function group, or Binaryen on the whole module. */
const unitOf = (step: string) => (isOurs(step) ? 'ours' : splitGroup(step).group ?? 'module');

/** The step counts k (0 < k < steps) after which the module is written and read back. */
export function cutPoints(passes: readonly string[]): number[] {
  const cuts: number[] = [];
  for (let k = 1; k < passes.length; k++) {
    const before = unitOf(passes[k - 1]!);
    if (before !== 'ours' && before === unitOf(passes[k]!)) continue;
    if (flatNeededAcross(passes, k)) continue;
    cuts.push(k);
  }
  return cuts;
}

/** Whether a step at or after k needs flat IR that a `flatten` before k made (none in between). */
function flatNeededAcross(passes: readonly string[], k: number): boolean {
  for (let j = k; j < passes.length; j++) {
    if (splitGroup(passes[j]!).step === 'flatten') return false;
    if (needsFlat(passes[j]!)) return true;
  }
  return false;
}
