// A harness whose workload takes no seeded input (`seeds: "none"`): it loads without seeds, validation runs
// the workload once per candidate while the original still runs twice, tune accepts it, and a workload
// that changes from run to run is still refused.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { loadHarness } from '../../src/harness/load.js';
import { WasmtuneError } from '../../src/errors.js';
import { cli } from '../helpers.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-noseed-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const json = (extra: Record<string, unknown>) => JSON.stringify({ format: 'wasmtune-harness-v1', export: 'run', args: [7], seeds: 'none', ...extra });

async function failure(p: Promise<unknown>): Promise<WasmtuneError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(WasmtuneError);
  return e as WasmtuneError;
}

/** A script harness that appends a line to `log` each time the workload runs (in the runner process). */
function countingHarness(name: string, log: string, seeds: string): string {
  return write(name, `import { appendFileSync } from 'node:fs';
export default {
  seeds: ${seeds},
  setup() { return 7; },
  run({ exports }, start) { appendFileSync(${JSON.stringify(log)}, 'run\\n'); return exports.run(start); },
  output({ memory }, _state, result) { return { result, head: new Int32Array(memory.buffer.slice(0, 256)) }; },
};
`);
}

const runs = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);

describe('a harness whose workload takes no seeded input', () => {
  it('loads as one unseeded run', async () => {
    const h = await loadHarness(fx('selfinit.harness.json'));
    expect(h.seeded).toBe(false);
    expect(h.seeds).toHaveLength(1);
  });

  it('runs the original twice and each candidate once', async () => {
    const log = join(dir, 'unseeded.log');
    const kernel = await loadKernel(fx('selfinit.wat'), countingHarness('unseeded.mjs', log, '"none"'));
    const ev = await Evaluator.create(kernel, { objective: 'size' });
    try {
      expect(runs(log)).toBe(2);
      expect((await ev.check(kernel.bytes)).state).toBe('ok');
      expect(runs(log)).toBe(3);
    } finally {
      ev.close();
    }
  });

  it('runs once per seed when the same harness declares seeds', async () => {
    const log = join(dir, 'seeded.log');
    const kernel = await loadKernel(fx('selfinit.wat'), countingHarness('seeded.mjs', log, '[1, 2, 3]'));
    const ev = await Evaluator.create(kernel, { objective: 'size' });
    try {
      expect(runs(log)).toBe(6);
      expect((await ev.check(kernel.bytes)).state).toBe('ok');
      expect(runs(log)).toBe(9);
    } finally {
      ev.close();
    }
  });

  it('is tuned, its outputs verified', async () => {
    const r = await cli('tune', fx('selfinit.wat'), '--harness', fx('selfinit.harness.json'), '--objective', 'size', '--budget', '3', '--no-runtime', '--out', join(dir, 'tuned'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.outputsVerified).toBe(true);
    expect(report.best.sizeBytes).toBeLessThanOrEqual(report.baselines.Oz.sizeBytes);
  });

  it('times the workload on its one run', async () => {
    const kernel = await loadKernel(fx('selfinit.wat'), fx('selfinit.harness.json'));
    const ev = await Evaluator.create(kernel, { objective: 'size', roundMs: 1 });
    try {
      await ev.setRuntimeBaseline(kernel.bytes);
      const m = await ev.measure(kernel.bytes, kernel.bytes, { rounds: 3, iterations: 2 }, true);
      expect(typeof m).toBe('object');
      if (typeof m === 'object') expect(m.median).toBeGreaterThan(0);
    } finally {
      ev.close();
    }
  });

  it('still refuses a workload that gives different outputs on two runs of the original', async () => {
    const harness = write('drifting.mjs', `let runs = 0;
export default {
  seeds: 'none',
  setup() { return undefined; },
  run({ exports }) { runs++; return exports.run(runs); },
  output(_ctx, _state, result) { return { result }; },
};
`);
    const e = await failure(Evaluator.create(await loadKernel(fx('selfinit.wat'), harness), { objective: 'size' }));
    expect(e.code).toBe('E_HARNESS_FAILS');
    expect(e.message).toMatch(/not deterministic: the workload \(no seeded input\) gave different outputs on two runs .*result: expected/);
  });

  it('fails, saying why, when a script harness draws from ctx.rng', async () => {
    const harness = write('draws.mjs', `export default {
  seeds: 'none',
  setup({ rng }) { return Math.floor(rng() * 100); },
  run({ exports }, start) { return exports.run(start); },
  output(_ctx, _state, result) { return { result }; },
};
`);
    const e = await failure(Evaluator.create(await loadKernel(fx('selfinit.wat'), harness), { objective: 'size' }));
    expect(e.code).toBe('E_HARNESS_FAILS');
    expect(e.message).toMatch(/\(setup\): ctx\.rng was called, but the harness declares seeds: "none"/);
  });

  it.each([
    ['an argument drawn from the seed', { args: [{ type: 'i32', min: 0, max: 9 }] }, /args\[0\] is drawn from the seed, but "seeds": "none" declares that the workload takes no seeded input/],
    ['an input drawn from a range', { inputs: [{ at: 0, type: 'i32', count: 4, min: 0, max: 9 }] }, /inputs\[0\] is drawn from a range on the seed, but "seeds": "none"/],
    ['an input with the default range', { inputs: [{ at: 0, type: 'u8', count: 4 }] }, /inputs\[0\] is drawn from a range on the seed/],
    ['an input drawn from an alphabet', { inputs: [{ at: 0, type: 'u8', count: 4, fill: undefined, alphabet: 'ab' }] }, /inputs\[0\] is drawn from an alphabet on the seed/],
    ['a misspelt "none"', { seeds: 'None' }, /"seeds" must be an array of at least 3 integers, or "none" for a workload that takes no seeded input/],
    ['fewer than 3 seeds', { seeds: [1, 2] }, /at least 3 seeds are needed for validation .*or "none"/],
  ])('refuses a JSON harness with %s (E_BAD_HARNESS)', async (name, extra, message) => {
    const e = await failure(loadHarness(write(`${name.replace(/\W+/g, '-')}.json`, json(extra))));
    expect(e.code).toBe('E_BAD_HARNESS');
    expect(e.message).toMatch(message);
  });

  it('accepts constant arguments and filled inputs', async () => {
    const h = await loadHarness(write('constant.json', json({ inputs: [{ at: 0, type: 'i32', count: 4, fill: 3 }] })));
    expect(h.seeded).toBe(false);
  });

  it('refuses a script harness with a misspelt "none"', async () => {
    const e = await failure(loadHarness(write('misspelt.mjs', "export default { seeds: 'nothing', setup() {}, run() {}, output() { return {}; } };\n")));
    expect(e.code).toBe('E_BAD_HARNESS');
    expect(e.message).toMatch(/"seeds" must be an array of at least 3 integers, or "none"/);
  });
});
