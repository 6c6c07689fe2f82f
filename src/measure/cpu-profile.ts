/**
 * V8's CPU profiles (the inspector's `Profiler.stop` result) reduced to what a profile of a module needs:
 * the time spent in each leaf frame. A profile of one run holds a node per distinct call stack and a
 * sample id per tick, easily megabytes over a second of work; the leaf frames with their time are a few
 * hundred rows, which is what the runner process sends back.
 *
 * Time is taken from the timestamps, not from the requested interval: a sample stands for the time until
 * the next sample (the last one, until the profile ends), as Chrome's DevTools counts self time. On a busy
 * machine the sampler ticks less often than asked, and the timestamps say so.
 */

/** A frame as V8 reports it (`Runtime.CallFrame`). */
export interface CallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  /** 0-based; a wasm frame's is 0. */
  lineNumber: number;
  /** 0-based; a wasm frame's is the byte offset of the function's body in the module. */
  columnNumber: number;
}

/** `Profiler.Profile`, the fields read here. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  /** Microseconds. */
  startTime: number;
  endTime: number;
  /** The leaf node of each sample. */
  samples?: number[];
  /** Microseconds between a sample and the one before it (the first: since `startTime`). */
  timeDeltas?: number[];
}

/** One leaf frame of a profile, with the samples taken in it and the time they stand for. */
export interface LeafTime extends CallFrame {
  samples: number;
  /** Milliseconds. */
  ms: number;
}

/** Samples {@link leafTimes} leaves out, with their time: those that are not the workload's. */
export interface Exclusions {
  /** Samples whose stack runs through a frame of one of these URLs (the profiler's own calls: `node:inspector`). */
  urls?: readonly string[];
  /** Samples taken in a frame of one of these URLs itself (the code that calls the workload). */
  leafUrls?: readonly string[];
}

const frameKey = (f: CallFrame) => `${f.scriptId}\u0000${f.url}\u0000${f.functionName}\u0000${f.lineNumber}\u0000${f.columnNumber}`;

/**
 * The time of each leaf frame in `profile`, merged into `into` (for several profiles: one per run). A
 * sample that `exclude` names is dropped, with its time.
 */
export function leafTimes(profile: CpuProfile, exclude: Exclusions = {}, into: Map<string, LeafTime> = new Map()): Map<string, LeafTime> {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const urls = new Set(exclude.urls ?? []);
  const leafUrls = new Set(exclude.leafUrls ?? []);
  const excluded = new Map<number, boolean>();
  const isExcluded = (id: number): boolean => {
    const known = excluded.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const out = node === undefined || urls.has(node.callFrame.url) || (up !== undefined && isExcluded(up));
    excluded.set(id, out);
    return out;
  };
  // Timestamps of the samples (µs).
  const at: number[] = [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) at.push((t += deltas[i] ?? 0));
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    if (isExcluded(id) || leafUrls.has(byId.get(id)!.callFrame.url)) continue;
    const next = i + 1 < samples.length ? at[i + 1]! : Math.max(profile.endTime, at[i]!);
    const ms = Math.max(0, next - at[i]!) / 1000;
    const frame = byId.get(id)!.callFrame;
    const key = frameKey(frame);
    const leaf = into.get(key);
    if (leaf) {
      leaf.samples++;
      leaf.ms += ms;
    } else {
      const { functionName, scriptId, url, lineNumber, columnNumber } = frame;
      into.set(key, { functionName, scriptId, url, lineNumber, columnNumber, samples: 1, ms });
    }
  }
  return into;
}
