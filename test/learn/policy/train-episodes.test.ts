/**
 * Training's episodes: each runs in the kernel's environment, which builds the module once, at the end,
 * so an episode costs one evaluation; its reward is the log ratio to -Oz less the step cost; and the
 * same seed trains the same policy.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { train, validatePolicy, type TrainOptions } from '../../../src/learn/train.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-train-episodes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('training episodes', () => {
  const options: TrainOptions = { episodes: 6, batch: 3, kernels: 1, seed: 4, objective: 'size', hidden: [8], maxSteps: 3, gen: { scale: 'tiny' }, genDir: join(dir, 'gen') };

  it('cost one evaluation each, earn the log ratio to -Oz less the step cost, and repeat under a seed', async () => {
    const a = await train(options);
    expect(a.evaluations).toBe(6);
    // -Oz and the unoptimised module once for the kernel, then at most one build per episode.
    expect(a.builds).toBeLessThanOrEqual(6 + 2);
    expect(a.curve).toHaveLength(6);
    for (const e of a.curve) {
      expect(e.steps.length).toBeLessThanOrEqual(3);
      if (e.ratio !== undefined) expect(e.reward).toBeCloseTo(-Math.log(e.ratio) - 0.002 * e.steps.length, 12);
    }
    const b = await train(options);
    expect(b.file.params).toEqual(a.file.params);
    expect(b.curve).toEqual(a.curve);

    const v = await validatePolicy(a.policy, 'size', { kernels: 1, gen: options.gen!, genDir: options.genDir! });
    expect(v.rows.map((r) => r.kernel)).toEqual(['val-0']);
    expect(v.rows[0]!.steps.length).toBeLessThanOrEqual(3);
    expect(v.geomean).toBeGreaterThan(0);
  });
});
