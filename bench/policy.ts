/**
 * Benchmark of the learned policy (`npm run bench:policy`): does what a policy learns on generated
 * kernels carry over to the held-out suite, and which optimizer trains it best?
 *
 * Stages (each writes its part of `<out>/policy-results.json` and re-renders `policy-results.md`, so
 * stages can run separately and a stopped run keeps what it finished):
 *
 *  train    One policy per optimizer (sgd, momentum, rmsprop, adam, adamw, natural, flow), all with the
 *           same seed, generated training kernels, episodes, batch and network; only the optimizer and
 *           its stated step size differ. Every update records the gradient variance of five estimators
 *           (src/learn/gradient-variance.ts). Each policy is then scored zero-shot on the validation
 *           kernels `val-*`; the best one by validation becomes the committed policy
 *           (`agents/policies/<objective>.json`): model selection never looks at the suite.
 *  heldout  Zero-shot on the held-out suite (kernels/wasmtune-v0, never trained on or selected by): the
 *           greedy recipe of every trained policy, as size ratio to -Oz and to -O3.
 *  variance The noise of the gradient estimate as the batch grows: the selected policy's episodes on
 *           val-0…3 in batches of 4, 8, 16 and 32, every estimator on the same batch.
 *  search   policy-search (the committed policy proposes, hill climbing refines) against random search,
 *           size objective, on every suite kernel and seed: the best size found within the first 10, 50
 *           and 200 evaluations, as a ratio to -Oz. Both agents' proposals do not depend on the budget,
 *           so the best of the first k evaluations of one 200-evaluation run is what a k-budget run finds.
 *  runtime  Zero-shot with the committed runtime policy: its greedy recipe per suite kernel against -O3,
 *           measured interleaved (median and 95 % CI of the per-round ratios), and against -Oz.
 *
 *   node dist/bench/policy.js [--stage train,heldout,search,runtime] [--episodes 480] [--seed 1]
 *                             [--objective size] [--seeds 2] [--kernels suite|a,b] [--jobs 2] [--out DIR]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getAgent } from '../agents/registry.js';
import { benchMain } from './run-info.js';
import { commit } from '../src/measure/provenance.js';
import { Policy, compactPolicyFile, rollout, type PolicyFile } from '../src/learn/policy.js';
import { VARIANCE_ESTIMATORS } from '../src/learn/gradient-variance.js';
import { defaultPolicyPath } from '../src/learn/sampler.js';
import { Evaluator, FINAL } from '../src/evaluate/evaluator.js';
import { WasmtuneError, messageOf } from '../src/errors.js';
import { featureVector, moduleFeatures } from '../src/learn/features/features.js';
import { listSuite, loadKernel, projectRoot } from '../src/kernels/index.js';
import { geomean } from '../src/measure/stats.js';
import { single } from '../src/evaluate/objective.js';
import { describeRecipe, levelRecipe } from '../src/recipe/recipe.js';
import { train, validatePolicy, varianceByBatch, type BatchVarianceRow, type TrainObjective, type UpdateRecord } from '../src/learn/train.js';
import { tune } from '../src/search/tune.js';

export const STAGES = ['train', 'heldout', 'variance', 'search', 'runtime'] as const;
export type Stage = (typeof STAGES)[number];

/** Each optimizer's step size (natural: the KL bound; flow: the first step), stated in the results. */
export const BENCH_LR: Readonly<Record<string, number>> = { sgd: 0.1, momentum: 0.02, rmsprop: 0.001, adam: 0.003, adamw: 0.003, natural: 0.01, flow: 0.01 };

export interface PolicyBenchOptions {
  stages: readonly Stage[];
  objective: TrainObjective;
  episodes: number;
  batch: number;
  trainKernels: number;
  valKernels: number;
  seed: number;
  optimizers: readonly string[];
  /** Suite kernels for the held-out stages. */
  kernels: readonly string[];
  /** Seeds of the search stage. */
  seeds: number;
  budget: number;
  /** Trainings (and search runs) at once. */
  jobs: number;
  outDir: string;
  /** Write the best trained policy to agents/policies/<objective>.json. */
  commit: boolean;
  command?: string;
  log?: (line: string) => void;
}

export interface TrainRow {
  optimizer: string;
  lr: number;
  /** Zero-shot geometric-mean ratio on val-* (× -Oz for size, × -O3 for runtime). */
  validation: number;
  validationInvalid: number;
  /** Mean reward of the first and the last fifth of the episodes. */
  firstReward: number;
  finalReward: number;
  /** Episodes until the mean reward of the last 5 updates first reaches the threshold (undefined: never). */
  episodesToThreshold?: number;
  walltimeS: number;
  /** Mean over updates of each estimator's relative variance (tr Cov(ḡ) / ‖ḡ‖²). */
  relativeVariance: Record<string, number>;
  /** Mean reward per update (the training curve). */
  curve: number[];
  policyFile: string;
}

export interface HeldoutRow {
  optimizer: string;
  kernel: string;
  steps: string[];
  /** Size ratio to -Oz and to -O3; undefined when the recipe was invalid. */
  vsOz?: number;
  vsO3?: number;
  invalid?: string;
}

export interface SearchRow {
  agent: string;
  kernel: string;
  seed: number;
  /** Best size within the first k evaluations ÷ -Oz's size, for k in budgets. */
  best: Record<string, number | null>;
}

export interface RuntimeRow {
  kernel: string;
  steps: string[];
  vsO3?: { median: number; low: number; high: number };
  sizeVsOz?: number;
  invalid?: string;
}

export interface PolicyBenchResults {
  command?: string;
  /** The commit the last stage ran at. */
  commit?: string;
  objective: TrainObjective;
  settings: { episodes: number; batch: number; trainKernels: number; valKernels: number; seed: number; lr: Record<string, number>; threshold: number; budgets: number[]; seeds: number };
  train?: TrainRow[];
  selected?: string;
  heldout?: HeldoutRow[];
  search?: SearchRow[];
  runtime?: RuntimeRow[];
  runtimePolicy?: string;
  variance?: BatchVarianceRow[];
}

const BUDGETS = [10, 50, 200];
/** Reward the curve must reach for `episodesToThreshold` (size: the log ratio to -Oz; 0 is as small as -Oz). */
const THRESHOLD = -0.05;

function load(file: string): PolicyBenchResults | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PolicyBenchResults) : undefined;
}

export async function runPolicyBench(o: PolicyBenchOptions): Promise<PolicyBenchResults> {
  const log = o.log ?? (() => {});
  mkdirSync(join(o.outDir, 'policies'), { recursive: true });
  const jsonFile = join(o.outDir, 'policy-results.json');
  const res: PolicyBenchResults = {
    ...load(jsonFile),
    ...(o.command ? { command: o.command } : {}),
    commit: commit([relative(projectRoot(), o.outDir), 'agents/policies']),
    objective: o.objective,
    settings: { episodes: o.episodes, batch: o.batch, trainKernels: o.trainKernels, valKernels: o.valKernels, seed: o.seed, lr: Object.fromEntries(o.optimizers.map((k) => [k, BENCH_LR[k]!])), threshold: THRESHOLD, budgets: BUDGETS, seeds: o.seeds },
  };
  const save = () => {
    writeFileSync(jsonFile, JSON.stringify(res, null, 2) + '\n');
    writeFileSync(join(o.outDir, 'policy-results.md'), renderMarkdown(res));
  };

  if (o.stages.includes('train')) {
    const rows = new Map<string, TrainRow>();
    const trainOne = async (optimizer: string) => {
      const lr = BENCH_LR[optimizer];
      if (lr === undefined) throw new WasmtuneError('E_USAGE', `No stated step size for optimizer '${optimizer}'.`);
      const t0 = performance.now();
      const updates: UpdateRecord[] = [];
      const r = await train({
        episodes: o.episodes, batch: o.batch, kernels: o.trainKernels, maxOpen: o.trainKernels, seed: o.seed, objective: o.objective, optimizer, lr, reportGradientVariance: true,
        onUpdate: (u) => updates.push(u),
      });
      const walltimeS = (performance.now() - t0) / 1000;
      const v = await validatePolicy(r.policy, o.objective, { kernels: o.valKernels });
      const k = Math.max(1, Math.floor(r.curve.length / 5));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const curve = updates.map((u) => u.meanReward);
      let episodesToThreshold: number | undefined;
      for (let i = 0; i < curve.length && episodesToThreshold === undefined; i++) {
        if (i >= 4 && mean(curve.slice(i - 4, i + 1)) >= THRESHOLD) episodesToThreshold = updates[i]!.episodes;
      }
      const relativeVariance = Object.fromEntries(VARIANCE_ESTIMATORS.map((e) => [e, mean(updates.map((u) => u.gradientVariance?.find((x) => x.estimator === e)?.relative ?? NaN).filter(Number.isFinite))]));
      const policyFile = join(o.outDir, 'policies', `${o.objective}-${optimizer}.json`);
      writeFileSync(policyFile, JSON.stringify(compactPolicyFile(r.file)) + '\n');
      const row: TrainRow = {
        optimizer, lr, validation: v.geomean, validationInvalid: v.invalid, firstReward: mean(r.curve.slice(0, k).map((e) => e.reward)), finalReward: mean(r.curve.slice(-k).map((e) => e.reward)),
        ...(episodesToThreshold !== undefined ? { episodesToThreshold } : {}), walltimeS, relativeVariance, curve, policyFile: relative(projectRoot(), policyFile),
      };
      rows.set(optimizer, row);
      res.train = o.optimizers.flatMap((x) => (rows.has(x) ? [rows.get(x)!] : []));
      log(`train ${optimizer.padEnd(8)} validation ${row.validation.toFixed(4)}  reward ${row.firstReward.toFixed(3)} → ${row.finalReward.toFixed(3)}  ${walltimeS.toFixed(0)} s`);
      save();
    };
    // Two trainings at once: each mostly waits on its kernels' builder processes.
    let next = 0;
    const worker = async () => {
      while (next < o.optimizers.length) await trainOne(o.optimizers[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(o.jobs, o.optimizers.length) }, worker));
    res.train = o.optimizers.map((x) => rows.get(x)!);
    const best = [...res.train].sort((a, b) => a.validation - b.validation)[0]!;
    res.selected = best.optimizer;
    if (o.commit) {
      const target = defaultPolicyPath(single(o.objective === 'size' ? 'size' : 'runtime'));
      mkdirSync(join(target, '..'), { recursive: true });
      const file = JSON.parse(readFileSync(resolve(projectRoot(), best.policyFile), 'utf8')) as PolicyFile;
      writeFileSync(target, JSON.stringify({ ...file, training: { ...(file.training as object), command: o.command, selectedBy: `lowest zero-shot geomean on val-0…${o.valKernels - 1} among ${o.optimizers.join(', ')}` } }) + '\n');
      log(`selected ${best.optimizer}: wrote ${target}`);
      if (o.objective === 'runtime') res.runtimePolicy = best.optimizer;
    }
    save();
  }

  if (o.stages.includes('heldout')) {
    res.heldout = [];
    const policies = (res.train ?? []).map((t) => ({ optimizer: t.optimizer, policy: Policy.load(resolve(projectRoot(), t.policyFile)) }));
    for (const uri of o.kernels) {
      const kernel = await loadKernel(uri);
      const ev = await Evaluator.create(kernel, { objective: 'size' });
      try {
        const oz = await ev.evaluate(levelRecipe('Oz'));
        const o3 = await ev.evaluate(levelRecipe('O3'));
        const vector = featureVector(moduleFeatures(kernel.bytes));
        for (const { optimizer, policy } of policies) {
          const ep = rollout(policy, vector, { rng: 'greedy' });
          const rec = await ev.evaluate(ep.recipe);
          res.heldout.push(rec.state === 'ok' && oz.state === 'ok' && o3.state === 'ok'
            ? { optimizer, kernel: kernel.name, steps: ep.steps, vsOz: rec.metrics.sizeBytes / oz.metrics.sizeBytes, vsO3: rec.metrics.sizeBytes / o3.metrics.sizeBytes }
            : { optimizer, kernel: kernel.name, steps: ep.steps, invalid: rec.state === 'invalid' ? `${rec.reason}: ${rec.detail}` : 'a baseline is invalid' });
        }
      } finally {
        ev.close();
      }
      log(`heldout ${kernel.name}`);
      save();
    }
  }

  if (o.stages.includes('variance')) {
    const selected = (res.train ?? []).find((t) => t.optimizer === res.selected);
    if (!selected) throw new WasmtuneError('E_USAGE', 'The variance stage needs the train stage first (a selected policy).');
    res.variance = await varianceByBatch(Policy.load(resolve(projectRoot(), selected.policyFile)), o.objective, { kernels: 4, batches: [4, 8, 16, 32], seed: o.seed });
    log('variance done');
    save();
  }

  if (o.stages.includes('search')) {
    res.search = [];
    const jobs: Array<{ uri: string; agent: string; seed: number }> = [];
    for (const uri of o.kernels) for (const agent of ['policy-search', 'random']) for (let s = 1; s <= o.seeds; s++) jobs.push({ uri, agent, seed: s });
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const kernel = await loadKernel(job.uri);
        const r = await tune(kernel, { agent: getAgent(job.agent), agentOptions: { ...getAgent(job.agent).defaults }, budget: { evaluations: o.budget }, objective: single('size'), seed: job.seed, measureRuntime: false });
        const oz = r.report.baselines.Oz;
        const ozSize = oz && 'sizeBytes' in oz ? oz.sizeBytes : NaN;
        const best: Record<string, number | null> = {};
        for (const k of BUDGETS.filter((b) => b <= o.budget)) {
          const sizes = r.records.slice(0, k).flatMap((x) => (x.state === 'ok' ? [x.metrics.sizeBytes] : []));
          best[k] = sizes.length ? Math.min(...sizes) / ozSize : null;
        }
        res.search!.push({ agent: job.agent, kernel: kernel.name, seed: job.seed, best });
        log(`search ${kernel.name} ${job.agent} seed ${job.seed}: ${Object.entries(best).map(([k, v]) => `${k}: ${v?.toFixed(4) ?? '-'}`).join('  ')}`);
        save();
      }
    };
    await Promise.all(Array.from({ length: o.jobs }, worker));
  }

  if (o.stages.includes('runtime')) {
    res.runtime = [];
    const path = defaultPolicyPath(single('runtime'));
    const policy = Policy.load(path);
    for (const uri of o.kernels) {
      const kernel = await loadKernel(uri);
      const ev = await Evaluator.create(kernel, { objective: 'runtime' });
      try {
        const o3 = await ev.builder.build(kernel.bytes, levelRecipe('O3'), ev.features);
        if (o3.state !== 'built' || !o3.valid) throw new Error('-O3 failed');
        await ev.setRuntimeBaseline(o3.bytes);
        const oz = await ev.evaluate(levelRecipe('Oz'));
        const ep = rollout(policy, featureVector(moduleFeatures(kernel.bytes)), { rng: 'greedy' });
        const rec = await ev.evaluate(ep.recipe);
        if (rec.state !== 'ok') {
          res.runtime.push({ kernel: kernel.name, steps: ep.steps, invalid: `${rec.reason}: ${rec.detail}` });
        } else {
          const bytes = ev.bytesOf(rec.hash)!;
          const same = Buffer.from(bytes).equals(Buffer.from(o3.bytes));
          const m = same ? { median: 1, low: 1, high: 1 } : await ev.measure(o3.bytes, bytes, FINAL);
          res.runtime.push({
            kernel: kernel.name, steps: ep.steps, ...(typeof m === 'string' ? { invalid: m } : { vsO3: { median: m.median, low: m.low, high: m.high } }),
            ...(oz.state === 'ok' ? { sizeVsOz: rec.metrics.sizeBytes / oz.metrics.sizeBytes } : {}),
          });
        }
      } finally {
        ev.close();
      }
      log(`runtime ${kernel.name}`);
      save();
    }
  }
  save();
  return res;
}

// ── rendering ────────────────────────────────────────────────────────────────────────────────────────

const f = (x: number | undefined | null, d = 4) => (x === undefined || x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));

export function renderMarkdown(r: PolicyBenchResults): string {
  const s = r.settings;
  const L: string[] = ['# The learned policy: training, zero-shot and policy-guided search', '', `Command: \`${r.command ?? 'npm run bench:policy'}\`${r.commit ? ` (last stage at commit ${r.commit})` : ''}`, ''];
  L.push(`Objective ${r.objective}; training: ${s.episodes} episodes, batch ${s.batch}, generated kernels train-0…${s.trainKernels - 1}, seed ${s.seed}; validation: val-0…${s.valKernels - 1}; the suite is held out (never trained on, never used to select).`, '');
  if (r.train?.length) {
    const unit = r.objective === 'size' ? '× -Oz' : '× -O3';
    L.push('## Training, per optimizer (same seed, kernels and episodes)', '');
    L.push(`| optimizer | step size | validation zero-shot (${unit}) | reward first → last fifth | episodes to reward ≥ ${s.threshold} (5-update mean) | wall time ÷ fastest | relative gradient variance: ${VARIANCE_ESTIMATORS.join(' / ')} |`, '|---|---|---|---|---|---|---|');
    const fastest = Math.min(...r.train.map((t) => t.walltimeS));
    for (const t of r.train) {
      L.push(`| ${t.optimizer}${t.optimizer === r.selected ? ' (selected)' : ''} | ${t.lr} | ${f(t.validation)}${t.validationInvalid ? ` (${t.validationInvalid} invalid)` : ''} | ${f(t.firstReward, 3)} → ${f(t.finalReward, 3)} | ${t.episodesToThreshold ?? 'not reached'} | ${f(t.walltimeS / fastest, 2)} | ${VARIANCE_ESTIMATORS.map((e) => f(t.relativeVariance[e], 2)).join(' / ')} |`);
    }
    L.push('', 'Relative gradient variance is tr Cov(ḡ) / ‖ḡ‖² of the batch estimate, averaged over updates, for the same episodes under each estimator (plain REINFORCE, REINFORCE with the learned baseline, GAE at λ = 0, 0.5, 0.95); about 1 or more means the noise is as large as the estimate itself.', '');
    L.push('### Training curves (mean reward per update)', '');
    const width = Math.max(...r.train.map((t) => t.curve.length));
    const every = Math.max(1, Math.ceil(width / 12));
    L.push(`| update | ${r.train.map((t) => t.optimizer).join(' | ')} |`, `|---|${r.train.map(() => '---').join('|')}|`);
    for (let i = 0; i < width; i += every) {
      L.push(`| ${i + 1} | ${r.train.map((t) => { const w = t.curve.slice(Math.max(0, i - every + 1), i + 1); return w.length ? f(w.reduce((a, b) => a + b, 0) / w.length, 3) : '–'; }).join(' | ')} |`);
    }
    L.push('', `(each cell: mean over the ${every} updates ending there)`, '');
  }
  if (r.heldout?.length) {
    L.push('## Zero-shot on the held-out suite (size)', '');
    const opts = [...new Set(r.heldout.map((h) => h.optimizer))];
    L.push('| policy | geomean × -Oz | geomean × -O3 | kernels smaller than -Oz | invalid |', '|---|---|---|---|---|');
    for (const opt of opts) {
      const rows = r.heldout.filter((h) => h.optimizer === opt);
      const ok = rows.filter((h) => h.vsOz !== undefined);
      L.push(`| ${opt}${opt === r.selected ? ' (selected)' : ''} | ${f(geomean(ok.map((h) => h.vsOz!)))} | ${f(geomean(ok.map((h) => h.vsO3!)))} | ${ok.filter((h) => h.vsOz! < 1).length} of ${rows.length} | ${rows.length - ok.length} |`);
    }
    if (r.selected) {
      L.push('', `Per kernel, the selected policy (${r.selected}):`, '', '| kernel | greedy recipe | × -Oz | × -O3 |', '|---|---|---|---|');
      for (const h of r.heldout.filter((x) => x.optimizer === r.selected)) L.push(`| ${h.kernel} | \`${h.steps.join(' ') || '(nothing)'}\` | ${h.invalid ? `invalid: ${h.invalid.slice(0, 60)}` : f(h.vsOz)} | ${f(h.vsO3)} |`);
    }
    L.push('');
  }
  if (r.variance?.length) {
    L.push('## Noise of the gradient estimate against batch size', '');
    L.push(`The selected policy (${r.selected}), fresh episodes on val-0…3; each cell is tr Cov(ḡ) of the batch estimate (geometric mean over the kernels) and, in brackets, the relative variance tr Cov(ḡ) / ‖ḡ‖².`, '');
    const batches = [...new Set(r.variance.map((v) => v.episodes))].sort((a, b) => a - b);
    L.push(`| estimator | ${batches.map((b) => `B = ${b}`).join(' | ')} |`, `|---|${batches.map(() => '---').join('|')}|`);
    for (const e of VARIANCE_ESTIMATORS) {
      const cell = (b: number) => {
        const xs = r.variance!.filter((v) => v.estimator === e && v.episodes === b);
        return `${geomean(xs.map((v) => v.batch)).toExponential(2)} (${f(geomean(xs.map((v) => v.relative)), 2)})`;
      };
      L.push(`| ${e} | ${batches.map(cell).join(' | ')} |`);
    }
    L.push('');
  }
  if (r.search?.length) {
    L.push('## policy-search against random search (size, held-out suite)', '');
    L.push(`Best size found within the first k evaluations ÷ -Oz, geometric mean over kernels and ${s.seeds} seed(s); per seed in brackets.`, '');
    L.push(`| agent | ${s.budgets.map((b) => `k = ${b}`).join(' | ')} |`, `|---|${s.budgets.map(() => '---').join('|')}|`);
    for (const agent of ['policy-search', 'random']) {
      const rows = r.search.filter((x) => x.agent === agent);
      const cell = (k: number) => {
        const all = rows.map((x) => x.best[k]).filter((v): v is number => typeof v === 'number');
        const seeds = [...new Set(rows.map((x) => x.seed))].map((sd) => geomean(rows.filter((x) => x.seed === sd).map((x) => x.best[k]).filter((v): v is number => typeof v === 'number')));
        return `${f(geomean(all))} [${seeds.map((v) => f(v)).join(', ')}]`;
      };
      L.push(`| ${agent} | ${s.budgets.map(cell).join(' | ')} |`);
    }
    L.push('', '| kernel | ' + s.budgets.map((b) => `policy-search / random, k = ${b}`).join(' | ') + ' |', `|---|${s.budgets.map(() => '---').join('|')}|`);
    for (const kernel of [...new Set(r.search.map((x) => x.kernel))]) {
      const g = (agent: string, k: number) => geomean(r.search!.filter((x) => x.kernel === kernel && x.agent === agent).map((x) => x.best[k]).filter((v): v is number => typeof v === 'number'));
      L.push(`| ${kernel} | ${s.budgets.map((k) => `${f(g('policy-search', k))} / ${f(g('random', k))}`).join(' | ')} |`);
    }
    L.push('');
  }
  if (r.runtime?.length) {
    L.push('## Zero-shot runtime policy on the held-out suite', '');
    L.push('Greedy recipe of the committed runtime policy against -O3, measured interleaved (median of the per-round ratios, 95 % CI); below 1 is faster.', '');
    L.push('| kernel | greedy recipe | runtime × -O3 [95 % CI] | size × -Oz |', '|---|---|---|---|');
    for (const x of r.runtime) L.push(`| ${x.kernel} | \`${x.steps.join(' ') || '(nothing)'}\` | ${x.vsO3 ? `${f(x.vsO3.median, 3)} [${f(x.vsO3.low, 3)}, ${f(x.vsO3.high, 3)}]` : `invalid: ${x.invalid}`} | ${f(x.sizeVsOz)} |`);
    const ok = r.runtime.filter((x) => x.vsO3);
    L.push('', `Geometric mean × -O3: ${f(geomean(ok.map((x) => x.vsO3!.median)), 3)}; faster with 95 % confidence on ${ok.filter((x) => x.vsO3!.high < 1).length} of ${r.runtime.length} kernels, slower with 95 % confidence on ${ok.filter((x) => x.vsO3!.low > 1).length}.`, '');
  }
  return L.join('\n');
}

// ── command line ─────────────────────────────────────────────────────────────────────────────────────

function parseOptions(argv: string[]): PolicyBenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        stage: { type: 'string', default: STAGES.join(',') }, objective: { type: 'string', default: 'size' }, episodes: { type: 'string', default: '480' },
        batch: { type: 'string', default: '8' }, 'train-kernels': { type: 'string', default: '24' }, 'val-kernels': { type: 'string', default: '8' },
        seed: { type: 'string', default: '1' }, optimizers: { type: 'string', default: Object.keys(BENCH_LR).join(',') }, kernels: { type: 'string', default: 'suite' },
        seeds: { type: 'string', default: '2' }, budget: { type: 'string', default: '200' }, jobs: { type: 'string', default: '2' }, out: { type: 'string' }, 'no-commit': { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (e) {
    throw new WasmtuneError('E_USAGE', messageOf(e));
  }
  const { values } = parsed;
  const stages = values.stage.split(',').filter(Boolean);
  for (const st of stages) if (!(STAGES as readonly string[]).includes(st)) throw new WasmtuneError('E_USAGE', `Unknown stage '${st}': ${STAGES.join(', ')}.`);
  if (values.objective !== 'size' && values.objective !== 'runtime') throw new WasmtuneError('E_USAGE', `--objective must be size or runtime.`);
  const int = (t: string, flag: string) => {
    const n = Number(t);
    if (!Number.isInteger(n) || n < 1) throw new WasmtuneError('E_USAGE', `${flag} must be a whole number ≥ 1, got '${t}'.`);
    return n;
  };
  const kernels = values.kernels === 'suite' ? listSuite() : values.kernels.split(',').map((k) => (k.includes('://') ? k : `kernel://wasmtune-v0/${k}`));
  return {
    stages: stages as Stage[], objective: values.objective, episodes: int(values.episodes, '--episodes'), batch: int(values.batch, '--batch'),
    trainKernels: int(values['train-kernels'], '--train-kernels'), valKernels: int(values['val-kernels'], '--val-kernels'), seed: int(values.seed, '--seed'),
    optimizers: values.optimizers.split(',').filter(Boolean), kernels, seeds: int(values.seeds, '--seeds'), budget: int(values.budget, '--budget'), jobs: int(values.jobs, '--jobs'),
    outDir: resolve(values.out ?? join(projectRoot(), 'bench', 'policy', values.objective)), commit: !values['no-commit'],
  };
}

async function cli(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  const res = await runPolicyBench({ ...opts, command: `npm run bench:policy${argv.length ? ` -- ${argv.join(' ')}` : ''}`, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`wrote ${join(opts.outDir, 'policy-results.md')} (${[res.train && 'train', res.heldout && 'heldout', res.search && 'search', res.runtime && 'runtime'].filter(Boolean).join(', ')})\n`);
  return 0;
}

await benchMain(import.meta.url, 'bench:policy', cli);
