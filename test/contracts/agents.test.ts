// The contract of the agent registry (agents/registry.ts): every agent, on a small suite kernel with a
// tiny budget (size objective, no final runtime measurement), stays within the budget; the same seed
// gives the same records (proposals and results), checked on two independent Evaluators, and another
// seed other proposals; and the reported best replays: its recipe, rebuilt and re-checked with every
// cache bypassed, gives a module of the same hash. An agent added to the registry is checked here as it
// is, with its default options (the learned agents load the committed policy for the objective).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENTS, getAgent, parseAgentOptions } from '../../agents/registry.js';
import type { AgentInfo } from '../../src/search/agent.js';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel, type Kernel } from '../../src/kernels/index.js';
import { getPass } from '../../src/passes/registry.js';
import { parseRecipe } from '../../src/recipe/recipe.js';
import { tune, type TuneResult } from '../../src/search/tune.js';
import type { EvalRecord } from '../../src/types.js';

const KERNEL = 'kernel://wasmtune-v0/crc32';
const BUDGET = 12;

/** What a record says about the recipe and its module, without what depends on the machine or the cache (times). */
function outcome(r: EvalRecord): Partial<EvalRecord> {
  const { walltimeMs: _walltime, cached: _cached, buildMs: _build, validateMs: _validate, timeMs: _time, ...rest } = r;
  return rest;
}

const proposals = (r: TuneResult) => r.records.map((x) => JSON.stringify(x.recipe));

describe('the agent registry', () => {
  it('names every agent by its key, describes it, and parses its own defaults back', () => {
    expect(Object.keys(AGENTS).length).toBeGreaterThan(0);
    for (const [name, info] of Object.entries(AGENTS) as Array<[string, AgentInfo]>) {
      expect(info.name, name).toBe(name);
      expect(getAgent(name), name).toBe(info);
      expect(info.description.length, name).toBeGreaterThan(10);
      expect(parseAgentOptions(info, undefined), name).toEqual(info.defaults);
    }
  });
});

describe(`every agent tuning ${KERNEL} (size, ${BUDGET} evaluations)`, () => {
  let kernel: Kernel;
  /** Runs every agent; its caches make the baselines and repeated proposals cheap. */
  let ev: Evaluator;
  /** Runs every agent a second time, building and validating on its own, and replays the bests. */
  let independent: Evaluator;

  beforeAll(async () => {
    kernel = await loadKernel(KERNEL);
    // Both start at once: each waits mostly for its child processes to load.
    const made = await Promise.allSettled([Evaluator.create(kernel, { objective: 'size' }), Evaluator.create(kernel, { objective: 'size' })]);
    if (made[0].status === 'fulfilled') ev = made[0].value;
    if (made[1].status === 'fulfilled') independent = made[1].value;
    for (const m of made) if (m.status === 'rejected') throw m.reason;
  });
  afterAll(() => {
    ev?.close();
    independent?.close();
  });

  const run = (info: AgentInfo, on: Evaluator, seed: number) =>
    tune(kernel, { agent: info, agentOptions: { ...info.defaults }, objective: 'size', budget: { evaluations: BUDGET }, measureRuntime: false, seed }, on);

  for (const [name, info] of Object.entries(AGENTS) as Array<[string, AgentInfo]>) {
    it(`${name}: within the budget, deterministic per seed, and its best replays`, async () => {
      const first = await run(info, ev, 1);
      const again = await run(info, independent, 1);
      const other = await run(info, ev, 2);
      for (const r of [first, again, other]) {
        expect(r.records.length).toBeGreaterThan(0);
        expect(r.records.length).toBeLessThanOrEqual(BUDGET);
        expect(r.report.evaluations).toBe(r.records.length);
      }
      expect(again.records.map(outcome)).toEqual(first.records.map(outcome));
      expect(proposals(other)).not.toEqual(proposals(first));

      // The reported best (possibly a baseline the agent did not beat) and the agent's own best record.
      const best = first.report.best;
      const own = first.records
        .filter((x): x is Extract<EvalRecord, { state: 'ok' }> => x.state === 'ok')
        .reduce<Extract<EvalRecord, { state: 'ok' }> | undefined>((b, x) => (!b || x.score < b.score ? x : b), undefined);
      for (const [what, recipe, hash] of [['report', parseRecipe(best.recipe, getPass), best.hash], ...(own ? [['own', own.recipe, own.hash] as const] : [])] as const) {
        expect(await independent.recheck(recipe), `${name}: the ${what} best`).toEqual({ state: 'ok', hash });
      }
    });
  }
});
