/** Statistics for paired runtime ratios. Units are those of the input (ratios are unitless). */

export interface Estimate {
  /** Median of the samples. */
  median: number;
  /** Lower bound of the confidence interval for the median. */
  low: number;
  /** Upper bound. */
  high: number;
  /** Coverage actually achieved by the order-statistic interval (≥ the requested one when n allows). */
  confidence: number;
  /** Number of samples. */
  n: number;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function binomCdf(k: number, n: number): number {
  // P(X <= k) for X ~ Binomial(n, 1/2).
  let sum = 0;
  let c = 1;
  for (let i = 0; i <= k; i++) {
    sum += c;
    c = (c * (n - i)) / (i + 1);
  }
  return sum / 2 ** n;
}

/**
 * Median with a distribution-free confidence interval from order statistics: [x(k), x(n-k+1)] covers
 * the population median with probability 1 − 2·P(Bin(n, ½) ≤ k−1). The widest k that still reaches the
 * requested coverage is used; with too few samples the interval is [min, max] and `confidence` says
 * what it really covers.
 */
export function medianCI(xs: readonly number[], level = 0.95): Estimate {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { median: NaN, low: NaN, high: NaN, confidence: 0, n };
  let k = 1;
  while (k + 1 <= Math.floor((n + 1) / 2) && 1 - 2 * binomCdf(k, n) >= level) k++;
  const confidence = 1 - 2 * binomCdf(k - 1, n);
  return { median: median(s), low: s[k - 1]!, high: s[n - k]!, confidence, n };
}

/** Whether an estimate of a ratio says "different from 1" at its confidence. */
export function significant(e: Estimate): boolean {
  return e.low > 1 || e.high < 1;
}

export function geomean(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}
