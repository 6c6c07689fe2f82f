// A new database gets every migration, in WAL mode; reopening changes nothing; a database of an older
// version is migrated, keeping its runs; a database written by a newer wasmtune is refused with
// E_DB_NEWER and left as it was.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, ResultsDb, SCHEMA_VERSION } from '../../src/db/index.js';
import { MIGRATIONS_TABLE } from '../../src/db/schema.js';
import { WasmtuneError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-db-'));

describe('schema migrations', () => {
  it('creates every table at the current version, in WAL mode with a busy timeout', () => {
    const file = join(dir, 'sub', 'new.db');
    const db = ResultsDb.open(file);
    expect(db.version).toBe(SCHEMA_VERSION);
    db.close();
    const raw = new Database(file, { readonly: true });
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['evaluations', 'kernels', 'machines', 'measurements', 'modules', 'recipes', 'runs', 'schema_migrations']));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((raw.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(SCHEMA_VERSION);
    raw.close();
    // Reopening applies nothing twice.
    ResultsDb.open(file).close();
    const again = new Database(file, { readonly: true });
    expect((again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('migrates a version-1 database: its runs stay, as tune runs, and leaderboard rows can be recorded', () => {
    const file = join(dir, 'v1.db');
    const raw = new Database(file);
    raw.exec(MIGRATIONS_TABLE);
    raw.exec(MIGRATIONS[0]!.sql);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'v1', 'x')").run();
    raw.prepare("INSERT INTO kernels (uri, module_hash, harness_hash, created_at) VALUES ('kernel://t/k', 'm', '', 'x')").run();
    raw.prepare(`INSERT INTO runs (kernel_id, agent, agent_options, seed, budget, objective, options, status, started_at, updated_at)
      VALUES (1, 'random', '{}', 1, '{"evaluations":3}', 'size', '{}', 'done', 'x', 'x')`).run();
    raw.close();
    const db = ResultsDb.open(file);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(db.runs().map((r) => [r.id, r.agent, r.leaderboard])).toEqual([[1, 'random', null]]);
    const row = { task: 't', kernel: 'kernel://t/k', agent: 'random', seed: 1, ratio: 0.9, jobId: 'j1', worker: 'w' };
    expect(db.recordLeaderboardRow('/out', row, 1)).toBe(1);
    expect(db.recordLeaderboardRow('/out', { ...row, ratio: 0.5 }, 1)).toBe(1); // the same job again: unchanged
    expect(db.leaderboardRows('/out').map((r) => [r.kernel, r.runId, r.jobId, r.ratio])).toEqual([['kernel://t/k', 1, 'j1', 0.9]]);
    db.close();
  });

  it('refuses a database from a newer wasmtune with E_DB_NEWER, without touching it', () => {
    const file = join(dir, 'newer.db');
    ResultsDb.open(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'from the future', 'x');
    raw.close();
    const before = readFileSync(file);
    let err: unknown;
    try {
      ResultsDb.open(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WasmtuneError);
    expect((err as WasmtuneError).code).toBe('E_DB_NEWER');
    expect((err as Error).message).toMatch(new RegExp(`schema version ${SCHEMA_VERSION + 1}.*newer wasmtune.*up to ${SCHEMA_VERSION}`));
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
