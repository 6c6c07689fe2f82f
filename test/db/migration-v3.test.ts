// A version-2 database (before interrupted runs and evaluation costs were recorded) is migrated: its
// evaluations stay readable, without the cost they never recorded, and can be resumed alongside new ones
// that have it; a run marked interrupted reads so until it is claimed again.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, ResultsDb, SCHEMA_VERSION } from '../../src/db/index.js';
import { MIGRATIONS_TABLE } from '../../src/db/schema.js';
import { DEFAULT_KNOBS } from '../../src/recipe/recipe.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-db-v3-'));
const recipe = { knobs: { ...DEFAULT_KNOBS }, passes: ['-O2'] };

describe('schema version 3', () => {
  it('keeps a version-2 database readable: old evaluations have no cost, new ones do', () => {
    const file = join(dir, 'v2.db');
    const raw = new Database(file);
    raw.exec(MIGRATIONS_TABLE);
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, 'x');
    }
    raw.prepare("INSERT INTO kernels (uri, module_hash, harness_hash, created_at) VALUES ('kernel://t/k', 'm', '', 'x')").run();
    raw.prepare(`INSERT INTO runs (kernel_id, agent, agent_options, seed, budget, objective, options, status, started_at, updated_at)
      VALUES (1, 'random', '{}', 1, '{"evaluations":3}', 'size', '{}', 'failed', 'x', 'x')`).run();
    raw.prepare("INSERT INTO recipes (hash, json) VALUES ('r', ?)").run(JSON.stringify(recipe));
    raw.prepare(`INSERT INTO evaluations (run_id, seq, recipe_hash, hash, state, reason, detail, cached, walltime_ms, created_at)
      VALUES (1, 0, 'r', 'h', 'invalid', 'trap', 'unreachable', 0, 12.5, 'x')`).run();
    raw.close();

    const db = ResultsDb.open(file);
    expect(db.version).toBe(SCHEMA_VERSION);
    const [old] = db.evaluations(1);
    expect(old).toMatchObject({ state: 'invalid', reason: 'trap', walltimeMs: 12.5 });
    expect(old).not.toHaveProperty('buildMs');
    expect(db.evaluationRows(1)[0]).toMatchObject({ buildMs: null, validateMs: null, timeMs: null });
    expect(db.run(1)).toMatchObject({ status: 'failed', interrupted: null });

    db.commitEvaluation(1, 1, { state: 'invalid', recipe, reason: 'validation', detail: 'x', cached: false, walltimeMs: 9, buildMs: 5, validateMs: 3, timeMs: 0 });
    expect(db.evaluations(1)[1]).toMatchObject({ buildMs: 5, validateMs: 3, timeMs: 0, walltimeMs: 9 });
    expect(db.evaluationRows(1)[1]).toMatchObject({ buildMs: 5, validateMs: 3, timeMs: 0 });
    db.close();
  });

  it('records an interrupted run, which reads as interrupted until it is claimed to resume', () => {
    const db = ResultsDb.open(join(dir, 'interrupted.db'));
    const id = db.createRun({ kernel: { uri: 'kernel://t/k', moduleHash: 'm', harnessHash: '' }, agent: 'random', agentOptions: {}, seed: 1, budget: { evaluations: 5 }, objective: 'size', options: {} });
    db.interruptRun(id, { signal: 'SIGTERM', afterEvaluations: 2 }, { best: 'so far' });
    expect(db.run(id)).toMatchObject({ status: 'interrupted', interrupted: { signal: 'SIGTERM', afterEvaluations: 2 }, report: { best: 'so far' }, error: 'interrupted by SIGTERM after 2 evaluations' });
    expect(db.claimRun(id)).toMatchObject({ status: 'running', interrupted: null, report: null, error: null, resumes: 1 });
    db.close();
  });
});
