// MLP initialisation: deterministic for a seed, and a near-uniform initial policy.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Mlp } from '../../../src/learn/optim/index.js';

describe('mlp initialisation', () => {
  const mlp = new Mlp({ inputs: 6, hidden: [16, 8], actions: 5, valueHead: true });

  it('lays out W and b per layer and counts every parameter', () => {
    // (6·16 + 16) + (16·8 + 8) + (8·5 + 5) + (8·1 + 1) = 112 + 136 + 45 + 9
    expect(mlp.size).toBe(302);
    expect(mlp.trunk.map((l) => [l.weights, l.bias])).toEqual([
      [0, 96],
      [112, 240],
    ]);
    expect([mlp.policyHead.weights, mlp.policyHead.bias, mlp.valueHead!.weights, mlp.valueHead!.bias]).toEqual([248, 288, 293, 301]);
  });

  it('gives the same parameters for the same seed, different ones for another, zero biases', () => {
    const a = mlp.init('seed-1');
    expect([...mlp.init('seed-1')]).toEqual([...a]);
    expect([...mlp.init(seedrandom('seed-1'))]).toEqual([...a]);
    expect([...mlp.init('seed-2')]).not.toEqual([...a]);
    for (const l of [...mlp.trunk, mlp.policyHead, mlp.valueHead!]) {
      for (let o = 0; o < l.outputs; o++) expect(a[l.bias + o]).toBe(0);
      // uniform with variance gain²/fanIn: |w| ≤ gain·√(3/fanIn), gain ≤ 1 for tanh
      for (let i = 0; i < l.inputs * l.outputs; i++) expect(Math.abs(a[l.weights + i]!)).toBeLessThanOrEqual(Math.sqrt(3 / l.inputs));
    }
  });

  it('starts with a policy close to uniform', () => {
    const params = mlp.init(7);
    const rng = seedrandom('states');
    const states = Float64Array.from({ length: 10 * 6 }, () => 4 * rng() - 2);
    const f = mlp.forward(params, states, 10);
    for (const p of f.probs) expect(Math.abs(p - 1 / 5)).toBeLessThan(0.01);
  });
});
