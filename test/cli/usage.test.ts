// Each command parses its own options: a flag it does not take, an unknown command, a missing or extra
// argument is E_USAGE (exit 2), one line that names the command and suggests what was meant.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

async function usageError(...argv: string[]): Promise<string> {
  const r = await cli(...argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^wasmtune: error E_USAGE: /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  return r.stderr;
}

describe('options per command', () => {
  it('a flag of another command is refused, naming the commands that take it', async () => {
    const e = await usageError('passes', '--episodes', '5');
    expect(e).toMatch(/Unknown option '--episodes' for 'wasmtune passes' \(an option of 'wasmtune train' and 'wasmtune select'\)/);
    expect(e).toMatch(/See 'wasmtune passes --help'/);
  });

  it('a misspelt flag gets the closest flag of the command', async () => {
    expect(await usageError('tune', 'crc32', '--budgte', '3')).toMatch(/Unknown option '--budgte' for 'wasmtune tune'\. Did you mean '--budget'\?/);
    expect(await usageError('leaderboard', '--seed', '3')).toMatch(/Did you mean '--seeds'\?/);
  });

  it('a flag that takes no value, or lacks its value', async () => {
    expect(await usageError('runs', '--json=yes')).toMatch(/--json/);
    expect(await usageError('tune', 'crc32', '--budget')).toMatch(/--budget/);
  });

  it('an unknown command gets the closest commands; the old model-selection name points to select', async () => {
    expect(await usageError('tnue', 'crc32')).toMatch(/Unknown command 'tnue'\. Did you mean 'tune'/);
    expect(await usageError('sweep', '--lr', '0.01')).toMatch(/Unknown command 'sweep'\. Model selection is 'wasmtune select'/);
    expect(await usageError('--db', 'x.db', 'runs')).toMatch(/The command comes first/);
  });

  it('missing and extra arguments', async () => {
    expect(await usageError('show')).toMatch(/'wasmtune show' needs <run>/);
    expect(await usageError('replay', 'recipe.json')).toMatch(/'wasmtune replay' needs <kernel\|module>/);
    expect(await usageError('kernels', 'crc32')).toMatch(/'wasmtune kernels' takes no arguments, not also 'crc32'/);
    expect(await usageError('tune')).toMatch(/needs <kernel\|module>, or --resume <run>/);
  });

  it('tune --resume takes its options from the stored run, so it refuses run options given again', async () => {
    expect(await usageError('tune', '--resume', '1', '--budget', '5', '-o', 'x')).toMatch(/drop --budget, --out/);
    expect(await usageError('tune', 'crc32', '--resume', '1')).toMatch(/drop 'crc32'/);
  });

  it('select checks its grid before training anything', async () => {
    expect(await usageError('select', '--optimizer', 'adam,adamm')).toMatch(/Unknown optimizer 'adamm'/);
    expect(await usageError('select', '--lr', '0.01,x')).toMatch(/--lr must be comma-separated numbers > 0, got 'x'/);
  });
});
