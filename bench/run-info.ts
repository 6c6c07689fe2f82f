/** What every benchmark records about where and at which code it ran. */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../src/kernels/index.js';
import { WasmtuneError } from '../src/errors.js';

/** `2 × AMD EPYC …`. */
export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model.trim() ?? 'unknown CPU'}`;
}

/**
 * The commit the code ran at, `(with uncommitted changes)` when tracked files differ from it; `outputs`
 * are pathspecs of files the benchmark itself rewrites, which do not make the code dirty.
 */
export function commit(outputs: readonly string[] = []): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // Outputs outside the project (a temporary directory) cannot dirty it; git refuses them as pathspecs.
    const inside = outputs.filter((p) => p && !p.startsWith('..') && !isAbsolute(p));
    const status = git('status', '--porcelain', '--untracked-files=no', '--', '.', ...inside.map((p) => `:!${p}`));
    return git('rev-parse', '--short', 'HEAD').trim() + (status.trim() ? ' (with uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
}

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
