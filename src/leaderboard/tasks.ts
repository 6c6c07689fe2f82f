/**
 * Leaderboard tasks. A task fixes what makes two leaderboard runs comparable: the kernels, the objective,
 * the budget per run, the seeds and the baselines the results are normalised to. A task is never edited
 * once results are published under its name: a change is a new version (`-v1`).
 */
import type { Metric } from '../evaluate/objective.js';
import type { OptLevelName } from '../recipe/recipe.js';

export interface Task {
  readonly name: string;
  readonly description: string;
  readonly objective: Metric;
  /** Agent evaluations per run (baselines not counted). */
  readonly budget: number;
  readonly seeds: readonly number[];
  /** Kernel URIs. */
  readonly kernels: readonly string[];
  /** The baseline every result is a ratio to. */
  readonly baseline: OptLevelName;
}

/** wasmtune-v0 as of this task's version: every kernel, named, so a new kernel does not change it. */
const SUITE_V0 = [
  'bfs', 'conv2d', 'crc32', 'fft', 'fir', 'floyd', 'jacobi2d', 'lu',
  'matmul', 'matvec', 'nbody', 'raytrace', 'rle', 'sha256', 'sort', 'wordfreq',
].map((k) => `kernel://wasmtune-v0/${k}`);

export const TASKS = {
  'wasm-size-v0': {
    name: 'wasm-size-v0',
    description: 'code size (bytes of the module) of every wasmtune-v0 kernel, as a ratio to wasm-opt -Oz',
    objective: 'size',
    budget: 60,
    seeds: [1, 2, 3],
    kernels: SUITE_V0,
    baseline: 'Oz',
  },
  'wasm-runtime-v0': {
    name: 'wasm-runtime-v0',
    description: "runtime in V8's optimizing tier of every wasmtune-v0 kernel, as a ratio to wasm-opt -O3 measured interleaved",
    objective: 'runtime',
    budget: 20,
    seeds: [1, 2, 3],
    kernels: SUITE_V0,
    baseline: 'O3',
  },
} as const satisfies Record<string, Task>;

export type TaskName = keyof typeof TASKS;
