/** A benchmark's command line; what every benchmark records of the machine and commit is src/measure/provenance.ts. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WasmtuneError } from '../src/errors.js';

/** Whether the module at `url` is the script node was started with (not imported). */
export function isMain(url: string): boolean {
  return Boolean(process.argv[1]) && url === pathToFileURL(resolve(process.argv[1]!)).href;
}

/**
 * A benchmark's command line, when its module is the script node was started with: the body's exit code,
 * or a one-line error on stderr and 2 for a usage error (WasmtuneError), 70 for anything else.
 */
export async function benchMain(url: string, name: string, body: (argv: string[]) => number | Promise<number>): Promise<void> {
  if (!isMain(url)) return;
  try {
    process.exitCode = await body(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${name}: ${e instanceof WasmtuneError ? `error ${e.code}: ${e.message}` : e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = e instanceof WasmtuneError ? 2 : 70;
  }
}
