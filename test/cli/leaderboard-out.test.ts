// `wasmtune leaderboard` writes into the working directory (wasmtune-out/leaderboard/<task>), never into
// the installed package; --out puts it elsewhere.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';

const tiny = ['leaderboard', '--kernels', 'crc32', '--agents', 'random', '--budget', '2', '--seeds', '1', '--objective', 'size', '--quiet'];

describe('wasmtune leaderboard output', () => {
  it('defaults to wasmtune-out/leaderboard/<task> under the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wasmtune-lb-cwd-'));
    const home = process.cwd();
    process.chdir(cwd);
    let r;
    try {
      r = await cli(...tiny, '--db', join(cwd, 'runs.db'));
    } finally {
      process.chdir(home);
    }
    expect(r.code, r.stderr).toBe(0);
    const dir = join(cwd, 'wasmtune-out', 'leaderboard', 'custom-size');
    expect(r.stdout).toContain(`wrote ${dir}/results.jsonl`);
    const rows = readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kernel: string; agent: string });
    expect(rows).toEqual([expect.objectContaining({ kernel: 'crc32', agent: 'random' })]);
    expect(existsSync(join(dir, 'table.md'))).toBe(true);
  });

  it('--out writes where it says', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wasmtune-lb-out-')), 'board');
    const r = await cli(...tiny, '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).agents.map((a: { agent: string }) => a.agent)).toEqual(['random']);
    expect(existsSync(join(out, 'results.jsonl'))).toBe(true);
  });
});
