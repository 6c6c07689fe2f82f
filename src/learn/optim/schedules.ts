/**
 * Learning-rate schedules: functions from the update number t (0 for the first update) to the learning
 * rate to pass to `Optimizer.step`. A schedule is a pure function, so a training run can be replayed or
 * resumed from any step without schedule state.
 *
 *   constant     lr
 *   step         lr·γ^⌊t/stepSize⌋                                 (drop by γ every stepSize updates)
 *   exponential  lr·γᵗ
 *   cosine       minLr + (lr − minLr)·(1 + cos(π·min(t, T)/T))/2    (Loshchilov & Hutter's SGDR without restarts)
 *
 * Linear warm-up composes with any of them ({@link withWarmup}): for the first W updates the rate rises
 * linearly, lr(t) = inner(0)·(t + 1)/W, reaching inner(0) at t = W − 1; afterwards lr(t) = inner(t − W), so
 * the inner schedule starts when the warm-up ends (a cosine with T = 1000 after W = 100 updates of warm-up
 * reaches minLr at t = 1100). Warm-up keeps Adam-type optimizers from taking full-size steps while their
 * second-moment estimates still rest on a handful of gradients.
 */
import { WasmtuneError, didYouMean } from '../../errors.js';
import type {
  ConstantScheduleOptions,
  CosineScheduleOptions,
  ExponentialScheduleOptions,
  Schedule,
  ScheduleInfo,
  StepScheduleOptions,
} from './types.js';
import { resolveOptions } from './vec.js';

const lrRange = { min: 0, minExclusive: true } as const;
const gammaRange = { min: 0, max: 1, minExclusive: true } as const;
const countRange = { min: 1, integer: true } as const;

function checkStep(t: number): void {
  if (!Number.isInteger(t) || t < 0) throw new WasmtuneError('E_USAGE', `A schedule's step must be an integer ≥ 0, got ${t}.`);
}

const CONSTANT_DEFAULTS: Readonly<ConstantScheduleOptions> = { lr: 0.001 };
const STEP_DEFAULTS: Readonly<StepScheduleOptions> = { lr: 0.001, stepSize: 100, gamma: 0.1 };
const EXPONENTIAL_DEFAULTS: Readonly<ExponentialScheduleOptions> = { lr: 0.001, gamma: 0.99 };
const COSINE_DEFAULTS: Readonly<CosineScheduleOptions> = { lr: 0.001, periodSteps: 1000, minLr: 0 };

export const constant: ScheduleInfo<ConstantScheduleOptions> = {
  name: 'constant',
  description: 'the same learning rate at every step',
  defaults: CONSTANT_DEFAULTS,
  create(options) {
    const { lr } = resolveOptions('constant schedule', CONSTANT_DEFAULTS, options, { lr: lrRange });
    return (t) => (checkStep(t), lr);
  },
};

export const step: ScheduleInfo<StepScheduleOptions> = {
  name: 'step',
  description: 'multiply the learning rate by gamma every stepSize updates',
  defaults: STEP_DEFAULTS,
  create(options) {
    const { lr, stepSize, gamma } = resolveOptions('step schedule', STEP_DEFAULTS, options, { lr: lrRange, stepSize: countRange, gamma: gammaRange });
    return (t) => (checkStep(t), lr * gamma ** Math.floor(t / stepSize));
  },
};

export const exponential: ScheduleInfo<ExponentialScheduleOptions> = {
  name: 'exponential',
  description: 'multiply the learning rate by gamma every update',
  defaults: EXPONENTIAL_DEFAULTS,
  create(options) {
    const { lr, gamma } = resolveOptions('exponential schedule', EXPONENTIAL_DEFAULTS, options, { lr: lrRange, gamma: gammaRange });
    return (t) => (checkStep(t), lr * gamma ** t);
  },
};

export const cosine: ScheduleInfo<CosineScheduleOptions> = {
  name: 'cosine',
  description: 'cosine annealing from lr to minLr over periodSteps updates, then minLr',
  defaults: COSINE_DEFAULTS,
  create(options) {
    const o = resolveOptions('cosine schedule', COSINE_DEFAULTS, options, { lr: lrRange, periodSteps: countRange, minLr: { min: 0 } });
    if (o.minLr > o.lr) throw new WasmtuneError('E_USAGE', `cosine schedule: minLr (${o.minLr}) must not exceed lr (${o.lr}).`);
    return (t) => {
      checkStep(t);
      const x = Math.min(t, o.periodSteps) / o.periodSteps;
      return o.minLr + ((o.lr - o.minLr) * (1 + Math.cos(Math.PI * x))) / 2;
    };
  },
};

/** Every schedule by name. */
export const SCHEDULES = { constant, step, exponential, cosine } as const;

export type ScheduleName = keyof typeof SCHEDULES;

/**
 * `inner` after `steps` updates of linear warm-up: inner(0)·(t + 1)/steps for t < steps, inner(t − steps)
 * afterwards. `steps` = 0 returns `inner` itself.
 */
export function withWarmup(inner: Schedule, steps: number): Schedule {
  if (!Number.isInteger(steps) || steps < 0) throw new WasmtuneError('E_USAGE', `Warm-up steps must be an integer ≥ 0, got ${steps}.`);
  if (steps === 0) return inner;
  const peak = inner(0);
  return (t) => {
    checkStep(t);
    return t < steps ? (peak * (t + 1)) / steps : inner(t - steps);
  };
}

/**
 * The schedule registered as `name` with `options`, preceded by `warmupSteps` updates of linear warm-up
 * (default 0). Unknown names throw E_USAGE with suggestions.
 */
export function createSchedule(name: string, options?: Record<string, number>, warmupSteps = 0): Schedule {
  if (!Object.hasOwn(SCHEDULES, name)) {
    throw new WasmtuneError('E_USAGE', `Unknown schedule '${name}'.${didYouMean(name, Object.keys(SCHEDULES))} Schedules: ${Object.keys(SCHEDULES).join(', ')}.`);
  }
  return withWarmup((SCHEDULES[name as ScheduleName] as ScheduleInfo).create(options), warmupSteps);
}
