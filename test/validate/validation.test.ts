// Validation catches a module whose outputs differ, one that traps and one that never returns, as
// records with reasons, and the evaluator keeps working after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { watToWasm } from '../../src/kernels/wat.js';
import { levelRecipe } from '../../src/recipe/recipe.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const wat = (f: string) => watToWasm(readFileSync(fx(f), 'utf8'), f);

describe('differential validation', () => {
  let ev: Evaluator;
  beforeAll(async () => {
    ev = await Evaluator.create(await loadKernel(fx('sum.wat'), fx('sum.harness.json')), { objective: 'size' });
  });
  afterAll(() => ev.close());

  it('accepts the original module', async () => {
    expect((await ev.check(await wat('sum.wat'))).state).toBe('ok');
  });

  it('rejects a module with a different result', async () => {
    const r = await ev.check(await wat('sum-wrong.wat'));
    expect(r).toMatchObject({ state: 'invalid', reason: 'wrong-output' });
    if (r.state === 'invalid') expect(r.detail).toMatch(/seed 1: return: expected -?\d+, got -?\d+/);
  });

  it('records a trap with its seed and phase', async () => {
    const r = await ev.check(await wat('sum-trap.wat'));
    expect(r).toMatchObject({ state: 'invalid', reason: 'trap' });
    if (r.state === 'invalid') expect(r.detail).toMatch(/seed 1, run: .*unreachable/);
  });

  it('stops a module that never returns at the deadline, then keeps working', async () => {
    const t0 = performance.now();
    const r = await ev.check(await wat('sum-hang.wat'));
    expect(r).toMatchObject({ state: 'invalid', reason: 'timeout' });
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect((await ev.evaluate(levelRecipe('O3'))).state).toBe('ok');
    expect(ev.runner.restarts).toBeGreaterThanOrEqual(1);
  });
});
