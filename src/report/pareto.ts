/**
 * The runtime-vs-size picture: runtime as a ratio to -O3, size as a ratio to -Oz, lower is better on both.
 *
 * What is plotted is only what was measured:
 * - Runs with both figures (runtime tasks record the final runtime measurement and the size of every
 *   winner; tune reports with a runtime measurement): each run, each agent's geomean over its runs, and
 *   the non-dominated agents (the front).
 * - The -O levels: -O3 is runtime 1 and -Oz size 1 by definition. A level is a point when both its
 *   figures are known for every kernel (tune reports measure each level against -O3; rows record each
 *   level's bytes); otherwise -O3 and -Oz are drawn as lines at 1, and the page says what is missing.
 * - A task that measured only size has no runtime axis: the picture is each run's size ratio per agent,
 *   with the -O levels whose sizes are known, and the "front" is the smallest size.
 */
import type { Row } from '../leaderboard/rows.js';
import { geomean } from '../measure/stats.js';
import { OPT_LEVEL_NAMES, type OptLevelName } from '../recipe/recipe.js';
import type { TuneReport } from '../types.js';
import { shortKernel } from './convergence.js';
import type { ReportData } from './types.js';

export interface ParetoPoint {
  kind: 'run' | 'agent' | 'level';
  label: string;
  agent?: string;
  kernel?: string;
  seed?: number;
  /** Size ratio to -Oz. */
  size: number;
  /** Runtime ratio to -O3 (median) and its 95 % CI; null on a size-only picture. */
  runtime: number | null;
  low?: number;
  high?: number;
  /** Non-dominated among the agents' geomeans (kind 'agent') or among a kernel's points (tune reports). */
  front?: boolean;
  /** How the runtime figure was obtained, for the tooltip. */
  runtimeSource?: string;
}

export interface ParetoView {
  mode: 'runtime-size' | 'size-only';
  points: ParetoPoint[];
  /** Reference lines where a level is known on one axis only: -O3 at runtime 1, -Oz at size 1. */
  rules: Array<{ axis: 'runtime' | 'size'; value: number; label: string }>;
  notes: string[];
}

/** Members not dominated (≤ on both, < on one) by another member. */
export function nonDominated<T>(items: readonly T[], coords: (t: T) => [number, number]): Set<T> {
  const keep = new Set<T>();
  for (const a of items) {
    const [ax, ay] = coords(a);
    const dominated = items.some((b) => {
      const [bx, by] = coords(b);
      return b !== a && bx <= ax && by <= ay && (bx < ax || by < ay);
    });
    if (!dominated) keep.add(a);
  }
  return keep;
}

const accepted = (r: Row) => r.ratio !== null && r.replay.ok && !r.error;

/** Each -O level's size ratio to -Oz per kernel, as far as the rows tell. */
function levelSizes(rows: readonly Row[]): Map<OptLevelName, Map<string, number>> {
  const out = new Map<OptLevelName, Map<string, number>>(OPT_LEVEL_NAMES.map((l) => [l, new Map()]));
  for (const r of rows) {
    const oz = r.baselines?.Oz?.sizeBytes ?? (r.sizeBytes && r.sizeVsOz ? r.sizeBytes / r.sizeVsOz : undefined);
    if (!oz) continue;
    out.get('Oz')!.set(r.kernel, 1);
    for (const level of OPT_LEVEL_NAMES) {
      const b = r.baselines?.[level];
      if (b) out.get(level)!.set(r.kernel, b.sizeBytes / oz);
    }
    // A row whose winner is a level records that level's size.
    if (r.origin && r.origin !== 'agent' && r.sizeBytes && out.has(r.origin as OptLevelName)) out.get(r.origin as OptLevelName)!.set(r.kernel, r.sizeBytes / oz);
  }
  return out;
}

export function paretoView(data: ReportData): ParetoView {
  if (data.kind === 'tune') return tuneView(data.tuneReports);
  const rows = data.rows.filter(accepted);
  const kernels = [...new Set(rows.map((r) => r.kernel))];
  const sizes = levelSizes(data.rows);
  const notes: string[] = [];
  const points: ParetoPoint[] = [];
  const rules: ParetoView['rules'] = [];
  const twoD = rows.length > 0 && rows.every((r) => r.runtimeVsO3 && r.sizeVsOz !== undefined);
  const agents = [...new Set(rows.map((r) => r.agent))];

  if (twoD) {
    for (const r of rows) {
      points.push({ kind: 'run', label: `${r.agent} ${shortKernel(r.kernel)} s${r.seed}`, agent: r.agent, kernel: shortKernel(r.kernel), seed: r.seed, size: r.sizeVsOz!, runtime: r.runtimeVsO3!.median, low: r.runtimeVsO3!.low, high: r.runtimeVsO3!.high, runtimeSource: 'final measurement, 15 rounds' });
    }
    const means = agents.map((agent) => {
      const mine = rows.filter((r) => r.agent === agent);
      return { kind: 'agent' as const, label: agent, agent, size: geomean(mine.map((r) => r.sizeVsOz!)), runtime: geomean(mine.map((r) => r.runtimeVsO3!.median)), runtimeSource: `geomean of ${mine.length} final measurements` };
    });
    const front = nonDominated(means, (m) => [m.size, m.runtime]);
    for (const m of means) points.push({ ...m, front: front.has(m) });
    // Levels: size known per kernel; runtime only for -O3 (1 by definition) or from the rows' quick ratios.
    for (const level of OPT_LEVEL_NAMES) {
      const s = sizes.get(level)!;
      const sizeKnown = kernels.every((k) => s.has(k));
      const quick = kernels.map((k) => data.rows.find((r) => r.kernel === k && r.baselines?.[level]?.quickRuntimeVsO3 !== undefined)?.baselines?.[level]?.quickRuntimeVsO3);
      const runtime = level === 'O3' ? 1 : quick.every((x) => x !== undefined) ? geomean(quick as number[]) : undefined;
      if (sizeKnown && runtime !== undefined) {
        points.push({ kind: 'level', label: `-${level}`, size: geomean(kernels.map((k) => s.get(k)!)), runtime, runtimeSource: level === 'O3' ? '1 by definition' : 'geomean of the quick ratios (5 rounds) the search measured' });
      }
    }
    const plotted = new Set(points.filter((p) => p.kind === 'level').map((p) => p.label));
    if (!plotted.has('-O3')) rules.push({ axis: 'runtime', value: 1, label: '-O3 (runtime 1 by definition)' });
    if (!plotted.has('-Oz')) rules.push({ axis: 'size', value: 1, label: '-Oz (size 1 by definition)' });
    const missing = OPT_LEVEL_NAMES.filter((l) => !plotted.has(`-${l}`));
    if (missing.length) {
      notes.push(`Not plotted as points: ${missing.map((l) => `-${l}`).join(', ')}. These rows record each winner's final runtime and size, but not every level's runtime on every kernel${data.rows.some((r) => r.baselines) ? '' : ' (rows written before the levels\' figures were recorded)'}; -O3 and -Oz are drawn as lines where only one of their coordinates is known.`);
    }
    const best = means.filter((m) => front.has(m)).map((m) => m.label);
    notes.push(`Agents on the front (geomean over kernels and seeds, non-dominated on both ratios): ${best.join(', ')}.`);
  } else {
    for (const r of rows) {
      if (r.sizeVsOz === undefined) continue;
      points.push({ kind: 'run', label: `${r.agent} ${shortKernel(r.kernel)} s${r.seed}`, agent: r.agent, kernel: shortKernel(r.kernel), seed: r.seed, size: r.sizeVsOz, runtime: null });
    }
    const means = agents.map((agent) => ({ agent, size: geomean(rows.filter((r) => r.agent === agent && r.sizeVsOz !== undefined).map((r) => r.sizeVsOz!)) })).filter((m) => Number.isFinite(m.size));
    const smallest = Math.min(...means.map((m) => m.size));
    for (const m of means) points.push({ kind: 'agent', label: m.agent, agent: m.agent, size: m.size, runtime: null, front: m.size === smallest });
    for (const level of OPT_LEVEL_NAMES) {
      const s = sizes.get(level)!;
      if (kernels.length && kernels.every((k) => s.has(k))) points.push({ kind: 'level', label: `-${level}`, size: geomean(kernels.map((k) => s.get(k)!)), runtime: null });
    }
    const shown = new Set(points.filter((p) => p.kind === 'level').map((p) => p.label));
    const unknown = OPT_LEVEL_NAMES.filter((l) => !shown.has(`-${l}`));
    notes.push(`This task measured size only: no runtime was measured, so there is no runtime–size front. Shown instead: each run's size ratio to -Oz by agent and each agent's geomean; on one metric the front is the smallest geomean (${means.filter((m) => m.size === smallest).map((m) => m.agent).join(', ')}, ${smallest.toFixed(4)}).`);
    if (unknown.length) notes.push(`Levels without a line: ${unknown.map((l) => `-${l}`).join(', ')}: their sizes are not recorded for every kernel (the rows record -Oz's size, and a level's size only where it won a run${data.rows.some((r) => r.baselines) ? '' : '; rows written since record every level'}).`);
  }
  return { mode: twoD ? 'runtime-size' : 'size-only', points, rules, notes };
}

function tuneView(reports: readonly TuneReport[]): ParetoView {
  const points: ParetoPoint[] = [];
  const notes: string[] = [];
  let twoD = true;
  for (const r of reports) {
    const oz = r.baselines.Oz;
    if (!oz || 'invalid' in oz) continue;
    const kernel = shortKernel(r.kernel);
    const mine: ParetoPoint[] = [];
    for (const level of OPT_LEVEL_NAMES) {
      const b = r.baselines[level];
      if (!b || 'invalid' in b) continue;
      const rt = level === 'O3' ? { median: 1, low: 1, high: 1 } : b.runtime;
      mine.push({ kind: 'level', label: `-${level}`, kernel, size: b.sizeBytes / oz.sizeBytes, runtime: rt?.median ?? null, ...(rt ? { low: rt.low, high: rt.high } : {}), runtimeSource: level === 'O3' ? '1 by definition' : 'final measurement against -O3' });
    }
    const best = r.best;
    // -O3's own module is 1 × -O3 by identity (it was not timed against itself).
    const same = !best.runtime && !r.interrupted && best.sameModuleAs?.includes('O3');
    mine.push({ kind: 'run', label: `best (${r.agent}, seed ${r.seed})`, agent: r.agent, kernel, seed: r.seed, size: best.sizeBytes / oz.sizeBytes, runtime: best.runtime?.median ?? (same ? 1 : null), ...(best.runtime ? { low: best.runtime.low, high: best.runtime.high } : {}), runtimeSource: same ? "1 by identity: the -O3 module" : 'final measurement against -O3' });
    for (const f of r.front ?? []) {
      if (f.hash === best.hash) continue;
      mine.push({ kind: 'run', label: `front member (${f.origin})`, agent: r.agent, kernel, seed: r.seed, size: f.sizeBytes / oz.sizeBytes, runtime: f.runtime?.median ?? f.ratios.runtime ?? null, ...(f.runtime ? { low: f.runtime.low, high: f.runtime.high } : {}), runtimeSource: 're-measured front member' });
    }
    if (mine.some((p) => p.runtime === null)) twoD = false;
    points.push(...mine);
  }
  if (twoD && points.length) {
    for (const kernel of new Set(points.map((p) => p.kernel))) {
      const mine = points.filter((p) => p.kernel === kernel);
      const front = nonDominated(mine, (p) => [p.size, p.runtime!]);
      for (const p of mine) p.front = front.has(p);
    }
  } else {
    for (const p of points) {
      p.runtime = null;
      delete p.low;
      delete p.high;
    }
    notes.push('These reports have no runtime measurement (size objective with --no-runtime, or no harness): the picture shows sizes only.');
  }
  return { mode: twoD ? 'runtime-size' : 'size-only', points, rules: [], notes };
}
