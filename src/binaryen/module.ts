/**
 * The only file that imports binaryen. It owns Binaryen's process-global settings: every build sets all
 * of them from the recipe, so no setting leaks from one candidate into the next.
 */
import binaryen from 'binaryen';
import type { Knobs, Recipe } from '../recipe/recipe.js';
import { PIPELINES, REST_GROUP, isPipeline, splitGroup, splitStep } from '../recipe/recipe.js';
import { DEFAULT_FEATURES, ENGINE_FEATURES, FEATURE_BITS, FEATURE_FLAGS, featureFlags, featureNames } from './features.js';
import { sections, uleb } from '../wasm/reader.js';
import { definedFunctions } from './functions.js';

export { DEFAULT_FEATURES, ENGINE_FEATURES, featureFlags, featureNames };

const b = binaryen as typeof binaryen & { getExceptionMessage?: (e: unknown) => [string, string] };

// The feature tables are data in features.ts, so that the parent process never loads binaryen.js; they
// must name the same bits as this version of Binaryen.
for (const [name, bit] of Object.entries(FEATURE_BITS)) {
  if ((binaryen.Features as unknown as Record<string, number>)[name] !== bit) throw new Error(`binaryen.Features.${name} is not ${bit}: update src/binaryen/features.ts for this Binaryen version`);
}

/** A failure inside Binaryen, classified. `abort` means Binaryen's state is undefined afterwards. */
export class BinaryenFailure extends Error {
  constructor(readonly kind: 'fatal' | 'abort' | 'parse', message: string) {
    super(message);
  }
}

function classify(e: unknown): BinaryenFailure {
  if (e instanceof WebAssembly.RuntimeError || (e instanceof Error && /Aborted\(/.test(e.message))) {
    return new BinaryenFailure('abort', (e as Error).message.slice(0, 300));
  }
  if (e instanceof Error) return new BinaryenFailure('fatal', e.message.slice(0, 300));
  try {
    const msg = b.getExceptionMessage?.(e);
    if (msg) return new BinaryenFailure('fatal', msg.join(': ').slice(0, 300));
  } catch {
    /* fall through */
  }
  return new BinaryenFailure('fatal', String(e).slice(0, 300));
}

function withModule<T>(bytes: Uint8Array, features: number, f: (m: binaryen.Module) => T): T {
  let m: binaryen.Module;
  try {
    m = binaryen.readBinary(bytes);
  } catch (e) {
    const c = classify(e);
    throw new BinaryenFailure(c.kind === 'abort' ? 'abort' : 'parse', c.message);
  }
  try {
    m.setFeatures(features | m.getFeatures());
    return f(m);
  } finally {
    m.dispose();
  }
}

/** Validate without printing: Binaryen writes validator messages to stderr, which the caller captures. */
function validates(m: binaryen.Module): boolean {
  return m.validate() !== 0;
}

/**
 * The features to read a module with: wasm-opt's defaults plus its target-features section; if it does
 * not validate with those, the smallest subset of the engine's features with which it does.
 * Returns undefined when the module does not validate at all.
 */
export function detectFeatures(bytes: Uint8Array): number | undefined {
  const ok = (f: number) => withModule(bytes, f, validates);
  if (ok(DEFAULT_FEATURES)) return DEFAULT_FEATURES | withModule(bytes, 0, (m) => m.getFeatures());
  if (!ok(ENGINE_FEATURES)) return undefined;
  let features = ENGINE_FEATURES;
  for (const [bit] of FEATURE_FLAGS) {
    if ((DEFAULT_FEATURES & bit) !== 0) continue;
    const without = features & ~bit;
    if (ok(without)) features = without;
  }
  return features;
}

function applyKnobs(k: Knobs): void {
  binaryen.setOptimizeLevel(k.optimizeLevel);
  binaryen.setShrinkLevel(k.shrinkLevel);
  binaryen.setAlwaysInlineMaxSize(k.alwaysInlineMaxSize);
  binaryen.setFlexibleInlineMaxSize(k.flexibleInlineMaxSize);
  binaryen.setOneCallerInlineMaxSize(k.oneCallerInlineMaxSize);
  binaryen.setAllowInliningFunctionsWithLoops(k.inlineFunctionsWithLoops);
  binaryen.setFastMath(k.fastMath);
  binaryen.setTrapsNeverHappen(k.trapsNeverHappen);
  binaryen.setLowMemoryUnused(k.lowMemoryUnused);
  binaryen.setZeroFilledMemory(false);
  binaryen.setClosedWorld(false);
  binaryen.setDebugInfo(false);
  // wasm-opt generates and optimizes Stack IR when the final levels are -O2 or above, or any shrink.
  const stackIR = k.optimizeLevel >= 2 || k.shrinkLevel >= 1;
  binaryen.setGenerateStackIR(stackIR);
  binaryen.setOptimizeStackIR(stackIR);
}

/**
 * A custom pass of ours operates on the module directly. `arg` is the step's argument (`wt-unroll:4` →
 * `'4'`), already checked against the pass's declared domain; undefined for a pass without one.
 */
export type ModulePass = (m: binaryen.Module, api: typeof binaryen, arg?: string) => void;

/** The module after the first `steps` steps of a recipe, at a cut point (see src/recipe/segments.ts). */
export interface CutModule {
  steps: number;
  bytes: Uint8Array;
  /** Features the recipe's passes of ours turned on so far (SIMD), which the bytes do not declare. */
  added: number;
}

export interface BuildPlan {
  /** The step counts after which the module is written and read back (`cutPoints(recipe.passes)`). */
  cuts: readonly number[];
  /** Continue from this module (one of the recipe's own cut points) instead of the input bytes. */
  from?: CutModule;
  /** Called with the module at each cut point the build passes. */
  onCut?: (cut: CutModule) => void;
  /**
   * Also write the module after the last step as a cut point (to `onCut`), for recipes that later
   * recipes extend: a per-function search's candidates start with an -O level's steps.
   */
  cutAtEnd?: boolean;
  /** Called before step i (absolute index), and with the step count before the final emit. */
  onStep?: (index: number) => void;
}

/**
 * Apply a recipe as `wasm-opt <steps> --optimize-level … --shrink-level … <knobs>` would, segment by
 * segment (see src/recipe/segments.ts): each pipeline step runs alone at its own levels, every other
 * step at the recipe's levels. Binaryen's pass runner gives the same module whether consecutive passes
 * run in one runner (as wasm-opt runs them) or one runner each (tested on random recipes over the suite),
 * so each step runs alone and `onStep(i)` is called before step i: a build stopped at its deadline says
 * which step it was in. At each cut point the module is written (names kept, no Stack IR) and read back.
 * Throws {@link BinaryenFailure}; the result is not validated here.
 */
export function build(bytes: Uint8Array, recipe: Recipe, features: number, custom: ReadonlyMap<string, ModulePass> = new Map(), plan: BuildPlan = { cuts: [] }): Uint8Array {
  const start = plan.from;
  return withModule(start ? start.bytes : bytes, features | (start?.added ?? 0), (first) => {
    applyKnobs(recipe.knobs);
    let m = first;
    // The features of the input: what a pass of ours adds beyond them is declared in the output.
    const inputFeatures = first.getFeatures() & ~(start?.added ?? 0);
    const cuts = new Set(plan.cuts);
    const owned: binaryen.Module[] = [];
    // A group's members, listed at its first step: steps on a group run function-level passes only, which
    // neither add nor remove functions, so the list holds until a whole-module step or a cut.
    let members: { group: string; names: string[] } | undefined;
    try {
      if (!start) checkGroupFunctions(m, recipe);
      for (let i = start?.steps ?? 0; i < recipe.passes.length; i++) {
        if (i > (start?.steps ?? 0) && cuts.has(i)) {
          const added = m.getFeatures() & ~inputFeatures;
          const written = writeForCut(m);
          plan.onCut?.({ steps: i, bytes: written, added });
          const next = readForCut(written, features | added);
          owned.push(next);
          m = next;
          members = undefined;
        }
        plan.onStep?.(i);
        const step = recipe.passes[i]!;
        const { name, arg } = splitStep(step);
        const { group, step: inner } = splitGroup(step);
        if (group !== undefined) {
          if (members?.group !== group) members = { group, names: groupMembers(m, recipe, group) };
          runOnGroup(m, recipe, members.names, inner);
          continue;
        }
        members = undefined;
        if (isPipeline(step)) {
          const levels = PIPELINES[step];
          binaryen.setOptimizeLevel(levels.optimizeLevel);
          binaryen.setShrinkLevel(levels.shrinkLevel);
          m.optimize();
          binaryen.setOptimizeLevel(recipe.knobs.optimizeLevel);
          binaryen.setShrinkLevel(recipe.knobs.shrinkLevel);
        } else if (custom.has(name)) {
          custom.get(name)!(m, binaryen, arg);
        } else {
          m.runPasses([step]);
        }
      }
      if (plan.cutAtEnd && plan.onCut && recipe.passes.length > (start?.steps ?? 0)) {
        plan.onCut({ steps: recipe.passes.length, bytes: writeForCut(m), added: m.getFeatures() & ~inputFeatures });
      }
      plan.onStep?.(recipe.passes.length);
      return declareFeatures(m.emitBinary(), m.getFeatures() & ~inputFeatures);
    } catch (e) {
      throw classify(e);
    } finally {
      for (const o of owned) o.dispose();
    }
  });
}

/** The names of the module's functions that are defined in it (not imported), in index order. */
function definedNames(m: binaryen.Module): string[] {
  return definedFunctions(m, binaryen).map((f) => f.name);
}

/** The names Binaryen gives the module's defined (not imported) functions, in index order. */
export function definedFunctionsOf(bytes: Uint8Array, features: number): string[] {
  return withModule(bytes, features, definedNames);
}

/** A recipe that names a function the input module does not define fails before its first step. */
function checkGroupFunctions(m: binaryen.Module, recipe: Recipe): void {
  if (!recipe.functions) return;
  const defined = new Set(definedNames(m));
  for (const [group, names] of Object.entries(recipe.functions)) {
    const missing = names.filter((n) => !defined.has(n));
    if (missing.length) {
      const shown = missing.slice(0, 3).map((n) => `'${n}'`).join(', ');
      throw new BinaryenFailure('fatal', `function group '${group}' names ${missing.length} function${missing.length === 1 ? '' : 's'} the module does not define (${shown}${missing.length > 3 ? ', …' : ''})`);
    }
  }
}

/**
 * The functions a group step runs on, in module order whatever the order of the recipe's lists: those of
 * the group's list that the module still defines (a whole-module step before may have inlined or merged
 * some away); for `rest`, every defined function in no other group, as the module is now.
 */
function groupMembers(m: binaryen.Module, recipe: Recipe, group: string): string[] {
  const listed = new Set(group === REST_GROUP ? Object.values(recipe.functions ?? {}).flat() : recipe.functions?.[group] ?? []);
  return definedNames(m).filter((f) => listed.has(f) !== (group === REST_GROUP));
}

/**
 * One step on a function group's members: a Binaryen pass through `runPassesOnFunction`, or a pipeline's
 * function part (Binaryen's default function optimization passes, at the pipeline's levels) through
 * `optimizeFunction`.
 */
function runOnGroup(m: binaryen.Module, recipe: Recipe, members: readonly string[], step: string): void {
  if (isPipeline(step)) {
    const levels = PIPELINES[step];
    binaryen.setOptimizeLevel(levels.optimizeLevel);
    binaryen.setShrinkLevel(levels.shrinkLevel);
    for (const f of members) m.optimizeFunction(f);
    binaryen.setOptimizeLevel(recipe.knobs.optimizeLevel);
    binaryen.setShrinkLevel(recipe.knobs.shrinkLevel);
  } else {
    for (const f of members) m.runPassesOnFunction(f, [step]);
  }
}

/** The module as a cut point writes it: Binaryen's binary format with names, without Stack IR. */
function writeForCut(m: binaryen.Module): Uint8Array {
  const stackIR = binaryen.getGenerateStackIR?.() ?? false;
  const optimizeStackIR = binaryen.getOptimizeStackIR?.() ?? false;
  binaryen.setDebugInfo(true);
  binaryen.setGenerateStackIR(false);
  binaryen.setOptimizeStackIR(false);
  try {
    return m.emitBinary();
  } finally {
    binaryen.setDebugInfo(false);
    binaryen.setGenerateStackIR(stackIR);
    binaryen.setOptimizeStackIR(optimizeStackIR);
  }
}

function readForCut(bytes: Uint8Array, features: number): binaryen.Module {
  let m: binaryen.Module;
  try {
    m = binaryen.readBinary(bytes);
  } catch (e) {
    throw classify(e);
  }
  m.setFeatures(features | m.getFeatures());
  return m;
}

/** `target_features` names of the features a pass of ours may turn on (wt-vectorize: SIMD). */
const FEATURE_SECTION_NAMES: Array<[number, string]> = [[binaryen.Features.SIMD128, 'simd128']];

/**
 * A module that a pass of ours gave new features (SIMD) declares them in a `target_features` section, as
 * LLVM's output does, so that every later reader (validation here, the builder on replay, wasm-opt) reads
 * it with them. Binaryen writes the section itself only when the input had one; then nothing is added.
 */
export function declareFeatures(bytes: Uint8Array, added: number): Uint8Array {
  const names = FEATURE_SECTION_NAMES.filter(([bit]) => (added & bit) !== 0).map(([, n]) => n);
  if (!names.length || hasCustomSection(bytes, 'target_features')) return bytes;
  const text = new TextEncoder();
  const str = (s: string) => [...uleb(text.encode(s).length), ...text.encode(s)];
  const payload = [...str('target_features'), ...uleb(names.length), ...names.flatMap((n) => [0x2b, ...str(n)])];
  const out = new Uint8Array(bytes.length + 1 + uleb(payload.length).length + payload.length);
  out.set(bytes);
  out.set([0, ...uleb(payload.length), ...payload], bytes.length);
  return out;
}

function hasCustomSection(bytes: Uint8Array, name: string): boolean {
  for (const { id, contents } of sections(bytes)) if (id === 0 && contents.name() === name) return true;
  return false;
}

/** What a module declares, for the report. */
export interface ModuleFacts {
  functions: number;
  /** Declared initial memory, bytes (0 without a memory). */
  declaredMemoryBytes: number;
  /** Bytes of all data segments. */
  dataSegmentBytes: number;
  exports: string[];
  /** An imported memory's declared size, so a runner can provide one. */
  memoryImport?: { module: string; base: string; initialPages: number; maximumPages?: number };
}

export function moduleFacts(bytes: Uint8Array, features: number): ModuleFacts {
  return withModule(bytes, features, factsOf);
}

/** Validate a built module and read its facts in one parse (the builder's hot path). */
export function checkBuilt(bytes: Uint8Array, features: number): { valid: boolean; facts: ModuleFacts } {
  return withModule(bytes, features, (m) => ({ valid: validates(m), facts: factsOf(m) }));
}

function factsOf(m: binaryen.Module): ModuleFacts {
  let dataSegmentBytes = 0;
  // Present at runtime, missing from (or misnamed in) the typings.
  const mm = m as unknown as { getNumDataSegments(): number; getDataSegmentInfo(ref: number): { data: ArrayBuffer } };
  for (let i = 0; i < mm.getNumDataSegments(); i++) {
    dataSegmentBytes += mm.getDataSegmentInfo(m.getDataSegmentByIndex(i)).data.byteLength;
  }
  const exports: string[] = [];
  for (let i = 0; i < m.getNumExports(); i++) exports.push(binaryen.getExportInfo(m.getExportByIndex(i)).name);
  const mem = m.hasMemory() ? m.getMemoryInfo() : undefined;
  return {
    ...(mem?.module ? { memoryImport: { module: mem.module, base: mem.base ?? '', initialPages: mem.initial, ...(mem.max !== undefined ? { maximumPages: mem.max } : {}) } } : {}),
    functions: m.getNumFunctions(),
    declaredMemoryBytes: mem ? mem.initial * 65536 : 0,
    dataSegmentBytes,
    exports,
  };
}

export function toText(bytes: Uint8Array, features: number): string {
  return withModule(bytes, features, (m) => m.emitText());
}

/** WAT → binary through Binaryen (used for custom-pass fixtures; user WAT goes through wabt). */
export function parseWat(text: string): Uint8Array {
  const m = binaryen.parseText(text);
  try {
    m.setFeatures(DEFAULT_FEATURES);
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}

export { binaryen };
