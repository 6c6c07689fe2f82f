/**
 * `wt-promote-cells:loads|cells|all`: memory cells promoted to Wasm locals inside loops. (a) A
 * loop-invariant load (its address built only from constants, locals the loop never writes and globals
 * it never changes) whose cell no store in the loop may overwrite is loaded once before the loop, and
 * every load of it in the loop becomes a `local.get`. (b) A cell the loop reads and writes (`s[i] += …`
 * in a loop over k, an accumulator clang -O0/-O1 keeps in memory, a global or static counter) is loaded
 * once before the loop and read from the local inside; its stores either go on storing the new value
 * (`store p (local.tee $t v)`: the loads are gone, memory stays current at every point) or, when nothing
 * else in the loop can trap and every exit is a plain branch or the fall-through, become `local.set`s
 * with the value stored back once on every exit of the loop. `loads` does (a) only, `cells` (b) only,
 * `all` both. Binaryen misses this: its `licm` (in no -O pipeline) moves an expression out of a loop only
 * if the loop has no effect it could interact with, and its effect analysis lets a load move past no
 * store or call at all (any store in the loop pins every load, whatever the address), so `sum[i]` in a
 * loop that also writes `sum[i]` or `C[…]` stays put; it never turns a memory cell into a local
 * (`simplify-locals` and `local-cse` work on locals only, and `local-cse` stops at any store); and V8 in
 * Node 20 does no load elimination on linear memory either.
 *
 * Aliasing is decided conservatively, per loop. An address is a base plus a constant: the base is a
 * loop-invariant expression (compared by its shape: the same locals, globals, constants and operators
 * give the same value anywhere in the loop), the constant collects `i32.add`/`i32.sub` of constants and
 * the memarg offset. Two accesses with the same base are disjoint when their constant offsets differ by
 * at least the width of the one below, modulo 2^32 (as Wasm address arithmetic is); anything else (other
 * bases, an address the loop computes, memory.copy/fill/init, SIMD lane stores) may alias. A call in the
 * loop may write anything, so it blocks every cell of the loop. Only full-width scalar accesses (i32 and
 * f32 of 4 bytes, i64 and f64 of 8) that agree on type and width are promoted; a narrow or punned access
 * to an overlapping address blocks the cell. A module with shared memory (threads could write the cell),
 * 64-bit or several memories is left alone, as is a function with an expression kind the IR toolkit does
 * not know.
 *
 * Traps. The load before the loop must not trap where the original did not; the choice made here: it
 * is placed only where the loop would perform an access of the same address and width anyway before any
 * side effect, or where that cannot trap. That is, (1) the address is a constant inside the memory's
 * initial size (memory never shrinks), or (2) executing the loop body from its start reaches an access
 * of the cell through code without side effects or branches (a load there may trap, but then the
 * original traps at the same state too), or (3) as (2) after the loop's entry test: the body starts with
 * `br_if $out C` (while loops from clang -O0 and hand-written WAT) or is `if C (then …)` (AssemblyScript)
 * with C free of side effects and writing only locals it does not read before writing (so evaluating it
 * once more gives the same values), and then the load before the loop is guarded by that test (a loop
 * that runs zero times loads nothing). Stores are sunk out of the loop only with (1) or (2), when no other
 * access in the loop may read the cell, when nothing else in the loop may trap (other memory accesses,
 * integer division, float-to-int truncation, `unreachable`) unless the recipe sets traps-never-happen,
 * and when the loop leaves only by falling through or by `br`/`br_if` without a value; otherwise the
 * stores stay (store-through), so memory is current whenever the loop traps or leaves. With
 * traps-never-happen, (2) and (3) may also pass over stores on the way to the access. Loops are
 * processed innermost first, so a load hoisted out of an inner loop can leave the enclosing loop too.
 */
import type { ModulePass } from '../../binaryen/module.js';
import {
  UnknownExpression, bodyPlace, branchTargets, childPlaces, definedFunctions, labelsIn, localWrites, statements, walk, wrappers,
  type Api, type Module, type Place, type Ref,
} from './ir-tree.js';

export const PROMOTE_CELL_KINDS = ['loads', 'cells', 'all'] as const;
export type PromoteCellKind = (typeof PROMOTE_CELL_KINDS)[number];

export interface CellPromotionStats {
  /** Loops seen in functions the pass could read. */
  loops: number;
  /** Loop-invariant loads hoisted (cells the loop only reads). */
  invariantLoads: number;
  /** Cells read and written in a loop, promoted with their stores kept (store-through). */
  cellsStoredThrough: number;
  /** Cells read and written in a loop, promoted with their stores sunk to the loop's exits. */
  cellsSunk: number;
  /** Candidate cells (and unreadable functions) left alone: reason → count. */
  refused: Record<string, number>;
}

// The wrapper statics this pass needs beyond ir-tree's (present at runtime, missing from the typings).
interface MoreWrappers {
  Store: { getValue(e: Ref): Ref; setValue(e: Ref, v: Ref): void; getValueType(e: Ref): number };
  Break: { getCondition(e: Ref): Ref; getValue(e: Ref): Ref; getName(e: Ref): string };
  If: { getCondition(e: Ref): Ref; getIfTrue(e: Ref): Ref; getIfFalse(e: Ref): Ref };
  Loop: { getBody(e: Ref): Ref };
  _BinaryenFunctionAddVar(f: number, type: number): number;
}
const more = (api: Api) => api as unknown as MoreWrappers;

interface LoadOrStoreInfo {
  id: number;
  type: number;
  isAtomic: boolean;
  offset: number;
  bytes: number;
  align: number;
  ptr: Ref;
}

/** A node of the loop with its place and how deep it sits (replacements go deepest first). */
interface Site {
  readonly place: Place;
  readonly depth: number;
}

/** A load or store at a known address: base shape + constant. */
interface Access extends Site {
  readonly store: boolean;
  readonly base: string;
  /** The constant part of the pointer, modulo 2^32. */
  readonly ptrOffset: number;
  /** The memarg offset. */
  readonly memOffset: number;
  readonly bytes: number;
  readonly type: number;
  readonly align: number;
  /** Full-width scalar, not atomic: may be promoted. */
  readonly promotable: boolean;
}

/** A memory effect other than a promotable access: may touch any byte. */
type Other = { kind: 'load' | 'store' | 'call' } & Site;

interface Cell {
  readonly accesses: Access[];
  readonly hasStore: boolean;
}

const TWO32 = 2 ** 32;

/** Binary operators on addresses that never trap (an address may use them in its invariant base). */
function safeBinaryOps(api: Api): Set<number> {
  return new Set([
    api.AddInt32, api.SubInt32, api.MulInt32, api.AndInt32, api.OrInt32, api.XorInt32, api.ShlInt32, api.ShrSInt32, api.ShrUInt32, api.RotLInt32, api.RotRInt32,
  ]);
}

function trappingBinaryOps(api: Api): Set<number> {
  return new Set([api.DivSInt32, api.DivUInt32, api.RemSInt32, api.RemUInt32, api.DivSInt64, api.DivUInt64, api.RemSInt64, api.RemUInt64]);
}

function trappingUnaryOps(api: Api): Set<number> {
  return new Set([
    api.TruncSFloat32ToInt32, api.TruncSFloat32ToInt64, api.TruncUFloat32ToInt32, api.TruncUFloat32ToInt64,
    api.TruncSFloat64ToInt32, api.TruncSFloat64ToInt64, api.TruncUFloat64ToInt32, api.TruncUFloat64ToInt64,
  ]);
}

/** Kinds with no side effect (they may trap): code made only of these may run once more, or earlier. */
function pureKinds(api: Api): Set<number> {
  return new Set([
    api.ConstId, api.LocalGetId, api.LocalSetId, api.GlobalGetId, api.LoadId, api.SIMDLoadId, api.UnaryId, api.BinaryId, api.SelectId,
    api.DropId, api.NopId, api.MemorySizeId, api.SIMDExtractId, api.SIMDReplaceId, api.SIMDShuffleId, api.SIMDTernaryId, api.SIMDShiftId,
  ]);
}

function scalarBytes(api: Api, type: number): number | undefined {
  if (type === api.i32 || type === api.f32) return 4;
  if (type === api.i64 || type === api.f64) return 8;
  return undefined;
}

/** Everything the analysis of one loop needs. */
class LoopAnalysis {
  readonly sites: Site[] = [];
  readonly accesses: Access[] = [];
  readonly others: Other[] = [];
  readonly written: Set<number>;
  readonly inside: Set<string>;
  private readonly globalsSet = new Set<string>();
  hasCall = false;
  /** Something other than the promotable accesses may trap. */
  readonly trapSites: Site[] = [];
  /** Branches that leave the loop; `sinkable` is false when one carries a value or is a br_table. */
  readonly exits: Site[] = [];
  sinkableExits = true;

  constructor(private readonly m: Module, private readonly api: Api, readonly place: Place) {
    this.written = new Set(localWrites(api, place.ref).keys());
    this.inside = labelsIn(api, place.ref);
    const mutableSeen: Site[] = [];
    walk(api, place, (p, ancestors) => {
      const site: Site = { place: p, depth: ancestors.length };
      this.sites.push(site);
      const id = api.getExpressionId(p.ref);
      if (id === api.GlobalSetId) this.globalsSet.add((api.getExpressionInfo(p.ref) as unknown as { name: string }).name);
      if (id === api.CallId || id === api.CallIndirectId) {
        this.hasCall = true;
        this.others.push({ kind: 'call', ...site });
      } else if (id === api.ReturnId) {
        this.sinkableExits = false;
      } else if (id === api.BreakId || id === api.SwitchId) {
        const targets = branchTargets(api, p.ref).filter((t) => !this.inside.has(t));
        if (targets.length) {
          if (id === api.SwitchId || more(api).Break.getValue(p.ref)) this.sinkableExits = false;
          this.exits.push(site);
        }
      } else if (id === api.LoadId || id === api.StoreId) {
        mutableSeen.push(site);
      } else if (id === api.SIMDLoadId) {
        this.others.push({ kind: 'load', ...site });
      } else if (id === api.SIMDLoadStoreLaneId || id === api.MemoryCopyId || id === api.MemoryFillId || id === api.MemoryInitId) {
        this.others.push({ kind: 'store', ...site });
      }
      if (this.mayTrap(p.ref, id)) this.trapSites.push(site);
    });
    // Addresses need to know which globals the loop changes, so they are read after the walk.
    for (const site of mutableSeen) {
      const a = this.access(site);
      if (a) this.accesses.push(a);
      else this.others.push({ kind: api.getExpressionId(site.place.ref) === api.StoreId ? 'store' : 'load', ...site });
    }
  }

  private mayTrap(ref: Ref, id: number): boolean {
    const api = this.api;
    if (id === api.UnreachableId || id === api.CallIndirectId || id === api.SIMDLoadId || id === api.SIMDLoadStoreLaneId) return true;
    if (id === api.MemoryCopyId || id === api.MemoryFillId || id === api.MemoryInitId) return true;
    if (id === api.BinaryId) return trappingBinaryOps(api).has(wrappers(api).Binary.getOp(ref));
    if (id === api.UnaryId) return trappingUnaryOps(api).has(wrappers(api).Unary.getOp(ref));
    // Loads and stores are judged per cell (the cell's own accesses cannot trap once its load succeeded).
    return false;
  }

  /** The shape of a loop-invariant expression without side effects or traps, or undefined. */
  invariant(ref: Ref): string | undefined {
    const api = this.api;
    const w = wrappers(api);
    const id = api.getExpressionId(ref);
    if (id === api.ConstId && api.getExpressionType(ref) === api.i32) return `${w.Const.getValueI32(ref) >>> 0}`;
    if (id === api.LocalGetId) {
      const i = w.LocalGet.getIndex(ref);
      return this.written.has(i) ? undefined : `$${i}`;
    }
    if (id === api.GlobalGetId) {
      const name = w.GlobalGet.getName(ref);
      const mutable = api.getGlobalInfo(this.m.getGlobal(name)).mutable;
      return mutable && (this.hasCall || this.globalsSet.has(name)) ? undefined : `@${name}`;
    }
    if (id === api.BinaryId && safeBinaryOps(api).has(w.Binary.getOp(ref))) {
      const l = this.invariant(w.Binary.getLeft(ref));
      const r = l === undefined ? undefined : this.invariant(w.Binary.getRight(ref));
      return r === undefined ? undefined : `(${w.Binary.getOp(ref)} ${l} ${r})`;
    }
    return undefined;
  }

  /** An i32 pointer as base shape + constant (mod 2^32), or undefined when the loop computes it. */
  private decompose(ref: Ref): { base: string; offset: number } | undefined {
    const api = this.api;
    const w = wrappers(api);
    const id = api.getExpressionId(ref);
    if (id === api.ConstId && api.getExpressionType(ref) === api.i32) return { base: '', offset: w.Const.getValueI32(ref) >>> 0 };
    if (id === api.BinaryId) {
      const op = w.Binary.getOp(ref);
      const l = w.Binary.getLeft(ref);
      const r = w.Binary.getRight(ref);
      const constOf = (x: Ref) => (api.getExpressionId(x) === api.ConstId && api.getExpressionType(x) === api.i32 ? w.Const.getValueI32(x) : undefined);
      if (op === api.AddInt32 || op === api.SubInt32) {
        const c = constOf(r);
        if (c !== undefined) {
          const d = this.decompose(l);
          return d && { base: d.base, offset: (d.offset + (op === api.AddInt32 ? c : -c) + TWO32) % TWO32 };
        }
        const c2 = op === api.AddInt32 ? constOf(l) : undefined;
        if (c2 !== undefined) {
          const d = this.decompose(r);
          return d && { base: d.base, offset: (d.offset + c2 + TWO32) % TWO32 };
        }
      }
    }
    const base = this.invariant(ref);
    return base === undefined ? undefined : { base, offset: 0 };
  }

  private access(site: Site): Access | undefined {
    const api = this.api;
    const ref = site.place.ref;
    const info = api.getExpressionInfo(ref) as unknown as LoadOrStoreInfo;
    const store = info.id === api.StoreId;
    const type = store ? more(api).Store.getValueType(ref) : info.type;
    const addr = this.decompose(info.ptr);
    if (!addr) return undefined;
    const promotable = !info.isAtomic && scalarBytes(api, type) === info.bytes;
    return { ...site, store, base: addr.base, ptrOffset: addr.offset, memOffset: info.offset, bytes: info.bytes, type, align: info.align, promotable };
  }
}

/** Whether two accesses at a + [0, wa) and b + [0, wb) with the same base cannot overlap (mod 2^32). */
export function disjoint(aOffset: number, aBytes: number, bOffset: number, bBytes: number): boolean {
  const d = (((aOffset - bOffset) % TWO32) + TWO32) % TWO32;
  return d >= bBytes && d <= TWO32 - aBytes;
}

function total(a: Access): number {
  return (a.ptrOffset + a.memOffset) % TWO32;
}

function mayAlias(cell: Access, other: Access): boolean {
  return cell.base !== other.base || !disjoint(total(cell), cell.bytes, total(other), other.bytes);
}

/** Where the load of a cell may go: before the loop, or before it under the loop's entry test. */
type Hoist = { kind: 'free' } | { kind: 'guarded' };

/** The loop's entry test, when its body starts with one: the condition under which the body goes on. */
interface Entry {
  /** Build the condition (a fresh copy) under which the first iteration goes past the test. */
  readonly condition: () => Ref;
  /** The statements after the test. */
  readonly rest: readonly Ref[];
}

export function promoteCellsModule(m: Module, api: Api, kind: PromoteCellKind): CellPromotionStats {
  const stats: CellPromotionStats = { loops: 0, invariantLoads: 0, cellsStoredThrough: 0, cellsSunk: 0, refused: {} };
  const count = (reason: string) => void (stats.refused[reason] = (stats.refused[reason] ?? 0) + 1);
  if ((m.getFeatures() & (api.Features.MultiMemory | api.Features.Memory64)) !== 0 || !m.hasMemory()) return stats;
  const memory = m.getMemoryInfo();
  if (memory.shared || memory.is64) return stats;
  const memoryBytes = memory.initial * 65536;
  const trapsNeverHappen = api.getTrapsNeverHappen();
  for (const fn of definedFunctions(m, api)) {
    let loops: Place[];
    try {
      loops = [];
      walk(api, bodyPlace(api, fn.ref), () => true, (p) => {
        if (api.getExpressionId(p.ref) === api.LoopId) loops.push(p);
      });
    } catch (e) {
      if (e instanceof UnknownExpression) {
        count('unsupported-expression');
        continue;
      }
      throw e;
    }
    // Post-order: inner loops first. A rewrite puts a block in the loop's place; outer places stay valid.
    for (const loop of loops) {
      stats.loops++;
      promoteInLoop(m, api, fn.ref, loop, kind, memoryBytes, trapsNeverHappen, stats, count);
    }
  }
  return stats;
}

function promoteInLoop(
  m: Module, api: Api, func: number, loop: Place, kind: PromoteCellKind, memoryBytes: number, trapsNeverHappen: boolean,
  stats: CellPromotionStats, count: (reason: string) => void,
): void {
  const a = new LoopAnalysis(m, api, loop);
  const cells = new Map<string, Cell>();
  for (const x of a.accesses) {
    const key = `${x.base}|${x.ptrOffset}|${x.memOffset}|${x.bytes}|${x.type}`;
    const c = cells.get(key) ?? { accesses: [], hasStore: false };
    c.accesses.push(x);
    cells.set(key, { accesses: c.accesses, hasStore: c.hasStore || x.store });
  }
  const entry = entryTest(m, api, loop.ref, a);
  const plans: Array<{ cell: Cell; hoist: Hoist; sink: boolean }> = [];
  for (const cell of cells.values()) {
    const first = cell.accesses[0]!;
    if (!cell.hasStore && kind === 'cells') continue;
    if (cell.hasStore && kind === 'loads') continue;
    if (!cell.accesses.every((x) => x.promotable)) {
      count('narrow-or-atomic');
      continue;
    }
    if (a.hasCall) {
      count('call');
      continue;
    }
    const members = new Set(cell.accesses);
    const others = a.accesses.filter((x) => !members.has(x));
    if (a.others.some((o) => o.kind === 'store') || others.some((x) => x.store && mayAlias(first, x))) {
      count('store-may-alias');
      continue;
    }
    const hoist = hoistPoint(api, cell, memoryBytes, loop.ref, entry, trapsNeverHappen);
    if (!hoist) {
      count('may-not-run');
      continue;
    }
    let sink = false;
    const loopType = api.getExpressionType(loop.ref);
    if (cell.hasStore && hoist.kind === 'free' && a.sinkableExits && (loopType === api.none || loopType === api.unreachable)) {
      const readsElsewhere = a.others.some((o) => o.kind === 'load') || others.some((x) => !x.store && mayAlias(first, x));
      const traps = !trapsNeverHappen && (a.trapSites.length > 0 || others.length > 0 || a.others.length > 0);
      sink = !readsElsewhere && !traps;
    }
    // A cell the loop only writes gains nothing unless its stores leave the loop.
    if (!sink && cell.accesses.every((x) => x.store)) continue;
    plans.push({ cell, hoist, sink });
  }
  if (!plans.length) return;
  rewrite(m, api, func, loop, a, plans, entry);
  for (const p of plans) {
    if (!p.cell.hasStore) stats.invariantLoads++;
    else if (p.sink) stats.cellsSunk++;
    else stats.cellsStoredThrough++;
  }
}

/**
 * The loop's entry test: a first statement `br_if $out C` leaving the loop (the body goes on when C is
 * 0), or a body that is `if C (then …)` without else. C must be free of side effects, without control
 * flow, and write only locals it does not read before writing them, so evaluating a copy of it just
 * before the loop computes what the loop's own test computes next.
 */
function entryTest(m: Module, api: Api, loop: Ref, a: LoopAnalysis): Entry | undefined {
  const body = more(api).Loop.getBody(loop);
  const stmts = statements(api, body);
  const first = stmts[0];
  if (first === undefined) return undefined;
  const id = api.getExpressionId(first);
  if (id === api.BreakId) {
    const cond = more(api).Break.getCondition(first);
    if (!cond || more(api).Break.getValue(first) || a.inside.has(more(api).Break.getName(first)) || !idempotent(api, cond)) return undefined;
    return { condition: () => m.i32.eqz(m.copyExpression(cond)), rest: stmts.slice(1) };
  }
  if (id === api.IfId && stmts.length === 1 && !more(api).If.getIfFalse(first)) {
    const cond = more(api).If.getCondition(first);
    if (!idempotent(api, cond)) return undefined;
    return { condition: () => m.copyExpression(cond), rest: statements(api, more(api).If.getIfTrue(first)) };
  }
  return undefined;
}

/** Straight-line code without side effects whose local writes precede, in it, every read of them. */
function idempotent(api: Api, ref: Ref): boolean {
  const pure = pureKinds(api);
  const w = wrappers(api);
  const writes = new Set(localWrites(api, ref).keys());
  const done = new Set<number>();
  let ok = true;
  walk(api, { ref, set: () => {} }, (p) => {
    const id = api.getExpressionId(p.ref);
    if (!pure.has(id) && !(id === api.BlockId && !wrappers(api).Block.getName(p.ref))) ok = false;
    return ok;
  }, (p) => {
    const id = api.getExpressionId(p.ref);
    if (id === api.LocalGetId) {
      const i = w.LocalGet.getIndex(p.ref);
      if (writes.has(i) && !done.has(i)) ok = false;
    } else if (id === api.LocalSetId) {
      done.add(w.LocalSet.getIndex(p.ref));
    }
  });
  return ok;
}

/**
 * Where the cell's load may be placed: before the loop when its address cannot trap or when the body,
 * from its start, reaches an access of the cell through code without side effects or branches; before
 * the loop under the entry test when the statements after the test do so; undefined otherwise.
 */
function hoistPoint(api: Api, cell: Cell, memoryBytes: number, loop: Ref, entry: Entry | undefined, trapsNeverHappen: boolean): Hoist | undefined {
  const x = cell.accesses[0]!;
  if (x.base === '' && x.ptrOffset + x.memOffset + x.bytes <= memoryBytes) return { kind: 'free' };
  const members = new Set(cell.accesses.map((c) => c.place.ref));
  if (reaches(api, [more(api).Loop.getBody(loop)], members, trapsNeverHappen)) return { kind: 'free' };
  if (entry && reaches(api, entry.rest, members, trapsNeverHappen)) return { kind: 'guarded' };
  return undefined;
}

/**
 * Does running these statements reach one of `targets` before any side effect or branch? When traps
 * never happen, stores and global writes on the way do not matter (the access is reached, so it does
 * not trap), but branches and calls still do (the access might not be reached).
 */
function reaches(api: Api, stmts: readonly Ref[], targets: ReadonlySet<Ref>, trapsNeverHappen: boolean): boolean {
  const pure = pureKinds(api);
  if (trapsNeverHappen) for (const id of [api.StoreId, api.GlobalSetId, api.SIMDLoadStoreLaneId, api.MemoryCopyId, api.MemoryFillId]) pure.add(id);
  const scan = (ref: Ref): 'found' | 'stop' | 'go' => {
    const id = api.getExpressionId(ref);
    if (id === api.BlockId) {
      for (const s of statements(api, ref)) {
        const r = scan(s);
        if (r !== 'go') return r;
      }
      return 'go';
    }
    // A loop's body runs at least once; without branches in it, it runs once and falls through.
    if (id === api.LoopId) return scan(more(api).Loop.getBody(ref));
    // Only the condition of an `if` runs for sure; either arm may not.
    if (id === api.IfId) {
      const r = scan(more(api).If.getCondition(ref));
      return r === 'go' ? 'stop' : r;
    }
    for (const c of childPlaces(api, ref)) {
      const r = scan(c.ref);
      if (r !== 'go') return r;
    }
    if (targets.has(ref)) return 'found';
    return pure.has(id) ? 'go' : 'stop';
  };
  for (const s of stmts) {
    const r = scan(s);
    if (r !== 'go') return r === 'found';
  }
  return false;
}

function load(m: Module, api: Api, x: Access, ptr: Ref): Ref {
  const ns = x.type === api.i32 ? m.i32 : x.type === api.i64 ? m.i64 : x.type === api.f32 ? m.f32 : m.f64;
  return ns.load(x.memOffset, x.align, ptr);
}

function store(m: Module, api: Api, x: Access, ptr: Ref, value: Ref): Ref {
  const ns = x.type === api.i32 ? m.i32 : x.type === api.i64 ? m.i64 : x.type === api.f32 ? m.f32 : m.f64;
  return ns.store(x.memOffset, x.align, ptr, value);
}

function rewrite(
  m: Module, api: Api, func: number, loop: Place, a: LoopAnalysis, plans: ReadonlyArray<{ cell: Cell; hoist: Hoist; sink: boolean }>, entry: Entry | undefined,
): void {
  const ptrOf = (x: Access) => (api.getExpressionInfo(x.place.ref) as unknown as LoadOrStoreInfo).ptr;
  // Pointers are invariant and pure: copies of them compute the same address before and after the loop.
  const free: Ref[] = [];
  const guarded: Ref[] = [];
  const sunk: Array<{ x: Access; ptr: Ref; local: number }> = [];
  const edits: Array<{ site: Site; apply: () => void }> = [];
  for (const { cell, hoist, sink } of plans) {
    const x = cell.accesses[0]!;
    const ptr = ptrOf(x);
    const local = more(api)._BinaryenFunctionAddVar(func, x.type);
    (hoist.kind === 'free' ? free : guarded).push(m.local.set(local, load(m, api, x, m.copyExpression(ptr))));
    if (sink) sunk.push({ x, ptr, local });
    for (const acc of cell.accesses) {
      edits.push({
        site: acc,
        apply: () => {
          if (!acc.store) acc.place.set(m.local.get(local, acc.type));
          else if (sink) acc.place.set(m.local.set(local, more(api).Store.getValue(acc.place.ref)));
          else more(api).Store.setValue(acc.place.ref, m.local.tee(local, more(api).Store.getValue(acc.place.ref), acc.type));
        },
      });
    }
  }
  const storeBacks = () => sunk.map((s) => store(m, api, s.x, m.copyExpression(s.ptr), m.local.get(s.local, s.x.type)));
  if (sunk.length) {
    for (const site of a.exits) {
      edits.push({
        site,
        apply: () => {
          const ref = site.place.ref;
          const name = more(api).Break.getName(ref);
          const cond = more(api).Break.getCondition(ref);
          const leave = m.block(null, [...storeBacks(), m.br(name)]);
          site.place.set(cond ? m.if(cond, leave) : leave);
        },
      });
    }
  }
  // Deepest first: a store's value may hold a load that is replaced too.
  edits.sort((p, q) => q.site.depth - p.site.depth);
  for (const e of edits) e.apply();
  const pre = [...free];
  if (guarded.length) pre.push(m.if(entry!.condition(), guarded.length === 1 ? guarded[0]! : m.block(null, guarded)));
  const post = sunk.length && api.getExpressionType(loop.ref) !== api.unreachable ? storeBacks() : [];
  loop.set(m.block(null, [...pre, loop.ref, ...post]));
}

/** `wt-promote-cells:loads|cells|all`. */
export const promoteCells: ModulePass = (m, api, arg) => {
  if (!(PROMOTE_CELL_KINDS as readonly string[]).includes(String(arg))) throw new Error(`the promotion kind must be one of ${PROMOTE_CELL_KINDS.join(', ')}, got ${String(arg)}`);
  promoteCellsModule(m, api, arg as PromoteCellKind);
};
