// bandit: OpenTuner's AUC bandit over random, anneal and ga, each observation routed to its proposer.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { AucBandit, bandit, createBandit } from '../../agents/bandit.js';
import type { Agent } from '../../src/search/agent.js';
import { DEFAULT_KNOBS, type Recipe } from '../../src/recipe/recipe.js';
import { defaultSpace } from '../../src/search/space.js';
import { syntheticRecord, syntheticSuite } from './common.js';
import { single } from '../../src/evaluate/objective.js';

syntheticSuite(bandit, 300, false);

describe('AUC bandit', () => {
  it('credits recent new bests most (area under the curve) and explores untried arms first', () => {
    const q = new AucBandit(3, 0.05, 10);
    expect(q.score(0)).toBe(Infinity);
    q.record(0, true);
    q.record(0, false);
    q.record(1, false);
    q.record(1, true);
    // Arm 0: new best at position 1 of 2 → 1/3; arm 1: at position 2 of 2 → 2/3.
    expect(q.exploitation(0)).toBeCloseTo(1 / 3);
    expect(q.exploitation(1)).toBeCloseTo(2 / 3);
    expect(q.exploration(0)).toBeCloseTo(Math.sqrt((2 * Math.log(4)) / 2));
    expect(q.ordered(seedrandom('o'), [0, 1, 2])).toEqual([2, 1, 0]);
  });

  it('forgets results beyond the window', () => {
    const q = new AucBandit(2, 0.05, 3);
    q.record(0, true);
    for (let i = 0; i < 3; i++) q.record(1, false);
    expect(q.count(0)).toBe(0);
    expect(q.count(1)).toBe(3);
    expect(q.exploitation(0)).toBe(0);
  });

  it('routes each observation to the technique that proposed it and ends when all techniques end', () => {
    // greedy ends by itself in a tiny space; with greedy alone the bandit ends with it.
    const space = defaultSpace({ maxLength: 1 });
    const agent = bandit.create({ space, rng: seedrandom('route'), objective: single('size') }, { ...bandit.defaults, techniques: 'greedy' });
    let n = 0;
    for (let r = agent.propose(); r && n < 10_000; r = agent.propose()) {
      n++;
      agent.observe(syntheticRecord(r));
    }
    expect(n).toBeGreaterThan(space.passes.length);
    expect(n).toBeLessThan(10_000);
  });

  it('routes each observation to its proposer, shares it with the others, and gives the technique that finds new bests most proposals', () => {
    // Two fake techniques: 'good' finds a new best with every proposal, 'bad' never does.
    const make = (name: string) => {
      let i = 0;
      const proposed: string[] = [];
      const observed: string[] = [];
      const shared: string[] = [];
      const agent: Agent = {
        propose() {
          const r = { knobs: { ...DEFAULT_KNOBS }, passes: [name === 'good' ? 'vacuum' : 'dce'], n: i++ } as Recipe;
          proposed.push(JSON.stringify(r));
          return r;
        },
        observe(rec) {
          observed.push(JSON.stringify(rec.recipe));
        },
        share(rec) {
          shared.push(JSON.stringify(rec.recipe));
        },
      };
      return { agent, proposed, observed, shared };
    };
    const good = make('good');
    const bad = make('bad');
    const meta = createBandit(seedrandom('credit'), [bad.agent, good.agent], 0.05, 500);
    let score = 1000;
    for (let i = 0; i < 200; i++) {
      const r = meta.propose()!;
      const fromGood = r.passes[0] === 'vacuum';
      meta.observe({ state: 'ok', recipe: r, hash: String(i), metrics: {} as never, score: fromGood ? --score : 5000, cached: false, walltimeMs: 0 });
    }
    expect(good.observed).toEqual(good.proposed);
    expect(bad.observed).toEqual(bad.proposed);
    // and every record is shared with the technique that did not propose it
    expect(good.shared).toEqual(bad.proposed);
    expect(bad.shared).toEqual(good.proposed);
    expect(good.proposed.length + bad.proposed.length).toBe(200);
    expect(good.proposed.length).toBeGreaterThan(150);
    expect(bad.proposed.length).toBeGreaterThan(0);
  });

  it('rejects an unknown sub-technique', () => {
    expect(() => bandit.create({ space: defaultSpace(), rng: seedrandom('x'), objective: single('size') }, { ...bandit.defaults, techniques: 'random+nope' })).toThrow(/nope/);
  });
});
