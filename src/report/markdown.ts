/** The report as Markdown: the agent table, the per-kernel table, the Pareto summary and the notes. */
import { agentColumns, kernelColumns, type Column } from './columns.js';
import { paretoView } from './pareto.js';
import type { ReportData } from './types.js';

const pipe = (s: string) => s.replace(/\|/g, '\\|');

function table<T>(cols: ReadonlyArray<Column<T>>, items: readonly T[]): string[] {
  return [`| ${cols.map((c) => pipe(c.title)).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`, ...items.map((t) => `| ${cols.map((c) => pipe(c.text(t))).join(' | ')} |`)];
}

export function renderMarkdown(d: ReportData): string {
  const p = paretoView(d);
  const out = [
    `# ${d.title}`,
    '',
    `${d.task.description}. ${d.kind === 'leaderboard' ? `Budget ${d.task.budget} evaluations per run, seeds ${d.task.seeds.join(', ')}, ${d.task.kernels.length} kernels; ` : ''}lower is better.`,
    '',
    ...(d.meta.command ? ['```', d.meta.command, '```', ''] : []),
    ...(d.meta.commit || d.meta.machine ? [`Commit ${d.meta.commit ?? 'unknown'}; machine: ${d.meta.machine ?? 'unknown'}.`, ''] : []),
    ...table(agentColumns(d), d.summary.agents),
    '',
    `Per kernel: geomean ×${d.task.baseline} over seeds.`,
    '',
    ...table(kernelColumns(d), d.summary.kernels),
    '',
  ];
  if (p.mode === 'runtime-size') {
    const pts = p.points.filter((x) => x.kind === 'agent' || (x.kind === 'level'));
    out.push('Runtime ×O3 against size ×Oz (geomeans; * = on the front):', '', '| | size ×Oz | runtime ×O3 |', '|---|---|---|',
      ...pts.map((x) => `| ${x.label}${x.front ? ' *' : ''}${x.kernel && d.kind === 'tune' ? ` (${x.kernel})` : ''} | ${x.size.toFixed(4)} | ${x.runtime === null ? '–' : x.runtime.toFixed(4)} |`), '');
  }
  const notes = [...d.notes, ...p.notes];
  if (notes.length) out.push(...notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
