/**
 * The cross-entropy method over recipes: a sampling distribution that moves, generation by
 * generation, towards the best recipes seen so far (Rubinstein's CEM; for discrete choices the same
 * update as PBIL and other estimation-of-distribution algorithms).
 *
 * The distribution. A recipe is drawn the way random search draws one (src/space.ts, randomRecipe):
 *  - a pipeline prefix with probability `pre`, which pipeline from a categorical;
 *  - a middle of n steps, n from a categorical over 1 … maxLength/2, each step drawn independently from a
 *    categorical over the catalog's passes and pipelines (a pass that needs flat IR brings its `flatten`);
 *  - a pipeline suffix with probability `suf`, which pipeline from a categorical;
 *  - each knob of the space from a categorical over "keep the base value" and the values worth trying.
 * Generation 0 uses exactly random search's probabilities, so CEM starts as random search does.
 *
 * The update. After each generation of `generation` proposals, the `elite` best valid recipes seen so
 * far (any generation, and records shared by a meta-technique) are decomposed back into those choices,
 * and each categorical moves towards the elite's empirical frequencies:
 *   θ ← (1 − rate)·θ + rate·θ_elite.
 * Sampling uses (1 − explore)·θ + explore·θ₀ (θ₀ the initial, random-search distribution), so no step
 * ever becomes impossible and a wrong early elite cannot lock the search in.
 *
 * Why it suits pass sequences: what decides a recipe's worth is mostly *which* steps it holds and
 * whether a pipeline cleans up after them (a pass of our own followed by -O2, inlining before -Oz);
 * random search finds such a combination by luck and then forgets it, CEM keeps drawing its parts.
 * What it gives up: the order within the middle is not modelled (steps are drawn independently), so an
 * order-sensitive interaction is found only by sampling.
 *
 * With a start recipe, every proposal extends it (its passes come first, its knobs are the base), as
 * random search's do, and the start recipe itself is the first proposal.
 */
import { defineAgent, type Agent, type AgentContext } from '../src/search/agent.js';
import type { EvalRecord } from '../src/types.js';
import { isPipeline, type KnobName, type Knobs, type Recipe } from '../src/recipe/recipe.js';
import type { Rng, SearchSpace } from '../src/search/space.js';
import { expandStep } from '../src/passes/registry.js';
import { cloneRecipe, emptyRecipe, knobChoices, Pending, recipeKey, scoreOf, toGenes } from './mutate.js';

export interface CemOptions {
  generation: number;
  elite: number;
  rate: number;
  explore: number;
}

/** A categorical distribution over a fixed list of outcomes. */
class Categorical<T> {
  readonly p: number[];
  constructor(readonly items: readonly T[], p?: readonly number[]) {
    this.p = p ? [...p] : items.map(() => 1 / items.length);
  }
  sample(rng: Rng, prior: Categorical<T>, explore: number): T {
    let u = rng();
    for (let i = 0; i < this.items.length; i++) {
      u -= (1 - explore) * this.p[i]! + explore * prior.p[i]!;
      if (u < 0) return this.items[i]!;
    }
    return this.items[this.items.length - 1]!;
  }
  /** Move towards the empirical distribution of `counts` (keys: indices); no-op without counts. */
  update(counts: ReadonlyMap<number, number>, rate: number): void {
    let total = 0;
    for (const c of counts.values()) total += c;
    if (!total) return;
    for (let i = 0; i < this.p.length; i++) this.p[i] = (1 - rate) * this.p[i]! + (rate * (counts.get(i) ?? 0)) / total;
  }
  clone(): Categorical<T> {
    return new Categorical(this.items, this.p);
  }
}

const count = (m: Map<number, number>, i: number) => {
  if (i >= 0) m.set(i, (m.get(i) ?? 0) + 1);
};

/** A Bernoulli as a categorical over [false, true]. */
const bernoulli = (p: number) => new Categorical([false, true], [1 - p, p]);

interface Model {
  pre: Categorical<boolean>;
  preWhich: Categorical<string>;
  length: Categorical<number>;
  step: Categorical<string>;
  suf: Categorical<boolean>;
  sufWhich: Categorical<string>;
  /** Per knob: index 0 keeps the base value, the others set a value. */
  knobs: Map<KnobName, Categorical<number | boolean | undefined>>;
}

/** Random search's distribution (src/space.ts randomRecipe/randomStep/randomKnobs) as a model. */
function initialModel(space: SearchSpace, withStart: boolean): Model {
  const maxMiddle = Math.max(1, Math.floor(space.maxLength / 2));
  const steps = [...space.passes, ...space.pipelines];
  const stepP = [...space.passes.map(() => 0.9 / space.passes.length), ...space.pipelines.map(() => 0.1 / space.pipelines.length)];
  const knobs = new Map<KnobName, Categorical<number | boolean | undefined>>();
  for (const k of space.knobs) {
    const values = knobChoices(k);
    knobs.set(k, new Categorical<number | boolean | undefined>([undefined, ...values], [0.5, ...values.map(() => 0.5 / values.length)]));
  }
  return {
    pre: bernoulli(withStart ? 0 : 0.5),
    preWhich: new Categorical(space.pipelines),
    length: new Categorical(Array.from({ length: maxMiddle }, (_, i) => i + 1)),
    step: new Categorical(steps, space.passes.length && space.pipelines.length ? stepP : undefined),
    suf: bernoulli(0.3),
    sufWhich: new Categorical(space.pipelines),
    knobs,
  };
}

/** The model's choices that produce `recipe` (best effort: a recipe from elsewhere is read the same way). */
function decompose(recipe: Recipe, base: Recipe | undefined, model: Model) {
  let passes = recipe.passes;
  if (base && base.passes.every((p, i) => passes[i] === p)) passes = passes.slice(base.passes.length);
  let pre: string | undefined;
  let suf: string | undefined;
  if (!base && passes.length && isPipeline(passes[0]!)) {
    pre = passes[0];
    passes = passes.slice(1);
  }
  if (passes.length > 1 && isPipeline(passes[passes.length - 1]!)) {
    suf = passes[passes.length - 1];
    passes = passes.slice(0, -1);
  }
  // A gene `flatten X` is the step X (its expansion); other genes are single steps.
  const middle = toGenes(passes).map((g) => g[g.length - 1]!);
  const knobs = new Map<KnobName, number>();
  for (const [k, cat] of model.knobs) {
    const v = recipe.knobs[k];
    const baseV = (base?.knobs ?? emptyRecipe().knobs)[k];
    knobs.set(k, v === baseV ? 0 : cat.items.indexOf(v));
  }
  return { pre, suf, middle, knobs };
}

export function createCem(ctx: AgentContext, options: CemOptions): Agent {
  const { rng, space } = ctx;
  const genSize = Math.max(2, Math.round(options.generation));
  const eliteN = Math.max(1, Math.round(options.elite));
  const rate = Math.min(1, Math.max(0, options.rate));
  const explore = Math.min(1, Math.max(0, options.explore));
  const prior = initialModel(space, !!ctx.start);
  const model = initialModel(space, !!ctx.start);
  const seen = new Set<string>();
  const pending = new Pending<true>();
  /** Valid records seen (own and shared), best first. */
  const pool: Array<{ recipe: Recipe; score: number }> = [];
  let observedInGen = 0;
  /** Proposals of the current generation handed out so far. */
  let proposedInGen = 0;
  let first: Recipe | undefined = ctx.start ? cloneRecipe(ctx.start) : undefined;

  function sample(): Recipe {
    const base = ctx.start;
    const knobs = { ...(base?.knobs ?? emptyRecipe().knobs) } as Record<KnobName, number | boolean>;
    for (const [k, cat] of model.knobs) {
      const v = cat.sample(rng, prior.knobs.get(k)!, explore);
      if (v !== undefined) knobs[k] = v;
    }
    const passes: string[] = base ? [...base.passes] : [];
    if (model.pre.sample(rng, prior.pre, explore)) passes.push(model.preWhich.sample(rng, prior.preWhich, explore));
    const n = model.length.sample(rng, prior.length, explore);
    for (let i = 0; i < n; i++) {
      const step = expandStep(model.step.sample(rng, prior.step, explore));
      if (passes.length + step.length > space.maxLength) break;
      passes.push(...step);
    }
    if (model.suf.sample(rng, prior.suf, explore) && passes.length < space.maxLength) passes.push(model.sufWhich.sample(rng, prior.sufWhich, explore));
    return { knobs: knobs as Knobs, passes };
  }

  function update(): void {
    const elite = pool.slice(0, eliteN);
    if (!elite.length) return;
    const c = { pre: new Map<number, number>(), preWhich: new Map<number, number>(), length: new Map<number, number>(), step: new Map<number, number>(), suf: new Map<number, number>(), sufWhich: new Map<number, number>() };
    const knobCounts = new Map<KnobName, Map<number, number>>([...model.knobs.keys()].map((k) => [k, new Map()]));
    for (const { recipe } of elite) {
      const d = decompose(recipe, ctx.start, model);
      if (!ctx.start) count(c.pre, d.pre ? 1 : 0);
      if (d.pre) count(c.preWhich, model.preWhich.items.indexOf(d.pre));
      count(c.suf, d.suf ? 1 : 0);
      if (d.suf) count(c.sufWhich, model.sufWhich.items.indexOf(d.suf));
      if (d.middle.length) count(c.length, model.length.items.indexOf(Math.min(d.middle.length, model.length.items.length)));
      for (const s of d.middle) count(c.step, model.step.items.indexOf(s));
      for (const [k, i] of d.knobs) count(knobCounts.get(k)!, i);
    }
    model.pre.update(c.pre, rate);
    model.preWhich.update(c.preWhich, rate);
    model.length.update(c.length, rate);
    model.step.update(c.step, rate);
    model.suf.update(c.suf, rate);
    model.sufWhich.update(c.sufWhich, rate);
    for (const [k, cat] of model.knobs) cat.update(knobCounts.get(k)!, rate);
  }

  function remember(recipe: Recipe, score: number): void {
    if (score === Infinity) return;
    // Keep the pool sorted; equal scores keep arrival order (deterministic).
    let i = pool.length;
    while (i > 0 && pool[i - 1]!.score > score) i--;
    pool.splice(i, 0, { recipe: cloneRecipe(recipe), score });
  }

  function propose(): Recipe {
    proposedInGen++;
    let r: Recipe;
    if (first) {
      r = first;
      first = undefined;
    } else {
      r = sample();
      for (let i = 0; i < 8 && seen.has(recipeKey(r)); i++) r = sample();
    }
    seen.add(recipeKey(r));
    pending.add(r, true);
    return r;
  }

  return {
    propose,
    /** The rest of the current generation: all drawn from the same model, so evaluated in parallel. */
    ask() {
      const out: Recipe[] = [];
      do out.push(propose());
      while (proposedInGen < genSize);
      return out;
    },
    observe(record: EvalRecord) {
      if (pending.take(record) === undefined) return;
      remember(record.recipe, scoreOf(record));
      if (++observedInGen >= genSize) {
        observedInGen = 0;
        proposedInGen = Math.max(0, proposedInGen - genSize);
        update();
      }
    },
    share(record: EvalRecord) {
      seen.add(recipeKey(record.recipe));
      remember(record.recipe, scoreOf(record));
    },
  };
}

export const cem = defineAgent({
  name: 'cem',
  description:
    'cross-entropy method: draws recipes as random search does, and after each generation moves the draw probabilities (pipelines, steps, length, knobs) towards the elite best recipes seen so far',
  defaults: { generation: 12, elite: 4, rate: 0.6, explore: 0.1 },
  create: (ctx, options) => createCem(ctx, options),
});
