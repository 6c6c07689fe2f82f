import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WasmtuneError } from '../../errors.js';
import { defineCommand } from '../command.js';

export const report = defineCommand({
  summary: 'an offline HTML page of leaderboard or tune results, or CSV and Markdown tables',
  usage: ['<leaderboard-dir|report.json…> [--html <file.html>] [--csv <file.csv>] [--md <file.md>]'],
  positionals: [{ name: '<leaderboard-dir|report.json…>', description: "leaderboard directories (with results.jsonl) or tune's report.json files", variadic: true }],
  options: {
    html: { type: 'string', value: '<file.html>', description: 'write the HTML page' },
    csv: { type: 'string', value: '<file.csv>', description: 'write the table as CSV' },
    md: { type: 'string', value: '<file.md>', description: 'write the tables as Markdown' },
  },
  notes: ['Give at least one of --html, --csv and --md. The HTML page works offline: a sortable leaderboard table, convergence curves, the runtime–size Pareto front and per-kernel detail.'],
  async run({ values, positionals, io }) {
    const formats = (['html', 'csv', 'md'] as const).filter((k) => values[k]);
    if (!formats.length) throw new WasmtuneError('E_USAGE', 'report writes --html out.html, --csv out.csv and/or --md out.md: give at least one.');
    const { loadReportInput } = await import('../../report/load.js');
    const render = {
      html: (await import('../../report/html.js')).renderHtml,
      csv: (await import('../../report/csv.js')).renderCsv,
      md: (await import('../../report/markdown.js')).renderMarkdown,
    };
    const data = loadReportInput(positionals);
    for (const k of formats) {
      const file = resolve(values[k]!);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, render[k](data));
      io.stdout(`wrote ${file}\n`);
    }
    return 0;
  },
});
