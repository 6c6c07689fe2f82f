/**
 * Superword-level parallelism: `wt-slp` packs isomorphic scalar work on adjacent memory into Wasm SIMD
 * (128-bit vectors). Compilers unroll loops (clang -O2/-O3, Rust release) and leave k isomorphic scalar
 * copies over a[i], a[i+1], …, often with several accumulators (s0 += a[i]; s1 += a[i+1]; …), and
 * straight-line code works on adjacent fields (re/im pairs, small vectors and matrices). wt-vectorize
 * needs a unit-stride loop and finds none of this; wt-slp takes it where it stands. Applying it turns on
 * the module's SIMD feature (only when something is packed), so it is registered as requiring `simd`.
 *
 * Seeds. (1) Stores: in one block's statement list (a function body, a loop body, an `if` arm, …),
 * stores of the same type and width to `base + c`, `base + c + w`, … (the same base after temporaries
 * are read as their definitions, constant offsets exactly one element apart) form a group of 16/w lanes:
 * f64x2, i64x2, f32x4, i32x4, and i32 `store16`/`store8` as i16x8/i8x16. A run of more stores gives
 * several groups; a run of fewer than a vector is refused (`too-few-lanes`). (2) Reductions with several
 * accumulators: statements `s_j = s_j ⊕ e_j` (or `e_j ⊕ s_j`) in a block of a loop (no other loop in
 * between), each s_j read and written nowhere else in the loop, whose first loads are adjacent, become one
 * v128 accumulator: built from s0…s(n−1) with splat + replace_lane right before the loop and extracted
 * back to s0…s(n−1) right after it (the loop may only be left by falling out of it, or by a branch to a
 * label inside it), so the code that combines them after the loop is unchanged. Every lane does the same
 * operations in the same order as its scalar accumulator, so the result is exact, floats included.
 *
 * The vector tree is built bottom-up from the lanes' scalar trees. A local read whose definition (a
 * `local.set` or a tee) is earlier in the same statement list stands for that definition's value (clang
 * and Binaryen keep loaded values in locals and tees), except a definition that reads a mutable global
 * which a statement between it and the vector point may write (a `global.set`, a call, any side effect or
 * control flow; clang -O0 reads `__stack_pointer` into a local, then moves it): the local is read as
 * written, and must keep its value up to the vector point. At each node: loads of one width from adjacent
 * addresses in lane order become one `v128.load` (in another order, a load and a shuffle; all at one
 * address, a splat); equal constants, the same local or global become a splat, lane-wise different
 * constants a `v128.const`; the same operator in every lane, the vector operator over the packed operands
 * (a mix of add and sub: both, then a shuffle); shifts by the same count in every lane, a vector shift. The
 * operators are those with exactly the scalar's lane semantics: integer add, sub, mul (not i8x16), and,
 * or, xor, shifts; float add, sub, mul, div, min, neg, abs, sqrt, ceil, floor, trunc, nearest; i32↔f32
 * conversions (convert, saturating truncation) and same-width reinterprets. float max is refused: V8's
 * f32x4.max/f64x2.max return a NaN of another sign bit than f32.max/f64.max (min agrees bit for bit, NaNs
 * and −0 included, measured on V8 11.3). No commutative operands are swapped for floats (NaN payloads
 * would change); for integers, operands are swapped where that makes the lanes match. In 8/16-bit lanes
 * only operators whose low bits depend on low bits alone (add, sub, mul, bitwise, shl by a constant
 * below the lane width) are packed. A node that is not isomorphic across lanes, or has no SIMD operator
 * (integer division, comparisons, width changes, …), is gathered: each lane is computed as a scalar and
 * inserted with replace_lane, except lanes of locals the enclosing loop never writes: that vector (like
 * the splat of such a local) is built once, before the loop. A group is packed only if its vector form is
 * cheaper than the scalar one (a cost count of operations; gathers are dear, run-time checks too);
 * otherwise the reason of the first gather is reported. A vector load of bytes that narrower stores of
 * the same statement list wrote shortly before is refused (`not-profitable`): the load cannot take its
 * data from the store buffer, and the stall costs more than a few packed lanes save (struct copies on a
 * stack frame in clang builds slowed down by 3–5 % without this rule).
 *
 * Where, and memory order. The vector statement goes where the group's last statement was; the other
 * statements of the group become nops (and a definition read only by the group is dropped). This moves
 * the group's loads (and the definitions it reads) down to that point and its earlier stores down too.
 * Between the first evaluation the group depends on and that point, statements may only be plain data
 * flow: calls, memory.grow/copy/fill, global writes and any control flow (branches, ifs, nested blocks
 * and loops) are refused (`side-effect`, `control-flow`). Every store there must not overlap a moved
 * load, every load or store there not a moved store, and inside the group no load may follow an
 * overlapping store. Pairs with the same base expression (whose locals do not change in between) are
 * decided at compile time: a constant distance proves them apart, or refuses the group (`alias`, a true
 * dependence). Pairs on different bases are versioned: the statements from the first to the last become
 * `if (ranges overlap) { the original statements } else { the vector form }`, one range test per pair of
 * bases (all addresses as i64, no wrap-around), with the cost of the tests counted against the gain; a
 * versioned `if` is plain data flow to later groups of the same list. Without versioning (the option
 * `versioning: false`), and always for reductions (whose scalar statements would update accumulators the
 * loop no longer reads), such pairs are refused (`alias`). Locals the group reads must keep their values
 * up to that point (`dependence`). A local the removed statements tee is either read by no one
 * afterwards (every later read follows an unconditional write on every path from the group), or set
 * again at the vector point from its address-like value (no loads); otherwise `dependence`. Traps: each
 * vector load or store touches exactly the bytes its lanes' scalar accesses touch. One behaviour differs
 * by design, only for programs that trap: a trap between the moved accesses happens before the group's
 * earlier stores (as with wt-vectorize).
 *
 * Refused groups are reported in {@link SlpReport} with stable reasons: `too-few-lanes`, `not-isomorphic`,
 * `no-simd-op`, `mixed-width`, `narrow-lanes`, `not-profitable`, `alias`, `dependence`, `side-effect`,
 * `control-flow`, `loop-exit` (a reduction loop left by a branch or return), `address`.
 */
import type { ModulePass } from '../../binaryen/module.js';
import {
  UnknownExpression, allPlaces, bodyPlace, definedFunctions, labelsIn, branchTargets, decisionRank, rankOrder, walk, wrappers,
  type Api, type Module, type Place, type Ref,
} from './ir-tree.js';
import { affineKey, canonical, constValue, opNames, splitOp, type LaneType } from './vectorize.js';

export interface SlpOptions {
  /** Pack store groups. */
  stores: boolean;
  /** Pack multiple-accumulator reductions in loops. */
  reductions: boolean;
  /** Where accesses cannot be proven apart at compile time, version the statements with a run-time overlap check. */
  versioning: boolean;
  /** Only the r-th group the pass would pack (deeper in loops first, then module order); all when undefined. */
  onlyRank?: number;
}

/** Ranks of `wt-slp-group`. */

export const SLP_DEFAULTS: SlpOptions = { stores: true, reductions: true, versioning: true };

export interface SlpDecision {
  /** The function's name, or its export name when Binaryen has no name for it but an index. */
  function: string;
  kind: 'store' | 'reduction';
  /** The statement list's position among the function's blocks (walk order), and the group's first statement in it. */
  block: number;
  at: number;
  /** Scalar statements in the group. */
  members: number;
  /** Loops around the statement list (0: straight-line code of the function). */
  depth: number;
  /** `not-selected`: it would be packed, but `wt-slp-group` packs another group. */
  state: 'packed' | 'refused' | 'not-selected';
  reason?: string;
  detail?: string;
  /** The group's vector type. */
  lanes?: LaneType;
  /** Pairs of accesses proven apart at compile time; pairs of address ranges checked at run time; lane values gathered with replace_lane. */
  proven?: number;
  checked?: number;
  gathered?: number;
}

export interface SlpReport {
  groups: SlpDecision[];
  /** Functions the pass could not read at all (expression kinds the IR toolkit does not know). */
  unreadableFunctions: string[];
  packed: number;
  /** reason → count over the refused groups. */
  refused: Record<string, number>;
}

class Refuse extends Error {
  constructor(readonly reason: string, readonly detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}
const refuse = (reason: string, detail?: string): never => {
  throw new Refuse(reason, detail);
};

interface Info {
  id: number;
  type: number;
  op?: number;
  left?: Ref;
  right?: Ref;
  value?: Ref | number | bigint;
  ptr?: Ref;
  offset?: number;
  bytes?: number;
  align?: number;
  isSigned?: boolean;
  isAtomic?: boolean;
  valueType?: number;
  index?: number;
  isTee?: boolean;
}
const info = (api: Api, e: Ref) => api.getExpressionInfo(e) as unknown as Info;

type Ns = LaneType;
type VecOps = Record<string, (...args: unknown[]) => Ref>;
type Width = 8 | 16 | 32 | 64;

/** A lane's expression and the statement (index in the list) where the scalar code evaluates it. */
interface LaneExpr {
  e: Ref;
  at: number;
  /** Marks a read of the lane's own accumulator (reductions). */
  acc?: number;
}

/** A memory access: address = key terms + constant (wrapping, i32) + offset; bytes wide. */
interface Access {
  /** The address expression (as evaluated at the vector point). */
  ptr: Ref;
  key: string;
  provable: boolean;
  locals: number[];
  constant: bigint;
  offset: number;
  bytes: number;
  at: number;
}

const BARRIER_SIDE = new Set(['Call', 'CallIndirect', 'MemoryGrow', 'MemoryCopy', 'MemoryFill', 'MemoryInit', 'DataDrop', 'GlobalSet', 'TableSet', 'TableGrow']);
const BARRIER_FLOW = new Set(['Break', 'Switch', 'Return', 'Unreachable', 'Loop', 'If', 'Block']);

/** What one statement does: locals written, memory read and written, and whether it is a barrier. */
interface StmtFacts {
  writes: Map<number, number>;
  loads: Array<{ ptr: Ref; offset: number; bytes: number }>;
  stores: Array<{ ptr: Ref; offset: number; bytes: number }>;
  barrier?: { reason: string; detail: string };
}

interface Group {
  kind: 'store' | 'reduction';
  /** Statement indexes, in lane order, and the statements there when the group was found. */
  members: number[];
  refs: Ref[];
  width: Width;
  valueType: number;
  /** Reductions: the accumulator locals in lane order, and the loop. */
  accs?: number[];
  loop?: Ref;
}

/** Per function: new locals, loop wrappers, definitions expanded into vector code. */
class FnState {
  readonly newLocals: number[] = [];
  readonly base: number;
  readonly loopWraps = new Map<Ref, { place: Place; inits: Ref[]; extracts: Ref[] }>();
  /** The `if`s of versioned groups (straight-line code in both arms): data flow for later groups, not control flow. */
  readonly versioned = new Set<Ref>();
  /** What each statement does, until a group is applied in the function (which may change enclosing statements). */
  readonly facts = new Map<Ref, StmtFacts>();
  constructor(readonly api: Api, readonly fn: number) {
    this.base = (api as unknown as { Function: { getNumLocals(f: number): number } }).Function.getNumLocals(fn);
  }
  local(type: number): number {
    this.newLocals.push(type);
    return this.base + this.newLocals.length - 1;
  }
  private readonly loopWriteCounts = new Map<Ref, Set<number>>();
  /** Locals written anywhere in a loop (as first seen: later rewrites only set locals already written there, or new ones). */
  loopWrites(loop: Ref): Set<number> {
    let s = this.loopWriteCounts.get(loop);
    if (!s) {
      s = new Set();
      for (const p of allPlaces(this.api, loop)) if (this.api.getExpressionId(p.ref) === this.api.LocalSetId) s.add(wrappers(this.api).LocalSet.getIndex(p.ref));
      this.loopWriteCounts.set(loop, s);
    }
    return s;
  }
  wrap(loop: Place): { place: Place; inits: Ref[]; extracts: Ref[] } {
    let w = this.loopWraps.get(loop.ref);
    if (!w) this.loopWraps.set(loop.ref, (w = { place: loop, inits: [], extracts: [] }));
    return w;
  }
}

/** One attempt at one group of one statement list. */
class GroupPacker {
  private readonly w: ReturnType<typeof wrappers>;
  private readonly ops: ReturnType<typeof opNames>;
  private readonly stmts: Ref[];
  private readonly facts: StmtFacts[];
  private readonly lanes: number;
  /** Unexpanded local reads: local → earliest statement that reads it. */
  private readonly reads: Array<{ local: number; at: number }> = [];
  private readonly loads: Access[] = [];
  private readonly defsUsed = new Set<number>();
  private gatherReason: Refuse | undefined;
  gathered = 0;
  proven = 0;
  checked = 0;
  private cost = 0;
  private pending: number[] = [];
  private quiet = false;
  /** Vectors of loop-invariant locals, built before the loop. */
  private readonly hoists: Ref[] = [];
  /** The vector loads built (the lowest lane's access). */
  private readonly vloads: Access[] = [];

  constructor(
    private readonly m: Module,
    private readonly api: Api,
    private readonly fs: FnState,
    private readonly block: Ref,
    private readonly g: Group,
    private readonly fnBody: Ref,
    private readonly opts: SlpOptions,
    /** The nearest loop around the statement list: vectors of values it never changes are built before it. */
    private readonly loop?: Place,
  ) {
    this.w = wrappers(api);
    this.ops = opNames(api);
    this.stmts = Array.from({ length: this.w.Block.getNumChildren(block) }, (_, i) => this.w.Block.getChildAt(block, i));
    this.facts = this.stmts.map((s) => {
      let f = fs.facts.get(s);
      if (!f) fs.facts.set(s, (f = stmtFacts(api, s, fs.versioned.has(s) ? new Set([s, this.w.If.getIfTrue(s), this.w.If.getIfFalse(s)]) : undefined)));
      return f;
    });
    this.lanes = 128 / g.width;
  }

  private name(id: number): string {
    return kindName(this.api, id);
  }

  private ns(type: number): Ns {
    const a = this.api;
    if (type === a.f32) return 'f32x4';
    if (type === a.f64) return 'f64x2';
    if (type === a.i64) return 'i64x2';
    return ({ 8: 'i8x16', 16: 'i16x8', 32: 'i32x4', 64: 'i64x2' } as const)[this.g.width];
  }

  /** Lanes a scalar type has in this group (i32 fills 8/16-bit lanes with its low bits). */
  private fits(type: number): boolean {
    const a = this.api;
    if (type === a.i32) return this.g.width <= 32;
    if (type === a.f32) return this.g.width === 32;
    if (type === a.i64 || type === a.f64) return this.g.width === 64;
    return false;
  }

  private get narrow(): boolean {
    return this.g.width < 32;
  }

  private vop(ns: Ns | 'v128', name: string, ...args: unknown[]): Ref {
    const f = (this.m as unknown as Record<string, VecOps>)[ns]![name];
    if (!f) return refuse('no-simd-op', `${ns}.${name}`);
    return f(...args);
  }

  // ── resolving lanes through definitions ──────────────────────────────────────────────────────────

  /** The definition of local x that reaches statement `at` in this list, if any (refuses an unusable one). */
  private reaching(x: number, at: number): LaneExpr | undefined {
    const a = this.api;
    if (this.facts[at]?.writes.has(x)) {
      // A store whose address tees x, read in the stored value (evaluated after the address).
      const s = this.stmts[at]!;
      const a0 = this.api;
      if (this.facts[at]!.writes.get(x) === 1 && a0.getExpressionId(s) === a0.StoreId) {
        const ptr = info(a0, s).ptr!;
        const inPtr = allPlaces(a0, ptr);
        const tee = inPtr.find((q) => a0.getExpressionId(q.ref) === a0.LocalSetId && this.w.LocalSet.getIndex(q.ref) === x);
        const readInPtr = inPtr.some((q) => a0.getExpressionId(q.ref) === a0.LocalGetId && this.w.LocalGet.getIndex(q.ref) === x);
        if (tee && !readInPtr) {
          const v = this.w.LocalSet.getValue(tee.ref);
          for (const q of allPlaces(a0, v)) {
            const id = a0.getExpressionId(q.ref);
            if (id === a0.LocalGetId ? this.facts[at]!.writes.has(this.w.LocalGet.getIndex(q.ref)) : !PURE_IDS(a0).has(id)) refuse('dependence', `the address that tees local ${x}`);
          }
          return { e: v, at };
        }
      }
      refuse('dependence', `local ${x} is written in the statement that reads it`);
    }
    let p = at - 1;
    while (p >= 0 && !this.facts[p]!.writes.has(x)) p--;
    if (p < 0) return undefined;
    if (this.fs.versioned.has(this.stmts[p]!)) refuse('dependence', `local ${x} is set in a versioned group`);
    // A write under control flow (an if, a nested block or loop, a branch) may or may not have happened.
    if (this.facts[p]!.barrier) refuse('dependence', `local ${x} is set in a statement with a ${this.facts[p]!.barrier!.detail}`);
    if (this.facts[p]!.writes.get(x) !== 1) refuse('dependence', `local ${x} is written twice in one statement`);
    const set = allPlaces(a, this.stmts[p]!).find((q) => a.getExpressionId(q.ref) === a.LocalSetId && this.w.LocalSet.getIndex(q.ref) === x)!.ref;
    const v = this.w.LocalSet.getValue(set);
    // A mutable global the definition reads (clang -O0: `local = global.get $__stack_pointer`, then
    // `global.set` of the new frame and calls) may hold another value where the copy would be evaluated:
    // then the local stands as written (its value is checked to last up to the vector point).
    if (allPlaces(a, v).some((q) => a.getExpressionId(q.ref) === a.GlobalGetId && this.globalMayChange(this.w.GlobalGet.getName(q.ref), p))) return undefined;
    for (const q of allPlaces(a, v)) {
      const id = a.getExpressionId(q.ref);
      if (id === a.LocalGetId) {
        const y = this.w.LocalGet.getIndex(q.ref);
        for (let r = p; r <= at; r++) {
          if (this.facts[r]!.writes.has(y)) refuse('dependence', `local ${y} changes between the definition of local ${x} and its use`);
        }
      } else if (!PURE_IDS(a).has(id)) {
        refuse('dependence', `definition of local ${x} has a ${this.name(id)}`);
      }
    }
    if (!this.w.LocalSet.isTee(set) && set === this.stmts[p]) this.defsUsed.add(p);
    return { e: v, at: p };
  }

  /**
   * Whether mutable global `name`, read in statement p, may be written after p and up to where copies of
   * this group's expressions are evaluated (the vector point; without members, the end of the list): by
   * a `global.set`, a call, or any statement with side effects or control flow (conservatively).
   */
  private globalMayChange(name: string, p: number): boolean {
    const a = this.api;
    if (!a.getGlobalInfo(this.m.getGlobal(name)).mutable) return false;
    const end = this.g.members.length ? Math.max(...this.g.members) : this.stmts.length - 1;
    for (let q = p + 1; q <= end && q < this.stmts.length; q++) if (this.facts[q]!.barrier) return true;
    return false;
  }

  private resolve(le: LaneExpr): LaneExpr {
    const a = this.api;
    let cur = le;
    for (let guard = 0; ; guard++) {
      if (guard > 10000) refuse('dependence', 'definition chain too long');
      if (cur.acc !== undefined) return cur;
      const id = a.getExpressionId(cur.e);
      if (id === a.LocalSetId) {
        cur = { e: this.w.LocalSet.getValue(cur.e), at: cur.at };
        continue;
      }
      if (id === a.LocalGetId) {
        const x = this.w.LocalGet.getIndex(cur.e);
        const j = this.g.accs?.indexOf(x) ?? -1;
        if (j >= 0) return { ...cur, acc: j };
        const d = this.reaching(x, cur.at);
        if (!d) return cur;
        cur = d;
        continue;
      }
      return cur;
    }
  }

  /** A scalar copy of a lane's expression as it would be evaluated at the vector point (reads recorded). */
  private mat(le: LaneExpr): Ref {
    const a = this.api;
    const m = this.m;
    const r = this.resolve(le);
    if (r.acc !== undefined) return this.quiet ? m.copyExpression(r.e) : refuse('dependence', 'accumulator read outside its update');
    const e = r.e;
    const id = a.getExpressionId(e);
    if (id === a.LocalGetId) {
      this.reads.push({ local: this.w.LocalGet.getIndex(e), at: r.at });
      return m.copyExpression(e);
    }
    if (id === a.ConstId || id === a.GlobalGetId) return m.copyExpression(e);
    if (id === a.LoadId) {
      const i = info(a, e);
      if (i.isAtomic) refuse('side-effect', 'atomic load');
      const ptr = this.mat({ e: i.ptr!, at: r.at });
      this.loads.push(this.accessOf(ptr, i.offset!, i.bytes!, r.at));
      const copy = m.copyExpression(e);
      (a as unknown as { Load: { setPtr(e: Ref, p: Ref): void } }).Load.setPtr(copy, ptr);
      return copy;
    }
    if (id === a.BinaryId || id === a.UnaryId || id === a.SelectId) {
      const copy = m.copyExpression(e);
      const originals = childPlacesOf(a, e);
      childPlacesOf(a, copy).forEach((p, j) => p.set(this.mat({ e: originals[j]!.ref, at: r.at })));
      return copy;
    }
    return refuse('side-effect', `${this.name(id)} in a packed value`);
  }

  /** An address's key (sorted terms) and constant; provable only for pure arithmetic of locals. */
  private accessOf(ptr: Ref, offset: number, bytes: number, at: number): Access {
    const a = this.api;
    const { key, constant } = affineKey(a, ptr);
    const locals: number[] = [];
    let provable = !key.includes('#') && !key.includes('@');
    for (const q of allPlaces(a, ptr)) {
      const id = a.getExpressionId(q.ref);
      if (id === a.LocalGetId) locals.push(this.w.LocalGet.getIndex(q.ref));
      else if (id !== a.ConstId && id !== a.BinaryId && id !== a.UnaryId && id !== a.GlobalGetId) provable = false;
    }
    return { ptr, key, provable, locals, constant, offset, bytes, at };
  }

  // ── packing ──────────────────────────────────────────────────────────────────────────────────────

  /** The vector for these lanes (one scalar expression each). */
  private pack(lanes: LaneExpr[]): Ref {
    const a = this.api;
    const L = lanes.map((l) => this.resolve(l));
    if (L.every((l, j) => l.acc === j)) return this.m.local.get(this.pending[0]!, a.v128);
    if (L.some((l) => l.acc !== undefined)) return this.gather(L, new Refuse('not-isomorphic', 'accumulators in different lanes'));
    const ids = L.map((l) => a.getExpressionId(l.e));
    const types = L.map((l) => a.getExpressionType(l.e));
    const type = types[0]!;
    if (types.some((t) => t !== type)) return this.gather(L, new Refuse('not-isomorphic', 'lanes of different types'));
    if (!this.fits(type)) return this.gather(L, new Refuse('mixed-width', `${typeName(a, type)} values in ${this.g.width}-bit lanes`));
    const ns = this.ns(type);
    const id = ids[0]!;
    if (ids.some((x) => x !== id)) return this.gather(L, new Refuse('not-isomorphic', `${ids.map((x) => this.name(x)).join(' / ')}`));

    if (id === a.ConstId) return this.constants(L, type, ns);
    if (id === a.LocalGetId || id === a.GlobalGetId) {
      const c = canonical(a, L[0]!.e);
      if (L.some((l) => canonical(a, l.e) !== c)) return this.gather(L, new Refuse('not-isomorphic', 'different locals'));
      if (this.invariant(L)) return this.hoisted(L, ns);
      this.cost += 1;
      const s = this.mat(L[0]!);
      for (const l of L.slice(1)) this.mat(l);
      return this.vop(ns, 'splat', s);
    }
    if (id === a.LoadId) return this.load(L, type, ns);
    if (id === a.BinaryId) return this.binary(L, type, ns);
    if (id === a.UnaryId) return this.unary(L, type, ns);
    return this.gather(L, new Refuse('no-simd-op', this.name(id)));
  }

  /** Whether every lane reads a local the enclosing loop never writes (and no definition in this list). */
  private invariant(L: LaneExpr[]): boolean {
    const a = this.api;
    if (!this.loop) return false;
    const writes = this.fs.loopWrites(this.loop.ref);
    return L.every((l) => l.acc === undefined && a.getExpressionId(l.e) === a.LocalGetId && !writes.has(this.w.LocalGet.getIndex(l.e)));
  }

  /** A vector of loop-invariant lanes, built once before the loop. */
  private hoisted(L: LaneExpr[], ns: Ns): Ref {
    const a = this.api;
    const m = this.m;
    const type = a.getExpressionType(L[0]!.e);
    const get = (l: LaneExpr) => m.local.get(this.w.LocalGet.getIndex(l.e), type);
    let v = this.vop(ns, 'splat', get(L[0]!));
    const same = L.every((l) => canonical(a, l.e) === canonical(a, L[0]!.e));
    if (!same) for (let j = 1; j < L.length; j++) v = this.vop(ns, 'replace_lane', v, j, get(L[j]!));
    const h = this.fs.local(a.v128);
    this.hoists.push(m.local.set(h, v));
    return m.local.get(h, a.v128);
  }

  /** Each lane as a scalar, inserted with replace_lane (the fallback for a node that does not pack). */
  private gather(L: LaneExpr[], why: Refuse): Ref {
    const a = this.api;
    const type = a.getExpressionType(L[0]!.e);
    if (L.some((l) => l.acc !== undefined || a.getExpressionType(l.e) !== type) || !this.fits(type)) {
      this.gatherReason ??= why;
      throw this.gatherReason;
    }
    const ns = this.ns(type);
    if (this.invariant(L)) return this.hoisted(L, ns);
    this.gatherReason ??= why;
    this.gathered++;
    let v = this.vop(ns, 'splat', this.mat(L[0]!));
    this.cost += 1;
    for (let j = 1; j < L.length; j++) {
      v = this.vop(ns, 'replace_lane', v, j, this.mat(L[j]!));
      this.cost += 2;
    }
    for (const l of L) this.cost += scalarOps(a, l.e);
    return v;
  }

  private constants(L: LaneExpr[], type: number, ns: Ns): Ref {
    const a = this.api;
    // A vector constant costs no more than the scalar ones it replaces.
    const c = canonical(a, L[0]!.e);
    if (L.every((l) => canonical(a, l.e) === c)) return this.vop(ns, 'splat', this.m.copyExpression(L[0]!.e));
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    const size = 16 / L.length;
    for (let j = 0; j < L.length; j++) {
      const e = L[j]!.e;
      if (type === a.f32 || type === a.f64) {
        const v = Number(info(a, e).value);
        if (Number.isNaN(v)) return this.gather(L, new Refuse('not-isomorphic', 'NaN constants'));
        if (type === a.f32) view.setFloat32(4 * j, v, true);
        else view.setFloat64(8 * j, v, true);
      } else {
        const v = constValue(a, e)!;
        if (size === 1) view.setUint8(j, Number(BigInt.asUintN(8, v)));
        else if (size === 2) view.setUint16(2 * j, Number(BigInt.asUintN(16, v)), true);
        else if (size === 4) view.setUint32(4 * j, Number(BigInt.asUintN(32, v)), true);
        else view.setBigUint64(8 * j, BigInt.asUintN(64, v), true);
      }
    }
    return this.m.v128.const([...bytes]);
  }

  private load(L: LaneExpr[], type: number, ns: Ns): Ref {
    const a = this.api;
    const m = this.m;
    const is = L.map((l) => info(a, l.e));
    const size = this.g.width / 8;
    if (is.some((i) => i.isAtomic)) refuse('side-effect', 'atomic load');
    if (is.some((i) => i.bytes !== size)) return this.gather(L, new Refuse('mixed-width', `loads of ${is.map((i) => i.bytes).join('/')} bytes in ${this.g.width}-bit lanes`));
    if (is.some((i) => i.bytes! < 4 && i.isSigned !== is[0]!.isSigned) && !this.narrow) return this.gather(L, new Refuse('not-isomorphic', 'signed and unsigned loads'));
    const before = { reads: this.reads.length, loads: this.loads.length };
    const ptrs = L.map((l, j) => this.mat({ e: is[j]!.ptr!, at: l.at }));
    const acc = L.map((l, j) => this.accessOf(ptrs[j]!, is[j]!.offset!, is[j]!.bytes!, l.at));
    this.loads.push(...acc);
    const d = acc.map((x) => (x.key === acc[0]!.key && x.provable ? BigInt.asIntN(32, x.constant - acc[0]!.constant) + BigInt(x.offset - acc[0]!.offset) : undefined));
    if (d.some((x) => x === undefined)) {
      this.reads.length = before.reads;
      this.loads.length = before.loads;
      return this.gather(L, new Refuse('not-isomorphic', 'loads from unrelated addresses'));
    }
    const dd = d as bigint[];
    if (dd.every((x) => x === 0n)) {
      this.cost += 2;
      const copy = m.copyExpression(L[0]!.e);
      (a as unknown as { Load: { setPtr(e: Ref, p: Ref): void } }).Load.setPtr(copy, ptrs[0]!);
      return this.vop(ns, 'splat', copy);
    }
    const min = dd.reduce((x, y) => (y < x ? y : x));
    const slots = dd.map((x) => x - min);
    const sorted = [...slots].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    if (!sorted.every((x, j) => x === BigInt(j * size))) {
      this.reads.length = before.reads;
      this.loads.length = before.loads;
      return this.gather(L, new Refuse('not-isomorphic', 'loads that are not adjacent'));
    }
    const first = dd.indexOf(min);
    this.vloads.push(acc[first]!);
    this.cost += 1;
    const v = m.v128.load(is[first]!.offset!, Math.min(is[first]!.align!, 16), ptrs[first]!);
    if (slots.every((x, j) => x === BigInt(j * size))) return v;
    this.cost += 1;
    const mask: number[] = [];
    for (let j = 0; j < L.length; j++) for (let b = 0; b < size; b++) mask.push(Number(slots[j]!) + b);
    return this.vop('i8x16', 'shuffle', v, m.v128.const(new Array(16).fill(0)), mask);
  }

  private binary(L: LaneExpr[], type: number, ns: Ns): Ref {
    const a = this.api;
    const m = this.m;
    const names = L.map((l) => this.ops.binary.get(info(a, l.e).op!) ?? `op${info(a, l.e).op}`);
    const parts = names.map((n) => (/(Int|Float)(32|64)$/.test(n) ? splitOp(n) : { op: n, ty: '?' }));
    const float = type === a.f32 || type === a.f64;
    const lefts = L.map((l) => ({ e: this.w.Binary.getLeft(l.e), at: l.at }));
    const rights = L.map((l) => ({ e: this.w.Binary.getRight(l.e), at: l.at }));
    const op = parts[0]!.op;
    const distinct = [...new Set(parts.map((p) => p.op))];
    // Integer commutative operators: swap operands where that makes a lane match lane 0.
    if (!float && distinct.length === 1 && ['Add', 'Mul', 'And', 'Or', 'Xor'].includes(op)) {
      const sig = (le: LaneExpr) => {
        const r = this.resolve(le);
        return r.acc !== undefined ? 'acc' : `${a.getExpressionId(r.e)}`;
      };
      const l0 = sig(lefts[0]!);
      const r0 = sig(rights[0]!);
      for (let j = 1; j < L.length; j++) {
        if (sig(lefts[j]!) !== l0 && sig(rights[j]!) === l0 && sig(lefts[j]!) === r0) {
          [lefts[j], rights[j]] = [rights[j]!, lefts[j]!];
        }
      }
    }
    const simdOf = (o: string): string | Refuse => {
      if (o === 'Max' && float) return new Refuse('no-simd-op', `${ns}.max (a NaN of another sign bit than the scalar max in V8)`);
      const map: Record<string, string> = float
        ? { Add: 'add', Sub: 'sub', Mul: 'mul', Div: 'div', Min: 'min' }
        : { Add: 'add', Sub: 'sub', Mul: 'mul', And: 'and', Or: 'or', Xor: 'xor' };
      const s = map[o];
      if (!s) return new Refuse('no-simd-op', `${typeName(a, type)}.${o.replace(/([SU])$/, '_$1').toLowerCase()}`);
      if (['and', 'or', 'xor'].includes(s)) return s;
      if (typeof (m as unknown as Record<string, VecOps>)[ns]![s] !== 'function') return new Refuse('no-simd-op', `${ns}.${s}`);
      return s;
    };
    if (distinct.length === 1 && (op === 'Shl' || op === 'ShrS' || op === 'ShrU')) {
      const c = canonical(a, rights[0]!.e);
      if (rights.some((r) => canonical(a, r.e) !== c || c.includes('#') || c.includes('m'))) return this.gather(L, new Refuse('not-isomorphic', 'shift counts differ between lanes'));
      if (this.narrow) {
        const k = constValue(a, rights[0]!.e);
        if (op !== 'Shl' || k === undefined || BigInt.asUintN(5, k) >= BigInt(this.g.width)) return this.gather(L, new Refuse('narrow-lanes', `${names[0]} in ${this.g.width}-bit lanes`));
      }
      const x = this.pack(lefts);
      let count = this.mat(rights[0]!);
      for (const r of rights.slice(1)) this.mat(r);
      if (type === a.i64) count = m.i32.wrap(count);
      this.cost += 1;
      return this.vop(ns, { Shl: 'shl', ShrS: 'shr_s', ShrU: 'shr_u' }[op]!, x, count);
    }
    if (distinct.length > 2 || (distinct.length === 2 && !(distinct.includes('Add') && distinct.includes('Sub')))) {
      return this.gather(L, new Refuse('not-isomorphic', `${[...new Set(names)].join(' / ')}`));
    }
    if (this.narrow && !['Add', 'Sub', 'Mul', 'And', 'Or', 'Xor'].includes(op)) return this.gather(L, new Refuse('narrow-lanes', `${names[0]} in ${this.g.width}-bit lanes`));
    const simd = distinct.map(simdOf);
    const bad = simd.find((s): s is Refuse => s instanceof Refuse);
    if (bad) return this.gather(L, bad);
    const [s0, s1] = simd as string[];
    const call = (s: string, x: Ref, y: Ref) => (['and', 'or', 'xor'].includes(s) ? this.vop('v128', s, x, y) : this.vop(ns, s, x, y));
    const x = this.pack(lefts);
    const y = this.pack(rights);
    if (distinct.length === 1) {
      this.cost += 1;
      return call(s0!, x, y);
    }
    // add and sub mixed: both, then each lane from the one its scalar computes.
    const lx = this.fs.local(a.v128);
    const ly = this.fs.local(a.v128);
    const va = call(s0!, m.local.tee(lx, x, a.v128), m.local.tee(ly, y, a.v128));
    const vb = call(s1!, m.local.get(lx, a.v128), m.local.get(ly, a.v128));
    const size = 16 / L.length;
    const mask: number[] = [];
    for (let j = 0; j < L.length; j++) for (let b = 0; b < size; b++) mask.push((parts[j]!.op === distinct[0] ? 0 : 16) + j * size + b);
    this.cost += 3;
    return this.vop('i8x16', 'shuffle', va, vb, mask);
  }

  private unary(L: LaneExpr[], type: number, ns: Ns): Ref {
    const a = this.api;
    const m = this.m;
    const names = L.map((l) => this.ops.unary.get(info(a, l.e).op!) ?? `op${info(a, l.e).op}`);
    const name = names[0]!;
    if (names.some((n) => n !== name)) return this.gather(L, new Refuse('not-isomorphic', [...new Set(names)].join(' / ')));
    const inner = L.map((l) => ({ e: this.w.Unary.getValue(l.e), at: l.at }));
    const fm = /^(Neg|Abs|Ceil|Floor|Trunc|Nearest|Sqrt)Float(32|64)$/.exec(name);
    const innerType = a.getExpressionType(inner[0]!.e);
    let out: Ref | undefined;
    if (fm) out = this.vop(ns, fm[1]!.toLowerCase(), this.pack(inner));
    else if (/^Reinterpret/.test(name) && this.fits(innerType) && !this.narrow) out = this.pack(inner);
    else if ((name === 'ConvertSInt32ToFloat32' || name === 'ConvertUInt32ToFloat32') && this.g.width === 32) {
      out = this.vop('f32x4', name.startsWith('ConvertS') ? 'convert_i32x4_s' : 'convert_i32x4_u', this.pack(inner));
    } else if ((name === 'TruncSatSFloat32ToInt32' || name === 'TruncSatUFloat32ToInt32') && this.g.width === 32) {
      out = this.vop('i32x4', name.startsWith('TruncSatS') ? 'trunc_sat_f32x4_s' : 'trunc_sat_f32x4_u', this.pack(inner));
    } else if ((name === 'ExtendS8Int32' || name === 'ExtendS16Int32') && this.g.width === 32) {
      const k = name === 'ExtendS8Int32' ? 24 : 16;
      out = this.vop('i32x4', 'shr_s', this.vop('i32x4', 'shl', this.pack(inner), m.i32.const(k)), m.i32.const(k));
      this.cost += 1;
    }
    if (out === undefined) {
      const why = /^(Wrap|Extend|Promote|Demote|Convert|Trunc)/.test(name) ? 'mixed-width' : 'no-simd-op';
      return this.gather(L, new Refuse(why, name));
    }
    this.cost += 1;
    return out;
  }

  // ── the group ────────────────────────────────────────────────────────────────────────────────────

  /** Build the group's vector statement and check it may replace the scalar ones; refuses otherwise. */
  plan(): { apply: () => void } {
    const a = this.api;
    const m = this.m;
    const g = this.g;
    const members = g.members;
    const vp = Math.max(...members);
    const G = new Set(members);
    if (members.some((s, j) => this.stmts[s] !== g.refs[j])) refuse('dependence', 'statements already rewritten by another group');
    // The group's statements: their stores (lane j at member j) and values.
    const stores: Access[] = [];
    let vector: Ref;
    let scalarCost = 0;
    let storeOf: { offset: number; align: number; ptr: Ref } | undefined;
    if (g.kind === 'store') {
      const values: LaneExpr[] = [];
      for (const [j, s] of members.entries()) {
        const i = info(a, this.stmts[s]!);
        const ptr = this.mat({ e: i.ptr!, at: s });
        stores.push(this.accessOf(ptr, i.offset!, i.bytes!, s));
        values.push({ e: i.value as Ref, at: s });
        if (j === 0) storeOf = { offset: i.offset!, align: Math.min(i.align!, 16), ptr };
        scalarCost += 1 + scalarOps(a, this.matQuiet({ e: i.value as Ref, at: s }));
      }
      const d = stores.map((x) => (x.key === stores[0]!.key && x.provable ? BigInt.asIntN(32, x.constant - stores[0]!.constant) + BigInt(x.offset - stores[0]!.offset) : undefined));
      if (!d.every((x, j) => x === BigInt(j * (g.width / 8)))) refuse('address', 'store addresses are not adjacent once temporaries are read');
      vector = this.pack(values);
    } else {
      const acc = this.fs.local(a.v128);
      this.pending = [acc];
      const values = members.map((s) => ({ e: this.w.LocalSet.getValue(this.stmts[s]!), at: s }));
      for (const v of values) scalarCost += scalarOps(a, this.matQuiet(v));
      vector = this.pack(values);
    }
    this.cost += 1;
    if (this.cost >= scalarCost) throw this.gatherReason ?? new Refuse('not-profitable', `vector cost ${this.cost}, scalar ${scalarCost}`);

    // A vector load of bytes that narrower stores wrote just before cannot take its data from the store
    // buffer (a store-forwarding stall of the order of ten cycles, more than packing a few lanes saves).
    for (const vl of this.vloads) {
      for (let q = Math.max(0, vp - 16); q < vp; q++) {
        if (G.has(q)) continue;
        for (const st of this.facts[q]!.stores) {
          if (st.bytes >= 16) continue;
          const sx = this.accessOf(this.matSoft(st.ptr, q), st.offset, st.bytes, q);
          if (sx.key !== vl.key) continue;
          const dist = BigInt.asIntN(32, sx.constant - vl.constant) + BigInt(sx.offset - vl.offset);
          if (dist > -BigInt(sx.bytes) && dist < 16n) refuse('not-profitable', 'a vector load of bytes narrower stores just wrote (store forwarding fails)');
        }
      }
    }
    // The window: from the first evaluation the group depends on, to the vector point.
    const start = Math.min(...members, ...this.reads.map((r) => r.at), ...this.loads.map((l) => l.at));
    // A local the removed statements tee must not be read anywhere else.
    const teed = new Set<number>();
    const keep: Ref[] = [];
    for (const s of members) for (const x of this.facts[s]!.writes.keys()) if (!g.accs?.includes(x)) teed.add(x);
    if (teed.size) {
      const inGroup = new Map<number, number>();
      for (const s of members) for (const p of allPlaces(a, this.stmts[s]!)) {
        if (a.getExpressionId(p.ref) === a.LocalGetId) {
          const x = this.w.LocalGet.getIndex(p.ref);
          inGroup.set(x, (inGroup.get(x) ?? 0) + 1);
        }
      }
      const total = new Map<number, number>();
      for (const p of allPlaces(a, this.fnBody)) {
        if (a.getExpressionId(p.ref) === a.LocalGetId) {
          const x = this.w.LocalGet.getIndex(p.ref);
          if (teed.has(x)) total.set(x, (total.get(x) ?? 0) + 1);
        }
      }
      for (const x of teed) {
        if ((total.get(x) ?? 0) === (inGroup.get(x) ?? 0) || this.deadAfter(x, start, vp, G) || this.overwrittenBeforeReads(x, start, vp, G)) continue;
        // Read later: set it again at the vector point (an address-like value, evaluated there).
        // The value it holds after the group: the tee of the last statement that sets it.
        const last = Math.max(...members.filter((s) => this.facts[s]!.writes.has(x)));
        const tees = allPlaces(a, this.stmts[last]!).filter((p) => a.getExpressionId(p.ref) === a.LocalSetId && this.w.LocalSet.getIndex(p.ref) === x).map((p) => ({ set: p.ref, at: last }));
        const t = tees[0]!;
        const v = this.w.LocalSet.getValue(t.set);
        if (tees.length !== 1 || allPlaces(a, v).some((p) => a.getExpressionId(p.ref) === a.LoadId || a.getExpressionId(p.ref) === a.LocalSetId)) {
          refuse('dependence', `local ${x}, set in a packed statement, is read elsewhere`);
        }
        for (let q = start; q <= vp; q++) {
          if (G.has(q)) continue;
          if (this.facts[q]!.writes.has(x) || allPlaces(a, this.stmts[q]!).some((p) => a.getExpressionId(p.ref) === a.LocalGetId && this.w.LocalGet.getIndex(p.ref) === x)) {
            refuse('dependence', `local ${x}, set in a packed statement, is used between the packed statements`);
          }
        }
        keep.push(m.local.set(x, this.mat({ e: v, at: t.at })));
        this.cost += 1;
      }
    }

    const windowWrites = new Set<number>();
    for (let q = start; q <= vp; q++) for (const x of this.facts[q]!.writes.keys()) windowWrites.add(x);
    const proveApart = (x: Access, y: Access): boolean => {
      if (x.key !== y.key || !x.provable || !y.provable || x.locals.some((l) => windowWrites.has(l)) || y.locals.some((l) => windowWrites.has(l))) return false;
      const dist = BigInt.asIntN(32, y.constant - x.constant) + BigInt(y.offset - x.offset);
      return dist >= BigInt(x.bytes) || dist <= -BigInt(y.bytes);
    };
    const pairs: Array<[Access, Access]> = [];
    const checkable = (x: Access) => x.provable && !x.locals.some((l) => windowWrites.has(l));
    const apart = (x: Access, y: Access, what: string) => {
      if (proveApart(x, y)) {
        this.proven++;
        return;
      }
      // A reduction is never versioned: its scalar statements would update the accumulators the loop no longer reads.
      if (!this.opts.versioning || g.kind === 'reduction' || x.key === y.key || !checkable(x) || !checkable(y)) refuse('alias', what);
      pairs.push([x, y]);
    };
    // Locals the group reads keep their values up to the vector point.
    for (const r of this.reads) {
      for (let q = r.at; q <= vp; q++) if (this.facts[q]!.writes.has(r.local)) refuse('dependence', `local ${r.local} changes before the vector point`);
    }
    // Inside the group: a load after an overlapping store of the group would now read the old value.
    for (const st of stores) for (const ld of this.loads) if (ld.at > st.at) apart(st, ld, 'a packed load follows a packed store it may overlap');
    // The statements in between.
    for (let q = start; q <= vp; q++) {
      if (G.has(q)) continue;
      const f = this.facts[q]!;
      if (f.barrier) refuse(f.barrier.reason, f.barrier.detail);
      const acc = (x: { ptr: Ref; offset: number; bytes: number }) => this.accessOf(this.matSoft(x.ptr, q), x.offset, x.bytes, q);
      for (const s of f.stores) {
        const sx = acc(s);
        for (const ld of this.loads) if (ld.at <= q) apart(sx, ld, 'a store between may overlap a packed load');
        for (const st of stores) if (st.at < q) apart(sx, st, 'a store between may overlap a packed store');
      }
      for (const l of f.loads) {
        const lx = acc(l);
        for (const st of stores) if (st.at < q) apart(lx, st, 'a load between may overlap a packed store');
      }
    }
    // The run-time check: address ranges by base (key), each pair of bases whose accesses may overlap.
    let overlap: Ref | undefined;
    if (pairs.length) {
      const spans = new Map<string, { min: Access; max: Access }>();
      const pos = (x: Access) => BigInt.asIntN(32, x.constant) + BigInt(x.offset);
      for (const x of pairs.flat()) {
        const sp = spans.get(x.key);
        if (!sp) spans.set(x.key, { min: x, max: x });
        else {
          if (pos(x) < pos(sp.min)) sp.min = x;
          if (pos(x) + BigInt(x.bytes) > pos(sp.max) + BigInt(sp.max.bytes)) sp.max = x;
        }
      }
      const keyPairs = new Set(pairs.map(([x, y]) => [x.key, y.key].sort().join('\u0000')));
      const at = (x: Access, end: boolean) => m.i64.add(m.i64.extend_u(m.copyExpression(x.ptr)), m.i64.const(BigInt(x.offset + (end ? x.bytes : 0))));
      for (const kp of keyPairs) {
        const [kx, ky] = kp.split('\u0000') as [string, string];
        const sx = spans.get(kx)!;
        const sy = spans.get(ky)!;
        const c = m.i32.and(m.i64.lt_u(at(sx.min, false), at(sy.max, true)), m.i64.lt_u(at(sy.min, false), at(sx.max, true)));
        overlap = overlap === undefined ? c : m.i32.or(overlap, c);
      }
      this.checked = keyPairs.size;
      // About ten cheap integer instructions and a well-predicted branch per pair of bases.
      this.cost += 8 * keyPairs.size;
      if (this.cost >= scalarCost) throw this.gatherReason ?? new Refuse('not-profitable', `vector cost ${this.cost} with ${keyPairs.size} run-time overlap checks, scalar ${scalarCost}`);
    }
    return {
      apply: () => {
        const w = this.w;
        this.fs.facts.clear();
        if (this.hoists.length) this.fs.wrap(this.loop!).inits.push(...this.hoists);
        const vector1 = g.kind === 'store' ? m.v128.store(storeOf!.offset, storeOf!.align, storeOf!.ptr, vector) : m.local.set(this.pending[0]!, vector);
        const vstmt = keep.length ? m.block(null, [...keep, vector1], a.none) : vector1;
        // Definitions only the group reads: their values are in the vector code.
        const dead = new Set<number>();
        if (this.defsUsed.size) {
          const readsIn = (roots: Ref[]) => {
            const n = new Map<number, number>();
            for (const r of roots) for (const p of allPlaces(a, r)) if (a.getExpressionId(p.ref) === a.LocalGetId) n.set(w.LocalGet.getIndex(p.ref), (n.get(w.LocalGet.getIndex(p.ref)) ?? 0) + 1);
            return n;
          };
          const all = readsIn([this.fnBody]);
          const inG = readsIn(members.map((s) => this.stmts[s]!));
          for (const p of this.defsUsed) {
            if (G.has(p)) continue;
            const x = w.LocalSet.getIndex(this.stmts[p]!);
            if ((all.get(x) ?? 0) === (inG.get(x) ?? 0)) dead.add(p);
          }
        }
        if (overlap !== undefined) {
          // Versioned: the original statements when ranges overlap, else the vector form.
          const region = this.stmts.slice(start, vp + 1);
          const vec = region.map((s, k) => {
            const q = start + k;
            if (q === vp) return vstmt;
            return G.has(q) || dead.has(q) ? m.nop() : m.copyExpression(s);
          });
          for (let q = start + 1; q <= vp; q++) w.Block.setChildAt(this.block, q, m.nop());
          const branch = m.if(overlap, m.block(null, region, a.none), m.block(null, vec, a.none));
          this.fs.versioned.add(branch);
          w.Block.setChildAt(this.block, start, branch);
        } else {
          for (const s of members) if (s !== vp) w.Block.setChildAt(this.block, s, m.nop());
          for (const q of dead) w.Block.setChildAt(this.block, q, m.nop());
          w.Block.setChildAt(this.block, vp, vstmt);
        }
        if (g.kind === 'reduction') {
          const acc = this.pending[0]!;
          const wrap = this.fs.wrap(this.loop!);
          const ns = this.ns(g.valueType);
          let init = this.vop(ns, 'splat', m.local.get(g.accs![0]!, g.valueType));
          for (let j = 1; j < g.accs!.length; j++) init = this.vop(ns, 'replace_lane', init, j, m.local.get(g.accs![j]!, g.valueType));
          wrap.inits.push(m.local.set(acc, init));
          for (const [j, s] of g.accs!.entries()) wrap.extracts.push(m.local.set(s, this.vop(ns, 'extract_lane', m.local.get(acc, a.v128), j)));
        }
      },
    };
  }

  /** The address of an access in statement `at`, read through temporaries where possible: key and position. */
  keyOf(ptr: Ref, offset: number, at: number): { key: string; pos: bigint } {
    const x = this.accessOf(this.matSoft(ptr, at), offset, 0, at);
    return { key: x.provable ? x.key : `${x.key}@${ptr}`, pos: BigInt.asIntN(32, x.constant) + BigInt(offset) };
  }

  /**
   * Whether local x, teed by the removed statements, is read by no one: not by the other statements of
   * the window, and overwritten after the vector point (before any read or control flow in this list).
   */
  private deadAfter(x: number, start: number, vp: number, G: Set<number>): boolean {
    const a = this.api;
    const reads = (q: number) => allPlaces(a, this.stmts[q]!).some((p) => a.getExpressionId(p.ref) === a.LocalGetId && this.w.LocalGet.getIndex(p.ref) === x);
    for (let q = start; q <= vp; q++) if (!G.has(q) && reads(q)) return false;
    for (let q = vp + 1; q < this.stmts.length; q++) {
      const f = this.facts[q]!;
      if (f.barrier?.reason === 'control-flow' || reads(q)) return false;
      if (f.writes.has(x)) return true;
    }
    return false;
  }

  /**
   * Whether every read of local x outside the group follows, in its own statement list, an unconditional
   * write of x that any path from the group to the read must pass (control enters a list only at its
   * top, and leaves a loop body only to its start): then the value the group's tees leave is never read.
   */
  private overwrittenBeforeReads(x: number, start: number, vp: number, G: Set<number>): boolean {
    const a = this.api;
    const w = this.w;
    const root: Place = { ref: this.fnBody, set: () => undefined };
    let home: Ref[] | undefined;
    walk(a, root, (p, anc) => {
      if (home) return false;
      if (p.ref === this.block) home = [...anc, p.ref];
      return undefined;
    });
    if (!home) return false;
    const children = (b: Ref) => Array.from({ length: w.Block.getNumChildren(b) }, (_, i) => w.Block.getChildAt(b, i));
    const writes = (st: Ref) => {
      const f = stmtFacts(a, st);
      return f.writes.has(x) && f.barrier?.reason !== 'control-flow';
    };
    let ok = true;
    walk(a, root, (p, anc) => {
      if (!ok) return false;
      if (a.getExpressionId(p.ref) !== a.LocalGetId || w.LocalGet.getIndex(p.ref) !== x) return undefined;
      let bi = anc.length - 1;
      while (bi >= 0 && a.getExpressionId(anc[bi]!) !== a.BlockId) bi--;
      if (bi < 0) return void (ok = false);
      const list = children(anc[bi]!);
      const r = list.indexOf(bi + 1 < anc.length ? anc[bi + 1]! : p.ref);
      const any = (from: number, to: number) => list.slice(Math.max(0, from), Math.max(0, to)).some((st) => writes(st));
      if (anc[bi] === this.block) {
        if (G.has(r)) return undefined;
        if (r >= start && r <= vp) ok = false;
        else if (r > vp) ok = any(vp + 1, r);
        else ok = any(0, r);
        return undefined;
      }
      const h = home!.indexOf(anc[bi]!);
      if (h >= 0) {
        // The group is inside statement j of this list.
        const j = list.indexOf(home![h + 1]!);
        ok = r > j ? any(j + 1, r) : r < j ? any(0, r) : false;
        return undefined;
      }
      ok = any(0, r);
      return undefined;
    });
    return ok;
  }

  /** {@link mat} without recording anything (for the scalar cost). */
  private matQuiet(le: LaneExpr): Ref {
    const saved = { reads: this.reads.length, loads: this.loads.length, defs: new Set(this.defsUsed) };
    this.quiet = true;
    try {
      return this.mat(le);
    } finally {
      this.quiet = false;
      this.reads.length = saved.reads;
      this.loads.length = saved.loads;
      this.defsUsed.clear();
      for (const d of saved.defs) this.defsUsed.add(d);
    }
  }

  /** An address of a statement in the window, read through definitions where possible (else as written). */
  private matSoft(ptr: Ref, at: number): Ref {
    try {
      return this.matQuiet({ e: ptr, at });
    } catch (e) {
      if (e instanceof Refuse) return this.m.copyExpression(ptr);
      throw e;
    }
  }
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────────

const pureTables = new WeakMap<Api, Set<number>>();
function PURE_IDS(a: Api): Set<number> {
  let s = pureTables.get(a);
  if (!s) {
    s = new Set([a.LocalGetId, a.ConstId, a.GlobalGetId, a.LoadId, a.UnaryId, a.BinaryId, a.SelectId]);
    pureTables.set(a, s);
  }
  return s;
}

const kindNames = new WeakMap<Api, Map<number, string>>();
function kindName(api: Api, id: number): string {
  let t = kindNames.get(api);
  if (!t) {
    t = new Map();
    for (const [k, v] of Object.entries(api as unknown as Record<string, unknown>)) {
      if (k.endsWith('Id') && typeof v === 'number' && !t.has(v)) t.set(v, k.slice(0, -2));
    }
    kindNames.set(api, t);
  }
  return t.get(id) ?? `kind ${id}`;
}

function typeName(a: Api, t: number): string {
  return t === a.i32 ? 'i32' : t === a.i64 ? 'i64' : t === a.f32 ? 'f32' : t === a.f64 ? 'f64' : t === a.v128 ? 'v128' : `type ${t}`;
}

/** The child places of a Binary, Unary or Select. */
function childPlacesOf(a: Api, e: Ref): Place[] {
  const id = a.getExpressionId(e);
  const S = a as unknown as Record<string, Record<string, (e: Ref, v?: Ref) => Ref>>;
  const fields = id === a.BinaryId ? ['Binary', 'Left', 'Right'] : id === a.UnaryId ? ['Unary', 'Value'] : ['Select', 'IfTrue', 'IfFalse', 'Condition'];
  const [cls, ...fs] = fields;
  return fs.map((f) => ({ ref: S[cls!]![`get${f}`]!(e), set: (v: Ref) => void S[cls!]![`set${f}`]!(e, v) }));
}

/** Operations a scalar expression performs (loads and arithmetic; reads of locals and constants are free). */
function scalarOps(a: Api, e: Ref): number {
  let n = 0;
  for (const p of allPlaces(a, e)) {
    const id = a.getExpressionId(p.ref);
    if (id !== a.LocalGetId && id !== a.ConstId && id !== a.GlobalGetId && id !== a.LocalSetId) n++;
  }
  return n;
}

function stmtFacts(a: Api, s: Ref, plain?: Set<Ref>): StmtFacts {
  const w = wrappers(a);
  const f: StmtFacts = { writes: new Map(), loads: [], stores: [] };
  for (const p of allPlaces(a, s)) {
    const id = a.getExpressionId(p.ref);
    if (plain?.has(p.ref)) continue;
    const k = kindName(a, id);
    if (id === a.LocalSetId) {
      const x = w.LocalSet.getIndex(p.ref);
      f.writes.set(x, (f.writes.get(x) ?? 0) + 1);
    } else if (id === a.LoadId || id === a.SIMDLoadId) {
      const i = info(a, p.ref);
      if (i.isAtomic) f.barrier ??= { reason: 'side-effect', detail: 'atomic access' };
      f.loads.push({ ptr: i.ptr!, offset: i.offset!, bytes: id === a.LoadId ? i.bytes! : 16 });
    } else if (id === a.StoreId) {
      const i = info(a, p.ref);
      if (i.isAtomic) f.barrier ??= { reason: 'side-effect', detail: 'atomic access' };
      f.stores.push({ ptr: i.ptr!, offset: i.offset!, bytes: i.bytes! });
    } else if (id === a.SIMDLoadStoreLaneId) {
      f.barrier ??= { reason: 'side-effect', detail: 'lane load/store' };
    } else if (BARRIER_SIDE.has(k)) {
      f.barrier ??= { reason: 'side-effect', detail: k };
    } else if (BARRIER_FLOW.has(k)) {
      f.barrier ??= { reason: 'control-flow', detail: k };
    } else if (!PURE_IDS(a).has(id) && id !== a.DropId && id !== a.NopId && id !== a.SIMDExtractId && id !== a.SIMDReplaceId && id !== a.SIMDShuffleId && id !== a.SIMDTernaryId && id !== a.SIMDShiftId) {
      f.barrier ??= { reason: 'side-effect', detail: k };
    }
  }
  return f;
}

/** The lane width for a scalar store of this type and size, or undefined. */
function storeWidth(a: Api, type: number, bytes: number): Width | undefined {
  if (type === a.i32) return bytes === 4 ? 32 : bytes === 2 ? 16 : bytes === 1 ? 8 : undefined;
  if (type === a.f32) return bytes === 4 ? 32 : undefined;
  if (type === a.i64 || type === a.f64) return bytes === 8 ? 64 : undefined;
  return undefined;
}

// ── the pass ─────────────────────────────────────────────────────────────────────────────────────────

interface BlockSite {
  ref: Ref;
  index: number;
  /** The nearest enclosing loop and its place, and how many loops enclose the block. */
  loop?: Place;
  depth: number;
}

interface Candidate {
  group: Group;
  /** Why a run of adjacent statements does not make a group. */
  refusal?: Refuse;
}

/** Runs of adjacent addresses among candidates, each cut into groups of `lanes`; shorter runs refused. */
function runs<T>(items: Array<{ item: T; key: string; pos: bigint }>, step: bigint, lanes: number, make: (xs: T[]) => Group, kind: Group['kind']): Candidate[] {
  const out: Candidate[] = [];
  const byKey = new Map<string, Array<{ item: T; pos: bigint }>>();
  for (const x of items) byKey.set(x.key, [...(byKey.get(x.key) ?? []), x]);
  for (const list of byKey.values()) {
    list.sort((x, y) => (x.pos < y.pos ? -1 : x.pos > y.pos ? 1 : 0));
    let run: Array<{ item: T; pos: bigint }> = [];
    const flush = () => {
      let i = 0;
      for (; i + lanes <= run.length; i += lanes) out.push({ group: make(run.slice(i, i + lanes).map((r) => r.item)) });
      if (run.length - i > 1) {
        out.push({ group: make(run.slice(i).map((r) => r.item)), refusal: new Refuse('too-few-lanes', `${run.length - i} adjacent ${kind === 'store' ? 'stores' : 'accumulators'}, ${lanes} lanes`) });
      }
      run = [];
    };
    for (const x of list) {
      if (run.length && x.pos !== run[run.length - 1]!.pos + step) flush();
      run.push(x);
    }
    flush();
  }
  return out;
}

/** Pack the module's groups (see the file's comment); returns what it did and why. */
export function slpModule(m: Module, api: Api, opts: SlpOptions = SLP_DEFAULTS): SlpReport {
  if (opts.onlyRank === undefined) return slpRound(m, api, opts, () => true);
  // The r-th group: a first round plans every group and applies none (planning changes nothing), the
  // second applies that group only. Both rounds list the same groups in the same order up to it (nothing
  // before it is applied in either), so its position in the list names it.
  const chosen = rankOrder(slpRound(m, api, opts, () => false).groups, (d) => d.state === 'not-selected')[opts.onlyRank];
  return slpRound(m, api, opts, (i) => i === chosen);
}

/** One pass over the module: the i-th group of the report, if it can be packed, is packed if `take(i)`. */
function slpRound(m: Module, api: Api, opts: SlpOptions, take: (i: number) => boolean): SlpReport {
  const a = api;
  const w = wrappers(a);
  const report: SlpReport = { groups: [], unreadableFunctions: [], packed: 0, refused: {} };
  const features = m.getFeatures();
  const memoryOk = m.hasMemory() && !(m.getMemoryInfo() as { is64?: boolean }).is64 && (features & a.Features.MultiMemory) === 0;
  if (!memoryOk) return report;
  const exported = new Map<string, string>();
  for (let i = 0; i < m.getNumExports(); i++) {
    const e = a.getExportInfo(m.getExportByIndex(i));
    if (e.kind === a.ExternalFunction && !exported.has(e.value)) exported.set(e.value, e.name);
  }
  const fnName = (n: string) => (/^\d+$/.test(n) && exported.has(n) ? exported.get(n)! : n);
  const addVar = (a as unknown as { _BinaryenFunctionAddVar(f: number, t: number): number })._BinaryenFunctionAddVar;

  for (const fn of definedFunctions(m, a)) {
    const blocks: BlockSite[] = [];
    try {
      const loops: Place[] = [];
      walk(a, bodyPlace(a, fn.ref), (p) => {
        const id = a.getExpressionId(p.ref);
        if (id === a.BlockId) blocks.push({ ref: p.ref, index: blocks.length, depth: loops.length, ...(loops.length ? { loop: loops[loops.length - 1]! } : {}) });
        if (id === a.LoopId) loops.push(p);
      }, (p) => {
        if (a.getExpressionId(p.ref) === a.LoopId) loops.pop();
      });
    } catch (e) {
      if (e instanceof UnknownExpression) {
        report.unreadableFunctions.push(fn.name);
        continue;
      }
      throw e;
    }
    const fs = new FnState(a, fn.ref);
    const body = bodyPlace(a, fn.ref).ref;
    // Reads and writes of each local in each loop (for reductions), computed once per loop.
    const loopUse = new Map<Ref, { reads: Map<number, number>; writes: Map<number, number>; exits: boolean }>();
    const useOf = (loop: Ref) => {
      let u = loopUse.get(loop);
      if (!u) {
        u = { reads: new Map(), writes: new Map(), exits: false };
        const inside = labelsIn(a, loop);
        for (const p of allPlaces(a, loop)) {
          const id = a.getExpressionId(p.ref);
          if (id === a.LocalGetId) u.reads.set(w.LocalGet.getIndex(p.ref), (u.reads.get(w.LocalGet.getIndex(p.ref)) ?? 0) + 1);
          else if (id === a.LocalSetId) u.writes.set(w.LocalSet.getIndex(p.ref), (u.writes.get(w.LocalSet.getIndex(p.ref)) ?? 0) + 1);
          else if (id === a.ReturnId) u.exits = true;
          else if (branchTargets(a, p.ref).some((l) => !inside.has(l))) u.exits = true;
        }
        loopUse.set(loop, u);
      }
      return u;
    };

    for (const b of blocks) {
      const stmts = Array.from({ length: w.Block.getNumChildren(b.ref) }, (_, i) => w.Block.getChildAt(b.ref, i));
      if (stmts.length < 2) continue;
      const cands: Candidate[] = [];
      // Addresses are read through the block's temporaries (tees, earlier assignments).
      const view = new GroupPacker(m, a, fs, b.ref, { kind: 'store', members: [], refs: [], width: 32, valueType: a.i32 }, body, opts);
      if (opts.stores) {
        const items: Array<{ item: number; key: string; pos: bigint }> = [];
        const byWidth = new Map<string, Width>();
        for (const [i, s] of stmts.entries()) {
          if (a.getExpressionId(s) !== a.StoreId) continue;
          const si = info(a, s);
          const width = storeWidth(a, si.valueType!, si.bytes!);
          if (!width || si.isAtomic || a.getExpressionType(si.ptr!) !== a.i32) continue;
          const { key, pos } = view.keyOf(si.ptr!, si.offset!, i);
          const k = `${si.valueType}/${si.bytes}/${key}`;
          byWidth.set(k, width);
          items.push({ item: i, key: k, pos });
        }
        for (const [k, width] of byWidth) {
          const mine = items.filter((x) => x.key === k);
          const vt = info(a, stmts[mine[0]!.item]!).valueType!;
          cands.push(...runs(mine, BigInt(width / 8), 128 / width, (xs) => ({ kind: 'store', members: xs, refs: xs.map((x) => stmts[x]!), width, valueType: vt }), 'store'));
        }
      }
      if (opts.reductions && b.loop) {
        const loop = b.loop.ref;
        const items: Array<{ item: { s: number; acc: number }; key: string; pos: bigint }> = [];
        for (const [i, s] of stmts.entries()) {
          if (a.getExpressionId(s) !== a.LocalSetId || w.LocalSet.isTee(s)) continue;
          const x = w.LocalSet.getIndex(s);
          const v = w.LocalSet.getValue(s);
          const t = a.getExpressionType(v);
          if (a.getExpressionId(v) !== a.BinaryId || !(t === a.i32 || t === a.i64 || t === a.f32 || t === a.f64)) continue;
          const isX = (e: Ref) => a.getExpressionId(e) === a.LocalGetId && w.LocalGet.getIndex(e) === x;
          const l = w.Binary.getLeft(v);
          const r = w.Binary.getRight(v);
          if (!isX(l) && !isX(r)) continue;
          const u = useOf(loop);
          if (u.reads.get(x) !== 1 || u.writes.get(x) !== 1) continue;
          const other = isX(l) ? r : l;
          const firstLoad = allPlaces(a, other).find((p) => a.getExpressionId(p.ref) === a.LoadId);
          if (!firstLoad) continue;
          const li = info(a, firstLoad.ref);
          const { key, pos } = view.keyOf(li.ptr!, li.offset!, i);
          items.push({ item: { s: i, acc: x }, key: `${t}/${w.Binary.getOp(v)}/${isX(l) ? 'l' : 'r'}/${li.bytes}/${key}`, pos });
        }
        const keys = new Set(items.map((x) => x.key));
        for (const k of keys) {
          const mine = items.filter((x) => x.key === k);
          const t = a.getExpressionType(w.LocalSet.getValue(stmts[mine[0]!.item.s]!));
          const width = (t === a.i32 || t === a.f32 ? 32 : 64) as Width;
          const bytes = Number(k.split('/')[3]);
          if (bytes * 8 !== width) continue;
          cands.push(...runs(mine, BigInt(bytes), 128 / width, (xs) => ({ kind: 'reduction', members: xs.map((x) => x.s), refs: xs.map((x) => stmts[x.s]!), accs: xs.map((x) => x.acc), width, valueType: t, loop }), 'reduction'));
        }
      }
      cands.sort((x, y) => Math.min(...x.group.members) - Math.min(...y.group.members));
      for (const c of cands) {
        const g = c.group;
        const base: SlpDecision = { function: fnName(fn.name), kind: g.kind, block: b.index, at: Math.min(...g.members), members: g.members.length, depth: b.depth, state: 'refused' };
        const refused = (r: Refuse, extra: Partial<SlpDecision> = {}) => {
          report.groups.push({ ...base, ...extra, reason: r.reason, ...(r.detail ? { detail: r.detail } : {}) });
          report.refused[r.reason] = (report.refused[r.reason] ?? 0) + 1;
        };
        if (c.refusal) {
          refused(c.refusal);
          continue;
        }
        if (g.kind === 'reduction' && useOf(g.loop!).exits) {
          refused(new Refuse('loop-exit', 'the loop is left by a branch or return'));
          continue;
        }
        const locals = fs.newLocals.length;
        const packer = new GroupPacker(m, a, fs, b.ref, g, body, opts, b.loop);
        const lanes = (g.valueType === a.f32 ? 'f32x4' : g.valueType === a.f64 ? 'f64x2' : g.valueType === a.i64 ? 'i64x2' : ({ 8: 'i8x16', 16: 'i16x8', 32: 'i32x4', 64: 'i64x2' } as const)[g.width]) as LaneType;
        try {
          const plan = packer.plan();
          const figures = { lanes, proven: packer.proven, checked: packer.checked, gathered: packer.gathered };
          if (!take(report.groups.length)) {
            fs.newLocals.length = locals;
            report.groups.push({ ...base, state: 'not-selected', ...figures });
            continue;
          }
          plan.apply();
          report.groups.push({ ...base, state: 'packed', ...figures });
          report.packed++;
        } catch (e) {
          fs.newLocals.length = locals;
          if (e instanceof Refuse) refused(e, { lanes });
          else if (e instanceof UnknownExpression) refused(new Refuse('side-effect', 'unsupported expression'));
          else throw e;
        }
      }
    }
    // Reduction loops: accumulators built before, extracted after.
    for (const [loop, wrap] of fs.loopWraps) {
      if (!wrap.inits.length) continue;
      wrap.place.set(m.block(null, [...wrap.inits, loop, ...wrap.extracts], a.none));
    }
    for (const t of fs.newLocals) addVar(fn.ref, t);
  }
  if (report.packed) m.setFeatures(m.getFeatures() | a.Features.SIMD128);
  return report;
}

/**
 * What the pass would do to a module, without keeping the result: each group, packed or refused and
 * why. `api` is the binaryen module object (src/binaryen/module.ts exports it).
 */
export function analyzeSlp(api: Api, bytes: Uint8Array, opts: SlpOptions = SLP_DEFAULTS): SlpReport {
  const m = api.readBinary(bytes);
  try {
    const f = api.Features;
    m.setFeatures(m.getFeatures() | f.MutableGlobals | f.SignExt | f.NontrappingFPToInt | f.BulkMemory | f.BulkMemoryOpt | f.Multivalue | f.ReferenceTypes | f.SIMD128 | f.TailCall);
    return slpModule(m, api, opts);
  } finally {
    m.dispose();
  }
}

/** `wt-slp`. */
export const slp: ModulePass = (m, api) => {
  slpModule(m, api);
};

/** `wt-slp-group:r`: the r-th group only. */
export const slpGroup: ModulePass = (m, api, arg) => {
  slpModule(m, api, { ...SLP_DEFAULTS, onlyRank: decisionRank(arg, 'group') });
};
