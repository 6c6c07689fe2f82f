/** A task's rows summarised per agent and per kernel: what the tables show. */
import { geomean } from '../measure/stats.js';
import type { Task } from './tasks.js';
import type { Row } from './rows.js';

export interface AgentSummary {
  agent: string;
  runs: number;
  /** Rows that failed to run or to replay (not counted in the figures). */
  rejected: number;
  /** Geomean of the ratio over every accepted (kernel, seed). */
  geomean: number;
  /** The geomean over kernels, per seed. */
  perSeed: Record<string, number>;
  spread: { min: number; max: number };
  /** Geomean size ratio to -Oz (every task reports it; it is the ratio itself on size tasks). */
  sizeVsOz: number;
  /** Kernels where this agent's geomean over seeds beats random's / loses to it (ties: neither). */
  vsRandom?: { better: number; worse: number };
  meanEvalsTo95: number;
  meanEvaluations: number;
  meanWalltimeS: number;
  invalidShare: number;
}

export interface Summary {
  task: Task;
  agents: AgentSummary[];
  /** Per kernel, per agent: geomean ratio over seeds; and the best -O level's ratio where known. */
  kernels: Array<{ kernel: string; byAgent: Record<string, number | null> }>;
}

const accepted = (r: Row) => r.ratio !== null && r.replay.ok && !r.error;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);

export function summarize(task: Task, agents: readonly string[], rows: readonly Row[]): Summary {
  const cell = (kernel: string, agent: string) => {
    const xs = rows.filter((r) => r.kernel === kernel && r.agent === agent && accepted(r)).map((r) => r.ratio!);
    return xs.length ? geomean(xs) : null;
  };
  const kernels = task.kernels.map((kernel) => ({ kernel, byAgent: Object.fromEntries(agents.map((a) => [a, cell(kernel, a)])) }));
  const summaries = agents.map((agent): AgentSummary => {
    const mine = rows.filter((r) => r.agent === agent);
    const ok = mine.filter(accepted);
    const perSeed: Record<string, number> = {};
    for (const seed of task.seeds) {
      const xs = ok.filter((r) => r.seed === seed).map((r) => r.ratio!);
      if (xs.length) perSeed[seed] = geomean(xs);
    }
    const seedValues = Object.values(perSeed);
    let vsRandom: AgentSummary['vsRandom'];
    if (agent !== 'random' && agents.includes('random')) {
      vsRandom = { better: 0, worse: 0 };
      for (const k of kernels) {
        const a = k.byAgent[agent];
        const r = k.byAgent.random;
        if (a == null || r == null) continue;
        if (a < r - 1e-12) vsRandom.better++;
        else if (a > r + 1e-12) vsRandom.worse++;
      }
    }
    return {
      agent,
      runs: mine.length,
      rejected: mine.length - ok.length,
      geomean: geomean(ok.map((r) => r.ratio!)),
      perSeed,
      spread: { min: Math.min(...seedValues), max: Math.max(...seedValues) },
      sizeVsOz: geomean(ok.filter((r) => r.sizeVsOz !== undefined).map((r) => r.sizeVsOz!)),
      ...(vsRandom ? { vsRandom } : {}),
      meanEvalsTo95: mean(ok.filter((r) => r.evalsTo95 !== null).map((r) => r.evalsTo95!)),
      meanEvaluations: mean(ok.map((r) => r.evaluations)),
      meanWalltimeS: mean(mine.map((r) => r.walltimeMs / 1000)),
      invalidShare: mine.reduce((s, r) => s + r.invalid, 0) / Math.max(1, mine.reduce((s, r) => s + r.evaluations, 0)),
    };
  });
  summaries.sort((a, b) => (Number.isNaN(a.geomean) ? 1 : Number.isNaN(b.geomean) ? -1 : a.geomean - b.geomean));
  return { task, agents: summaries, kernels };
}

