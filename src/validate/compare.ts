/**
 * Comparing a candidate's outputs with the original's: bit for bit, or within the harness tolerance for
 * float values; bigints, booleans and strings exactly. Returns the first difference, described for the
 * record.
 */
import type { OutputValue, Tolerance } from '../harness/types.js';

function close(a: number, b: number, t: Tolerance): boolean {
  if (Object.is(a, b)) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  const diff = Math.abs(a - b);
  return diff <= (t.abs ?? 0) + (t.rel ?? 0) * Math.max(Math.abs(a), Math.abs(b));
}

function isFloatArray(v: unknown): v is Float32Array | Float64Array {
  return v instanceof Float32Array || v instanceof Float64Array;
}

function bytesOf(v: ArrayBufferView): Uint8Array {
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

/** What kind of output a value is (with the value, for a scalar), for a message when two sides differ in kind. */
function kindOf(v: OutputValue): string {
  if (Array.isArray(v)) return 'an array';
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  return `a ${typeof v} (${show(v)})`;
}

/** A value as a message shows it: strings quoted, so "1" and 1 read differently. */
function show(v: OutputValue): string {
  return typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v) : String(v);
}

/** Undefined when equal, else a one-line description of the first difference. */
export function compareValue(path: string, a: OutputValue | undefined, b: OutputValue | undefined, tol: Tolerance | undefined): string | undefined {
  if (a === undefined || b === undefined) return a === b ? undefined : `${path}: present in only one output`;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return undefined;
    if (tol && close(a, b, tol)) return undefined;
    return `${path}: expected ${a}, got ${b}`;
  }
  if (typeof a !== 'object' || typeof b !== 'object') {
    // Scalars (bigint, boolean, string, or a number against another kind) compare exactly.
    if (a === b) return undefined;
    if (typeof a !== typeof b) return `${path}: expected ${kindOf(a)}, got ${kindOf(b)}`;
    return `${path}: expected ${show(a)}, got ${show(b)}`;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return `${path}: array length differs`;
    for (let i = 0; i < a.length; i++) {
      const d = compareValue(`${path}[${i}]`, a[i], b[i], tol);
      if (d) return d;
    }
    return undefined;
  }
  if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || a.constructor !== b.constructor || a.byteLength !== b.byteLength) return `${path}: buffer type or length differs`;
    const ab = bytesOf(a);
    const bb = bytesOf(b);
    let first = -1;
    for (let i = 0; i < ab.length; i++) if (ab[i] !== bb[i]) { first = i; break; }
    if (first < 0) return undefined;
    if (tol && isFloatArray(a) && isFloatArray(b)) {
      for (let i = 0; i < a.length; i++) {
        if (!close(a[i]!, b[i]!, tol)) return `${path}[${i}]: expected ${a[i]}, got ${b[i]} (outside tolerance)`;
      }
      return undefined;
    }
    const el = (a as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    const idx = Math.floor(first / el);
    const av = (a as unknown as ArrayLike<unknown>)[idx];
    const bv = (b as unknown as ArrayLike<unknown>)[idx];
    return `${path}[${idx}]: expected ${String(av)}, got ${String(bv)}`;
  }
  return `${path}: unsupported output value`;
}

export function compareOutputs(a: Record<string, OutputValue>, b: Record<string, OutputValue>, tol: Tolerance | undefined): string | undefined {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = compareValue(k, a[k], b[k], tol);
    if (d) return d;
  }
  return undefined;
}
