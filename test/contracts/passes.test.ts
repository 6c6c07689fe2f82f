// The contract of the pass catalog: every pass, alone, keeps every suite kernel valid and output-equal
// (with its declared requirements met), built, validated and run by the Evaluator as a search does. A pass
// that broke a kernel would have to leave the catalog. The passes of our own have a contract of their own
// as well (custom-passes.test.ts: golden outputs, and followed by -O3).
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { listSuite, loadKernel } from '../../src/kernels/index.js';
import { PASSES, expandStep } from '../../src/passes/registry.js';
import { DEFAULT_KNOBS, type Recipe } from '../../src/recipe/recipe.js';
import { knobsMeeting } from '../passes/suite.js';

const passes = [...PASSES.values()].filter((p) => p.origin !== 'pipeline');

// `npm test` checks every pass on one kernel per source language (C from clang -O0,
// AssemblyScript, hand-written WAT); `npm run test:contract` (WASMTUNE_CONTRACT=all) checks every kernel.
const SAMPLE = ['raytrace', 'crc32', 'fir', 'sort', 'bfs'];
const kernels = process.env.WASMTUNE_CONTRACT === 'all' ? listSuite() : listSuite().filter((u) => SAMPLE.some((s) => u.endsWith(`/${s}`)));

describe('every catalog pass keeps every kernel valid and output-equal', () => {
  it('has a catalog of Binaryen passes with categories and descriptions', () => {
    expect(passes.length).toBeGreaterThan(60);
    for (const p of passes) {
      expect(p.description.length).toBeGreaterThan(5);
      expect(p.category.length).toBeGreaterThan(2);
    }
  });

  for (const uri of kernels) {
    it(uri, async () => {
      const kernel = await loadKernel(uri);
      const ev = await Evaluator.create(kernel, { objective: 'size' });
      const failures: string[] = [];
      try {
        for (const p of passes) {
          const recipe: Recipe = {
            knobs: knobsMeeting(p.requires, kernel, { ...DEFAULT_KNOBS, optimizeLevel: 3, shrinkLevel: 0 }),
            passes: expandStep(p.name),
          };
          const r = await ev.evaluate(recipe);
          if (r.state !== 'ok') failures.push(`${p.name}: ${r.reason}: ${r.detail}`);
        }
      } finally {
        ev.close();
      }
      expect(failures).toEqual([]);
    });
  }
});
