// Runs each kind of optimizer on a test function for a fixed budget and returns where it ended.
import { FlowOptimizer, createOptimizer, naturalStep } from '../../src/optim/index.js';
import type { CurvatureProduct, FlowOptions, NaturalStepOptions, Schedule } from '../../src/optim/index.js';
import type { TestFunction } from './functions.js';

export type Run =
  /** A first-order optimizer for `iterations` updates, the learning rate from `schedule` when given. */
  | { kind: 'first-order'; optimizer: string; options: Record<string, number | boolean>; schedule?: Schedule; iterations: number }
  /** `iterations` natural-gradient steps with the curvature product at each iterate. */
  | { kind: 'natural'; options: Partial<NaturalStepOptions>; curvature: (x: Float64Array) => CurvatureProduct; iterations: number }
  /** `steps` accepted steps of the gradient-flow integrator. */
  | { kind: 'flow'; options: Partial<FlowOptions>; steps: number };

export function minimise(fn: TestFunction, run: Run): Float64Array {
  const x = fn.start.slice();
  const g = new Float64Array(x.length);
  switch (run.kind) {
    case 'first-order': {
      const opt = createOptimizer(run.optimizer, x.length, run.options);
      for (let t = 0; t < run.iterations; t++) {
        fn.gradient(x, g);
        opt.step(x, g, run.schedule?.(t));
      }
      return x;
    }
    case 'natural': {
      for (let t = 0; t < run.iterations; t++) {
        const loss = fn.gradient(x, g);
        const r = naturalStep(x, { loss, gradient: g.slice(), curvature: run.curvature(x.slice()), evaluate: (c) => ({ loss: fn.value(c) }) }, run.options);
        // At the minimum no candidate can lower the loss any more: the iterate is final.
        if (r.state === 'rejected') break;
      }
      return x;
    }
    case 'flow': {
      const flow = new FlowOptimizer(x.length, fn.gradient, run.options);
      for (let s = 0; s < run.steps; s++) if (flow.step(x).state !== 'accepted') break;
      return x;
    }
  }
}

/** A short label for a run, for test names. */
export function label(run: Run): string {
  if (run.kind === 'first-order') return `${run.optimizer} ${JSON.stringify(run.options)}${run.schedule ? ' + schedule' : ''}, ${run.iterations} updates`;
  if (run.kind === 'natural') return `natural ${JSON.stringify(run.options)}, ≤ ${run.iterations} steps`;
  return `flow ${JSON.stringify(run.options)}, ${run.steps} steps`;
}
