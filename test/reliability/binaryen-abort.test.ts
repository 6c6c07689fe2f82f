// A Binaryen abort inside a pass (constraint-analysis asserts on wordfreq; the catalog excludes it for
// that reason) is a recorded invalid candidate: the builder process is replaced and the next recipe builds.
import { afterAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS, levelRecipe } from '../../src/recipe/recipe.js';

let ev: Evaluator | undefined;
afterAll(() => ev?.close());

describe('a Binaryen abort inside a pass', () => {
  it('is a binaryen-abort record, and the evaluator keeps working', async () => {
    // Without its harness: the abort is in the builder, and no run of the module is needed to see it.
    ev = await Evaluator.create({ ...(await loadKernel('kernel://wasmtune-v0/wordfreq')), harness: undefined }, { objective: 'size' });
    const r = await ev.evaluate({ knobs: { ...DEFAULT_KNOBS }, passes: ['constraint-analysis'] });
    expect(r).toMatchObject({ state: 'invalid', reason: 'binaryen-abort' });
    if (r.state === 'invalid') expect(r.detail).toMatch(/Assertion|abort/i);
    expect((await ev.evaluate(levelRecipe('Oz'))).state).toBe('ok');
    expect(ev.builder.restarts).toBe(1); // the aborted builder process was replaced
  });
});
