/**
 * The policy-gradient learners that train a {@link Policy}.
 *
 * Learners ({@link Learner}):
 *  - REINFORCE with a learned baseline: advantage A_t = G_t − V(s_t), G_t the discounted return; one
 *    gradient step on −mean(A_t·log π(a_t|s_t)) + c_V·mean((V(s_t) − G_t)²) − c_H·entropy per batch.
 *  - PPO (Schulman et al. 2017): advantages by GAE(γ, λ) from the values recorded during the rollout,
 *    value targets A_t + V(s_t); `epochs` passes over the batch on the clipped surrogate
 *    −mean(min(ρ_t·A_t, clip(ρ_t, 1 − ε, 1 + ε)·A_t)), ρ_t = π(a_t|s_t) / π_old(a_t|s_t). Its gradient with
 *    respect to log π is −ρ_t·A_t where the unclipped term is the minimum and 0 where the clipped one is
 *    ({@link ppoWeights}), which is what Mlp.loss receives as per-sample weights.
 *  Advantages are normalised to zero mean and unit variance within a batch. Optimizers: any of
 *  optim/'s first-order ones (with a learning-rate schedule and gradient clipping by global norm);
 *  `natural`, one trust-region natural-gradient step per batch with exact Fisher–vector products (the lr
 *  is the KL bound δ); or `flow`, an adaptive Runge–Kutta integration of the gradient flow of the batch
 *  loss per epoch (the lr is the first step size; the controller picks the rest).
 */
import { WasmtuneError } from '../errors.js';
import { clipGradNorm, createOptimizer, createSchedule, FlowOptimizer, naturalStep, policyFisherProduct, OPTIMIZERS } from './optim/index.js';
import type { Optimizer, Schedule } from './optim/index.js';
import type { Policy, Transition } from './policy.js';

export const ALGOS = ['ppo', 'reinforce'] as const;
export type Algo = (typeof ALGOS)[number];
export const OPTIMIZER_CHOICES = [...Object.keys(OPTIMIZERS), 'natural', 'flow'] as const;

export interface LearnerOptions {
  algo: Algo;
  /** sgd | momentum | rmsprop | adam | adamw | natural | flow. */
  optimizer: string;
  /** Learning rate (natural: the KL bound δ; flow: the first step size). */
  lr: number;
  /** constant | step | exponential | cosine (first-order optimizers). */
  schedule: string;
  /** Updates of linear warm-up before the schedule. */
  warmup: number;
  /** Clip the gradient to this global norm (0: no clipping). */
  clip: number;
  /** PPO's ε. */
  clipRange: number;
  /** PPO's passes over each batch. */
  epochs: number;
  gamma: number;
  /** GAE's λ. */
  lambda: number;
  valueCoef: number;
  entropyCoef: number;
  /** Optimizer steps the run will make (for the schedules' horizons). */
  totalSteps: number;
}

export const LEARNER_DEFAULTS: Readonly<LearnerOptions> = {
  algo: 'ppo', optimizer: 'adam', lr: 0.003, schedule: 'constant', warmup: 0, clip: 1, clipRange: 0.2, epochs: 4,
  gamma: 1, lambda: 0.95, valueCoef: 0.5, entropyCoef: 0.01, totalSteps: 100,
};

/** What one update did. */
export interface UpdateInfo {
  /** Total loss at the start of the update (surrogate + c_V·value − c_H·entropy). */
  loss: number;
  policyLoss: number;
  valueLoss: number;
  entropy: number;
  /** Norm of the first gradient of the update, before clipping. */
  gradNorm: number;
  /** Learning rate of the last step (first-order), the KL bound (natural) or the flow step (flow). */
  lr: number;
  /** PPO: share of samples whose ratio was clipped in the last epoch. */
  clipFraction: number;
  /** Mean KL(π_old ‖ π_new) over the batch's states after the update. */
  kl: number;
  /** Optimizer steps taken (rejected natural/flow steps not counted). */
  steps: number;
}

/**
 * Per-sample weights of −log π for PPO's clipped surrogate at the current log-probabilities: ρ·A where
 * the unclipped term is the minimum (its gradient flows), 0 where the clipped term is (it is constant).
 * Returns the weights, the surrogate −mean(min(ρA, clip(ρ)A)) and the share of clipped samples.
 */
export function ppoWeights(logProbs: ArrayLike<number>, oldLogProbs: ArrayLike<number>, advantages: ArrayLike<number>, eps: number): { weights: Float64Array; surrogate: number; clipFraction: number } {
  const n = advantages.length;
  const weights = new Float64Array(n);
  let surrogate = 0;
  let clipped = 0;
  for (let i = 0; i < n; i++) {
    const ratio = Math.exp(logProbs[i]! - oldLogProbs[i]!);
    const a = advantages[i]!;
    const unclipped = ratio * a;
    const c = Math.min(Math.max(ratio, 1 - eps), 1 + eps) * a;
    if (c < unclipped) {
      clipped++;
      surrogate -= c;
    } else {
      weights[i] = unclipped;
      surrogate -= unclipped;
    }
  }
  return { weights, surrogate: n ? surrogate / n : 0, clipFraction: n ? clipped / n : 0 };
}

/** Advantages and value targets of a batch of episodes (reward per transition; each episode terminates). */
export function advantages(episodes: readonly Transition[][], algo: Algo, gamma: number, lambda: number): { adv: Float64Array; targets: Float64Array } {
  const n = episodes.reduce((s, e) => s + e.length, 0);
  const adv = new Float64Array(n);
  const targets = new Float64Array(n);
  let o = 0;
  for (const ep of episodes) {
    let g = 0;
    let gae = 0;
    for (let t = ep.length - 1; t >= 0; t--) {
      const tr = ep[t]!;
      const nextValue = t + 1 < ep.length ? ep[t + 1]!.value : 0;
      g = tr.reward + gamma * g;
      const delta = tr.reward + gamma * nextValue - tr.value;
      gae = delta + gamma * lambda * gae;
      if (algo === 'ppo') {
        adv[o + t] = gae;
        targets[o + t] = gae + tr.value;
      } else {
        adv[o + t] = g - tr.value;
        targets[o + t] = g;
      }
    }
    o += ep.length;
  }
  return { adv, targets };
}

function normalise(x: Float64Array): void {
  if (x.length < 2) return;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let sq = 0;
  for (const v of x) sq += (v - mean) ** 2;
  const std = Math.sqrt(sq / x.length);
  for (let i = 0; i < x.length; i++) x[i] = std > 1e-8 ? (x[i]! - mean) / std : 0;
}

export class Learner {
  readonly options: LearnerOptions;
  private readonly optimizer: Optimizer | undefined;
  private readonly schedule: Schedule;
  private steps = 0;
  private flowStep: number;

  constructor(readonly policy: Policy, options: Partial<LearnerOptions> = {}) {
    this.options = { ...LEARNER_DEFAULTS, ...options };
    const o = this.options;
    if (!(ALGOS as readonly string[]).includes(o.algo)) throw new WasmtuneError('E_USAGE', `Unknown algorithm '${o.algo}': ppo or reinforce.`);
    if (!(OPTIMIZER_CHOICES as readonly string[]).includes(o.optimizer)) throw new WasmtuneError('E_USAGE', `Unknown optimizer '${o.optimizer}'. Optimizers: ${OPTIMIZER_CHOICES.join(', ')}.`);
    if (!(o.lr > 0) || !Number.isFinite(o.lr)) throw new WasmtuneError('E_USAGE', `The learning rate must be a finite number > 0, got ${o.lr}.`);
    if (!(o.clip >= 0)) throw new WasmtuneError('E_USAGE', `--clip must be ≥ 0 (0: no clipping), got ${o.clip}.`);
    if (!(o.clipRange > 0 && o.clipRange < 1)) throw new WasmtuneError('E_USAGE', `PPO's clip range must be in (0, 1), got ${o.clipRange}.`);
    if (!Number.isInteger(o.epochs) || o.epochs < 1) throw new WasmtuneError('E_USAGE', `epochs must be an integer ≥ 1, got ${o.epochs}.`);
    const horizon = Math.max(1, o.totalSteps);
    const scheduleOptions: Record<string, number> =
      o.schedule === 'cosine' ? { lr: o.lr, periodSteps: horizon }
      : o.schedule === 'step' ? { lr: o.lr, stepSize: Math.max(1, Math.ceil(horizon / 3)), gamma: 0.3 }
      : o.schedule === 'exponential' ? { lr: o.lr, gamma: Math.min(1, 0.1 ** (1 / horizon)) }
      : { lr: o.lr };
    this.schedule = createSchedule(o.schedule, scheduleOptions, o.warmup);
    this.optimizer = Object.hasOwn(OPTIMIZERS, o.optimizer) ? createOptimizer(o.optimizer, policy.mlp.size, { lr: o.lr }) : undefined;
    this.flowStep = o.lr;
  }

  /** One update from a batch of finished episodes. */
  update(episodes: readonly Transition[][]): UpdateInfo {
    const eps = episodes.filter((e) => e.length > 0);
    const { mlp } = this.policy;
    const o = this.options;
    const B = eps.reduce((s, e) => s + e.length, 0);
    if (B === 0) throw new WasmtuneError('E_USAGE', 'A policy update needs at least one transition.');
    const states = new Float64Array(B * mlp.inputs);
    const actions = new Int32Array(B);
    const oldLogProbs = new Float64Array(B);
    let i = 0;
    for (const e of eps) for (const tr of e) {
      states.set(tr.obs, i * mlp.inputs);
      actions[i] = tr.action;
      oldLogProbs[i] = tr.logProb;
      i++;
    }
    const { adv, targets } = advantages(eps, o.algo, o.gamma, o.lambda);
    normalise(adv);
    const oldFull = mlp.forward(this.policy.params, states, B).logProbs;
    const coef = { valueCoef: o.valueCoef, entropyCoef: o.entropyCoef };

    let clipFraction = 0;
    /** The update's loss at `params`, its gradient into `grad` when given. */
    const lossAt = (params: Float64Array, grad?: Float64Array) => {
      let weights = adv;
      let surrogate: number | undefined;
      if (o.algo === 'ppo') {
        const f = mlp.forward(params, states, B);
        const lp = new Float64Array(B);
        for (let b = 0; b < B; b++) lp[b] = f.logProbs[b * mlp.actions + actions[b]!]!;
        const w = ppoWeights(lp, oldLogProbs, adv, o.clipRange);
        weights = w.weights;
        surrogate = w.surrogate;
        clipFraction = w.clipFraction;
      }
      const info = mlp.loss(params, { states, size: B, actions, weights, targets }, coef, grad);
      const policyLoss = surrogate ?? info.policyLoss;
      return { ...info, policyLoss, loss: policyLoss + o.valueCoef * info.valueLoss - o.entropyCoef * info.entropy };
    };

    const params = this.policy.params;
    const grad = new Float64Array(mlp.size);
    const first = lossAt(params, grad);
    let gradNorm = Math.sqrt(grad.reduce((s, g) => s + g * g, 0));
    let lr = o.lr;
    let taken = 0;
    const epochs = o.algo === 'ppo' ? o.epochs : 1;
    if (this.optimizer) {
      for (let e = 0; e < epochs; e++) {
        if (e > 0) lossAt(params, grad);
        const norm = o.clip > 0 ? clipGradNorm(grad, o.clip) : Math.sqrt(grad.reduce((s, g) => s + g * g, 0));
        if (e === 0) gradNorm = norm;
        if (!Number.isFinite(norm)) break;
        lr = this.schedule(this.steps);
        this.optimizer.step(params, grad, lr);
        this.steps++;
        taken++;
      }
    } else if (o.optimizer === 'natural') {
      const r = naturalStep(params, {
        loss: first.loss,
        gradient: grad,
        curvature: policyFisherProduct(mlp, params, states, B),
        evaluate: (candidate) => ({ loss: lossAt(candidate).loss, kl: mlp.kl(candidate, states, B, oldFull) }),
      }, { maxKl: o.lr });
      if (r.state === 'accepted') taken++;
    } else {
      for (let e = 0; e < epochs; e++) {
        const flow = new FlowOptimizer(mlp.size, (p, out) => lossAt(p, out).loss, { initialStep: this.flowStep });
        const r = flow.step(params);
        if (r.state !== 'accepted') break;
        this.flowStep = r.hNext;
        lr = r.h;
        taken++;
      }
    }
    const kl = mlp.kl(params, states, B, oldFull);
    return { loss: first.loss, policyLoss: first.policyLoss, valueLoss: first.valueLoss, entropy: first.entropy, gradNorm, lr, clipFraction, kl, steps: taken };
  }
}

