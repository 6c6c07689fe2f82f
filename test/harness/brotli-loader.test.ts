// brotli-wasm (Rust, wasm-bindgen) tuned through its package's own glue: bench/modules/brotli's harness
// evaluates the glue anew for each run and hands it the module under test. The original passes the double
// run that precedes every search, its outputs depend on the seed, and a module whose bytes differ from the
// package's is what the glue runs: its different outputs reject it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { compareOutputs } from '../../src/validate/compare.js';
import { withTextChanged } from './loader-fixture.js';

const dir = new URL('../../bench/modules/brotli/', import.meta.url).pathname;
const MODULE = `${dir}module.wasm`;

/**
 * The module with one byte of its data changed: the text of the decoder's error that the crate formats
 * ("Brotli streaming decompress failed: Error code -9") reads "Error kode" instead.
 */
function changedModule(): Uint8Array {
  const text = 'decompress failed: Error code ';
  return withTextChanged(MODULE, text, text.indexOf('code'), 'k');
}

let ev: Evaluator;
beforeAll(async () => {
  // Creating the evaluator runs the original twice on every seed, as check and tune do first.
  ev = await Evaluator.create(await loadKernel(MODULE, `${dir}harness.mjs`), { objective: 'size' });
}, 120_000);
afterAll(() => ev?.close());

describe('brotli-wasm through its own wasm-bindgen glue', () => {
  it('passes the double run of the original, with outputs that depend on the seed', () => {
    const outputs = ev.referenceOutputs;
    expect(outputs).toHaveLength(3);
    expect(Object.keys(outputs[0]!)).toEqual(['compressed', 'streamed', 'decompressed', 'corrupted', 'corruptedEnd']);
    for (const name of ['compressed', 'streamed', 'decompressed', 'corrupted']) {
      expect(compareOutputs({ [name]: outputs[0]![name]! }, { [name]: outputs[1]![name]! }, undefined), name).toBeDefined();
    }
    // Every stream decompresses to the seed's input.
    const [first, ...others] = outputs[0]!.decompressed as Uint8Array[];
    expect(first!.length).toBe(32 * 1024);
    for (const d of others) expect(Buffer.from(d).equals(Buffer.from(first!))).toBe(true);
  });

  it('runs the module it is given: a module with a changed byte gives the changed output and is rejected', async () => {
    const ends = ev.referenceOutputs.map((o) => o.corruptedEnd as string);
    const failing = ends.findIndex((e) => e.includes('Error code'));
    expect(failing).toBeGreaterThanOrEqual(0);
    const r = await ev.check(changedModule());
    expect(r.state === 'invalid' ? `${r.reason}: ${r.detail}` : r.state).toMatch(
      new RegExp(`^wrong-output: seed ${failing + 1}: corruptedEnd: expected ".*Error code -\\d+", got ".*Error kode -\\d+"$`),
    );
  }, 60_000);
});
