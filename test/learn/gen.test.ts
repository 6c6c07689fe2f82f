/** The kernel generator: deterministic under an id, and its kernels validate and run like suite kernels. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generateKernel, kernelId, materialise } from '../../src/learn/gen/index.js';
import { watToWasm } from '../../src/kernels/wat.js';
import { moduleFeatures } from '../../src/learn/features/features.js';
import { checkJsonHarness } from '../../src/harness/load.js';
import { Evaluator } from '../../src/evaluate/evaluator.js';
import { levelRecipe } from '../../src/recipe/recipe.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-gen-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateKernel', () => {
  it('is a pure function of the id', () => {
    const a = generateKernel('train-3');
    const b = generateKernel('train-3');
    expect(a.wat).toBe(b.wat);
    expect(a.harness).toEqual(b.harness);
    expect(generateKernel('train-4').wat).not.toBe(a.wat);
    expect(generateKernel('val-3').wat).not.toBe(a.wat);
    expect(kernelId('val', 7)).toBe('val-7');
  });

  it('gives loop nests, mixed arithmetic and helpers that assemble, across many ids', async () => {
    let withCalls = 0;
    let withIndirect = 0;
    let deepest = 0;
    for (let i = 0; i < 40; i++) {
      const g = generateKernel(kernelId('train', i));
      checkJsonHarness(`train-${i}`, g.harness);
      const f = moduleFeatures(await watToWasm(g.wat, `train-${i}.wat`));
      expect(f.counts.loops).toBeGreaterThan(0);
      expect(f.counts.loads + f.counts.stores).toBeGreaterThan(0);
      expect(f.counts.intArith).toBeGreaterThan(0);
      if (f.counts.calls) withCalls++;
      if (f.counts.indirectCalls) withIndirect++;
      deepest = Math.max(deepest, f.maxLoopDepth);
    }
    expect(withCalls).toBeGreaterThan(10);
    expect(withIndirect).toBeGreaterThan(0);
    expect(deepest).toBe(3);
  });

  it('emits both styles of frontend code, each decided apart from the program', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => kernelId('train', i));
    const framed = ids.filter((id) => generateKernel(id).wat.includes('$__stack_pointer')).length;
    const accessed = ids.filter((id) => generateKernel(id).wat.includes('(call $get_')).length;
    expect(framed).toBeGreaterThan(6);
    expect(framed).toBeLessThan(34);
    expect(accessed).toBeGreaterThan(6);
    expect(accessed).toBeLessThan(34);
    for (const id of ids.slice(0, 5)) {
      const plain = generateKernel(id, { frames: 0, accessors: 0 });
      expect(plain.wat).not.toMatch(/__stack_pointer|\$get_|\$set_/);
      const both = generateKernel(id, { frames: 1, accessors: 1 });
      expect(both.wat).toMatch(/global \$__stack_pointer/);
      // The style does not change the program: same harness (inputs, arguments, outputs).
      expect(both.harness.inputs).toEqual(plain.harness.inputs);
      expect(both.harness.args).toEqual(plain.harness.args);
      await watToWasm(both.wat, `${id}.wat`);
    }
  });

  it('writes the same bytes twice; its kernels pass their harness and -O3/-Oz candidates validate', async () => {
    const k1 = await materialise('train-1', {}, dir);
    const again = await materialise('train-1', {}, dir);
    expect(Buffer.from(again.bytes).equals(Buffer.from(k1.bytes))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'train-1', 'harness.json'), 'utf8')).format).toBe('wasmtune-harness-v1');
    const kernels = [k1, await materialise('train-2', {}, dir), await materialise('val-0', { scale: 'tiny' }, dir)];
    for (const k of kernels) {
      // Evaluator.create runs the harness twice on the original and checks determinism.
      const ev = await Evaluator.create(k, { objective: 'size' });
      try {
        expect(ev.verified).toBe(true);
        for (const level of ['O3', 'Oz'] as const) {
          const r = await ev.evaluate(levelRecipe(level));
          expect(r.state, `${k.name} -${level}: ${r.state === 'invalid' ? r.detail : ''}`).toBe('ok');
        }
      } finally {
        ev.close();
      }
    }
  });
});
