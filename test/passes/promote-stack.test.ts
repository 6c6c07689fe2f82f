// wt-promote-stack: golden WAT (input → expected output; WASMTUNE_UPDATE_GOLDEN=1 rewrites the expected
// files, review the diff), the same results as the input on several arguments, and on every C kernel of
// the suite the same outputs as the original module on several harness seeds, alone and around
// Binaryen's pipelines, with fewer memory accesses on the clang -O0 kernels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryen, DEFAULT_FEATURES } from '../../src/binaryen/module.js';
import { promoteStackSlots, type StackPromotionReport } from '../../src/passes/custom/promote-stack.js';
import { CUSTOM_PASSES } from '../../src/passes/custom/index.js';
import { PASSES } from '../../src/passes/registry.js';
import { Evaluator } from '../../src/evaluate.js';
import { listSuite, loadKernel, projectRoot, type Kernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS, type Recipe } from '../../src/recipe.js';

const GOLDEN = new URL('../golden/promote-stack/', import.meta.url).pathname;
const UPDATE = process.env.WASMTUNE_UPDATE_GOLDEN === '1';
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

function promote(m: binaryen.Module): Promoted {
  const report = promoteStackSlots(m, binaryen);
  const text = m.emitText();
  return { report, valid: m.validate() !== 0, text, bytes: m.emitBinary(), memoryAccesses: memoryAccesses(text) };
}

function promoteWat(wat: string, features = DEFAULT_FEATURES): Promoted & { input: Uint8Array; inputText: string } {
  const m = binaryen.parseText(wat);
  try {
    m.setFeatures(features);
    const input = m.emitBinary();
    const inputText = m.emitText();
    return { ...promote(m), input, inputText };
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
  const inputs = readdirSync(GOLDEN).filter((f) => f.endsWith('.wat') && !f.endsWith('.expected.wat')).sort();

  it('has the four inputs', () => {
    expect(inputs).toEqual(['escape.wat', 'frame.wat', 'narrow.wat', 'stripped.wat']);
  });

  for (const file of inputs) {
    it(`${file}: validates, matches ${file.replace('.wat', '.expected.wat')}, same results`, async () => {
      const r = promoteWat(readFileSync(join(GOLDEN, file), 'utf8'));
      expect(r.valid).toBe(true);
      const expectedPath = join(GOLDEN, file.replace('.wat', '.expected.wat'));
      if (UPDATE) writeFileSync(expectedPath, r.text);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with WASMTUNE_UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(r.text).toBe(readFileSync(expectedPath, 'utf8'));
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
  });
});

// ── every C kernel of the suite ───────────────────────────────────────────────────────────────────────

/** Suite kernels with a C source, and which of them kernels/build.sh compiles at -O0. */
function cKernels(): Array<{ uri: string; name: string; o0: boolean }> {
  const root = projectRoot();
  const build = readFileSync(join(root, 'kernels', 'build.sh'), 'utf8').replace(/\\\n/g, ' ');
  const o0 = new Set([...build.matchAll(/^"\$\{CC\[@\]\}" -O0 .*-o (\w+)\/module\.wasm/gm)].map((x) => x[1]!));
  return listSuite()
    .map((uri) => ({ uri, name: uri.split('/').pop()! }))
    .filter(({ name }) => readdirSync(join(root, 'kernels', 'wasmtune-v0', name)).some((f) => f.endsWith('.c')))
    .map((k) => ({ ...k, o0: o0.has(k.name) }));
}

const SEEDS = [1, 2, 3, 4, 5, 6];
const recipe = (passes: string[]): Recipe => ({ knobs: { ...DEFAULT_KNOBS }, passes });

describe('wt-promote-stack on every C kernel', () => {
  const kernels = cKernels();

  it('finds the C kernels, some built at -O0', () => {
    expect(kernels.length).toBeGreaterThanOrEqual(8);
    expect(kernels.filter((k) => k.o0).length).toBeGreaterThanOrEqual(5);
  });

  for (const k of kernels) {
    describe(k.name, () => {
      let kernel: Kernel;
      let ev: Evaluator;
      beforeAll(async () => {
        const loaded = await loadKernel(k.uri);
        kernel = { ...loaded, harness: { ...loaded.harness!, seeds: SEEDS } };
        ev = await Evaluator.create(kernel, { objective: 'size' });
      });
      afterAll(() => ev?.close());

      it(`validates and keeps the outputs on seeds ${SEEDS.join(',')}: alone, after -O1, before -O3`, async () => {
        for (const passes of [['wt-promote-stack'], ['-O1', 'wt-promote-stack'], ['wt-promote-stack', '-O3']]) {
          const r = await ev.evaluate(recipe(passes));
          expect(r.state === 'ok' ? 'ok' : `${r.reason}: ${r.detail}`, passes.join(' ')).toBe('ok');
        }
      });

      it(k.o0 ? 'promotes slots: fewer loads and stores, smaller module' : 'never adds memory accesses', async () => {
        const m = binaryen.readBinary(kernel.bytes);
        let before: number;
        let after: Promoted;
        try {
          m.setFeatures(ev.features);
          before = memoryAccesses(m.emitText());
          after = promote(m);
        } finally {
          m.dispose();
        }
        expect(after.valid).toBe(true);
        expect(after.memoryAccesses).toBeLessThanOrEqual(before);
        if (!k.o0) return;
        const promoted = after.report.functions.reduce((n, f) => n + f.slotsPromoted, 0);
        expect(promoted).toBeGreaterThan(0);
        expect(after.memoryAccesses).toBeLessThan(before);
        const plain = await ev.evaluate(recipe([]));
        const withPass = await ev.evaluate(recipe(['wt-promote-stack']));
        expect(plain.state === 'ok' && withPass.state === 'ok').toBe(true);
        if (plain.state === 'ok' && withPass.state === 'ok') expect(withPass.metrics.sizeBytes).toBeLessThan(plain.metrics.sizeBytes);
      });
    });
  }
});
