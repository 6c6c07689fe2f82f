// anneal and hill: one mutation at a time from the current point; hill never accepts a worse one.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { anneal, hill } from '../../agents/anneal.js';
import { toGenes } from '../../agents/mutate.js';
import type { AgentInfo } from '../../src/search/agent.js';
import type { EvalRecord } from '../../src/types.js';
import { KNOB_SPACE, type KnobName, type Recipe } from '../../src/recipe/recipe.js';
import { defaultSpace } from '../../src/search/space.js';
import { syntheticSuite } from './common.js';
import { single } from '../../src/evaluate/objective.js';

syntheticSuite(anneal);
syntheticSuite(hill);

/** b is one mutation away from a: one knob changed, or one gene inserted, deleted, replaced, or two swapped. */
function isNeighbour(a: Recipe, b: Recipe): boolean {
  const knobDiff = (Object.keys(KNOB_SPACE) as KnobName[]).filter((k) => a.knobs[k] !== b.knobs[k]).length;
  const ga = toGenes(a.passes).map((g) => g.join(' '));
  const gb = toGenes(b.passes).map((g) => g.join(' '));
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  if (knobDiff) return knobDiff === 1 && same(ga, gb);
  const dropOne = (long: string[], short: string[]) => long.some((_, i) => same([...long.slice(0, i), ...long.slice(i + 1)], short));
  if (gb.length === ga.length + 1) return dropOne(gb, ga);
  if (ga.length === gb.length + 1) return dropOne(ga, gb);
  if (ga.length !== gb.length) return false;
  const diff = ga.map((_, i) => i).filter((i) => ga[i] !== gb[i]);
  return diff.length === 1 || (diff.length === 2 && ga[diff[0]!] === gb[diff[1]!] && ga[diff[1]!] === gb[diff[0]!]);
}

const ok = (recipe: Recipe, score: number): EvalRecord => ({ state: 'ok', recipe, hash: 'h', metrics: {} as never, score, cached: false, walltimeMs: 0 });
const invalid = (recipe: Recipe): EvalRecord => ({ state: 'invalid', recipe, reason: 'trap', detail: 'synthetic', cached: false, walltimeMs: 0 });

function agentOf(info: AgentInfo, options: Record<string, number>, seed: string) {
  return info.create({ space: defaultSpace(), rng: seedrandom(seed), objective: single('size') }, { ...info.defaults, ...options });
}

describe('shared results', () => {
  it('moves to a better point another technique found, and ignores a worse one', () => {
    const agent = agentOf(hill, { restart: 0 }, 'share');
    const first = agent.propose()!;
    agent.observe(ok(first, 100));
    const better: Recipe = { knobs: { ...first.knobs, shrinkLevel: first.knobs.shrinkLevel === 2 ? 0 : 2 }, passes: ['vacuum', 'dce', '-Oz', 'merge-blocks'] };
    agent.share!(ok(better, 50));
    for (let i = 0; i < 20; i++) {
      const r = agent.propose()!;
      expect(isNeighbour(better, r), JSON.stringify(r)).toBe(true);
      agent.observe(ok(r, 60)); // worse: hill stays at the shared point
    }
    agent.share!(ok(first, 70)); // worse than the current 50: ignored
    expect(isNeighbour(better, agent.propose()!)).toBe(true);
  });
});

describe('acceptance', () => {
  it('hill climbing never leaves a better point: all later proposals neighbour the first when they are worse', () => {
    const agent = agentOf(hill, { restart: 0 }, 'hill');
    const first = agent.propose()!;
    agent.observe(ok(first, 100));
    for (let i = 0; i < 40; i++) {
      const r = agent.propose()!;
      expect(isNeighbour(first, r)).toBe(true);
      agent.observe(i % 3 ? ok(r, 100 + 1 + i) : invalid(r));
    }
  });

  it('hill climbing moves to a better point', () => {
    const agent = agentOf(hill, { restart: 0 }, 'hill2');
    let cur = agent.propose()!;
    agent.observe(ok(cur, 100));
    for (let i = 0; i < 20; i++) {
      const r = agent.propose()!;
      expect(isNeighbour(cur, r)).toBe(true);
      agent.observe(ok(r, 99 - i));
      cur = r;
    }
  });

  it('annealing at a high temperature accepts worse points, never invalid ones', () => {
    const agent = agentOf(anneal, { t0: 1e6, alpha: 1, restart: 0 }, 'hot');
    let cur = agent.propose()!;
    agent.observe(ok(cur, 100));
    for (let i = 0; i < 40; i++) {
      const r = agent.propose()!;
      expect(isNeighbour(cur, r)).toBe(true);
      if (i % 2) agent.observe(invalid(r));
      else {
        agent.observe(ok(r, 101 + i)); // worse, accepted at this temperature
        cur = r;
      }
    }
  });

  it('restarts from a fresh recipe after `restart` evaluations without a new best', () => {
    const agent = agentOf(hill, { restart: 5 }, 'restart');
    const first = agent.propose()!;
    agent.observe(ok(first, 100));
    const later: Recipe[] = [];
    for (let i = 0; i < 6; i++) {
      const r = agent.propose()!;
      later.push(r);
      agent.observe(ok(r, 200));
    }
    expect(later.slice(0, 5).every((r) => isNeighbour(first, r))).toBe(true);
    expect(isNeighbour(first, later[5]!)).toBe(false);
  });
});
