// `tune --objective runtime,size` splits a module into hot and cold functions by default (`--per-function
// auto`) only when its code is large enough for that to pay (AUTO_MIN_CODE_BYTES): a small module is
// searched whole-module, without a profile, and says so; `--per-function on` still splits it.
import { describe, expect, it } from 'vitest';
import { AUTO_MIN_CODE_BYTES, completeSettings, requestFromFlags, type TuneFlags } from '../../src/cli/tune-settings.js';
import { loadKernel } from '../../src/kernels/index.js';
import { readLayout } from '../../src/measure/wasm-sections.js';

const flags = (more: Partial<TuneFlags>): TuneFlags => ({ agent: 'random', budget: '10', seed: '1', 'no-runtime': false, 'no-simd': false, objective: 'runtime,size', ...more });

describe('--per-function auto', () => {
  it('searches a module with little code whole-module, without profiling it', async () => {
    const kernel = await loadKernel('kernel://wasmtune-v0/raytrace');
    const code = readLayout(kernel.bytes).bodies.reduce((s, b) => s + b.size, 0);
    expect(code).toBeLessThan(AUTO_MIN_CODE_BYTES);
    const lines: string[] = [];
    let profiles = 0;
    const settings = await completeSettings(requestFromFlags(flags({}), kernel.uri), kernel, (l) => void lines.push(l), () => void profiles++);
    expect(settings.perFunction).toBe(false);
    expect(profiles).toBe(0);
    expect(lines).toEqual([`per-function: the module's code is ${code} bytes, under 64 KiB: searching whole-module recipes (--per-function on splits it anyway).`]);
  });

  it('splits it when asked with --per-function on', { timeout: 120_000 }, async () => {
    const kernel = await loadKernel('kernel://wasmtune-v0/raytrace');
    let profiles = 0;
    const settings = await completeSettings(requestFromFlags(flags({ 'per-function': 'on' }), kernel.uri), kernel, () => {}, () => void profiles++);
    expect(profiles).toBe(1);
    expect(settings.perFunction && settings.perFunction.hot.length).toBeGreaterThan(0);
  });
});
