// `wasmtune check`: a harness tried before tuning. It passes a good harness and shows what it compares and
// how long a call takes; it rejects a harness that disagrees with itself on the original module, and one
// whose outputs depend on the module's code, which -O3 legitimately changes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';
import { QUICK, roundIterations } from '../../src/evaluate/evaluator.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-check-'));
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const example = (name: string) => new URL(`../../examples/life/${name}`, import.meta.url).pathname;

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('wasmtune check', () => {
  it('passes a good harness: its outputs, the time per call in range, and -O3 valid and measured', async () => {
    const r = await cli('check', example('life.wasm'), '--harness', example('harness.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^original +the same outputs on two runs of every seed$/m);
    expect(r.stdout).toMatch(/^ +return +number +1 +\d+$/m);
    expect(r.stdout).toMatch(/^ +memory\[0\] +Uint8Array +4096 +\[[01], [01], [01], [01], …\] min 0, max 1$/m);
    expect(r.stdout).toMatch(/^time +[\d.]+ ms per call in V8's optimizing tier \(median of the timed rounds\), in the range 0\.1–100 ms$/m);
    expect(r.stdout).toMatch(/^-O3 +passes the harness: \d+ B \(the original 640 B\), runtime [\d.]+ \[[\d.]+, [\d.]+\] × the original \(quick\)/m);
    expect(r.stdout).not.toMatch(/^warning/m);
    expect(r.stdout).toMatch(/^ready +wasmtune tune .*life\.wasm --harness .*harness\.json --budget 2m$/m);
  });

  it('--json: the outputs, a workload too short to time well, and what one candidate will cost', async () => {
    // Sums 4096 i32s: a few microseconds.
    const harness = fixture('sum.harness.json');
    const r = await cli('check', fixture('sum.wat'), '--harness', harness, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.ok).toBe(true);
    expect(c.harness).toMatchObject({ path: harness, kind: 'json', seeds: [1, 2, 3] });
    expect(c.outputs).toEqual([{ name: 'return', kind: 'number', length: 1, preview: expect.stringMatching(/^-?\d+$/), sameOnEverySeed: false }]);
    expect(c.callMs).toBeGreaterThan(0);
    expect(c.callMsFrom).toBe('timing');
    expect(c.workload).toMatchObject({ verdict: 'too-short', rangeMs: { min: 0.1, max: 100 }, validationCalls: 3 });
    // Each quick ratio times both modules in 5 rounds of the evaluator's size (about 10 ms of calls, at most
    // MAX_ROUND_ITERATIONS calls: a call of a few microseconds hits the cap), plus a warm-up call each.
    expect(c.workload.quickTimingCalls).toBeGreaterThanOrEqual(5 * 2 * 4);
    expect(c.workload.quickTimingCalls).toBe(5 * 2 * (roundIterations(c.callMs, QUICK) + 1));
    expect(c.workload.quickTimingMs).toBeCloseTo(c.workload.quickTimingCalls * c.callMs, 6);
    expect(c.warnings).toEqual([expect.stringMatching(/shorter than 0\.1 ms per call/)]);
    expect(c.o3.state).toBe('ok');
    expect(c.o3.sizeBytes).toBeLessThan(c.o3.originalSizeBytes);
    expect(c.o3.runtimeVsOriginal.n).toBe(5);
  });

  it('fails a harness that gives different outputs on two runs of the original (E_HARNESS_FAILS)', async () => {
    // The classic mistake: inputs from Math.random() instead of the seeded ctx.rng.
    const harness = write('random.mjs', `export default {
  setup({ memory }) { new Int32Array(memory.buffer, 0, 64).forEach((_, i, a) => { a[i] = Math.floor(Math.random() * 1000); }); },
  run({ exports }) { return exports.sum(64); },
  output(_ctx, _state, result) { return { sum: result }; },
};
`);
    const r = await cli('check', fixture('sum.wat'), '--harness', harness);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wasmtune: error E_HARNESS_FAILS: The harness is not deterministic: seed 1 gave different outputs on two runs/);
  });

  it('fails a harness whose outputs depend on the code -O3 rewrites, and says why', async () => {
    // The workload returns where in the module's code it calls its import (a byte offset from a stack
    // trace): the same on every run of the original, and moved by -O3, which drops an unused function.
    const module = write('where.wat', `(module
  (import "env" "where" (func $where (result i32)))
  (func $unused (param $x i32) (result i32) (i32.mul (i32.add (local.get $x) (i32.const 1)) (i32.const 3)))
  (func (export "run") (result i32)
    (local $t i32)
    (local.set $t (i32.const 7))
    (i32.add (local.get $t) (call $where))))
`);
    const harness = write('where.mjs', `export default {
  imports: () => ({ env: { where: () => Number.parseInt(/wasm-function\\[\\d+\\]:0x([0-9a-f]+)/.exec(new Error().stack)[1], 16) } }),
  setup: () => undefined,
  run: ({ exports }) => exports.run(),
  output: (_ctx, _state, result) => ({ offset: result }),
};
`);
    const text = await cli('check', module, '--harness', harness);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^original +the same outputs on two runs of every seed$/m);
    expect(text.stdout).toMatch(/^-O3 +FAILS the harness \(wrong-output\): seed 1: offset/m);
    expect(text.stdout).not.toMatch(/^ready/m);
    expect(text.stderr).toMatch(/^check: -O3 of the module fails the harness \(wrong-output: .*\)\. .*not on the code that computes it/);

    const json = await cli('check', module, '--harness', harness, '--json');
    expect(json.code).toBe(1);
    const c = JSON.parse(json.stdout);
    expect(c.ok).toBe(false);
    expect(c.o3).toMatchObject({ state: 'invalid', reason: 'wrong-output' });
    // Nothing seeded reaches this workload, and check says so.
    expect(c.outputs[0]).toMatchObject({ name: 'offset', sameOnEverySeed: true });
    expect(c.warnings).toContainEqual(expect.stringMatching(/every seed gave the same outputs/));
  });

  it('needs a harness for a module outside the suite: a usage error', async () => {
    const r = await cli('check', fixture('sum.wat'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_USAGE: There is nothing to check without a harness: 'wasmtune check .*sum\.wat --harness <file\.json\|file\.mjs>'/);
  });
});
