// wt-reroll: golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates), the decisions and reasons on loops in the
// shapes clang -O2 unrolls (loops.wat: clang-14 -O2 then Binaryen -O3, plus hand-written refusals and
// the while-if and while-exit shapes), equal results for trip counts around the factor with disjoint and
// overlapping arrays, alone and followed by wt-vectorize; the key property, that a loop wt-vectorize
// refused with `stride` is vectorized after wt-reroll, on the fixture and on the real clang -O2 builds
// kernels/reference-o2/* run with their suite kernel's harness (validated, output-equal; float sums
// under wt-vectorize-fast within the harness tolerance); and suite kernels built and run in this process
// (see suite.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { DEFAULT_FEATURES, binaryen, build, checkBuilt, detectFeatures, moduleFacts, type ModuleFacts } from '../../src/binaryen/module.js';
import { CUSTOM_PASSES, customPassFunctions } from '../../src/passes/custom/index.js';
import { analyzeReroll, rerollModule, type RerollReport } from '../../src/passes/custom/reroll.js';
import { analyzeVectorization, vectorizeModule, type VectorizeReport } from '../../src/passes/custom/vectorize.js';
import { PASSES } from '../../src/passes/registry.js';
import { loadKernel, projectRoot, type Kernel } from '../../src/kernels/index.js';
import { instantiateHarness, detachOutputs } from '../../src/harness/instance.js';
import type { OutputValue } from '../../src/harness/types.js';
import { compareOutputs } from '../../src/validate/compare.js';
import { DEFAULT_KNOBS, type Knobs } from '../../src/recipe/recipe.js';
import { goldenDir, sample, suiteStaysOutputEqual, watBytes } from './suite.js';

const golden = goldenDir('reroll');
const wat = golden.read('loops.wat');

type Step = 'reroll' | 'vectorize' | 'vectorize-fast' | 'O3';

/** Parse the fixture, run the steps, and return the reports, the text and the binary of the result. */
function apply(steps: readonly Step[], fastMath = false): { reroll?: RerollReport; vectorize?: VectorizeReport; text: string; bytes: Uint8Array; valid: boolean } {
  const m = binaryen.parseText(wat);
  binaryen.setFastMath(fastMath);
  try {
    m.setFeatures(DEFAULT_FEATURES);
    const out: { reroll?: RerollReport; vectorize?: VectorizeReport } = {};
    for (const s of steps) {
      if (s === 'reroll') out.reroll = rerollModule(m, binaryen);
      else if (s === 'O3') {
        binaryen.setOptimizeLevel(3);
        binaryen.setShrinkLevel(0);
        m.optimize();
      } else out.vectorize = vectorizeModule(m, binaryen, { interleave: 1, versioning: true, floatReductions: s === 'vectorize-fast' });
    }
    return { ...out, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary() };
  } finally {
    binaryen.setFastMath(false);
    m.dispose();
  }
}

const original = apply([]).bytes;

/** Rerolled loops of the fixture and the factor undone (clang's main loops; the remainder loops are unit stride). */
const REROLLED: Record<string, number> = {
  sum_f32: 4, dot_f64: 4, saxpy_f32: 2, add_i32: 4, sum_i32: 4, relax_i32: 2, max_f32: 4, sum_i64: 4, by4_lt: 4, countdown: 4, calls: 2,
  scale_sum: 4, dead_temp: 2, while_lt: 2, exit_ge: 2,
};
const REFUSED: Record<string, string> = {
  two_acc: 'multiple-accumulators', not_iso: 'not-isomorphic', forward: 'recurrence', shift_back: 'dependence', forward_in: 'dependence',
  live_out: 'live-out', call_in: 'call',
};
/** Loops of the fixture wt-vectorize:1 takes after wt-reroll (the float reductions need wt-vectorize-fast). */
const VECTORIZED_AFTER = ['saxpy_f32', 'add_i32', 'sum_i32', 'relax_i32', 'sum_i64', 'by4_lt', 'countdown', 'calls', 'dead_temp', 'while_lt', 'exit_ge'];

/** Seeded memory images with no float NaNs (bit 6 of every fourth byte clear), so results are deterministic. */
const IMAGES = Array.from({ length: 4 }, (_, k) => {
  const rng = seedrandom(`reroll image ${k}`);
  return Uint8Array.from({ length: 65536 }, (_, i) => Math.floor(rng() * 256) & (i % 4 === 3 ? 0xbf : 0xff));
});
const compiled = new WeakMap<Uint8Array, WebAssembly.Module>();

/** Call an export (p, q, n) on a fresh instance with memory image `seed`: its result (or trap) and a digest of memory. */
function run(bytes: Uint8Array, name: string, p: number, q: number, n: number, seed: number): string {
  let mod = compiled.get(bytes);
  if (!mod) compiled.set(bytes, (mod = new WebAssembly.Module(new Uint8Array(bytes))));
  const ex = new WebAssembly.Instance(mod).exports as Record<string, unknown>;
  const memory = ex.memory as WebAssembly.Memory;
  new Uint8Array(memory.buffer).set(IMAGES[seed % IMAGES.length]!);
  let result: string;
  try {
    result = String((ex[name] as (...a: unknown[]) => unknown)(p, q, name === 'sum_i64' ? BigInt(n) : n));
  } catch (e) {
    result = `trap: ${(e as Error).message}`;
  }
  const words = new Int32Array(memory.buffer);
  let h = 0;
  for (let i = 0; i < words.length; i++) h = (Math.imul(h, 31) + words[i]!) | 0;
  return `${result} / memory ${h}`;
}

const fixtureFunctions = WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(original))).filter((e) => e.kind === 'function').map((e) => e.name);
const main = (r: { loops: Array<{ function: string; loop: string; state: string; reason?: string }> }, f: string) => r.loops.filter((l) => l.function === f);

describe('wt-reroll on loops clang -O2 unrolled', () => {
  it('matches the golden output', () => {
    const r = apply(['reroll']);
    expect(r.valid).toBe(true);
    golden.check('loops.reroll.wat', r.text);
  });

  it('rerolls the fifteen unrolled loops by their factor and refuses the rest, each with its reason', () => {
    const { reroll } = apply(['reroll']);
    const rerolled = reroll!.loops.filter((l) => l.state === 'rerolled');
    expect(Object.fromEntries(rerolled.map((l) => [l.function, l.factor]))).toEqual(REROLLED);
    const refused = reroll!.loops.filter((l) => l.state === 'refused' && l.reason !== 'unit-stride');
    expect(Object.fromEntries(refused.map((l) => [l.function, l.reason]))).toEqual(REFUSED);
    // The remainder loops clang leaves after the main loops are already one element per iteration.
    expect(reroll!.refused['unit-stride']).toBe(7);
    const by = (f: string) => reroll!.loops.find((l) => l.function === f)!;
    // One chain per reduction, in the original order: exact for floats.
    expect(by('sum_f32').reductions).toEqual(['f32.add']);
    expect(by('dot_f64').reductions).toEqual(['f64.add']);
    expect(by('max_f32').reductions).toEqual(['select']);
    expect(by('sum_i32').reductions).toEqual(['i32.add']);
    // A sum computed after the stores from values loaded before them; its first layer has the operands the other way round.
    expect(by('scale_sum').reductions).toEqual(['f32.add']);
    expect(by('two_acc').detail).toContain('2 locals');
    expect(by('forward_in').detail).toContain('earlier copy stored');
  });

  it('gives the rerolled loop unit stride, its original shape and a test on the trip count', () => {
    const { text } = apply(['reroll']);
    const fn = (name: string) => {
      const id = new RegExp(`\\(export "${name}" \\(func (\\$\\w+)\\)\\)`).exec(text)![1]!;
      const start = text.indexOf(`(func ${id} `);
      return text.slice(start, text.indexOf('\n (func ', start + 1));
    };
    // sum_f32: the counter steps 1 and the pointer 4 bytes (the original: 4 and 16).
    const sum = fn('sum_f32');
    const loop = sum.slice(sum.indexOf('(loop $label$wt'), sum.indexOf('(loop $label1'));
    expect(loop).toContain('(i32.const 1)');
    expect(loop).toContain('(i32.const 4)');
    expect(loop).not.toContain('(i32.const 16)');
    expect(loop).toMatch(/\(br_if \$label\$wt\d+\n\s+\(i32\.ne/);
    // The counter starts at 0 and the bound is n & -4: the guard always holds, and the original main
    // loop is not kept (the rerolled loop and clang's remainder loop are left).
    expect(sum.match(/\(loop /g)).toHaveLength(2);
    // while_lt keeps the guard, with the original loop to run when it fails.
    expect(fn('while_lt')).toContain('(else');
    // while_lt (`i < n` stepping 2): the last value ⌈n/2⌉·2 is computed in i64 and the loop runs until i reaches it.
    expect(fn('while_lt')).toMatch(/i64\.extend_i32_s/);
    expect(fn('while_lt')).toMatch(/\(loop \$L\$wt\d+\n\s+\(if\n\s+\(i32\.ne/);
  });

  it('keeps every trip count: 0, 1, k−1, k, k+1, 2k+1 and more, disjoint and overlapping arrays, alone and with wt-vectorize', () => {
    const built = { reroll: apply(['reroll']), vectorized: apply(['reroll', 'vectorize']), optimized: apply(['reroll', 'O3', 'vectorize']) };
    for (const [what, r] of Object.entries(built)) expect(r.valid, what).toBe(true);
    const variants = Object.fromEntries(Object.entries(built).map(([what, r]) => [what, r.bytes]));
    const layouts: Array<[number, number]> = [[1024, 16384], [1024, 1028], [1028, 1024], [4096, 4096], [1027, 20001]];
    for (const name of fixtureFunctions) {
      const k = REROLLED[name] ?? 2;
      for (const n of new Set([0, 1, 2, k - 1, k, k + 1, 2 * k + 1, 3 * k + 2, 1000])) {
        for (const [li, [p, q]] of layouts.entries()) {
          const seed = n + li;
          const want = run(original, name, p, q, n, seed);
          for (const [what, bytes] of Object.entries(variants)) expect(run(bytes, name, p, q, n, seed), `${what}: ${name}(${p}, ${q}, ${n})`).toBe(want);
        }
      }
    }
  });

  it('lets wt-vectorize take the loops it refused with `stride`', () => {
    const alone = apply(['vectorize']).vectorize!;
    const after = apply(['reroll', 'vectorize']).vectorize!;
    const stride = new Set(alone.loops.filter((l) => l.reason === 'stride').map((l) => l.function));
    for (const f of VECTORIZED_AFTER) {
      expect(stride.has(f), `${f}: refused with stride before`).toBe(true);
      expect(main(after, f).find((l) => /\$wt\d+$/.test(l.loop))?.state, `${f}: the rerolled loop`).toBe('vectorized');
    }
    // The refusals stay as they were (scalar, stride).
    for (const f of Object.keys(REFUSED).filter((x) => x !== 'call_in')) expect(main(after, f).map((l) => l.reason), f).toEqual(['stride']);
  });

  it('lets wt-vectorize-fast take the float sums and the maximum under fast-math, within a tolerance, and exactly without it', () => {
    const r = apply(['reroll', 'vectorize-fast'], true);
    expect(r.valid).toBe(true);
    // The select maximum too: a load read twice in one statement is loaded twice, the shape wt-vectorize reads.
    for (const f of ['sum_f32', 'dot_f64', 'max_f32', 'scale_sum']) expect(main(r.vectorize!, f).find((l) => /\$wt\d+$/.test(l.loop))?.state, f).toBe('vectorized');
    const plain = apply(['reroll', 'vectorize-fast'], false);
    for (const f of ['sum_f32', 'dot_f64']) expect(main(plain.vectorize!, f).find((l) => /\$wt\d+$/.test(l.loop))?.reason, f).toBe('float-reduction');
    for (const n of [0, 1, 3, 4, 5, 9, 1000, 4000]) {
      for (const f of ['sum_f32', 'dot_f64', 'max_f32', 'scale_sum']) {
        const want = Number(run(original, f, 1024, 16384, n, n).split(' / ')[0]);
        const got = Number(run(r.bytes, f, 1024, 16384, n, n).split(' / ')[0]);
        expect(Math.abs(got - want), `${f}(${n})`).toBeLessThanOrEqual((f === 'sum_f32' || f === 'scale_sum' ? 1e-4 : 1e-12) * Math.max(1, Math.abs(want)) * Math.max(1, n));
        // Without fast-math the rerolled sum is the original's, bit for bit.
        expect(run(plain.bytes, f, 1024, 16384, n, n), `${f}(${n})`).toBe(run(original, f, 1024, 16384, n, n));
      }
    }
  });

  it('wt-reroll-loop:r rerolls exactly the r-th loop wt-reroll rerolls, and no loop past the last rank', () => {
    const m0 = binaryen.parseText(wat);
    m0.setFeatures(DEFAULT_FEATURES);
    const all = rerollModule(m0, binaryen).loops;
    m0.dispose();
    // Deeper loops first, then module order.
    const ranked = all.map((l, i) => ({ l, i })).filter((x) => x.l.state === 'rerolled').sort((x, y) => y.l.depth - x.l.depth || x.i - y.i).map((x) => x.l);
    for (const rank of [0, 1, 2, 3, ranked.length - 1, ranked.length]) {
      const m = binaryen.parseText(wat);
      m.setFeatures(DEFAULT_FEATURES);
      const before = m.emitBinary();
      const r = rerollModule(m, binaryen, { onlyRank: rank });
      expect(m.validate(), `rank ${rank}`).not.toBe(0);
      const bytes = m.emitBinary();
      m.dispose();
      if (rank === ranked.length) {
        expect(r.rerolled).toBe(0);
        expect(bytes, 'nothing changes, not even the locals').toEqual(before);
        continue;
      }
      expect(r.rerolled, `rank ${rank}`).toBe(1);
      const done = r.loops.find((l) => l.state === 'rerolled')!;
      expect(`${done.function} ${done.loop}`).toBe(`${ranked[rank]!.function} ${ranked[rank]!.loop}`);
      expect(r.loops.filter((l) => l.state === 'not-selected')).toHaveLength(ranked.length - 1);
      for (const n of [0, 1, 3, 4, 5, 9, 100]) {
        for (const [p, q] of [[1024, 16384], [1024, 1028]] as const) {
          expect(run(bytes, done.function, p, q, n, n), `rank ${rank}: ${done.function}(${p}, ${q}, ${n})`).toBe(run(original, done.function, p, q, n, n));
        }
      }
    }
    for (const rank of ['0', '1', '2', '3']) expect(PASSES.get(`wt-reroll-loop:${rank}`)).toMatchObject({ origin: 'custom', category: 'control-flow' });
  });

  it('is registered as a control-flow pass without parameters or requirements', () => {
    expect(CUSTOM_PASSES['wt-reroll']).toMatchObject({ category: 'control-flow' });
    expect(CUSTOM_PASSES['wt-reroll']!.param).toBeUndefined();
    expect(CUSTOM_PASSES['wt-reroll']!.requires).toBeUndefined();
    expect(PASSES.get('wt-reroll')?.origin).toBe('custom');
    // analyzeReroll reads a binary and leaves it alone.
    expect(analyzeReroll(binaryen, original).rerolled).toBe(Object.keys(REROLLED).length);
  });
});

// ── random unrolled loops ─────────────────────────────────────────────────────────────────────────────

/**
 * A random loop unrolled by k: one to three statements per copy (stores of loads of p and q a few
 * elements around the copy's, an accumulator, a conditional store through a temporary, a temporary),
 * the copies in order, in reverse, or statement by statement (so loads and stores of copies interleave
 * and may overlap), sometimes one copy with another constant, and sometimes the temporary read after
 * the loop. The function returns the accumulator, the counter, the pointer and maybe the temporary.
 */
function randomLoop(seed: number): string {
  const rng = seedrandom(`reroll random ${seed}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const k = pick([2, 4]);
  type S = { kind: 'store' | 'red' | 'cond' | 'temp'; d1: number; d2: number; d3: number; c: number; a1: string; a2: string; op: string };
  const tmpl: S[] = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({
    kind: pick(['store', 'store', 'red', 'cond', 'temp'] as const), d1: pick([0, 0, 0, 1, -1, 2]), d2: pick([0, 0, 1, -1, 3]), d3: pick([0, 0, 1, 2]),
    c: pick([1, 3, 7]), a1: pick(['$p', '$p', '$q']), a2: pick(['$q', '$q', '$p']), op: pick(['i32.add', 'i32.mul', 'i32.xor', 'i32.sub']),
  }));
  const order = pick(['copy', 'copy', 'stmt', 'reverse'] as const);
  const perturb = rng() < 0.15 ? Math.floor(rng() * k) : -1;
  const tee = rng() < 0.5;
  const live = rng() < 0.2;
  const addr = (a: string, off: number) => `(i32.add (local.get ${a}) (i32.const ${4 * off + 64}))`;
  const stmt = (s: S, j: number, si: number): string => {
    const c = j === perturb && si === 0 ? s.c + 1 : s.c;
    const ld = (a: string, d: number) => `(i32.load ${addr(a, j + d)})`;
    switch (s.kind) {
      case 'store': return `(i32.store ${addr(s.a1, j + s.d1)} (${s.op} ${ld(s.a2, s.d2)} (i32.mul ${ld(s.a1, s.d3)} (i32.const ${c}))))`;
      case 'red': return `(local.set $s (${s.op === 'i32.sub' ? 'i32.add' : s.op} (local.get $s) (i32.mul ${ld(s.a2, s.d2)} (i32.const ${c}))))`;
      case 'cond': return `(if (i32.lt_s ${tee ? `(local.tee $t ${ld(s.a2, s.d2)})` : ld(s.a2, s.d2)} ${ld(s.a1, s.d1)}) (then (i32.store ${addr(s.a1, j + s.d1)} ${tee ? '(local.get $t)' : `(i32.add ${ld(s.a2, s.d2)} (i32.const ${c}))`})))`;
      case 'temp': return `(local.set $t (i32.add ${ld(s.a2, s.d2)} (i32.const ${c}))) (i32.store ${addr(s.a1, j + s.d1)} (i32.mul (local.get $t) (local.get $t)))`;
    }
  };
  const body: string[] = [];
  if (order === 'stmt') tmpl.forEach((s, si) => { for (let j = 0; j < k; j++) body.push(stmt(s, j, si)); });
  else for (let n = 0; n < k; n++) tmpl.forEach((s, si) => body.push(stmt(s, order === 'reverse' ? k - 1 - n : n, si)));
  return `(module (memory (export "memory") 1)
 (func (export "f") (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32) (local $e i32) (local $s i32) (local $t i32)
  (local.set $e (i32.and (local.get $n) (i32.const ${-k})))
  (if (i32.gt_s (local.get $e) (i32.const 0)) (then
   (loop $L
    ${body.join('\n    ')}
    (local.set $p (i32.add (local.get $p) (i32.const ${4 * k})))
    (local.set $q (i32.add (local.get $q) (i32.const ${4 * k})))
    (br_if $L (i32.ne (local.get $e) (local.tee $i (i32.add (local.get $i) (i32.const ${k}))))))))
  (i32.add (i32.add (local.get $s) (i32.mul (local.get $i) (i32.const 1000))) (i32.add (local.get $p) ${live ? '(local.get $t)' : '(i32.const 0)'}))))`;
}

describe('wt-reroll on random unrolled loops', () => {
  it('rerolls some, refuses the others, and never changes a result (trip counts, overlapping arrays)', () => {
    const states: Record<string, number> = {};
    for (let seed = 0; seed < 120; seed++) {
      const text = randomLoop(seed);
      const before = watBytes(text);
      const m = binaryen.parseText(text);
      let after: Uint8Array;
      try {
        m.setFeatures(DEFAULT_FEATURES);
        const l = rerollModule(m, binaryen).loops[0]!;
        const key = l.state === 'rerolled' ? 'rerolled' : l.reason!;
        states[key] = (states[key] ?? 0) + 1;
        expect(m.validate(), text).not.toBe(0);
        after = m.emitBinary();
      } finally {
        m.dispose();
      }
      for (const [p, q] of [[1024, 8192], [1024, 1028], [1032, 1024], [2048, 2048]] as Array<[number, number]>) {
        for (const n of [0, 1, 3, 4, 5, 9, 37, 200]) {
          const call = (bytes: Uint8Array) => {
            const ex = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports as Record<string, unknown>;
            new Uint8Array((ex.memory as WebAssembly.Memory).buffer).set(IMAGES[n % IMAGES.length]!);
            const r = (ex.f as (...a: number[]) => number)(p, q, n);
            const w = new Int32Array((ex.memory as WebAssembly.Memory).buffer, 0, 4096);
            let h = 0;
            for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w[i]!) | 0;
            return `${r} / ${h}`;
          };
          expect(call(after), `seed ${seed}: f(${p}, ${q}, ${n})\n${text}`).toBe(call(before));
        }
      }
    }
    // Both outcomes occur, and the refusals are the ones the generator provokes.
    expect(states.rerolled).toBeGreaterThan(20);
    for (const reason of Object.keys(states)) expect(['rerolled', 'not-isomorphic', 'dependence', 'reduction', 'live-out', 'multiple-accumulators', 'recurrence']).toContain(reason);
  });
});

// ── real clang -O2 builds ─────────────────────────────────────────────────────────────────────────────

type Outputs = Array<Record<string, OutputValue>>;

/** A clang -O2 reference build with its suite kernel's harness: built and run in this process, as suite.ts does. */
class ReferenceCheck {
  private constructor(readonly kernel: Kernel, readonly features: number, private readonly facts: ModuleFacts, private readonly reference: Outputs) {}

  static async load(name: string): Promise<ReferenceCheck> {
    const root = projectRoot();
    const kernel = await loadKernel(`${root}/kernels/reference-o2/${name}/module.wasm`, `${root}/kernels/wasmtune-v0/${name}/harness.json`);
    const features = detectFeatures(kernel.bytes)!;
    const facts = moduleFacts(kernel.bytes, features);
    const reference = ReferenceCheck.run(kernel, kernel.bytes, facts);
    if (typeof reference === 'string') throw new Error(`${name}: ${reference}`);
    return new ReferenceCheck(kernel, features, facts, reference);
  }

  private static run(k: Kernel, bytes: Uint8Array, facts: ModuleFacts): Outputs | string {
    const h = k.harness!;
    const mod = new WebAssembly.Module(new Uint8Array(bytes));
    const out: Outputs = [];
    for (const seed of [1, 2, 3]) {
      try {
        const ctx = instantiateHarness(h, mod, facts.memoryImport, seed);
        const state = h.harness.setup(ctx);
        out.push(detachOutputs(h.harness.output(ctx, state, h.harness.run(ctx, state))));
      } catch (e) {
        return `seed ${seed}: ${(e as Error).message}`;
      }
    }
    return out;
  }

  build(passes: readonly string[], knobs: Knobs = DEFAULT_KNOBS): Uint8Array {
    return build(this.kernel.bytes, { knobs: { ...knobs }, passes: [...passes] }, this.features, customPassFunctions());
  }

  check(passes: readonly string[], knobs: Knobs = DEFAULT_KNOBS): string {
    const bytes = this.build(passes, knobs);
    if (!checkBuilt(bytes, this.features).valid) return 'validation failed';
    const out = ReferenceCheck.run(this.kernel, bytes, this.facts);
    if (typeof out === 'string') return `trap: ${out}`;
    for (let i = 0; i < out.length; i++) {
      const d = compareOutputs(this.reference[i]!, out[i]!, this.kernel.harness!.harness.tolerance);
      if (d) return `wrong-output: seed ${i + 1}: ${d}`;
    }
    return 'ok';
  }
}

/**
 * Loops wt-vectorize refuses with `stride` after -O3, and those of them it vectorizes after wt-reroll (a
 * rerolled loop is labelled `<label>$wt<n>` after the loop it replaces; reroll and vectorize run on one
 * module, so labels are kept).
 */
function strideLoops(k: ReferenceCheck, fastMath: boolean): { refused: string[]; vectorized: string[] } {
  const o3 = k.build(['-O3']);
  const before = analyzeVectorization(binaryen, o3);
  const m = binaryen.readBinary(o3);
  binaryen.setFastMath(fastMath);
  try {
    m.setFeatures(DEFAULT_FEATURES);
    rerollModule(m, binaryen);
    const after = vectorizeModule(m, binaryen, { interleave: 1, versioning: true, floatReductions: true });
    expect(m.validate()).not.toBe(0);
    return {
      refused: before.loops.filter((l) => l.reason === 'stride').map((l) => `${l.function}/${l.loop}`),
      vectorized: after.loops.filter((l) => l.state === 'vectorized' && /\$wt\d+$/.test(l.loop)).map((l) => `${l.function}/${l.loop.replace(/\$wt\d+$/, '')}`),
    };
  } finally {
    binaryen.setFastMath(false);
    m.dispose();
  }
}

describe('on clang -O2 builds (kernels/reference-o2, run with the suite kernel harness)', () => {
  const REFERENCES = sample(['matvec', 'floyd', 'wordfreq', 'sha256', 'nbody'], ['matvec', 'floyd', 'wordfreq']);
  const checks = new Map<string, ReferenceCheck>();
  beforeAll(async () => {
    for (const name of REFERENCES) checks.set(name, await ReferenceCheck.load(name));
  });

  for (const name of REFERENCES) {
    it(`${name}: stays valid and output-equal after wt-reroll alone, after -O3, and followed by wt-vectorize:1`, () => {
      const k = checks.get(name)!;
      for (const passes of [['wt-reroll'], ['-O3', 'wt-reroll'], ['-O3', 'wt-reroll', 'wt-vectorize:1'], ['-O3', 'wt-reroll', 'wt-vectorize:2', '-O3']]) {
        expect(k.check(passes), passes.join(' ')).toBe('ok');
      }
    });
  }

  it('matvec: the three main loops (two f64 dot products, a scale) are rerolled; the scale loop is then vectorized, the sums under fast-math', () => {
    const k = checks.get('matvec')!;
    const report = analyzeReroll(binaryen, k.build(['-O3']));
    expect(report.loops.filter((l) => l.state === 'rerolled').map((l) => [l.factor, l.reductions ?? []])).toEqual([[4, ['f64.add']], [4, ['f64.add']], [4, []]]);
    const plain = strideLoops(k, false);
    expect(plain.refused).toHaveLength(3);
    // The scale loop, the last of the three.
    expect(plain.vectorized).toEqual(plain.refused.slice(2));
    // Under fast-math, wt-vectorize-fast takes the rerolled sums too: all three stride refusals are vectorized.
    expect(strideLoops(k, true).vectorized).toEqual(plain.refused);
    const fast = { ...DEFAULT_KNOBS, fastMath: true };
    expect(k.check(['-O3', 'wt-reroll', 'wt-vectorize-fast:1'], fast)).toBe('ok');
    expect(k.check(['-O3', 'wt-reroll', 'wt-vectorize-fast:2', '-O3'], fast)).toBe('ok');
  });

  it('floyd: the relaxation loop (a conditional store, unrolled by 2) is rerolled and then vectorized', () => {
    const k = checks.get('floyd')!;
    const { refused, vectorized } = strideLoops(k, false);
    expect(refused).toHaveLength(1);
    expect(vectorized).toEqual(refused);
  });

  it('wordfreq: the table initialisation (reverse-order stores, unrolled by 2) is rerolled', () => {
    const k = checks.get('wordfreq')!;
    const report = analyzeReroll(binaryen, k.build(['-O3']));
    expect(report.loops.filter((l) => l.state === 'rerolled').map((l) => l.factor)).toContain(2);
  });
});

// ── suite kernels ─────────────────────────────────────────────────────────────────────────────────────

// The suite's modules (clang -O0/-O1, AssemblyScript, hand-written WAT) have no unrolled loops: this
// checks that the pass leaves them working (rerolling them is shown above, on the -O2 builds). Before
// wt-reroll, wt-unroll makes unrolled loops of its own (refused: its guard branches out of the body).
suiteStaysOutputEqual(sample(['crc32', 'fir', 'floyd', 'matvec', 'rle', 'conv2d', 'lu', 'bfs'], ['fir', 'floyd', 'matvec']), {
  recipes: [['wt-reroll'], ['-O3', 'wt-reroll', 'wt-vectorize:1'], ...sample([['-O3', 'wt-unroll:4', 'wt-reroll', '-O3']], [])],
});
