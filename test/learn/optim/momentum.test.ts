// momentum: two updates, classical and Nesterov, equal the formulas v ← μv + g; θ ← θ − lr·v (or −lr·(g + μv)).
import { describe, it } from 'vitest';
import { OPTIMIZERS } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

const g1 = Float64Array.from([0.5, -1]);
const g2 = Float64Array.from([0.25, 0.5]);

describe('momentum', () => {
  it('classical: θ ← θ − lr·v with v ← μv + g', () => {
    // lr = 0.1, μ = 0.9, θ₀ = (1, −2)
    // v₁ = g₁ = (0.5, −1);                          θ₁ = θ₀ − 0.1·v₁ = (0.95, −1.9)
    // v₂ = 0.9·(0.5, −1) + (0.25, 0.5) = (0.7, −0.4); θ₂ = θ₁ − 0.1·v₂ = (0.88, −1.86)
    const theta = Float64Array.from([1, -2]);
    const opt = OPTIMIZERS.momentum.create(2, { lr: 0.1, momentum: 0.9 });
    opt.step(theta, g1);
    expectVector(theta, [0.95, -1.9]);
    opt.step(theta, g2);
    expectVector(theta, [0.88, -1.86]);
    expectVector(opt.state().buffers['velocity']!, [0.7, -0.4]);
  });

  it('Nesterov: θ ← θ − lr·(g + μv)', () => {
    // v₁ = (0.5, −1);  θ₁ = θ₀ − 0.1·(g₁ + 0.9·v₁) = (1, −2) − 0.1·(0.95, −1.9) = (0.905, −1.81)
    // v₂ = (0.7, −0.4); θ₂ = θ₁ − 0.1·(g₂ + 0.9·v₂) = θ₁ − 0.1·(0.88, 0.14) = (0.817, −1.824)
    const theta = Float64Array.from([1, -2]);
    const opt = OPTIMIZERS.momentum.create(2, { lr: 0.1, momentum: 0.9, nesterov: true });
    opt.step(theta, g1);
    expectVector(theta, [0.905, -1.81]);
    opt.step(theta, g2);
    expectVector(theta, [0.817, -1.824]);
  });
});
