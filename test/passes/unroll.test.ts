// wt-unroll and wt-unroll-full: golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates), trip counts around
// the factor on hand-written loops of every recognised shape, and suite kernels through the Evaluator
// (validated, output-equal on the harness seeds).
import { describe, expect, it } from 'vitest';
import { binaryen } from '../../src/binaryen/module.js';
import { unrollModule, tripCount, type UnrollMode, type UnrollStats } from '../../src/passes/custom/unroll.js';
import { goldenDir, runExport, suiteStaysOutputEqual } from './suite.js';

const golden = goldenDir('unroll');
const read = golden.read;

/** Parse WAT, apply the pass, and return the stats, the text and the binary of the result. */
function apply(wat: string, mode: UnrollMode): { stats: UnrollStats; text: string; bytes: Uint8Array; valid: boolean } {
  const m = binaryen.parseText(wat);
  try {
    const stats = unrollModule(m, binaryen, mode);
    return { stats, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary() };
  } finally {
    m.dispose();
  }
}

function original(wat: string): Uint8Array {
  const m = binaryen.parseText(wat);
  try {
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}

function exportsOf(bytes: Uint8Array): string[] {
  return WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(bytes))).filter((e) => e.kind === 'function').map((e) => e.name);
}

describe('wt-unroll:k on counted loops of every shape', () => {
  const wat = read('counted.wat');
  const before = original(wat);

  it('matches the golden output for k = 2', () => {
    const r = apply(wat, { kind: 'partial', factor: 2 });
    expect(r.valid).toBe(true);
    golden.check('counted.unroll-2.wat', r.text);
  });

  for (const k of [2, 4, 8]) {
    it(`k = ${k}: unrolls the eleven counted loops, refuses the three it cannot prove, keeps every trip count`, () => {
      const r = apply(wat, { kind: 'partial', factor: k });
      expect(r.valid).toBe(true);
      expect(r.stats).toEqual({ innermost: 14, unrolled: 11, refused: { continue: 1, bound: 1, direction: 1 } });
      // k copies per iteration: the unrolled module has more loops (main + remainder) and is larger.
      expect(r.bytes.byteLength).toBeGreaterThan(before.byteLength);
      for (const name of exportsOf(before)) {
        for (const n of [0, 1, k - 1, k, k + 1, 2 * k + 1, 37]) {
          expect(runExport(r.bytes, name, n), `${name}(${n})`).toBe(runExport(before, name, n));
        }
      }
    });
  }
});

describe('wt-unroll-full:n on loops with constant trip counts', () => {
  const wat = read('constant.wat');
  const before = original(wat);

  it('matches the golden output for n = 16', () => {
    const r = apply(wat, { kind: 'full', maxTrips: 16 });
    expect(r.valid).toBe(true);
    golden.check('constant.unroll-full-16.wat', r.text);
  });

  const expected: Record<number, UnrollStats> = {
    4: { innermost: 8, unrolled: 3, refused: { 'too-many-trips': 4, 'unknown-start': 1 } },
    8: { innermost: 8, unrolled: 6, refused: { 'too-many-trips': 1, 'unknown-start': 1 } },
    16: { innermost: 8, unrolled: 6, refused: { 'too-many-trips': 1, 'unknown-start': 1 } },
  };
  for (const n of [4, 8, 16]) {
    it(`n = ${n}: unrolls the loops of at most ${n} trips and keeps every result`, () => {
      const r = apply(wat, { kind: 'full', maxTrips: n });
      expect(r.valid).toBe(true);
      expect(r.stats).toEqual(expected[n]);
      for (const name of exportsOf(before)) {
        for (const x of [0, 1, 3, 7, 100, -1]) expect(runExport(r.bytes, name, x), `${name}(${x})`).toBe(runExport(before, name, x));
      }
    });
  }

  it('computes trip counts with i32 wrap-around', () => {
    const lt = { op: 'lt', signed: true, bound: { kind: 'const', value: 0 } } as const;
    expect(tripCount('while-if', { ...lt, bound: { kind: 'const', value: 5 } }, 1, 0, 5, 100)).toBe(5);
    expect(tripCount('do-while', { ...lt, bound: { kind: 'const', value: 5 } }, 1, 7, 5, 100)).toBe(1);
    expect(tripCount('while-if', { op: 'lt', signed: false, bound: { kind: 'const', value: 3 } }, 1, -1, 3, 100)).toBe(0);
    // From 3 below INT_MAX with step 2, the third value wraps to INT_MIN, which ends the loop.
    expect(tripCount('while-if', { op: 'gt', signed: true, bound: { kind: 'const', value: 5 } }, 2, 0x7ffffffc, 5, 100)).toBe(2);
    expect(tripCount('while-if', { op: 'ne', signed: false, bound: { kind: 'const', value: 3 } }, 2, 0, 3, 100)).toBeUndefined();
  });
});

// Suite kernels: the pass alone on the committed module and after Binaryen's pipelines, each run through
// the Evaluator (Binaryen validation, then the same outputs as the original on the harness seeds).
const KERNELS = ['crc32', 'conv2d', 'fir', 'rle', 'floyd', 'matvec'];
const RECIPES: string[][] = [['wt-unroll:4'], ['-O1', 'wt-unroll:8'], ['-O3', 'wt-unroll:2', '-O3'], ['wt-unroll-full:16'], ['-O1', 'wt-unroll-full:8']];

function countUnrolled(bytes: Uint8Array, features: number, level: number | undefined, mode: UnrollMode): number {
  const m = binaryen.readBinary(bytes);
  try {
    m.setFeatures(features);
    if (level !== undefined) {
      binaryen.setOptimizeLevel(level);
      binaryen.setShrinkLevel(0);
      m.optimize();
    }
    return unrollModule(m, binaryen, mode).unrolled;
  } finally {
    m.dispose();
  }
}

suiteStaysOutputEqual(KERNELS, RECIPES, {
  title: 'has loops the pass unrolls',
  test: (bytes, features) => {
    const mode = { kind: 'partial', factor: 4 } as const;
    return countUnrolled(bytes, features, undefined, mode) + countUnrolled(bytes, features, 1, mode) > 0;
  },
});
