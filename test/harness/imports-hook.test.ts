// The imports(ctx) hook: called once per instance before it exists; its import functions reach the
// instance's memory and exports once instantiation has finished. The example module whose workload reads
// strings through an import tunes with its harness, and harnesses that read the instance too early are
// refused with a message that says so.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { loadHarness } from '../../src/harness/load.js';
import { instantiateHarness } from '../../src/harness/instance.js';
import { watToWasm } from '../../src/kernels/wat.js';
import { WasmtuneError } from '../../src/errors.js';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-imports-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// `total(ptr, len)` passes a byte range to the host; the host's `weigh` reads it and calls back `scale`.
const WAT = `(module
  (import "env" "weigh" (func $weigh (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "\\01\\02\\03\\04")
  (func (export "scale") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 10)))
  (func (export "total") (result i32) (call $weigh (i32.const 16) (i32.const 4))))`;

const HOOK = `export const calls = { imports: 0 };
export default {
  imports(ctx) {
    calls.imports++;
    let used = 0;
    return { env: { weigh(ptr, len) {
      used++;
      const bytes = new Uint8Array(ctx.memory.buffer, ptr, len);
      return ctx.exports.scale(bytes.reduce((a, b) => a + b, 0)) + used;
    } } };
  },
  setup() {},
  run({ exports }) { return exports.total(); },
  output(_ctx, _state, result) { return { result }; },
};
`;

describe('the imports hook', () => {
  it('is called once per instance, and its functions read memory and call exports', async () => {
    const path = write('hook.mjs', HOOK);
    const h = await loadHarness(path);
    const { calls } = (await import(path)) as { calls: { imports: number } };
    const mod = new WebAssembly.Module((await watToWasm(WAT, 'hook.wat')) as Uint8Array<ArrayBuffer>);
    const results = [1, 2, 3].map((seed) => {
      const ctx = instantiateHarness(h, mod, undefined, seed);
      return h.harness.run(ctx, h.harness.setup(ctx));
    });
    expect(calls.imports).toBe(3);
    // 10 × (1+2+3+4) through the export, + 1: each instance's closure starts fresh.
    expect(results).toEqual([101, 101, 101]);
  });

  it('gives a module that imports its memory that memory before and after instantiation', async () => {
    const path = write('imported-memory.mjs', `export default {
  imports(ctx) {
    const before = ctx.memory;
    return { env: { same: () => (ctx.memory === before && ctx.instance.exports.get !== undefined ? 1 : 0) } };
  },
  setup() {}, run({ exports }) { return exports.get(); }, output(_c, _s, r) { return { r }; },
};
`);
    const h = await loadHarness(path);
    const mod = new WebAssembly.Module((await watToWasm(`(module (import "env" "mem" (memory 1)) (import "env" "same" (func $same (result i32)))
      (func (export "get") (result i32) (call $same)))`, 'm.wat')) as Uint8Array<ArrayBuffer>);
    const ctx = instantiateHarness(h, mod, { initialPages: 1 }, 1);
    expect(ctx.memory).toBeInstanceOf(WebAssembly.Memory);
    expect(h.harness.run(ctx, undefined)).toBe(1);
  });

  it('says when an import reads the instance before it exists (a start function)', async () => {
    const h = await loadHarness(write('start.mjs', `export default {
  imports(ctx) { return { env: { early: () => ctx.exports.x } }; },
  setup() {}, run() {}, output() { return {}; },
};
`));
    const mod = new WebAssembly.Module((await watToWasm('(module (import "env" "early" (func $early)) (func $s (call $early)) (start $s))', 's.wat')) as Uint8Array<ArrayBuffer>);
    expect(() => instantiateHarness(h, mod, undefined, 1)).toThrow(/read ctx\.exports in imports\(ctx\) before the instance exists .*inside the import function/);
  });

  it('says when imports(ctx) returns something other than an imports object', async () => {
    const h = await loadHarness(write('returns-number.mjs', 'export default { imports() { return 3; }, setup() {}, run() {}, output() { return {}; } };\n'));
    const mod = new WebAssembly.Module((await watToWasm(WAT, 'hook.wat')) as Uint8Array<ArrayBuffer>);
    expect(() => instantiateHarness(h, mod, undefined, 1)).toThrow(/imports\(ctx\) returned number, not an imports object/);
  });

  it('tunes the example whose workload reads strings through an import', async () => {
    const r = await cli('tune', 'examples/intern/intern.wasm', '--harness', 'examples/intern/harness.mjs', '--objective', 'size', '--budget', '3', '--no-runtime', '--out', join(dir, 'intern'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.outputsVerified).toBe(true);
    expect(report.best.sizeBytes).toBeLessThanOrEqual(report.baselines.Oz.sizeBytes);
  });

  it('refuses a harness that takes the memory when imports() runs, before the module has exported it', async () => {
    // The module exports its memory, so there is none yet when imports() runs: the destructured
    // `memory` is undefined, and the first call of intern fails on the original module.
    const harness = write('eager-memory.mjs', `import example from ${JSON.stringify(new URL('../../examples/intern/harness.mjs', import.meta.url).href)};
export default {
  ...example,
  imports({ memory }) {
    return { env: { intern: (ptr, len) => new Uint8Array(memory.buffer, ptr, len).length } };
  },
};
`);
    const r = await cli('tune', 'examples/intern/intern.wasm', '--harness', harness, '--objective', 'size', '--budget', '2', '--no-runtime', '--out', join(dir, 'eager'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/E_HARNESS_FAILS: .*fails on the original module \(seed 1, run\): .*undefined.*\(at eager-memory\.mjs:5:\d+\)/);
  });

  it('refuses a harness that reads the exports when imports() runs', async () => {
    const harness = write('eager-exports.mjs', `import example from ${JSON.stringify(new URL('../../examples/intern/harness.mjs', import.meta.url).href)};
export default {
  ...example,
  imports(ctx) {
    const memory = ctx.exports.memory;
    return { env: { intern: (ptr, len) => new Uint8Array(memory.buffer, ptr, len).length } };
  },
};
`);
    const e = await Evaluator.create(await loadKernel('examples/intern/intern.wasm', harness), { objective: 'size' }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(WasmtuneError);
    expect((e as WasmtuneError).code).toBe('E_HARNESS_FAILS');
    expect((e as Error).message).toMatch(/\(seed 1, instantiate\): the harness read ctx\.exports in imports\(ctx\) before the instance exists/);
  });
});
