import { defineCommand } from '../command.js';
import { HARNESS, KERNEL_ARGUMENT } from '../options.js';
import { build } from './replay.js';

export const apply = defineCommand({
  summary: 'build any recipe into a module, passes wasm-opt lacks included',
  usage: ['<recipe.json> <kernel|module> -o <out.wasm> [options]'],
  positionals: [
    { name: '<recipe.json>', description: 'a recipe, a recipe.json written by tune, or a report.json' },
    KERNEL_ARGUMENT,
  ],
  options: {
    harness: HARNESS,
    out: { type: 'string', short: 'o', value: '<out.wasm>', description: 'the module to write (required)' },
    check: { type: 'string', value: '<file.wasm>', description: 'fail unless the module built is this one, byte for byte' },
  },
  notes: ['The module is checked like any candidate (Binaryen validation, and its outputs against the original with a harness). The wasm-opt line printed covers the steps wasm-opt can run.'],
  run: ({ values, positionals, io }) => build(positionals, values, io, true),
});
