// A harness under which the original module traps (here: it asks for more elements than memory holds)
// is one clear line, E_HARNESS_FAILS with the seed, phase and trap, and a non-zero exit; nothing crashes.
// (Truncated and random bytes as .wasm, a WAT syntax error and a harness file that throws are in
// test/bad-input.test.ts.)
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';

describe('a harness that traps', () => {
  it('is E_HARNESS_FAILS, naming the seed, the phase and the trap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-trap-'));
    const harness = join(dir, 'trap.json');
    writeFileSync(harness, JSON.stringify({ format: 'wasmtune-harness-v1', export: 'sum', args: [1_000_000] }));
    const r = await cli('tune', new URL('../fixtures/sum.wat', import.meta.url).pathname, '--harness', harness, '--objective', 'size', '--budget', '2', '--db', join(dir, 'db.db'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^wasmtune: error E_HARNESS_FAILS: The harness fails on the original module \(seed 1, run\): .*out of bounds/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
