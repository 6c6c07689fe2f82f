/**
 * The plotting library, inlined into the page so it works offline: the minified browser builds of Vega,
 * Vega-Lite and vega-embed from node_modules, in that order (each defines a global the next one uses).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { WasmtuneError } from '../errors.js';

const require = createRequire(import.meta.url);

/** The directory of an installed package (its package.json may not be exported, so walk up from its entry). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    // The package's own directory sits right under node_modules (a build/ folder may have a package.json too).
    if (basename(dirname(dir)) === 'node_modules' && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new WasmtuneError('E_IO', `Cannot find the installed package ${name} (run 'npm ci').`);
    dir = up;
  }
}

export interface Bundle {
  name: string;
  version: string;
  /** The script, safe to put between <script> tags. */
  code: string;
}

const BUNDLES = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
] as const;

let cached: Bundle[] | undefined;

export function plottingBundles(): Bundle[] {
  cached ??= BUNDLES.map(([name, file]) => {
    const dir = packageDir(name);
    const path = join(dir, file);
    if (!existsSync(path)) throw new WasmtuneError('E_IO', `${path} is missing: the browser build of ${name} is needed for HTML reports.`);
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    return { name, version, code: scriptSafe(readFileSync(path, 'utf8')) };
  });
  return cached;
}

/** Text that cannot end or confuse the <script> element it is put in. */
export function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
