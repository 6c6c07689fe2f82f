// gofmt (Go's go/format built by TinyGo, from @wasm-fmt/gofmt) tuned through its package's own binding:
// bench/modules/gofmt's harness makes a new instance of the module under test for each run, initialises it
// as the package's loaders do, and formats through the package's gofmt_binding.js. The original passes the
// double run that precedes every search, its outputs depend on the seed, and a module whose bytes differ
// from the package's is what the binding runs: its different outputs reject it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { compareOutputs } from '../../src/validate/compare.js';
import { withTextChanged } from './loader-fixture.js';

const dir = new URL('../../bench/modules/gofmt/', import.meta.url).pathname;
const MODULE = `${dir}module.wasm`;

/**
 * The module with one byte of its data changed: go/parser's errors ("843:58: expected ']', found
 * newline") are assembled from the text "expected , found newline, found " in a data segment, whose first
 * letter becomes "E".
 */
function changedModule(): Uint8Array {
  return withTextChanged(MODULE, 'expected , found newline, found ', 0, 'E');
}

let ev: Evaluator;
beforeAll(async () => {
  // Creating the evaluator runs the original twice on every seed, as check and tune do first.
  ev = await Evaluator.create(await loadKernel(MODULE, `${dir}harness.mjs`), { objective: 'size' });
}, 120_000);
afterAll(() => ev?.close());

describe('gofmt through its own binding', () => {
  it('passes the double run of the original, with outputs that depend on the seed', () => {
    const outputs = ev.referenceOutputs;
    expect(outputs).toHaveLength(3);
    expect(Object.keys(outputs[0]!)).toEqual(['formatted', 'unchanged', 'error']);
    for (const name of ['formatted', 'error']) {
      expect(compareOutputs({ [name]: outputs[0]![name]! }, { [name]: outputs[1]![name]! }, undefined), name).toBeDefined();
    }
    for (const o of outputs) {
      expect(o.formatted as string).toMatch(/^package \w+\n\nimport \(\n\t"/);
      expect(o.unchanged).toBe(true);
      expect(o.error as string).toMatch(/^\d+:\d+: expected /);
    }
  });

  it('runs the module it is given: a module with a changed byte gives the changed output and is rejected', async () => {
    const error = ev.referenceOutputs[0]!.error as string;
    const r = await ev.check(changedModule());
    expect(r.state === 'invalid' ? `${r.reason}: ${r.detail}` : r.state).toBe(
      `wrong-output: seed 1: error: expected ${JSON.stringify(error)}, got ${JSON.stringify(error.replace('expected', 'Expected'))}`,
    );
  }, 60_000);
});
