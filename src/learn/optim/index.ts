/**
 * The optimisation package: first-order optimizers, learning-rate schedules, gradient clipping, a small
 * policy/value MLP, natural-gradient steps and gradient-flow integration, all on Float64Array parameter
 * vectors; and classic test functions with a driver that runs any of the optimizers on them. Values first,
 * then types.
 */
export { OPTIMIZERS, createOptimizer, sgd, momentum, rmsprop, adam, adamw } from './optimizers.js';
export { SGD_DEFAULTS, MOMENTUM_DEFAULTS, RMSPROP_DEFAULTS, ADAM_DEFAULTS, ADAMW_DEFAULTS } from './optimizers.js';
export { SCHEDULES, createSchedule, withWarmup } from './schedules.js';
export { clipGradNorm } from './clip.js';
export { Mlp, LOSS_DEFAULTS } from './mlp.js';
export { conjugateGradient, naturalStep, policyFisherProduct, CG_DEFAULTS, NATURAL_DEFAULTS } from './natural.js';
export { FlowOptimizer, FLOW_METHODS, FLOW_DEFAULTS } from './flow.js';
export { TEST_FUNCTIONS, illConditionedQuadratic, rosenbrock, rosenbrockGaussNewton, chainedRosenbrock, beale, distance } from './functions.js';
export { minimise, describeMethod } from './minimise.js';

export type { OptimizerName } from './optimizers.js';
export type { ScheduleName } from './schedules.js';
export type { TestFunctionId } from './functions.js';
export type * from './types.js';
