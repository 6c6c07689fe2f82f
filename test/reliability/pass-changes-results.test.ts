// A pass that changes what the module computes (remove-memory-init drops the data segments, so static
// data reads as zeros; the catalog excludes it for that reason) is caught by differential validation:
// a wrong-output record with the first difference.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS, levelRecipe } from '../../src/recipe/recipe.js';

let ev: Evaluator | undefined;
afterAll(() => ev?.close());

describe('a pass that changes results', () => {
  it('is a wrong-output record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-wrong-'));
    writeFileSync(join(dir, 'table.wat'), `(module (memory (export "memory") 1) (data (i32.const 64) "\\07\\00\\00\\00")
      (func (export "f") (param $i i32) (result i32) (i32.add (local.get $i) (i32.load (i32.const 64)))))`);
    writeFileSync(join(dir, 'h.json'), JSON.stringify({ format: 'wasmtune-harness-v1', export: 'f', args: [{ type: 'i32', min: 0, max: 100 }] }));
    ev = await Evaluator.create(await loadKernel(join(dir, 'table.wat'), join(dir, 'h.json')), { objective: 'size' });
    expect((await ev.evaluate(levelRecipe('O3'))).state).toBe('ok');
    const r = await ev.evaluate({ knobs: { ...DEFAULT_KNOBS }, passes: ['remove-memory-init'] });
    expect(r).toMatchObject({ state: 'invalid', reason: 'wrong-output' });
    if (r.state === 'invalid') expect(r.detail).toMatch(/^seed 1: return: expected \d+, got \d+/);
  });
});
