// greedy: one-step extensions, sweep by sweep, until a sweep brings no improvement.
import { describe, expect, it } from 'vitest';
import { greedy } from '../../agents/greedy.js';
import { defaultSpace } from '../../src/search/space.js';
import { drive, syntheticSuite } from './common.js';
import { single } from '../../src/evaluate/objective.js';

syntheticSuite(greedy);

describe('greedy sweeps', () => {
  it('first proposes the empty recipe, then every one-step extension of it, then stops when nothing improves', () => {
    const space = defaultSpace({ maxLength: 3 });
    const { proposals, scores } = drive(greedy, 5, 100_000, { space });
    expect(JSON.parse(proposals[0]!).passes).toEqual([]);
    // The first sweep: every pass and pipeline appended, every other knob value.
    const firstSweep = proposals.slice(1).map((p) => JSON.parse(p) as { passes: string[] });
    for (const p of space.passes) expect(firstSweep.some((r) => r.passes.at(-1) === p)).toBe(true);
    // It ends by itself (maxLength 3 bounds the sweeps), and never proposes a recipe twice.
    expect(proposals.length).toBeLessThan(100_000);
    expect(new Set(proposals).size).toBe(proposals.length);
    expect(Math.min(...scores)).toBeLessThan(scores[0]!);
  });

  it('stops after maxSteps accepted steps', () => {
    const space = defaultSpace();
    const agent = greedy.create({ space, rng: () => 0.5, objective: single('size') }, { ...greedy.defaults, maxSteps: 1 });
    let n = 0;
    let score = 1000;
    for (let r = agent.propose(); r; r = agent.propose()) {
      n++;
      // Every extension improves: one sweep is accepted, and then it must stop.
      agent.observe({ state: 'ok', recipe: r, hash: String(n), metrics: {} as never, score: score--, cached: false, walltimeMs: 0 });
    }
    const sweep = space.passes.length + space.pipelines.length;
    expect(n).toBeGreaterThan(sweep);
    expect(n).toBeLessThan(2 * sweep);
  });
});
