// Profiles are kept in the results database (schema version 5): a version-4 file is migrated, keeping its
// runs, and a profile stored there reads back whole, with the machine and settings it was made with; the
// newest profile of a module under a harness is found by their contents, whatever the module's URI.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, ResultsDb, SCHEMA_VERSION } from '../../src/db/index.js';
import { MIGRATIONS_TABLE } from '../../src/db/schema.js';
import type { Profile, ProfileSettings } from '../../src/measure/profile.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-db-profiles-'));

const settings: ProfileSettings = { seed: 1, minMs: 1000, minRuns: 5, intervalUs: 100, hotThreshold: 0.9 };

function profileOf(selfMs: number): Profile {
  return {
    functions: [{ index: 3, name: 'execute', selfMs, share: selfMs / 100 }, { index: 0, name: 'vm_run', selfMs: 1, share: 0.01 }],
    wasmMs: selfMs + 1, jsMs: 2, otherMs: 97 - selfMs, gcMs: 1, totalMs: 100, samples: 250, intervalUs: 100, runs: 7, runMs: 101.5, seed: 1,
    functionImports: 0, definedFunctions: 10, hot: { threshold: 0.9, count: 1, share: selfMs / (selfMs + 1), names: ['execute'] },
  };
}

describe('profiles in the results database', () => {
  it('migrates a version-4 database and keeps its runs', () => {
    const file = join(dir, 'v4.db');
    const raw = new Database(file);
    raw.exec(MIGRATIONS_TABLE);
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, 'x');
    }
    raw.prepare("INSERT INTO kernels (uri, module_hash, harness_hash, created_at) VALUES ('kernel://t/k', 'm', 'h', 'x')").run();
    raw.prepare(`INSERT INTO runs (kernel_id, agent, agent_options, seed, budget, objective, options, status, started_at, updated_at)
      VALUES (1, 'random', '{}', 1, '{"evaluations":3}', 'size', '{}', 'done', 'x', 'x')`).run();
    raw.close();

    const db = ResultsDb.open(file);
    expect(SCHEMA_VERSION).toBe(5);
    expect(db.version).toBe(5);
    expect(db.runs().map((r) => [r.id, r.kernel.uri])).toEqual([[1, 'kernel://t/k']]);
    expect(db.latestProfile({ moduleHash: 'm', harnessHash: 'h' })).toBeUndefined();
    const id = db.storeProfile({ uri: 'kernel://t/k', moduleHash: 'm', harnessHash: 'h' }, settings, profileOf(80));
    const stored = db.latestProfile({ moduleHash: 'm', harnessHash: 'h' })!;
    expect(stored).toMatchObject({ id, kernel: { id: 1, uri: 'kernel://t/k', moduleHash: 'm', harnessHash: 'h' }, fingerprint: db.fingerprint, settings });
    expect(stored.profile).toEqual(profileOf(80));
    expect(stored.provenance.machine).toMatch(/^\d+ × .+, Node v\d+/);
    expect(stored.provenance.wasmtune).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(stored.createdAt)).not.toBeNaN();
    db.close();
  });

  it('finds the newest profile of a module and harness, under any URI, and no other', () => {
    const db = ResultsDb.open(join(dir, 'new.db'));
    db.storeProfile({ uri: 'file:///a/vm.wasm', moduleHash: 'm', harnessHash: 'h', harnessPath: '/a/harness.json' }, settings, profileOf(60));
    const newest = db.storeProfile({ uri: 'file:///b/vm.wasm', moduleHash: 'm', harnessHash: 'h' }, { ...settings, minMs: 300 }, profileOf(70));
    db.storeProfile({ uri: 'file:///b/vm.wasm', moduleHash: 'm', harnessHash: 'other' }, settings, profileOf(50));
    db.storeProfile({ uri: 'file:///b/vm2.wasm', moduleHash: 'm2', harnessHash: 'h' }, settings, profileOf(40));
    const got = db.latestProfile({ moduleHash: 'm', harnessHash: 'h' })!;
    expect(got).toMatchObject({ id: newest, kernel: { uri: 'file:///b/vm.wasm' }, settings: { minMs: 300 } });
    expect(got.profile.functions[0]!.selfMs).toBe(70);
    expect(db.latestProfile({ moduleHash: 'm', harnessHash: 'none' })).toBeUndefined();
    db.close();
  });
});
