import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand } from '../command.js';
import { JSON_OUTPUT, QUIET, TRAINING } from '../options.js';

export const select = defineCommand({
  summary: 'model selection: train a grid of settings, keep the best on validation kernels',
  usage: ['[options]'],
  positionals: [],
  options: {
    lr: { type: 'string', value: '<a,b,…>', default: '0.001,0.003,0.01', description: 'learning rates of the grid' },
    batch: { type: 'string', value: '<a,b,…>', default: '8', description: 'batch sizes of the grid' },
    optimizer: { type: 'string', value: '<a,b,…>', default: 'adam,adamw,momentum', description: 'optimizers of the grid' },
    ...TRAINING,
    samples: { type: 'string', value: '<N>', description: 'train N settings drawn from the grid with the seed (default: all)' },
    'val-kernels': { type: 'string', value: '<N>', default: '8', description: 'validation kernels val-0 … val-N-1' },
    out: { type: 'string', short: 'o', value: '<dir>', description: 'where policy.json (the best) and selection.json go (default wasmtune-out/select-<objective>-s<seed>)' },
    json: JSON_OUTPUT,
    quiet: QUIET,
  },
  notes: ['Each setting of the grid (or --samples of it) is trained with the training options, then scored zero-shot on the generated validation kernels val-*, never on the suite.'],
  async run({ values, argv, io }) {
    const { trainingFlags, checkOptimizer } = await import('../training.js');
    const { numberFlag, isWhole } = await import('../values.js');
    const common = trainingFlags(values);
    const list = (text: string, flag: string, check: (n: number) => boolean, what: string) =>
      text.split(',').filter(Boolean).map((t) => numberFlag(t, flag, 0, check, what));
    const grid = {
      lr: list(values.lr, '--lr', (n) => n > 0, 'comma-separated numbers > 0'),
      batch: list(values.batch, '--batch', isWhole(1), 'comma-separated whole numbers ≥ 1'),
      optimizer: values.optimizer.split(',').filter(Boolean).map(checkOptimizer),
    };
    const samples = values.samples === undefined ? undefined : numberFlag(values.samples, '--samples', 0, isWhole(1), 'a whole number ≥ 1');
    const valKernels = numberFlag(values['val-kernels'], '--val-kernels', 0, isWhole(1), 'a whole number ≥ 1');
    const out = resolve(values.out ?? join('wasmtune-out', `select-${common.objective}-s${common.seed}`));
    const metric = common.objective === 'size' ? '× -Oz' : '× -O3';
    const { selectModel } = await import('../../learn/model-selection.js');
    const result = await selectModel({
      grid, ...(samples ? { samples } : {}), valKernels, train: common,
      onSetting: (r, i, n) => {
        if (!values.quiet && !values.json) io.stderr(`setting ${i + 1}/${n}  ${r.optimizer.padEnd(8)} lr ${String(r.lr).padEnd(7)} batch ${String(r.batch).padEnd(3)} validation ${r.validation.toFixed(4)} ${metric}  final reward ${r.finalReward.toFixed(4)}  ${(r.walltimeMs / 1000).toFixed(0)} s\n`);
      },
    });
    const command = `wasmtune ${argv.join(' ')}`;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'policy.json'), JSON.stringify({ ...result.bestPolicy, training: { ...(result.bestPolicy.training as object), command, selectedBy: 'zero-shot geometric mean on val-* kernels' } }) + '\n');
    writeFileSync(join(out, 'selection.json'), JSON.stringify({ command, grid, samples, valKernels, rows: result.rows, best: result.best, bestValidation: result.bestValidation }, null, 2) + '\n');
    if (values.json) {
      io.stdout(JSON.stringify({ out, rows: result.rows, best: result.best }, null, 2) + '\n');
      return 0;
    }
    io.stdout(`| optimizer | lr | batch | validation (${metric}, val-0…${valKernels - 1}) | final train reward |\n|---|---|---|---|---|\n`);
    for (const r of [...result.rows].sort((a, b) => a.validation - b.validation)) io.stdout(`| ${r.optimizer} | ${r.lr} | ${r.batch} | ${r.validation.toFixed(4)}${r.validationInvalid ? ` (${r.validationInvalid} invalid)` : ''} | ${r.finalReward.toFixed(4)} |\n`);
    io.stdout(`best       ${result.best.optimizer}, lr ${result.best.lr}, batch ${result.best.batch}: ${result.best.validation.toFixed(4)} ${metric} on the validation kernels\n`);
    io.stdout(`wrote      ${join(out, 'policy.json')} and ${join(out, 'selection.json')}\n`);
    return 0;
  },
});
