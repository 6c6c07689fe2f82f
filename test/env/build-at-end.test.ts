// The environment building once, when the episode ends (how training runs its episodes): steps build
// nothing, the one reward is the log ratio to -Oz at the end (an invalid recipe's is below doing
// nothing), `maxSteps` ends the episode, and bad options are user errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WasmEnv } from '../../src/env/index.js';
import { loadKernel, type Kernel } from '../../src/kernels/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-env-'));
// A float sum compared bit for bit (no tolerance): reassociating it under fast-math changes the result.
writeFileSync(join(dir, 'sum.wat'), `(module (memory (export "memory") 1)
  (func $load (param $q i32) (param $i i32) (result f64) (f64.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))))
  (func (export "sum") (param $q i32) (param $n i32) (result f64)
    (local $i i32) (local $s f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (f64.add (local.get $s) (call $load (local.get $q) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s)))`);
writeFileSync(join(dir, 'h.json'), JSON.stringify({ format: 'wasmtune-harness-v1', export: 'sum', args: [0, 256], inputs: [{ at: 0, type: 'f64', count: 256, min: -1000, max: 1000 }] }));

describe('environment API, building at the end of the episode', () => {
  let kernel: Kernel;
  let env: WasmEnv;
  beforeAll(async () => {
    kernel = await loadKernel(join(dir, 'sum.wat'), join(dir, 'h.json'));
    env = await WasmEnv.create(kernel, 'size', { build: 'end', maxSteps: 3 });
  });
  afterAll(() => {
    env.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds nothing until the end; then once, with the log ratio to -Oz as the reward', async () => {
    const start = await env.reset();
    const builds = env.evaluator.builds;
    const s1 = await env.step({ kind: 'pass', name: 'inlining-optimizing' });
    expect(s1).toMatchObject({ reward: 0, done: false, info: { reward: { kind: 'log-ratio', value: 0, baseline: 'Oz', deterministic: true } } });
    expect(s1.info.record).toBeUndefined();
    expect(s1.observation.measured).toBe(false);
    expect(s1.observation.score).toBe(start.score);
    expect(s1.observation.state.steps).toEqual(['inlining-optimizing']);

    const fork = env.fork();
    await fork.step({ kind: 'pass', name: 'vacuum' });
    expect(env.evaluator.builds).toBe(builds);

    const end = await env.step({ kind: 'stop' });
    expect(env.evaluator.builds).toBe(builds + 1);
    expect(end.done).toBe(true);
    expect(end.info.record?.state).toBe('ok');
    expect(end.observation.measured).toBe(true);
    expect(end.observation.state.recipe.passes).toEqual(['inlining-optimizing']);
    expect(end.reward).toBe(Math.log(env.baseline.score / end.observation.score));
    expect(end.info.reward.value).toBe(end.reward);
    await expect(env.step({ kind: 'stop' })).rejects.toThrow(/episode is over/);

    // The fork went on from the same state, and its episode is its own.
    expect(fork.state.steps).toEqual(['inlining-optimizing', 'vacuum']);
    expect((await fork.step({ kind: 'stop' })).observation.state.recipe.passes).toEqual(['inlining-optimizing', 'vacuum']);
  });

  it('ends the episode after maxSteps steps', async () => {
    await env.reset();
    expect((await env.step({ kind: 'pass', name: 'vacuum' })).done).toBe(false);
    expect((await env.step({ kind: 'pass', name: 'precompute' })).done).toBe(false);
    const third = await env.step({ kind: 'pass', name: '-Oz' });
    expect(third.done).toBe(true);
    expect(third.info.record?.state).toBe('ok');
    expect(third.observation.state.steps).toEqual(['vacuum', 'precompute', '-Oz']);
  });

  it('an invalid recipe earns less than doing nothing', async () => {
    const start = await env.reset();
    const nothing = Math.log(env.baseline.score / start.score);
    await env.step({ kind: 'knob', name: 'fastMath', value: true });
    await env.step({ kind: 'pass', name: 'inlining-optimizing' });
    const end = await env.step({ kind: 'pass', name: 'wt-vectorize-fast:2' }); // the third step ends the episode
    expect(end.done).toBe(true);
    expect(end.info.rejected).toMatch(/^wrong-output: /);
    expect(end.reward).toBe(Math.min(nothing, 0) - 0.5);
    expect(end.observation.measured).toBe(false);
    expect(end.observation.score).toBe(start.score);
  });

  it('rejects bad options before loading anything', async () => {
    await expect(WasmEnv.create(kernel, 'size', { build: 'never' as 'end' })).rejects.toMatchObject({ code: 'E_USAGE', message: /build is 'step' or 'end'/ });
    await expect(WasmEnv.create(kernel, 'size', { maxSteps: 0 })).rejects.toMatchObject({ code: 'E_USAGE', message: /maxSteps must be a whole number ≥ 1/ });
    await expect(WasmEnv.create(kernel, 'speed' as 'size')).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
