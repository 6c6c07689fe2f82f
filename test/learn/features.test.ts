/** Module features: exact counts on a small hand-written module, every suite kernel decodes, the CLI. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { watToWasm } from '../../src/kernels/wat.js';
import { FEATURE_NAMES, featureVector, moduleFeatures, observationOf, observationSize, KNOB_FEATURE_NAMES } from '../../src/learn/features/features.js';
import { listSuite, projectRoot } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS } from '../../src/recipe/recipe.js';
import { cli } from '../helpers.js';

const WAT = `(module
  (type $t (func (param i32) (result i32)))
  (import "env" "f" (func $imp (param i32) (result i32)))
  (memory 2)
  (table 1 funcref)
  (elem (i32.const 0) $g)
  (global $G (mut i32) (i32.const 0))
  (export "g" (func $g))
  (data (i32.const 16) "abcd")
  (func $g (param $x i32) (result i32) (local $y i32) (local $z f64)
    (block $out
      (loop $l1
        (loop $l2
          (local.set $y (i32.add (local.get $y) (i32.const 1)))
          (br_if $l2 (i32.lt_s (local.get $y) (i32.const 10))))
        (br_if $l1 (i32.eqz (local.get $x)))))
    (local.set $z (f64.mul (f64.convert_i32_s (local.get $y)) (f64.const 2)))
    (i32.store (i32.const 0) (i32.trunc_f64_s (local.get $z)))
    (global.set $G (i32.load (i32.const 0)))
    (drop (call $imp (local.get $x)))
    (call_indirect (type $t) (local.get $x) (i32.const 0)))
  (func $h (result i32) (i32.const 7)))`;

describe('moduleFeatures', () => {
  it('counts a known module exactly', async () => {
    const bytes = await watToWasm(WAT, 'known.wat');
    const f = moduleFeatures(bytes);
    // $g: 35 instructions + its final end; $h: i32.const + end.
    expect(f.instructions).toBe(38);
    expect(f.maxFunctionInstructions).toBe(36);
    expect(f.meanFunctionInstructions).toBe(19);
    expect(f.counts).toEqual({
      intArith: 1, intMulDiv: 0, intCompare: 2, floatArith: 1, floatMulDiv: 1, floatCompare: 0, conversions: 2, constants: 7,
      loads: 1, stores: 1, branches: 2, calls: 1, indirectCalls: 1, localGets: 7, localSets: 2, globalOps: 1, memoryOps: 0,
      selects: 0, drops: 1, returns: 0, blocks: 1, loops: 2, simd: 0, other: 0,
    });
    expect({ functions: f.functions, importedFunctions: f.importedFunctions, functionsWithLoops: f.functionsWithLoops, maxLoopDepth: f.maxLoopDepth })
      .toEqual({ functions: 2, importedFunctions: 1, functionsWithLoops: 1, maxLoopDepth: 2 });
    expect({ locals: f.locals, params: f.params, globals: f.globals, exports: f.exports, memoryPages: f.memoryPages, dataSegments: f.dataSegments, dataBytes: f.dataBytes, tables: f.tables })
      .toEqual({ locals: 2, params: 1, globals: 1, exports: 1, memoryPages: 2, dataSegments: 1, dataBytes: 4, tables: 1 });
    expect(f.moduleBytes).toBe(bytes.byteLength);
  });

  it('normalises: shares of the instruction count, log-scaled sizes, all finite and ≥ 0', async () => {
    const f = moduleFeatures(await watToWasm(WAT, 'known.wat'));
    const v = featureVector(f);
    expect(v.length).toBe(FEATURE_NAMES.length);
    const at = (name: string) => v[FEATURE_NAMES.indexOf(name)]!;
    expect(at('loadsShare')).toBeCloseTo(1 / 38, 12);
    expect(at('constantsShare')).toBeCloseTo(7 / 38, 12);
    expect(at('instructions')).toBeCloseTo(Math.log2(39) / 20, 12);
    expect(at('maxLoopDepth')).toBe(2 / 8);
    expect(at('functionsWithLoopsShare')).toBe(0.5);
    for (const x of v) expect(Number.isFinite(x) && x >= 0).toBe(true);
  });

  it('decodes every suite kernel, with values in a sane range', () => {
    const suite = listSuite();
    expect(suite.length).toBeGreaterThan(10);
    for (const uri of suite) {
      const name = uri.split('/').pop()!;
      const f = moduleFeatures(new Uint8Array(readFileSync(join(projectRoot(), 'kernels', 'wasmtune-v0', name, 'module.wasm'))));
      expect(f.functions, name).toBeGreaterThan(0);
      expect(f.counts.loops, name).toBeGreaterThan(0);
      for (const x of featureVector(f)) expect(x >= 0 && x < 1.6, `${name}: ${x}`).toBe(true);
    }
  });

  it('observation: features, applied-step counts (capped at 2), progress, knobs', () => {
    const actions = ['licm', 'vacuum', '-O3', 'stop'];
    const mv = Float64Array.from({ length: FEATURE_NAMES.length }, (_, i) => i / 100);
    const obs = observationOf(mv, actions, ['licm', 'licm', 'licm', '-O3'], 8, { ...DEFAULT_KNOBS, optimizeLevel: 4 });
    expect(obs.length).toBe(observationSize(FEATURE_NAMES.length, actions.length));
    const o = FEATURE_NAMES.length;
    expect([...obs.slice(0, o)]).toEqual([...mv]);
    expect([...obs.slice(o, o + 4)]).toEqual([1, 0, 0.5, 0]);
    expect(obs[o + 4]).toBe(4 / 8);
    expect(obs[o + 5 + KNOB_FEATURE_NAMES.indexOf('optimizeLevel')]).toBe(1);
  });

  it('rejects what is not a module', () => {
    expect(() => moduleFeatures(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow(/not a WebAssembly module \(version 1\)/);
  });
});

describe('wasmtune features', () => {
  it('prints the features, and --json', async () => {
    const text = await cli('features', 'crc32');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/maxLoopDepth\s+2/);
    expect(text.stdout).toMatch(/normalised vector/);
    const json = await cli('features', 'kernel://wasmtune-v0/crc32', '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.kernel).toBe('kernel://wasmtune-v0/crc32');
    expect(Object.keys(r.vector)).toEqual([...FEATURE_NAMES]);
    expect(r.features.instructions).toBeGreaterThan(100);
  });

  it('bad input is one line with a code', async () => {
    const missing = await cli('features');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/E_USAGE/);
    const unknown = await cli('features', 'crc33');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/E_UNKNOWN_KERNEL.*crc32/);
  });
});
