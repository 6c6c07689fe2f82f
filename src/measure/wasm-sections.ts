/**
 * The little of a module's binary layout that profiling needs, read without Binaryen (the runner and the
 * command line never load binaryen.js): how many functions are imported, where each function body lies in
 * the module's bytes, the memory import's limits, and the function names as Binaryen gives them.
 *
 * Offsets are what V8's CPU profiler reports: a wasm frame's `columnNumber` is the byte offset, from the
 * start of the module, of the function's body (its local declarations, just after the body's size). So a
 * sample maps to a function by offset, whatever names V8 shows (docs/measurement.md, "Profiles").
 *
 * Names follow Binaryen 132's reader (`WasmBinaryReader`, src/wasm/wasm-binary.cpp) exactly, so that a
 * profile names functions the way `binaryen.readBinary(bytes)` then `getFunctionInfo(…).name` does:
 *  - a name from the name section's function subsection is kept as it is (no escaping), except that a
 *    name already given in the same subsection becomes `name_N`, N counting up from the number of names
 *    read so far in it;
 *  - an unnamed imported function is `fimport$K`, K its position among the function imports (which is its
 *    function index); an unnamed defined function is its position among the defined functions, `"0"`,
 *    `"1"`, … (its function index minus the number of function imports);
 *  - a default name that some other function already has becomes `root_N`, N counting up from the number
 *    of names in use.
 * binaryen.js reads a name as a C string, so a name holding a NUL byte ends there (test/measure/
 * function-names.test.ts checks all of this against binaryen.js).
 */
import { sections, WasmReader } from '../wasm/reader.js';

/** One defined function's code. */
export interface FunctionBody {
  /** Index in the function index space (function imports first). */
  index: number;
  /** Byte offset of the body (after its size), from the start of the module: V8's `columnNumber`. */
  offset: number;
  /** Body size, bytes. */
  size: number;
}

/** An imported memory's declared limits, in pages. */
export interface MemoryImport {
  module: string;
  base: string;
  initialPages: number;
  maximumPages?: number;
}

export interface WasmLayout {
  /** Functions imported (they come first in the function index space and have no body). */
  functionImports: number;
  /** The defined functions' bodies, in index order. */
  bodies: FunctionBody[];
  memoryImport?: MemoryImport;
  /** The function subsections of the name section(s), in order: [function index, name] as written. */
  nameSubsections: Array<Array<[number, string]>>;
}

const SECTION = { custom: 0, import: 2, code: 10 } as const;
const IMPORT_KIND = { function: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;
/** Value types followed by a heap type: (ref null ht) and (ref ht). */
const REF_WITH_HEAP_TYPE = new Set([0x63, 0x64]);
const CONTEXT = "Cannot read the module's layout";

function valueType(r: WasmReader): void {
  if (REF_WITH_HEAP_TYPE.has(r.byte())) r.s();
}

/** Limits of a table or memory: [initial, maximum?, flags]. */
function limits(r: WasmReader): [number, number | undefined, number] {
  const flags = r.u32();
  const initial = r.u64();
  const maximum = flags & 1 ? r.u64() : undefined;
  if (flags & 8) r.u32(); // custom page size (log2)
  return [initial, maximum, flags];
}

/** The layout of a module's bytes: E_BAD_MODULE when the sections it reads are malformed. */
export function readLayout(bytes: Uint8Array): WasmLayout {
  const layout: WasmLayout = { functionImports: 0, bodies: [], nameSubsections: [] };
  for (const { id, contents: s } of sections(bytes, CONTEXT)) {
    if (id === SECTION.import) readImports(s, layout);
    else if (id === SECTION.code) readCode(s, layout);
    else if (id === SECTION.custom && s.name() === 'name') readNames(s, layout);
  }
  return layout;
}

function readImports(r: WasmReader, layout: WasmLayout): void {
  for (let n = r.u32(), i = 0; i < n; i++) {
    const module = r.name();
    const base = r.name();
    const kind = r.byte();
    if (kind === IMPORT_KIND.function) {
      r.u32();
      layout.functionImports++;
    } else if (kind === IMPORT_KIND.table) {
      valueType(r);
      limits(r);
    } else if (kind === IMPORT_KIND.memory) {
      const [initialPages, maximumPages] = limits(r);
      layout.memoryImport = { module, base, initialPages, ...(maximumPages !== undefined ? { maximumPages } : {}) };
    } else if (kind === IMPORT_KIND.global) {
      valueType(r);
      r.byte();
    } else if (kind === IMPORT_KIND.tag) {
      r.byte();
      r.u32();
    } else r.fail(`import kind ${kind}`);
  }
}

function readCode(r: WasmReader, layout: WasmLayout): void {
  for (let n = r.u32(), i = 0; i < n; i++) {
    const size = r.u32();
    layout.bodies.push({ index: layout.functionImports + i, offset: r.pos, size });
    r.skip(size);
  }
}

function readNames(r: WasmReader, layout: WasmLayout): void {
  while (!r.done) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (id === 1) {
      const sub = r.sub(end);
      const entries: Array<[number, string]> = [];
      for (let n = sub.u32(), i = 0; i < n; i++) entries.push([sub.u32(), sub.name()]);
      layout.nameSubsections.push(entries);
    }
    r.pos = end;
  }
}

/** Binaryen's `Names::getValidName`: `root` when free, else `root_N` with N counting up from `hint`. */
function validName(root: string, used: ReadonlySet<string>): string {
  if (!used.has(root)) return root;
  for (let n = used.size; ; n++) if (!used.has(`${root}_${n}`)) return `${root}_${n}`;
}

/**
 * The name Binaryen gives each function when it reads the module, by function index (imports first): see
 * the rules at the top of this file. `layout` from {@link readLayout}.
 */
export function binaryenFunctionNames(layout: WasmLayout): string[] {
  const explicit = new Map<number, string>();
  const used = new Set<string>();
  for (const entries of layout.nameSubsections) {
    const seen = new Set<string>();
    for (const [index, raw] of entries) {
      const name = validName(raw, seen);
      seen.add(name);
      explicit.set(index, name);
      used.add(name);
    }
  }
  const named = (index: number, root: string): string => {
    const given = explicit.get(index);
    if (given !== undefined) return given;
    const name = validName(root, used);
    used.add(name);
    return name;
  };
  const names: string[] = [];
  for (let i = 0; i < layout.functionImports; i++) names.push(named(i, `fimport$${i}`));
  for (const body of layout.bodies) names.push(named(body.index, String(body.index - layout.functionImports)));
  // binaryen.js hands names over as C strings.
  return names.map((n) => n.split('\0')[0]!);
}
