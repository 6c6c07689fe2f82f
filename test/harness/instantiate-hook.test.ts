// The instantiate(bytes, ctx) hook: a script harness instantiates each run's module itself, through the
// module's own JavaScript loader (fixtures/loader/: a hand-written loader in Emscripten's style around a
// WAT module). Each run gets a new instance made from the bytes of the module under test, so the original
// validates, -O3 of it validates and is timed, and a candidate that computes something else is rejected.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { loadKernel } from '../../src/kernels/index.js';
import { watToWasm } from '../../src/kernels/wat.js';
import { cli } from '../helpers.js';
import { fixture, scratchWriter, WAT } from './loader-fixture.js';

const HARNESS = fixture('harness.mjs');
const write = scratchWriter('wasmtune-instantiate-');

/** What tally returns on a fresh instance for seed `seed`: 1000 × Σ (3b + 1) over 256 seeded bytes, + 1 call. */
function expected(seed: number): number {
  const rng = seedrandom(String(seed));
  const bytes = Array.from({ length: 256 }, () => Math.floor(rng() * 256));
  return 1000 * bytes.reduce((a, b) => a + 3 * b + 1, 0) + 1;
}

/** The fixture module with its weights changed: a miscompile the harness must notice. */
async function wrongModule(): Promise<Uint8Array> {
  const text = readFileSync(WAT, 'utf8').replace('(i32.const 1000)', '(i32.const 1001)');
  return watToWasm(text, 'tally-wrong.wat');
}

/**
 * A harness that logs each call of its hook (in the runner process): the seed, a hash of the bytes it was
 * given, and whether ctx.module is a compiled module; its loader instantiates ctx.module.
 */
function loggingHarness(name: string, log: string): string {
  return write(name, `import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import createTally from ${JSON.stringify(new URL('./fixtures/loader/loader.mjs', import.meta.url).href)};
export default {
  async instantiate(bytes, ctx) {
    appendFileSync(${JSON.stringify(log)}, JSON.stringify({ seed: ctx.seed, bytes: createHash('sha256').update(bytes).digest('hex'), module: ctx.module instanceof WebAssembly.Module }) + '\\n');
    const api = await createTally({ instantiateWasm: (imports, receive) => receive(new WebAssembly.Instance(ctx.module, imports)) });
    return { instance: api.instance, api };
  },
  setup({ rng }) { return Uint8Array.from({ length: 256 }, () => Math.floor(rng() * 256)); },
  run({ api }, input) { return api.tally(input); },
  output({ instance, memory, exports }, input, result) {
    return { result, sameMemory: instance.exports.memory === memory, buffer: new Uint8Array(memory.buffer, exports.buffer(), input.length) };
  },
};
`);
}

const calls = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { seed: number; bytes: string; module: boolean }) : []);

describe('a harness that instantiates the module through its own loader', () => {
  it('runs every seed on a new instance from the loader, whose API reaches setup, run and output', async () => {
    const kernel = await loadKernel(WAT, HARNESS);
    const ev = await Evaluator.create(kernel, { objective: 'size' });
    try {
      // One tally call per instance: an instance reused by a later run would count 2, 3, …
      expect(ev.referenceOutputs.map((o) => o.result)).toEqual([1, 2, 3].map(expected));
      expect(ev.referenceOutputs[0]!.buffer).toBeInstanceOf(Uint8Array);
    } finally {
      ev.close();
    }
  });

  it('calls the hook once per run with the bytes of the module under test, compiled as ctx.module', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'wasmtune-instantiate-log-')), 'hook.log');
    const kernel = await loadKernel(WAT, loggingHarness('logging.mjs', log));
    const ev = await Evaluator.create(kernel, { objective: 'size' });
    try {
      expect(calls(log).map((c) => c.seed)).toEqual([1, 2, 3, 1, 2, 3]);
      const wrong = await wrongModule();
      const r = await ev.check(wrong);
      expect(r.state).toBe('invalid');
      if (r.state === 'invalid') {
        expect(r.reason).toBe('wrong-output');
        expect(r.detail).toMatch(/^seed 1: result: expected \d+, got \d+/);
      }
      const sha = createHash('sha256').update(wrong).digest('hex');
      expect(calls(log).slice(6)).toEqual([1, 2, 3].map((seed) => ({ seed, bytes: sha, module: true })));
      expect(ev.referenceOutputs.every((o) => o.sameMemory === true)).toBe(true);
    } finally {
      ev.close();
    }
  });

  it('rejects a candidate that computes something else when the loader is given the bytes', async () => {
    const kernel = await loadKernel(WAT, HARNESS);
    const ev = await Evaluator.create(kernel, { objective: 'size' });
    try {
      const r = await ev.check(await wrongModule());
      expect(r.state === 'invalid' && r.reason).toBe('wrong-output');
    } finally {
      ev.close();
    }
  });

  it('times calls on instances from the loader', async () => {
    const kernel = await loadKernel(WAT, HARNESS);
    const ev = await Evaluator.create(kernel, { objective: 'size', roundMs: 1 });
    try {
      await ev.setRuntimeBaseline(kernel.bytes);
      const m = await ev.measure(kernel.bytes, kernel.bytes, { rounds: 3, iterations: 2 }, true);
      expect(typeof m).toBe('object');
      if (typeof m === 'object') {
        expect(m.baselineMs).toBeGreaterThan(0);
        expect(m.median).toBeGreaterThan(0);
      }
    } finally {
      ev.close();
    }
  });

  it('passes check: the original twice, and -O3 of it', async () => {
    const r = await cli('check', WAT, '--harness', HARNESS, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.o3.state).toBe('ok');
  });
});
