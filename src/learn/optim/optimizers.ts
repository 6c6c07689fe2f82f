/**
 * First-order optimizers for a flat parameter vector: plain gradient descent, heavy-ball and Nesterov
 * momentum, RMSprop, Adam and AdamW. A policy-gradient learner trains its network with one of these: it
 * computes a gradient, maybe clips it (clip.ts), asks a schedule for the learning rate (schedules.ts) and
 * calls `step`. All of them minimise; to ascend an objective, pass its negated gradient.
 *
 * The update rules, with g the gradient, t the number of updates including this one, and d the gradient
 * the moments see (d = g + weightDecay·θ for the coupled, "L2" weight decay):
 *   sgd       θ ← θ − lr·d
 *   momentum  v ← μv + d;  θ ← θ − lr·v,  or with Nesterov θ ← θ − lr·(d + μv)
 *   rmsprop   s ← ρs + (1 − ρ)d²;  θ ← θ − lr·d/(√s + ε)
 *   adam      m ← β₁m + (1 − β₁)d;  v ← β₂v + (1 − β₂)d²;  θ ← θ − lr·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
 *   adamw     θ ← θ − lr·weightDecay·θ, then adam's update with d = g
 * The forms (momentum buffer accumulating d, ε outside the square root, AdamW's decay scaled by lr)
 * are PyTorch's, so numbers can be compared with a reference implementation.
 *
 * Why both adam+L2 and adamw: with L2 the decay term passes through Adam's normalisation, so a weight is
 * pulled towards zero by about lr·sign(θ) when its gradient is zero, and hardly at all when its gradient
 * is large; AdamW shrinks every weight by the same factor 1 − lr·weightDecay whatever its gradient
 * (Loshchilov & Hutter, "Decoupled weight decay regularization", ICLR 2019).
 */
import { WasmtuneError, didYouMean } from '../../errors.js';
import type {
  AdamOptions,
  AdamwOptions,
  MomentumOptions,
  Optimizer,
  OptimizerInfo,
  OptimizerState,
  RmspropOptions,
  SgdOptions,
  StepInfo,
} from './types.js';
import { expectLength, resolveOptions } from './vec.js';

const lrRange = { min: 0, minExclusive: true } as const;
const decayRange = { min: 0 } as const;
const betaRange = { min: 0, max: 1, maxExclusive: true } as const;
const epsRange = { min: 0 } as const;

/** The step count, buffers and checks every optimizer shares; subclasses implement `update`. */
abstract class BaseOptimizer<O extends { lr: number }> implements Optimizer {
  protected t = 0;
  protected readonly buffers: Record<string, Float64Array> = {};

  constructor(
    readonly name: string,
    readonly size: number,
    readonly options: Readonly<O>,
    bufferNames: readonly string[],
  ) {
    if (!Number.isInteger(size) || size < 0) throw new WasmtuneError('E_USAGE', `${name}: size must be a non-negative integer, got ${size}.`);
    for (const b of bufferNames) this.buffers[b] = new Float64Array(size);
  }

  step(params: Float64Array, grad: Float64Array, lr: number = this.options.lr): StepInfo {
    expectLength(this.name, 'params', params, this.size);
    expectLength(this.name, 'grad', grad, this.size);
    if (!(lr >= 0) || !Number.isFinite(lr)) throw new WasmtuneError('E_USAGE', `${this.name}: lr must be a finite number ≥ 0, got ${lr}.`);
    this.t++;
    const sq = this.update(params, grad, lr);
    return { t: this.t, lr, updateNorm: Math.sqrt(sq) };
  }

  /** Apply one update in place; return ‖Δθ‖². `this.t` already counts this update. */
  protected abstract update(params: Float64Array, grad: Float64Array, lr: number): number;

  protected buffer(name: string): Float64Array {
    return this.buffers[name]!;
  }

  state(): OptimizerState {
    const buffers: Record<string, Float64Array> = {};
    for (const [k, v] of Object.entries(this.buffers)) buffers[k] = v.slice();
    return { name: this.name, t: this.t, buffers };
  }

  restore(state: OptimizerState): void {
    if (state.name !== this.name) throw new WasmtuneError('E_USAGE', `Cannot restore a '${state.name}' state into a '${this.name}' optimizer.`);
    for (const k of Object.keys(this.buffers)) {
      const b = state.buffers[k];
      if (!b) throw new WasmtuneError('E_USAGE', `${this.name}: the state has no buffer '${k}'.`);
      expectLength(this.name, `buffer '${k}'`, b, this.size);
    }
    if (!Number.isInteger(state.t) || state.t < 0) throw new WasmtuneError('E_USAGE', `${this.name}: the state's step count ${state.t} is not an integer ≥ 0.`);
    for (const k of Object.keys(this.buffers)) this.buffers[k]!.set(state.buffers[k]!);
    this.t = state.t;
  }

  reset(): void {
    this.t = 0;
    for (const b of Object.values(this.buffers)) b.fill(0);
  }
}

class Sgd extends BaseOptimizer<SgdOptions> {
  constructor(size: number, options: SgdOptions) {
    super('sgd', size, options, []);
  }
  protected update(p: Float64Array, g: Float64Array, lr: number): number {
    const wd = this.options.weightDecay;
    let sq = 0;
    for (let i = 0; i < p.length; i++) {
      const delta = -lr * (g[i]! + wd * p[i]!);
      p[i] = p[i]! + delta;
      sq += delta * delta;
    }
    return sq;
  }
}

class Momentum extends BaseOptimizer<MomentumOptions> {
  constructor(size: number, options: MomentumOptions) {
    super('momentum', size, options, ['velocity']);
  }
  protected update(p: Float64Array, g: Float64Array, lr: number): number {
    const { momentum: mu, nesterov, weightDecay: wd } = this.options;
    const v = this.buffer('velocity');
    let sq = 0;
    for (let i = 0; i < p.length; i++) {
      const d = g[i]! + wd * p[i]!;
      const vi = mu * v[i]! + d;
      v[i] = vi;
      const delta = -lr * (nesterov ? d + mu * vi : vi);
      p[i] = p[i]! + delta;
      sq += delta * delta;
    }
    return sq;
  }
}

class Rmsprop extends BaseOptimizer<RmspropOptions> {
  constructor(size: number, options: RmspropOptions) {
    super('rmsprop', size, options, ['meanSquare']);
  }
  protected update(p: Float64Array, g: Float64Array, lr: number): number {
    const { rho, eps, weightDecay: wd } = this.options;
    const s = this.buffer('meanSquare');
    let sq = 0;
    for (let i = 0; i < p.length; i++) {
      const d = g[i]! + wd * p[i]!;
      const si = rho * s[i]! + (1 - rho) * d * d;
      s[i] = si;
      const delta = (-lr * d) / (Math.sqrt(si) + eps);
      p[i] = p[i]! + delta;
      sq += delta * delta;
    }
    return sq;
  }
}

/**
 * Adam's moment update and step in place. `l2` is added to the gradient as l2·θ (coupled); `decoupled`
 * shrinks θ by the factor 1 − lr·decoupled before Adam's step is added (AdamW). Returns ‖Δθ‖².
 */
function adamUpdate(
  p: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  t: number,
  lr: number,
  o: { beta1: number; beta2: number; eps: number },
  l2: number,
  decoupled: number,
): number {
  const { beta1, beta2, eps } = o;
  const bc1 = 1 - beta1 ** t;
  const bc2 = 1 - beta2 ** t;
  const shrink = 1 - lr * decoupled;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    const old = p[i]!;
    const d = g[i]! + l2 * old;
    const mi = beta1 * m[i]! + (1 - beta1) * d;
    const vi = beta2 * v[i]! + (1 - beta2) * d * d;
    m[i] = mi;
    v[i] = vi;
    const next = old * shrink - (lr * (mi / bc1)) / (Math.sqrt(vi / bc2) + eps);
    p[i] = next;
    sq += (next - old) * (next - old);
  }
  return sq;
}

class Adam extends BaseOptimizer<AdamOptions> {
  constructor(size: number, options: AdamOptions) {
    super('adam', size, options, ['m', 'v']);
  }
  protected update(p: Float64Array, g: Float64Array, lr: number): number {
    return adamUpdate(p, g, this.buffer('m'), this.buffer('v'), this.t, lr, this.options, this.options.weightDecay, 0);
  }
}

class Adamw extends BaseOptimizer<AdamwOptions> {
  constructor(size: number, options: AdamwOptions) {
    super('adamw', size, options, ['m', 'v']);
  }
  protected update(p: Float64Array, g: Float64Array, lr: number): number {
    return adamUpdate(p, g, this.buffer('m'), this.buffer('v'), this.t, lr, this.options, 0, this.options.weightDecay);
  }
}

export const SGD_DEFAULTS: Readonly<SgdOptions> = { lr: 0.01, weightDecay: 0 };
export const MOMENTUM_DEFAULTS: Readonly<MomentumOptions> = { lr: 0.01, momentum: 0.9, nesterov: false, weightDecay: 0 };
export const RMSPROP_DEFAULTS: Readonly<RmspropOptions> = { lr: 0.001, rho: 0.9, eps: 1e-8, weightDecay: 0 };
export const ADAM_DEFAULTS: Readonly<AdamOptions> = { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };
export const ADAMW_DEFAULTS: Readonly<AdamwOptions> = { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 };

export const sgd: OptimizerInfo<SgdOptions> = {
  name: 'sgd',
  description: 'gradient descent, θ ← θ − lr·g (optional L2 weight decay)',
  defaults: SGD_DEFAULTS,
  create: (size, options) => new Sgd(size, resolveOptions('sgd', SGD_DEFAULTS, options, { lr: lrRange, weightDecay: decayRange })),
};

export const momentum: OptimizerInfo<MomentumOptions> = {
  name: 'momentum',
  description: 'heavy-ball momentum, classical or Nesterov',
  defaults: MOMENTUM_DEFAULTS,
  create: (size, options) =>
    new Momentum(size, resolveOptions('momentum', MOMENTUM_DEFAULTS, options, { lr: lrRange, momentum: betaRange, weightDecay: decayRange })),
};

export const rmsprop: OptimizerInfo<RmspropOptions> = {
  name: 'rmsprop',
  description: 'gradient scaled by a running root-mean-square of past gradients',
  defaults: RMSPROP_DEFAULTS,
  create: (size, options) =>
    new Rmsprop(size, resolveOptions('rmsprop', RMSPROP_DEFAULTS, options, { lr: lrRange, rho: betaRange, eps: epsRange, weightDecay: decayRange })),
};

export const adam: OptimizerInfo<AdamOptions> = {
  name: 'adam',
  description: 'Adam with bias correction; weightDecay is L2 regularisation added to the gradient',
  defaults: ADAM_DEFAULTS,
  create: (size, options) =>
    new Adam(size, resolveOptions('adam', ADAM_DEFAULTS, options, { lr: lrRange, beta1: betaRange, beta2: betaRange, eps: epsRange, weightDecay: decayRange })),
};

export const adamw: OptimizerInfo<AdamwOptions> = {
  name: 'adamw',
  description: 'Adam with decoupled weight decay (Loshchilov & Hutter)',
  defaults: ADAMW_DEFAULTS,
  create: (size, options) =>
    new Adamw(size, resolveOptions('adamw', ADAMW_DEFAULTS, options, { lr: lrRange, beta1: betaRange, beta2: betaRange, eps: epsRange, weightDecay: decayRange })),
};

/** Every first-order optimizer by name. */
export const OPTIMIZERS = { sgd, momentum, rmsprop, adam, adamw } as const;

export type OptimizerName = keyof typeof OPTIMIZERS;

/** The optimizer registered as `name`, for `size` parameters; unknown names throw E_USAGE with suggestions. */
export function createOptimizer(name: string, size: number, options?: Record<string, number | boolean>): Optimizer {
  if (!Object.hasOwn(OPTIMIZERS, name)) {
    throw new WasmtuneError('E_USAGE', `Unknown optimizer '${name}'.${didYouMean(name, Object.keys(OPTIMIZERS))} Optimizers: ${Object.keys(OPTIMIZERS).join(', ')}.`);
  }
  return (OPTIMIZERS[name as OptimizerName] as OptimizerInfo).create(size, options);
}
