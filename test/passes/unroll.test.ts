// wt-unroll, wt-unroll-nested and wt-unroll-full: golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates), trip
// counts around the factor on hand-written loops of every recognised shape with i32 and i64 counters
// (general.wat: computed bounds, clang -O0 tests, counters updated in expressions, through copies or on
// two paths) and on loop nests, and suite kernels built and run in this process (validated,
// output-equal on the harness seeds; see suite.ts), among them the clang -O0 builds after promotion.
//
// The default run checks a sample of suite kernels and recipes; WASMTUNE_FULL=1 checks all of them.
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryen } from '../../src/binaryen/module.js';
import { NESTED_DEPTH, unrollModule, tripCount, type UnrollMode, type UnrollStats } from '../../src/passes/custom/unroll.js';
import { KernelCheck, exportsOf, goldenDir, runExport, sample, suiteStaysOutputEqual, watBytes } from './suite.js';

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



describe('wt-unroll:k on counted loops of every shape', () => {
  const wat = read('counted.wat');
  const before = watBytes(wat);

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

describe('wt-unroll:k on the loop shapes compilers emit (computed bounds, clang -O0 tests, counters in expressions)', () => {
  const wat = read('general.wat');
  const before = watBytes(wat);

  it('matches the golden output for k = 2', () => {
    const r = apply(wat, { kind: 'partial', factor: 2 });
    expect(r.valid).toBe(true);
    golden.check('general.unroll-2.wat', r.text);
  });

  for (const k of [2, 4, 8]) {
    it(`k = ${k}: unrolls the eleven loops it can prove, refuses the six it cannot, keeps trip counts 0, 1, k−1, k, k+1 and more`, () => {
      const r = apply(wat, { kind: 'partial', factor: k });
      expect(r.valid).toBe(true);
      expect(r.stats).toEqual({ innermost: 17, unrolled: 11, refused: { bound: 2, 'induction-variable': 3, test: 1 } });
      for (const name of exportsOf(before)) {
        for (const n of [0, 1, 2, k - 1, k, k + 1, 2 * k + 1, 37]) {
          expect(runExport(r.bytes, name, n), `${name}(${n})`).toBe(runExport(before, name, n));
        }
      }
    });
  }

  it('evaluates a computed bound once, before the unrolled loop', () => {
    const r = apply(wat, { kind: 'partial', factor: 4 });
    // minus_one: `n - 1` is set into a fresh local right before the main loop, whose guard reads it.
    const id = /\(export "minus_one" \(func (\$\w+)\)\)/.exec(r.text)![1]!;
    const start = r.text.indexOf(`(func ${id} `);
    const fn = r.text.slice(start, r.text.indexOf('\n (func ', start + 1));
    expect(fn.match(/\(i32\.sub\n\s+\(local\.get \$n\)/g)).toHaveLength(2);
    expect(fn).toMatch(/\(local\.set \$3\n\s+\(i32\.sub/);
  });

  it('fully unrolls the clang -O0 loop with a constant bound, leaving the test temporaries as the loop does', () => {
    const r = apply(wat, { kind: 'full', maxTrips: 8 });
    expect(r.valid).toBe(true);
    expect(r.stats.unrolled).toBe(1);
    for (const name of exportsOf(before)) {
      for (const n of [0, 1, 7]) expect(runExport(r.bytes, name, n), `${name}(${n})`).toBe(runExport(before, name, n));
    }
  });
});

describe('wt-unroll:k on i64 induction variables', () => {
  const wat = read('i64.wat');
  const before = watBytes(wat);

  it('matches the golden output for k = 2', () => {
    const r = apply(wat, { kind: 'partial', factor: 2 });
    expect(r.valid).toBe(true);
    golden.check('i64.unroll-2.wat', r.text);
  });

  for (const k of [2, 4, 8]) {
    it(`k = ${k}: unrolls every i64 shape, refuses the loop relying on wrap-around, keeps trip counts 0, 1, k−1, k, k+1 and more`, () => {
      const r = apply(wat, { kind: 'partial', factor: k });
      expect(r.valid).toBe(true);
      expect(r.stats).toEqual({ innermost: 11, unrolled: 10, refused: { direction: 1 } });
      for (const name of exportsOf(before)) {
        for (const n of [0, 1, k - 1, k, k + 1, 2 * k + 1, 37]) {
          expect(runExport(r.bytes, name, n), `${name}(${n})`).toBe(runExport(before, name, n));
        }
      }
    });
  }

  it('fully unrolls an i64 loop whose constant trip count wraps around INT64_MAX', () => {
    const r = apply(wat, { kind: 'full', maxTrips: 8 });
    expect(r.valid).toBe(true);
    expect(r.stats).toEqual({ innermost: 11, unrolled: 1, refused: { 'unknown-start': 10 } });
    for (const name of exportsOf(before)) {
      for (const n of [0, 1, 5, 9]) expect(runExport(r.bytes, name, n), `${name}(${n})`).toBe(runExport(before, name, n));
    }
  });
});

describe('wt-unroll-nested:k on loop nests', () => {
  const wat = read('nested.wat');
  const before = watBytes(wat);

  it('matches the golden output for k = 2', () => {
    const r = apply(wat, { kind: 'partial', factor: 2, minDepth: NESTED_DEPTH });
    expect(r.valid).toBe(true);
    golden.check('nested.unroll-nested-2.wat', r.text);
  });

  it('leaves the single loop alone, which wt-unroll unrolls', () => {
    expect(apply(wat, { kind: 'partial', factor: 4 }).stats).toEqual({ innermost: 5, unrolled: 5, refused: {} });
  });

  for (const k of [2, 4, 8]) {
    it(`k = ${k}: unrolls the four inner loops at depth 2 and 3, keeps every trip count`, () => {
      const r = apply(wat, { kind: 'partial', factor: k, minDepth: NESTED_DEPTH });
      expect(r.valid).toBe(true);
      expect(r.stats).toEqual({ innermost: 5, unrolled: 4, refused: { depth: 1 } });
      for (const name of exportsOf(before)) {
        for (const n of [0, 1, k - 1, k, k + 1, 2 * k + 1]) {
          expect(runExport(r.bytes, name, n), `${name}(${n})`).toBe(runExport(before, name, n));
        }
      }
    });
  }
});

describe('wt-unroll-full:n on loops with constant trip counts', () => {
  const wat = read('constant.wat');
  const before = watBytes(wat);

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
    const bound = { kind: 'const', value: 0n } as const;
    const lt = { op: 'lt', signed: true, bound } as const;
    expect(tripCount('while-if', lt, 1, 0, 5, 100)).toBe(5);
    expect(tripCount('do-while', lt, 1, 7, 5, 100)).toBe(1);
    expect(tripCount('while-if', { op: 'lt', signed: false, bound }, 1, -1, 3, 100)).toBe(0);
    // From 3 below INT_MAX with step 2, the third value wraps to INT_MIN, which ends the loop.
    expect(tripCount('while-if', { op: 'gt', signed: true, bound }, 2, 0x7ffffffc, 5, 100)).toBe(2);
    expect(tripCount('while-if', { op: 'ne', signed: false, bound }, 2, 0, 3, 100)).toBeUndefined();
  });

  it('computes trip counts with i64 wrap-around', () => {
    const bound = { kind: 'const', value: 0n } as const;
    const max = (1n << 63n) - 1n;
    const min = -(1n << 63n);
    // An i32 wrap-around is no wrap-around in 64 bits.
    expect(tripCount('while-if', { op: 'gt', signed: true, bound }, 2, 0x7ffffffc, 5, 100, 64)).toBeUndefined();
    expect(tripCount('while-if', { op: 'ne', signed: false, bound }, 1, max - 2n, min + 2n, 100, 64)).toBe(5);
    expect(tripCount('while-if', { op: 'gt', signed: true, bound }, 2, max - 4n, 5n, 100, 64)).toBe(3);
    expect(tripCount('do-while', { op: 'lt', signed: false, bound }, 1, -2n, -1n, 100, 64)).toBe(1);
    expect(tripCount('while-if', { op: 'lt', signed: false, bound }, 1, -3n, -1n, 100, 64)).toBe(2);
  });
});

// Suite kernels: the pass alone on the committed module and after Binaryen's pipelines (Binaryen
// validation, then the same outputs as the original on the harness seeds).
const KERNELS = sample(['crc32', 'conv2d', 'fir', 'rle', 'floyd', 'matvec', 'fft', 'lu'], ['crc32', 'fir', 'floyd']);
const RECIPES: string[][] = [
  ...sample([['wt-unroll:4'], ['-O1', 'wt-unroll:8'], ['-O3', 'wt-unroll:2', '-O3']], [['-O1', 'wt-unroll:8']]),
  ...sample([['wt-unroll-full:16'], ['-O1', 'wt-unroll-full:8']], [['-O1', 'wt-unroll-full:8']]),
  ...sample([['wt-unroll-nested:4'], ['-O1', 'wt-unroll-nested:8'], ['-O3', 'wt-unroll-nested:2', '-O3'], ['wt-promote-stack', '-O1', 'wt-unroll-nested:4']], [['-O1', 'wt-unroll-nested:4']]),
];

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

suiteStaysOutputEqual(KERNELS, {
  recipes: RECIPES,
  applies: {
    title: 'has loops the pass unrolls',
    test: (bytes, features) => {
      const mode = { kind: 'partial', factor: 4 } as const;
      return countUnrolled(bytes, features, undefined, mode) + countUnrolled(bytes, features, 1, mode) > 0;
    },
  },
});

describe('wt-unroll-nested on suite kernels with loop nests', () => {
  // Kernels and the steps before: the clang -O0 matmul keeps its counters in memory until
  // wt-promote-stack turns them into locals.
  const NESTS = sample(
    [['floyd', ['-O1']], ['conv2d', []], ['fft', ['-O1']], ['matvec', ['-O3']], ['lu', []], ['matmul', ['wt-promote-stack', '-O1']]] as const,
    [['floyd', ['-O1']]] as const,
  );
  for (const [name, before] of NESTS) {
    let k: KernelCheck;
    beforeAll(async () => {
      k = await KernelCheck.load(name);
    });
    it(`${name}${before.length ? ` after ${before.join(' ')}` : ''}: unrolls inner loops, never more than wt-unroll`, () => {
      const count = (minDepth: number) => {
        const m = binaryen.readBinary(k.build(before));
        try {
          m.setFeatures(k.features);
          return unrollModule(m, binaryen, { kind: 'partial', factor: 4, minDepth });
        } finally {
          m.dispose();
        }
      };
      const nested = count(NESTED_DEPTH);
      const all = count(1);
      expect(nested.unrolled).toBeGreaterThan(0);
      expect(nested.innermost).toBe(all.innermost);
      // The loops wt-unroll unrolls and wt-unroll-nested does not are outer-level ones.
      expect(nested.unrolled).toBeLessThanOrEqual(all.unrolled);
      expect(all.unrolled - nested.unrolled).toBeLessThanOrEqual(nested.refused.depth ?? 0);
    });
  }
});

describe('wt-unroll on clang -O0 kernels after wt-promote-stack', () => {
  // Promotion leaves clang -O0's loop shape: `br_if $out (eqz (and (lt_s i (block (local.set $t n) …)) 1))`.
  const O0 = sample(['matmul', 'jacobi2d', 'nbody', 'wordfreq', 'conv2d'], ['matmul', 'jacobi2d']);
  for (const name of O0) {
    let k: KernelCheck;
    beforeAll(async () => {
      k = await KernelCheck.load(name);
    });
    it(`${name}: unrolls loops right after promotion and stays output-equal`, () => {
      const m = binaryen.readBinary(k.build(['wt-promote-stack']));
      try {
        m.setFeatures(k.features);
        expect(unrollModule(m, binaryen, { kind: 'partial', factor: 4 }).unrolled).toBeGreaterThan(0);
      } finally {
        m.dispose();
      }
      expect(k.check(['wt-promote-stack', 'wt-unroll:4', '-O3'])).toBe('ok');
      expect(k.check(['wt-promote-stack', 'wt-unroll:8'])).toBe('ok');
    });
  }
});
