/**
 * End to end: a short `wasmtune train` on generated kernels writes a policy file with its curve, and
 * `tune --agent policy` loads it and proposes deterministically: its first proposal is the policy's
 * greedy recipe for the kernel. Also the CLI's errors for bad training flags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cli } from '../../helpers.js';
import { Policy, actionsOf, rollout } from '../../../src/learn/policy.js';
import { getAgent, parseAgentOptions } from '../../../agents/registry.js';
import { Evaluator } from '../../../src/evaluate/evaluator.js';
import { loadKernel, projectRoot, type Kernel } from '../../../src/kernels/index.js';
import { tune } from '../../../src/search/tune.js';
import { featureVector, moduleFeatures } from '../../../src/learn/features/features.js';
import { defaultSpace } from '../../../src/search/space.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-train-'));
const policyPath = join(dir, 'policy.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wasmtune train → tune --agent policy', () => {
  let trainOut: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    trainOut = await cli('train', '--algo', 'ppo', '--optimizer', 'adam', '--lr', '0.01', '--schedule', 'cosine', '--episodes', '12', '--batch', '6',
      '--kernels', '2', '--hidden', '16', '--max-steps', '4', '--seed', '3', '--gen-dir', join(dir, 'gen'), '--out', policyPath);
  });

  it('writes a policy and its training curve', () => {
    expect(trainOut.code, trainOut.stderr).toBe(0);
    expect(trainOut.stdout).toMatch(/12 episodes in 2 updates on 2 generated kernel/);
    expect(trainOut.stderr).toMatch(/update\s+2\s+episodes\s+12/);
    const file = JSON.parse(readFileSync(policyPath, 'utf8'));
    expect(file.format).toBe('wasmtune-policy-v1');
    expect(file.actions).toEqual(actionsOf(defaultSpace()));
    expect(file.training.kernels).toEqual(['train-0', 'train-1']);
    expect(file.training.curve).toHaveLength(12);
    for (const e of file.training.curve) expect(Number.isFinite(e.reward)).toBe(true);
    expect(file.training.updates).toHaveLength(2);
    for (const u of file.training.updates) {
      expect(Number.isFinite(u.loss) && u.gradNorm > 0 && Number.isFinite(u.meanReward)).toBe(true);
    }
    expect(file.training.command).toMatch(/^wasmtune train --algo ppo/);
    expect(Policy.load(policyPath).params.length).toBe(file.params.length);
  });

  describe('tune --agent policy', () => {
    let kernel: Kernel;
    let ev: Evaluator;
    beforeAll(async () => {
      kernel = await loadKernel('kernel://wasmtune-v0/crc32');
      ev = await Evaluator.create(kernel, { objective: 'size' });
    });
    afterAll(() => ev?.close());
    const run = (seed: number) => {
      const agent = getAgent('policy');
      return tune(kernel, { agent, agentOptions: parseAgentOptions(agent, `policy=${policyPath}`), objective: 'size', budget: { evaluations: 5 }, measureRuntime: false, seed }, ev);
    };

    it('first proposes the greedy recipe of the loaded policy, then samples; same seed, same proposals', async () => {
      const a = await run(1);
      const b = await run(1);
      const c = await run(2);
      const seq = (r: typeof a) => r.records.map((x) => JSON.stringify(x.recipe));
      expect(seq(b)).toEqual(seq(a));
      expect(seq(c)).not.toEqual(seq(a));
      expect(a.records).toHaveLength(5);
      const policy = Policy.load(policyPath);
      const greedy = rollout(policy, featureVector(moduleFeatures(kernel.bytes)), { rng: 'greedy' });
      expect(a.records[0]!.recipe).toEqual(greedy.recipe);
      expect(c.records[0]!.recipe).toEqual(greedy.recipe);
      expect(new Set(seq(a)).size).toBe(5);
    });
  });

  it('through the CLI, with the policy from the agent options', async () => {
    const r = await cli('tune', 'crc32', '--agent', 'policy', '--agent-options', `policy=${policyPath}`, '--objective', 'size', '--budget', '3', '--no-runtime', '--json', '--out', join(dir, 'tune'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.agent).toBe('policy');
    expect(report.agentOptions.policy).toBe(policyPath);
    expect(report.evaluations).toBe(3);
    expect(existsSync(join(dir, 'tune', 'best.wasm'))).toBe(true);
  });
});

describe('CLI errors', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--algo', 'a2c'], /--algo must be ppo or reinforce/],
    [['--optimizer', 'adamx'], /Unknown optimizer 'adamx'. Did you mean 'adam'/],
    [['--lr=-1'], /--lr must be a number > 0/],
    [['--lr', 'fast'], /--lr must be a number > 0/],
    [['--episodes', '0'], /--episodes must be a whole number/],
    [['--batch', '2.5'], /--batch must be a whole number/],
    [['--schedule', 'cosin'], /Unknown schedule 'cosin'. Did you mean 'cosine'/],
    [['--clip=-0.1'], /--clip must be a number ≥ 0/],
    [['--objective', 'gzip'], /--objective for training is size or runtime/],
    [['--hidden', '16,x'], /--hidden must be comma-separated whole numbers/],
    [['--kernels', 'suite'], /--kernels must be a whole number/],
    [['--warmup=-2'], /--warmup must be a whole number ≥ 0/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--epochz', '3'], /Unknown option '--epochz'/],
  ];
  for (const [flags, message] of cases) {
    it(`train ${flags.join(' ')}`, async () => {
      const r = await cli('train', ...flags);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^wasmtune: error E_USAGE: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('tune --agent policy with a missing policy file, or an unknown agent option', async () => {
    const missing = await cli('tune', 'crc32', '--agent', 'policy', '--agent-options', `policy=${join(dir, 'nope.json')}`, '--objective', 'size', '--budget', '2', '--no-runtime', '--out', join(dir, 'x'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/E_IO: Policy file not found/);
    const bad = await cli('tune', 'crc32', '--agent', 'policy', '--agent-options', 'polcy=x.json', '--budget', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/has no option 'polcy'/);
  });
});

describe('--policy and the committed policies', () => {
  it('--policy is only for the learned agents, and a missing file fails before any work', async () => {
    const wrong = await cli('tune', 'crc32', '--agent', 'random', '--policy', 'x.json', '--budget', '2');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--policy is for the learned agents \(policy, policy-search\)/);
    const missing = await cli('tune', 'crc32', '--agent', 'policy-search', '--policy', join(dir, 'nope.json'), '--objective', 'size', '--budget', '2', '--no-runtime', '--out', join(dir, 'y'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/E_IO: Policy file not found/);
    expect(existsSync(join(dir, 'y'))).toBe(false);
  });

  it('a committed policy exists for each objective, loads, and fits the current catalog and features', () => {
    for (const objective of ['size', 'runtime']) {
      const path = join(projectRoot(), 'agents', 'policies', `${objective}.json`);
      const p = Policy.load(path);
      const catalog = new Set(actionsOf(defaultSpace({ fastMath: true })));
      const known = p.actions.filter((a) => catalog.has(a)).length;
      // Actions the catalog has since dropped are masked; most must still exist.
      expect(known / p.actions.length).toBeGreaterThan(0.9);
      expect(JSON.parse(readFileSync(path, 'utf8')).training.split).toMatch(/held-out/);
    }
  });
});
