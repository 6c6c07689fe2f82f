// The fixtures of the instantiate-hook tests: a WAT module with a hand-written Emscripten-style loader
// (fixtures/loader/), and a scratch directory for harness files written by a test.
import { mkdtempSync, writeFileSync } from 'node:fs';
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
