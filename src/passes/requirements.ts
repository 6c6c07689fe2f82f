/**
 * What a pass needs before it may run, or before a search may propose it. Each pass declares its own
 * (in the catalog of Binaryen's passes, or where a pass of ours is registered), and every consumer reads
 * them from the registry: the recipe expansion, the search space, `wasmtune passes`, the contract tests.
 *
 * - `flat`: the pass needs flat IR; a recipe runs `flatten` right before it (without it Binaryen throws
 *   "IR must be flat").
 * - `low-memory-unused`: the recipe must set the `lowMemoryUnused` knob, an assumption the user asserts
 *   about the program; the search proposes the pass only with `--low-memory-unused`.
 * - `simd`: the pass emits Wasm SIMD instructions, so only engines with SIMD run the result; the search
 *   never proposes it under `--no-simd`.
 * - `fast-math`: the pass does more than another step only under the `fastMath` knob (float
 *   reassociation); the search proposes it only where fast-math may be drawn (a harness that declares a
 *   float tolerance).
 */
export type PassRequirement = 'flat' | 'low-memory-unused' | 'simd' | 'fast-math';
