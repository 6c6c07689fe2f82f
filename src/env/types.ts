/** The public types of the environment (env.ts): actions, states, observations, rewards. */
import type { EvalRecord, Metrics } from '../types.js';
import type { KnobName, OptLevelName, Recipe } from '../recipe/recipe.js';

export type Action =
  | { kind: 'pass'; name: string }
  | { kind: 'knob'; name: KnobName; value: number | boolean }
  | { kind: 'stop' };

/**
 * When the module is built ({@link EnvOptions.build}):
 *  - 'step': at every step. Each step's reward is its improvement; an action that yields an invalid
 *    module is rejected and the state does not change.
 *  - 'end': once, when the episode ends. Steps only extend the recipe, and the one reward comes at the
 *    end, so an episode costs one build and evaluation (what training uses).
 */
export type BuildMode = 'step' | 'end';

export interface EnvOptions {
  /** A harness for a module given by path (.json or .mjs). */
  harness?: string;
  /** When the module is built. @default 'step' */
  build?: BuildMode;
  /** Steps after which the episode ends (a `stop` ends it sooner). @default Infinity */
  maxSteps?: number;
}

/** A replayable state: the kernel, the recipe applied so far, and the steps taken since reset. */
export interface EnvState {
  kernel: string;
  /** The start recipe, then every step taken, a pipeline or a pass that needs flat IR expanded as everywhere. */
  recipe: Recipe;
  /** The steps taken since reset, as named (`-O3` is one step; a rejected one is not taken). */
  steps: string[];
}

export interface Observation {
  state: EnvState;
  /** Metrics of the last valid module built: with `build: 'end'`, the start module's until the episode ends. */
  metrics: Metrics;
  /** The objective value of that module (lower is better): bytes, or the runtime ratio to -O3. */
  score: number;
  /** Whether metrics and score are those of the state's recipe. */
  measured: boolean;
}

/** The score the rewards are normalised to: the named pipeline's. */
export interface Baseline {
  pipeline: OptLevelName;
  /** Its score (runtime: 1, ratios are to it already). */
  score: number;
}

export interface Reward {
  /**
   * 'improvement' (building at every step): (previous score − new score) / baseline score, 0 for a
   * rejected step; over an episode they add up to the improvement of the whole recipe.
   * 'log-ratio' (building at the end, the only non-zero reward): log(baseline score / final score), so > 0
   * is better than the baseline; an invalid final recipe gets min(log(baseline / start score), 0) − 0.5,
   * always worse than doing nothing.
   */
  kind: 'improvement' | 'log-ratio';
  value: number;
  /** The pipeline the reward is normalised to. */
  baseline: OptLevelName;
  /** Size rewards are exact; runtime rewards are measurements with noise. */
  deterministic: boolean;
}

export interface StepResult {
  observation: Observation;
  reward: number;
  /** The episode ended (`stop`, `maxSteps`): further steps need a reset. */
  done: boolean;
  /** `record`: the evaluation of the step's module, when one was built; `rejected`: why it is invalid. */
  info: { reward: Reward; record?: EvalRecord; rejected?: string };
}
