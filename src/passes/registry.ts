/**
 * The pass registry: one namespace for Binaryen's passes, our own (`wt-…`), and the pipeline steps
 * (`-O1` … `-Oz`). Unknown names fail with the closest names; excluded Binaryen passes fail with the
 * reason they are excluded.
 */
import { WasmtuneError, didYouMean } from '../errors.js';
import { PIPELINES } from '../recipe.js';
import { BINARYEN_PASSES, EXCLUDED_PASSES, type PassRequirement } from './binaryen-passes.js';
import { CUSTOM_PASSES } from './custom/index.js';

export interface PassInfo {
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly origin: 'binaryen' | 'custom' | 'pipeline';
  readonly requires?: readonly PassRequirement[];
  readonly note?: string;
}

function build(): ReadonlyMap<string, PassInfo> {
  const map = new Map<string, PassInfo>();
  const add = (info: PassInfo) => {
    if (map.has(info.name)) throw new Error(`duplicate pass name '${info.name}'`);
    map.set(info.name, Object.freeze(info));
  };
  for (const [name, p] of Object.entries(PIPELINES)) {
    add({ name, description: `Binaryen's default pipeline at optimize level ${p.optimizeLevel}, shrink level ${p.shrinkLevel} (as wasm-opt ${name})`, category: 'pipeline', origin: 'pipeline' });
  }
  for (const [name, p] of Object.entries(BINARYEN_PASSES) as Array<[string, (typeof BINARYEN_PASSES)[keyof typeof BINARYEN_PASSES]]>) {
    add({ name, origin: 'binaryen', ...(p as Omit<PassInfo, 'name' | 'origin'>) });
  }
  for (const [name, p] of Object.entries(CUSTOM_PASSES)) {
    add({ name, origin: 'custom', description: p.description, category: p.category });
  }
  return map;
}

export const PASSES: ReadonlyMap<string, PassInfo> = build();

export function isKnownStep(name: string): boolean {
  return PASSES.has(name);
}

export function knownSteps(): Iterable<string> {
  return PASSES.keys();
}

/** The pass of that name, or a user error that says why not. */
export function getPass(name: string): PassInfo {
  const p = PASSES.get(name);
  if (p) return p;
  const excluded = (EXCLUDED_PASSES as Record<string, { reason: string } | undefined>)[name];
  if (excluded) throw new WasmtuneError('E_UNKNOWN_PASS', `Pass '${name}' is excluded from wasmtune's catalog: ${excluded.reason}`);
  throw new WasmtuneError('E_UNKNOWN_PASS', `Unknown pass '${name}'.${didYouMean(name, PASSES.keys())} Run 'wasmtune passes' for the catalog.`);
}

/** The steps a search may use, by default: every catalog pass and pipeline. */
export function actionSpace(): string[] {
  return [...PASSES.keys()];
}

/**
 * A step as it goes into a recipe: passes that need flat IR are preceded by `flatten`, so the recipe
 * runs as written under wasm-opt too.
 */
export function expandStep(name: string): string[] {
  const p = getPass(name);
  return p.requires?.includes('flat') ? ['flatten', name] : [name];
}
