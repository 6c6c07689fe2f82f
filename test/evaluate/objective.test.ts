// Objectives as users write them: one metric, a weighted combination, a Pareto set; the score agents
// minimise, and which candidates form a Pareto front.
import { describe, expect, it } from 'vitest';
import { describeObjective, paretoFront, parseObjective, scoreOf } from '../../src/evaluate/objective.js';
import { WasmtuneError } from '../../src/errors.js';

const sizes = (size: number, gzip = size) => ({ sizeBytes: size, gzipBytes: gzip, brotliBytes: gzip });

describe('parseObjective', () => {
  it('reads one metric, a weighted sum (weights normalised) and a Pareto pair', () => {
    expect(parseObjective('size')).toEqual({ terms: [{ metric: 'size', weight: 1 }], pareto: false });
    expect(parseObjective('3*runtime + 1*size')).toEqual({ terms: [{ metric: 'runtime', weight: 0.75 }, { metric: 'size', weight: 0.25 }], pareto: false });
    expect(parseObjective('runtime,size')).toEqual({ terms: [{ metric: 'runtime', weight: 0.5 }, { metric: 'size', weight: 0.5 }], pareto: true });
    for (const t of ['size', '0.75*runtime+0.25*size', 'runtime,size']) expect(describeObjective(parseObjective(t))).toBe(t);
  });

  it('rejects unknown metrics, repeats, zero weights and one-metric Pareto sets with a usage error', () => {
    for (const bad of ['speed', 'runtime,speed', 'size,size', '0*size+runtime', 'size+size', '2x*size', 'runtime,']) {
      expect(() => parseObjective(bad), bad).toThrow(WasmtuneError);
    }
  });
});

describe('scoreOf', () => {
  it('scores one metric in its own unit', () => {
    expect(scoreOf(parseObjective('size'), sizes(900), undefined)).toBe(900);
    expect(scoreOf(parseObjective('runtime'), { ...sizes(900), runtimeRatio: 0.8 }, undefined)).toBe(0.8);
  });

  it('scores a combination as the weighted geometric mean of the ratios to the baselines', () => {
    const spec = parseObjective('0.5*runtime+0.5*size');
    // runtime 0.81 × -O3, size 1.0 × -Oz → sqrt(0.81 · 1) = 0.9
    expect(scoreOf(spec, { ...sizes(1000), runtimeRatio: 0.81 }, sizes(1000))).toBeCloseTo(0.9, 12);
    // halving the size and doubling the runtime cancel out at equal weights
    expect(scoreOf(spec, { ...sizes(500), runtimeRatio: 2 }, sizes(1000))).toBeCloseTo(1, 12);
    expect(scoreOf(parseObjective('3*runtime+size'), { ...sizes(500), runtimeRatio: 2 }, sizes(1000))).toBeCloseTo(2 ** 0.75 * 0.5 ** 0.25, 12);
  });
});

describe('paretoFront', () => {
  it('keeps exactly the non-dominated points, one of each duplicate, and skips non-finite ones', () => {
    const pts = [[1, 5], [2, 2], [3, 3], [5, 1], [2, 2], [1, 6], [NaN, 0], [4, 1.5]];
    const front = paretoFront(pts.map((p, i) => ({ p, i })), (x) => x.p).map((x) => x.i);
    expect(front).toEqual([0, 1, 3, 7]);
  });
});
