/** The training flags `train` and `select` share, read and checked (everything but what `select` varies). */
import { resolve } from 'node:path';
import { WasmtuneError, didYouMean } from '../errors.js';
import { ALGOS, OPTIMIZER_CHOICES, type Algo } from '../learn/learner.js';
import { SCHEDULES } from '../learn/optim/index.js';
import type { OptionValues } from './command.js';
import type { TRAINING } from './options.js';
import { isWhole, numberFlag, parseSeed } from './values.js';

export function trainingFlags(values: OptionValues<typeof TRAINING>) {
  if (!(ALGOS as readonly string[]).includes(values.algo)) throw new WasmtuneError('E_USAGE', `--algo must be ppo or reinforce, got '${values.algo}'.${didYouMean(values.algo, ALGOS)}`);
  const schedule = values.schedule;
  if (!Object.hasOwn(SCHEDULES, schedule)) throw new WasmtuneError('E_USAGE', `Unknown schedule '${schedule}'.${didYouMean(schedule, Object.keys(SCHEDULES))} Schedules: ${Object.keys(SCHEDULES).join(', ')}.`);
  const objective = values.objective;
  if (objective !== 'size' && objective !== 'runtime') throw new WasmtuneError('E_USAGE', `--objective for training is size or runtime, got '${objective}'.`);
  return {
    algo: values.algo as Algo, schedule, objective: objective as 'size' | 'runtime',
    clip: numberFlag(values.clip, '--clip', 0, (n) => n >= 0, 'a number ≥ 0 (0: no clipping)'),
    warmup: numberFlag(values.warmup, '--warmup', 0, isWhole(0), 'a whole number ≥ 0'),
    episodes: numberFlag(values.episodes, '--episodes', 0, isWhole(1), 'a whole number ≥ 1'),
    kernels: numberFlag(values.kernels, '--kernels', 0, isWhole(1), 'a whole number ≥ 1 (generated training kernels)'),
    maxSteps: numberFlag(values['max-steps'], '--max-steps', 0, isWhole(1), 'a whole number ≥ 1'),
    hidden: values.hidden.split(',').map((h) => numberFlag(h, '--hidden', 0, isWhole(1), 'comma-separated whole numbers ≥ 1')),
    seed: parseSeed(values.seed),
    ...(values['gen-dir'] ? { genDir: resolve(values['gen-dir']) } : {}),
  };
}

export function checkOptimizer(optimizer: string): string {
  if (!(OPTIMIZER_CHOICES as readonly string[]).includes(optimizer)) {
    throw new WasmtuneError('E_USAGE', `Unknown optimizer '${optimizer}'.${didYouMean(optimizer, OPTIMIZER_CHOICES)} Optimizers: ${OPTIMIZER_CHOICES.join(', ')}.`);
  }
  return optimizer;
}
