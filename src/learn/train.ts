/**
 * Training a recipe policy (policy.ts) on generated kernels (gen/), never on the suite; and the policy's
 * zero-shot result on held-back generated kernels ({@link validatePolicy}) and the noise of its gradient
 * estimate as the batch grows ({@link varianceByBatch}).
 *
 * Data. The training kernels are the generator's `train-0` … `train-<K−1>` (`--kernels K`); the suite
 * (kernels/wasmtune-v0) is the held-out test set and is never loaded here, and `val-*` kernels are kept
 * for model selection. Each update draws one kernel (every kernel once per pass, in an order shuffled by
 * the seed) and runs a batch of `batch` episodes on it, so advantages are normalised among episodes of
 * the same kernel: how hard a kernel is does not leak into the advantage.
 *
 * Episodes. Each runs in the kernel's environment (src/env/), which builds the module once, when the
 * episode ends: the policy observes the original module's features and the steps taken so far, and
 * the environment gives the reward at the end.
 *
 * Reward (one per episode, at its end: the environment's, less the step cost). Size objective:
 * r = log(size(-Oz) / size(recipe)), the log of the size ratio to -Oz, so r > 0 means smaller than -Oz,
 * r is comparable across kernels of any size, and the sum over kernels is the log of the geometric-mean
 * ratio that the leaderboard reports. Runtime objective: r = −log(runtime ratio to -O3), the quick
 * interleaved ratio (noisy; the Evaluator's measurement cache makes a repeated module free). An invalid
 * recipe (validation failure, trap, wrong output) scores as the unoptimised module less 0.5, so it is
 * always worse than doing nothing. Every step taken costs `stepCost` (0.002): of two equally good recipes
 * the shorter one earns more, so the policy learns to stop instead of repeating a pipeline that no
 * longer changes anything.
 *
 * Cost. One environment, so one Evaluator (a Binaryen builder process and a runner process), per
 * kernel, kept open for the whole run (least recently used ones are closed beyond `maxOpen`); each
 * episode is one evaluation, and a recipe (or a module byte-identical to one) seen before on that kernel
 * is answered from the Evaluator's caches. -Oz and the empty recipe are evaluated once per kernel.
 */
import seedrandom from 'seedrandom';
import type { EvalRecord } from '../types.js';
import { defaultSpace, type Rng } from '../search/space.js';
import { WasmEnv } from '../env/index.js';
import { GENERATOR_VERSION, kernelId, materialise, type GenOptions } from './gen/index.js';
import { featureVector, moduleFeatures } from './features/features.js';
import { WasmtuneError } from '../errors.js';
import { Learner, LEARNER_DEFAULTS, type LearnerOptions, type UpdateInfo } from './learner.js';
import { Policy, act, actionsOf, type PolicyFile, type Transition } from './policy.js';
import { gradientVariance, type GradientVariance } from './gradient-variance.js';

export type TrainObjective = 'size' | 'runtime';

export interface TrainOptions extends Partial<LearnerOptions> {
  /** Episodes in total. */
  episodes: number;
  /** Episodes per update. @default 8 */
  batch?: number;
  seed: number;
  objective: TrainObjective;
  /** Generated training kernels. @default 16 */
  kernels?: number;
  gen?: GenOptions;
  genDir?: string;
  hidden?: number[];
  maxSteps?: number;
  /** Evaluators kept open at once. @default 4 */
  maxOpen?: number;
  /** Forbid taking the same step twice in a row (stored in the policy file). @default true */
  noRepeat?: boolean;
  /** Reward lost per step taken, so that of two equally good recipes the shorter wins. @default 0.002 */
  stepCost?: number;
  /** Measure the noise of the gradient estimate at every update (gradient-variance.ts). */
  reportGradientVariance?: boolean;
  onUpdate?: (u: UpdateRecord) => void;
}

export interface EpisodeRecord {
  episode: number;
  kernel: string;
  reward: number;
  /** Size ratio to -Oz (size) or runtime ratio to -O3 (runtime); undefined when invalid. */
  ratio?: number;
  steps: string[];
  invalid?: string;
}

export interface UpdateRecord extends UpdateInfo {
  update: number;
  kernel: string;
  /** Episodes finished after this update. */
  episodes: number;
  meanReward: number;
  /** The gradient estimators' noise on this update's batch, before the update (when asked for). */
  gradientVariance?: GradientVariance[];
}

export interface TrainResult {
  policy: Policy;
  file: PolicyFile;
  curve: EpisodeRecord[];
  updates: UpdateRecord[];
  walltimeMs: number;
  evaluations: number;
  builds: number;
}

/** A training kernel: its environment (building at the end of each episode) and what its episodes need. */
interface KernelState {
  id: string;
  env: WasmEnv;
  /** The original module's {@link featureVector}, what the policy observes of it. */
  vector: Float64Array;
  /** The baseline's metric: -Oz's size (size) or 1 (runtime: ratios are already to -O3). */
  reference: number;
  /** The unoptimised module's metric (size, or runtime ratio to -O3). */
  unoptimised: number;
}

async function openKernel(id: string, objective: TrainObjective, maxSteps: number, gen: GenOptions, genDir: string | undefined): Promise<KernelState> {
  const kernel = await materialise(id, gen, genDir);
  const env = await WasmEnv.create(kernel, objective, { build: 'end', maxSteps });
  try {
    const start = await env.reset();
    return { id, env, vector: featureVector(moduleFeatures(kernel.bytes)), reference: env.baseline.score, unoptimised: start.score };
  } catch (e) {
    env.close();
    throw e;
  }
}

function positiveInt(n: number | undefined, what: string, fallback: number): number {
  const v = n ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new WasmtuneError('E_USAGE', `${what} must be a whole number ≥ 1, got ${v}.`);
  return v;
}

/**
 * One episode of the policy in a kernel's environment, from the unoptimised module: a decision per step
 * (sampled with `rng`, or greedy), the module built once at the end. Its reward, the environment's less
 * `stepCost` per step, is on its last transition; `record` is the evaluation of its recipe.
 */
async function runEpisode(policy: Policy, st: KernelState, rng: Rng | 'greedy', stepCost: number): Promise<{ transitions: Transition[]; steps: string[]; reward: number; record: EvalRecord }> {
  let obs = await st.env.reset();
  const transitions: Transition[] = [];
  for (;;) {
    const tr = act(policy, policy.observe(st.vector, obs.state.steps, obs.state.recipe.knobs), { rng, previous: transitions.at(-1)?.action ?? -1 });
    transitions.push(tr);
    const result = await st.env.step(tr.action === policy.stopIndex ? { kind: 'stop' } : { kind: 'pass', name: policy.actions[tr.action]! });
    obs = result.observation;
    if (!result.done) continue;
    const steps = obs.state.steps;
    const reward = result.reward - stepCost * steps.length;
    transitions[transitions.length - 1]!.reward = reward;
    return { transitions, steps, reward, record: result.info.record! };
  }
}

/** The training log's row of an episode. */
function episodeRow(index: number, st: KernelState, ep: { steps: string[]; reward: number; record: EvalRecord }): EpisodeRecord {
  const row: EpisodeRecord = { episode: index, kernel: st.id, reward: ep.reward, steps: ep.steps };
  if (ep.record.state === 'ok') row.ratio = ep.record.score / st.reference;
  else row.invalid = ep.record.reason;
  return row;
}

/** Train a policy; see the file header. Deterministic for a seed with the size objective. */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const t0 = performance.now();
  const episodes = positiveInt(options.episodes, '--episodes', 1);
  const batch = positiveInt(options.batch, '--batch', 8);
  const nKernels = positiveInt(options.kernels, '--kernels', 16);
  const maxOpen = positiveInt(options.maxOpen, 'maxOpen', 4);
  const maxSteps = positiveInt(options.maxSteps, '--max-steps', 8);
  if (options.objective !== 'size' && options.objective !== 'runtime') throw new WasmtuneError('E_USAGE', `--objective for training is size or runtime, got '${String(options.objective)}'.`);
  if (!Number.isInteger(options.seed)) throw new WasmtuneError('E_USAGE', `--seed must be an integer, got ${options.seed}.`);
  const hidden = options.hidden ?? [64];
  const stepCost = options.stepCost ?? 0.002;
  if (!(stepCost >= 0)) throw new WasmtuneError('E_USAGE', `stepCost must be ≥ 0, got ${stepCost}.`);
  const updates = Math.ceil(episodes / batch);
  const algo = options.algo ?? LEARNER_DEFAULTS.algo;
  const epochs = options.epochs ?? LEARNER_DEFAULTS.epochs;
  const learnerOptions: Partial<LearnerOptions> = Object.fromEntries(
    Object.entries(options).filter(([k, v]) => v !== undefined && k in LEARNER_DEFAULTS),
  ) as Partial<LearnerOptions>;

  const actions = actionsOf(defaultSpace());
  const policy = Policy.create(actions, { hidden, seed: options.seed, maxSteps, objective: options.objective, noRepeat: options.noRepeat ?? true });
  const learner = new Learner(policy, { ...learnerOptions, totalSteps: updates * (algo === 'ppo' ? epochs : 1) });
  const rng = seedrandom(`wasmtune-train:${options.seed}`);
  const ids = Array.from({ length: nKernels }, (_, i) => kernelId('train', i));
  const open = new Map<string, KernelState>();
  const curve: EpisodeRecord[] = [];
  const updateLog: UpdateRecord[] = [];
  let evaluations = 0;
  let builds = 0;
  let order: string[] = [];

  const kernelState = async (id: string): Promise<KernelState> => {
    const hit = open.get(id);
    if (hit) {
      open.delete(id);
      open.set(id, hit);
      return hit;
    }
    while (open.size >= maxOpen) {
      const [oldest, st] = open.entries().next().value as [string, KernelState];
      builds += st.env.evaluator.builds;
      st.env.close();
      open.delete(oldest);
    }
    const st = await openKernel(id, options.objective, maxSteps, options.gen ?? {}, options.genDir);
    open.set(id, st);
    return st;
  };

  try {
    for (let u = 0; u < updates; u++) {
      if (!order.length) {
        order = [...ids];
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
      const st = await kernelState(order.shift()!);
      const n = Math.min(batch, episodes - curve.length);
      const eps: Transition[][] = [];
      let sum = 0;
      for (let e = 0; e < n; e++) {
        const ep = await runEpisode(policy, st, rng, stepCost);
        evaluations++;
        eps.push(ep.transitions);
        curve.push(episodeRow(curve.length, st, ep));
        sum += ep.reward;
      }
      const variance = options.reportGradientVariance ? gradientVariance(policy, eps, learner.options.gamma) : undefined;
      const info = learner.update(eps);
      const rec: UpdateRecord = { update: u, kernel: st.id, episodes: curve.length, meanReward: sum / n, ...info, ...(variance ? { gradientVariance: variance } : {}) };
      updateLog.push(rec);
      options.onUpdate?.(rec);
    }
  } finally {
    for (const st of open.values()) {
      builds += st.env.evaluator.builds;
      st.env.close();
    }
  }
  const walltimeMs = performance.now() - t0;
  const o = learner.options;
  const training = {
    algo: o.algo, optimizer: o.optimizer, lr: o.lr, schedule: o.schedule, warmup: o.warmup, clip: o.clip, clipRange: o.clipRange, epochs: o.epochs,
    gamma: o.gamma, lambda: o.lambda, valueCoef: o.valueCoef, entropyCoef: o.entropyCoef, episodes, batch, seed: options.seed, objective: options.objective,
    generator: GENERATOR_VERSION, generatorOptions: options.gen ?? {}, kernels: ids,
    split: 'trained on generated train-* kernels only; the wasmtune-v0 suite is the held-out test set',
    reward: `${options.objective === 'size' ? 'log(size(-Oz) / size(recipe))' : '−log(quick runtime ratio to -O3)'} − ${stepCost}·steps; invalid: reward of the unoptimised module − 0.5`,
    stepCost,
    walltimeMs, evaluations, builds,
    curve, updates: updateLog,
  };
  return { policy, file: policy.toJson(training), curve, updates: updateLog, walltimeMs, evaluations, builds };
}

export interface ValidationRow {
  kernel: string;
  /** The greedy recipe's steps. */
  steps: string[];
  /** Size ratio to -Oz (size) or quick runtime ratio to -O3 (runtime); undefined when invalid. */
  ratio?: number;
  invalid?: string;
}

export interface Validation {
  rows: ValidationRow[];
  /** Geometric mean of the ratios, an invalid recipe counting as the unoptimised module. */
  geomean: number;
  invalid: number;
}

/**
 * A policy's zero-shot result on generated kernels (by default the validation split `val-*`, never the
 * suite): its greedy recipe per kernel, as the ratio to -Oz (size) or -O3 (runtime). This is what model
 * selection (`wasmtune select`, model-selection.ts) compares.
 */
export async function validatePolicy(policy: Policy, objective: TrainObjective, options: { kernels?: number; split?: 'val' | 'train'; gen?: GenOptions; genDir?: string } = {}): Promise<Validation> {
  const n = positiveInt(options.kernels, 'validation kernels', 8);
  const rows: ValidationRow[] = [];
  let logSum = 0;
  let invalid = 0;
  for (let i = 0; i < n; i++) {
    const st = await openKernel(kernelId(options.split ?? 'val', i), objective, policy.maxSteps, options.gen ?? {}, options.genDir);
    try {
      const { steps, record } = await runEpisode(policy, st, 'greedy', 0);
      if (record.state === 'ok') {
        const ratio = record.score / st.reference;
        rows.push({ kernel: st.id, steps, ratio });
        logSum += Math.log(ratio);
      } else {
        invalid++;
        rows.push({ kernel: st.id, steps, invalid: `${record.reason}: ${record.detail}` });
        logSum += Math.log(st.unoptimised / st.reference);
      }
    } finally {
      st.env.close();
    }
  }
  return { rows, geomean: Math.exp(logSum / n), invalid };
}

export interface BatchVarianceRow extends GradientVariance {
  kernel: string;
}

/**
 * The noise of the gradient estimate as the batch grows: for a fixed policy, on each of the first
 * `kernels` validation kernels, batches of each size in `batches` are sampled (fresh episodes, seeded)
 * and every estimator's variance is computed on the same batch (gradient-variance.ts).
 */
export async function varianceByBatch(policy: Policy, objective: TrainObjective, options: { kernels?: number; batches?: number[]; seed?: number; stepCost?: number } = {}): Promise<BatchVarianceRow[]> {
  const rows: BatchVarianceRow[] = [];
  const rng = seedrandom(`wasmtune-variance:${options.seed ?? 1}`);
  for (let i = 0; i < (options.kernels ?? 4); i++) {
    const st = await openKernel(kernelId('val', i), objective, policy.maxSteps, {}, undefined);
    try {
      for (const b of options.batches ?? [4, 8, 16, 32]) {
        const eps: Transition[][] = [];
        for (let e = 0; e < b; e++) eps.push((await runEpisode(policy, st, rng, options.stepCost ?? 0.002)).transitions);
        for (const v of gradientVariance(policy, eps)) rows.push({ kernel: st.id, ...v });
      }
    } finally {
      st.env.close();
    }
  }
  return rows;
}
