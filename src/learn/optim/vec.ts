/**
 * Vector helpers and option checking shared by the optimisation package. Internal: the package's public
 * API is in index.ts.
 */
import { WasmtuneError, didYouMean } from '../../errors.js';

/** Σ aᵢbᵢ. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** ‖a‖₂. */
export function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/** Throws unless `v` has length `n`; `what` names the vector in the message. */
export function expectLength(owner: string, what: string, v: ArrayLike<number>, n: number): void {
  if (v.length !== n) {
    throw new WasmtuneError('E_USAGE', `${owner}: ${what} has ${v.length} entries, expected ${n}.`);
  }
}

/** The admissible values of one numeric option. */
export interface Range {
  min?: number;
  max?: number;
  /** min itself is not allowed. */
  minExclusive?: boolean;
  /** max itself is not allowed. */
  maxExclusive?: boolean;
  integer?: boolean;
  /** Allow +Infinity. */
  infinite?: boolean;
}

type Ranges<O> = { [K in keyof O]?: O[K] extends number ? Range : O[K] extends string ? readonly string[] : never };

/**
 * `defaults` overridden by `given`, checked: unknown names, wrong types and values outside `ranges`
 * throw E_USAGE with a message that says what is allowed.
 */
export function resolveOptions<O extends object>(owner: string, defaults: O, given: Partial<O> | undefined, ranges: Ranges<O>): O {
  const out = { ...defaults };
  const known = Object.keys(defaults);
  for (const [k, v] of Object.entries(given ?? {})) {
    if (v === undefined) continue;
    if (!Object.hasOwn(defaults, k)) {
      throw new WasmtuneError('E_USAGE', `${owner} has no option '${k}'.${didYouMean(k, known)} Options: ${known.join(', ')}.`);
    }
    const d = (defaults as Record<string, unknown>)[k];
    if (typeof v !== typeof d) {
      throw new WasmtuneError('E_USAGE', `${owner} option '${k}' must be a ${typeof d}, got ${JSON.stringify(v)}.`);
    }
    (out as Record<string, unknown>)[k] = v;
  }
  for (const [k, r] of Object.entries(ranges) as [string, Range | readonly string[] | undefined][]) {
    const v = (out as Record<string, unknown>)[k];
    if (r === undefined) continue;
    if (Array.isArray(r)) {
      if (!r.includes(v)) {
        throw new WasmtuneError('E_USAGE', `${owner} option '${k}' must be one of ${r.map((x) => `'${x}'`).join(', ')}, got ${JSON.stringify(v)}.`);
      }
      continue;
    }
    const range = r as Range;
    const n = v as number;
    const bad =
      Number.isNaN(n) ||
      (!Number.isFinite(n) && !(range.infinite && n === Infinity)) ||
      (range.integer && !Number.isInteger(n)) ||
      (range.min !== undefined && (range.minExclusive ? n <= range.min : n < range.min)) ||
      (range.max !== undefined && (range.maxExclusive ? n >= range.max : n > range.max));
    if (bad) {
      const lo = range.min === undefined ? '' : `${range.minExclusive ? '>' : '≥'} ${range.min}`;
      const hi = range.max === undefined ? '' : `${range.maxExclusive ? '<' : '≤'} ${range.max}`;
      const what = [range.integer ? 'an integer' : 'a number', [lo, hi].filter(Boolean).join(' and ')].filter(Boolean).join(' ');
      throw new WasmtuneError('E_USAGE', `${owner} option '${k}' must be ${what}, got ${n}.`);
    }
  }
  return out;
}
