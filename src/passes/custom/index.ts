/**
 * Passes of our own, in the same namespace as Binaryen's (prefix `wt-`). Each lives in its own file
 * and is registered here; the builder process runs them on the module between Binaryen's passes.
 */
import type { ModulePass } from '../../binaryen/module.js';

export interface CustomPassInfo {
  readonly description: string;
  readonly category: string;
  readonly apply: ModulePass;
}

/** The registry of custom passes (empty until the first one lands). */
export const CUSTOM_PASSES: Readonly<Record<string, CustomPassInfo>> = {};

export function customPassFunctions(): Map<string, ModulePass> {
  return new Map(Object.entries(CUSTOM_PASSES).map(([name, info]) => [name, info.apply]));
}
