/**
 * The differential check: a candidate runs once on every harness seed (once in all for a harness whose
 * workload takes no seeded input) and its outputs must equal the reference's (bit for bit, or within the
 * harness tolerance). Every way it can fail is a result with a reason, never an exception.
 */
import { seedLabel, type LoadedHarness } from '../harness/load.js';
import type { ModuleRef, Runner } from '../measure/runner.js';
import type { InvalidReason } from '../types.js';
import { compareOutputs } from './compare.js';
import type { Reference } from './reference.js';

/** `cpuMs`: the runner's CPU time on the check, where it can be read. */
export type DifferentialResult = (
  | { state: 'ok'; /** Linear memory after the run, bytes. */ peakMemoryBytes: number }
  | { state: 'invalid'; reason: Extract<InvalidReason, 'trap' | 'timeout' | 'too-slow' | 'runner-crash' | 'wrong-output'>; detail: string }
) & { cpuMs?: number };

/**
 * `cpuLimitMs`: the check is stopped after this much CPU time of the runner and the candidate is
 * `too-slow` (the wall-clock `deadlineMs` still applies: missing it is `timeout`).
 */
export async function differentialCheck(runner: Runner, h: LoadedHarness, candidate: ModuleRef, reference: Reference, deadlineMs: number, cpuLimitMs?: number): Promise<DifferentialResult> {
  const r = await runner.outputs(h.path, candidate, h.seeds, deadlineMs, cpuLimitMs !== undefined ? { cpuLimitMs } : {});
  const cost = r.cpuMs !== undefined ? { cpuMs: r.cpuMs } : {};
  return { ...judge(r, h, reference), ...cost };
}

function judge(r: Awaited<ReturnType<Runner['outputs']>>, h: LoadedHarness, reference: Reference): DifferentialResult {
  switch (r.state) {
    case 'trap':
      return { state: 'invalid', reason: 'trap', detail: `${[...seedLabel(h, r.seed), r.phase].join(', ')}: ${r.error}` };
    case 'timeout':
      if (r.limit === 'cpu') return { state: 'invalid', reason: 'too-slow', detail: `validation stopped after ${Math.round(r.cpuMs ?? 0)} ms of CPU time: ${r.error}` };
      return { state: 'invalid', reason: 'timeout', detail: r.error };
    case 'crashed':
      return { state: 'invalid', reason: 'runner-crash', detail: r.error };
    case 'ok':
      for (let i = 0; i < h.seeds.length; i++) {
        const d = compareOutputs(reference.outputs[i]!, r.outputs[i]!, h.harness.tolerance);
        if (d) return { state: 'invalid', reason: 'wrong-output', detail: [...seedLabel(h, h.seeds[i]!), d].join(': ') };
      }
      return { state: 'ok', peakMemoryBytes: r.peakMemoryBytes };
  }
}
