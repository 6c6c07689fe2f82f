/**
 * The search space: which steps and knob values an agent may propose, with the random draws and
 * mutations agents share. Everything takes the RNG explicitly, so proposals depend only on the seed.
 */
import { DEFAULT_KNOBS, KNOB_SPACE, PIPELINES, type KnobName, type Knobs, type Recipe } from '../recipe/recipe.js';
import { PASSES, expandStep, type PassRequirement } from '../passes/registry.js';
import { STEP_COSTS, type StepCosts } from '../passes/cost.js';
import { WasmtuneError, didYouMean } from '../errors.js';

export type Rng = () => number;

export interface SearchSpace {
  /** Ordinary passes an agent may insert (catalog order). */
  passes: readonly string[];
  /** Pipeline steps (-O1 … -Oz). */
  pipelines: readonly string[];
  /** Longest recipe a random draw produces (steps). */
  maxLength: number;
  /** Knobs an agent may change; the others stay at their defaults (or the start recipe's values). */
  knobs: readonly KnobName[];
  /**
   * What each step costs to build, measured (src/passes/cost.ts): a step's CPU time as a ratio to an -O3
   * build of the same module, on flat IR or not (`cost.step`), a recipe's (`cost.recipe`), and whether a
   * step is expensive (`cost.expensive`, from `cost.expensiveRatio` on). Proposals do not depend on it.
   */
  cost: StepCosts;
}

export interface SpaceOptions {
  /** Allow the fast-math knob (only meaningful when the harness declares a float tolerance). */
  fastMath?: boolean;
  /** Allow the traps-never-happen knob (an assumption about the program; opt-in). */
  trapsNeverHappen?: boolean;
  /** Allow the low-memory-unused knob and the passes that need it (an assumption; opt-in). */
  lowMemoryUnused?: boolean;
  maxLength?: number;
  /**
   * Allow steps that add SIMD instructions (wt-vectorize…; default true). False keeps every candidate
   * runnable on engines without Wasm SIMD (`wasmtune tune --no-simd`).
   */
  simd?: boolean;
  /**
   * Steps the search never proposes: a step (`licm`, `wt-unroll:8`, `-O4`), or a parameterised pass
   * (`wt-unroll`), which excludes every value. Excluding every pass of our own (the keys of
   * CUSTOM_PASSES in src/passes/custom/index.ts) gives Binaryen's space alone.
   */
  exclude?: readonly string[];
}

/** The exclusion set of {@link SpaceOptions.exclude}, checked: an unknown name is a user error. */
function exclusions(names: readonly string[]): ReadonlySet<string> {
  const params = new Set([...PASSES.values()].flatMap((p) => (p.param ? [p.param.pass] : [])));
  for (const n of names) {
    if (!PASSES.has(n) && !params.has(n)) {
      throw new WasmtuneError('E_UNKNOWN_PASS', `Cannot exclude '${n}': no such step.${didYouMean(n, [...PASSES.keys(), ...params])}`);
    }
  }
  return new Set(names);
}

export function defaultSpace(opts: SpaceOptions = {}): SearchSpace {
  const excluded = exclusions(opts.exclude ?? []);
  // Which of the requirements a pass may declare this space meets (a recipe meets `flat` by itself).
  const met: Record<PassRequirement, boolean> = {
    flat: true,
    // An assumption about the program: only when the user made it.
    'low-memory-unused': Boolean(opts.lowMemoryUnused),
    simd: opts.simd ?? true,
    // Float reassociation: only where the harness declares a tolerance.
    'fast-math': Boolean(opts.fastMath),
  };
  const passes = [...PASSES.values()]
    .filter((p) => p.origin !== 'pipeline')
    .filter((p) => (p.requires ?? []).every((r) => met[r]))
    .filter((p) => !excluded.has(p.name) && !(p.param && excluded.has(p.param.pass)))
    .map((p) => p.name);
  const pipelines = Object.keys(PIPELINES).filter((n) => !excluded.has(n));
  // Draws pick from both lists: neither may be empty.
  if (!passes.length || !pipelines.length) throw new WasmtuneError('E_USAGE', `The exclusions leave no ${passes.length ? 'pipeline' : 'pass'} to propose.`);
  const knobs = (Object.keys(KNOB_SPACE) as KnobName[]).filter(
    (k) => (k !== 'fastMath' || opts.fastMath) && (k !== 'trapsNeverHappen' || opts.trapsNeverHappen) && (k !== 'lowMemoryUnused' || opts.lowMemoryUnused),
  );
  return { passes, pipelines, maxLength: opts.maxLength ?? 24, knobs, cost: STEP_COSTS };
}

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Values worth trying for integer knobs: the defaults' neighbourhood and a few larger steps. */
export const KNOB_CHOICES: Partial<Record<KnobName, readonly number[]>> = {
  alwaysInlineMaxSize: [0, 2, 4, 8, 16, 32],
  flexibleInlineMaxSize: [0, 10, 20, 40, 80, 150, 300, 600],
  oneCallerInlineMaxSize: [-1, 0, 10, 50, 200, 1000],
};

export function randomKnobValue(rng: Rng, k: KnobName): number | boolean {
  const space = KNOB_SPACE[k];
  if (space.kind === 'bool') return rng() < 0.5;
  const choices = KNOB_CHOICES[k];
  return choices ? pick(rng, choices) : randInt(rng, space.min, space.max);
}

export function randomKnobs(rng: Rng, space: SearchSpace, base: Knobs = DEFAULT_KNOBS): Knobs {
  const knobs = { ...base };
  for (const k of space.knobs) {
    // Each knob keeps its base value half the time, so defaults stay common.
    if (rng() < 0.5) (knobs as Record<KnobName, number | boolean>)[k] = randomKnobValue(rng, k);
  }
  return knobs;
}

/** One random step: a pass (with `flatten` when it needs flat IR), or now and then a pipeline. */
export function randomStep(rng: Rng, space: SearchSpace): string[] {
  if (rng() < 0.1) return [pick(rng, space.pipelines)];
  return expandStep(pick(rng, space.passes));
}

/** A random recipe: random knobs; often a pipeline first; then 1…maxLength random steps. */
export function randomRecipe(rng: Rng, space: SearchSpace, base?: Recipe): Recipe {
  const knobs = randomKnobs(rng, space, base?.knobs);
  const passes: string[] = base ? [...base.passes] : rng() < 0.5 ? [pick(rng, space.pipelines)] : [];
  const n = randInt(rng, 1, Math.max(1, Math.floor(space.maxLength / 2)));
  for (let i = 0; i < n && passes.length < space.maxLength; i++) passes.push(...randomStep(rng, space));
  if (rng() < 0.3) passes.push(pick(rng, space.pipelines));
  return { knobs, passes };
}
