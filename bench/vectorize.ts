/**
 * Benchmark of SIMD vectorization (`npm run bench:vectorize`): what does `wt-vectorize` buy at runtime,
 * kernel by kernel, and which loops does it take or refuse, and why?
 *
 * Kernels: the suite (`kernels/wasmtune-v0`, as compiled there) and the clang -O2 builds of the same C
 * sources (`kernels/reference-o2/<name>/module.wasm`, scalar the way real projects ship them, run with the
 * suite kernel's harness). Per kernel, in one evaluator (one builder and one --no-liftoff runner process):
 *
 *  (a) Two tuning runs for the runtime objective with the same agent, seed and budget: one over the full
 *      space ("with"), one with every SIMD step excluded (`SpaceOptions.simd = false`, "without"). Each
 *      picks its winner by the tuning loop's own protocol. The fixed recipes of FIXED (-O3 followed by
 *      the SIMD passes: wt-vectorize, wt-reroll then wt-vectorize, wt-slp, and all three with float sums
 *      reassociated under fast-math) compete with the "with" winner (the search may not meet them within
 *      a small budget): the fastest of them against -O3, by this benchmark's measurement, is "best with".
 *  (b) Apart from the measurements that selected them: best with ÷ -O3, best with ÷ best without, best
 *      without ÷ -O3, each one interleaved measurement (`Evaluator.measure`: alternating rounds in one
 *      process, median of the per-round ratios with a distribution-free 95 % CI). Below 1 is faster.
 *  (c) The loop report (`analyzeVectorization`): every innermost loop of the module the vectorizer saw in
 *      the best-with recipe (the recipe's prefix before its first SIMD step; the -O3 module when it has
 *      none), vectorized or refused with the reason.
 *
 * Output: `<out>/vectorize-results.md` and `.json` (by default `bench/`), rewritten after each kernel.
 *
 * `--kernels simd` runs the folders of bench/simd/ instead (see its README), each module with its own
 * harness; `reference` runs the suite's clang -O2 builds only (`floyd@clang-O2` one of them); names,
 * URIs, folders, `suite`, `reference` and `simd` mix in one comma-separated list.
 *
 *   node dist/bench/vectorize.js [--kernels suite|simd|a,b] [--no-reference] [--budget 60] [--seed 1]
 *                                [--agent sweep] [--quick] [--out DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getAgent } from '../agents/registry.js';
import { benchMain } from './run-info.js';
import { commit, machine } from '../src/measure/provenance.js';
import { Evaluator, FINAL, contentHash } from '../src/evaluate/evaluator.js';
import { type MeasureSettings } from '../src/types.js';
import { WasmtuneError, messageOf } from '../src/errors.js';
import { listSuite, loadKernel, projectRoot, type Kernel } from '../src/kernels/index.js';
import { geomean, type Estimate } from '../src/measure/stats.js';
import { binaryen } from '../src/binaryen/module.js';
import { analyzeVectorization, type VectorizeReport } from '../src/passes/custom/vectorize.js';
import { analyzeReroll } from '../src/passes/custom/reroll.js';
import { analyzeSlp } from '../src/passes/custom/slp.js';
import { PASSES } from '../src/passes/registry.js';
import { describeRecipe, levelRecipe, recipeToJson, type Recipe } from '../src/recipe/recipe.js';
import { parseBudget, tune } from '../src/search/tune.js';
import { originLabel } from '../src/search/contenders.js';

export interface VectorizeBenchOptions {
  /** Suite names or kernel URIs. */
  kernels: readonly string[];
  /** Also run each kernel's clang -O2 build when there is one. */
  reference: boolean;
  agent: string;
  budget: number;
  seed: number;
  /** Tiny budget and few rounds: checks that the benchmark runs, says nothing about speed. */
  quick: boolean;
  outDir: string;
  command?: string;
  log?: (line: string) => void;
}

export type Ratio = (Estimate & { identical: boolean }) | { error: string };

interface Candidate {
  label: string;
  recipe: ReturnType<typeof recipeToJson>;
  describe: string;
  hash: string;
  sizeBytes: number;
}

/** Which kind of build a module is: a suite kernel as compiled there, a clang -O2 build, or another toolchain's release build. */
export type BuildGroup = 'suite' | 'clang -O2' | 'other toolchain';
const GROUPS: readonly BuildGroup[] = ['clang -O2', 'other toolchain', 'suite'];

/** One module the benchmark runs: its name, where it comes from, its kind of build, and how to load it. */
interface Variant {
  name: string;
  module: string;
  group: BuildGroup;
  load: () => Promise<Kernel>;
}

export interface KernelResult {
  /** `floyd` (suite build) or `floyd@clang-O2` (the reference build). */
  name: string;
  module: string;
  group?: BuildGroup;
  o3: { sizeBytes: number; callMs: number };
  withSimd?: Candidate & { vsO3: Ratio; vsWithout: Ratio; contenders: Array<{ label: string; describe: string; vsO3: Ratio }> };
  withoutSimd?: Candidate & { vsO3: Ratio };
  /**
   * What `wasmtune tune` picks with SIMD allowed: the winner of the "with" search, whose candidates are the
   * agent's, the -O levels and the contenders (src/search/contenders.ts), by the tuning loop's own protocol;
   * `origin` says which. Its ratio to -O3 is a measurement apart from the one that picked it.
   */
  tuned?: Candidate & { origin: string; vsO3: Ratio };
  /** The loops the vectorizer saw, and where (which prefix). */
  loops?: { at: string; report: VectorizeReport };
  /**
   * What the SIMD passes take of the -O3 module (as `wasmtune simd` reports it): wt-vectorize, wt-reroll,
   * wt-vectorize after wt-reroll (with its refusals by reason: the loops no pass takes) and wt-slp.
   */
  analysis?: {
    innermost: number; vectorized: number; rerolled: number; vectorizedAfterReroll: number;
    refusedAfterReroll: Record<string, number>; slpPacked: number; slpGroups: number;
  };
  walltimeS: number;
  error?: string;
}

const FULL = { settings: FINAL, roundMs: 10, finalists: 3 };
const QUICK = { settings: { rounds: 3, iterations: 1 } as MeasureSettings, roundMs: 2, finalists: 1 };

export function parseOptions(argv: string[]): VectorizeBenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kernels: { type: 'string', default: 'suite' },
        'no-reference': { type: 'boolean', default: false },
        budget: { type: 'string' },
        seed: { type: 'string', default: '1' },
        agent: { type: 'string', default: 'sweep' },
        quick: { type: 'boolean', default: false },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new WasmtuneError('E_USAGE', messageOf(e));
  }
  const quick = values.quick!;
  const budget = values.budget === undefined ? (quick ? 3 : 60) : parseBudget(values.budget).evaluations;
  if (budget === undefined) throw new WasmtuneError('E_BAD_BUDGET', `--budget is a number of evaluations (both searches get the same), got '${values.budget}'.`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new WasmtuneError('E_USAGE', `--seed must be an integer, got '${values.seed}'.`);
  getAgent(values.agent!);
  const kernels = values.kernels!.split(',').map((k) => k.trim()).filter(Boolean)
    .flatMap((k) => (k === 'suite' ? listSuite() : k === 'simd' ? simdCorpus() : k === 'reference' ? referenceBuilds() : [k]));
  if (!kernels.length) throw new WasmtuneError('E_USAGE', '--kernels names no kernel.');
  return { kernels, reference: !values['no-reference'], agent: values.agent!, budget, seed, quick, outDir: resolve(values.out ?? join(projectRoot(), 'bench')) };
}

/**
 * The folders of bench/simd/ that hold a module with its harness: scalar release builds of numeric code
 * (clang -O2, AssemblyScript --optimize, a Rust crate from npm), each with its own harness.
 */
export function simdCorpus(): string[] {
  const root = join(projectRoot(), 'bench', 'simd');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ['harness.json', 'harness.mjs'].some((h) => existsSync(join(root, d.name, h))))
    .map((d) => join(root, d.name))
    .sort();
}

/** A folder of bench/simd/: its module (the harness's `module`, else module.wasm) with its harness. */
async function corpusKernel(dir: string): Promise<Kernel> {
  const harnessPath = ['harness.json', 'harness.mjs'].map((h) => join(dir, h)).find((h) => existsSync(h));
  if (!harnessPath) throw new WasmtuneError('E_USAGE', `${dir} has no harness.json or harness.mjs.`);
  const named = harnessPath.endsWith('.json') ? (JSON.parse(readFileSync(harnessPath, 'utf8')) as { module?: string }).module : undefined;
  const kernel = await loadKernel(join(dir, named ?? 'module.wasm'), harnessPath);
  return { ...kernel, name: basename(dir) };
}

/** The suffix naming a suite kernel's clang -O2 build (`floyd@clang-O2`); `reference` lists them all. */
const REFERENCE = '@clang-O2';

/** The suite kernels that have a clang -O2 build, named with the suffix. */
function referenceBuilds(): string[] {
  return listSuite().filter((u) => existsSync(join(projectRoot(), 'kernels', 'reference-o2', u.split('/').pop()!, 'module.wasm'))).map((u) => `${u}${REFERENCE}`);
}

/**
 * A kernel's runs: the suite build, then the clang -O2 build of the same source with the same harness
 * (`name@clang-O2`: that build only).
 */
async function variants(spec: string, reference: boolean): Promise<Variant[]> {
  if (!spec.startsWith('kernel://') && existsSync(spec) && statSync(spec).isDirectory()) {
    const group: BuildGroup = existsSync(join(spec, `${basename(spec)}.c`)) ? 'clang -O2' : 'other toolchain';
    return [{ name: basename(spec), module: relative(projectRoot(), spec), group, load: () => corpusKernel(spec) }];
  }
  const only = spec.endsWith(REFERENCE);
  const kernel = await loadKernel(only ? spec.slice(0, -REFERENCE.length) : spec);
  const out: Variant[] = only ? [] : [{ name: kernel.name, module: `${kernel.uri}`, group: 'suite', load: () => loadKernel(spec) }];
  const ref = join(projectRoot(), 'kernels', 'reference-o2', kernel.name, 'module.wasm');
  if ((reference || only) && kernel.uri.startsWith('kernel://') && existsSync(ref) && kernel.harness) {
    out.push({ name: `${kernel.name}${REFERENCE}`, module: ref.slice(projectRoot().length + 1), group: 'clang -O2', load: () => loadKernel(ref, kernel.harness!.path) });
  } else if (only) throw new WasmtuneError('E_USAGE', `${spec}: ${kernel.name} has no clang -O2 build in kernels/reference-o2.`);
  return out;
}

const isEstimate = (r: Ratio | undefined): r is Exclude<Ratio, { error: string }> => r !== undefined && !('error' in r);

class Ratios {
  private readonly done = new Map<string, Ratio>();
  constructor(private readonly ev: Evaluator, private readonly settings: MeasureSettings) {}
  async of(baseline: Uint8Array, candidate: Uint8Array): Promise<Ratio> {
    const a = contentHash(baseline);
    const b = contentHash(candidate);
    if (a === b) return { median: 1, low: 1, high: 1, confidence: 1, n: 0, identical: true };
    const key = `${a}/${b}`;
    const hit = this.done.get(key);
    if (hit) return hit;
    const m = await this.ev.measure(baseline, candidate, this.settings);
    const r: Ratio = typeof m === 'string' ? { error: m } : { median: m.median, low: m.low, high: m.high, confidence: m.confidence, n: m.n, identical: false };
    this.done.set(key, r);
    return r;
  }
}

async function buildChecked(ev: Evaluator, recipe: Recipe): Promise<{ bytes: Uint8Array; hash: string } | string> {
  const built = await ev.builder.build(ev.kernel.bytes, recipe, ev.features);
  if (built.state === 'failed') return `${built.reason}: ${built.error}`;
  const c = await ev.check(built.bytes, built);
  return c.state === 'ok' ? { bytes: c.bytes, hash: c.hash } : `${c.reason}: ${c.detail}`;
}

const isSimdStep = (s: string) => Boolean(PASSES.get(s)?.requires?.includes('simd'));

/**
 * Fixed recipes that compete with the search's winner: each SIMD pass after -O3, alone and in the order
 * that feeds wt-vectorize rolled loops; float sums reassociated under fast-math (a module whose harness
 * has no tolerance for them fails validation, and that contender is left out, with the reason logged).
 */
const FIXED: ReadonlyArray<{ steps: string[]; fastMath: boolean }> = [
  { steps: ['wt-vectorize:1'], fastMath: false },
  { steps: ['wt-vectorize:2'], fastMath: false },
  { steps: ['wt-reroll', 'wt-vectorize:1'], fastMath: false },
  { steps: ['wt-slp'], fastMath: false },
  { steps: ['wt-reroll', 'wt-vectorize:1', 'wt-slp'], fastMath: false },
  { steps: ['wt-reroll', 'wt-vectorize-fast:1', 'wt-slp'], fastMath: true },
];

async function benchKernel(v: Variant, opts: VectorizeBenchOptions, log: (s: string) => void): Promise<KernelResult> {
  const t0 = performance.now();
  const protocol = opts.quick ? QUICK : FULL;
  const result: KernelResult = { name: v.name, module: v.module, group: v.group, o3: { sizeBytes: 0, callMs: NaN }, walltimeS: 0 };
  let ev: Evaluator | undefined;
  try {
    const kernel = await v.load();
    ev = await Evaluator.create(kernel, { objective: 'runtime', roundMs: protocol.roundMs });
    const o3 = await buildChecked(ev, levelRecipe('O3'));
    if (typeof o3 === 'string') throw new Error(`-O3 is invalid: ${o3}`);
    await ev.setRuntimeBaseline(o3.bytes);
    result.o3 = { sizeBytes: o3.bytes.byteLength, callMs: ev.runtimeBaseline!.callMs };
    const ratios = new Ratios(ev, protocol.settings);
    const agent = getAgent(opts.agent);
    const search = async (simd: boolean) => {
      const { report, bestBytes } = await tune(kernel, {
        agent, agentOptions: { ...agent.defaults }, budget: { evaluations: opts.budget }, objective: 'runtime', seed: opts.seed,
        finalists: protocol.finalists, measureRuntime: false, space: { simd },
      }, ev);
      const recipe = report.best.recipe;
      return { bytes: bestBytes, origin: report.best.origin, c: { label: simd ? 'wasmtune tune' : 'search without SIMD', recipe, describe: describeRecipe(recipe), hash: report.best.hash, sizeBytes: report.best.sizeBytes } };
    };
    log(`${v.name}: search without SIMD (budget ${opts.budget}, seed ${opts.seed}, ${opts.agent})`);
    const without = await search(false);
    log(`${v.name}: search with SIMD`);
    const withSearch = await search(true);
    // Fixed recipes compete with the search winner.
    const contenders: Array<{ label: string; bytes: Uint8Array; c: Candidate }> = [{ label: 'wasmtune tune', bytes: withSearch.bytes, c: withSearch.c }];
    for (const fixed of FIXED) {
      const recipe: Recipe = { ...levelRecipe('O3'), knobs: { ...levelRecipe('O3').knobs, fastMath: fixed.fastMath }, passes: ['-O3', ...fixed.steps] };
      const label = `-O3 ${fixed.steps.join(' ')}${fixed.fastMath ? ' (fast-math)' : ''}`;
      const b = await buildChecked(ev, recipe);
      if (typeof b === 'string') {
        log(`${v.name}: ${label} is invalid: ${b}`);
        continue;
      }
      const json = recipeToJson(recipe);
      contenders.push({ label, bytes: b.bytes, c: { label, recipe: json, describe: describeRecipe(json), hash: b.hash, sizeBytes: b.bytes.byteLength } });
    }
    log(`${v.name}: measuring (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    const measured = [];
    for (const x of contenders) measured.push({ ...x, vsO3: await ratios.of(o3.bytes, x.bytes) });
    const best = measured.reduce((p, q) => ((isEstimate(q.vsO3) ? q.vsO3.median : Infinity) < (isEstimate(p.vsO3) ? p.vsO3.median : Infinity) ? q : p));
    // The winner's figures come from a measurement apart from the one that picked it.
    const again = new Ratios(ev, protocol.settings);
    result.withSimd = {
      ...best.c, label: best.label, vsO3: await again.of(o3.bytes, best.bytes), vsWithout: await again.of(without.bytes, best.bytes),
      contenders: measured.map((x) => ({ label: x.label, describe: x.c.describe, vsO3: x.vsO3 })),
    };
    result.withoutSimd = { ...without.c, vsO3: await again.of(o3.bytes, without.bytes) };
    result.tuned = { ...withSearch.c, origin: withSearch.origin, vsO3: await again.of(o3.bytes, withSearch.bytes) };
    // What the vectorizer saw in the best recipe.
    const passes = best.c.recipe.passes;
    const at = passes.findIndex(isSimdStep);
    const prefix: Recipe = at >= 0 ? { knobs: best.c.recipe.knobs, passes: passes.slice(0, at) } : levelRecipe('O3');
    const seen = await ev.builder.build(kernel.bytes, prefix, ev.features);
    if (seen.state === 'built') {
      const simdStep = at >= 0 ? passes[at]! : undefined;
      result.loops = {
        at: at >= 0 ? `before ${simdStep} in the best recipe${prefix.passes.length ? ` (after ${prefix.passes.join(' ')})` : ''}` : 'after -O3 (the best recipe has no SIMD step)',
        report: analyzeVectorization(binaryen, seen.bytes, { floatReductions: simdStep?.startsWith('wt-vectorize-fast') ?? false }),
      };
    }
    const rerolled = await ev.builder.build(kernel.bytes, { ...levelRecipe('O3'), passes: ['-O3', 'wt-reroll'] }, ev.features);
    if (rerolled.state === 'built') {
      const vec = analyzeVectorization(binaryen, o3.bytes);
      const after = analyzeVectorization(binaryen, rerolled.bytes);
      const slp = analyzeSlp(binaryen, o3.bytes);
      result.analysis = {
        innermost: vec.loops.length, vectorized: vec.vectorized, rerolled: analyzeReroll(binaryen, o3.bytes).rerolled,
        vectorizedAfterReroll: after.vectorized, refusedAfterReroll: after.refused, slpPacked: slp.packed, slpGroups: slp.groups.length,
      };
    }
    log(`${v.name}: done (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  } catch (e) {
    result.error = messageOf(e);
    log(`${v.name}: FAILED: ${result.error}`);
  } finally {
    ev?.close();
    result.walltimeS = (performance.now() - t0) / 1000;
  }
  return result;
}

export interface VectorizeBenchResults {
  format: 'wasmtune-bench-vectorize-v1';
  command: string | null;
  /** The commit the code ran at. */
  commit?: string;
  machine: string;
  node: string;
  startedAt: string;
  finishedAt: string | null;
  walltimeS: number;
  loadAverage: { start: number[]; end: number[] | null };
  settings: { agent: string; budget: number; seed: number; quick: boolean; measure: MeasureSettings & { roundMs: number; finalists: number } };
  kernels: KernelResult[];
  summary: { withVsO3: number; withVsWithout: number; withoutVsO3: number; tunedVsO3: number; loopsVectorized: number; loopsRefused: number; refusedBy: Record<string, number> };
}

export function summarize(kernels: readonly KernelResult[]): VectorizeBenchResults['summary'] {
  const gm = (rs: Array<Ratio | undefined>) => geomean(rs.filter(isEstimate).map((r) => r.median));
  const refusedBy: Record<string, number> = {};
  let vectorized = 0;
  let refused = 0;
  for (const k of kernels) {
    for (const l of k.loops?.report.loops ?? []) {
      if (l.state === 'refused') {
        refused++;
        refusedBy[l.reason!] = (refusedBy[l.reason!] ?? 0) + 1;
      } else vectorized++;
    }
  }
  return {
    withVsO3: gm(kernels.map((k) => k.withSimd?.vsO3)),
    withVsWithout: gm(kernels.map((k) => k.withSimd?.vsWithout)),
    withoutVsO3: gm(kernels.map((k) => k.withoutSimd?.vsO3)),
    tunedVsO3: gm(kernels.map((k) => k.tuned?.vsO3)),
    loopsVectorized: vectorized,
    loopsRefused: refused,
    refusedBy,
  };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const reasonList = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
export function formatRatio(r: Ratio | undefined): string {
  if (!r) return '–';
  if ('error' in r) return `error: ${r.error.slice(0, 60)}`;
  if (r.identical) return '1 (same module)';
  const s = `${f3(r.median)} [${f3(r.low)}, ${f3(r.high)}]`;
  return r.high < 1 || r.low > 1 ? `**${s}**` : s;
}

/** Geomeans of medians per kind of build, for the groups present. */
function byGroup(kernels: readonly KernelResult[]): string[] {
  const present = GROUPS.filter((g) => kernels.some((k) => k.group === g));
  if (!present.length) return [];
  return [
    '| builds (geomean of medians) | modules | wasmtune tune ÷ -O3 | best with SIMD ÷ -O3 | best with ÷ best without | best without ÷ -O3 |',
    '|---|---|---|---|---|---|',
    ...present.map((g) => {
      const ks = kernels.filter((k) => k.group === g && !k.error);
      const x = summarize(ks);
      return `| ${g} | ${ks.length} | ${f3(x.tunedVsO3)} | ${f3(x.withVsO3)} | ${f3(x.withVsWithout)} | ${f3(x.withoutVsO3)} |`;
    }),
    '',
  ];
}

export function renderMarkdown(res: VectorizeBenchResults): string {
  const s = res.settings;
  const esc = (x: string) => x.replace(/\|/g, '/');
  const lines = [
    '# SIMD vectorization: runtime and loop report',
    '',
    `Command: \`${res.command ?? 'runVectorizeBench'}\`${res.commit ? ` at commit ${res.commit}` : ''}; ${res.machine}, Node ${res.node}; started ${res.startedAt}, ${(res.walltimeS / 60).toFixed(1)} min; ` +
      `load average at the start ${res.loadAverage.start.map((x) => x.toFixed(2)).join(' ')}.`,
    '',
    `Searches: agent \`${s.agent}\`, budget ${s.budget} evaluations, seed ${s.seed}, objective runtime${s.quick ? ' (QUICK: tiny budget and 3 rounds, says nothing about speed)' : ''}. ` +
      `"wasmtune tune" is what the tune command picks over the full space: the best of the agent's candidates, the -O levels and its contenders (\`simd\`, and \`simd-fast\` where the harness has a tolerance), by the tuning loop's own protocol. ` +
      `"best with SIMD" is the fastest of that winner and the fixed recipes ${FIXED.map((x) => `\`-O3 ${x.steps.join(' ')}\`${x.fastMath ? ' (fast-math)' : ''}`).join(', ')}; "best without" is the same search with every SIMD step excluded. ` +
      `Every ratio is candidate ÷ baseline from one interleaved measurement of ${s.measure.rounds} rounds (median of per-round ratios, distribution-free 95 % CI), made apart from the measurement that picked the winner; bold: the CI excludes 1.`,
    '',
    '| kernel | wasmtune tune ÷ -O3 (origin) | best with SIMD ÷ -O3 | best with ÷ best without | best without ÷ -O3 | loops vectorized / refused | best with SIMD |',
    '|---|---|---|---|---|---|---|',
    ...res.kernels.map((k) => {
      if (k.error) return `| ${k.name} | FAILED: ${esc(k.error).slice(0, 120)} | | | | | |`;
      const loops = k.loops?.report.loops ?? [];
      return `| ${k.name} | ${formatRatio(k.tuned?.vsO3)}${k.tuned ? ` (${originLabel(k.tuned.origin)})` : ''} | ${formatRatio(k.withSimd?.vsO3)} | ${formatRatio(k.withSimd?.vsWithout)} | ${formatRatio(k.withoutSimd?.vsO3)} | ${loops.filter((l) => l.state !== 'refused').length} / ${loops.filter((l) => l.state === 'refused').length} | ${k.withSimd?.label}: \`${esc(k.withSimd?.describe ?? '')}\` |`;
    }),
    `| **geomean of medians** | ${f3(res.summary.tunedVsO3 ?? NaN)} | ${f3(res.summary.withVsO3)} | ${f3(res.summary.withVsWithout)} | ${f3(res.summary.withoutVsO3)} | ${res.summary.loopsVectorized} / ${res.summary.loopsRefused} | |`,
    '',
    ...byGroup(res.kernels),
    `Refusals by reason: ${Object.entries(res.summary.refusedBy).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}.`,
    '',
    '## What the SIMD passes take after -O3',
    '',
    'Per kernel, on its -O3 module (`wasmtune simd <module>`): innermost loops; those wt-vectorize takes; unrolled loops wt-reroll rolls back; loops wt-vectorize takes after wt-reroll, and why it refuses the others; wt-slp groups packed of those found.',
    '',
    '| kernel | innermost loops | wt-vectorize | wt-reroll | wt-vectorize after wt-reroll | refused after wt-reroll | wt-slp |',
    '|---|---|---|---|---|---|---|',
    ...res.kernels.filter((k) => k.analysis).map((k) => {
      const x = k.analysis!;
      return `| ${k.name} | ${x.innermost} | ${x.vectorized} | ${x.rerolled} | ${x.vectorizedAfterReroll} | ${reasonList(x.refusedAfterReroll)} | ${x.slpPacked} of ${x.slpGroups} |`;
    }),
    (() => {
      const all: Record<string, number> = {};
      const xs = res.kernels.flatMap((k) => (k.analysis ? [k.analysis] : []));
      for (const x of xs) for (const [r, n] of Object.entries(x.refusedAfterReroll)) all[r] = (all[r] ?? 0) + n;
      const sum = (g: (x: (typeof xs)[number]) => number) => xs.reduce((n, x) => n + g(x), 0);
      return `| **all** | ${sum((x) => x.innermost)} | ${sum((x) => x.vectorized)} | ${sum((x) => x.rerolled)} | ${sum((x) => x.vectorizedAfterReroll)} | ${reasonList(all)} | ${sum((x) => x.slpPacked)} of ${sum((x) => x.slpGroups)} |`;
    })(),
    '',
    '## Loops',
    '',
    '| kernel | where | function | loop | depth | decision | reason / lanes |',
    '|---|---|---|---|---|---|---|',
    ...res.kernels.flatMap((k) => (k.loops?.report.loops ?? []).map((l) =>
      `| ${k.name} | ${esc(k.loops!.at)} | ${esc(l.function)} | ${esc(l.loop)} | ${l.depth} | ${l.state} | ${l.state === 'refused' ? `${l.reason}${l.detail ? `: ${esc(l.detail)}` : ''}` : `${(l.lanes ?? []).join(' ')}${l.reductions?.length ? `; reductions ${l.reductions.join(' ')}` : ''}${l.alias ? `; alias proven ${l.alias.proven}, checked ${l.alias.checked}, per block ${l.alias.perBlock}` : ''}`} |`)),
    '',
    '## Contenders',
    '',
    '| kernel | contender | ÷ -O3 (selection measurement) | recipe |',
    '|---|---|---|---|',
    ...res.kernels.flatMap((k) => (k.withSimd?.contenders ?? []).map((c) => `| ${k.name} | ${c.label} | ${formatRatio(c.vsO3)} | \`${esc(c.describe)}\` |`)),
    ...res.kernels.filter((k) => k.withoutSimd).map((k) => `| ${k.name} | search without SIMD | (see above) | \`${esc(k.withoutSimd!.describe)}\` |`),
    '',
  ];
  return lines.join('\n');
}

export async function runVectorizeBench(opts: VectorizeBenchOptions): Promise<VectorizeBenchResults> {
  const log = opts.log ?? (() => {});
  const protocol = opts.quick ? QUICK : FULL;
  const t0 = performance.now();
  const runs = [];
  for (const k of opts.kernels) runs.push(...(await variants(k, opts.reference)));
  const results: VectorizeBenchResults = {
    format: 'wasmtune-bench-vectorize-v1', command: opts.command ?? null, commit: commit(['vectorize-results.md', 'vectorize-results.json'].map((f) => relative(projectRoot(), join(opts.outDir, f)))), machine: machine(), node: process.version,
    startedAt: new Date().toISOString(), finishedAt: null, walltimeS: 0, loadAverage: { start: loadavg(), end: null },
    settings: { agent: opts.agent, budget: opts.budget, seed: opts.seed, quick: opts.quick, measure: { ...protocol.settings, roundMs: protocol.roundMs, finalists: protocol.finalists } },
    kernels: [], summary: summarize([]),
  };
  mkdirSync(opts.outDir, { recursive: true });
  const write = () => {
    results.walltimeS = (performance.now() - t0) / 1000;
    results.summary = summarize(results.kernels);
    writeFileSync(join(opts.outDir, 'vectorize-results.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(opts.outDir, 'vectorize-results.md'), renderMarkdown(results));
  };
  for (const [i, v] of runs.entries()) {
    log(`[${i + 1}/${runs.length}] ${v.name}`);
    results.kernels.push(await benchKernel(v, opts, log));
    write();
  }
  results.finishedAt = new Date().toISOString();
  results.loadAverage.end = loadavg();
  write();
  return results;
}

async function cli(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results = await runVectorizeBench({ ...opts, command: `npm run bench:vectorize${argv.length ? ` -- ${argv.join(' ')}` : ''}`, log });
  const failed = results.kernels.filter((k) => k.error);
  process.stdout.write(`wrote ${join(opts.outDir, 'vectorize-results.md')} and vectorize-results.json (${results.kernels.length} runs, ${failed.length} failed, ${(results.walltimeS / 60).toFixed(1)} min)\n`);
  return failed.length ? 1 : 0;
}

await benchMain(import.meta.url, 'bench:vectorize', cli);
