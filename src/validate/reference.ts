/**
 * The reference every candidate is checked against: the original module's outputs on each harness seed
 * (one run for a harness whose workload takes no seeded input). The original is run twice and must give
 * the same outputs both times; a harness that is not deterministic could never tell a miscompilation from
 * noise.
 */
import { WasmtuneError } from '../errors.js';
import { seedLabel, type LoadedHarness } from '../harness/load.js';
import type { OutputValue } from '../harness/types.js';
import type { ModuleRef, Runner } from '../measure/runner.js';
import { compareOutputs } from './compare.js';

export interface Reference {
  /** The original's outputs, per run (in the order of `LoadedHarness.seeds`). */
  outputs: Array<Record<string, OutputValue>>;
  /** Per-call time of the original, ms: the slowest call of the second run (TurboFan code). */
  callMs: number;
}

/** Run the original twice under `deadlineMs`; E_HARNESS_FAILS when it fails or is not deterministic. */
export async function referenceOutputs(runner: Runner, h: LoadedHarness, original: ModuleRef, deadlineMs: number): Promise<Reference> {
  const first = await runner.outputs(h.path, original, h.seeds, deadlineMs);
  if (first.state !== 'ok') {
    const where = first.state === 'trap' ? ` (${[...seedLabel(h, first.seed), first.phase].join(', ')})` : '';
    throw new WasmtuneError('E_HARNESS_FAILS', `The harness fails on the original module${where}: ${first.error}`);
  }
  const again = await runner.outputs(h.path, original, h.seeds, deadlineMs);
  if (again.state !== 'ok') throw new WasmtuneError('E_HARNESS_FAILS', `The harness fails on a second run of the original module: ${again.error}`);
  for (let i = 0; i < h.seeds.length; i++) {
    const d = compareOutputs(first.outputs[i]!, again.outputs[i]!, undefined);
    if (d) {
      const what = h.seeded ? `seed ${h.seeds[i]} gave` : 'the workload (no seeded input) gave';
      throw new WasmtuneError('E_HARNESS_FAILS', `The harness is not deterministic: ${what} different outputs on two runs of the original module (${d}).`);
    }
  }
  return { outputs: first.outputs, callMs: Math.max(...again.callMs) };
}
