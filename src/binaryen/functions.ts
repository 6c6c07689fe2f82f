/**
 * The defined (not imported) functions of a Binaryen module, in index order. It takes the binaryen.js API
 * object as an argument and imports nothing, so that the custom passes, which get the API with the
 * module, and the wrapper (module.ts, the one file that imports binaryen) list functions the same way.
 */
/** What is read of a module: binaryen.js's `Module` has it. */
interface Module {
  getNumFunctions(): number;
  getFunctionByIndex(index: number): number;
}

/** What is read of the API object: binaryen.js has it. */
interface Api {
  getFunctionInfo(ref: number): { name: string; module: string | null };
}

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
