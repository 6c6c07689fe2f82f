/**
 * One driver for every optimizer of the package on a deterministic function: from the function's start,
 * step until a stop condition holds or a limit is reached, and count what was spent (steps, gradient
 * evaluations, curvature products, line-search evaluations, rejected flow trials). The optimizer tests run
 * it for a fixed number of steps; the optimizer benchmark (bench/optim.ts) runs it until the iterate is
 * within a tolerance of the known minimum.
 *
 * What one step is: an update of a first-order optimizer (one gradient evaluation); a natural step (one
 * gradient evaluation, the conjugate-gradient products, the line search's function evaluations); an
 * accepted step of the flow integrator (3 gradient evaluations with Bogacki–Shampine, 2 with Heun–Euler,
 * plus those of the trials rejected before it).
 */
import { FlowOptimizer } from './flow.js';
import { naturalStep } from './natural.js';
import { createOptimizer } from './optimizers.js';
import type { CurvatureProduct, GradientFn, MinimiseLimits, MinimiseMethod, MinimiseResult } from './types.js';

/** Minimise `fn` from a copy of `fn.start` with `method` (see the file header and {@link MinimiseLimits}). */
export function minimise(
  fn: { start: Float64Array; gradient: GradientFn; value(x: Float64Array): number },
  method: MinimiseMethod,
  limits: Partial<MinimiseLimits> = {},
): MinimiseResult {
  const maxSteps = limits.maxSteps ?? Infinity;
  const maxEvals = limits.maxGradientEvaluations ?? Infinity;
  const until = limits.until;
  const x = fn.start.slice();
  const g = new Float64Array(x.length);
  const r: MinimiseResult = { state: 'step-cap', x, steps: 0, gradientEvaluations: 0, curvatureProducts: 0, functionEvaluations: 0, rejectedTrials: 0 };
  const done = (state: MinimiseResult['state']): MinimiseResult => ({ ...r, state });
  /** The state to stop in before the next step, or undefined to go on. */
  const stop = (): MinimiseResult['state'] | undefined => {
    if (until?.(x)) return 'converged';
    if (r.steps >= maxSteps) return 'step-cap';
    if (r.gradientEvaluations >= maxEvals) return 'evaluation-cap';
    return undefined;
  };
  switch (method.kind) {
    case 'first-order': {
      const opt = createOptimizer(method.optimizer, x.length, method.options);
      for (let s = stop(); ; s = stop()) {
        if (s) return done(s);
        const lr = method.schedule?.(r.steps);
        if (lr === 0) return done('stalled');
        const loss = fn.gradient(x, g);
        r.gradientEvaluations++;
        if (!Number.isFinite(loss)) return done('diverged');
        opt.step(x, g, lr);
        r.steps++;
      }
    }
    case 'natural': {
      for (let s = stop(); ; s = stop()) {
        if (s) return done(s);
        const loss = fn.gradient(x, g);
        r.gradientEvaluations++;
        if (!Number.isFinite(loss)) return done('diverged');
        const curvature = method.curvature(x.slice());
        const counted: CurvatureProduct = (v, out) => {
          r.curvatureProducts++;
          curvature(v, out);
        };
        const step = naturalStep(x, { loss, gradient: g.slice(), curvature: counted, evaluate: (c) => ({ loss: fn.value(c) }) }, method.options);
        r.functionEvaluations += step.evaluations;
        // No candidate lowered the loss (at the minimum, none can): the iterate is final.
        if (step.state === 'rejected') return done('stalled');
        r.steps++;
      }
    }
    case 'flow': {
      const flow = new FlowOptimizer(x.length, fn.gradient, method.options);
      for (let s = stop(); ; s = stop()) {
        if (s) return done(s);
        const step = flow.step(x);
        r.gradientEvaluations = flow.evaluations;
        r.rejectedTrials += step.rejections;
        if (step.state !== 'accepted') return done('stalled');
        if (!Number.isFinite(step.loss)) return done('diverged');
        r.steps++;
      }
    }
  }
}

/** A short label for a method and its settings, e.g. `adam {"lr":0.05} + schedule`. */
export function describeMethod(method: MinimiseMethod): string {
  if (method.kind === 'first-order') return `${method.optimizer} ${JSON.stringify(method.options)}${method.schedule ? ' + schedule' : ''}`;
  return `${method.kind} ${JSON.stringify(method.options)}`;
}
