// adamw: two updates equal θ ← θ·(1 − lr·weightDecay) − lr·m̂/(√v̂ + ε), worked out by hand.
import { it } from 'vitest';
import { OPTIMIZERS } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

it('adamw makes the updates of the formula', () => {
  // Same data as adam.test.ts, with weightDecay = 0.1: every step first multiplies θ by 1 − 0.1·0.1 = 0.99.
  // The moments see the raw gradient, so m, v, m̂, v̂ are Adam's.
  // θ₁ = 0.99·(1, −2) − 0.1·(0.5/(0.5 + 1e-8), −1/(1 + 1e-8)) = (0.890000002, −1.880000001)
  // θ₂ = 0.99·θ₁ − 0.1·m̂/(√v̂ + 1e-8), m̂ = (0.368421052631578947, −0.210526315789473684),
  //      v̂ = (0.156203101550775388, 0.624812406203101551)  →  (0.787882040457461669, −1.834566297360902967)
  const theta = Float64Array.from([1, -2]);
  const opt = OPTIMIZERS.adamw.create(2, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 });
  opt.step(theta, Float64Array.from([0.5, -1]));
  expectVector(theta, [0.89000000199999996, -1.88000000099999999]);
  opt.step(theta, Float64Array.from([0.25, 0.5]));
  expectVector(theta, [0.78788204045746166935, -1.8345662973609029666]);
});
