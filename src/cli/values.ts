/** Reading flag values that are numbers; a bad one is E_USAGE naming the flag and what it takes. */
import { WasmtuneError } from '../errors.js';

export function parseSeed(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n)) throw new WasmtuneError('E_USAGE', `--seed must be an integer, got '${text}'.`);
  return n;
}

/** `text` as a number that passes `check`, `fallback` when the flag is absent. */
export function numberFlag(text: string | undefined, flag: string, fallback: number, check: (n: number) => boolean, what: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new WasmtuneError('E_USAGE', `${flag} must be ${what}, got '${text}'.`);
  return n;
}

export const isWhole = (min: number) => (n: number) => Number.isInteger(n) && n >= min;
