/**
 * Sweep, then climb: screen the whole catalog in groups first, then search locally around the best.
 *
 * Phase 1, the sweep. Most passes are neutral on a given module, and a few enable large gains (a pass of
 * our own that moves a stack frame into locals, an inlining decision) but only when a pipeline cleans
 * up after them. Random search finds such a pass by chance: at a budget of tens of evaluations, whether
 * it happened to draw the pass before a pipeline decides much of the result, and seeds differ a lot. The
 * sweep tests passes in groups, as group screening does: each proposal is `group` passes drawn *without
 * replacement* from a shuffled deck of the catalog (refilled when empty), followed by a pipeline, itself
 * drawn from a shuffled deck of the pipelines; knobs stay at the base values. One pass over the deck
 * (⌈passes / group⌉ proposals) puts every pass of the catalog before a cleanup pipeline once, whatever
 * the seed. `sweeps` sets how many passes over the deck are made (each in a new random grouping).
 *
 * Phase 2, the climb. From the best recipe found so far, one mutation at a time (insert / delete /
 * swap / replace a step, change a knob; agents/mutate.ts), kept when no worse, as hill climbing; after
 * `patience` evaluations without a new best it sweeps one more deck pass and climbs again from the best.
 * Deleting steps from a sweep winner is how the climb sheds the passes of a group that did not help.
 *
 * With a start recipe, the start recipe is proposed first and every sweep proposal extends it (the group
 * and pipeline come after its passes; its knobs are the base). Inside a meta-technique, a shared record
 * better than the current point becomes the current point.
 *
 * Batches. The sweep's proposals do not depend on results, so they are handed out together (up to 16 at a
 * time); the climb proposes `neighbours` mutations of the current point at once, and observing them in
 * proposal order moves the current point to each one that is no worse. The loop evaluates a batch in parallel.
 *
 * Cost. A candidate stopped as `too-slow` in its build names the prefix of steps that was too slow; the
 * climb never proposes a recipe that starts with such a prefix (with the same knobs), and a sweep proposal
 * that does is drawn again.
 */
import { defineAgent, proposeFromBatches, type Agent, type AgentContext } from '../src/search/agent.js';
import type { EvalRecord } from '../src/types.js';
import type { Recipe } from '../src/recipe/recipe.js';
import { expandStep } from '../src/passes/registry.js';
import { cloneRecipe, emptyRecipe, mutateUnseen, recipeKey, scoreOf, shuffle } from './mutate.js';

export interface SweepOptions {
  group: number;
  sweeps: number;
  patience: number;
  neighbours: number;
}

/** Most sweep proposals handed out in one batch. */
const SWEEP_BATCH = 16;

export function createSweep(ctx: AgentContext, options: SweepOptions): Agent {
  const { rng, space } = ctx;
  const base = ctx.start ? cloneRecipe(ctx.start) : emptyRecipe();
  const group = Math.max(1, Math.round(options.group));
  const patience = Math.max(1, Math.round(options.patience));
  const neighbours = Math.max(1, Math.round(options.neighbours));
  const seen = new Set<string>();
  let passDeck: string[] = [];
  let pipeDeck: string[] = [];
  const draw = <T>(deck: T[], all: readonly T[]): T | undefined => {
    if (!deck.length) deck.push(...shuffle(rng, [...all]));
    return deck.pop();
  };

  /** Proposals left in the current sweep. */
  const perSweep = Math.max(1, Math.ceil(space.passes.length / group));
  let sweepLeft = perSweep * Math.max(0, Math.round(options.sweeps));
  let first: Recipe | undefined = ctx.start ? cloneRecipe(ctx.start) : undefined;
  let current: Recipe | undefined;
  let currentScore = Infinity;
  let best = Infinity;
  let sinceBest = 0;

  function sweepRecipe(): Recipe {
    const passes = [...base.passes];
    for (let i = 0; i < group; i++) {
      const p = draw(passDeck, space.passes);
      if (p === undefined) break;
      const steps = expandStep(p);
      if (passes.length + steps.length + 1 > space.maxLength) break;
      passes.push(...steps);
    }
    const pipe = draw(pipeDeck, space.pipelines);
    if (pipe !== undefined && passes.length < space.maxLength) passes.push(pipe);
    return { knobs: { ...base.knobs }, passes };
  }

  /** Prefixes found too slow to build, with their knobs. */
  const slow: Recipe[] = [];
  const isSlow = (r: Recipe) =>
    slow.some((p) => recipeKey({ knobs: p.knobs, passes: [] }) === recipeKey({ knobs: r.knobs, passes: [] }) && p.passes.length <= r.passes.length && p.passes.every((s, i) => r.passes[i] === s));
  const avoid = (r: Recipe) => seen.has(recipeKey(r)) || isSlow(r);

  function adopt(recipe: Recipe, score: number): void {
    if (score <= currentScore && score < Infinity) {
      current = cloneRecipe(recipe);
      currentScore = score;
    }
  }

  function ask(): Recipe[] {
    const out: Recipe[] = [];
    const take = (r: Recipe) => {
      seen.add(recipeKey(r));
      out.push(r);
    };
    if (first) {
      take(first);
      first = undefined;
    } else if (sweepLeft > 0 || !current) {
      const n = sweepLeft > 0 ? Math.min(sweepLeft, SWEEP_BATCH) : 1;
      sweepLeft -= Math.min(sweepLeft, n);
      for (let j = 0; j < n; j++) {
        let r = sweepRecipe();
        for (let i = 0; i < 4 && avoid(r); i++) r = sweepRecipe();
        take(r);
      }
    } else {
      const from = current;
      for (let j = 0; j < neighbours; j++) {
        let r = mutateUnseen(rng, space, from, seen);
        for (let i = 0; i < 4 && isSlow(r); i++) r = mutateUnseen(rng, space, from, seen);
        take(r);
      }
    }
    return out;
  }

  return {
    ask,
    propose: proposeFromBatches(ask),
    observe(record: EvalRecord) {
      const score = scoreOf(record);
      if (record.state === 'invalid' && record.slowPrefix !== undefined) slow.push({ knobs: { ...record.recipe.knobs }, passes: record.recipe.passes.slice(0, record.slowPrefix) });
      adopt(record.recipe, score);
      if (score < best) {
        best = score;
        sinceBest = 0;
      } else if (sweepLeft === 0 && ++sinceBest >= patience) {
        sinceBest = 0;
        sweepLeft = perSweep;
      }
    },
    share(record: EvalRecord) {
      seen.add(recipeKey(record.recipe));
      const score = scoreOf(record);
      adopt(record.recipe, score);
      if (score < best) {
        best = score;
        sinceBest = 0;
      }
    },
  };
}

export const sweep = defineAgent({
  name: 'sweep',
  description:
    'group screening, then hill climbing: every catalog pass once in groups of `group` before a pipeline (per sweep), then `neighbours` mutations at a time of the best; another sweep after `patience` evaluations without a new best; never a prefix found too slow',
  defaults: { group: 8, sweeps: 1, patience: 15, neighbours: 4 },
  create: (ctx, options) => createSweep(ctx, options),
});
