// A run stopped after k committed evaluations and resumed from the database ends exactly as a run that
// never stopped: the recreated agent is told the stored records (not re-evaluated), proposes the same
// recipes, and the search continues from there. A proposal that differs from the stored recipe is
// E_RESUME_MISMATCH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random } from '../../agents/random.js';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel, type Kernel } from '../../src/kernels/index.js';
import { kernelIdentity, ResultsDb } from '../../src/db/index.js';
import { tune, type TuneOptions } from '../../src/search/tune.js';
import { type RunStore } from '../../src/types.js';
import { recipeHash } from '../../src/recipe/recipe.js';
import { WasmtuneError } from '../../src/errors.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const BUDGET = 24;
let kernel: Kernel;
let db: ResultsDb;
let ev: Evaluator;
const opts = (store: RunStore): TuneOptions => ({ agent: random, agentOptions: { ...random.defaults }, budget: { evaluations: BUDGET }, objective: 'size', seed: 5, measureRuntime: false, store });
const newRun = () => db.createRun({ kernel: kernelIdentity(kernel), agent: 'random', agentOptions: {}, seed: 5, budget: { evaluations: BUDGET }, objective: 'size', options: {} });

beforeAll(async () => {
  kernel = await loadKernel(fx('sum.wat'), fx('sum.harness.json'));
  db = ResultsDb.open(join(mkdtempSync(join(tmpdir(), 'wasmtune-db-')), 'resume.db'));
  ev = await Evaluator.create(kernel, { objective: 'size', cache: db.moduleCache(db.kernelId(kernelIdentity(kernel))) });
});
afterAll(() => {
  ev?.close();
  db?.close();
});

describe('resuming from stored evaluations', () => {
  it('ends with the same result as an uninterrupted run, evaluating only what was not stored', async () => {
    const whole = newRun();
    const a = await tune(kernel, opts(db.runStore(whole)), ev);
    expect(db.evaluations(whole)).toHaveLength(BUDGET);

    // The same run, stopped after 9 committed evaluations (the 10th was in flight).
    const cut = newRun();
    const store = db.runStore(cut);
    let commits = 0;
    const dying: RunStore = { ...store, commit: (seq, rec) => {
      if (++commits > 9) throw new Error('killed');
      store.commit(seq, rec);
    } };
    await expect(tune(kernel, opts(dying), ev)).rejects.toThrow('killed');
    expect(db.evaluations(cut)).toHaveLength(9);

    const resumed = db.runStore(cut);
    expect(resumed.committed).toHaveLength(9);
    let evaluatedAfterResume = 0;
    const counting: RunStore = { ...resumed, commit: (seq, rec) => {
      evaluatedAfterResume++;
      resumed.commit(seq, rec);
    } };
    const b = await tune(kernel, opts(counting), ev);
    expect(evaluatedAfterResume).toBe(BUDGET - 9);
    const stored = db.evaluations(cut);
    expect(stored.map((r) => recipeHash(r.recipe))).toEqual(a.records.map((r) => recipeHash(r.recipe)));
    expect(stored.map((r) => (r.state === 'ok' ? r.score : r.reason))).toEqual(a.records.map((r) => (r.state === 'ok' ? r.score : r.reason)));
    expect(b.report.best.recipe).toEqual(a.report.best.recipe);
    expect(b.report.best.hash).toBe(a.report.best.hash);
    expect(b.report.best.scoreVsBaseline).toBe(a.report.best.scoreVsBaseline);
    expect(b.report.evaluations).toBe(BUDGET);
  });

  it('refuses to continue when the agent proposes something else than was stored', async () => {
    const run = newRun();
    await tune(kernel, { ...opts(db.runStore(run)), budget: { evaluations: 3 } }, ev);
    const store = db.runStore(run);
    const other = { ...opts(store), seed: 6 }; // another seed: other proposals
    const err = await tune(kernel, other, ev).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WasmtuneError);
    expect((err as WasmtuneError).code).toBe('E_RESUME_MISMATCH');
    expect((err as Error).message).toMatch(/proposal 1 .* differs from the stored one/);
  });
});
