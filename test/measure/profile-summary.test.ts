// From V8's CPU profiles to a module's profile, without running anything: each sample counts for the time
// to the next one; a wasm frame is charged to the function whose body starts at its column (else by
// V8's wasm-function[N] or the name section's name); V8's wrappers and the harness are JavaScript; GC,
// builtins, (program) and wasm frames of another module (even at one of the module's offsets) are V8's;
// the profiler's own calls are left out.
// Functions come sorted by self time with their share of the workload, and the hot set is the shortest
// prefix that covers the threshold of the time in wasm.
import { describe, expect, it } from 'vitest';
import type { CallFrame, CpuProfile } from '../../src/measure/cpu-profile.js';
import { profileFromCpuProfiles, type ModuleFunctions } from '../../src/measure/profile.js';
import { binaryenFunctionNames, type WasmLayout } from '../../src/measure/wasm-sections.js';

// One imported function, five defined ones (indices 1 … 5); the name section names 1 … 3.
const layout: WasmLayout = {
  functionImports: 1,
  bodies: [1, 2, 3, 4, 5].map((index) => ({ index, offset: 100 * index, size: 50 })),
  nameSubsections: [[[1, 'alpha'], [2, 'beta'], [3, 'gamma']]],
};
const m: ModuleFunctions = { layout, names: binaryenFunctionNames(layout) };

const URL = 'wasm://wasm/0badf00d';
const wasm = (functionName: string, columnNumber: number, url = URL): CallFrame => ({ functionName, scriptId: '90', url, lineNumber: 0, columnNumber });
const js = (functionName: string, url = 'file:///work/harness.mjs'): CallFrame => ({ functionName, scriptId: '80', url, lineNumber: 3, columnNumber: 7 });
const native = (functionName: string): CallFrame => ({ functionName, scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 });

/**
 * A profile whose samples each stand for 1 ms: `stacks` are root-to-leaf paths, each with the number of
 * samples taken in its leaf. Samples are spread in the order given.
 */
function profileOf(stacks: Array<[CallFrame[], number]>): CpuProfile {
  const nodes: CpuProfile['nodes'] = [{ id: 1, callFrame: native('(root)'), children: [] }];
  const samples: number[] = [];
  for (const [path, n] of stacks) {
    let parent = nodes[0]!;
    for (const frame of path) {
      const child = parent.children!.map((id) => nodes.find((x) => x.id === id)!).find((x) => JSON.stringify(x.callFrame) === JSON.stringify(frame));
      if (child) parent = child;
      else {
        const node = { id: nodes.length + 1, callFrame: frame, children: [] };
        nodes.push(node);
        parent.children!.push(node.id);
        parent = node;
      }
    }
    for (let i = 0; i < n; i++) samples.push(parent.id);
  }
  return { nodes, startTime: 5_000, endTime: 5_000 + 1000 * samples.length + 1000, samples, timeDeltas: samples.map(() => 1000) };
}

const run = js('run');
const entry = wasm('js-to-wasm:i:i', 200);
const first = profileOf([
  [[run, entry, wasm('beta', 200)], 30],
  [[run, entry, wasm('beta', 200), wasm('gamma', 300)], 25],
  [[run, entry, wasm('beta', 200), wasm('alpha', 999)], 10], // no body at 999: by its name
  [[run, entry], 4],
  [[run], 6],
  [[js('post', 'node:inspector'), native('dispatch')], 7], // the profiler's own call: left out
]);
const second = profileOf([
  [[run, entry, wasm('beta', 200)], 20],
  [[run, entry, wasm('wasm-function[4]', 12345)], 5], // unnamed, at an unknown offset: by V8's name
  [[run, native('TypedArrayPrototypeSet')], 3],
  [[native('(garbage collector)')], 4],
  [[native('(program)')], 2],
  [[run, wasm('elsewhere', 100, 'wasm://wasm/another')], 1], // another module's function, at alpha's offset
]);

describe('a profile from V8 samples', () => {
  const p = profileFromCpuProfiles([first, second], m, { intervalUs: 100, seed: 1 });

  it('charges wasm, JavaScript and V8 itself, and leaves the profiler out', () => {
    expect(p.samples).toBe(110);
    expect(p.wasmMs).toBeCloseTo(90, 6);
    expect(p.jsMs).toBeCloseTo(10, 6); // the harness's run (6) and the js-to-wasm wrapper (4)
    expect(p.otherMs).toBeCloseTo(10, 6); // a builtin (3), GC (4), (program) (2), another module (1)
    expect(p.gcMs).toBeCloseTo(4, 6);
    expect(p.totalMs).toBeCloseTo(p.wasmMs + p.jsMs + p.otherMs, 6);
    expect(p).toMatchObject({ runs: 2, seed: 1, intervalUs: 100, functionImports: 1, definedFunctions: 5 });
  });

  it('lists the functions with samples by self time, with their index, Binaryen name and share of the workload', () => {
    expect(p.functions.map((f) => [f.index, f.name, f.selfMs])).toEqual([[2, 'beta', 50], [3, 'gamma', 25], [1, 'alpha', 10], [4, '3', 5]]);
    for (const f of p.functions) expect(f.share).toBeCloseTo(f.selfMs / 110, 5);
    expect(p.functions.reduce((a, f) => a + f.share, 0)).toBeCloseTo(p.wasmMs / p.totalMs, 5);
  });

  it('takes as hot the fewest functions that cover the threshold of the time in wasm', () => {
    expect(p.hot).toEqual({ threshold: 0.9, count: 3, share: Number((85 / 90).toFixed(6)), names: ['beta', 'gamma', 'alpha'] });
    const half = profileFromCpuProfiles([first, second], m, { intervalUs: 100, seed: 1 }, 0.5);
    expect(half.hot).toMatchObject({ count: 1, names: ['beta'] });
    const all = profileFromCpuProfiles([first, second], m, { intervalUs: 100, seed: 1 }, 1);
    expect(all.hot).toMatchObject({ count: 4, share: 1 });
    expect(() => profileFromCpuProfiles([first], m, { intervalUs: 100, seed: 1 }, 0)).toThrow(/threshold/);
  });

  it('weighs each sample by the time to the next one, and breaks ties by index', () => {
    // Two samples in gamma 3 ms apart, then one in beta; the profile ends 2 ms after the last sample.
    const nodes = [
      { id: 1, callFrame: native('(root)'), children: [2, 3] },
      { id: 2, callFrame: wasm('gamma', 300) },
      { id: 3, callFrame: wasm('beta', 200) },
    ];
    const uneven = profileFromCpuProfiles([{ nodes, startTime: 0, endTime: 9_000, samples: [2, 2, 3], timeDeltas: [1_000, 3_000, 3_000] }], m, { intervalUs: 100, seed: 1 });
    expect(uneven.functions.map((f) => [f.name, f.selfMs])).toEqual([['gamma', 6], ['beta', 2]]);
    const tied = profileFromCpuProfiles([profileOf([[[wasm('gamma', 300)], 2], [[wasm('beta', 200)], 2]])], m, { intervalUs: 100, seed: 1 });
    expect(tied.functions.map((f) => f.index)).toEqual([2, 3]);
  });

  it('with no sample in wasm, has an empty hot set', () => {
    const none = profileFromCpuProfiles([profileOf([[[run], 3]])], m, { intervalUs: 100, seed: 1 });
    expect(none).toMatchObject({ functions: [], wasmMs: 0, hot: { count: 0, share: 0, names: [] } });
    expect(none).toMatchObject({ jsMs: 3, totalMs: 3 });
  });
});
