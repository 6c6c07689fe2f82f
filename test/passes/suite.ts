/**
 * Shared helpers of the pass tests.
 *
 * The property every pass of ours keeps on the suite: each recipe that uses it builds a module that
 * validates and gives the original's outputs on the harness seeds; and the pass has something to do on
 * each kernel (so the property is not vacuous). Kernels are checked in the test's own process, with no
 * child process: the recipe is built exactly as the builder process builds it (`build` with the
 * registry's pass functions), validated by Binaryen, and the kernel's harness runs it as the runner
 * process does. The Evaluator around those processes (isolation, deadlines, caching) is exercised by
 * the catalog contract (test/passes-contract.test.ts), which runs every step of ours too.
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
import { DEFAULT_KNOBS } from '../../src/recipe/recipe.js';

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

  /** The kernel `kernel://wasmtune-v0/<name>`, loaded once per test file (and per seed list). */
  static load(name: string, seeds?: readonly number[]): Promise<KernelCheck> {
    const key = `${name}/${seeds?.join(',') ?? ''}`;
    let p = KernelCheck.loaded.get(key);
    if (!p) {
      p = (async () => {
        const kernel = await loadKernel(`kernel://wasmtune-v0/${name}`);
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

  /** The module a recipe builds from the original. */
  build(passes: readonly string[]): Uint8Array {
    return build(this.kernel.bytes, { knobs: { ...DEFAULT_KNOBS }, passes: [...passes] }, this.features, custom);
  }

  /** 'ok' when the recipe's module validates and gives the original's outputs on the seeds, else why not. */
  check(passes: readonly string[]): string {
    let bytes: Uint8Array;
    try {
      bytes = this.build(passes);
    } catch (e) {
      return `build: ${(e as Error).message}`;
    }
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

export function suiteStaysOutputEqual(
  kernels: readonly string[],
  recipes: readonly string[][],
  applies: { title: string; test: (bytes: Uint8Array, features: number) => boolean },
): void {
  describe('suite kernels stay valid and output-equal', () => {
    for (const name of kernels) {
      describe(name, () => {
        let k: KernelCheck;
        beforeAll(async () => {
          k = await KernelCheck.load(name);
        });

        it(applies.title, () => {
          expect(applies.test(k.bytes, k.features)).toBe(true);
        });

        for (const passes of recipes) {
          it(passes.join(' '), () => {
            expect(k.check(passes)).toBe('ok');
          });
        }
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
