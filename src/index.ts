/**
 * wasmtune as a library: load a kernel (or your own module with its harness), tune it with an agent
 * towards an objective, and keep what you found as a recipe or a wasm-opt command line.
 *
 * ```ts
 * import { getAgent, loadKernel, tune, wasmOptCommand } from 'wasmtune';
 * const kernel = await loadKernel('kernel://wasmtune-v0/crc32');
 * const { report } = await tune(kernel, { agent: getAgent('greedy'), agentOptions: {}, budget: { evaluations: 50 }, objective: 'size', seed: 1 });
 * ```
 *
 * Importing this module does not load Binaryen: modules are built in child processes, started when an
 * evaluator first needs one.
 */

// Kernels: `kernel://<suite>-v<N>/<name>` URIs, or a .wasm/.wat path with its harness.
export { DEFAULT_SUITE, listSuite, loadKernel } from './kernels/index.js';

// Tuning: the loop, budgets, the search space and the agents.
export { parseBudget, tune } from './search/tune.js';
export { defaultSpace } from './search/space.js';
export { CONTENDERS, CONTENDER_NAMES, contenderRecipe } from './search/contenders.js';
export { defineAgent, proposeFromBatches } from './search/agent.js';
export { AGENTS, LEARNED_AGENTS, SEARCH_AGENTS, getAgent, parseAgentOptions } from '../agents/registry.js';

// Evaluation: build, validate and measure one recipe; objectives and the -O baselines.
export { DEFAULT_COST_LIMIT, Evaluator, FINAL, QUICK, defaultJobs } from './evaluate/evaluator.js';
export { METRICS, METRIC_BASELINE, describeObjective, paretoFront, parseObjective, scoreOf, single } from './evaluate/objective.js';
export { measureBaselines } from './evaluate/baselines.js';

// Recipes: knobs and passes, the -O levels, and the equivalent wasm-opt command line.
export {
  DEFAULT_KNOBS, OPT_LEVELS, OPT_LEVEL_NAMES, PIPELINES, describeRecipe, levelRecipe, parseRecipe, recipeHash, recipeToJson, recipesEqual,
} from './recipe/recipe.js';
export { wasmOptArgs, wasmOptCommand } from './recipe/commandline.js';
export { PASSES, actionSpace, getPass, isKnownStep } from './passes/registry.js';

// Results: the database that records runs and caches evaluations, and the leaderboard.
export { DEFAULT_DB_FILE, ResultsDb } from './db/index.js';
export { TASKS } from './leaderboard/tasks.js';
export { runLeaderboard } from './leaderboard/run.js';

// The environment (CompilerGym's reset/step/fork), which training drives.
export { WasmEnv } from './env/index.js';

export { INVALID_REASONS } from './types.js';
export { WasmtuneError } from './errors.js';

export type {
  Budget, Checked, EvalRecord, FrontEntry, InvalidReason, MeasureSettings, Metrics, ModuleCache, Progress, RatioSettings, ResultEntry,
  RunStore, RuntimeReport, TuneReport,
} from './types.js';
export type { Kernel } from './kernels/index.js';
export type { TuneOptions, TuneResult } from './search/tune.js';
export type { Rng, SearchSpace, SpaceOptions } from './search/space.js';
export type { ContenderChoice, ContenderName } from './search/contenders.js';
export type { Agent, AgentContext, AgentInfo } from './search/agent.js';
export type { AgentName } from '../agents/registry.js';
export type { CostLimitSettings, CostLimits, EvaluatorOptions } from './evaluate/evaluator.js';
export type { Metric, ObjectiveSpec } from './evaluate/objective.js';
export type { BaselinesReport } from './evaluate/baselines.js';
export type { KnobName, Knobs, OptLevelName, PipelineName, Recipe } from './recipe/recipe.js';
export type { PassInfo } from './passes/registry.js';
export type { SizeMetrics } from './measure/size.js';
export type { Estimate } from './measure/stats.js';
export type { EvaluationRow, RunInfo } from './db/index.js';
export type { Task, TaskName } from './leaderboard/tasks.js';
export type { LeaderboardOptions } from './leaderboard/run.js';
export type { Row } from './leaderboard/rows.js';
export type { Summary } from './leaderboard/summary.js';
export type { Action, Baseline, BuildMode, EnvOptions, EnvState, Observation, Reward, StepResult } from './env/index.js';
export type { ErrorCode } from './errors.js';
