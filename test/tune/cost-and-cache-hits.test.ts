// A runtime run records where each evaluation's time went (build, validation, timing), and the report's
// totals add up within the wall time; `cacheHits` in the report counts the same records as `wasmtune
// show`, also on a second run whose baselines all come from the database's cache.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalRecord, TuneReport } from '../../src/types.js';
import { cli } from '../helpers.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-cost-'));
const db = join(dir, 'w.db');
const EPS = 1; // ms: sums of separately rounded timings

async function runtimeRun(seed: number): Promise<{ report: TuneReport; stdout: string; records: EvalRecord[]; show: string }> {
  const r = await cli('tune', fx('sum.wat'), '--harness', fx('sum.harness.json'), '--objective', 'runtime', '--budget', '8', '--seed', String(seed), '--db', db, '--out', join(dir, `s${seed}`));
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, `s${seed}`, 'report.json'), 'utf8')) as TuneReport;
  const id = /recorded +run (\d+)/.exec(r.stdout)![1]!;
  const json = await cli('show', id, '--json', '--db', db);
  const show = await cli('show', id, '--db', db);
  return { report, stdout: r.stdout, records: (JSON.parse(json.stdout) as { records: EvalRecord[] }).records, show: show.stdout };
}

describe('the cost of a runtime run', () => {
  it('records build, validation and timing per evaluation, and totals that add up', { timeout: 300_000 }, async () => {
    const { report, stdout, records, show } = await runtimeRun(1);
    expect(records).toHaveLength(8);
    for (const e of records) {
      for (const part of [e.buildMs, e.validateMs, e.timeMs]) expect(part).toBeGreaterThanOrEqual(0);
      expect(e.buildMs! + e.validateMs! + e.timeMs!).toBeLessThanOrEqual(e.walltimeMs + EPS);
    }
    // A fresh database: some candidate was built, validated and timed.
    expect(records.some((e) => e.buildMs! > 0 && e.validateMs! > 0 && e.timeMs! > 0)).toBe(true);

    const t = report.time!;
    for (const v of Object.values(t)) expect(v).toBeGreaterThanOrEqual(0);
    expect(t.setupMs + t.baselinesMs + t.searchMs + t.finalMs).toBeLessThanOrEqual(report.walltimeMs + EPS);
    // Work that overlaps adds up: a candidate's validation while the next one builds, and the jobs.
    expect(t.buildMs + t.validateMs + t.timeMs).toBeLessThanOrEqual(2 * t.searchMs * report.pipeline!.jobs + EPS);
    expect(t.buildMs).toBeCloseTo(records.reduce((a, e) => a + e.buildMs!, 0), 6);
    expect(t.timeMs).toBeGreaterThan(0);
    expect(t.finalMs).toBeGreaterThan(0); // the final measurement of a runtime objective

    expect(stdout).toMatch(/^time +[\d.]+ (ms|s|min): setup [\d.]+ (ms|s), baselines [\d.]+ (ms|s), search [\d.]+ (ms|s) \((\d+ jobs: )?build \d+ % · validate \d+ % · time \d+ %\), final [\d.]+ (ms|s)$/m);
    expect(show).toMatch(/^evaluations +[\d.]+ (ms|s) in 8: build [\d.]+ (ms|s), validate [\d.]+ (ms|s), time [\d.]+ (ms|s) \(/m);
    expect(show).toMatch(/^wall time +[\d.]+ (ms|s|min): setup /m);

    const head = (await cli('export', '1', '--csv', '-', '--db', db)).stdout.split('\n')[0]!.split(',');
    expect(head).toEqual(expect.arrayContaining(['walltimeMs', 'buildMs', 'validateMs', 'timeMs']));
    const rows = (JSON.parse((await cli('export', '1', '--json', '--db', db)).stdout) as { evaluations: Array<Record<string, number>> }).evaluations;
    expect(rows.map((e) => [e.buildMs, e.validateMs, e.timeMs])).toEqual(records.map((e) => [e.buildMs, e.validateMs, e.timeMs]));
  });

  it('counts the same cache hits in the report as wasmtune show, when the baselines come from the cache', { timeout: 300_000 }, async () => {
    // The second run on the same database finds every -O level's module (and the contender's) already
    // validated: those are not search evaluations and are not counted.
    const { report, stdout, records, show } = await runtimeRun(2);
    const cached = records.filter((e) => e.cached).length;
    expect(report.cacheHits).toBe(cached);
    expect(show).toContain(`(${cached} cache hits)`);
    expect(stdout).toContain(`${report.evaluations} evaluations (+7 baselines, +1 contender), ${cached} cache hits`);
  });
});
