/**
 * Kernels: a module plus (normally) a harness. Suite kernels have versioned URIs,
 * `kernel://wasmtune-v0/<name>`, and live in `kernels/<suite>/<name>/` with a harness that names their
 * module. Any other module is given as a path (.wasm or .wat) with an optional `--harness`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WasmtuneError, didYouMean, messageOf } from '../errors.js';
import { loadHarness, type LoadedHarness } from '../harness/load.js';
import { watToWasm } from './wat.js';

export const DEFAULT_SUITE = 'wasmtune-v0';
export const URI_PREFIX = 'kernel://';

export interface Kernel {
  /** `kernel://suite/name` for suite kernels, `file://…` for others. */
  uri: string;
  name: string;
  description: string;
  /** The module as given (WAT already assembled). */
  bytes: Uint8Array;
  /** Undefined when no harness was given: only Binaryen validation is possible. */
  harness: LoadedHarness | undefined;
}

/** The project root (holds package.json and kernels/), from src/ or dist/src/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'kernels'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the wasmtune project root');
}

function harnessIn(dir: string): string | undefined {
  for (const f of ['harness.json', 'harness.mjs']) if (existsSync(join(dir, f))) return join(dir, f);
  return undefined;
}

/** URIs of every kernel in a suite, sorted. */
export function listSuite(suite = DEFAULT_SUITE): string[] {
  const dir = join(projectRoot(), 'kernels', suite);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory() && harnessIn(join(dir, n)))
    .sort()
    .map((n) => `${URI_PREFIX}${suite}/${n}`);
}

/** Parse the bytes of a module file, checking that it is WebAssembly at all. */
export async function readModuleFile(path: string): Promise<Uint8Array> {
  if (!existsSync(path)) throw new WasmtuneError('E_IO', `Module file not found: ${path}`);
  const raw = new Uint8Array(readFileSync(path));
  const bytes = extname(path) === '.wat' || extname(path) === '.wast' ? await watToWasm(new TextDecoder().decode(raw), path) : raw;
  try {
    new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
  } catch (e) {
    throw new WasmtuneError('E_BAD_MODULE', `Not a valid WebAssembly module: ${path}: ${messageOf(e).replace(/^WebAssembly\.Module\(\): /, '')}`);
  }
  return bytes;
}

/** Resolve a kernel URI, suite name, or module path (with an optional harness path). */
export async function loadKernel(spec: string, harnessPath?: string): Promise<Kernel> {
  if (spec.startsWith(URI_PREFIX) || (!spec.includes('/') && !spec.includes('.'))) {
    const rest = spec.startsWith(URI_PREFIX) ? spec.slice(URI_PREFIX.length) : `${DEFAULT_SUITE}/${spec}`;
    const [suite, name, ...extra] = rest.split('/');
    const known = listSuite(suite);
    const uri = `${URI_PREFIX}${suite}/${name}`;
    if (!suite || !name || extra.length || !known.includes(uri)) {
      throw new WasmtuneError('E_UNKNOWN_KERNEL', `Unknown kernel '${spec}'.${didYouMean(uri, known)} Run 'wasmtune kernels' for the list.`);
    }
    const dir = join(projectRoot(), 'kernels', suite!, name!);
    const harness = await loadHarness(harnessPath ?? harnessIn(dir)!);
    const modulePath = harness.modulePath ?? join(dir, 'module.wasm');
    return { uri, name: name!, description: harness.harness.description ?? '', bytes: await readModuleFile(modulePath), harness };
  }
  const path = resolve(spec);
  const bytes = await readModuleFile(path);
  const harness = harnessPath ? await loadHarness(harnessPath) : undefined;
  return {
    uri: `file://${path}`,
    name: harness?.harness.name ?? basename(path, extname(path)),
    description: harness?.harness.description ?? '',
    bytes,
    harness,
  };
}
