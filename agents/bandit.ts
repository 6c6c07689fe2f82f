/**
 * An AUC bandit meta-technique, as OpenTuner's AUCBanditMetaTechnique: it splits the proposals among
 * sub-techniques (by default random, anneal and ga (OX1) with their own defaults, all created here with
 * the same context and RNG) and gives each proposal to the technique with the highest
 *
 *   score_i = AUC_i + C · sqrt(2 ln N / n_i)
 *
 * over a sliding window of the last `window` results: n_i is technique i's results in the window, N all
 * of them, and AUC_i is the area under its curve of "found a new best" — its results in the window in
 * order, the k-th of n weighing k, so AUC_i = Σ_k k·[k-th was a new best] / (n(n+1)/2), in 0…1, recent
 * successes counting most. A technique with no result in the window scores +∞ (it is tried first).
 * Ties are broken at random (the RNG), as OpenTuner shuffles before sorting. (OpenTuner takes log base 2
 * in the exploration term; this takes the natural log, as UCB1.)
 *
 * Each observation goes back to the technique that proposed it, and is shared with the others (as
 * OpenTuner's techniques share one results database: a local search moves to a better point another
 * technique found, a GA takes it in as an immigrant). "New best" is across all techniques: strictly
 * better than every valid record the bandit has seen. A technique that proposes
 * nothing more (undefined) is dropped; the bandit ends when all are.
 *
 * `techniques`: sub-techniques joined by '+' (random, anneal, hill, greedy, ga, ga-pmx, cem, sweep).
 */
import { defineAgent, type Agent, type AgentInfo } from '../src/search/agent.js';
import type { Rng } from '../src/search/space.js';
import type { EvalRecord } from '../src/types.js';
import { WasmtuneError } from '../src/errors.js';
import { anneal, hill } from './anneal.js';
import { ga, gaPmx } from './ga.js';
import { cem } from './cem.js';
import { sweep } from './sweep.js';
import { greedy } from './greedy.js';
import { Pending, scoreOf, shuffle } from './mutate.js';
import { random } from './random.js';

const SUB_TECHNIQUES: Record<string, AgentInfo> = {
  random: random as unknown as AgentInfo,
  anneal: anneal as unknown as AgentInfo,
  hill: hill as unknown as AgentInfo,
  greedy: greedy as unknown as AgentInfo,
  ga: ga as unknown as AgentInfo,
  cem: cem as unknown as AgentInfo,
  sweep: sweep as unknown as AgentInfo,
  'ga-pmx': gaPmx as unknown as AgentInfo,
};

/** OpenTuner's AUCBanditQueue: credit and exploration over a sliding window of results. */
export class AucBandit {
  private readonly history: Array<{ arm: number; newBest: boolean }> = [];
  private readonly uses: number[];

  constructor(readonly arms: number, readonly c: number, readonly window: number) {
    this.uses = new Array<number>(arms).fill(0);
  }

  exploitation(arm: number): number {
    let pos = 0;
    let value = 0;
    for (const h of this.history) {
      if (h.arm !== arm) continue;
      pos++;
      if (h.newBest) value += pos;
    }
    return pos ? (value * 2) / (pos * (pos + 1)) : 0;
  }

  exploration(arm: number): number {
    const n = this.uses[arm]!;
    return n > 0 ? Math.sqrt((2 * Math.log(this.history.length)) / n) : Infinity;
  }

  score(arm: number): number {
    return this.exploitation(arm) + this.c * this.exploration(arm);
  }

  /** Arms from the highest score down, ties in random order. */
  ordered(rng: () => number, arms: number[]): number[] {
    const scores = new Map(arms.map((a) => [a, this.score(a)]));
    return shuffle(rng, [...arms]).sort((x, y) => scores.get(y)! - scores.get(x)!);
  }

  record(arm: number, newBest: boolean): void {
    this.history.push({ arm, newBest });
    this.uses[arm]!++;
    while (this.history.length > this.window) this.uses[this.history.shift()!.arm]!--;
  }

  /** Results of an arm in the window. */
  count(arm: number): number {
    return this.uses[arm]!;
  }
}

export const bandit = defineAgent({
  name: 'bandit',
  description:
    "AUC bandit meta-technique (OpenTuner): splits proposals among sub-techniques ('+'-joined) by area-under-curve credit for new bests in a sliding window, plus C·sqrt(2 ln N / n_i) exploration",
  defaults: { techniques: 'random+anneal+ga', C: 0.05, window: 500 },
  create(ctx, options): Agent {
    const names = options.techniques.split('+').filter(Boolean);
    if (!names.length) throw new WasmtuneError('E_USAGE', `Agent option 'techniques' needs at least one of ${Object.keys(SUB_TECHNIQUES).join(', ')}.`);
    const techs = names.map((name) => {
      const info = SUB_TECHNIQUES[name];
      if (!info) throw new WasmtuneError('E_USAGE', `Unknown sub-technique '${name}' in 'techniques'. Choose from ${Object.keys(SUB_TECHNIQUES).join(', ')}.`);
      return info.create(ctx, { ...info.defaults });
    });
    return createBandit(ctx.rng, techs, options.C, options.window);
  },
});

/** The meta-technique over given technique instances (exported for tests). */
export function createBandit(rng: Rng, techs: readonly Agent[], c: number, window: number): Agent {
  const queue = new AucBandit(techs.length, c, Math.max(1, Math.round(window)));
  const live = techs.map((_, i) => i);
  const pending = new Pending<number>();
  let best = Infinity;

  return {
    propose() {
      for (const arm of queue.ordered(rng, live)) {
        const r = techs[arm]!.propose();
        if (r) {
          pending.add(r, arm);
          return r;
        }
        live.splice(live.indexOf(arm), 1);
      }
      return undefined;
    },
    observe(record: EvalRecord) {
      const score = scoreOf(record);
      const newBest = score < best;
      if (newBest) best = score;
      const arm = pending.take(record);
      if (arm === undefined) return;
      techs[arm]!.observe(record);
      techs.forEach((t, i) => i !== arm && t.share?.(record));
      queue.record(arm, newBest);
    },
  };
}
