/**
 * Large-module benchmark (`npm run bench:large`): per-function search against whole-module search, on the
 * large example modules (bench/modules: sqljs, brotli, gofmt) and on the suite kernels, in one run on one
 * machine.
 *
 * A per-function search (`tune(…, { perFunction: { hot } })`, src/search/per-function.ts) runs the agent's
 * recipe on the hot functions only, after the smallest -O level's steps for the whole module; the hot set
 * is the fewest functions, by self time, that cover 90 % of the time in wasm of a profile of the harness's
 * workload (`profileModule`, src/measure/profile.ts). Without `perFunction` the search is whole-module.
 *
 * Parts (`--parts`, all by default; each can run on its own and be added to an earlier file with --append):
 * 1. `profile`: per large module, the profile: the top 10 functions by self time, the hot set, and the
 *    wasm / JS / other split of the workload; the time the profile took.
 * 2. `front`: per large module, Pareto objective runtime,size, agent sweep, budget --front-budget, seed 1,
 *    per-function (hot set from part 1's profile of this run, else a fresh one) then whole-module: wall
 *    time, evaluations, the front as tune reports it, and the target point (runtime ≤ 1.02 × -O3 and
 *    size ≤ 1.00 × -Oz, else the closest point and its miss).
 * 3. `size`: per --size-modules module (sqljs), objective size, sweep, budget --size-budget, seed 1, no
 *    final runtime measurement, per-function then whole-module: wall and search time, best size, ratio to
 *    -Oz. With --append, a run adds its own row beside earlier runs' rows (the other parts replace theirs).
 * 4. `suite`: every suite kernel (or --kernels), as part 2 with budget --suite-budget and a profile per
 *    kernel; a kernel whose hot set is every function it defines runs whole-module only (as the command
 *    line does). Per kernel whether the front has the target point; the share of kernels that have it.
 *
 *   node dist/bench/large.js [--parts profile,front,size,suite] [--modules sqljs,brotli,gofmt]
 *     [--size-modules sqljs] [--kernels a,b] [--agent sweep] [--front-budget 40] [--size-budget 100]
 *     [--suite-budget 20] [--jobs N] [--measure-baselines] [--modes per-function,whole-module]
 *     [--out bench/large-results] [--append]
 *   node dist/bench/large.js --render [--out bench/large-results]
 *
 * --jobs: builder processes and validation runners per tune; by default as `wasmtune tune`'s
 * (`WASMTUNE_JOBS`, else one per core). --measure-baselines: in parts 2 and 4, also time every -O level
 * against -O3 and the best after the search (`measureRuntime`, on by default in `wasmtune tune`); off here
 * because nothing reported depends on it and it costs up to 13 final measurements per tune.
 *
 * --modes: the searches each part runs, per-function then whole-module by default (one of them: to
 * measure a change that affects only it, with --append).
 *
 * --render: measure nothing; write `<out>.md` again from `<out>.json` (after notes were added there).
 *
 * Progress goes to stderr as each profile and tune ends; `<out>.json` and `<out>.md` are rewritten after
 * each of them, so a run stopped late keeps what it measured.
 */
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { listSuite, loadKernel, projectRoot, type Kernel } from '../src/kernels/index.js';
import { defaultJobs } from '../src/evaluate/evaluator.js';
import { tune } from '../src/search/tune.js';
import { describeRecipe } from '../src/recipe/recipe.js';
import { getAgent } from '../agents/registry.js';
import { parseObjective, type ObjectiveSpec } from '../src/evaluate/objective.js';
import { profileModule, type FunctionTime, type Profile } from '../src/measure/profile.js';
import type { TuneReport } from '../src/types.js';
import { commit, machine } from '../src/measure/provenance.js';
import { WasmtuneError, messageOf } from '../src/errors.js';
import { benchMain } from './run-info.js';

const PARTS = ['profile', 'front', 'size', 'suite'] as const;
type Part = (typeof PARTS)[number];
type Mode = 'per-function' | 'whole-module';

const SEED = 1;
const HOT_THRESHOLD = 0.9;
/** The target point of a front: runtime ratio to -O3 at most this, size ratio to -Oz at most {@link SIZE_TARGET}. */
const RUNTIME_TARGET = 1.02;
const SIZE_TARGET = 1.0;
const TOP_FUNCTIONS = 10;

/** One invocation of the benchmark: what ran, where, and the machine's load around each part. */
interface RunInfo {
  command: string;
  commit: string;
  machine: string;
  node: string;
  jobs: number;
  agent: string;
  /** Parts 2 and 4 timed every -O level against -O3 and the winner after the search (`measureRuntime`). */
  measureBaselines: boolean;
  startedAt: string;
  finishedAt: string;
  parts: Partial<Record<Part, { startedAt: string; finishedAt: string; loadStart: string; loadEnd: string }>>;
  /**
   * What a part's figures need said beside them (a tune stopped by hand, other work on the machine),
   * written into the JSON by hand and shown under the part's header by every rendering (`--render`).
   */
  notes?: Partial<Record<Part, string>>;
}

interface ProfileRow {
  run: number;
  module: string;
  bytes: number;
  /** Wall time of `profileModule` (runner start, harness load, an unprofiled warm-up run, the profiled runs), s. */
  profileS: number;
  definedFunctions: number;
  functionImports: number;
  hotThreshold: number;
  hotCount: number;
  hotShare: number;
  hotNames: string[];
  top: FunctionTime[];
  wasmMs: number;
  jsMs: number;
  otherMs: number;
  gcMs: number;
  totalMs: number;
  runs: number;
  runMs: number;
  samples: number;
}

/** Where a per-function search's hot set came from, and why there was none. */
interface HotInfo {
  /** The part of this invocation that took the profile (`profile`, or the first later part that needed it). */
  from: Part;
  /** Wall time of the profile, s. */
  profileS: number;
  definedFunctions: number;
  hotCount: number;
  hotShare: number;
  /** Why no per-function search ran (the CLI's rule: no hot function, or every defined function hot). */
  fallback?: string;
}

interface TuneStats {
  wallS: number;
  setupS: number;
  baselinesS: number;
  searchS: number;
  finalS: number;
  evaluations: number;
  invalid: number;
  tooSlow: number;
  cacheHits: number;
  prefixHits: number;
  jobs: number;
  /** Invalid candidates by reason (runs before this field existed lack it). */
  invalidBy?: Record<string, number>;
  /** The CPU-time limit of a candidate's build, ms. */
  buildLimitMs?: number;
}

interface TuneRun {
  mode: Mode;
  /** Per-function: the hot functions the agent's steps ran on, and the whole-module steps before them. */
  hot?: { count: number; cold: string[] };
  stats?: TuneStats;
  /** The tune failed: its message (and the wall time until it did). */
  error?: string;
  errorWallS?: number;
}

/** A member of the front as tune reports it. */
interface Point {
  origin: string;
  recipe: string;
  sizeBytes: number;
  /** Runtime ratio to -O3 (median of the final re-measurement; 1 by identity for -O3's own module). */
  runtime: number;
  low?: number;
  high?: number;
  /** The module is -O3's: its ratio is 1 by identity, not timed. */
  identity: boolean;
  /** Size ratio to -Oz. */
  size: number;
}

interface Target {
  /** Index into the points. */
  point: number;
  /** Runtime median ≤ 1.02 and size ≤ 1.00. */
  met: boolean;
  /** Met, and the runtime CI's upper bound is ≤ 1.02 too (or the ratio is 1 by identity). */
  ciMet: boolean;
  /** How far the point is above each target (0 when within). */
  runtimeMiss: number;
  sizeMiss: number;
}

interface FrontRun extends TuneRun {
  points?: Point[];
  target?: Target;
}

interface SizeRun extends TuneRun {
  bestBytes?: number;
  ozBytes?: number;
  vsOz?: number;
  origin?: string;
  recipe?: string;
}

interface FrontRow {
  run: number;
  module: string;
  bytes: number;
  budget: number;
  hot: HotInfo;
  tunes: FrontRun[];
}

interface SizeRow {
  run: number;
  module: string;
  bytes: number;
  budget: number;
  hot: HotInfo;
  tunes: SizeRun[];
}

interface SuiteRow {
  run: number;
  kernel: string;
  bytes: number;
  budget: number;
  hot: HotInfo;
  tunes: FrontRun[];
}

interface Results {
  format: 'wasmtune-bench-large-v1';
  runs: RunInfo[];
  profile: ProfileRow[];
  front: FrontRow[];
  size: SizeRow[];
  suite: SuiteRow[];
}

/** The files of a large module of bench/modules: `<dir>/module.wasm` and its harness. */
function largePaths(name: string): { module: string; harness: string } {
  if (!/^[a-z0-9_-]+$/.test(name)) throw new WasmtuneError('E_USAGE', `Unknown module '${name}': name a folder of bench/modules (sqljs, brotli, gofmt).`);
  const dir = join(projectRoot(), 'bench/modules', name);
  const harness = ['harness.mjs', 'harness.json'].map((h) => join(dir, h)).find((h) => existsSync(h));
  if (!existsSync(join(dir, 'module.wasm')) || !harness) throw new WasmtuneError('E_USAGE', `Unknown module '${name}': bench/modules/${name} has no module.wasm with a harness (the large modules are sqljs, brotli, gofmt).`);
  return { module: join(dir, 'module.wasm'), harness };
}

const f = (x: number | undefined, d = 1) => (x !== undefined && Number.isFinite(x) ? x.toFixed(d) : '–');
const pct = (x: number | undefined, d = 1) => (x !== undefined && Number.isFinite(x) ? `${(100 * x).toFixed(d)} %` : '–');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const log = (line: string) => process.stderr.write(`[bench:large] ${line}\n`);

function hotInfo(p: Profile, from: Part, profileS: number): HotInfo {
  const fallback = !p.hot.count
    ? 'the profile found no time in the module\'s functions'
    : p.hot.count >= p.definedFunctions ? `the hot set is every defined function (${p.definedFunctions})` : undefined;
  return { from, profileS, definedFunctions: p.definedFunctions, hotCount: p.hot.count, hotShare: p.hot.share, ...(fallback ? { fallback } : {}) };
}

function statsOf(report: TuneReport, wallS: number): TuneStats {
  const t = report.time;
  return {
    wallS, setupS: (t?.setupMs ?? NaN) / 1000, baselinesS: (t?.baselinesMs ?? NaN) / 1000, searchS: (t?.searchMs ?? NaN) / 1000, finalS: (t?.finalMs ?? NaN) / 1000,
    evaluations: report.evaluations, invalid: report.invalid.total, tooSlow: report.invalid.byReason['too-slow'] ?? 0, cacheHits: report.cacheHits,
    prefixHits: report.pipeline?.prefixHits ?? 0, jobs: report.pipeline?.jobs ?? NaN,
    invalidBy: { ...report.invalid.byReason } as Record<string, number>,
    ...(report.pipeline?.limits ? { buildLimitMs: report.pipeline.limits.buildCpuMs } : {}),
  };
}

function pointsOf(report: TuneReport): Point[] {
  return (report.front ?? []).map((e) => ({
    origin: e.origin, recipe: describeRecipe(e.recipe), sizeBytes: e.sizeBytes,
    runtime: e.ratios.runtime ?? NaN, ...(e.runtime ? { low: e.runtime.low, high: e.runtime.high } : {}), identity: !e.runtime,
    size: e.ratios.size ?? NaN,
  }));
}

/**
 * The target point: of the points with runtime ≤ 1.02 and size ≤ 1.00, the smallest (then the fastest);
 * without one, the point whose larger excess over the two targets is smallest.
 */
export function targetOf(points: readonly Point[]): Target | undefined {
  const excess = (p: Point) => ({ runtimeMiss: Math.max(0, p.runtime - RUNTIME_TARGET), sizeMiss: Math.max(0, p.size - SIZE_TARGET) });
  const valid = points.map((p, i) => ({ p, i })).filter(({ p }) => Number.isFinite(p.runtime) && Number.isFinite(p.size));
  const within = valid.filter(({ p }) => p.runtime <= RUNTIME_TARGET && p.size <= SIZE_TARGET).sort((a, b) => a.p.size - b.p.size || a.p.runtime - b.p.runtime);
  if (within.length) {
    const { p, i } = within[0]!;
    return { point: i, met: true, ciMet: p.identity || (p.high !== undefined && p.high <= RUNTIME_TARGET), runtimeMiss: 0, sizeMiss: 0 };
  }
  const worst = (p: Point) => Math.max(excess(p).runtimeMiss, excess(p).sizeMiss);
  const closest = [...valid].sort((a, b) => worst(a.p) - worst(b.p) || a.p.runtime + a.p.size - (b.p.runtime + b.p.size))[0];
  return closest ? { point: closest.i, met: false, ciMet: false, ...excess(closest.p) } : undefined;
}

/** One tune of a module; errors are recorded, not thrown, so the rest of the benchmark goes on. */
async function runTune(
  kernel: Kernel, label: string, mode: Mode, hot: string[] | undefined,
  settings: { objective: ObjectiveSpec | 'size'; budget: number; agent: string; jobs: number; measureRuntime?: boolean },
): Promise<{ run: TuneRun; report?: TuneReport }> {
  const agent = getAgent(settings.agent);
  log(`${label} ${mode}: started (budget ${settings.budget}${hot ? `, ${hot.length} hot functions` : ''})`);
  const t0 = performance.now();
  try {
    const { report } = await tune(kernel, {
      agent, agentOptions: { ...agent.defaults }, budget: { evaluations: settings.budget }, objective: settings.objective, seed: SEED, jobs: settings.jobs, contenders: [],
      ...(settings.measureRuntime !== undefined ? { measureRuntime: settings.measureRuntime } : {}),
      ...(hot ? { perFunction: { hot } } : {}),
    });
    const wallS = (performance.now() - t0) / 1000;
    return {
      run: { mode, ...(report.perFunction ? { hot: { count: report.perFunction.hot.length, cold: report.perFunction.cold } } : {}), stats: statsOf(report, wallS) },
      report,
    };
  } catch (e) {
    const errorWallS = (performance.now() - t0) / 1000;
    log(`${label} ${mode}: FAILED after ${f(errorWallS)} s: ${messageOf(e)}`);
    return { run: { mode, error: messageOf(e), errorWallS } };
  }
}

function frontRun(r: { run: TuneRun; report?: TuneReport }): FrontRun {
  if (!r.report) return r.run;
  const points = pointsOf(r.report);
  const target = targetOf(points);
  return { ...r.run, points, ...(target ? { target } : {}) };
}

function frontLine(label: string, fr: FrontRun): string {
  if (fr.error || !fr.stats) return `${label} ${fr.mode}: failed`;
  const t = fr.target && fr.points ? fr.points[fr.target.point] : undefined;
  const target = !t ? 'no front' : `${fr.target!.met ? 'target point' : 'closest point'} ${f(t.runtime, 3)} × -O3, ${f(t.size, 3)} × -Oz${fr.target!.met ? (fr.target!.ciMet ? ' (CI upper ≤ 1.02)' : ' (CI upper > 1.02)') : ''}`;
  return `${label} ${fr.mode}: done in ${f(fr.stats.wallS)} s, ${fr.stats.evaluations} evaluations, front of ${fr.points?.length ?? 0}; ${target}`;
}

// ---------- Markdown ----------

function runHeader(results: Results, rows: ReadonlyArray<{ run: number }>, part: Part): string[] {
  const out: string[] = [];
  for (const i of [...new Set(rows.map((r) => r.run))].sort((a, b) => a - b)) {
    const r = results.runs[i]!;
    const p = r.parts[part];
    out.push(`Measured by \`${r.command}\` (run ${i + 1}): commit ${r.commit}, ${r.jobs} job${r.jobs === 1 ? '' : 's'}${part === 'front' || part === 'suite' ? `, -O levels ${r.measureBaselines ? '' : 'not '}timed after the search` : ''}; this part ${p?.startedAt ?? '?'} → ${p?.finishedAt ?? '?'}, load average at its start ${p?.loadStart ?? '?'}, at its end ${p?.loadEnd ?? '?'}.`, '');
    if (r.notes?.[part]) out.push(r.notes[part]!, '');
  }
  return out;
}

function hotText(h: HotInfo, run: number): string {
  if (!Number.isFinite(h.definedFunctions)) return `none: ${h.fallback ?? 'no profile'} (run ${run + 1}), so whole-module only`;
  const src = `${h.from === 'profile' ? 'the profile of part 1' : `a profile taken for the ${h.from} part`} in run ${run + 1}, ${f(h.profileS)} s`;
  return `${h.hotCount} of ${h.definedFunctions} (${pct(h.hotShare)} of wasm time; ${src})${h.fallback ? `: ${h.fallback}, so whole-module only` : ''}`;
}

function pointText(p: Point): string {
  return p.identity ? '1 (-O3\'s module: identity)' : `${f(p.runtime, 3)} [${f(p.low, 3)}, ${f(p.high, 3)}]`;
}

function targetText(fr: FrontRun): string {
  if (fr.error) return `failed: ${fr.error}`;
  if (!fr.target || !fr.points) return 'no front';
  const p = fr.points[fr.target.point]!;
  if (fr.target.met) return `yes: ${pointText(p)} × -O3, ${f(p.size, 4)} × -Oz (${p.origin}); CI upper ≤ 1.02: ${fr.target.ciMet ? 'yes' : 'no'}`;
  const misses = [fr.target.runtimeMiss > 0 ? `runtime by ${f(fr.target.runtimeMiss, 3)}` : '', fr.target.sizeMiss > 0 ? `size by ${f(fr.target.sizeMiss, 4)}` : ''].filter(Boolean).join(', ');
  return `no; closest ${pointText(p)} × -O3, ${f(p.size, 4)} × -Oz (${p.origin}), misses ${misses}`;
}

function tuneCells(fr: TuneRun): string {
  const s = fr.stats;
  if (!s) return `failed after ${f(fr.errorWallS)} s | | | | |`;
  const by = s.invalidBy ? Object.entries(s.invalidBy).filter(([r]) => r !== 'too-slow').map(([r, n]) => `${n} ${r}`) : [];
  return `${f(s.wallS)} | ${f(s.baselinesS)} | ${f(s.searchS)} | ${f(s.finalS)} | ${s.evaluations} (${s.invalid} invalid${by.length ? `: ${by.join(', ')}` : ''}, ${s.tooSlow} too-slow${s.buildLimitMs !== undefined ? ` at ${f(s.buildLimitMs / 1000)} s CPU` : ''}, ${s.cacheHits} cache hits)`;
}

function frontSection(rows: readonly FrontRow[], title: 'front' | 'suite'): string[] {
  const out: string[] = [];
  for (const row of rows) {
    out.push(`### ${title === 'suite' ? row.module : `${row.module} (${row.bytes} B)`}`, '');
    out.push(`Hot set: ${hotText(row.hot, row.run)}.`, '');
    out.push('| search | hot functions | wall s | baselines s | search s | final s | evaluations | front points | target point (runtime ≤ 1.02 × -O3, size ≤ 1.00 × -Oz) |');
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const t of row.tunes) out.push(`| ${t.mode} | ${t.hot ? `${t.hot.count}, after \`${t.hot.cold.join(' ')}\`` : 'all'} | ${tuneCells(t)} | ${t.points?.length ?? '–'} | ${targetText(t)} |`);
    out.push('');
    for (const t of row.tunes) {
      if (!t.points?.length) continue;
      out.push(`Front, ${t.mode} (by runtime):`, '');
      out.push('| origin | runtime × -O3 [95 % CI] | size × -Oz | bytes | recipe |');
      out.push('|---|---|---|---|---|');
      t.points.forEach((p, i) => out.push(`| ${p.origin}${t.target?.point === i ? (t.target.met ? ' (target)' : ' (closest)') : ''} | ${pointText(p)} | ${f(p.size, 4)} | ${p.sizeBytes} | \`${shortRecipe(p.recipe)}\` |`));
      out.push('');
    }
  }
  return out;
}

/** A recipe for a table: the per-function frame's hot-function list is long, its description short already. */
function shortRecipe(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

function markdown(results: Results): string {
  const out: string[] = [];
  out.push('# Large modules: per-function search against whole-module search', '');
  out.push('Written by `npm run bench:large` (bench/large.ts). Every figure below was measured by the command named above its part, on the machine named in the runs list; nothing is carried over from other runs.', '');
  out.push('## Runs', '');
  results.runs.forEach((r, i) => {
    out.push(`${i + 1}. \`${r.command}\`: commit ${r.commit}; ${r.machine}; Node ${r.node}; ${r.jobs} job${r.jobs === 1 ? '' : 's'}; agent ${r.agent}; ${r.startedAt} → ${r.finishedAt}; parts ${Object.keys(r.parts).join(', ') || 'none'}${r.parts.front || r.parts.suite ? `; fronts ${r.measureBaselines ? 'with' : 'without'} the -O levels timed after the search` : ''}.`);
  });
  out.push('');
  out.push('Terms. **Per-function**: `tune` with `perFunction.hot` set to the hot set; every candidate is the smallest -O level\'s steps for the whole module (the "cold steps"), then the agent\'s steps on the hot functions only. **Whole-module**: the agent\'s recipes on the whole module (the default). **Hot set**: the fewest functions, by self time, that cover 90 % of the time in wasm of a profile of the workload (`profileModule`, `hotThreshold` 0.9). Wall s: the whole `tune` call, measured around it (starting its builder and runner processes, the -O level baselines, the search, the final phase); baselines s, search s and final s are its phases as `tune` reports them (`report.time`). The final phase of a front re-measures the front\'s members and the best against -O3 (15 interleaved rounds each); only in a run with `--measure-baselines` does it also time every -O level against -O3 and against the best, as `wasmtune tune` does by default (those figures are not reported here and do not change the front). Evaluations: the agent\'s, the -O level baselines not counted; cache hits are evaluations answered without a validation (a recipe or module seen before). Seed 1 throughout.', '');

  if (results.profile.length) {
    out.push('## 1. Profile of the workload', '');
    out.push(...runHeader(results, results.profile, 'profile'));
    out.push('`profileModule` with its defaults (at least 5 profiled calls of the workload adding up to at least 1 s, sampled every 100 µs, each on a fresh instance) and a hot-set threshold of 0.9. Profile s: wall time of the whole profile, including the runner\'s start, loading the harness and an unprofiled warm-up call. wasm / JS / other: the profiler\'s self time in the module\'s functions, in JavaScript (harness, glue, V8\'s JS↔wasm wrappers), and in V8 itself (builtins, runtime, GC), ms over all profiled calls.', '');
    out.push('| module | bytes | functions defined (+ imported) | profile s | profiled calls | wall ms of the calls | wasm ms | JS ms | other ms (GC) | hot set |');
    out.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const p of results.profile) {
      const tot = p.totalMs || NaN;
      out.push(`| ${p.module} | ${p.bytes} | ${p.definedFunctions} (+ ${p.functionImports}) | ${f(p.profileS)} | ${p.runs} | ${f(p.runMs, 0)} | ${f(p.wasmMs, 0)} (${pct(p.wasmMs / tot)}) | ${f(p.jsMs, 0)} (${pct(p.jsMs / tot)}) | ${f(p.otherMs, 0)} (${pct(p.otherMs / tot)}; GC ${f(p.gcMs, 0)}) | ${p.hotCount} of ${p.definedFunctions} functions, ${pct(p.hotShare)} of wasm time |`);
    }
    out.push('');
    for (const p of results.profile) {
      out.push(`### ${p.module}: top ${Math.min(TOP_FUNCTIONS, p.top.length)} functions by self time`, '');
      out.push('Share: self time ÷ the whole workload\'s profiled time (wasm + JS + other).', '');
      out.push('| # | index | name | self ms | share |');
      out.push('|---|---|---|---|---|');
      p.top.forEach((fn, i) => out.push(`| ${i + 1} | ${fn.index} | \`${fn.name}\` | ${f(fn.selfMs, 1)} | ${pct(fn.share)} |`));
      out.push('');
    }
  }

  if (results.front.length) {
    out.push(`## 2. Pareto front runtime,size on the large modules`, '');
    out.push(...runHeader(results, results.front, 'front'));
    out.push(`Objective \`runtime,size\`, agent ${results.runs[results.front[0]!.run]?.agent ?? '?'}, budget ${[...new Set(results.front.map((r) => r.budget))].join(', ')} evaluations, seed 1; per-function first, then whole-module. The front is the one \`tune\` reports: up to 8 members of the front by the search's quick ratios, re-measured against -O3 (15 interleaved rounds; median and 95 % CI), and the front recomputed from those figures. Runtime: ratio to -O3 (below 1 is faster); size: raw bytes ÷ -Oz's. **Target point**: a front point with runtime median ≤ 1.02 and size ≤ 1.00 (the smallest such; "CI upper ≤ 1.02" says whether its CI's upper bound is within too); without one, the closest point (smallest larger excess over the two targets) and by how much it misses.`, '');
    out.push(...frontSection(results.front, 'front'));
  }

  if (results.size.length) {
    out.push('## 3. Size', '');
    out.push(...runHeader(results, results.size, 'size'));
    out.push(`Objective \`size\` (raw bytes), agent ${results.runs[results.size[0]!.run]?.agent ?? '?'}, budget ${[...new Set(results.size.map((r) => r.budget))].join(', ')} evaluations, seed 1, no final runtime measurement (\`measureRuntime: false\`); per-function first, then whole-module. Best: the smallest valid module, -O levels included; ratio: its bytes ÷ -Oz's.`, '');
    out.push('| module | hot set | search | wall s | baselines s | search s | final s | evaluations | best B | -Oz B | ratio to -Oz | best from |');
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of results.size) {
      for (const t of row.tunes) {
        out.push(`| ${row.module} | ${hotText(row.hot, row.run)} | ${t.mode}${t.hot ? ` (${t.hot.count} hot, after \`${t.hot.cold.join(' ')}\`)` : ''} | ${tuneCells(t)} | ${t.bestBytes ?? '–'} | ${t.ozBytes ?? '–'} | ${f(t.vsOz, 4)} | ${t.origin ?? (t.error ? `failed: ${t.error}` : '–')} |`);
      }
    }
    out.push('');
    for (const row of results.size) for (const t of row.tunes) if (t.recipe) out.push(`- ${row.module}, ${t.mode}: \`${shortRecipe(t.recipe)}\``);
    out.push('');
  }

  if (results.suite.length) {
    out.push('## 4. Suite kernels', '');
    out.push(...runHeader(results, results.suite, 'suite'));
    out.push(`As part 2 on each suite kernel: objective \`runtime,size\`, agent ${results.runs[results.suite[0]!.run]?.agent ?? '?'}, budget ${[...new Set(results.suite.map((r) => r.budget))].join(', ')} evaluations, seed 1, a profile of each kernel for its hot set. A kernel whose hot set is every function it defines (or none) has nothing to keep small: as the command line does, it is searched whole-module only, and its per-function result below is that whole-module run's.`, '');
    out.push('| kernel | bytes | hot set | per-function wall s | per-function: target point? | whole-module wall s | whole-module: target point? |');
    out.push('|---|---|---|---|---|---|---|');
    for (const row of results.suite) {
      const pf = row.tunes.find((t) => t.mode === 'per-function');
      const wm = row.tunes.find((t) => t.mode === 'whole-module');
      const pfCells = pf ? `${f(pf.stats?.wallS ?? pf.errorWallS)} | ${targetText(pf)}` : `(whole-module) | as whole-module`;
      out.push(`| ${row.kernel} | ${row.bytes} | ${hotText(row.hot, row.run)} | ${pfCells} | ${wm ? f(wm.stats?.wallS ?? wm.errorWallS) : '–'} | ${wm ? targetText(wm) : '–'} |`);
    }
    out.push('');
    const shareOf = (rows: readonly SuiteRow[], pick: (row: SuiteRow) => FrontRun | undefined, ci: boolean) => {
      const rs = rows.map(pick).filter((t): t is FrontRun => Boolean(t && !t.error));
      const n = rs.filter((t) => (ci ? t.target?.ciMet : t.target?.met)).length;
      return `${n} of ${rs.length} (${pct(rs.length ? n / rs.length : NaN, 0)})`;
    };
    const pfPick = (row: SuiteRow) => row.tunes.find((t) => t.mode === 'per-function');
    const pfOrFallback = (row: SuiteRow) => pfPick(row) ?? (row.hot.fallback ? row.tunes.find((t) => t.mode === 'whole-module') : undefined);
    const onlySplit = results.suite.filter((r) => !r.hot.fallback);
    const wmPick = (row: SuiteRow) => row.tunes.find((t) => t.mode === 'whole-module');
    out.push('Kernels whose front has a point with runtime median ≤ 1.02 × -O3 and size ≤ 1.00 × -Oz (failed tunes left out of the count):', '');
    out.push('| kernels | per-function (whole-module where it falls back) | whole-module | per-function, CI upper ≤ 1.02 too | whole-module, CI upper ≤ 1.02 too |');
    out.push('|---|---|---|---|---|');
    const all = results.suite;
    out.push(`| all ${all.length} | ${shareOf(all, pfOrFallback, false)} | ${shareOf(all, wmPick, false)} | ${shareOf(all, pfOrFallback, true)} | ${shareOf(all, wmPick, true)} |`);
    out.push(`| the ${onlySplit.length} with a per-function search | ${shareOf(onlySplit, pfPick, false)} | ${shareOf(onlySplit, wmPick, false)} | ${shareOf(onlySplit, pfPick, true)} | ${shareOf(onlySplit, wmPick, true)} |`);
    out.push('');
    out.push('Fronts of the suite kernels:', '');
    out.push(...frontSection(results.suite.map((r) => ({ ...r, module: r.kernel })), 'suite'));
  }
  return out.join('\n');
}

// ---------- Main ----------

await benchMain(import.meta.url, 'bench:large', async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      parts: { type: 'string', default: PARTS.join(',') },
      modules: { type: 'string', default: 'sqljs,brotli,gofmt' },
      'size-modules': { type: 'string', default: 'sqljs' },
      kernels: { type: 'string', default: '' },
      agent: { type: 'string', default: 'sweep' },
      'front-budget': { type: 'string', default: '40' },
      'size-budget': { type: 'string', default: '100' },
      'suite-budget': { type: 'string', default: '20' },
      jobs: { type: 'string' },
      out: { type: 'string', default: 'bench/large-results' },
      /** Keep what the output file holds (parts run separately) and add or replace this run's rows. */
      append: { type: 'boolean', default: false },
      /**
       * Fronts (parts 2 and 4): also time every -O level against -O3 and against the winner after the
       * search, as \`wasmtune tune\` does by default. Off by default: those figures are not reported here
       * and do not change the front, and on a kernel with a long workload they take most of the run.
       */
      'measure-baselines': { type: 'boolean', default: false },
      render: { type: 'boolean', default: false },
      /** Which searches each part runs (a module without a hot set is searched whole-module only). */
      modes: { type: 'string', default: 'per-function,whole-module' },
    },
  });
  if (values.render) {
    const results = JSON.parse(readFileSync(`${values.out!}.json`, 'utf8')) as Results;
    if (results.format !== 'wasmtune-bench-large-v1') throw new WasmtuneError('E_USAGE', `${values.out!}.json is not a bench:large results file.`);
    writeFileSync(`${values.out!}.md`, markdown(results) + '\n');
    return 0;
  }
  const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const parts = list(values.parts);
  for (const p of parts) if (!(PARTS as readonly string[]).includes(p)) throw new WasmtuneError('E_USAGE', `--parts takes ${PARTS.join(', ')}, not '${p}'.`);
  const whole = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new WasmtuneError('E_USAGE', `${name} must be a positive whole number, not '${text}'.`);
    return n;
  };
  const frontBudget = whole('--front-budget', values['front-budget']);
  const sizeBudget = whole('--size-budget', values['size-budget']);
  const suiteBudget = whole('--suite-budget', values['suite-budget']);
  const jobs = values.jobs === undefined ? defaultJobs() : whole('--jobs', values.jobs);
  getAgent(values.agent!);
  const suite = listSuite();
  const kernels = list(values.kernels).length ? list(values.kernels).map((k) => {
    const uri = k.startsWith('kernel://') ? k : `kernel://wasmtune-v0/${k}`;
    if (!suite.includes(uri)) throw new WasmtuneError('E_USAGE', `--kernels: '${k}' is not a suite kernel with a harness (${suite.map((u) => u.split('/').pop()).join(', ')}).`);
    return uri;
  }) : suite;
  // Every name is checked before anything runs, so a typo does not end a long run half-way.
  if (parts.includes('profile') || parts.includes('front')) list(values.modules).forEach(largePaths);
  if (parts.includes('size')) list(values['size-modules']).forEach(largePaths);
  const modes = list(values.modes);
  for (const m of modes) if (m !== 'per-function' && m !== 'whole-module') throw new WasmtuneError('E_USAGE', `--modes takes per-function, whole-module, not '${m}'.`);
  if (!modes.length) throw new WasmtuneError('E_USAGE', '--modes needs per-function, whole-module or both.');
  const modesOf = (hot: string[] | undefined): Mode[] => (modes as Mode[]).filter((m) => m === 'whole-module' || hot !== undefined);
  const objective = parseObjective('runtime,size');
  const measureBaselines = values['measure-baselines']!;

  const outBase = values.out!;
  const results: Results = values.append && existsSync(`${outBase}.json`)
    ? (JSON.parse(readFileSync(`${outBase}.json`, 'utf8')) as Results)
    : { format: 'wasmtune-bench-large-v1', runs: [], profile: [], front: [], size: [], suite: [] };
  if (results.format !== 'wasmtune-bench-large-v1') throw new WasmtuneError('E_USAGE', `${outBase}.json is not a bench:large results file.`);
  const runIndex = results.runs.length;
  const info: RunInfo = {
    command: `npm run bench:large -- ${argv.join(' ')}`.trim(), commit: commit([`${outBase}.json`, `${outBase}.md`]), machine: machine(), node: process.version,
    jobs, agent: values.agent!, measureBaselines, startedAt: new Date().toISOString(), finishedAt: '(running)', parts: {},
  };
  results.runs.push(info);
  const write = () => {
    writeFileSync(`${outBase}.json`, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(`${outBase}.md`, markdown(results) + '\n');
  };
  /** Replace an earlier row with the same key (a part run again), else add. */
  const put = <T>(rows: T[], row: T, same: (a: T) => boolean) => {
    const at = rows.findIndex(same);
    if (at >= 0) rows[at] = row;
    else rows.push(row);
  };
  const part = async (name: Part, body: () => Promise<void>) => {
    if (!parts.includes(name)) return;
    info.parts[name] = { startedAt: new Date().toISOString(), finishedAt: '(running)', loadStart: load(), loadEnd: '(running)' };
    log(`part ${name}: started (load average ${load()})`);
    await body();
    info.parts[name] = { ...info.parts[name]!, finishedAt: new Date().toISOString(), loadEnd: load() };
    log(`part ${name}: done (load average ${load()})`);
    write();
  };

  // Profiles taken in this run, by module: the hot sets of the later parts.
  const profiles = new Map<string, { profile: Profile; from: Part; profileS: number }>();
  const kernelsLoaded = new Map<string, Kernel>();
  const large = async (name: string) => {
    const { module, harness } = largePaths(name);
    return kernelsLoaded.get(name) ?? kernelsLoaded.set(name, await loadKernel(module, harness)).get(name)!;
  };
  const profileOf = async (key: string, kernel: Kernel, from: Part) => {
    const known = profiles.get(key);
    if (known) return known;
    const t0 = performance.now();
    const profile = await profileModule({ bytes: kernel.bytes, harness: kernel.harness! }, { hotThreshold: HOT_THRESHOLD });
    const entry = { profile, from, profileS: (performance.now() - t0) / 1000 };
    profiles.set(key, entry);
    log(`profile ${key}: ${f(entry.profileS)} s; hot set ${profile.hot.count} of ${profile.definedFunctions} functions, ${pct(profile.hot.share)} of wasm time`);
    return entry;
  };
  /** The hot set of a later part: from the profile this run took of the module, else from a fresh one. */
  const hotOf = async (key: string, kernel: Kernel, from: Part, label: string): Promise<{ info: HotInfo; hot?: string[] }> => {
    let info: HotInfo;
    let names: string[] | undefined;
    try {
      const p = await profileOf(key, kernel, from);
      info = hotInfo(p.profile, p.from, p.profileS);
      names = p.profile.hot.names;
    } catch (e) {
      // No profile, no per-function search: recorded, and the module is searched whole-module only.
      info = { from, profileS: NaN, definedFunctions: NaN, hotCount: 0, hotShare: NaN, fallback: `the profile failed (${messageOf(e)})` };
    }
    if (info.fallback) log(`${label}: ${info.fallback}; whole-module only`);
    return info.fallback ? { info } : { info, hot: names! };
  };

  await part('profile', async () => {
    for (const name of list(values.modules)) {
      const kernel = await large(name);
      const { profile: p, profileS } = await profileOf(name, kernel, 'profile');
      put(results.profile, {
        run: runIndex, module: name, bytes: kernel.bytes.length, profileS, definedFunctions: p.definedFunctions, functionImports: p.functionImports,
        hotThreshold: p.hot.threshold, hotCount: p.hot.count, hotShare: p.hot.share, hotNames: p.hot.names, top: p.functions.slice(0, TOP_FUNCTIONS),
        wasmMs: p.wasmMs, jsMs: p.jsMs, otherMs: p.otherMs, gcMs: p.gcMs, totalMs: p.totalMs, runs: p.runs, runMs: p.runMs, samples: p.samples,
      }, (r) => r.module === name);
      write();
    }
  });

  await part('front', async () => {
    for (const name of list(values.modules)) {
      const kernel = await large(name);
      const { info: hot, hot: names } = await hotOf(name, kernel, 'front', `front ${name}`);
      const row: FrontRow = { run: runIndex, module: name, bytes: kernel.bytes.length, budget: frontBudget, hot, tunes: [] };
      put(results.front, row, (r) => r.module === name);
      const settings = { objective, budget: frontBudget, agent: values.agent!, jobs, measureRuntime: measureBaselines };
      for (const mode of modesOf(names)) {
        const fr = frontRun(await runTune(kernel, `front ${name}`, mode, mode === 'per-function' ? names : undefined, settings));
        row.tunes.push(fr);
        log(frontLine(`front ${name}`, fr));
        write();
      }
    }
  });

  await part('size', async () => {
    for (const name of list(values['size-modules'])) {
      const kernel = await large(name);
      const { info: hot, hot: names } = await hotOf(name, kernel, 'size', `size ${name}`);
      const row: SizeRow = { run: runIndex, module: name, bytes: kernel.bytes.length, budget: sizeBudget, hot, tunes: [] };
      // Each run of the size part keeps its own row: its wall times are the measurement, and runs on
      // other days (other load, other hot sets) are compared side by side, not overwritten.
      put(results.size, row, (r) => r.module === name && r.run === runIndex);
      for (const mode of modesOf(names)) {
        const r = await runTune(kernel, `size ${name}`, mode, mode === 'per-function' ? names : undefined, { objective: 'size', budget: sizeBudget, agent: values.agent!, jobs, measureRuntime: false });
        const oz = r.report?.baselines.Oz;
        const sr: SizeRun = !r.report ? r.run : {
          ...r.run, bestBytes: r.report.best.sizeBytes, ...(oz && !('invalid' in oz) ? { ozBytes: oz.sizeBytes } : {}), vsOz: r.report.best.scoreVsBaseline,
          origin: r.report.best.origin, recipe: describeRecipe(r.report.best.recipe),
        };
        row.tunes.push(sr);
        log(sr.stats ? `size ${name} ${mode}: done in ${f(sr.stats.wallS)} s (search ${f(sr.stats.searchS)} s), best ${sr.bestBytes} B, ${f(sr.vsOz, 4)} × -Oz` : `size ${name} ${mode}: failed`);
        write();
      }
    }
  });

  await part('suite', async () => {
    for (const uri of kernels) {
      const kernel = await loadKernel(uri);
      const label = `suite ${kernel.name}`;
      const { info: hot, hot: names } = await hotOf(uri, kernel, 'suite', label);
      const row: SuiteRow = { run: runIndex, kernel: kernel.name, bytes: kernel.bytes.length, budget: suiteBudget, hot, tunes: [] };
      put(results.suite, row, (r) => r.kernel === kernel.name);
      for (const mode of modesOf(names)) {
        const fr = frontRun(await runTune(kernel, label, mode, mode === 'per-function' ? names : undefined, { objective, budget: suiteBudget, agent: values.agent!, jobs, measureRuntime: measureBaselines }));
        row.tunes.push(fr);
        log(frontLine(label, fr));
        write();
      }
    }
  });

  info.finishedAt = new Date().toISOString();
  write();
  process.stdout.write(`wrote ${outBase}.md and ${outBase}.json\n`);
  return 0;
});
