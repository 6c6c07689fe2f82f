import { join, resolve } from 'node:path';
import { WasmtuneError, didYouMean } from '../../errors.js';
import { TASKS, type Task, type TaskName } from '../../leaderboard/tasks.js';
import type { QueueOptions } from '../../queue/collect.js';
import { defineCommand, type Io } from '../command.js';
import { DB, JSON_OUTPUT, QUIET } from '../options.js';

const TASK_NAMES = Object.keys(TASKS) as TaskName[];

export const leaderboard = defineCommand({
  summary: 'run agents × kernels × seeds on a task, replay every result, write the tables',
  usage: ['[options]'],
  positionals: [],
  options: {
    task: { type: 'string', value: '<name>', default: TASK_NAMES[0]!, description: `the task: ${TASK_NAMES.join(' | ')}; it fixes kernels, budget, seeds and baseline` },
    agents: { type: 'string', value: '<a,b,…|all>', default: 'all', description: 'the agents to compare (all: every agent but the learned ones, which need a trained file)' },
    kernels: { type: 'string', value: '<suite|a,b,…>', description: "kernels instead of the task's (makes a custom task)" },
    budget: { type: 'string', value: '<N>', description: "evaluations per run instead of the task's (makes a custom task)" },
    seeds: { type: 'string', value: '<K>', description: "seeds 1 … K instead of the task's (makes a custom task)" },
    objective: { type: 'string', value: '<metric>', description: "runtime | size | gzip | brotli instead of the task's (makes a custom task)" },
    jobs: { type: 'string', value: '<N>', default: '1', description: 'kernel × agent groups tuned at once' },
    resume: { type: 'boolean', description: 'keep the rows already in results.jsonl and run only the missing ones' },
    out: { type: 'string', short: 'o', value: '<dir>', description: 'where results.jsonl, table.md and table.json go (default wasmtune-out/leaderboard/<task>)' },
    queue: { type: 'string', value: 'redis://host:6379', description: "run each (kernel, agent, seed) as a job for 'wasmtune worker's" },
    db: DB,
    json: JSON_OUTPUT,
    quiet: QUIET,
  },
  notes: ["Each run is recorded in the results database with its evaluations, and the collected rows too; runs share the database's module cache."],
  async run({ values, argv, io }) {
    const { parseObjective, single, singleMetric, METRIC_BASELINE } = await import('../../evaluate/objective.js');
    const { parseBudget } = await import('../../search/tune.js');
    const { listSuite } = await import('../../kernels/index.js');
    const { SEARCH_AGENTS } = await import('../../../agents/registry.js');
    const { numberFlag, isWhole } = await import('../values.js');
    if (!Object.hasOwn(TASKS, values.task)) throw new WasmtuneError('E_USAGE', `Unknown task '${values.task}'.${didYouMean(values.task, TASK_NAMES)} Tasks: ${TASK_NAMES.join(', ')}.`);
    let task: Task = TASKS[values.task as TaskName];
    const agents = !values.agents || values.agents === 'all' ? [...SEARCH_AGENTS] : values.agents.split(',').filter(Boolean);
    if (values.kernels !== undefined || values.budget !== undefined || values.seeds !== undefined || values.objective !== undefined) {
      const objective = values.objective ? parseObjective(values.objective) : single(task.objective);
      const metric = singleMetric(objective);
      if (!metric || objective.pareto) throw new WasmtuneError('E_USAGE', 'A leaderboard ranks one metric: --objective runtime|size|gzip|brotli.');
      const budget = values.budget ? parseBudget(values.budget).evaluations : task.budget;
      if (!budget) throw new WasmtuneError('E_USAGE', 'A leaderboard budget is a number of evaluations, so every agent gets the same.');
      const k = numberFlag(values.seeds, '--seeds', task.seeds.length, isWhole(1), 'a positive whole number');
      const kernels = !values.kernels ? task.kernels : values.kernels === 'suite' ? listSuite() : values.kernels.split(',').filter(Boolean);
      task = { name: `custom-${metric}`, description: `${metric}, custom kernels and budget`, objective: metric, budget, seeds: Array.from({ length: k }, (_, i) => i + 1), kernels, baseline: METRIC_BASELINE[metric] };
    }
    const jobs = numberFlag(values.jobs, '--jobs', 1, isWhole(1), 'a positive whole number');
    const outDir = resolve(values.out ?? join('wasmtune-out', 'leaderboard', task.name));
    const { dbFile } = await import('../db.js');
    const { runLeaderboard } = await import('../../leaderboard/run.js');
    const { renderMarkdown } = await import('../../leaderboard/render.js');
    const db = dbFile(values);
    const queue = values.queue ? await queueOptions(values.queue, io, values.quiet) : undefined;
    const total = task.kernels.length * agents.length * task.seeds.length;
    let n = 0;
    const { summary } = await runLeaderboard({
      task, agents, outDir, jobs, resume: values.resume, command: `wasmtune ${argv.join(' ')}`, db, ...(queue ? { queue } : {}),
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
  },
});

/** The queue a leaderboard runs on, with progress lines on stderr as workers report. */
async function queueOptions(url: string, io: Io, quiet: boolean): Promise<QueueOptions> {
  const { checkRedisUrl } = await import('../../queue/connection.js');
  checkRedisUrl(url);
  return {
    url,
    onEnqueued: (run, jobs) => io.stderr(`queue: ${jobs} jobs of run ${run} on ${url}; start workers with 'wasmtune worker --queue ${url}'\n`),
    onProgress: ({ kernel, agent, seed, progress: p }) => {
      if (!quiet) io.stderr(`  ${kernel} ${agent} seed ${seed} on ${p.worker}: ${p.phase} ${p.evaluations}/${p.budget}\n`);
    },
  };
}
