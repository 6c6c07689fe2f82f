import { defineCommand } from '../command.js';
import { HARNESS, JSON_OUTPUT, KERNEL_ARGUMENT } from '../options.js';

export const features = defineCommand({
  summary: 'the module features a learned policy observes',
  positionals: [KERNEL_ARGUMENT],
  options: { harness: HARNESS, json: JSON_OUTPUT },
  async run({ values, positionals, io }) {
    const { loadKernel } = await import('../../kernels/index.js');
    const { FEATURE_NAMES, featureVector, moduleFeatures } = await import('../../learn/features/features.js');
    const kernel = await loadKernel(positionals[0]!, values.harness);
    const f = moduleFeatures(kernel.bytes);
    const vector = featureVector(f);
    const named = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, vector[i]!]));
    const { counts, ...rest } = f;
    if (values.json) {
      io.stdout(JSON.stringify({ kernel: kernel.uri, features: { ...rest, ...counts }, vector: named }, null, 2) + '\n');
      return 0;
    }
    io.stdout(`${kernel.uri}\n\n`);
    const row = (k: string, v: number) => io.stdout(`${k.padEnd(26)} ${String(Number.isInteger(v) ? v : v.toFixed(2)).padStart(9)}\n`);
    for (const [k, v] of Object.entries(rest)) row(k, v);
    io.stdout(`\ninstruction classes (count, share of ${f.instructions} instructions)\n`);
    for (const [k, v] of Object.entries(counts)) io.stdout(`${k.padEnd(26)} ${String(v).padStart(9)}  ${(v / Math.max(1, f.instructions)).toFixed(4)}\n`);
    io.stdout('\nnormalised vector (what a policy observes, before the applied steps and knobs)\n');
    for (const [k, v] of Object.entries(named)) io.stdout(`${k.padEnd(26)} ${v.toFixed(4).padStart(9)}\n`);
    return 0;
  },
});
