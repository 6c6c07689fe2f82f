/**
 * How noisy the policy gradient is: for one policy and one batch of episodes, the variance of the
 * gradient estimate under several estimators (REINFORCE with and without the learned baseline, GAE at
 * three λ). Training can record it at every update (`reportGradientVariance`), and train.ts
 * varianceByBatch measures it as the batch grows; neither changes what is learned.
 */
import type { Policy, Transition } from './policy.js';
import { advantages } from './learner.js';

/** The gradient estimators whose noise {@link gradientVariance} measures. */
export const VARIANCE_ESTIMATORS = ['reinforce', 'reinforce+baseline', 'gae-0', 'gae-0.5', 'gae-0.95'] as const;
export type VarianceEstimator = (typeof VARIANCE_ESTIMATORS)[number];

/** The noise of one estimator of the policy gradient on one batch. */
export interface GradientVariance {
  estimator: VarianceEstimator;
  /** Episodes in the batch. */
  episodes: number;
  /** ‖ḡ‖: the norm of the batch's gradient estimate (mean of the per-episode gradients). */
  meanNorm: number;
  /** tr Cov(g_i): the unbiased total variance of one episode's gradient. */
  perEpisode: number;
  /** tr Cov(ḡ) = perEpisode / episodes: the variance of the batch estimate. */
  batch: number;
  /** batch / ‖ḡ‖²: noise relative to signal (≥ 1 means the noise is as large as the estimate). */
  relative: number;
}

/**
 * How noisy the policy gradient is, for the same policy and the same episodes under several estimators:
 * plain REINFORCE (A_t = G_t), REINFORCE with the learned baseline (G_t − V(s_t)) and GAE(γ, λ) at
 * λ ∈ {0, 0.5, 0.95} from the values recorded during the rollout. For each, the gradient of
 * −Σ_t A_t·log π(a_t|s_t) is computed per episode (g_i), and the spread of the g_i around their mean is
 * the variance of the estimate; a batch of B episodes has B times less (the `batch` figure), so growing
 * batches are compared by it. Advantages are not normalised here, so estimators compare on one scale.
 * Costs one backward pass per episode and estimator; no evaluation.
 */
export function gradientVariance(policy: Policy, episodes: readonly Transition[][], gamma = 1): GradientVariance[] {
  const eps = episodes.filter((e) => e.length > 0);
  const { mlp } = policy;
  const B = eps.length;
  return VARIANCE_ESTIMATORS.map((estimator) => {
    const grads = eps.map((ep) => {
      const lambda = estimator === 'gae-0' ? 0 : estimator === 'gae-0.5' ? 0.5 : 0.95;
      const { adv } = advantages([ep], estimator.startsWith('gae') ? 'ppo' : 'reinforce', gamma, lambda);
      if (estimator === 'reinforce') for (let t = 0; t < ep.length; t++) adv[t] = adv[t]! + ep[t]!.value;
      const states = new Float64Array(ep.length * mlp.inputs);
      ep.forEach((tr, t) => states.set(tr.obs, t * mlp.inputs));
      const g = new Float64Array(mlp.size);
      mlp.loss(policy.params, { states, size: ep.length, actions: Int32Array.from(ep, (tr) => tr.action), weights: adv }, { valueCoef: 0, entropyCoef: 0 }, g);
      for (let k = 0; k < g.length; k++) g[k] = g[k]! * ep.length; // a sum over the episode, not a mean
      return g;
    });
    const mean = new Float64Array(mlp.size);
    for (const g of grads) for (let k = 0; k < g.length; k++) mean[k] = mean[k]! + g[k]! / B;
    let spread = 0;
    for (const g of grads) for (let k = 0; k < g.length; k++) spread += (g[k]! - mean[k]!) ** 2;
    const perEpisode = B > 1 ? spread / (B - 1) : NaN;
    const norm2 = mean.reduce((a, x) => a + x * x, 0);
    const batch = perEpisode / B;
    return { estimator, episodes: B, meanNorm: Math.sqrt(norm2), perEpisode, batch, relative: norm2 > 0 ? batch / norm2 : NaN };
  });
}

