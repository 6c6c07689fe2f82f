// `runs`, `show <run>` and `export <run> --csv|--json` read what `tune` recorded.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;

describe('the database commands', () => {
  it('list, show and export a recorded run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-dbcmd-'));
    const db = join(dir, 'r.db');
    const t = await cli('tune', fx('sum.wat'), '--harness', fx('sum.harness.json'), '--objective', 'size', '--budget', '6', '--no-runtime', '--db', db, '--out', join(dir, 'out'));
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(new RegExp(`recorded   run 1 in ${db}`));

    const runs = await cli('runs', '--db', db);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/^run\s+status\s+task\s+kernel/);
    expect(runs.stdout).toMatch(/\n1\s+done\s+-\s+\S*sum\.wat\s+random\s+1\s+size\s+6\/6\s+0\s+\d\.\d{4} \(final\)/);

    const show = await cli('show', '1', '--db', db);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^run\s+1 \(done\)/);
    expect(show.stdout).toMatch(/evaluated\s+6 /);
    expect(show.stdout).toMatch(/result\s+\d\.\d{4} vs the baseline/);

    const csv = await cli('export', '1', '--csv', '-', '--db', db);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^runId,seq,state,reason,score,sizeBytes,/);
    expect(lines).toHaveLength(7);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['0', '1', '2', '3', '4', '5']);

    const out = join(dir, 'e.json');
    expect((await cli('export', '1', '--json', '-o', out, '--db', db)).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { run: { id: number; status: string }; report: { evaluations: number }; evaluations: Array<{ seq: number; recipe: { passes: string[] } }> };
    expect(json.run).toMatchObject({ id: 1, status: 'done' });
    expect(json.report.evaluations).toBe(6);
    expect(json.evaluations.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.isArray(json.evaluations[0]!.recipe.passes)).toBe(true);

    const again = await cli('tune', '--resume', '1', '--db', db);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/E_USAGE: Run 1 is finished/);
    const unknown = await cli('show', '9', '--db', db);
    expect(unknown.stderr).toMatch(/E_UNKNOWN_RUN: No run 9/);
    const none = await cli('runs', '--db', join(dir, 'absent.db'));
    expect(none.stderr).toMatch(/E_IO: No results database at/);
  });
});
