/**
 * The harness contract: how wasmtune drives a kernel module and what it compares.
 *
 * A harness comes in one of two forms that share one runtime:
 *  - a declarative JSON file ({@link JsonHarness}), enough for most kernels, and
 *  - an ES module (`.mjs`) whose default export is a {@link ScriptHarness}, for anything else.
 *
 * A run of a kernel is always: `imports` (build this instance's imports) → instantiate → `setup` (write
 * seeded inputs, untimed) → `run` (the timed workload, calls the export once) → `output` (the values to
 * compare with the original module's). Every run has its own instance; nothing carries over between runs.
 * A script harness may instead instantiate the module itself, through the module's own JavaScript loader
 * (`instantiate(bytes, ctx)`, which replaces `imports` and wasmtune's instantiation).
 *
 * Validation runs the original module twice on every seed (the two runs must agree) and each candidate once
 * per seed. A harness whose workload takes no seeded input declares `seeds: "none"`: the original then runs
 * twice and each candidate once. docs/harness.md is the reference for users.
 *
 * Seeded inputs of a JSON harness are part of the format (changing them changes every kernel's inputs):
 * `rng = seedrandom(String(seed))`; `inputs` are written in array order, element by element, then `args`
 * are drawn in order. Integers: `floor(min + rng() * (max - min + 1))`; floats: `min + rng() * (max - min)`;
 * `alphabet`: the character at `floor(rng() * alphabet.length)`. Structured inputs (a valid graph, a
 * well-conditioned matrix) are built by the kernel or by a script harness from such raw values.
 * Return values arrive as JavaScript sees them (an i32 as a signed number, an i64 as a bigint).
 */

/** Scalar and array element types a JSON harness understands. */
export type ElementType = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f32' | 'f64';

/**
 * Where a memory buffer lives, resolved against each instance separately (so a candidate that moved its
 * data still works):
 *  - a number: a fixed byte address;
 *  - `{ global: name }`: the value of an exported global (wasm-ld exports a data symbol this way with
 *    `--export=name`);
 *  - `{ call: name, args?: [...] }`: the i32 returned by calling an export (an allocator, a getter).
 *  - `{ ...any of the above, add: n }`: plus a byte offset.
 */
export type Address =
  | number
  | { global: string; add?: number }
  | { call: string; args?: number[]; add?: number };

/** A seeded input written into linear memory before each run. */
export interface MemoryInput {
  /** Where the buffer starts. */
  at: Address;
  /** Element type. */
  type: ElementType;
  /** Number of elements. */
  count: number;
  /** Inclusive lower bound of the uniform distribution (default 0). Integers are drawn as integers. */
  min?: number;
  /** Upper bound (inclusive for integers, exclusive for floats; default 1 for floats, 255 for integers). */
  max?: number;
  /** Instead of a range: draw each byte from these characters (string processing kernels). */
  alphabet?: string;
  /** Instead of random values: a fixed fill (for example zeroed output buffers). */
  fill?: number;
}

/** An argument to the export: a constant, or drawn from the seed. */
export type Argument =
  | number
  | { type: ElementType; min: number; max: number }
  | { address: Address };

/** A memory range compared after the run. */
export interface MemoryOutput {
  at: Address;
  type: ElementType;
  count: number;
}

/** Relative and absolute tolerance for float outputs; without it floats compare bit for bit. */
export interface Tolerance {
  rel?: number;
  abs?: number;
}

/** The declarative harness, `harness.json`. */
export interface JsonHarness {
  /** Format marker; must be `wasmtune-harness-v1`. */
  format: 'wasmtune-harness-v1';
  /** Kernel name (defaults to the file name). */
  name?: string;
  description?: string;
  /** The module this harness belongs to, relative to the harness file (suite kernels only). */
  module?: string;
  /** The exported function that is the workload. */
  export: string;
  /** Arguments to the export, in order. */
  args?: Argument[];
  /** Memory written before each run, in order. */
  inputs?: MemoryInput[];
  /** What is compared: the return value (default true when the export returns a value) and memory ranges. */
  outputs?: { return?: boolean; memory?: MemoryOutput[] };
  /** Float tolerance; required for fast-math candidates to be valid. */
  tolerance?: Tolerance;
  /** Seeds used for validation (default [1, 2, 3]; at least 3), or {@link NoSeeds | "none"}. */
  seeds?: number[] | NoSeeds;
}

/**
 * The value of `seeds` that declares a workload without seeded input (it initialises its own data): one
 * validation run per candidate instead of one per seed. A JSON harness with it may only have constant
 * arguments and `fill` inputs; in a script harness `ctx.rng` throws and `ctx.seed` is 0.
 */
export type NoSeeds = 'none';

/**
 * What `imports(ctx)` receives. The hook is called once per instance, just before that instance is created
 * (each validation run and each timed call has its own), so state kept in its closure starts fresh for every
 * run. The import functions it returns run later, while the workload runs, and reach the instance through
 * the accessors below: read them inside the import function, not when `imports` runs.
 */
export interface ImportContext {
  /**
   * The instance's memory: before instantiation only a memory the module imports (wasmtune creates it with
   * the module's declared limits; otherwise undefined); once instantiation has finished, the memory the
   * instance uses, exported or imported. `memory.grow` replaces `memory.buffer`, so make views on each call.
   */
  readonly memory: WebAssembly.Memory | undefined;
  /** The instance's exports, once instantiation has finished; reading it earlier throws. */
  readonly exports: WebAssembly.Exports;
  /** The instance, once instantiation has finished; reading it earlier throws. */
  readonly instance: WebAssembly.Instance;
  /** The seed of this run (0 for a harness with `seeds: "none"`). */
  readonly seed: number;
}

/** What a script harness's hooks receive. */
export interface HarnessContext {
  /** The instance's exports. */
  exports: WebAssembly.Exports;
  /** The memory the module uses (exported or imported), if any. */
  memory: WebAssembly.Memory | undefined;
  /** The instance, when known (always, unless the harness's `instantiate` hook returned only exports). */
  instance?: WebAssembly.Instance;
  /** What the harness's `instantiate` hook returned as `api` (the loader's object for this instance). */
  api?: unknown;
  /** A seeded generator in [0, 1) (seedrandom, ARC4), fresh for each setup; throws under `seeds: "none"`. */
  rng: () => number;
  /** The seed of this run (0 for a harness with `seeds: "none"`). */
  seed: number;
}

/**
 * What `instantiate(bytes, ctx)` receives besides the bytes. The hook is called once per run, as `imports`
 * would be: every run needs an instance of its own.
 */
export interface InstantiateContext {
  /**
   * The same bytes, already compiled (the runner compiles each module once). A loader that accepts a
   * compiled module (Emscripten's `instantiateWasm`, wasm-bindgen's `initSync({ module })`) then skips
   * compiling the bytes on every run, which is slow for a large module in V8's optimizing tier.
   */
  readonly module: WebAssembly.Module;
  /** The seed of this run (0 for a harness with `seeds: "none"`). */
  readonly seed: number;
}

/**
 * What `instantiate(bytes, ctx)` returns: the new instance, for the other hooks. At least one of
 * `instance` and `exports` is required.
 */
export interface Instantiated {
  /** The instance; its exports and memory are used when `exports` or `memory` are not given. */
  instance?: WebAssembly.Instance;
  /** The instance's exports (`ctx.exports`); default `instance.exports`. */
  exports?: WebAssembly.Exports;
  /**
   * The memory the instance uses (`ctx.memory`); default the export named `memory`, else any exported
   * memory. Give it when the module imports its memory.
   */
  memory?: WebAssembly.Memory;
  /** Anything the other hooks need from the loader, such as its API object (`ctx.api`). */
  api?: unknown;
}

/**
 * A value compared between original and candidate: numbers (bit for bit, or within the tolerance when
 * floats), bigints, booleans and strings exactly, typed arrays element by element, arrays item by item.
 */
export type OutputValue = number | bigint | boolean | string | ArrayBufferView | OutputValue[];

/** The default export of a harness `.mjs` file. */
export interface ScriptHarness {
  name?: string;
  description?: string;
  /** The module, relative to the harness file (suite kernels only). */
  module?: string;
  /**
   * Imports to provide, called once per instance before it is created (see {@link ImportContext}); any
   * function import left out becomes a stub that throws when called.
   */
  imports?: (ctx: ImportContext) => WebAssembly.Imports;
  /**
   * Instantiate the module's bytes yourself, typically through the module's own JavaScript loader
   * (Emscripten's factory, wasm-bindgen's `initSync`, Go's `wasm_exec.js`); may be async. Called once per
   * run, and must create a new instance each time. Replaces wasmtune's instantiation and `imports`: a
   * harness has one or the other.
   */
  instantiate?: (bytes: Uint8Array, ctx: InstantiateContext) => Instantiated | Promise<Instantiated>;
  /** Write inputs; return state passed to run and output. Not timed. */
  setup: (ctx: HarnessContext) => unknown;
  /** The timed workload: one call of the kernel. */
  run: (ctx: HarnessContext, state: unknown) => unknown;
  /** The values to compare, by name. */
  output: (ctx: HarnessContext, state: unknown, result: unknown) => Record<string, OutputValue>;
  tolerance?: Tolerance;
  /** Seeds used for validation (default [1, 2, 3]; at least 3), or {@link NoSeeds | "none"}. */
  seeds?: number[] | NoSeeds;
}
