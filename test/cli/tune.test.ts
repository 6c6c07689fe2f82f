// End to end through the CLI: tune a compiled suite kernel on a small budget, get a module no larger
// than -Oz, the same recipe on a second run, and a replay that reproduces it byte for byte; and a runtime
// report (on nbody, among the suite kernels the quickest to time: the report times ~20 pairs of modules).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';

describe('wasmtune tune', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmtune-cli-'));
  const args = (out: string) => ['tune', 'kernel://wasmtune-v0/raytrace', '--objective', 'size', '--budget', '15', '--seed', '3', '--no-runtime', '--out', out, '--json'];

  it('writes best.wasm, recipe.json and a report no worse than -Oz, reproducibly', async () => {
    const a = await cli(...args(join(dir, 'a')));
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const report = JSON.parse(a.stdout);
    expect(report.evaluations).toBe(15);
    expect(report.outputsVerified).toBe(true);
    expect(report.best.sizeBytes).toBeLessThanOrEqual(report.baselines.Oz.sizeBytes);
    for (const level of ['O0', 'O1', 'O2', 'O3', 'O4', 'Os', 'Oz']) expect(report.baselines[level].sizeBytes).toBeGreaterThan(0);
    expect(report.wasmOpt).toMatch(/^wasm-opt input\.wasm .*-o output\.wasm$/);
    for (const f of ['best.wasm', 'recipe.json', 'report.json']) expect(existsSync(join(dir, 'a', f))).toBe(true);
    expect(readFileSync(join(dir, 'a', 'best.wasm')).byteLength).toBe(report.best.sizeBytes);

    const b = await cli(...args(join(dir, 'b')));
    expect(JSON.parse(b.stdout).best.recipe).toEqual(report.best.recipe);

    const replay = await cli('replay', join(dir, 'a', 'recipe.json'), 'kernel://wasmtune-v0/raytrace');
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/identical +to .*best\.wasm \(byte for byte\)/);
  });

  it('reports the runtime ratio to -O3 with a confidence interval', async () => {
    const r = await cli('tune', 'kernel://wasmtune-v0/nbody', '--objective', 'runtime', '--budget', '4', '--seed', '1', '--out', join(dir, 'rt'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const same: string[] = report.best.sameModuleAs ?? [];
    expect(report.baselines.O0.runtime.median).toBeGreaterThan(0);
    if (same.includes('O3')) {
      // -O3's own module: 1 by identity, reported as such, never as a measured interval.
      expect(report.best.hash).toBe(report.baselines.O3.hash);
      expect(report.best.runtime).toBeUndefined();
      expect(report.best.scoreVsBaseline).toBe(1);
    } else {
      const rt = report.best.runtime;
      expect(rt.baseline).toBe('O3');
      expect(rt.low).toBeLessThanOrEqual(rt.median);
      expect(rt.high).toBeGreaterThanOrEqual(rt.median);
      expect(rt.confidence).toBeGreaterThanOrEqual(0.95);
      expect(rt.n).toBe(15);
    }
    // The best is timed against every level whose module differs from its own.
    expect(Object.keys(report.best.runtimeVs).sort()).toEqual(['O0', 'O1', 'O2', 'O3', 'O4', 'Os', 'Oz'].filter((l) => !same.includes(l)).sort());
  });
});
