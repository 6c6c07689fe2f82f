// A module the suite knows nothing about tunes with its own harness (script and JSON forms); without a
// harness the tool says loudly that outputs were not verified.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'wasmtune-outside-'));

describe('modules from outside the suite', () => {
  it('tunes a module with a script harness (.mjs)', async () => {
    const r = await cli('tune', 'examples/blur/blur.wasm', '--harness', 'examples/blur/harness.mjs', '--objective', 'size', '--budget', '6', '--no-runtime', '--out', join(out, 'blur'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.kernel).toMatch(/^file:\/\/.*blur\.wasm$/);
    expect(report.outputsVerified).toBe(true);
    expect(report.best.sizeBytes).toBeLessThanOrEqual(report.baselines.Oz.sizeBytes);
  });

  it('tunes a module with a JSON harness that has no module field', async () => {
    const r = await cli('tune', 'examples/dot/dot.wasm', '--harness', 'examples/dot/harness.json', '--objective', 'gzip', '--budget', '4', '--no-runtime', '--out', join(out, 'dot'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputsVerified).toBe(true);
  });

  it('tunes a WAT file without a harness and warns that outputs are not verified', async () => {
    const r = await cli('tune', 'test/fixtures/sum.wat', '--objective', 'size', '--budget', '4', '--out', join(out, 'sum'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/OUTPUTS ARE NOT VERIFIED/);
    expect(r.stdout).toMatch(/OUTPUTS NOT VERIFIED/);
  });

  it('refuses the runtime objective without a harness', async () => {
    const r = await cli('tune', 'test/fixtures/sum.wat', '--objective', 'runtime', '--budget', '2', '--out', join(out, 'sum-rt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_NO_HARNESS/);
  });
});
