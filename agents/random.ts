/**
 * Random search, as CompilerGym's random agent: independent random recipes (random knobs, an optional
 * pipeline prefix, 1…N random passes, an optional pipeline suffix), stopping early after `patience`
 * evaluations without improvement (0: never). With a start recipe, each proposal extends it.
 */
import { defineAgent } from '../src/search/agent.js';
import { randomRecipe } from '../src/search/space.js';

export const random = defineAgent({
  name: 'random',
  description: 'independent random recipes; stops after `patience` evaluations without a new best (0 = never)',
  defaults: { patience: 0 },
  create(ctx, options) {
    let best = Infinity;
    let sinceBest = 0;
    return {
      propose() {
        if (options.patience > 0 && sinceBest >= options.patience) return undefined;
        return randomRecipe(ctx.rng, ctx.space, ctx.start);
      },
      observe(record) {
        if (record.state === 'ok' && record.score < best) {
          best = record.score;
          sinceBest = 0;
        } else sinceBest++;
      },
    };
  },
});
