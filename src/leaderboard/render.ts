/** The Markdown table of a leaderboard summary. */
import { commit, machine } from '../measure/provenance.js';
import type { Summary } from './summary.js';

/** Where and at which code a leaderboard ran, as its tables print it. */
export interface Provenance {
  commit: string;
  /** `2 × AMD EPYC …, Node v20…`. */
  machine: string;
}

/** This process's provenance; `outDir`, the leaderboard's output, does not make the code dirty. */
export function provenance(outDir?: string): Provenance {
  return { commit: commit(outDir ? [outDir] : []), machine: `${machine()}, Node ${process.version}` };
}

const f4 = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(4));

export function renderMarkdown(s: Summary, command?: string, ran: Provenance = provenance()): string {
  const { task } = s;
  const vsBase = `×${task.baseline}`;
  const lines = [
    `# Leaderboard: ${task.name}`,
    '',
    `${task.description}. Budget ${task.budget} evaluations per run, seeds ${task.seeds.join(', ')}, ${task.kernels.length} kernels; lower is better.`,
    '',
    ...(command ? ['```', command, '```', ''] : []),
    `Commit ${ran.commit}; machine: ${ran.machine}.`,
    '',
    `| agent | geomean ${vsBase} | per-seed geomean (min – max) | size ×Oz | kernels vs random (better/worse) | evals to 95 % | evaluations | walltime/run s | invalid | rejected rows |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...s.agents.map((a) =>
      `| ${a.agent} | ${f4(a.geomean)} | ${f4(a.spread.min)} – ${f4(a.spread.max)} | ${f4(a.sizeVsOz)} | ${a.vsRandom ? `${a.vsRandom.better}/${a.vsRandom.worse}` : '–'} | ${Number.isFinite(a.meanEvalsTo95) ? a.meanEvalsTo95.toFixed(1) : '–'} | ${a.meanEvaluations.toFixed(1)} | ${a.meanWalltimeS.toFixed(1)} | ${(a.invalidShare * 100).toFixed(1)} % | ${a.rejected} |`),
    '',
    `Per kernel: geomean ${vsBase} over seeds (best agent in bold).`,
    '',
    `| kernel | ${s.agents.map((a) => a.agent).join(' | ')} |`,
    `|---|${s.agents.map(() => '---').join('|')}|`,
    ...s.kernels.map((k) => {
      const vals = s.agents.map((a) => k.byAgent[a.agent] ?? null);
      const best = Math.min(...vals.filter((v): v is number => v !== null));
      return `| ${k.kernel.replace(/^kernel:\/\/[^/]+\//, '')} | ${vals.map((v) => (v !== null && v === best ? `**${f4(v)}**` : f4(v))).join(' | ')} |`;
    }),
    '',
    'Ratio: the best recipe\'s objective value ÷ the baseline\'s (runtime: a final interleaved measurement after the search, not the one that chose the winner). ' +
      'Per-seed geomean: the geomean over kernels for each seed; its range is the seed-to-seed spread. ' +
      'Evals to 95 %: first evaluation whose best-so-far closes 95 % of the gap between the agent\'s first valid candidate and its final best. ' +
      'Rejected rows failed to run or failed replay (rebuilt from the recipe with caches bypassed and re-checked); they are in results.jsonl, not in the figures.',
    '',
  ];
  return lines.join('\n');
}
