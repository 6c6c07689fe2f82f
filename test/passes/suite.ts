/**
 * Shared helpers of the pass tests.
 *
 * The property every pass of ours keeps on the suite: each recipe that uses it builds a module that
 * validates and gives the original's outputs on the harness seeds; and the pass has something to do on
 * each kernel (so the property is not vacuous). Kernels are checked in the test's own process, with no
 * child process: the recipe is built exactly as the builder process builds it (`build` with the
 * registry's pass functions), validated by Binaryen, and the kernel's harness runs it as the runner
 * process does. The Evaluator around those processes (isolation, deadlines, caching) is exercised by
 * the catalog contract (test/contracts/passes.test.ts), which runs every step of ours too.
 *
 * `WASMTUNE_FULL=1` runs the full sets (every kernel, every recipe, more seeds) that the default run
 * samples; see {@link FULL}.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { binaryen, build, checkBuilt, detectFeatures, moduleFacts, type ModuleFacts } from '../../src/binaryen/module.js';
import { customPassFunctions } from '../../src/passes/custom/index.js';
import { compareOutputs } from '../../src/validate/compare.js';
import type { LoadedHarness } from '../../src/harness/load.js';
import { detachOutputs, instantiateHarness } from '../../src/harness/instance.js';
import type { OutputValue } from '../../src/harness/types.js';
import { loadKernel, type Kernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS, type Knobs } from '../../src/recipe/recipe.js';
import type { PassRequirement } from '../../src/passes/registry.js';

/** `WASMTUNE_FULL=1`: every kernel, recipe and seed; the default run checks a sample of each. */
export const FULL = process.env.WASMTUNE_FULL === '1';

/** The full list under `WASMTUNE_FULL=1`, else the sample. */
export function sample<T>(full: readonly T[], quick: readonly T[]): readonly T[] {
  return FULL ? full : quick;
}

const custom = customPassFunctions();

type Outputs = Array<Record<string, OutputValue>>;

/** A suite kernel with its original outputs, to check recipes against in this process. */
export class KernelCheck {
  private constructor(
    readonly kernel: Kernel,
    readonly features: number,
    readonly seeds: readonly number[],
    private readonly facts: ModuleFacts,
    private readonly reference: Outputs,
  ) {}

  private static readonly loaded = new Map<string, Promise<KernelCheck>>();

  /**
   * The kernel `kernel://wasmtune-v0/<name>`, loaded once per test file (and per seed list); `<name>@clang-O2`
   * is its clang -O2 build (kernels/reference-o2/<name>/module.wasm) with the same harness.
   */
  static load(name: string, seeds?: readonly number[]): Promise<KernelCheck> {
    const key = `${name}/${seeds?.join(',') ?? ''}`;
    let p = KernelCheck.loaded.get(key);
    if (!p) {
      p = (async () => {
        const [base, build] = name.split('@');
        const suite = await loadKernel(`kernel://wasmtune-v0/${base}`);
        const kernel = build === 'clang-O2'
          ? await loadKernel(new URL(`../../kernels/reference-o2/${base}/module.wasm`, import.meta.url).pathname, suite.harness!.path)
          : suite;
        const features = detectFeatures(kernel.bytes);
        if (features === undefined) throw new Error(`${name} does not validate`);
        const facts = moduleFacts(kernel.bytes, features);
        const s = seeds ?? kernel.harness!.seeds;
        const reference = run(kernel.harness!, kernel.bytes, facts, s);
        if (typeof reference === 'string') throw new Error(`${name}: the harness fails on the original module: ${reference}`);
        return new KernelCheck(kernel, features, s, facts, reference);
      })();
      KernelCheck.loaded.set(key, p);
    }
    return p;
  }

  get bytes(): Uint8Array {
    return this.kernel.bytes;
  }

  /** The module a recipe builds from the original (the default knobs unless given). */
  build(passes: readonly string[], knobs: Knobs = DEFAULT_KNOBS): Uint8Array {
    return build(this.kernel.bytes, { knobs: { ...knobs }, passes: [...passes] }, this.features, custom);
  }

  /** 'ok' when the recipe's module validates and gives the original's outputs on the seeds, else why not. */
  check(passes: readonly string[], knobs: Knobs = DEFAULT_KNOBS): string {
    let bytes: Uint8Array;
    try {
      bytes = this.build(passes, knobs);
    } catch (e) {
      return `build: ${(e as Error).message}`;
    }
    return this.verify(bytes);
  }

  /** 'ok' when a module built from this kernel validates and gives the original's outputs on the seeds, else why not. */
  verify(bytes: Uint8Array): string {
    if (!checkBuilt(bytes, this.features).valid) return 'validation: Binaryen validation failed';
    const out = run(this.kernel.harness!, bytes, this.facts, this.seeds);
    if (typeof out === 'string') return `trap: ${out}`;
    for (let i = 0; i < this.seeds.length; i++) {
      const d = compareOutputs(this.reference[i]!, out[i]!, this.kernel.harness!.harness.tolerance);
      if (d) return `wrong-output: seed ${this.seeds[i]}: ${d}`;
    }
    return 'ok';
  }
}

/**
 * Knobs under which a step runs with its declared requirements met (src/passes/requirements.ts):
 * `lowMemoryUnused` for `low-memory-unused`, and `fastMath` for `fast-math` when the kernel's harness
 * declares a float tolerance (the search draws fast-math nowhere else; without the knob such a pass
 * reassociates nothing, and must still keep the outputs). A recipe meets `flat` (expandStep) and the engine
 * `simd`.
 */
export function knobsMeeting(requires: readonly PassRequirement[] | undefined, kernel: Kernel, base: Knobs = DEFAULT_KNOBS): Knobs {
  const knobs = { ...base };
  if (requires?.includes('low-memory-unused')) knobs.lowMemoryUnused = true;
  if (requires?.includes('fast-math') && kernel.harness?.harness.tolerance) knobs.fastMath = true;
  return knobs;
}

/** Run the harness on a module for each seed, as the runner process does: the outputs, or the error. */
function run(h: LoadedHarness, bytes: Uint8Array, facts: ModuleFacts, seeds: readonly number[]): Outputs | string {
  const mod = new WebAssembly.Module(new Uint8Array(bytes));
  const out: Outputs = [];
  for (const seed of seeds) {
    try {
      const ctx = instantiateHarness(h, mod, facts.memoryImport, seed);
      const state = h.harness.setup(ctx);
      const result = h.harness.run(ctx, state);
      out.push(detachOutputs(h.harness.output(ctx, state, result)));
    } catch (e) {
      return `seed ${seed}: ${(e as Error).message}`;
    }
  }
  return out;
}

export interface SuiteCheck {
  /** Recipes each kernel is built with, or the recipes for a kernel (by name). */
  recipes: readonly (readonly string[])[] | ((kernel: string) => readonly (readonly string[])[]);
  /** Harness seeds each kernel runs on (default: its harness's own). */
  seeds?: readonly number[];
  /** A test that the passes have work on each kernel, so the property is not vacuous. */
  applies?: { title: string; test: (bytes: Uint8Array, features: number) => boolean };
  /** Called in the test of a recipe once its module checked out (to record what the pass did there). */
  afterRecipe?: (k: KernelCheck, passes: readonly string[]) => void;
  /** Declares further tests of a kernel; `kernel()` is the loaded kernel inside them. */
  perKernel?: (kernel: () => KernelCheck, name: string) => void;
}

/**
 * For each kernel (a name of the suite): every recipe builds a module that validates and gives the
 * original's outputs on the seeds, and the checks `applies` and `perKernel` add.
 */
export function suiteStaysOutputEqual(kernels: readonly string[], check: SuiteCheck): void {
  const title = `suite kernels stay valid and output-equal${check.seeds ? ` on ${check.seeds.length} seeds` : ''}`;
  describe(title, () => {
    for (const name of kernels) {
      describe(name, () => {
        let k: KernelCheck;
        beforeAll(async () => {
          k = await KernelCheck.load(name, check.seeds);
        });

        const applies = check.applies;
        if (applies) {
          it(applies.title, () => {
            expect(applies.test(k.bytes, k.features)).toBe(true);
          });
        }

        const recipes = typeof check.recipes === 'function' ? check.recipes(name) : check.recipes;
        for (const passes of recipes) {
          it(passes.join(' '), () => {
            expect(k.check(passes)).toBe('ok');
            check.afterRecipe?.(k, passes);
          });
        }

        check.perKernel?.(() => k, name);
      });
    }
  });
}

/** A golden-file directory under test/golden: read an expected text, and check (or, with
 * `WASMTUNE_UPDATE_GOLDEN=1`, rewrite) one. A missing file fails. */
export function goldenDir(name: string): { read(file: string): string; check(file: string, text: string): void } {
  const path = (f: string) => new URL(`../golden/${name}/${f}`, import.meta.url).pathname;
  const read = (f: string) => readFileSync(path(f), 'utf8');
  return {
    read,
    check(file, text) {
      if (process.env.WASMTUNE_UPDATE_GOLDEN === '1') writeFileSync(path(file), text);
      expect(existsSync(path(file)), `${file} is missing: run with WASMTUNE_UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(read(file));
    },
  };
}

/** Call an export on a fresh instance: its result (or trap) and a digest of memory afterwards. */
export function runExport(bytes: Uint8Array, name: string, arg: number | bigint): string {
  const ex = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports as Record<string, unknown>;
  let result: string;
  try {
    result = String((ex[name] as (x: number | bigint) => unknown)(arg));
  } catch (e) {
    result = `trap: ${(e as Error).message}`;
  }
  const mem = new Int32Array((ex.memory as WebAssembly.Memory).buffer);
  let h = 0;
  for (let i = 0; i < 1024; i++) h = (Math.imul(h, 31) + mem[i]!) | 0;
  return `${result} / memory ${h}`;
}

/** A WAT module as Binaryen parses it: binary, or Binaryen's text (the form golden files compare). */
export function watBytes(wat: string): Uint8Array {
  const m = binaryen.parseText(wat);
  try {
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}

export function watText(wat: string): string {
  const m = binaryen.parseText(wat);
  try {
    return m.emitText();
  } finally {
    m.dispose();
  }
}

/** The names of a module's exported functions. */
export function exportsOf(bytes: Uint8Array): string[] {
  return WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(bytes))).filter((e) => e.kind === 'function').map((e) => e.name);
}
