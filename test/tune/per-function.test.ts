// A per-function search: every candidate is the smallest -O level for the whole module, then the agent's
// steps on the hot functions only; its records, best and report say so; the same seed gives the same
// records whatever the number of jobs; the prefix cache spares the whole-module steps; the best replays
// byte for byte from its recipe.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { tune } from '../../src/search/tune.js';
import { loadKernel } from '../../src/kernels/index.js';
import { getAgent } from '../../agents/registry.js';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { parseRecipe, recipeToJson } from '../../src/recipe/recipe.js';
import { getPass } from '../../src/passes/registry.js';
import type { EvalRecord } from '../../src/types.js';

const vm = (f: string) => fileURLToPath(new URL(`../../bench/modules/vm/${f}`, import.meta.url));
const HOT = ['execute', 'find_symbol'];

const summary = (records: EvalRecord[]) =>
  records.map((r) => [JSON.stringify(r.recipe), r.state, r.hash ?? '', r.state === 'invalid' ? r.reason : r.score, r.cached].join(' '));

async function run(jobs: number) {
  const kernel = await loadKernel(vm('vm-O0.wasm'), vm('harness.json'));
  // Sweep climbs from the best record it observes: it must observe its own recipes, not the framed ones.
  const agent = getAgent('sweep');
  const result = await tune(kernel, {
    agent, agentOptions: { ...agent.defaults }, budget: { evaluations: 28 }, objective: 'size', seed: 5, measureRuntime: false, jobs,
    perFunction: { hot: HOT },
  });
  return { kernel, result };
}

describe('per-function search', () => {
  it('frames every candidate, reports the split, does not depend on --jobs, and replays its best', { timeout: 600_000 }, async () => {
    const { kernel, result: one } = await run(1);
    const { result: two } = await run(2);
    const { report, records } = one;

    // The frame: the whole-module size level first, then only steps on the hot group.
    expect(report.perFunction).toEqual({ group: 'hot', hot: HOT, cold: expect.any(Array) });
    const cold = report.perFunction!.cold;
    expect(cold.length).toBeLessThanOrEqual(1);
    for (const r of records) {
      expect(r.recipe.functions).toEqual({ hot: HOT });
      expect(r.recipe.passes.slice(0, cold.length)).toEqual(cold);
      const own = r.recipe.passes.slice(cold.length);
      expect(own.length).toBeGreaterThan(0);
      // Only the frame's cold steps are whole-module: the agent, which sees its own recipes, never adds more.
      for (const step of own) expect(step.startsWith('hot/'), step).toBe(true);
    }
    // The cold level's module is built before the search (with the cost limits' reference) and taken from
    // the prefix cache by the candidates built (a recipe proposed a second time, or one whose first steps
    // were found too slow before, is not built again).
    const built = records.filter((r) => !r.cached && !(r.state === 'invalid' && r.reason === 'too-slow' && r.buildMs === 0)).length;
    if (cold.length) expect(report.pipeline!.prefixHits).toBeGreaterThanOrEqual(built);

    // Jobs do not change what the search sees.
    expect(summary(two.records)).toEqual(summary(records));
    expect(two.report.best.hash).toBe(report.best.hash);

    // The best's recipe, through its JSON, gives the best module again in a fresh evaluator.
    const recipe = parseRecipe(JSON.parse(JSON.stringify(recipeToJson(report.best.recipe))), getPass);
    const ev = await Evaluator.create(kernel, { objective: 'size' });
    try {
      const again = await ev.evaluate(recipe);
      expect(again.state).toBe('ok');
      expect(again.hash).toBe(report.best.hash);
    } finally {
      ev.close();
    }
  });
});
