/**
 * Model selection (`wasmtune select`): the grid or a seeded sample of it, each setting trained and
 * scored zero-shot on the validation kernels (val-*), the best kept; the CLI writes both files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { selectModel, gridSettings } from '../../../src/learn/model-selection.js';
import { cli } from '../../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-select-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gridSettings', () => {
  const grid = { lr: [0.001, 0.01], batch: [4, 8], optimizer: ['adam', 'sgd'] };
  it('is the whole grid without --samples', () => {
    const all = gridSettings(grid, undefined, 1);
    expect(all).toHaveLength(8);
    expect(new Set(all.map((s) => JSON.stringify(s))).size).toBe(8);
  });
  it('draws a sample of the grid that depends only on the seed', () => {
    const a = gridSettings(grid, 3, 1);
    expect(a).toHaveLength(3);
    expect(gridSettings(grid, 3, 1)).toEqual(a);
    const all = new Set(gridSettings(grid, undefined, 1).map((s) => JSON.stringify(s)));
    for (const s of a) expect(all.has(JSON.stringify(s))).toBe(true);
    expect([1, 2, 3, 4, 5].some((seed) => JSON.stringify(gridSettings(grid, 3, seed)) !== JSON.stringify(a))).toBe(true);
  });
  it('rejects an empty grid axis', () => {
    expect(() => gridSettings({ ...grid, lr: [] }, undefined, 1)).toThrow(/at least one value of lr/);
  });
});

describe('selectModel', () => {
  it('trains each setting, scores it on the validation kernels and keeps the best', async () => {
    const r = await selectModel({
      grid: { lr: [0.003, 0.03], batch: [2], optimizer: ['adam'] }, valKernels: 1,
      train: { episodes: 4, kernels: 1, seed: 2, objective: 'size', hidden: [8], maxSteps: 3, gen: { scale: 'tiny' }, genDir: join(dir, 'gen') },
    });
    expect(r.rows.map((x) => x.lr)).toEqual([0.003, 0.03]);
    for (const row of r.rows) expect(row.validation).toBeGreaterThan(0);
    expect(r.best.validation).toBe(Math.min(...r.rows.map((x) => x.validation)));
    expect(r.bestValidation.rows.map((x) => x.kernel)).toEqual(['val-0']);
    expect((r.bestPolicy.training as { kernels: string[] }).kernels).toEqual(['train-0']);
  });

  it('the CLI rejects an unknown optimizer in the grid before training', async () => {
    const bad = await cli('select', '--optimizer', 'adam,adamm', '--out', join(dir, 'x'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown optimizer 'adamm'/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
