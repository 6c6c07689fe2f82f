// wt-promote-cells:loads|cells|all: golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates, review the diff),
// hand-written cases where promotion must happen (store-through, sunk stores, guarded loads) and where
// it must not (a store through another pointer, an overlapping narrow store, a call, a load that a
// zero-trip loop never runs), the same results and memory as the input on many arguments, and every
// suite kernel output-equal on eight harness seeds after each kind, alone, after wt-promote-stack and
// before -O3 (built and run in this process, see suite.ts).
import { describe, expect, it } from 'vitest';
import { binaryen } from '../../src/binaryen/module.js';
import { promoteCellsModule, disjoint, type CellPromotionStats, type PromoteCellKind } from '../../src/passes/custom/promote-cells.js';
import { CUSTOM_PASSES } from '../../src/passes/custom/index.js';
import { PASSES } from '../../src/passes/registry.js';
import { listSuite } from '../../src/kernels/index.js';
import { KernelCheck, exportsOf, goldenDir, runExport, suiteStaysOutputEqual, watBytes, watText } from './suite.js';

const golden = goldenDir('promote-cells');
const ARGS = [0, 1, 2, 3, 5, 7, 16, 31, 100, 1 << 20];

function apply(wat: string, kind: PromoteCellKind, trapsNeverHappen = false): { stats: CellPromotionStats; text: string; bytes: Uint8Array; valid: boolean } {
  const m = binaryen.parseText(wat);
  const before = binaryen.getTrapsNeverHappen();
  try {
    binaryen.setTrapsNeverHappen(trapsNeverHappen);
    const stats = promoteCellsModule(m, binaryen, kind);
    return { stats, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary() };
  } finally {
    binaryen.setTrapsNeverHappen(before);
    m.dispose();
  }
}




/** Loads and stores in one exported function's text (the functions are printed in order). */
function funcText(text: string, name: string): string {
  const start = text.indexOf(`(func $${name} `);
  const next = text.indexOf('\n (func ', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

function sameResults(before: Uint8Array, after: Uint8Array): void {
  for (const name of exportsOf(before)) {
    for (const n of ARGS) expect(runExport(after, name, n), `${name}(${n})`).toBe(runExport(before, name, n));
  }
}

describe('wt-promote-cells on cells that may be promoted', () => {
  const wat = golden.read('cells.wat');
  const before = watBytes(wat);

  it('matches the golden output for all', () => {
    const r = apply(wat, 'all');
    expect(r.valid).toBe(true);
    golden.check('cells.promote-cells-all.wat', r.text);
  });

  it('all: one invariant load, three cells stored through, one cell sunk; same results and memory', () => {
    const r = apply(wat, 'all');
    expect(r.stats).toMatchObject({ loops: 4, invariantLoads: 1, cellsStoredThrough: 3, cellsSunk: 1 });
    expect(r.stats.refused).toEqual({});
    sameResults(before, r.bytes);
  });

  it('row_sums: the inner loop no longer loads sum[i]; the store stays, the value comes from a tee', () => {
    const f = funcText(apply(wat, 'all').text, 'row_sums');
    const inner = f.slice(f.indexOf('(loop $next_k'));
    expect(count(inner, /i32\.load\b/g)).toBe(1);
    expect(count(inner, /i32\.store\b/g)).toBe(1);
    expect(inner).toMatch(/local\.tee/);
  });

  it('counter: the loop has no memory access left; the value is stored on the early exit and after the loop', () => {
    const f = funcText(apply(wat, 'all').text, 'counter');
    const loop = f.slice(f.indexOf('(loop $next'));
    expect(count(loop.slice(0, loop.indexOf('(br_if $next')), /i64\.load/g)).toBe(0);
    expect(count(f, /i64\.store/g)).toBe(2);
    expect(count(f, /i64\.load/g)).toBe(1);
  });

  it('fields: the loads before the loop sit under the loop’s entry test', () => {
    const f = funcText(apply(wat, 'all').text, 'fields');
    const beforeLoop = f.slice(0, f.indexOf('(loop $next'));
    expect(beforeLoop).toMatch(/\(if\s+\(i32\.eqz\s+\(i32\.ge_u/);
    expect(count(beforeLoop, /\.load offset=(4|8|16)/g)).toBe(3);
  });

  it('loads and cells split the work of all', () => {
    expect(apply(wat, 'loads').stats).toMatchObject({ invariantLoads: 1, cellsStoredThrough: 0, cellsSunk: 0 });
    expect(apply(wat, 'cells').stats).toMatchObject({ invariantLoads: 0, cellsStoredThrough: 3, cellsSunk: 1 });
    for (const kind of ['loads', 'cells'] as const) sameResults(before, apply(wat, kind).bytes);
  });
});

describe('wt-promote-cells where aliasing or traps must block it', () => {
  const wat = golden.read('blocked.wat');
  const before = watBytes(wat);

  it('matches the golden output for all', () => {
    const r = apply(wat, 'all');
    expect(r.valid).toBe(true);
    golden.check('blocked.promote-cells-all.wat', r.text);
  });

  it('refuses the cell behind a store through another pointer, an overlapping narrow store, a call and a load in an if', () => {
    const r = apply(wat, 'all');
    expect(r.stats.refused).toEqual({ 'store-may-alias': 2, 'narrow-or-atomic': 1, call: 2, 'may-not-run': 1 });
    // Only the guarded load of the zero-trip while loop is promoted.
    expect(r.stats).toMatchObject({ invariantLoads: 1, cellsStoredThrough: 0, cellsSunk: 0 });
    for (const name of ['other_pointer', 'overlap_and_call']) expect(funcText(r.text, name), name).toBe(funcText(watText(wat), name));
    sameResults(before, r.bytes);
  });

  it('a loop that runs zero times over an out-of-bounds cell does not trap after promotion', () => {
    const r = apply(wat, 'all');
    expect(runExport(before, 'zero_trip', 0)).not.toMatch(/trap/);
    expect(runExport(r.bytes, 'zero_trip', 0)).toBe(runExport(before, 'zero_trip', 0));
    const f = funcText(r.text, 'zero_trip');
    expect(f.slice(0, f.indexOf('(loop $next'))).toMatch(/\(if\s+\(i32\.eqz/);
  });

  it('with traps-never-happen the same cells stay refused (aliasing and calls do not depend on traps)', () => {
    expect(apply(wat, 'all', true).stats.refused).toMatchObject({ 'store-may-alias': 2, call: 2, 'may-not-run': 1 });
  });
});

describe('address arithmetic', () => {
  it('accesses at the same base are disjoint only when the offsets differ by the width below, mod 2^32', () => {
    expect(disjoint(0, 4, 4, 4)).toBe(true);
    expect(disjoint(0, 4, 2, 1)).toBe(false);
    expect(disjoint(8, 8, 4, 4)).toBe(true);
    expect(disjoint(8, 8, 6, 4)).toBe(false);
    // 0xfffffffc + 4 wraps onto 0.
    expect(disjoint(0, 4, 0xfffffffc, 4)).toBe(true);
    expect(disjoint(0, 4, 0xfffffffe, 4)).toBe(false);
    expect(disjoint(0xfffffffe, 4, 0, 4)).toBe(false);
  });
});

describe('the catalog', () => {
  it('registers wt-promote-cells with the kinds loads, cells, all', () => {
    expect(CUSTOM_PASSES['wt-promote-cells']?.param?.values).toEqual(['loads', 'cells', 'all']);
    for (const v of ['loads', 'cells', 'all']) expect(PASSES.get(`wt-promote-cells:${v}`)?.origin).toBe('custom');
  });
});

// ── the suite ────────────────────────────────────────────────────────────────────────────────────────

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const RECIPES: string[][] = [
  ['wt-promote-cells:loads'], ['wt-promote-cells:cells'], ['wt-promote-cells:all'],
  ['wt-promote-cells:all', '-O3'], ['wt-promote-stack', 'wt-promote-cells:all'], ['wt-promote-stack', 'wt-promote-cells:all', '-O3'],
  ['-O1', 'wt-promote-cells:all'],
];

suiteStaysOutputEqual(listSuite().map((u) => u.split('/').pop()!), { seeds: SEEDS, recipes: RECIPES });

describe('on the suite', () => {
  it('promotes something on the clang -O0 kernels it can read (matmul, nbody, wordfreq)', async () => {
    for (const name of ['matmul', 'nbody', 'wordfreq']) {
      const k = await KernelCheck.load(name, SEEDS);
      const m = binaryen.readBinary(k.bytes);
      try {
        m.setFeatures(k.features);
        const s = promoteCellsModule(m, binaryen, 'all');
        expect(s.invariantLoads + s.cellsStoredThrough + s.cellsSunk, name).toBeGreaterThan(0);
        expect(m.validate(), name).not.toBe(0);
      } finally {
        m.dispose();
      }
      expect(k.build(['wt-promote-cells:all'])).not.toEqual(k.build([]));
    }
  });
});
