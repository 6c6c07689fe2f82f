/**
 * The environment, in the shape of CompilerGym's: `reset(recipe?)` → observation; `step(action)` →
 * observation, reward, done, info; `fork()`. A state is a kernel URI plus a recipe (and the steps taken
 * since reset) and replays exactly. Rewards are normalised to a named baseline pipeline (-O3 for
 * runtime, -Oz for the sizes) and say whether they are deterministic.
 *
 * The module is built at every step, with a reward per step, or once when the episode ends, with one
 * reward then ({@link BuildMode}). Policy training (src/learn/train.ts) runs its episodes the second way:
 * a policy observes the original module's features and the steps taken, which the state gives without
 * building anything, so an episode costs one evaluation.
 *
 * Cost: one Evaluator (a Binaryen builder process and a runner process) per environment, shared by its
 * forks. The first reset evaluates the baseline once (runtime: builds -O3, the module ratios are
 * measured against); a recipe evaluated before, such as the start recipe at every later reset, is
 * answered from the evaluator's cache.
 */
import { Evaluator } from '../evaluate/evaluator.js';
import { METRIC_BASELINE, metricValue, type Metric } from '../evaluate/objective.js';
import { sizeOf } from '../measure/size.js';
import { loadKernel, type Kernel } from '../kernels/index.js';
import { DEFAULT_KNOBS, checkKnob, levelRecipe, recipeToJson, type Recipe } from '../recipe/recipe.js';
import { expandStep } from '../passes/registry.js';
import { WasmtuneError } from '../errors.js';
import type { Action, Baseline, BuildMode, EnvOptions, EnvState, Observation, Reward, StepResult } from './types.js';

const BUILD_MODES: readonly BuildMode[] = ['step', 'end'];

function copyState(s: EnvState): EnvState {
  return { kernel: s.kernel, recipe: recipeToJson(s.recipe), steps: [...s.steps] };
}

function copyObservation(o: Observation): Observation {
  return { state: copyState(o.state), metrics: { ...o.metrics }, score: o.score, measured: o.measured };
}

export class WasmEnv {
  private current: Observation | undefined;
  private done = false;
  /** The score of the recipe the episode started from. */
  private startScore = NaN;
  private baselineScore: number | undefined;

  private constructor(readonly evaluator: Evaluator, readonly objective: Metric, readonly build: BuildMode, readonly maxSteps: number) {}

  /** An environment for one kernel (a URI, suite name or module path). */
  static async create(kernel: string | Kernel, objective: Metric = 'size', options: EnvOptions = {}): Promise<WasmEnv> {
    if (!Object.hasOwn(METRIC_BASELINE, objective)) throw new WasmtuneError('E_USAGE', `The environment's objective is one of ${Object.keys(METRIC_BASELINE).join(', ')}, got '${String(objective)}'.`);
    const build = options.build ?? 'step';
    if (!BUILD_MODES.includes(build)) throw new WasmtuneError('E_USAGE', `build is ${BUILD_MODES.map((m) => `'${m}'`).join(' or ')}, got '${String(build)}'.`);
    const maxSteps = options.maxSteps ?? Infinity;
    if (maxSteps !== Infinity && !(Number.isInteger(maxSteps) && maxSteps >= 1)) throw new WasmtuneError('E_USAGE', `maxSteps must be a whole number ≥ 1, got ${maxSteps}.`);
    const k = typeof kernel === 'string' ? await loadKernel(kernel, options.harness) : kernel;
    const ev = await Evaluator.create(k, { objective });
    return new WasmEnv(ev, objective, build, maxSteps);
  }

  get kernel(): Kernel {
    return this.evaluator.kernel;
  }

  get state(): EnvState {
    if (!this.current) throw new Error('call reset() first');
    return copyState(this.current.state);
  }

  /** What the rewards are normalised to (known from the first reset on). */
  get baseline(): Baseline {
    if (this.baselineScore === undefined) throw new Error('call reset() first');
    return { pipeline: METRIC_BASELINE[this.objective], score: this.baselineScore };
  }

  get rewardDeterministic(): boolean {
    return this.objective !== 'runtime';
  }

  /**
   * The baseline's score. Runtime: -O3's module becomes the one ratios are measured against (the
   * original's when -O3's does not validate), so the score is 1. Sizes: the baseline pipeline's, or the
   * original module's when that pipeline's module is invalid.
   */
  private async baselineOf(): Promise<number> {
    const { kernel } = this;
    if (this.objective === 'runtime') {
      const o3 = await this.evaluator.builder.build(kernel.bytes, levelRecipe('O3'), this.evaluator.features);
      await this.evaluator.setRuntimeBaseline(o3.state === 'built' && o3.valid ? o3.bytes : kernel.bytes);
      return 1;
    }
    const b = await this.evaluator.evaluate(levelRecipe(METRIC_BASELINE[this.objective]));
    return b.state === 'ok' ? b.score : metricValue(this.objective, sizeOf(kernel.bytes));
  }

  /** Start an episode from the unmodified module (or from `recipe`); returns the observation. */
  async reset(recipe: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: [] }): Promise<Observation> {
    this.baselineScore ??= await this.baselineOf();
    const start = recipeToJson(recipe);
    const rec = await this.evaluator.evaluate(start);
    if (rec.state !== 'ok') {
      if (!start.passes.length) throw new WasmtuneError('E_HARNESS_FAILS', `${this.kernel.uri} fails on its own harness once rebuilt without passes (${rec.reason}: ${rec.detail}).`);
      throw new WasmtuneError('E_BAD_RECIPE', `The start recipe is invalid (${rec.reason}): ${rec.detail}`);
    }
    this.startScore = rec.score;
    this.done = false;
    this.current = { state: { kernel: this.kernel.uri, recipe: start, steps: [] }, metrics: rec.metrics, score: rec.score, measured: true };
    return copyObservation(this.current);
  }

  /**
   * Apply one action. Building at every step, an action that yields an invalid module is rejected: the
   * state does not change. Building at the end, a step only extends the recipe until the episode ends.
   */
  async step(action: Action): Promise<StepResult> {
    const cur = this.current;
    if (!cur) throw new Error('call reset() first');
    if (this.done) throw new Error('the episode is over: call reset() first');
    if (action.kind === 'stop') return this.end(cur);
    const recipe = recipeToJson(cur.state.recipe);
    if (action.kind === 'pass') recipe.passes.push(...expandStep(action.name));
    else {
      checkKnob(action.name, action.value);
      (recipe.knobs as unknown as Record<string, unknown>)[action.name] = action.value;
    }
    const state: EnvState = { kernel: cur.state.kernel, recipe, steps: [...cur.state.steps, action.kind === 'pass' ? action.name : `${action.name}=${action.value}`] };
    const full = state.steps.length >= this.maxSteps;
    if (this.build === 'end') {
      this.current = { ...cur, state, measured: false };
      return full ? this.end(this.current) : { observation: copyObservation(this.current), reward: 0, done: false, info: { reward: this.reward(0) } };
    }
    const rec = await this.evaluator.evaluate(recipe);
    if (rec.state !== 'ok') {
      return { observation: copyObservation(cur), reward: 0, done: false, info: { reward: this.reward(0), record: rec, rejected: `${rec.reason}: ${rec.detail}` } };
    }
    const value = (cur.score - rec.score) / this.baselineScore!;
    this.current = { state, metrics: rec.metrics, score: rec.score, measured: true };
    this.done = full;
    return { observation: copyObservation(this.current), reward: value, done: full, info: { reward: this.reward(value), record: rec } };
  }

  /** End the episode at `cur`; building at the end, build it and give the episode's reward. */
  private async end(cur: Observation): Promise<StepResult> {
    this.done = true;
    if (this.build === 'step') return { observation: copyObservation(cur), reward: 0, done: true, info: { reward: this.reward(0) } };
    const rec = await this.evaluator.evaluate(cur.state.recipe);
    if (rec.state !== 'ok') {
      const value = Math.min(Math.log(this.baselineScore! / this.startScore), 0) - 0.5;
      return { observation: copyObservation(cur), reward: value, done: true, info: { reward: this.reward(value), record: rec, rejected: `${rec.reason}: ${rec.detail}` } };
    }
    const value = Math.log(this.baselineScore! / rec.score);
    this.current = { state: cur.state, metrics: rec.metrics, score: rec.score, measured: true };
    return { observation: copyObservation(this.current), reward: value, done: true, info: { reward: this.reward(value), record: rec } };
  }

  private reward(value: number): Reward {
    return { kind: this.build === 'step' ? 'improvement' : 'log-ratio', value, baseline: METRIC_BASELINE[this.objective], deterministic: this.rewardDeterministic };
  }

  /** A copy at the same state, sharing the evaluator (and so its cache and processes). */
  fork(): WasmEnv {
    const env = new WasmEnv(this.evaluator, this.objective, this.build, this.maxSteps);
    env.baselineScore = this.baselineScore;
    env.startScore = this.startScore;
    env.done = this.done;
    if (this.current) env.current = copyObservation(this.current);
    return env;
  }

  /** Close the evaluator (call once, on the original environment). */
  close(): void {
    this.evaluator.close();
  }
}
