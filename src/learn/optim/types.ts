/**
 * The public types of the optimisation package (this folder): parameter vectors are Float64Arrays, every
 * routine updates them in place, and every result is plain data. Option interfaces document each default
 * once; the implementation files hold the same defaults as constants.
 */

/**
 * The loss and its gradient at `params`: writes ∇L(params) into `out` (same length) and returns L(params).
 * Must not modify `params`.
 */
export type GradientFn = (params: Float64Array, out: Float64Array) => number;

/**
 * A curvature–vector product: writes M·v into `out` for a fixed symmetric matrix M (a Fisher matrix, a
 * Hessian or a Gauss–Newton matrix at the current parameters). Must not modify `v`.
 */
export type CurvatureProduct = (v: Float64Array, out: Float64Array) => void;

// ---------------------------------------------------------------------------------------------------------
// First-order optimizers (optimizers.ts)

/** What one update did. */
export interface StepInfo {
  /** Number of updates made so far, this one included (1 after the first step). */
  t: number;
  /** The learning rate used for this update. */
  lr: number;
  /** Euclidean norm of the change applied to the parameters, ‖θ_new − θ_old‖₂. */
  updateNorm: number;
}

/** A snapshot of an optimizer's state, deep-copied: changing it never changes the optimizer. */
export interface OptimizerState {
  name: string;
  /** Number of updates made so far. */
  t: number;
  /** Per-parameter buffers by name (`velocity`, `meanSquare`, `m`, `v`), each of the parameter count. */
  buffers: Record<string, Float64Array>;
}

export interface Optimizer {
  readonly name: string;
  /** Number of parameters the optimizer was created for. */
  readonly size: number;
  /**
   * One update of `params` in place from the gradient `grad` of the loss to minimise. `lr` overrides the
   * configured learning rate for this update (e.g. from a schedule). `grad` is not modified.
   */
  step(params: Float64Array, grad: Float64Array, lr?: number): StepInfo;
  /** A deep copy of the state (step count and buffers). */
  state(): OptimizerState;
  /** Continue from a state returned by {@link Optimizer.state} of an optimizer of the same name and size. */
  restore(state: OptimizerState): void;
  /** Forget all history: step count 0, buffers zero. */
  reset(): void;
}

/** θ ← θ − lr·(g + weightDecay·θ). */
export interface SgdOptions {
  /** Learning rate. @default 0.01 */
  lr: number;
  /** L2 coefficient added to the gradient (coupled weight decay). @default 0 */
  weightDecay: number;
}

/**
 * Heavy-ball momentum, in the form PyTorch uses: d = g + weightDecay·θ; v ← μ·v + d; then
 * θ ← θ − lr·v (classical) or θ ← θ − lr·(d + μ·v) (Nesterov, Sutskever et al. 2013).
 */
export interface MomentumOptions {
  /** Learning rate. @default 0.01 */
  lr: number;
  /** Momentum coefficient μ in [0, 1). @default 0.9 */
  momentum: number;
  /** Use Nesterov's look-ahead form. @default false */
  nesterov: boolean;
  /** L2 coefficient added to the gradient. @default 0 */
  weightDecay: number;
}

/**
 * RMSprop (Tieleman & Hinton 2012): d = g + weightDecay·θ; s ← ρ·s + (1 − ρ)·d²;
 * θ ← θ − lr·d / (√s + ε).
 */
export interface RmspropOptions {
  /** Learning rate. @default 0.001 */
  lr: number;
  /** Decay ρ of the running mean of squared gradients, in [0, 1). @default 0.9 */
  rho: number;
  /** Added to √s in the denominator. @default 1e-8 */
  eps: number;
  /** L2 coefficient added to the gradient. @default 0 */
  weightDecay: number;
}

/**
 * Adam (Kingma & Ba 2015) with bias correction: d = g + weightDecay·θ (L2 regularisation, coupled);
 * m ← β₁m + (1 − β₁)d; v ← β₂v + (1 − β₂)d²; θ ← θ − lr·m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
 */
export interface AdamOptions {
  /** Learning rate. @default 0.001 */
  lr: number;
  /** Decay of the first moment, in [0, 1). @default 0.9 */
  beta1: number;
  /** Decay of the second moment, in [0, 1). @default 0.999 */
  beta2: number;
  /** Added to √v̂ in the denominator. @default 1e-8 */
  eps: number;
  /** L2 coefficient added to the gradient before the moments (not AdamW's decay). @default 0 */
  weightDecay: number;
}

/**
 * AdamW (Loshchilov & Hutter 2019): decoupled weight decay θ ← θ − lr·weightDecay·θ, then Adam's update
 * from the raw gradient. The decay is scaled by the learning rate (PyTorch's convention), so a schedule
 * scales both; the paper's λ is lr·weightDecay here.
 */
export interface AdamwOptions {
  /** Learning rate. @default 0.001 */
  lr: number;
  /** @default 0.9 */
  beta1: number;
  /** @default 0.999 */
  beta2: number;
  /** @default 1e-8 */
  eps: number;
  /** Decoupled weight-decay coefficient. @default 0.01 */
  weightDecay: number;
}

/** A registry entry: name, description, documented defaults and a factory. */
export interface OptimizerInfo<O extends object = object> {
  readonly name: string;
  readonly description: string;
  readonly defaults: Readonly<O>;
  /** An optimizer for `size` parameters; options not given take the defaults. Invalid options throw. */
  create(size: number, options?: Partial<O>): Optimizer;
}

// ---------------------------------------------------------------------------------------------------------
// Learning-rate schedules (schedules.ts)

/** The learning rate for update number `t` (0 for the first update, an integer ≥ 0). */
export type Schedule = (t: number) => number;

export interface ConstantScheduleOptions {
  /** @default 0.001 */
  lr: number;
}

/** lr·gamma^⌊t / stepSize⌋. */
export interface StepScheduleOptions {
  /** @default 0.001 */
  lr: number;
  /** Updates between decays. @default 100 */
  stepSize: number;
  /** Factor per decay, in (0, 1]. @default 0.1 */
  gamma: number;
}

/** lr·gammaᵗ. */
export interface ExponentialScheduleOptions {
  /** @default 0.001 */
  lr: number;
  /** Factor per update, in (0, 1]. @default 0.99 */
  gamma: number;
}

/** minLr + (lr − minLr)·(1 + cos(π·min(t, periodSteps)/periodSteps))/2: lr at t = 0, minLr from periodSteps on. */
export interface CosineScheduleOptions {
  /** @default 0.001 */
  lr: number;
  /** Updates from lr down to minLr. @default 1000 */
  periodSteps: number;
  /** @default 0 */
  minLr: number;
}

export interface ScheduleInfo<O extends object = object> {
  readonly name: string;
  readonly description: string;
  readonly defaults: Readonly<O>;
  create(options?: Partial<O>): Schedule;
}

// ---------------------------------------------------------------------------------------------------------
// The policy/value network (mlp.ts)

export type Activation = 'tanh' | 'relu';

export interface MlpSpec {
  /** Number of input features. */
  inputs: number;
  /** Widths of the hidden layers, input side first (may be empty: a linear policy). */
  hidden: readonly number[];
  /** Number of actions (logits). */
  actions: number;
  /** Hidden activation. @default 'tanh' */
  activation?: Activation;
  /** Add a scalar value head on the last hidden layer. @default false */
  valueHead?: boolean;
}

/** Where one dense layer y = W·x + b lives in the flat parameter vector (W row-major, outputs × inputs). */
export interface DenseLayout {
  inputs: number;
  outputs: number;
  /** Offset of W. */
  weights: number;
  /** Offset of b (right after W). */
  bias: number;
}

/** Everything the forward pass computed for a batch, kept for the backward pass. Row-major, batch first. */
export interface MlpForward {
  batch: number;
  /** acts[0] is the input batch; acts[l + 1] the output of hidden layer l (after the activation). */
  acts: Float64Array[];
  /** pres[l]: hidden layer l before the activation. */
  pres: Float64Array[];
  /** batch × actions. */
  logits: Float64Array;
  /** log-softmax of the logits, batch × actions. */
  logProbs: Float64Array;
  /** softmax of the logits, batch × actions. */
  probs: Float64Array;
  /** The value head's output, one per state; undefined without a value head. */
  values: Float64Array | undefined;
}

/**
 * A batch for {@link Mlp.loss}. The policy-gradient term needs `actions` and `weights` (e.g. advantages or
 * returns); the value term needs `targets`; the entropy term needs nothing more.
 */
export interface LossBatch {
  /** batch × inputs, row-major. */
  states: Float64Array;
  /** Number of states. */
  size: number;
  /** The action taken in each state, integers in [0, actions). */
  actions?: ArrayLike<number>;
  /** The weight of each chosen action's log-probability. */
  weights?: Float64Array;
  /** The value target of each state (needs a value head). */
  targets?: Float64Array;
}

export interface LossCoefficients {
  /** c_V, the weight of the squared value error. @default 0.5 */
  valueCoef: number;
  /** c_H, the weight of the entropy bonus. @default 0 */
  entropyCoef: number;
}

/** The loss and its parts, each a mean over the batch. */
export interface LossInfo {
  /** policyLoss + valueCoef·valueLoss − entropyCoef·entropy. */
  loss: number;
  /** −mean(w·log π(a|s)); 0 without actions. */
  policyLoss: number;
  /** mean((V(s) − target)²); 0 without targets. */
  valueLoss: number;
  /** mean entropy of π(·|s) in nats (always reported). */
  entropy: number;
}

// ---------------------------------------------------------------------------------------------------------
// Natural-gradient steps (natural.ts)

export interface CgOptions {
  /** Maximum number of iterations. @default 10 */
  maxIterations: number;
  /** Stop when ‖r‖ ≤ tolerance·‖b‖ (relative residual). @default 1e-10 */
  tolerance: number;
  /** λ: solve (M + λI)x = b. @default 0 */
  damping: number;
}

export interface CgResult {
  /** Why it stopped: the residual tolerance was met, the iteration cap, or a direction p with pᵀ(M + λI)p ≤ 0. */
  state: 'converged' | 'max-iterations' | 'non-positive-curvature';
  /** The solution estimate (zero if the first direction had non-positive curvature). */
  x: Float64Array;
  /** Iterations completed (matrix–vector products used). */
  iterations: number;
  /** ‖r‖ = ‖b − (M + λI)x‖ as the recurrence tracks it. */
  residualNorm: number;
}

export interface NaturalStepOptions {
  /** δ, the bound on the KL divergence (or on the quadratic model ½sᵀMs when no KL is measured). @default 0.01 */
  maxKl: number;
  /** λ added to the curvature, in the solve and in the step scaling. @default 0.1 */
  damping: number;
  /** @default 10 */
  cgIterations: number;
  /** Relative residual tolerance of conjugate gradient. @default 1e-10 */
  cgTolerance: number;
  /** Each backtrack multiplies the step by this, in (0, 1). @default 0.5 */
  backtrackRatio: number;
  /** Number of shrunken steps tried after the full step. @default 10 */
  backtrackSteps: number;
  /**
   * A step is accepted only if the actual decrease is at least this fraction of the decrease the linear
   * model predicts (Armijo's condition); 0 accepts any decrease. @default 0
   */
  acceptRatio: number;
  /**
   * true: the full step lies on the trust-region boundary, s = −√(2δ / xᵀMx)·x (TRPO).
   * false: the step is the natural step x itself unless that leaves the region, s = −min(1, √(2δ / xᵀMx))·x
   * (a trust-region Newton step; suits deterministic minimisation, where x shrinks near the minimum).
   * @default true
   */
  fillTrustRegion: boolean;
}

/** The problem around the current parameters θ. */
export interface NaturalProblem {
  /** L(θ). */
  loss: number;
  /** ∇L(θ), for the loss to minimise. */
  gradient: Float64Array;
  /** M·v for the curvature M at θ (Fisher, Hessian or Gauss–Newton), without damping. */
  curvature: CurvatureProduct;
  /**
   * The loss at a candidate, and the KL divergence between the distribution at θ and at the candidate.
   * Without `kl` the bound is checked on the quadratic model ½sᵀ(M + λI)s instead.
   */
  evaluate(candidate: Float64Array): { loss: number; kl?: number };
}

interface NaturalStepCommon {
  cg: CgResult;
  /** Candidates evaluated by the line search. */
  evaluations: number;
}

export type NaturalStepResult =
  | (NaturalStepCommon & {
      state: 'accepted';
      /** Loss at the new parameters. */
      loss: number;
      /** KL divergence of the accepted step (measured, or the quadratic model's). */
      kl: number;
      /** Fraction of the full step taken: backtrackRatio^backtracks. */
      stepFraction: number;
      /** Candidates rejected before this one. */
      backtracks: number;
      /** ‖s‖₂ of the step taken. */
      stepNorm: number;
    })
  | (NaturalStepCommon & {
      state: 'rejected';
      /** Parameters unchanged because: the gradient is zero; the curvature is not positive along the solution; or no candidate kept the bound and decreased the loss. */
      reason: 'zero-gradient' | 'non-positive-curvature' | 'line-search';
    });

// ---------------------------------------------------------------------------------------------------------
// Gradient-flow integration (flow.ts)

export type FlowMethod = 'bogacki-shampine' | 'heun-euler';

export interface FlowOptions {
  /** Embedded Runge–Kutta pair. @default 'bogacki-shampine' */
  method: FlowMethod;
  /** First trial step h, in flow time (an Euler step of size h is a gradient step with lr = h). @default 0.01 */
  initialStep: number;
  /** Absolute error tolerance per parameter. @default 1e-4 */
  atol: number;
  /** Relative error tolerance per parameter. @default 0 */
  rtol: number;
  /** Safety factor of the step-size controller. @default 0.9 */
  safety: number;
  /** Smallest factor by which one step may shrink h. @default 0.2 */
  facMin: number;
  /** Largest factor by which one step may grow h (1 right after a rejection). @default 5 */
  facMax: number;
  /** Give up when h would fall below this. @default 1e-12 */
  minStep: number;
  /** Never try a step longer than this. @default Infinity */
  maxStep: number;
  /** {@link FlowOptimizer.step} gives up after this many rejections in a row. @default 50 */
  maxRejections: number;
}

/** One trial step. */
export interface FlowAttempt {
  state: 'accepted' | 'rejected';
  /** The step size tried. */
  h: number;
  /** The step size the controller proposes for the next trial. */
  hNext: number;
  /** Scaled error norm of the trial (accepted iff ≤ 1). */
  error: number;
  /** Loss at the parameters the trial started from. */
  loss: number;
  /** Gradient evaluations spent on this trial. */
  evaluations: number;
}

export type FlowStepResult =
  | (FlowAttempt & { state: 'accepted'; rejections: number })
  | { state: 'failed'; reason: 'step-underflow' | 'too-many-rejections'; rejections: number; h: number };

// ---------------------------------------------------------------------------------------------------------
// Classic test functions (functions.ts) and the minimisation driver (minimise.ts)

/** A function to minimise with a known minimum, its gradient and two curvature products. */
export interface TestFunction {
  /** Stable id, e.g. 'rosenbrock'. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** The standard starting point (callers copy it before changing it). */
  start: Float64Array;
  /** The known minimiser x*. */
  minimum: Float64Array;
  /** f(x*). */
  minimumValue: number;
  value(x: Float64Array): number;
  /** Writes ∇f(x) into out, returns f(x). */
  gradient(x: Float64Array, out: Float64Array): number;
  /** The Hessian product at x. */
  hessian(x: Float64Array): CurvatureProduct;
  /** The Gauss–Newton product at x (positive semi-definite everywhere). */
  gaussNewton(x: Float64Array): CurvatureProduct;
}

/** How {@link minimise} moves: one of the project's optimizers with its settings. */
export type MinimiseMethod =
  /** A first-order optimizer by registry name; the learning rate of update t (from 0) from `schedule` when given. */
  | { kind: 'first-order'; optimizer: string; options: Record<string, number | boolean>; schedule?: Schedule }
  /** Natural-gradient steps with the curvature product `curvature(x)` at each iterate x. */
  | { kind: 'natural'; options: Partial<NaturalStepOptions>; curvature: (x: Float64Array) => CurvatureProduct }
  /** Accepted steps of the gradient-flow integrator. */
  | { kind: 'flow'; options: Partial<FlowOptions> };

export interface MinimiseLimits {
  /** Stop after this many steps (updates; accepted steps for flow). @default Infinity */
  maxSteps: number;
  /** Stop before a step that could take the gradient evaluations past this. @default Infinity */
  maxGradientEvaluations: number;
  /** Stop as soon as this holds for the iterate x (checked at the start and after every step). */
  until?: (x: Float64Array) => boolean;
}

/**
 * Where a minimisation ended and what it spent. A step is an update for a first-order optimizer, a
 * natural step, or an accepted step of the flow integrator.
 */
export interface MinimiseResult {
  /**
   * 'converged': `until` held. 'step-cap' / 'evaluation-cap': a limit was reached first. 'stalled': the
   * method could not move on (a rejected natural step, a failed flow step, a learning rate of 0).
   * 'diverged': the iterate or the loss stopped being finite.
   */
  state: 'converged' | 'step-cap' | 'evaluation-cap' | 'stalled' | 'diverged';
  /** The final iterate (a copy of the start, changed in place). */
  x: Float64Array;
  steps: number;
  gradientEvaluations: number;
  /** Curvature–vector products (natural; 0 otherwise). */
  curvatureProducts: number;
  /** Function evaluations without a gradient (the natural step's line search; 0 otherwise). */
  functionEvaluations: number;
  /** Rejected trial steps (flow; the gradient evaluations they cost are counted). */
  rejectedTrials: number;
}
