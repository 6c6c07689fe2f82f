// Every run needs an instance of its own, including when the harness's instantiate hook makes it. A
// loader that keeps its first instance in a module-level variable (fixtures/loader/cached-loader.mjs, as
// sql.js's initSqlJs and wasm-bindgen's initSync do) hands the same instance to every later run: the
// second run on the original module is refused, saying why and what to do.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { loadHarness } from '../../src/harness/load.js';
import { instantiateThroughHook } from '../../src/harness/instance.js';
import { watToWasm } from '../../src/kernels/wat.js';
import { WasmtuneError } from '../../src/errors.js';
import { fixture, scratchWriter, WAT } from './loader-fixture.js';

const write = scratchWriter('wasmtune-instantiate-fresh-');

const harnessWith = (loader: string, extra = '') => `import createTally from ${JSON.stringify(new URL(`./fixtures/loader/${loader}`, import.meta.url).href)};
export default {
  async instantiate(bytes) {
    const api = await createTally({ wasmBinary: bytes });
    return { ${extra}instance: api.instance, api };
  },
  setup({ rng }) { return Uint8Array.from({ length: 64 }, () => Math.floor(rng() * 256)); },
  run({ api }, input) { return api.tally(input); },
  output(_ctx, _input, result) { return { result }; },
};
`;

describe('the instance an instantiate hook returns', () => {
  it('must be new on every run: a loader that keeps its first instance is refused', async () => {
    const kernel = await loadKernel(WAT, write('cached.mjs', harnessWith('cached-loader.mjs')));
    const e = await Evaluator.create(kernel, { objective: 'size' }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(WasmtuneError);
    expect((e as WasmtuneError).code).toBe('E_HARNESS_FAILS');
    expect((e as Error).message).toMatch(
      /\(seed 2, instantiate\): instantiate\(bytes, ctx\) returned the exports of an instance that an earlier run used: every run needs a new instance, .*load a fresh copy of the loader for each run/,
    );
  });

  it('must not share its memory with an earlier run', async () => {
    const shared = new WebAssembly.Memory({ initial: 1 });
    (globalThis as { sharedMemory?: WebAssembly.Memory }).sharedMemory = shared;
    const h = await loadHarness(write('shared-memory.mjs', harnessWith('loader.mjs', 'memory: globalThis.sharedMemory, ')));
    const bytes = await watToWasm(readFileSync(WAT, 'utf8'), 'tally.wat');
    const mod = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
    await instantiateThroughHook(h, bytes, mod, 1);
    await expect(instantiateThroughHook(h, bytes, mod, 2)).rejects.toThrow(/returned the memory of an instance that an earlier run used/);
  });

  it('is accepted when the loader makes a new one each time', async () => {
    const h = await loadHarness(write('fresh.mjs', harnessWith('loader.mjs')));
    const bytes = await watToWasm(readFileSync(WAT, 'utf8'), 'tally.wat');
    const mod = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
    const runs = [];
    for (const seed of [1, 2, 3]) {
      const ctx = await instantiateThroughHook(h, bytes, mod, seed);
      runs.push(h.harness.run(ctx, h.harness.setup(ctx)));
    }
    // Each instance served one call (the module adds its call count to the result).
    expect(runs.map((r) => (r as number) % 1000)).toEqual([1, 1, 1]);
  });
});
