// A tune run stores its options as data (versioned; files as absolute paths; the start recipe itself),
// and `tune --resume <run>` rebuilds the run from them, from any working directory, ending as the run
// that never stopped. Runs that stored the command line's values (older databases) still resume;
// options this wasmtune cannot read are a clear error.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ResultsDb, type PortableRun } from '../../src/db/index.js';
import { recipeHash } from '../../src/recipe/recipe.js';
import { cli } from '../helpers.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const BUDGET = 10;
const KEPT = 4;
const root = mkdtempSync(join(tmpdir(), 'wasmtune-resume-options-'));
const db = join(root, 'runs.db');
const home = process.cwd();
afterAll(() => process.chdir(home));

/** Run the CLI from `dir`, with relative paths meaning what they mean there. */
async function cliIn(dir: string, ...argv: string[]) {
  process.chdir(dir);
  try {
    return await cli(...argv);
  } finally {
    process.chdir(home);
  }
}

function withDb<T>(f: (d: ResultsDb) => T): T {
  const d = ResultsDb.open(db);
  try {
    return f(d);
  } finally {
    d.close();
  }
}

/** A copy of run `id` cut after `KEPT` evaluations, as an interrupted run leaves it, storing `options`. */
function interruptedCopy(id: number, options: unknown): number {
  return withDb((d) => {
    const p = d.exportRun(id);
    const cut: PortableRun = {
      ...p,
      run: { ...p.run, status: 'running', options, report: null, best: null, error: null },
      evaluations: p.evaluations.slice(0, KEPT),
    };
    return d.importRun(cut, null);
  });
}

const sequence = (id: number) => withDb((d) => d.evaluations(id).map((r) => `${recipeHash(r.recipe)} ${r.state === 'ok' ? r.score : r.reason}`));

describe('tune options stored as data', () => {
  const work = join(root, 'work');
  mkdirSync(join(work, 'inputs'), { recursive: true });
  writeFileSync(join(work, 'inputs', 'sum.wat'), readFileSync(fx('sum.wat')));
  writeFileSync(join(work, 'inputs', 'sum.harness.json'), readFileSync(fx('sum.harness.json')));
  writeFileSync(join(work, 'inputs', 'start.json'), JSON.stringify({ passes: ['-O1'] }));
  const args = ['tune', 'inputs/sum.wat', '--harness', 'inputs/sum.harness.json', '--objective', 'size', '--budget', String(BUDGET), '--seed', '4',
    '--start', 'inputs/start.json', '--assume', 'low-memory-unused', '--no-runtime', '--no-simd', '--out', 'out', '--db', db, '--json'];
  let reference: { best: { recipe: unknown; hash: string }; evaluations: number };

  it('stores the parsed options: absolute paths, the start recipe, the objective and budget as data', async () => {
    const r = await cliIn(work, ...args);
    expect(r.code, r.stderr).toBe(0);
    reference = JSON.parse(r.stdout);
    const stored = withDb((d) => d.run(1).options);
    expect(stored).toMatchObject({
      format: 'wasmtune-tune-options-v1',
      kernel: resolve(work, 'inputs/sum.wat'), harness: resolve(work, 'inputs/sum.harness.json'), out: resolve(work, 'out'),
      agent: 'random', budget: { evaluations: BUDGET }, objective: { terms: [{ metric: 'size', weight: 1 }], pareto: false }, seed: 4,
      start: { passes: ['-O1'] }, assumptions: ['low-memory-unused'], measureRuntime: false, simd: false,
    });
  });

  it('resumes from another directory, without the start file, and ends as the run that never stopped', async () => {
    const id = interruptedCopy(1, withDb((d) => d.run(1).options));
    writeFileSync(join(work, 'inputs', 'start.json'), 'no longer a recipe');
    const elsewhere = mkdtempSync(join(root, 'elsewhere-'));
    const r = await cliIn(elsewhere, 'tune', '--resume', String(id), '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.best.recipe).toEqual(reference.best.recipe);
    expect(report.evaluations).toBe(BUDGET);
    expect(sequence(id)).toEqual(sequence(1));
    expect(JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8')).best.hash).toBe(reference.best.hash);
    writeFileSync(join(work, 'inputs', 'start.json'), JSON.stringify({ passes: ['-O1'] }));
  });

  it('converts a run stored as command-line values (older databases) and resumes it', async () => {
    const legacy = {
      values: {
        harness: resolve(work, 'inputs/sum.harness.json'), agent: 'random', budget: String(BUDGET), objective: 'size', seed: '4', start: resolve(work, 'inputs/start.json'),
        out: resolve(work, 'out-legacy'), assume: 'low-memory-unused', 'no-runtime': true,
      },
      positionals: ['tune', resolve(work, 'inputs/sum.wat')],
    };
    // Older runs did not store --no-simd: a legacy copy of a run made without it.
    const plain = await cliIn(work, ...args.filter((a) => a !== '--no-simd').map((a) => (a === 'out' ? 'out-plain' : a)));
    expect(plain.code, plain.stderr).toBe(0);
    const plainId = withDb((d) => d.runs()[0]!.id);
    const id = interruptedCopy(plainId, legacy);
    const r = await cli('tune', '--resume', String(id), '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).best.recipe).toEqual(JSON.parse(plain.stdout).best.recipe);
    expect(sequence(id)).toEqual(sequence(plainId));
    expect(readFileSync(join(work, 'out-legacy', 'best.wasm')).byteLength).toBeGreaterThan(0);
  });

  it('refuses options it cannot read (E_DB_CORRUPT) or from a newer wasmtune (E_DB_NEWER)', async () => {
    const unknown = await cli('tune', '--resume', String(interruptedCopy(1, {})), '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^wasmtune: error E_DB_CORRUPT: Run \d+ cannot be resumed: its stored tune options have no known format/);
    const bad = await cli('tune', '--resume', String(interruptedCopy(1, { ...withDb((d) => d.run(1).options as object), budget: { evaluations: -3 } })), '--db', db);
    expect(bad.stderr).toMatch(/E_DB_CORRUPT: .*a bad 'budget'/);
    const newer = await cli('tune', '--resume', String(interruptedCopy(1, { format: 'wasmtune-tune-options-v2' })), '--db', db);
    expect(newer.code).toBe(1);
    expect(newer.stderr).toMatch(/E_DB_NEWER: Run \d+ was started by a newer wasmtune/);
  });
});
