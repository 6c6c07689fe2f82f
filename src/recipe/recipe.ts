/**
 * A recipe is what wasmtune tunes: global Binaryen settings ("knobs") plus an ordered list of steps.
 * A step is a pass name from the catalog, or a pipeline: `-O` runs Binaryen's default optimization
 * pipeline at the recipe's levels (what `wasm-opt -O3` runs when the levels are 3/0). A pass of ours
 * with a parameter is written `name:arg` (`wt-unroll:4`), see {@link splitStep}.
 * Recipes serialise to JSON and to the equivalent `wasm-opt` command line.
 */
import { createHash } from 'node:crypto';
import { WasmtuneError, didYouMean } from '../errors.js';

/** Global settings that Binaryen applies to every pass of a run. */
export interface Knobs {
  /** 0–4, as `wasm-opt --optimize-level`. */
  optimizeLevel: number;
  /** 0–2, as `wasm-opt --shrink-level`. */
  shrinkLevel: number;
  /** Functions of at most this size are always inlined (Binaryen default 2). */
  alwaysInlineMaxSize: number;
  /** Functions of at most this size are inlined when the heuristic agrees (default 20). */
  flexibleInlineMaxSize: number;
  /** Functions with one caller of at most this size are inlined; -1 means no limit (default -1). */
  oneCallerInlineMaxSize: number;
  /** Allow inlining functions that contain loops (default false). */
  inlineFunctionsWithLoops: boolean;
  /** Optimize floats without preserving NaN payloads, signed zeros and rounding of reassociation. */
  fastMath: boolean;
  /** Assume no trap is ever reached (a semantic assumption: validation decides whether it holds). */
  trapsNeverHappen: boolean;
  /** Assume the first 1 KiB of memory is unused (allows address-offset folding). */
  lowMemoryUnused: boolean;
}

export type KnobName = keyof Knobs;

/** The range of each knob: what a search may choose, and what a user may set. */
export const KNOB_SPACE = {
  optimizeLevel: { kind: 'int', min: 0, max: 4, flag: '--optimize-level', description: 'optimization level (0–4)' },
  shrinkLevel: { kind: 'int', min: 0, max: 2, flag: '--shrink-level', description: 'shrink level (0–2)' },
  alwaysInlineMaxSize: { kind: 'int', min: 0, max: 64, flag: '--always-inline-max-function-size', description: 'always-inline max function size' },
  flexibleInlineMaxSize: { kind: 'int', min: 0, max: 1000, flag: '--flexible-inline-max-function-size', description: 'flexible-inline max function size' },
  oneCallerInlineMaxSize: { kind: 'int', min: -1, max: 10000, flag: '--one-caller-inline-max-function-size', description: 'one-caller inline max function size (-1: unlimited)' },
  inlineFunctionsWithLoops: { kind: 'bool', flag: '--inline-functions-with-loops', description: 'allow inlining functions with loops' },
  fastMath: { kind: 'bool', flag: '--fast-math', description: 'fast math (needs a harness tolerance to validate)' },
  trapsNeverHappen: { kind: 'bool', flag: '--traps-never-happen', description: 'assume traps never happen' },
  lowMemoryUnused: { kind: 'bool', flag: '--low-memory-unused', description: 'assume low memory (first 1 KiB) is unused' },
} as const satisfies Record<KnobName, { kind: 'int'; min: number; max: number; flag: string; description: string } | { kind: 'bool'; flag: string; description: string }>;

/** Binaryen's own defaults for the inlining knobs, and the levels of `-O` (which are `-Os`). */
export const DEFAULT_KNOBS: Readonly<Knobs> = Object.freeze({
  optimizeLevel: 2,
  shrinkLevel: 1,
  alwaysInlineMaxSize: 2,
  flexibleInlineMaxSize: 20,
  oneCallerInlineMaxSize: -1,
  inlineFunctionsWithLoops: false,
  fastMath: false,
  trapsNeverHappen: false,
  lowMemoryUnused: false,
});

/**
 * Pipeline steps: Binaryen's default optimization pipeline at fixed levels, exactly as the `wasm-opt`
 * flags of the same name run it. Each runs at its own levels; ordinary passes run at the recipe's
 * `optimizeLevel`/`shrinkLevel` (wasm-opt semantics: an -O flag records its levels when given, and the
 * last level setting applies to every other pass).
 */
export const PIPELINES = {
  '-O1': { optimizeLevel: 1, shrinkLevel: 0 },
  '-O2': { optimizeLevel: 2, shrinkLevel: 0 },
  '-O3': { optimizeLevel: 3, shrinkLevel: 0 },
  '-O4': { optimizeLevel: 4, shrinkLevel: 0 },
  '-Os': { optimizeLevel: 2, shrinkLevel: 1 },
  '-Oz': { optimizeLevel: 2, shrinkLevel: 2 },
} as const;
export type PipelineName = keyof typeof PIPELINES;
export function isPipeline(step: string): step is PipelineName {
  return Object.hasOwn(PIPELINES, step);
}

/**
 * A step's pass name and argument: `wt-unroll:4` → `{name: 'wt-unroll', arg: '4'}`. No Binaryen pass or
 * pipeline name contains a colon, so the split is unambiguous; the registry checks the argument.
 */
export function splitStep(step: string): { name: string; arg?: string } {
  const colon = step.indexOf(':');
  return colon < 0 ? { name: step } : { name: step.slice(0, colon), arg: step.slice(colon + 1) };
}

export interface Recipe {
  knobs: Knobs;
  /** Pass names from the catalog and/or pipeline steps ({@link PIPELINES}), in order. */
  passes: string[];
}

/** The named -O levels as wasm-opt defines them. */
export const OPT_LEVELS = {
  O0: { optimizeLevel: 0, shrinkLevel: 0 },
  O1: { optimizeLevel: 1, shrinkLevel: 0 },
  O2: { optimizeLevel: 2, shrinkLevel: 0 },
  O3: { optimizeLevel: 3, shrinkLevel: 0 },
  O4: { optimizeLevel: 4, shrinkLevel: 0 },
  Os: { optimizeLevel: 2, shrinkLevel: 1 },
  Oz: { optimizeLevel: 2, shrinkLevel: 2 },
} as const;
export type OptLevelName = keyof typeof OPT_LEVELS;
export const OPT_LEVEL_NAMES = Object.keys(OPT_LEVELS) as OptLevelName[];

/** The recipe of `wasm-opt -O<level>`: its levels and its pipeline (none for -O0). */
export function levelRecipe(level: OptLevelName): Recipe {
  return {
    knobs: { ...DEFAULT_KNOBS, ...OPT_LEVELS[level] },
    passes: level === 'O0' ? [] : [`-${level}`],
  };
}

/** Check a knob value, throwing a user error that says what is allowed. */
export function checkKnob(name: string, value: unknown): void {
  if (!(name in KNOB_SPACE)) {
    throw new WasmtuneError('E_UNKNOWN_KNOB', `Unknown knob '${name}'.${didYouMean(name, Object.keys(KNOB_SPACE))}`);
  }
  const space = KNOB_SPACE[name as KnobName];
  if (space.kind === 'bool') {
    if (typeof value !== 'boolean') throw new WasmtuneError('E_BAD_KNOB_VALUE', `Knob '${name}' must be true or false, got ${JSON.stringify(value)}.`);
  } else if (typeof value !== 'number' || !Number.isInteger(value) || value < space.min || value > space.max) {
    throw new WasmtuneError('E_BAD_KNOB_VALUE', `Knob '${name}' must be an integer in ${space.min}..${space.max}, got ${JSON.stringify(value)}.`);
  }
}

/**
 * Parse and check a recipe from JSON-compatible data. `checkStep` throws for a step that does not exist
 * (the pass registry's `getPass` does, with a suggestion or the reason a pass is excluded).
 */
export function parseRecipe(data: unknown, checkStep: (name: string) => unknown): Recipe {
  if (typeof data !== 'object' || data === null) throw new WasmtuneError('E_BAD_RECIPE', 'A recipe must be a JSON object with "knobs" and "passes".');
  const obj = data as { knobs?: unknown; passes?: unknown };
  const knobs: Knobs = { ...DEFAULT_KNOBS };
  if (obj.knobs !== undefined) {
    if (typeof obj.knobs !== 'object' || obj.knobs === null) throw new WasmtuneError('E_BAD_RECIPE', '"knobs" must be an object.');
    for (const [k, v] of Object.entries(obj.knobs)) {
      checkKnob(k, v);
      (knobs as unknown as Record<string, unknown>)[k] = v;
    }
  }
  if (!Array.isArray(obj.passes) || obj.passes.some((p) => typeof p !== 'string')) {
    throw new WasmtuneError('E_BAD_RECIPE', '"passes" must be an array of pass names.');
  }
  for (const p of obj.passes as string[]) checkStep(p);
  return { knobs, passes: [...(obj.passes as string[])] };
}

/** Canonical JSON (fixed key order), so equal recipes serialise and hash identically. */
export function recipeToJson(recipe: Recipe): { knobs: Knobs; passes: string[] } {
  const knobs = Object.fromEntries(
    (Object.keys(KNOB_SPACE) as KnobName[]).map((k) => [k, recipe.knobs[k]]),
  ) as unknown as Knobs;
  return { knobs, passes: [...recipe.passes] };
}

export function recipeHash(recipe: Recipe): string {
  return createHash('sha256').update(JSON.stringify(recipeToJson(recipe))).digest('hex').slice(0, 16);
}

export function recipesEqual(a: Recipe, b: Recipe): boolean {
  return JSON.stringify(recipeToJson(a)) === JSON.stringify(recipeToJson(b));
}

/** A short human-readable form: `O3/s0 fi=100 [-O, licm, vacuum]`. */
export function describeRecipe(recipe: Recipe): string {
  const k = recipe.knobs;
  const parts = [`O${k.optimizeLevel}s${k.shrinkLevel}`];
  for (const name of Object.keys(KNOB_SPACE) as KnobName[]) {
    if (name === 'optimizeLevel' || name === 'shrinkLevel') continue;
    if (k[name] !== DEFAULT_KNOBS[name]) parts.push(`${name}=${String(k[name])}`);
  }
  return `${parts.join(' ')} [${recipe.passes.join(', ')}]`;
}
