/**
 * Where a module's workload spends its time, function by function: the first step of tuning functions
 * separately. The harness's workload runs in the runner process (TurboFan code only, as when it is timed)
 * under V8's sampling profiler, each call of `run` profiled on a fresh instance set up unprofiled; each
 * sample is charged to its leaf frame, and a wasm frame to a function of the module by the byte offset of
 * its body (V8's `columnNumber`), falling back to the name V8 shows (`wasm-function[i]`, or the name
 * section's). A frame of another module (a harness may run several) is told apart by its URL: the module's
 * URL is one where a frame at a body's offset has the name V8 gives that function. Functions are named as
 * Binaryen names them on reading the module, since that is how recipes name them (wasm-sections.ts).
 *
 * The **hot set** is the smallest set of the functions with the most self time that covers a threshold
 * (90 %) of the time spent in wasm: per-function tuning gives those a runtime recipe and the rest a size
 * recipe.
 *
 * {@link profileModule} runs the workload; {@link summarizeProfile} and {@link profileFromCpuProfiles} are
 * the pure part, from V8's samples to a {@link Profile}. What V8 reports for wasm frames, as measured:
 * docs/measurement.md, "Profiles".
 */
import { createHash } from 'node:crypto';
import { WasmtuneError } from '../errors.js';
import { seedLabel, type LoadedHarness } from '../harness/load.js';
import { leafTimes, type CallFrame, type CpuProfile, type LeafTime } from './cpu-profile.js';
import { Runner } from './runner.js';
import { binaryenFunctionNames, readLayout, type WasmLayout } from './wasm-sections.js';

/** One function of the module, with the samples taken in its own code. */
export interface FunctionTime {
  /** Index in the function index space: function imports come first, so it counts them. */
  index: number;
  /** The function's name as Binaryen gives it when it reads the module. */
  name: string;
  /** Self time, ms. */
  selfMs: number;
  /** Self time ÷ the workload's time ({@link Profile.totalMs}). */
  share: number;
}

/** The functions that per-function tuning treats as hot. */
export interface HotSet {
  /** The share of the wasm self time the set must cover. */
  threshold: number;
  /** The number of functions in it: the fewest, taken by self time, that cover `threshold`. */
  count: number;
  /** The share of the wasm self time they cover (0 when no sample was in wasm). */
  share: number;
  /** Their Binaryen names, hottest first. */
  names: string[];
}

/**
 * A module's workload by function. Times are the profiler's (samples weighted by the time to the next
 * sample), in ms; `wasmMs + jsMs + otherMs = totalMs`.
 */
export interface Profile {
  /** The functions with at least one sample, by self time (most first; ties by index). */
  functions: FunctionTime[];
  /** Self time in the module's functions. */
  wasmMs: number;
  /** JavaScript: the harness, the module's loader and glue, and V8's wrappers between JS and wasm. */
  jsMs: number;
  /** V8 itself: builtins, the runtime, garbage collection, `(program)`; wasm frames not of this module. */
  otherMs: number;
  /** Garbage collection (part of `otherMs`). */
  gcMs: number;
  /** The workload as the profiler saw it. */
  totalMs: number;
  /** Samples counted. */
  samples: number;
  /** The sampling interval asked of V8, µs (the machine may sample less often: times come from timestamps). */
  intervalUs: number;
  /** Profiled calls of `run`, each on a fresh instance, and their wall time (ms, measured around each call). */
  runs: number;
  runMs: number;
  /** The seed of every run. */
  seed: number;
  /** Functions the module imports (indices 0 … functionImports − 1) and defines. */
  functionImports: number;
  definedFunctions: number;
  hot: HotSet;
}

/** A module's functions as a profile maps them: bodies by offset, and Binaryen's names. */
export interface ModuleFunctions {
  layout: WasmLayout;
  /** Binaryen's name of each function, by index (imports included). */
  names: string[];
}

export function moduleFunctions(bytes: Uint8Array): ModuleFunctions {
  const layout = readLayout(bytes);
  return { layout, names: binaryenFunctionNames(layout) };
}

/** What a tune report keeps of the profile its hot set came from (the whole profile goes to the database). */
export interface ProfileSummary {
  definedFunctions: number;
  /** The hot set: how many functions, and their share of the time in wasm. */
  hot: { count: number; share: number; threshold: number };
  /** Time in wasm, JavaScript and V8 itself, as shares of the workload. */
  wasmShare: number;
  jsShare: number;
  otherShare: number;
  /** The hottest functions. */
  top: FunctionTime[];
}

export function profileSummary(p: Profile, top = 10): ProfileSummary {
  const share = (ms: number) => (p.totalMs > 0 ? Number((ms / p.totalMs).toFixed(4)) : 0);
  return {
    definedFunctions: p.definedFunctions,
    hot: { count: p.hot.count, share: p.hot.share, threshold: p.hot.threshold },
    wasmShare: share(p.wasmMs), jsShare: share(p.jsMs), otherShare: share(p.otherMs),
    top: p.functions.slice(0, top),
  };
}

export const PROFILE_DEFAULTS = {
  /** Profiled calls of `run` add up to at least this, ms. */
  minMs: 1000,
  /** At least this many profiled calls. */
  minRuns: 5,
  /** Sampling interval asked of V8, µs. */
  intervalUs: 100,
  /** The share of the wasm self time the hot set covers. */
  hotThreshold: 0.9,
} as const;

/** What a profile was made with (the results database stores it beside the profile). */
export interface ProfileSettings {
  seed: number;
  minMs: number;
  minRuns: number;
  intervalUs: number;
  hotThreshold: number;
}

export interface ProfileOptions {
  /** Default {@link PROFILE_DEFAULTS}.minMs. */
  minMs?: number;
  /** Default {@link PROFILE_DEFAULTS}.minRuns. */
  minRuns?: number;
  /** Default {@link PROFILE_DEFAULTS}.intervalUs. */
  intervalUs?: number;
  /** Default {@link PROFILE_DEFAULTS}.hotThreshold. */
  hotThreshold?: number;
  /**
   * Wall time after which profiling stops even short of `minMs` (a workload much shorter than its set-up),
   * ms; default the larger of 30 s and 20 × `minMs`.
   */
  maxMs?: number;
  /** Default the harness's first seed (the one runtime is timed on). */
  seed?: number;
  /** A runner process to use; default one started for the profile and closed after it. */
  runner?: Runner;
}

/** What a summary needs besides the samples. */
export interface RunFacts {
  runs: number;
  runMs: number;
  intervalUs: number;
  seed: number;
}

/** V8's wrappers between JavaScript and wasm (`js-to-wasm:i:i`, `wasm-to-js::`): JS glue, not the module's code. */
const WRAPPER = /^(?:js-to-wasm|wasm-to-js|js-to-js|wasm-to-capi|c-wasm-entry):/;
/** V8's name of a function without a name in the name section. */
const UNNAMED = /^wasm-function\[(\d+)\]$/;
const GC = '(garbage collector)';

type Charge = { to: 'wasm'; index: number } | { to: 'js' | 'other' | 'gc' };

/** How the frames of a profile map to the module's functions. */
interface Mapping {
  m: ModuleFunctions;
  /** Body offset → function index. */
  byOffset: ReadonlyMap<number, number>;
  /** A name the name section gives → the function index, or null when it names several. */
  byName: ReadonlyMap<string, number | null>;
  /** The names V8 may show for each function: the name section's, or `wasm-function[i]`. */
  shown: ReadonlyMap<number, ReadonlySet<string>>;
  /** The URLs of the module's frames (null: none could be told; every wasm URL counts). */
  urls: ReadonlySet<string> | null;
}

function mappingOf(m: ModuleFunctions, leaves: readonly LeafTime[]): Mapping {
  const byOffset = new Map(m.layout.bodies.map((b) => [b.offset, b.index]));
  // V8 shows a name-section name as written: one that names two functions identifies neither.
  const byName = new Map<string, number | null>();
  const shown = new Map<number, Set<string>>(m.layout.bodies.map((b) => [b.index, new Set([`wasm-function[${b.index}]`])]));
  for (const entries of m.layout.nameSubsections) {
    for (const [index, name] of entries) {
      byName.set(name, byName.has(name) && byName.get(name) !== index ? null : index);
      shown.get(index)?.add(name);
    }
  }
  // The module's frames are those of the URLs where some frame has the name V8 gives the function whose
  // body starts at its column: another module's function may start at the same offset.
  const urls = new Set<string>();
  for (const f of leaves) {
    const at = f.url.startsWith('wasm://') ? byOffset.get(f.columnNumber) : undefined;
    if (at !== undefined && shown.get(at)!.has(f.functionName)) urls.add(f.url);
  }
  return { m, byOffset, byName, shown, urls: urls.size ? urls : null };
}

/** Where the time of a leaf frame goes. */
function chargeOf(f: CallFrame, map: Mapping): Charge {
  if (f.url.startsWith('wasm://')) {
    const { m } = map;
    const at = map.byOffset.get(f.columnNumber);
    const named = at !== undefined && map.shown.get(at)!.has(f.functionName);
    // A wrapper reports the offset of the function it wraps.
    if (WRAPPER.test(f.functionName) && !named) return { to: 'js' };
    if (named) return { to: 'wasm', index: at };
    if (map.urls && !map.urls.has(f.url)) return { to: 'other' };
    if (at !== undefined) return { to: 'wasm', index: at };
    const unnamed = UNNAMED.exec(f.functionName);
    const index = unnamed ? Number(unnamed[1]) : map.byName.get(f.functionName);
    if (typeof index === 'number' && index >= m.layout.functionImports && index < m.names.length) return { to: 'wasm', index };
    return { to: 'other' };
  }
  if (f.functionName === GC) return { to: 'gc' };
  // `(program)`, `(idle)`, `(root)` and V8's builtins have no script.
  return f.scriptId === '0' ? { to: 'other' } : { to: 'js' };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

function checkThreshold(t: number): void {
  if (!(t > 0 && t <= 1)) throw new WasmtuneError('E_USAGE', `The hot set's threshold must be a share above 0 and at most 1, got ${t}.`);
}

/** The profile of a module from the time of each leaf frame (cpu-profile.ts); pure. */
export function summarizeProfile(leaves: Iterable<LeafTime>, m: ModuleFunctions, run: RunFacts, hotThreshold: number = PROFILE_DEFAULTS.hotThreshold): Profile {
  checkThreshold(hotThreshold);
  const all = [...leaves];
  const map = mappingOf(m, all);
  const self = new Map<number, number>();
  const sums = { wasm: 0, js: 0, other: 0, gc: 0 };
  let samples = 0;
  for (const leaf of all) {
    samples += leaf.samples;
    const c = chargeOf(leaf, map);
    sums[c.to] += leaf.ms;
    if (c.to === 'wasm') self.set(c.index, (self.get(c.index) ?? 0) + leaf.ms);
  }
  const otherMs = sums.other + sums.gc;
  const totalMs = sums.wasm + sums.js + otherMs;
  const ranked = [...self].sort(([i, a], [j, b]) => b - a || i - j);
  const hot: HotSet = { threshold: hotThreshold, count: 0, share: 0, names: [] };
  let covered = 0;
  for (const [index, ms] of ranked) {
    if (sums.wasm <= 0 || covered >= hotThreshold * sums.wasm * (1 - 1e-12)) break;
    covered += ms;
    hot.count++;
    hot.names.push(m.names[index]!);
  }
  hot.share = sums.wasm > 0 ? round(covered / sums.wasm, 6) : 0;
  return {
    functions: ranked.map(([index, ms]) => ({ index, name: m.names[index]!, selfMs: round(ms, 3), share: totalMs > 0 ? round(ms / totalMs, 6) : 0 })),
    wasmMs: round(sums.wasm, 3),
    jsMs: round(sums.js, 3),
    otherMs: round(otherMs, 3),
    gcMs: round(sums.gc, 3),
    totalMs: round(totalMs, 3),
    samples,
    intervalUs: run.intervalUs,
    runs: run.runs,
    runMs: round(run.runMs, 3),
    seed: run.seed,
    functionImports: m.layout.functionImports,
    definedFunctions: m.layout.bodies.length,
    hot,
  };
}

/**
 * The profile of a module from V8's CPU profiles of its runs, as `Profiler.stop` returns them (one per
 * call of `run`); pure. `runMs` defaults to the profiles' spans, `runs` to their number.
 */
export function profileFromCpuProfiles(
  profiles: readonly CpuProfile[],
  m: ModuleFunctions,
  run: Omit<RunFacts, 'runs' | 'runMs'> & Partial<Pick<RunFacts, 'runs' | 'runMs'>>,
  hotThreshold?: number,
): Profile {
  const leaves = new Map<string, LeafTime>();
  for (const p of profiles) leafTimes(p, { urls: ['node:inspector'] }, leaves);
  const runMs = run.runMs ?? profiles.reduce((sum, p) => sum + (p.endTime - p.startTime) / 1000, 0);
  return summarizeProfile(leaves.values(), m, { ...run, runs: run.runs ?? profiles.length, runMs }, hotThreshold);
}

/**
 * Profile the harness's workload on a module (see the top of this file). E_HARNESS_FAILS when the
 * workload fails, hangs or kills the runner process.
 */
export async function profileModule(module: { bytes: Uint8Array; harness: LoadedHarness }, options: ProfileOptions = {}): Promise<Profile> {
  const { bytes, harness: h } = module;
  const minMs = options.minMs ?? PROFILE_DEFAULTS.minMs;
  const minRuns = options.minRuns ?? PROFILE_DEFAULTS.minRuns;
  const intervalUs = options.intervalUs ?? PROFILE_DEFAULTS.intervalUs;
  const hotThreshold = options.hotThreshold ?? PROFILE_DEFAULTS.hotThreshold;
  const maxMs = options.maxMs ?? Math.max(30_000, 20 * minMs);
  const seed = options.seed ?? h.seeds[0]!;
  for (const [what, v, least] of [['minMs', minMs, 0], ['minRuns', minRuns, 1], ['intervalUs', intervalUs, 1], ['maxMs', maxMs, 0]] as const) {
    if (!(Number.isFinite(v) && v >= least)) throw new WasmtuneError('E_USAGE', `Profile option ${what} must be a number of at least ${least}, got ${v}.`);
  }
  checkThreshold(hotThreshold);
  const m = moduleFunctions(bytes);
  const ref = {
    // The evaluator's content hash (evaluate/evaluator.ts), so a runner it shares compiles the module once.
    key: createHash('sha256').update(bytes).digest('hex').slice(0, 24),
    bytes,
    ...(m.layout.memoryImport ? { memoryImport: m.layout.memoryImport } : {}),
  };
  const runner = options.runner ?? new Runner();
  try {
    // Beyond the profiling itself: the runner's start, the harness's loading, and one unprofiled run that
    // compiles what the workload calls.
    const r = await runner.profile(h.path, ref, { seed, minMs, minRuns, maxMs, intervalUs }, maxMs + 60_000);
    if (r.state === 'trap') {
      throw new WasmtuneError('E_HARNESS_FAILS', `The harness fails on the module while profiling (${[...seedLabel(h, r.seed), r.phase].join(', ')}): ${r.error}`);
    }
    if (r.state !== 'ok') throw new WasmtuneError('E_HARNESS_FAILS', `Profiling the workload ${r.state === 'timeout' ? 'did not finish in time' : 'killed the runner process'}: ${r.error}`);
    return summarizeProfile(r.leaves, m, { runs: r.runs, runMs: r.runMs, intervalUs: r.intervalUs, seed }, hotThreshold);
  } finally {
    if (!options.runner) runner.close();
  }
}
