// rmsprop: two updates equal s ← ρs + (1 − ρ)g²; θ ← θ − lr·g/(√s + ε), worked out by hand.
import { it } from 'vitest';
import { OPTIMIZERS } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

it('rmsprop makes the updates of the formula', () => {
  // lr = 0.01, ρ = 0.9, ε = 1e-8, θ₀ = (1, −2), g₁ = (0.5, −1), g₂ = (0.25, 0.5)
  // s₁ = 0.1·g₁² = (0.025, 0.1)
  // θ₁ = θ₀ − 0.01·(0.5/(√0.025 + 1e-8), −1/(√0.1 + 1e-8)) = (0.96837722539831608, −1.96837722439831618)
  // s₂ = 0.9·s₁ + 0.1·g₂² = (0.0225 + 0.00625, 0.09 + 0.025) = (0.02875, 0.115)
  // θ₂ = θ₁ − 0.01·(0.25/(√0.02875 + 1e-8), 0.5/(√0.115 + 1e-8)) = (0.95363303065239153, −1.98312141957902329)
  const theta = Float64Array.from([1, -2]);
  const opt = OPTIMIZERS.rmsprop.create(2, { lr: 0.01, rho: 0.9, eps: 1e-8 });
  opt.step(theta, Float64Array.from([0.5, -1]));
  expectVector(opt.state().buffers['meanSquare']!, [0.025, 0.1]);
  expectVector(theta, [0.96837722539831608, -1.9683772243983161750]);
  opt.step(theta, Float64Array.from([0.25, 0.5]));
  expectVector(opt.state().buffers['meanSquare']!, [0.02875, 0.115]);
  expectVector(theta, [0.95363303065239153295, -1.9831214195790232925]);
});
