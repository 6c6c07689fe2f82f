/**
 * One instance of a module for one harness run: the imports the harness provides (and a stub that throws
 * for each function it does not), the imported memory when the module declares one, and copies of output
 * views. The runner process and in-process checks both instantiate through here, so a module runs the same
 * way in either.
 *
 * The harness's `imports(ctx)` is called here, once per instance and before it exists; `ctx.exports`,
 * `ctx.instance` and the instance's `ctx.memory` become readable as soon as instantiation has finished, so
 * an import function can read the instance's memory or call its exports while the workload runs.
 */
import { rngFor, type LoadedHarness } from './load.js';
import type { HarnessContext, ImportContext, OutputValue } from './types.js';

/** An imported memory's limits, as the module declares them (pages). */
export interface MemoryImportLimits {
  initialPages: number;
  maximumPages?: number;
}

/** The memory an instance uses: the export named `memory`, else any exported memory, else the imported one. */
function memoryOf(instance: WebAssembly.Instance, imported: WebAssembly.Memory | undefined): WebAssembly.Memory | undefined {
  const named = instance.exports.memory;
  if (named instanceof WebAssembly.Memory) return named;
  const exported = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory) as WebAssembly.Memory | undefined;
  return exported ?? imported;
}

/** The context of `imports(ctx)`: accessors that are valid once the instance exists. */
function importContext(seed: number, imported: WebAssembly.Memory | undefined): { ctx: ImportContext; bind(instance: WebAssembly.Instance): void } {
  let instance: WebAssembly.Instance | undefined;
  let memory = imported;
  const live = (what: string): WebAssembly.Instance => {
    if (instance) return instance;
    throw new Error(
      `the harness read ctx.${what} in imports(ctx) before the instance exists (a start function calling an import, or ctx.${what} read when imports() runs): read it inside the import function, which runs after instantiation`,
    );
  };
  const ctx: ImportContext = {
    get memory() {
      return memory;
    },
    get exports() {
      return live('exports').exports;
    },
    get instance() {
      return live('instance');
    },
    seed,
  };
  return {
    ctx,
    bind(i) {
      instance = i;
      memory = memoryOf(i, imported);
    },
  };
}

export function instantiateHarness(h: LoadedHarness, mod: WebAssembly.Module, memoryImport: MemoryImportLimits | undefined, seed: number): HarnessContext {
  const memory = memoryImport
    ? new WebAssembly.Memory({ initial: memoryImport.initialPages, ...(memoryImport.maximumPages !== undefined ? { maximum: memoryImport.maximumPages } : {}) })
    : undefined;
  const hook = importContext(seed, memory);
  const given: unknown = h.harness.imports?.(hook.ctx) ?? {};
  if (typeof given !== 'object' || given === null) throw new Error(`imports(ctx) returned ${given === null ? 'null' : typeof given}, not an imports object ({ module: { name: value } })`);
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const imp of WebAssembly.Module.imports(mod)) {
    const provided = (given as Record<string, Record<string, WebAssembly.ImportValue> | undefined>)[imp.module]?.[imp.name];
    const ns = (imports[imp.module] ??= {});
    if (provided !== undefined) ns[imp.name] = provided;
    else if (imp.kind === 'function') {
      ns[imp.name] = (...args: unknown[]) => {
        throw new Error(`imported function ${imp.module}.${imp.name} called (args ${args.join(', ')}); the harness does not provide it`);
      };
    } else if (imp.kind === 'memory' && memory) ns[imp.name] = memory;
  }
  const instance = new WebAssembly.Instance(mod, imports);
  hook.bind(instance);
  return { exports: instance.exports, memory: memoryOf(instance, memory), rng: rngFor(h, seed), seed };
}

function isOutputValue(v: unknown): v is OutputValue {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || t === 'boolean' || t === 'string' || ArrayBuffer.isView(v) || (Array.isArray(v) && v.every(isOutputValue));
}

/**
 * Check what `output()` returned and copy views on linear memory, so a later memory.grow or run cannot
 * change or detach them. Throws, naming the output, on a value that cannot be compared.
 */
export function detachOutputs(values: Record<string, OutputValue>): Record<string, OutputValue> {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new Error('output() must return an object of named values ({ name: value })');
  }
  const copy = (v: OutputValue): OutputValue =>
    Array.isArray(v) ? v.map(copy) : ArrayBuffer.isView(v) ? ((v as unknown as { slice(): ArrayBufferView }).slice?.() ?? v) : v;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      // undefined compares equal to undefined (an output a run does not produce), as it always has.
      if (v !== undefined && !isOutputValue(v)) {
        const got = v === null ? 'null' : Array.isArray(v) ? 'an array holding other values' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
        throw new Error(`output '${k}' is ${got}: outputs are numbers, bigints, booleans, strings, typed arrays, or arrays of these`);
      }
      return [k, v === undefined ? v : copy(v)];
    }),
  );
}
