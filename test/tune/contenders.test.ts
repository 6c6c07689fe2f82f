// Contenders (src/search/contenders.ts): fixed recipes a search evaluates beside the -O levels. Which ones a
// search runs follows from its space and objective; one that no candidate beats is the result, named as
// such in the report and on the command line.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENDERS, contenderRecipe, contendersFor, parseContenders } from '../../src/search/contenders.js';
import { defaultSpace } from '../../src/search/space.js';
import { parseObjective, single } from '../../src/evaluate/objective.js';
import { recipeToJson } from '../../src/recipe/recipe.js';
import type { ResultEntry, TuneReport } from '../../src/types.js';
import type { AgentInfo } from '../../src/search/agent.js';
import { tune } from '../../src/search/tune.js';
import { loadKernel } from '../../src/kernels/index.js';
import { moduleFunctions } from '../../src/measure/profile.js';
import { baselinesTable } from '../../src/cli/format.js';
import { cli } from '../helpers.js';

/** An agent that proposes nothing: the result is a level or a contender. */
const idle: AgentInfo = { name: 'idle', description: 'proposes nothing', defaults: {}, create: () => ({ propose: () => undefined, observe: () => {} }) };

const names = (cs: Array<{ name: string }>) => cs.map((c) => c.name);
const runtime = single('runtime');

describe('which contenders a search runs', () => {
  it('auto: the SIMD chain for runtime, its fast-math form only where fast-math is allowed', () => {
    expect(names(contendersFor('auto', defaultSpace(), runtime))).toEqual(['simd']);
    expect(names(contendersFor('auto', defaultSpace({ fastMath: true }), runtime))).toEqual(['simd', 'simd-fast']);
    expect(names(contendersFor('auto', defaultSpace({ fastMath: true }), parseObjective('runtime,size')))).toEqual(['simd', 'simd-fast']);
  });

  it('auto: none for size alone, without SIMD, or without our passes', () => {
    expect(contendersFor('auto', defaultSpace({ fastMath: true }), single('size'))).toEqual([]);
    expect(contendersFor('auto', defaultSpace({ fastMath: true, simd: false }), runtime)).toEqual([]);
    expect(contendersFor('auto', defaultSpace({ exclude: ['wt-reroll'] }), runtime)).toEqual([]);
  });

  it('named: run whatever the objective, and an error says why one cannot run', () => {
    expect(names(contendersFor(['simd'], defaultSpace(), single('size')))).toEqual(['simd']);
    expect(contendersFor([], defaultSpace({ fastMath: true }), runtime)).toEqual([]);
    expect(() => contendersFor(['simd-fast'], defaultSpace(), runtime)).toThrow(/'simd-fast' cannot run in this search: the search space has no 'wt-vectorize-fast:1' \(fast-math needs a harness with a float tolerance\)/);
    expect(() => contendersFor(['simd'], defaultSpace({ simd: false }), runtime)).toThrow(/no 'wt-vectorize:1', 'wt-slp'/);
  });

  it('recipes are -O3 then the chain; simd-fast sets fast-math', () => {
    expect(contenderRecipe('simd').passes).toEqual(['-O3', 'wt-reroll', 'wt-vectorize:1', 'wt-slp']);
    expect(contenderRecipe('simd').knobs.fastMath).toBe(false);
    expect(contenderRecipe('simd-fast').knobs).toMatchObject({ fastMath: true, optimizeLevel: 3, shrinkLevel: 0 });
  });

  it('--contenders takes auto, none, or known names', () => {
    expect(parseContenders('auto')).toBe('auto');
    expect(parseContenders('none')).toEqual([]);
    expect(parseContenders('simd-fast,simd,simd')).toEqual(['simd-fast', 'simd']);
    expect(() => parseContenders('simdd')).toThrow(/no contender 'simdd'.*Did you mean 'simd'/);
    expect(() => parseContenders(',')).toThrow(/--contenders takes auto, none or names/);
    expect(Object.keys(CONTENDERS)).toEqual(['simd', 'simd-fast']);
  });
});

describe('the table of baselines and contenders', () => {
  const e = (size: number, extra: object = {}): ResultEntry => ({
    recipe: recipeToJson(contenderRecipe('simd')), hash: `h${size}`, sizeBytes: size, gzipBytes: size - 1, brotliBytes: size - 2,
    peakMemoryBytes: 65536, declaredMemoryBytes: 65536, dataSegmentBytes: 0, functions: 1, ...extra,
  });
  const runtime = { median: 0.5, low: 0.49, high: 0.52, confidence: 0.96, n: 15, baseline: 'O3' as const, candidateMs: 1, baselineMs: 2 };
  const row = (t: string, name: string) => t.split('\n').find((l) => l.startsWith(`${name} `))!.replace(/ +/g, ' ').trim();

  it('shows each contender under the levels: its selection figure, a level it equals, or why it is invalid', () => {
    const t = baselinesTable({ baselines: { O3: e(100) }, contenders: { simd: e(120, { runtime }), 'simd-fast': e(100, { sameModuleAs: ['O3'] }) } });
    expect(row(t, 'simd')).toBe('simd 120 119 118 0.500 [0.490, 0.520] (selection) -');
    expect(row(t, 'simd-fast')).toBe('simd-fast 100 99 98 1 (same module as -O3) -');
    const u = baselinesTable({ baselines: { O3: e(100) }, contenders: { simd: e(90, { sameModuleAs: ['O2'] }), 'simd-fast': { invalid: 'trap: unreachable' } } });
    expect(row(u, 'simd')).toBe('simd 90 89 88 same module as -O2 -');
    expect(row(u, 'simd-fast')).toBe('simd-fast invalid trap: unreachable');
  });
});

describe('a contender that no candidate beats', () => {
  // heat1d's clang -O2 build: wt-reroll rolls its unrolled loops back, and the vectorizer refuses them
  // (recurrences), so the simd contender's module is smaller than every -O level's.
  const dir = mkdtempSync(join(tmpdir(), 'wasmtune-contenders-'));
  const heat1d = (f: string) => join(process.cwd(), 'bench', 'simd', 'heat1d', f);

  it('is the result, named by its origin in the report, the summary and the database', async () => {
    const db = join(dir, 'w.db');
    const r = await cli('tune', heat1d('heat1d-O2.wasm'), '--harness', heat1d('harness.json'), '--objective', 'size', '--contenders', 'simd', '--budget', '1', '--seed', '1', '--db', db, '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse((await cli('export', '1', '--json', '--db', db)).stdout).report as TuneReport;
    const simd = report.contenders?.simd;
    expect(simd && !('invalid' in simd)).toBe(true);
    if (!simd || 'invalid' in simd) return;
    expect(simd.recipe).toEqual(recipeToJson(contenderRecipe('simd')));
    for (const [level, b] of Object.entries(report.baselines)) {
      if (b && !('invalid' in b)) expect(simd.sizeBytes, level).toBeLessThan(b.sizeBytes);
    }
    // The agent's one candidate is not smaller either (the search is random; the check is that the best is the smallest).
    const best = report.best;
    expect(best.sizeBytes).toBeLessThanOrEqual(simd.sizeBytes);
    if (best.hash === simd.hash) {
      expect(best.origin).toBe('simd');
      expect(r.stdout).toMatch(/best +the simd contender \(no candidate beat it\): O3s0 \[-O3, wt-reroll, wt-vectorize:1, wt-slp\]/);
    } else expect(best.origin).toBe('agent');
    expect(r.stdout).toMatch(/\(\+7 baselines, \+1 contender\)/);
    expect(r.stdout).toMatch(new RegExp(`\\nsimd +${simd.sizeBytes} +${simd.gzipBytes} +${simd.brotliBytes} +- +-\\n`));
  }, 120_000);

  it('is a whole-module recipe in a per-function search too', async () => {
    const kernel = await loadKernel(heat1d('heat1d-O2.wasm'), heat1d('harness.json'));
    const m = moduleFunctions(kernel.bytes);
    const hot = [m.names[m.layout.functionImports]!];
    const { report, bestBytes } = await tune(kernel, { agent: idle, agentOptions: {}, budget: { evaluations: 1 }, objective: 'size', seed: 1, measureRuntime: false, contenders: ['simd'], perFunction: { hot } });
    expect(report.perFunction?.hot).toEqual(hot);
    expect(report.best.origin).toBe('simd');
    expect(report.best.recipe).toEqual(recipeToJson(contenderRecipe('simd')));
    expect(report.best.recipe.functions).toBeUndefined();
    expect(bestBytes.byteLength).toBe(report.best.sizeBytes);
  }, 120_000);
});
