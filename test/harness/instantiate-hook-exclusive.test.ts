// A script harness instantiates the module either itself (`instantiate`) or through wasmtune with the
// imports it provides (`imports`), never both: `imports` would never be called. Both together, or an
// `instantiate` that is not a function, is E_BAD_HARNESS before anything runs.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHarness } from '../../src/harness/load.js';
import { WasmtuneError } from '../../src/errors.js';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-instantiate-exclusive-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const HOOKS = 'setup() {}, run() {}, output() { return {}; }';

async function refusal(path: string): Promise<WasmtuneError> {
  const e = await loadHarness(path).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(WasmtuneError);
  expect((e as WasmtuneError).code).toBe('E_BAD_HARNESS');
  return e as WasmtuneError;
}

describe('the instantiate hook and the imports hook', () => {
  it('refuses a harness with both', async () => {
    const e = await refusal(write('both.mjs', `export default { instantiate: async () => ({}), imports: () => ({}), ${HOOKS} };\n`));
    expect(e.message).toMatch(/both\.mjs: the default export has both 'instantiate' and 'imports': .*keep one of them/);
  });

  it('refuses an instantiate that is not a function', async () => {
    const e = await refusal(write('not-a-function.mjs', `export default { instantiate: { wasmBinary: true }, ${HOOKS} };\n`));
    expect(e.message).toMatch(/'instantiate' must be a function \(bytes, ctx\)/);
  });

  it('accepts either one alone', async () => {
    expect((await loadHarness(write('instantiate-only.mjs', `export default { instantiate: async () => ({}), ${HOOKS} };\n`))).kind).toBe('script');
    expect((await loadHarness(write('imports-only.mjs', `export default { imports: () => ({}), ${HOOKS} };\n`))).kind).toBe('script');
  });

  it('stops check with E_BAD_HARNESS before running anything', async () => {
    const harness = write('both-check.mjs', `export default { instantiate: async () => ({}), imports: () => ({}), ${HOOKS} };\n`);
    const r = await cli('check', new URL('./fixtures/loader/tally.wat', import.meta.url).pathname, '--harness', harness);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/E_BAD_HARNESS: .*both 'instantiate' and 'imports'/);
  });
});
