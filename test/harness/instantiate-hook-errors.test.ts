// Errors of the instantiate hook are the run's failures in phase `instantiate`, as wasmtune's own
// instantiation's are: on the original module the command stops with E_HARNESS_FAILS naming the seed, the
// phase and the line of the harness; on a candidate it is a `trap` record. A hook that throws, one whose
// promise rejects, and one that returns something that is not an instance all fail this way.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { loadHarness } from '../../src/harness/load.js';
import { instantiateThroughHook } from '../../src/harness/instance.js';
import { watToWasm } from '../../src/kernels/wat.js';
import { WasmtuneError } from '../../src/errors.js';
import { fixture, scratchWriter, WAT } from './loader-fixture.js';

const LOADER = JSON.stringify(new URL('./fixtures/loader/loader.mjs', import.meta.url).href);
const write = scratchWriter('wasmtune-instantiate-errors-');
const REST = `setup({ rng }) { return Uint8Array.from({ length: 64 }, () => Math.floor(rng() * 256)); },
  run({ api }, input) { return api.tally(input); },
  output(_ctx, _input, result) { return { result }; },`;

async function failure(p: Promise<unknown>): Promise<WasmtuneError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(WasmtuneError);
  return e as WasmtuneError;
}

/** Evaluator.create on the fixture module with a harness whose instantiate hook is `hook`. */
async function onOriginal(name: string, hook: string): Promise<WasmtuneError> {
  const harness = write(name, `import createTally from ${LOADER};
export default {
  ${hook}
  ${REST}
};
`);
  return failure(Evaluator.create(await loadKernel(WAT, harness), { objective: 'size' }));
}

describe('an error in the instantiate hook', () => {
  it('stops on the original module when the hook throws, naming seed, phase and line', async () => {
    const e = await onOriginal('throws.mjs', `instantiate(bytes) {
    throw new Error('the loader wants a file name, not ' + bytes.constructor.name);
  },`);
    expect(e.code).toBe('E_HARNESS_FAILS');
    expect(e.message).toMatch(/fails on the original module \(seed 1, instantiate\): the loader wants a file name, not Uint8Array \(at throws\.mjs:4:11\)/);
  });

  it('stops on the original module when the loader rejects', async () => {
    // The loader is given bytes that are not a module: WebAssembly.instantiate rejects inside it.
    const e = await onOriginal('rejects.mjs', `async instantiate() {
    const api = await createTally({ wasmBinary: new Uint8Array([0, 97, 115, 109]) });
    return { instance: api.instance, api };
  },`);
    expect(e.code).toBe('E_HARNESS_FAILS');
    expect(e.message).toMatch(/\(seed 1, instantiate\): .*WebAssembly\.instantiate\(\)/);
  });

  it('records a trap in phase instantiate for a candidate the loader refuses', async () => {
    // The loader refuses modules that do not export `tally` under that name, as a loader that looks its
    // exports up by name does.
    const harness = write('by-name.mjs', `import createTally from ${LOADER};
export default {
  async instantiate(bytes) {
    const api = await createTally({ wasmBinary: bytes });
    if (typeof api.instance.exports.tally !== 'function') throw new Error('no export named tally');
    return { instance: api.instance, api };
  },
  ${REST}
};
`);
    const kernel = await loadKernel(WAT, harness);
    const ev = await Evaluator.create(kernel, { objective: 'size' });
    try {
      const renamed = await watToWasm(readFileSync(WAT, 'utf8').replace('(export "tally")', '(export "count")'), 'renamed.wat');
      const r = await ev.check(renamed);
      expect(r.state).toBe('invalid');
      if (r.state === 'invalid') {
        expect(r.reason).toBe('trap');
        expect(r.detail).toMatch(/^seed 1, instantiate: no export named tally \(at by-name\.mjs:5:\d+\)/);
      }
    } finally {
      ev.close();
    }
  });

  it.each([
    ['nothing', 'async instantiate() {},', /instantiate\(bytes, ctx\) returned undefined: return \{ instance \} or \{ exports, memory\?, api\? \}/],
    ['a number', 'instantiate() { return 3; },', /returned a number: return \{ instance \}/],
    ['an object without instance or exports', 'async instantiate(bytes) { return { api: await createTally({ wasmBinary: bytes }) }; },', /returned neither 'instance' nor an 'exports' object/],
    ['an instance that is not one', 'instantiate() { return { instance: {} }; },', /returned an 'instance' that is an object, not a WebAssembly\.Instance/],
    ['a memory that is not one', 'async instantiate(bytes) { const api = await createTally({ wasmBinary: bytes }); return { instance: api.instance, memory: new ArrayBuffer(8), api }; },', /returned a 'memory' that is an object, not a WebAssembly\.Memory/],
  ])('fails the run when the hook returns %s', async (_what, hook, message) => {
    const h = await loadHarness(write(`returns-${_what.replace(/\W+/g, '-')}.mjs`, `import createTally from ${LOADER};
export default {
  ${hook}
  ${REST}
};
`));
    const bytes = await watToWasm(readFileSync(WAT, 'utf8'), 'tally.wat');
    const mod = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
    await expect(instantiateThroughHook(h, bytes, mod, 1)).rejects.toThrow(message);
  });
});
