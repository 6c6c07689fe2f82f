// Assembles a .wat file into a .wasm file with the wabt npm package, keeping the function and local
// names ($name) in a name section. Deterministic. Usage: node kernels/wat2wasm.mjs in.wat out.wasm
import fs from 'node:fs';
import path from 'node:path';
import wabtInit from 'wabt';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node kernels/wat2wasm.mjs <in.wat> <out.wasm>');
  process.exit(2);
}
const wabt = await wabtInit();
const mod = wabt.parseWat(path.basename(input), fs.readFileSync(input, 'utf8'));
try {
  mod.resolveNames();
  mod.validate();
  const { buffer } = mod.toBinary({ log: false, write_debug_names: true });
  fs.writeFileSync(output, buffer);
} finally {
  mod.destroy();
}
