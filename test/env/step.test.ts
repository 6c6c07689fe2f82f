// The environment building at every step: reset → observation, step → reward normalised to -Oz, fork
// keeps its own state, and a state replays to the same module.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmEnv } from '../../src/env/index.js';
import { levelRecipe } from '../../src/recipe/recipe.js';

describe('environment API, building at every step', () => {
  let env: WasmEnv;
  beforeAll(async () => {
    env = await WasmEnv.create('kernel://wasmtune-v0/raytrace', 'size');
  });
  afterAll(() => env.close());

  it('steps, rewards against -Oz, forks and replays', async () => {
    const obs = await env.reset();
    expect(obs.state.kernel).toBe('kernel://wasmtune-v0/raytrace');
    expect(obs.state.recipe.passes).toEqual([]);
    expect(obs.state.steps).toEqual([]);
    expect(obs.measured).toBe(true);
    const s1 = await env.step({ kind: 'pass', name: 'inlining-optimizing' });
    expect(s1.info.reward).toMatchObject({ kind: 'improvement', baseline: 'Oz', deterministic: true });
    const oz = await env.evaluator.evaluate(levelRecipe('Oz'));
    if (oz.state !== 'ok') throw new Error('-Oz is invalid');
    expect(env.baseline).toEqual({ pipeline: 'Oz', score: oz.score });
    expect(s1.reward).toBeCloseTo((obs.score - s1.observation.score) / oz.score, 10);
    expect(s1.observation.measured).toBe(true);

    const fork = env.fork();
    await fork.step({ kind: 'knob', name: 'shrinkLevel', value: 2 });
    await fork.step({ kind: 'pass', name: '-Oz' });
    expect(fork.state.recipe.passes).toEqual(['inlining-optimizing', '-Oz']);
    expect(fork.state.steps).toEqual(['inlining-optimizing', 'shrinkLevel=2', '-Oz']);
    expect(env.state.recipe.passes).toEqual(['inlining-optimizing']);

    // Replay the fork's state from scratch: same score.
    const replay = await env.reset(fork.state.recipe);
    expect(replay.score).toBe((await fork.step({ kind: 'stop' })).observation.score);

    const stop = await env.step({ kind: 'stop' });
    expect(stop.done).toBe(true);
    await expect(env.step({ kind: 'pass', name: 'vacuum' })).rejects.toThrow(/episode is over/);
  });
});
