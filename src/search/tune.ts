/**
 * The tuning loop: baselines, the agent's proposals under a budget, then an honest final measurement.
 *
 * Every -O level is evaluated first (outside the budget) and competes with the agent's candidates, so
 * the result is never worse than the best of wasm-opt's fixed pipelines on the objective; so do the
 * contenders (src/search/contenders.ts), fixed recipes of our own passes that a budget rarely finds. For the
 * runtime objective the top candidates by quick ratio are re-measured (selection), -O3 staying the winner
 * unless one is faster with 95 % confidence, and the winner is then measured once more against every
 * baseline (report): the reported figures never come from the measurement that picked the winner (the
 * winner's curse).
 *
 * A run can be stopped by an AbortSignal (the command line aborts on SIGINT and SIGTERM): the evaluation in
 * flight is abandoned (the builder and runner processes are closed; nothing of it is committed), and the
 * result is the best candidate found so far, by the search's own figures, in a report that says after how
 * many evaluations it stopped. The committed evaluations let `--resume` continue the run.
 */
import seedrandom from 'seedrandom';
import { DEFAULT_COST_LIMIT, Evaluator, FINAL, type CostLimitSettings } from '../evaluate/evaluator.js';
import type { Budget, EvalRecord, FrontEntry, Interruption, InvalidReason, Origin, Progress, ResultEntry, RunStore, RuntimeReport, TimeReport, TuneReport } from '../types.js';
import type { Kernel } from '../kernels/index.js';
import { OPT_LEVEL_NAMES, levelRecipe, recipeToJson, recipeHash, describeRecipe, recipesEqual, type OptLevelName, type Recipe } from '../recipe/recipe.js';
import { defaultSpace, type SpaceOptions } from './space.js';
import { HOT_GROUP, frame, groupSpace, type FunctionSplit } from './per-function.js';
import { contendersFor, type ContenderChoice, type ContenderName } from './contenders.js';
import { moduleFunctions, type ProfileSummary } from '../measure/profile.js';
import type { AgentInfo } from './agent.js';
import { medianCI, type Estimate } from '../measure/stats.js';
import { wasmOptCommand } from '../recipe/commandline.js';
import { WasmtuneError } from '../errors.js';
import { featureNames } from '../binaryen/features.js';
import type { CutModule } from '../binaryen/module.js';
import { sizeOf } from '../measure/size.js';
import { METRIC_BASELINE, describeObjective, metricRatio, metricValue, paretoFront, singleMetric, toSpec, usesRuntime, type Metric, type ObjectiveSpec } from '../evaluate/objective.js';

/** Parse `300` (evaluations) or `90s` / `5m` / `1h` (duration). */
export function parseBudget(text: string): Budget {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (!m) throw new WasmtuneError('E_BAD_BUDGET', `Budget '${text}' must be a number of evaluations (300) or a duration (90s, 5m, 1h).`);
  const n = Number(m[1]);
  if (!m[2]) {
    if (!Number.isInteger(n) || n < 1) throw new WasmtuneError('E_BAD_BUDGET', `Budget '${text}' must be a positive whole number of evaluations.`);
    return { evaluations: n };
  }
  return { durationMs: n * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'] };
}

export interface TuneOptions {
  agent: AgentInfo;
  agentOptions: Record<string, number | boolean | string>;
  budget: Budget;
  objective: Metric | ObjectiveSpec;
  seed: number;
  start?: Recipe;
  space?: SpaceOptions;
  /**
   * A per-function search (src/search/per-function.ts): the agent's recipe runs on these hot functions
   * only (Binaryen's names), after a whole-module size recipe for everything (the smallest -O level's).
   * Absent: the agent's recipes run on the whole module.
   */
  perFunction?: { hot: string[]; profile?: ProfileSummary };
  /**
   * The -O levels evaluated as baselines (default every level). -O3 and -Oz, the references of runtime and
   * of the sizes, are always among them. Fewer levels make a tune of a large module cheaper: each level is a
   * full build and validation.
   */
  baselines?: readonly OptLevelName[];
  /**
   * Fixed recipes evaluated beside the baselines, outside the budget (src/search/contenders.ts): `auto`
   * (the default) every contender the space allows when the objective has runtime; a list, those named;
   * `[]`, none.
   */
  contenders?: ContenderChoice;
  /** Candidates re-measured before the winner is chosen (runtime objective). */
  finalists?: number;
  /** Most Pareto-front members re-measured and reported (Pareto objectives with runtime). */
  frontSize?: number;
  /** Measure the final best's runtime against every baseline (default: when a harness exists). */
  measureRuntime?: boolean;
  onProgress?: (p: Progress) => void;
  /**
   * Candidates built and validated at once (default 1). The agent's batches are evaluated in parallel and
   * observed in proposal order, so the result is the same for any number of jobs. Ignored when an
   * evaluator is passed to {@link tune} (it has its own).
   */
  jobs?: number;
  /**
   * CPU-time limits for each candidate's build and validation, relative to -O3's (default
   * {@link DEFAULT_COST_LIMIT}); false: no limits but the builder's fixed deadline.
   */
  costLimit?: CostLimitSettings | false;
  /** Where each evaluation is committed before the agent sees it, and an interrupted run's are replayed from. */
  store?: RunStore;
  /**
   * Stops the run: the result is then the best found so far, with `report.interrupted` (its signal is
   * `signal.reason` when that is a string, such as 'SIGINT'). An evaluator passed to {@link tune} has its
   * child processes closed; they start again on its next use.
   */
  signal?: AbortSignal;
}

export interface TuneResult {
  report: TuneReport;
  bestBytes: Uint8Array;
  records: EvalRecord[];
}

/** Best-so-far score after each record (null until a valid one). */
export function bestSoFar(records: readonly EvalRecord[]): Array<number | null> {
  let best: number | null = null;
  return records.map((r) => {
    if (r.state === 'ok' && (best === null || r.score < best)) best = r.score;
    return best;
  });
}

function entry(r: Extract<EvalRecord, { state: 'ok' }>): ResultEntry {
  return { recipe: recipeToJson(r.recipe), hash: r.hash, ...r.metrics };
}

/**
 * What {@link tune} throws when its signal stopped it before any valid module was found (so there is no
 * best so far to return). The command line turns it into the signal's exit code.
 */
export class TuneInterrupted extends WasmtuneError {
  constructor(readonly interruption: Interruption, message: string) {
    super('E_INTERRUPTED', message);
    this.name = 'TuneInterrupted';
  }
}

/** Thrown inside the loop when the signal stops it; caught by the loop itself. */
const STOPPED = Symbol('stopped');

/**
 * Runs work until the signal aborts. `step(work)` starts nothing once aborted, and when the signal aborts
 * while `work` runs, it stops waiting (throwing {@link STOPPED}) and calls `abandon` now and again once
 * the abandoned work settles (so no process it started outlives it).
 */
function stopper(signal: AbortSignal | undefined) {
  let abandon = () => {};
  const aborted = new Promise<typeof STOPPED>((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve(STOPPED);
    else signal.addEventListener('abort', () => resolve(STOPPED), { once: true });
  });
  return {
    onAbandon: (f: () => void) => void (abandon = f),
    aborted: () => signal?.aborted ?? false,
    async step<T>(work: () => Promise<T>): Promise<T> {
      if (signal?.aborted) throw STOPPED;
      const p = work();
      const r = await Promise.race([p, aborted]);
      if (r === STOPPED) {
        abandon();
        p.then(abandon, abandon);
        throw STOPPED;
      }
      return r as T;
    },
    interruption: (afterEvaluations: number): Interruption => ({ signal: typeof signal?.reason === 'string' ? signal.reason : 'abort', afterEvaluations }),
  };
}
type Stopper = ReturnType<typeof stopper>;

export async function tune(kernel: Kernel, opts: TuneOptions, ev?: Evaluator): Promise<TuneResult> {
  const t0 = performance.now();
  const stop = stopper(opts.signal);
  const own = !ev;
  if (!ev) {
    const created = Evaluator.create(kernel, { objective: opts.objective, ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}), ...(opts.store?.cache ? { cache: opts.store.cache } : {}) });
    stop.onAbandon(() => void created.then((e) => e.close(), () => {}));
    try {
      ev = await stop.step(() => created);
    } catch (e) {
      if (e !== STOPPED) throw e;
      throw new TuneInterrupted(stop.interruption(0), `Interrupted (${stop.interruption(0).signal}) before the first baseline: nothing was evaluated.`);
    }
  }
  const evaluator = ev;
  stop.onAbandon(() => evaluator.close());
  try {
    return await run(kernel, opts, evaluator, t0, stop);
  } finally {
    if (own) evaluator.close();
  }
}

type Ok = Extract<EvalRecord, { state: 'ok' }>;
interface Candidate {
  rec: Ok;
  origin: Origin;
}

async function run(kernel: Kernel, opts: TuneOptions, ev: Evaluator, t0: number, stop: Stopper): Promise<TuneResult> {
  const spec = ev.objective;
  if (opts.perFunction) checkHot(opts.perFunction.hot, kernel.bytes);
  if (describeObjective(toSpec(opts.objective)) !== describeObjective(spec)) {
    throw new Error(`tune: objective '${describeObjective(toSpec(opts.objective))}' differs from the evaluator's '${describeObjective(spec)}'`);
  }
  const time: TimeReport = { setupMs: performance.now() - t0, baselinesMs: 0, searchMs: 0, buildMs: 0, validateMs: 0, timeMs: 0, finalMs: 0 };
  let searchStart = NaN;
  const progress = (phase: Progress['phase'], evaluations: number, best: number | undefined) =>
    opts.onProgress?.({
      evaluations, budget: opts.budget, elapsedMs: performance.now() - t0, best, phase,
      ...(phase === 'search' ? { search: { elapsedMs: performance.now() - searchStart, jobs: ev.jobs, buildMs: time.buildMs, validateMs: time.validateMs, timeMs: time.timeMs } } : {}),
    });
  const baseRecords = new Map<OptLevelName, EvalRecord>();
  const contenderRecords = new Map<ContenderName, EvalRecord>();
  let perFunction: FunctionSplit | undefined;
  const records: EvalRecord[] = [];
  const tolerance = kernel.harness?.harness.tolerance;
  let stopped = false;
  let phaseStart = performance.now();
  const endPhase = (key: 'baselinesMs' | 'searchMs' | 'finalMs') => {
    const t = performance.now();
    time[key] = t - phaseStart;
    phaseStart = t;
  };

  // The space, and the contenders it allows, are checked before anything is built.
  const wholeSpace = defaultSpace({ fastMath: Boolean(tolerance), ...opts.space });
  const space = opts.perFunction ? groupSpace(wholeSpace) : wholeSpace;
  // Contenders are whole-module recipes, in a per-function search too: there they compete with the
  // framed candidates as other ways to build the module.
  const contenders = contendersFor(opts.contenders ?? 'auto', wholeSpace, spec);

  try {
    // Baselines: every -O level, evaluated like any candidate.
    progress('baselines', 0, undefined);
    const o3 = await stop.step(() => ev.builder.build(kernel.bytes, levelRecipe('O3'), ev.features));
    let validateCpuMs = 0;
    if (ev.verified) {
      validateCpuMs = (await stop.step(() => ev.setRuntimeBaseline(o3.state === 'built' && o3.valid ? o3.bytes : kernel.bytes))) ?? 0;
    }
    if (!singleMetric(spec) && spec.terms.some((t) => t.metric !== 'runtime')) {
      const oz = await stop.step(() => ev.builder.build(kernel.bytes, levelRecipe('Oz'), ev.features));
      ev.sizeReference = sizeOf(oz.state === 'built' && oz.valid ? oz.bytes : kernel.bytes);
    }
    const wanted = OPT_LEVEL_NAMES.filter((level) => level === 'O3' || level === 'Oz' || (opts.baselines ?? OPT_LEVEL_NAMES).includes(level));
    // A per-function search's candidates start with the steps of one of these levels: their modules go
    // into the prefix cache, so the first candidates do not build that level again.
    if (opts.perFunction) {
      const levelHashes = new Set(wanted.map((level) => recipeHash(levelRecipe(level))));
      ev.cutAtEnd = (recipe) => levelHashes.has(recipeHash(recipe));
    }
    const levels = await stop.step(() => ev.evaluateBatch(wanted.map((level) => levelRecipe(level)))).finally(() => {
      ev.cutAtEnd = () => false;
    });
    wanted.forEach((level, i) => baseRecords.set(level, levels[i]!));
    // The search's candidates get CPU-time limits relative to -O3's build and validation. A builder's
    // first builds run Binaryen's code before V8 has optimized it: of the two -O3 builds (the first, and
    // the baseline's after the other levels), the smaller is the reference.
    const o3Baseline = ev.buildCpuMs(levelRecipe('O3'));
    let buildRef = Math.min(o3.cpuMs ?? Infinity, o3Baseline ?? Infinity);
    const coldLevel = opts.perFunction ? smallestLevel(baseRecords, spec) : undefined;
    const split = opts.perFunction && coldLevel ? { hot: opts.perFunction.hot, cold: levelRecipe(coldLevel).passes } : undefined;
    if (split && coldLevel) {
      perFunction = split;
      // A per-function candidate rebuilds only the hot functions, from the module after the cold steps in
      // the prefix cache: its reference is -O3 on the hot functions, built so. That build also puts the
      // cold module in the cache before the first batch, whose candidates would otherwise each rebuild it.
      const ref = await stop.step(() => hotReference(ev, kernel, split, coldLevel));
      if (ref !== undefined) {
        if (ref.cpuMs !== undefined) buildRef = Math.min(buildRef, ref.cpuMs);
        ev.warmup = { recipe: ref.recipe, from: ref.from };
      }
    }
    if (opts.costLimit !== false && Number.isFinite(buildRef)) {
      ev.setCostLimits({ buildCpuMs: buildRef, validateCpuMs }, opts.costLimit ?? DEFAULT_COST_LIMIT);
    }
    // Contenders: fixed recipes, evaluated like the agent's candidates (with the same cost limits).
    if (contenders.length) {
      const recs = await stop.step(() => ev.evaluateBatch(contenders.map((c) => c.recipe)));
      contenders.forEach((c, i) => contenderRecords.set(c.name, recs[i]!));
    }
    endPhase('baselinesMs');

    // Search.
    searchStart = performance.now();
    const rng = seedrandom(`wasmtune:${opts.seed}`);
    const agent = opts.agent.create({ space, rng, objective: spec, module: kernel.bytes, ...(opts.start ? { start: opts.start } : {}) }, opts.agentOptions);
    const ask = (): Recipe[] => {
      if (agent.ask) return agent.ask();
      const r = agent.propose();
      return r ? [r] : [];
    };
    let best: Ok | undefined;
    const within = () =>
      (opts.budget.evaluations === undefined || records.length < opts.budget.evaluations) &&
      (opts.budget.durationMs === undefined || performance.now() - searchStart < opts.budget.durationMs);
    while (within()) {
      if (stop.aborted()) throw STOPPED;
      let proposals = ask();
      if (!proposals.length) break;
      if (opts.budget.evaluations !== undefined) proposals = proposals.slice(0, opts.budget.evaluations - records.length);
      const batch = split ? proposals.map((r) => frame(r, split)) : proposals;
      const first = records.length;
      // Stored records (a resumed run) are replayed, not evaluated; each must be what the agent proposes.
      const stored = batch.map((recipe, j) => {
        const rec = opts.store?.committed[first + j];
        if (rec && !recipesEqual(rec.recipe, recipe)) {
          throw new WasmtuneError('E_RESUME_MISMATCH', `Cannot resume: the agent's proposal ${first + j + 1} (${describeRecipe(recipe)}) differs from the stored one (${describeRecipe(rec.recipe)}). The agent, its options, the start recipe or the pass catalog changed since the run began.`);
        }
        return rec;
      });
      for (const rec of stored) if (rec?.state === 'invalid' && rec.slowPrefix !== undefined) ev.noteSlow(rec.recipe, rec.slowPrefix);
      const fresh = batch.filter((_, j) => !stored[j]);
      const evaluated = fresh.length ? await stop.step(() => ev.evaluateBatch(fresh)) : [];
      // A record finished after the signal may come from a child process the signal reached too: it is
      // not committed, and the resumed run evaluates the recipe again.
      if (stop.aborted()) throw STOPPED;
      let k = 0;
      for (let j = 0; j < batch.length; j++) {
        const seq = first + j;
        const rec = stored[j] ?? { ...evaluated[k++]!, recipe: batch[j]! };
        if (!stored[j]) {
          opts.store?.commit(seq, rec);
          time.buildMs += rec.buildMs ?? 0;
          time.validateMs += rec.validateMs ?? 0;
          time.timeMs += rec.timeMs ?? 0;
        }
        records.push(rec);
        // The agent sees its own proposal: in a per-function search, the recipe without its frame.
        agent.observe(split ? unframed(rec, proposals[j]!, split) : rec);
        if (rec.state === 'ok' && (!best || rec.score < best.score)) best = rec;
        progress('search', records.length, best?.score);
      }
    }
    endPhase('searchMs');
  } catch (e) {
    if (e !== STOPPED) throw e;
    stopped = true;
    if (Number.isNaN(searchStart)) endPhase('baselinesMs');
    else endPhase('searchMs');
  }

  // The candidates: the baselines and the agent's valid records, best search score first.
  const pool = new Map<string, Candidate>();
  for (const [level, rec] of baseRecords) if (rec.state === 'ok' && !pool.has(rec.hash)) pool.set(rec.hash, { rec, origin: level });
  for (const [name, rec] of contenderRecords) if (rec.state === 'ok' && !pool.has(rec.hash)) pool.set(rec.hash, { rec, origin: name });
  for (const rec of records) if (rec.state === 'ok' && !pool.has(rec.hash)) pool.set(rec.hash, { rec, origin: 'agent' });
  // A module that several levels make is named after the objective's baseline when it is one of them
  // (-O2's module equal to -O3's is "the -O3 baseline" for runtime).
  const refLevel = METRIC_BASELINE[singleMetric(spec) ?? 'runtime'];
  const refRec = baseRecords.get(refLevel);
  const sameAsRef = refRec?.state === 'ok' ? pool.get(refRec.hash) : undefined;
  if (refRec?.state === 'ok' && sameAsRef && sameAsRef.origin !== 'agent') Object.assign(sameAsRef, { rec: refRec, origin: refLevel });
  if (!pool.size) {
    if (stopped) throw new TuneInterrupted(stop.interruption(records.length), `Interrupted (${stop.interruption(records.length).signal}) before any valid module was found: nothing to write.`);
    throw new WasmtuneError('E_HARNESS_FAILS', 'No valid module at all: not even -O0 of the original passed validation.');
  }
  const byScore = (a: Candidate, b: Candidate) => a.rec.score - b.rec.score || a.rec.recipe.passes.length - b.rec.recipe.passes.length;
  const candidates = [...pool.values()].sort(byScore);

  let final: Final | undefined;
  if (!stopped) {
    progress('final', records.length, pool.size ? candidates[0]!.rec.score : undefined);
    try {
      final = await finalPhase(ev, opts, spec, candidates, baseRecords, stop);
    } catch (e) {
      if (e !== STOPPED) throw e;
      stopped = true;
    }
    endPhase('finalMs');
  }
  // Interrupted: the best by the search's own figures; nothing that was not measured is reported.
  const winner = final?.winner ?? candidates[0]!;
  const bestEntry = final?.bestEntry ?? entry(winner.rec);
  const sameModuleAs = [...baseRecords].filter(([, r]) => r.state === 'ok' && r.hash === winner.rec.hash).map(([level]) => level);
  const baselines: TuneReport['baselines'] = final?.baselines ?? {};
  if (!final) {
    for (const [level, rec] of baseRecords) baselines[level] = rec.state === 'ok' ? entry(rec) : { invalid: `${rec.reason}: ${rec.detail}` };
  }
  const contenderEntries: NonNullable<TuneReport['contenders']> = {};
  for (const [name, rec] of contenderRecords) {
    if (rec.state !== 'ok') {
      contenderEntries[name] = { invalid: `${rec.reason}: ${rec.detail}` };
      continue;
    }
    const selected = final?.selection.get(rec.hash);
    const same = [...baseRecords].filter(([, r]) => r.state === 'ok' && r.hash === rec.hash).map(([level]) => level);
    contenderEntries[name] = { ...entry(rec), ...(selected ? { runtime: selected } : {}), ...(same.length ? { sameModuleAs: same } : {}) };
  }

  const one = singleMetric(spec);
  const baseRec = one && baseRecords.get(METRIC_BASELINE[one]);
  // -O3's own module is 1 × -O3 by identity; anything else by its final measurement.
  const finalRuntime = sameModuleAs.includes('O3') ? 1 : (bestEntry.runtime?.median ?? NaN);
  const scoreVsBaseline =
    one === 'runtime' ? (final ? finalRuntime : winner.rec.score)
    : one ? (baseRec?.state === 'ok' ? metricValue(one, bestEntry) / metricValue(one, baseRec.metrics) : NaN)
    : final ? ev.scoreOf(winner.rec.metrics, usesRuntime(spec) ? finalRuntime : undefined) : winner.rec.score;

  const invalid = records.filter((r): r is Extract<EvalRecord, { state: 'invalid' }> => r.state === 'invalid');
  const byReason: Partial<Record<InvalidReason, number>> = {};
  for (const r of invalid) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
  const examples = [...new Map(invalid.map((r) => [r.reason, r])).values()].map((r) => ({ reason: r.reason, detail: r.detail, recipe: describeRecipe(r.recipe) }));

  const report: TuneReport = {
    kernel: kernel.uri,
    agent: opts.agent.name,
    agentOptions: opts.agentOptions,
    objective: describeObjective(spec),
    seed: opts.seed,
    budget: opts.budget,
    outputsVerified: ev.verified,
    features: featureNames(ev.features),
    best: {
      ...bestEntry, origin: winner.origin, ...(sameModuleAs.length ? { sameModuleAs } : {}),
      ...(final?.runtimeVs ? { runtimeVs: final.runtimeVs } : {}), ...(final?.callMs !== undefined ? { callMs: final.callMs } : {}), scoreVsBaseline,
      outputsChecked: !ev.verified ? 'not-verified' : tolerance ? 'within-tolerance' : 'bit-exact',
    },
    baselines,
    ...(contenderRecords.size ? { contenders: contenderEntries } : {}),
    ...(final?.front ? { front: final.front } : {}),
    ...(perFunction ? { perFunction: { group: HOT_GROUP, hot: perFunction.hot, cold: perFunction.cold, ...(opts.perFunction?.profile ? { profile: opts.perFunction.profile } : {}) } } : {}),
    evaluations: records.length,
    curve: bestSoFar(records),
    baselineEvaluations: baseRecords.size,
    cacheHits: records.filter((r) => r.cached).length,
    invalid: { total: invalid.length, byReason, examples },
    wasmOpt: wasmOptCommand(winner.rec.recipe, ev.features),
    walltimeMs: performance.now() - t0,
    time,
    pipeline: {
      jobs: ev.jobs,
      ...(ev.costLimits ? { limits: { buildCpuMs: ev.costLimits.buildCpuMs, validateCpuMs: ev.costLimits.validateCpuMs } } : {}),
      prefixHits: ev.prefixes.hits, stepsSaved: ev.prefixes.stepsSaved,
    },
    ...(stopped ? { interrupted: stop.interruption(records.length) } : {}),
    measurement: { v8Flags: ['--no-liftoff'], finalRounds: FINAL.rounds, quickRounds: 5, node: process.version },
  };
  return { report, bestBytes: ev.bytesOf(winner.rec.hash)!, records };
}

/**
 * The CPU time of -O3 on the hot functions, built from the module after the cold steps, ms: built once
 * from scratch (whose cut points go into the prefix cache), then once from the cut. Undefined when either
 * build fails (the limits then stay relative to the whole module's -O3).
 */
async function hotReference(ev: Evaluator, kernel: Kernel, split: FunctionSplit, coldLevel: OptLevelName): Promise<{ cpuMs?: number; recipe: Recipe; from: CutModule } | undefined> {
  const ref = frame({ knobs: levelRecipe('O3').knobs, passes: [`${HOT_GROUP}/-O3`] }, split);
  // The cold module, as the level's baseline build left it in the cache, else built here. It is the same
  // module either way: the cold steps are pipelines, which neither the levels nor the groups change.
  let cold = ev.prefixes.at(levelRecipe(coldLevel), split.cold.length);
  if (cold) ev.prefixes.store(ref, [cold]);
  else {
    const first = await ev.builder.build(kernel.bytes, ref, ev.features, { cuts: true });
    if (first.state !== 'built' || !first.cuts.length) return undefined;
    ev.prefixes.store(ref, first.cuts);
    cold = first.cuts.at(-1)!;
  }
  const again = await ev.builder.build(kernel.bytes, ref, ev.features, { from: cold });
  return again.state === 'built' ? { ...(again.cpuMs !== undefined ? { cpuMs: again.cpuMs } : {}), recipe: ref, from: cold } : undefined;
}

/**
 * A per-function record as the agent proposed it: its recipe without the cold steps and the groups, and a
 * slow prefix counted in the agent's steps (none when the cold steps themselves were too slow).
 */
function unframed(rec: EvalRecord, proposal: Recipe, split: FunctionSplit): EvalRecord {
  if (rec.state !== 'invalid' || rec.slowPrefix === undefined) return { ...rec, recipe: proposal };
  const { slowPrefix, ...rest } = rec;
  const own = slowPrefix - split.cold.length;
  return { ...rest, recipe: proposal, ...(own >= 1 ? { slowPrefix: own } : {}) };
}

/** The hot set of a per-function search names functions the module defines (E_USAGE before anything is built). */
function checkHot(hot: readonly string[], bytes: Uint8Array): void {
  if (!hot.length) throw new WasmtuneError('E_USAGE', 'A per-function search needs at least one hot function.');
  const m = moduleFunctions(bytes);
  const defined = new Set(m.names.slice(m.layout.functionImports));
  const missing = hot.filter((f) => !defined.has(f));
  if (missing.length) {
    throw new WasmtuneError('E_USAGE', `The hot set names ${missing.length === 1 ? 'a function' : 'functions'} the module does not define: ${missing.slice(0, 5).map((f) => `'${f}'`).join(', ')}${missing.length > 5 ? ', …' : ''}.`);
  }
}

/**
 * The level whose steps are a per-function search's whole-module steps: the -O level whose baseline
 * module is smallest by the objective's size metric (raw size when it has none); ties go to the earlier
 * level in -O0…-Oz order; -Oz when no level built.
 */
function smallestLevel(baseRecords: ReadonlyMap<OptLevelName, EvalRecord>, spec: ObjectiveSpec): OptLevelName {
  const metric = spec.terms.map((t) => t.metric).find((m) => m !== 'runtime') ?? 'size';
  let best: { level: OptLevelName; value: number } | undefined;
  for (const [level, rec] of baseRecords) {
    if (rec.state !== 'ok') continue;
    const value = metricValue(metric, rec.metrics);
    if (!best || value < best.value) best = { level, value };
  }
  return best?.level ?? 'Oz';
}

/** What the final phase decides and measures. */
interface Final {
  winner: Candidate;
  bestEntry: ResultEntry;
  baselines: TuneReport['baselines'];
  runtimeVs?: Partial<Record<OptLevelName, Estimate>>;
  callMs?: number;
  front?: FrontEntry[];
  /** The selection's measurements against -O3, by module hash (runtime objectives). */
  selection: ReadonlyMap<string, RuntimeReport>;
}

/**
 * Selection and the final measurement: with runtime in the objective, the shortlisted candidates are
 * re-measured with the full protocol and those figures decide; then the winner is measured against every
 * baseline. A ratio between two byte-identical modules is never timed: it is 1.
 */
async function finalPhase(ev: Evaluator, opts: TuneOptions, spec: ObjectiveSpec, candidates: Candidate[], baseRecords: ReadonlyMap<OptLevelName, EvalRecord>, stop: Stopper): Promise<Final> {
  const remeasured = new Map<string, (Estimate & { baselineMs: number; candidateMs: number }) | undefined>();
  const remeasure = async (c: Candidate) => {
    const base = ev.runtimeBaseline!;
    if (remeasured.has(c.rec.hash)) return;
    const m = c.rec.hash === base.hash ? undefined : await stop.step(() => ev.measure(base.bytes, ev.bytesOf(c.rec.hash)!, FINAL));
    // A candidate that fails the full protocol (a trap or a timeout while timing) cannot win.
    remeasured.set(c.rec.hash, typeof m === 'string' ? { median: Infinity, low: Infinity, high: Infinity, confidence: 0, n: 0, baselineMs: NaN, candidateMs: NaN } : m);
  };
  const finalRatio = (c: Candidate) => (remeasured.has(c.rec.hash) ? (remeasured.get(c.rec.hash)?.median ?? 1) : c.rec.metrics.quickRuntimeRatio);
  const finalScore = (c: Candidate) => (usesRuntime(spec) ? ev.scoreOf(c.rec.metrics, finalRatio(c)) : c.rec.score);
  const argmin = (cs: Candidate[]) => cs.reduce((w, c) => (finalScore(c) < finalScore(w) ? c : w));

  let shortlist: Candidate[];
  let frontMembers: Candidate[] | undefined;
  const ratiosOf = (c: Candidate) => spec.terms.map((t) => (t.metric === 'runtime' ? (finalRatio(c) ?? NaN) : metricRatio(t.metric, c.rec.metrics, ev.sizeReference)));
  if (spec.pareto) {
    // The front by quick ratios; with runtime, its best-scoring members are re-measured and the front is
    // recomputed from the final figures (a member that only noise put there drops out).
    const quick = paretoFront(candidates, ratiosOf);
    shortlist = usesRuntime(spec) ? quick.slice(0, opts.frontSize ?? 8) : quick;
  } else {
    const k = opts.finalists ?? 3;
    // The agent's best k, the best two -O levels, and every contender: each is re-measured.
    const level = (c: Candidate) => (OPT_LEVEL_NAMES as readonly string[]).includes(c.origin);
    shortlist = usesRuntime(spec)
      ? [...candidates.filter((c) => c.origin === 'agent').slice(0, k), ...candidates.filter(level).slice(0, 2), ...candidates.filter((c) => c.origin !== 'agent' && !level(c))]
      : candidates.slice(0, 1);
  }
  if (usesRuntime(spec)) for (const c of shortlist) await remeasure(c);
  if (spec.pareto) {
    frontMembers = paretoFront(shortlist, ratiosOf).sort((a, b) => ratiosOf(a)[0]! - ratiosOf(b)[0]!);
    if (frontMembers.length) shortlist = frontMembers;
  }
  // For runtime alone, -O3 (the reference) gives way only to a candidate whose full measurement is
  // faster with 95 % confidence: the best of several noisy medians is biased low, a CI is the guard.
  if (singleMetric(spec) === 'runtime') {
    const o3Hash = ev.runtimeBaseline?.hash;
    const o3 = candidates.find((c) => c.rec.hash === o3Hash);
    const surelyFaster = shortlist.filter((c) => (remeasured.get(c.rec.hash)?.high ?? Infinity) < 1);
    if (o3) shortlist = [o3, ...surelyFaster];
  }
  const winner = argmin(shortlist);

  const bestBytes = ev.bytesOf(winner.rec.hash)!;
  const measureRuntime = (opts.measureRuntime ?? true) && ev.verified;
  const baselines: TuneReport['baselines'] = {};
  const runtimeVs: Partial<Record<OptLevelName, Estimate>> = {};
  const o3Rec = baseRecords.get('O3');
  const o3Bytes = o3Rec?.state === 'ok' ? ev.bytesOf(o3Rec.hash) : undefined;
  const o3CallMs: number[] = [];
  const toReport = (e: Estimate & { baselineMs: number; candidateMs: number }, baseline: OptLevelName): RuntimeReport => ({ ...e, baseline });
  for (const [level, rec] of baseRecords) {
    if (rec.state !== 'ok') {
      baselines[level] = { invalid: `${rec.reason}: ${rec.detail}` };
      continue;
    }
    const e = entry(rec);
    if (measureRuntime && o3Bytes && o3Rec?.state === 'ok') {
      // A level whose module is -O3's (often -O4) is 1 × -O3 by identity: not timed.
      if (rec.hash !== o3Rec.hash) {
        const m = await stop.step(() => ev.measure(o3Bytes, ev.bytesOf(rec.hash)!, FINAL));
        if (typeof m !== 'string') {
          e.runtime = toReport(m, 'O3');
          o3CallMs.push(m.baselineMs);
        }
      }
      if (rec.hash !== winner.rec.hash) {
        const vs = await stop.step(() => ev.measure(ev.bytesOf(rec.hash)!, bestBytes, FINAL));
        if (typeof vs !== 'string') runtimeVs[level] = vs;
      }
    }
    baselines[level] = e;
  }
  const bestEntry = entry(winner.rec);
  let callMs: number | undefined;
  // An objective with runtime always reports an independent final measurement of the winner against -O3,
  // unless the winner is -O3's module itself: its ratio is 1 by identity, and timing a module against
  // itself would only report noise. -O3's own per-call time then comes from its measurements against
  // the other levels.
  if ((measureRuntime || (usesRuntime(spec) && ev.verified)) && o3Bytes && o3Rec?.state === 'ok') {
    if (winner.rec.hash === o3Rec.hash) {
      if (o3CallMs.length) callMs = medianCI(o3CallMs).median;
    } else {
      const m = await stop.step(() => ev.measure(o3Bytes, bestBytes, FINAL));
      if (typeof m !== 'string') {
        bestEntry.runtime = toReport(m, 'O3');
        callMs = m.candidateMs;
      }
    }
  }
  const front = frontMembers?.map((c): FrontEntry => {
    const est = remeasured.get(c.rec.hash);
    return {
      ...entry(c.rec), origin: c.origin,
      ratios: Object.fromEntries(spec.terms.map((t, i) => [t.metric, ratiosOf(c)[i]!])),
      ...(est ? { runtime: toReport(est, 'O3') } : {}),
    };
  });
  const selection = new Map<string, RuntimeReport>();
  for (const [hash, est] of remeasured) if (est && est.n > 0) selection.set(hash, toReport(est, 'O3'));
  return { winner, bestEntry, baselines, ...(measureRuntime ? { runtimeVs } : {}), ...(callMs !== undefined ? { callMs } : {}), ...(front ? { front } : {}), selection };
}
