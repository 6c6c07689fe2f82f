/**
 * Shared checks for the search agents: a real tuning run (size objective, 12 evaluations) on one small
 * suite kernel, and a fast synthetic objective that drives an agent through many ask/tell steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentInfo } from '../../src/search/agent.js';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { type EvalRecord } from '../../src/types.js';
import { loadKernel, type Kernel } from '../../src/kernels/index.js';
import { isKnownStep } from '../../src/passes/registry.js';
import { tune, type TuneResult } from '../../src/search/tune.js';
import { DEFAULT_KNOBS, recipeHash, type Recipe } from '../../src/recipe/recipe.js';
import { defaultSpace, type SearchSpace } from '../../src/search/space.js';
import seedrandom from 'seedrandom';
import { single } from '../../src/evaluate/objective.js';

export const KERNEL = 'kernel://wasmtune-v0/crc32';
export const BUDGET = 12;

const seq = (r: TuneResult) => r.records.map((x) => JSON.stringify(x.recipe));

/** Determinism, budget and replay of each agent's best, with one shared Evaluator (and one fresh one). */
export function tuneSuite(agents: readonly AgentInfo[]): void {
  describe(`tuning ${KERNEL} (size, ${BUDGET} evaluations)`, () => {
    let kernel: Kernel;
    let ev: Evaluator;
    /** A second Evaluator, used only to replay the best recipes (started alongside, to save wall time). */
    let fresh: Evaluator;
    const runs = new Map<string, TuneResult>();
    const run = async (info: AgentInfo, seed: number) =>
      tune(kernel, { agent: info, agentOptions: { ...info.defaults }, objective: 'size', budget: { evaluations: BUDGET }, measureRuntime: false, seed }, ev);

    beforeAll(async () => {
      kernel = await loadKernel(KERNEL);
      const [a, b] = await Promise.allSettled([Evaluator.create(kernel, { objective: 'size' }), Evaluator.create(kernel, { objective: 'size' })]);
      if (a.status === 'fulfilled') ev = a.value;
      if (b.status === 'fulfilled') fresh = b.value;
      for (const x of [a, b]) if (x.status === 'rejected') throw x.reason;
    });
    afterAll(() => {
      ev?.close();
      fresh?.close();
    });

    for (const info of agents) {
      it(`${info.name}: same seed → same proposals, other seed → different; budget respected`, async () => {
        const a = await run(info, 1);
        const b = await run(info, 1);
        const c = await run(info, 2);
        runs.set(info.name, a);
        expect(seq(a)).toEqual(seq(b));
        expect(seq(c)).not.toEqual(seq(a));
        for (const r of [a, b, c]) {
          expect(r.records.length).toBeGreaterThan(0);
          expect(r.records.length).toBeLessThanOrEqual(BUDGET);
          expect(r.report.evaluations).toBe(r.records.length);
        }
      });
    }

    it('each best recipe replays with a fresh Evaluator to the same module', async () => {
      for (const info of agents) {
        const r = runs.get(info.name);
        expect(r, `${info.name} ran`).toBeDefined();
        const best = r!.report.best;
        const again = await fresh.evaluate(best.recipe);
        expect(again.state, info.name).toBe('ok');
        expect(again.hash, info.name).toBe(best.hash);
        // The agent's own best record too (the report's best may be a baseline it did not beat).
        const ok = r!.records.filter((x): x is Extract<EvalRecord, { state: 'ok' }> => x.state === 'ok');
        const own = ok.sort((x, y) => x.score - y.score)[0];
        if (own) {
          const o = await fresh.evaluate(own.recipe);
          expect(o.state, info.name).toBe('ok');
          expect(o.hash, info.name).toBe(own.hash);
        }
      }
    });
  });
}

// ── synthetic objective ──────────────────────────────────────────────────────────────────────────────

/** Every step known to the pass registry, no longer than the space allows. */
export function expectValidRecipe(r: Recipe, space: SearchSpace): void {
  expect(r.passes.length).toBeLessThanOrEqual(space.maxLength);
  for (const p of r.passes) expect(isKnownStep(p), p).toBe(true);
  expect(Object.keys(r.knobs).sort()).toEqual(Object.keys(DEFAULT_KNOBS).sort());
}

/**
 * A cheap deterministic objective: rewards a few target passes and knob values, penalises length, and
 * declares some recipes invalid (any with `dfo`, and one in eleven by hash), so agents meet invalid
 * records too.
 */
export function syntheticRecord(recipe: Recipe): EvalRecord {
  const hash = recipeHash(recipe);
  if (recipe.passes.includes('dfo') || parseInt(hash.slice(0, 6), 16) % 11 === 0) {
    return { state: 'invalid', recipe, hash, reason: 'validation', detail: 'synthetic', cached: false, walltimeMs: 0 };
  }
  const targets = ['vacuum', 'inlining-optimizing', 'simplify-locals', 'dce', '-Oz'];
  let score = 1000 + recipe.passes.length * 3;
  for (const t of targets) if (recipe.passes.includes(t)) score -= 40;
  if (recipe.knobs.shrinkLevel === 2) score -= 25;
  if (recipe.knobs.optimizeLevel === 3) score -= 10;
  const metrics = { sizeBytes: score, gzipBytes: score, brotliBytes: score, peakMemoryBytes: 0, declaredMemoryBytes: 0, dataSegmentBytes: 0, functions: 1 };
  return { state: 'ok', recipe, hash, metrics, score, cached: false, walltimeMs: 0 };
}

/** Drive an agent for up to `steps` proposals on the synthetic objective; returns the proposals' JSON. */
export function drive(info: AgentInfo, seed: number, steps: number, opts: { start?: Recipe; space?: SearchSpace } = {}): { proposals: string[]; scores: number[] } {
  const space = opts.space ?? defaultSpace();
  const agent = info.create({ space, rng: seedrandom(`t:${seed}`), objective: single('size'), ...(opts.start ? { start: opts.start } : {}) }, { ...info.defaults });
  const proposals: string[] = [];
  const scores: number[] = [];
  for (let i = 0; i < steps; i++) {
    const r = agent.propose();
    if (!r) break;
    expectValidRecipe(r, space);
    proposals.push(JSON.stringify(r));
    const rec = syntheticRecord(r);
    scores.push(rec.state === 'ok' ? rec.score : Infinity);
    agent.observe(rec);
  }
  return { proposals, scores };
}

/** Fast checks on the synthetic objective: determinism, no throw, valid proposals, a start recipe honoured. */
export function syntheticSuite(info: AgentInfo, steps = 300, startFirst = true): void {
  describe(`${info.name} on a synthetic objective`, () => {
    it('is deterministic per seed and proposes valid recipes', () => {
      const a = drive(info, 1, steps);
      expect(a.proposals.length).toBeGreaterThan(10);
      expect(drive(info, 1, steps).proposals).toEqual(a.proposals);
      expect(drive(info, 2, steps).proposals).not.toEqual(a.proposals);
    });

    it('improves on its first proposal', () => {
      const { scores } = drive(info, 3, steps);
      const first = scores.find((s) => s < Infinity) ?? Infinity;
      expect(Math.min(...scores)).toBeLessThan(first);
    });

    it('starts from the start recipe', () => {
      const start: Recipe = { knobs: { ...DEFAULT_KNOBS, shrinkLevel: 2 }, passes: ['-Oz', 'vacuum'] };
      const { proposals } = drive(info, 4, 40, { start });
      expect(proposals.length).toBeGreaterThan(0);
      // The start recipe is the first proposal (for a meta-technique: one of its first proposals).
      if (startFirst) expect(proposals[0]).toBe(JSON.stringify(start));
      else expect(proposals.slice(0, 10)).toContain(JSON.stringify(start));
    });
  });
}
