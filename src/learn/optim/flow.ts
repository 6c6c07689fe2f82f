/**
 * The "flow" optimizer: training as integrating the gradient flow
 *     dθ/dt = −∇L(θ)
 * with an embedded explicit Runge–Kutta pair and adaptive step size. Gradient descent with learning rate
 * lr is Euler's method on this equation with step h = lr; here the integrator chooses h itself, from an
 * estimate of its own local error, so there is no learning rate to tune: h grows where the flow is straight
 * and shrinks where it bends. Along the exact flow L never increases (dL/dt = −‖∇L‖²).
 *
 * The pairs (Butcher tableaux; k_i = −∇L at stage i):
 *   'bogacki-shampine' (Bogacki & Shampine 1989), order 3 with an embedded order-2 solution, 3 new gradient
 *     evaluations per step thanks to FSAL (the last stage is the gradient at the new point, reused as the
 *     first stage of the next step):
 *       k₁ = f(θ), k₂ = f(θ + ½h·k₁), k₃ = f(θ + ¾h·k₂)
 *       θ₊ = θ + h·(2/9·k₁ + 1/3·k₂ + 4/9·k₃)                   (order 3, the solution kept)
 *       k₄ = f(θ₊),  θ̂₊ = θ + h·(7/24·k₁ + 1/4·k₂ + 1/3·k₃ + 1/8·k₄)   (order 2)
 *   'heun-euler', order 2 (Heun) with embedded order 1 (Euler), 2 evaluations per step:
 *       k₁ = f(θ), k₂ = f(θ + h·k₁),  θ₊ = θ + h·(k₁ + k₂)/2,  θ̂₊ = θ + h·k₁
 *
 * Error control (Hairer, Nørsett & Wanner, "Solving ODEs I", §II.4). The local error estimate is
 * e = θ₊ − θ̂₊; its size is the scaled root-mean-square
 *     err = √( (1/n)·Σᵢ (eᵢ / (atol + rtol·max(|θᵢ|, |θ₊ᵢ|)))² ),
 * so err ≤ 1 means every parameter is within tolerance. The trial is accepted iff err ≤ 1 (θ ← θ₊, flow time
 * t ← t + h); either way the next step size is
 *     h ← h·min(facMax, max(facMin, safety·(1/err)^(1/(q+1)))),
 * q the order of the embedded solution (2 or 1) — the same as safety·(tol/err)^(1/(q+1)) with the
 * tolerance folded into the scaling. Right after a rejection facMax is 1, so h cannot grow again at once.
 * A non-finite error (an overflowing trial) counts as a rejection with the smallest factor.
 *
 * Parameters (defaults in {@link FLOW_DEFAULTS}, documented in FlowOptions): method, initialStep (first h),
 * atol and rtol (the tolerance: smaller means shorter, more accurate steps), safety, facMin, facMax,
 * minStep and maxStep (bounds on h), maxRejections (how many rejections in a row `step` tolerates).
 *
 * Caveats. The gradient must be deterministic (a fixed batch, not a fresh minibatch per evaluation):
 * the error estimate compares evaluations at different points and would otherwise measure noise. On an
 * ill-conditioned problem an explicit method's step is bounded by stability, h ≲ c/λ_max for the largest
 * Hessian eigenvalue (c ≈ 2.5 for Bogacki–Shampine, 2 for Heun), like gradient descent's lr < 2/λ_max; the
 * controller finds that bound by itself, at the cost of some rejected trials. Held at that bound, the
 * components along the stiffest directions stop decaying once their error estimate reaches the tolerance,
 * so the distance to a minimum levels off at a few times atol (about 3·atol on the tests' quadratic with
 * condition number 100): atol, not the number of steps, sets the accuracy reached.
 */
import { WasmtuneError } from '../../errors.js';
import type { FlowAttempt, FlowMethod, FlowOptions, FlowStepResult, GradientFn } from './types.js';
import { expectLength, resolveOptions } from './vec.js';

/** An explicit embedded Runge–Kutta pair. */
interface Tableau {
  /** a[s][j], j < s: stage s evaluates f at θ + h·Σ_j a[s][j]·k_j. */
  a: readonly (readonly number[])[];
  /** Weights of the solution that is kept. */
  b: readonly number[];
  /** Weights of the embedded, lower-order solution. */
  bHat: readonly number[];
  /** Order of the embedded solution (q in the controller's exponent). */
  embeddedOrder: number;
  /** The last stage is evaluated at the new point (its a-row equals b), so it is the next step's first stage. */
  fsal: boolean;
}

export const FLOW_METHODS: Readonly<Record<FlowMethod, Tableau>> = {
  'bogacki-shampine': {
    a: [[], [1 / 2], [0, 3 / 4], [2 / 9, 1 / 3, 4 / 9]],
    b: [2 / 9, 1 / 3, 4 / 9, 0],
    bHat: [7 / 24, 1 / 4, 1 / 3, 1 / 8],
    embeddedOrder: 2,
    fsal: true,
  },
  'heun-euler': {
    a: [[], [1]],
    b: [1 / 2, 1 / 2],
    bHat: [1, 0],
    embeddedOrder: 1,
    fsal: false,
  },
};

export const FLOW_DEFAULTS: Readonly<FlowOptions> = {
  method: 'bogacki-shampine',
  initialStep: 0.01,
  atol: 1e-4,
  rtol: 0,
  safety: 0.9,
  facMin: 0.2,
  facMax: 5,
  minStep: 1e-12,
  maxStep: Infinity,
  maxRejections: 50,
};

export class FlowOptimizer {
  readonly options: Readonly<FlowOptions>;
  private readonly tableau: Tableau;
  /** k[s] = −∇L at stage s. */
  private readonly k: Float64Array[];
  private readonly y: Float64Array;
  private readonly yHat: Float64Array;
  private readonly stage: Float64Array;
  /** The point k[0] was evaluated at, and the loss there; valid when `cached`. */
  private readonly at: Float64Array;
  private cached = false;
  private cachedLoss = NaN;
  private rejectedLast = false;
  private hNext: number;
  private time = 0;
  private gradientEvaluations = 0;

  /** An integrator of the gradient flow of `gradient` for `size` parameters. */
  constructor(
    readonly size: number,
    private readonly gradient: GradientFn,
    options?: Partial<FlowOptions>,
  ) {
    if (!Number.isInteger(size) || size < 0) throw new WasmtuneError('E_USAGE', `flow: size must be a non-negative integer, got ${size}.`);
    const pos = { min: 0, minExclusive: true } as const;
    this.options = resolveOptions('flow', FLOW_DEFAULTS, options, {
      method: Object.keys(FLOW_METHODS),
      initialStep: pos,
      atol: { min: 0 },
      rtol: { min: 0 },
      safety: { min: 0, max: 1, minExclusive: true },
      facMin: { min: 0, max: 1, minExclusive: true, maxExclusive: true },
      facMax: { min: 1, infinite: true },
      minStep: { min: 0 },
      maxStep: { ...pos, infinite: true },
      maxRejections: { min: 0, integer: true },
    });
    if (this.options.atol === 0 && this.options.rtol === 0) throw new WasmtuneError('E_USAGE', 'flow: atol and rtol cannot both be 0; set a tolerance.');
    if (this.options.initialStep > this.options.maxStep) throw new WasmtuneError('E_USAGE', 'flow: initialStep must not exceed maxStep.');
    this.tableau = FLOW_METHODS[this.options.method];
    this.k = this.tableau.b.map(() => new Float64Array(size));
    this.y = new Float64Array(size);
    this.yHat = new Float64Array(size);
    this.stage = new Float64Array(size);
    this.at = new Float64Array(size);
    this.hNext = this.options.initialStep;
  }

  /** The step size the next trial will use. */
  get h(): number {
    return this.hNext;
  }

  /** Flow time integrated so far (sum of accepted steps). */
  get t(): number {
    return this.time;
  }

  /** Gradient evaluations so far. */
  get evaluations(): number {
    return this.gradientEvaluations;
  }

  /** Evaluate −∇L at `p` into `out`; returns L(p). */
  private field(p: Float64Array, out: Float64Array): number {
    this.gradientEvaluations++;
    const loss = this.gradient(p, out);
    for (let i = 0; i < out.length; i++) out[i] = -out[i]!;
    return loss;
  }

  /**
   * One trial step from `params`: accepted (params advanced in place) or rejected (params unchanged);
   * either way the step size for the next trial is updated.
   */
  attempt(params: Float64Array): FlowAttempt {
    expectLength('flow', 'params', params, this.size);
    const { a, b, bHat, embeddedOrder: q, fsal } = this.tableau;
    const { atol, rtol, safety, facMin, facMax, maxStep } = this.options;
    const n = this.size;
    const h = this.hNext;
    const before = this.gradientEvaluations;
    const k = this.k;
    let valid = this.cached;
    for (let i = 0; valid && i < n; i++) if (this.at[i] !== params[i]) valid = false;
    if (!valid) {
      this.cachedLoss = this.field(params, k[0]!);
      this.at.set(params);
      this.cached = true;
    }
    const loss = this.cachedLoss;
    const S = b.length;
    let lastLoss = NaN;
    for (let s = 1; s < S; s++) {
      const row = a[s]!;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < s; j++) acc += row[j]! * k[j]![i]!;
        this.stage[i] = params[i]! + h * acc;
      }
      lastLoss = this.field(this.stage, k[s]!);
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      let accHat = 0;
      for (let j = 0; j < S; j++) {
        acc += b[j]! * k[j]![i]!;
        accHat += bHat[j]! * k[j]![i]!;
      }
      const yi = params[i]! + h * acc;
      this.y[i] = yi;
      this.yHat[i] = params[i]! + h * accHat;
      const scale = atol + rtol * Math.max(Math.abs(params[i]!), Math.abs(yi));
      const e = (yi - this.yHat[i]!) / scale;
      sum += e * e;
    }
    const error = n ? Math.sqrt(sum / n) : 0;
    const accepted = error <= 1;
    const grow = Number.isFinite(error) ? (error === 0 ? Infinity : safety * error ** (-1 / (q + 1))) : facMin;
    const factor = Math.min(accepted && !this.rejectedLast ? facMax : 1, Math.max(facMin, grow));
    this.hNext = Math.min(maxStep, h * factor);
    this.rejectedLast = !accepted;
    if (accepted) {
      params.set(this.y);
      this.time += h;
      if (fsal) {
        // The last stage was evaluated at θ₊ (its a-row equals b): reuse it as the next first stage.
        const first = k[0]!;
        k[0] = k[S - 1]!;
        k[S - 1] = first;
        this.at.set(this.y);
        this.cachedLoss = lastLoss;
      } else this.cached = false;
    }
    return { state: accepted ? 'accepted' : 'rejected', h, hNext: this.hNext, error, loss, evaluations: this.gradientEvaluations - before };
  }

  /**
   * Trials until one is accepted: params advanced in place. Fails (params unchanged) when the step size
   * would fall below minStep or after maxRejections rejections in a row.
   */
  step(params: Float64Array): FlowStepResult {
    let rejections = 0;
    for (;;) {
      if (this.hNext < this.options.minStep) return { state: 'failed', reason: 'step-underflow', rejections, h: this.hNext };
      const r = this.attempt(params);
      if (r.state === 'accepted') return { ...r, state: 'accepted', rejections };
      rejections++;
      if (rejections >= this.options.maxRejections) return { state: 'failed', reason: 'too-many-rejections', rejections, h: this.hNext };
    }
  }
}
