// A harness that never returns is stopped at its deadline: E_HARNESS_FAILS, and the process goes on.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { WasmtuneError } from '../../src/errors.js';

describe('a harness that never returns', () => {
  it('is E_HARNESS_FAILS at the deadline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-hang-'));
    const harness = join(dir, 'hang.mjs');
    writeFileSync(harness, 'export default { setup() {}, run() { for (;;) {} }, output() { return {}; } };\n');
    const kernel = await loadKernel(new URL('../fixtures/sum.wat', import.meta.url).pathname, harness);
    const t0 = performance.now();
    const err = await Evaluator.create(kernel, { objective: 'size', harnessDeadlineMs: 2_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WasmtuneError);
    expect((err as WasmtuneError).code).toBe('E_HARNESS_FAILS');
    expect((err as Error).message).toMatch(/fails on the original module: no answer within 2000 ms/);
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});
