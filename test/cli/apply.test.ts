// `wasmtune apply`: any recipe, passes of ours included, becomes a module; the printed wasm-opt command
// covers only what wasm-opt can run.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';
import { contentHash } from '../../src/evaluate/evaluator.js';

describe('wasmtune apply', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmtune-apply-'));

  it('builds a recipe with a pass of ours, verifies its outputs, and says wasm-opt can replay only the prefix', async () => {
    const recipe = join(dir, 'r.json');
    writeFileSync(recipe, JSON.stringify({ passes: ['-O1', 'wt-promote-stack', '-O3'] }));
    const out = join(dir, 'out.wasm');
    const r = await cli('apply', recipe, 'kernel://wasmtune-v0/sort', '-o', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect(r.stdout).toContain(`sha256 ${contentHash(bytes)}, outputs verified`);
    expect(r.stdout).toMatch(/wasm-opt input\.wasm -O1 .* # only the first 1 of 3 steps: wasm-opt cannot run wt-promote-stack/);
  });

  it('needs -o, and names a bad pass argument with the values it takes', async () => {
    const recipe = join(dir, 'bad.json');
    writeFileSync(recipe, JSON.stringify({ passes: ['wt-promote-stack'] }));
    const noOut = await cli('apply', recipe, 'kernel://wasmtune-v0/sort');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/-o out\.wasm/);
    writeFileSync(recipe, JSON.stringify({ passes: ['wt-unroll:3'] }));
    const bad = await cli('apply', recipe, 'kernel://wasmtune-v0/sort', '-o', join(dir, 'x.wasm'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/E_.*wt-unroll.*'wt-unroll:2'/);
  });
});
