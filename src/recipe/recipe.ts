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
  /**
   * Pass names from the catalog and/or pipeline steps ({@link PIPELINES}), in order. A step written
   * `group/step` (`hot/licm`, `rest/-Oz`) runs on one group of functions only ({@link functions}).
   */
  passes: string[];
  /**
   * Function groups, for per-function recipes: group name → the names of its functions, as Binaryen
   * names them when it reads the input module (from its name section; see `wasmtune profile`). The
   * group {@link REST_GROUP} is implicit: every function of the module in no other group, at the time its
   * step runs. Groups are disjoint. Absent in a whole-module recipe.
   */
  functions?: Record<string, string[]>;
}

/** The implicit function group: every function named by no other group. */
export const REST_GROUP = 'rest';
const GROUP_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * A step's function group and the step itself: `hot/licm` → `{group: 'hot', step: 'licm'}`; a
 * whole-module step has no group. No pass name contains a slash.
 */
export function splitGroup(step: string): { group?: string; step: string } {
  const slash = step.indexOf('/');
  return slash < 0 ? { step } : { group: step.slice(0, slash), step: step.slice(slash + 1) };
}

/** The group a step runs on, or undefined for a whole-module step. */
export function groupOf(step: string): string | undefined {
  return splitGroup(step).group;
}

/** Whether a recipe runs any step on a group of functions (a per-function recipe). */
export function isPerFunction(recipe: Recipe): boolean {
  return recipe.passes.some((s) => s.includes('/'));
}

/** The function groups a recipe's steps use, with their functions (`rest` has none listed). */
export function groupNames(recipe: Recipe): string[] {
  return [...new Set(recipe.passes.flatMap((s) => groupOf(s) ?? []))];
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
export function parseRecipe(data: unknown, checkStep: (name: string) => unknown, resolveFunction?: (index: number) => string): Recipe {
  if (typeof data !== 'object' || data === null) throw new WasmtuneError('E_BAD_RECIPE', 'A recipe must be a JSON object with "knobs" and "passes" (and "functions" for a per-function recipe).');
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
  const functions = parseFunctions((data as { functions?: unknown }).functions, resolveFunction);
  const recipe: Recipe = { knobs, passes: [...(obj.passes as string[])], ...(functions ? { functions } : {}) };
  checkGroups(recipe);
  return recipe;
}

/**
 * A recipe's `functions`: group name → function names. A number stands for the function at that index
 * of the module (imports included), which `resolveFunction` turns into its name; without a resolver a
 * number is an error.
 */
function parseFunctions(data: unknown, resolveFunction?: (index: number) => string): Record<string, string[]> | undefined {
  if (data === undefined) return undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new WasmtuneError('E_BAD_RECIPE', '"functions" must be an object: group name → list of function names (or indices).');
  }
  const out: Record<string, string[]> = {};
  for (const [group, list] of Object.entries(data)) {
    if (!Array.isArray(list) || !list.every((f) => typeof f === 'string' || (typeof f === 'number' && Number.isInteger(f) && f >= 0))) {
      throw new WasmtuneError('E_BAD_RECIPE', `"functions.${group}" must be a list of function names or indices.`);
    }
    out[group] = list.map((f) => {
      if (typeof f === 'string') return f;
      if (!resolveFunction) throw new WasmtuneError('E_BAD_RECIPE', `"functions.${group}" names function ${f} by its index; indices are resolved against a module, and none is given here.`);
      return resolveFunction(f);
    });
  }
  return out;
}

/**
 * The rules of function groups: group names are lower-case identifiers; `rest` is implicit and never
 * listed; every group a step uses is defined (or is `rest`); groups are disjoint and not empty; a group
 * step is a function-level step. Throws E_BAD_RECIPE.
 */
export function checkGroups(recipe: Recipe): void {
  const bad = (msg: string) => new WasmtuneError('E_BAD_RECIPE', msg);
  const defined = recipe.functions ?? {};
  const owner = new Map<string, string>();
  for (const [group, names] of Object.entries(defined)) {
    if (!GROUP_NAME.test(group)) throw bad(`Function group '${group}' must be a lower-case name (letters, digits, '-'), as in "hot".`);
    if (group === REST_GROUP) throw bad(`Function group '${REST_GROUP}' is implicit (every function in no other group) and is not listed in "functions".`);
    if (!names.length) throw bad(`Function group '${group}' is empty.`);
    for (const f of names) {
      const other = owner.get(f);
      if (other !== undefined) throw bad(`Function '${f}' is in two groups, '${other}' and '${group}': groups are disjoint.`);
      owner.set(f, group);
    }
  }
  for (const step of recipe.passes) {
    const { group, step: inner } = splitGroup(step);
    if (group === undefined) continue;
    if (!inner) throw bad(`Step '${step}' names group '${group}' but no step.`);
    if (group !== REST_GROUP && !Object.hasOwn(defined, group)) {
      throw bad(`Step '${step}' runs on function group '${group}', which "functions" does not define.${didYouMean(group, [...Object.keys(defined), REST_GROUP])}`);
    }
  }
}

/**
 * Canonical JSON (fixed key order; groups and their functions sorted), so equal recipes serialise and
 * hash identically. A whole-module recipe has no `functions` key, so its hash is what it always was.
 */
export function recipeToJson(recipe: Recipe): { knobs: Knobs; passes: string[]; functions?: Record<string, string[]> } {
  const knobs = Object.fromEntries(
    (Object.keys(KNOB_SPACE) as KnobName[]).map((k) => [k, recipe.knobs[k]]),
  ) as unknown as Knobs;
  const functions = recipe.functions && Object.keys(recipe.functions).length
    ? Object.fromEntries(Object.keys(recipe.functions).sort().map((g) => [g, [...recipe.functions![g]!].sort()]))
    : undefined;
  return { knobs, passes: [...recipe.passes], ...(functions ? { functions } : {}) };
}

/**
 * What a recipe's steps run under besides the steps themselves: its knobs and its function groups. Two
 * recipes with the same context and the same first k steps have the same module after step k.
 */
export function recipeContext(recipe: Recipe): string {
  const { knobs, functions } = recipeToJson(recipe);
  return JSON.stringify(functions ? [knobs, functions] : [knobs]);
}

/**
 * The context of a recipe's first `steps` steps: {@link recipeContext} without the optimize and shrink
 * levels when every one of those steps is a pipeline (on the module or on a group), since a pipeline runs
 * at its own levels and a cut point writes no Stack IR. So a per-function search whose agent changes
 * the levels still finds the whole-module `-Oz` it starts with in the prefix cache.
 */
export function prefixContext(recipe: Recipe, steps: number): string {
  const prefix = recipe.passes.slice(0, steps);
  if (!prefix.length || !prefix.every((s) => isPipeline(splitGroup(s).step))) return recipeContext(recipe);
  const { knobs, functions } = recipeToJson(recipe);
  const { optimizeLevel: _o, shrinkLevel: _s, ...rest } = knobs;
  return JSON.stringify(functions ? [rest, functions] : [rest]);
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
  const groups = Object.entries(recipeToJson(recipe).functions ?? {}).map(([g, fs]) => ` ${g}=${fs.length} function${fs.length === 1 ? '' : 's'}`).join('');
  return `${parts.join(' ')}${groups} [${recipe.passes.join(', ')}]`;
}
