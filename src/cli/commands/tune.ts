import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WasmtuneError } from '../../errors.js';
import type { Metric } from '../../evaluate/objective.js';
import type { Interruption, Progress, TuneReport } from '../../types.js';
import type { Estimate } from '../../measure/stats.js';
import { defineCommand } from '../command.js';
import { DB, HARNESS, JSON_OUTPUT, QUIET, SEED } from '../options.js';

/** The exit code of a tune stopped by a signal: 128 + the signal's number, as a shell reports it. */
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The flags that define a run; `--resume` takes them from the stored run instead. */
const RUN_FLAGS = ['harness', 'agent', 'agent-options', 'policy', 'budget', 'objective', 'seed', 'start', 'out', 'assume', 'no-runtime', 'no-simd', 'cost-limit', 'per-function', 'hot', 'hot-share', 'baselines', 'contenders'] as const;

export const tune = defineCommand({
  summary: 'search for the pass sequence that makes a module smallest or fastest',
  usage: ['<kernel|module> [options]', '--resume <run> [--db <file>] [--json] [--quiet]'],
  positionals: [{ name: '<kernel|module>', description: 'a suite kernel (kernel://wasmtune-v0/crc32, or crc32), or a .wasm or .wat file', optional: true }],
  options: {
    harness: HARNESS,
    agent: { type: 'string', value: '<name>', default: 'random', description: "the search agent, one of 'wasmtune agents'" },
    'agent-options': { type: 'string', value: '<k=v,…>', description: "the agent's options; 'wasmtune agents' lists them with their defaults" },
    policy: { type: 'string', value: '<policy.json>', description: 'policy file of --agent policy or policy-search (default: the committed one for the objective)' },
    budget: { type: 'string', value: '<N|90s|5m>', default: '100', description: 'agent evaluations, or wall time of the search' },
    objective: { type: 'string', value: '<objective>', description: 'runtime | size | gzip | brotli, a weighted 0.7*runtime+0.3*size, or a Pareto front runtime,size (default runtime with a harness, else size)' },
    seed: SEED,
    start: { type: 'string', value: '<O3|…|recipe.json>', description: 'start the search from this optimisation level or recipe' },
    out: { type: 'string', short: 'o', value: '<dir>', description: 'where best.wasm, recipe.json and report.json go (default wasmtune-out/<kernel>-<objective>-s<seed>)' },
    assume: { type: 'string', value: '<list>', description: 'let the search rely on what validation cannot fully check: low-memory-unused, traps-never-happen' },
    'no-runtime': { type: 'boolean', description: 'skip the final runtime measurement (size objectives)' },
    'no-simd': { type: 'boolean', description: 'never propose SIMD steps (wt-vectorize…), for engines without SIMD' },
    'cost-limit': { type: 'string', value: '<N|off>', default: '10', description: "stop a candidate whose build or validation uses more than N × -O3's CPU time (at least 1 s) and record it as too-slow; off: no limit" },
    'per-function': { type: 'string', value: '<auto|on|off>', default: 'auto', description: 'auto: with --objective runtime,size, a harness and at least 64 KiB of code, profile the workload and search a recipe for the hot functions while the rest get the smallest -O level; on: so for any objective; off: one recipe for the whole module' },
    hot: { type: 'string', value: '<f,…>', description: 'the hot functions of a per-function search, by name or index (skips the profile; wasmtune profile lists them)' },
    'hot-share': { type: 'string', value: '<share>', description: 'the share of the time in wasm the profiled hot set covers (default 0.9)' },
    baselines: { type: 'string', value: '<all|O3,Oz,…>', default: 'all', description: 'the -O levels built and validated as baselines (-O3 and -Oz always): fewer make a large module cheaper to tune' },
    contenders: { type: 'string', value: '<auto|none|name,…>', default: 'auto', description: "fixed recipes evaluated beside the -O levels, outside the budget: auto, the SIMD chains (simd; simd-fast with a harness tolerance) in a search for runtime that allows them; none; or names" },
    jobs: { type: 'string', value: '<n>', description: 'candidates built and validated at once (default: WASMTUNE_JOBS, else one per core); the result does not depend on it' },
    resume: { type: 'string', value: '<run>', description: "continue an interrupted run where it stopped, with the options it was started with" },
    db: DB,
    json: JSON_OUTPUT,
    quiet: QUIET,
  },
  notes: [
    'Every evaluation is committed to the results database, so a run that is stopped can be resumed, and modules already checked or measured on this machine are not checked again.',
    'Without a harness, candidates are checked by Binaryen validation only: their outputs are not verified.',
    "Ctrl-C (SIGINT) or SIGTERM stops the search: the best found so far is written to --out with a report that says after how many evaluations it stopped, and 'wasmtune tune --resume <run>' continues the run. A second signal stops at once.",
  ],
  async run({ values, positionals, given, io }) {
    const { loadKernel } = await import('../../kernels/index.js');
    const { getAgent } = await import('../../../agents/registry.js');
    const { tune: search, TuneInterrupted } = await import('../../search/tune.js');
    const { contentHash } = await import('../../evaluate/evaluator.js');
    const { describeObjective, singleMetric, METRIC_BASELINE } = await import('../../evaluate/objective.js');
    const { describeRecipe, recipeToJson } = await import('../../recipe/recipe.js');
    const { originName } = await import('../../search/contenders.js');
    const { baselinesTable, durationText, formatEstimate, frontTable, timeText } = await import('../format.js');
    const { dbFile, parseRunId } = await import('../db.js');
    const { openTuneRun, storedRequest } = await import('../tune-run.js');
    const { completeSettings, requestFromFlags } = await import('../tune-settings.js');
    const dbModule = await import('../../db/index.js');

    const { numberFlag, isWhole } = await import('../values.js');
    const { defaultJobs } = await import('../../evaluate/evaluator.js');
    const jobs = numberFlag(values.jobs, '--jobs', defaultJobs(), isWhole(1), 'a positive whole number');
    const file = dbFile(values);
    let resumeId: number | undefined;
    let request;
    if (values.resume !== undefined) {
      const extra = [...positionals.map((p) => `'${p}'`), ...RUN_FLAGS.filter((k) => given.has(k)).map((k) => `--${k}`)];
      if (extra.length) throw new WasmtuneError('E_USAGE', `--resume continues a run with the options it was started with: drop ${extra.join(', ')}.`);
      resumeId = parseRunId(values.resume, 'tune --resume');
      request = storedRequest(file, resumeId);
    } else {
      if (!positionals[0]) throw new WasmtuneError('E_USAGE', "'wasmtune tune' needs <kernel|module>, or --resume <run>. See 'wasmtune tune --help'.");
      request = requestFromFlags(values, positionals[0]);
    }
    const kernel = await loadKernel(request.kernel, request.harness);
    const settings = await completeSettings(request, kernel, (line) => {
      if (!values.quiet && !values.json) io.stderr(`${line}\n`);
    }, (profile, profileSettings) => {
      // The whole profile is kept in the results database, as `wasmtune profile` keeps it.
      const { ResultsDb, kernelIdentity } = dbModule;
      const db = ResultsDb.open(file);
      try {
        db.storeProfile(kernelIdentity(kernel), profileSettings, profile);
      } finally {
        db.close();
      }
    });
    const one = singleMetric(settings.objective);
    const objectiveName = describeObjective(settings.objective);
    if (!kernel.harness) io.stderr('WARNING: no harness given: candidates are checked by Binaryen validation only; their OUTPUTS ARE NOT VERIFIED.\n');
    const onProgress = io.isTTY && !values.quiet && !values.json ? await progressBar(one) : undefined;
    const run = openTuneRun(file, kernel, settings, resumeId);
    const resumeHint = (id: number) => `wasmtune tune --resume ${id}${values.db !== undefined ? ` --db ${values.db}` : ''}`;
    // The first SIGINT or SIGTERM stops the search and the best so far is written; a second one stops at once.
    const controller = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      if (controller.signal.aborted) process.exit(SIGNAL_EXIT[signal] ?? 130);
      onProgress?.stop();
      io.stderr(`\n${signal}: stopping; writing the best found so far (${signal} again stops at once).\n`);
      controller.abort(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let result;
    let interrupted: { runId: number; interruption: Interruption } | undefined;
    try {
      result = await search(kernel, {
        agent: getAgent(settings.agent), agentOptions: settings.agentOptions, budget: settings.budget, objective: settings.objective,
        seed: settings.seed, ...(settings.start ? { start: settings.start } : {}), measureRuntime: settings.measureRuntime, ...(onProgress ? { onProgress: onProgress.update } : {}),
        space: { lowMemoryUnused: settings.assumptions.includes('low-memory-unused'), trapsNeverHappen: settings.assumptions.includes('traps-never-happen'), simd: settings.simd },
        store: run.store, signal: controller.signal, jobs, costLimit: settings.costLimit,
        ...(settings.perFunction ? { perFunction: { hot: [...settings.perFunction.hot], ...(settings.perFunction.profile ? { profile: settings.perFunction.profile } : {}) } } : {}),
        ...(settings.baselines ? { baselines: settings.baselines } : {}), contenders: settings.contenders,
      });
      const stop = result.report.interrupted;
      if (stop) interrupted = { runId: run.interrupt(stop, result.report), interruption: stop };
      else run.finish(result.report);
    } catch (e) {
      if (!(e instanceof TuneInterrupted)) {
        run.fail(e);
        throw e;
      }
      // Stopped before anything valid was found: nothing to write, but the run can be resumed.
      const runId = run.interrupt(e.interruption);
      io.stderr(`interrupted by ${e.interruption.signal} before any valid module was found; nothing written. Resume: ${resumeHint(runId)}\n`);
      return SIGNAL_EXIT[e.interruption.signal] ?? 130;
    } finally {
      onProgress?.stop();
      run.close();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    const { report, bestBytes } = result;
    const out = settings.out;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'best.wasm'), bestBytes);
    writeFileSync(join(out, 'recipe.json'), JSON.stringify({ kernel: kernel.uri, recipe: recipeToJson(report.best.recipe), features: report.features, wasmOpt: report.wasmOpt, hash: contentHash(bestBytes) }, null, 2) + '\n');
    writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    const exitCode = interrupted ? (SIGNAL_EXIT[interrupted.interruption.signal] ?? 130) : 0;
    const stopped = interrupted && `INTERRUPTED by ${interrupted.interruption.signal} after ${interrupted.interruption.afterEvaluations}${settings.budget.evaluations !== undefined ? ` of ${settings.budget.evaluations}` : ''} evaluations: the best found so far, by the search's own figures (nothing was re-measured)`;
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2) + '\n');
      if (interrupted) io.stderr(`${stopped}; wrote ${out}. Resume: ${resumeHint(interrupted.runId)}\n`);
      return exitCode;
    }
    if (stopped) io.stdout(`${stopped}.\n`);
    const b = report.best;
    io.stdout(`kernel     ${report.kernel}${report.outputsVerified ? '' : '  (OUTPUTS NOT VERIFIED: no harness)'}\n`);
    const contenders = Object.keys(report.contenders ?? {}).length;
    io.stdout(`objective  ${objectiveName}; ${report.evaluations} evaluations (+${report.baselineEvaluations} baselines${contenders ? `, +${contenders} contender${contenders > 1 ? 's' : ''}` : ''}), ${report.cacheHits} cache hits, ${report.invalid.total} invalid${report.invalid.total ? ` (${Object.entries(report.invalid.byReason).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}\n`);
    const found = b.origin === 'agent' ? 'found by the agent' : `${originName(b.origin)} (no candidate beat it${interrupted ? ' so far' : ''})`;
    io.stdout(`best       ${found}: ${describeRecipe(b.recipe)}\n`);
    if (report.perFunction) {
      const pf = report.perFunction;
      const shown = pf.hot.slice(0, 5).join(', ') + (pf.hot.length > 5 ? `, … (${pf.hot.length - 5} more)` : '');
      io.stdout(`functions  per-function search: the agent's steps ran on ${pf.hot.length} hot function${pf.hot.length === 1 ? '' : 's'} (${shown}), after ${pf.cold.join(' ') || 'no whole-module step'} for every function\n`);
    }
    const vs = one ? `vs -${METRIC_BASELINE[one]}` : 'score (weighted geometric mean of the ratios to -O3 and -Oz)';
    io.stdout(`size       ${b.sizeBytes} B (gzip ${b.gzipBytes}, brotli ${b.brotliBytes}); ${vs}: ${b.scoreVsBaseline.toFixed(4)}\n`);
    if (b.outputsChecked === 'within-tolerance') {
      io.stdout(`outputs    equal to the original's within the harness tolerance ${JSON.stringify(kernel.harness?.harness.tolerance)}${b.recipe.knobs.fastMath ? ' (fast-math is on: results are not bit for bit)' : ''}\n`);
    }
    const runtime = runtimeLine(report, formatEstimate);
    if (runtime) io.stdout(`runtime    ${runtime}\n`);
    if (report.front) io.stdout('\n' + frontTable(report.front) + '\n');
    io.stdout('\n' + baselinesTable(report) + '\n');
    if (report.time) io.stdout(`\ntime       ${timeText(report.walltimeMs, report.time, report.pipeline?.jobs)}\n`);
    else io.stdout(`\ntime       ${durationText(report.walltimeMs)}\n`);
    io.stdout(`\nwasm-opt equivalent:\n  ${report.wasmOpt}\n\nwrote ${join(out, 'best.wasm')}, recipe.json, report.json\n`);
    io.stdout(`recorded   run ${run.id()} in ${run.file} ('wasmtune show ${run.id()}')\n`);
    if (interrupted) io.stdout(`resume     ${resumeHint(interrupted.runId)}  (continues to the result of a run that was never stopped)\n`);
    return exitCode;
  },
});

/** What the summary says about the best's runtime: its final measurement, an identity, or the search's quick figure. */
function runtimeLine(report: TuneReport, formatEstimate: (e: Estimate) => string): string | undefined {
  const b = report.best;
  if (b.runtime) return `${formatEstimate(b.runtime)} × -O3 (${b.runtime.candidateMs.toFixed(3)} ms vs ${b.runtime.baselineMs.toFixed(3)} ms per call)`;
  if (report.interrupted) {
    return b.quickRuntimeRatio !== undefined ? `${b.quickRuntimeRatio.toFixed(3)} × -O3 by the search's quick ratio (${report.measurement.quickRounds} rounds; not re-measured: the run was interrupted)` : undefined;
  }
  if (b.sameModuleAs?.includes('O3') && (b.runtimeVs || /runtime/.test(report.objective))) {
    const measured = Object.keys(b.runtimeVs ?? {}).map((l) => `-${l}`).join(', ');
    return `the -O3 module itself: 1 × -O3 by identity, not timed${b.callMs !== undefined ? `; -O3 takes ${b.callMs.toFixed(3)} ms per call` : ''}${measured ? `; measured against ${measured} (table below)` : ''}`;
  }
  return undefined;
}

/** A progress bar on stderr (a terminal only). */
async function progressBar(one: Metric | undefined): Promise<{ update: (p: Progress) => void; stop: () => void }> {
  const { default: cliProgress } = await import('cli-progress');
  const { costShares } = await import('../format.js');
  const bar = new cliProgress.SingleBar({
    format: ' {phase} |{bar}| {value}/{total} evaluations | best {best} | {duration_formatted} elapsed | ETA {eta_formatted}{split}',
    stream: process.stderr,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (p) => {
      const total = p.budget.evaluations ?? Math.max(p.evaluations, 1);
      if (!started) {
        bar.start(total, 0, { phase: p.phase, best: '-', split: '' });
        started = true;
      }
      const best = p.best === undefined ? '-' : one === 'runtime' ? `${p.best.toFixed(3)}× O3` : one ? `${p.best} B` : `${p.best.toFixed(4)}×`;
      // Where the search's time goes, as shares of its wall time (the rest: the agent and the database).
      const shares = p.search ? costShares(p.search, p.search.elapsedMs * p.search.jobs) : '';
      bar.update(p.budget.evaluations ? p.evaluations : Math.min(p.elapsedMs / p.budget.durationMs!, 1) * total, { phase: p.phase, best, ...(p.search ? { split: shares ? ` | ${shares}` : '' } : {}) });
    },
    stop: () => bar.stop(),
  };
}
