// The passes benchmark (bench/passes.ts): the search space without our passes, its options, and one
// quick run on two kernels whose output is checked for structure (rows, finite positive ratios, ordered
// CIs), never for timing values.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultSpace } from '../src/search/space.js';
import { projectRoot } from '../src/kernels/index.js';
import { OWN_PASSES, QUICK_BUDGET, benchSteps, invert, ownSteps, parseOptions, type PassesBenchResults, type Ratio } from '../bench/passes.js';

describe('search space exclusions', () => {
  it('leaves out every value of an excluded parameterised pass, one value, or a plain step', () => {
    const full = defaultSpace();
    // Every step of ours is in the space; the fast-math-only ones when fast-math may be drawn.
    expect(defaultSpace({ fastMath: true }).passes.filter((p) => p.startsWith('wt-')).sort()).toEqual(ownSteps().sort());
    const without = defaultSpace({ exclude: OWN_PASSES });
    expect(without.passes.filter((p) => p.startsWith('wt-'))).toEqual([]);
    expect(without.passes).toEqual(full.passes.filter((p) => !p.startsWith('wt-')));
    expect(without.pipelines).toEqual(full.pipelines);
    expect(defaultSpace({ exclude: ['wt-unroll:8'] }).passes).toEqual(full.passes.filter((p) => p !== 'wt-unroll:8'));
    expect(defaultSpace({ exclude: ['licm', '-O4'] })).toMatchObject({ passes: full.passes.filter((p) => p !== 'licm'), pipelines: full.pipelines.filter((p) => p !== '-O4') });
  });

  it('rejects names that are no step', () => {
    expect(() => defaultSpace({ exclude: ['wt-unrol'] })).toThrow(/Cannot exclude 'wt-unrol'.*wt-unroll/);
  });
});

describe('table (c) rows', () => {
  it('are every step of ours, then unrolling and cell promotion after stack promotion', () => {
    const rows = benchSteps();
    expect(rows.slice(0, ownSteps().length)).toEqual(ownSteps());
    const combined = rows.slice(ownSteps().length);
    expect(combined).toContain('wt-promote-stack wt-unroll:4');
    expect(combined).toContain('wt-promote-stack wt-unroll-nested:2');
    expect(combined).toContain('wt-promote-stack wt-promote-cells:all');
    expect(combined.every((r) => r.startsWith('wt-promote-stack ') && ownSteps().includes(r.split(' ')[1]!))).toBe(true);
    expect(new Set(rows).size).toBe(rows.length);
  });
});

describe('bench:passes options', () => {
  it('--quick takes a tiny budget unless one is given; budgets are evaluations', () => {
    expect(parseOptions(['--quick', '--kernels', 'sort'])).toMatchObject({ quick: true, budget: QUICK_BUDGET, kernels: ['sort'], seed: 1, agent: 'sweep' });
    expect(parseOptions(['--quick', '--budget', '7', '--seed', '3']).budget).toBe(7);
    expect(parseOptions([]).kernels.length).toBeGreaterThanOrEqual(16);
    expect(() => parseOptions(['--budget', '90s'])).toThrow(/evaluations/);
    expect(() => parseOptions(['--agent', 'nope'])).toThrow(/nope/);
  });

  it('a ratio the other way round inverts its median and swaps its bounds', () => {
    const r = invert({ median: 0.8, low: 0.5, high: 1.25, confidence: 0.96, n: 15, identical: false, candidateMs: 4, baselineMs: 5 }) as Extract<Ratio, { median: number }>;
    expect(r).toMatchObject({ median: 1.25, low: 0.8, high: 2, candidateMs: 5, baselineMs: 4 });
  });
});

describe('bench:passes --quick', () => {
  it('writes every table for a clang -O0 kernel and a WAT kernel', async () => {
    const out = mkdtempSync(join(tmpdir(), 'wasmtune-bench-passes-'));
    const kernels = ['sort', 'fir'];
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/passes.ts', '--quick', '--kernels', kernels.join(','), '--out', out], {
      cwd: projectRoot(), maxBuffer: 16 << 20, timeout: 840_000,
    });
    const res = JSON.parse(readFileSync(join(out, 'passes-results.json'), 'utf8')) as PassesBenchResults;
    const md = readFileSync(join(out, 'passes-results.md'), 'utf8');

    const wellFormed = (r: Ratio | undefined, what: string) => {
      expect(r, what).toBeDefined();
      expect('error' in r! ? r.error : undefined, what).toBeUndefined();
      const e = r as Extract<Ratio, { median: number }>;
      for (const x of [e.low, e.median, e.high]) {
        expect(Number.isFinite(x), what).toBe(true);
        expect(x, what).toBeGreaterThan(0);
      }
      expect(e.low, what).toBeLessThanOrEqual(e.median);
      expect(e.median, what).toBeLessThanOrEqual(e.high);
      if (e.identical) expect([e.low, e.median, e.high], what).toEqual([1, 1, 1]);
      else expect(e.n, what).toBe(res.settings.measure.rounds);
    };

    expect(res.settings).toMatchObject({ quick: true, budget: QUICK_BUDGET, seed: 1, agent: 'sweep', steps: benchSteps() });
    expect(res.finishedAt).not.toBeNull();
    expect(res.kernels.map((k) => k.name)).toEqual(kernels);
    const steps = benchSteps();
    for (const k of res.kernels) {
      expect(k.error, k.name).toBeUndefined();
      // (a) two searches, the one without our passes never uses them
      expect(k.search!.withOwn.evaluations).toBe(QUICK_BUDGET);
      expect(k.search!.withoutOwn.evaluations).toBe(QUICK_BUDGET);
      expect(k.search!.withoutOwn.recipe.passes.filter((p) => p.startsWith('wt-'))).toEqual([]);
      expect(k.search!.withOwn.ownSteps).toEqual(k.search!.withOwn.recipe.passes.filter((p) => p.startsWith('wt-')));
      wellFormed(k.runtime!.withVsWithout, `${k.name} with ÷ without`);
      wellFormed(k.runtime!.withVsO3, `${k.name} with ÷ O3`);
      wellFormed(k.runtime!.withoutVsO3, `${k.name} without ÷ O3`);
      // (c) one row per step, in catalog order
      expect(k.steps.map((s) => s.step)).toEqual(steps);
      for (const s of k.steps) {
        expect(['measured', 'unchanged'], `${k.name} ${s.step}: ${s.detail}`).toContain(s.state);
        wellFormed(s.runtime, `${k.name} ${s.step}`);
        expect(s.sizeRatio!).toBeGreaterThan(0);
        expect(s.sizeRatio!).toBe(s.sizeBytes! / k.o3.sizeBytes);
        if (s.state === 'unchanged') expect(s.runtime).toMatchObject({ identical: true });
      }
      expect(md).toContain(`| ${k.name} |`);
    }

    // (b) only the C kernel has a clang -O2 reference
    const sort = res.kernels.find((k) => k.name === 'sort')!;
    expect(sort.build).toMatch(/clang-\d+ -O0/);
    expect(sort.reference!.error).toBeUndefined();
    wellFormed(sort.reference!.promoteVsO3, 'sort promote ÷ O3');
    wellFormed(sort.reference!.referenceVsO3, 'sort clang -O2 ÷ O3');
    wellFormed(sort.reference!.promoteVsReference, 'sort promote ÷ clang -O2');
    expect(sort.steps.find((s) => s.step === 'wt-promote-stack')!.runtime).toEqual(sort.reference!.promoteVsO3);
    expect(res.kernels.find((k) => k.name === 'fir')!.reference).toBeUndefined();

    expect(res.summary.steps.map((s) => s.step)).toEqual(steps);
    for (const s of res.summary.steps) {
      expect(s.faster.length + s.slower.length + s.noSignificantChange.length + s.unchanged.length + s.invalid.length, s.step).toBe(kernels.length);
      expect(s.geomeanSize).toBeGreaterThan(0);
    }
    for (const heading of ['## (a)', '## (b)', '## (c)', '## Runs']) expect(md).toContain(heading);
    expect(md).toContain('npm run bench:passes -- --quick');
    expect(md).toMatch(/Commit [0-9a-f]{7}/);
    rmSync(out, { recursive: true, force: true });
  }, 900_000);
});
