/**
 * The property every pass of ours keeps on the suite: each recipe that uses it builds a module that
 * validates and gives the original's outputs on the harness seeds; and the pass has something to do on
 * each kernel (so the property is not vacuous).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Evaluator } from '../../src/evaluate.js';
import { loadKernel } from '../../src/kernels/index.js';
import { DEFAULT_KNOBS } from '../../src/recipe.js';

export function suiteStaysOutputEqual(
  kernels: readonly string[],
  recipes: readonly string[][],
  applies: { title: string; test: (bytes: Uint8Array, features: number) => boolean },
): void {
  describe('suite kernels stay valid and output-equal', () => {
    for (const name of kernels) {
      describe(name, () => {
        let ev: Evaluator;
        let bytes: Uint8Array;
        beforeAll(async () => {
          const kernel = await loadKernel(`kernel://wasmtune-v0/${name}`);
          bytes = kernel.bytes;
          ev = await Evaluator.create(kernel, { objective: 'size' });
        });
        afterAll(() => ev?.close());

        it(applies.title, () => {
          expect(applies.test(bytes, ev.features)).toBe(true);
        });

        for (const passes of recipes) {
          it(passes.join(' '), async () => {
            const r = await ev.evaluate({ knobs: { ...DEFAULT_KNOBS }, passes });
            expect(r.state === 'ok' ? 'ok' : `${r.reason}: ${r.detail}`).toBe('ok');
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
export function runExport(bytes: Uint8Array, name: string, arg: number): string {
  const ex = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports as Record<string, unknown>;
  let result: string;
  try {
    result = String((ex[name] as (x: number) => number)(arg));
  } catch (e) {
    result = `trap: ${(e as Error).message}`;
  }
  const mem = new Int32Array((ex.memory as WebAssembly.Memory).buffer);
  let h = 0;
  for (let i = 0; i < 1024; i++) h = (Math.imul(h, 31) + mem[i]!) | 0;
  return `${result} / memory ${h}`;
}
