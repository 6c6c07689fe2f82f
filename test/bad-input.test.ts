// Every bad input is one clear line on stderr and a non-zero exit code, never a stack trace.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-bad-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const good = readFileSync(new URL('../kernels/wasmtune-v0/raytrace/module.wasm', import.meta.url));
const harness = new URL('./fixtures/sum.harness.json', import.meta.url).pathname;

const cases: Array<[string, () => string[], RegExp]> = [
  ['truncated module', () => ['tune', file('trunc.wasm', good.subarray(0, good.byteLength >> 1)), '--budget', '1'], /E_BAD_MODULE: Not a valid WebAssembly module/],
  ['random bytes', () => ['tune', file('rand.wasm', new Uint8Array(256).map((_, i) => (i * 7919) % 251)), '--budget', '1'], /E_BAD_MODULE/],
  ['WAT syntax error', () => ['tune', file('bad.wat', '(module (func (result i32) (i32.add (i32.const 1))))'.replace('(i32.const 1))', '(i32.const 1) oops))')), '--budget', '1'], /E_BAD_WAT: WAT syntax error/],
  ['unknown kernel', () => ['tune', 'kernel://wasmtune-v0/matmull', '--budget', '1'], /E_UNKNOWN_KERNEL: .*Did you mean 'kernel:\/\/wasmtune-v0\/matmul'/],
  ['unknown pass in a recipe', () => ['replay', file('r1.json', JSON.stringify({ passes: ['vacum'] })), 'kernel://wasmtune-v0/crc32'], /E_UNKNOWN_PASS: Unknown pass 'vacum'\. Did you mean 'vacuum'/],
  ['excluded pass in a recipe', () => ['replay', file('r2.json', JSON.stringify({ passes: ['asyncify'] })), 'kernel://wasmtune-v0/crc32'], /E_UNKNOWN_PASS: Pass 'asyncify' is excluded/],
  ['unknown knob', () => ['replay', file('r3.json', JSON.stringify({ knobs: { optimiseLevel: 3 }, passes: [] })), 'kernel://wasmtune-v0/crc32'], /E_UNKNOWN_KNOB: .*Did you mean 'optimizeLevel'/],
  ['knob out of range', () => ['replay', file('r4.json', JSON.stringify({ knobs: { shrinkLevel: 7 }, passes: [] })), 'kernel://wasmtune-v0/crc32'], /E_BAD_KNOB_VALUE: Knob 'shrinkLevel' must be an integer in 0\.\.2/],
  ['missing harness file', () => ['tune', 'test/fixtures/sum.wat', '--harness', 'nope.json', '--budget', '1'], /E_BAD_HARNESS: Harness file not found/],
  ['harness without export', () => ['tune', 'test/fixtures/sum.wat', '--harness', file('h1.json', JSON.stringify({ format: 'wasmtune-harness-v1' })), '--budget', '1'], /E_BAD_HARNESS: .*"export"/],
  ['harness that is not JSON', () => ['tune', 'test/fixtures/sum.wat', '--harness', file('h2.json', '{ nope'), '--budget', '1'], /E_BAD_HARNESS: .*not valid JSON/],
  ['harness script that throws on load', () => ['tune', 'test/fixtures/sum.wat', '--harness', file('h3.mjs', 'throw new Error("boom")'), '--budget', '1'], /E_BAD_HARNESS: .*failed to load: boom/],
  ['harness naming a missing export', () => ['tune', 'test/fixtures/sum.wat', '--harness', file('h4.json', JSON.stringify({ format: 'wasmtune-harness-v1', export: 'nosuch' })), '--budget', '1'], /E_HARNESS_FAILS: The harness fails on the original module .*'nosuch' is not a function/],
  ['unknown agent', () => ['tune', 'kernel://wasmtune-v0/crc32', '--agent', 'randon'], /E_UNKNOWN_AGENT: .*Did you mean 'random'/],
  ['bad budget', () => ['tune', 'kernel://wasmtune-v0/crc32', '--budget', 'lots'], /E_BAD_BUDGET/],
  ['unknown option', () => ['tune', 'kernel://wasmtune-v0/crc32', '--budgte', '3'], /E_USAGE/],
];

describe('bad input', () => {
  void harness;
  for (const [name, argv, pattern] of cases) {
    it(name, async () => {
      const r = await cli(...argv());
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
