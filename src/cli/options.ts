/** Flags several commands take, declared once so they read the same everywhere. */
import type { OptionSpec } from './command.js';

export const DB = {
  type: 'string', value: '<file>', description: 'the results database (default $WASMTUNE_DB, else .wasmtune/wasmtune.db)',
} as const satisfies OptionSpec;

export const JSON_OUTPUT = { type: 'boolean', description: 'print the result as JSON' } as const satisfies OptionSpec;

export const QUIET = { type: 'boolean', description: 'no progress lines on stderr' } as const satisfies OptionSpec;

export const HARNESS = {
  type: 'string', value: '<file.json|file.mjs>', description: 'how to run and check a module from outside the suite',
} as const satisfies OptionSpec;

export const SEED = { type: 'string', value: '<n>', default: '1', description: 'random seed, an integer' } as const satisfies OptionSpec;

export const KERNEL_ARGUMENT = {
  name: '<kernel|module>', description: 'a suite kernel (kernel://wasmtune-v0/crc32, or crc32), or a .wasm or .wat file',
} as const;

/** The training flags `train` and `select` share (`select` varies --lr, --batch and --optimizer itself). */
export const TRAINING = {
  algo: { type: 'string', value: 'ppo|reinforce', default: 'ppo', description: 'the policy-gradient algorithm' },
  schedule: { type: 'string', value: '<name>', default: 'constant', description: 'learning-rate schedule: constant | step | exponential | cosine' },
  warmup: { type: 'string', value: '<N>', default: '0', description: 'updates of linear learning-rate warm-up' },
  clip: { type: 'string', value: '<x>', default: '1', description: 'clip gradients to this global norm (0: off)' },
  episodes: { type: 'string', value: '<N>', default: '200', description: 'episodes in total' },
  kernels: { type: 'string', value: '<N>', default: '16', description: 'generated training kernels train-0 … train-N-1 (never the suite)' },
  hidden: { type: 'string', value: '<a,b,…>', default: '64', description: 'hidden layer widths' },
  'max-steps': { type: 'string', value: '<N>', default: '8', description: 'longest episode, in steps' },
  objective: { type: 'string', value: 'size|runtime', default: 'size', description: 'reward: log size ratio to -Oz, or -log runtime ratio to -O3' },
  seed: SEED,
  'gen-dir': { type: 'string', value: '<dir>', description: 'where the generated kernels are built and kept (default: a cache under the system temporary directory)' },
} as const satisfies Record<string, OptionSpec>;
