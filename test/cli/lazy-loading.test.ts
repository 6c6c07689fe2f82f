// Help and usage errors load no command's dependencies: `wasmtune --help`, `wasmtune <command> --help`
// and a flag the command does not take are answered from the option tables alone. A module-resolution
// hook in the child process logs every module it loads.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMAND_NAMES } from '../../src/cli/commands/index.js';
import { runCli } from './process.js';

const HEAVY = ['binaryen', 'bullmq', 'ioredis', 'better-sqlite3', 'wabt', 'vega', 'vega-lite', 'vega-embed', 'cli-progress'];

const dir = mkdtempSync(join(tmpdir(), 'wasmtune-lazy-'));
writeFileSync(join(dir, 'hooks.mjs'), [
  "import { appendFileSync } from 'node:fs';",
  'export async function resolve(specifier, context, next) {',
  '  const r = await next(specifier, context);',
  "  appendFileSync(process.env.WASMTUNE_LOAD_LOG, r.url + '\\n');",
  '  return r;',
  '}',
].join('\n'));
writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);

let n = 0;
/** Run wasmtune and return the modules it loaded (URLs) and its result. */
function loaded(args: string[]): { urls: string[]; status: number | null; stdout: string; stderr: string } {
  const log = join(dir, `load-${n++}.log`);
  writeFileSync(log, '');
  const r = runCli(args, { execArgv: ['--import', pathToFileURL(join(dir, 'register.mjs')).href], env: { WASMTUNE_LOAD_LOG: log } });
  return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The dependencies among the loaded modules, by package name. */
function packagesOf(urls: string[]): Set<string> {
  return new Set(urls.flatMap((u) => {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
    return m ? [m[1]!] : [];
  }));
}

function expectLight(args: string[], status: number): void {
  const r = loaded(args);
  expect(r.status, r.stderr).toBe(status);
  // The hook saw the command line's own modules load, so an empty list means nothing, not a broken hook.
  expect(r.urls.some((u) => /\/cli\/commands\/index\.(ts|js)$/.test(u))).toBe(true);
  const heavy = [...packagesOf(r.urls)].filter((p) => HEAVY.includes(p));
  expect(heavy, `wasmtune ${args.join(' ')} loaded ${heavy.join(', ')}`).toEqual([]);
  expect(r.urls.filter((u) => /\/src\/(evaluate|db|queue|binaryen|search|learn|kernels)\//.test(u))).toEqual([]);
}

describe('help and usage errors load no dependency of a command', () => {
  it('wasmtune --help', () => expectLight(['--help'], 0));
  it('wasmtune with no command', () => expectLight([], 2));
  for (const name of COMMAND_NAMES) {
    it(`wasmtune ${name} --help`, () => expectLight([name, '--help'], 0));
  }
  it('wasmtune help tune', () => expectLight(['help', 'tune'], 0));
  it('a flag the command does not take, and an unknown command', () => {
    expectLight(['passes', '--episodes', '5'], 2);
    expectLight(['tnue', 'crc32'], 2);
  });

  it('while a command that needs a dependency loads it (the hook sees packages)', () => {
    const r = loaded(['runs', '--db', join(dir, 'absent.db')]);
    expect(r.stderr).toMatch(/E_IO: No results database/);
    expect(packagesOf(r.urls).has('better-sqlite3')).toBe(true);
  });
});
