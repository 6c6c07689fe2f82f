import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WasmtuneError } from '../../errors.js';
import type { Metric } from '../../evaluate/objective.js';
import type { Progress } from '../../types.js';
import { defineCommand } from '../command.js';
import { DB, HARNESS, JSON_OUTPUT, QUIET, SEED } from '../options.js';

/** The flags that define a run; `--resume` takes them from the stored run instead. */
const RUN_FLAGS = ['harness', 'agent', 'agent-options', 'policy', 'budget', 'objective', 'seed', 'start', 'out', 'assume', 'no-runtime', 'no-simd'] as const;

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
    resume: { type: 'string', value: '<run>', description: "continue an interrupted run where it stopped, with the options it was started with" },
    db: DB,
    json: JSON_OUTPUT,
    quiet: QUIET,
  },
  notes: [
    'Every evaluation is committed to the results database, so a run that is stopped can be resumed, and modules already checked or measured on this machine are not checked again.',
    'Without a harness, candidates are checked by Binaryen validation only: their outputs are not verified.',
  ],
  async run({ values, positionals, given, io }) {
    const { loadKernel } = await import('../../kernels/index.js');
    const { getAgent } = await import('../../../agents/registry.js');
    const { tune: search } = await import('../../search/tune.js');
    const { contentHash } = await import('../../evaluate/evaluator.js');
    const { describeObjective, singleMetric, METRIC_BASELINE } = await import('../../evaluate/objective.js');
    const { describeRecipe, recipeToJson } = await import('../../recipe/recipe.js');
    const { baselinesTable, formatEstimate, frontTable } = await import('../format.js');
    const { dbFile, parseRunId } = await import('../db.js');
    const { openTuneRun, storedRequest } = await import('../tune-run.js');
    const { completeSettings, requestFromFlags } = await import('../tune-settings.js');

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
    const settings = completeSettings(request, kernel);
    const one = singleMetric(settings.objective);
    const objectiveName = describeObjective(settings.objective);
    if (!kernel.harness) io.stderr('WARNING: no harness given: candidates are checked by Binaryen validation only; their OUTPUTS ARE NOT VERIFIED.\n');
    const onProgress = io.isTTY && !values.quiet && !values.json ? await progressBar(one) : undefined;
    const run = openTuneRun(file, kernel, settings, resumeId);
    let result;
    try {
      result = await search(kernel, {
        agent: getAgent(settings.agent), agentOptions: settings.agentOptions, budget: settings.budget, objective: settings.objective,
        seed: settings.seed, ...(settings.start ? { start: settings.start } : {}), measureRuntime: settings.measureRuntime, ...(onProgress ? { onProgress: onProgress.update } : {}),
        space: { lowMemoryUnused: settings.assumptions.includes('low-memory-unused'), trapsNeverHappen: settings.assumptions.includes('traps-never-happen'), simd: settings.simd },
        store: run.store,
      });
      run.finish(result.report);
    } catch (e) {
      run.fail(e);
      throw e;
    } finally {
      onProgress?.stop();
      run.close();
    }
    const { report, bestBytes } = result;
    const out = settings.out;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'best.wasm'), bestBytes);
    writeFileSync(join(out, 'recipe.json'), JSON.stringify({ kernel: kernel.uri, recipe: recipeToJson(report.best.recipe), features: report.features, wasmOpt: report.wasmOpt, hash: contentHash(bestBytes) }, null, 2) + '\n');
    writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2) + '\n');
      return 0;
    }
    const b = report.best;
    io.stdout(`kernel     ${report.kernel}${report.outputsVerified ? '' : '  (OUTPUTS NOT VERIFIED: no harness)'}\n`);
    io.stdout(`objective  ${objectiveName}; ${report.evaluations} evaluations (+${report.baselineEvaluations} baselines), ${report.cacheHits} cache hits, ${report.invalid.total} invalid${report.invalid.total ? ` (${Object.entries(report.invalid.byReason).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}\n`);
    io.stdout(`best       ${b.origin === 'agent' ? 'found by the agent' : `the -${b.origin} baseline (no candidate beat it)`}: ${describeRecipe(b.recipe)}\n`);
    const vs = one ? `vs -${METRIC_BASELINE[one]}` : 'score (weighted geometric mean of the ratios to -O3 and -Oz)';
    io.stdout(`size       ${b.sizeBytes} B (gzip ${b.gzipBytes}, brotli ${b.brotliBytes}); ${vs}: ${b.scoreVsBaseline.toFixed(4)}\n`);
    if (b.outputsChecked === 'within-tolerance') {
      io.stdout(`outputs    equal to the original's within the harness tolerance ${JSON.stringify(kernel.harness?.harness.tolerance)}${b.recipe.knobs.fastMath ? ' (fast-math is on: results are not bit for bit)' : ''}\n`);
    }
    if (b.runtime) io.stdout(`runtime    ${formatEstimate(b.runtime)} × -O3 (${b.runtime.candidateMs.toFixed(3)} ms vs ${b.runtime.baselineMs.toFixed(3)} ms per call)\n`);
    if (report.front) io.stdout('\n' + frontTable(report.front) + '\n');
    io.stdout('\n' + baselinesTable(report) + '\n');
    io.stdout(`\nwasm-opt equivalent:\n  ${report.wasmOpt}\n\nwrote ${join(out, 'best.wasm')}, recipe.json, report.json\n`);
    io.stdout(`recorded   run ${run.id()} in ${run.file} ('wasmtune show ${run.id()}')\n`);
    return 0;
  },
});

/** A progress bar on stderr (a terminal only). */
async function progressBar(one: Metric | undefined): Promise<{ update: (p: Progress) => void; stop: () => void }> {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({
    format: ' {phase} |{bar}| {value}/{total} evaluations | best {best} | {duration_formatted} elapsed | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (p) => {
      const total = p.budget.evaluations ?? Math.max(p.evaluations, 1);
      if (!started) {
        bar.start(total, 0, { phase: p.phase, best: '-' });
        started = true;
      }
      const best = p.best === undefined ? '-' : one === 'runtime' ? `${p.best.toFixed(3)}× O3` : one ? `${p.best} B` : `${p.best.toFixed(4)}×`;
      bar.update(p.budget.evaluations ? p.evaluations : Math.min(p.elapsedMs / p.budget.durationMs!, 1) * total, { phase: p.phase, best });
    },
    stop: () => bar.stop(),
  };
}
