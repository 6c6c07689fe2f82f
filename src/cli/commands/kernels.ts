import { defineCommand } from '../command.js';

export const kernels = defineCommand({
  summary: 'the built-in kernel suite: URI, size and what each computes',
  positionals: [],
  options: {},
  async run({ io }) {
    const { listSuite, loadKernel } = await import('../../kernels/index.js');
    for (const uri of listSuite()) {
      const k = await loadKernel(uri);
      io.stdout(`${uri.padEnd(34)} ${String(k.bytes.byteLength).padStart(6)} B  ${k.description}\n`);
    }
    return 0;
  },
});
