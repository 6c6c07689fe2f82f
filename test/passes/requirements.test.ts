// A pass's requirements (src/passes/requirements.ts) are declared in the registry and decide where the
// search may propose it: SIMD steps never under --no-simd, fast-math steps only where fast-math may be
// drawn, low-memory-unused steps only when the user asserts it; every other step always.
import { describe, expect, it } from 'vitest';
import { PASSES, expandStep, getPass } from '../../src/passes/registry.js';
import { defaultSpace, type SpaceOptions } from '../../src/search/space.js';

const steps = [...PASSES.values()].filter((p) => p.origin !== 'pipeline');

describe('declared requirements', () => {
  it('are declared on every step of a pass, including each value of a parameterised one', () => {
    for (const v of ['1', '2']) {
      expect(getPass(`wt-vectorize:${v}`).requires).toEqual(['simd']);
      expect(getPass(`wt-vectorize-noalias:${v}`).requires).toEqual(['simd']);
      expect(getPass(`wt-vectorize-fast:${v}`).requires).toEqual(['simd', 'fast-math']);
    }
    for (const r of ['0', '1', '2', '3']) expect(getPass(`wt-vectorize-loop:${r}`).requires).toEqual(['simd']);
    expect(getPass('wt-unroll:4').requires).toBeUndefined();
    // Binaryen's own: flat IR, and the low-memory assumption.
    expect(getPass('rereloop').requires).toEqual(['flat']);
    expect(expandStep('rereloop')).toEqual(['flatten', 'rereloop']);
    expect(getPass('optimize-added-constants').requires).toEqual(['low-memory-unused']);
  });

  it('decide which steps the search space offers, for every combination of the options', () => {
    for (const simd of [true, false]) {
      for (const fastMath of [true, false]) {
        for (const lowMemoryUnused of [true, false]) {
          const opts: SpaceOptions = { simd, fastMath, lowMemoryUnused };
          const offered = new Set(defaultSpace(opts).passes);
          for (const p of steps) {
            const r = p.requires ?? [];
            const allowed = (simd || !r.includes('simd')) && (fastMath || !r.includes('fast-math')) && (lowMemoryUnused || !r.includes('low-memory-unused'));
            expect(offered.has(p.name), `${p.name} with ${JSON.stringify(opts)}`).toBe(allowed);
          }
        }
      }
    }
  });

  it('leave SIMD steps out under --no-simd and keep the rest of our passes', () => {
    const space = defaultSpace({ simd: false, fastMath: true });
    expect(space.passes.filter((s) => s.startsWith('wt-vectorize'))).toEqual([]);
    expect(space.passes).toContain('wt-unroll:4');
    expect(space.passes).toContain('wt-promote-cells:all');
  });
});
