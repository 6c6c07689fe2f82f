/** Where and at which code a measurement ran: every benchmark and leaderboard records both. */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { realpathSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { projectRoot } from '../kernels/index.js';

/** `2 × AMD EPYC …`. */
export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model.trim() ?? 'unknown CPU'}`;
}

/**
 * The commit the code ran at, `(with uncommitted changes)` when tracked files differ from it; `outputs`
 * are pathspecs of files the benchmark itself rewrites, which do not make the code dirty. `unknown`
 * unless wasmtune itself is a git checkout: an installed package inside somebody else's repository must
 * not record that repository's commit as wasmtune's.
 */
export function commit(outputs: readonly string[] = []): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (realpathSync(git('rev-parse', '--show-toplevel').trim()) !== realpathSync(projectRoot())) return 'unknown';
    // Outputs outside the project (a temporary directory) cannot dirty it; git refuses them as pathspecs.
    const inside = outputs.filter((p) => p && !p.startsWith('..') && !isAbsolute(p));
    const status = git('status', '--porcelain', '--untracked-files=no', '--', '.', ...inside.map((p) => `:!${p}`));
    return git('rev-parse', '--short', 'HEAD').trim() + (status.trim() ? ' (with uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
}
