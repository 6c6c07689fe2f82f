/**
 * Greedy construction (as CompilerGym's greedy agent): from the current recipe (the start recipe, or no
 * passes at default knobs) try every single-step extension — append each pass of the space (with its
 * `flatten` when it needs flat IR), append each pipeline, and set each knob of the space to each of its
 * other values — and keep the best if it beats the current recipe; repeat. It stops (proposes nothing
 * more) when a whole sweep finds no improvement or after `maxSteps` accepted steps.
 *
 * Ask/tell: a sweep's candidates are queued and proposed one by one; the decision waits until every
 * candidate of the sweep has been observed. The first proposal is the current recipe itself, to know
 * the score to beat. A sweep is proposed in an order shuffled with the RNG (`shuffle`, default on), so a
 * budget smaller than a sweep still samples the whole neighbourhood, and different seeds differ.
 * Candidates already evaluated (e.g. setting a knob back) are skipped; appends that would exceed the
 * space's maxLength are skipped. Invalid records score worst. Ties keep the earlier candidate.
 */
import { defineAgent } from '../src/search/agent.js';
import type { EvalRecord } from '../src/types.js';
import type { Recipe } from '../src/recipe/recipe.js';
import { appendStep, cloneRecipe, emptyRecipe, knobChoices, Pending, recipeKey, scoreOf, shuffle } from './mutate.js';

export const greedy = defineAgent({
  name: 'greedy',
  description:
    'greedy: try every one-step extension (each pass, each pipeline, each knob value), keep the best while it improves; stops after a sweep without improvement or maxSteps accepted steps',
  defaults: { maxSteps: 20, shuffle: true },
  create(ctx, options) {
    const { rng, space } = ctx;
    const seen = new Set<string>();
    let current: Recipe = ctx.start ? cloneRecipe(ctx.start) : emptyRecipe();
    let currentScore = Infinity;
    let steps = 0;
    let done = false;
    /** Proposed, not yet observed (tag: candidate index in the sweep, -1 for the initial recipe). */
    const pending = new Pending<number>();
    /** Observed candidates of the running sweep. */
    let results: Array<{ recipe: Recipe; score: number; index: number }> = [];
    let index = 0;

    function sweep(): Recipe[] {
      const out: Recipe[] = [];
      // Appends must fit in maxLength; knob changes keep the passes (even a longer start recipe's).
      const limit = Math.max(space.maxLength, current.passes.length);
      const add = (r: Recipe) => {
        if (r.passes.length <= limit && !seen.has(recipeKey(r))) out.push(r);
      };
      for (const p of space.passes) add(appendStep(current, p));
      for (const p of space.pipelines) add(appendStep(current, p));
      for (const k of space.knobs) {
        for (const v of knobChoices(k)) {
          if (v !== current.knobs[k]) add({ knobs: { ...current.knobs, [k]: v }, passes: [...current.passes] });
        }
      }
      return options.shuffle ? shuffle(rng, out) : out;
    }

    // The initial recipe goes first (its score is the one to beat), then the first sweep around it.
    seen.add(recipeKey(current));
    let first: Recipe | undefined = current;
    /** Candidates of the running sweep not yet proposed. */
    let queue: Recipe[] = sweep();

    function decide(): void {
      let best: (typeof results)[number] | undefined;
      for (const r of results) if (r.score < (best?.score ?? Infinity) || (best && r.score === best.score && r.index < best.index)) best = r;
      results = [];
      if (best && best.score < currentScore) {
        current = cloneRecipe(best.recipe);
        currentScore = best.score;
        steps++;
        if (steps >= options.maxSteps) {
          done = true;
          return;
        }
      } else {
        done = true;
        return;
      }
      queue = sweep();
      index = 0;
      if (!queue.length) done = true;
    }

    return {
      propose() {
        if (done) return undefined;
        if (first) {
          const r = first;
          first = undefined;
          pending.add(r, -1);
          return r;
        }
        const r = queue.shift();
        // Undefined here also while a sweep's last observations are outstanding: that cannot happen in
        // the sequential tuning loop (src/tune.ts observes each proposal before the next).
        if (!r) return undefined;
        seen.add(recipeKey(r));
        pending.add(r, index++);
        return r;
      },
      observe(record: EvalRecord) {
        const tag = pending.take(record);
        if (tag === undefined || done) return;
        const score = scoreOf(record);
        if (tag === -1) currentScore = score;
        else results.push({ recipe: record.recipe, score, index: tag });
        if (!first && !queue.length && pending.size === 0) decide();
      },
    };
  },
});
