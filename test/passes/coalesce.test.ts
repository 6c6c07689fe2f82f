// wt-coalesce:0|1|2: golden WAT of the splitting direction (WASMTUNE_UPDATE_GOLDEN=1 regenerates,
// review the diff), webs by reaching definitions on hand-written functions (a reused local, an
// overwritten parameter, definitions meeting after an if, a read that may see the initial zero), the
// same results on many arguments, levels 1 and 2 as Binaryen's coalescing passes, and every suite kernel
// output-equal on eight harness seeds after each level, alone and before and after -O3.
import { describe, expect, it } from 'vitest';
import { binaryen, build, DEFAULT_FEATURES } from '../../src/binaryen/module.js';
import { splitLocalsModule, type SplitStats } from '../../src/passes/custom/coalesce.js';
import { CUSTOM_PASSES, customPassFunctions } from '../../src/passes/custom/index.js';
import { PASSES } from '../../src/passes/registry.js';
import { listSuite } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS } from '../../src/recipe/recipe.js';
import { FULL, goldenDir, runExport, sample, suiteStaysOutputEqual } from './suite.js';

const golden = goldenDir('coalesce');
const ARGS = [0, 1, 2, 3, 5, 6, 7, 15, 16, 100, -1];

function split(wat: string): { stats: SplitStats; text: string; bytes: Uint8Array; valid: boolean; before: Uint8Array } {
  const m = binaryen.parseText(wat);
  try {
    const before = m.emitBinary();
    const stats = splitLocalsModule(m, binaryen);
    return { stats, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary(), before };
  } finally {
    m.dispose();
  }
}

function funcText(text: string, name: string): string {
  const start = text.indexOf(`(func $${name} `);
  const next = text.indexOf('\n (func ', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

const locals = (f: string) => (f.match(/\(local \$/g) ?? []).length;

describe('wt-coalesce:0 splits locals into webs', () => {
  const wat = golden.read('webs.wat');

  it('matches the golden output', () => {
    const r = split(wat);
    expect(r.valid).toBe(true);
    golden.check('webs.coalesce-0.wat', r.text);
  });

  it('gives the reused local and the overwritten parameter a local per web; the parameter keeps index 0', () => {
    const r = split(wat);
    expect(r.stats).toEqual({ functions: 2, split: 2, added: 2, refused: 0 });
    const f = funcText(r.text, 'reuse');
    // $t (counter, then a loaded value) and $n (argument, then n * 3) each gained a local.
    expect(locals(f)).toBe(4);
    // The argument is still read from the parameter in the loop test; n * 3 reads it too, and writes elsewhere.
    expect(f).toMatch(/\(i32\.and\s+\(local\.get \$n\)/);
    expect(f).toMatch(/\(local\.set \$\d+\s+\(i32\.mul\s+\(local\.get \$n\)/);
    expect(f).not.toMatch(/\(local\.set \$n\b/);
  });

  it('keeps definitions that meet at a read in one web, and a read of a maybe-unset local on its own index', () => {
    const f = funcText(split(wat).text, 'merge');
    expect(locals(f)).toBe(3);
    expect(f).toMatch(/\(local\.set \$z\s+\(i32\.const 9\)/);
    // All three writes of $x reach the last read of $x: still one local.
    expect((f.match(/\(local\.set \$x\b/g) ?? []).length).toBe(3);
  });

  it('keeps every result', () => {
    const r = split(wat);
    for (const name of ['reuse', 'merge']) {
      for (const n of ARGS) expect(runExport(r.bytes, name, n), `${name}(${n})`).toBe(runExport(r.before, name, n));
    }
  });

  it('is idempotent: splitting split code adds nothing', () => {
    const once = split(wat).text;
    expect(split(once).stats).toMatchObject({ split: 0, added: 0 });
  });
});

describe('wt-coalesce:1 and :2 are Binaryen’s coalescing passes', () => {
  const wat = golden.read('webs.wat');
  const input = split(wat).bytes;
  const custom = customPassFunctions();
  const recipe = (passes: string[]) => ({ knobs: { ...DEFAULT_KNOBS }, passes });

  it('builds the same bytes as coalesce-locals and coalesce-locals-learning', () => {
    expect(build(input, recipe(['wt-coalesce:1']), DEFAULT_FEATURES, custom)).toEqual(build(input, recipe(['coalesce-locals']), DEFAULT_FEATURES, custom));
    expect(build(input, recipe(['wt-coalesce:2']), DEFAULT_FEATURES, custom)).toEqual(build(input, recipe(['coalesce-locals-learning']), DEFAULT_FEATURES, custom));
    expect(build(input, recipe(['wt-coalesce:1']), DEFAULT_FEATURES, custom).byteLength).toBeLessThan(input.byteLength);
  });

  it('is in the catalog with the levels 0, 1, 2', () => {
    expect(CUSTOM_PASSES['wt-coalesce']?.param?.values).toEqual(['0', '1', '2']);
    for (const v of ['0', '1', '2']) expect(PASSES.get(`wt-coalesce:${v}`)?.origin).toBe('custom');
    expect(PASSES.get('coalesce-locals')?.origin).toBe('binaryen');
    expect(PASSES.get('coalesce-locals-learning')?.origin).toBe('binaryen');
  });
});

// ── the suite ────────────────────────────────────────────────────────────────────────────────────────

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const RECIPES: string[][] = [
  ['wt-coalesce:0'], ['wt-coalesce:0', '-O3'], ['-O3', 'wt-coalesce:0'], ['wt-promote-stack', 'wt-coalesce:0'], ['wt-coalesce:1'],
  ['wt-coalesce:0', 'wt-coalesce:1'],
];
/** coalesce-locals-learning takes about a second on the larger kernels: a sample by default. */
const LEARNING = sample(listSuite().map((u) => u.split('/').pop()!), ['fir', 'matmul', 'sort']);

suiteStaysOutputEqual(listSuite().map((u) => u.split('/').pop()!), {
  seeds: SEEDS,
  recipes: (name) => [...RECIPES, ...(LEARNING.includes(name) ? [['wt-coalesce:2'], ['wt-coalesce:0', 'wt-coalesce:2']] : [])],
  perKernel: (kernel) => {
    it('wt-coalesce:0 splits locals that -O3 coalesced, and splitting twice adds nothing', () => {
      const k = kernel();
      const m = binaryen.readBinary(k.build(['-O3']));
      try {
        m.setFeatures(k.features);
        const s = splitLocalsModule(m, binaryen);
        expect(m.validate()).not.toBe(0);
        expect(s.refused).toBe(0);
        expect(s.split).toBeGreaterThan(0);
        expect(s.added).toBeGreaterThanOrEqual(s.split);
        expect(splitLocalsModule(m, binaryen)).toMatchObject({ split: 0, added: 0 });
      } finally {
        m.dispose();
      }
    });
  },
});

describe('the learning level', () => {
  it('runs on the full suite under WASMTUNE_FULL=1', () => {
    expect(LEARNING.length).toBe(FULL ? listSuite().length : 3);
  });
});
