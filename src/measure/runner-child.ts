/**
 * The runner process: started with `--no-liftoff`, so every call runs TurboFan code from the first call
 * (V8's optimizing tier), and never loads Binaryen. It runs harnesses on module bytes and times pairs of
 * modules interleaved. The parent kills it when a request misses its deadline.
 *
 * Every run instantiates the module anew: through wasmtune's own instantiation (synchronous), or through
 * the harness's `instantiate` hook, which may be async; timing then awaits the untimed set-up of each call
 * while the timed call itself stays synchronous.
 *
 * A profile request runs the workload under V8's sampling profiler (through the inspector, in this
 * process), started just before each call of `run` and stopped just after it, and sends back the time of
 * each leaf frame (cpu-profile.ts), not the profiles themselves.
 */
import { Bench } from 'tinybench';
import { Session } from 'node:inspector';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../proc/child.js';
import { loadHarness, type LoadedHarness } from '../harness/load.js';
import { detachOutputs as detach, instantiateHarness, instantiateThroughHook } from '../harness/instance.js';
import type { HarnessContext, OutputValue } from '../harness/types.js';
import { messageOf } from '../errors.js';
import { leafTimes, type CpuProfile, type LeafTime } from './cpu-profile.js';

export interface ModuleRef {
  /** Content hash; compiled modules are cached by it. */
  key: string;
  bytes: Uint8Array;
  memoryImport?: { module: string; base: string; initialPages: number; maximumPages?: number };
}

export type RunnerRequest =
  /** Run the harness once per seed, each run on a fresh instance. */
  | { op: 'outputs'; harness: string; module: ModuleRef; seeds: number[] }
  | { op: 'time'; harness: string; a: ModuleRef; b: ModuleRef; seed: number; rounds: number; iterations: number; timeMs: number }
  /**
   * Profile the workload on `seed`: after one unprofiled run (V8 compiles a wasm function when it is first
   * called), runs on fresh instances, each call of `run` profiled, until the calls add up to `minMs` and
   * there were `minRuns` of them; or, once there was one, when `maxMs` of wall time (set-up and the
   * profiler's own work included) have passed. `intervalUs`: the sampling interval asked of V8.
   */
  | { op: 'profile'; harness: string; module: ModuleRef; seed: number; minMs: number; minRuns: number; maxMs: number; intervalUs: number };

type Phase = 'instantiate' | 'setup' | 'run' | 'output';

export type OutputsResponse =
  | { state: 'ok'; outputs: Array<Record<string, OutputValue>>; callMs: number[]; peakMemoryBytes: number }
  | { state: 'trap'; seed: number; phase: Phase; error: string };

export type TimeResponse =
  | { state: 'ok'; ratios: number[]; aMs: number[]; bMs: number[] }
  | { state: 'trap'; error: string };

export type ProfileResponse =
  | {
      state: 'ok';
      /** The time of each leaf frame, over every profiled call (the profiler's own frames left out). */
      leaves: LeafTime[];
      /** Profiled calls of `run`, and their wall time (ms). */
      runs: number;
      runMs: number;
      intervalUs: number;
    }
  | { state: 'trap'; seed: number; phase: Phase; error: string };

export type RunnerResponse = OutputsResponse | TimeResponse | ProfileResponse;

const harnesses = new Map<string, LoadedHarness>();
async function harnessOf(path: string): Promise<LoadedHarness> {
  let h = harnesses.get(path);
  if (!h) {
    h = await loadHarness(path);
    harnesses.set(path, h);
  }
  return h;
}

const compiled = new Map<string, WebAssembly.Module>();
function compile(ref: ModuleRef): WebAssembly.Module {
  let m = compiled.get(ref.key);
  if (!m) {
    m = new WebAssembly.Module(ref.bytes as Uint8Array<ArrayBuffer>); // synchronous: see research notes (async compile queues).
    compiled.set(ref.key, m);
    if (compiled.size > 32) compiled.delete(compiled.keys().next().value!);
  }
  return m;
}

interface Live { ctx: HarnessContext; state: unknown }

/**
 * An error for the record: its message, and the line of the harness file it was thrown at when it was
 * thrown there (a harness or import function bug), not by the module (a trap).
 */
function errorText(e: unknown, harnessPath: string): string {
  const message = messageOf(e);
  const top = (e instanceof Error ? e.stack ?? '' : '').split('\n').find((l) => /^\s+at /.test(l));
  // The frame's own location, not that of an eval() the harness made (a loader evaluated from its source).
  const frame = top ? /\(?([^\s()]+):(\d+):(\d+)\)?$/.exec(top) : null;
  const at = frame?.[1] === pathToFileURL(harnessPath).href ? frame : null;
  return at ? `${message.slice(0, 240)} (at ${basename(harnessPath)}:${at[2]}:${at[3]})` : message.slice(0, 300);
}

function instantiate(h: LoadedHarness, ref: ModuleRef, seed: number): HarnessContext {
  return instantiateHarness(h, compile(ref), ref.memoryImport, seed);
}

/** A run's instance through the harness's `instantiate` hook, given a copy of the bytes of its own. */
function instantiateByHook(h: LoadedHarness, ref: ModuleRef, seed: number): Promise<HarnessContext> {
  return instantiateThroughHook(h, new Uint8Array(ref.bytes), compile(ref), seed);
}

function fresh(h: LoadedHarness, ref: ModuleRef, seed: number): Live {
  const ctx = instantiate(h, ref, seed);
  return { ctx, state: h.harness.setup(ctx) };
}

async function freshByHook(h: LoadedHarness, ref: ModuleRef, seed: number): Promise<Live> {
  const ctx = await instantiateByHook(h, ref, seed);
  return { ctx, state: h.harness.setup(ctx) };
}

async function outputs(req: Extract<RunnerRequest, { op: 'outputs' }>): Promise<OutputsResponse> {
  const h = await harnessOf(req.harness);
  const out: Array<Record<string, OutputValue>> = [];
  const callMs: number[] = [];
  let peakMemoryBytes = 0;
  for (const seed of req.seeds) {
    let phase: Phase = 'instantiate';
    try {
      const ctx = h.harness.instantiate ? await instantiateByHook(h, req.module, seed) : instantiate(h, req.module, seed);
      phase = 'setup';
      const state = h.harness.setup(ctx);
      phase = 'run';
      const t0 = performance.now();
      const result = h.harness.run(ctx, state);
      callMs.push(performance.now() - t0);
      phase = 'output';
      out.push(detach(h.harness.output(ctx, state, result)));
      peakMemoryBytes = Math.max(peakMemoryBytes, ctx.memory?.buffer.byteLength ?? 0);
    } catch (e) {
      return { state: 'trap', seed, phase, error: errorText(e, h.path) };
    }
  }
  return { state: 'ok', outputs: out, callMs, peakMemoryBytes };
}

/**
 * Interleaved timing: each round runs both modules under tinybench, in alternating order, each call on a
 * fresh instance set up untimed; the round's ratio is p50(b) / p50(a). With an `instantiate` hook the
 * set-up before each call is awaited (tinybench's async run); the timed call is synchronous either way.
 */
async function time(req: Extract<RunnerRequest, { op: 'time' }>): Promise<TimeResponse> {
  const h = await harnessOf(req.harness);
  const byHook = h.harness.instantiate !== undefined;
  const ratios: number[] = [];
  const aMs: number[] = [];
  const bMs: number[] = [];
  for (let r = 0; r < req.rounds; r++) {
    const bench = new Bench({ iterations: req.iterations, time: req.timeMs, warmup: true, warmupIterations: 1, warmupTime: 0, throws: true });
    const order: Array<['a' | 'b', ModuleRef]> = r % 2 === 0 ? [['a', req.a], ['b', req.b]] : [['b', req.b], ['a', req.a]];
    for (const [name, ref] of order) {
      let live: Live | undefined;
      const call = () => {
        h.harness.run(live!.ctx, live!.state);
      };
      if (byHook) {
        bench.add(name, call, {
          async: false,
          async beforeEach() {
            live = undefined;
            live = await freshByHook(h, ref, req.seed);
          },
        });
      } else {
        bench.add(name, call, {
          beforeEach() {
            live = fresh(h, ref, req.seed);
          },
        });
      }
    }
    try {
      if (byHook) await bench.run();
      else bench.runSync();
    } catch (e) {
      return { state: 'trap', error: errorText(e, h.path) };
    }
    const p50 = (name: string) => {
      const res = bench.getTask(name)?.result;
      if (!res || !('latency' in res)) throw new Error(`no timing result for ${name}`);
      return res.latency.p50;
    };
    const a = p50('a');
    const b = p50('b');
    aMs.push(a);
    bMs.push(b);
    ratios.push(b / a);
  }
  return { state: 'ok', ratios, aMs, bMs };
}

/** Samples that are not the workload's: the profiler's own calls, and this file's code around the call of `run`. */
const NOT_THE_WORKLOAD = { urls: ['node:inspector'], leafUrls: [import.meta.url] };

/** An inspector call; the in-process session answers before `post` returns. */
function inspect<T = unknown>(session: Session, method: string, params: object = {}): T {
  let answer: { error: Error | null; result: unknown } | undefined;
  session.post(method, params, (error, result) => {
    answer = { error, result };
  });
  if (!answer) throw new Error(`the inspector did not answer ${method} synchronously`);
  if (answer.error) throw answer.error;
  return answer.result as T;
}

async function profile(req: Extract<RunnerRequest, { op: 'profile' }>): Promise<ProfileResponse> {
  const h = await harnessOf(req.harness);
  let phase: Phase = 'instantiate';
  const fresh = async (): Promise<Live> => {
    phase = 'instantiate';
    const ctx = h.harness.instantiate ? await instantiateByHook(h, req.module, req.seed) : instantiate(h, req.module, req.seed);
    phase = 'setup';
    return { ctx, state: h.harness.setup(ctx) };
  };
  const session = new Session();
  session.connect();
  const leaves = new Map<string, LeafTime>();
  let runs = 0;
  let runMs = 0;
  try {
    const began = performance.now();
    const warm = await fresh();
    phase = 'run';
    h.harness.run(warm.ctx, warm.state);
    inspect(session, 'Profiler.enable');
    inspect(session, 'Profiler.setSamplingInterval', { interval: req.intervalUs });
    while (runs < req.minRuns || runMs < req.minMs) {
      if (runs > 0 && performance.now() - began > req.maxMs) break;
      const { ctx, state } = await fresh();
      phase = 'run';
      inspect(session, 'Profiler.start');
      const t0 = performance.now();
      h.harness.run(ctx, state);
      const t1 = performance.now();
      const { profile: p } = inspect<{ profile: CpuProfile }>(session, 'Profiler.stop');
      runs++;
      runMs += t1 - t0;
      leafTimes(p, NOT_THE_WORKLOAD, leaves);
    }
  } catch (e) {
    return { state: 'trap', seed: req.seed, phase, error: errorText(e, h.path) };
  } finally {
    try {
      inspect(session, 'Profiler.disable'); // stops a profile that a throwing run left running
    } finally {
      session.disconnect();
    }
  }
  return { state: 'ok', leaves: [...leaves.values()], runs, runMs, intervalUs: req.intervalUs };
}

serve<RunnerRequest, RunnerResponse>((req) => (req.op === 'outputs' ? outputs(req) : req.op === 'time' ? time(req) : profile(req)));
