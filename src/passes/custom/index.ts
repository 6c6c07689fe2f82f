/**
 * Passes of our own, in the same namespace as Binaryen's (prefix `wt-`). Each lives in its own file
 * and is registered here; the builder process runs them on the module between Binaryen's passes.
 */
import type { ModulePass } from '../../binaryen/module.js';
import type { PassRequirement } from '../requirements.js';
import { PROMOTE_RANKS, promoteStack, promoteStackFunction } from './promote-stack.js';
import { INLINE_RANKS, inline, inlineSingleSite } from './inline.js';
import { FULL_UNROLL_LIMITS, UNROLL_FACTORS, unroll, unrollFull, unrollNested } from './unroll.js';
import { reroll, rerollLoop } from './reroll.js';
import { VECTORIZE_INTERLEAVE, vectorize, vectorizeFast, vectorizeLoop, vectorizeNoAlias } from './vectorize.js';
import { slp, slpGroup } from './slp.js';
import { DECISION_RANKS } from './ir-tree.js';
import { PROMOTE_CELL_KINDS, promoteCells } from './promote-cells.js';
import { COALESCE_LEVELS, coalesce } from './coalesce.js';

/**
 * A finite parameter domain. A pass that declares one is written `name:value` in recipes (`wt-unroll:4`),
 * and each value is its own catalog step, so a search draws values like any other action.
 */
export interface PassParam {
  /** What the value means, for listings and error messages ("factor"). */
  readonly name: string;
  readonly values: readonly string[];
}

export interface CustomPassInfo {
  readonly description: string;
  readonly category: string;
  readonly param?: PassParam;
  /** What the pass needs (see ../requirements.ts); every step of a parameterised pass inherits it. */
  readonly requires?: readonly PassRequirement[];
  readonly apply: ModulePass;
}

/** The registry of custom passes. */
export const CUSTOM_PASSES: Readonly<Record<string, CustomPassInfo>> = {
  'wt-promote-stack': { description: 'promote stack-frame slots whose address never escapes (clang -O0/-O1 locals) to Wasm locals', category: 'memory', apply: promoteStack },
  'wt-promote-stack-fn': { description: 'promote the stack frame of the r-th ranked function only (frame accesses in loops, then all frame accesses, then index)', category: 'memory', param: { name: 'rank', values: PROMOTE_RANKS }, apply: promoteStackFunction },
  'wt-unroll': { description: 'unroll innermost counted loops by a factor (guarded main loop, original loop as remainder)', category: 'control-flow', param: { name: 'factor', values: UNROLL_FACTORS }, apply: unroll },
  'wt-unroll-nested': { description: 'unroll by a factor only the innermost counted loops nested inside another loop (the inner loops of nests)', category: 'control-flow', param: { name: 'factor', values: UNROLL_FACTORS }, apply: unrollNested },
  'wt-reroll': { description: 'reroll innermost loops a compiler unrolled (k copies of the work, stride k) back to one copy per iteration, exactly, so that wt-vectorize can take them', category: 'control-flow', apply: reroll },
  'wt-reroll-loop': { description: 'wt-reroll on the r-th loop it would reroll only (deeper loops first, then module order)', category: 'control-flow', param: { name: 'rank', values: DECISION_RANKS }, apply: rerollLoop },
  'wt-vectorize': { description: 'vectorize innermost counted loops of element-wise work over contiguous memory with SIMD (run-time alias checks where needed; scalar loop for the rest)', category: 'simd', param: { name: 'interleave', values: VECTORIZE_INTERLEAVE }, requires: ['simd'], apply: vectorize },
  'wt-vectorize-noalias': { description: 'wt-vectorize without run-time alias checks: loops whose arrays may overlap stay scalar', category: 'simd', param: { name: 'interleave', values: VECTORIZE_INTERLEAVE }, requires: ['simd'], apply: vectorizeNoAlias },
  'wt-vectorize-fast': { description: 'wt-vectorize plus float reductions (sum, min, max), reassociated: only under the fast-math knob', category: 'simd', param: { name: 'interleave', values: VECTORIZE_INTERLEAVE }, requires: ['simd', 'fast-math'], apply: vectorizeFast },
  'wt-vectorize-loop': { description: 'vectorize only the r-th loop wt-vectorize accepts (deeper loops first, then module order)', category: 'simd', param: { name: 'rank', values: DECISION_RANKS }, requires: ['simd'], apply: vectorizeLoop },
  'wt-slp': { description: 'pack isomorphic scalar work on adjacent memory into SIMD (superword-level parallelism): groups of adjacent stores, unrolled loop bodies, and multiple-accumulator reductions; exact lane semantics, run-time overlap checks where needed', category: 'simd', requires: ['simd'], apply: slp },
  'wt-slp-group': { description: 'wt-slp on the r-th group it would pack only (groups inside deeper loops first, then module order)', category: 'simd', param: { name: 'rank', values: DECISION_RANKS }, requires: ['simd'], apply: slpGroup },
  'wt-unroll-full': { description: 'fully unroll innermost counted loops with a constant trip count up to the limit', category: 'control-flow', param: { name: 'max-trips', values: FULL_UNROLL_LIMITS }, apply: unrollFull },
  'wt-inline': { description: 'inline the r-th ranked function (call sites in loops, then all call sites, then smaller) at every direct call site', category: 'inlining', param: { name: 'rank', values: INLINE_RANKS }, apply: inline },
  'wt-inline-site': { description: 'inline the r-th ranked direct call site only (deeper in loops, then smaller callee, then position), keeping the callee', category: 'inlining', param: { name: 'rank', values: INLINE_RANKS }, apply: inlineSingleSite },
  'wt-promote-cells': { description: 'promote memory cells in loops to locals: loop-invariant loads hoisted (loads), cells read and written in the loop kept in a local (cells), or both (all)', category: 'memory', param: { name: 'kind', values: PROMOTE_CELL_KINDS }, apply: promoteCells },
  'wt-coalesce': { description: 'how hard locals are coalesced: 0 splits every local into one per web, 1 runs coalesce-locals, 2 coalesce-locals-learning', category: 'locals', param: { name: 'level', values: COALESCE_LEVELS }, apply: coalesce },
};

export function customPassFunctions(): Map<string, ModulePass> {
  return new Map(Object.entries(CUSTOM_PASSES).map(([name, info]) => [name, info.apply]));
}
