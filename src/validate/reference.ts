/**
 * The reference every candidate is checked against: the original module's outputs on each harness seed.
 * The original is run twice and must give the same outputs both times; a harness that is not
 * deterministic could never tell a miscompilation from noise.
 */
import { WasmtuneError } from '../errors.js';
import type { LoadedHarness } from '../harness/load.js';
import type { OutputValue } from '../harness/types.js';
import type { ModuleRef, Runner } from '../measure/runner.js';
import { compareOutputs } from './compare.js';

export interface Reference {
  /** The original's outputs, per seed (in the harness's seed order). */
  outputs: Array<Record<string, OutputValue>>;
  /** Per-call time of the original, ms: the slowest seed of the second run (TurboFan code). */
  callMs: number;
}

/** Run the original twice under `deadlineMs`; E_HARNESS_FAILS when it fails or is not deterministic. */
export async function referenceOutputs(runner: Runner, h: LoadedHarness, original: ModuleRef, deadlineMs: number): Promise<Reference> {
  const first = await runner.outputs(h.path, original, h.seeds, deadlineMs);
  if (first.state !== 'ok') {
    const where = first.state === 'trap' ? ` (seed ${first.seed}, ${first.phase})` : '';
    throw new WasmtuneError('E_HARNESS_FAILS', `The harness fails on the original module${where}: ${first.error}`);
  }
  const again = await runner.outputs(h.path, original, h.seeds, deadlineMs);
  if (again.state !== 'ok') throw new WasmtuneError('E_HARNESS_FAILS', `The harness fails on a second run of the original module: ${again.error}`);
  for (let i = 0; i < h.seeds.length; i++) {
    const d = compareOutputs(first.outputs[i]!, again.outputs[i]!, undefined);
    if (d) throw new WasmtuneError('E_HARNESS_FAILS', `The harness is not deterministic: seed ${h.seeds[i]} gave different outputs on two runs (${d}).`);
  }
  return { outputs: first.outputs, callMs: Math.max(...again.callMs) };
}
