// The environment: reset → observation, step → reward normalised to -Oz, fork keeps its own state,
// and a state replays to the same module.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmEnv } from '../src/env/index.js';

describe('environment API', () => {
  let env: WasmEnv;
  beforeAll(async () => {
    env = await WasmEnv.create('kernel://wasmtune-v0/raytrace', 'size');
  });
  afterAll(() => env.close());

  it('steps, rewards against -Oz, forks and replays', async () => {
    const obs = await env.reset();
    expect(obs.state.kernel).toBe('kernel://wasmtune-v0/raytrace');
    expect(obs.state.recipe.passes).toEqual([]);
    const s1 = await env.step({ kind: 'pass', name: 'inlining-optimizing' });
    expect(s1.info.reward.baseline).toBe('Oz');
    expect(s1.info.reward.deterministic).toBe(true);
    expect(s1.reward).toBeCloseTo((obs.score - s1.observation.score) / (await oz(env)), 10);

    const fork = env.fork();
    await fork.step({ kind: 'knob', name: 'shrinkLevel', value: 2 });
    await fork.step({ kind: 'pass', name: '-Oz' });
    expect(fork.state.recipe.passes).toEqual(['inlining-optimizing', '-Oz']);
    expect(env.state.recipe.passes).toEqual(['inlining-optimizing']);

    // Replay the fork's state from scratch: same score.
    const replay = await env.reset(fork.state.recipe);
    expect(replay.score).toBe((await fork.step({ kind: 'stop' })).observation.score);

    const stop = await env.step({ kind: 'stop' });
    expect(stop.done).toBe(true);
  });
});

async function oz(env: WasmEnv): Promise<number> {
  const r = await env.evaluator.evaluate({ knobs: { ...env.state.recipe.knobs, optimizeLevel: 2, shrinkLevel: 2, alwaysInlineMaxSize: 2, flexibleInlineMaxSize: 20, oneCallerInlineMaxSize: -1, inlineFunctionsWithLoops: false, fastMath: false, trapsNeverHappen: false, lowMemoryUnused: false }, passes: ['-Oz'] });
  if (r.state !== 'ok') throw new Error('Oz invalid');
  return r.score;
}
