/**
 * One instance of a module for one seeded harness call: the imports the harness provides (and a stub
 * that throws for each function it does not), the imported memory when the module declares one, and
 * copies of output views. The runner process and in-process checks both instantiate through here, so a
 * module runs the same way in either.
 */
import { seededRng, type LoadedHarness } from './load.js';
import type { HarnessContext, OutputValue } from './types.js';

/** An imported memory's limits, as the module declares them (pages). */
export interface MemoryImportLimits {
  initialPages: number;
  maximumPages?: number;
}

export function instantiateHarness(h: LoadedHarness, mod: WebAssembly.Module, memoryImport: MemoryImportLimits | undefined, seed: number): HarnessContext {
  const memory = memoryImport
    ? new WebAssembly.Memory({ initial: memoryImport.initialPages, ...(memoryImport.maximumPages !== undefined ? { maximum: memoryImport.maximumPages } : {}) })
    : undefined;
  const given = h.harness.imports?.({ ...(memory ? { memory } : {}) }) ?? {};
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const imp of WebAssembly.Module.imports(mod)) {
    const provided = given[imp.module]?.[imp.name];
    const ns = (imports[imp.module] ??= {});
    if (provided !== undefined) ns[imp.name] = provided;
    else if (imp.kind === 'function') {
      ns[imp.name] = (...args: unknown[]) => {
        throw new Error(`imported function ${imp.module}.${imp.name} called (args ${args.join(', ')}); the harness does not provide it`);
      };
    } else if (imp.kind === 'memory' && memory) ns[imp.name] = memory;
  }
  const instance = new WebAssembly.Instance(mod, imports);
  const exported = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory) as WebAssembly.Memory | undefined;
  return { exports: instance.exports, memory: (instance.exports.memory as WebAssembly.Memory | undefined) ?? exported ?? memory, rng: seededRng(seed), seed };
}

/** Copy views on linear memory, so a later memory.grow or run cannot change or detach them. */
export function detachOutputs(values: Record<string, OutputValue>): Record<string, OutputValue> {
  const copy = (v: OutputValue): OutputValue =>
    Array.isArray(v) ? v.map(copy) : ArrayBuffer.isView(v) ? ((v as unknown as { slice(): ArrayBufferView }).slice?.() ?? v) : v;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, copy(v)]));
}
