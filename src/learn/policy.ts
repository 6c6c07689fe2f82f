/**
 * A learned policy that builds a recipe step by step: the policy and its file, one decision
 * ({@link act}), and a whole episode without building ({@link rollout}).
 *
 * Episode. The state is the original module's features (features/features.ts) plus the steps applied so
 * far, the fraction of the episode used and the recipe's knobs; an action is one step of the catalog
 * (a pass, `wt-…:k` included, or a pipeline `-O1` … `-Oz`) or `stop`. An episode ends at `stop` or after
 * `maxSteps` steps; its recipe is the knobs plus the chosen steps (a pass that needs flat IR is preceded
 * by `flatten`, as everywhere). The reward comes at the end only: the recipe is built and validated once
 * per episode, so an episode costs one evaluation. Training runs episodes in the environment
 * (src/env/, train.ts says which reward); the agents, which propose whole recipes, roll out directly.
 *
 * Network. An Mlp from optim/: observation → tanh hidden layers → one logit per action, with a value
 * head on the last hidden layer (the learned baseline of REINFORCE, the critic of PPO). The learners
 * that train it are in learner.ts.
 */
import { readFileSync, existsSync } from 'node:fs';
import { WasmtuneError, messageOf } from '../errors.js';
import { FEATURE_NAMES, observationOf, observationSize } from './features/features.js';
import { DEFAULT_KNOBS, type Knobs, type Recipe } from '../recipe/recipe.js';
import type { Rng, SearchSpace } from '../search/space.js';
import { expandStep } from '../passes/registry.js';
import { Mlp } from './optim/index.js';

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

export interface RolloutOptions extends Omit<ActOptions, 'previous'> {
  /** The recipe the episode extends (its knobs and steps come first). */
  base?: Recipe;
}

export interface ActOptions {
  /** 'greedy': the most probable allowed action; otherwise sampled with this RNG (one draw). */
  rng: Rng | 'greedy';
  /** Actions that may be chosen (stop always may); undefined: all. */
  allowed?: Uint8Array;
  /** Softmax temperature for sampling (1: the policy itself). */
  temperature?: number;
  /** The action taken just before, which a `noRepeat` policy may not take again (none: −1). */
  previous?: number;
}

/** One decision of the policy at an observation ({@link Policy.observe}); its reward is left at 0. */
export function act(policy: Policy, obs: Float64Array, options: ActOptions): Transition {
  const A = policy.actions.length;
  const T = options.temperature ?? 1;
  const f = policy.mlp.forward(policy.params, obs, 1);
  let action = policy.stopIndex;
  const previous = policy.noRepeat ? options.previous ?? -1 : -1;
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
  return { obs, action, logProb: f.logProbs[action]!, value: f.values![0]!, reward: 0 };
}

/**
 * Run one episode of the policy on a module (its {@link featureVector}) without building anything: the
 * recipe is the result. Rewards are left at 0.
 */
export function rollout(policy: Policy, moduleVector: Float64Array, options: RolloutOptions): Episode {
  const knobs = { ...(options.base?.knobs ?? DEFAULT_KNOBS) };
  const prefix = options.base?.passes ?? [];
  const steps: string[] = [];
  const transitions: Transition[] = [];
  for (let t = 0; t < policy.maxSteps; t++) {
    const obs = policy.observe(moduleVector, [...prefix, ...steps], knobs);
    const tr = act(policy, obs, { ...options, previous: transitions[t - 1]?.action ?? -1 });
    transitions.push(tr);
    if (tr.action === policy.stopIndex) break;
    steps.push(policy.actions[tr.action]!);
  }
  return { transitions, steps, recipe: { knobs, passes: [...prefix, ...steps.flatMap(expandStep)] } };
}
