/**
 * The two learned agents, `policy` and `policy-search`. The policy itself, its learners and its training
 * are in src/learn/; the committed policies in agents/policies/.
 *
 * As an agent (`--agent policy`): it loads a policy file (`policy=path.json`, or `--policy` on the
 * command line; by default the committed policy for the objective in agents/policies/, trained on
 * generated kernels only; `policy=untrained` for a nearly uniform one). The first proposal is the greedy rollout
 * (the most probable action at every step: the zero-shot recipe), the others are sampled with the
 * tuning RNG, so proposals depend only on the seed. A sample that repeats an earlier recipe is redrawn at
 * a higher temperature (up to 12 times). Actions of the policy that the current search space lacks
 * (an excluded step, fast-math-only spaces…) are masked out. With `finetune=true` it also learns online:
 * each record's reward is −log(score / first valid score) (an invalid recipe: −1), and every `batch`
 * records make one REINFORCE update with Adam at `lr`. `--agent policy-search` ({@link createPolicySearch})
 * starts from the policy's proposals and refines the best by local search.
 */
import { defineAgent, type Agent, type AgentContext } from '../src/search/agent.js';
import type { EvalRecord } from '../src/types.js';
import { recipeHash, type Recipe } from '../src/recipe/recipe.js';
import { mutateUnseen } from './mutate.js';
import { PolicySampler } from '../src/learn/sampler.js';
import { Learner } from '../src/learn/learner.js';
import type { Episode, Transition } from '../src/learn/policy.js';

export interface PolicyAgentOptions {
  policy: string;
  finetune: boolean;
  lr: number;
  batch: number;
}

export function createPolicyAgent(ctx: AgentContext, options: PolicyAgentOptions): Agent {
  const sampler = new PolicySampler(ctx, options.policy);
  const learner = options.finetune ? new Learner(sampler.policy, { algo: 'reinforce', optimizer: 'adam', lr: options.lr, entropyCoef: 0.01 }) : undefined;
  let first = true;
  let pending: Episode | undefined;
  let reference: number | undefined;
  const batch: Transition[][] = [];

  return {
    propose() {
      pending = first ? sampler.greedy() : sampler.sample(ctx.rng);
      first = false;
      return pending.recipe;
    },
    observe(record: EvalRecord) {
      const ep = pending;
      pending = undefined;
      if (!learner || !ep || !ep.transitions.length) return;
      if (record.state === 'ok' && reference === undefined) reference = record.score;
      const reward = record.state === 'ok' && reference! > 0 && record.score > 0 ? -Math.log(record.score / reference!) : -1;
      ep.transitions[ep.transitions.length - 1]!.reward = reward;
      batch.push(ep.transitions);
      if (batch.length >= Math.max(1, Math.round(options.batch))) {
        learner.update(batch);
        batch.length = 0;
      }
    },
  };
}

export const policyAgent = defineAgent({
  name: 'policy',
  description:
    "a learned policy (wasmtune train) builds recipes step by step: first its greedy recipe (zero-shot), then samples; `policy` is the policy file (default: the committed one for the objective, agents/policies/; `untrained` for none), `finetune=true` learns online (REINFORCE, Adam at `lr`, every `batch` records)",
  defaults: { policy: '', finetune: false, lr: 0.001, batch: 8 },
  create: (ctx, options) => createPolicyAgent(ctx, options),
});

export interface PolicySearchOptions {
  policy: string;
  /** Policy samples after the greedy recipe before local search starts. */
  samples: number;
  /** Share of later proposals that are fresh policy samples (the rest refine the best). */
  mix: number;
}

/**
 * The policy proposes, search refines. First the policy's greedy recipe and `samples` samples (its
 * prior over good recipes for this module); then hill climbing from the best record so far (one
 * mutation of agents/mutate.ts, avoiding recipes already proposed), where a share `mix` of proposals
 * are still fresh policy samples, so a better region the policy knows of is not lost to a local optimum.
 * With an uninformative policy this is random search followed by hill climbing; how much the policy
 * adds is what bench/policy.ts measures.
 */
export function createPolicySearch(ctx: AgentContext, options: PolicySearchOptions): Agent {
  const sampler = new PolicySampler(ctx, options.policy);
  const samples = Math.max(0, Math.round(options.samples));
  const mix = Math.min(1, Math.max(0, options.mix));
  let proposed = 0;
  let best: { recipe: Recipe; score: number } | undefined;
  return {
    propose() {
      proposed++;
      if (proposed === 1) return sampler.greedy().recipe;
      if (proposed <= 1 + samples || !best || ctx.rng() < mix) return sampler.sample(ctx.rng).recipe;
      const r = mutateUnseen(ctx.rng, ctx.space, best.recipe, sampler.seen);
      sampler.seen.add(recipeHash(r));
      return r;
    },
    observe(record: EvalRecord) {
      if (record.state === 'ok' && (!best || record.score < best.score)) best = { recipe: record.recipe, score: record.score };
    },
  };
}

export const policySearch = defineAgent({
  name: 'policy-search',
  description:
    'the policy proposes, search refines: the greedy recipe and `samples` policy samples, then hill climbing from the best, a share `mix` of proposals still drawn from the policy; `policy` as for the policy agent',
  defaults: { policy: '', samples: 7, mix: 0.25 },
  create: (ctx, options) => createPolicySearch(ctx, options),
});

