/**
 * Copying what can still be read out of a damaged results database. The damaged file is only read,
 * never written: its rows go, table by table and in rowid order, into a new database beside it with the
 * current schema. A row range that cannot be read is skipped (probing further rowids), so one bad page
 * costs the rows on it and not the table.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { messageOf } from '../errors.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './schema.js';

/** Tables copied, parents before children (foreign keys). */
const TABLES = ['schema_migrations', 'machines', 'kernels', 'recipes', 'modules', 'measurements', 'runs', 'evaluations', 'leaderboard_rows', 'profiles'] as const;

/** Whether an error from SQLite says the file is damaged or is not a database. */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export interface Salvage {
  /** The new database holding the rows that could be read. */
  file: string;
  /** Rows copied, per table. */
  rows: Record<string, number>;
  /** Why nothing at all could be read, when so. */
  error?: string;
}

/** Copy every readable row of `damaged` into a new file beside it. */
export function salvage(damaged: string): Salvage {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let file = `${damaged}.recovered-${stamp}.db`;
  for (let i = 1; existsSync(file); i++) file = `${damaged}.recovered-${stamp}-${i}.db`;
  const rows: Record<string, number> = {};
  let src: Database.Database;
  try {
    src = new Database(damaged, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { file, rows, error: messageOf(e) };
  }
  const out = new Database(file);
  try {
    out.exec(MIGRATIONS_TABLE);
    for (const m of MIGRATIONS) out.exec(m.sql);
    for (const table of TABLES) rows[table] = copyTable(src, out, table);
    if (!rows.schema_migrations) {
      // The damaged file's own record of its migrations was lost: the copy has the current schema.
      for (const m of MIGRATIONS) out.prepare('INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  } finally {
    src.close();
    out.close();
  }
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  return total ? { file, rows } : { file, rows, error: 'every table was unreadable' };
}

function copyTable(src: Database.Database, out: Database.Database, table: string): number {
  let columns: string[];
  try {
    const have = new Set((src.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
    const want = (out.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    columns = want.filter((c) => have.has(c));
    if (!columns.length) return 0;
  } catch {
    return 0;
  }
  const list = columns.join(', ');
  const read = src.prepare(`SELECT rowid AS _rowid, ${list} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT 200`);
  const write = out.prepare(`INSERT OR IGNORE INTO ${table} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  let copied = 0;
  let after = -Infinity;
  let failures = 0;
  for (;;) {
    let batch: Array<Record<string, unknown>>;
    try {
      batch = read.all(after === -Infinity ? Number.MIN_SAFE_INTEGER : after) as Array<Record<string, unknown>>;
    } catch {
      // An unreadable page: probe further rowids, doubling the step, before giving the table up.
      if (++failures > 40) break;
      after = after === -Infinity ? 0 : after + 2 ** Math.min(failures, 30);
      continue;
    }
    if (!batch.length) break;
    failures = 0;
    out.transaction(() => {
      for (const row of batch) copied += write.run(...columns.map((c) => row[c])).changes;
    })();
    after = batch.at(-1)!._rowid as number;
  }
  return copied;
}
