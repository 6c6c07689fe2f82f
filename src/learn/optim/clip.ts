/**
 * Gradient clipping by global norm (Pascanu et al. 2013): when the Euclidean norm of the whole gradient —
 * over every array passed, as one vector — exceeds `maxNorm`, every entry is scaled by maxNorm/norm, so
 * the direction is kept and the norm becomes maxNorm. A policy gradient from a batch with one extreme
 * advantage would otherwise move the policy far in one update.
 *
 * The pre-clip norm is returned so a learner can log it (a norm that is clipped at every step means
 * maxNorm, or the learning rate, is too small). A non-finite norm (an inf or NaN entry) leaves the gradient
 * untouched: scaling cannot repair it, and the caller should skip the update.
 */
import { WasmtuneError } from '../../errors.js';

/** Scale `grads` in place so their global norm is at most `maxNorm`; returns the norm before clipping. */
export function clipGradNorm(grads: Float64Array | readonly Float64Array[], maxNorm: number): number {
  if (!(maxNorm > 0) || !Number.isFinite(maxNorm)) throw new WasmtuneError('E_USAGE', `clipGradNorm: maxNorm must be a finite number > 0, got ${maxNorm}.`);
  const list = grads instanceof Float64Array ? [grads] : grads;
  let sq = 0;
  for (const g of list) for (let i = 0; i < g.length; i++) sq += g[i]! * g[i]!;
  const total = Math.sqrt(sq);
  if (Number.isFinite(total) && total > maxNorm) {
    const scale = maxNorm / total;
    for (const g of list) for (let i = 0; i < g.length; i++) g[i] = g[i]! * scale;
  }
  return total;
}
