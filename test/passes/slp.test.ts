// wt-slp: golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates) on clang -O2 + Binaryen -O3 output of small C
// programs (test/golden/slp/kernels.c) and on hand-written shapes (extra.wat); the decisions and reasons;
// equal results and memory against the scalar original for many memory images, trip counts around the
// lane count, and disjoint, overlapping and unaligned arrays; the catalog entry; and every suite kernel
// built with the pass and run in this process (see suite.ts).
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { DEFAULT_FEATURES, binaryen, build, checkBuilt, detectFeatures } from '../../src/binaryen/module.js';
import { CUSTOM_PASSES, customPassFunctions } from '../../src/passes/custom/index.js';
import { SLP_DEFAULTS, analyzeSlp, slpModule, type SlpOptions, type SlpReport } from '../../src/passes/custom/slp.js';
import { PASSES } from '../../src/passes/registry.js';
import { defaultSpace } from '../../src/search/space.js';
import { listSuite } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS } from '../../src/recipe/recipe.js';
import { FULL, goldenDir, suiteStaysOutputEqual, watBytes } from './suite.js';

const golden = goldenDir('slp');
const SOURCES = { kernels: golden.read('kernels.wat'), extra: golden.read('extra.wat') };
type Source = keyof typeof SOURCES;

function apply(src: Source, opts: SlpOptions = SLP_DEFAULTS): { report: SlpReport; text: string; bytes: Uint8Array; valid: boolean } {
  const m = binaryen.parseText(SOURCES[src]);
  try {
    m.setFeatures(DEFAULT_FEATURES);
    const report = slpModule(m, binaryen, opts);
    return { report, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary() };
  } finally {
    m.dispose();
  }
}

function original(src: Source): Uint8Array {
  const m = binaryen.parseText(SOURCES[src]);
  try {
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}

/** Each function's decisions, `packed` or the reason, in report order. */
function decisions(r: SlpReport): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of r.groups) (out[g.function] ??= []).push(g.state === 'packed' ? `packed ${g.kind} ${g.lanes}` : g.reason!);
  return out;
}

const EXPECTED: Record<Source, Record<string, string[]>> = {
  kernels: {
    // Complex multiply: lane 0 is ar*br - bi*ai, lane 1 ar*bi + ai*br: the operands of the second
    // products come from different arrays per lane, and float operands are never swapped.
    cmul: ['not-isomorphic'],
    cmul_arr: ['not-isomorphic'],
    // Packable, but two run-time overlap checks cost more than two f64 lanes save.
    cscale: ['not-profitable'],
    upd4: ['packed store f32x4'],
    sum4: ['packed reduction i32x4'],
    dot4f: ['packed reduction f32x4'],
    // The unrolled loop, and the remainder loop Binaryen unrolled by two.
    // Two f64 lanes do not pay for a run-time overlap check in every iteration.
    axpy2: ['not-profitable', 'not-profitable'],
    // Rows of two f64 lanes: dearer than scalar with the run-time checks they need.
    mat2: ['not-profitable', 'not-profitable'],
    short8: ['packed store i16x8'],
    shift_ahead: ['packed store i32x4'],
    // clang forwarded the stores: p[k] = p[0] + k.
    chain: ['packed store i32x4'],
    div4: ['no-simd-op'],
    mixed: ['not-isomorphic'],
    max2: ['no-simd-op'],
    // p[1] is stored twice (the inlined call): runs of two and three.
    call_between: ['too-few-lanes', 'too-few-lanes'],
    three: ['too-few-lanes'],
    // Static arrays: one base, constant distances, no run-time check.
    axpy2_global: ['packed store f64x2', 'packed store f64x2'],
  },
  extra: {
    call_mid: ['side-effect'],
    min4: ['packed store f32x4'],
    max4: ['no-simd-op'],
    bytes16: ['packed store i8x16'],
    sum2: ['packed reduction i64x2'],
    sum2_exit: ['loop-exit'],
    sum2_store: ['alias'],
  },
};

/** Seeded memory images of 64 KiB. */
const IMAGES = Array.from({ length: 8 }, (_, k) => {
  const rng = seedrandom(`slp image ${k}`);
  return Uint8Array.from({ length: 65536 }, (_, i) => Math.floor(rng() * 256) & (i % 4 === 3 ? 0xbf : 0xff));
});
const compiled = new WeakMap<Uint8Array, WebAssembly.Module>();

/** Call an export on a fresh instance with memory image `seed` (mod 8): its result (or trap) and a digest of memory. */
function run(bytes: Uint8Array, name: string, args: Array<number | bigint>, seed: number, image?: Uint8Array): string {
  let mod = compiled.get(bytes);
  if (!mod) compiled.set(bytes, (mod = new WebAssembly.Module(new Uint8Array(bytes))));
  const ex = new WebAssembly.Instance(mod, { env: {} }).exports as Record<string, unknown>;
  const memory = ex.memory as WebAssembly.Memory;
  new Uint8Array(memory.buffer).set(image ?? IMAGES[seed % IMAGES.length]!);
  let result: string;
  try {
    result = String((ex[name] as (...a: Array<number | bigint>) => unknown)(...args));
  } catch (e) {
    result = `trap: ${(e as Error).message}`;
  }
  const words = new Int32Array(memory.buffer, 0, 65536 / 4);
  let h = 0;
  for (let i = 0; i < words.length; i++) h = (Math.imul(h, 31) + words[i]!) | 0;
  return `${result} / memory ${h}`;
}

/** Arguments of each export from three addresses, a trip count and a float. */
const ARGS: Record<string, (p: number[], n: number, s: number) => Array<number | bigint>> = {
  cmul: (p) => [p[0]!, p[1]!, p[2]!],
  cmul_arr: (p, n) => [p[0]!, p[1]!, p[2]!, n],
  cscale: (p, n, s) => [p[0]!, p[1]!, p[2]!, s, n],
  upd4: (p, _n, s) => [p[0]!, p[1]!, s],
  sum4: (p, n) => [p[0]!, n],
  dot4f: (p, n) => [p[0]!, p[1]!, n],
  axpy2: (p, n, s) => [p[0]!, p[1]!, s, n],
  axpy2_global: (_p, n, s) => [s, n],
  mat2: (p) => [p[0]!, p[1]!, p[2]!],
  short8: (p) => [p[0]!, p[1]!, p[2]!],
  shift_ahead: (p) => [p[0]!],
  chain: (p) => [p[0]!],
  div4: (p) => [p[0]!, p[1]!, p[2]!],
  mixed: (p) => [p[0]!, p[1]!, p[2]!],
  max2: (p) => [p[0]!, p[1]!, p[2]!],
  call_between: (p) => [p[0]!, p[1]!],
  three: (p) => [p[0]!, p[1]!],
  call_mid: (p) => [p[0]!, p[1]!],
  min4: (p) => [p[0]!, p[1]!, p[2]!],
  max4: (p) => [p[0]!, p[1]!, p[2]!],
  bytes16: (p) => [p[0]!, p[1]!, p[2]!],
  sum2: (p, n) => [p[0]!, n],
  sum2_exit: (p, n) => [p[0]!, n],
  sum2_store: (p, n) => [p[0]!, n],
};
const LOOPS = new Set(['cmul_arr', 'cscale', 'sum4', 'dot4f', 'axpy2', 'axpy2_global', 'sum2', 'sum2_exit', 'sum2_store']);
/** Trip counts around the lane counts (k − 1, k, k + 1 for k = 2 and 4), and longer ones. */
const TRIPS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 17, 100];

/** Addresses: disjoint and aligned, unaligned, and overlapping at distances below, at and above a vector, both ways. */
const LAYOUTS: number[][] = [[1024, 8192, 16384], [1027, 8193, 16390]];
for (const d of [-20, -16, -12, -8, -4, -1, 0, 3, 4, 8, 12, 16, 24]) LAYOUTS.push([4096, 4096 + d, 4096 - d], [4099, 4099 + d, 4099 + 2 * d]);

describe('wt-slp on compiled and hand-written shapes', () => {
  for (const src of ['kernels', 'extra'] as const) {
    it(`${src}: matches the golden output, and packs or refuses each group with its reason`, () => {
      const r = apply(src);
      expect(r.valid).toBe(true);
      golden.check(`${src}.slp.wat`, r.text);
      expect(decisions(r.report)).toEqual(EXPECTED[src]);
      expect(r.report.packed).toBe(Object.values(EXPECTED[src]).flat().filter((d) => d.startsWith('packed')).length);
    });

    it(`${src}: same results and memory as the scalar original for every layout, image and trip count`, () => {
      const r = apply(src);
      const orig = original(src);
      let runs = 0;
      for (const name of Object.keys(EXPECTED[src])) {
        const trips = LOOPS.has(name) ? TRIPS : [0];
        for (const [li, p] of LAYOUTS.entries()) {
          for (const n of trips) {
            const seed = li + n;
            const args = ARGS[name]!(p, n, 0.5 + (seed % 5));
            expect(run(r.bytes, name, args, seed), `${name}(${args.join(', ')}) image ${seed % 8}`).toBe(run(orig, name, args, seed));
            runs++;
          }
        }
      }
      expect(runs).toBeGreaterThan(500);
    });
  }

  it('reductions are exact in floats: each lane adds in its scalar accumulator\'s order', () => {
    const r = apply('kernels');
    const orig = original('kernels');
    for (let seed = 0; seed < (FULL ? 40 : 12); seed++) {
      const rng = seedrandom(`dot ${seed}`);
      const image = new Uint8Array(65536);
      const f32 = new Float32Array(image.buffer);
      // Values of very different magnitudes, so any reassociation would show.
      for (let i = 0; i < f32.length; i++) f32[i] = (rng() - 0.5) * 10 ** Math.floor(rng() * 12 - 6);
      for (const n of [3, 4, 5, 64, 1001]) {
        const args = [1024, 20000 + 4 * seed, n];
        expect(run(r.bytes, 'dot4f', args, 0, image)).toBe(run(orig, 'dot4f', args, 0, image));
      }
    }
  });

  it('f32x4.min keeps f32.min\'s NaN and signed-zero results bit for bit', () => {
    const r = apply('extra');
    const orig = original('extra');
    const special = [0x7fc00000, 0xffc00000, 0x7f800001, 0xff812345, 0x80000000, 0, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000];
    const image = new Uint8Array(65536);
    const u32 = new Uint32Array(image.buffer);
    for (let i = 0; i < special.length; i++) {
      for (let j = 0; j < special.length; j++) {
        for (let l = 0; l < 4; l++) {
          u32[((1024 + 16) >> 2) + l] = special[(i + l) % special.length]!;
          u32[((1024 + 32) >> 2) + l] = special[(j + 3 * l) % special.length]!;
        }
        expect(run(r.bytes, 'min4', [1024, 0, 0], 0, image)).toBe(run(orig, 'min4', [1024, 0, 0], 0, image));
      }
    }
  });

  it('without versioning, accesses it cannot prove apart are refused as alias', () => {
    const r = apply('kernels', { ...SLP_DEFAULTS, versioning: false });
    const d = decisions(r.report);
    expect(d.upd4).toEqual(['alias']);
    expect(d.axpy2).toEqual(['alias', 'alias']);
    // Proven at compile time (same base, constant distances): still packed.
    expect(d.shift_ahead).toEqual(['packed store i32x4']);
    expect(d.sum4).toEqual(['packed reduction i32x4']);
    expect(r.report.groups.find((g) => g.function === 'shift_ahead')).toMatchObject({ proven: 6, checked: 0 });
  });

  it('a versioned group falls back to the scalar statements when the arrays overlap', () => {
    const r = apply('kernels');
    expect(r.report.groups.find((g) => g.function === 'upd4')).toMatchObject({ state: 'packed', checked: 1 });
    // q one float past p: each lane reads what the previous lane stored.
    const args = [4096, 4100, 3];
    expect(run(r.bytes, 'upd4', args, 1)).toBe(run(original('kernels'), 'upd4', args, 1));
  });

  it('turns on the SIMD feature only when it packs something', () => {
    const m = binaryen.parseText('(module (memory 1) (func (export "f") (param i32) (i32.store (local.get 0) (i32.const 1))))');
    try {
      m.setFeatures(DEFAULT_FEATURES);
      expect(slpModule(m, binaryen).packed).toBe(0);
      expect(m.getFeatures() & binaryen.Features.SIMD128).toBe(0);
    } finally {
      m.dispose();
    }
    expect(analyzeSlp(binaryen, original('extra')).packed).toBe(3);
  });
});

// clang -O0 shape (raytrace's v_reflect, sky, hit_sphere): the frame pointer is a local read from the
// stack-pointer global before `global.set` moves it (and calls follow); a frame-to-frame copy through
// address temporaries. The pass used to read the local as its definition, `global.get $sp`, evaluated at
// the vector point where the global holds the new frame: the copy went 64 bytes too low.
const FRAME_WAT = `(module
  (memory (export "memory") 1)
  (global $sp (mut i32) (i32.const 60000))
  (func $fill (param $p i32) (param $src i32)
    (i64.store offset=40 (local.get $p) (i64.load (local.get $src)))
    (i64.store offset=48 (local.get $p) (i64.load offset=8 (local.get $src))))
  (func (export "frame_copy") (param $src i32) (param $dst i32)
    (local $old i32) (local $fr i32) (local $a i32) (local $b i32) (local $v0 i64) (local $v1 i64)
    (local.set $old (global.get $sp))
    (local.set $fr (i32.sub (local.get $old) (i32.const 64)))
    (global.set $sp (local.get $fr))
    (call $fill (local.get $fr) (local.get $src))
    (local.set $b (i32.add (local.get $fr) (i32.const 48)))
    (local.set $v1 (i64.load (local.get $b)))
    (local.set $a (i32.add (local.get $fr) (i32.const 24)))
    (i64.store (local.get $a) (local.get $v1))
    (local.set $v0 (i64.load offset=40 (local.get $fr)))
    (i64.store offset=16 (local.get $fr) (local.get $v0))
    (i64.store (local.get $dst) (i64.add (i64.load offset=16 (local.get $fr)) (i64.load offset=24 (local.get $fr))))
    (global.set $sp (local.get $old)))
  (func (export "frame_copy_after") (param $src i32) (param $dst i32)
    (local $fr i32) (local $a i32) (local $b i32) (local $v0 i64) (local $v1 i64)
    (global.set $sp (i32.sub (global.get $sp) (i32.const 64)))
    (call $fill (global.get $sp) (local.get $src))
    (local.set $fr (global.get $sp))
    (local.set $b (i32.add (local.get $fr) (i32.const 48)))
    (local.set $v1 (i64.load (local.get $b)))
    (local.set $a (i32.add (local.get $fr) (i32.const 24)))
    (i64.store (local.get $a) (local.get $v1))
    (local.set $v0 (i64.load offset=40 (local.get $fr)))
    (i64.store offset=16 (local.get $fr) (local.get $v0))
    (i64.store (local.get $dst) (i64.add (i64.load offset=16 (local.get $fr)) (i64.load offset=24 (local.get $fr))))
    (global.set $sp (i32.add (local.get $fr) (i32.const 64))))
)`;

describe('wt-slp and mutable globals', () => {
  it('does not read a local as a global.get the global may have changed since', () => {
    const orig = watBytes(FRAME_WAT);
    const { bytes, report } = slpOf(FRAME_WAT);
    for (const name of ['frame_copy', 'frame_copy_after']) {
      for (let seed = 0; seed < 8; seed++) {
        for (const args of [[1000, 2000], [1003, 30001], [59900, 1000]]) {
          expect(run(bytes, name, args, seed), `${name}(${args.join(', ')}) image ${seed}`).toBe(run(orig, name, args, seed));
        }
      }
    }
    expect(decisions(report)).toEqual({
      fill: ['not-profitable'],
      // The local stands as written: its reads reach back over the global.set and the call.
      frame_copy: ['side-effect'],
      // The global is read after its last write before the group: still packed.
      frame_copy_after: ['packed store i64x2'],
    });
  });
});

/** A WAT module after wt-slp (validated), and the report. */
function slpOf(wat: string): { bytes: Uint8Array; report: SlpReport } {
  const m = binaryen.parseText(wat);
  try {
    m.setFeatures(DEFAULT_FEATURES);
    const report = slpModule(m, binaryen);
    expect(m.validate()).not.toBe(0);
    return { bytes: m.emitBinary(), report };
  } finally {
    m.dispose();
  }
}

describe('wt-slp-group:r, one group by rank', () => {
  const full = apply('kernels');
  /** The packed groups in rank order: inside more loops first, then module order. */
  const ranked = full.report.groups.map((g, i) => ({ g, i })).filter((x) => x.g.state === 'packed').sort((x, y) => y.g.depth - x.g.depth || x.i - y.i).map((x) => x.g);
  const where = (g: { function: string; block: number; at: number }) => `${g.function} block ${g.block} at ${g.at}`;

  it('packs exactly the r-th group wt-slp packs, and lists the others as not selected', () => {
    expect(ranked.length).toBeGreaterThan(4);
    // Loop bodies rank before straight-line code.
    expect(ranked[0]!.depth).toBeGreaterThan(0);
    expect(ranked[ranked.length - 1]!.depth).toBe(0);
    for (const rank of [0, 1, 2, 3]) {
      const r = apply('kernels', { ...SLP_DEFAULTS, onlyRank: rank });
      expect(r.valid).toBe(true);
      expect(r.report.packed, `rank ${rank}`).toBe(1);
      expect(where(r.report.groups.find((g) => g.state === 'packed')!), `rank ${rank}`).toBe(where(ranked[rank]!));
      // Every other group the full pass packs is still packable, and reported so.
      expect(r.report.groups.filter((g) => g.state === 'not-selected').map(where).sort()).toEqual(ranked.filter((_, i) => i !== rank).map(where).sort());
      // Same results and memory as the original.
      const orig = original('kernels');
      const fn = r.report.groups.find((g) => g.state === 'packed')!.function;
      for (const [li, p] of LAYOUTS.slice(0, 12).entries()) {
        for (const n of LOOPS.has(fn) ? TRIPS : [0]) {
          const args = ARGS[fn]!(p, n, 0.5 + li);
          expect(run(r.bytes, fn, args, li + n), `rank ${rank}: ${fn}(${args.join(', ')})`).toBe(run(orig, fn, args, li + n));
        }
      }
    }
  });

  it('leaves the module as it was when there is no r-th group', () => {
    const m = binaryen.parseText(SOURCES.kernels);
    m.setFeatures(DEFAULT_FEATURES);
    const before = m.emitBinary();
    // Ranks up to 3 are catalog steps; a module with fewer groups has nothing at the higher ranks.
    const r = slpModule(m, binaryen, { ...SLP_DEFAULTS, onlyRank: ranked.length });
    expect(r.packed).toBe(0);
    expect(m.emitBinary()).toEqual(before);
    m.dispose();
  });

  it('is a catalog step per rank, requiring simd, drawn by the search unless SIMD is forbidden', () => {
    for (const rank of ['0', '1', '2', '3']) expect(PASSES.get(`wt-slp-group:${rank}`)).toMatchObject({ origin: 'custom', category: 'simd', requires: ['simd'] });
    const slpSteps = (simd: boolean) => defaultSpace({ simd }).passes.filter((p) => p.startsWith('wt-slp'));
    expect(slpSteps(true)).toEqual(['wt-slp', 'wt-slp-group:0', 'wt-slp-group:1', 'wt-slp-group:2', 'wt-slp-group:3']);
    expect(slpSteps(false)).toEqual([]);
    const built = build(original('kernels'), { knobs: { ...DEFAULT_KNOBS }, passes: ['wt-slp-group:0'] }, DEFAULT_FEATURES, customPassFunctions());
    expect(checkBuilt(built, DEFAULT_FEATURES).valid).toBe(true);
    expect(analyzeSlp(binaryen, built).packed).toBe(ranked.length - 1);
    // The next group moves up a rank: the same step twice packs two groups.
    const twice = build(original('kernels'), { knobs: { ...DEFAULT_KNOBS }, passes: ['wt-slp-group:0', 'wt-slp-group:0'] }, DEFAULT_FEATURES, customPassFunctions());
    expect(analyzeSlp(binaryen, twice).packed).toBe(ranked.length - 2);
  });
});

describe('catalog', () => {
  it('registers wt-slp as a SIMD step that requires simd, and a build declares SIMD', () => {
    expect(CUSTOM_PASSES['wt-slp']).toMatchObject({ category: 'simd', requires: ['simd'] });
    expect(PASSES.get('wt-slp')?.origin).toBe('custom');
    const built = build(original('extra'), { knobs: { ...DEFAULT_KNOBS }, passes: ['wt-slp'] }, DEFAULT_FEATURES, customPassFunctions());
    expect(checkBuilt(built, DEFAULT_FEATURES).valid).toBe(true);
    expect(detectFeatures(built)! & binaryen.Features.SIMD128).toBe(binaryen.Features.SIMD128);
  });
});

// ── suite kernels ─────────────────────────────────────────────────────────────────────────────────────

const packedIn = new Map<string, number>();

suiteStaysOutputEqual(listSuite().map((u) => u.split('/').pop()!), {
  seeds: FULL ? [1, 2, 3, 4, 5, 6] : [1, 2],
  recipes: FULL ? [['-O3', 'wt-slp'], ['wt-slp'], ['-O3', 'wt-slp', '-O3']] : [['-O3', 'wt-slp']],
  afterRecipe: (k, passes) => {
    const at = passes.indexOf('wt-slp');
    packedIn.set(`${k.kernel.uri.split('/').pop()} ${passes.join(' ')}`, analyzeSlp(binaryen, k.build(passes.slice(0, at))).packed);
  },
});

describe('on the suite', () => {
  it('packs groups in some kernels', () => {
    const kernels = new Set([...packedIn].filter(([, n]) => n > 0).map(([key]) => key.split(' ')[0]));
    expect(kernels.size).toBeGreaterThanOrEqual(1);
  });
});
