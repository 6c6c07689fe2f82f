// ga (OX1 by default), ga-pmx: generations of crossover + mutation with tournament selection and elitism.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { ga, gaPmx } from '../../agents/ga.js';
import { defaultSpace } from '../../src/search/space.js';
import { drive, syntheticRecord, syntheticSuite } from './common.js';
import { single } from '../../src/evaluate/objective.js';

syntheticSuite(ga);
syntheticSuite(gaPmx);

describe('ga', () => {
  it('uses OX1 by default; PMX is a different search', () => {
    const pmx = ga.create({ space: defaultSpace(), rng: seedrandom('t:7'), objective: single('size') }, { ...ga.defaults, crossover: 'pmx' });
    expect(drive(ga, 7, 120).proposals).not.toEqual(drive(gaPmx, 7, 120).proposals);
    // ga with crossover=pmx is ga-pmx.
    const viaOption: string[] = [];
    for (let i = 0; i < 120; i++) {
      const r = pmx.propose()!;
      viaOption.push(JSON.stringify(r));
      pmx.observe(syntheticRecord(r));
    }
    expect(viaOption).toEqual(drive(gaPmx, 7, 120).proposals);
  });

  it('proposes whole generations, and keeps elites without re-proposing them', () => {
    const space = defaultSpace();
    const agent = ga.create({ space, rng: seedrandom('gen'), objective: single('size') }, { ...ga.defaults, population: 8, elite: 2 });
    const seen: string[] = [];
    for (let i = 0; i < 8 + 6 * 5; i++) {
      const r = agent.propose()!;
      seen.push(JSON.stringify(r));
      agent.observe(syntheticRecord(r));
    }
    // Children are new recipes (re-mutated when a duplicate comes up), so almost none repeat.
    expect(new Set(seen).size).toBeGreaterThan(seen.length - 3);
  });

  it('rejects an unknown crossover', () => {
    expect(() => ga.create({ space: defaultSpace(), rng: seedrandom('x'), objective: single('size') }, { ...ga.defaults, crossover: 'cx' })).toThrow(/crossover/);
  });

  it('makes progress over generations on the synthetic objective', () => {
    const { scores } = drive(gaPmx, 11, 16 * 8);
    const gen0 = Math.min(...scores.slice(0, 16));
    expect(Math.min(...scores.slice(16))).toBeLessThan(gen0);
  });
});
