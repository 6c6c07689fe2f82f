import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { GradientVariance } from '../../learn/gradient-variance.js';
import { defineCommand } from '../command.js';
import { JSON_OUTPUT, QUIET, TRAINING } from '../options.js';

export const train = defineCommand({
  summary: 'train a recipe policy for --agent policy on generated kernels (never the suite)',
  usage: ['[options]'],
  positionals: [],
  options: {
    optimizer: { type: 'string', value: '<name>', default: 'adam', description: 'sgd | momentum | rmsprop | adam | adamw | natural | flow' },
    lr: { type: 'string', value: '<x>', default: '0.003', description: 'learning rate (natural: the KL bound; flow: the first step)' },
    batch: { type: 'string', value: '<N>', default: '8', description: 'episodes per update, all on one kernel' },
    ...TRAINING,
    out: { type: 'string', short: 'o', value: '<policy.json>', description: 'the policy file (default wasmtune-out/policy-<algo>-<optimizer>-s<seed>.json)' },
    'report-gradient-variance': { type: 'boolean', description: 'per update, the noise of the gradient under REINFORCE, with the baseline, and GAE(λ = 0, 0.5, 0.95)' },
    json: JSON_OUTPUT,
    quiet: QUIET,
  },
  async run({ values, argv, io }) {
    const { trainingFlags, checkOptimizer } = await import('../training.js');
    const { numberFlag, isWhole } = await import('../values.js');
    const common = trainingFlags(values);
    const { algo, objective, seed } = common;
    const optimizer = checkOptimizer(values.optimizer);
    const lr = numberFlag(values.lr, '--lr', 0, (n) => n > 0, 'a number > 0');
    const batch = numberFlag(values.batch, '--batch', 0, isWhole(1), 'a whole number ≥ 1');
    const out = resolve(values.out ?? join('wasmtune-out', `policy-${algo}-${optimizer}-s${seed}.json`));
    const { train: trainPolicy } = await import('../../learn/train.js');
    const { VARIANCE_ESTIMATORS } = await import('../../learn/gradient-variance.js');
    const result = await trainPolicy({
      ...common, optimizer, lr, batch, reportGradientVariance: values['report-gradient-variance'],
      onUpdate: (u) => {
        if (values.quiet || values.json) return;
        io.stderr(`update ${String(u.update + 1).padStart(4)}  episodes ${String(u.episodes).padStart(5)}  ${u.kernel.padEnd(9)} reward ${u.meanReward.toFixed(4).padStart(8)}  loss ${u.loss.toFixed(4).padStart(8)}  |g| ${u.gradNorm.toFixed(3)}  entropy ${u.entropy.toFixed(3)}  lr ${u.lr.toPrecision(3)}\n`);
        if (u.gradientVariance) io.stderr(`       gradient variance (batch of ${u.gradientVariance[0]!.episodes}): ${formatVariance(u.gradientVariance)}\n`);
      },
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ ...result.file, training: { ...(result.file.training as object), command: `wasmtune ${argv.join(' ')}` } }) + '\n');
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    const k = Math.max(1, Math.floor(result.curve.length / 5));
    const firstR = mean(result.curve.slice(0, k).map((e) => e.reward));
    const lastR = mean(result.curve.slice(-k).map((e) => e.reward));
    const invalid = result.curve.filter((e) => e.invalid).length;
    const variance = values['report-gradient-variance']
      ? Object.fromEntries(VARIANCE_ESTIMATORS.map((est) => [est, mean(result.updates.map((u) => u.gradientVariance?.find((v) => v.estimator === est)?.relative ?? NaN).filter(Number.isFinite))]))
      : undefined;
    const summary = {
      out, algo, optimizer, objective, episodes: result.curve.length, updates: result.updates.length, evaluations: result.evaluations, builds: result.builds,
      meanRewardFirst: firstR, meanRewardLast: lastR, invalid, walltimeMs: result.walltimeMs, ...(variance ? { meanRelativeGradientVariance: variance } : {}),
    };
    if (values.json) {
      io.stdout(JSON.stringify(summary, null, 2) + '\n');
      return 0;
    }
    io.stdout(`trained    ${algo} with ${optimizer}, ${result.curve.length} episodes in ${result.updates.length} updates on ${common.kernels} generated kernel(s), objective ${objective}\n`);
    io.stdout(`reward     mean of the first ${k} episodes ${firstR.toFixed(4)}, of the last ${k} ${lastR.toFixed(4)} (${objective === 'size' ? 'log of the size ratio to -Oz; > 0 is smaller than -Oz' : '-log of the runtime ratio to -O3'}); ${invalid} invalid\n`);
    if (variance) io.stdout(`variance   mean relative variance of the batch gradient (tr Cov / ‖g‖²) per estimator: ${Object.entries(variance).map(([e, v]) => `${e} ${v.toFixed(2)}`).join(', ')}\n`);
    io.stdout(`cost       ${result.evaluations} evaluations, ${result.builds} builds, ${(result.walltimeMs / 1000).toFixed(1)} s\n`);
    io.stdout(`wrote      ${out} (policy and training curve)\n`);
    return 0;
  },
});

function formatVariance(v: GradientVariance[]): string {
  return v.map((x) => `${x.estimator} ${x.batch.toExponential(2)} (rel ${x.relative.toFixed(2)})`).join('  ');
}
