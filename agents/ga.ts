/**
 * A genetic algorithm over pass sequences (generational, with elitism).
 *
 * Generation 0 is `population` recipes: the start recipe (when given) and random recipes (extending the
 * start recipe when given). Each next generation keeps the `elite` best individuals as they are (not
 * re-evaluated) and fills the rest with children: two parents chosen by tournament selection (the best
 * of `tournament` individuals drawn with replacement), an order-aware crossover of their pass sequences
 * with probability `crossoverRate` (else a copy of the first parent), uniform crossover of their knobs,
 * then one mutation (insert / delete / swap / replace a pass, or change a knob) with probability
 * `mutationRate`. A child equal to a recipe already proposed is mutated again (a few tries), so the
 * budget goes to new recipes. Invalid records score worst.
 *
 * Crossovers (agents/mutate.ts explains how they work on sequences with repeats): `ga` uses order
 * crossover OX1 by default (option `crossover`), `ga-pmx` partially mapped crossover.
 *
 * Ask/tell: a generation's new individuals are queued and proposed one by one; the next generation is
 * bred once all of them have been observed. Inside a meta-technique, a shared record better than every
 * individual of the last bred population joins the generation being evaluated (an immigrant).
 */
import { defineAgent, type Agent, type AgentContext } from '../src/search/agent.js';
import type { EvalRecord } from '../src/types.js';
import { WasmtuneError } from '../src/errors.js';
import type { Recipe } from '../src/recipe/recipe.js';
import { randInt, randomRecipe } from '../src/search/space.js';
import { CROSSOVERS, cloneRecipe, crossover, mutate, Pending, recipeKey, scoreOf, type CrossoverKind } from './mutate.js';

export interface GaOptions {
  population: number;
  elite: number;
  tournament: number;
  crossoverRate: number;
  mutationRate: number;
  crossover: string;
}

interface Individual {
  recipe: Recipe;
  score: number;
}

export function createGa(ctx: AgentContext, options: GaOptions): Agent {
  const { rng, space } = ctx;
  const kind = options.crossover as CrossoverKind;
  if (!CROSSOVERS.includes(kind)) {
    throw new WasmtuneError('E_USAGE', `Agent option 'crossover' must be one of ${CROSSOVERS.join(', ')}, got '${options.crossover}'.`);
  }
  const size = Math.max(2, Math.round(options.population));
  const elite = Math.min(Math.max(0, Math.round(options.elite)), size - 1);
  const tsize = Math.max(1, Math.round(options.tournament));
  const seen = new Set<string>();

  /** The evaluated population the next generation is bred from. */
  let population: Individual[] = [];
  /** The generation being evaluated: its elites (already scored) and its new individuals. */
  let next: Individual[] = [];
  let queue: Recipe[] = [];
  const pending = new Pending<number>();

  const unseen = (r: Recipe): Recipe => {
    for (let i = 0; i < 8 && seen.has(recipeKey(r)); i++) r = mutate(rng, space, r);
    return r;
  };

  // Generation 0.
  if (ctx.start) queue.push(cloneRecipe(ctx.start));
  for (const r of queue) seen.add(recipeKey(r));
  while (queue.length < size) {
    const r = unseenRandom();
    seen.add(recipeKey(r));
    queue.push(r);
  }

  function unseenRandom(): Recipe {
    let r = randomRecipe(rng, space, ctx.start);
    for (let i = 0; i < 8 && seen.has(recipeKey(r)); i++) r = randomRecipe(rng, space, ctx.start);
    return r;
  }

  function select(): Individual {
    let best: Individual | undefined;
    for (let i = 0; i < tsize; i++) {
      const c = population[randInt(rng, 0, population.length - 1)]!;
      if (!best || c.score < best.score) best = c;
    }
    return best!;
  }

  function child(): Recipe {
    if (!population.length) return unseenRandom();
    const a = select();
    const b = select();
    let r = rng() < options.crossoverRate ? crossover(rng, space, a.recipe, b.recipe, kind) : cloneRecipe(a.recipe);
    if (rng() < options.mutationRate) r = mutate(rng, space, r);
    return unseen(r);
  }

  function breed(): void {
    population = next;
    // Stable sort: ties keep generation order, so selection stays deterministic.
    const ranked = [...population].sort((x, y) => x.score - y.score);
    next = ranked.slice(0, elite).map((x) => ({ ...x }));
    queue = [];
    while (next.length + queue.length < size) {
      const r = child();
      seen.add(recipeKey(r));
      queue.push(r);
    }
  }

  let slot = 0;
  return {
    /** The generation's new individuals, all bred from the same population: evaluated in parallel. */
    ask() {
      const out: Recipe[] = [];
      do {
        const r = queue.shift() ?? child();
        seen.add(recipeKey(r));
        pending.add(r, slot++);
        out.push(r);
      } while (queue.length);
      return out;
    },
    propose() {
      let r = queue.shift();
      if (!r) {
        // Asked while the generation's last observations are outstanding (not in the sequential loop):
        // propose an extra child of the previous population, which joins this generation.
        r = child();
        seen.add(recipeKey(r));
      }
      pending.add(r, slot++);
      return r;
    },
    observe(record: EvalRecord) {
      if (pending.take(record) === undefined) return;
      next.push({ recipe: record.recipe, score: scoreOf(record) });
      if (!queue.length && pending.size === 0) breed();
    },
    share(record: EvalRecord) {
      const score = scoreOf(record);
      seen.add(recipeKey(record.recipe));
      if (score === Infinity || population.some((x) => x.score <= score) || next.some((x) => x.score <= score)) return;
      next.push({ recipe: cloneRecipe(record.recipe), score });
    },
  };
}

const GA_DEFAULTS = { population: 16, elite: 2, tournament: 3, crossoverRate: 0.9, mutationRate: 0.3 };
const describe = (what: string) =>
  `genetic algorithm (${what}): tournament selection, elitism, uniform knob crossover, one mutation with probability mutationRate`;

export const ga = defineAgent({
  name: 'ga',
  description: describe('crossover = ox1 | pmx'),
  defaults: { ...GA_DEFAULTS, crossover: 'ox1' },
  create: (ctx, options) => createGa(ctx, options),
});

export const gaPmx = defineAgent({
  name: 'ga-pmx',
  description: describe('partially mapped crossover PMX'),
  defaults: GA_DEFAULTS,
  create: (ctx, options) => createGa(ctx, { ...options, crossover: 'pmx' }),
});
