import { defineCommand } from '../command.js';
import { HARNESS, JSON_OUTPUT, KERNEL_ARGUMENT } from '../options.js';

export const baselines = defineCommand({
  summary: 'the levels -O0 … -Oz on a module: sizes, and runtime as a ratio to -O3',
  positionals: [KERNEL_ARGUMENT],
  options: { harness: HARNESS, json: JSON_OUTPUT },
  async run({ values, positionals, io }) {
    const { loadKernel } = await import('../../kernels/index.js');
    const { measureBaselines } = await import('../../evaluate/baselines.js');
    const { baselinesTable } = await import('../format.js');
    const kernel = await loadKernel(positionals[0]!, values.harness);
    if (!kernel.harness) io.stderr('WARNING: no harness given: outputs are not verified and runtime is not measured.\n');
    const rows = await measureBaselines(kernel);
    if (values.json) io.stdout(JSON.stringify(rows, null, 2) + '\n');
    else io.stdout(`${kernel.uri}\n\n${baselinesTable({ baselines: rows.baselines })}\n`);
    return 0;
  },
});
