import type { EvalRecord } from '../../types.js';
import { defineCommand } from '../command.js';
import { DB, JSON_OUTPUT } from '../options.js';

export const show = defineCommand({
  summary: 'one run: options, progress, invalid candidates by reason, best',
  positionals: [{ name: '<run>', description: "a run id ('wasmtune runs' lists them)" }],
  options: { db: DB, json: JSON_OUTPUT },
  async run({ values, positionals, io }) {
    const { ResultsDb } = await import('../../db/index.js');
    const { describeRecipe } = await import('../../recipe/recipe.js');
    const { dbFile, parseRunId } = await import('../db.js');
    const { budgetText, statusText } = await import('../format.js');
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
      line('evaluated', `${records.length} (${records.filter((e) => e.cached).length} from a cache), ${r.invalid} invalid${reasons.size ? ` (${[...reasons].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
      const ok = records.filter((e): e is Extract<EvalRecord, { state: 'ok' }> => e.state === 'ok');
      const bestSearch = ok.reduce<(typeof ok)[number] | undefined>((b, e) => (!b || e.score < b.score ? e : b), undefined);
      if (bestSearch) line('search best', `score ${bestSearch.score.toPrecision(6)} (evaluation ${records.indexOf(bestSearch) + 1}): ${describeRecipe(bestSearch.recipe)}`);
      if (r.best) line('result', `${r.best.score?.toFixed(4) ?? '-'} vs the baseline, module ${r.best.hash}: ${describeRecipe(r.best.recipe)}`);
      if (r.error) line('error', r.error);
      if ((r.status === 'interrupted' || r.status === 'failed') && !lb) line('resume', `wasmtune tune --resume ${r.id}${values.db ? ` --db ${values.db}` : ''}`);
      return 0;
    } finally {
      db.close();
    }
  },
});
