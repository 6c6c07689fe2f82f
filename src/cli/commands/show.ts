import type { EvalRecord, TuneReport } from '../../types.js';
import { defineCommand } from '../command.js';
import { DB, JSON_OUTPUT } from '../options.js';

export const show = defineCommand({
  summary: 'one run: options, progress, invalid candidates by reason, where the time went, best',
  positionals: [{ name: '<run>', description: "a run id ('wasmtune runs' lists them)" }],
  options: { db: DB, json: JSON_OUTPUT },
  async run({ values, positionals, io }) {
    const { ResultsDb } = await import('../../db/index.js');
    const { describeRecipe } = await import('../../recipe/recipe.js');
    const { originName } = await import('../../search/contenders.js');
    const { dbFile, parseRunId } = await import('../db.js');
    const { budgetText, costShares, durationText, statusText, timeText } = await import('../format.js');
    const id = parseRunId(positionals[0], 'show');
    const db = ResultsDb.open(dbFile(values), { mustExist: true });
    try {
      const r = db.run(id);
      const records = db.evaluations(id);
      if (values.json) {
        io.stdout(JSON.stringify({ ...r, records }, null, 2) + '\n');
        return 0;
      }
      const reasons = new Map<string, number>();
      for (const e of records) if (e.state === 'invalid') reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
      const line = (k: string, v: string) => io.stdout(`${k.padEnd(12)}${v}\n`);
      line('run', `${r.id} (${statusText(r)}) in ${db.file}`);
      line('kernel', `${r.kernel.uri} (module ${r.kernel.moduleHash}${r.kernel.harnessHash ? `, harness ${r.kernel.harnessHash}` : ', no harness'})`);
      line('agent', `${r.agent} ${JSON.stringify(r.agentOptions)}, seed ${r.seed}`);
      line('objective', `${r.objective}, budget ${budgetText(r.budget)}`);
      const lb = r.leaderboard;
      if (lb) line('leaderboard', `${lb.task} in ${lb.dir}${lb.jobId ? `, job ${lb.jobId} on worker ${lb.worker ?? '?'}` : ''}`);
      line('machine', `${r.host ?? '?'} (fingerprint ${r.fingerprint ?? '?'}), process ${r.pid ?? '?'}`);
      line('times', `started ${r.startedAt}, last commit ${r.updatedAt}`);
      // `cached`: answered without validation (the report's cacheHits counts the same records).
      line('evaluated', `${records.length} (${records.filter((e) => e.cached).length} cache hits), ${r.invalid} invalid${reasons.size ? ` (${[...reasons].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
      if (r.interrupted) line('interrupted', `by ${r.interrupted.signal} after ${r.interrupted.afterEvaluations} evaluations${r.report ? '; its report has the best found by then' : ''}`);
      // The evaluations' own time, from every process that worked on the run (rows from before it was recorded lack it).
      const timed = records.filter((e) => e.buildMs !== undefined);
      if (timed.length) {
        const sum = (k: 'buildMs' | 'validateMs' | 'timeMs') => timed.reduce((a, e) => a + (e[k] ?? 0), 0);
        const cost = { buildMs: sum('buildMs'), validateMs: sum('validateMs'), timeMs: sum('timeMs') };
        const wall = timed.reduce((a, e) => a + e.walltimeMs, 0);
        line('evaluations', `${durationText(wall)} in ${timed.length}${timed.length < records.length ? ` of ${records.length}` : ''}: build ${durationText(cost.buildMs)}, validate ${durationText(cost.validateMs)}${cost.timeMs > 0 ? `, time ${durationText(cost.timeMs)}` : ''} (${costShares(cost, wall) || 'no work: every one from a cache'})`);
      }
      const report = r.report as Partial<TuneReport> | null;
      if (report?.time && report.walltimeMs !== undefined) line('wall time', `${timeText(report.walltimeMs, report.time, report.pipeline?.jobs)}${r.resumes ? ' (the process that wrote the report)' : ''}`);
      const ok = records.filter((e): e is Extract<EvalRecord, { state: 'ok' }> => e.state === 'ok');
      const bestSearch = ok.reduce<(typeof ok)[number] | undefined>((b, e) => (!b || e.score < b.score ? e : b), undefined);
      if (bestSearch) line('search best', `score ${bestSearch.score.toPrecision(6)} (evaluation ${records.indexOf(bestSearch) + 1}): ${describeRecipe(bestSearch.recipe)}`);
      // Where the result came from, when it was not the agent: an -O level or a contender.
      const from = report?.best?.origin && report.best.origin !== 'agent' ? ` (${originName(report.best.origin)})` : '';
      if (r.best) line('result', `${r.best.score?.toFixed(4) ?? '-'} vs the baseline, module ${r.best.hash}${from}: ${describeRecipe(r.best.recipe)}`);
      if (r.error) line('error', r.error);
      if ((r.status === 'interrupted' || r.status === 'failed') && !lb) line('resume', `wasmtune tune --resume ${r.id}${values.db ? ` --db ${values.db}` : ''}`);
      return 0;
    } finally {
      db.close();
    }
  },
});
