import { writeFileSync } from 'node:fs';
import { WasmtuneError } from '../../errors.js';
import type { EvaluationRow } from '../../db/index.js';
import { defineCommand } from '../command.js';
import { DB } from '../options.js';

const CSV_COLUMNS: ReadonlyArray<keyof EvaluationRow> = [
  'runId', 'seq', 'state', 'reason', 'score', 'sizeBytes', 'gzipBytes', 'brotliBytes', 'quickRuntimeRatio', 'peakMemoryBytes', 'declaredMemoryBytes',
  'dataSegmentBytes', 'functions', 'hash', 'recipeHash', 'recipe', 'cached', 'walltimeMs', 'buildMs', 'validateMs', 'timeMs', 'settings', 'fingerprint', 'detail', 'createdAt',
];

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const exportRun = defineCommand({
  summary: 'every evaluation of a run, one row each, as CSV or JSON',
  usage: ['<run> --csv <file|-> [--db <file>]', '<run> --json [-o <file>] [--db <file>]'],
  positionals: [{ name: '<run>', description: "a run id ('wasmtune runs' lists them)" }],
  options: {
    csv: { type: 'string', value: '<file|->', description: "write CSV to this file ('-': standard output)" },
    json: { type: 'boolean', description: 'write JSON: the run, its report and its evaluations' },
    out: { type: 'string', short: 'o', value: '<file>', description: 'the file --json writes (default standard output)' },
    db: DB,
  },
  async run({ values, positionals, io }) {
    const { ResultsDb } = await import('../../db/index.js');
    const { dbFile, parseRunId } = await import('../db.js');
    const id = parseRunId(positionals[0], 'export');
    if ((values.csv !== undefined) === values.json) throw new WasmtuneError('E_USAGE', "export writes one format: give --csv <file> ('-' for standard output) or --json [-o file].");
    const target = values.csv !== undefined ? (values.csv === '-' ? undefined : values.csv) : values.out;
    const db = ResultsDb.open(dbFile(values), { mustExist: true });
    let text: string;
    try {
      const run = db.run(id);
      const rows = db.evaluationRows(id);
      if (values.csv === undefined) {
        const { report, ...info } = run;
        text = JSON.stringify({ run: info, report, evaluations: rows.map((r) => ({ ...r, recipe: JSON.parse(r.recipe) as unknown })) }, null, 2) + '\n';
      } else {
        text = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\n') + '\n';
      }
    } finally {
      db.close();
    }
    if (target) {
      writeFileSync(target, text);
      io.stderr(`wrote ${target}\n`);
    } else io.stdout(text);
    return 0;
  },
});
