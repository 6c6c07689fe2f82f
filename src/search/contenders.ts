/**
 * Contenders: fixed recipes a search evaluates beside the -O levels, outside its budget, because they are
 * known to win where they apply and an agent's budget rarely finds them. Like a baseline, a contender
 * competes with the agent's candidates and names the best when nothing beats it (`origin`).
 *
 * A contender runs only where the search space allows every one of its steps and knobs: `--no-simd`, an
 * exclusion, or a harness without a float tolerance (no fast-math) leaves out the contenders that need
 * them. A contender is a whole-module recipe, in a per-function search too: it competes there with the
 * candidates that split the module, as another way to build it.
 */
import { WasmtuneError, didYouMean } from '../errors.js';
import { usesRuntime, type ObjectiveSpec } from '../evaluate/objective.js';
import { levelRecipe, type Knobs, type Recipe } from '../recipe/recipe.js';
import type { SearchSpace } from './space.js';

export interface ContenderInfo {
  readonly description: string;
  /** Its steps, in order (-O3's first). */
  readonly passes: readonly string[];
  /** Knobs set on top of -O3's. */
  readonly knobs?: Partial<Knobs>;
}

/**
 * The SIMD chains: -O3, then unrolled loops rolled back so that wt-vectorize takes them, the loops
 * vectorized, and straight-line groups packed. On the 21 clang -O2 builds of bench/simd and the suite
 * they made the fastest module of 11 (bench/simd/vectorize-results.md).
 */
export const CONTENDERS = {
  simd: {
    description: '-O3, then loops rolled back (wt-reroll), vectorized (wt-vectorize:1) and straight-line groups packed (wt-slp)',
    passes: ['-O3', 'wt-reroll', 'wt-vectorize:1', 'wt-slp'],
  },
  'simd-fast': {
    description: 'the simd contender with float sums, dot products, min and max reassociated (wt-vectorize-fast:1, fast-math): only where the harness declares a tolerance',
    passes: ['-O3', 'wt-reroll', 'wt-vectorize-fast:1', 'wt-slp'],
    knobs: { fastMath: true },
  },
} as const satisfies Record<string, ContenderInfo>;

export type ContenderName = keyof typeof CONTENDERS;
export const CONTENDER_NAMES = Object.keys(CONTENDERS) as ContenderName[];

/**
 * Which contenders a search evaluates: `auto`, every contender its space allows when the objective has
 * runtime (they add code, so a size search has nothing to gain from them); a list, those named, each of
 * which the space must allow (else E_USAGE, with the reason).
 */
export type ContenderChoice = 'auto' | readonly ContenderName[];

/** `--contenders`: `auto`, `none`, or names separated by commas. */
export function parseContenders(text: string): ContenderChoice {
  if (text === 'auto') return 'auto';
  if (text === 'none') return [];
  const names = text.split(',').map((x) => x.trim()).filter(Boolean);
  if (!names.length) throw new WasmtuneError('E_USAGE', `--contenders takes auto, none or names (${CONTENDER_NAMES.join(', ')}), not '${text}'.`);
  for (const n of names) {
    if (!(CONTENDER_NAMES as readonly string[]).includes(n)) {
      throw new WasmtuneError('E_USAGE', `--contenders: no contender '${n}' (there are ${CONTENDER_NAMES.join(', ')}; or auto, none).${didYouMean(n, CONTENDER_NAMES)}`);
    }
  }
  return [...new Set(names)] as ContenderName[];
}

/** A contender's recipe: -O3's knobs with its own, and its passes. */
export function contenderRecipe(name: ContenderName): Recipe {
  const c: ContenderInfo = CONTENDERS[name];
  return { knobs: { ...levelRecipe('O3').knobs, ...c.knobs }, passes: [...c.passes] };
}

/** Why the space does not allow the recipe (undefined: it does). */
function refusal(recipe: Recipe, space: SearchSpace): string | undefined {
  const steps = new Set([...space.passes, ...space.pipelines]);
  const missing = recipe.passes.filter((p) => !steps.has(p));
  if (missing.length) return `the search space has no ${missing.map((p) => `'${p}'`).join(', ')}`;
  const base = levelRecipe('O3').knobs;
  const knobs = (Object.keys(recipe.knobs) as Array<keyof Knobs>).filter((k) => recipe.knobs[k] !== base[k] && !space.knobs.includes(k));
  if (knobs.length) return `the search space does not allow the knob${knobs.length > 1 ? 's' : ''} ${knobs.join(', ')}`;
  return undefined;
}

/**
 * The contenders of a search with this (whole-module) space and objective, in registry order.
 */
export function contendersFor(choice: ContenderChoice, space: SearchSpace, spec: ObjectiveSpec): Array<{ name: ContenderName; recipe: Recipe }> {
  if (choice === 'auto') {
    if (!usesRuntime(spec)) return [];
    return CONTENDER_NAMES.map((name) => ({ name, recipe: contenderRecipe(name) })).filter((c) => refusal(c.recipe, space) === undefined);
  }
  return CONTENDER_NAMES.filter((n) => choice.includes(n)).map((name) => {
    const recipe = contenderRecipe(name);
    const why = refusal(recipe, space);
    if (why) throw new WasmtuneError('E_USAGE', `The contender '${name}' cannot run in this search: ${why}${name === 'simd-fast' ? ' (fast-math needs a harness with a float tolerance)' : ''}.`);
    return { name, recipe };
  });
}

const isContender = (origin: string) => (CONTENDER_NAMES as readonly string[]).includes(origin);

/** An origin as tables print it: `agent`, an -O level with its dash (`-O3`), a contender by name. */
export function originLabel(origin: string): string {
  return origin === 'agent' || isContender(origin) ? origin : `-${origin}`;
}

/** An origin as a sentence names it: `the agent`, `the -O3 baseline`, `the simd contender`. */
export function originName(origin: string): string {
  if (origin === 'agent') return 'the agent';
  return isContender(origin) ? `the ${origin} contender` : `the -${origin} baseline`;
}
