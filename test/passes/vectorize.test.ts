// wt-vectorize and its variants: golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates), the decisions and
// reasons on hand-written loops, equal results on those loops for every trip count 0 … 2·lanes·f + 3 with
// disjoint, overlapping and unaligned arrays, float reductions only under fast-math, the catalog and the
// search space, and every suite kernel built and run in this process on many seeds (see suite.ts).
import { afterEach, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { DEFAULT_FEATURES, binaryen, build, checkBuilt, detectFeatures } from '../../src/binaryen/module.js';
import { CUSTOM_PASSES, customPassFunctions } from '../../src/passes/custom/index.js';
import { analyzeVectorization, vectorizeModule, type VectorizeOptions, type VectorizeReport } from '../../src/passes/custom/vectorize.js';
import { PASSES } from '../../src/passes/registry.js';
import { defaultSpace } from '../../src/search/space.js';
import { listSuite } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS } from '../../src/recipe/recipe.js';
import { FULL, goldenDir, sample, suiteStaysOutputEqual, watBytes } from './suite.js';

const golden = goldenDir('vectorize');
const wat = golden.read('loops.wat');
const PLAIN: VectorizeOptions = { interleave: 1, versioning: true, floatReductions: false };

function apply(opts: VectorizeOptions, fastMath = false): { report: VectorizeReport; text: string; bytes: Uint8Array; valid: boolean } {
  const m = binaryen.parseText(wat);
  binaryen.setFastMath(fastMath);
  try {
    m.setFeatures(DEFAULT_FEATURES);
    const report = vectorizeModule(m, binaryen, opts);
    return { report, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary() };
  } finally {
    binaryen.setFastMath(false);
    m.dispose();
  }
}

const original = (() => {
  const m = binaryen.parseText(wat);
  try {
    return m.emitBinary();
  } finally {
    m.dispose();
  }
})();

const VECTORIZED = [
  'add_i32', 'saxpy_f32', 'scale_f64', 'bytes_u8', 'clamp_i16', 'sum_i32', 'max_sub_i32', 'xor_i64', 'relax_i32', 'iota_f32', 'invariant_load', 'shift_ahead', 'min_i64', 'live_out', 'widen_u8',
  // Compiler shapes: clang -O0 after promotion (computed bound, test temporaries, a copied counter), and -O3's tee'd update.
  'o0_minus_one', 'o0_prefix_i32', 'tee_stencil_f32',
];
const REFUSED: Record<string, string> = {
  sum_f64: 'float-reduction', div_i32: 'no-simd-op', prefix_i32: 'dependence', gather_i32: 'address',
  stride2_i32: 'stride', ltu_i64: 'no-simd-op', call_i32: 'call',
  two_paths_i32: 'control-flow', load_bound_i32: 'not-counted:bound', iv_after_tee: 'iv-read-after-update',
};
/** Lanes of each function's vectors (the element size decides them). */
const LANES: Record<string, number> = { bytes_u8: 16, clamp_i16: 8, scale_f64: 2, xor_i64: 2, min_i64: 2, sum_f64: 2 };

/** Seeded memory images with no float NaNs (bit 6 of every fourth byte clear), so results are deterministic. */
const IMAGES = Array.from({ length: 8 }, (_, k) => {
  const rng = seedrandom(`image ${k}`);
  return Uint8Array.from({ length: 65536 }, (_, i) => Math.floor(rng() * 256) & (i % 4 === 3 ? 0xbf : 0xff));
});
const compiled = new WeakMap<Uint8Array, WebAssembly.Module>();

/** Call an export on a fresh instance with memory image `seed` (mod 8): its result (or trap) and a digest of all memory. */
function run(bytes: Uint8Array, name: string, args: number[], seed: number): string {
  let mod = compiled.get(bytes);
  if (!mod) compiled.set(bytes, (mod = new WebAssembly.Module(new Uint8Array(bytes))));
  const ex = new WebAssembly.Instance(mod).exports as Record<string, unknown>;
  const memory = ex.memory as WebAssembly.Memory;
  new Uint8Array(memory.buffer).set(IMAGES[seed % IMAGES.length]!);
  let result: string;
  try {
    result = String((ex[name] as (...a: number[]) => unknown)(...args));
  } catch (e) {
    result = `trap: ${(e as Error).message}`;
  }
  const words = new Int32Array(memory.buffer);
  let h = 0;
  for (let i = 0; i < words.length; i++) h = (Math.imul(h, 31) + words[i]!) | 0;
  return `${result} / memory ${h}`;
}

describe('wt-vectorize on hand-written loops', () => {
  it('matches the golden outputs for interleave 1 and 2', () => {
    for (const f of [1, 2]) {
      const r = apply({ ...PLAIN, interleave: f });
      expect(r.valid).toBe(true);
      golden.check(`loops.vectorize-${f}.wat`, r.text);
    }
  });

  it('vectorizes the eighteen element-wise loops and refuses the rest, each with its reason', () => {
    const { report } = apply(PLAIN);
    expect(report.vectorized).toBe(VECTORIZED.length);
    expect(report.loops.filter((l) => l.state === 'vectorized').map((l) => l.function)).toEqual(VECTORIZED);
    expect(Object.fromEntries(report.loops.filter((l) => l.state === 'refused').map((l) => [l.function, l.reason]))).toEqual(REFUSED);
    const by = (f: string) => report.loops.find((l) => l.function === f)!;
    expect(by('div_i32').detail).toContain('i32.div_s');
    expect(by('ltu_i64').detail).toBe('i64x2.lt_u');
    expect(by('bytes_u8').lanes).toContain('i8x16');
    expect(by('clamp_i16').lanes).toContain('i16x8');
    expect(by('max_sub_i32').reductions).toEqual(['max_s:i32', 'sub:i32']);
    expect(by('xor_i64').reductions).toEqual(['xor:i64']);
    // Disjointness proven at compile time (same base, constant distance) or checked at run time.
    expect(by('shift_ahead').alias).toEqual({ proven: 1, checked: 0, perBlock: 0 });
    expect(by('add_i32').alias).toEqual({ proven: 0, checked: 2, perBlock: 0 });
    expect(by('invariant_load').alias).toEqual({ proven: 1, checked: 0, perBlock: 1 });
    // The stencil's three loads of q are a constant distance apart from each other, checked against p and r.
    expect(by('tee_stencil_f32').lanes).toContain('f32x4');
  });

  it('evaluates a computed bound once, before the vector loop', () => {
    const { text } = apply(PLAIN);
    const id = /\(export "o0_minus_one" \(func (\$\w+)\)\)/.exec(text)![1]!;
    const start = text.indexOf(`(func ${id} `);
    const fn = text.slice(start, text.indexOf('\n (func ', start + 1));
    // Once for the hoisted local (read by the vector loop's guard), once in the scalar loop's own test.
    expect(fn.match(/\(i32\.sub\n\s+\(local\.get \$n\)\n\s+\(i32\.const 1\)/g)).toHaveLength(2);
  });

  it('turns on the SIMD feature only when it vectorizes something', () => {
    const m = binaryen.parseText('(module (memory 1) (func (export "f") (param i32) (drop (i32.div_s (local.get 0) (i32.const 3)))))');
    try {
      m.setFeatures(DEFAULT_FEATURES);
      vectorizeModule(m, binaryen, PLAIN);
      expect(m.getFeatures() & binaryen.Features.SIMD128).toBe(0);
    } finally {
      m.dispose();
    }
    const r = apply(PLAIN);
    expect(r.text).toContain('v128.load');
  });

  for (const f of [1, 2]) {
    it(`interleave ${f}: same results and memory for trip counts 0 … 2·lanes·${f} + 3, disjoint, overlapping and unaligned arrays`, () => {
      const r = apply({ ...PLAIN, interleave: f });
      // Byte addresses p (stores), q and r (loads): disjoint and aligned, unaligned, and q/r overlapping p
      // at distances below, at and above one vector, both ways.
      const layouts: Array<[number, number, number]> = [[1024, 8192, 16384], [1027, 8193, 16390]];
      for (const d of [-20, -16, -12, -8, -4, -1, 0, 3, 4, 8, 12, 16, 24]) layouts.push([4096, 4096 + d, 4096 - d], [4099, 4099 + d, 4099 + 2 * d]);
      for (const name of [...VECTORIZED, ...Object.keys(REFUSED)]) {
        const lanes = LANES[name] ?? 4;
        for (let n = 0; n <= 2 * lanes * f + 3; n++) {
          for (const [li, [p, q, rr]] of layouts.entries()) {
            const seed = n + li;
            expect(run(r.bytes, name, [p, q, rr, n], seed), `${name}(${p}, ${q}, ${rr}, ${n})`).toBe(run(original, name, [p, q, rr, n], seed));
          }
        }
        // A long trip count, so most iterations run in vectors.
        expect(run(r.bytes, name, [1024, 8192, 16384, 1000], 7)).toBe(run(original, name, [1024, 8192, 16384, 1000], 7));
      }
    });
  }

  it('falls back to the scalar loop exactly when arrays overlap closer than a vector', () => {
    // add_i32 with q one element past p would read lanes the vector stores write: scalar order must win.
    const r = apply(PLAIN);
    const args = [4096, 4100, 12000, 64];
    expect(run(r.bytes, 'add_i32', args, 0)).toBe(run(original, 'add_i32', args, 0));
    // With the check removed (the no-versioning variant), such loops are refused instead.
    const noalias = apply({ ...PLAIN, versioning: false }).report;
    const by = (f: string) => noalias.loops.find((l) => l.function === f)!;
    expect(by('add_i32')).toMatchObject({ state: 'refused', reason: 'needs-alias-check' });
    expect(by('invariant_load')).toMatchObject({ state: 'refused', reason: 'needs-alias-check' });
    // Those it can prove at compile time or that need no check stay vectorized.
    for (const f of ['shift_ahead', 'sum_i32', 'max_sub_i32', 'xor_i64']) expect(by(f).state, f).toBe('vectorized');
  });

  it('vectorizes one loop per rank with wt-vectorize-loop:r', () => {
    const chosen = [0, 1, 2, 3].map((rank) => {
      const { report, valid } = apply({ ...PLAIN, onlyRank: rank });
      expect(valid).toBe(true);
      expect(report.vectorized).toBe(1);
      expect(report.loops.filter((l) => l.state === 'not-selected')).toHaveLength(VECTORIZED.length - 1);
      return report.loops.find((l) => l.state === 'vectorized')!.function;
    });
    // All depth 1: module order.
    expect(chosen).toEqual(VECTORIZED.slice(0, 4));
    expect(apply({ ...PLAIN, onlyRank: 99 }).report.vectorized).toBe(0);
  });
});

describe('widening sums (i32 over 8- and 16-bit lanes)', () => {
  const widenWat = golden.read('widen.wat');
  const widenOriginal = watBytes(widenWat);
  const widened = (interleave: number) => {
    const m = binaryen.parseText(widenWat);
    try {
      m.setFeatures(DEFAULT_FEATURES);
      const report = vectorizeModule(m, binaryen, { ...PLAIN, interleave });
      return { report, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary() };
    } finally {
      m.dispose();
    }
  };
  const TAKEN: Record<string, string> = {
    sum_u8: 'add:i32<i8', sum_s8: 'add:i32<i8', sum_u16: 'add:i32<i16', sub_s16: 'sub:i32<i16', dot_s16: 'add:i32<i16', dot_u16: 'add:i32<i16',
    dot_u8: 'add:i32<i8', dot_s8: 'add:i32<i8', count_lt_u8: 'add:i32<i8', scaled_u8: 'add:i32<i8',
  };
  const NOT: Record<string, string> = { pair_u8: 'mixed-width', mixed_sign_u8: 'mixed-width', max_u8: 'mixed-width' };

  it('widens sums of whole lane values and products of two, and refuses sums whose lanes keep only low bits', () => {
    const r = widened(1);
    expect(r.valid).toBe(true);
    golden.check('widen.vectorize-1.wat', r.text);
    expect(Object.fromEntries(r.report.loops.filter((l) => l.state === 'vectorized').map((l) => [l.function, l.reductions!.join(' ')]))).toEqual(TAKEN);
    expect(Object.fromEntries(r.report.loops.filter((l) => l.state === 'refused').map((l) => [l.function, l.reason]))).toEqual(NOT);
    // The dot product of shorts is one instruction per vector.
    const fn = (name: string) => {
      const id = new RegExp(`\\(export "${name}" \\(func (\\$\\w+)\\)\\)`).exec(r.text)![1]!;
      const start = r.text.indexOf(`(func ${id} `);
      return r.text.slice(start, r.text.indexOf('\n (func ', start + 1));
    };
    expect(fn('dot_s16')).toContain('i32x4.dot_i16x8_s');
    expect(fn('dot_u8')).toContain('i16x8.extmul_low_i8x16_u');
    expect(fn('sum_s8')).toContain('i16x8.extadd_pairwise_i8x16_s');
  });

  it('gives the same sums for every trip count around the lanes, aligned or not, interleaved or not', () => {
    let runs = 0;
    for (const interleave of [1, 2]) {
      const { bytes, valid } = widened(interleave);
      expect(valid).toBe(true);
      for (const name of [...Object.keys(TAKEN), ...Object.keys(NOT)]) {
        for (const n of [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 64, 65, 1000, 8000]) {
          for (const [p, q] of [[1024, 30000], [1027, 30001], [2048, 2048]] as const) {
            const seed = n + p;
            expect(run(bytes, name, [p, q, n], seed), `interleave ${interleave}: ${name}(${p}, ${q}, ${n})`).toBe(run(widenOriginal, name, [p, q, n], seed));
            runs++;
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(1000);
  });
});

describe('float reductions', () => {
  afterEach(() => binaryen.setFastMath(false));

  it('are not vectorized without fast-math, even by the float-reduction variant', () => {
    const plain = apply(PLAIN).report.loops.find((l) => l.function === 'sum_f64')!;
    expect(plain).toMatchObject({ state: 'refused', reason: 'float-reduction' });
    const fastNoKnob = apply({ ...PLAIN, floatReductions: true }, false).report.loops.find((l) => l.function === 'sum_f64')!;
    expect(fastNoKnob).toMatchObject({ state: 'refused', reason: 'float-reduction', detail: 'needs the fast-math knob' });
    // The plain variant ignores the knob.
    expect(apply(PLAIN, true).report.loops.find((l) => l.function === 'sum_f64')!.state).toBe('refused');
  });

  it('are vectorized by wt-vectorize-fast under fast-math, and the sum stays within a tolerance', () => {
    const r = apply({ ...PLAIN, floatReductions: true, interleave: 2 }, true);
    expect(r.valid).toBe(true);
    expect(r.report.loops.find((l) => l.function === 'sum_f64')).toMatchObject({ state: 'vectorized', reductions: ['add:f64'] });
    const call = (bytes: Uint8Array, n: number) => {
      const ex = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports as Record<string, unknown>;
      const f64 = new Float64Array((ex.memory as WebAssembly.Memory).buffer);
      const rng = seedrandom(`sum/${n}`);
      for (let i = 0; i < 4096; i++) f64[i] = rng() * 2 - 1;
      return (ex.sum_f64 as (...a: number[]) => number)(0, 0, 0, n);
    };
    for (const n of [0, 1, 4, 5, 9, 1000, 4000]) {
      const want = call(original, n);
      const got = call(r.bytes, n);
      expect(Math.abs(got - want), `n = ${n}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)) * n);
      if (n < 5) expect(Object.is(got, want), `n = ${n}: no vector iteration, the scalar sum`).toBe(true);
    }
  });
});

describe('catalog, search space and features', () => {
  it('registers every variant with its parameter values', () => {
    for (const [name, values] of [['wt-vectorize', ['1', '2']], ['wt-vectorize-noalias', ['1', '2']], ['wt-vectorize-fast', ['1', '2']], ['wt-vectorize-loop', ['0', '1', '2', '3']]] as const) {
      expect(CUSTOM_PASSES[name]?.category).toBe('simd');
      for (const v of values) expect(PASSES.get(`${name}:${v}`)?.origin).toBe('custom');
    }
  });

  it('is drawn by the search, not when SIMD is forbidden, and the float-reduction variant only with fast-math', () => {
    const steps = (opts: Parameters<typeof defaultSpace>[0]) => defaultSpace(opts).passes.filter((p) => p.startsWith('wt-vectorize'));
    expect(steps({})).toEqual(['wt-vectorize:1', 'wt-vectorize:2', 'wt-vectorize-noalias:1', 'wt-vectorize-noalias:2', 'wt-vectorize-loop:0', 'wt-vectorize-loop:1', 'wt-vectorize-loop:2', 'wt-vectorize-loop:3']);
    expect(steps({ fastMath: true })).toContain('wt-vectorize-fast:2');
    expect(steps({ simd: false, fastMath: true })).toEqual([]);
  });

  it('a build that vectorizes declares SIMD, so the module validates with the features it was read with', () => {
    const recipe = { knobs: { ...DEFAULT_KNOBS }, passes: ['wt-vectorize:1'] };
    const built = build(original, recipe, DEFAULT_FEATURES, customPassFunctions());
    expect(checkBuilt(built, DEFAULT_FEATURES).valid).toBe(true);
    expect(detectFeatures(built)! & binaryen.Features.SIMD128).toBe(binaryen.Features.SIMD128);
    // Building again from the vectorized module (a replay, a later step) keeps one declaration.
    const again = build(built, { knobs: { ...DEFAULT_KNOBS }, passes: ['-O3'] }, DEFAULT_FEATURES, customPassFunctions());
    expect(checkBuilt(again, DEFAULT_FEATURES).valid).toBe(true);
    // A build that vectorizes nothing is byte-identical to one without the step.
    const scalar = binaryen.parseText('(module (memory 1) (func (export "f") (param i32) (result i32) (local.get 0)))');
    const bytes = scalar.emitBinary();
    scalar.dispose();
    expect(build(bytes, recipe, DEFAULT_FEATURES, customPassFunctions())).toEqual(build(bytes, { ...recipe, passes: [] }, DEFAULT_FEATURES));
  });
});

// ── suite kernels ─────────────────────────────────────────────────────────────────────────────────────

const SEEDS = FULL ? Array.from({ length: 12 }, (_, i) => i + 1) : [1, 2, 3, 4, 5, 6];
const RECIPES: string[][] = [
  ['-O3', 'wt-vectorize:1'],
  ['-O3', 'wt-vectorize:2', '-O3'],
  ['wt-promote-stack', '-O3', 'wt-vectorize:2'],
  ...sample([['wt-vectorize:1'], ['-O1', 'wt-vectorize-noalias:2'], ['wt-promote-stack', '-O1', 'wt-vectorize-loop:0', '-O3']], []),
];

/** Loops the vectorizer took at its step, by kernel and recipe. */
const vectorizedLoops = new Map<string, number>();

suiteStaysOutputEqual(listSuite().map((u) => u.split('/').pop()!), {
  seeds: SEEDS,
  recipes: RECIPES,
  afterRecipe: (k, passes) => {
    // What the vectorizer saw at its step (the recipe's prefix before it).
    const at = passes.findIndex((p) => p.startsWith('wt-vectorize'));
    const report = analyzeVectorization(binaryen, k.build(passes.slice(0, at)));
    vectorizedLoops.set(`${k.kernel.uri.split('/').pop()} ${passes.join(' ')}`, report.vectorized);
  },
});

describe('on the suite', () => {
  it('vectorizes loops in several kernels', () => {
    // After -O3: bfs, floyd, matvec and rle each have a loop the pass takes (see README).
    const kernels = new Set([...vectorizedLoops].filter(([, n]) => n > 0).map(([key]) => key.split(' ')[0]));
    expect(kernels.size).toBeGreaterThanOrEqual(3);
  });
});
