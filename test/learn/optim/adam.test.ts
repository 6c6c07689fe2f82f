// adam: two updates with bias correction equal the formula, worked out by hand.
import { it } from 'vitest';
import { OPTIMIZERS } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

it('adam makes the bias-corrected updates of the formula', () => {
  // lr = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, θ₀ = (1, −2), g₁ = (0.5, −1), g₂ = (0.25, 0.5)
  // t = 1: m = 0.1·g₁ = (0.05, −0.1), v = 0.001·g₁² = (0.00025, 0.001)
  //        m̂ = m/0.1 = (0.5, −1), v̂ = v/0.001 = (0.25, 1)
  //        θ₁ = θ₀ − 0.1·(0.5/(0.5 + 1e-8), −1/(1 + 1e-8)) = (0.900000002, −1.900000001)
  // t = 2: m = 0.9·m + 0.1·g₂ = (0.07, −0.04), v = 0.999·v + 0.001·g₂² = (0.00031225, 0.001249)
  //        m̂ = m/(1 − 0.9²) = m/0.19 = (0.368421052631578947, −0.210526315789473684)
  //        v̂ = v/(1 − 0.999²) = v/0.001999 = (0.156203101550775388, 0.624812406203101551)
  //        θ₂ = θ₁ − 0.1·m̂/(√v̂ + 1e-8) = (0.806782040477461669, −1.873366297370902967)
  const theta = Float64Array.from([1, -2]);
  const opt = OPTIMIZERS.adam.create(2, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  opt.step(theta, Float64Array.from([0.5, -1]));
  expectVector(theta, [0.90000000199999996, -1.90000000099999999]);
  opt.step(theta, Float64Array.from([0.25, 0.5]));
  const s = opt.state();
  expectVector(s.buffers['m']!, [0.07, -0.04]);
  expectVector(s.buffers['v']!, [0.00031225, 0.001249]);
  expectVector(theta, [0.80678204047746166895, -1.8733662973709029665]);
});
