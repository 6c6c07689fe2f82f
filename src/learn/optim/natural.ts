/**
 * Natural-gradient steps with a trust region, as in TRPO (Schulman et al. 2015) and truncated-Newton
 * methods: instead of following the gradient g, solve M·x = g for a curvature matrix M and step along x.
 * For a policy, M is the Fisher information of its action distribution, so the step is the steepest
 * descent direction when distance is measured by KL divergence between policies rather than by distance
 * between parameter vectors: a policy over pass sequences whose logits sit in very different ranges is
 * moved evenly in behaviour, not in weights. For a deterministic function, M can be its Hessian or a
 * Gauss–Newton matrix, which makes the step a (trust-region) Newton step.
 *
 * One step ({@link naturalStep}), for the loss L to minimise at θ:
 *  1. x ≈ (M + λI)⁻¹g by conjugate gradient, which needs only products M·v (never M itself): at most
 *     `cgIterations` products, stopping when ‖r‖ ≤ cgTolerance·‖g‖. λ (damping) keeps the system positive
 *     definite where M is singular (a value head's parameters do not affect the Fisher matrix) and keeps
 *     the step short where the model is poor.
 *  2. Scale to the trust region ½·sᵀ(M + λI)s ≤ δ: the full step is s = −β·x with β = √(2δ / xᵀ(M + λI)x)
 *     (on the boundary, as TRPO), or β = min(1, √(2δ / xᵀ(M + λI)x)) with `fillTrustRegion: false`.
 *  3. Backtracking line search: try θ + s, θ + r·s, θ + r²·s, … (r = backtrackRatio) and accept the first
 *     candidate whose KL divergence from θ is at most δ and whose loss is lower than L(θ) (by at least
 *     acceptRatio times the decrease the linear model −gᵀs predicts). If none passes, θ is unchanged.
 * The KL divergence of a candidate is measured when `evaluate` reports it (a policy); otherwise the
 * quadratic model ½sᵀ(M + λI)s stands in for it, which the scaling already keeps within δ.
 *
 * For the MLP policy, {@link policyFisherProduct} gives exact Fisher–vector products on a batch of
 * states: F = (1/B)·Σ_b J_bᵀ·(diag π_b − π_b π_bᵀ)·J_b, J_b the Jacobian of state b's logits with respect
 * to θ, so F·v = Jᵀ(u) with u_b = π_b ⊙ (J_b v − π_bᵀJ_b v)/B — one forward-mode and one reverse-mode pass
 * per product. F is also the Hessian at θ_old of the mean KL(π_old ‖ π_θ), which the tests check.
 */
import { WasmtuneError } from '../../errors.js';
import type { Mlp } from './mlp.js';
import type { CgOptions, CgResult, CurvatureProduct, MlpForward, NaturalProblem, NaturalStepOptions, NaturalStepResult } from './types.js';
import { dot, expectLength, norm, resolveOptions } from './vec.js';

export const CG_DEFAULTS: Readonly<CgOptions> = { maxIterations: 10, tolerance: 1e-10, damping: 0 };

export const NATURAL_DEFAULTS: Readonly<NaturalStepOptions> = {
  maxKl: 0.01,
  damping: 0.1,
  cgIterations: 10,
  cgTolerance: 1e-10,
  backtrackRatio: 0.5,
  backtrackSteps: 10,
  acceptRatio: 0,
  fillTrustRegion: true,
};

/**
 * Solves (M + λI)x = b by conjugate gradient from x = 0, for symmetric positive definite M + λI given only
 * through products. Stops at the residual tolerance, the iteration cap, or a direction of non-positive
 * curvature (then x is the estimate so far).
 */
export function conjugateGradient(product: CurvatureProduct, b: Float64Array, options?: Partial<CgOptions>): CgResult {
  const o = resolveOptions('conjugateGradient', CG_DEFAULTS, options, {
    maxIterations: { min: 0, integer: true },
    tolerance: { min: 0 },
    damping: { min: 0 },
  });
  const n = b.length;
  const x = new Float64Array(n);
  const r = b.slice();
  const p = b.slice();
  const Ap = new Float64Array(n);
  let rr = dot(r, r);
  const stop = o.tolerance * Math.sqrt(rr);
  if (rr === 0) return { state: 'converged', x, iterations: 0, residualNorm: Math.sqrt(rr) };
  for (let k = 0; k < o.maxIterations; k++) {
    product(p, Ap);
    if (o.damping) for (let i = 0; i < n; i++) Ap[i] = Ap[i]! + o.damping * p[i]!;
    const pAp = dot(p, Ap);
    if (!(pAp > 0)) return { state: 'non-positive-curvature', x, iterations: k, residualNorm: Math.sqrt(rr) };
    const alpha = rr / pAp;
    for (let i = 0; i < n; i++) {
      x[i] = x[i]! + alpha * p[i]!;
      r[i] = r[i]! - alpha * Ap[i]!;
    }
    const rrNew = dot(r, r);
    if (Math.sqrt(rrNew) <= stop) return { state: 'converged', x, iterations: k + 1, residualNorm: Math.sqrt(rrNew) };
    const beta = rrNew / rr;
    for (let i = 0; i < n; i++) p[i] = r[i]! + beta * p[i]!;
    rr = rrNew;
  }
  return { state: 'max-iterations', x, iterations: o.maxIterations, residualNorm: Math.sqrt(rr) };
}

/**
 * One natural-gradient step of `params` in place (see the file header). Returns what happened as data;
 * a rejected step leaves `params` unchanged.
 */
export function naturalStep(params: Float64Array, problem: NaturalProblem, options?: Partial<NaturalStepOptions>): NaturalStepResult {
  const o = resolveOptions('naturalStep', NATURAL_DEFAULTS, options, {
    maxKl: { min: 0, minExclusive: true },
    damping: { min: 0 },
    cgIterations: { min: 1, integer: true },
    cgTolerance: { min: 0 },
    backtrackRatio: { min: 0, max: 1, minExclusive: true, maxExclusive: true },
    backtrackSteps: { min: 0, integer: true },
    acceptRatio: { min: 0, max: 1, maxExclusive: true },
  });
  const n = params.length;
  const g = problem.gradient;
  expectLength('naturalStep', 'gradient', g, n);
  if (!Number.isFinite(problem.loss)) throw new WasmtuneError('E_USAGE', `naturalStep: the loss at the current parameters is ${problem.loss}.`);
  const cg = conjugateGradient(problem.curvature, g, { maxIterations: o.cgIterations, tolerance: o.cgTolerance, damping: o.damping });
  if (norm(g) === 0) return { state: 'rejected', reason: 'zero-gradient', cg, evaluations: 0 };
  const x = cg.x;
  const Mx = new Float64Array(n);
  problem.curvature(x, Mx);
  let xMx = dot(x, Mx);
  if (o.damping) xMx += o.damping * dot(x, x);
  if (!(xMx > 0)) return { state: 'rejected', reason: 'non-positive-curvature', cg, evaluations: 0 };
  let beta = Math.sqrt((2 * o.maxKl) / xMx);
  if (!o.fillTrustRegion) beta = Math.min(1, beta);
  const predicted = beta * dot(g, x); // decrease of the linear model for the full step
  const candidate = new Float64Array(n);
  let fraction = 1;
  for (let k = 0; k <= o.backtrackSteps; k++, fraction *= o.backtrackRatio) {
    const scale = fraction * beta;
    for (let i = 0; i < n; i++) candidate[i] = params[i]! - scale * x[i]!;
    const { loss, kl } = problem.evaluate(candidate);
    const divergence = kl ?? 0.5 * scale * scale * xMx;
    const decrease = problem.loss - loss;
    if (divergence <= o.maxKl && decrease > 0 && decrease >= o.acceptRatio * fraction * predicted) {
      params.set(candidate);
      return {
        state: 'accepted',
        loss,
        kl: divergence,
        stepFraction: fraction,
        backtracks: k,
        stepNorm: scale * norm(x),
        cg,
        evaluations: k + 1,
      };
    }
  }
  return { state: 'rejected', reason: 'line-search', cg, evaluations: o.backtrackSteps + 1 };
}

/**
 * The exact Fisher–vector product of the MLP policy's categorical distribution, averaged over `batch`
 * states at `params`: v ↦ F·v (see the file header). The forward pass is done once here; each product
 * costs one forward-mode and one reverse-mode pass. Value-head parameters get zero rows.
 */
export function policyFisherProduct(mlp: Mlp, params: Float64Array, states: Float64Array, batch: number): CurvatureProduct {
  const theta = params.slice(); // the point of the product, kept even if the caller changes params
  const fwd: MlpForward = mlp.forward(theta, states.slice(), batch);
  const A = mlp.actions;
  const u = new Float64Array(batch * A);
  return (v, out) => {
    const { logits: dz } = mlp.jvp(theta, fwd, v);
    for (let b = 0; b < batch; b++) {
      const row = b * A;
      let mean = 0;
      for (let a = 0; a < A; a++) mean += fwd.probs[row + a]! * dz[row + a]!;
      for (let a = 0; a < A; a++) u[row + a] = (fwd.probs[row + a]! * (dz[row + a]! - mean)) / batch;
    }
    mlp.backward(theta, fwd, u, undefined, out);
  };
}
