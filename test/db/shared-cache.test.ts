// The evaluator's content-hash cache lives in the database: a second evaluator (another run, agent or
// process) on the same kernel takes validation results from it instead of running the module again, and a
// stored runtime ratio is reused only for the same measurement settings and machine.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator, QUICK } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { describeMachine, kernelIdentity, ResultsDb } from '../../src/db/index.js';
import { levelRecipe } from '../../src/recipe/recipe.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const file = join(mkdtempSync(join(tmpdir(), 'wasmtune-db-')), 'cache.db');
const open: Array<{ close(): void }> = [];
afterAll(() => open.forEach((o) => o.close()));

describe('the content-hash cache in the database', () => {
  it('is shared by evaluators: the second one validates nothing again', async () => {
    const kernel = await loadKernel(fx('sum.wat'), fx('sum.harness.json'));
    const db = ResultsDb.open(file);
    open.push(db);
    const cache = db.moduleCache(db.kernelId(kernelIdentity(kernel)));
    const first = await Evaluator.create(kernel, { objective: 'size', cache });
    open.push(first);
    const a = await first.evaluate(levelRecipe('O3'));
    expect(a).toMatchObject({ state: 'ok', cached: false });

    const second = await Evaluator.create(kernel, { objective: 'size', cache: ResultsDb.open(file).moduleCache(db.kernelId(kernelIdentity(kernel))) });
    open.push(second);
    const b = await second.evaluate(levelRecipe('O3'));
    expect(b).toMatchObject({ state: 'ok', cached: true, hash: a.hash });
    if (a.state === 'ok' && b.state === 'ok') expect(b.metrics).toEqual(a.metrics);
    expect(second.cacheHits).toBe(1);
    expect(second.bytesOf(a.hash!)).toEqual(first.bytesOf(a.hash!));
  });

  it('gives a second evaluator the stored quick runtime ratio instead of timing again', async () => {
    const kernel = await loadKernel(fx('sum.wat'), fx('sum.harness.json'));
    const db = ResultsDb.open(file);
    open.push(db);
    const evaluator = async () => {
      const ev = await Evaluator.create(kernel, { objective: 'runtime', roundMs: 1, cache: db.moduleCache(db.kernelId(kernelIdentity(kernel))) });
      open.push(ev);
      const o3 = await ev.builder.build(kernel.bytes, levelRecipe('O3'), ev.features);
      await ev.setRuntimeBaseline(o3.state === 'built' ? o3.bytes : kernel.bytes);
      return ev;
    };
    const first = await evaluator();
    const a = await first.evaluate(levelRecipe('O1'));
    expect(a.hash).not.toBe(first.runtimeBaseline!.hash); // so its ratio was timed, not 1 by identity
    const second = await evaluator();
    let timed = 0;
    const time = second.runner.time.bind(second.runner);
    second.runner.time = (...args: Parameters<typeof time>) => (timed++, time(...args));
    const b = await second.evaluate(levelRecipe('O1'));
    expect(a.state).toBe('ok');
    expect(b.state).toBe('ok');
    if (a.state === 'ok' && b.state === 'ok') {
      expect(b.metrics.quickRuntimeRatio).toBe(a.metrics.quickRuntimeRatio);
      expect(b.score).toBe(a.score);
    }
    expect(timed).toBe(0);
  });

  it('reuses a runtime ratio only for the same settings and machine fingerprint', () => {
    const db = ResultsDb.open(file);
    open.push(db);
    const k = db.kernelId({ uri: 'kernel://test/k', moduleHash: 'm', harnessHash: 'h' });
    const settings = { ...QUICK, roundMs: 10 };
    db.moduleCache(k).putRatio('base', 'cand', settings, 0.875);
    expect(db.moduleCache(k).getRatio('base', 'cand', settings)).toBe(0.875);
    expect(db.moduleCache(k).getRatio('base', 'cand', { ...settings, roundMs: 20 })).toBeUndefined();
    expect(db.moduleCache(k).getRatio('base', 'cand', { ...settings, rounds: 15 })).toBeUndefined();
    expect(db.moduleCache(k).getRatio('other-base', 'cand', settings)).toBeUndefined();
    const elsewhere = ResultsDb.open(file, { machine: { ...describeMachine(), cores: describeMachine().cores + 8 } });
    open.push(elsewhere);
    expect(elsewhere.fingerprint).not.toBe(db.fingerprint);
    expect(elsewhere.moduleCache(k).getRatio('base', 'cand', settings)).toBeUndefined();
    const newerNode = ResultsDb.open(file, { machine: { ...describeMachine(), v8: '99.0' } });
    open.push(newerNode);
    expect(newerNode.moduleCache(k).getRatio('base', 'cand', settings)).toBeUndefined();
  });
});
