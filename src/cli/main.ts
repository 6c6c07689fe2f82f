/**
 * The command line as a function: `main(argv, io)` returns the exit code and never calls
 * process.exit, so tests call it directly. Only this file turns errors into exit codes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { WasmtuneError, didYouMean, messageOf } from '../errors.js';
import { listSuite, loadKernel, projectRoot } from '../kernels/index.js';
import { TASKS, type Task, type TaskName } from '../leaderboard/tasks.js';
import { renderMarkdown } from '../leaderboard/render.js';
import { runLeaderboard } from '../leaderboard/run.js';
import { AGENTS, LEARNED_AGENTS, SEARCH_AGENTS, getAgent, parseAgentOptions } from '../../agents/registry.js';
import { Evaluator, contentHash } from '../evaluate/evaluator.js';
import { describeObjective, parseObjective, single, singleMetric, METRIC_BASELINE } from '../evaluate/objective.js';
import { parseBudget, tune } from '../search/tune.js';
import { type Progress } from '../types.js';
import { OPT_LEVEL_NAMES, levelRecipe, parseRecipe, recipeToJson, describeRecipe, type OptLevelName, type Recipe } from '../recipe/recipe.js';
import { PASSES, getPass } from '../passes/registry.js';
import { EXCLUDED_PASSES } from '../passes/binaryen-passes.js';
import { wasmOptCommand } from '../recipe/commandline.js';
import { baselinesTable, formatEstimate, frontTable } from './format.js';
import { measureBaselines } from '../evaluate/baselines.js';
import { FEATURE_NAMES, featureVector, moduleFeatures } from '../learn/features/features.js';
import { train } from '../learn/train.js';
import { selectModel } from '../learn/model-selection.js';
import { ALGOS, LEARNER_DEFAULTS, OPTIMIZER_CHOICES, type Algo } from '../learn/learner.js';
import { Policy } from '../learn/policy.js';
import { VARIANCE_ESTIMATORS, type GradientVariance } from '../learn/gradient-variance.js';
import { SCHEDULES } from '../learn/optim/index.js';
import { cmdReport } from './report.js';
import { cmdExport, cmdRuns, cmdShow, dbFile, openTuneRun, resumeTuneArgs } from './db-commands.js';
import { cmdWorker, leaderboardQueue } from './worker.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars). */
  isTTY?: boolean;
}

export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

const USAGE = `wasmtune: search for the Binaryen pass sequence that suits each WebAssembly kernel

Usage:
  wasmtune tune <kernel|module.wasm|module.wat> [options]
      --harness <file.json|file.mjs>   how to run and check a module from outside the suite
      --agent <name>                   search agent (default random; see 'wasmtune agents')
      --agent-options k=v,...          agent options
      --policy <policy.json>           the policy of --agent policy | policy-search (default: the
                                       committed one for the objective, agents/policies/)
      --budget <N|90s|5m>              evaluations or wall time (default 100)
      --objective <o>                  runtime | size | gzip | brotli (default runtime with a harness,
                                       else size); a weighted combination 0.7*runtime+0.3*size
                                       (weighted geometric mean of the ratios to -O3 and -Oz); or a
                                       Pareto front runtime,size
      --seed <n>                       RNG seed (default 1)
      --start <O3|...|recipe.json>     start the search from this recipe
      --out <dir>                      where best.wasm, recipe.json, report.json go
                                       (default wasmtune-out/<kernel>-<objective>-s<seed>)
      --assume <list>                  let the search use assumptions validation cannot fully check:
                                       low-memory-unused, traps-never-happen (comma-separated)
      --no-runtime                     skip the final runtime measurement (size objectives)
      --no-simd                        never propose SIMD steps (wt-vectorize…), for engines without SIMD
      --json                           print the report as JSON
      --db <file>                      the results database (default .wasmtune/wasmtune.db): every
                                       evaluation is committed there, and modules already checked
                                       or measured on this machine are not checked again
  wasmtune tune --resume <run> [--db <file>]   continue an interrupted run where it stopped
  wasmtune runs [--db <file>] [--json]          the runs in the database (tune and leaderboard)
  wasmtune show <run> [--db <file>] [--json]    one run: options, progress, invalid by reason, best
  wasmtune export <run> --csv <file|-> | --json [-o file]   every evaluation of a run
  wasmtune baselines <kernel> [--harness f] [--json]   -O0 … -Oz: sizes and runtime ratio to -O3
  wasmtune replay <recipe.json> <kernel> [--harness f] [--out f.wasm] [--check f.wasm]
  wasmtune apply <recipe.json> <module|kernel> -o out.wasm [--harness f]
                                       build any recipe, passes of ours included (wasm-opt cannot
                                       run those: the printed command covers the part it can)
  wasmtune leaderboard [options]       run agents × kernels × seeds, replay every result, write tables
      --task <name>                    wasm-size-v0 (default) | wasm-runtime-v0: fixes kernels, budget,
                                       seeds and baseline; any override below makes a custom task
      --agents <a,b,…|all>             agents to compare (default all: every agent
                                       but policy, which needs a trained file)
      --kernels <suite|a,b,…>          kernels (default: the task's)
      --budget <N>  --seeds <K>  --objective <metric>
      --jobs <N>                       kernel × agent groups tuned at once (default 1)
      --resume                         keep the rows already in results.jsonl, run the rest
      --out <dir>                      default bench/leaderboard/<task>
      --queue redis://host:6379        run each (kernel, agent, seed) as a job for 'wasmtune worker's
      --db <file>                      the results database (default .wasmtune/wasmtune.db): each
                                       run with its evaluations, and the collected rows; runs share
                                       its module cache
  wasmtune worker --queue redis://host:6379 [--lock-ms 30000] [--json] [--db <file>]
                                       take leaderboard jobs until stopped; each job's run is
                                       recorded in this machine's database (default as above)
  wasmtune report <leaderboard-dir|report.json…> --html f.html | --csv f.csv | --md f.md
                                       an offline HTML page (sortable table, convergence, Pareto
                                       front, per-kernel detail), or CSV / Markdown tables
  wasmtune features <kernel|module> [--json]   the module features a learned policy observes
  wasmtune train [options]             train a recipe policy on generated kernels (never the suite)
      --algo ppo|reinforce             (default ppo)
      --optimizer <name>               sgd | momentum | rmsprop | adam | adamw | natural | flow (default adam)
      --lr <x>                         learning rate (default 0.003; natural: the KL bound; flow: first step)
      --schedule <name>                constant | step | exponential | cosine (default constant)
      --warmup <N>                     updates of linear learning-rate warm-up (default 0)
      --clip <x>                       clip gradients to this global norm, 0 = off (default 1)
      --episodes <N>                   episodes in total (default 200)
      --batch <N>                      episodes per update, all on one kernel (default 8)
      --kernels <N>                    generated training kernels train-0 … train-N-1 (default 16)
      --hidden <a,b,…>                 hidden layer widths (default 64)
      --max-steps <N>                  longest episode, in steps (default 8)
      --objective size|runtime         reward: log size ratio to -Oz, or -log runtime ratio to -O3
      --seed <n>  --out <policy.json>  (default wasmtune-out/policy-<algo>-<optimizer>-s<seed>.json)
      --report-gradient-variance       per update, the noise of the gradient estimate under REINFORCE,
                                       REINFORCE with the baseline and GAE(λ = 0, 0.5, 0.95)
  wasmtune sweep [train options]       model selection: train each setting of a grid and score its
                                       zero-shot result on the validation kernels val-* (never the suite)
      --lr a,b,…  --batch a,b,…  --optimizer a,b,…   the grid (default 0.001,0.003,0.01 × 8 ×
                                       adam,adamw,momentum)
      --samples <N>                    train N settings drawn from the grid with the seed (default all)
      --val-kernels <N>                validation kernels (default 8)
      --out <dir>                      policy.json (the best) and sweep.json
  wasmtune kernels                     the built-in suite
  wasmtune passes [--excluded]         the pass catalog
  wasmtune agents                      the search agents and their defaults
`;

const OPTIONS = {
  harness: { type: 'string' },
  agent: { type: 'string', default: 'random' },
  'agent-options': { type: 'string' },
  policy: { type: 'string' },
  db: { type: 'string' },
  budget: { type: 'string' },
  task: { type: 'string' },
  agents: { type: 'string' },
  kernels: { type: 'string' },
  seeds: { type: 'string' },
  jobs: { type: 'string', default: '1' },
  resume: { type: 'boolean', default: false },
  objective: { type: 'string' },
  seed: { type: 'string', default: '1' },
  start: { type: 'string' },
  out: { type: 'string', short: 'o' },
  check: { type: 'string' },
  assume: { type: 'string' },
  'no-runtime': { type: 'boolean', default: false },
  'no-simd': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  excluded: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  algo: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  schedule: { type: 'string' },
  warmup: { type: 'string' },
  clip: { type: 'string' },
  episodes: { type: 'string' },
  batch: { type: 'string' },
  hidden: { type: 'string' },
  'max-steps': { type: 'string' },
  'gen-dir': { type: 'string' },
  'report-gradient-variance': { type: 'boolean', default: false },
  samples: { type: 'string' },
  'val-kernels': { type: 'string' },
  queue: { type: 'string' },
  'lock-ms': { type: 'string' },
  html: { type: 'string' },
  csv: { type: 'string' },
  md: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function parse(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new WasmtuneError('E_USAGE', `${messageOf(e)} (see 'wasmtune --help')`);
  }
}

function needPositional(positionals: string[], i: number, what: string): string {
  const v = positionals[i];
  if (!v) throw new WasmtuneError('E_USAGE', `Missing ${what} (see 'wasmtune --help').`);
  return v;
}

function parseSeed(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new WasmtuneError('E_USAGE', `--seed must be an integer, got '${text}'.`);
  return n;
}

function readRecipeFile(path: string): { recipe: Recipe; dir: string } {
  if (!existsSync(path)) throw new WasmtuneError('E_IO', `Recipe file not found: ${path}`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new WasmtuneError('E_BAD_RECIPE', `Recipe ${path} is not valid JSON: ${messageOf(e)}`);
  }
  // Accept a recipe, a recipe.json written by tune ({recipe: …}), or a report ({best: {recipe: …}}).
  const obj = data as { recipe?: unknown; best?: { recipe?: unknown } };
  const raw = obj.best?.recipe ?? obj.recipe ?? data;
  return { recipe: parseRecipe(raw, getPass), dir: dirname(resolve(path)) };
}

function parseStart(text: string | undefined): Recipe | undefined {
  if (!text) return undefined;
  const level = text.replace(/^-/, '');
  if ((OPT_LEVEL_NAMES as string[]).includes(level)) return levelRecipe(level as OptLevelName);
  return readRecipeFile(text).recipe;
}

async function cmdTune(values: Values, positionals: string[], io: Io): Promise<number> {
  const resumed = values.resume ? resumeTuneArgs(values, positionals) : undefined;
  if (resumed) ({ values, positionals } = resumed);
  const spec = needPositional(positionals, 1, 'kernel or module');
  const agent = getAgent(values.agent);
  const agentOptions = parseAgentOptions(agent, values['agent-options']);
  if (values.policy !== undefined) {
    if (!('policy' in agent.defaults)) throw new WasmtuneError('E_USAGE', `--policy is for the learned agents (${LEARNED_AGENTS.join(', ')}), not '${agent.name}'.`);
    agentOptions.policy = values.policy;
  }
  // A policy file named by the user is checked before any baseline is built.
  if (typeof agentOptions.policy === 'string' && agentOptions.policy && agentOptions.policy !== 'untrained') Policy.load(resolve(agentOptions.policy));
  const budget = parseBudget(values.budget ?? '100');
  const seed = parseSeed(values.seed);
  const start = parseStart(values.start);
  const assumptions = (values.assume ?? '').split(',').filter(Boolean);
  for (const a of assumptions) {
    if (a !== 'low-memory-unused' && a !== 'traps-never-happen') throw new WasmtuneError('E_USAGE', `--assume takes low-memory-unused and/or traps-never-happen, not '${a}'.`);
  }
  const kernel = await loadKernel(spec, values.harness);
  const objective = values.objective ? parseObjective(values.objective) : single(kernel.harness ? 'runtime' : 'size');
  const one = singleMetric(objective);
  const objectiveName = describeObjective(objective);
  if (!kernel.harness) {
    io.stderr('WARNING: no harness given: candidates are checked by Binaryen validation only; their OUTPUTS ARE NOT VERIFIED.\n');
  }
  const out = resolve(values.out ?? join('wasmtune-out', `${kernel.name}-${objectiveName.replace(/[^a-z0-9.]+/g, '_')}-s${seed}`));
  const bar = io.isTTY && !values.quiet && !values.json ? new cliProgress.SingleBar({
    format: ' {phase} |{bar}| {value}/{total} evaluations | best {best} | {duration_formatted} elapsed | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic) : undefined;
  let started = false;
  const onProgress = (p: Progress) => {
    if (!bar) return;
    const total = p.budget.evaluations ?? Math.max(p.evaluations, 1);
    if (!started) {
      bar.start(total, 0, { phase: p.phase, best: '-' });
      started = true;
    }
    const best = p.best === undefined ? '-' : one === 'runtime' ? `${p.best.toFixed(3)}× O3` : one ? `${p.best} B` : `${p.best.toFixed(4)}×`;
    bar.update(p.budget.evaluations ? p.evaluations : Math.min(p.elapsedMs / p.budget.durationMs!, 1) * total, { phase: p.phase, best });
  };
  const run = openTuneRun(values, positionals, kernel, { agent: agent.name, agentOptions, seed, budget, objective: objectiveName }, resumed?.runId);
  let result;
  try {
    result = await tune(kernel, {
      agent, agentOptions, budget, objective, seed, ...(start ? { start } : {}), measureRuntime: !values['no-runtime'], onProgress,
      space: { lowMemoryUnused: assumptions.includes('low-memory-unused'), trapsNeverHappen: assumptions.includes('traps-never-happen'), simd: !values['no-simd'] },
      store: run.store,
    });
    run.finish(result.report);
  } catch (e) {
    run.fail(e);
    throw e;
  } finally {
    bar?.stop();
    run.close();
  }
  const { report, bestBytes } = result;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'best.wasm'), bestBytes);
  writeFileSync(join(out, 'recipe.json'), JSON.stringify({ kernel: kernel.uri, recipe: recipeToJson(recipeOf(report)), features: report.features, wasmOpt: report.wasmOpt, hash: contentHash(bestBytes) }, null, 2) + '\n');
  writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  if (values.json) {
    io.stdout(JSON.stringify(report, null, 2) + '\n');
    return 0;
  }
  const b = report.best;
  io.stdout(`kernel     ${report.kernel}${report.outputsVerified ? '' : '  (OUTPUTS NOT VERIFIED: no harness)'}\n`);
  io.stdout(`objective  ${objectiveName}; ${report.evaluations} evaluations (+${report.baselineEvaluations} baselines), ${report.cacheHits} cache hits, ${report.invalid.total} invalid${report.invalid.total ? ` (${Object.entries(report.invalid.byReason).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}\n`);
  io.stdout(`best       ${b.origin === 'agent' ? 'found by the agent' : `the -${b.origin} baseline (no candidate beat it)`}: ${describeRecipe(recipeOf(report))}\n`);
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
}

function recipeOf(report: { best: { recipe: Recipe } }): Recipe {
  return report.best.recipe;
}

async function cmdBaselines(values: Values, positionals: string[], io: Io): Promise<number> {
  const kernel = await loadKernel(needPositional(positionals, 1, 'kernel or module'), values.harness);
  if (!kernel.harness) io.stderr('WARNING: no harness given: outputs are not verified and runtime is not measured.\n');
  const rows = await measureBaselines(kernel);
  if (values.json) io.stdout(JSON.stringify(rows, null, 2) + '\n');
  else io.stdout(`${kernel.uri}\n\n${baselinesTable({ baselines: rows.baselines })}` + '\n');
  return 0;
}

/**
 * `replay` rebuilds a recipe and checks it against the best.wasm beside it; `apply` builds any recipe
 * (passes of ours included, which wasm-opt cannot run) into a module written with -o.
 */
async function cmdReplay(values: Values, positionals: string[], io: Io, apply = false): Promise<number> {
  const { recipe, dir } = readRecipeFile(needPositional(positionals, 1, 'recipe file'));
  if (apply && !values.out) throw new WasmtuneError('E_USAGE', "apply writes a module: give '-o out.wasm'.");
  const kernel = await loadKernel(needPositional(positionals, 2, 'kernel or module'), values.harness);
  if (apply && !kernel.harness) io.stderr('WARNING: no harness given: the module passes Binaryen validation, but its OUTPUTS ARE NOT VERIFIED.\n');
  const ev = await Evaluator.create(kernel, { objective: 'size' });
  try {
    const rec = await ev.evaluate(recipe);
    if (rec.state !== 'ok') {
      io.stderr(`replay: the recipe gives an invalid module (${rec.reason}): ${rec.detail}\n`);
      return 1;
    }
    const bytes = ev.bytesOf(rec.hash)!;
    io.stdout(`replayed   ${describeRecipe(recipe)}\nmodule     ${bytes.byteLength} B, sha256 ${rec.hash}, ${kernel.harness ? 'outputs verified' : 'OUTPUTS NOT VERIFIED (no harness)'}\n`);
    if (values.out) writeFileSync(values.out, bytes);
    const check = values.check ?? (!apply && existsSync(join(dir, 'best.wasm')) ? join(dir, 'best.wasm') : undefined);
    if (check) {
      const expected = new Uint8Array(readFileSync(check));
      if (contentHash(expected) !== rec.hash) {
        throw new WasmtuneError('E_REPLAY_MISMATCH', `Replay differs from ${check}: ${expected.byteLength} B sha256 ${contentHash(expected)} vs ${bytes.byteLength} B sha256 ${rec.hash}.`);
      }
      io.stdout(`identical  to ${check} (byte for byte)\n`);
    }
    io.stdout(`wasm-opt   ${wasmOptCommand(recipe, ev.features)}\n`);
    return 0;
  } finally {
    ev.close();
  }
}

async function cmdKernels(io: Io): Promise<number> {
  for (const uri of listSuite()) {
    const k = await loadKernel(uri);
    io.stdout(`${uri.padEnd(34)} ${String(k.bytes.byteLength).padStart(6)} B  ${k.description}\n`);
  }
  return 0;
}

async function cmdLeaderboard(values: Values, argv: string[], io: Io): Promise<number> {
  const taskName = values.task ?? 'wasm-size-v0';
  if (!Object.hasOwn(TASKS, taskName)) throw new WasmtuneError('E_USAGE', `Unknown task '${taskName}'.${didYouMean(taskName, Object.keys(TASKS))} Tasks: ${Object.keys(TASKS).join(', ')}.`);
  let task: Task = TASKS[taskName as TaskName];
  const agents = !values.agents || values.agents === 'all' ? [...SEARCH_AGENTS] : values.agents.split(',').filter(Boolean);
  const custom = values.kernels !== undefined || values.budget !== undefined || values.seeds !== undefined || values.objective !== undefined;
  if (custom) {
    const objective = values.objective ? parseObjective(values.objective) : single(task.objective);
    const metric = singleMetric(objective);
    if (!metric || objective.pareto) throw new WasmtuneError('E_USAGE', 'A leaderboard ranks one metric: --objective runtime|size|gzip|brotli.');
    const budget = values.budget ? parseBudget(values.budget).evaluations : task.budget;
    if (!budget) throw new WasmtuneError('E_USAGE', 'A leaderboard budget is a number of evaluations, so every agent gets the same.');
    const k = values.seeds ? Number(values.seeds) : task.seeds.length;
    if (!Number.isInteger(k) || k < 1) throw new WasmtuneError('E_USAGE', `--seeds must be a positive whole number, got '${values.seeds}'.`);
    const kernels = !values.kernels ? task.kernels : values.kernels === 'suite' ? listSuite() : values.kernels.split(',').filter(Boolean);
    task = { name: `custom-${metric}`, description: `${metric}, custom kernels and budget`, objective: metric, budget, seeds: Array.from({ length: k }, (_, i) => i + 1), kernels, baseline: METRIC_BASELINE[metric] };
  }
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new WasmtuneError('E_USAGE', `--jobs must be a positive whole number, got '${values.jobs}'.`);
  const outDir = resolve(values.out ?? join(projectRoot(), 'bench', 'leaderboard', task.name));
  const db = dbFile(values);
  const total = task.kernels.length * agents.length * task.seeds.length;
  let n = 0;
  const { summary } = await runLeaderboard({
    task, agents, outDir, jobs, resume: values.resume, command: `wasmtune ${argv.join(' ')}`, queue: leaderboardQueue(values.queue, io, values.quiet), db,
    onRow: (r) => {
      n++;
      if (values.quiet) return;
      const what = r.error ? `FAILED: ${r.error}` : `${r.ratio?.toFixed(4) ?? '–'} ×${task.baseline}, ${r.evaluations} evals, ${(r.walltimeMs / 1000).toFixed(1)} s${r.replay.ok ? '' : `, REPLAY FAILED: ${r.replay.detail}`}`;
      io.stderr(`[${n}/${total}] ${r.kernel} ${r.agent} seed ${r.seed}: ${what}\n`);
    },
  });
  if (values.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
  else io.stdout(renderMarkdown(summary) + `\nwrote ${outDir}/results.jsonl, table.md, table.json; runs recorded in ${db}\n`);
  return 0;
}

async function cmdFeatures(values: Values, positionals: string[], io: Io): Promise<number> {
  const kernel = await loadKernel(needPositional(positionals, 1, 'kernel or module'), values.harness);
  const f = moduleFeatures(kernel.bytes);
  const vector = featureVector(f);
  const named = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, vector[i]!]));
  if (values.json) {
    const { counts, ...rest } = f;
    io.stdout(JSON.stringify({ kernel: kernel.uri, features: { ...rest, ...counts }, vector: named }, null, 2) + '\n');
    return 0;
  }
  io.stdout(`${kernel.uri}\n\n`);
  const row = (k: string, v: number) => io.stdout(`${k.padEnd(26)} ${String(Number.isInteger(v) ? v : v.toFixed(2)).padStart(9)}\n`);
  const { counts, ...rest } = f;
  for (const [k, v] of Object.entries(rest)) row(k, v);
  io.stdout(`\ninstruction classes (count, share of ${f.instructions} instructions)\n`);
  for (const [k, v] of Object.entries(counts)) io.stdout(`${k.padEnd(26)} ${String(v).padStart(9)}  ${(v / Math.max(1, f.instructions)).toFixed(4)}\n`);
  io.stdout('\nnormalised vector (what a policy observes, before the applied steps and knobs)\n');
  for (const [k, v] of Object.entries(named)) io.stdout(`${k.padEnd(26)} ${v.toFixed(4).padStart(9)}\n`);
  return 0;
}

function numberFlag(text: string | undefined, flag: string, fallback: number, check: (n: number) => boolean, what: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new WasmtuneError('E_USAGE', `${flag} must be ${what}, got '${text}'.`);
  return n;
}

/** The training flags `train` and `sweep` share (everything but what a sweep varies). */
function commonTrainFlags(values: Values) {
  const int1 = (n: number) => Number.isInteger(n) && n >= 1;
  const algo = values.algo ?? 'ppo';
  if (!(ALGOS as readonly string[]).includes(algo)) throw new WasmtuneError('E_USAGE', `--algo must be ppo or reinforce, got '${algo}'.${didYouMean(algo, ALGOS)}`);
  const schedule = values.schedule ?? 'constant';
  if (!Object.hasOwn(SCHEDULES, schedule)) throw new WasmtuneError('E_USAGE', `Unknown schedule '${schedule}'.${didYouMean(schedule, Object.keys(SCHEDULES))} Schedules: ${Object.keys(SCHEDULES).join(', ')}.`);
  const objective = values.objective ?? 'size';
  if (objective !== 'size' && objective !== 'runtime') throw new WasmtuneError('E_USAGE', `--objective for training is size or runtime, got '${objective}'.`);
  return {
    algo: algo as Algo, schedule, objective: objective as 'size' | 'runtime',
    clip: numberFlag(values.clip, '--clip', LEARNER_DEFAULTS.clip, (n) => n >= 0, 'a number ≥ 0 (0: no clipping)'),
    warmup: numberFlag(values.warmup, '--warmup', 0, (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0'),
    episodes: numberFlag(values.episodes, '--episodes', 200, int1, 'a whole number ≥ 1'),
    kernels: numberFlag(values.kernels, '--kernels', 16, int1, 'a whole number ≥ 1 (generated training kernels)'),
    maxSteps: numberFlag(values['max-steps'], '--max-steps', 8, int1, 'a whole number ≥ 1'),
    hidden: (values.hidden ?? '64').split(',').map((h) => numberFlag(h, '--hidden', 0, int1, 'comma-separated whole numbers ≥ 1')),
    seed: parseSeed(values.seed),
    ...(values['gen-dir'] ? { genDir: resolve(values['gen-dir']) } : {}),
  };
}

function checkOptimizer(optimizer: string): string {
  if (!(OPTIMIZER_CHOICES as readonly string[]).includes(optimizer)) {
    throw new WasmtuneError('E_USAGE', `Unknown optimizer '${optimizer}'.${didYouMean(optimizer, OPTIMIZER_CHOICES)} Optimizers: ${OPTIMIZER_CHOICES.join(', ')}.`);
  }
  return optimizer;
}

function formatVariance(v: GradientVariance[]): string {
  return v.map((x) => `${x.estimator} ${x.batch.toExponential(2)} (rel ${x.relative.toFixed(2)})`).join('  ');
}

async function cmdTrain(values: Values, argv: string[], io: Io): Promise<number> {
  const common = commonTrainFlags(values);
  const { algo, objective, seed } = common;
  const optimizer = checkOptimizer(values.optimizer ?? 'adam');
  const lr = numberFlag(values.lr, '--lr', LEARNER_DEFAULTS.lr, (n) => n > 0, 'a number > 0');
  const batch = numberFlag(values.batch, '--batch', 8, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');
  const out = resolve(values.out ?? join('wasmtune-out', `policy-${algo}-${optimizer}-s${seed}.json`));
  const result = await train({
    ...common, optimizer, lr, batch, reportGradientVariance: values['report-gradient-variance'],
    onUpdate: (u) => {
      if (values.quiet || values.json) return;
      io.stderr(`update ${String(u.update + 1).padStart(4)}  episodes ${String(u.episodes).padStart(5)}  ${u.kernel.padEnd(9)} reward ${u.meanReward.toFixed(4).padStart(8)}  loss ${u.loss.toFixed(4).padStart(8)}  |g| ${u.gradNorm.toFixed(3)}  entropy ${u.entropy.toFixed(3)}  lr ${u.lr.toPrecision(3)}\n`);
      if (u.gradientVariance) io.stderr(`       gradient variance (batch of ${u.gradientVariance[0]!.episodes}): ${formatVariance(u.gradientVariance)}\n`);
    },
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ ...result.file, training: { ...(result.file.training as object), command: `wasmtune ${argv.join(' ')}` } }) + '\n');
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const k = Math.max(1, Math.floor(result.curve.length / 5));
  const firstR = mean(result.curve.slice(0, k).map((e) => e.reward));
  const lastR = mean(result.curve.slice(-k).map((e) => e.reward));
  const invalid = result.curve.filter((e) => e.invalid).length;
  const variance = values['report-gradient-variance']
    ? Object.fromEntries(VARIANCE_ESTIMATORS.map((est) => [est, mean(result.updates.map((u) => u.gradientVariance?.find((v) => v.estimator === est)?.relative ?? NaN).filter(Number.isFinite))]))
    : undefined;
  const summary = {
    out, algo, optimizer, objective, episodes: result.curve.length, updates: result.updates.length, evaluations: result.evaluations, builds: result.builds,
    meanRewardFirst: firstR, meanRewardLast: lastR, invalid, walltimeMs: result.walltimeMs, ...(variance ? { meanRelativeGradientVariance: variance } : {}),
  };
  if (values.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
  else {
    io.stdout(`trained    ${algo} with ${optimizer}, ${result.curve.length} episodes in ${result.updates.length} updates on ${common.kernels} generated kernel(s), objective ${objective}\n`);
    io.stdout(`reward     mean of the first ${k} episodes ${firstR.toFixed(4)}, of the last ${k} ${lastR.toFixed(4)} (${objective === 'size' ? 'log of the size ratio to -Oz; > 0 is smaller than -Oz' : '-log of the runtime ratio to -O3'}); ${invalid} invalid\n`);
    if (variance) io.stdout(`variance   mean relative variance of the batch gradient (tr Cov / ‖g‖²) per estimator: ${Object.entries(variance).map(([e, v]) => `${e} ${v.toFixed(2)}`).join(', ')}\n`);
    io.stdout(`cost       ${result.evaluations} evaluations, ${result.builds} builds, ${(result.walltimeMs / 1000).toFixed(1)} s\n`);
    io.stdout(`wrote      ${out} (policy and training curve)\n`);
  }
  return 0;
}

async function cmdSweep(values: Values, argv: string[], io: Io): Promise<number> {
  const common = commonTrainFlags(values);
  const list = (text: string | undefined, fallback: string, flag: string, check: (n: number) => boolean, what: string) =>
    (text ?? fallback).split(',').filter(Boolean).map((t) => numberFlag(t, flag, 0, check, what));
  const grid = {
    lr: list(values.lr, '0.001,0.003,0.01', '--lr', (n) => n > 0, 'comma-separated numbers > 0'),
    batch: list(values.batch, '8', '--batch', (n) => Number.isInteger(n) && n >= 1, 'comma-separated whole numbers ≥ 1'),
    optimizer: (values.optimizer ?? 'adam,adamw,momentum').split(',').filter(Boolean).map(checkOptimizer),
  };
  const samples = values.samples === undefined ? undefined : numberFlag(values.samples, '--samples', 0, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');
  const valKernels = numberFlag(values['val-kernels'], '--val-kernels', 8, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');
  const out = resolve(values.out ?? join('wasmtune-out', `sweep-${common.objective}-s${common.seed}`));
  const metric = common.objective === 'size' ? '× -Oz' : '× -O3';
  const result = await selectModel({
    grid, ...(samples ? { samples } : {}), valKernels, train: common,
    onSetting: (r, i, n) => {
      if (!values.quiet && !values.json) io.stderr(`setting ${i + 1}/${n}  ${r.optimizer.padEnd(8)} lr ${String(r.lr).padEnd(7)} batch ${String(r.batch).padEnd(3)} validation ${r.validation.toFixed(4)} ${metric}  final reward ${r.finalReward.toFixed(4)}  ${(r.walltimeMs / 1000).toFixed(0)} s\n`);
    },
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'policy.json'), JSON.stringify({ ...result.bestPolicy, training: { ...(result.bestPolicy.training as object), command: `wasmtune ${argv.join(' ')}`, selectedBy: 'zero-shot geometric mean on val-* kernels' } }) + '\n');
  writeFileSync(join(out, 'sweep.json'), JSON.stringify({ command: `wasmtune ${argv.join(' ')}`, grid, samples, valKernels, rows: result.rows, best: result.best, bestValidation: result.bestValidation }, null, 2) + '\n');
  if (values.json) io.stdout(JSON.stringify({ out, rows: result.rows, best: result.best }, null, 2) + '\n');
  else {
    io.stdout(`| optimizer | lr | batch | validation (${metric}, val-0…${valKernels - 1}) | final train reward |\n|---|---|---|---|---|\n`);
    for (const r of [...result.rows].sort((a, b) => a.validation - b.validation)) io.stdout(`| ${r.optimizer} | ${r.lr} | ${r.batch} | ${r.validation.toFixed(4)}${r.validationInvalid ? ` (${r.validationInvalid} invalid)` : ''} | ${r.finalReward.toFixed(4)} |\n`);
    io.stdout(`best       ${result.best.optimizer}, lr ${result.best.lr}, batch ${result.best.batch}: ${result.best.validation.toFixed(4)} ${metric} on the validation kernels\n`);
    io.stdout(`wrote      ${join(out, 'policy.json')} and ${join(out, 'sweep.json')}\n`);
  }
  return 0;
}

function cmdPasses(values: Values, io: Io): number {
  if (values.excluded) {
    for (const [name, e] of Object.entries(EXCLUDED_PASSES) as Array<[string, { reason: string; kind: string }]>) io.stdout(`${name.padEnd(36)} ${e.kind.padEnd(16)} ${e.reason}\n`);
    return 0;
  }
  for (const p of PASSES.values()) io.stdout(`${p.name.padEnd(36)} ${p.category.padEnd(13)} ${p.description}${p.requires?.length ? ` [requires ${p.requires.join(', ')}]` : ''}\n`);
  return 0;
}

function cmdAgents(io: Io): number {
  for (const a of Object.values(AGENTS)) {
    const defaults = Object.entries(a.defaults).map(([k, v]) => `${k}=${String(v)}`).join(',') || '-';
    io.stdout(`${a.name.padEnd(12)} ${a.description}\n${''.padEnd(12)} defaults: ${defaults}\n`);
  }
  return 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const cmd = positionals[0];
    if (values.help || !cmd) {
      io.stdout(USAGE);
      return cmd || values.help ? 0 : 2;
    }
    switch (cmd) {
      case 'tune':
        return await cmdTune(values, positionals, io);
      case 'baselines':
        return await cmdBaselines(values, positionals, io);
      case 'replay':
        return await cmdReplay(values, positionals, io);
      case 'apply':
        return await cmdReplay(values, positionals, io, true);
      case 'kernels':
        return await cmdKernels(io);
      case 'features':
        return await cmdFeatures(values, positionals, io);
      case 'train':
        return await cmdTrain(values, argv, io);
      case 'sweep':
        return await cmdSweep(values, argv, io);
      case 'leaderboard':
        return await cmdLeaderboard(values, argv, io);
      case 'passes':
        return cmdPasses(values, io);
      case 'report':
        return await cmdReport(values, positionals, io);
      case 'runs':
        return cmdRuns(values, io);
      case 'show':
        return cmdShow(values, positionals, io);
      case 'export':
        return cmdExport(values, positionals, io);
      case 'worker':
        return await cmdWorker(values, io);
      case 'agents':
        return cmdAgents(io);
      default:
        throw new WasmtuneError('E_USAGE', `Unknown command '${cmd}' (see 'wasmtune --help').`);
    }
  } catch (e) {
    if (e instanceof WasmtuneError) {
      io.stderr(`wasmtune: error ${e.code}: ${e.message}\n`);
      return e.code === 'E_USAGE' ? 2 : 1;
    }
    io.stderr(`wasmtune: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return 70;
  }
}
