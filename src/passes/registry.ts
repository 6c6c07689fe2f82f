/**
 * The pass registry: one namespace for Binaryen's passes, our own (`wt-…`), and the pipeline steps
 * (`-O1` … `-Oz`). Unknown names fail with the closest names; excluded Binaryen passes fail with the
 * reason they are excluded.
 *
 * Parameters. A custom pass may declare a finite parameter domain; each value is then a step of its own,
 * written `name:value` (`wt-unroll:4`), and registered here under that name. So every step in the
 * registry is a complete action (search spaces, recipes and the catalog contract need nothing more), and
 * a step with a missing or bad argument fails with the values the pass takes.
 */
import { WasmtuneError, didYouMean } from '../errors.js';
import { PIPELINES, splitGroup, splitStep } from '../recipe/recipe.js';
import { BINARYEN_PASSES, EXCLUDED_PASSES, type BinaryenPassInfo } from './binaryen-passes.js';
import { CUSTOM_PASSES, type PassParam } from './custom/index.js';
import type { PassRequirement } from './requirements.js';

export type { PassRequirement };

export interface PassInfo {
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly origin: 'binaryen' | 'custom' | 'pipeline';
  /** What the pass needs before it may run or be proposed (see ./requirements.ts). */
  readonly requires?: readonly PassRequirement[];
  readonly note?: string;
  /** A step of a parameterised pass (`wt-unroll:4`): the pass (`wt-unroll`) and the value (`4`). */
  readonly param?: { readonly pass: string; readonly value: string };
  /**
   * Whether the step may run on a group of functions (`hot/licm`): Binaryen's function-parallel passes,
   * which change only the function they run on, and the pipelines, whose function part (Binaryen's
   * default function optimization passes at the pipeline's levels) then runs. Not Binaryen's module
   * passes (inlining, dead-argument elimination, removing or merging functions…) nor passes of ours.
   */
  readonly perFunction: boolean;
}

function build(): ReadonlyMap<string, PassInfo> {
  const map = new Map<string, PassInfo>();
  const add = (info: PassInfo) => {
    if (map.has(info.name)) throw new Error(`duplicate pass name '${info.name}'`);
    map.set(info.name, Object.freeze(info));
  };
  for (const [name, p] of Object.entries(PIPELINES)) {
    add({ name, description: `Binaryen's default pipeline at optimize level ${p.optimizeLevel}, shrink level ${p.shrinkLevel} (as wasm-opt ${name})`, category: 'pipeline', origin: 'pipeline', perFunction: true });
  }
  for (const [name, p] of Object.entries(BINARYEN_PASSES) as Array<[string, BinaryenPassInfo]>) {
    const { scope, ...info } = p;
    add({ name, origin: 'binaryen', ...info, perFunction: scope !== 'module' });
  }
  for (const [name, p] of Object.entries(CUSTOM_PASSES)) {
    const common = { origin: 'custom', category: p.category, perFunction: false, ...(p.requires?.length ? { requires: p.requires } : {}) } as const;
    if (!p.param) add({ name, description: p.description, ...common });
    for (const value of p.param?.values ?? []) {
      add({ name: `${name}:${value}`, description: `${p.description} (${p.param!.name} ${value})`, ...common, param: { pass: name, value } });
    }
  }
  return map;
}

/** Custom passes that take a parameter, with its domain. */
const PARAMETERISED: ReadonlyMap<string, PassParam> = new Map(
  Object.entries(CUSTOM_PASSES).flatMap(([name, p]) => (p.param ? [[name, p.param] as const] : [])),
);

export const PASSES: ReadonlyMap<string, PassInfo> = build();

export function isKnownStep(name: string): boolean {
  return PASSES.has(name);
}

export function knownSteps(): Iterable<string> {
  return PASSES.keys();
}

/**
 * The pass of that name, or a user error that says why not. A group step (`hot/licm`) is the pass it
 * runs, when that pass may run on a group of functions.
 */
export function getPass(name: string): PassInfo {
  const p = PASSES.get(name);
  if (p) return p;
  const { group, step } = splitGroup(name);
  if (group !== undefined) {
    const inner = getPass(step);
    if (!inner.perFunction) {
      const why = inner.origin === 'custom' ? 'it is a pass of ours, which works on the whole module' : 'it works on the module as a whole (it moves code between functions or changes what functions, globals or segments there are)';
      throw new WasmtuneError('E_UNKNOWN_PASS', `Step '${name}' cannot run on function group '${group}': ${why}. Run it as a whole-module step ('${step}').`);
    }
    return inner;
  }
  const { name: pass, arg } = splitStep(name);
  const param = PARAMETERISED.get(pass);
  if (param) {
    const steps = param.values.map((v) => `'${pass}:${v}'`).join(', ');
    const got = arg === undefined ? `needs a ${param.name}` : `takes a ${param.name} of ${param.values.join(', ')}, got '${arg}'`;
    throw new WasmtuneError('E_UNKNOWN_PASS', `Pass '${pass}' ${got}: write one of ${steps}.`);
  }
  if (arg !== undefined && PASSES.has(pass)) throw new WasmtuneError('E_UNKNOWN_PASS', `Pass '${pass}' takes no argument, got '${name}'.`);
  const excluded = (EXCLUDED_PASSES as Record<string, { reason: string } | undefined>)[name];
  if (excluded) throw new WasmtuneError('E_UNKNOWN_PASS', `Pass '${name}' is excluded from wasmtune's catalog: ${excluded.reason}`);
  throw new WasmtuneError('E_UNKNOWN_PASS', `Unknown pass '${name}'.${didYouMean(name, PASSES.keys())} Run 'wasmtune passes' for the catalog.`);
}

/** The steps a search may use, by default: every catalog pass and pipeline. */
export function actionSpace(): string[] {
  return [...PASSES.keys()];
}

/**
 * A step as it goes into a recipe: passes that need flat IR are preceded by `flatten` (on the same
 * function group), so the recipe runs as written under wasm-opt too.
 */
export function expandStep(name: string): string[] {
  const p = getPass(name);
  if (!p.requires?.includes('flat')) return [name];
  const { group } = splitGroup(name);
  return [group === undefined ? 'flatten' : `${group}/flatten`, name];
}
