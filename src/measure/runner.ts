/**
 * The parent side of the runner process (see runner-child.ts): deadlines, and turning every way a
 * candidate can fail into data.
 */
import { ChildWorker, childEntry, type RequestOptions } from '../proc/child.js';
import type { ModuleRef, OutputsResponse, ProfileResponse, RunnerRequest, RunnerResponse, TimeResponse } from './runner-child.js';

export type { ModuleRef, ProfileResponse } from './runner-child.js';

/** `cpuMs`: CPU time the runner used on the request, where it can be read; `limit`: which deadline passed. */
export type OutputsResult = (OutputsResponse | { state: 'crashed'; error: string } | { state: 'timeout'; error: string; limit: 'wall' | 'cpu' }) & { cpuMs?: number };
export type TimeResult = TimeResponse | { state: 'timeout' | 'crashed'; error: string };
export type ProfileResult = ProfileResponse | { state: 'timeout' | 'crashed'; error: string };

/** How a profile request runs the workload (see the `profile` request in runner-child.ts). */
export interface ProfileRequest {
  /** The seed of every run (a harness's first seed, as timing uses). */
  seed: number;
  /** Profiled calls of `run` add up to at least this, ms … */
  minMs: number;
  /** … and number at least this … */
  minRuns: number;
  /** … unless this much wall time has passed (ms), set-up and the profiler's own work included. */
  maxMs: number;
  /** Sampling interval asked of V8, µs. */
  intervalUs: number;
}

/** V8 flags of the runner: the optimizing tier only, so the first call is already TurboFan code. */
export const RUNNER_V8_FLAGS = ['--no-liftoff', '--max-old-space-size=2048'];

export class Runner {
  private readonly worker: ChildWorker<RunnerRequest, RunnerResponse>;

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

  async outputs(harness: string, module: ModuleRef, seeds: number[], deadlineMs: number, options: RequestOptions = {}): Promise<OutputsResult> {
    const r = await this.worker.request({ op: 'outputs', harness, module, seeds }, deadlineMs, options);
    const cost = r.cpuMs !== undefined ? { cpuMs: r.cpuMs } : {};
    if (r.state === 'ok') return { ...(r.value as OutputsResponse), ...cost };
    if (r.state === 'error') return { state: 'crashed', error: r.error, ...cost };
    if (r.state === 'timeout') return { state: 'timeout', error: r.error, limit: r.limit, ...cost };
    return { state: r.state, error: r.error, ...cost };
  }

  async time(harness: string, a: ModuleRef, b: ModuleRef, opts: { seed: number; rounds: number; iterations: number; timeMs: number }, deadlineMs: number): Promise<TimeResult> {
    const r = await this.worker.request({ op: 'time', harness, a, b, ...opts }, deadlineMs);
    if (r.state === 'ok') return r.value as TimeResponse;
    if (r.state === 'error') return { state: 'crashed', error: r.error };
    return { state: r.state, error: r.error };
  }

  /** The workload of `harness` on `module` under V8's sampling profiler: the time of each leaf frame. */
  async profile(harness: string, module: ModuleRef, opts: ProfileRequest, deadlineMs: number): Promise<ProfileResult> {
    const r = await this.worker.request({ op: 'profile', harness, module, ...opts }, deadlineMs);
    if (r.state === 'ok') return r.value as ProfileResponse;
    if (r.state === 'error') return { state: 'crashed', error: r.error };
    return { state: r.state, error: r.error };
  }

  close(): void {
    this.worker.close();
  }
}
