import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WasmtuneError } from '../../errors.js';
import { defineCommand, type Io } from '../command.js';
import { HARNESS, KERNEL_ARGUMENT } from '../options.js';

export const replay = defineCommand({
  summary: 'rebuild a recipe and check it gives the best.wasm beside it byte for byte',
  positionals: [
    { name: '<recipe.json>', description: 'a recipe, a recipe.json written by tune, or a report.json' },
    KERNEL_ARGUMENT,
  ],
  options: {
    harness: HARNESS,
    out: { type: 'string', short: 'o', value: '<file.wasm>', description: 'also write the module built' },
    check: { type: 'string', value: '<file.wasm>', description: 'the module to compare with (default: best.wasm beside the recipe, if any)' },
  },
  run: ({ values, positionals, io }) => build(positionals, values, io, false),
});

/**
 * `replay` rebuilds a recipe and checks it against the best.wasm beside it; `apply` builds any recipe
 * (passes of ours included, which wasm-opt cannot run) into a module written with -o.
 */
export async function build(positionals: string[], values: { harness?: string | undefined; out?: string | undefined; check?: string | undefined }, io: Io, apply: boolean): Promise<number> {
  const { loadKernel } = await import('../../kernels/index.js');
  const { Evaluator, contentHash } = await import('../../evaluate/evaluator.js');
  const { describeRecipe } = await import('../../recipe/recipe.js');
  const { wasmOptCommand } = await import('../../recipe/commandline.js');
  const { readRecipeFile } = await import('../recipe-file.js');
  if (apply && !values.out) throw new WasmtuneError('E_USAGE', "apply writes a module: give '-o out.wasm'.");
  const kernel = await loadKernel(positionals[1]!, values.harness);
  const { recipe, dir } = readRecipeFile(positionals[0]!, kernel.bytes);
  if (apply && !kernel.harness) io.stderr('WARNING: no harness given: the module passes Binaryen validation, but its OUTPUTS ARE NOT VERIFIED.\n');
  const ev = await Evaluator.create(kernel, { objective: 'size' });
  try {
    const rec = await ev.evaluate(recipe);
    if (rec.state !== 'ok') {
      io.stderr(`${apply ? 'apply' : 'replay'}: the recipe gives an invalid module (${rec.reason}): ${rec.detail}\n`);
      return 1;
    }
    const bytes = ev.bytesOf(rec.hash)!;
    io.stdout(`replayed   ${describeRecipe(recipe)}\nmodule     ${bytes.byteLength} B, sha256 ${rec.hash}, ${kernel.harness ? 'outputs verified' : 'OUTPUTS NOT VERIFIED (no harness)'}\n`);
    if (values.out) writeFileSync(values.out, bytes);
    const check = values.check ?? (!apply && existsSync(join(dir, 'best.wasm')) ? join(dir, 'best.wasm') : undefined);
    if (check) {
      const expected = new Uint8Array(readFileSync(check));
      if (contentHash(expected) !== rec.hash) {
        throw new WasmtuneError('E_REPLAY_MISMATCH', `Replay differs from ${check}: ${expected.byteLength} B sha256 ${contentHash(expected)} vs ${bytes.byteLength} B sha256 ${rec.hash}.`);
      }
      io.stdout(`identical  to ${check} (byte for byte)\n`);
    }
    io.stdout(`wasm-opt   ${wasmOptCommand(recipe, ev.features)}\n`);
    return 0;
  } finally {
    ev.close();
  }
}
