/**
 * A small multilayer perceptron for a policy over pass-sequence actions: state features → hidden layers
 * (tanh or relu) → one logit per action, with an optional scalar value head on the last hidden layer (an
 * actor–critic sharing its trunk). All parameters live in one flat Float64Array, so the optimizers, the
 * gradient clipping and the natural-gradient solver see a plain vector.
 *
 * Layout of the parameter vector: for each hidden layer, then the policy head, then the value head, the
 * weight matrix W (outputs × inputs, row-major) followed by the bias b; `layout` gives the offsets.
 *
 * What it computes for a batch of B states (row-major, batch first):
 *   forward   logits z, log π = log-softmax(z) (computed stably), π, and V(s)
 *   loss      L = (1/B)·Σ_b [ −w_b·log π(a_b|s_b) + c_V·(V(s_b) − y_b)² − c_H·H(π(·|s_b)) ]
 *             with gradient ∂L/∂z_b = (1/B)·[ w_b·(π_b − e_{a_b}) + c_H·π_b ⊙ (log π_b + H_b) ] and
 *             ∂L/∂V_b = (2c_V/B)·(V_b − y_b), back-propagated through the heads and the trunk
 *   kl        mean KL(π_old(·|s) ‖ π_θ(·|s)) over the batch, with gradient via ∂/∂z_b = (π_b − π_old,b)/B
 *   jvp       forward-mode derivative of the outputs along a parameter direction v (J·v), which with
 *             `backward` (Jᵀ·u) gives exact Fisher–vector products (natural.ts)
 *
 * Initialisation is deterministic for a seed: weights uniform with variance gain²/fanIn (gain 1 for tanh,
 * √2 for relu), the policy head scaled by 0.01 so the initial policy is close to uniform (Andrychowicz et
 * al. 2021, "What matters in on-policy RL"), value-head gain 1, biases zero.
 */
import seedrandom from 'seedrandom';
import { WasmtuneError } from '../../errors.js';
import type { Rng } from '../../search/space.js';
import type { Activation, DenseLayout, LossBatch, LossCoefficients, LossInfo, MlpForward, MlpSpec } from './types.js';
import { expectLength } from './vec.js';

export const LOSS_DEFAULTS: Readonly<LossCoefficients> = { valueCoef: 0.5, entropyCoef: 0 };

/** Gain of the hidden layers' initial weights per activation; heads use POLICY_GAIN and VALUE_GAIN. */
const HIDDEN_GAIN: Record<Activation, number> = { tanh: 1, relu: Math.SQRT2 };
const POLICY_GAIN = 0.01;
const VALUE_GAIN = 1;

function positiveInt(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new WasmtuneError('E_USAGE', `mlp: ${what} must be an integer ≥ 1, got ${n}.`);
}

/** y = W·x + b for each of `batch` rows of x, into `out` (batch × outputs). */
function dense(params: Float64Array, l: DenseLayout, x: Float64Array, batch: number, out: Float64Array): void {
  const { inputs: I, outputs: O, weights: w, bias } = l;
  for (let b = 0; b < batch; b++) {
    const xo = b * I;
    for (let o = 0; o < O; o++) {
      let s = params[bias + o]!;
      const wo = w + o * I;
      for (let i = 0; i < I; i++) s += params[wo + i]! * x[xo + i]!;
      out[b * O + o] = s;
    }
  }
}

/** Tangent of a dense layer: dy = W·dx + dW·x + db (dx undefined means zero), into `out`. */
function denseTangent(params: Float64Array, v: Float64Array, l: DenseLayout, x: Float64Array, dx: Float64Array | undefined, batch: number, out: Float64Array): void {
  const { inputs: I, outputs: O, weights: w, bias } = l;
  for (let b = 0; b < batch; b++) {
    const xo = b * I;
    for (let o = 0; o < O; o++) {
      let s = v[bias + o]!;
      const wo = w + o * I;
      for (let i = 0; i < I; i++) s += v[wo + i]! * x[xo + i]!;
      if (dx) for (let i = 0; i < I; i++) s += params[wo + i]! * dx[xo + i]!;
      out[b * O + o] = s;
    }
  }
}

/** Adds the gradients of W and b for output gradient dy into `grad`, and Wᵀ·dy into `dx` when given. */
function denseBackward(params: Float64Array, l: DenseLayout, x: Float64Array, dy: Float64Array, batch: number, grad: Float64Array, dx: Float64Array | undefined): void {
  const { inputs: I, outputs: O, weights: w, bias } = l;
  for (let b = 0; b < batch; b++) {
    const xo = b * I;
    for (let o = 0; o < O; o++) {
      const g = dy[b * O + o]!;
      if (g === 0) continue;
      grad[bias + o] = grad[bias + o]! + g;
      const wo = w + o * I;
      for (let i = 0; i < I; i++) grad[wo + i] = grad[wo + i]! + g * x[xo + i]!;
      if (dx) for (let i = 0; i < I; i++) dx[xo + i] = dx[xo + i]! + g * params[wo + i]!;
    }
  }
}

export class Mlp {
  readonly inputs: number;
  readonly hidden: readonly number[];
  readonly actions: number;
  readonly activation: Activation;
  readonly hasValueHead: boolean;
  /** Hidden layers, input side first. */
  readonly trunk: readonly DenseLayout[];
  readonly policyHead: DenseLayout;
  readonly valueHead: DenseLayout | undefined;
  /** Total number of parameters. */
  readonly size: number;

  constructor(spec: MlpSpec) {
    positiveInt(spec.inputs, 'inputs');
    positiveInt(spec.actions, 'actions');
    spec.hidden.forEach((h, i) => positiveInt(h, `hidden[${i}]`));
    const activation = spec.activation ?? 'tanh';
    if (activation !== 'tanh' && activation !== 'relu') throw new WasmtuneError('E_USAGE', `mlp: activation must be 'tanh' or 'relu', got '${String(activation)}'.`);
    this.inputs = spec.inputs;
    this.hidden = [...spec.hidden];
    this.actions = spec.actions;
    this.activation = activation;
    this.hasValueHead = spec.valueHead ?? false;
    let offset = 0;
    const layer = (inputs: number, outputs: number): DenseLayout => {
      const l = { inputs, outputs, weights: offset, bias: offset + inputs * outputs };
      offset += inputs * outputs + outputs;
      return l;
    };
    const trunk: DenseLayout[] = [];
    let width = spec.inputs;
    for (const h of spec.hidden) {
      trunk.push(layer(width, h));
      width = h;
    }
    this.trunk = trunk;
    this.policyHead = layer(width, spec.actions);
    this.valueHead = this.hasValueHead ? layer(width, 1) : undefined;
    this.size = offset;
  }

  /** Width of the last hidden layer (the input width for a network without hidden layers). */
  get features(): number {
    return this.hidden.length ? this.hidden[this.hidden.length - 1]! : this.inputs;
  }

  /** Initial parameters: from `seedrandom(String(seed))` for a seed, or drawn from the generator given. */
  init(seed: string | number | Rng): Float64Array {
    const rng = typeof seed === 'function' ? seed : seedrandom(String(seed));
    const params = new Float64Array(this.size);
    const fill = (l: DenseLayout, gain: number) => {
      const a = gain * Math.sqrt(3 / l.inputs);
      for (let i = 0; i < l.inputs * l.outputs; i++) params[l.weights + i] = a * (2 * rng() - 1);
    };
    for (const l of this.trunk) fill(l, HIDDEN_GAIN[this.activation]);
    fill(this.policyHead, POLICY_GAIN);
    if (this.valueHead) fill(this.valueHead, VALUE_GAIN);
    return params;
  }

  /** The forward pass for `batch` states (batch × inputs, row-major). */
  forward(params: Float64Array, states: Float64Array, batch: number): MlpForward {
    expectLength('mlp', 'params', params, this.size);
    positiveInt(batch, 'batch');
    expectLength('mlp', 'states', states, batch * this.inputs);
    const acts: Float64Array[] = [states];
    const pres: Float64Array[] = [];
    for (const l of this.trunk) {
      const z = new Float64Array(batch * l.outputs);
      dense(params, l, acts[acts.length - 1]!, batch, z);
      const h = new Float64Array(z.length);
      if (this.activation === 'tanh') for (let i = 0; i < z.length; i++) h[i] = Math.tanh(z[i]!);
      else for (let i = 0; i < z.length; i++) h[i] = z[i]! > 0 ? z[i]! : 0;
      pres.push(z);
      acts.push(h);
    }
    const top = acts[acts.length - 1]!;
    const A = this.actions;
    const logits = new Float64Array(batch * A);
    dense(params, this.policyHead, top, batch, logits);
    const logProbs = new Float64Array(batch * A);
    const probs = new Float64Array(batch * A);
    for (let b = 0; b < batch; b++) {
      let max = -Infinity;
      for (let a = 0; a < A; a++) max = Math.max(max, logits[b * A + a]!);
      let sum = 0;
      for (let a = 0; a < A; a++) sum += Math.exp(logits[b * A + a]! - max);
      const lse = max + Math.log(sum);
      for (let a = 0; a < A; a++) {
        const lp = logits[b * A + a]! - lse;
        logProbs[b * A + a] = lp;
        probs[b * A + a] = Math.exp(lp);
      }
    }
    let values: Float64Array | undefined;
    if (this.valueHead) {
      values = new Float64Array(batch);
      dense(params, this.valueHead, top, batch, values);
    }
    return { batch, acts, pres, logits, logProbs, probs, values };
  }

  /**
   * Writes into `grad` (overwritten) the gradient of a loss whose derivatives with respect to the logits
   * (batch × actions) and the values (batch; omit for none) are `dLogits` and `dValues`: Jᵀ·u.
   */
  backward(params: Float64Array, fwd: MlpForward, dLogits: Float64Array, dValues: Float64Array | undefined, grad: Float64Array): void {
    const B = fwd.batch;
    expectLength('mlp', 'grad', grad, this.size);
    expectLength('mlp', 'dLogits', dLogits, B * this.actions);
    grad.fill(0);
    const L = this.trunk.length;
    let dh: Float64Array | undefined = L > 0 ? new Float64Array(B * this.features) : undefined;
    denseBackward(params, this.policyHead, fwd.acts[L]!, dLogits, B, grad, dh);
    if (dValues) {
      if (!this.valueHead) throw new WasmtuneError('E_USAGE', 'mlp: value gradients given, but the network has no value head.');
      expectLength('mlp', 'dValues', dValues, B);
      denseBackward(params, this.valueHead, fwd.acts[L]!, dValues, B, grad, dh);
    }
    for (let l = L - 1; l >= 0; l--) {
      const layer = this.trunk[l]!;
      const z = fwd.pres[l]!;
      const h = fwd.acts[l + 1]!;
      const dz = dh!;
      if (this.activation === 'tanh') for (let i = 0; i < dz.length; i++) dz[i] = dz[i]! * (1 - h[i]! * h[i]!);
      else for (let i = 0; i < dz.length; i++) if (!(z[i]! > 0)) dz[i] = 0;
      const dPrev = l > 0 ? new Float64Array(B * layer.inputs) : undefined;
      denseBackward(params, layer, fwd.acts[l]!, dz, B, grad, dPrev);
      dh = dPrev;
    }
  }

  /**
   * The derivative of the logits and values along the parameter direction v (J·v), by forward-mode
   * differentiation at the point of `fwd`.
   */
  jvp(params: Float64Array, fwd: MlpForward, v: Float64Array): { logits: Float64Array; values: Float64Array | undefined } {
    const B = fwd.batch;
    expectLength('mlp', 'direction', v, this.size);
    let dh: Float64Array | undefined;
    for (let l = 0; l < this.trunk.length; l++) {
      const layer = this.trunk[l]!;
      const dz = new Float64Array(B * layer.outputs);
      denseTangent(params, v, layer, fwd.acts[l]!, dh, B, dz);
      const z = fwd.pres[l]!;
      const h = fwd.acts[l + 1]!;
      if (this.activation === 'tanh') for (let i = 0; i < dz.length; i++) dz[i] = dz[i]! * (1 - h[i]! * h[i]!);
      else for (let i = 0; i < dz.length; i++) if (!(z[i]! > 0)) dz[i] = 0;
      dh = dz;
    }
    const top = fwd.acts[this.trunk.length]!;
    const logits = new Float64Array(B * this.actions);
    denseTangent(params, v, this.policyHead, top, dh, B, logits);
    let values: Float64Array | undefined;
    if (this.valueHead) {
      values = new Float64Array(B);
      denseTangent(params, v, this.valueHead, top, dh, B, values);
    }
    return { logits, values };
  }

  /**
   * The policy-gradient / value / entropy loss of the file header, as means over the batch; writes its
   * gradient into `grad` when given. Terms whose data is missing (no actions, no targets) are left out.
   */
  loss(params: Float64Array, batch: LossBatch, coefficients?: Partial<LossCoefficients>, grad?: Float64Array): LossInfo {
    const { valueCoef, entropyCoef } = { ...LOSS_DEFAULTS, ...coefficients };
    const B = batch.size;
    const A = this.actions;
    const f = this.forward(params, batch.states, B);
    const usePolicy = batch.actions !== undefined || batch.weights !== undefined;
    if (usePolicy) {
      if (!batch.actions || !batch.weights) throw new WasmtuneError('E_USAGE', 'mlp loss: the policy term needs both actions and weights.');
      expectLength('mlp loss', 'actions', batch.actions, B);
      expectLength('mlp loss', 'weights', batch.weights, B);
    }
    if (batch.targets) {
      if (!this.valueHead) throw new WasmtuneError('E_USAGE', 'mlp loss: value targets given, but the network has no value head.');
      expectLength('mlp loss', 'targets', batch.targets, B);
    }
    const dLogits = grad ? new Float64Array(B * A) : undefined;
    const dValues = grad && batch.targets ? new Float64Array(B) : undefined;
    let policyLoss = 0;
    let valueLoss = 0;
    let entropy = 0;
    for (let b = 0; b < B; b++) {
      const row = b * A;
      let h = 0;
      for (let a = 0; a < A; a++) h -= f.probs[row + a]! * f.logProbs[row + a]!;
      entropy += h;
      if (dLogits && entropyCoef !== 0) {
        for (let a = 0; a < A; a++) dLogits[row + a] = dLogits[row + a]! + (entropyCoef * f.probs[row + a]! * (f.logProbs[row + a]! + h)) / B;
      }
      if (usePolicy) {
        const act = batch.actions![b]!;
        if (!Number.isInteger(act) || act < 0 || act >= A) throw new WasmtuneError('E_USAGE', `mlp loss: action ${act} of state ${b} is not an integer in [0, ${A}).`);
        const w = batch.weights![b]!;
        policyLoss -= w * f.logProbs[row + act]!;
        if (dLogits) {
          for (let a = 0; a < A; a++) dLogits[row + a] = dLogits[row + a]! + (w * f.probs[row + a]!) / B;
          dLogits[row + act] = dLogits[row + act]! - w / B;
        }
      }
      if (batch.targets) {
        const e = f.values![b]! - batch.targets[b]!;
        valueLoss += e * e;
        if (dValues) dValues[b] = (2 * valueCoef * e) / B;
      }
    }
    policyLoss /= B;
    valueLoss /= B;
    entropy /= B;
    if (grad) this.backward(params, f, dLogits!, dValues, grad);
    return { loss: policyLoss + valueCoef * valueLoss - entropyCoef * entropy, policyLoss, valueLoss, entropy };
  }

  /**
   * Mean KL(π_old(·|s) ‖ π_θ(·|s)) over the batch, π_old given by its log-probabilities (batch × actions,
   * e.g. `forward(θ_old, …).logProbs`); writes the gradient with respect to θ into `grad` when given.
   */
  kl(params: Float64Array, states: Float64Array, batch: number, oldLogProbs: Float64Array, grad?: Float64Array): number {
    const A = this.actions;
    expectLength('mlp kl', 'oldLogProbs', oldLogProbs, batch * A);
    const f = this.forward(params, states, batch);
    let kl = 0;
    const dLogits = grad ? new Float64Array(batch * A) : undefined;
    for (let i = 0; i < batch * A; i++) {
      const lq = oldLogProbs[i]!;
      const q = Math.exp(lq);
      if (q > 0) kl += q * (lq - f.logProbs[i]!);
      if (dLogits) dLogits[i] = (f.probs[i]! - q) / batch;
    }
    if (grad) this.backward(params, f, dLogits!, undefined, grad);
    return kl / batch;
  }
}
