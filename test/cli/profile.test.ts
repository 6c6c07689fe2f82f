// `wasmtune profile`: the module's functions by self time, the hot set and the split between wasm, JS and
// V8, as a table or as JSON; the profile is recorded in the results database unless --no-db; a module
// without a harness, or a bad flag value, is a usage error.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';
import { ResultsDb, kernelIdentity, type StoredProfile } from '../../src/db/index.js';
import { loadKernel } from '../../src/kernels/index.js';
import type { ProfileOutput } from '../../src/cli/commands/profile.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-profile-'));
const vm = (name: string) => new URL(`../../bench/modules/vm/${name}`, import.meta.url).pathname;
const module = vm('vm-O0.wasm');
const harness = vm('harness.json');

/** The newest profile of the module and harness in `file`. */
async function storedIn(file: string): Promise<StoredProfile | undefined> {
  const db = ResultsDb.open(file, { mustExist: true });
  try {
    return db.latestProfile(kernelIdentity(await loadKernel(module, harness)));
  } finally {
    db.close();
  }
}

describe('wasmtune profile', () => {
  it('prints the functions by self time, the hot set and where the rest of the time went, and records the profile', async () => {
    const db = join(dir, 'text.db');
    const r = await cli('profile', module, '--harness', harness, '--min-ms', '200', '--top', '3', '--db', db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^profile +\d+ calls of run on seed 1 \([\d.]+ ms\), \d+ samples \(every \d+ µs on average; 100 µs asked\)$/m);
    expect(r.stdout).toMatch(/^rank +index +function +self ms +share +cum\. of wasm$/m);
    expect(r.stdout).toMatch(/^ +1 +3 +execute +[\d.]+ +[\d.]+ % +[\d.]+ %$/m);
    expect(r.stdout.match(/^ +\d+ +\d+ +\S+ +[\d.]+ +[\d.]+ % +[\d.]+ %$/gm)!.length).toBeLessThanOrEqual(3);
    expect(r.stdout).toMatch(/^1 of 10 functions cover 90 % of the time in wasm; wasm is [\d.]+ % of the workload \(JS [\d.]+ %, other [\d.]+ %\)$/m);
    expect(r.stdout).toMatch(/^index: in the function index space \(the module imports no function\); function: the name Binaryen gives it$/m);
    const recorded = /^recorded as profile (\d+) in (.+)$/m.exec(r.stdout)!;
    expect(recorded[2]).toBe(db);
    expect((await storedIn(db))?.id).toBe(Number(recorded[1]));
  });

  it('--json prints the profile with its settings, and --no-db records nothing', async () => {
    const db = join(dir, 'json.db');
    const r = await cli('profile', module, '--harness', harness, '--min-ms', '200', '--hot-share', '0.99', '--json', '--db', db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ProfileOutput;
    expect(out.kernel).toMatch(/^file:\/\/.*vm-O0\.wasm$/);
    expect(out.settings).toEqual({ seed: 1, minMs: 200, minRuns: 5, intervalUs: 100, hotThreshold: 0.99 });
    expect(out.profile.functions[0]).toMatchObject({ index: 3, name: 'execute' });
    expect(out.profile.hot.threshold).toBe(0.99);
    expect(out.profile.hot.names[0]).toBe('execute');
    expect(out.stored).toEqual({ db, id: 1 });
    const stored = await storedIn(db);
    expect(stored?.profile).toEqual(out.profile);
    expect(stored?.settings).toEqual(out.settings);

    const none = join(dir, 'none.db');
    const quiet = await cli('profile', module, '--harness', harness, '--min-ms', '50', '--json', '--no-db', '--db', none);
    expect(quiet.code).toBe(0);
    expect((JSON.parse(quiet.stdout) as ProfileOutput).stored).toBeNull();
    expect(existsSync(none)).toBe(false);
  });

  it('refuses a module without a harness and bad flag values', async () => {
    const bare = await cli('profile', module, '--db', join(dir, 'bare.db'));
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/E_USAGE: A profile runs the module's workload, which a harness describes/);
    const bad = await cli('profile', module, '--harness', harness, '--hot-share', '90');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--hot-share must be a share above 0 and at most 1/);
  });
});
