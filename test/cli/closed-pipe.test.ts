// A reader that closes the pipe early (`wasmtune kernels | head -1`) ends the command quietly: no stack
// trace, no error line, exit code 0.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cliCommand } from './process.js';

/** Run `wasmtune <args> | <reader>` in bash with pipefail (so the status is wasmtune's unless it is 0). */
function pipe(args: string, reader: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"$@" ${args} | ${reader}`, 'bash', ...cliCommand()], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a closed pipe', () => {
  it('wasmtune kernels | head -1: the first kernel, and nothing on stderr', () => {
    const r = pipe('kernels', 'head -1');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kernel:\/\/wasmtune-v0\/\S+ +\d+ B {2}\S/);
  });

  it('a reader that is gone before the first line is written', () => {
    const r = pipe('kernels', 'true');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('wasmtune passes | head -1', () => {
    const r = pipe('passes', 'head -1');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^-O1 +pipeline +\S.*\n$/);
  });
});
