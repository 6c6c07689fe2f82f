// Where AdamW differs from Adam with L2 regularisation: the L2 term goes through Adam's normalisation,
// AdamW's decay does not.
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../../src/learn/optim/index.js';
import { expectVector } from './functions.js';

const lr = 0.1;
const weightDecay = 0.01;
const start = [2, -0.5, 0.001];

function oneStep(name: 'adam' | 'adamw', wd: number, g: number[]): Float64Array {
  const theta = Float64Array.from(start);
  OPTIMIZERS[name].create(3, { lr, weightDecay: wd }).step(theta, Float64Array.from(g));
  return theta;
}

describe('adamw versus adam with L2', () => {
  it('with a zero gradient: L2 moves every weight by about lr, AdamW shrinks it by the factor 1 − lr·wd', () => {
    // Adam+L2: d = wd·θ, m̂ = d, v̂ = d², so θ ← θ − lr·d/(|d| + ε) ≈ θ − lr·sign(θ), whatever the size of θ
    // (the 0.001 weight overshoots zero to −0.0989):
    //   2 − 0.1·0.02/(0.02 + 1e-8) = 1.90000004999997500, −0.5 + 0.1·0.005/(0.005 + 1e-8) = −0.40000019999960000,
    //   0.001 − 0.1·1e-5/(1e-5 + 1e-8) = −0.09890009990009990
    expectVector(oneStep('adam', weightDecay, [0, 0, 0]), [1.900000049999975, -0.4000001999996, -0.0989000999000999]);
    // AdamW: m = v = 0, so only the decay acts: θ·(1 − 0.1·0.01) = θ·0.999 = (1.998, −0.4995, 0.000999)
    expectVector(oneStep('adamw', weightDecay, [0, 0, 0]), [1.998, -0.4995, 0.000999]);
  });

  it('with a large gradient: L2 decay all but vanishes, AdamW decays by lr·wd·θ as before', () => {
    // g = 1000 in every coordinate. Without decay: θ − 0.1·1000/(1000 + 1e-8) = θ − 0.099999999999
    const g = [1000, 1000, 1000];
    const plain = oneStep('adam', 0, g);
    expectVector(plain, [1.900000000001, -0.599999999999, -0.098999999999]);
    // Adam+L2: d = 1000 + 0.01·θ is still positive, and m̂/(√v̂ + ε) = d/(d + ε) ≈ 1: the decay changes θ by < 1e-14.
    const l2 = oneStep('adam', weightDecay, g);
    for (let i = 0; i < 3; i++) expect(Math.abs(l2[i]! - plain[i]!)).toBeLessThan(1e-14);
    // AdamW: θ·0.999 − 0.099999999999 = (1.898000000001, −0.599499999999, −0.099000999999): exactly lr·wd·θ more.
    const w = oneStep('adamw', weightDecay, g);
    expectVector(w, [1.898000000001, -0.599499999999, -0.099000999999]);
    for (let i = 0; i < 3; i++) expect(plain[i]! - w[i]!).toBeCloseTo(lr * weightDecay * start[i]!, 15);
  });
});
