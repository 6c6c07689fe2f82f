/**
 * Model selection for the policy (`wasmtune select`): train one policy per setting of a small grid of
 * learning rate × batch size × optimizer (all of it, or a seeded random sample of it), and score each on
 * the validation split of generated kernels (`val-*`) by its zero-shot result (train.ts
 * validatePolicy). The suite is the test set and is never looked at here: selecting on it would make any
 * later figure on it optimistic. Every setting trains with the same seed, kernels and episode budget, so
 * settings differ only in what the grid varies.
 */
import seedrandom from 'seedrandom';
import { train, validatePolicy, type TrainOptions, type Validation } from './train.js';
import type { PolicyFile } from './policy.js';
import { WasmtuneError } from '../errors.js';

export interface ModelGrid {
  lr: number[];
  batch: number[];
  optimizer: string[];
}

export interface SelectModelOptions {
  grid: ModelGrid;
  /** Train only this many settings, drawn from the grid with the seed (default: all). */
  samples?: number;
  /** Validation kernels val-0 … val-(n−1). @default 8 */
  valKernels?: number;
  /** Everything else training takes (episodes, seed, objective, algo, …). */
  train: Omit<TrainOptions, 'lr' | 'batch' | 'optimizer' | 'onUpdate'>;
  onSetting?: (row: SelectionRow, index: number, total: number) => void;
}

export interface SelectionRow {
  lr: number;
  batch: number;
  optimizer: string;
  /** Zero-shot geometric-mean ratio on the validation kernels (lower is better). */
  validation: number;
  validationInvalid: number;
  /** Mean training reward over the last fifth of the episodes. */
  finalReward: number;
  walltimeMs: number;
}

export interface SelectionResult {
  rows: SelectionRow[];
  best: SelectionRow;
  bestPolicy: PolicyFile;
  bestValidation: Validation;
}

/** The settings model selection trains, in order: the grid, or `samples` of it drawn with the seed. */
export function gridSettings(grid: ModelGrid, samples: number | undefined, seed: number): Array<{ lr: number; batch: number; optimizer: string }> {
  for (const [k, v] of Object.entries(grid)) if (!Array.isArray(v) || !v.length) throw new WasmtuneError('E_USAGE', `The model-selection grid needs at least one value of ${k}.`);
  const all = grid.optimizer.flatMap((optimizer) => grid.lr.flatMap((lr) => grid.batch.map((batch) => ({ lr, batch, optimizer }))));
  if (samples === undefined || samples >= all.length) return all;
  if (!Number.isInteger(samples) || samples < 1) throw new WasmtuneError('E_USAGE', `--samples must be a whole number ≥ 1, got ${samples}.`);
  const rng = seedrandom(`wasmtune-sweep:${seed}`);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, samples);
}

/** Train every setting of the grid (or the sample), score each on the validation kernels, keep the best. */
export async function selectModel(options: SelectModelOptions): Promise<SelectionResult> {
  const settings = gridSettings(options.grid, options.samples, options.train.seed);
  const rows: SelectionRow[] = [];
  let best: { row: SelectionRow; file: PolicyFile; validation: Validation } | undefined;
  for (const [i, s] of settings.entries()) {
    const t0 = performance.now();
    const result = await train({ ...options.train, ...s });
    const validation = await validatePolicy(result.policy, options.train.objective, { kernels: options.valKernels ?? 8, ...(options.train.gen ? { gen: options.train.gen } : {}), ...(options.train.genDir ? { genDir: options.train.genDir } : {}) });
    const k = Math.max(1, Math.floor(result.curve.length / 5));
    const tail = result.curve.slice(-k);
    const row: SelectionRow = {
      ...s, validation: validation.geomean, validationInvalid: validation.invalid,
      finalReward: tail.reduce((a, e) => a + e.reward, 0) / tail.length, walltimeMs: performance.now() - t0,
    };
    rows.push(row);
    options.onSetting?.(row, i, settings.length);
    if (!best || row.validation < best.row.validation) best = { row, file: result.file, validation };
  }
  return { rows, best: best!.row, bestPolicy: best!.file, bestValidation: best!.validation };
}
