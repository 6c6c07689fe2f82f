/**
 * What each step costs to build, measured: the CPU time Binaryen spends on a step, as a ratio to the CPU
 * time of building the same module with -O3 (so 1 is one -O3 build). The figures come from
 * `step-cost.json` beside this file, written by `npm run bench:step-cost` (bench/step-cost.ts), which
 * times every step of the catalog on every suite kernel in two contexts:
 *
 * - `flat: false`: the step on IR as a module comes (a step that needs flat IR is measured as a recipe
 *   runs it, after `flatten`, so its figure includes `flatten`);
 * - `flat: true`: the step right after `flatten`. Flat IR is larger and has many more locals, and some
 *   passes cost many times more on it: coalesce-locals-learning (and `wt-coalesce:2`, which runs it) up
 *   to 14 -O3 builds, inlining-optimizing 4, coalesce-locals and stack promotion several times their
 *   cost on IR as it comes.
 *
 * A figure is the step's own time: the cost of reading and writing the module (`overhead`) is measured
 * apart, so the figures of a recipe's steps add up. Each context has the median and the max over the
 * kernels; the API answers with the max, the safer estimate for a module not in the suite.
 *
 * A step without a figure is a step added since the last run: the test of this module fails until
 * `npm run bench:step-cost` has measured it.
 */
import { readFileSync } from 'node:fs';
import { isPipeline, splitGroup } from '../recipe/recipe.js';
import { cutPoints } from '../recipe/segments.js';
import { PASSES, isKnownStep } from './registry.js';

export const STEP_COST_FORMAT = 'wasmtune-step-cost-v1';

/** Ratios to an -O3 build of the same kernel, over the suite's kernels. */
export interface CostFigures {
  median: number;
  max: number;
  /** The kernel of the max. */
  maxAt: string;
}

export interface StepCostEntry {
  /** On IR as a module comes; absent when the step failed on every kernel. */
  original?: CostFigures;
  /** Right after `flatten`; absent when the step failed after `flatten` on every kernel. */
  flat?: CostFigures;
  /**
   * The share of the kernels on which IR that was flat before the step is still flat after it: 1 always,
   * 0 never (every pipeline), between for a step that leaves it flat only where it changes nothing.
   */
  staysFlat: number;
  /** Kernels the step was not measured on, per context, with the reason ("lower bound: …" when it hit the time cap). */
  skipped?: { original?: Record<string, string>; flat?: Record<string, string> };
}

/** The data file. */
export interface StepCostFile {
  format: string;
  description: string;
  /** The command that wrote it. */
  command: string | null;
  commit: string;
  machine: string;
  node: string;
  /** When it was written (ISO 8601). */
  date: string;
  /** False while the run is still going (the file then covers the kernels so far). */
  finished: boolean;
  walltimeS: number;
  settings: {
    reps: number;
    minCpuMs: number;
    timeoutS: number;
    floor: number;
    knobs: string;
    loadAverage: { start: number[]; end: number[] | null };
  };
  kernels: Array<{ name: string; o3CpuMs: number; overhead: number; flatten: number }>;
  /** Reading and writing the module (the empty recipe), as a ratio to -O3. */
  overhead: { median: number; max: number };
  steps: Record<string, StepCostEntry>;
}

/**
 * The data file as the compiler reads it. Naming the file here is what makes `tsc` copy it into dist/
 * beside the compiled module, where {@link stepCostData} reads it. (Its shape is checked when it is read,
 * not here: a change of format must not stop the build that the benchmark rewriting the file runs first.)
 */
export type CommittedStepCostFile = typeof import('./step-cost.json');

let loaded: StepCostFile | undefined;

/** The measured figures (read once, from `step-cost.json` beside this module). */
export function stepCostData(): StepCostFile {
  if (loaded) return loaded;
  const url = new URL('./step-cost.json', import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as StepCostFile;
  if (data?.format !== STEP_COST_FORMAT || typeof data.steps !== 'object' || data.steps === null) {
    throw new Error(`${url.pathname} is not ${STEP_COST_FORMAT} data: run npm run bench:step-cost`);
  }
  loaded = data;
  return data;
}

/**
 * A step is expensive from this cost on: half an -O3 build of the same module (two such steps cost as
 * much as the build of the -O3 baseline). Chosen from the measurements (bench/step-cost-results.md): every
 * pipeline from -O1 up is above it (0.65 to 1.45 on IR as it comes), and so are the steps that blow up,
 * coalesce-locals-learning (1.2, and 14 on flat IR), inlining-optimizing (1.0, and 4.3 on flat IR),
 * monomorphize, and on flat IR stack promotion and local coalescing; every other Binaryen pass is below
 * 0.33 on IR as it comes. It is far above the resolution of the measurement: steps that do next to
 * nothing stay below 0.03 on IR as it comes and 0.1 on flat IR. Our own passes, in JavaScript, reach 0.2
 * to 0.7 at most, mostly on the smallest kernels (an -O3 build of 3 to 6 ms); only the heavier ones cross it.
 */
export const EXPENSIVE_RATIO = 0.5;

/** The figures of a step, or undefined for a step that was never measured. */
export function stepCostEntry(step: string): StepCostEntry | undefined {
  // A step on a function group costs at most what it costs on the whole module.
  const name = splitGroup(step).step;
  return Object.hasOwn(stepCostData().steps, name) ? stepCostData().steps[name] : undefined;
}

/**
 * CPU time of one step, as a ratio to an -O3 build of the same module: the max over the suite's kernels,
 * on flat IR (right after `flatten`) or not. Undefined when the step was never measured in that context.
 * A step that needs flat IR, on IR that is not flat, is priced as a recipe runs it: `flatten` and the step.
 */
export function stepCost(step: string, context: { flat: boolean }): number | undefined {
  const e = stepCostEntry(step);
  return (context.flat ? e?.flat : e?.original)?.max;
}

/** Whether a step costs at least {@link EXPENSIVE_RATIO} of an -O3 build in that context. */
export function isExpensive(step: string, context: { flat: boolean }): boolean {
  return (stepCost(step, context) ?? 0) >= EXPENSIVE_RATIO;
}

/**
 * Whether IR that is flat before the step is still flat after it, as measured on the suite: `'always'`,
 * `'never'` (every pipeline, and an unmeasured step), or `'sometimes'` (a step that leaves IR flat on some
 * kernels only, typically where it changes nothing).
 */
export function flatAfter(step: string): 'always' | 'never' | 'sometimes' {
  const share = isPipeline(splitGroup(step).step) ? 0 : (stepCostEntry(step)?.staysFlat ?? 0);
  return share >= 1 ? 'always' : share <= 0 ? 'never' : 'sometimes';
}

/** What an unmeasured step counts for in {@link recipeCost}: one -O3 build. */
export const UNMEASURED_STEP_COST = 1;

/**
 * The estimated CPU time of building a recipe, in -O3 builds of the same module: the sum of the step
 * costs, each in the context it runs in, plus one write and read of the module (the measured `overhead`,
 * its max) at each cut point where the builder writes the module out and reads it back, around passes of
 * ours (src/recipe/segments.ts). The IR is flat from `flatten` (or from a step that needs flat IR, which
 * brings its own `flatten`) until a pipeline or a step that never leaves it flat ({@link flatAfter}).
 * After a step that leaves it flat only sometimes, it may or may not be flat, and each step costs the
 * larger of its two figures until the next `flatten`, pipeline or step that never leaves IR flat. A step
 * with no figure in its context counts with its other figure, and an unmeasured step as
 * {@link UNMEASURED_STEP_COST}. Reading the input and writing the result, paid once per build, are not
 * included.
 */
export function recipeCost(passes: readonly string[]): number {
  type Flat = 'yes' | 'no' | 'maybe';
  let flat: Flat = 'no';
  let total = 0;
  for (const step of passes) {
    const original = stepCost(step, { flat: false });
    const onFlat = stepCost(step, { flat: true });
    const cost = flat === 'no' ? original ?? onFlat : flat === 'yes' ? onFlat ?? original : Math.max(original ?? 0, onFlat ?? 0) || undefined;
    total += cost ?? UNMEASURED_STEP_COST;
    const needsFlat = PASSES.get(step)?.requires?.includes('flat') ?? false;
    // A step that needs flat IR only runs on flat IR.
    const before: Flat = needsFlat ? 'yes' : flat;
    const after = flatAfter(step);
    flat = step === 'flatten' ? 'yes' : before === 'no' || after === 'never' ? 'no' : after === 'always' ? before : 'maybe';
  }
  return total + cutPoints(passes.filter(isKnownStep)).length * stepCostData().overhead.max;
}

/** The cost model as the search space hands it to agents (`space.cost`). */
export interface StepCosts {
  /** {@link stepCost}. */
  step(step: string, context: { flat: boolean }): number | undefined;
  /** {@link recipeCost}. */
  recipe(passes: readonly string[]): number;
  /** {@link isExpensive}. */
  expensive(step: string, context: { flat: boolean }): boolean;
  /** {@link flatAfter}. */
  flatAfter(step: string): 'always' | 'never' | 'sometimes';
  /** {@link EXPENSIVE_RATIO}. */
  readonly expensiveRatio: number;
}

export const STEP_COSTS: StepCosts = Object.freeze({
  step: stepCost,
  recipe: recipeCost,
  expensive: isExpensive,
  flatAfter,
  expensiveRatio: EXPENSIVE_RATIO,
});
