// A new database gets every migration, in WAL mode; reopening changes nothing; a database written by a
// newer wasmtune is refused with E_DB_NEWER and left as it was.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsDb, SCHEMA_VERSION } from '../../src/db/index.js';
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
