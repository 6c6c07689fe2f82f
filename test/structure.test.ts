// The direction of dependencies, read from the import statements of every TypeScript file in src/,
// agents/, bench/ and test/ (static imports, `export … from`, dynamic `import()`, `require()`):
// - the product (src/, agents/) never imports bench/, which holds benchmark scripts and their results;
// - only src/binaryen/module.ts imports the `binaryen` package, so that one file owns every Binaryen call
//   and a process that never builds a module never loads binaryen.js. This holds for tests, benchmarks and
//   src/passes/binaryen-passes.check.ts too: the check is a script run by hand, but it probes Binaryen from
//   inside the product tree, and the wrapper re-exports the raw API for exactly that;
// - the files of src/ and agents/ import each other without cycles. Runtime imports first (a cycle there
//   makes load order decide which module sees the other half-initialised), then with type-only imports as
//   well: a type cycle does not break loading, but it means neither module can be understood or moved
//   without the other, and it is always undone by giving the shared type a module of its own.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'agents', 'bench', 'test'];

interface Import {
  /** The file imported (relative to the repository, `/`-separated) or the package name. */
  target: string;
  /** The specifier as written. */
  specifier: string;
  /** Erased at compile time: `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
  /** `import()` or `require()`: loaded when the code runs, not when the importing module loads. */
  dynamic: boolean;
  line: number;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const repoPath = (abs: string) => relative(ROOT, abs).split('\\').join('/');

/** What a specifier names: a file of this repository (its .ts source) or a package (without subpath). */
function resolveSpecifier(from: string, specifier: string): string {
  if (specifier.startsWith('.')) {
    const abs = resolve(dirname(from), specifier);
    const candidates = [abs.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts').replace(/\.cjs$/, '.cts'), abs, `${abs}.ts`, join(abs, 'index.ts')];
    return repoPath(candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? abs);
  }
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean, dynamic = false) => found.push({
    target: resolveSpecifier(file, specifier),
    specifier,
    typeOnly,
    dynamic,
    line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
  });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node, node.moduleSpecifier.text, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node, node.arguments[0].text, false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const graph = new Map<string, Import[]>(SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((f) => [repoPath(f), importsOf(f)]));

const inProduct = (path: string) => path.startsWith('src/') || path.startsWith('agents/');

/**
 * The cycles among product files, one per strongly connected component (Tarjan), each written out as a
 * shortest path from one of its files back to itself: `a.ts:12 → b.ts:3 → a.ts` (file:line of the import).
 */
function cycles(withTypes: boolean): string[] {
  const edges = (from: string) =>
    (graph.get(from) ?? []).filter((i) => inProduct(i.target) && graph.has(i.target) && (withTypes || !i.typeOnly));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of edges(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges(v).some((e) => e.target === v)) components.push(component);
  };
  for (const file of [...graph.keys()].filter(inProduct).sort()) if (!index.has(file)) connect(file);

  return components.map((component) => {
    const members = new Set(component);
    const start = component.sort()[0]!;
    // Breadth-first from `start` inside the component until an edge leads back to it.
    const parent = new Map<string, { from: string; line: number }>();
    let closing: { from: string; line: number } | undefined;
    const queue = [start];
    for (let i = 0; i < queue.length && !closing; i++) {
      const v = queue[i]!;
      for (const e of edges(v)) {
        if (e.target === start) closing = { from: v, line: e.line };
        if (closing) break;
        if (!members.has(e.target) || parent.has(e.target)) continue;
        parent.set(e.target, { from: v, line: e.line });
        queue.push(e.target);
      }
    }
    const path = [start];
    for (let at = closing!; ; at = parent.get(at.from)!) {
      path.unshift(`${at.from}:${at.line}`);
      if (at.from === start) break;
    }
    return `${path.join(' → ')}  (${component.length} files: ${component.sort().join(', ')})`;
  });
}

/**
 * The modules loaded by loading `file`: its static runtime imports, transitively, each with the chain of
 * imports that reaches it (`import()` and type-only imports load nothing then).
 */
function loadedWith(file: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const e of graph.get(v) ?? []) {
      if (e.typeOnly || e.dynamic || chains.has(e.target)) continue;
      chains.set(e.target, [...chains.get(v)!, e.target]);
      if (graph.has(e.target)) queue.push(e.target);
    }
  }
  return chains;
}

describe('the import graph', () => {
  it('is read from static, type-only and dynamic imports', () => {
    // Known edges of each kind, so that an empty or half-read graph cannot pass the checks below.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/binaryen/module.ts')?.some((i) => i.target === 'binaryen' && !i.typeOnly)).toBe(true);
    expect(graph.get('src/kernels/wat.ts')?.some((i) => i.target === 'wabt' && i.dynamic)).toBe(true);
    expect(graph.get('test/queue/distributed.test.ts')?.find((i) => i.target === 'src/leaderboard/tasks.ts')?.typeOnly).toBe(true);
    expect(graph.get('agents/registry.ts')?.some((i) => i.target.startsWith('agents/') && graph.has(i.target))).toBe(true);
  });

  it('has no import of bench/ from src/ or agents/', () => {
    const found = [...graph].flatMap(([file, imports]) =>
      inProduct(file) ? imports.filter((i) => i.target.startsWith('bench/')).map((i) => `${file}:${i.line} imports ${i.specifier}`) : []);
    expect(found).toEqual([]);
  });

  it('has no import of the binaryen package except in src/binaryen/module.ts', () => {
    const found = [...graph].flatMap(([file, imports]) =>
      file === 'src/binaryen/module.ts' ? [] : imports.filter((i) => i.target === 'binaryen').map((i) => `${file}:${i.line} imports ${i.specifier}`));
    expect(found).toEqual([]);
  });

  it('has no cycle among the runtime imports of src/ and agents/', () => {
    expect(cycles(false)).toEqual([]);
  });

  it('has no cycle among src/ and agents/ when type-only imports count too', () => {
    expect(cycles(true)).toEqual([]);
  });

  it('loads no binaryen when the programmatic API is imported (modules are built in child processes)', () => {
    const loaded = loadedWith('src/index.ts');
    expect(loaded.has('src/search/tune.ts')).toBe(true);
    const binaryen = ['binaryen', 'src/binaryen/module.ts'].flatMap((m) => loaded.has(m) ? [loaded.get(m)!.join(' → ')] : []);
    expect(binaryen).toEqual([]);
  });
});
