// A real application module tuned through its package's own loader: bench/modules/sqljs is sql.js's
// SQLite build (Emscripten), and its harness instantiates each run's module through sql.js's initSqlJs.
// check runs the original twice on every seed and validates -O3 of it, through that loader.
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { cli } from '../helpers.js';

const dir = new URL('../../bench/modules/sqljs/', import.meta.url).pathname;

describe('sql.js through its own loader', () => {
  it('validates the original and -O3 of it', async () => {
    expect(statSync(`${dir}module.wasm`).size).toBeGreaterThan(200_000);
    const r = await cli('check', `${dir}module.wasm`, '--harness', `${dir}harness.mjs`, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.o3.state).toBe('ok');
    // The query results and the database file the engine wrote are compared, and each depends on the seed.
    const outputs = report.outputs as Array<{ name: string; sameOnEverySeed: boolean }>;
    expect(outputs.map((o) => o.name)).toEqual(['byProduct', 'byRegion', 'top', 'months', 'text', 'file']);
    expect(outputs.filter((o) => o.sameOnEverySeed)).toEqual([]);
  }, 120_000);
});
