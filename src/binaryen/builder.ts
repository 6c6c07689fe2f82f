/**
 * The parent side of the builder process. Binaryen runs in its own process so that an abort (after which
 * its heap is undefined) or a pass that never finishes costs one candidate: the process is replaced.
 */
import { ChildWorker, childEntry } from '../proc/child.js';
import type { BuilderRequest, BuilderResponse, BuildOutcome } from './builder-child.js';
import type { ModuleFacts } from './module.js';
import type { Recipe } from '../recipe/recipe.js';
import { WasmtuneError } from '../errors.js';

export type BuildResult =
  | { state: 'built'; bytes: Uint8Array; valid: boolean; facts: ModuleFacts }
  | { state: 'failed'; reason: 'binaryen-fatal' | 'binaryen-abort' | 'binaryen-timeout' | 'binaryen-parse'; error: string };

export class Builder {
  private readonly worker: ChildWorker<BuilderRequest, BuilderResponse>;

  constructor(private readonly buildTimeoutMs = 120_000) {
    const entry = childEntry(import.meta.url, 'builder-child');
    this.worker = new ChildWorker(entry.file, [...entry.execArgv, '--max-old-space-size=2048']);
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

  async build(bytes: Uint8Array, recipe: Recipe, features: number): Promise<BuildResult> {
    const r = await this.worker.request({ op: 'build', bytes, recipe, features }, this.buildTimeoutMs);
    switch (r.state) {
      case 'ok': {
        const v = r.value as BuildOutcome;
        if (v.state === 'built') return v;
        return { state: 'failed', reason: v.kind === 'parse' ? 'binaryen-parse' : 'binaryen-fatal', error: v.error };
      }
      case 'timeout':
        return { state: 'failed', reason: 'binaryen-timeout', error: r.error };
      case 'crashed':
        return { state: 'failed', reason: 'binaryen-abort', error: r.error };
      case 'error':
        return { state: 'failed', reason: 'binaryen-fatal', error: r.error };
    }
  }

  close(): void {
    this.worker.close();
  }
}
