/**
 * The catalog of Binaryen 132's own passes, as wasmtune's action space sees them.
 *
 * Inclusion rule: a pass is in {@link BINARYEN_PASSES} when, run on its own (with its `requires` met) on a
 * standalone linear-memory module, it keeps the module's exports and its observable behaviour unchanged
 * (same results, same memory, same traps; the same import object still instantiates it, although unused
 * imports may go), needs no argument, and can change the code or the emitted binary, directly or through
 * the passes after it. Four metadata-only strip passes are included on that rule; their notes say why their
 * savings are not optimizations. Everything else that `wasm-opt --help` lists, plus the hidden test passes
 * Binaryen registers, is in {@link EXCLUDED_PASSES} with the reason: instrumentation, lowering and
 * legalization for other targets, ABI and toolchain conventions (passes that add, remove or rename imports or
 * exports), printing and debugging aids, GC/string/J2CL passes (our modules are linear-memory MVP modules, so
 * those are no-ops at best), passes that change behaviour or crash, and passes that need an argument.
 * Inclusion is checked empirically by `binaryen-passes.check.ts`: every included pass, alone and after
 * `-O3`, on hand-written WAT and on every suite kernel, must not throw, must validate, must keep the export
 * list, and must keep every observed result.
 *
 * Two kinds of precondition are declared rather than hidden: `requires: ['flat']` (the runner inserts
 * `flatten` first; without it Binaryen throws "IR must be flat") and `requires: ['low-memory-unused']` (the
 * recipe must set the `lowMemoryUnused` knob, which is a user-asserted assumption about the program).
 * "-O pipelines" in the notes were measured with `BINARYEN_PASS_DEBUG=1 wasm-opt -O1…-Oz` on an MVP module.
 * Grouped by category, alphabetical within each group.
 */

import type { PassRequirement } from './requirements.js';

export type PassCategory =
  | 'inlining'
  | 'locals'
  | 'memory'
  | 'control-flow'
  | 'constants'
  | 'dead-code'
  | 'globals'
  | 'functions'
  | 'instructions';

/** The preconditions a Binaryen pass may declare: `flat` IR or the `lowMemoryUnused` knob (see ./requirements.ts). */
export type BinaryenPassRequirement = Extract<PassRequirement, 'flat' | 'low-memory-unused'>;

export interface BinaryenPassInfo {
  /** One line, from `wasm-opt --help` (cleaned up). */
  readonly description: string;
  readonly category: PassCategory;
  /** Preconditions; the runner inserts `flatten` / requires the knob. */
  readonly requires?: readonly BinaryenPassRequirement[];
  /**
   * `module`: the pass works on the module as a whole (it moves code between functions, or changes
   * functions' signatures, globals, segments or sections), so it cannot run on one group of functions
   * (Binaryen's `runPassesOnFunction` refuses it). Every other pass is function-parallel: it changes only
   * the function it runs on, and may run as a step of a function group (`hot/licm`, see
   * src/recipe/recipe.ts).
   */
  readonly scope?: 'module';
  /** Anything a user should know (pipeline membership, cost, caveats). */
  readonly note?: string;
}

/** Why a pass is left out of the action space. */
export type ExclusionKind =
  | 'instrumentation'
  | 'lowering'
  | 'abi'
  | 'debugging'
  | 'printing'
  | 'gc-only'
  | 'unsafe'
  | 'needs-argument'
  | 'test-only';

export interface ExcludedPassInfo {
  readonly reason: string;
  readonly kind: ExclusionKind;
}

/** Every Binaryen pass that preserves the semantics of a standalone module (exports, imports and observable behaviour unchanged; unused imports may be dropped). */
export const BINARYEN_PASSES = {
  // ── inlining ────────────────────────────────────────────────────────────────────────────────────────
  'inline-main': {
    description: 'inline __original_main into main',
    category: 'inlining',
    scope: 'module',
    note: "Only acts on Emscripten's main/__original_main pair; a no-op on any other module. Not in any -O pipeline.",
  },
  inlining: {
    description: 'inline functions, without optimizing afterwards (you probably want inlining-optimizing)',
    category: 'inlining',
    scope: 'module',
    note: 'Obeys the inlining knobs. Not in any -O pipeline (which uses inlining-optimizing).',
  },
  'inlining-optimizing': {
    description: 'inline functions and optimize where we inlined',
    category: 'inlining',
    scope: 'module',
    note: 'In -O2 and above (and -Os/-Oz). Obeys the inlining knobs and the optimize/shrink levels. The main runtime lever on Node 20, whose V8 does not inline wasm calls.',
  },
  monomorphize: {
    description: 'create specialized versions of functions for the constant or refined arguments they are called with',
    category: 'inlining',
    scope: 'module',
    note: 'Keeps a specialization only when it measurably helps (pass arg monomorphize-min-benefit). Not in any -O pipeline. Among the slower passes.',
  },
  'monomorphize-always': {
    description: 'create specialized versions of functions, even if unhelpful',
    category: 'inlining',
    scope: 'module',
    note: 'Grows code; useful mainly as a step before inlining or DAE. Not in any -O pipeline.',
  },

  // ── locals ──────────────────────────────────────────────────────────────────────────────────────────
  'coalesce-locals': {
    description: 'reduce the number of locals by coalescing them (register allocation)',
    category: 'locals',
    note: 'In every -O pipeline.',
  },
  'coalesce-locals-learning': {
    description: 'reduce the number of locals by coalescing them, learning a local order with a genetic algorithm',
    category: 'locals',
    note: 'Slow: measured ~0.9 s per run on the raytrace kernel, against ~0.05 s for coalesce-locals. Not in any -O pipeline.',
  },
  'merge-locals': {
    description: 'merge locals when beneficial (copies of each other)',
    category: 'locals',
    note: 'In -O3 and -Oz.',
  },
  'reorder-locals': {
    description: 'sort locals by access frequency',
    category: 'locals',
    note: 'In every -O pipeline. Size only (shorter local indices).',
  },
  rse: {
    description: 'remove redundant local.sets',
    category: 'locals',
    note: 'In -O2 and above.',
  },
  'simplify-locals': {
    description: 'miscellaneous locals-related optimizations (sinking, tees, block and if return values)',
    category: 'locals',
    note: 'In every -O pipeline.',
  },
  'simplify-locals-nonesting': {
    description: 'miscellaneous locals-related optimizations, without nesting (preserves flatness)',
    category: 'locals',
    note: 'Meant for flat IR (after flatten); legal on any IR. Not in any -O pipeline.',
  },
  'simplify-locals-nostructure': {
    description: 'miscellaneous locals-related optimizations, without creating block or if return values',
    category: 'locals',
    note: 'In every -O pipeline (early, before coalescing).',
  },
  'simplify-locals-notee': {
    description: 'miscellaneous locals-related optimizations, without creating tees',
    category: 'locals',
    note: 'Not in any -O pipeline.',
  },
  'simplify-locals-notee-nostructure': {
    description: 'miscellaneous locals-related optimizations, without tees or structure',
    category: 'locals',
    note: 'In -O4 only (right after flatten).',
  },
  ssa: {
    description: 'ssa-ify variables so that each has a single assignment',
    category: 'locals',
    note: 'Adds locals and copies at merges; needs coalesce-locals afterwards to pay off. Not in any -O pipeline.',
  },
  'ssa-nomerge': {
    description: 'ssa-ify variables so that each has a single assignment, ignoring merges',
    category: 'locals',
    note: 'In -O3, -Os and -Oz (first function pass).',
  },
  'tuple-optimization': {
    description: 'optimize trivial tuples (multivalue locals) away',
    category: 'locals',
    note: 'Only acts on tuple-typed locals, which exist only in multivalue code: a no-op on MVP modules. In -O pipelines when multivalue is enabled.',
  },
  untee: {
    description: 'remove local.tees, replacing them with sets and gets',
    category: 'locals',
    note: 'Usually a size pessimization on its own; a canonicalization before other passes. Not in any -O pipeline.',
  },

  // ── memory ──────────────────────────────────────────────────────────────────────────────────────────
  'avoid-reinterprets': {
    description: 'avoid reinterpret operations by loading the value again with the other type',
    category: 'memory',
    note: 'Not in any -O pipeline.',
  },
  dealign: {
    description: 'force all loads and stores to have alignment 1',
    category: 'memory',
    note: 'Legal: alignment is only a hint and never changes results. The immediate stays one byte and V8 does not rely on the hint on x64, so expect no effect on Node; a pessimization on engines that use it. Not in any -O pipeline.',
  },
  'memory-packing': {
    description: 'pack memory into separate data segments, skipping runs of zeros',
    category: 'memory',
    scope: 'module',
    note: 'In every -O pipeline. Size only.',
  },
  'optimize-added-constants': {
    description: 'fold added constants into load/store offsets',
    category: 'memory',
    requires: ['low-memory-unused'],
    note: 'Only correct when no address computation wraps below 1 KiB; the lowMemoryUnused knob is a user-asserted assumption. In every -O pipeline when --low-memory-unused is given (-O1/-O2).',
  },
  'optimize-added-constants-propagate': {
    description: 'fold added constants into load/store offsets, propagating them across locals too',
    category: 'memory',
    requires: ['low-memory-unused'],
    note: 'Same assumption as optimize-added-constants. In -O3, -Os and -Oz when --low-memory-unused is given.',
  },
  'pick-load-signs': {
    description: 'pick the signedness of narrow loads based on their uses',
    category: 'memory',
    note: 'In -O2 and above.',
  },

  // ── control-flow ────────────────────────────────────────────────────────────────────────────────────
  'code-folding': {
    description: 'fold code, merging duplicate tails of branches',
    category: 'control-flow',
    note: 'In -O3, -Os and -Oz. Mostly size.',
  },
  'code-pushing': {
    description: 'push code forward, potentially making it not always execute',
    category: 'control-flow',
    note: 'In -O2 and above.',
  },
  flatten: {
    description: 'flatten out code, removing nesting',
    category: 'control-flow',
    note: 'Grows code a lot; only useful as a canonical form for the passes that require flat IR (dfo, rereloop) and for local-cse. In -O4 only.',
  },
  licm: {
    description: 'loop-invariant code motion',
    category: 'control-flow',
    note: 'Not in any -O pipeline. V8 TurboFan does its own LICM, so gains on Node are small.',
  },
  'merge-blocks': {
    description: 'merge blocks into their parents',
    category: 'control-flow',
    note: 'In every -O pipeline.',
  },
  'remove-unused-brs': {
    description: 'remove breaks from locations where they are not needed',
    category: 'control-flow',
    note: 'In every -O pipeline.',
  },
  'remove-unused-names': {
    description: 'remove names from blocks and loops that are never branched to',
    category: 'control-flow',
    note: 'In every -O pipeline. Mostly enables other passes (merge-blocks).',
  },
  rereloop: {
    description: 're-optimize control flow using the relooper algorithm',
    category: 'control-flow',
    requires: ['flat'],
    note: 'Slow (the slowest single pass measured on matmul, ~7 ms) and grows flat code further; needs a full optimization afterwards. Not in any -O pipeline.',
  },

  // ── constants ───────────────────────────────────────────────────────────────────────────────────────
  'const-hoisting': {
    description: 'hoist repeated constants into a local',
    category: 'constants',
    note: 'Size only (large repeated constants); usually slower code. Not in any -O pipeline.',
  },
  dfo: {
    description: 'optimize using the DataFlow SSA IR (constant folding across the data-flow graph)',
    category: 'constants',
    requires: ['flat'],
    note: 'Needs full optimization afterwards to clean up the flattening. Not in any -O pipeline.',
  },
  gufa: {
    description: 'Grand Unified Flow Analysis: optimize the whole module using what content can actually reach each location',
    category: 'constants',
    scope: 'module',
    note: 'On MVP modules it propagates constants through parameters, results and globals of the whole module; exports and imports are treated as unknown. Not in any -O pipeline.',
  },
  'gufa-optimizing': {
    description: 'GUFA, plus local optimizations in the functions it modified',
    category: 'constants',
    scope: 'module',
    note: 'Not in any -O pipeline.',
  },
  precompute: {
    description: 'compute compile-time evaluatable expressions',
    category: 'constants',
    note: 'In -O1, -O2 and -Os (O3/Oz use precompute-propagate).',
  },
  'precompute-propagate': {
    description: 'compute compile-time evaluatable expressions and propagate them through locals',
    category: 'constants',
    note: 'In -O3 and -Oz.',
  },

  // ── dead-code ───────────────────────────────────────────────────────────────────────────────────────
  dce: {
    description: 'remove unreachable code',
    category: 'dead-code',
    note: 'In every -O pipeline.',
  },
  'duplicate-import-elimination': {
    description: 'merge imports of the same module, field and type into one',
    category: 'dead-code',
    scope: 'module',
    note: 'The module then lists fewer import entries, but it needs exactly the same import names, so the same import object instantiates it. In every -O pipeline.',
  },
  'remove-unused-module-elements': {
    description: 'remove unused module elements (functions, globals, tables, memories, segments)',
    category: 'dead-code',
    scope: 'module',
    note: 'Keeps exports and everything they reach; may drop unused imports (the same import object still instantiates the module). In every -O pipeline.',
  },
  'remove-unused-nonfunction-module-elements': {
    description: 'remove unused module elements that are not functions',
    category: 'dead-code',
    scope: 'module',
    note: 'Like remove-unused-module-elements, but keeps every defined function (measured: it still drops an unused function import). Not in any -O pipeline.',
  },
  'strip-debug': {
    description: 'strip debug info (DWARF, source map URL and the names section)',
    category: 'dead-code',
    scope: 'module',
    note: 'Metadata only: code and runtime unchanged. binaryen.js omits the names section anyway unless debugInfo is on. Included because it is semantics-preserving and shrinks what is shipped, but its savings are not an optimization: compare sizes against a baseline that strips the same sections.',
  },
  'strip-dwarf': {
    description: 'strip DWARF debug info sections',
    category: 'dead-code',
    scope: 'module',
    note: 'Metadata only, as strip-debug; a subset of it.',
  },
  'strip-producers': {
    description: 'strip the wasm producers section',
    category: 'dead-code',
    scope: 'module',
    note: 'Metadata only: code and runtime unchanged; clang and rustc output carries this section (tens of bytes). Compare sizes against a baseline that strips it too.',
  },
  'strip-toolchain-annotations': {
    description: 'strip all toolchain-specific code annotations',
    category: 'dead-code',
    note: "Metadata only (Binaryen's @binaryen.* code annotations, e.g. js.called); passes after it lose those hints. Changed none of the check's modules: clang and WAT output carry none.",
  },
  vacuum: {
    description: 'remove obviously unneeded code',
    category: 'dead-code',
    note: 'In every -O pipeline.',
  },

  // ── globals ─────────────────────────────────────────────────────────────────────────────────────────
  'reorder-globals': {
    description: 'sort globals by access frequency',
    category: 'globals',
    scope: 'module',
    note: 'In -O2 and above. Size only, and only on modules with more than about 128 globals (measured: 128 globals unchanged, 200 reordered), where indices need two LEB bytes.',
  },
  'simplify-globals': {
    description: 'miscellaneous globals-related optimizations (constant and never-read globals)',
    category: 'globals',
    scope: 'module',
    note: 'In -O1 (-O2 and above use simplify-globals-optimizing).',
  },
  'simplify-globals-optimizing': {
    description: 'miscellaneous globals-related optimizations, then optimize where global.gets were replaced with constants',
    category: 'globals',
    scope: 'module',
    note: 'In -O2 and above.',
  },

  // ── functions ───────────────────────────────────────────────────────────────────────────────────────
  dae: {
    description: 'remove arguments to calls in an LTO-like manner (dead argument elimination)',
    category: 'functions',
    scope: 'module',
    note: 'Only changes functions that are neither exported nor in a table. Not in any -O pipeline (which uses dae-optimizing).',
  },
  'dae-optimizing': {
    description: 'remove arguments to calls in an LTO-like manner, and optimize where we removed',
    category: 'functions',
    scope: 'module',
    note: 'In -O2 and above.',
  },
  dae2: {
    description: 'experimental reimplementation of dead argument elimination',
    category: 'functions',
    scope: 'module',
    note: 'Experimental in Binaryen 132. Not in any -O pipeline.',
  },
  directize: {
    description: 'turn indirect calls into direct ones where the table entry is known',
    category: 'functions',
    scope: 'module',
    note: 'In every -O pipeline.',
  },
  'discard-global-effects': {
    description: 'discard the global effect information that generate-global-effects computed',
    category: 'functions',
    scope: 'module',
    note: 'Never changes code itself; only undoes generate-global-effects for the passes after it.',
  },
  'duplicate-function-elimination': {
    description: 'remove duplicate functions',
    category: 'functions',
    scope: 'module',
    note: 'In every -O pipeline.',
  },
  'generate-global-effects': {
    description: 'compute the side effects of each function, so later passes can optimize across calls',
    category: 'functions',
    scope: 'module',
    note: 'Never changes code itself. The information lives on the in-memory module until discard-global-effects (measured: a later vacuum in another runPasses call drops a call to a pure function), and is lost when the module is written to a binary and read again. Not in any -O pipeline.',
  },
  'merge-similar-functions': {
    description: 'merge similar functions when beneficial, turning the differences into parameters',
    category: 'functions',
    scope: 'module',
    note: 'In -Oz only. Size only; adds a call on the merged path.',
  },
  'once-reduction': {
    description: 'reduce calls to code that only runs once',
    category: 'functions',
    scope: 'module',
    note: 'In -O2 and above.',
  },
  'reorder-functions': {
    description: 'sort functions by access frequency',
    category: 'functions',
    scope: 'module',
    note: 'Size only (shorter call indices). Not in any -O pipeline.',
  },

  // ── instructions ────────────────────────────────────────────────────────────────────────────────────
  'local-cse': {
    description: 'common subexpression elimination inside basic blocks',
    category: 'instructions',
    note: 'In -O3, -Os and -Oz.',
  },
  'optimize-instructions': {
    description: 'optimize instruction combinations (peephole rewrites)',
    category: 'instructions',
    note: 'In every -O pipeline. Honours the fastMath knob.',
  },
} as const satisfies Record<string, BinaryenPassInfo>;

/** Passes of Binaryen 132 deliberately left out of the action space, each with the reason. */
export const EXCLUDED_PASSES = {
  // ── instrumentation: adds imports and code that observe or change execution ─────────────────────────
  denan: {
    kind: 'instrumentation',
    reason: 'Instrumentation: rewrites every float result so that NaNs become 0, which changes results (a fuzzing aid).',
  },
  'instrument-branch-hints': {
    kind: 'instrumentation',
    reason: 'Instrumentation: adds a fuzzing-support.log-branch import that logs whether each branch hint guessed right.',
  },
  'instrument-locals': {
    kind: 'instrumentation',
    reason: 'Instrumentation: routes every local get/set through new imports.',
  },
  'instrument-memory': {
    kind: 'instrumentation',
    reason: 'Instrumentation: routes every load and store through new imports.',
  },
  'log-execution': {
    kind: 'instrumentation',
    reason: 'Instrumentation: adds an env.log_execution import, called at function entries, loop headers and returns.',
  },
  'safe-heap': {
    kind: 'instrumentation',
    reason: 'Instrumentation: wraps loads and stores in checks that call new imports (Emscripten SAFE_HEAP).',
  },
  'spill-pointers': {
    kind: 'instrumentation',
    reason: "Instrumentation: spills pointer-typed locals to the C stack (Boehm-style GC support); needs Emscripten's __stack_pointer convention.",
  },
  'stack-check': {
    kind: 'instrumentation',
    reason: 'Instrumentation: adds stack-overflow checks on __stack_pointer and a new export to set the limits.',
  },
  'trace-calls': {
    kind: 'instrumentation',
    reason: 'Instrumentation: adds tracer imports called around the named functions; also needs the functions to trace as an argument (--trace-calls=FUNC[:TRACER]).',
  },

  // ── lowering / legalization for other targets ─────────────────────────────────────────────────────
  'alignment-lowering': {
    kind: 'lowering',
    reason: 'Lowering for engines without unaligned access: splits under-aligned loads/stores into narrower ones plus shifts. Semantics-preserving but never an optimization on V8 (a pessimization, and a large one after dealign).',
  },
  'i64-to-i32-lowering': {
    kind: 'lowering',
    reason: 'Lowering for wasm2js: replaces i64 with pairs of i32 and changes i64 signatures of exports and imports (also requires flat IR).',
  },
  'intrinsic-lowering': {
    kind: 'lowering',
    reason: 'Lowering: replaces Binaryen intrinsics (call.without.effects) by real calls and removes their import. A no-op without intrinsics.',
  },
  'limit-segments': {
    kind: 'lowering',
    reason: 'Legalization for the Web limit of 100k data segments: merges segments only above the limit, so it never changes our modules and is not an optimization.',
  },
  'llvm-memory-copy-fill-lowering': {
    kind: 'lowering',
    reason: 'Lowering: replaces memory.copy/memory.fill by MVP loops and disables the bulk-memory feature (slower code).',
  },
  'llvm-nontrapping-fptoint-lowering': {
    kind: 'lowering',
    reason: 'Lowering: replaces saturating float-to-int by MVP sequences and disables the nontrapping-fptoint feature (slower code).',
  },
  'memory64-lowering': {
    kind: 'lowering',
    reason: 'Lowering: turns a 64-bit memory/table into a 32-bit one, changing the address type seen by importers and exporters.',
  },
  'multi-memory-lowering': {
    kind: 'lowering',
    reason: 'Lowering: combines several memories into one, changing the exported/imported memories.',
  },
  'multi-memory-lowering-with-bounds-checks': {
    kind: 'lowering',
    reason: 'Lowering: as multi-memory-lowering, plus explicit bounds checks (slower code).',
  },
  'remove-non-js-ops': {
    kind: 'lowering',
    reason: 'Lowering for wasm2js: replaces operations JS cannot express by calls to helper functions and imports.',
  },
  'signext-lowering': {
    kind: 'lowering',
    reason: 'Lowering: replaces sign-extension operators by shift pairs and disables the sign-ext feature (larger, slower code).',
  },
  'stub-unsupported-js': {
    kind: 'lowering',
    reason: 'Lowering for wasm2js: replaces operations JS does not support by stubs, which changes results.',
  },
  'table64-lowering': {
    kind: 'lowering',
    reason: 'Lowering: alias of memory64-lowering.',
  },
  'translate-to-exnref': {
    kind: 'lowering',
    reason: 'Lowering: translates legacy exception-handling instructions to the exnref proposal, which Node 20 does not run.',
  },
  'translate-to-new-eh': {
    kind: 'lowering',
    reason: 'Lowering: deprecated alias of translate-to-exnref.',
  },

  // ── ABI and toolchain conventions: imports, exports, signatures, metadata ─────────────────────────
  asyncify: {
    kind: 'abi',
    reason: 'ABI change: instruments the module for pausing and resuming, adding asyncify_* exports and state globals.',
  },
  'emit-target-features': {
    kind: 'abi',
    reason: 'Toolchain metadata: adds a target_features custom section; never makes code smaller or faster.',
  },
  'enclose-world': {
    kind: 'abi',
    reason: 'ABI change: rewrites exported functions (destructively) so that no reference escapes, preparing for closed-world optimization.',
  },
  'fpcast-emu': {
    kind: 'abi',
    reason: 'ABI change: gives every function in the table an i64-based uniform signature to emulate function pointer casts.',
  },
  'generate-dyncalls': {
    kind: 'abi',
    reason: 'ABI change: adds dynCall_* exports for the Emscripten ABI.',
  },
  'generate-i64-dyncalls': {
    kind: 'abi',
    reason: 'ABI change: adds dynCall_* exports for table functions with i64 in their signature.',
  },
  'legalize-and-prune-js-interface': {
    kind: 'abi',
    reason: 'ABI change: rewrites i64 exports/imports into i32 pairs and prunes those it cannot legalize.',
  },
  'legalize-js-interface': {
    kind: 'abi',
    reason: 'ABI change: rewrites i64 parameters and results of exports and imports into i32 pairs (legacy JS without BigInt).',
  },
  'minify-imports': {
    kind: 'abi',
    reason: 'Renaming: renames import fields, so the original import object no longer instantiates the module.',
  },
  'minify-imports-and-exports': {
    kind: 'abi',
    reason: 'Renaming: renames imports and exports, so callers cannot find the kernel entry point.',
  },
  'minify-imports-and-exports-and-modules': {
    kind: 'abi',
    reason: 'Renaming: renames imports, exports and import module names.',
  },
  'post-emscripten': {
    kind: 'abi',
    reason: 'Relies on Emscripten conventions: removes __start_em_*/__stop_em_* and __em_js__* exports and their data, and rewrites invoke_* imports.',
  },
  'remove-exports': {
    kind: 'abi',
    reason: 'ABI change: removes exports matching a wildcard (and needs that wildcard as an argument).',
  },
  'strip-target-features': {
    kind: 'abi',
    reason: "Toolchain metadata, but not harmless for a tuner: the target_features section is what binaryen.readBinary takes the module's features from. Measured: a sign-ext + SIMD module with the section, stripped, re-read by binaryen.readBinary, has features MVP and fails validation (V8 itself ignores the section).",
  },

  // ── debugging aids ──────────────────────────────────────────────────────────────────────────────────
  'propagate-debug-locs': {
    kind: 'debugging',
    reason: 'Debugging aid: copies debug locations to child expressions; no code change.',
  },
  'reorder-functions-by-name': {
    kind: 'debugging',
    reason: 'Debugging aid: sorts functions by name, an order unrelated to size or speed (reorder-functions is the size-motivated ordering).',
  },
  roundtrip: {
    kind: 'debugging',
    reason: 'Testing aid: writes the module to binary and reads it back, which the runner does anyway when it emits the result.',
  },
  strip: {
    kind: 'debugging',
    reason: 'Deprecated alias of strip-debug, which is in the action space once under its own name.',
  },

  // ── printing / metrics: output only ───────────────────────────────────────────────────────────────
  dwarfdump: { kind: 'printing', reason: 'Printing: dumps DWARF sections to stdout.' },
  'func-metrics': { kind: 'printing', reason: 'Printing: reports per-function metrics to stdout.' },
  metrics: { kind: 'printing', reason: 'Printing: reports module metrics to stdout.' },
  nm: { kind: 'printing', reason: 'Printing: lists function names and sizes to stdout.' },
  print: { kind: 'printing', reason: 'Printing: prints the module as text to stdout.' },
  'print-boundary': { kind: 'printing', reason: 'Printing: prints the import/export boundary as JSON to stdout.' },
  'print-call-graph': { kind: 'printing', reason: 'Printing: prints the call graph (dot) to stdout.' },
  'print-features': { kind: 'printing', reason: 'Printing: prints the enabled features to stdout.' },
  'print-full': { kind: 'printing', reason: 'Printing: prints the module with full type annotations to stdout.' },
  'print-function-map': { kind: 'printing', reason: 'Printing: prints a map of function indices to names to stdout.' },
  'print-minified': { kind: 'printing', reason: 'Printing: prints the module in minified text to stdout.' },
  souperify: { kind: 'printing', reason: 'Printing: emits Souper IR to stdout (also requires flat IR).' },
  'souperify-single-use': { kind: 'printing', reason: 'Printing: emits Souper IR for single-use nodes to stdout (also requires flat IR).' },
  symbolmap: { kind: 'printing', reason: 'Printing: alias of print-function-map.' },

  // ── GC, strings, J2CL: nothing to act on in linear-memory MVP modules ─────────────────────────────
  'abstract-type-refining': { kind: 'gc-only', reason: 'GC types only (refines never-created abstract types; assumes a closed world).' },
  cfp: { kind: 'gc-only', reason: 'GC only: propagates constant struct field values.' },
  'cfp-reftest': { kind: 'gc-only', reason: 'GC only: constant struct field propagation using ref.test.' },
  'global-refining': { kind: 'gc-only', reason: 'Reference types only: refines the declared types of reference-typed globals.' },
  gsi: { kind: 'gc-only', reason: 'GC only: global struct inference (assumes a closed world).' },
  'gsi-desc-cast': { kind: 'gc-only', reason: 'GC only: global struct inference emitting ref.cast_desc_eq (custom descriptors).' },
  gto: { kind: 'gc-only', reason: 'GC only: global type optimization of struct fields (assumes a closed world).' },
  'gufa-cast-all': {
    kind: 'gc-only',
    reason: 'GUFA plus casts for all reference inferences: the casts are GC-only, and on our modules its output was byte-identical to gufa (which is in the action space).',
  },
  'heap-store-optimization': { kind: 'gc-only', reason: 'GC only: optimizes struct.set after struct.new (not linear-memory stores).' },
  heap2local: { kind: 'gc-only', reason: 'GC only: replaces non-escaping GC allocations with locals.' },
  'local-subtyping': { kind: 'gc-only', reason: 'Reference types only: gives reference-typed locals more specific subtypes.' },
  'make-shared-objects': {
    kind: 'gc-only',
    reason: 'GC and shared-everything only: makes structs and arrays shared; measured on an MVP module with a table, it rewrote the funcref table into a table of shared i31 references.',
  },
  'mark-js-called': { kind: 'gc-only', reason: 'GC/JS interop only: marks functions referenced by configureAll intrinsic calls as JS-called.' },
  'merge-j2cl-itables': { kind: 'gc-only', reason: 'J2CL only: merges itable structs into vtables.' },
  'minimize-rec-groups': { kind: 'gc-only', reason: 'GC types only: splits types into minimal recursion groups.' },
  'name-types': { kind: 'gc-only', reason: 'GC types only: (re)names heap types; names only.' },
  'optimize-casts': { kind: 'gc-only', reason: 'GC only: eliminates and reuses reference casts.' },
  'optimize-j2cl': { kind: 'gc-only', reason: 'J2CL only: optimizes J2CL-specific constructs.' },
  'propagate-globals-globally': {
    kind: 'gc-only',
    reason: 'Only propagates into global initializers that read another defined global, which needs GC (MVP initializers may read imported globals only, whose values are unknown): always a no-op on our modules; Binaryen calls it useful for tests, and simplify-globals covers the MVP cases.',
  },
  'remove-unused-types': { kind: 'gc-only', reason: 'GC types only: removes unused private types (assumes a closed world).' },
  'reorder-types': { kind: 'gc-only', reason: 'GC types only: sorts private types by access frequency (assumes a closed world).' },
  'signature-pruning': { kind: 'gc-only', reason: 'GC only: removes parameters from function signature types; Binaryen runs it only with GC enabled and a closed world (dae does this for MVP).' },
  'signature-refining': { kind: 'gc-only', reason: 'GC only: refines reference parameter/result types in signatures (assumes a closed world).' },
  'string-gathering': { kind: 'gc-only', reason: 'Strings proposal only: gathers string constants into globals.' },
  'string-lifting': { kind: 'gc-only', reason: 'Strings proposal only: lifts JS string-builtin imports into wasm strings.' },
  'string-lowering': { kind: 'gc-only', reason: 'Strings proposal only: lowers wasm strings to imports.' },
  'string-lowering-magic-imports': { kind: 'gc-only', reason: 'Strings proposal only: string-lowering with magic imports.' },
  'string-lowering-magic-imports-assert': { kind: 'gc-only', reason: 'Strings proposal only: string-lowering-magic-imports, failing on invalid strings.' },
  'type-finalizing': { kind: 'gc-only', reason: 'GC types only: marks leaf types final (assumes a closed world).' },
  'type-merging': { kind: 'gc-only', reason: 'GC types only: merges types into their supertypes (assumes a closed world).' },
  'type-refining': { kind: 'gc-only', reason: 'GC types only: refines struct field types (assumes a closed world).' },
  'type-refining-gufa': { kind: 'gc-only', reason: 'GC types only: type-refining using GUFA (assumes a closed world).' },
  'type-ssa': { kind: 'gc-only', reason: 'GC types only: creates new types per allocation site (assumes a closed world).' },
  'type-unfinalizing': { kind: 'gc-only', reason: 'GC types only: marks all types non-final.' },
  unsubtyping: { kind: 'gc-only', reason: 'GC types only: removes unneeded subtyping relations (assumes a closed world).' },

  // ── unsafe: change observable behaviour ─────────────────────────────────────────────────────────────
  'constraint-analysis': {
    kind: 'unsafe',
    reason: 'Crashes: aborts on kernel wordfreq at every optimize/shrink level (Assertion failed: binaryActionCounts[binary]++ <= MaxBinaryActions, ConstraintAnalysis.cpp:534), after which Binaryen\'s state is undefined; and it changed none of the 20 check modules, alone or after -O3.',
  },
  'optimize-for-js': {
    kind: 'unsafe',
    reason: 'Changes behaviour: rewrites i64 division by constants with JS semantics (x / 0 becomes 0 instead of trapping, INT64_MIN / -1 no longer traps) and adds a mulh helper function; meant for wasm2js output.',
  },
  poppify: {
    kind: 'unsafe',
    reason: 'Produces Poppy IR, which later passes silently corrupt: measured, poppify then vacuum validated but never terminated.',
  },
  'remove-imports': {
    kind: 'unsafe',
    reason: 'Changes behaviour: removes imported functions and replaces calls to them with nops.',
  },
  'remove-memory': {
    kind: 'unsafe',
    reason: 'Changes behaviour: legacy name of remove-memory-init (drops data segments).',
  },
  'remove-memory-init': {
    kind: 'unsafe',
    reason: 'Changes behaviour: removes memory initialization (data segments), so static data reads as zeros.',
  },
  'remove-relaxed-simd': {
    kind: 'unsafe',
    reason: 'Changes behaviour: replaces relaxed SIMD instructions with unreachable.',
  },
  'strip-eh': {
    kind: 'unsafe',
    reason: 'Changes behaviour: strips exception-handling instructions (throws become traps, try bodies lose their handlers).',
  },
  'trap-mode-clamp': {
    kind: 'unsafe',
    reason: 'Changes behaviour: float-to-int conversions and integer division no longer trap but clamp (asm.js semantics), via helper functions.',
  },
  'trap-mode-js': {
    kind: 'unsafe',
    reason: 'Changes behaviour: trapping operations get JS semantics instead of trapping, via helper functions and imports.',
  },

  // ── need an argument ────────────────────────────────────────────────────────────────────────────────
  'extract-function': {
    kind: 'needs-argument',
    reason: 'Needs the function name (--extract-function=NAME), and then deletes every other function and export (a debugging aid).',
  },
  'extract-function-index': {
    kind: 'needs-argument',
    reason: 'Needs the function index (--extract-function-index=N), and then deletes every other function and export.',
  },
  'no-full-inline': {
    kind: 'needs-argument',
    reason: 'Needs a function-name wildcard (--no-full-inline=WILDCARD); only marks functions for the inliner. A candidate for a future parameterized action.',
  },
  'no-inline': {
    kind: 'needs-argument',
    reason: 'Needs a function-name wildcard (--no-inline=WILDCARD); only marks functions for the inliner. A candidate for a future parameterized action.',
  },
  'no-partial-inline': {
    kind: 'needs-argument',
    reason: 'Needs a function-name wildcard (--no-partial-inline=WILDCARD); partial inlining is off unless partial-inlining-ifs is set, which binaryen.js cannot set.',
  },
  'separate-data-segments': {
    kind: 'needs-argument',
    reason: 'Needs an output file (--separate-data-segments@FILE), and then strips the data segments from the module.',
  },
  'set-globals': {
    kind: 'needs-argument',
    reason: 'Needs name=value pairs (--pass-arg=set-globals@x=y), and then changes the initial values of globals (behaviour).',
  },

  // ── hidden test passes (registered, not listed by --help) ─────────────────────────────────────────
  'catch-pop-fixup': {
    kind: 'test-only',
    reason: 'Hidden test pass: repairs pops nested in catch blocks (legacy EH only).',
  },
  'experimental-type-generalizing': {
    kind: 'test-only',
    reason: 'Hidden experimental pass: generalizes reference types (GC only).',
  },
  'randomize-branch-hints': {
    kind: 'test-only',
    reason: 'Hidden test pass: sets branch hints at random (fuzzing aid).',
  },
  'remove-start': {
    kind: 'test-only',
    reason: 'Hidden test pass: removes the start function, which changes behaviour.',
  },
  'reorder-globals-always': {
    kind: 'test-only',
    reason: 'Hidden test pass: reorder-globals even on small modules where it cannot help.',
  },
  'reorder-types-for-testing': {
    kind: 'test-only',
    reason: 'Hidden test pass: reorder-types with test-only weights (GC only).',
  },
} as const satisfies Record<string, ExcludedPassInfo>;

/** The name of a pass in wasmtune's Binaryen action space. */
export type BinaryenPassName = keyof typeof BINARYEN_PASSES;
/** The name of a Binaryen pass deliberately left out of the action space. */
export type ExcludedPassName = keyof typeof EXCLUDED_PASSES;

/** Included pass names, in catalog order (by category, alphabetical within). */
export const BINARYEN_PASS_NAMES = Object.keys(BINARYEN_PASSES) as BinaryenPassName[];
