/**
 * A small toolkit over Binaryen's IR for our custom passes. binaryen.js reads and builds expressions
 * but has no child iterator, no visitor and no parent links, so this file lists the children of every
 * expression kind our passes accept (the MVP, sign extension, non-trapping conversions, bulk memory,
 * SIMD, tail calls, basic reference types and tuples), each with a setter, and walks a tree with a way
 * to put another expression in the current node's place. A walk that meets any other kind (atomics,
 * exceptions, GC, strings) throws {@link UnknownExpression}: the passes refuse such a function instead
 * of guessing at its shape. Nothing here imports binaryen; the API object comes in with the pass.
 */
import type { ModulePass } from '../../binaryen/module.js';

export type Module = Parameters<ModulePass>[0];
export type Api = Parameters<ModulePass>[1];
/** An expression reference (a pointer into Binaryen's heap). 0 means "none". */
export type Ref = number;

/** A place in a tree: the expression there, and how to put another one in its place. */
export interface Place {
  readonly ref: Ref;
  readonly set: (next: Ref) => void;
}

/** A walk met an expression kind that {@link childPlaces} does not know. */
export class UnknownExpression extends Error {
  constructor(readonly id: number) {
    super(`expression kind ${id} is not supported by wasmtune's custom passes`);
  }
}

// The expression wrapper statics exist at runtime but are missing from binaryen's typings.
type Get = (e: Ref) => Ref;
type Put = (e: Ref, child: Ref) => void;
interface Wrappers {
  Block: { getName(e: Ref): string | null; setName(e: Ref, n: string): void; getNumChildren(e: Ref): number; getChildAt(e: Ref, i: number): Ref; setChildAt(e: Ref, i: number, c: Ref): void };
  Loop: { getName(e: Ref): string | null; setName(e: Ref, n: string): void; getBody: Get; setBody: Put };
  If: { getCondition: Get; getIfTrue: Get; getIfFalse: Get };
  Break: { getName(e: Ref): string; setName(e: Ref, n: string): void; getCondition: Get; getValue: Get };
  Switch: { getNumNames(e: Ref): number; getNameAt(e: Ref, i: number): string; setNameAt(e: Ref, i: number, n: string): void; getDefaultName(e: Ref): string; setDefaultName(e: Ref, n: string): void };
  Call: { getTarget(e: Ref): string; isReturn(e: Ref): boolean; getNumOperands(e: Ref): number; getOperandAt(e: Ref, i: number): Ref };
  CallIndirect: { isReturn(e: Ref): boolean };
  LocalGet: { getIndex(e: Ref): number; setIndex(e: Ref, i: number): void };
  LocalSet: { getIndex(e: Ref): number; setIndex(e: Ref, i: number): void; isTee(e: Ref): boolean; getValue: Get };
  Binary: { getOp(e: Ref): number; getLeft: Get; getRight: Get };
  Unary: { getOp(e: Ref): number; getValue: Get };
  Const: { getValueI32(e: Ref): number; getValueI64(e: Ref): bigint };
  RefFunc: { getFunc(e: Ref): string };
  GlobalGet: { getName(e: Ref): string };
  Return: { getValue: Get };
  Function: { getBody(f: number): Ref; setBody(f: number, body: Ref): void };
}
type Statics = Record<string, Record<string, (e: Ref, a?: number | Ref, b?: Ref) => unknown>>;

/** The typed wrapper statics (Block.getChildAt, Loop.setBody, …) of this binaryen API object. */
export function wrappers(api: Api): Wrappers {
  return api as unknown as Wrappers;
}

/**
 * Children of each kind, in evaluation order: a wrapper class and the names of its child fields
 * (`Ptr` → getPtr/setPtr), or `*` for a variable-length list (getNumX/getXAt/setXAt) followed by the
 * list's name. Optional children (an `if` without `else`, a `br` without value) read as 0 and are skipped.
 */
const KINDS: Record<string, readonly [cls: string, ...fields: string[]]> = {
  Block: ['Block', '*Child'],
  If: ['If', 'Condition', 'IfTrue', 'IfFalse'],
  Loop: ['Loop', 'Body'],
  Break: ['Break', 'Value', 'Condition'],
  Switch: ['Switch', 'Value', 'Condition'],
  Call: ['Call', '*Operand'],
  CallIndirect: ['CallIndirect', '*Operand', 'Target'],
  LocalGet: ['LocalGet'],
  LocalSet: ['LocalSet', 'Value'],
  GlobalGet: ['GlobalGet'],
  GlobalSet: ['GlobalSet', 'Value'],
  Load: ['Load', 'Ptr'],
  Store: ['Store', 'Ptr', 'Value'],
  Const: ['Const'],
  Unary: ['Unary', 'Value'],
  Binary: ['Binary', 'Left', 'Right'],
  Select: ['Select', 'IfTrue', 'IfFalse', 'Condition'],
  Drop: ['Drop', 'Value'],
  Return: ['Return', 'Value'],
  MemorySize: ['MemorySize'],
  MemoryGrow: ['MemoryGrow', 'Delta'],
  Nop: ['Nop'],
  Unreachable: ['Unreachable'],
  SIMDExtract: ['SIMDExtract', 'Vec'],
  SIMDReplace: ['SIMDReplace', 'Vec', 'Value'],
  SIMDShuffle: ['SIMDShuffle', 'Left', 'Right'],
  SIMDTernary: ['SIMDTernary', 'A', 'B', 'C'],
  SIMDShift: ['SIMDShift', 'Vec', 'Shift'],
  SIMDLoad: ['SIMDLoad', 'Ptr'],
  SIMDLoadStoreLane: ['SIMDLoadStoreLane', 'Ptr', 'Vec'],
  MemoryInit: ['MemoryInit', 'Dest', 'Offset', 'Size'],
  DataDrop: ['DataDrop'],
  MemoryCopy: ['MemoryCopy', 'Dest', 'Source', 'Size'],
  MemoryFill: ['MemoryFill', 'Dest', 'Value', 'Size'],
  RefNull: ['RefNull'],
  RefIsNull: ['RefIsNull', 'Value'],
  RefFunc: ['RefFunc'],
  RefEq: ['RefEq', 'Left', 'Right'],
  TableGet: ['TableGet', 'Index'],
  TableSet: ['TableSet', 'Index', 'Value'],
  TableSize: ['TableSize'],
  TableGrow: ['TableGrow', 'Value', 'Delta'],
  TupleMake: ['TupleMake', '*Operand'],
  TupleExtract: ['TupleExtract', 'Tuple'],
};

const tables = new WeakMap<Api, Map<number, readonly [string, ...string[]]>>();

function kindTable(api: Api): Map<number, readonly [string, ...string[]]> {
  let t = tables.get(api);
  if (!t) {
    const ids = api as unknown as Record<string, number>;
    t = new Map(Object.entries(KINDS).map(([kind, spec]) => [ids[`${kind}Id`]!, spec]));
    tables.set(api, t);
  }
  return t;
}

/** The places of an expression's children, in evaluation order. Throws {@link UnknownExpression}. */
export function childPlaces(api: Api, ref: Ref): Place[] {
  const id = api.getExpressionId(ref);
  const spec = kindTable(api).get(id);
  if (!spec) throw new UnknownExpression(id);
  const [cls, ...fields] = spec;
  const w = (api as unknown as Statics)[cls]!;
  const out: Place[] = [];
  for (const f of fields) {
    if (f.startsWith('*')) {
      const x = f.slice(1);
      const n = w[`getNum${x === 'Child' ? 'Children' : `${x}s`}`]!(ref) as number;
      for (let i = 0; i < n; i++) {
        out.push({ ref: w[`get${x}At`]!(ref, i) as Ref, set: (c) => void w[`set${x}At`]!(ref, i, c) });
      }
    } else {
      const c = w[`get${f}`]!(ref) as Ref;
      if (c) out.push({ ref: c, set: (v) => void w[`set${f}`]!(ref, v) });
    }
  }
  return out;
}

/**
 * Walk the tree at `root` depth-first. `enter` sees each place before its children (return false to
 * skip them), `leave` after; both get the ancestors' refs, outermost first. Places stay valid while the
 * walk runs, so a callback may replace the node it is given (the walk then goes on with the children of
 * the node that was there when `enter` returned).
 */
export function walk(
  api: Api,
  root: Place,
  enter: (p: Place, ancestors: readonly Ref[]) => boolean | void,
  leave?: (p: Place, ancestors: readonly Ref[]) => void,
): void {
  const ancestors: Ref[] = [];
  const visit = (p: Place) => {
    if (enter(p, ancestors) === false) return;
    const children = childPlaces(api, p.ref);
    ancestors.push(p.ref);
    for (const c of children) visit(c);
    ancestors.pop();
    leave?.(p, ancestors);
  };
  visit(root);
}

/** Every expression under (and including) root, in pre-order. Throws {@link UnknownExpression}. */
export function allPlaces(api: Api, root: Ref): Place[] {
  const out: Place[] = [];
  walk(api, { ref: root, set: () => { throw new Error('the root of allPlaces cannot be replaced'); } }, (p) => void out.push(p));
  return out;
}

/** Number of expressions in the tree (a size measure independent of the binary encoding). */
export function treeSize(api: Api, root: Ref): number {
  return allPlaces(api, root).length;
}

/** The place of a function's body. */
export function bodyPlace(api: Api, fn: number): Place {
  const w = wrappers(api);
  return { ref: w.Function.getBody(fn), set: (b) => w.Function.setBody(fn, b) };
}

/** Labels a block or loop defines (empty for an unnamed one, and for every other kind). */
export function definedLabel(api: Api, ref: Ref): string | undefined {
  const id = api.getExpressionId(ref);
  const w = wrappers(api);
  if (id === api.BlockId) return w.Block.getName(ref) || undefined;
  if (id === api.LoopId) return w.Loop.getName(ref) || undefined;
  return undefined;
}

/** Labels a branch may jump to (br, br_if, br_table); empty for every other kind. */
export function branchTargets(api: Api, ref: Ref): string[] {
  const id = api.getExpressionId(ref);
  const w = wrappers(api);
  if (id === api.BreakId) return [w.Break.getName(ref)];
  if (id === api.SwitchId) {
    const names = Array.from({ length: w.Switch.getNumNames(ref) }, (_, i) => w.Switch.getNameAt(ref, i));
    return [...names, w.Switch.getDefaultName(ref)];
  }
  return [];
}

/** Every label defined in the tree. */
export function labelsIn(api: Api, root: Ref): Set<string> {
  const out = new Set<string>();
  for (const p of allPlaces(api, root)) {
    const l = definedLabel(api, p.ref);
    if (l) out.add(l);
  }
  return out;
}

/** Fresh label names: Binaryen requires every label in a function to be unique. */
export class LabelNames {
  private readonly used: Set<string>;
  private next = 0;
  constructor(used: Iterable<string>) {
    this.used = new Set(used);
  }
  fresh(base: string): string {
    for (;;) {
      const name = `${base}$wt${this.next++}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

/**
 * Give every label defined inside `root` (a fresh copy) a fresh name, and point the branches that target
 * them at the new names. Branches to labels outside the copy are left alone.
 */
export function renameLabels(api: Api, root: Ref, names: LabelNames): void {
  const map = new Map<string, string>();
  for (const l of labelsIn(api, root)) map.set(l, names.fresh(l.replace(/\$wt\d+$/, '')));
  if (!map.size) return;
  const w = wrappers(api);
  for (const { ref } of allPlaces(api, root)) {
    const id = api.getExpressionId(ref);
    const l = definedLabel(api, ref);
    if (l) (id === api.BlockId ? w.Block : w.Loop).setName(ref, map.get(l)!);
  }
  retarget(api, root, map);
}

/** Point the branches in the tree that target a key of `map` at its value. */
export function retarget(api: Api, root: Ref, map: ReadonlyMap<string, string>): void {
  const w = wrappers(api);
  for (const { ref } of allPlaces(api, root)) {
    const id = api.getExpressionId(ref);
    if (id === api.BreakId) {
      const to = map.get(w.Break.getName(ref));
      if (to) w.Break.setName(ref, to);
    } else if (id === api.SwitchId) {
      for (let i = 0; i < w.Switch.getNumNames(ref); i++) {
        const to = map.get(w.Switch.getNameAt(ref, i));
        if (to) w.Switch.setNameAt(ref, i, to);
      }
      const to = map.get(w.Switch.getDefaultName(ref));
      if (to) w.Switch.setDefaultName(ref, to);
    }
  }
}

/** Local writes in the tree: index → the local.set/local.tee expressions writing it. */
export function localWrites(api: Api, root: Ref): Map<number, Ref[]> {
  const out = new Map<number, Ref[]>();
  const w = wrappers(api);
  for (const { ref } of allPlaces(api, root)) {
    if (api.getExpressionId(ref) !== api.LocalSetId) continue;
    const i = w.LocalSet.getIndex(ref);
    const list = out.get(i) ?? [];
    list.push(ref);
    out.set(i, list);
  }
  return out;
}

/** The statements of a block (its children), or the expression itself as a one-statement list. */
export function statements(api: Api, ref: Ref): Ref[] {
  if (api.getExpressionId(ref) !== api.BlockId) return [ref];
  const w = wrappers(api);
  return Array.from({ length: w.Block.getNumChildren(ref) }, (_, i) => w.Block.getChildAt(ref, i));
}

/** The i32 value of an `i32.const`, or undefined for anything else. */
export function i32Const(api: Api, ref: Ref): number | undefined {
  if (api.getExpressionId(ref) !== api.ConstId || api.getExpressionType(ref) !== api.i32) return undefined;
  return wrappers(api).Const.getValueI32(ref) | 0;
}

export { definedFunctions } from '../../binaryen/functions.js';

/**
 * How the per-decision steps (`wt-vectorize-loop:r`, `wt-reroll-loop:r`, `wt-slp-group:r`) rank what
 * their pass would take: the positions in its report of the decisions `taken` accepts, those inside
 * more loops first, then in report order (module order). Rank r is the r-th position.
 */
export function rankOrder<T extends { depth: number }>(decisions: readonly T[], taken: (d: T) => boolean): number[] {
  return decisions.map((d, i) => ({ d, i })).filter((x) => taken(x.d)).sort((x, y) => y.d.depth - x.d.depth || x.i - y.i).map((x) => x.i);
}

/** The ranks the per-decision steps take: a search decides the first four decisions of each pass. */
export const DECISION_RANKS = ['0', '1', '2', '3'] as const;

/** A per-decision step's argument as its rank; anything else is an error naming `what` is ranked. */
export function decisionRank(arg: unknown, what: string): number {
  if (!(DECISION_RANKS as readonly string[]).includes(String(arg))) throw new Error(`the ${what} rank must be one of ${DECISION_RANKS.join(', ')}, got ${String(arg)}`);
  return Number(arg);
}
