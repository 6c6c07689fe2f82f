/**
 * The machine fingerprint: what a runtime figure depends on besides the two modules and the measurement
 * settings. A stored runtime ratio is reused only when the fingerprint is the same: the CPU model and
 * core count, Node's and V8's versions, and the V8 flags of the runner process.
 */
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { RUNNER_V8_FLAGS } from '../measure/runner.js';

export interface MachineDescription {
  cpu: string;
  cores: number;
  node: string;
  v8: string;
  /** V8 flags of the process that runs kernels. */
  flags: readonly string[];
}

export function describeMachine(): MachineDescription {
  const c = cpus();
  return { cpu: c[0]?.model.trim() ?? 'unknown', cores: c.length, node: process.version, v8: process.versions.v8, flags: [...RUNNER_V8_FLAGS] };
}

/** A short hash of a machine description (of this machine by default). */
export function machineFingerprint(d: MachineDescription = describeMachine()): string {
  return createHash('sha256').update(JSON.stringify([d.cpu, d.cores, d.node, d.v8, d.flags])).digest('hex').slice(0, 16);
}
