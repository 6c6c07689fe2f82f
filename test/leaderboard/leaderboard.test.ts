// The leaderboard harness: every agent finishes with a tiny budget on a suite kernel of each toolchain
// (hand-written WAT, AssemblyScript, clang -O1, clang -O0) and every reported recipe replays (one run:
// all runs on a kernel share its evaluator); a resumed run does not redo finished rows and runs the
// missing ones; rejected rows are shown, not counted. (Each agent's own contract, on one kernel, is
// test/contracts/agents.test.ts.)
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLeaderboard } from '../../src/leaderboard/run.js';
import { summarize } from '../../src/leaderboard/summary.js';
import { evalsTo95, type Row } from '../../src/leaderboard/rows.js';
import { renderMarkdown } from '../../src/leaderboard/render.js';
import { AGENTS } from '../../agents/registry.js';
import { listSuite } from '../../src/kernels/index.js';
import type { Task } from '../../src/leaderboard/tasks.js';

const KERNELS = ['crc32', 'fft', 'fir', 'raytrace'].map((k) => `kernel://wasmtune-v0/${k}`);
const tiny: Task = { name: 'test-size', description: 'size, tiny', objective: 'size', budget: 2, seeds: [1], kernels: KERNELS, baseline: 'Oz' };

describe('wasmtune leaderboard', () => {
  it('runs every agent on a kernel of each toolchain, replays every result, and resumes without redoing rows', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'wasmtune-lb-'));
    const agents = Object.keys(AGENTS);
    for (const k of KERNELS) expect(listSuite()).toContain(k);
    const { rows, summary } = await runLeaderboard({ task: tiny, agents, outDir, jobs: 2 });
    expect(rows).toHaveLength(tiny.kernels.length * agents.length);
    for (const r of rows) {
      expect(r.error, `${r.kernel} ${r.agent}`).toBeUndefined();
      expect(r.replay, `${r.kernel} ${r.agent}`).toEqual({ ok: true });
      expect(r.evaluations).toBeLessThanOrEqual(tiny.budget);
      // the best is never worse than the task's baseline, which competes with every candidate
      expect(r.ratio!).toBeLessThanOrEqual(1);
      expect(r.sizeVsOz).toBe(r.ratio);
    }
    const lines = readFileSync(join(outDir, 'results.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(rows.length);
    expect(summary.agents.map((a) => a.agent).sort()).toEqual([...agents].sort());
    expect(readFileSync(join(outDir, 'table.md'), 'utf8')).toContain('| agent | geomean ×Oz |');
    expect(JSON.parse(readFileSync(join(outDir, 'table.json'), 'utf8')).agents).toHaveLength(agents.length);

    // Resume: nothing left to run, the same rows come back.
    let reran = 0;
    const again = await runLeaderboard({ task: tiny, agents, outDir, resume: true, onRow: () => reran++ });
    expect(reran).toBe(0);
    expect(again.rows.map((r) => r.hash).sort()).toEqual(rows.map((r) => r.hash).sort());

    // Resume after losing one kernel's rows: only those run again, and they come out the same.
    const lost = tiny.kernels.find((k) => k.endsWith('/fir'))!;
    const jsonl = join(outDir, 'results.jsonl');
    writeFileSync(jsonl, readFileSync(jsonl, 'utf8').split('\n').filter((l) => l && (JSON.parse(l) as Row).kernel !== lost).map((l) => l + '\n').join(''));
    const rerun: Row[] = [];
    const third = await runLeaderboard({ task: tiny, agents, outDir, resume: true, onRow: (r) => rerun.push(r) });
    expect(rerun.map((r) => `${r.kernel} ${r.agent}`).sort()).toEqual(agents.map((a) => `${lost} ${a}`).sort());
    expect(third.rows.map((r) => r.hash).sort()).toEqual(rows.map((r) => r.hash).sort());
    expect(readFileSync(jsonl, 'utf8').trim().split('\n')).toHaveLength(rows.length);
  }, 600_000);
});

describe('leaderboard tables', () => {
  const row = (agent: string, kernel: string, seed: number, ratio: number, replayOk = true): Row => ({
    task: 't', kernel, agent, seed, budget: 4, objective: 'size', ratio, evaluations: 4, invalid: 1, curve: [], evalsTo95: 2, walltimeMs: 1000,
    replay: replayOk ? { ok: true } : { ok: false, detail: 'differs' },
  });
  const task: Task = { ...tiny, kernels: ['a', 'b'], seeds: [1, 2] };

  it('geomeans accepted rows per agent and per seed, counts kernels won against random, and leaves out rows that failed replay', () => {
    const rows = [
      row('random', 'a', 1, 0.9), row('random', 'b', 1, 1.0), row('random', 'a', 2, 0.8), row('random', 'b', 2, 1.0),
      row('ga', 'a', 1, 0.8), row('ga', 'b', 1, 1.0), row('ga', 'a', 2, 0.8), row('ga', 'b', 2, 0.5, false),
    ];
    const s = summarize(task, ['random', 'ga'], rows);
    const ga = s.agents.find((a) => a.agent === 'ga')!;
    const random = s.agents.find((a) => a.agent === 'random')!;
    expect(ga.rejected).toBe(1);
    expect(ga.geomean).toBeCloseTo(Math.cbrt(0.8 * 1.0 * 0.8), 12);
    expect(ga.perSeed).toEqual({ 1: Math.sqrt(0.8), 2: 0.8 });
    expect(ga.spread).toEqual({ min: 0.8, max: Math.sqrt(0.8) });
    expect(random.geomean).toBeCloseTo((0.9 * 0.8) ** 0.25, 12);
    expect(ga.vsRandom).toEqual({ better: 1, worse: 0 }); // a: 0.8 < sqrt(0.72); b: 1.0 = 1.0
    expect(ga.invalidShare).toBeCloseTo(0.25, 12);
    expect(s.agents[0]!.agent).toBe('ga');
    const md = renderMarkdown(s);
    expect(md).toContain('| ga | 0.8618 |');
    expect(md).toContain('| 1 |');
  });

  it('counts evaluations to close 95 % of the gap between the first valid candidate and the final best', () => {
    expect(evalsTo95([null, 100, 100, 60, 52, 50, 50])).toBe(5); // target 100 − 0.95·50 = 52.5
    expect(evalsTo95([null, 10, 10])).toBe(2);
    expect(evalsTo95([null, null])).toBeNull();
  });
});
