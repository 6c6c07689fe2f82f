// The SIMD benchmark corpus of bench/simd/: every program there with a JSON harness (bench/simd/*/harness.json)
// loads, gives the same outputs on two runs of each seed and different outputs on different seeds, and its
// -O3 passes the harness, as `wasmtune check` requires before a tune. The C programs (<name>/<name>.c) are
// committed built at clang -O2 without -msimd128 (<name>/<name>-O2.wasm): freestanding (no imports) and
// scalar (no v128 anywhere). Folders without a C source (modules from other toolchains) get every check but
// the C-specific ones.
//
// The checks are the evaluator's own (referenceOutputs when it starts, differentialCheck for a candidate),
// run through one Binaryen builder and one runner process shared by every program: starting an evaluator,
// and so a pair of processes, per program would cost more than all the checks together.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Builder } from '../../src/binaryen/builder.js';
import { binaryen, toText } from '../../src/binaryen/module.js';
import { contentHash } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { Runner } from '../../src/measure/runner.js';
import { levelRecipe } from '../../src/recipe/recipe.js';
import { compareOutputs } from '../../src/validate/compare.js';
import { differentialCheck } from '../../src/validate/differential.js';
import { referenceOutputs } from '../../src/validate/reference.js';

const ROOT = join(process.cwd(), 'bench', 'simd');

/** Each folder with a JSON harness: the harness, the module it names, whether it is a C program. */
const programs = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'harness.json')))
  .map((d) => {
    const dir = join(ROOT, d.name);
    const harness = join(dir, 'harness.json');
    const named = (JSON.parse(readFileSync(harness, 'utf8')) as { module?: string }).module;
    // A harness without "module" belongs to the folder's only module.
    const wasm = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
    const module = named ?? (wasm.length === 1 ? wasm[0]! : undefined);
    return { name: d.name, dir, harness, module, fromC: existsSync(join(dir, `${d.name}.c`)) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const builder = new Builder();
const runner = new Runner();
builder.warm();
runner.warm();
afterAll(() => {
  builder.close();
  runner.close();
});

describe('bench/simd', () => {
  it('has at least 9 C programs, each with its clang -O2 build named in its harness', () => {
    const c = programs.filter((p) => p.fromC);
    expect(c.length).toBeGreaterThanOrEqual(9);
    for (const p of c) {
      expect(p.module, p.name).toBe(`${p.name}-O2.wasm`);
      expect(existsSync(join(p.dir, p.module!)), p.name).toBe(true);
    }
  });

  it('every harness names a module that exists', () => {
    for (const p of programs) expect(p.module !== undefined && existsSync(join(p.dir, p.module)), p.name).toBe(true);
  });

  // One after another: the builder and the runner each serve one request at a time.
  for (const p of programs) {
    it(`${p.name} loads, its seeds reach the workload, and its -O3 passes the harness`, async () => {
      const kernel = await loadKernel(join(p.dir, p.module!), p.harness);
      const h = kernel.harness!;
      const features = await builder.features(kernel.bytes);
      expect(features, 'Binaryen validates the module').toBeDefined();
      if (p.fromC) {
        const mod = new WebAssembly.Module(kernel.bytes as Uint8Array<ArrayBuffer>);
        expect(WebAssembly.Module.imports(mod)).toEqual([]);
        // Scalar, as shipped: clang emitted no SIMD instruction or type.
        expect(toText(kernel.bytes, features!)).not.toMatch(/v128|[if](8x16|16x8|32x4|64x2)/);
      }
      // A module that imports its memory gets one made to its declared limits, as an evaluator does.
      const { memoryImport } = await builder.facts(kernel.bytes, features!);
      const ref = (bytes: Uint8Array) => ({ key: contentHash(bytes), bytes, ...(memoryImport ? { memoryImport } : {}) });
      // The original twice on every seed: the runs must succeed and agree (what an evaluator does first).
      const reference = await referenceOutputs(runner, h, ref(kernel.bytes), 60_000);
      // The seeded inputs reach the outputs: no two seeds give the same outputs (compared exactly). A
      // harness without seeded input (`seeds: "none"`) has one reference run and nothing to compare.
      const outputs = reference.outputs;
      if (h.seeded) expect(outputs.length).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < outputs.length; i++) {
        for (let j = i + 1; j < outputs.length; j++) {
          expect(compareOutputs(outputs[i]!, outputs[j]!, undefined), `${p.name}: seeds ${h.seeds[i]} and ${h.seeds[j]}`).toBeDefined();
        }
      }
      // -O3, checked like a candidate: Binaryen validation, then its outputs on every seed against the
      // original's, within the harness tolerance.
      const o3 = await builder.build(kernel.bytes, levelRecipe('O3'), features!);
      if (o3.state !== 'built') throw new Error(`-O3 failed to build: ${o3.reason}: ${o3.error}`);
      expect(o3.valid).toBe(true);
      const check = await differentialCheck(runner, h, ref(o3.bytes), reference, 60_000);
      expect(check.state === 'ok' ? 'ok' : `${check.reason}: ${check.detail}`).toBe('ok');
      if (p.fromC) expect(o3.bytes.byteLength).toBeLessThan(kernel.bytes.byteLength);
    }, 120_000);
  }
});

/** After -O3, the SIMD passes as a search would chain them; the last reassociates float sums (fast-math). */
const SIMD_RECIPES = [
  { passes: ['-O3', 'wt-reroll', 'wt-vectorize:2', 'wt-slp'], fastMath: false },
  { passes: ['-O3', 'wt-reroll', 'wt-vectorize-fast:1', 'wt-slp'], fastMath: true },
];
/**
 * Programs whose module uses SIMD after the first recipe, and how many must: 11 of the 14 did when this was
 * written (all but blur, heat1d and sgemv, whose loops need fast-math or are refused; bench/simd/vectorize-results.md).
 */
const MIN_VECTORIZED = 11;
const vectorized = new Set<string>();

describe('the SIMD passes on bench/simd', () => {
  for (const p of programs) {
    it(`${p.name}: keep its outputs on every seed (float sums reassociated only within its tolerance)`, async () => {
      const kernel = await loadKernel(join(p.dir, p.module!), p.harness);
      const h = kernel.harness!;
      const features = (await builder.features(kernel.bytes))!;
      const { memoryImport } = await builder.facts(kernel.bytes, features);
      const ref = (bytes: Uint8Array) => ({ key: contentHash(bytes), bytes, ...(memoryImport ? { memoryImport } : {}) });
      const reference = await referenceOutputs(runner, h, ref(kernel.bytes), 60_000);
      for (const r of SIMD_RECIPES) {
        // A program without a tolerance compares floats bit for bit: reassociated sums would fail it, as
        // the search's validation would (the fast-math steps are not proposed there).
        if (r.fastMath && !h.harness.tolerance) continue;
        const built = await builder.build(kernel.bytes, { knobs: { ...levelRecipe('O3').knobs, fastMath: r.fastMath }, passes: r.passes }, features);
        if (built.state !== 'built') throw new Error(`${r.passes.join(' ')} failed to build: ${built.reason}: ${built.error}`);
        expect(built.valid, r.passes.join(' ')).toBe(true);
        const check = await differentialCheck(runner, h, ref(built.bytes), reference, 60_000);
        expect(check.state === 'ok' ? 'ok' : `${check.reason}: ${check.detail}`, r.passes.join(' ')).toBe('ok');
        if (!r.fastMath && /v128/.test(toText(built.bytes, features | binaryen.Features.SIMD128))) vectorized.add(p.name);
      }
    }, 120_000);
  }

  it('take loops or groups in most programs', () => {
    expect([...vectorized].sort().length, [...vectorized].sort().join(', ')).toBeGreaterThanOrEqual(MIN_VECTORIZED);
  });
});
