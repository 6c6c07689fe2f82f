import { defineCommand } from '../command.js';
import { DB, JSON_OUTPUT } from '../options.js';

export const runs = defineCommand({
  summary: 'the runs in the results database, tune runs and leaderboard rows, newest first',
  positionals: [],
  options: { db: DB, json: JSON_OUTPUT },
  async run({ values, io }) {
    const { ResultsDb } = await import('../../db/index.js');
    const { dbFile } = await import('../db.js');
    const { budgetText, statusText } = await import('../format.js');
    const db = ResultsDb.open(dbFile(values), { mustExist: true });
    try {
      const all = db.runs();
      if (values.json) {
        io.stdout(JSON.stringify(all.map(({ report: _report, options: _options, ...r }) => r), null, 2) + '\n');
        return 0;
      }
      if (!all.length) {
        io.stdout(`no runs in ${db.file}\n`);
        return 0;
      }
      const rows = all.map((r) => [
        String(r.id), statusText(r), r.leaderboard?.task ?? '-', r.kernel.uri.replace(/^kernel:\/\/wasmtune-v0\//, ''), r.agent, String(r.seed), r.objective,
        `${r.evaluations}/${budgetText(r.budget)}`, String(r.invalid),
        r.best?.score != null ? `${r.best.score.toFixed(4)} (final)` : r.bestSearchScore != null ? `${r.bestSearchScore.toPrecision(6)} (search)` : '-',
        r.startedAt.replace('T', ' ').slice(0, 19),
      ]);
      const head = ['run', 'status', 'task', 'kernel', 'agent', 'seed', 'objective', 'evals', 'invalid', 'best', 'started (UTC)'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const r of [head, ...rows]) io.stdout(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
      return 0;
    } finally {
      db.close();
    }
  },
});
