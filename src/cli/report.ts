/** `wasmtune report <leaderboard-dir|report.json…> --html f | --csv f | --md f` */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WasmtuneError } from '../errors.js';
import { renderCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { loadReportInput } from '../report/load.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Io } from './main.js';

export interface ReportFlags {
  html?: string | undefined;
  csv?: string | undefined;
  md?: string | undefined;
}

export async function cmdReport(values: ReportFlags, positionals: string[], io: Io): Promise<number> {
  const outputs = ([['html', renderHtml], ['csv', renderCsv], ['md', renderMarkdown]] as const).filter(([k]) => values[k]);
  if (!outputs.length) throw new WasmtuneError('E_USAGE', "report writes --html out.html, --csv out.csv and/or --md out.md: give at least one.");
  const data = loadReportInput(positionals.slice(1));
  for (const [k, render] of outputs) {
    const file = resolve(values[k]!);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, render(data));
    io.stdout(`wrote ${file}\n`);
  }
  return 0;
}
