/**
 * Random search, as CompilerGym's random agent: independent random recipes (random knobs, an optional
 * pipeline prefix, 1…N random passes, an optional pipeline suffix), stopping early after `patience`
 * evaluations without improvement (0: never). With a start recipe, each proposal extends it. Proposals
 * come in batches of `batch`, evaluated in parallel (the recipes do not depend on the batch size).
 */
import { defineAgent, proposeFromBatches } from '../src/search/agent.js';
import type { Recipe } from '../src/recipe/recipe.js';
import { randomRecipe } from '../src/search/space.js';

export const random = defineAgent({
  name: 'random',
  description: 'independent random recipes; stops after `patience` evaluations without a new best (0 = never)',
  defaults: { patience: 0, batch: 8 },
  create(ctx, options) {
    let best = Infinity;
    let sinceBest = 0;
    const ask = (): Recipe[] => {
      const out: Recipe[] = [];
      const n = Math.max(1, Math.round(options.batch));
      const left = options.patience > 0 ? Math.max(0, options.patience - sinceBest) : n;
      for (let i = 0; i < Math.min(n, left); i++) out.push(randomRecipe(ctx.rng, ctx.space, ctx.start));
      return out;
    };
    return {
      ask,
      propose: proposeFromBatches(ask),
      observe(record) {
        if (record.state === 'ok' && record.score < best) {
          best = record.score;
          sinceBest = 0;
        } else sinceBest++;
      },
    };
  },
});
