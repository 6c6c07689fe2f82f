// A weighted combination and a Pareto front through the tuning loop (size-like metrics: deterministic),
// and a wall-time budget that ends the search. On bfs: its modules build quickly, and size and brotli
// disagree on it often enough that the front usually has more than one member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../src/evaluate/evaluator.js';
import { loadKernel, type Kernel } from '../src/kernels/index.js';
import { tune } from '../src/search/tune.js';
import { parseObjective } from '../src/evaluate/objective.js';
import { random } from '../agents/random.js';
import { anneal } from '../agents/anneal.js';

describe('tuning with combined objectives', () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await loadKernel('kernel://wasmtune-v0/bfs');
  });

  it('a weighted objective scores the winner as the weighted geometric mean of its ratios to -Oz', async () => {
    const objective = parseObjective('0.3*size+0.7*gzip');
    const { report, records } = await tune(kernel, { agent: random, agentOptions: random.defaults, objective, budget: { evaluations: 12 }, seed: 1, measureRuntime: false });
    expect(report.objective).toBe('0.3*size+0.7*gzip');
    const oz = report.baselines.Oz!;
    if ('invalid' in oz) throw new Error('-Oz invalid');
    const expected = (report.best.sizeBytes / oz.sizeBytes) ** 0.3 * (report.best.gzipBytes / oz.gzipBytes) ** 0.7;
    expect(report.best.scoreVsBaseline).toBeCloseTo(expected, 12);
    // the winner is no worse than any candidate the agent evaluated, nor than -Oz (score 1)
    for (const r of records) if (r.state === 'ok') expect(report.best.scoreVsBaseline).toBeLessThanOrEqual(r.score + 1e-12);
    expect(report.best.scoreVsBaseline).toBeLessThanOrEqual(1);
  });

  it('a Pareto objective reports a front in which no member dominates another, the winner among them', async () => {
    const { report, records } = await tune(kernel, { agent: anneal, agentOptions: anneal.defaults, objective: parseObjective('size,brotli'), budget: { evaluations: 20 }, seed: 2, measureRuntime: false });
    const front = report.front!;
    expect(front.length).toBeGreaterThan(0);
    const v = (f: (typeof front)[number]) => [f.ratios.size!, f.ratios.brotli!];
    for (const a of front) {
      for (const b of front) {
        if (a === b) continue;
        const dom = v(a).every((x, i) => x <= v(b)[i]!) && v(a).some((x, i) => x < v(b)[i]!);
        expect(dom, `${a.hash} dominates ${b.hash}`).toBe(false);
      }
    }
    // every evaluated candidate is dominated by or equal to some member
    const oz = report.baselines.Oz!;
    if ('invalid' in oz) throw new Error('-Oz invalid');
    for (const r of records) {
      if (r.state !== 'ok') continue;
      const p = [r.metrics.sizeBytes / oz.sizeBytes, r.metrics.brotliBytes / oz.brotliBytes];
      expect(front.some((f) => v(f).every((x, i) => x <= p[i]! + 1e-12)), r.hash).toBe(true);
    }
    expect(front.map((f) => f.hash)).toContain(report.best.hash);
    // sorted by the first metric
    expect([...front].sort((a, b) => a.ratios.size! - b.ratios.size!).map((f) => f.hash)).toEqual(front.map((f) => f.hash));
  });
});

describe('a wall-time budget', () => {
  let ev: Evaluator;
  afterAll(() => ev?.close());

  it('ends the search by itself when no evaluation budget is given', async () => {
    const kernel = await loadKernel('kernel://wasmtune-v0/bfs');
    ev = await Evaluator.create(kernel, { objective: 'size' });
    const { report } = await tune(kernel, { agent: random, agentOptions: random.defaults, objective: 'size', budget: { durationMs: 1500 }, seed: 1, measureRuntime: false }, ev);
    expect(report.evaluations).toBeGreaterThan(0);
    expect(report.budget).toEqual({ durationMs: 1500 });
  });
});
