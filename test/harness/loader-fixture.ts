// The fixtures of the instantiate-hook tests: a WAT module with a hand-written Emscripten-style loader
// (fixtures/loader/), a scratch directory for harness files written by a test, and modules of a package
// with one byte of their data changed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fixture = (f: string) => new URL(`./fixtures/loader/${f}`, import.meta.url).pathname;
export const WAT = fixture('tally.wat');

/** A function that writes a file into a fresh temporary directory and returns its path. */
export function scratchWriter(prefix: string): (name: string, text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}

/**
 * A module file with one byte of its data changed: the text `text`, which must occur exactly once in the
 * file, gets `replacement` at `offset` within it. A harness that runs the module under test sees the
 * difference in its outputs; one that lets a package's glue load the package's own file does not.
 */
export function withTextChanged(file: string, text: string, offset: number, replacement: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(file));
  const needle = Buffer.from(text);
  const at = Buffer.from(bytes).indexOf(needle);
  if (at <= 0 || Buffer.from(bytes).indexOf(needle, at + 1) !== -1) throw new Error(`'${text}' is not in ${file} exactly once`);
  bytes[at + offset] = replacement.charCodeAt(0);
  return bytes;
}
