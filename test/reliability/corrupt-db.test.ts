// A damaged results database is a clear error (E_DB_CORRUPT), never a crash: the damaged file is left as
// it was, and every row that can still be read is copied into a new file, which the message names and
// which opens as a working database.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsDb } from '../../src/db/index.js';
import { WasmtuneError } from '../../src/errors.js';
import { DEFAULT_KNOBS } from '../../src/recipe/recipe.js';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-corrupt-'));
const RUNS = 3;
const EVALS = 150;

/** A database with a few runs of many evaluations (long details, so they span many pages). */
function filled(file: string): void {
  const db = ResultsDb.open(file);
  for (let r = 0; r < RUNS; r++) {
    const id = db.createRun({ kernel: { uri: 'kernel://test/k', moduleHash: 'm', harnessHash: '' }, agent: 'random', agentOptions: {}, seed: r, budget: { evaluations: EVALS }, objective: 'size', options: {} });
    for (let i = 0; i < EVALS; i++) {
      db.commitEvaluation(id, i, { state: 'invalid', recipe: { knobs: { ...DEFAULT_KNOBS }, passes: [`pass-${r}-${i}`] }, reason: 'trap', detail: 'x'.repeat(400), cached: false, walltimeMs: i });
    }
  }
  db.close();
}

function openError(file: string): WasmtuneError {
  try {
    ResultsDb.open(file).close();
  } catch (e) {
    return e as WasmtuneError;
  }
  throw new Error('opened a damaged database');
}

describe('a damaged results database', () => {
  it('is E_DB_CORRUPT; the readable rows are copied to a new file the message names', async () => {
    const file = join(dir, 'damaged.db');
    filled(file);
    const bytes = readFileSync(file);
    const page = 4096;
    const pages = bytes.length / page;
    // Garbage over a run of pages in the middle of the file (past the schema on page 1).
    for (let p = Math.floor(pages * 0.5); p < Math.floor(pages * 0.5) + 4; p++) for (let i = 0; i < page; i++) bytes[p * page + i] = (i * 131 + p) & 0xff;
    writeFileSync(file, bytes);

    const err = openError(file);
    expect(err).toBeInstanceOf(WasmtuneError);
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/is damaged .*left as it was/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const recovered = /copied to (\S+\.db):/.exec(err.message)?.[1];
    expect(recovered).toBeDefined();

    const db = ResultsDb.open(recovered!);
    const runs = db.runs();
    expect(runs).toHaveLength(RUNS);
    const kept = runs.reduce((n, r) => n + r.evaluations, 0);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(RUNS * EVALS); // the damaged pages' rows are gone, the rest is there
    db.close();

    // The command line says the same in one line.
    const r = await cli('runs', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^wasmtune: error E_DB_CORRUPT: .*copied to /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is E_DB_CORRUPT when nothing is readable at all, and says so', () => {
    const file = join(dir, 'noise.db');
    writeFileSync(file, new Uint8Array(64 * 1024).map((_, i) => (i * 7919 + 13) % 251));
    const err = openError(file);
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/No row could be read/);
  });
});
