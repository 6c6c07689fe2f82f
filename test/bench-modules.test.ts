// The benchmark modules of bench/modules/, committed with their harnesses: every committed module loads,
// gives the same outputs on two runs of each seed and not the same on every seed, and its -O3 passes the
// harness, as `wasmtune check` requires before a tune. The C programs (<name>/<name>.c) are committed
// built at clang -O0 and -O1, freestanding (no imports).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluator } from '../src/evaluate/evaluator.js';
import { loadKernel } from '../src/kernels/index.js';
import { levelRecipe } from '../src/recipe/recipe.js';
import { compareOutputs } from '../src/validate/compare.js';

const ROOT = join(process.cwd(), 'bench', 'modules');

/** Each module folder that has a harness: the harness, its committed modules, whether it is a C program. */
const modules = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => {
    const dir = join(ROOT, d.name);
    const harness = ['harness.json', 'harness.mjs'].map((f) => join(dir, f)).find(existsSync);
    const wasm = readdirSync(dir).filter((f) => f.endsWith('.wasm')).sort();
    return { name: d.name, dir, harness, wasm, fromC: existsSync(join(dir, `${d.name}.c`)) };
  })
  .filter((m) => m.harness !== undefined)
  // The application module through its own loader has a test of its own (test/harness/sqljs-module.test.ts).
  .filter((m) => m.fromC);

describe('bench/modules', () => {
  it('has C programs, each built at -O0 and -O1', () => {
    const c = modules.filter((m) => m.fromC);
    expect(c.length).toBeGreaterThanOrEqual(4);
    for (const m of c) expect(m.wasm, m.name).toEqual([`${m.name}-O0.wasm`, `${m.name}-O1.wasm`]);
  });

  // Two at a time: each evaluator starts a Binaryen builder and a runner process.
  const twoAtATime = limit(2);
  for (const m of modules) {
    for (const file of m.wasm) {
      it.concurrent(`${m.name}/${file} loads and its harness validates it against -O3`, () => twoAtATime(async () => {
        const kernel = await loadKernel(join(m.dir, file), m.harness);
        const mod = new WebAssembly.Module(kernel.bytes as Uint8Array<ArrayBuffer>);
        if (m.fromC) expect(WebAssembly.Module.imports(mod)).toEqual([]);
        // Creating the evaluator runs the original twice on every seed and rejects a harness that fails
        // on it or disagrees with itself.
        const ev = await Evaluator.create(kernel, { objective: 'size' });
        try {
          // The seeded inputs reach the workload: not every seed gives the same outputs.
          const outputs = ev.referenceOutputs;
          if (kernel.harness!.seeded) expect(outputs.some((o) => compareOutputs(outputs[0]!, o, undefined) !== undefined)).toBe(true);
          const o3 = await ev.evaluate(levelRecipe('O3'));
          expect(o3.state === 'ok' ? 'ok' : `${o3.reason}: ${o3.detail}`).toBe('ok');
          if (o3.state === 'ok' && m.fromC) expect(o3.metrics.sizeBytes).toBeLessThan(kernel.bytes.byteLength);
        } finally {
          ev.close();
        }
      }), 120_000);
    }
  }
});

/** Runs the functions given to it at most `n` at a time. */
function limit(n: number): <T>(f: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (f) => {
    if (running < n) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing one hands its slot over
    try {
      return await f();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
