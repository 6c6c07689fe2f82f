/**
 * The report as one self-contained HTML page: the leaderboard table (click a column header to sort),
 * convergence, the runtime–size picture and per-kernel detail. The plots are Vega-Lite specifications
 * rendered in the page by the inlined Vega bundles (see bundles.ts): the page makes no network request.
 */
import { OPT_LEVEL_NAMES } from '../recipe/recipe.js';
import { plottingBundles } from './bundles.js';
import { agentColumns, f4, kernelColumns, RUN_COLUMNS, type Column } from './columns.js';
import { convergence, shortKernel } from './convergence.js';
import { paretoView } from './pareto.js';
import { convergenceSpec, paretoSpec } from './specs.js';
import type { ReportData } from './types.js';
import type { Row } from '../leaderboard/rows.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function table<T>(cols: ReadonlyArray<Column<T>>, items: readonly T[], id?: string): string {
  const head = cols.map((c) => `<th scope="col" title="click to sort">${esc(c.title)}</th>`).join('');
  const body = items.map((t) => `<tr>${cols.map((c) => {
    const v = c.value(t);
    return `<td data-v="${v === null ? '' : esc(String(v))}">${esc(c.text(t))}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<table class="sortable"${id ? ` id="${id}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** JSON inside a <script type="application/json">: nothing in it can close the element. */
const jsonScript = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c');

function kernelDetail(d: ReportData, kernel: string): string {
  const rows = d.rows.filter((r) => r.kernel === kernel).sort((a, b) => (a.ratio ?? Infinity) - (b.ratio ?? Infinity) || a.agent.localeCompare(b.agent) || a.seed - b.seed);
  const best = rows.find((r) => r.ratio !== null && r.replay.ok && !r.error);
  const levels = levelTable(d, kernel, rows);
  const cmd = best?.wasmOpt ? `<p>Best: <b>${esc(best.agent)}</b>, seed ${best.seed}, ratio ${f4(best.ratio)}. Its wasm-opt command line:</p><pre><code>${esc(best.wasmOpt)}</code></pre>` : '';
  const runs = table([...RUN_COLUMNS, { title: 'wasm-opt', value: (r: Row) => r.wasmOpt ?? null, text: (r: Row) => r.wasmOpt ?? '–' }], rows);
  return `<details class="kernel" data-kernel="${esc(shortKernel(kernel))}"><summary>${esc(shortKernel(kernel))} <span class="muted">${best ? `best ${f4(best.ratio)} ×${d.task.baseline} (${esc(best.agent)})` : 'no accepted run'}; ${rows.length} run(s)</span></summary>
${cmd}${levels}${runs}</details>`;
}

/** The -O levels of one kernel: sizes (and runtime against -O3 with CI where a tune report measured it). */
function levelTable(d: ReportData, kernel: string, rows: readonly Row[]): string {
  const report = d.tuneReports.find((r) => r.kernel === kernel);
  if (report) {
    const body = OPT_LEVEL_NAMES.map((l) => {
      const b = report.baselines[l];
      if (!b) return '';
      if ('invalid' in b) return `<tr><td>-${l}</td><td colspan="3">invalid: ${esc(b.invalid)}</td></tr>`;
      const rt = l === 'O3' ? '1 (reference)' : b.runtime ? `${b.runtime.median.toFixed(3)} [${b.runtime.low.toFixed(3)}, ${b.runtime.high.toFixed(3)}]` : '–';
      const vs = report.best.runtimeVs?.[l];
      return `<tr><td>-${l}</td><td>${b.sizeBytes}</td><td>${rt}</td><td>${vs ? `${vs.median.toFixed(3)} [${vs.low.toFixed(3)}, ${vs.high.toFixed(3)}]` : '–'}</td></tr>`;
    }).join('');
    return `<table class="levels"><thead><tr><th>level</th><th>size B</th><th>runtime ×O3 [95 % CI]</th><th>best ÷ level [95 % CI]</th></tr></thead><tbody>${body}</tbody></table>`;
  }
  const withBaselines = rows.find((r) => r.baselines);
  const oz = withBaselines?.baselines?.Oz?.sizeBytes ?? rows.map((r) => (r.sizeBytes && r.sizeVsOz ? r.sizeBytes / r.sizeVsOz : undefined)).find((x) => x !== undefined);
  const known = new Map<string, number>();
  if (withBaselines?.baselines) for (const [l, b] of Object.entries(withBaselines.baselines)) known.set(l, b.sizeBytes);
  for (const r of rows) if (r.origin && r.origin !== 'agent' && r.sizeBytes !== undefined && !known.has(r.origin)) known.set(r.origin, r.sizeBytes);
  if (oz !== undefined && !known.has('Oz')) known.set('Oz', Math.round(oz));
  const cells = OPT_LEVEL_NAMES.map((l) => `<td>${known.has(l) ? `${known.get(l)} B` : '<span class="muted">not recorded</span>'}</td>`).join('');
  return `<table class="levels"><thead><tr><th></th>${OPT_LEVEL_NAMES.map((l) => `<th>-${l}</th>`).join('')}</tr></thead><tbody><tr><td>size</td>${cells}</tr></tbody></table>`;
}

const SORT_SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  const head = table.tHead.rows[0];
  [...head.cells].forEach((th, i) => {
    th.tabIndex = 0;
    const go = () => {
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      for (const h of head.cells) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const key = (tr) => {
        const v = tr.cells[i].dataset.v;
        if (v === undefined || v === '') return null;
        const n = Number(v);
        return Number.isNaN(n) ? v : n;
      };
      const body = table.tBodies[0];
      const rows = [...body.rows];
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return asc ? c : -c;
      });
      for (const tr of rows) body.appendChild(tr);
    };
    th.addEventListener('click', go);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
  });
}`;

const EMBED_SCRIPT = `
const specs = JSON.parse(document.getElementById('report-specs').textContent);
const options = { actions: false, renderer: 'svg' };
Promise.all(Object.entries(specs).map(([id, spec]) => vegaEmbed('#' + id, spec, options)))
  .then(() => { document.body.dataset.plots = 'ready'; })
  .catch((e) => { document.body.dataset.plots = 'failed'; console.error('plot failed: ' + (e && e.message || e)); });`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1200px; padding: 0 16px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: 3px 7px; text-align: left; vertical-align: top; }
table.sortable th { cursor: pointer; background: #f4f4f4; user-select: none; }
th[aria-sort=ascending]::after { content: ' ▲'; } th[aria-sort=descending]::after { content: ' ▼'; }
.muted { color: #777; } pre { background: #f6f6f6; padding: 8px; overflow-x: auto; white-space: pre-wrap; }
details.kernel { margin: 6px 0; } details.kernel summary { cursor: pointer; font-weight: 600; }
details.kernel td:last-child, details.kernel td:nth-last-child(2) { font-family: ui-monospace, monospace; font-size: 12px; }
ul.notes li { margin: 4px 0; } .plot { margin: 8px 0; }`;

export function renderHtml(d: ReportData): string {
  const conv = convergence(d.rows, d.task);
  const pareto = paretoView(d);
  const multiKernelTune = d.kind === 'tune' && new Set(d.rows.map((r) => r.kernel)).size > 1;
  const yTitle = d.task.objective === 'runtime' ? 'best so far, quick ratio ×O3 (geomean)' : `best so far ×${d.task.baseline} (geomean)`;
  const specs: Record<string, unknown> = {};
  if (conv.points.length) specs.convergence = convergenceSpec(conv.points, yTitle);
  if (pareto.points.length) specs.pareto = paretoSpec(pareto, multiKernelTune);
  const bundles = plottingBundles();
  const convNotes = [
    conv.points.length
      ? `Each line is an agent's best so far after each evaluation, as a ratio to ${d.task.objective === 'runtime' ? '-O3' : '-Oz'}: the geomean over ${conv.traced} run(s) with a best-so-far trace (pick one kernel in the menu to see the geomean over its seeds).`
      : 'No per-evaluation trace was recorded in these runs: no convergence plot.',
    ...(conv.untraced && conv.points.length ? [`${conv.untraced} run(s) have no usable trace and are left out.`] : []),
  ];
  const meta = [
    `Made from ${d.sources.map((s) => `<code>${esc(s)}</code>`).join(', ')}.`,
    d.meta.command ? `Command: <code>${esc(d.meta.command)}</code>.` : '',
    d.meta.commit ? `Commit ${esc(d.meta.commit)}.` : '',
    d.meta.machine ? `Machine: ${esc(d.meta.machine)}.` : '',
  ].filter(Boolean).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(d.title)}</h1>
<p>${esc(d.task.description)}. ${d.kind === 'leaderboard' ? `Budget ${d.task.budget} evaluations per run, seeds ${d.task.seeds.join(', ')}, ${d.task.kernels.length} kernels. ` : ''}Every figure is a ratio to a baseline: lower is better.</p>
<p class="muted">${meta}</p>
${d.notes.length ? `<ul class="notes">${d.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<h2 id="table">Leaderboard</h2>
<p class="muted">Click a column header to sort. Ratio: the best recipe's objective value ÷ the baseline's${d.task.objective === 'runtime' ? ' (runtime: the final interleaved measurement, not the one that chose the winner)' : ''}. Best/worst seed: the agent's geomean over kernels per seed. Rejected runs failed or failed replay; they are not in the figures.</p>
${table(agentColumns(d), d.summary.agents, 'leaderboard')}
<h3>Per kernel: geomean ×${esc(d.task.baseline)} over seeds</h3>
${table(kernelColumns(d), d.summary.kernels, 'kernels')}
<h2 id="convergence-title">Convergence</h2>
<p class="muted">${convNotes.map(esc).join(' ')}</p>
<div id="convergence" class="plot"></div>
<h2 id="pareto-title">${pareto.mode === 'runtime-size' ? 'Runtime against size' : 'Size (this task measured no runtime)'}</h2>
<p class="muted">${pareto.mode === 'runtime-size' ? 'Runtime ×O3 (log scale) against size ×Oz. Small points: runs; large: each agent\'s geomean (diamonds: on the front, the dashed line joins them); black squares and dashed lines: wasm-opt\'s -O levels.' : 'Each tick is a run\'s size ratio to -Oz; large points are each agent\'s geomean; dashed lines are wasm-opt\'s -O levels where their sizes are known.'}</p>
${pareto.notes.length ? `<ul class="notes">${pareto.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<div id="pareto" class="plot"></div>
<h2 id="detail">Per kernel</h2>
<p class="muted">Each kernel's runs, best first: recipe, wasm-opt command line (for a recipe with passes of wasmtune's own it covers the part wasm-opt can run, and says so), metrics with the 95 % CI of the runtime ratio where measured, and the -O levels' sizes as far as they were recorded.</p>
${d.task.kernels.filter((k) => d.rows.some((r) => r.kernel === k)).map((k) => kernelDetail(d, k)).join('\n')}
<p class="muted">Plots: ${bundles.map((b) => `${b.name} ${b.version}`).join(', ')}, inlined.</p>
${bundles.map((b) => `<script>/* ${b.name} ${b.version} */\n${b.code}\n</script>`).join('\n')}
<script type="application/json" id="report-specs">${jsonScript(specs)}</script>
<script>${SORT_SCRIPT}
${EMBED_SCRIPT}</script>
</body>
</html>
`;
}
