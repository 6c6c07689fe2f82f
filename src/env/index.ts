/**
 * The environment API (CompilerGym's reset/step/fork over a kernel and a recipe): the environment in
 * env.ts, its public types in types.ts. Values first, then types.
 */
export { WasmEnv } from './env.js';
export type { Action, Baseline, BuildMode, EnvOptions, EnvState, Observation, Reward, StepResult } from './types.js';
