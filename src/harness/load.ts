/**
 * Loading a harness (JSON or .mjs) into the one runtime form, {@link ScriptHarness}. Used by the parent
 * to check a harness before anything runs, and by the runner process to run it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { WasmtuneError, messageOf } from '../errors.js';
import type { Address, Argument, ElementType, HarnessContext, JsonHarness, MemoryInput, NoSeeds, ScriptHarness, OutputValue } from './types.js';

const ELEMENT: Record<ElementType, { bytes: number; ctor: string; int: boolean; big: boolean }> = {
  i8: { bytes: 1, ctor: 'Int8Array', int: true, big: false },
  u8: { bytes: 1, ctor: 'Uint8Array', int: true, big: false },
  i16: { bytes: 2, ctor: 'Int16Array', int: true, big: false },
  u16: { bytes: 2, ctor: 'Uint16Array', int: true, big: false },
  i32: { bytes: 4, ctor: 'Int32Array', int: true, big: false },
  u32: { bytes: 4, ctor: 'Uint32Array', int: true, big: false },
  i64: { bytes: 8, ctor: 'BigInt64Array', int: true, big: true },
  u64: { bytes: 8, ctor: 'BigUint64Array', int: true, big: true },
  f32: { bytes: 4, ctor: 'Float32Array', int: false, big: false },
  f64: { bytes: 8, ctor: 'Float64Array', int: false, big: false },
};

export const DEFAULT_SEEDS = [1, 2, 3];
/** Fewest seeds a harness may declare: validation on fewer inputs proves too little. */
export const MIN_SEEDS = 3;
/** `seeds: "none"`: the workload takes no seeded input. */
export const NO_SEEDS: NoSeeds = 'none';
/** The seed of the one run of a workload without seeded input (what `ctx.seed` reads). */
export const UNSEEDED_RUN = 0;

/** A loaded harness: the runtime form plus where it came from. */
export interface LoadedHarness {
  path: string;
  kind: 'json' | 'script';
  harness: ScriptHarness;
  /** The module named by the harness, resolved (suite kernels). */
  modulePath?: string;
  /** False when the harness declares `seeds: "none"`: its workload takes no seeded input. */
  seeded: boolean;
  /**
   * The runs of one validation, in order: the harness's seeds, or `[UNSEEDED_RUN]` (a single run) when it
   * is not seeded. Runtime is timed on the first.
   */
  seeds: number[];
}

function bad(path: string, msg: string): never {
  throw new WasmtuneError('E_BAD_HARNESS', `Invalid harness ${path}: ${msg}`);
}

function checkAddress(path: string, where: string, a: unknown): void {
  if (typeof a === 'number' && Number.isInteger(a) && a >= 0) return;
  if (typeof a === 'object' && a !== null) {
    const o = a as Record<string, unknown>;
    if (typeof o.global === 'string' || typeof o.call === 'string') return;
  }
  bad(path, `${where} must be a byte address, {"global": name} or {"call": name}`);
}

/** `seeds` of either format: absent, an array of at least {@link MIN_SEEDS} integers, or "none". */
function checkSeeds(path: string, seeds: unknown): void {
  if (seeds === undefined || seeds === NO_SEEDS) return;
  const how = `"seeds" must be an array of at least ${MIN_SEEDS} integers, or "none" for a workload that takes no seeded input`;
  if (!Array.isArray(seeds) || seeds.some((s) => !Number.isInteger(s))) bad(path, how);
  if (seeds.length < MIN_SEEDS) bad(path, `at least ${MIN_SEEDS} seeds are needed for validation (${how})`);
}

/**
 * Under `seeds: "none"`, nothing may be drawn from a seed: a drawn argument or input would make the one
 * validation run test a single arbitrary input while claiming there is none.
 */
function checkUnseeded(path: string, o: Record<string, unknown>): void {
  const why = '"seeds": "none" declares that the workload takes no seeded input';
  const fix = 'make it constant, or declare seeds instead of "none"';
  (o.args as unknown[] | undefined)?.forEach((a, i) => {
    if (typeof a === 'object' && a !== null && 'type' in a) bad(path, `args[${i}] is drawn from the seed, but ${why}: ${fix} (a number)`);
  });
  (o.inputs as Array<Record<string, unknown>> | undefined)?.forEach((inp, i) => {
    if (inp.fill !== undefined) return;
    const what = inp.alphabet !== undefined ? 'drawn from an alphabet' : 'drawn from a range';
    bad(path, `inputs[${i}] is ${what} on the seed, but ${why}: ${fix} ("fill": a value)`);
  });
}

function checkType(path: string, where: string, t: unknown): asserts t is ElementType {
  if (typeof t !== 'string' || !(t in ELEMENT)) bad(path, `${where}.type must be one of ${Object.keys(ELEMENT).join(', ')}`);
}

/** Check a parsed JSON harness against the format, with messages that name the field. */
export function checkJsonHarness(path: string, h: unknown): JsonHarness {
  if (typeof h !== 'object' || h === null || Array.isArray(h)) bad(path, 'expected a JSON object');
  const o = h as Record<string, unknown>;
  if (o.format !== 'wasmtune-harness-v1') bad(path, '"format" must be "wasmtune-harness-v1"');
  if (typeof o.export !== 'string' || !o.export) bad(path, '"export" must name the exported function to call');
  if (o.args !== undefined) {
    if (!Array.isArray(o.args)) bad(path, '"args" must be an array');
    o.args.forEach((a, i) => {
      if (typeof a === 'number') return;
      if (typeof a === 'object' && a !== null && 'address' in a) return checkAddress(path, `args[${i}].address`, (a as { address: unknown }).address);
      if (typeof a === 'object' && a !== null && 'type' in a) {
        checkType(path, `args[${i}]`, (a as { type: unknown }).type);
        const r = a as { min?: unknown; max?: unknown };
        if (typeof r.min !== 'number' || typeof r.max !== 'number') bad(path, `args[${i}] needs numeric "min" and "max"`);
        return;
      }
      bad(path, `args[${i}] must be a number, {"type","min","max"} or {"address"}`);
    });
  }
  if (o.inputs !== undefined) {
    if (!Array.isArray(o.inputs)) bad(path, '"inputs" must be an array');
    o.inputs.forEach((inp: unknown, i) => {
      if (typeof inp !== 'object' || inp === null) bad(path, `inputs[${i}] must be an object`);
      const x = inp as Record<string, unknown>;
      checkAddress(path, `inputs[${i}].at`, x.at);
      checkType(path, `inputs[${i}]`, x.type);
      if (typeof x.count !== 'number' || !Number.isInteger(x.count) || x.count < 0) bad(path, `inputs[${i}].count must be a non-negative integer`);
      if (x.alphabet !== undefined && (typeof x.alphabet !== 'string' || !x.alphabet.length)) bad(path, `inputs[${i}].alphabet must be a non-empty string`);
    });
  }
  if (o.outputs !== undefined) {
    const out = o.outputs as Record<string, unknown>;
    if (typeof out !== 'object' || out === null) bad(path, '"outputs" must be an object');
    if (out.memory !== undefined) {
      if (!Array.isArray(out.memory)) bad(path, '"outputs.memory" must be an array');
      out.memory.forEach((m: unknown, i) => {
        const x = m as Record<string, unknown>;
        checkAddress(path, `outputs.memory[${i}].at`, x?.at);
        checkType(path, `outputs.memory[${i}]`, x?.type);
        if (typeof x.count !== 'number' || x.count < 0) bad(path, `outputs.memory[${i}].count must be a non-negative integer`);
      });
    }
  }
  checkSeeds(path, o.seeds);
  if (o.seeds === NO_SEEDS) checkUnseeded(path, o);
  return o as unknown as JsonHarness;
}

function resolveAddress(ctx: HarnessContext, a: Address): number {
  if (typeof a === 'number') return a;
  let base: number;
  if ('global' in a) {
    const g = ctx.exports[a.global];
    if (!(g instanceof WebAssembly.Global)) throw new Error(`export '${a.global}' is not a global`);
    base = Number(g.value);
  } else {
    const f = ctx.exports[a.call];
    if (typeof f !== 'function') throw new Error(`export '${a.call}' is not a function`);
    base = Number((f as (...args: number[]) => unknown)(...(a.args ?? [])));
  }
  return base + (a.add ?? 0);
}

function view(ctx: HarnessContext, at: number, type: ElementType, count: number): ArrayBufferView & ArrayLike<number | bigint> {
  if (!ctx.memory) throw new Error('the module has no memory to read or write');
  const e = ELEMENT[type];
  const end = at + count * e.bytes;
  if (end > ctx.memory.buffer.byteLength) throw new Error(`range ${at}..${end} is outside memory (${ctx.memory.buffer.byteLength} bytes)`);
  // Copy-free view for writes; an unaligned address needs a DataView-free fallback through a byte copy.
  const Ctor = (globalThis as unknown as Record<string, new (b: ArrayBufferLike, o: number, n: number) => ArrayBufferView & ArrayLike<number | bigint>>)[e.ctor]!;
  if (at % e.bytes === 0) return new Ctor(ctx.memory.buffer, at, count);
  const copy = new Uint8Array(ctx.memory.buffer.slice(at, end));
  return new Ctor(copy.buffer, 0, count);
}

function draw(rng: () => number, type: ElementType, min: number, max: number): number | bigint {
  const e = ELEMENT[type];
  if (!e.int) return min + rng() * (max - min);
  const v = Math.floor(min + rng() * (max - min + 1));
  return e.big ? BigInt(v) : v;
}

function writeInput(ctx: HarnessContext, inp: MemoryInput): void {
  const at = resolveAddress(ctx, inp.at);
  const e = ELEMENT[inp.type];
  if (at % e.bytes !== 0) throw new Error(`input address ${at} is not aligned for ${inp.type}`);
  const v = view(ctx, at, inp.type, inp.count) as unknown as { [i: number]: number | bigint; length: number };
  if (inp.fill !== undefined) {
    for (let i = 0; i < inp.count; i++) v[i] = e.big ? BigInt(inp.fill) : inp.fill;
    return;
  }
  if (inp.alphabet !== undefined) {
    const codes = [...inp.alphabet].map((c) => c.charCodeAt(0));
    for (let i = 0; i < inp.count; i++) v[i] = codes[Math.floor(ctx.rng() * codes.length)]!;
    return;
  }
  const min = inp.min ?? 0;
  const max = inp.max ?? (e.int ? 255 : 1);
  for (let i = 0; i < inp.count; i++) v[i] = draw(ctx.rng, inp.type, min, max);
}

/** Turn a JSON harness into the runtime form. */
export function fromJson(h: JsonHarness): ScriptHarness {
  return {
    name: h.name,
    description: h.description,
    module: h.module,
    tolerance: h.tolerance,
    seeds: h.seeds,
    setup(ctx) {
      for (const inp of h.inputs ?? []) writeInput(ctx, inp);
      return (h.args ?? []).map((a: Argument) => {
        if (typeof a === 'number') return a;
        if ('address' in a) return resolveAddress(ctx, a.address);
        return draw(ctx.rng, a.type, a.min, a.max);
      });
    },
    run(ctx, state) {
      const f = ctx.exports[h.export];
      if (typeof f !== 'function') throw new Error(`export '${h.export}' is not a function`);
      return (f as (...a: unknown[]) => unknown)(...(state as unknown[]));
    },
    output(ctx, _state, result) {
      const out: Record<string, OutputValue> = {};
      if (h.outputs?.return !== false && result !== undefined) out.return = result as number | bigint;
      (h.outputs?.memory ?? []).forEach((m, i) => {
        const at = resolveAddress(ctx, m.at);
        const v = view(ctx, at, m.type, m.count);
        out[`memory[${i}]`] = (v as unknown as { slice(): ArrayBufferView }).slice();
      });
      return out;
    },
  };
}

function checkScript(path: string, h: unknown): ScriptHarness {
  if (typeof h !== 'object' || h === null) bad(path, 'the default export must be an object with setup, run and output');
  const o = h as Record<string, unknown>;
  for (const f of ['setup', 'run', 'output'] as const) {
    if (typeof o[f] !== 'function') bad(path, `the default export has no function '${f}'`);
  }
  if (o.imports !== undefined && typeof o.imports !== 'function') bad(path, "'imports' must be a function returning an imports object");
  if (o.instantiate !== undefined && typeof o.instantiate !== 'function') bad(path, "'instantiate' must be a function (bytes, ctx) returning { instance } or { exports, memory?, api? }");
  if (o.instantiate !== undefined && o.imports !== undefined) {
    bad(path, "the default export has both 'instantiate' and 'imports': 'instantiate' creates the instance itself, with the imports its loader provides, so 'imports' would never be called; keep one of them");
  }
  checkSeeds(path, o.seeds);
  return o as unknown as ScriptHarness;
}

/** Load and check a harness file. Every problem is an E_BAD_HARNESS with the file and field named. */
export async function loadHarness(file: string): Promise<LoadedHarness> {
  const path = resolve(file);
  if (!existsSync(path)) throw new WasmtuneError('E_BAD_HARNESS', `Harness file not found: ${file}`);
  const ext = extname(path);
  let harness: ScriptHarness;
  let kind: 'json' | 'script';
  if (ext === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      bad(path, `not valid JSON (${messageOf(e)})`);
    }
    harness = fromJson(checkJsonHarness(path, data));
    kind = 'json';
  } else if (ext === '.mjs' || ext === '.js') {
    let mod: { default?: unknown };
    try {
      mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
    } catch (e) {
      throw new WasmtuneError('E_BAD_HARNESS', `Harness ${path} failed to load: ${messageOf(e)}`);
    }
    harness = checkScript(path, mod.default);
    kind = 'script';
  } else {
    throw new WasmtuneError('E_BAD_HARNESS', `Harness ${file} must be a .json or .mjs file.`);
  }
  const seeded = harness.seeds !== NO_SEEDS;
  const seeds = harness.seeds === NO_SEEDS ? [UNSEEDED_RUN] : harness.seeds ?? DEFAULT_SEEDS;
  const loaded: LoadedHarness = { path, kind, harness, seeded, seeds };
  if (harness.module) loaded.modulePath = resolve(dirname(path), harness.module);
  return loaded;
}

/** A seeded generator: seedrandom's ARC4 seeded with the decimal seed. */
export function seededRng(seed: number): () => number {
  return seedrandom(String(seed));
}

/** The generator a run gets: seeded, or for a harness without seeded input one that says so when called. */
export function rngFor(h: Pick<LoadedHarness, 'seeded'>, seed: number): () => number {
  if (h.seeded) return seededRng(seed);
  return () => {
    throw new Error('ctx.rng was called, but the harness declares seeds: "none" (its workload takes no seeded input); declare seeds to draw inputs from them');
  };
}

/** How messages name one validation run: `["seed 7"]`, or nothing for a harness without seeded input. */
export function seedLabel(h: Pick<LoadedHarness, 'seeded'>, seed: number): string[] {
  return h.seeded ? [`seed ${seed}`] : [];
}
