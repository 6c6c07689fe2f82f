/**
 * A learned policy that builds a recipe step by step, and the policy-gradient learners that train it.
 *
 * Episode. The state is the original module's features (src/features.ts) plus the steps applied so
 * far, the fraction of the episode used and the recipe's knobs; an action is one step of the catalog
 * (a pass, `wt-…:k` included, or a pipeline `-O1` … `-Oz`) or `stop`. An episode ends at `stop` or after
 * `maxSteps` steps; its recipe is the knobs plus the chosen steps (a pass that needs flat IR is preceded
 * by `flatten`, as everywhere). The reward comes at the end only: the recipe is built and validated once
 * per episode (src/train.ts says which reward), so an episode costs one evaluation.
 *
 * Network. An Mlp from src/optim: observation → tanh hidden layers → one logit per action, with a value
 * head on the last hidden layer (the learned baseline of REINFORCE, the critic of PPO).
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
 *  src/optim's first-order ones (with a learning-rate schedule and gradient clipping by global norm);
 *  `natural`, one trust-region natural-gradient step per batch with exact Fisher–vector products (the lr
 *  is the KL bound δ); or `flow`, an adaptive Runge–Kutta integration of the gradient flow of the batch
 *  loss per epoch (the lr is the first step size; the controller picks the rest).
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
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineAgent, type Agent, type AgentContext } from '../src/agent.js';
import type { EvalRecord } from '../src/evaluate.js';
import { WasmtuneError, messageOf } from '../src/errors.js';
import { FEATURE_NAMES, featureVector, moduleFeatures, observationOf, observationSize } from '../src/features.js';
import { DEFAULT_KNOBS, recipeHash, type Knobs, type Recipe } from '../src/recipe.js';
import type { Rng, SearchSpace } from '../src/space.js';
import { usesRuntime, type ObjectiveSpec } from '../src/objective.js';
import { projectRoot } from '../src/kernels/index.js';
import { mutateUnseen } from './mutate.js';
import { expandStep } from '../src/passes/registry.js';
import { Mlp, clipGradNorm, createOptimizer, createSchedule, FlowOptimizer, naturalStep, policyFisherProduct, OPTIMIZERS } from '../src/optim/index.js';
import type { Optimizer, Schedule } from '../src/optim/index.js';

export const POLICY_FORMAT = 'wasmtune-policy-v1';
export const STOP = 'stop';

/** The actions of a search space: every pass, every pipeline, then stop. */
export function actionsOf(space: SearchSpace): string[] {
  return [...space.passes, ...space.pipelines, STOP];
}

export interface PolicyNetwork {
  hidden: number[];
  activation: 'tanh' | 'relu';
}

/** What a policy file holds. */
export interface PolicyFile {
  format: typeof POLICY_FORMAT;
  /** The objective the policy was trained for. */
  objective: string;
  actions: string[];
  featureNames: string[];
  maxSteps: number;
  /**
   * Whether an episode may not take the same step twice in a row (the catalog's passes are idempotent
   * or nearly so, and a repeat only spends a step). Policies trained before this existed lack it (false).
   */
  noRepeat?: boolean;
  network: PolicyNetwork;
  params: number[];
  /** How it was trained (options, kernels, curve); free-form for readers. */
  training?: unknown;
}

/**
 * A policy file fit to commit: parameters rounded to 6 significant digits (far below what changes a
 * decision of a network this size) and the per-episode training log dropped (the benchmark's results
 * keep the curves); everything else, the training settings included, is kept.
 */
export function compactPolicyFile(file: PolicyFile): PolicyFile {
  const training = typeof file.training === 'object' && file.training !== null ? Object.fromEntries(Object.entries(file.training).filter(([k]) => k !== 'curve' && k !== 'updates')) : file.training;
  return { ...file, params: file.params.map((x) => Number(x.toPrecision(6))), ...(training !== undefined ? { training } : {}) };
}

export class Policy {
  readonly mlp: Mlp;
  readonly stopIndex: number;

  constructor(
    readonly actions: readonly string[],
    readonly network: PolicyNetwork,
    public params: Float64Array,
    readonly maxSteps: number,
    readonly objective = 'size',
    readonly noRepeat = false,
  ) {
    this.mlp = new Mlp({ inputs: observationSize(FEATURE_NAMES.length, actions.length), hidden: network.hidden, actions: actions.length, activation: network.activation, valueHead: true });
    if (params.length !== this.mlp.size) throw new WasmtuneError('E_BAD_POLICY', `The policy has ${params.length} parameters, its network needs ${this.mlp.size}.`);
    this.stopIndex = actions.indexOf(STOP);
    if (this.stopIndex < 0) throw new WasmtuneError('E_BAD_POLICY', `The policy's actions lack '${STOP}'.`);
  }

  /** A freshly initialised (nearly uniform) policy. */
  static create(actions: readonly string[], options: { hidden?: number[]; activation?: 'tanh' | 'relu'; seed?: number | string; maxSteps?: number; objective?: string; noRepeat?: boolean } = {}): Policy {
    const network = { hidden: options.hidden ?? [64], activation: options.activation ?? 'tanh' };
    const mlp = new Mlp({ inputs: observationSize(FEATURE_NAMES.length, actions.length), hidden: network.hidden, actions: actions.length, activation: network.activation, valueHead: true });
    return new Policy(actions, network, mlp.init(`wasmtune-policy:${options.seed ?? 1}`), options.maxSteps ?? 8, options.objective, options.noRepeat ?? false);
  }

  static fromJson(data: unknown, where = 'policy'): Policy {
    const d = data as Partial<PolicyFile>;
    if (typeof d !== 'object' || d === null || d.format !== POLICY_FORMAT) throw new WasmtuneError('E_BAD_POLICY', `${where}: not a wasmtune policy ("format" must be "${POLICY_FORMAT}").`);
    if (!Array.isArray(d.actions) || !Array.isArray(d.params) || !d.network || !Array.isArray(d.network.hidden)) throw new WasmtuneError('E_BAD_POLICY', `${where}: "actions", "params" and "network" are required.`);
    if (JSON.stringify(d.featureNames) !== JSON.stringify(FEATURE_NAMES)) {
      throw new WasmtuneError('E_BAD_POLICY', `${where}: trained on other module features than this version computes; retrain it.`);
    }
    if (!d.params.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new WasmtuneError('E_BAD_POLICY', `${where}: "params" must be finite numbers.`);
    return new Policy(d.actions, { hidden: d.network.hidden, activation: d.network.activation ?? 'tanh' }, Float64Array.from(d.params), d.maxSteps ?? 8, d.objective ?? 'size', d.noRepeat === true);
  }

  static load(path: string): Policy {
    if (!existsSync(path)) throw new WasmtuneError('E_IO', `Policy file not found: ${path}`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new WasmtuneError('E_BAD_POLICY', `Policy ${path} is not valid JSON: ${messageOf(e)}`);
    }
    return Policy.fromJson(data, path);
  }

  toJson(training?: unknown): PolicyFile {
    return {
      format: POLICY_FORMAT, objective: this.objective, actions: [...this.actions], featureNames: [...FEATURE_NAMES], maxSteps: this.maxSteps,
      ...(this.noRepeat ? { noRepeat: true } : {}), network: this.network, params: [...this.params], ...(training !== undefined ? { training } : {}),
    };
  }

  observe(moduleVector: Float64Array, applied: readonly string[], knobs: Knobs): Float64Array {
    return observationOf(moduleVector, this.actions, applied, this.maxSteps, knobs);
  }
}

/** One decision of an episode. */
export interface Transition {
  obs: Float64Array;
  action: number;
  /** log π_old(a|s) at the time of the decision (unmasked, temperature 1). */
  logProb: number;
  /** V(s) at the time of the decision. */
  value: number;
  reward: number;
}

export interface Episode {
  transitions: Transition[];
  /** The steps chosen, in order (stop excluded). */
  steps: string[];
  recipe: Recipe;
}

export interface RolloutOptions {
  /** 'greedy': the most probable allowed action; otherwise sampled with this RNG. */
  rng: Rng | 'greedy';
  /** Actions that may be chosen (stop always may); undefined: all. */
  allowed?: Uint8Array;
  /** Softmax temperature for sampling (1: the policy itself). */
  temperature?: number;
  /** The recipe the episode extends (its knobs and steps come first). */
  base?: Recipe;
}

/** Run one episode of the policy on a module (its {@link featureVector}); rewards are left at 0. */
export function rollout(policy: Policy, moduleVector: Float64Array, options: RolloutOptions): Episode {
  const knobs = { ...(options.base?.knobs ?? DEFAULT_KNOBS) };
  const prefix = options.base?.passes ?? [];
  const steps: string[] = [];
  const transitions: Transition[] = [];
  const A = policy.actions.length;
  const T = options.temperature ?? 1;
  for (let t = 0; t < policy.maxSteps; t++) {
    const obs = policy.observe(moduleVector, [...prefix, ...steps], knobs);
    const f = policy.mlp.forward(policy.params, obs, 1);
    let action = policy.stopIndex;
    const previous = t > 0 && policy.noRepeat ? transitions[t - 1]!.action : -1;
    const ok = (a: number) => a === policy.stopIndex || ((!options.allowed || options.allowed[a] === 1) && a !== previous);
    if (options.rng === 'greedy') {
      let best = -Infinity;
      for (let a = 0; a < A; a++) if (ok(a) && f.logits[a]! > best) (best = f.logits[a]!, action = a);
    } else {
      let max = -Infinity;
      for (let a = 0; a < A; a++) if (ok(a)) max = Math.max(max, f.logits[a]! / T);
      let sum = 0;
      const w = new Float64Array(A);
      for (let a = 0; a < A; a++) if (ok(a)) sum += w[a] = Math.exp(f.logits[a]! / T - max);
      let u = options.rng() * sum;
      for (let a = 0; a < A; a++) {
        if (!ok(a)) continue;
        action = a;
        u -= w[a]!;
        if (u < 0) break;
      }
    }
    transitions.push({ obs, action, logProb: f.logProbs[action]!, value: f.values![0]!, reward: 0 });
    if (action === policy.stopIndex) break;
    steps.push(policy.actions[action]!);
  }
  return { transitions, steps, recipe: { knobs, passes: [...prefix, ...steps.flatMap(expandStep)] } };
}

// ---------------------------------------------------------------------------------------------------------
// Learning

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

// ---------------------------------------------------------------------------------------------------------
// The agents

/** Where the committed policy for an objective lives: runtime if it uses runtime, size otherwise. */
export function defaultPolicyPath(objective: ObjectiveSpec): string {
  return join(projectRoot(), 'agents', 'policies', `${usesRuntime(objective) ? 'runtime' : 'size'}.json`);
}

let noted = false;

/**
 * A policy bound to one module and search space: its greedy (zero-shot) recipe and samples that avoid
 * recipes already proposed. `path` '' means the committed policy for the objective; 'untrained' an
 * untrained, nearly uniform one.
 */
export class PolicySampler {
  readonly policy: Policy;
  readonly seen = new Set<string>();
  private readonly allowed: Uint8Array;
  private readonly moduleVector: Float64Array;

  constructor(private readonly ctx: AgentContext, path: string) {
    const actions = actionsOf(ctx.space);
    if (path === 'untrained') this.policy = Policy.create(actions, { seed: 'untrained' });
    else {
      const file = path || defaultPolicyPath(ctx.objective);
      if (!path && !existsSync(file)) {
        if (!noted) {
          process.stderr.write(`note: no policy file at ${file} ('wasmtune train' writes one): sampling from an untrained, nearly uniform policy.\n`);
          noted = true;
        }
        this.policy = Policy.create(actions, { seed: 'untrained' });
      } else this.policy = Policy.load(file);
    }
    const inSpace = new Set(actions);
    this.allowed = Uint8Array.from(this.policy.actions, (a) => (inSpace.has(a) ? 1 : 0));
    this.moduleVector = ctx.module ? featureVector(moduleFeatures(ctx.module)) : new Float64Array(FEATURE_NAMES.length);
  }

  /** The most probable action at every step. */
  greedy(): Episode {
    return this.remember(rollout(this.policy, this.moduleVector, { rng: 'greedy', allowed: this.allowed, ...this.base() }));
  }

  /** A sample; one that repeats an earlier recipe is redrawn at a higher temperature (up to 12 times). */
  sample(rng: Rng): Episode {
    let ep = rollout(this.policy, this.moduleVector, { rng, allowed: this.allowed, ...this.base() });
    for (let k = 1; k <= 12 && this.seen.has(recipeHash(ep.recipe)); k++) {
      ep = rollout(this.policy, this.moduleVector, { rng, allowed: this.allowed, temperature: 1 + k / 2, ...this.base() });
    }
    return this.remember(ep);
  }

  private base() {
    return this.ctx.start ? { base: this.ctx.start } : {};
  }

  private remember(ep: Episode): Episode {
    this.seen.add(recipeHash(ep.recipe));
    return ep;
  }
}

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
