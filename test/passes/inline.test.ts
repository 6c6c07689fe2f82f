// wt-inline: the ranking, golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates), every rank on helpers with
// early returns, zero-initialised locals, loops, nested calls and references, and suite kernels through
// the Evaluator (validated, output-equal on the harness seeds).
import { describe, expect, it } from 'vitest';
import { binaryen } from '../../src/binaryen/module.js';
import { inlineModule, type InlineStats } from '../../src/passes/custom/inline.js';
import { goldenDir, runExport, suiteStaysOutputEqual } from './suite.js';

const golden = goldenDir('inline');
const read = golden.read;

function apply(wat: string, rank: number): { stats: InlineStats; text: string; bytes: Uint8Array; valid: boolean; functions: number } {
  const m = binaryen.parseText(wat);
  try {
    const stats = inlineModule(m, binaryen, rank);
    return { stats, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary(), functions: m.getNumFunctions() };
  } finally {
    m.dispose();
  }
}

describe('wt-inline:r on helper functions', () => {
  const wat = read('helpers.wat');
  const before = apply(wat, 99);

  it('ranks by call sites in loops, then call sites, then size, then index; never a recursive function', () => {
    expect(before.stats.ranking.map((c) => c.name)).toEqual(['sq', 'clamp_acc', 'in_table', 'exported', 'put', 'popcount', 'mix']);
    expect(before.stats.ranking[0]).toMatchObject({ sites: 2, sitesInLoops: 2 });
    expect(before.stats.callee).toBeUndefined();
  });

  it('matches the golden output for r = 1 (early returns) and r = 5 (a loop, locals starting at zero)', () => {
    golden.check('helpers.inline-1.wat', apply(wat, 1).text);
    golden.check('helpers.inline-5.wat', apply(wat, 5).text);
  });

  const expected: Array<Pick<InlineStats, 'callee' | 'inlined' | 'skipped' | 'removed'>> = [
    { callee: 'sq', inlined: 2, skipped: 0, removed: true },
    { callee: 'clamp_acc', inlined: 2, skipped: 0, removed: true },
    { callee: 'in_table', inlined: 1, skipped: 0, removed: false },
    { callee: 'exported', inlined: 1, skipped: 0, removed: false },
    { callee: 'put', inlined: 1, skipped: 0, removed: true },
    { callee: 'popcount', inlined: 1, skipped: 0, removed: true },
    { callee: 'mix', inlined: 1, skipped: 1, removed: false },
  ];
  for (let r = 0; r < 8; r++) {
    it(`r = ${r}: ${expected[r]?.callee ?? 'beyond the candidates: no change'}; same results`, () => {
      const after = apply(wat, r);
      expect(after.valid).toBe(true);
      const { ranking: _, ...stats } = after.stats;
      expect(stats).toEqual(expected[r] ?? { inlined: 0, skipped: 0, removed: false });
      expect(after.functions).toBe(before.functions - (stats.removed ? 1 : 0));
      if (r < 7) expect(after.text).not.toBe(before.text);
      for (const n of [0, 1, 2, 5, 17, 100]) {
        for (const f of ['run', 'exported', 'dead']) expect(runExport(after.bytes, f, n), `${f}(${n})`).toBe(runExport(before.bytes, f, n));
      }
    });
  }
});

const KERNELS = ['raytrace', 'sha256', 'sort', 'lu', 'fir', 'bfs'];
const RECIPES: string[][] = [['wt-inline:0'], ['wt-inline:1', 'wt-inline:0', 'wt-inline:3'], ['-O1', 'wt-inline:2'], ['wt-inline:0', '-O3']];

function inlinedCalls(bytes: Uint8Array, features: number, rank: number): number {
  const m = binaryen.readBinary(bytes);
  try {
    m.setFeatures(features);
    return inlineModule(m, binaryen, rank).inlined;
  } finally {
    m.dispose();
  }
}

suiteStaysOutputEqual(KERNELS, RECIPES, { title: 'has a function the pass inlines', test: (bytes, features) => inlinedCalls(bytes, features, 0) > 0 });
