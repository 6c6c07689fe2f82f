// photon-node (image processing in Rust, wasm-bindgen) tuned through its package's own glue:
// bench/simd/photon's harness evaluates the glue anew for each run and hands it the module under test.
// The original passes the double run that precedes every search, its outputs depend on the seed, and a
// module whose bytes differ from the package's is what the glue runs: its different outputs reject it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { compareOutputs } from '../../src/validate/compare.js';
import { withTextChanged } from './loader-fixture.js';

const dir = new URL('../../bench/simd/photon/', import.meta.url).pathname;
const MODULE = `${dir}module.wasm`;
const PIXELS = ['filtered', 'toned', 'colour', 'grey', 'tinted'];

/**
 * The module with one byte of its data changed: the name of the preset filter that `filter(image, name)`
 * compares its argument with, "oceanic", reads "oceaNic", so the harness's `filter(…, 'oceanic')` no
 * longer selects that preset and the tinted image comes out different.
 */
function changedModule(): Uint8Array {
  return withTextChanged(MODULE, 'oceanic', 4, 'N');
}

let ev: Evaluator;
beforeAll(async () => {
  // Creating the evaluator runs the original twice on every seed, as check and tune do first.
  ev = await Evaluator.create(await loadKernel(MODULE, `${dir}harness.mjs`), { objective: 'size' });
}, 120_000);
afterAll(() => ev?.close());

describe('photon-node through its own wasm-bindgen glue', () => {
  it('passes the double run of the original, with outputs that depend on the seed', () => {
    const outputs = ev.referenceOutputs;
    expect(outputs).toHaveLength(3);
    expect(Object.keys(outputs[0]!)).toEqual(['filtered', 'toned', 'colour', 'resizedSize', 'grey', 'tinted']);
    for (const name of PIXELS) {
      expect(compareOutputs({ [name]: outputs[0]![name]! }, { [name]: outputs[1]![name]! }, undefined), name).toBeDefined();
    }
    // RGBA pixels of the 256×256 input and of the image resized to 176×144.
    expect(outputs[0]!.resizedSize).toEqual([176, 144]);
    expect((outputs[0]!.filtered as Uint8Array).length).toBe(256 * 256 * 4);
    expect((outputs[0]!.colour as Uint8Array).length).toBe(176 * 144 * 4);
  });

  it('runs the module it is given: a module with a changed byte gives the changed output and is rejected', async () => {
    const r = await ev.check(changedModule());
    // Seed 1's first pixel: red 105 with the 'oceanic' preset, 185 once the name no longer selects it.
    expect(r.state === 'invalid' ? `${r.reason}: ${r.detail}` : r.state).toBe('wrong-output: seed 1: tinted[0]: expected 105, got 185');
  }, 60_000);
});
