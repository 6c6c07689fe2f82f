/**
 * `wasmtune check`: a harness tried before any tuning, at the cost of a few runs. The original module runs
 * twice on every seed (the runs must agree), the outputs that every candidate will be compared on are shown,
 * the per-call time in V8's optimizing tier is judged against what the evaluator will spend per candidate,
 * and -O3 of the module is built and checked like any candidate: a harness that rejects -O3 would reject
 * most of what a search proposes.
 */
import type { Estimate } from '../../measure/stats.js';
import type { LoadedHarness } from '../../harness/load.js';
import type { OutputValue, Tolerance } from '../../harness/types.js';
import type { Kernel } from '../../kernels/index.js';
import type { InvalidReason, MeasureSettings } from '../../types.js';
import type { Evaluator } from '../../evaluate/evaluator.js';
import { WasmtuneError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { HARNESS, JSON_OUTPUT, KERNEL_ARGUMENT } from '../options.js';

/**
 * The per-call times of the original (ms) a runtime tune works well with. Below the lower bound the fixed
 * cost of each timed call (two timer reads, the harness's `run`, the call into wasm: a few tenths of a
 * microsecond) and the timer's jitter stop being negligible, and pull every runtime ratio toward 1. Above
 * the upper bound each candidate takes seconds: validation calls the workload once per seed, and a quick
 * runtime ratio at least 5 rounds × 2 modules × 4 calls, so a budget of minutes sees few candidates.
 */
export const CALL_MS_RANGE = { min: 0.1, max: 100 } as const;

/** Longest quick runtime measurement of -O3 that `check` makes, ms; beyond it the ratio is skipped. */
const QUICK_TIMING_LIMIT_MS = 10_000;

/** One value the harness returns from `output`, as the first run of the original gave it. */
export interface OutputSummary {
  name: string;
  /** `number`, `bigint`, `boolean`, `string`, `array`, or a typed array's class (`Float64Array`). */
  kind: string;
  /** Elements of an array or typed array, characters of a string, 1 for a scalar. */
  length: number;
  /** The first few values. */
  preview: string;
  /** Whether every seed gave this output the same value (always true with one run). */
  sameOnEverySeed: boolean;
}

/** What `wasmtune check` found; `--json` prints it. */
export interface CheckResult {
  kernel: string;
  harness: { path: string; kind: 'json' | 'script'; seeds: number[] | 'none'; tolerance?: Tolerance };
  outputs: OutputSummary[];
  /** The seed whose outputs are shown (0 for a harness without seeded input). */
  shownSeed: number;
  /**
   * Per-call time of the original in the optimizing tier, ms: the median of the quick timing's rounds, or
   * when nothing was timed, the slowest call of the second validation run.
   */
  callMs: number;
  callMsFrom: 'timing' | 'validation';
  workload: {
    verdict: 'in-range' | 'too-short' | 'too-long';
    rangeMs: { min: number; max: number };
    /** Calls of the workload to validate one candidate (one per seed), and their time, ms. */
    validationCalls: number;
    validationMs: number;
    /** Calls (warm-up included) and time, ms, of one quick runtime ratio: what a runtime tune spends per candidate. */
    quickTimingCalls: number;
    quickTimingMs: number;
  };
  o3:
    | {
        state: 'ok';
        sizeBytes: number;
        gzipBytes: number;
        originalSizeBytes: number;
        /** Building and validating -O3, ms (what one candidate costs before any timing). */
        evaluationMs: number;
        /** -O3's per-call time over the original's, quick measurement; absent when skipped. */
        runtimeVsOriginal?: Estimate;
        /** Why the runtime ratio was not measured. */
        runtimeSkipped?: string;
      }
    | { state: 'invalid'; reason: InvalidReason; detail: string };
  warnings: string[];
  /** The harness works on the original and on -O3. */
  ok: boolean;
}

export const check = defineCommand({
  summary: 'try a harness before tuning: determinism, outputs, time per call, and -O3 against it',
  positionals: [KERNEL_ARGUMENT],
  options: { harness: HARNESS, json: JSON_OUTPUT },
  notes: [
    `Runs the original module twice on every seed (the outputs must agree), shows the outputs every candidate is compared on, and the time of one call in V8's optimizing tier. A workload between ${CALL_MS_RANGE.min} ms and ${CALL_MS_RANGE.max} ms per call suits a runtime tune: shorter calls are dominated by the timer and the cost of the call itself, longer ones make every candidate slow to validate and to time.`,
    'Then builds -O3 of the module and checks it like any candidate, with its size and a quick runtime ratio to the original. Exit code 0 when the harness works on both, 1 when it fails on either.',
  ],
  async run({ values, positionals, io }) {
    const { loadKernel } = await import('../../kernels/index.js');
    const kernel = await loadKernel(positionals[0]!, values.harness);
    if (!kernel.harness) {
      throw new WasmtuneError('E_USAGE', `There is nothing to check without a harness: 'wasmtune check ${positionals[0]} --harness <file.json|file.mjs>'. See 'wasmtune check --help'.`);
    }
    const result = await checkKernel(kernel, kernel.harness);
    if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else io.stdout(render(result, positionals[0]!, values.harness));
    if (result.o3.state === 'invalid') io.stderr(`check: ${failure(result.o3)}\n`);
    return result.ok ? 0 : 1;
  },
});

async function checkKernel(kernel: Kernel, h: LoadedHarness): Promise<CheckResult> {
  const { Evaluator, QUICK, contentHash, roundIterations } = await import('../../evaluate/evaluator.js');
  const { compareOutputs } = await import('../../validate/compare.js');
  const { levelRecipe } = await import('../../recipe/recipe.js');
  // Creating the evaluator already rejects a harness that fails or disagrees with itself on the original.
  const ev = await Evaluator.create(kernel, { objective: 'size' });
  try {
    // The evaluator ran the original twice on every seed: its outputs are the reference.
    const reference = { outputs: ev.referenceOutputs, callMs: ev.referenceCallMs };
    const first = reference.outputs[0]!;
    const outputs = Object.entries(first).map(([name, value]): OutputSummary => ({
      name,
      ...describeValue(value),
      sameOnEverySeed: reference.outputs.every((o) => compareOutputs({ [name]: value }, { [name]: o[name]! }, undefined) === undefined),
    }));
    const rec = await ev.evaluate(levelRecipe('O3'));
    const o3Bytes = rec.state === 'ok' && rec.hash !== contentHash(kernel.bytes) ? ev.bytesOf(rec.hash) : undefined;
    const timed = await quickMeasure(ev, QUICK, kernel.bytes, o3Bytes, reference.callMs, roundIterations);
    let o3: CheckResult['o3'];
    if (rec.state !== 'ok') o3 = { state: 'invalid', reason: rec.reason, detail: rec.detail };
    else if (timed.state === 'failed') o3 = { state: 'invalid', reason: timed.error === 'timeout' ? 'timeout' : 'trap', detail: `${TIMING_FAILED}: ${timed.error}` };
    else {
      o3 = { state: 'ok', sizeBytes: rec.metrics.sizeBytes, gzipBytes: rec.metrics.gzipBytes, originalSizeBytes: kernel.bytes.byteLength, evaluationMs: rec.walltimeMs };
      if (timed.state === 'timed' && timed.vsOriginal) o3.runtimeVsOriginal = timed.vsOriginal;
      else o3.runtimeSkipped = timed.state === 'skipped' ? timed.why : '-O3 leaves the module as it is';
    }
    const timing = timed.state === 'timed' ? { callMs: timed.callMs, from: 'timing' as const } : { callMs: reference.callMs, from: 'validation' as const };
    const callMs = timing.callMs;
    const cost = quickTiming(callMs, QUICK, roundIterations);
    const workload: CheckResult['workload'] = {
      verdict: callMs < CALL_MS_RANGE.min ? 'too-short' : callMs > CALL_MS_RANGE.max ? 'too-long' : 'in-range',
      rangeMs: { ...CALL_MS_RANGE },
      validationCalls: h.seeds.length,
      validationMs: h.seeds.length * callMs,
      quickTimingCalls: cost.calls,
      quickTimingMs: cost.ms,
    };
    const warnings = warningsOf(h, outputs, workload);
    const harness: CheckResult['harness'] = {
      path: h.path, kind: h.kind, seeds: h.seeded ? h.seeds : 'none', ...(h.harness.tolerance ? { tolerance: h.harness.tolerance } : {}),
    };
    return { kernel: kernel.uri, harness, outputs, shownSeed: h.seeds[0]!, callMs, callMsFrom: timing.from, workload, o3, warnings, ok: o3.state === 'ok' };
  } finally {
    ev.close();
  }
}

/** Why -O3 failed, and what to do about it. */
function failure(o3: Extract<CheckResult['o3'], { state: 'invalid' }>): string {
  const what = `-O3 of the module fails the harness (${o3.reason}: ${o3.detail}).`;
  if (o3.detail.startsWith(TIMING_FAILED)) {
    return `${what} A runtime tune would record every candidate the same way. Each timed call gets a fresh instance and its own setup, so a workload `
      + 'much shorter than its setup takes long to time: make the workload longer, or tune for size.';
  }
  return `${what} A tune would reject most candidates the same way. Outputs must depend only on what the workload computes, not on the code that `
    + 'computes it (its size, layout or stack use); for a harness that meets this, -O3 miscompiles the module.';
}

/** How the detail of a failure while timing begins (as the evaluator writes it for a candidate). */
const TIMING_FAILED = 'while timing';

type QuickMeasurement =
  | { state: 'timed'; /** The original's median per-call time, ms. */ callMs: number; vsOriginal?: Estimate }
  | { state: 'failed'; error: string }
  | { state: 'skipped'; why: string };

/**
 * One quick measurement, as a runtime tune makes for every candidate: -O3 against the original, or without
 * a distinct -O3 the original against itself. It also gives the original's per-call time as a median over
 * rounds, steadier than a validation run, which the machine's other work can slow down many times over.
 */
async function quickMeasure(ev: Evaluator, settings: MeasureSettings, original: Uint8Array, o3: Uint8Array | undefined, validationCallMs: number, iterations: Iterations): Promise<QuickMeasurement> {
  const expected = quickTiming(validationCallMs, settings, iterations);
  if (expected.ms > QUICK_TIMING_LIMIT_MS) return { state: 'skipped', why: `a quick measurement would take about ${seconds(expected.ms)}` };
  const r = await ev.measure(original, o3 ?? original, settings, o3 === undefined);
  if (typeof r === 'string') return { state: 'failed', error: r };
  const vsOriginal = o3 ? { median: r.median, low: r.low, high: r.high, confidence: r.confidence, n: r.n } : undefined;
  return { state: 'timed', callMs: r.baselineMs, ...(vsOriginal ? { vsOriginal } : {}) };
}

/** The evaluator's rule for the calls of each module per timed round (its `roundIterations`). */
type Iterations = (callMs: number, settings: MeasureSettings) => number;

/** Calls (warm-up included) and wall time, ms, of one quick runtime ratio, as the evaluator sizes it. */
function quickTiming(callMs: number, settings: MeasureSettings, iterations: Iterations): { calls: number; ms: number } {
  const calls = settings.rounds * 2 * (iterations(callMs, settings) + 1);
  return { calls, ms: calls * Math.max(callMs, 0.001) };
}

function warningsOf(h: LoadedHarness, outputs: OutputSummary[], w: CheckResult['workload']): string[] {
  const warnings: string[] = [];
  if (outputs.length === 0) warnings.push('the harness compares no output: only traps and hangs can tell a wrong candidate from a right one');
  if (h.seeds.length > 1 && outputs.length > 0 && outputs.every((o) => o.sameOnEverySeed)) {
    warnings.push('every seed gave the same outputs: the seeded inputs may not reach the workload (a workload that takes no seeded input can declare "seeds": "none")');
  }
  if (w.verdict === 'too-short') {
    warnings.push(`the workload is shorter than ${w.rangeMs.min} ms per call: timer resolution and the cost of the call itself weigh on every runtime ratio; make it larger (more data, or several calls in run)`);
  }
  if (w.verdict === 'too-long') {
    warnings.push(`the workload is longer than ${w.rangeMs.max} ms per call: each candidate takes about ${seconds(w.validationMs + w.quickTimingMs)} to validate and time; make it smaller, or tune with a time budget and expect few candidates`);
  }
  return warnings;
}

/** Kind, length and the first few values of an output. */
function describeValue(v: OutputValue): { kind: string; length: number; preview: string } {
  if (Array.isArray(v)) return { kind: 'array', length: v.length, preview: listPreview(v.map((x) => describeValue(x).preview), v.length) };
  if (ArrayBuffer.isView(v)) {
    if (v instanceof DataView) return { kind: 'DataView', length: v.byteLength, preview: listPreview([...new Uint8Array(v.buffer, v.byteOffset, Math.min(v.byteLength, 4))].map(String), v.byteLength) };
    const items = Array.from(v as unknown as ArrayLike<number | bigint>);
    const head = items.slice(0, 4).map(scalar);
    const preview = listPreview(head, items.length);
    if (items.length <= 4) return { kind: v.constructor.name, length: items.length, preview };
    const numbers = items.filter((x) => x === x); // NaN is not ordered
    const least = numbers.reduce((a, b) => (b < a ? b : a), numbers[0]!);
    const most = numbers.reduce((a, b) => (b > a ? b : a), numbers[0]!);
    return { kind: v.constructor.name, length: items.length, preview: numbers.length ? `${preview} min ${scalar(least)}, max ${scalar(most)}` : preview };
  }
  if (typeof v === 'string') return { kind: 'string', length: v.length, preview: JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) };
  return { kind: typeof v, length: 1, preview: scalar(v) };
}

function scalar(v: number | bigint | boolean): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v)) return String(Number(v.toPrecision(6)));
  return String(v);
}

function listPreview(head: string[], length: number): string {
  return `[${head.slice(0, 4).join(', ')}${length > 4 ? ', …' : ''}]`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 0)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const ms = (x: number) => (x < 1 ? x.toFixed(4) : x < 100 ? x.toFixed(3) : x.toFixed(1));

/** The result for a terminal. */
function render(r: CheckResult, module: string, harnessArg: string | undefined): string {
  const lines: string[] = [];
  const h = r.harness;
  const seeds = h.seeds === 'none' ? 'no seeded input: one run' : `seeds ${h.seeds.join(', ')}`;
  const floats = h.tolerance ? `floats within ${JSON.stringify(h.tolerance)}` : 'bit for bit';
  lines.push(`kernel     ${r.kernel}`);
  lines.push(`harness    ${h.path} (${h.kind === 'json' ? 'JSON' : 'script'}; ${seeds}; compared ${floats})`);
  lines.push(`original   ${h.seeds === 'none' ? 'the same outputs on two runs' : 'the same outputs on two runs of every seed'}`);
  lines.push(`outputs    ${r.outputs.length} compared on every run (shown: ${h.seeds === 'none' ? 'the run' : `seed ${r.shownSeed}`})`);
  const rows = r.outputs.map((o) => [o.name, o.kind, String(o.length), o.preview + (o.sameOnEverySeed && h.seeds !== 'none' && h.seeds.length > 1 ? '  (same on every seed)' : '')]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) lines.push(`  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]!.padStart(widths[2]!)}  ${row[3]}`);
  const w = r.workload;
  const from = r.callMsFrom === 'timing' ? 'median of the timed rounds' : 'slowest validation run';
  lines.push(`time       ${ms(r.callMs)} ms per call in V8's optimizing tier (${from}), ${w.verdict === 'in-range' ? 'in' : 'OUTSIDE'} the range ${w.rangeMs.min}–${w.rangeMs.max} ms`);
  lines.push(`cost       per candidate: ${w.validationCalls} validation call${w.validationCalls === 1 ? '' : 's'} (${seconds(w.validationMs)}); with a runtime objective also ${w.quickTimingCalls} timed calls (${seconds(w.quickTimingMs)})`);
  const o3 = r.o3;
  if (o3.state === 'ok') {
    const runtime = o3.runtimeVsOriginal
      ? `runtime ${o3.runtimeVsOriginal.median.toFixed(3)} [${o3.runtimeVsOriginal.low.toFixed(3)}, ${o3.runtimeVsOriginal.high.toFixed(3)}] × the original (quick)`
      : `runtime not measured: ${o3.runtimeSkipped}`;
    lines.push(`-O3        passes the harness: ${o3.sizeBytes} B (the original ${o3.originalSizeBytes} B), ${runtime}; built and validated in ${seconds(o3.evaluationMs)}`);
  } else lines.push(`-O3        FAILS the harness (${o3.reason}): ${o3.detail}`);
  for (const warning of r.warnings) lines.push(`warning    ${warning}`);
  if (r.ok) lines.push(`ready      wasmtune tune ${module}${harnessArg ? ` --harness ${harnessArg}` : ''} --budget 2m`);
  return lines.join('\n') + '\n';
}
