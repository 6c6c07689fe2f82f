/**
 * The compiled build (dist/) of the sources in src/, and whether it is the build of the sources as they
 * are now. Child processes started from source run the compiled copy when it is current: under tsx a
 * child spends seconds transforming Binaryen's 14 MB module before it can answer, the compiled copy
 * starts in well under a second. A stale copy is never used: the source is run instead.
 *
 * "Current" is decided by content, never by file times: a stamp records a hash of the sources (with the
 * compiler settings and version) and a hash of the JavaScript emitted from them. The copy is current when
 * both still match. {@link updateCompiled} builds dist/ and writes the stamp.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root when this module runs from source (src/proc/ → root). */
const SOURCE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Stamp {
  sources: string;
  output: string;
}

/** Where the stamp of a root's dist/ is kept: per root, since worktrees may share one node_modules. */
const stampPath = (root: string) =>
  join(root, 'node_modules', '.cache', 'wasmtune', `dist-stamp-${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16)}.json`);

/**
 * Files under `dir` (recursively) whose names pass `keep`, as paths relative to `base`, sorted. Folders
 * named `assembly` hold AssemblyScript sources (AssemblyScript's own layout): left out, as tsconfig.json
 * leaves them out.
 */
function filesUnder(dir: string, base: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'assembly') walk(p);
      } else if (keep(e.name)) out.push(relative(base, p).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

function hashFiles(base: string, files: readonly string[], extra = ''): string {
  const h = createHash('sha256').update(extra);
  for (const f of files) h.update(`\u0000${f}\u0000`).update(readFileSync(join(base, f)));
  return h.digest('hex');
}

/**
 * The sources the build compiles, relative to the root: src/ and agents/ (the product: a child running
 * the command line, such as a queue worker, imports both) and bench/ (the benchmarks run from dist/).
 */
function sourceFiles(root: string): string[] {
  const keep = (n: string) => n.endsWith('.ts') && !n.endsWith('.check.ts') && !n.endsWith('.d.ts') && !n.endsWith('.test.ts');
  // Data files of src/ (src/passes/step-cost.json) are copied into dist/ by the build, so they count too.
  const data = (n: string) => n.endsWith('.json');
  return [...['src', 'agents', 'bench'].flatMap((d) => filesUnder(join(root, d), root, keep)), ...filesUnder(join(root, 'src'), root, data)];
}

/** Everything the emitted JavaScript of src/ depends on: the sources, the compiler settings, the compiler. */
function sourcesHash(root: string, sources: readonly string[]): string {
  let compiler = 'unknown';
  try {
    compiler = (JSON.parse(readFileSync(join(root, 'node_modules', 'typescript', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // no compiler installed: the hash still covers the sources
  }
  return hashFiles(root, [...sources, 'tsconfig.json', 'tsconfig.build.json'].filter((f) => existsSync(join(root, f))), `typescript ${compiler}`);
}

/** The JavaScript emitted for `sources` in an output directory (dist/ or a build in progress); undefined when a file is missing. */
function outputHash(outDir: string, sources: readonly string[]): string | undefined {
  const js = sources.map((f) => f.replace(/\.ts$/, '.js'));
  return js.every((f) => existsSync(join(outDir, f))) ? hashFiles(outDir, js) : undefined;
}

function readStamp(root: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(stampPath(root), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** Whether dist/ holds the build of the current sources (by content; see the module comment). */
export function compiledIsCurrent(root = SOURCE_ROOT): boolean {
  const stamp = readStamp(root);
  if (!stamp) return false;
  try {
    const sources = sourceFiles(root);
    return stamp.sources === sourcesHash(root, sources) && stamp.output === outputHash(join(root, 'dist'), sources);
  } catch {
    return false;
  }
}

/**
 * The compiled copy of a source file (`src/…/x.ts` → `dist/src/…/x.js`) when dist/ is current and has
 * it; undefined otherwise.
 */
export function compiledCopy(sourceFile: string, root = SOURCE_ROOT): string | undefined {
  const rel = relative(root, sourceFile);
  if (rel.startsWith('..') || !rel.endsWith('.ts')) return undefined;
  const js = join(root, 'dist', rel.replace(/\.ts$/, '.js'));
  return existsSync(js) && compiledIsCurrent(root) ? js : undefined;
}

/**
 * Make dist/ current: compile (tsconfig.build.json) into a scratch directory beside dist/, move each
 * changed file into dist/ by rename (a process starting from dist/ meanwhile never reads a half-written
 * file), and record the stamp. Nothing is done when dist/ is already current. Emits even when the
 * sources have type errors, as `npm run build` does; fails only when the compiler emits nothing.
 */
export function updateCompiled(root = SOURCE_ROOT): { rebuilt: boolean; ms: number } {
  const t0 = performance.now();
  if (compiledIsCurrent(root)) return { rebuilt: false, ms: performance.now() - t0 };
  const files = sourceFiles(root);
  const sources = sourcesHash(root, files);
  // Same depth as dist/, so source-map paths come out as they do in dist/.
  const scratch = join(root, `.dist-build-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  try {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', scratch], { cwd: root, encoding: 'utf8' });
    const emitted = filesUnder(scratch, scratch, () => true);
    const output = outputHash(scratch, files);
    if (r.error || output === undefined) {
      throw new Error(`tsc did not emit src/ (${r.error?.message ?? `exit ${r.status}`}): ${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim().slice(0, 2000)}`);
    }
    const dist = join(root, 'dist');
    for (const f of emitted) {
      const from = join(scratch, f);
      const to = join(dist, f);
      if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue;
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
    mkdirSync(dirname(stampPath(root)), { recursive: true });
    const tmp = `${stampPath(root)}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ sources, output } satisfies Stamp) + '\n');
    renameSync(tmp, stampPath(root));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { rebuilt: true, ms: performance.now() - t0 };
}
