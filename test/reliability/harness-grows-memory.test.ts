// A harness that grows the module's memory without bound ends at the engine's limit: a clear
// E_HARNESS_FAILS, not a dead process.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { WasmtuneError } from '../../src/errors.js';

describe('a harness that grows memory without bound', () => {
  it('is E_HARNESS_FAILS once memory cannot grow further', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-grow-'));
    const harness = join(dir, 'grow.mjs');
    writeFileSync(harness, 'export default { setup(ctx) { for (;;) ctx.memory.grow(1024); }, run(ctx) { return ctx.exports.sum(0); }, output(_c, _s, r) { return { r }; } };\n');
    const kernel = await loadKernel(new URL('../fixtures/sum.wat', import.meta.url).pathname, harness);
    const err = await Evaluator.create(kernel, { objective: 'size', harnessDeadlineMs: 20_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WasmtuneError);
    expect((err as WasmtuneError).code).toBe('E_HARNESS_FAILS');
    expect((err as Error).message).toMatch(/fails on the original module .*setup.*[Mm]aximum memory size exceeded|fails on the original module .*memory/);
  });
});
