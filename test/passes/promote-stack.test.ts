// wt-promote-stack and wt-promote-stack-fn: golden WAT (input → expected output; WASMTUNE_UPDATE_GOLDEN=1
// rewrites the expected files, review the diff), the same results as the input on several arguments,
// the ranking of functions, and on the C kernels of the suite the same outputs as the original module on
// several harness seeds (built and run in this process, see suite.ts), alone and around Binaryen's
// pipelines, with fewer memory accesses on the clang -O0 kernels.
//
// The default run checks a sample of C kernels on 3 seeds; WASMTUNE_FULL=1 checks every C kernel on 6.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { binaryen, DEFAULT_FEATURES } from '../../src/binaryen/module.js';
import { promoteStackSlots, type StackPromotionReport } from '../../src/passes/custom/promote-stack.js';
import { CUSTOM_PASSES } from '../../src/passes/custom/index.js';
import { PASSES } from '../../src/passes/registry.js';
import { listSuite, projectRoot } from '../../src/kernels/index.js';
import { FULL, KernelCheck, goldenDir, sample } from './suite.js';

const GOLDEN = new URL('../golden/promote-stack/', import.meta.url).pathname;
const ARGS = [0, 1, 2, 3, 7, 12, -5, 100];

interface Promoted {
  report: StackPromotionReport;
  valid: boolean;
  text: string;
  bytes: Uint8Array;
  memoryAccesses: number;
}

/** Count loads and stores in a module's text (narrow and wide, every type). */
function memoryAccesses(text: string): number {
  return (text.match(/\b[if](32|64)\.(load|store)\w*/g) ?? []).length;
}

function promote(m: binaryen.Module, rank?: number): Promoted {
  const report = promoteStackSlots(m, binaryen, rank === undefined ? {} : { rank });
  const text = m.emitText();
  return { report, valid: m.validate() !== 0, text, bytes: m.emitBinary(), memoryAccesses: memoryAccesses(text) };
}

function promoteWat(wat: string, features = DEFAULT_FEATURES, rank?: number): Promoted & { input: Uint8Array; inputText: string } {
  const m = binaryen.parseText(wat);
  try {
    m.setFeatures(features);
    const input = m.emitBinary();
    const inputText = m.emitText();
    return { ...promote(m, rank), input, inputText };
  } finally {
    m.dispose();
  }
}

/** `run(arg)` of a module, or the trap message. */
async function runs(bytes: Uint8Array): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const arg of ARGS) {
    const { instance } = await WebAssembly.instantiate(bytes as Uint8Array<ArrayBuffer>);
    try {
      out.push((instance.exports.run as (x: number) => unknown)(arg));
    } catch (e) {
      out.push(`trap: ${(e as Error).message}`);
    }
  }
  return out;
}

const byName = (r: StackPromotionReport, name: string) => r.functions.find((f) => f.name === name);

describe('wt-promote-stack: golden WAT', () => {
  const golden = goldenDir('promote-stack');
  // Inputs are `<case>.wat`; the output of a step is `<case>.<step>.wat` (see test/golden/README.md).
  const inputs = readdirSync(GOLDEN).filter((f) => f.split('.').length === 2).sort();

  it('has the five inputs', () => {
    expect(inputs).toEqual(['escape.wat', 'frame.wat', 'narrow.wat', 'ranked.wat', 'stripped.wat']);
  });

  for (const file of inputs) {
    const expected = file.replace('.wat', '.promote-stack.wat');
    it(`${file}: validates, matches ${expected}, same results`, async () => {
      const r = promoteWat(readFileSync(join(GOLDEN, file), 'utf8'));
      expect(r.valid).toBe(true);
      golden.check(expected, r.text);
      expect(await runs(r.bytes)).toEqual(await runs(r.input));
    });
  }

  it('frame.wat: promotes every slot, through copies of the frame base, and removes the frame', () => {
    const r = promoteWat(readFileSync(join(GOLDEN, 'frame.wat'), 'utf8'));
    expect(r.report.stackPointer).toBe('__stack_pointer');
    expect(byName(r.report, 'square')).toMatchObject({ outcome: 'promoted', slotsPromoted: 1, slotsKept: 0, frameRemoved: false });
    expect(byName(r.report, 'sum_squares')).toMatchObject({ outcome: 'promoted', slotsPromoted: 4, slotsKept: 0, frameRemoved: true });
    expect(r.memoryAccesses).toBe(0);
    expect(r.text).not.toMatch(/global\.set/);
  });

  it('escape.wat: a frame address passed to a call, stored, or selected leaves the function untouched', () => {
    const r = promoteWat(readFileSync(join(GOLDEN, 'escape.wat'), 'utf8'));
    expect(r.text).toBe(r.inputText);
    expect(byName(r.report, 'fill_sum')).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/passed to a call/) });
    expect(byName(r.report, 'leak')).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/stored to memory/) });
    expect(byName(r.report, 'pick')).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/Select/) });
  });

  it('narrow.wat: promotes narrow slots with exact extension, keeps punned, overlapping and uninitialised ones', () => {
    const r = promoteWat(readFileSync(join(GOLDEN, 'narrow.wat'), 'utf8'));
    expect(byName(r.report, 'narrow')).toMatchObject({ outcome: 'promoted', slotsPromoted: 4, slotsKept: 3, frameRemoved: false });
    expect(r.text).toMatch(/i32\.extend8_s/);
    expect(r.text).toMatch(/i64\.extend32_s/);
    expect(r.text).toMatch(/f32\.store offset=12/);
    expect(r.text).toMatch(/global\.set \$__stack_pointer/);
  });

  it('narrow.wat without the sign-extension feature: shifts instead of extend, same results', async () => {
    const r = promoteWat(readFileSync(join(GOLDEN, 'narrow.wat'), 'utf8'), binaryen.Features.MutableGlobals);
    expect(r.valid).toBe(true);
    expect(r.text).not.toMatch(/extend(8|16|32)_s/);
    expect(byName(r.report, 'narrow')).toMatchObject({ slotsPromoted: 4 });
    expect(await runs(r.bytes)).toEqual(await runs(r.input));
  });

  it('stripped.wat: finds the stack pointer without names; refuses alloca-like reads and calls after the restore', () => {
    const r = promoteWat(readFileSync(join(GOLDEN, 'stripped.wat'), 'utf8'));
    expect(r.report.stackPointer).toBe('global$0');
    const [frame, vla, late] = ['1', '2', '3'].map((n) => byName(r.report, n));
    expect(frame).toMatchObject({ outcome: 'promoted', slotsPromoted: 2, frameRemoved: true });
    expect(vla).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/read after the entry/) });
    expect(late).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/after the stack pointer is restored/) });
  });

  it('promotes nothing in a module where a callee reads above its entry stack pointer (its caller’s frame)', async () => {
    const wat = `(module
      (global $sp (mut i32) (i32.const 65536))
      (memory 1)
      (export "run" (func $caller))
      (func $peek (result i32) (i32.load offset=12 (global.get $sp)))
      (func $caller (param i32) (result i32)
        (local i32) (local i32)
        (local.set 1 (i32.sub (global.get $sp) (i32.const 16)))
        (global.set $sp (local.get 1))
        (i32.store offset=12 (local.get 1) (local.get 0))
        (local.set 2 (call $peek))
        (global.set $sp (i32.add (local.get 1) (i32.const 16)))
        (local.get 2)))`;
    const r = promoteWat(wat);
    expect(r.text).toBe(r.inputText);
    expect(byName(r.report, 'caller')).toMatchObject({ outcome: 'refused', reason: 'peek accesses memory above its entry stack pointer' });
    expect(await runs(r.bytes)).toEqual(ARGS);
  });

  it('is registered in the catalog', () => {
    expect(CUSTOM_PASSES['wt-promote-stack']?.category).toBe('memory');
    expect(PASSES.get('wt-promote-stack')?.origin).toBe('custom');
    expect(CUSTOM_PASSES['wt-promote-stack-fn']?.param?.values).toEqual(['0', '1', '2', '3']);
    expect(PASSES.get('wt-promote-stack-fn:0')?.origin).toBe('custom');
  });
});

describe('wt-promote-stack-fn:r: one function, by rank', () => {
  const golden = goldenDir('promote-stack');
  const wat = golden.read('ranked.wat');
  const all = promoteWat(wat);
  const order = ['sum', 'run', 'poly', 'poly2'];

  it('ranks the functions promotion changes: accesses in loops, then all accesses, then index', () => {
    expect(all.report.ranking).toEqual([
      { name: 'sum', index: 1, accessesInLoops: 7, accesses: 11 },
      { name: 'run', index: 5, accessesInLoops: 6, accesses: 12 },
      { name: 'poly', index: 0, accessesInLoops: 0, accesses: 6 },
      { name: 'poly2', index: 4, accessesInLoops: 0, accesses: 6 },
    ]);
    expect(byName(all.report, 'uninit')).toMatchObject({ outcome: 'unchanged', slotsKept: 1 });
    expect(byName(all.report, 'leak')).toMatchObject({ outcome: 'refused' });
  });

  it('matches the golden outputs for r = 0 (a loop) and r = 1 (a frame around calls, removed)', () => {
    for (const r of [0, 1]) {
      const out = promoteWat(wat, DEFAULT_FEATURES, r);
      expect(out.valid).toBe(true);
      golden.check(`ranked.promote-stack-fn-${r}.wat`, out.text);
    }
  });

  for (let r = 0; r < 4; r++) {
    it(`r = ${r}: promotes ${order[r]} only, same results`, async () => {
      const out = promoteWat(wat, DEFAULT_FEATURES, r);
      expect(out.valid).toBe(true);
      for (const f of out.report.functions) {
        const expected = f.name === order[r] ? byName(all.report, f.name)!.outcome : order.includes(f.name) ? 'skipped' : byName(all.report, f.name)!.outcome;
        expect(f.outcome, f.name).toBe(expected);
      }
      expect(byName(out.report, order[r]!)).toEqual(byName(all.report, order[r]!));
      expect(out.memoryAccesses).toBe(memoryAccesses(out.inputText) - all.report.ranking[r]!.accesses);
      expect(await runs(out.bytes)).toEqual(await runs(out.input));
    });
  }

  it('changes nothing when the rank is beyond the candidates, or when a function may read its caller’s frame', () => {
    const frame = readFileSync(join(GOLDEN, 'frame.wat'), 'utf8');
    expect(promoteWat(frame).report.ranking.map((c) => c.name)).toEqual(['sum_squares', 'square']);
    for (const r of [2, 3]) {
      const out = promoteWat(frame, DEFAULT_FEATURES, r);
      expect(out.text).toBe(out.inputText);
    }
    const peeking = wat.replace('(func $leak (result i32)', '(func $leak (result i32) (drop (i32.load offset=4 (global.get $__stack_pointer)))');
    const out = promoteWat(peeking, DEFAULT_FEATURES, 0);
    expect(out.report.ranking).toEqual([]);
    expect(out.text).toBe(out.inputText);
  });
});

// ── the C kernels of the suite ───────────────────────────────────────────────────────────────────────

/** Suite kernels with a C source, and which of them kernels/build.sh compiles at -O0. */
function cKernels(): Array<{ name: string; o0: boolean }> {
  const root = projectRoot();
  const build = readFileSync(join(root, 'kernels', 'build.sh'), 'utf8').replace(/\\\n/g, ' ');
  const o0 = new Set([...build.matchAll(/^"\$\{CC\[@\]\}" -O0 .*-o (\w+)\/module\.wasm/gm)].map((x) => x[1]!));
  return listSuite()
    .map((uri) => uri.split('/').pop()!)
    .filter((name) => readdirSync(join(root, 'kernels', 'wasmtune-v0', name)).some((f) => f.endsWith('.c')))
    .map((name) => ({ name, o0: o0.has(name) }));
}

const SEEDS = sample([1, 2, 3, 4, 5, 6], [1, 2, 3]);
/** The default sample: two clang -O0 kernels (one with many small functions) and one -O1 kernel. */
const QUICK = ['sort', 'matmul', 'fft'];
const RECIPES: string[][] = [
  ['wt-promote-stack'],
  ...sample([['-O1', 'wt-promote-stack'], ['wt-promote-stack', '-O3']], [['wt-promote-stack', '-O3']]),
  ...sample([['wt-promote-stack-fn:0'], ['-O1', 'wt-promote-stack-fn:1'], ['wt-promote-stack-fn:2', 'wt-promote-stack-fn:0', '-O3'], ['wt-promote-stack-fn:3']], [['wt-promote-stack-fn:1', 'wt-promote-stack-fn:0', '-O3']]),
];

describe('wt-promote-stack on the C kernels', () => {
  const all = cKernels();
  const kernels = FULL ? all : all.filter((k) => QUICK.includes(k.name));

  it('finds the C kernels, some built at -O0', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all.filter((k) => k.o0).length).toBeGreaterThanOrEqual(5);
    expect(kernels.map((k) => k.name).sort()).toEqual(FULL ? all.map((k) => k.name).sort() : [...QUICK].sort());
  });

  for (const { name, o0 } of kernels) {
    describe(name, () => {
      let k: KernelCheck;
      beforeAll(async () => {
        k = await KernelCheck.load(name, SEEDS);
      });

      for (const passes of RECIPES) {
        it(`${passes.join(' ')}: validates and keeps the outputs on seeds ${SEEDS.join(',')}`, () => {
          expect(k.check(passes)).toBe('ok');
        });
      }

      it(o0 ? 'promotes slots: fewer loads and stores, smaller module; each ranked function alone promotes some' : 'never adds memory accesses', () => {
        const m = binaryen.readBinary(k.bytes);
        let before: number;
        let after: Promoted;
        try {
          m.setFeatures(k.features);
          before = memoryAccesses(m.emitText());
          after = promote(m);
        } finally {
          m.dispose();
        }
        expect(after.valid).toBe(true);
        expect(after.memoryAccesses).toBeLessThanOrEqual(before);
        if (!o0) return;
        const promoted = after.report.functions.reduce((n, f) => n + f.slotsPromoted, 0);
        expect(promoted).toBeGreaterThan(0);
        expect(after.memoryAccesses).toBeLessThan(before);
        expect(k.build(['wt-promote-stack']).byteLength).toBeLessThan(k.build([]).byteLength);
        // One function at a time: the first ranks each remove some accesses, never more than all together.
        expect(after.report.ranking.length).toBeGreaterThan(0);
        for (let r = 0; r < Math.min(2, after.report.ranking.length); r++) {
          const one = binaryen.readBinary(k.bytes);
          try {
            one.setFeatures(k.features);
            const single = promote(one, r);
            expect(single.valid).toBe(true);
            expect(single.memoryAccesses).toBe(before - after.report.ranking[r]!.accesses);
            expect(single.memoryAccesses).toBeGreaterThanOrEqual(after.memoryAccesses);
          } finally {
            one.dispose();
          }
        }
      });
    });
  }
});
