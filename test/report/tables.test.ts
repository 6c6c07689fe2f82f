// What the report computes, without a browser: CSV and Markdown of the committed leaderboards, the
// runtime–size picture (from a runtime leaderboard and from tune reports), and convergence traces as ratios.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadReportInput } from '../../src/report/load.js';
import { renderCsv } from '../../src/report/csv.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { paretoView, nonDominated } from '../../src/report/pareto.js';
import { convergence, normalisedCurve } from '../../src/report/convergence.js';
import { cli } from '../helpers.js';
import type { TuneReport } from '../../src/types.js';

const size = resolve('bench/leaderboard/wasm-size-v0');
const runtime = resolve('bench/leaderboard/wasm-runtime-v0');

/** RFC 4180 fields of one line (quotes doubled inside quoted fields). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') { v += '"'; i += 2; } else if (line[i] === '"') { i++; break; } else v += line[i++];
      }
      out.push(v);
      i++;
    } else {
      const j = line.indexOf(',', i);
      out.push(line.slice(i, j < 0 ? line.length : j));
      i = j < 0 ? line.length + 1 : j + 1;
    }
  }
  return out;
}

describe('wasmtune report --csv and --md', () => {
  it('writes one CSV line per run and the agent table as Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-report-'));
    const r = await cli('report', size, '--csv', join(dir, 'r.csv'), '--md', join(dir, 'r.md'));
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'r.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(433);
    const header = fields(lines[0]!);
    for (const line of lines.slice(1)) expect(fields(line)).toHaveLength(header.length);
    const rows = lines.slice(1).map((l) => Object.fromEntries(fields(l).map((v, i) => [header[i]!, v])));
    const jsonl = readFileSync(join(size, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kernel: string; agent: string; seed: number; ratio: number; wasmOpt: string });
    const first = jsonl[0]!;
    const same = rows.find((x) => x.kernel === first.kernel && x.agent === first.agent && x.seed === String(first.seed))!;
    expect(Number(same.ratio)).toBe(first.ratio);
    expect(same.wasm_opt).toBe(first.wasmOpt);
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    expect(md).toContain('| sweep | 0.8390 | 0.8359 | 0.8446 |');
    expect(md).toContain('measured size only');
  });

  it('refuses to run without an output and on a directory that is no leaderboard', async () => {
    expect((await cli('report', size)).code).toBe(2);
    const r = await cli('report', tmpdir(), '--md', join(tmpdir(), 'x.md'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('results.jsonl');
  });
});

describe('the runtime–size picture', () => {
  it('on the committed runtime leaderboard: the agents\' front, -O3 and -Oz as lines at 1', () => {
    const v = paretoView(loadReportInput([runtime]));
    expect(v.mode).toBe('runtime-size');
    expect(v.points.filter((p) => p.kind === 'run')).toHaveLength(432);
    const agents = v.points.filter((p) => p.kind === 'agent');
    expect(agents).toHaveLength(9);
    // The front is exactly the agents no other agent beats on both geomeans.
    for (const a of agents) {
      const beaten = agents.some((b) => b !== a && b.size <= a.size && b.runtime! <= a.runtime! && (b.size < a.size || b.runtime! < a.runtime!));
      expect(a.front).toBe(!beaten);
    }
    expect(agents.find((a) => a.label === 'sweep')!.front).toBe(true);
    expect(v.rules.map((r) => `${r.axis} ${r.value}`).sort()).toEqual(['runtime 1', 'size 1']);
  });

  it('from tune reports: every -O level is a point (runtime measured against -O3), and the front is per kernel', () => {
    const level = (sizeBytes: number, median?: number) => ({
      recipe: { knobs: {}, passes: [] }, hash: String(sizeBytes), sizeBytes, gzipBytes: 0, brotliBytes: 0, peakMemoryBytes: 0, declaredMemoryBytes: 0, dataSegmentBytes: 0, functions: 1,
      ...(median ? { runtime: { median, low: median * 0.98, high: median * 1.02, confidence: 0.96, n: 15, baseline: 'O3', candidateMs: 1, baselineMs: 1 } } : {}),
    });
    const report = {
      kernel: 'kernel://wasmtune-v0/k', agent: 'random', agentOptions: {}, objective: 'runtime', seed: 1, budget: { evaluations: 3 }, outputsVerified: true, features: [],
      best: { ...level(1100, 0.8), origin: 'agent', scoreVsBaseline: 0.8, outputsChecked: 'bit-exact' },
      baselines: { O0: level(3000, 3), O1: level(1200, 1.1), O2: level(1050, 0.99), O3: level(1150), O4: level(1160, 1.0), Os: level(1010, 1.05), Oz: level(1000, 1.08) },
      evaluations: 3, curve: [0.95, 0.9, 0.8], baselineEvaluations: 7, cacheHits: 0, invalid: { total: 0, byReason: {}, examples: [] }, wasmOpt: 'wasm-opt', walltimeMs: 1, measurement: { v8Flags: [], finalRounds: 15, quickRounds: 5, node: 'v20' },
    } as unknown as TuneReport;
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-report-'));
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
    const d = loadReportInput([join(dir, 'report.json')]);
    expect(d.rows[0]!.ratio).toBe(0.8);
    expect(d.rows[0]!.sizeVsOz).toBeCloseTo(1.1, 12);
    const v = paretoView(d);
    expect(v.mode).toBe('runtime-size');
    const byLabel = Object.fromEntries(v.points.map((p) => [p.label, p]));
    expect(byLabel['-O3']!.runtime).toBe(1);
    expect(byLabel['-O0']!.size).toBeCloseTo(3, 12);
    // Front: best (1.1, 0.8), -O2 (1.05, 0.99), -Os (1.01, 1.05), -Oz (1, 1.08); -O3, -O4, -O1, -O0 are dominated.
    expect(v.points.filter((p) => p.front).map((p) => p.label).sort()).toEqual(['-O2', '-Os', '-Oz', 'best (random, seed 1)']);
    // Its convergence trace is the report's own (quick runtime ratios are already ratios to -O3).
    expect(convergence(d.rows, d.task).points.filter((p) => p.kernel === 'all kernels').map((p) => p.ratio)).toEqual([0.95, 0.9, 0.8]);
  });

  it('nonDominated keeps ties and drops dominated points', () => {
    const pts: Array<[number, number]> = [[1, 1], [1, 1], [2, 0.5], [2, 2], [0.5, 3]];
    expect([...nonDominated(pts, (p) => p)]).toEqual([pts[0], pts[1], pts[2], pts[4]]);
  });
});

describe('convergence traces', () => {
  it('turns a size trace in bytes into ratios to -Oz, ending at the row\'s ratio when the agent found the best', () => {
    const d = loadReportInput([size]);
    const rows = d.rows.filter((r) => r.origin === 'agent');
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(normalisedCurve(r, d.task)!.at(-1)).toBeCloseTo(r.ratio!, 12);
    const c = convergence(d.rows, d.task);
    expect(c.traced).toBe(432);
    expect(c.points.filter((p) => p.kernel === 'all kernels' && p.agent === 'sweep')).toHaveLength(60);
  });
});
