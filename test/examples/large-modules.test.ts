// The application modules of bench/modules/ that run through their own JavaScript loader tune end to end
// with `wasmtune tune --per-function on`: sql.js (SQLite, Emscripten), brotli-wasm (Rust, wasm-bindgen) and
// gofmt (Go, TinyGo). Each run validates the original twice, profiles its workload for the hot functions,
// builds and validates -O3 and -Oz (`--baselines O3,Oz`: the other levels would double the time), evaluates
// the agent's candidates (-Oz, then steps on the hot functions), writes best.wasm and its report, and
// records the run; a per-function recipe it evaluated builds the recorded module again, byte for byte.
//
// Most of the time goes to the two levels (wasm-opt of modules of 0.3 to 1 MB, up to 20 s each) and their
// validation. The budget is 2 evaluations of the greedy agent. The three tunes run at once, each with one
// job, so both cores of a 2-core machine stay busy.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalRecord, TuneReport } from '../../src/types.js';
import { cli } from '../helpers.js';

const modules = new URL('../../bench/modules/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-large-'));

describe('modules run through their own loader tune end to end', () => {
  for (const name of ['sqljs', 'brotli', 'gofmt']) {
    it.concurrent(`${name}: a size tune validates its result, no larger than the original, and records the run`, { timeout: 600_000 }, async () => {
      const original = join(modules, name, 'module.wasm');
      const db = join(dir, `${name}.db`);
      const out = join(dir, name);
      const harness = join(modules, name, 'harness.mjs');
      const r = await cli('tune', original, '--harness', harness, '--objective', 'size', '--no-runtime', '--per-function', 'on', '--baselines', 'O3,Oz',
        '--agent', 'greedy', '--budget', '2', '--seed', '1', '--db', db, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^per-function: \d+ of \d+ functions take [\d.]+ % of the time in wasm/m);

      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as TuneReport;
      expect(report.outputsVerified).toBe(true);
      expect(report.best.outputsChecked).toBe('bit-exact');
      const o3 = report.baselines.O3!;
      expect('invalid' in o3 ? o3.invalid : 'valid').toBe('valid');
      // Only the levels asked for were built: -O3 and -Oz.
      expect(Object.keys(report.baselines).sort()).toEqual(['O3', 'Oz']);
      expect(report.perFunction!.cold).toEqual(['-Oz']);
      const best = readFileSync(join(out, 'best.wasm'));
      expect(WebAssembly.validate(best)).toBe(true);
      expect(best.length).toBe(report.best.sizeBytes);
      expect(best.length).toBeLessThanOrEqual(statSync(original).size);

      const id = /recorded +run (\d+)/.exec(r.stdout)![1]!;
      const shown = JSON.parse((await cli('show', id, '--json', '--db', db)).stdout) as { records: EvalRecord[] };
      expect(shown.records).toHaveLength(2);
      for (const e of shown.records) {
        expect(['ok', 'invalid']).toContain(e.state);
        // Stored canonically: the group's names sorted (the report lists them hottest first).
        expect(e.recipe.functions?.hot).toEqual([...report.perFunction!.hot].sort());
        expect(e.recipe.passes.slice(report.perFunction!.cold.length).every((step) => step.startsWith('hot/'))).toBe(true);
      }

      if (name === 'gofmt') {
        // A per-function recipe the search evaluated, written to a file, builds the module the search
        // recorded, byte for byte (on the smallest of the three modules, to keep this short).
        const rec = shown.records.find((e) => e.state === 'ok' && e.recipe.passes.some((step) => step.startsWith('hot/')));
        expect(rec, 'an evaluated recipe with steps on the hot functions').toBeDefined();
        const file = join(dir, 'gofmt-recipe.json');
        writeFileSync(file, JSON.stringify(rec!.recipe));
        const applied = await cli('apply', file, original, '--harness', harness, '-o', join(dir, 'gofmt-applied.wasm'));
        expect(applied.code, applied.stderr).toBe(0);
        expect(applied.stdout).toContain(`sha256 ${rec!.hash}`);
        expect(applied.stdout).toMatch(/wasm-opt has no per-function pipelines/);
      }
    });
  }
});
