/**
 * Binaryen's feature bits and their wasm-opt flag names, as data: the parent process formats the
 * `wasm-opt` command line and the report's feature list from these without loading binaryen.js (the
 * wrapper, module.ts, checks at load that every bit equals `binaryen.Features`).
 */

/** Bits of `binaryen.Features` (v132) for the features Node 20's V8 runs. */
export const FEATURE_BITS = {
  MutableGlobals: 2,
  NontrappingFPToInt: 4,
  SIMD128: 8,
  BulkMemory: 16,
  SignExt: 32,
  ExceptionHandling: 64,
  TailCall: 128,
  ReferenceTypes: 256,
  Multivalue: 512,
  BulkMemoryOpt: 524_288,
  CallIndirectOverlong: 1_048_576,
} as const;

const F = FEATURE_BITS;

/** Features that `wasm-opt` enables by default (v132: `--print-features` on an empty module). */
export const DEFAULT_FEATURES = F.MutableGlobals | F.SignExt;

// Binaryen asserts that bulk memory implies its "opt" half and reference types imply overlong
// call_indirect encodings; wasm-opt's --enable flags set both halves, and so do we.
const BULK = F.BulkMemory | F.BulkMemoryOpt;
const REFS = F.ReferenceTypes | F.CallIndirectOverlong;

/** Features Node 20's V8 runs; a module is only ever given features from this set. */
export const ENGINE_FEATURES = F.MutableGlobals | F.SignExt | F.NontrappingFPToInt | BULK | F.Multivalue | REFS | F.SIMD128 | F.TailCall | F.ExceptionHandling;

/** Each feature set with its wasm-opt name (`--enable-<name>`). */
export const FEATURE_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [F.MutableGlobals, 'mutable-globals'],
  [F.SignExt, 'sign-ext'],
  [F.NontrappingFPToInt, 'nontrapping-float-to-int'],
  [BULK, 'bulk-memory'],
  [F.Multivalue, 'multivalue'],
  [REFS, 'reference-types'],
  [F.SIMD128, 'simd'],
  [F.TailCall, 'tail-call'],
  [F.ExceptionHandling, 'exception-handling'],
];

/** `--enable-…` flags for the features beyond wasm-opt's defaults. */
export function featureFlags(features: number): string[] {
  return FEATURE_FLAGS.filter(([bit]) => (features & bit) === bit && (DEFAULT_FEATURES & bit) === 0).map(([, n]) => `--enable-${n}`);
}

export function featureNames(features: number): string[] {
  return FEATURE_FLAGS.filter(([bit]) => (features & bit) === bit).map(([, n]) => n);
}
