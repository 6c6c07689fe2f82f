/**
 * `npm run fuzz [-- --minutes N] [--seed S]`: a bounded reliability run (default 6 minutes), in two parts.
 *
 * 1. Kill and resume. Tuning runs (kernels, agents, seeds and budgets drawn at random) are started as
 *    processes and killed with SIGKILL at random moments (before the first commit too), then resumed
 *    with `tune --resume`, possibly killed again, until they finish: at least 20 kills. Each finished run
 *    is compared with the same run made without interruption: the same evaluations in the same order (0
 *    lost, 0 doubled) and the same reported best.
 * 2. Differential fuzz. Random recipes over every suite kernel, drawn from the search space with, now and
 *    then, a pass that changes behaviour (the catalog's "unsafe" exclusions) or an assumption knob
 *    inserted. Each candidate that passes validation is run again on fresh seeds (inputs the validation
 *    never saw) against the original. Then one short search per kernel, whose reported best is
 *    re-checked the same way.
 *
 * Prints its figures and exits non-zero on any crash, lost or mismatched evaluation, or a reported best
 * that fails on fresh inputs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';
import { main } from '../../src/cli/main.js';
import { ResultsDb } from '../../src/db/index.js';
import { Evaluator, contentHash } from '../../src/evaluate/evaluator.js';
import { type EvalRecord } from '../../src/types.js';
import { compareOutputs } from '../../src/validate/compare.js';
import { listSuite, loadKernel, type Kernel } from '../../src/kernels/index.js';
import { EXCLUDED_PASSES } from '../../src/passes/binaryen-passes.js';
import { updateCompiled } from '../../src/proc/compiled.js';
import { recipeHash, type Recipe } from '../../src/recipe/recipe.js';
import { defaultSpace } from '../../src/search/space.js';
import { random } from '../../agents/random.js';
import { tune } from '../../src/search/tune.js';
import { messageOf } from '../../src/errors.js';
import { runAndKill } from '../reliability/kill.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '6' }, seed: { type: 'string' }, 'min-kills': { type: 'string', default: '20' } } });
const minutes = Number(values.minutes);
const seed = values.seed ?? String(Date.now());
const minKills = Number(values['min-kills']);
const rng = seedrandom(`fuzz:${seed}`);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
let t0 = performance.now();
const elapsedMin = () => (performance.now() - t0) / 60_000;
const dir = mkdtempSync(join(tmpdir(), 'wasmtune-fuzz-'));
const log = (s: string) => process.stderr.write(`[${elapsedMin().toFixed(1)} min] ${s}\n`);

const figures = {
  seed,
  minutes,
  killResume: { runs: 0, kills: 0, killsBeforeFirstCommit: 0, resumes: 0, evaluationsChecked: 0, lostEvaluations: 0, duplicatedEvaluations: 0, mismatchedEvaluations: 0, loadDependentDifferences: 0, differentResults: 0, crashes: 0 },
  differential: { cases: 0, valid: 0, invalid: {} as Record<string, number>, miscompilationsCaught: 0, freshInputChecks: 0, escapedValidation: 0, searches: 0, bestsRechecked: 0, bestsFailingFreshInputs: 0, miscompilationsReachingBest: 0, crashes: 0 },
  failures: [] as string[],
  /**
   * Candidates that passed validation but differ on fresh inputs (what validation on a few seeds missed),
   * and differences between a resumed and an uninterrupted run that a timeout under load explains.
   */
  escapes: [] as string[],
};

async function quietMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

// ── 1. kill -9 and resume ────────────────────────────────────────────────────────────────────────────
/** Small kernels, so that a cycle takes seconds; the fixture most often. */
const FAST_KERNELS = ['test/fixtures/sum.wat', 'test/fixtures/sum.wat', 'test/fixtures/sum.wat', 'kernel://wasmtune-v0/crc32', 'kernel://wasmtune-v0/rle'];
const AGENTS = ['random', 'anneal', 'hill', 'ga', 'cem', 'sweep', 'bandit'];

function evaluationsOf(file: string, run: number): string[] {
  const db = ResultsDb.open(file);
  try {
    return db.evaluations(run).map((r) => `${recipeHash(r.recipe)} ${r.hash ?? '-'} ${r.state === 'ok' ? r.score : r.reason}`);
  } finally {
    db.close();
  }
}

async function killResumeCycle(i: number): Promise<void> {
  const kernel = pick(FAST_KERNELS);
  const agent = pick(AGENTS);
  const budget = 10 + Math.floor(rng() * 31);
  const runSeed = 1 + Math.floor(rng() * 1000);
  const args = (db: string) => ['tune', kernel, ...(kernel.endsWith('.wat') ? ['--harness', 'test/fixtures/sum.harness.json'] : []), '--agent', agent, '--objective', 'size', '--no-runtime',
    '--budget', String(budget), '--seed', String(runSeed), '--db', db, '--out', join(dir, `out-${i}`), '--json'];
  const refDb = join(dir, `ref-${i}.db`);
  const refStart = performance.now();
  const ref = await quietMain(args(refDb));
  const refMs = performance.now() - refStart;
  if (ref.code !== 0) {
    figures.failures.push(`reference run ${kernel} ${agent}: ${ref.stderr.trim()}`);
    return;
  }
  const expected = JSON.parse(ref.stdout) as { best: { recipe: Recipe; hash: string; scoreVsBaseline: number } };
  const file = join(dir, `killed-${i}.db`);
  let runId: number | undefined;
  let report: typeof expected | undefined;
  log(`cycle ${i}: ${kernel} ${agent} budget ${budget}`);
  for (let attempt = 0; attempt < 20 && !report; attempt++) {
    // Kill at a random moment: one time in five at a random delay from the start (often before the first
    // commit, while baselines are built), otherwise a random 0-250 ms after a random number of committed
    // evaluations (mid-build, mid-validation, mid-commit).
    const byTime = rng() < 0.2;
    const delayMs = byTime ? rng() * (refMs + 1_500) : rng() * 250;
    const atCount = Math.floor(rng() * budget);
    const started = performance.now();
    let reached: number | undefined;
    const cmd = runId === undefined ? args(file) : ['tune', '--resume', String(runId), '--db', file, '--json'];
    if (runId !== undefined) figures.killResume.resumes++;
    const willKill = attempt < 4 && rng() < 0.85;
    const r = await runAndKill(cmd, file, (n) => {
      if (!willKill) return false;
      if (byTime) return performance.now() - started > delayMs;
      if (reached === undefined && n >= atCount) reached = performance.now();
      return reached !== undefined && performance.now() - reached > delayMs;
    });
    const db = ResultsDb.open(file);
    const run = db.runs()[0];
    db.close();
    runId = run?.id;
    if (r.killed) {
      figures.killResume.kills++;
      if (!run) figures.killResume.killsBeforeFirstCommit++;
    } else if (r.code !== 0) {
      figures.killResume.crashes++;
      figures.failures.push(`${cmd.join(' ')}: exit ${r.code}: ${r.stderr.trim().slice(0, 300)}`);
      return;
    }
    // A kill can land after the run was recorded as done (while its files are written): it is finished.
    if (run?.status === 'done') report = run.report as typeof expected;
  }
  if (!report || runId === undefined) return;
  figures.killResume.runs++;
  const want = evaluationsOf(refDb, 1);
  const got = evaluationsOf(file, runId);
  figures.killResume.evaluationsChecked += got.length;
  figures.killResume.lostEvaluations += Math.max(0, want.length - got.length);
  figures.killResume.duplicatedEvaluations += Math.max(0, got.length - want.length);
  // A timeout or a runner crash depends on the machine's load at that moment, in either run: such a
  // difference is counted apart (it is not something a resume did).
  const transient = (e: string) => / (timeout|runner-crash|binaryen-timeout)$/.test(e);
  const differing = want.map((w, k) => [w, got[k]] as const).filter(([w, g]) => g !== undefined && g !== w);
  const loadDependent = differing.filter(([w, g]) => transient(w) || transient(g!)).length;
  figures.killResume.loadDependentDifferences += loadDependent;
  figures.killResume.mismatchedEvaluations += differing.length - loadDependent;
  if (differing.length || want.length !== got.length) {
    (differing.length > loadDependent || want.length !== got.length ? figures.failures : figures.escapes).push(
      `cycle ${i} (${kernel} ${agent}): ${got.length}/${want.length} evaluations, ${differing.length} differ (${loadDependent} a timeout or crash under load), e.g. ${differing.slice(0, 2).map(([w, g]) => `${w} vs ${g}`).join('; ')}`);
  }
  if (JSON.stringify(report.best.recipe) !== JSON.stringify(expected.best.recipe) || report.best.hash !== expected.best.hash || report.best.scoreVsBaseline !== expected.best.scoreVsBaseline) {
    figures.killResume.differentResults++;
    figures.failures.push(`cycle ${i} (${kernel} ${agent}): the resumed run's best differs from the uninterrupted run's`);
  }
}

// ── 2. differential fuzz ─────────────────────────────────────────────────────────────────────────────
/** Passes that change behaviour (excluded from the catalog for it), to give validation something to catch. */
const UNSAFE = Object.entries(EXCLUDED_PASSES as Record<string, { kind: string }>).filter(([n, e]) => e.kind === 'unsafe' && n !== 'poppify').map(([n]) => n);
const FRESH_SEEDS = () => [1, 2, 3].map(() => 10_000 + Math.floor(rng() * 1_000_000));

/** Whether a module's outputs equal the original's on seeds the validation never used; the difference if not. */
async function freshCheck(ev: Evaluator, kernel: Kernel, bytes: Uint8Array, seeds: number[]): Promise<string | undefined> {
  const h = kernel.harness!;
  const ref = (b: Uint8Array) => ({ key: contentHash(b), bytes: b, ...(ev.facts.memoryImport ? { memoryImport: ev.facts.memoryImport } : {}) });
  const want = await ev.runner.outputs(h.path, ref(kernel.bytes), seeds, 60_000);
  const got = await ev.runner.outputs(h.path, ref(bytes), seeds, 60_000);
  if (want.state !== 'ok') return undefined; // the original itself fails on these inputs: nothing to compare
  if (got.state !== 'ok') return `${got.state}: ${got.error}`;
  for (let i = 0; i < seeds.length; i++) {
    const d = compareOutputs(want.outputs[i]!, got.outputs[i]!, h.harness.tolerance);
    if (d) return `seed ${seeds[i]}: ${d}`;
  }
  return undefined;
}

/** The unsafe passes that change the suite kernels' results most often (static data lost). */
const CHANGERS = ['remove-memory-init', 'remove-memory'];

function mutate(recipe: Recipe): Recipe {
  const r: Recipe = { knobs: { ...recipe.knobs }, passes: [...recipe.passes] };
  if (rng() < 0.3) r.passes.splice(Math.floor(rng() * (r.passes.length + 1)), 0, rng() < 0.5 ? pick(CHANGERS) : pick(UNSAFE));
  if (rng() < 0.1) r.knobs.trapsNeverHappen = true;
  if (rng() < 0.1) r.knobs.lowMemoryUnused = true;
  return r;
}

async function differential(uri: string, cases: number): Promise<void> {
  const kernel = await loadKernel(uri);
  const ev = await Evaluator.create(kernel, { objective: 'size' });
  const d = figures.differential;
  const miscompiled = new Set<string>();
  try {
    const agent = random.create({ space: defaultSpace({ fastMath: Boolean(kernel.harness?.harness.tolerance) }), rng, objective: ev.objective }, { ...random.defaults });
    for (let c = 0; c < cases; c++) {
      const proposed = agent.propose();
      if (!proposed) break;
      const recipe = mutate(proposed);
      let rec: EvalRecord;
      try {
        rec = await ev.evaluate(recipe);
      } catch (e) {
        d.crashes++;
        figures.failures.push(`${uri}: evaluate threw: ${messageOf(e)}`);
        continue;
      }
      d.cases++;
      agent.observe(rec);
      if (rec.state === 'invalid') {
        d.invalid[rec.reason] = (d.invalid[rec.reason] ?? 0) + 1;
        if ((rec.reason === 'wrong-output' || rec.reason === 'trap') && rec.hash) {
          d.miscompilationsCaught++;
          miscompiled.add(rec.hash);
        }
        continue;
      }
      d.valid++;
      d.freshInputChecks++;
      const diff = await freshCheck(ev, kernel, ev.bytesOf(rec.hash)!, FRESH_SEEDS());
      if (diff) {
        d.escapedValidation++;
        figures.escapes.push(`${uri}: ${diff}: ${JSON.stringify(recipe)}`);
      }
    }
    // One short search on the kernel: its reported best must hold on fresh inputs and never be a module
    // validation rejected.
    const { report, bestBytes } = await tune(kernel, { agent: random, agentOptions: { ...random.defaults }, budget: { evaluations: 8 }, objective: 'size', seed: Math.floor(rng() * 1000), measureRuntime: false }, ev);
    d.searches++;
    d.bestsRechecked++;
    if (miscompiled.has(report.best.hash)) d.miscompilationsReachingBest++;
    const diff = await freshCheck(ev, kernel, bestBytes, FRESH_SEEDS());
    if (diff) {
      d.bestsFailingFreshInputs++;
      figures.failures.push(`${uri}: the reported best differs on fresh inputs (${diff})`);
    }
  } finally {
    ev.close();
  }
}

async function fuzz(): Promise<void> {
  updateCompiled(); // children start from dist/ (the build is not counted in the minutes)
  t0 = performance.now();
  log(`seed ${seed}, ${minutes} min, into ${dir}`);
  // Part 1 takes half the time, or longer until `minKills` kills (at most 80 % of it).
  for (let i = 0; elapsedMin() < minutes / 2 || (figures.killResume.kills < minKills && elapsedMin() < minutes * 0.8); i++) await killResumeCycle(i);
  log(`kill/resume: ${figures.killResume.kills} kills over ${figures.killResume.runs} runs`);
  const kernels = listSuite();
  const start = elapsedMin();
  for (const [i, uri] of kernels.entries()) {
    if (elapsedMin() > minutes && figures.differential.searches > 0) break;
    // Share the time left among the kernels left, at the rate measured so far (about 1 s a case at first).
    const secPerCase = figures.differential.cases ? ((elapsedMin() - start) * 60) / figures.differential.cases : 1;
    const perKernel = Math.max(4, Math.floor(((minutes - elapsedMin()) * 60) / (kernels.length - i) / secPerCase));
    log(`differential: ${uri}, ${perKernel} cases`);
    try {
      await differential(uri, perKernel);
    } catch (e) {
      figures.differential.crashes++;
      figures.failures.push(`${uri}: ${messageOf(e)}`);
    }
  }
}

try {
  await fuzz();
} catch (e) {
  figures.failures.push(`fuzz stopped: ${messageOf(e)}`);
}
rmSync(dir, { recursive: true, force: true });
const k = figures.killResume;
const d = figures.differential;
process.stdout.write(`wasmtune fuzz, seed ${seed}, ${elapsedMin().toFixed(1)} min

kill -9 and resume
  tuning runs finished after kills      ${k.runs}
  kills (SIGKILL)                       ${k.kills} (${k.killsBeforeFirstCommit} before the first commit)
  resumes                               ${k.resumes}
  evaluations checked                   ${k.evaluationsChecked}
  lost / duplicated / mismatched        ${k.lostEvaluations} / ${k.duplicatedEvaluations} / ${k.mismatchedEvaluations}
  differing by a timeout under load     ${k.loadDependentDifferences}
  results differing from uninterrupted  ${k.differentResults}
  crashes                               ${k.crashes}

differential fuzz (${listSuite().length} kernels)
  cases tried                           ${d.cases}
  passed validation                     ${d.valid}
  invalid, by reason                    ${Object.entries(d.invalid).map(([r, n]) => `${r} ${n}`).join(', ') || '-'}
  miscompilations caught by validation  ${d.miscompilationsCaught}
  valid candidates re-run on fresh seeds ${d.freshInputChecks}, differing: ${d.escapedValidation}
  reported bests re-checked             ${d.bestsRechecked}, failing on fresh inputs: ${d.bestsFailingFreshInputs}, miscompilations among them: ${d.miscompilationsReachingBest}
  crashes                               ${d.crashes}
${figures.escapes.length ? `\nnotes (candidates that passed validation but differ on fresh inputs; timeouts under load):\n${figures.escapes.slice(0, 10).map((f) => `  ${f}`).join('\n')}\n` : ''}${figures.failures.length ? `\nfailures:\n${figures.failures.map((f) => `  ${f}`).join('\n')}\n` : ''}
${JSON.stringify(figures)}
`);
const bad = k.crashes + k.lostEvaluations + k.duplicatedEvaluations + k.mismatchedEvaluations + k.differentResults + d.crashes + d.bestsFailingFreshInputs + d.miscompilationsReachingBest;
if (k.kills < minKills) process.stdout.write(`only ${k.kills} kills in the time (wanted ${minKills}): give more --minutes\n`);
process.exitCode = bad || k.kills < minKills ? 1 : 0;
