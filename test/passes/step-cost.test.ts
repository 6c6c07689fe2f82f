// What each step costs to build (src/passes/cost.ts, from src/passes/step-cost.json): every step a search
// may propose has a measured figure, every figure is a positive finite ratio, and a recipe's cost prices
// each step in the context it runs in (flat IR from `flatten` until a step that does not keep it flat).
import { describe, expect, it } from 'vitest';
import {
  EXPENSIVE_RATIO, STEP_COSTS, STEP_COST_FORMAT, UNMEASURED_STEP_COST, flatAfter, isExpensive, recipeCost, stepCost, stepCostData, stepCostEntry,
} from '../../src/passes/cost.js';
import { listSuite } from '../../src/kernels/index.js';
import { PASSES } from '../../src/passes/registry.js';
import { defaultSpace } from '../../src/search/space.js';

const RUN = 'run `npm run bench:step-cost` to measure it (and commit src/passes/step-cost.json)';
const data = stepCostData();
/** Every step any space offers: the default one and the one with every assumption and option on. */
const spaceSteps = [...new Set([defaultSpace(), defaultSpace({ fastMath: true, lowMemoryUnused: true, trapsNeverHappen: true })].flatMap((s) => [...s.passes, ...s.pipelines]))];
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 10);

describe('the measured step costs', () => {
  it('are a complete run over the suite, with its command and provenance', () => {
    expect(data.format).toBe(STEP_COST_FORMAT);
    expect(data.finished, `the data file is from an unfinished run: ${RUN}`).toBe(true);
    expect(data.command).toMatch(/bench:step-cost/);
    for (const field of [data.commit, data.machine, data.node, data.date]) expect(field.length).toBeGreaterThan(0);
    expect(data.kernels.map((k) => `kernel://wasmtune-v0/${k.name}`).sort()).toEqual(listSuite());
  });

  it('cover every step of the search space', () => {
    const missing = spaceSteps.filter((s) => stepCostEntry(s)?.original === undefined);
    expect(missing, `no measured build cost for ${missing.join(', ')}: ${RUN}`).toEqual([]);
    expect(spaceSteps.length).toBeGreaterThan(100);
  });

  it('are positive finite ratios, the median no larger than the max, the max on a kernel of the run', () => {
    const kernels = new Set(data.kernels.map((k) => k.name));
    for (const [step, e] of Object.entries(data.steps)) {
      for (const f of [e.original, e.flat]) {
        if (!f) continue;
        for (const x of [f.median, f.max]) expect(Number.isFinite(x) && x > 0, `${step}: ${x}`).toBe(true);
        expect(f.median, step).toBeLessThanOrEqual(f.max);
        expect(kernels.has(f.maxAt), `${step}: ${f.maxAt}`).toBe(true);
      }
      expect(e.staysFlat >= 0 && e.staysFlat <= 1, `${step}: staysFlat ${e.staysFlat}`).toBe(true);
    }
    for (const k of data.kernels) for (const x of [k.o3CpuMs, k.overhead, k.flatten]) expect(Number.isFinite(x) && x > 0, `${k.name}: ${x}`).toBe(true);
  });

  it('price -O3 at about one -O3 build, and an ordinary pass far below it', () => {
    // Measurement noise on a loaded machine moves figures by tens of per cent, never by a factor of 3.
    const o3 = stepCost('-O3', { flat: false })!;
    expect(o3).toBeGreaterThan(0.5);
    expect(o3).toBeLessThan(3);
    expect(stepCost('vacuum', { flat: false })!).toBeLessThan(EXPENSIVE_RATIO);
  });
});

describe('stepCost and recipeCost', () => {
  it('answer with the max over kernels, in the context asked for', () => {
    const e = stepCostEntry('coalesce-locals-learning')!;
    expect(stepCost('coalesce-locals-learning', { flat: false })).toBe(e.original!.max);
    expect(stepCost('coalesce-locals-learning', { flat: true })).toBe(e.flat!.max);
    // Flat IR is where it blows up.
    expect(e.flat!.max).toBeGreaterThan(3 * e.original!.max);
    expect(stepCost('no-such-step', { flat: false })).toBeUndefined();
    expect(isExpensive('-O3', { flat: false })).toBe(true);
  });

  it('track flat IR from flatten until a pipeline or a step that does not keep it flat', () => {
    const c = (step: string, flat: boolean) => stepCost(step, { flat })!;
    const both = (step: string) => Math.max(c(step, false), c(step, true));
    expect(flatAfter('flatten')).toBe('always');
    expect(flatAfter('-O3')).toBe('never');
    const binaryen = Object.keys(data.steps).filter((s) => s !== 'flatten' && PASSES.get(s)?.origin === 'binaryen');
    const keeper = binaryen.find((s) => flatAfter(s) === 'always')!;
    const breaker = binaryen.find((s) => flatAfter(s) === 'never')!;
    expect(keeper, 'a pass that keeps IR flat').toBeDefined();
    expect(breaker, 'a pass that does not keep IR flat').toBeDefined();
    // A Binaryen pass: no cut point around it.
    const x = 'coalesce-locals-learning';

    expect(recipeCost([])).toBe(0);
    close(recipeCost([x]), c(x, false));
    close(recipeCost(['flatten', x]), c('flatten', false) + c(x, true));
    close(recipeCost(['flatten', keeper, x]), c('flatten', false) + c(keeper, true) + c(x, true));
    close(recipeCost(['flatten', breaker, x]), c('flatten', false) + c(breaker, true) + c(x, false));
    close(recipeCost(['flatten', '-O3', x]), c('flatten', false) + c('-O3', true) + c(x, false));
    close(recipeCost(['flatten', 'flatten', x]), c('flatten', false) + c('flatten', true) + c(x, true));
    close(recipeCost([keeper, x]), c(keeper, false) + c(x, false));
    // A step that needs flat IR brings flatten with it (its figure includes it), and leaves IR as measured.
    expect(flatAfter('dfo')).toBe('always');
    close(recipeCost(['dfo', x]), c('dfo', false) + c(x, true));
    close(recipeCost(['flatten', 'dfo']), c('flatten', false) + c('dfo', true));
    // After a step that keeps IR flat on some kernels only, each step costs the larger of its figures.
    const sometimes = binaryen.find((s) => flatAfter(s) === 'sometimes');
    if (sometimes) {
      close(recipeCost(['flatten', sometimes, x, keeper]), c('flatten', false) + c(sometimes, true) + both(x) + both(keeper));
      close(recipeCost(['flatten', sometimes, breaker, x]), c('flatten', false) + c(sometimes, true) + both(breaker) + c(x, false));
      close(recipeCost(['flatten', sometimes, 'flatten', x]), c('flatten', false) + c(sometimes, true) + c('flatten', true) + c(x, true));
    }
  });

  it('add a write and read of the module at each cut point around a pass of ours', () => {
    const c = (step: string, flat: boolean) => stepCost(step, { flat })!;
    const cut = data.overhead.max;
    expect(cut).toBeGreaterThan(0);
    // Alone, or first and last: no cut. Between two Binaryen steps: a cut on each side.
    close(recipeCost(['wt-coalesce:0']), c('wt-coalesce:0', false));
    close(recipeCost(['vacuum', 'wt-coalesce:0', 'vacuum']), c('vacuum', false) + c('wt-coalesce:0', false) + c('vacuum', false) + 2 * cut);
    // A pass of ours keeps flat IR flat (as measured): the step after it costs its flat figure.
    expect(flatAfter('wt-coalesce:0')).toBe('always');
    close(recipeCost(['flatten', 'wt-coalesce:0', 'coalesce-locals-learning']), c('flatten', false) + c('wt-coalesce:0', true) + c('coalesce-locals-learning', true) + 2 * cut);
  });

  it('count a step without a figure as one -O3 build, and IR after it as not flat', () => {
    close(recipeCost(['flatten', 'no-such-step', 'coalesce-locals-learning']), stepCost('flatten', { flat: false })! + UNMEASURED_STEP_COST + stepCost('coalesce-locals-learning', { flat: false })!);
  });

  it('are what the search space hands to agents', () => {
    const space = defaultSpace();
    expect(space.cost).toBe(STEP_COSTS);
    expect(space.cost.expensiveRatio).toBe(EXPENSIVE_RATIO);
    expect(space.cost.step('-O3', { flat: false })).toBe(stepCost('-O3', { flat: false }));
    expect(space.cost.recipe(['flatten', 'dfo'])).toBe(recipeCost(['flatten', 'dfo']));
    expect(space.cost.expensive('-O3', { flat: false })).toBe(true);
  });
});
