/**
 * Throughput benchmark (`npm run bench:throughput`): how many candidates a search can afford, and how
 * long fixed tunes take, with the evaluation pipeline of this version against the path before it, in one
 * run on one machine.
 *
 * Configurations, each a full `tune` of the same module, seed and budget:
 * - `before`: one job, no CPU-time limits (only the builder's fixed 120 s deadline), no prefix cache, and
 *   the sweep's climb one mutation at a time: the evaluation path before the pipeline existed;
 * - `after, 1 job` and `after, 2 jobs`: the defaults (limits at 10 × -O3's CPU time with a 2 s floor,
 *   the prefix cache, the sweep's climb `neighbours` at a time), with one and two jobs.
 * Per module the configurations run one after the other (before first), so they see the same machine.
 *
 * Tunes: size (sweep, budget 150, seed 1, no final runtime measurement) and runtime (random, budget 60,
 * seed 1). Each row: wall time of the whole tune, search time, evaluations per second of search, the
 * best result, too-slow candidates, prefix-cache hits, and the share of the search's evaluation time
 * taken by its slowest 5 % of candidates (the time of a candidate: its build, validation and timing).
 *
 *   node dist/bench/throughput.js [--modules json-O0,lzss-O0@before+after-2,…] [--runtime-modules …]
 *     [--large-modules sqljs] [--size-budget 150] [--runtime-budget 60] [--large-budget 20]
 *     [--configs before,after-1,after-2] [--out bench/throughput-results]
 *     [--expensive "raytrace:flatten coalesce-locals-learning -O3;…"] [--append]
 * (`module@a+b`: only those configurations for that module; `--expensive`: recipes evaluated once each,
 * without limits and with the default ones, to show what a stopped candidate costs.)
 */
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadKernel, projectRoot, type Kernel } from '../src/kernels/index.js';
import { Evaluator, type CostLimitSettings } from '../src/evaluate/evaluator.js';
import { tune } from '../src/search/tune.js';
import { DEFAULT_KNOBS, levelRecipe } from '../src/recipe/recipe.js';
import { getAgent } from '../agents/registry.js';
import type { EvalRecord, TuneReport } from '../src/types.js';
import { commit, machine } from '../src/measure/provenance.js';
import { WasmtuneError } from '../src/errors.js';
import { benchMain } from './run-info.js';

/** The modules the benchmark knows: suite kernels by name, modules under bench/modules by `<dir>-<build>`. */
function moduleSpec(name: string): { module: string; harness?: string } {
  if (name === 'sqljs') return { module: join(projectRoot(), 'bench/modules/sqljs/module.wasm'), harness: join(projectRoot(), 'bench/modules/sqljs/harness.mjs') };
  if (!name.includes('-') && !name.includes('/')) return { module: `kernel://wasmtune-v0/${name}` };
  const m = /^([a-z0-9]+)-(O[0-3sz])$/.exec(name);
  if (!m) throw new WasmtuneError('E_USAGE', `Unknown module '${name}': a suite kernel (crc32), <program>-<O0|O1> of bench/modules, or sqljs.`);
  const dir = join(projectRoot(), 'bench/modules', m[1]!);
  const harnesses = ['harness.json', 'harness.mjs'].map((h) => join(dir, h));
  return { module: join(dir, `${m[1]}-${m[2]}.wasm`), harness: harnesses.find((h) => existsSync(h))! };
}

interface Config {
  name: 'before' | 'after-1' | 'after-2';
  jobs: number;
  costLimit: CostLimitSettings | false | undefined;
  prefixCacheBytes: number | undefined;
  /** Sweep options that differ from the defaults. */
  sweep: Record<string, number>;
}

const CONFIGS: Record<Config['name'], Config> = {
  before: { name: 'before', jobs: 1, costLimit: false, prefixCacheBytes: 0, sweep: { neighbours: 1 } },
  'after-1': { name: 'after-1', jobs: 1, costLimit: undefined, prefixCacheBytes: undefined, sweep: {} },
  'after-2': { name: 'after-2', jobs: 2, costLimit: undefined, prefixCacheBytes: undefined, sweep: {} },
};

interface Row {
  module: string;
  moduleBytes: number;
  objective: 'size' | 'runtime';
  agent: string;
  budget: number;
  config: Config['name'];
  jobs: number;
  wallS: number;
  searchS: number;
  evaluations: number;
  evalsPerS: number;
  /** Best size (size) or quick-then-final runtime ratio to -O3 (runtime). */
  best: number;
  bestVsBaseline: number;
  tooSlow: number;
  invalid: number;
  cacheHits: number;
  prefixHits: number;
  stepsSaved: number;
  slowest5Share: number;
  /** The slowest candidate's time, s. */
  slowestS: number;
  limits?: { buildCpuMs: number; validateCpuMs: number };
}

const costOf = (r: EvalRecord) => (r.buildMs ?? 0) + (r.validateMs ?? 0) + (r.timeMs ?? 0);

/** Share of the total candidate time taken by the slowest 5 % of candidates (at least one). */
export function slowestShare(records: readonly EvalRecord[]): number {
  const costs = records.map(costOf).sort((a, b) => b - a);
  const total = costs.reduce((s, x) => s + x, 0);
  if (!total) return 0;
  const n = Math.max(1, Math.ceil(costs.length * 0.05));
  return costs.slice(0, n).reduce((s, x) => s + x, 0) / total;
}

async function runOne(kernel: Kernel, name: string, objective: 'size' | 'runtime', budget: number, config: Config): Promise<Row> {
  const agentName = objective === 'size' ? 'sweep' : 'random';
  const agent = getAgent(agentName);
  const ev = await Evaluator.create(kernel, { objective, jobs: config.jobs, ...(config.prefixCacheBytes !== undefined ? { prefixCacheBytes: config.prefixCacheBytes } : {}) });
  const t0 = performance.now();
  let report: TuneReport;
  let records: EvalRecord[];
  try {
    ({ report, records } = await tune(kernel, {
      agent, agentOptions: { ...agent.defaults, ...(agentName === 'sweep' ? config.sweep : {}) }, budget: { evaluations: budget }, objective, seed: 1, contenders: [],
      measureRuntime: objective === 'runtime', ...(config.costLimit !== undefined ? { costLimit: config.costLimit } : {}),
    }, ev));
  } finally {
    ev.close();
  }
  const wallS = (performance.now() - t0) / 1000;
  const searchS = report.time!.searchMs / 1000;
  return {
    module: name, moduleBytes: kernel.bytes.length, objective, agent: agentName, budget, config: config.name, jobs: config.jobs,
    wallS, searchS, evaluations: report.evaluations, evalsPerS: report.evaluations / Math.max(searchS, 1e-9),
    best: objective === 'size' ? report.best.sizeBytes : report.best.scoreVsBaseline, bestVsBaseline: report.best.scoreVsBaseline,
    tooSlow: report.invalid.byReason['too-slow'] ?? 0, invalid: report.invalid.total, cacheHits: report.cacheHits,
    prefixHits: report.pipeline?.prefixHits ?? 0, stepsSaved: report.pipeline?.stepsSaved ?? 0,
    slowest5Share: slowestShare(records), slowestS: Math.max(0, ...records.map(costOf)) / 1000,
    ...(report.pipeline?.limits ? { limits: report.pipeline.limits } : {}),
  };
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');

/** One expensive recipe evaluated alone, without or with the default limits. */
interface Expensive {
  module: string;
  recipe: string;
  limits: boolean;
  o3BuildCpuMs: number;
  state: string;
  costS: number;
}

function markdown(rows: Row[], meta: Record<string, unknown>, expensive: readonly Expensive[] = []): string {
  const out: string[] = [];
  out.push('# Throughput: the evaluation pipeline before and after', '');
  out.push(`Command: \`${meta.command}\``, '');
  out.push(`Commit ${meta.commit}; ${meta.machine}; Node ${meta.node}; ${meta.startedAt} → ${meta.finishedAt}; load average at start ${meta.loadStart}, at end ${meta.loadEnd}.`, '');
  out.push('`before`: 1 job, no CPU-time limits, no prefix cache, sweep climbing one mutation at a time. `after-N`: the defaults with N jobs.', '');
  out.push('Slowest 5 %: share of the search\'s candidate time (build + validation + timing) taken by its slowest 5 % of candidates.', '');
  for (const objective of ['size', 'runtime'] as const) {
    const rs = rows.filter((r) => r.objective === objective);
    if (!rs.length) continue;
    out.push(`## ${objective === 'size' ? 'Size: sweep' : 'Runtime: random'}, budget ${rs[0]!.budget}, seed 1`, '');
    out.push('| module | bytes | config | wall s | search s | eval/s | best | vs ' + (objective === 'size' ? '-Oz' : '-O3') + ' | too-slow | invalid | cache hits | prefix hits | slowest 5 % | slowest s |');
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rs) {
      out.push(`| ${r.module} | ${r.moduleBytes} | ${r.config} | ${f(r.wallS)} | ${f(r.searchS)} | ${f(r.evalsPerS)} | ${objective === 'size' ? r.best : f(r.best, 3)} | ${f(r.bestVsBaseline, 3)} | ${r.tooSlow} | ${r.invalid} | ${r.cacheHits} | ${r.prefixHits} | ${f(100 * r.slowest5Share, 0)} % | ${f(r.slowestS)} |`);
    }
    out.push('');
    out.push('| module | before ÷ after-2 (wall) | after-1 ÷ after-2 (wall) | after-2 best vs before best |');
    out.push('|---|---|---|---|');
    for (const m of [...new Set(rs.map((r) => r.module))]) {
      const by = (c: Config['name']) => rs.find((r) => r.module === m && r.config === c);
      const b = by('before');
      const a1 = by('after-1');
      const a2 = by('after-2');
      const ratio = (x?: Row, y?: Row) => (x && y ? `${f(x.wallS / y.wallS, 2)} ×` : '–');
      const quality = b && a2 ? (objective === 'size' ? `${a2.best} vs ${b.best} B` : `${f(a2.bestVsBaseline, 3)} vs ${f(b.bestVsBaseline, 3)}`) : '–';
      out.push(`| ${m} | ${ratio(b, a2)} | ${ratio(a1, a2)} | ${quality} |`);
    }
    out.push('');
  }
  if (expensive.length) {
    out.push('## Expensive recipes, one evaluation each (size objective)', '');
    out.push('| module | recipe | -O3 build CPU ms | limits | verdict | time s |');
    out.push('|---|---|---|---|---|---|');
    for (const e of expensive) out.push(`| ${e.module} | \`${e.recipe}\` | ${f(e.o3BuildCpuMs, 0)} | ${e.limits ? 'default' : 'none'} | ${e.state} | ${f(e.costS, 2)} |`);
    out.push('');
  }
  return out.join('\n');
}

await benchMain(import.meta.url, 'bench:throughput', async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      modules: { type: 'string', default: 'crc32,raytrace,json-O0,json-O1,lzss-O0,regex-O1' },
      'runtime-modules': { type: 'string', default: 'json-O0,lzss-O1' },
      'large-modules': { type: 'string', default: 'sqljs' },
      'large-budget': { type: 'string', default: '20' },
      'size-budget': { type: 'string', default: '150' },
      'runtime-budget': { type: 'string', default: '60' },
      configs: { type: 'string', default: 'before,after-1,after-2' },
      out: { type: 'string', default: 'bench/throughput-results' },
      /** Keep the rows already in the output file (a run continued in parts) and add these. */
      append: { type: 'boolean', default: false },
      /** `kernel:step step …;…`: recipes evaluated alone, without and with the default limits. */
      expensive: { type: 'string', default: '' },
    },
  });
  const configs = values.configs!.split(',').filter(Boolean).map((c) => {
    const cfg = CONFIGS[c as Config['name']];
    if (!cfg) throw new WasmtuneError('E_USAGE', `--configs takes ${Object.keys(CONFIGS).join(', ')}, not '${c}'.`);
    return cfg;
  });
  // `name` runs every configuration of --configs; `name@before+after-2` only those.
  const list = (s: string | undefined) =>
    (s ?? '').split(',').filter(Boolean).map((item) => {
      const [name, only] = item.split('@') as [string, string | undefined];
      return { name, configs: only ? configs.filter((c) => only.split('+').includes(c.name)) : configs };
    });
  const plan: Array<{ name: string; configs: Config[]; objective: 'size' | 'runtime'; budget: number }> = [
    ...list(values.modules).map((m) => ({ ...m, objective: 'size' as const, budget: Number(values['size-budget']) })),
    ...list(values['large-modules']).map((m) => ({ ...m, objective: 'size' as const, budget: Number(values['large-budget']) })),
    ...list(values['runtime-modules']).map((m) => ({ ...m, objective: 'runtime' as const, budget: Number(values['runtime-budget']) })),
  ];
  const startedAt = new Date().toISOString();
  const loadStart = loadavg().map((x) => x.toFixed(2)).join(' ');
  const outBase = values.out!;
  const earlier = values.append && existsSync(`${outBase}.json`) ? (JSON.parse(fs.readFileSync(`${outBase}.json`, 'utf8')) as { rows: Row[]; expensive?: Expensive[]; command: string; startedAt: string }) : undefined;
  const rows: Row[] = earlier ? [...earlier.rows] : [];
  const expensive: Expensive[] = earlier?.expensive ? [...earlier.expensive] : [];
  const command = [earlier?.command, `npm run bench:throughput -- ${argv.join(' ')}`.trim()].filter(Boolean).join(' && ');
  const write = (finishedAt?: string) => {
    const meta = { command, commit: commit([`${outBase}.json`, `${outBase}.md`]), machine: machine(), node: process.version, startedAt: earlier?.startedAt ?? startedAt, finishedAt: finishedAt ?? '(running)', loadStart, loadEnd: loadavg().map((x) => x.toFixed(2)).join(' ') };
    writeFileSync(`${outBase}.json`, JSON.stringify({ format: 'wasmtune-bench-throughput-v1', ...meta, rows, expensive }, null, 2) + '\n');
    writeFileSync(`${outBase}.md`, markdown(rows, meta, expensive) + '\n');
  };
  for (const item of plan) {
    const spec = moduleSpec(item.name);
    const kernel = await loadKernel(spec.module, spec.harness);
    for (const config of item.configs) {
      const row = await runOne(kernel, item.name, item.objective, item.budget, config);
      rows.push(row);
      process.stdout.write(`${item.name} ${item.objective} ${config.name}: wall ${f(row.wallS)} s, search ${f(row.searchS)} s, ${f(row.evalsPerS)} eval/s, best ${item.objective === 'size' ? row.best : f(row.best, 3)}, too-slow ${row.tooSlow}, slowest 5 % ${f(100 * row.slowest5Share, 0)} %\n`);
      write();
    }
  }
  // Expensive recipes, one evaluation each: what a candidate costs without limits and with them.
  for (const item of (values.expensive ?? '').split(';').filter(Boolean)) {
    const at = item.indexOf(':');
    const name = item.slice(0, at);
    const steps = item.slice(at + 1);
    const spec = moduleSpec(name);
    const kernel = await loadKernel(spec.module, spec.harness);
    const recipe = { knobs: { ...DEFAULT_KNOBS }, passes: steps.trim().split(/\s+/) };
    for (const limited of [false, true]) {
      const ev = await Evaluator.create(kernel, { objective: 'size', prefixCacheBytes: 0 });
      try {
        const o3 = await ev.builder.build(kernel.bytes, levelRecipe('O3'), ev.features);
        const validateCpuMs = (await ev.setRuntimeBaseline(o3.state === 'built' ? o3.bytes : kernel.bytes)) ?? 0;
        if (limited && o3.cpuMs !== undefined) ev.setCostLimits({ buildCpuMs: o3.cpuMs, validateCpuMs });
        const rec = await ev.evaluate(recipe);
        expensive.push({ module: name, recipe: steps.trim(), limits: limited, o3BuildCpuMs: o3.cpuMs ?? NaN, state: rec.state === 'ok' ? 'ok' : rec.reason, costS: costOf(rec) / 1000 });
        process.stdout.write(`${name} [${steps.trim()}] ${limited ? 'with limits' : 'no limits'}: ${rec.state === 'ok' ? 'ok' : rec.reason} in ${f(costOf(rec) / 1000, 2)} s\n`);
      } finally {
        ev.close();
      }
      write();
    }
  }
  write(new Date().toISOString());
  return 0;
});
