/**
 * The parent side of the runner process (see runner-child.ts): deadlines, and turning every way a
 * candidate can fail into data.
 */
import { ChildWorker, childEntry } from '../proc/child.js';
import type { ModuleRef, OutputsResponse, RunnerRequest, TimeResponse } from './runner-child.js';

export type { ModuleRef } from './runner-child.js';

export type OutputsResult = OutputsResponse | { state: 'timeout' | 'crashed'; error: string };
export type TimeResult = TimeResponse | { state: 'timeout' | 'crashed'; error: string };

/** V8 flags of the runner: the optimizing tier only, so the first call is already TurboFan code. */
export const RUNNER_V8_FLAGS = ['--no-liftoff', '--max-old-space-size=2048'];

export class Runner {
  private readonly worker: ChildWorker<RunnerRequest, OutputsResponse | TimeResponse>;

  constructor() {
    const entry = childEntry(import.meta.url, 'runner-child');
    this.worker = new ChildWorker(entry.file, [...entry.execArgv, ...RUNNER_V8_FLAGS]);
  }

  /** Start the runner process ahead of the first request. */
  warm(): void {
    this.worker.warm();
  }

  get restarts(): number {
    return Math.max(0, this.worker.starts - 1);
  }

  async outputs(harness: string, module: ModuleRef, seeds: number[], deadlineMs: number): Promise<OutputsResult> {
    const r = await this.worker.request({ op: 'outputs', harness, module, seeds }, deadlineMs);
    if (r.state === 'ok') return r.value as OutputsResponse;
    if (r.state === 'error') return { state: 'crashed', error: r.error };
    return { state: r.state, error: r.error };
  }

  async time(harness: string, a: ModuleRef, b: ModuleRef, opts: { seed: number; rounds: number; iterations: number; timeMs: number }, deadlineMs: number): Promise<TimeResult> {
    const r = await this.worker.request({ op: 'time', harness, a, b, ...opts }, deadlineMs);
    if (r.state === 'ok') return r.value as TimeResponse;
    if (r.state === 'error') return { state: 'crashed', error: r.error };
    return { state: r.state, error: r.error };
  }

  close(): void {
    this.worker.close();
  }
}
