// When the best is -O3's own module, the report says so (`sameModuleAs`) instead of an interval that
// looks measured: no `runtime`, no `runtimeVs` against a level with the same module, a score of exactly
// 1, and the printed summary names the -O3 baseline and what was measured.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tune } from '../../src/search/tune.js';
import { loadKernel } from '../../src/kernels/index.js';
import type { AgentInfo } from '../../src/search/agent.js';
import type { TuneReport } from '../../src/types.js';
import { tuneReportRow } from '../../src/report/load.js';
import { cli } from '../helpers.js';

const here = (f: string) => new URL(`fixtures/${f}`, import.meta.url).pathname;
const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-same-'));

/** An agent that proposes nothing: the winner is one of the -O levels. */
const idle: AgentInfo = { name: 'idle', description: 'proposes nothing', defaults: {}, create: () => ({ propose: () => undefined, observe: () => {} }) };

describe('the best is the -O3 module', () => {
  it('reports the identity as such, not as a measured interval', async () => {
    // Every -O level leaves add-one.wat byte for byte as it is, so -O3's module is the only candidate.
    const kernel = await loadKernel(here('add-one.wat'), here('add-one.harness.json'));
    const { report } = await tune(kernel, { agent: idle, agentOptions: {}, budget: { evaluations: 1 }, objective: 'runtime', seed: 1 });
    expect(report.best.origin).toBe('O3');
    expect(report.best.sameModuleAs).toEqual(['O0', 'O1', 'O2', 'O3', 'O4', 'Os', 'Oz']);
    expect(report.best.runtime).toBeUndefined();
    expect(report.best.runtimeVs).toEqual({});
    expect(report.best.scoreVsBaseline).toBe(1);
    // The leaderboard row of such a report keeps the exact ratio 1, marked as not timed (n 0).
    expect(tuneReportRow(report).runtimeVsO3).toEqual({ median: 1, low: 1, high: 1, confidence: 1, n: 0 });
  });

  it('prints it as the -O3 baseline, with the measured figures that exist', async () => {
    // sum.wat: -O2, -Os and -Oz make -O3's module; -O0, -O1 and -O4 do not, and are timed against it.
    const r = await cli('tune', fx('sum.wat'), '--harness', fx('sum.harness.json'), '--objective', 'runtime', '--budget', '2', '--seed', '1', '--db', join(dir, 'w.db'), '--out', join(dir, 'sum'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse((await cli('export', '1', '--json', '--db', join(dir, 'w.db'))).stdout).report as TuneReport;
    if (report.best.sameModuleAs?.includes('O3')) {
      // No candidate was faster with 95 % confidence (the usual outcome with 2 evaluations).
      expect(report.best.runtime).toBeUndefined();
      expect(Object.keys(report.best.runtimeVs ?? {})).toEqual(['O0', 'O1', 'O4']);
      expect(report.best.callMs).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/best +the -O3 baseline \(no candidate beat it\)/);
      expect(r.stdout).toMatch(/runtime +the -O3 module itself: 1 × -O3 by identity, not timed; -O3 takes [\d.]+ ms per call; measured against -O0, -O1, -O4/);
      expect(r.stdout).toMatch(/-O2 .* 1 \(same module as -O3\) +1 \(same module\)/);
    } else {
      expect(report.best.runtime?.n).toBe(15);
      expect(report.best.callMs).toBe(report.best.runtime?.candidateMs);
    }
    for (const level of ['O2', 'Os', 'Oz'] as const) {
      const b = report.baselines[level]!;
      expect('invalid' in b ? undefined : b.runtime, level).toBeUndefined();
    }
  });
});
