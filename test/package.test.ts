// wasmtune as a user gets it: `npm pack`, then `npm install ./wasmtune-<version>.tgz` in an empty project.
// The package holds what a run needs (the compiled code, the suite's kernels, the trained policies, the
// examples the README points to) and nothing else; installed, `--agent policy` samples from the trained
// policy, every output lands in the user's project (the given --out, else wasmtune-out/ and .wasmtune/
// under the current directory) and never inside node_modules/wasmtune, and `import { tune } from
// 'wasmtune'` works without loading Binaryen in the importing process.
//
// The contents are checked on every run (`npm pack --dry-run`, seconds). Packing for real and installing
// takes minutes (a build, ~150 packages, better-sqlite3 compiled from source where no prebuilt binary
// can be fetched), so that part runs when CI is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { ciRun, describeRequiring } from './requirements.js';

const ROOT = resolve(import.meta.dirname, '..');
const SUITE = 'wasmtune-v0';
const KERNEL = `kernel://${SUITE}/crc32`;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell: without the variables `npm test` and the test run add (npm's
 * npm_* settings, the test results database), so that commands use their defaults.
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD' && k !== 'WASMTUNE_DB'));
  return { ...env, NO_COLOR: '1' };
}

function run(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** `run`, failing with the command's output unless it exits 0. */
async function ok(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  const r = await run(command, args, cwd);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.code} in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

function packed(stdout: string): PackResult {
  // `npm pack --json` prints one entry per packed directory; lifecycle output goes to stderr.
  return (JSON.parse(stdout.slice(stdout.indexOf('['))) as PackResult[])[0]!;
}

/** Files of a directory, recursively, as `/`-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** An `exports` entry: a path, or conditions (`types`, `default`) mapping to paths. */
type ExportTarget = string | { [condition: string]: ExportTarget };

function exportFiles(t: ExportTarget): string[] {
  return typeof t === 'string' ? [t] : Object.values(t).flatMap(exportFiles);
}

/** Problems with a package's file list: what a run needs and is missing, and what it does not need. */
function contentProblems(paths: readonly string[]): string[] {
  const have = new Set(paths);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; exports: Record<string, ExportTarget> };
  const suite = join(ROOT, 'kernels', SUITE);
  const needed = [
    'package.json', 'README.md',
    ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap(exportFiles).map((p) => p.replace(/^\.\//, '')),
    'dist/src/cli/main.js', 'dist/agents/registry.js',
    'agents/policies/size.json', 'agents/policies/runtime.json',
    // Every kernel of the suite with its harness, and the examples the README shows.
    ...filesUnder(suite).filter((f) => /(^|\/)(module\.wasm|harness\.(json|mjs))$/.test(f)).map((f) => `kernels/${SUITE}/${f}`),
    ...filesUnder(join(ROOT, 'examples')).map((f) => `examples/${f}`),
  ];
  const unneeded: Array<[RegExp, string]> = [
    [/^(src|agents|bench|test)\/.*\.ts$/, 'TypeScript source (the package runs dist/)'],
    [/^(bench|dist\/bench)\//, 'benchmark scripts and results'],
    [/^(test|dist\/test|test-artifacts)\//, 'tests and their output'],
    [/\.map$/, 'source map of sources the package does not hold'],
    [/^kernels\/(reference-o2\/|build\.sh$|wat2wasm\.mjs$)/, 'benchmark references and kernel build tools'],
    [/^(\.wasmtune|wasmtune-out|node_modules)\//, 'run output'],
  ];
  return [
    ...needed.filter((p) => !have.has(p)).map((p) => `missing: ${p}`),
    ...paths.flatMap((p) => unneeded.filter(([re]) => re.test(p)).map(([, why]) => `not needed: ${p} (${why})`)),
  ];
}

/**
 * Import the API as a user does (`import … from 'wasmtune'`, resolved from `cwd`) under a resolve hook
 * that refuses binaryen: modules are built in child processes, so neither the import nor loading a suite
 * kernel may need it. Prints what the import gave.
 */
function importApi(cwd: string): Promise<Ran> {
  const hook = `export async function resolve(specifier, context, next) {
    const r = await next(specifier, context);
    if (r.url.includes('/node_modules/binaryen/')) throw new Error('binaryen loaded by ' + context.parentURL);
    return r;
  }`;
  const script = [
    "import { register } from 'node:module';",
    `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));`,
    "const { tune, loadKernel, getAgent } = await import('wasmtune');",
    `const kernel = await loadKernel(${JSON.stringify(KERNEL)});`,
    "console.log(JSON.stringify({ tune: typeof tune, agent: getAgent('greedy').name, moduleBytes: kernel.bytes.length }));",
  ].join('\n');
  return run(process.execPath, ['--input-type=module', '-e', script], cwd);
}

const apiAsImported = () => ({ tune: 'function', agent: 'greedy', moduleBytes: statSync(join(ROOT, 'kernels', SUITE, 'crc32', 'module.wasm')).size });

describe('the package', () => {
  it('holds what a run needs and nothing else (npm pack --dry-run)', async () => {
    const r = await ok('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    expect(contentProblems(packed(r.stdout).files.map((f) => f.path))).toEqual([]);
  }, 60_000);

  it("exports the API: import { tune } from 'wasmtune' (the package importing itself, from dist/) loads no binaryen", async () => {
    const r = await importApi(ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(apiAsImported());
  }, 60_000);
});

describeRequiring(ciRun('packing, installing and running the package takes minutes', 'test/package.test.ts'), 'the packed and installed package', () => {
  let scratch: string;
  let tarball: PackResult;
  let project: string;
  let installed: string;
  /** Size and modification time of every file of node_modules/wasmtune, right after installing. */
  let asInstalled: Map<string, string>;

  const snapshot = (dir: string) => new Map(filesUnder(dir).map((f) => {
    const s = statSync(join(dir, f));
    return [f, `${s.size} ${s.mtimeMs}`] as const;
  }));
  const changedInPackage = () => {
    const now = snapshot(installed);
    const keys = new Set([...now.keys(), ...asInstalled.keys()]);
    return [...keys].filter((k) => now.get(k) !== asInstalled.get(k));
  };
  const wasmtune = (...args: string[]) => run('npx', ['--no', 'wasmtune', ...args], project);

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'wasmtune-package-'));
    // Pack a copy of the working tree (every file git does not ignore), so that the build npm runs before
    // packing never rewrites the dist/ that other tests' child processes start from.
    const source = join(scratch, 'source');
    const listed = (await ok('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT)).stdout.split('\0').filter(Boolean);
    for (const f of listed) {
      if (!existsSync(join(ROOT, f)) || f === 'node_modules' || f.startsWith('node_modules/')) continue;
      mkdirSync(dirname(join(source, f)), { recursive: true });
      cpSync(join(ROOT, f), join(source, f));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
    tarball = packed((await ok('npm', ['pack', '--json', '--pack-destination', scratch], source)).stdout);

    project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-wasmtune', private: true, type: 'module' }, null, 2));
    // --prefer-offline: packages already in npm's cache are not fetched again. Install scripts are skipped:
    // the only one a run needs is better-sqlite3's native build, which takes minutes and tests npm and
    // node-gyp rather than wasmtune; the repository's own build of the same pinned version, for the same
    // Node, is copied in instead.
    await ok('npm', ['install', join(scratch, tarball.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
    const sqlite = (root: string) => join(root, 'node_modules', 'better-sqlite3');
    const version = (root: string) => (JSON.parse(readFileSync(join(sqlite(root), 'package.json'), 'utf8')) as { version: string }).version;
    expect(version(project)).toBe(version(ROOT));
    mkdirSync(join(sqlite(project), 'build', 'Release'), { recursive: true });
    cpSync(join(sqlite(ROOT), 'build', 'Release', 'better_sqlite3.node'), join(sqlite(project), 'build', 'Release', 'better_sqlite3.node'));
    installed = join(project, 'node_modules', 'wasmtune');
    asInstalled = snapshot(installed);
  }, 900_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('packs what a run needs, from a fresh build (no output of removed sources)', () => {
    const paths = tarball.files.map((f) => f.path);
    expect(contentProblems(paths)).toEqual([]);
    const stale = paths.filter((p) => p.startsWith('dist/') && p.endsWith('.js') && !existsSync(join(ROOT, p.slice('dist/'.length).replace(/\.js$/, '.ts'))));
    expect(stale).toEqual([]);
  });

  it('--agent policy samples from the trained policy', async () => {
    for (const f of ['size.json', 'runtime.json']) {
      expect(readFileSync(join(installed, 'agents', 'policies', f)).equals(readFileSync(join(ROOT, 'agents', 'policies', f)))).toBe(true);
    }
    const byDefault = await wasmtune('tune', KERNEL, '--agent', 'policy', '--objective', 'size', '--budget', '3', '--no-runtime');
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(byDefault.stderr).not.toMatch(/untrained|no policy file/);
    // The same search as with the committed policy named explicitly.
    const named = await wasmtune('tune', KERNEL, '--agent', 'policy', '--agent-options', `policy=${join(ROOT, 'agents', 'policies', 'size.json')}`,
      '--objective', 'size', '--budget', '3', '--no-runtime', '--out', 'named', '--json');
    expect(named.code, named.stderr).toBe(0);
    const report = (dir: string) => JSON.parse(readFileSync(join(project, dir, 'report.json'), 'utf8')) as { best: { recipe: unknown }; curve: unknown };
    const fromDefault = report('wasmtune-out/crc32-size-s1');
    expect(fromDefault.best.recipe).toEqual(report('named').best.recipe);
    expect(fromDefault.curve).toEqual(report('named').curve);
    // The results database is the project's.
    expect(existsSync(join(project, '.wasmtune', 'wasmtune.db'))).toBe(true);
    expect(changedInPackage()).toEqual([]);
  }, 300_000);

  it('leaderboard writes into --out, and by default under the current directory, never into the package', async () => {
    const args = ['leaderboard', '--agents', 'random', '--kernels', KERNEL, '--budget', '2', '--seeds', '1'];
    const given = await wasmtune(...args, '--out', 'lb');
    expect(given.code, given.stderr).toBe(0);
    for (const f of ['results.jsonl', 'table.md', 'table.json']) expect(existsSync(join(project, 'lb', f)), f).toBe(true);
    expect(readFileSync(join(project, 'lb', 'table.md'), 'utf8')).toContain('random');

    const byDefault = await wasmtune(...args);
    expect(byDefault.code, byDefault.stderr).toBe(0);
    const boards = join(project, 'wasmtune-out', 'leaderboard');
    const written = existsSync(boards) ? filesUnder(boards) : [];
    expect(written.filter((f) => f.endsWith('/results.jsonl'))).toHaveLength(1);
    expect(changedInPackage()).toEqual([]);
  }, 300_000);

  it("import { tune } from 'wasmtune' works, and loads no binaryen", async () => {
    const r = await importApi(project);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(apiAsImported());
    expect(changedInPackage()).toEqual([]);
  }, 60_000);
});
