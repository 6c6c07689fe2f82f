/**
 * The property every pass of ours keeps on the suite: each recipe that uses it builds a module that
 * validates and gives the original's outputs on the harness seeds; and the pass has something to do on
 * each kernel (so the property is not vacuous).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/evaluate.js';
import { loadKernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS } from '../../src/recipe.js';

export function suiteStaysOutputEqual(
  kernels: readonly string[],
  recipes: readonly string[][],
  applies: { title: string; test: (bytes: Uint8Array, features: number) => boolean },
): void {
  describe('suite kernels stay valid and output-equal', () => {
    for (const name of kernels) {
      describe(name, () => {
        let ev: Evaluator;
        let bytes: Uint8Array;
        beforeAll(async () => {
          const kernel = await loadKernel(`kernel://wasmtune-v0/${name}`);
          bytes = kernel.bytes;
          ev = await Evaluator.create(kernel, { objective: 'size' });
        });
        afterAll(() => ev?.close());

        it(applies.title, () => {
          expect(applies.test(bytes, ev.features)).toBe(true);
        });

        for (const passes of recipes) {
          it(passes.join(' '), async () => {
            const r = await ev.evaluate({ knobs: { ...DEFAULT_KNOBS }, passes });
            expect(r.state === 'ok' ? 'ok' : `${r.reason}: ${r.detail}`).toBe('ok');
          });
        }
      });
    }
  });
}
