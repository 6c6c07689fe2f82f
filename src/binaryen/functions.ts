/**
 * The defined (not imported) functions of a Binaryen module, in index order. It takes the binaryen.js API
 * object as an argument instead of importing binaryen, so that the custom passes, which get the API with
 * the module, and the wrapper (module.ts) list functions the same way without the passes loading
 * binaryen.js.
 */
import type { ModulePass } from './module.js';

type Module = Parameters<ModulePass>[0];
type Api = Parameters<ModulePass>[1];

export interface DefinedFunction {
  /** Index among all the module's functions (imports first), as `getFunctionByIndex` takes it. */
  index: number;
  /** The function's reference. */
  ref: number;
  name: string;
}

export function definedFunctions(m: Module, api: Api): DefinedFunction[] {
  const out: DefinedFunction[] = [];
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const ref = m.getFunctionByIndex(i);
    const info = api.getFunctionInfo(ref);
    if (!info.module) out.push({ index: i, ref, name: info.name });
  }
  return out;
}
