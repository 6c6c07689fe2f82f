/**
 * Errors a user can act on. Each has a stable `code`; only src/cli turns them into exit codes.
 * A failing *candidate* is never an error: it is an {@link EvalRecord} with a state and a reason.
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_UNKNOWN_KERNEL'
  | 'E_UNKNOWN_PASS'
  | 'E_UNKNOWN_KNOB'
  | 'E_UNKNOWN_AGENT'
  | 'E_BAD_KNOB_VALUE'
  | 'E_BAD_MODULE'
  | 'E_BAD_WAT'
  | 'E_BAD_HARNESS'
  | 'E_NO_HARNESS'
  | 'E_HARNESS_FAILS'
  | 'E_BAD_RECIPE'
  | 'E_BAD_BUDGET'
  | 'E_REPLAY_MISMATCH'
  | 'E_BAD_POLICY'
  | 'E_IO'
  | 'E_DB'
  | 'E_DB_NEWER'
  | 'E_DB_CORRUPT'
  | 'E_UNKNOWN_RUN'
  | 'E_RESUME_MISMATCH'
  | 'E_INTERRUPTED';

export class WasmtuneError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'WasmtuneError';
    this.code = code;
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The closest known names to `name`, for error messages. */
export function closest(name: string, known: Iterable<string>, max = 3): string[] {
  return [...known]
    .map((k) => ({ k, d: distance(name, k) }))
    .filter(({ d, k }) => d <= Math.max(2, Math.floor(k.length / 3)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map(({ k }) => k);
}

export function didYouMean(name: string, known: Iterable<string>): string {
  const near = closest(name, known);
  return near.length ? ` Did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : '';
}

/** The message of anything thrown, without a stack. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
