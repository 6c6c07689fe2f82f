// wt-inline and wt-inline-site: the rankings, golden WAT (WASMTUNE_UPDATE_GOLDEN=1 regenerates), every
// rank on helpers with early returns, zero-initialised locals, loops, nested calls and references, and
// suite kernels built and run in this process (validated, output-equal on the harness seeds; see
// suite.ts).
//
// The default run checks a sample of suite kernels and recipes; WASMTUNE_FULL=1 checks all of them.
import { describe, expect, it } from 'vitest';
import { binaryen } from '../../src/binaryen/module.js';
import { inlineModule, inlineSiteModule, type InlineSiteStats, type InlineStats } from '../../src/passes/custom/inline.js';
import { goldenDir, runExport, sample, suiteStaysOutputEqual } from './suite.js';

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

function applySite(wat: string, rank: number): { stats: InlineSiteStats; text: string; bytes: Uint8Array; valid: boolean; functions: number } {
  const m = binaryen.parseText(wat);
  try {
    const stats = inlineSiteModule(m, binaryen, rank);
    return { stats, valid: m.validate() !== 0, text: m.emitText(), bytes: m.emitBinary(), functions: m.getNumFunctions() };
  } finally {
    m.dispose();
  }
}

const callsTo = (text: string, callee: string) => (text.match(new RegExp(`\\(call \\$${callee}\\n`, 'g')) ?? []).length;

describe('wt-inline-site:r on call sites at several loop depths', () => {
  const wat = read('sites.wat');
  const before = applySite(wat, 99);
  const expected = [
    { callee: 'small', depth: 2 },
    { callee: 'small', depth: 2 },
    { callee: 'store', depth: 2 },
    { callee: 'big', depth: 2 },
    { callee: 'big', depth: 1 },
    { callee: 'small', depth: 0 },
    { callee: 'big', depth: 0 },
  ];

  it('ranks by loop depth, then callee size, then position; never a recursive function', () => {
    expect(before.stats.ranking.map(({ callee, depth }) => ({ callee, depth }))).toEqual(expected);
    const positions = before.stats.ranking.map((c) => c.position);
    // At depth 2, the call of $small nested in $store's arguments completes before the next statement's.
    expect(positions[0]).toBeLessThan(positions[1]!);
    expect(before.stats.chosen).toBeUndefined();
  });

  it('matches the golden output for r = 0 (a call inside another call’s arguments) and r = 3 (an early return, a local starting at zero)', () => {
    golden.check('sites.inline-site-0.wat', applySite(wat, 0).text);
    golden.check('sites.inline-site-3.wat', applySite(wat, 3).text);
  });

  for (let r = 0; r < 8; r++) {
    it(`r = ${r}: ${expected[r] ? `one call of ${expected[r]!.callee} at depth ${expected[r]!.depth}, the callee stays` : 'beyond the candidates: no change'}; same results`, () => {
      const after = applySite(wat, r);
      expect(after.valid).toBe(true);
      expect(after.functions).toBe(before.functions);
      if (!expected[r]) {
        expect(after.text).toBe(before.text);
        return;
      }
      expect(after.stats.chosen).toMatchObject(expected[r]!);
      const callee = expected[r]!.callee;
      expect(callsTo(after.text, callee)).toBe(callsTo(before.text, callee) - 1);
      for (const other of ['small', 'big', 'store', 'fib'].filter((f) => f !== callee)) {
        // Inlining a site copies no call of another callee except those in its arguments, which move.
        expect(callsTo(after.text, other), other).toBe(callsTo(before.text, other));
      }
      for (const n of [0, 1, 2, 3, 5, 17, 100]) expect(runExport(after.bytes, 'run', n), `run(${n})`).toBe(runExport(before.bytes, 'run', n));
    });
  }

  it('on helpers.wat: leaves calls of unreachable type and of recursive functions out, and inlines early returns', () => {
    const helpers = read('helpers.wat');
    const base = applySite(helpers, 99);
    expect(base.stats.ranking.map((c) => c.callee)).toEqual(['sq', 'sq', 'exported', 'in_table', 'put', 'clamp_acc', 'popcount', 'mix', 'clamp_acc']);
    for (let r = 0; r < 8; r++) {
      const after = applySite(helpers, r);
      expect(after.valid).toBe(true);
      expect(after.functions).toBe(base.functions);
      for (const n of [0, 1, 2, 5, 17, 100]) {
        for (const f of ['run', 'exported', 'dead']) expect(runExport(after.bytes, f, n), `r = ${r}: ${f}(${n})`).toBe(runExport(base.bytes, f, n));
      }
    }
  });
});

const KERNELS = sample(['raytrace', 'sha256', 'sort', 'lu', 'fir', 'bfs'], ['sort', 'bfs']);
const RECIPES: string[][] = [
  ...sample([['wt-inline:0'], ['wt-inline:1', 'wt-inline:0', 'wt-inline:3'], ['-O1', 'wt-inline:2'], ['wt-inline:0', '-O3']], [['wt-inline:1', 'wt-inline:0', 'wt-inline:3']]),
  ...sample([['wt-inline-site:0'], ['wt-inline-site:3', 'wt-inline-site:0', 'wt-inline-site:7'], ['-O1', 'wt-inline-site:1'], ['wt-inline-site:0', '-O3']], [['wt-inline-site:3', 'wt-inline-site:0', 'wt-inline-site:7']]),
];

function inlinedCalls(bytes: Uint8Array, features: number, rank: number): number {
  const m = binaryen.readBinary(bytes);
  try {
    m.setFeatures(features);
    return inlineModule(m, binaryen, rank).inlined;
  } finally {
    m.dispose();
  }
}

function inlinesASite(bytes: Uint8Array, features: number): boolean {
  const m = binaryen.readBinary(bytes);
  try {
    m.setFeatures(features);
    return inlineSiteModule(m, binaryen, 0).chosen !== undefined;
  } finally {
    m.dispose();
  }
}

suiteStaysOutputEqual(KERNELS, {
  recipes: RECIPES,
  applies: {
    title: 'has a function and a call site the passes inline',
    test: (bytes, features) => inlinedCalls(bytes, features, 0) > 0 && inlinesASite(bytes, features),
  },
});
