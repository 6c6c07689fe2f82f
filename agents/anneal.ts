/**
 * Simulated annealing over recipes, and hill climbing (the same at temperature 0).
 *
 * The first proposal is the initial point: the start recipe, or a random recipe. Each later proposal is
 * a neighbour of the current point: one mutation (insert / delete / swap / replace a pass, or change a
 * knob; agents/mutate.ts), avoiding recipes already proposed when it can. When a neighbour's record
 * arrives it replaces the current point if it is no worse, or, if worse by Δ = score − current, with
 * probability exp(−(Δ / |current|) / T): the change is taken relative to the current score, so one
 * temperature suits every objective (bytes or runtime ratios). The temperature is geometric:
 * T = t0 · alpha^k after k observations since the last (re)start. An invalid record is worst: never
 * accepted (and any valid record replaces an invalid current point).
 *
 * `restart` > 0: after that many evaluations without a new best, start again from a fresh random recipe
 * (extending the start recipe when there is one) at temperature t0 (0 = never).
 *
 * Inside a meta-technique, a shared record better than the current point becomes the current point (the
 * search moves to the better region another technique found).
 */
import { defineAgent, type Agent, type AgentContext } from '../src/search/agent.js';
import type { EvalRecord } from '../src/types.js';
import type { Recipe } from '../src/recipe/recipe.js';
import { randomRecipe } from '../src/search/space.js';
import { cloneRecipe, mutateUnseen, recipeKey, scoreOf } from './mutate.js';

export interface AnnealOptions {
  t0: number;
  alpha: number;
  restart: number;
}

export function createAnneal(ctx: AgentContext, options: AnnealOptions): Agent {
  const { rng, space } = ctx;
  const seen = new Set<string>();
  const fresh = (): Recipe => randomRecipe(rng, space, ctx.start);
  let current: Recipe = ctx.start ? cloneRecipe(ctx.start) : fresh();
  let currentScore = Infinity;
  /** The initial point of the current (re)start, until proposed; then its key, until observed. */
  let initial: Recipe | undefined = current;
  let initialKey: string | undefined;
  let steps = 0;
  let best = Infinity;
  let sinceBest = 0;

  const temperature = () => options.t0 * Math.pow(options.alpha, steps);

  function accept(score: number): boolean {
    if (score === Infinity) return false;
    if (score <= currentScore) return true;
    const t = temperature();
    if (!(t > 0)) return false;
    const rel = (score - currentScore) / (Math.abs(currentScore) || 1);
    return rng() < Math.exp(-rel / t);
  }

  return {
    propose() {
      let r: Recipe;
      if (initial) {
        r = initial;
        initial = undefined;
        initialKey = recipeKey(r);
      } else r = mutateUnseen(rng, space, current, seen);
      seen.add(recipeKey(r));
      return r;
    },
    observe(record: EvalRecord) {
      const score = scoreOf(record);
      if (initialKey !== undefined && recipeKey(record.recipe) === initialKey) {
        // The point we (re)started from: it becomes current whatever it scored.
        initialKey = undefined;
        current = cloneRecipe(record.recipe);
        currentScore = score;
      } else {
        if (accept(score)) {
          current = cloneRecipe(record.recipe);
          currentScore = score;
        }
        steps++;
      }
      if (score < best) {
        best = score;
        sinceBest = 0;
      } else if (options.restart > 0 && ++sinceBest >= options.restart) {
        sinceBest = 0;
        steps = 0;
        current = fresh();
        currentScore = Infinity;
        initial = current;
        initialKey = undefined;
      }
    },
    share(record: EvalRecord) {
      const score = scoreOf(record);
      seen.add(recipeKey(record.recipe));
      if (score >= currentScore) return;
      current = cloneRecipe(record.recipe);
      currentScore = score;
      if (score < best) {
        best = score;
        sinceBest = 0;
      }
    },
  };
}

export const anneal = defineAgent({
  name: 'anneal',
  description:
    'simulated annealing: one mutation at a time, worse accepted with exp(-(Δ/current)/T), T = t0·alpha^k; restart = evaluations without a new best before a random restart (0 = never)',
  defaults: { t0: 0.05, alpha: 0.98, restart: 0 },
  create: (ctx, options) => createAnneal(ctx, options),
});

export const hill = defineAgent({
  name: 'hill',
  description:
    'hill climbing (annealing at T = 0): one mutation at a time, kept when no worse; restart = evaluations without a new best before a random restart (0 = never)',
  defaults: { restart: 50 },
  create: (ctx, options) => createAnneal(ctx, { t0: 0, alpha: 1, restart: options.restart }),
});
