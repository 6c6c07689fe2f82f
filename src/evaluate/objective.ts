/**
 * What a tuning run minimises. One metric (`size`), a weighted combination (`0.7*runtime+0.3*size`), or a
 * Pareto front over several (`runtime,size`).
 *
 * A single metric is scored in its own unit (bytes, or the runtime ratio to -O3), as it always was. A
 * combination is unit-free: each metric becomes a ratio to its baseline (runtime to -O3, sizes to -Oz),
 * and the score is the weighted geometric mean Π rᵢ^wᵢ (weights normalised to sum 1), so 1 means "as good
 * as the baselines" and a 1 % gain on either metric counts the same at equal weights. With a Pareto
 * objective the agents minimise the equal-weight combination while the loop keeps every non-dominated
 * candidate and reports the front.
 */
import { WasmtuneError } from '../errors.js';
import type { OptLevelName } from '../recipe/recipe.js';
import type { SizeMetrics } from '../measure/size.js';

export const METRICS = ['runtime', 'size', 'gzip', 'brotli'] as const;
export type Metric = (typeof METRICS)[number];

/** The baseline each metric is normalised to. */
export const METRIC_BASELINE: Readonly<Record<Metric, OptLevelName>> = { runtime: 'O3', size: 'Oz', gzip: 'Oz', brotli: 'Oz' };

export interface ObjectiveSpec {
  readonly terms: ReadonlyArray<{ readonly metric: Metric; readonly weight: number }>;
  /** Keep and report the Pareto front of the terms' ratios (the weights are then equal). */
  readonly pareto: boolean;
}

export function single(metric: Metric): ObjectiveSpec {
  return { terms: [{ metric, weight: 1 }], pareto: false };
}

/** The metric of a one-term objective, or undefined for a combination. */
export function singleMetric(spec: ObjectiveSpec): Metric | undefined {
  return spec.terms.length === 1 ? spec.terms[0]!.metric : undefined;
}

export function usesRuntime(spec: ObjectiveSpec): boolean {
  return spec.terms.some((t) => t.metric === 'runtime');
}

const isMetric = (s: string): s is Metric => (METRICS as readonly string[]).includes(s);

function badMetric(name: string): WasmtuneError {
  return new WasmtuneError('E_USAGE', `Unknown objective metric '${name}': use ${METRICS.join(', ')}, a weighted sum like 0.7*runtime+0.3*size, or a Pareto pair like runtime,size.`);
}

/** Parse `size`, `0.7*runtime+0.3*size` (weighted) or `runtime,size` (Pareto). */
export function parseObjective(text: string): ObjectiveSpec {
  const t = text.replace(/\s+/g, '');
  if (t.includes(',')) {
    const metrics = t.split(',');
    for (const m of metrics) if (!isMetric(m)) throw badMetric(m);
    if (new Set(metrics).size !== metrics.length || metrics.length < 2) {
      throw new WasmtuneError('E_USAGE', `A Pareto objective needs two or more different metrics, as in runtime,size (got '${text}').`);
    }
    return { terms: metrics.map((metric) => ({ metric: metric as Metric, weight: 1 / metrics.length })), pareto: true };
  }
  const terms: Array<{ metric: Metric; weight: number }> = [];
  for (const part of t.split('+')) {
    const m = /^(?:(\d+(?:\.\d+)?)\*)?([a-z]+)$/.exec(part);
    if (!m) throw new WasmtuneError('E_USAGE', `Cannot read objective term '${part}': write weight*metric, as in 0.7*runtime+0.3*size.`);
    if (!isMetric(m[2]!)) throw badMetric(m[2]!);
    const weight = m[1] === undefined ? 1 : Number(m[1]);
    if (!(weight > 0)) throw new WasmtuneError('E_USAGE', `The weight of '${m[2]}' must be positive.`);
    if (terms.some((x) => x.metric === m[2])) throw new WasmtuneError('E_USAGE', `Objective metric '${m[2]}' appears twice.`);
    terms.push({ metric: m[2], weight });
  }
  const sum = terms.reduce((s, x) => s + x.weight, 0);
  return { terms: terms.map((x) => ({ metric: x.metric, weight: x.weight / sum })), pareto: false };
}

export function describeObjective(spec: ObjectiveSpec): string {
  if (spec.pareto) return spec.terms.map((t) => t.metric).join(',');
  const one = singleMetric(spec);
  if (one) return one;
  return spec.terms.map((t) => `${+t.weight.toFixed(4)}*${t.metric}`).join('+');
}

/** What a candidate is scored from: its sizes and (when measured) its runtime ratio to -O3. */
export interface ScoreInput extends SizeMetrics {
  runtimeRatio?: number;
}

/** The value of one metric, in its unit. */
export function metricValue(metric: Metric, m: ScoreInput): number {
  switch (metric) {
    case 'runtime':
      return m.runtimeRatio ?? NaN;
    case 'size':
      return m.sizeBytes;
    case 'gzip':
      return m.gzipBytes;
    case 'brotli':
      return m.brotliBytes;
  }
}

/** A metric as a ratio to its baseline (runtime is one already). */
export function metricRatio(metric: Metric, m: ScoreInput, reference: SizeMetrics | undefined): number {
  if (metric === 'runtime') return metricValue(metric, m);
  if (!reference) throw new Error(`no size reference for '${metric}'`);
  return metricValue(metric, m) / metricValue(metric, reference);
}

/**
 * The score an agent minimises: the metric itself for one term, else the weighted geometric mean of the
 * ratios to the baselines (`reference` holds -Oz's sizes).
 */
export function scoreOf(spec: ObjectiveSpec, m: ScoreInput, reference: SizeMetrics | undefined): number {
  const one = singleMetric(spec);
  if (one) return metricValue(one, m);
  let log = 0;
  for (const t of spec.terms) log += t.weight * Math.log(metricRatio(t.metric, m, reference));
  return Math.exp(log);
}

/**
 * The items no other item dominates (every value ≤ and one <), in input order. Items with equal values
 * keep only the first.
 */
export function paretoFront<T>(items: readonly T[], values: (t: T) => readonly number[]): T[] {
  const vs = items.map(values);
  const dominates = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x <= b[i]!) && a.some((x, i) => x < b[i]!);
  const same = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x === b[i]);
  return items.filter((_, i) => vs[i]!.every(Number.isFinite) && !vs.some((w, j) => w.every(Number.isFinite) && (dominates(w, vs[i]!) || (j < i && same(w, vs[i]!)))));
}

/** A metric name or a spec, as callers pass it. */
export function toSpec(objective: Metric | ObjectiveSpec): ObjectiveSpec {
  return typeof objective === 'string' ? single(objective) : objective;
}
