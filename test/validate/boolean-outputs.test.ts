// Boolean outputs: compared exactly (never equal to 1 or 0), inside arrays too, carried from the runner
// process unchanged; a candidate whose boolean differs is wrong-output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { watToWasm } from '../../src/kernels/wat.js';
import { compareOutputs } from '../../src/validate/compare.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;

describe('boolean outputs', () => {
  it('compare exactly', () => {
    expect(compareOutputs({ ok: true }, { ok: true }, undefined)).toBeUndefined();
    expect(compareOutputs({ ok: false }, { ok: true }, { rel: 1, abs: 1 })).toBe('ok: expected false, got true');
    expect(compareOutputs({ ok: true }, { ok: 1 }, undefined)).toBe('ok: expected a boolean (true), got a number (1)');
    expect(compareOutputs({ flags: [true, [false, 2]] }, { flags: [true, [false, 2]] }, undefined)).toBeUndefined();
    expect(compareOutputs({ flags: [true, [false, 2]] }, { flags: [true, [true, 2]] }, undefined)).toBe('flags[1][0]: expected false, got true');
  });

  describe('through validation', () => {
    let ev: Evaluator;
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wasmtune-bool-'));
      const harness = join(dir, 'parity.mjs');
      // The sum's parity, as booleans only: a sum off by one flips them.
      writeFileSync(harness, `export default {
  setup({ memory, rng }) {
    const xs = new Int32Array(memory.buffer, 0, 4096);
    for (let i = 0; i < xs.length; i++) xs[i] = Math.floor(rng() * 2001) - 1000;
    return xs.length;
  },
  run({ exports }, n) { return exports.sum(n); },
  output(_ctx, _n, sum) { return { even: sum % 2 === 0, checks: [true, sum % 2 !== 0] }; },
};
`);
      ev = await Evaluator.create(await loadKernel(fx('sum.wat'), harness), { objective: 'size' });
    });
    afterAll(() => ev.close());

    it('accepts a module with the same booleans', async () => {
      expect((await ev.check(await watToWasm(readFileSync(fx('sum.wat'), 'utf8'), 'sum.wat'))).state).toBe('ok');
    });

    it('rejects a module whose boolean differs (wrong-output)', async () => {
      const r = await ev.check(await watToWasm(readFileSync(fx('sum-wrong.wat'), 'utf8'), 'sum-wrong.wat'));
      expect(r).toMatchObject({ state: 'invalid', reason: 'wrong-output' });
      if (r.state === 'invalid') expect(r.detail).toMatch(/^seed 1: even: expected (true, got false|false, got true)$/);
    });
  });
});
