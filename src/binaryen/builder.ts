/**
 * The parent side of the builder process. Binaryen runs in its own process so that an abort (after which
 * its heap is undefined) or a pass that never finishes costs one candidate: the process is replaced.
 */
import { ChildWorker, childEntry } from '../proc/child.js';
import type { BuilderRequest, BuilderResponse, BuildOutcome } from './builder-child.js';
import type { CutModule, ModuleFacts } from './module.js';
import type { SizeMetrics } from '../measure/size.js';
import type { Recipe } from '../recipe/recipe.js';
import { WasmtuneError } from '../errors.js';

export type BuildResult = (
  /** `cuts`: the module at each cut point the build passed (when asked for). */
  | { state: 'built'; bytes: Uint8Array; valid: boolean; facts: ModuleFacts; cuts: CutModule[]; sizes: SizeMetrics }
  | { state: 'failed'; reason: 'binaryen-fatal' | 'binaryen-abort' | 'binaryen-timeout' | 'binaryen-parse'; error: string }
  /**
   * The build used more CPU time than its limit and was stopped in step `slowPrefix - 1`: every recipe
   * that starts with the same `slowPrefix` steps (and knobs) costs at least as much.
   */
  | { state: 'failed'; reason: 'too-slow'; error: string; slowPrefix: number }
) & {
  /** CPU time the build used, ms, where it can be read (Linux). */
  cpuMs?: number;
};

export interface BuildOptions {
  /** Stop the build after this much CPU time, ms ({@link BuildResult} `too-slow`). */
  cpuLimitMs?: number;
  /** Continue from the module at one of the recipe's cut points (src/recipe/segments.ts). */
  from?: CutModule;
  /** Send back the module at every cut point the build passes (for a prefix cache). */
  cuts?: boolean;
  /** With `cuts`: also the module after the last step, as a cut point (see `BuildPlan.cutAtEnd`). */
  cutAtEnd?: boolean;
}

export class Builder {
  private readonly worker: ChildWorker<BuilderRequest, BuilderResponse>;

  constructor(private readonly buildTimeoutMs = 120_000) {
    const entry = childEntry(import.meta.url, 'builder-child');
    this.worker = new ChildWorker(entry.file, [...entry.execArgv, '--max-old-space-size=2048']);
  }

  /** `starts` when a build last completed: a later start means a process that has built nothing yet. */
  private builtIn = -1;

  /**
   * Whether the next build runs in a process that has built nothing yet. Such a process runs Binaryen's
   * code before V8 has compiled and optimized it, so its first build costs several times the CPU time
   * of later ones.
   */
  get fresh(): boolean {
    return !this.worker.running || this.worker.starts !== this.builtIn;
  }

  /** Start the builder process ahead of its first request. */
  warm(): void {
    this.worker.warm();
  }

  /** Number of builder processes started so far (1 + one per abort or timeout). */
  get restarts(): number {
    return Math.max(0, this.worker.starts - 1);
  }

  private async call(req: BuilderRequest, timeoutMs: number): Promise<BuilderResponse> {
    const r = await this.worker.request(req, timeoutMs);
    if (r.state === 'ok') return r.value;
    throw new WasmtuneError('E_BAD_MODULE', `Binaryen could not process the module: ${r.error}`);
  }

  async features(bytes: Uint8Array): Promise<number | undefined> {
    return ((await this.call({ op: 'features', bytes }, 120_000)) as { features: number | undefined }).features;
  }

  async facts(bytes: Uint8Array, features: number): Promise<ModuleFacts> {
    return (await this.call({ op: 'facts', bytes, features }, 120_000)) as ModuleFacts;
  }

  async build(bytes: Uint8Array, recipe: Recipe, features: number, options: BuildOptions = {}): Promise<BuildResult> {
    const req = { op: 'build' as const, bytes: options.from ? new Uint8Array(0) : bytes, recipe, features, ...(options.from ? { from: options.from } : {}), ...(options.cuts ? { cuts: true, ...(options.cutAtEnd ? { cutAtEnd: true } : {}) } : {}) };
    const r = await this.worker.request(req, this.buildTimeoutMs, options.cpuLimitMs !== undefined ? { cpuLimitMs: options.cpuLimitMs } : {});
    if (r.state === 'ok') this.builtIn = this.worker.starts;
    const cost = r.cpuMs !== undefined ? { cpuMs: r.cpuMs } : {};
    switch (r.state) {
      case 'ok': {
        const v = r.value as BuildOutcome;
        if (v.state === 'built') return { ...v, ...cost };
        return { state: 'failed', reason: v.kind === 'parse' ? 'binaryen-parse' : 'binaryen-fatal', error: v.error, ...cost };
      }
      case 'timeout': {
        if (r.limit === 'wall') return { state: 'failed', reason: 'binaryen-timeout', error: r.error, ...cost };
        // The child reports the step it starts; the emit after the last step counts as the last step.
        const at = Math.min(typeof r.progress === 'number' ? r.progress : recipe.passes.length - 1, recipe.passes.length - 1);
        const step = recipe.passes[at];
        const where = step === undefined ? 'reading the module' : `step ${at + 1} (${step})`;
        return { state: 'failed', reason: 'too-slow', error: `stopped in ${where} after ${Math.round(r.cpuMs ?? options.cpuLimitMs ?? 0)} ms of CPU time (limit ${Math.round(options.cpuLimitMs ?? 0)} ms)`, slowPrefix: at + 1, ...cost };
      }
      case 'crashed':
        return { state: 'failed', reason: 'binaryen-abort', error: r.error, ...cost };
      case 'error':
        return { state: 'failed', reason: 'binaryen-fatal', error: r.error, ...cost };
    }
  }

  close(): void {
    this.worker.close();
  }
}
