// `wasmtune simd` lists what the SIMD passes would take in a module after the steps given, and counts the
// refusals by reason: on matvec's clang -O2 build (loops unrolled by 4), wt-vectorize alone refuses the
// unrolled loops (stride), wt-reroll rolls them back, and wt-vectorize takes more loops after it; float
// sums are taken only under --fast-math. A step that is not a pass is a usage error.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import type { SimdOutput } from '../../src/cli/commands/simd.js';

const matvec = new URL('../../kernels/reference-o2/matvec/module.wasm', import.meta.url).pathname;

describe('wasmtune simd', () => {
  it('shows the loops wt-reroll makes vectorizable, and what fast-math adds', { timeout: 120_000 }, async () => {
    const plain = await cli('simd', matvec, '--json');
    expect(plain.code, plain.stderr).toBe(0);
    const p = JSON.parse(plain.stdout) as SimdOutput;
    expect(p.after).toEqual(['-O3']);
    expect(p.vectorize.refused.stride).toBeGreaterThan(0);
    expect(p.reroll.rerolled).toBeGreaterThan(0);
    expect(p.reroll.loops.filter((l) => l.state === 'rerolled').every((l) => (l.factor ?? 0) > 1)).toBe(true);

    const fast = JSON.parse((await cli('simd', matvec, '--json', '--fast-math')).stdout) as SimdOutput;
    // Float sums: refused without fast-math, taken with it; rerolling makes more loops vectorizable.
    expect(p.vectorize.refused['float-reduction']).toBeGreaterThan(0);
    expect(fast.vectorize.refused['float-reduction']).toBeUndefined();
    expect(fast.vectorize.vectorized).toBeGreaterThan(p.vectorize.vectorized);
    expect(fast.vectorizeAfterReroll.vectorized).toBeGreaterThan(fast.vectorize.vectorized);

    const text = await cli('simd', matvec, '--after', 'none');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/after no step/);
    expect(text.stdout).toMatch(/^wt-vectorize: \d+ of \d+ innermost loops vectorized; refused: /m);
    expect(text.stdout).toMatch(/^wt-slp: \d+ of \d+ groups packed/m);
    // Each taken loop names the step that takes it alone, as a search draws it.
    expect(text.stdout).toMatch(/^ {2}rerolled {4}.*wt-reroll-loop:0\)/m);
    expect(text.stdout).not.toMatch(/wt-reroll-loop:4/);
  });

  it('refuses a step that is not a pass', async () => {
    const r = await cli('simd', matvec, '--after', 'O3,no-such-pass');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Unknown pass 'no-such-pass'/);
  });
});
