// The printed wasm-opt command line is equivalent: Binaryen's own wasm-opt (same version, from the
// binaryen package) given those arguments produces the same bytes as wasmtune's build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Builder } from '../../src/binaryen/builder.js';
import { wasmOptArgs } from '../../src/recipe/commandline.js';
import { DEFAULT_KNOBS, levelRecipe, type Recipe } from '../../src/recipe/recipe.js';
import { loadKernel } from '../../src/kernels/index.js';
import seedrandom from 'seedrandom';
import { defaultSpace, randomRecipe } from '../../src/search/space.js';
import { wasmOptPrefix } from '../../src/recipe/commandline.js';

const wasmOpt = join(createRequire(import.meta.url).resolve('binaryen/package.json'), '..', 'bin', 'wasm-opt');

const recipes: Record<string, Recipe> = {
  O3: levelRecipe('O3'),
  Oz: levelRecipe('Oz'),
  'passes at O0 levels': { knobs: { ...DEFAULT_KNOBS, optimizeLevel: 0, shrinkLevel: 0 }, passes: ['inlining-optimizing', 'precompute-propagate', 'vacuum'] },
  'pipelines with other levels for passes': {
    knobs: { ...DEFAULT_KNOBS, optimizeLevel: 3, shrinkLevel: 2, flexibleInlineMaxSize: 150, inlineFunctionsWithLoops: true, oneCallerInlineMaxSize: 50 },
    passes: ['-O3', 'licm', 'simplify-locals', '-Oz', 'coalesce-locals'],
  },
  'flat passes': { knobs: { ...DEFAULT_KNOBS, optimizeLevel: 2, shrinkLevel: 0 }, passes: ['flatten', 'rereloop', '-O2'] },
};

// Random recipes too: wasmtune runs each step in its own pass runner, wasm-opt runs consecutive passes
// in one; the bytes must not differ. Only the part wasm-opt can replay (before any pass of ours).
const rng = seedrandom('commandline');
const space = defaultSpace();
for (let i = 0; recipes[`random ${i}`] === undefined && i < 2; ) {
  const r = wasmOptPrefix(randomRecipe(rng, space)).replayable;
  if (r.passes.length >= 3) recipes[`random ${i++}`] = r;
}

describe('wasm-opt equivalence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmtune-cmd-'));
  let builder: Builder;
  beforeAll(() => {
    builder = new Builder();
  });
  afterAll(() => builder.close());

  for (const kernel of ['kernel://wasmtune-v0/raytrace', 'kernel://wasmtune-v0/crc32']) {
    for (const [name, recipe] of Object.entries(recipes)) {
      it(`${kernel} ${name}`, async () => {
        const k = await loadKernel(kernel);
        const features = (await builder.features(k.bytes))!;
        const built = await builder.build(k.bytes, recipe, features);
        expect(built.state).toBe('built');
        const input = join(dir, 'in.wasm');
        const output = join(dir, 'out.wasm');
        writeFileSync(input, k.bytes);
        execFileSync(process.execPath, [wasmOpt, input, ...wasmOptArgs(recipe, features), '-o', output]);
        const cliBytes = new Uint8Array(readFileSync(output));
        if (built.state === 'built') expect(Buffer.compare(Buffer.from(cliBytes), Buffer.from(built.bytes))).toBe(0);
      });
    }
  }
});
