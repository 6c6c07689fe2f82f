/**
 * Training a recipe policy (agents/policy.ts) on generated kernels (src/gen/), never on the suite.
 *
 * Data. The training kernels are the generator's `train-0` … `train-<K−1>` (`--kernels K`); the suite
 * (kernels/wasmtune-v0) is the held-out test set and is never loaded here, and `val-*` kernels are kept
 * for model selection. Each update draws one kernel (every kernel once per pass, in an order shuffled by
 * the seed) and runs a batch of `batch` episodes on it, so advantages are normalised among episodes of
 * the same kernel: how hard a kernel is does not leak into the advantage.
 *
 * Reward (one per episode, at its end). Size objective: r = log(size(-Oz) / size(recipe)), the log of
 * the size ratio to -Oz, so r > 0 means smaller than -Oz, r is comparable across kernels of any size, and
 * the sum over kernels is the log of the geometric-mean ratio that the leaderboard reports. Runtime
 * objective: r = −log(runtime ratio to -O3), the quick interleaved ratio (noisy; the Evaluator's
 * measurement cache makes a repeated module free). An invalid recipe (validation failure, trap, wrong
 * output) scores as the unoptimised module less 0.5, so it is always worse than doing nothing. Every step
 * taken costs `stepCost` (0.002): of two equally good recipes the shorter one earns more, so the policy
 * learns to stop instead of repeating a pipeline that no longer changes anything.
 *
 * Cost. One Evaluator (a Binaryen builder process and a runner process) per kernel, kept open for the
 * whole run (least recently used ones are closed beyond `maxOpen`); each episode is one evaluation, and
 * a recipe (or a module byte-identical to one) seen before on that kernel is answered from the
 * Evaluator's caches. -Oz and the empty recipe are evaluated once per kernel.
 */
import seedrandom from 'seedrandom';
import { Evaluator } from '../evaluate/evaluator.js';
import { type EvalRecord } from '../types.js';
import { defaultSpace } from '../search/space.js';
import { levelRecipe, DEFAULT_KNOBS } from '../recipe/recipe.js';
import type { Kernel } from '../kernels/index.js';
import { GENERATOR_VERSION, kernelId, materialise, type GenOptions } from './gen/index.js';
import { featureVector, moduleFeatures } from './features/features.js';
import { WasmtuneError } from '../errors.js';
import { Learner, LEARNER_DEFAULTS, type LearnerOptions, type UpdateInfo } from './learner.js';
import { Policy, actionsOf, rollout, type PolicyFile, type Transition } from './policy.js';
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
  /** Measure the noise of the gradient estimate at every update (agents/policy.ts gradientVariance). */
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

interface KernelState {
  id: string;
  kernel: Kernel;
  ev: Evaluator;
  vector: Float64Array;
  /** -Oz's size (size) or 1 (runtime: ratios are already to -O3). */
  reference: number;
  /** Reward of an invalid recipe. */
  penalty: number;
  /** The unoptimised module's metric (size, or runtime ratio to -O3). */
  unoptimised: number;
}

function metricOf(rec: EvalRecord & { state: 'ok' }, objective: TrainObjective): number {
  return objective === 'size' ? rec.metrics.sizeBytes : rec.metrics.quickRuntimeRatio ?? 1;
}

async function openKernel(id: string, objective: TrainObjective, gen: GenOptions, genDir: string | undefined): Promise<KernelState> {
  const kernel = await materialise(id, gen, genDir);
  const ev = await Evaluator.create(kernel, { objective });
  try {
    if (objective === 'runtime') {
      const o3 = await ev.builder.build(kernel.bytes, levelRecipe('O3'), ev.features);
      await ev.setRuntimeBaseline(o3.state === 'built' && o3.valid ? o3.bytes : kernel.bytes);
    }
    let reference = 1;
    if (objective === 'size') {
      const oz = await ev.evaluate(levelRecipe('Oz'));
      reference = oz.state === 'ok' ? oz.metrics.sizeBytes : kernel.bytes.byteLength;
    }
    const orig = await ev.evaluate({ knobs: { ...DEFAULT_KNOBS }, passes: [] });
    if (orig.state !== 'ok') throw new WasmtuneError('E_HARNESS_FAILS', `Generated kernel ${id} fails on its own harness (${orig.reason}: ${orig.detail}).`);
    const origReward = Math.log(reference / metricOf(orig, objective));
    return { id, kernel, ev, vector: featureVector(moduleFeatures(kernel.bytes)), reference, penalty: Math.min(origReward, 0) - 0.5, unoptimised: metricOf(orig, objective) };
  } catch (e) {
    ev.close();
    throw e;
  }
}

function positiveInt(n: number | undefined, what: string, fallback: number): number {
  const v = n ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new WasmtuneError('E_USAGE', `${what} must be a whole number ≥ 1, got ${v}.`);
  return v;
}

/** One sampled episode on a kernel, evaluated; its reward is on its last transition. */
async function runEpisode(policy: Policy, st: KernelState, rng: () => number, objective: TrainObjective, stepCost: number, index: number): Promise<{ ep: ReturnType<typeof rollout>; row: EpisodeRecord }> {
  const ep = rollout(policy, st.vector, { rng });
  const rec = await st.ev.evaluate(ep.recipe);
  let reward: number;
  const row: EpisodeRecord = { episode: index, kernel: st.id, reward: 0, steps: ep.steps };
  if (rec.state === 'ok') {
    const m = metricOf(rec, objective);
    reward = Math.log(st.reference / m);
    row.ratio = m / st.reference;
  } else {
    reward = st.penalty;
    row.invalid = rec.reason;
  }
  reward -= stepCost * ep.steps.length;
  row.reward = reward;
  ep.transitions[ep.transitions.length - 1]!.reward = reward;
  return { ep, row };
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
      builds += st.ev.builds;
      st.ev.close();
      open.delete(oldest);
    }
    const st = await openKernel(id, options.objective, options.gen ?? {}, options.genDir);
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
        const { ep, row } = await runEpisode(policy, st, rng, options.objective, stepCost, curve.length);
        evaluations++;
        const reward = row.reward;
        eps.push(ep.transitions);
        curve.push(row);
        sum += reward;
      }
      const variance = options.reportGradientVariance ? gradientVariance(policy, eps, learner.options.gamma) : undefined;
      const info = learner.update(eps);
      const rec: UpdateRecord = { update: u, kernel: st.id, episodes: curve.length, meanReward: sum / n, ...info, ...(variance ? { gradientVariance: variance } : {}) };
      updateLog.push(rec);
      options.onUpdate?.(rec);
    }
  } finally {
    for (const st of open.values()) {
      builds += st.ev.builds;
      st.ev.close();
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
 * selection (`wasmtune sweep`) compares.
 */
export async function validatePolicy(policy: Policy, objective: TrainObjective, options: { kernels?: number; split?: 'val' | 'train'; gen?: GenOptions; genDir?: string } = {}): Promise<Validation> {
  const n = positiveInt(options.kernels, 'validation kernels', 8);
  const rows: ValidationRow[] = [];
  let logSum = 0;
  let invalid = 0;
  for (let i = 0; i < n; i++) {
    const st = await openKernel(kernelId(options.split ?? 'val', i), objective, options.gen ?? {}, options.genDir);
    try {
      const ep = rollout(policy, st.vector, { rng: 'greedy' });
      const rec = await st.ev.evaluate(ep.recipe);
      if (rec.state === 'ok') {
        const ratio = metricOf(rec, objective) / st.reference;
        rows.push({ kernel: st.id, steps: ep.steps, ratio });
        logSum += Math.log(ratio);
      } else {
        invalid++;
        rows.push({ kernel: st.id, steps: ep.steps, invalid: `${rec.reason}: ${rec.detail}` });
        logSum += Math.log(st.unoptimised / st.reference);
      }
    } finally {
      st.ev.close();
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
 * and every estimator's variance is computed on the same batch (agents/policy.ts gradientVariance).
 */
export async function varianceByBatch(policy: Policy, objective: TrainObjective, options: { kernels?: number; batches?: number[]; seed?: number; stepCost?: number } = {}): Promise<BatchVarianceRow[]> {
  const rows: BatchVarianceRow[] = [];
  const rng = seedrandom(`wasmtune-variance:${options.seed ?? 1}`);
  for (let i = 0; i < (options.kernels ?? 4); i++) {
    const st = await openKernel(kernelId('val', i), objective, {}, undefined);
    try {
      for (const b of options.batches ?? [4, 8, 16, 32]) {
        const eps: Transition[][] = [];
        for (let e = 0; e < b; e++) eps.push((await runEpisode(policy, st, rng, objective, options.stepCost ?? 0.002, e)).ep.transitions);
        for (const v of gradientVariance(policy, eps)) rows.push({ kernel: st.id, ...v });
      }
    } finally {
      st.ev.close();
    }
  }
  return rows;
}
