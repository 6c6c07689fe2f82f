/** `wasmtune baselines`: every -O level as wasm-opt defines it, sizes and runtime ratio to -O3. */
import { Evaluator, FINAL } from './evaluator.js';
import type { Kernel } from '../kernels/index.js';
import { OPT_LEVEL_NAMES, levelRecipe, recipeToJson, type OptLevelName } from '../recipe/recipe.js';
import type { ResultEntry } from '../types.js';

export interface BaselinesReport {
  kernel: string;
  outputsVerified: boolean;
  baselines: Partial<Record<OptLevelName, ResultEntry | { invalid: string }>>;
}

export async function measureBaselines(kernel: Kernel): Promise<BaselinesReport> {
  const ev = await Evaluator.create(kernel, { objective: 'size' });
  try {
    const baselines: BaselinesReport['baselines'] = {};
    const recs = new Map<OptLevelName, Awaited<ReturnType<Evaluator['evaluate']>>>();
    for (const l of OPT_LEVEL_NAMES) recs.set(l, await ev.evaluate(levelRecipe(l)));
    const o3 = recs.get('O3');
    const o3Bytes = o3?.state === 'ok' ? ev.bytesOf(o3.hash) : undefined;
    if (o3Bytes) await ev.setRuntimeBaseline(o3Bytes);
    for (const level of OPT_LEVEL_NAMES) {
      const rec = recs.get(level)!;
      if (rec.state !== 'ok') {
        baselines[level] = { invalid: `${rec.reason}: ${rec.detail}` };
        continue;
      }
      const e: ResultEntry = { recipe: recipeToJson(rec.recipe), hash: rec.hash, ...rec.metrics };
      if (ev.verified && o3Bytes) {
        const m = await ev.measure(o3Bytes, ev.bytesOf(rec.hash)!, FINAL, level === 'O3');
        if (typeof m !== 'string') e.runtime = { ...m, baseline: 'O3' };
      }
      baselines[level] = e;
    }
    return { kernel: kernel.uri, outputsVerified: ev.verified, baselines };
  } finally {
    ev.close();
  }
}
