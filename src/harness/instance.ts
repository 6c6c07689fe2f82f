/**
 * One instance of a module for one harness run: the imports the harness provides (and a stub that throws
 * for each function it does not), the imported memory when the module declares one, and copies of output
 * views. The runner process and in-process checks both instantiate through here, so a module runs the same
 * way in either.
 *
 * The harness's `imports(ctx)` is called here, once per instance and before it exists; `ctx.exports`,
 * `ctx.instance` and the instance's `ctx.memory` become readable as soon as instantiation has finished, so
 * an import function can read the instance's memory or call its exports while the workload runs.
 *
 * A script harness with an `instantiate(bytes, ctx)` hook creates the instance itself, through the module's
 * own loader ({@link instantiateThroughHook}); what the hook returns is checked here, and so is that it is a
 * new instance each time.
 */
import { rngFor, type LoadedHarness } from './load.js';
import type { HarnessContext, ImportContext, Instantiated, OutputValue } from './types.js';

/** An imported memory's limits, as the module declares them (pages). */
export interface MemoryImportLimits {
  initialPages: number;
  maximumPages?: number;
}

/** The memory an instance uses: the export named `memory`, else any exported memory, else the imported one. */
function memoryOf(exports: WebAssembly.Exports, imported: WebAssembly.Memory | undefined): WebAssembly.Memory | undefined {
  const named = exports.memory;
  if (named instanceof WebAssembly.Memory) return named;
  const exported = Object.values(exports).find((e) => e instanceof WebAssembly.Memory) as WebAssembly.Memory | undefined;
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
      memory = memoryOf(i.exports, imported);
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
  return { exports: instance.exports, memory: memoryOf(instance.exports, memory), instance, rng: rngFor(h, seed), seed };
}

/**
 * Every exports object and memory an `instantiate` hook has returned in this process. One returned again
 * is an instance (or a memory) that an earlier run used: its state would carry over into this run.
 */
const handedOut = new WeakSet<object>();

const kindOf = (v: unknown): string =>
  v === null || v === undefined ? String(v) : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/**
 * One run's instance created by the harness's `instantiate(bytes, ctx)` hook: `bytes` is this run's own
 * copy of the module, `mod` the same bytes compiled. Throws (the run fails in phase `instantiate`) when the
 * hook throws or rejects, returns something that is not an instance, or returns an instance or a memory
 * that an earlier run already used.
 */
export async function instantiateThroughHook(h: LoadedHarness, bytes: Uint8Array, mod: WebAssembly.Module, seed: number): Promise<HarnessContext> {
  const hook = h.harness.instantiate;
  if (!hook) throw new Error('the harness has no instantiate hook');
  const got: unknown = await hook(bytes, { module: mod, seed });
  const shape = 'return { instance } or { exports, memory?, api? }';
  if (typeof got !== 'object' || got === null || Array.isArray(got)) throw new Error(`instantiate(bytes, ctx) returned ${kindOf(got)}: ${shape}`);
  const r = got as Instantiated;
  if (r.instance !== undefined && !(r.instance instanceof WebAssembly.Instance)) {
    throw new Error(`instantiate(bytes, ctx) returned an 'instance' that is ${kindOf(r.instance)}, not a WebAssembly.Instance: ${shape}`);
  }
  const exports = r.exports ?? r.instance?.exports;
  if (typeof exports !== 'object' || exports === null) {
    throw new Error(`instantiate(bytes, ctx) returned neither 'instance' nor an 'exports' object: ${shape}`);
  }
  if (r.memory !== undefined && !(r.memory instanceof WebAssembly.Memory)) {
    throw new Error(`instantiate(bytes, ctx) returned a 'memory' that is ${kindOf(r.memory)}, not a WebAssembly.Memory`);
  }
  const memory = r.memory ?? memoryOf(exports, undefined);
  for (const [what, v] of [['exports', exports], ['memory', memory]] as const) {
    if (v === undefined) continue;
    if (handedOut.has(v)) {
      throw new Error(
        `instantiate(bytes, ctx) returned the ${what} of an instance that an earlier run used: every run needs a new instance, or state carries over between runs (a loader that keeps its instance in a module-level variable returns the first one again: load a fresh copy of the loader for each run)`,
      );
    }
    handedOut.add(v);
  }
  return { exports, memory, ...(r.instance ? { instance: r.instance } : {}), ...(r.api !== undefined ? { api: r.api } : {}), rng: rngFor(h, seed), seed };
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
