/**
 * The environment API, in the shape of CompilerGym's: `reset(kernel)` → observation;
 * `step(action)` → observation, reward, done, info; `fork()`. A state is a kernel URI plus a recipe and
 * replays exactly. Rewards are the improvement of the objective normalised to a named baseline (-O3 for
 * runtime, -Oz for sizes) and say whether they are deterministic.
 */
import { Evaluator } from '../evaluate/evaluator.js';
import { type EvalRecord, type Metrics } from '../types.js';
import { METRIC_BASELINE, type Metric } from '../evaluate/objective.js';
import { loadKernel, type Kernel } from '../kernels/index.js';
import { DEFAULT_KNOBS, checkKnob, levelRecipe, recipeToJson, type KnobName, type Recipe } from '../recipe/recipe.js';
import { expandStep } from '../passes/registry.js';
import { WasmtuneError } from '../errors.js';
import type { OptLevelName } from '../recipe/recipe.js';

export type Action =
  | { kind: 'pass'; name: string }
  | { kind: 'knob'; name: KnobName; value: number | boolean }
  | { kind: 'stop' };

/** A replayable state: the kernel and the recipe applied so far. */
export interface EnvState {
  kernel: string;
  recipe: Recipe;
}

export interface Observation {
  state: EnvState;
  /** Metrics of the current module (the last valid one). */
  metrics: Metrics;
  /** The current objective value (lower is better): bytes, or the runtime ratio to -O3. */
  score: number;
}

export interface Reward {
  /** (previous score − new score) / baseline score: positive is better. */
  value: number;
  /** The pipeline the reward is normalised to. */
  baseline: OptLevelName;
  /** Size rewards are exact; runtime rewards are measurements with noise. */
  deterministic: boolean;
}

export interface StepResult {
  observation: Observation;
  reward: number;
  done: boolean;
  info: { reward: Reward; record?: EvalRecord; rejected?: string };
}

export class WasmEnv {
  private current: Observation | undefined;
  private baselineScore = NaN;

  private constructor(readonly evaluator: Evaluator, readonly objective: Metric) {}

  /** An environment for one kernel (a URI, suite name or module path). */
  static async create(kernel: string | Kernel, objective: Metric = 'size', harness?: string): Promise<WasmEnv> {
    const k = typeof kernel === 'string' ? await loadKernel(kernel, harness) : kernel;
    const ev = await Evaluator.create(k, { objective });
    return new WasmEnv(ev, objective);
  }

  get kernel(): Kernel {
    return this.evaluator.kernel;
  }

  get state(): EnvState {
    if (!this.current) throw new Error('call reset() first');
    return { kernel: this.current.state.kernel, recipe: recipeToJson(this.current.state.recipe) };
  }

  get rewardDeterministic(): boolean {
    return this.objective !== 'runtime';
  }

  private async score(recipe: Recipe): Promise<EvalRecord> {
    return this.evaluator.evaluate(recipe);
  }

  /** Start from the unmodified module (or from `recipe`); returns the observation. */
  async reset(recipe: Recipe = { knobs: { ...DEFAULT_KNOBS }, passes: [] }): Promise<Observation> {
    if (Number.isNaN(this.baselineScore)) {
      const base = METRIC_BASELINE[this.objective];
      if (this.objective === 'runtime') {
        const o3 = await this.score(levelRecipe('O3'));
        if (o3.state === 'ok') await this.evaluator.setRuntimeBaseline(this.evaluator.bytesOf(o3.hash)!);
        this.baselineScore = 1;
      } else {
        const b = await this.score(levelRecipe(base));
        this.baselineScore = b.state === 'ok' ? b.score : NaN;
      }
    }
    const rec = await this.score(recipe);
    if (rec.state !== 'ok') throw new WasmtuneError('E_BAD_RECIPE', `The start recipe is invalid (${rec.reason}): ${rec.detail}`);
    this.current = { state: { kernel: this.kernel.uri, recipe: recipeToJson(recipe) }, metrics: rec.metrics, score: rec.score };
    return this.current;
  }

  /** Apply one action. An action that yields an invalid module is rejected: the state does not change. */
  async step(action: Action): Promise<StepResult> {
    const cur = this.current;
    if (!cur) throw new Error('call reset() first');
    const reward = (value: number): Reward => ({ value, baseline: METRIC_BASELINE[this.objective], deterministic: this.rewardDeterministic });
    if (action.kind === 'stop') return { observation: cur, reward: 0, done: true, info: { reward: reward(0) } };
    const recipe = recipeToJson(cur.state.recipe);
    if (action.kind === 'pass') recipe.passes.push(...expandStep(action.name));
    else {
      checkKnob(action.name, action.value);
      (recipe.knobs as unknown as Record<string, unknown>)[action.name] = action.value;
    }
    const rec = await this.score(recipe);
    if (rec.state !== 'ok') {
      return { observation: cur, reward: 0, done: false, info: { reward: reward(0), record: rec, rejected: `${rec.reason}: ${rec.detail}` } };
    }
    const value = (cur.score - rec.score) / this.baselineScore;
    this.current = { state: { kernel: this.kernel.uri, recipe }, metrics: rec.metrics, score: rec.score };
    return { observation: this.current, reward: value, done: false, info: { reward: reward(value), record: rec } };
  }

  /** A copy at the same state, sharing the evaluator (and so its cache and processes). */
  fork(): WasmEnv {
    const env = new WasmEnv(this.evaluator, this.objective);
    env.baselineScore = this.baselineScore;
    if (this.current) env.current = { ...this.current, state: this.state };
    return env;
  }

  /** Close the evaluator (call once, on the original environment). */
  close(): void {
    this.evaluator.close();
  }
}
