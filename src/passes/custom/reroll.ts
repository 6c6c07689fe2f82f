/**
 * Loop rerolling: `wt-reroll` turns innermost loops that a compiler has already unrolled back into
 * loops of unit stride, so that wt-vectorize (run after it) can take them. Builds from clang -O2/-O3
 * and Rust release unroll their inner loops by k = 2, 4 or 8: the loop steps k elements at a time and
 * its body holds k copies of the scalar work on elements i, i+1, …, i+k−1 (followed by a remainder
 * loop, which is a separate loop and stays as it is). wt-vectorize refuses such a loop (`stride`);
 * after rerolling it sees the one-element loop the source had.
 *
 * What is rerolled. The loop is recognised by wt-unroll's counted-loop analysis (do-while, while-if and
 * while-exit shapes; one induction variable i with a constant step S tested against an invariant
 * bound). Its iteration is then run symbolically: every local and every stored value becomes a term
 * over the values the locals have at the start of the iteration, with integer additions, subtractions,
 * multiplications by constants and left shifts by constants kept as linear forms (so `p + 4`,
 * `(i + 1) << 2` and `i*4 + 4` compare equal), temporaries (`local.tee` inside expressions, as Binaryen
 * leaves them) replaced by their values, and loads keyed by their effective address (a load that an
 * earlier store of the iteration may have overwritten gets a key of its own). The body may hold only
 * stores, assignments of locals, nops, unnamed blocks, and `if` without `else` whose arm holds only
 * stores (a conditional store, e.g. `if (d < dist[j]) dist[j] = d`); values are constants, locals,
 * globals, loads, unary and binary operators and selects. For k in 16, 8, 4, 2 (largest first; only
 * powers of two, see below), the pass then checks that the iteration is k copies of one scalar
 * iteration:
 *   - induction variables: every local whose value grows by a constant c per iteration with c a
 *     multiple of k (the counter, pointers `p += 4k`); the rerolled loop steps c/k;
 *   - stores: each store address is a linear form of induction variables and invariants that advances
 *     by D bytes per element (D ≠ 0); the stores split into classes whose addresses are a, a+D, …,
 *     a+(k−1)D, the one at a+jD belonging to copy j; every copy stores the classes in the same order,
 *     and copy j's store (address, value, condition) is copy 0's with each induction variable x
 *     replaced by x + j·c/k (terms compared after that substitution, so constants, operators, and the
 *     locals read must be the same);
 *   - reductions: a local the iteration reads before writing (other than an induction variable) must
 *     be a single accumulator chain: copy j's update reads what copy j−1 wrote, `s = op(e_j, s)` (or
 *     `op(s, e_j)`, or `select(e_j, s, e_j < s)` and any other term in which the previous value occurs
 *     only through one subterm), k layers deep, each layer copy 0's shifted to element j. The rerolled
 *     loop applies the same operations in the same order, so this is exact for floats too. Integer sums
 *     (kept as linear forms, in any association) are split into k shifted parts. Several accumulators
 *     (s0 += a[i]; s1 += a[i+1], combined after the loop) change the order of operations: refused as
 *     `multiple-accumulators`. A layer may have the operands of a commutative operator (integer add,
 *     mul, and, or, xor; float add, mul, min, max) the other way round from copy 0's, as Binaryen
 *     leaves the first layer of `s += a[i]` chains; every copy then runs with copy 0's order (for floats
 *     this can only change which NaN a NaN operand gives, which Wasm leaves open);
 *   - memory order: the rerolled loop runs copy 0, then copy 1, … of each original iteration, each in
 *     its own statement order; every pair of a store and another access whose order that changes must
 *     be provably disjoint (same terms, constant distance), and every load must see the same stores
 *     before it as in the original (a value stored by one copy and read by the next stays in order,
 *     which is fine);
 *   - temporaries (locals written but not carried from one iteration to the next) must be dead after
 *     the loop: a scan of the code that can follow the loop (through branches) must find every path
 *     writing them before reading them, since the rerolled body computes its values in fresh locals.
 *
 * How. The rerolled loop has the original's shape (a do-while stays a do-while; a while-exit loop
 * becomes a while-if loop followed by the exit branch), one copy of the work as its body, built from
 * copy 0's terms: the stores in their order (conditional ones under an `if`), each reduction before
 * the first store that followed its loads in the original (after the stores without loads), then
 * each induction variable advanced by c/k, and the continue test `i != b` on the main variable. A
 * value used by two statements is computed once into a fresh local through `local.tee` (where it is
 * computed unconditionally); a load read twice in one statement is loaded twice, which keeps
 * `select(a[i], m, m < a[i])` in the shape wt-vectorize reads as a maximum. It runs exactly the element
 * indices the original ran, in the same order, and leaves every induction variable at the value the
 * original leaves: a guard before it checks that the original's trip count is one the rerolled test
 * follows exactly, and otherwise the original loop, kept as it was, runs instead:
 *   - `i != b` (clang's `n & -4` main-loop bound, a countdown to zero): (b − i) must be a multiple of
 *     2^t, where 2^t is the largest power of two dividing S (else the original never meets the bound).
 *     Then the original runs T iterations with T·S ≡ b − i, and with k a power of two the rerolled
 *     loop first meets the bound after exactly k·T steps of S/k (both are the least solution within one
 *     period of the counter's wrap-around);
 *   - `i < b` with S > 0, `i > b` with S < 0 (signed or unsigned; |S| a power of two): i must be on the
 *     continuing side of b, and the original must not wrap around: for an i32 variable the value it
 *     ends at, F = i + S·⌈|b − i| / |S|⌉, is computed in i64 and must be an i32, and the rerolled loop
 *     runs until i == F (past b when |b − i| is not a multiple of |S|, exactly as the original); for
 *     an i64 variable |b − i| must be a multiple of |S| and the rerolled loop runs until i == b.
 * A computed bound (`n - 1`) is evaluated once into a fresh local before the guard. The `!=` guard is
 * left out, with the original loop, when it always holds: the nearest assignments before the loop set
 * the counter to a constant and the bound to a constant or to `x & C` (clang's `n & -4`), both
 * multiples of 2^t.
 *
 * Refused, each with a reason in {@link RerollReport}: loops that are not innermost or not counted
 * (`not-counted:<wt-unroll's reason>`, or `induction-variable` when the counter changes otherwise than
 * by its step in the iteration), a step of one element (`unit-stride`) or no k dividing the steps and
 * the stores (`not-unrolled`); tests other than the ones above (`test`: `<=`, `>=`, `==`, test
 * temporaries) or moving away from the bound (`direction`); calls (`call`: a call may read or write any
 * memory, and the rerolled order moves loads and stores of later copies across it), global writes,
 * bulk memory and memory.grow, atomics, memory64 addresses, drops, branches, loops, returns, nested
 * ifs, an `else`, assignments or other statements in an if arm (`call`, `global-write`,
 * `memory-operation`, `atomic`, `memory64`, `control-flow`, `statement`, `expression`), expression kinds
 * the IR toolkit does not know (`unsupported-expression`); loops without stores or
 * reductions (`no-work`); store addresses read from memory or computed from data (`address`) or the
 * same in every copy (`invariant-store`); copies that are not the same work shifted by one element
 * (`not-isomorphic`), a copy that uses a value another copy computed or a change of memory order that
 * may touch the same bytes (`dependence`); several accumulators (`multiple-accumulators`), other values
 * carried from one iteration to the next (`recurrence`, `reduction`); temporaries read after the loop
 * (`live-out`); bodies above {@link MAX_BODY} expressions (`too-big`). One behaviour differs from the
 * original by design, only for programs that trap: when an access traps, the accesses of other copies
 * of the same iteration that the rerolled order puts before it have run (and those it puts after have
 * not); loads whose values nothing uses are not repeated; and copy j computes its address as copy 0's
 * pointer (shifted) plus copy 0's offset, equal modulo 2^32 to its own, so an access whose pointer plus
 * offset passes 4 GiB in one form only traps in that form.
 */
import type { ModulePass } from '../../binaryen/module.js';
import {
  UnknownExpression, allPlaces, bodyPlace, childPlaces, definedFunctions, definedLabel, labelsIn, LabelNames, decisionRank, rankOrder, statements, walk, wrappers,
  type Api, type Module, type Place, type Ref,
} from './ir-tree.js';
import { MAX_BODY, Refusal, analyse, hoistBound, type CountedLoop } from './unroll.js';

/** Unroll factors tried, largest first (powers of two: see the file's comment on `!=` tests). */
export const REROLL_FACTORS = [16, 8, 4, 2] as const;
/** Ranks of `wt-reroll-loop`. */

export interface RerollDecision {
  /** The function's name, or its export name when Binaryen has no name for it but an index. */
  function: string;
  /** The loop's label, and its position among the function's innermost loops (walk order). */
  loop: string;
  index: number;
  /** 1 for a loop no other loop encloses. */
  depth: number;
  /** `not-selected`: it would be rerolled, but `wt-reroll-loop` rerolls another loop. */
  state: 'rerolled' | 'refused' | 'not-selected';
  /** Why it was refused (a stable key such as `multiple-accumulators`, `not-isomorphic`, `not-counted:shape`). */
  reason?: string;
  /** What exactly. */
  detail?: string;
  /** The unroll factor undone: the rerolled body is one of this many copies. */
  factor?: number;
  /** Accumulator chains kept in order (`f32.add` …, `i32.add` for integer sums). */
  reductions?: string[];
}

export interface RerollReport {
  loops: RerollDecision[];
  /** Functions the pass could not read at all (expression kinds the IR toolkit does not know). */
  unreadableFunctions: string[];
  rerolled: number;
  /** reason → count over the refused loops. */
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

// Expression info fields this pass reads.
interface Info {
  id: number;
  type: number;
  op?: number;
  value?: Ref | number | bigint | number[] | null;
  ptr?: Ref;
  offset?: number;
  bytes?: number;
  isSigned?: boolean;
  isAtomic?: boolean;
  valueType?: number;
  index?: number;
  isTee?: boolean;
  ifTrue?: Ref;
  ifFalse?: Ref;
  condition?: Ref;
  name?: string;
}
const info = (api: Api, e: Ref) => api.getExpressionInfo(e) as unknown as Info;

// ── terms ────────────────────────────────────────────────────────────────────────────────────────────

type Id = number;
/** An integer linear form: c + Σ coef·atom, with coefficients and constant wrapped to the type's width. */
interface Lin {
  c: bigint;
  t: Array<[Id, bigint]>;
}
/**
 * A value of the iteration, interned (equal keys, equal values): `var` is a local's value at the start
 * of the iteration, `lin` an integer linear form over other terms, `load` a load keyed by its effective
 * address (and, if a store in between may have changed it, by its position).
 */
interface Term {
  id: Id;
  kind: 'var' | 'const' | 'glob' | 'lin' | 'load' | 'un' | 'bin' | 'sel' | 'msize';
  type: number;
  key: string;
  local?: number;
  name?: string;
  lin?: Lin;
  op?: number;
  /** Operands: un [x], bin [l, r], sel [ifTrue, ifFalse, cond], load [ptr]. */
  args: Id[];
  /** An original expression of this kind (constants and loads are rebuilt from a copy of it). */
  ref?: Ref;
  /** load: the effective address (ptr + offset) as a linear form, and the access width. */
  ea?: Id;
  bytes?: number;
}

class Terms {
  readonly list: Term[] = [];
  private readonly byKey = new Map<string, Id>();
  private readonly ops: { add: Set<number>; sub: Set<number>; mul: Set<number>; shl: Set<number> };

  constructor(private readonly api: Api) {
    this.ops = {
      add: new Set([api.AddInt32, api.AddInt64]), sub: new Set([api.SubInt32, api.SubInt64]),
      mul: new Set([api.MulInt32, api.MulInt64]), shl: new Set([api.ShlInt32, api.ShlInt64]),
    };
  }

  get(id: Id): Term {
    return this.list[id]!;
  }

  has(key: string): Id | undefined {
    return this.byKey.get(key);
  }

  intern(t: Omit<Term, 'id'>): Id {
    const hit = this.byKey.get(t.key);
    if (hit !== undefined) return hit;
    const id = this.list.length;
    this.list.push({ ...t, id });
    this.byKey.set(t.key, id);
    return id;
  }

  isInt(type: number): boolean {
    return type === this.api.i32 || type === this.api.i64;
  }

  bits(type: number): 32 | 64 {
    return type === this.api.i64 ? 64 : 32;
  }

  variable(local: number, type: number): Id {
    return this.intern({ kind: 'var', type, key: `v${local}`, local, args: [] });
  }

  linOf(id: Id): Lin {
    const t = this.get(id);
    return t.kind === 'lin' ? t.lin! : { c: 0n, t: [[id, 1n]] };
  }

  mkLin(type: number, l: Lin): Id {
    const bits = this.bits(type);
    const sum = new Map<Id, bigint>();
    for (const [id, k] of l.t) sum.set(id, (sum.get(id) ?? 0n) + k);
    const t: Array<[Id, bigint]> = [...sum].map(([id, k]) => [id, BigInt.asIntN(bits, k)] as [Id, bigint]).filter(([, k]) => k !== 0n).sort((x, y) => x[0] - y[0]);
    const c = BigInt.asIntN(bits, l.c);
    if (t.length === 1 && t[0]![1] === 1n && c === 0n) return t[0]![0];
    return this.intern({ kind: 'lin', type, key: `L${type}:${c}|${t.map(([id, k]) => `${id}*${k}`).join(',')}`, lin: { c, t }, args: [] });
  }

  int(type: number, v: bigint): Id {
    return this.mkLin(type, { c: v, t: [] });
  }

  /** The value of an integer constant term, or undefined. */
  intValue(id: Id): bigint | undefined {
    const t = this.get(id);
    return t.kind === 'lin' && t.lin!.t.length === 0 ? t.lin!.c : undefined;
  }

  add(type: number, a: Id, b: Id, sign = 1n): Id {
    const x = this.linOf(a);
    const y = this.linOf(b);
    return this.mkLin(type, { c: x.c + sign * y.c, t: [...x.t, ...y.t.map(([id, k]) => [id, sign * k] as [Id, bigint])] });
  }

  scale(type: number, a: Id, k: bigint): Id {
    const x = this.linOf(a);
    return this.mkLin(type, { c: x.c * k, t: x.t.map(([id, c]) => [id, c * k] as [Id, bigint]) });
  }

  unary(op: number, type: number, x: Id): Id {
    return this.intern({ kind: 'un', type, key: `u${op}(${x})`, op, args: [x] });
  }

  /** A binary operator; integer add, sub, multiplication by a constant and shift left by a constant stay linear. */
  binary(op: number, type: number, l: Id, r: Id): Id {
    if (this.isInt(type)) {
      if (this.ops.add.has(op)) return this.add(type, l, r);
      if (this.ops.sub.has(op)) return this.add(type, l, r, -1n);
      if (this.ops.mul.has(op)) {
        const kl = this.intValue(l);
        const kr = this.intValue(r);
        if (kr !== undefined) return this.scale(type, l, kr);
        if (kl !== undefined) return this.scale(type, r, kl);
      }
      if (this.ops.shl.has(op)) {
        const kr = this.intValue(r);
        if (kr !== undefined) return this.scale(type, l, 1n << (BigInt.asUintN(64, kr) % BigInt(this.bits(type))));
      }
    }
    return this.intern({ kind: 'bin', type, key: `b${op}(${l},${r})`, op, args: [l, r] });
  }

  select(type: number, a: Id, b: Id, c: Id): Id {
    return this.intern({ kind: 'sel', type, key: `s${type}(${a},${b},${c})`, args: [a, b, c] });
  }

  load(ref: Ref, ptr: Id, ea: Id, epoch?: number): Id {
    const i = info(this.api, ref);
    const key = `m${i.type}:${i.bytes}:${i.isSigned ? 's' : 'u'}:${ea}${epoch !== undefined ? `@${epoch}` : ''}`;
    return this.intern({ kind: 'load', type: i.type, key, args: [ptr], ref, ea, bytes: i.bytes! });
  }

  /** The operands of a term (atoms of a linear form, the pointer of a load). */
  children(id: Id): Id[] {
    const t = this.get(id);
    return t.kind === 'lin' ? t.lin!.t.map(([a]) => a) : t.args;
  }

  /** Whether the term reads `target` (memoised per target). */
  private readonly containsMemo = new Map<Id, Map<Id, boolean>>();
  contains(id: Id, target: Id): boolean {
    let memo = this.containsMemo.get(target);
    if (!memo) this.containsMemo.set(target, (memo = new Map()));
    const go = (x: Id): boolean => {
      if (x === target) return true;
      const hit = memo!.get(x);
      if (hit !== undefined) return hit;
      const r = this.children(x).some(go);
      memo!.set(x, r);
      return r;
    };
    return go(id);
  }

  /** Rebuild a term bottom-up with `leaf` deciding each node first (undefined: keep going). */
  rebuild(id: Id, leaf: (t: Term) => Id | undefined, memo: Map<Id, Id>): Id {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const t = this.get(id);
    let out = leaf(t);
    if (out === undefined) {
      const f = (x: Id) => this.rebuild(x, leaf, memo);
      switch (t.kind) {
        case 'lin': {
          // Substituted atoms may themselves be linear forms: fold them in.
          let acc = this.int(t.type, t.lin!.c);
          for (const [a, k] of t.lin!.t) acc = this.add(t.type, acc, this.scale(t.type, f(a), k));
          out = acc;
          break;
        }
        case 'un': out = this.unary(t.op!, t.type, f(t.args[0]!)); break;
        case 'bin': out = this.binary(t.op!, t.type, f(t.args[0]!), f(t.args[1]!)); break;
        case 'sel': out = this.select(t.type, f(t.args[0]!), f(t.args[1]!), f(t.args[2]!)); break;
        case 'load': {
          // Only un-epoched loads can be shifted (an epoch ties a load to its place in the original).
          const epoch = /@(\d+)$/.exec(t.key);
          out = this.load(t.ref!, f(t.args[0]!), f(t.ea!), epoch ? Number(epoch[1]) : undefined);
          break;
        }
        default: out = id;
      }
    }
    memo.set(id, out);
    return out;
  }
}

/** Whether two accesses [ea1, ea1 + b1) and [ea2, ea2 + b2) may overlap: unless they are a constant distance apart, yes. */
function mayAlias(terms: Terms, ea1: Id, b1: number, ea2: Id, b2: number): boolean {
  const x = terms.linOf(ea1);
  const y = terms.linOf(ea2);
  if (x.t.length !== y.t.length || x.t.some(([id, k], n) => y.t[n]![0] !== id || y.t[n]![1] !== k)) return true;
  const d = BigInt.asIntN(32, y.c - x.c);
  return !(d >= BigInt(b1) || -d >= BigInt(b2));
}

// ── running one iteration symbolically ───────────────────────────────────────────────────────────────

interface StoreEvent {
  pos: number;
  ref: Ref;
  ptr: Id;
  ea: Id;
  value: Id;
  bytes: number;
  valueType: number;
  guard?: Id;
}

/** One iteration of the loop run on terms: the locals it leaves, its stores and its loads, in order. */
class Iteration {
  readonly env = new Map<number, Id>();
  readonly written = new Set<number>();
  readonly stores: StoreEvent[] = [];
  /** Load term → position of its first evaluation. */
  readonly loads = new Map<Id, number>();
  private pos = 0;
  private guard: Id | undefined;
  private readonly w: ReturnType<typeof wrappers>;

  constructor(private readonly api: Api, private readonly terms: Terms, private readonly fnLocalType: (l: number) => number) {
    this.w = wrappers(api);
  }

  private local(l: number): Id {
    return this.env.get(l) ?? this.terms.variable(l, this.fnLocalType(l));
  }

  statement(s: Ref, inArm = false): void {
    const a = this.api;
    const id = a.getExpressionId(s);
    if (id === a.NopId) return;
    if (id === a.BlockId) {
      if (a.getExpressionType(s) !== a.none && a.getExpressionType(s) !== a.unreachable) refuse('statement', 'block with a value');
      for (const x of statements(a, s)) this.statement(x, inArm);
      return;
    }
    if (id === a.StoreId) {
      const i = info(a, s);
      if (i.isAtomic) refuse('atomic');
      if (a.getExpressionType(i.ptr!) !== a.i32) refuse('memory64');
      const ptr = this.value(i.ptr!);
      const value = this.value(i.value as Ref);
      const ea = this.terms.add(a.i32, ptr, this.terms.int(a.i32, BigInt(i.offset!)));
      this.stores.push({ pos: this.pos++, ref: s, ptr, ea, value, bytes: i.bytes!, valueType: i.valueType!, ...(this.guard !== undefined ? { guard: this.guard } : {}) });
      return;
    }
    if (inArm) refuse('control-flow', 'statement other than a store in an if arm');
    if (id === a.LocalSetId) {
      this.value(s);
      return;
    }
    if (id === a.IfId) {
      const i = info(a, s);
      if (i.ifFalse) refuse('control-flow', 'if with an else arm');
      this.guard = this.value(i.condition!);
      this.statement(i.ifTrue!, true);
      this.guard = undefined;
      return;
    }
    if (id === a.CallId || id === a.CallIndirectId) refuse('call');
    if (id === a.GlobalSetId) refuse('global-write');
    if (id === a.MemoryGrowId || id === a.MemoryCopyId || id === a.MemoryFillId || id === a.MemoryInitId || id === a.DataDropId) refuse('memory-operation');
    if (id === a.DropId) refuse('statement', 'drop');
    const kind = ({ [a.BreakId]: 'branch', [a.SwitchId]: 'branch', [a.LoopId]: 'loop', [a.ReturnId]: 'return', [a.UnreachableId]: 'unreachable' } as Record<number, string>)[id];
    refuse('control-flow', kind ?? `statement kind ${id}`);
  }

  value(e: Ref): Id {
    const a = this.api;
    const t = this.terms;
    const id = a.getExpressionId(e);
    const type = a.getExpressionType(e);
    if (id === a.ConstId) {
      if (t.isInt(type)) return t.int(type, type === a.i64 ? BigInt.asIntN(64, this.w.Const.getValueI64(e)) : BigInt(this.w.Const.getValueI32(e) | 0));
      const v = info(a, e).value;
      // NaNs are never shared (their payloads are not readable here).
      const key = Array.isArray(v) ? v.join(',') : typeof v === 'number' && !Number.isNaN(v) ? (Object.is(v, -0) ? '-0' : String(v)) : `#${e}`;
      return t.intern({ kind: 'const', type, key: `c${type}:${key}`, args: [], ref: e });
    }
    if (id === a.LocalGetId) return this.local(this.w.LocalGet.getIndex(e));
    if (id === a.LocalSetId) {
      // Inside an if arm an assignment happens only sometimes; its value would be a select of both.
      if (this.guard !== undefined) refuse('control-flow', 'assignment in an if arm');
      const l = this.w.LocalSet.getIndex(e);
      const v = this.value(this.w.LocalSet.getValue(e));
      this.env.set(l, v);
      this.written.add(l);
      return v;
    }
    if (id === a.GlobalGetId) {
      const name = this.w.GlobalGet.getName(e);
      return t.intern({ kind: 'glob', type, key: `g${name}`, name, args: [] });
    }
    if (id === a.LoadId) {
      const i = info(a, e);
      if (i.isAtomic) refuse('atomic');
      if (a.getExpressionType(i.ptr!) !== a.i32) refuse('memory64');
      const ptr = this.value(i.ptr!);
      const ea = t.add(a.i32, ptr, t.int(a.i32, BigInt(i.offset!)));
      const pos = this.pos++;
      let load = t.load(e, ptr, ea);
      const first = this.loads.get(load);
      // The same address loaded again after a store that may have written it: another value.
      if (first !== undefined && this.stores.some((s) => s.pos > first && mayAlias(t, s.ea, s.bytes, ea, i.bytes!))) load = t.load(e, ptr, ea, pos);
      if (!this.loads.has(load)) this.loads.set(load, pos);
      return load;
    }
    if (id === a.UnaryId) return t.unary(this.w.Unary.getOp(e), type, this.value(this.w.Unary.getValue(e)));
    if (id === a.BinaryId) {
      const l = this.value(this.w.Binary.getLeft(e));
      const r = this.value(this.w.Binary.getRight(e));
      return t.binary(this.w.Binary.getOp(e), type, l, r);
    }
    if (id === a.SelectId) {
      const i = info(a, e);
      const x = this.value(i.ifTrue!);
      const y = this.value(i.ifFalse!);
      const c = this.value(i.condition!);
      return t.select(type, x, y, c);
    }
    if (id === a.MemorySizeId) return t.intern({ kind: 'msize', type, key: 'msize', args: [], ref: e });
    if (id === a.CallId || id === a.CallIndirectId) return refuse('call');
    return refuse('expression', `expression kind ${id}`);
  }

  /** Run the loop's iteration: its statements, then the update in a do-while test. */
  run(c: CountedLoop): void {
    for (const s of c.body) this.statement(s);
    if (c.updateInTest !== undefined) {
      this.env.set(c.iv, this.value(c.updateInTest));
      this.written.add(c.iv);
    }
  }
}

// ── liveness after the loop ──────────────────────────────────────────────────────────────────────────

/**
 * Whether a local may be read after `from` completes (or, with `start`, from the start of a loop),
 * before being written: a scan of the code that can run next, following branches to their targets.
 * Conservative: anything it cannot follow counts as a read.
 */
class Liveness {
  private readonly parent = new Map<Ref, Ref>();
  private readonly labels = new Map<string, Ref>();
  private readonly w: ReturnType<typeof wrappers>;

  constructor(private readonly api: Api, root: Ref) {
    this.w = wrappers(api);
    walk(api, { ref: root, set: () => undefined }, (p, ancestors) => {
      if (ancestors.length) this.parent.set(p.ref, ancestors[ancestors.length - 1]!);
      const l = definedLabel(api, p.ref);
      if (l) this.labels.set(l, p.ref);
    });
  }

  liveAfter(node: Ref, local: number): boolean {
    return this.after(node, local, new Set());
  }

  liveAtLabel(label: string, local: number): boolean {
    return this.atLabel(label, local, new Set());
  }

  private atLabel(label: string, local: number, seen: Set<string>): boolean {
    const target = this.labels.get(label);
    if (target === undefined) return true;
    if (this.api.getExpressionId(target) !== this.api.LoopId) return this.after(target, local, seen);
    const key = `start ${target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const r = this.scan(this.w.Loop.getBody(target), local, seen);
    return r === 'read' ? true : r === 'kill' ? false : this.after(target, local, seen);
  }

  private after(node: Ref, local: number, seen: Set<string>): boolean {
    const a = this.api;
    const key = `after ${node}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const parent = this.parent.get(node);
    if (parent === undefined) return false;
    const id = a.getExpressionId(parent);
    if (id === a.BlockId) {
      const kids = statements(a, parent);
      for (const s of kids.slice(kids.indexOf(node) + 1)) {
        const r = this.scan(s, local, seen);
        if (r === 'read') return true;
        if (r === 'kill') return false;
      }
      return this.after(parent, local, seen);
    }
    if (id === a.LoopId) return this.after(parent, local, seen);
    if (id === a.IfId && info(a, parent).condition !== node) return this.after(parent, local, seen);
    return true;
  }

  /** The first thing an expression does to the local on every path: read it, write it (kill), or neither (pass). */
  private scan(e: Ref, local: number, seen: Set<string>): 'read' | 'kill' | 'pass' {
    const a = this.api;
    const id = a.getExpressionId(e);
    const seq = (kids: Ref[]): 'read' | 'kill' | 'pass' => {
      for (const k of kids) {
        const r = this.scan(k, local, seen);
        if (r !== 'pass') return r;
      }
      return 'pass';
    };
    if (id === a.LocalGetId) return this.w.LocalGet.getIndex(e) === local ? 'read' : 'pass';
    if (id === a.LocalSetId) {
      const r = this.scan(this.w.LocalSet.getValue(e), local, seen);
      if (r !== 'pass') return r;
      return this.w.LocalSet.getIndex(e) === local ? 'kill' : 'pass';
    }
    if (id === a.IfId) {
      const i = info(a, e);
      const c = this.scan(i.condition!, local, seen);
      if (c !== 'pass') return c;
      const t = this.scan(i.ifTrue!, local, seen);
      const f = i.ifFalse ? this.scan(i.ifFalse, local, seen) : 'pass';
      if (t === 'read' || f === 'read') return 'read';
      return t === 'kill' && f === 'kill' ? 'kill' : 'pass';
    }
    if (id === a.BreakId) {
      const i = info(a, e);
      const kids = childPlaces(a, e).map((p) => p.ref);
      const r = seq(kids);
      if (r !== 'pass') return r;
      if (this.atLabel(i.name!, local, seen)) return 'read';
      return i.condition ? 'pass' : 'kill';
    }
    if (id === a.SwitchId) {
      const r = seq(childPlaces(a, e).map((p) => p.ref));
      if (r !== 'pass') return r;
      const names = Array.from({ length: this.w.Switch.getNumNames(e) }, (_, n) => this.w.Switch.getNameAt(e, n));
      return [...names, this.w.Switch.getDefaultName(e)].some((l) => this.atLabel(l, local, seen)) ? 'read' : 'kill';
    }
    if (id === a.ReturnId || id === a.UnreachableId) {
      const r = seq(childPlaces(a, e).map((p) => p.ref));
      return r !== 'pass' ? r : 'kill';
    }
    if (id === a.LoopId) return this.scan(this.w.Loop.getBody(e), local, seen);
    return seq(childPlaces(a, e).map((p) => p.ref));
  }
}

// ── the analysis and rewrite of one loop ─────────────────────────────────────────────────────────────

interface Reduction {
  local: number;
  type: number;
  /** The update of one copy: a term of the accumulator's start value (and of copy 0's values). */
  update: Id;
  /** Each copy's layer, for the memory check (terms whose loads copy j evaluates). */
  layers: Id[];
  /** An integer sum: copy 0's part, added to the accumulator as `r = r + part` (or `r - (−part)`). */
  part?: Id;
  /** Where the update goes among the copy's stores (before store `slot`): where its loads were. */
  slot: number;
  label: string;
}

interface Plan {
  replacement: Ref;
  factor: number;
  reductions: string[];
}

const commutativeOps = new WeakMap<Api, Set<number>>();
/**
 * Operators whose operands may be swapped without changing the result: integer add, mul, and, or, xor;
 * float add, mul, min, max (for floats, only which NaN a NaN operand gives may differ, which Wasm leaves
 * open).
 */
function commutative(api: Api): Set<number> {
  let set = commutativeOps.get(api);
  if (!set) {
    const ids = api as unknown as Record<string, number>;
    set = new Set(['Add', 'Mul', 'And', 'Or', 'Xor'].flatMap((o) => [`${o}Int32`, `${o}Int64`]).concat(['Add', 'Mul', 'Min', 'Max'].flatMap((o) => [`${o}Float32`, `${o}Float64`])).map((n) => ids[n]!).filter((x) => x !== undefined));
    commutativeOps.set(api, set);
  }
  return set;
}

/** `f32.add` for AddFloat32 and the like (for reports). */
function binaryName(api: Api, op: number): string | undefined {
  for (const [key, v] of Object.entries(api as unknown as Record<string, unknown>)) {
    const m = /^(Add|Sub|Mul|Div[SU]?|Min|Max|And|Or|Xor)(Int|Float)(32|64)$/.exec(key);
    if (m && v === op) return `${m[2] === 'Int' ? 'i' : 'f'}${m[3]}.${m[1]!.toLowerCase()}`;
  }
  return undefined;
}

const isPow2 = (x: bigint) => x > 0n && (x & (x - 1n)) === 0n;

class LoopReroller {
  private readonly w: ReturnType<typeof wrappers>;
  private readonly terms: Terms;
  private readonly it: Iteration;
  /** Induction variables: local → step per iteration of the original loop. */
  private readonly ivs = new Map<number, bigint>();
  private readonly localType: (l: number) => number;
  private readonly numParams: number;

  constructor(
    private readonly m: Module,
    private readonly api: Api,
    private readonly fn: number,
    private readonly loop: Ref,
    private readonly c: CountedLoop,
    private readonly names: LabelNames,
    private readonly liveness: () => Liveness,
    /** Where the rerolled loop's new locals come from. */
    private readonly locals: NewLocals,
    /** The loop's enclosing expressions, outermost first (for values known on entry). */
    private readonly ancestors: readonly Ref[] = [],
  ) {
    this.w = wrappers(api);
    this.terms = new Terms(api);
    const fi = api.getFunctionInfo(fn);
    const params = api.expandType(fi.params);
    const vars = fi.vars;
    this.localType = (l: number) => (l < params.length ? params[l]! : l < locals.base ? vars[l - params.length]! : locals.types[l - locals.base]!);
    this.numParams = params.length;
    this.it = new Iteration(api, this.terms, this.localType);
  }

  plan(): Plan {
    const a = this.api;
    const c = this.c;
    const t = this.terms;
    const size = c.body.reduce((n, s) => n + allPlaces(a, s).length, 0);
    if (size > MAX_BODY) refuse('too-big', `${size} expressions`);
    if (c.testSets.length) refuse('test', 'test temporaries');
    const { op } = c.test;
    if (op !== 'ne' && op !== 'lt' && op !== 'gt') refuse('test', `continue test ${op}`);
    if (op !== 'ne' && (op === 'lt') !== c.step > 0) refuse('direction', `${op} while the variable ${c.step > 0 ? 'grows' : 'falls'}`);
    if (Math.abs(c.step) === 1) refuse('unit-stride');
    if (op !== 'ne' && !isPow2(BigInt(Math.abs(c.step)))) refuse('test', `${op} with a step of ${c.step} (not a power of two)`);
    this.it.run(c);

    // Induction variables: locals that end the iteration at their start value plus a constant.
    for (const l of this.it.written) {
      const v = this.it.env.get(l)!;
      const ty = this.localType(l);
      if (!t.isInt(ty)) continue;
      const lin = t.linOf(v);
      const self = t.variable(l, ty);
      if (lin.c !== 0n && lin.t.length === 1 && lin.t[0]![0] === self && lin.t[0]![1] === 1n) this.ivs.set(l, lin.c);
    }
    if (this.ivs.get(c.iv) !== BigInt.asIntN(c.bits, BigInt(c.step))) refuse('induction-variable', 'the counter is not updated by its step');

    const steps = [...this.ivs.values()];
    const candidates = REROLL_FACTORS.filter((k) => steps.every((s) => s % BigInt(k) === 0n) && this.it.stores.length % k === 0);
    if (!candidates.length) refuse('not-unrolled', `no factor in ${REROLL_FACTORS.join(', ')} divides the steps (${steps.join(', ')}) and the ${this.it.stores.length} stores`);
    let first: Refuse | undefined;
    for (const k of candidates) {
      try {
        return this.tryFactor(k);
      } catch (e) {
        if (!(e instanceof Refuse)) throw e;
        first ??= e;
      }
    }
    throw first!;
  }

  private tryFactor(k: number): Plan {
    const a = this.api;
    const t = this.terms;
    const K = BigInt(k);
    const it = this.it;
    const sub = new Map([...this.ivs].map(([l, s]) => [l, s / K]));
    const shiftMemo = new Map<number, Map<Id, Id>>();
    /** A term of copy 0 as copy j computes it: each induction variable x read as x + j·step/k. */
    const shift = (id: Id, j: number): Id => {
      if (j === 0) return id;
      let memo = shiftMemo.get(j);
      if (!memo) shiftMemo.set(j, (memo = new Map()));
      return t.rebuild(id, (x) => {
        if (x.kind !== 'var') return x.kind === 'const' || x.kind === 'glob' || x.kind === 'msize' ? x.id : undefined;
        const s = sub.get(x.local!);
        return s === undefined ? x.id : t.add(x.type, x.id, t.int(x.type, s * BigInt(j)));
      }, memo);
    };

    // Locals carried from one iteration to the next (read before written), other than induction variables.
    const written = [...it.written].filter((l) => !this.ivs.has(l));
    const carried = written.filter((l) => t.contains(it.env.get(l)!, t.variable(l, this.localType(l))));
    const temps = written.filter((l) => !carried.includes(l));
    const storeTerms = it.stores.flatMap((s) => [s.ptr, s.ea, s.value, ...(s.guard !== undefined ? [s.guard] : [])]);
    const ivTerms = [...this.ivs.keys()].map((l) => it.env.get(l)!);
    const reads = (l: number, roots: Id[]) => roots.some((r) => t.contains(r, t.variable(l, this.localType(l))));
    for (const l of temps) {
      if (reads(l, [...storeTerms, ...ivTerms, ...carried.map((r) => it.env.get(r)!)])) refuse('recurrence', `local ${l} is read before it is written in the iteration`);
    }
    for (const r of carried) {
      if (reads(r, [...storeTerms, ...ivTerms, ...carried.filter((x) => x !== r).map((x) => it.env.get(x)!)])) refuse('recurrence', `local ${r} is read outside its own update`);
    }
    const reductions: Reduction[] = [];
    const failed: Refuse[] = [];
    for (const r of carried) {
      try {
        reductions.push(this.reduction(r, k, shift));
      } catch (e) {
        if (!(e instanceof Refuse)) throw e;
        failed.push(e);
      }
    }
    if (failed.length) {
      if (carried.length >= 2 && carried.length % k === 0) refuse('multiple-accumulators', `${carried.length} locals each carry a separate accumulator (${carried.join(', ')})`);
      throw failed[0]!;
    }
    if (!it.stores.length && !reductions.length) refuse('no-work', 'no stores and no reductions');

    // Stores: classes of addresses a, a + D, …, a + (k−1)·D; the one at a + j·D is copy j's.
    const classes = new Map<string, Array<{ s: StoreEvent; c: bigint }>>();
    const deltas = new Map<StoreEvent, bigint>();
    for (const s of it.stores) {
      const lin = t.linOf(s.ea);
      let D = 0n;
      for (const [id, coef] of lin.t) {
        const x = t.get(id);
        if (x.kind !== 'var' && x.kind !== 'glob') refuse('address', 'store address computed from data');
        if (x.kind === 'var' && sub.has(x.local!)) D += coef * sub.get(x.local!)!;
      }
      D = BigInt.asIntN(32, D);
      if (D === 0n) refuse('invariant-store', 'a store to the same address in every copy');
      deltas.set(s, D);
      const abs = D < 0n ? -D : D;
      const base = BigInt.asUintN(32, lin.c);
      const key = `${lin.t.map(([id, coef]) => `${id}*${coef}`).join(',')}|${s.bytes}|${base % abs}|${D}`;
      const list = classes.get(key) ?? [];
      list.push({ s, c: base });
      classes.set(key, list);
    }
    const copyOf = new Map<StoreEvent, number>();
    for (const list of classes.values()) {
      const D = deltas.get(list[0]!.s)!;
      list.sort((x, y) => (D > 0n ? (x.c < y.c ? -1 : 1) : x.c > y.c ? -1 : 1));
      if (list.length !== k || list.some((x, j) => x.c !== list[0]!.c + BigInt(j) * D)) {
        refuse('not-isomorphic', `${list.length} stores at addresses that do not split into ${k} copies one element apart`);
      }
      list.forEach((x, j) => copyOf.set(x.s, j));
    }
    const perCopy = Array.from({ length: k }, (_, j) => it.stores.filter((s) => copyOf.get(s) === j));
    const classOf = (s: StoreEvent) => [...classes.values()].findIndex((l) => l.some((x) => x.s === s));
    const order0 = perCopy[0]!.map(classOf);
    for (let j = 1; j < k; j++) {
      if (perCopy[j]!.map(classOf).join() !== order0.join()) refuse('not-isomorphic', `copy ${j} stores in another order than copy 0`);
      perCopy[j]!.forEach((s, q) => {
        const s0 = perCopy[0]![q]!;
        const same = s.bytes === s0.bytes && s.valueType === s0.valueType && s.ea === shift(s0.ea, j)
          && ((s.guard === undefined && s0.guard === undefined) || (s.guard !== undefined && s0.guard !== undefined && s.guard === shift(s0.guard, j)));
        if (same && s.value === shift(s0.value, j)) return;
        // A value another copy computed (a stored value forwarded to the next copy) is a dependence.
        const others = perCopy.flatMap((list, i) => (i === j ? [] : list.map((x) => x.value))).filter((v) => t.get(v).kind !== 'var' && t.intValue(v) === undefined);
        if (others.some((v) => t.contains(s.value, v) || (s.guard !== undefined && t.contains(s.guard, v)))) refuse('dependence', `copy ${j} uses a value another copy computed`);
        // Copy 0's work shifted would load what an earlier copy stores: the value was forwarded instead.
        const expected = [shift(s0.value, j), ...(s0.guard !== undefined ? [shift(s0.guard, j)] : [])];
        const storedBefore = perCopy.slice(0, j).flat().map((x) => x.ea);
        const forwarded = t.list.some((x) => x.kind === 'load' && storedBefore.includes(x.ea!) && expected.some((e) => t.contains(e, x.id)));
        if (forwarded) refuse('dependence', `copy ${j} uses a value an earlier copy stored instead of loading it`);
        refuse('not-isomorphic', `copy ${j}'s store ${q} is not copy 0's shifted by ${j} element${j > 1 ? 's' : ''}`);
      });
    }

    // Each reduction goes before the first store of copy 0 that came after its loads (at the end without loads).
    for (const r of reductions) {
      const positions = this.loadsIn([r.update]).map((l) => it.loads.get(l) ?? Infinity);
      const first = positions.length ? Math.min(...positions) : Infinity;
      r.slot = perCopy[0]!.filter((s) => s.pos < first).length;
    }
    this.checkMemory(k, perCopy, reductions, shift);

    // Temporaries: the rerolled body computes in fresh locals, so they must be dead after the loop.
    if (temps.length) {
      const live = this.liveness();
      for (const l of temps) {
        const exits = this.c.form === 'while-exit' && !this.c.bodyLabels.includes(this.c.exitLabel!) ? live.liveAtLabel(this.c.exitLabel!, l) : live.liveAfter(this.loop, l);
        if (exits) refuse('live-out', `local ${l} is written in the loop and read after it`);
      }
    }
    return { replacement: this.build(k, perCopy[0]!, reductions), factor: k, reductions: reductions.map((r) => r.label) };
  }

  /** The accumulator chain of a carried local: k layers, each copy 0's shifted, applied in order. */
  private reduction(r: number, k: number, shift: (id: Id, j: number) => Id): Reduction {
    const t = this.terms;
    const type = this.localType(r);
    const self = t.variable(r, type);
    const final = this.it.env.get(r)!;
    const typeName = (ty: number) => (ty === this.api.i32 ? 'i32' : ty === this.api.i64 ? 'i64' : ty === this.api.f32 ? 'f32' : ty === this.api.f64 ? 'f64' : 'v128');
    // Integer sums are linear forms: final = r + Σ_j shift(E, j) for copy 0's part E.
    if (t.isInt(type) && t.get(final).kind === 'lin') {
      const lin = t.linOf(final);
      const coef = lin.t.find(([id]) => id === self)?.[1];
      const rest = lin.t.filter(([id]) => id !== self);
      if (coef !== 1n || rest.some(([id]) => t.contains(id, self))) refuse('reduction', `local ${r} is not a sum over the iteration`);
      const K = BigInt(k);
      const width = BigInt(t.bits(type));
      if (BigInt.asUintN(Number(width), lin.c) % K !== 0n) refuse('reduction', `local ${r}: the constant added is not a multiple of ${k}`);
      const restLin = t.mkLin(type, { c: 0n, t: rest });
      const has = new Map(rest);
      // Orbit heads: atoms whose copy for the previous element is not in the sum.
      const heads = rest.filter(([id, k0]) => has.get(shift(id, -1)) !== k0);
      const part = t.mkLin(type, { c: 0n, t: heads });
      let total = t.int(type, 0n);
      for (let j = 0; j < k; j++) total = t.add(type, total, shift(part, j));
      if (total !== restLin) refuse('reduction', `local ${r}: the sum does not split into ${k} copies one element apart`);
      const c0 = BigInt.asUintN(Number(width), lin.c) / K;
      const partC = t.add(type, part, t.int(type, c0));
      const update = t.add(type, self, partC);
      return { local: r, type, update, part: partC, layers: Array.from({ length: k }, (_, j) => shift(partC, j)), label: `${typeName(type)}.add`, slot: 0 };
    }
    // Otherwise peel layers: the previous value is the subterm every read of the start value goes through.
    const layers: Id[] = [];
    let cur = final;
    while (cur !== self) {
      if (layers.length > k) break;
      const prev = this.dominator(cur, self);
      if (prev === undefined) refuse('reduction', `local ${r}: no single chain`);
      layers.unshift(t.rebuild(cur, (x) => (x.id === prev ? self : undefined), new Map()));
      cur = prev!;
    }
    if (layers.length !== k) refuse('reduction', `local ${r}: a chain of ${layers.length} updates for ${k} copies`);
    // A layer may have the operands of a commutative operator the other way round (Binaryen orders them
    // by its own rules): the rerolled loop computes every copy with copy 0's order.
    const swapped = (id: Id): Id | undefined => {
      const x = t.get(id);
      return x.kind === 'bin' && commutative(this.api).has(x.op!) ? t.binary(x.op!, x.type, x.args[1]!, x.args[0]!) : undefined;
    };
    for (let j = 1; j < k; j++) {
      const want = shift(layers[0]!, j);
      if (layers[j] !== want && swapped(layers[j]!) !== want) refuse('not-isomorphic', `local ${r}: update ${j} of the chain is not update 0 shifted by ${j} element${j > 1 ? 's' : ''}`);
    }
    const top = t.get(layers[0]!);
    const opName = top.kind === 'sel' ? 'select' : top.kind === 'bin' ? (binaryName(this.api, top.op!) ?? `${typeName(top.type)}.binary`) : top.kind;
    return { local: r, type, update: layers[0]!, layers, label: opName, slot: 0 };
  }

  /** The closest proper subterm of `root` through which every path to `target` goes (target itself at the bottom). */
  private dominator(root: Id, target: Id): Id | undefined {
    const t = this.terms;
    const candidates: Id[] = [];
    const seen = new Set<Id>();
    const collect = (x: Id) => {
      if (seen.has(x)) return;
      seen.add(x);
      if (x !== root && t.contains(x, target)) candidates.push(x);
      for (const c of t.children(x)) if (t.contains(c, target)) collect(c);
    };
    collect(root);
    const dominates = (g: Id) => {
      // Replace g by a fresh marker: does target still occur?
      const memo = new Map<Id, boolean>();
      const go = (x: Id): boolean => {
        if (x === g) return false;
        if (x === target) return true;
        const hit = memo.get(x);
        if (hit !== undefined) return hit;
        const v = t.children(x).some(go);
        memo.set(x, v);
        return v;
      };
      return !go(root);
    };
    const doms = candidates.filter(dominates);
    // The dominators form a chain: the closest to the root contains all the others.
    return doms.find((g) => doms.every((h) => h === g || t.contains(g, h)));
  }

  /** The load terms a set of terms reads. */
  private loadsIn(roots: Id[]): Id[] {
    const t = this.terms;
    const out: Id[] = [];
    const seen = new Set<Id>();
    const go = (x: Id) => {
      if (seen.has(x)) return;
      seen.add(x);
      if (t.get(x).kind === 'load') out.push(x);
      for (const c of t.children(x)) go(c);
    };
    roots.forEach(go);
    return out;
  }

  /**
   * The memory order of the rerolled loop (copy 0's accesses, then copy 1's, …) against the original's:
   * stores that may overlap keep their order, and each load sees the same possibly-overlapping stores
   * before it.
   */
  private checkMemory(k: number, perCopy: StoreEvent[][], reductions: Reduction[], shift: (id: Id, j: number) => Id): void {
    const t = this.terms;
    const index = new Map<StoreEvent, [number, number]>();
    perCopy.forEach((list, j) => list.forEach((s, q) => index.set(s, [j, q])));
    const all = this.it.stores;
    for (const s1 of all) {
      for (const s2 of all) {
        if (s1.pos >= s2.pos || !mayAlias(t, s1.ea, s1.bytes, s2.ea, s2.bytes)) continue;
        const [j1, q1] = index.get(s1)!;
        const [j2, q2] = index.get(s2)!;
        if (j1 > j2 || (j1 === j2 && q1 > q2)) refuse('dependence', 'two stores that may overlap change order');
      }
    }
    // Loads of copy 0 by slot: evaluated before store q (a reduction: before store r.slot).
    const slots: Array<{ q: number; loads: Id[] }> = perCopy[0]!.map((s, q) => ({ q, loads: this.loadsIn([s.ptr, s.value, ...(s.guard !== undefined ? [s.guard] : [])]) }));
    for (const r of reductions) slots.push({ q: r.slot, loads: this.loadsIn([r.update]) });
    for (let j = 0; j < k; j++) {
      for (const { q, loads } of slots) {
        for (const l0 of loads) {
          const l = shift(l0, j);
          const first = this.it.loads.get(l);
          if (first === undefined) refuse('dependence', `copy ${j} loads an address the original does not load`);
          const L = t.get(l);
          for (const s of all) {
            const [js, qs] = index.get(s)!;
            const beforeR = js < j || (js === j && qs < q);
            const beforeO = s.pos < first!;
            if (beforeR !== beforeO && mayAlias(t, s.ea, s.bytes, L.ea!, L.bytes!)) refuse('dependence', `copy ${j} would load memory a store ${beforeR ? 'of an earlier copy' : 'it used to follow'} may write`);
          }
        }
      }
    }
  }

  // ── building the rerolled loop ─────────────────────────────────────────────────────────────────────

  private build(k: number, stores: StoreEvent[], reductions: Reduction[]): Ref {
    const a = this.api;
    const m = this.m;
    const c = this.c;
    const t = this.terms;
    const addVar = (type: number) => this.locals.add(type);
    const { loop: counted, init } = hoistBound(m, a, c, addVar);
    const bound = counted.test.bound;
    const I = c.bits === 64 ? m.i64 : m.i32;
    const ity = c.bits === 64 ? a.i64 : a.i32;
    const iv = () => m.local.get(c.iv, ity);
    const b = (): Ref => (bound.kind === 'const' ? (c.bits === 64 ? m.i64.const(bound.value) : m.i32.const(Number(bound.value))) : bound.kind === 'local' ? m.local.get(bound.index, ity) : bound.kind === 'global' ? m.global.get(bound.name, ity) : m.copyExpression(bound.ref));
    const int = (ty: number, v: bigint): Ref => (ty === a.i64 ? m.i64.const(BigInt.asIntN(64, v)) : m.i32.const(Number(BigInt.asIntN(32, v))));

    // The guard: the original stops exactly on the bound (see the file's comment).
    const S = BigInt(c.step);
    const absS = S < 0n ? -S : S;
    const eqz = (x: Ref) => (c.bits === 64 ? m.i64.eqz(x) : m.i32.eqz(x));
    let guard: Ref;
    /** The value the variable ends at, when the rerolled test compares with something else than the bound. */
    let last: number | undefined;
    const before: Ref[] = init !== undefined ? [init] : [];
    if (c.test.op === 'ne') {
      let tz = 0n;
      while (((absS >> tz) & 1n) === 0n) tz++;
      guard = eqz(I.and(I.sub(b(), iv()), int(ity, (1n << tz) - 1n)));
    } else if (c.bits === 32) {
      // i32 `<` / `>`: the last value F = i + S·⌈|b − i| / |S|⌉, computed in i64, must be an i32 (the
      // original never wraps); the rerolled loop runs until i == F.
      const rising = c.test.op === 'lt';
      const signed = c.test.signed;
      const ext = (x: Ref) => (signed ? m.i64.extend_s(x) : m.i64.extend_u(x));
      let sh = 0n;
      while (1n << sh !== absS) sh++;
      const distance = rising ? m.i64.sub(ext(b()), ext(iv())) : m.i64.sub(ext(iv()), ext(b()));
      const span = m.i64.shl(m.i64.shr_u(m.i64.add(distance, m.i64.const(absS - 1n)), m.i64.const(sh)), m.i64.const(sh));
      const f = addVar(a.i64);
      before.push(m.local.set(f, rising ? m.i64.add(ext(iv()), span) : m.i64.sub(ext(iv()), span)));
      last = addVar(a.i32);
      before.push(m.local.set(last, m.i32.wrap(m.local.get(f, a.i64))));
      const cmp = rising ? (signed ? m.i32.lt_s : m.i32.lt_u) : signed ? m.i32.gt_s : m.i32.gt_u;
      const inRange = rising
        ? m.i64.le_s(m.local.get(f, a.i64), m.i64.const(signed ? 0x7fffffffn : 0xffffffffn))
        : m.i64.ge_s(m.local.get(f, a.i64), m.i64.const(signed ? -0x80000000n : 0n));
      guard = m.i32.and(cmp(iv(), b()), inRange);
    } else {
      // i64 `<` / `>`: no wider type; the original must end exactly on the bound.
      const rising = c.test.op === 'lt';
      const cmp = (rising ? (c.test.signed ? I.lt_s : I.lt_u) : c.test.signed ? I.gt_s : I.gt_u) as (x: Ref, y: Ref) => Ref;
      const distance = rising ? I.sub(b(), iv()) : I.sub(iv(), b());
      guard = m.i32.and(cmp(iv(), b()), eqz(I.and(distance, int(ity, absS - 1n))));
    }

    // The body: copy 0's work from its terms.
    const refs = new Map<Id, number>();
    const count = (x: Id) => {
      refs.set(x, (refs.get(x) ?? 0) + 1);
      if (refs.get(x) === 1) for (const ch of t.children(x)) count(ch);
    };
    const roots = [...stores.map((s) => [s.ptr, s.value, ...(s.guard !== undefined ? [s.guard] : [])]), ...reductions.map((r) => [r.update])];
    roots.flat().forEach(count);
    // Statements (a store with its condition, a reduction) each term occurs in.
    const usedIn = new Map<Id, Set<number>>();
    roots.forEach((list, n) => {
      const seen = new Set<Id>();
      const go = (x: Id) => {
        if (seen.has(x)) return;
        seen.add(x);
        usedIn.set(x, (usedIn.get(x) ?? new Set()).add(n));
        t.children(x).forEach(go);
      };
      list.forEach(go);
    });
    const kept = new Map<Id, number>();
    // A load read twice in one statement is loaded twice (so `select(a[i], m, m < a[i])` keeps the shape
    // wt-vectorize reads as a min/max); other shared values are computed once into a fresh local.
    const shareable = (x: Term) => (x.kind === 'load' && usedIn.get(x.id)!.size > 1) || x.kind === 'un' || x.kind === 'bin' || x.kind === 'sel' || (x.kind === 'lin' && x.lin!.t.some(([id]) => !['var', 'glob'].includes(t.get(id).kind)));
    const emit = (id: Id, guarded: boolean): Ref => {
      const x = t.get(id);
      const have = kept.get(id);
      if (have !== undefined) return m.local.get(have, x.type);
      let e: Ref;
      switch (x.kind) {
        case 'var': e = m.local.get(x.local!, x.type); break;
        case 'glob': e = m.global.get(x.name!, x.type); break;
        case 'const': case 'msize': e = m.copyExpression(x.ref!); break;
        case 'lin': e = this.emitLin(x.type, x.lin!, (a0) => emit(a0, guarded)); break;
        case 'un': e = (a as unknown as { _BinaryenUnary(mod: number, op: number, v: Ref): Ref })._BinaryenUnary(m.ptr, x.op!, emit(x.args[0]!, guarded)); break;
        case 'bin': {
          const l = emit(x.args[0]!, guarded);
          e = (a as unknown as { _BinaryenBinary(mod: number, op: number, l: Ref, r: Ref): Ref })._BinaryenBinary(m.ptr, x.op!, l, emit(x.args[1]!, guarded));
          break;
        }
        case 'sel': {
          const p = emit(x.args[0]!, guarded);
          const q = emit(x.args[1]!, guarded);
          e = m.select(emit(x.args[2]!, guarded), p, q);
          break;
        }
        case 'load': {
          e = m.copyExpression(x.ref!);
          childPlaces(a, e)[0]!.set(emit(x.args[0]!, guarded));
          break;
        }
      }
      if (!guarded && (refs.get(id) ?? 0) >= 2 && shareable(x)) {
        const l = addVar(x.type);
        kept.set(id, l);
        return m.local.tee(l, e, x.type);
      }
      return e;
    };
    const body: Ref[] = [];
    let arm: { guard: Id; cond: Ref; stmts: Ref[] } | undefined;
    const closeArm = () => {
      if (arm) body.push(m.if(arm.cond, m.block(null, arm.stmts, a.none)));
      arm = undefined;
    };
    const storeOf = (s: StoreEvent, guarded: boolean): Ref => {
      const e = m.copyExpression(s.ref);
      const [p, v] = childPlaces(a, e);
      p!.set(emit(s.ptr, guarded));
      v!.set(emit(s.value, guarded));
      return e;
    };
    const reduce = (r: Reduction): Ref => {
      if (r.part === undefined) return m.local.set(r.local, emit(r.update, false));
      // `r = r + part` (`r = r - part'` when every term is subtracted), the shape wt-vectorize reads as a sum.
      const I = r.type === a.i64 ? m.i64 : m.i32;
      const lin = t.linOf(r.part);
      const negative = lin.c === 0n && lin.t.every(([, k0]) => k0 < 0n);
      const value = negative ? I.sub(m.local.get(r.local, r.type), emit(t.scale(r.type, r.part, -1n), false)) : I.add(m.local.get(r.local, r.type), emit(r.part, false));
      return m.local.set(r.local, value);
    };
    stores.forEach((s, q) => {
      const here = reductions.filter((r) => r.slot === q);
      if (here.length) {
        closeArm();
        body.push(...here.map(reduce));
      }
      if (s.guard === undefined) {
        closeArm();
        body.push(storeOf(s, false));
        return;
      }
      if (arm?.guard !== s.guard) {
        closeArm();
        arm = { guard: s.guard, cond: emit(s.guard, false), stmts: [] };
      }
      arm!.stmts.push(storeOf(s, true));
    });
    closeArm();
    body.push(...reductions.filter((r) => r.slot >= stores.length).map(reduce));
    for (const [l, s] of [...this.ivs].sort((x, y) => x[0] - y[0])) {
      const ty = this.localType(l);
      const step = s / BigInt(k);
      body.push(m.local.set(l, ty === a.i64 ? m.i64.add(m.local.get(l, ty), int(ty, step)) : m.i32.add(m.local.get(l, ty), int(ty, step))));
    }

    const name = this.names.fresh(this.w.Loop.getName(this.loop) ?? 'reroll');
    const test = () => I.ne(iv(), last !== undefined ? m.local.get(last, ity) : b());
    let rerolled: Ref;
    const tail: Ref[] = [];
    if (c.form === 'do-while') {
      rerolled = m.loop(name, m.block(null, [...body, m.br(name, test())], a.none));
    } else {
      rerolled = m.loop(name, m.if(test(), m.block(null, [...body, m.br(name)], a.none)));
      // A while-exit loop leaves through its exit branch, which may skip code after the loop in that block.
      if (c.form === 'while-exit' && !c.bodyLabels.includes(c.exitLabel!)) tail.push(m.br(c.exitLabel!));
    }
    const fast = tail.length ? m.block(null, [rerolled, ...tail], a.none) : rerolled;
    // The guard always passes when the counter starts at a constant and the bound is one or a
    // `x & -2^m` (clang's `n & -4`) with both multiples of 2^t: then the original loop is not kept.
    if (c.test.op === 'ne' && this.guardHolds()) return m.block(null, [...before, fast], a.none);
    return m.block(null, [...before, m.if(guard, fast, this.loop)], a.none);
  }

  /** Whether the `!=` guard holds on entry, judged from the nearest assignments before the loop. */
  private guardHolds(): boolean {
    const a = this.api;
    const c = this.c;
    const S = BigInt(Math.abs(c.step));
    let mask = 1n;
    while ((S & mask) === 0n) mask <<= 1n;
    mask -= 1n;
    const known = (e: Ref | 'zero' | undefined): bigint | undefined => {
      if (e === 'zero') return 0n;
      if (e === undefined || a.getExpressionId(e) !== a.ConstId) return undefined;
      return a.getExpressionType(e) === a.i64 ? BigInt.asIntN(64, this.w.Const.getValueI64(e)) : BigInt(this.w.Const.getValueI32(e) | 0);
    };
    const start = known(entryValue(a, this.loop, this.ancestors, c.iv, c.iv >= this.numParams));
    if (start === undefined || (start & mask) !== 0n) return false;
    const bound = c.test.bound;
    if (bound.kind === 'const') return (bound.value & mask) === 0n;
    if (bound.kind !== 'local') return false;
    const set = entryValue(a, this.loop, this.ancestors, bound.index, bound.index >= this.numParams);
    if (set === undefined) return false;
    const direct = known(set);
    if (direct !== undefined) return (direct & mask) === 0n;
    if (set === 'zero') return false;
    if (a.getExpressionId(set) !== a.BinaryId || (this.w.Binary.getOp(set) !== a.AndInt32 && this.w.Binary.getOp(set) !== a.AndInt64)) return false;
    const k = known(this.w.Binary.getRight(set)) ?? known(this.w.Binary.getLeft(set));
    return k !== undefined && (k & mask) === 0n;
  }

  /** An integer linear form as code: atoms in order, scaled by shifts or multiplications, then the constant. */
  private emitLin(type: number, lin: Lin, atom: (id: Id) => Ref): Ref {
    const m = this.m;
    const I = type === this.api.i64 ? m.i64 : m.i32;
    const k = (v: bigint): Ref => (type === this.api.i64 ? m.i64.const(v) : m.i32.const(Number(BigInt.asIntN(32, v))));
    let acc: Ref | undefined;
    for (const [id, coef] of lin.t) {
      const x = atom(id);
      if (coef === -1n && acc !== undefined) {
        acc = I.sub(acc, x);
        continue;
      }
      let term: Ref;
      if (coef === 1n) term = x;
      else if (isPow2(coef)) {
        let n = 0n;
        while (1n << n !== coef) n++;
        term = I.shl(x, type === this.api.i64 ? m.i64.const(n) : m.i32.const(Number(n)));
      } else term = I.mul(x, k(coef));
      acc = acc === undefined ? term : I.add(acc, term);
    }
    if (acc === undefined) return k(lin.c);
    return lin.c === 0n ? acc : I.add(acc, k(lin.c));
  }
}

/**
 * The value the nearest earlier statement that writes a local assigns it, walking back through the
 * enclosing blocks and out of `if` arms (never out of a loop, whose back-edges bring other values): the value expression of
 * a `local.set`, `'zero'` when there is none and the local is not a parameter (locals start at zero),
 * or undefined when that statement is anything else.
 */
function entryValue(api: Api, at: Ref, ancestors: readonly Ref[], local: number, isVar: boolean): Ref | 'zero' | undefined {
  const w = wrappers(api);
  const writes = (e: Ref) => allPlaces(api, e).some((p) => api.getExpressionId(p.ref) === api.LocalSetId && w.LocalSet.getIndex(p.ref) === local);
  let child = at;
  for (let n = ancestors.length - 1; n >= 0; n--) {
    const parent = ancestors[n]!;
    const id = api.getExpressionId(parent);
    if (id === api.IfId) {
      // An arm runs after the condition: go on before the `if` unless the condition writes the local.
      const cond = w.If.getCondition(parent);
      if (child === cond || writes(cond)) return undefined;
      child = parent;
      continue;
    }
    if (id !== api.BlockId) return undefined;
    const siblings = statements(api, parent);
    for (let s = siblings.indexOf(child) - 1; s >= 0; s--) {
      const sib = siblings[s]!;
      if (!writes(sib)) continue;
      return api.getExpressionId(sib) === api.LocalSetId && !w.LocalSet.isTee(sib) ? w.LocalSet.getValue(sib) : undefined;
    }
    child = parent;
  }
  // Nothing before the loop in the function writes it: a declared local still holds zero.
  return isVar ? 'zero' : undefined;
}

// ── the pass ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * The locals a function gains: numbered after the ones it has, and added to it only when its loops are
 * done, so that a loop that is planned but not rewritten (refused late, or not selected) leaves none.
 */
class NewLocals {
  readonly types: number[] = [];
  constructor(readonly base: number) {}
  add(type: number): number {
    this.types.push(type);
    return this.base + this.types.length - 1;
  }
}

interface Found {
  fn: { index: number; ref: number; name: string };
  place: Place;
  ancestors: Ref[];
  depth: number;
  index: number;
  label: string;
}

/**
 * Reroll the module's innermost unrolled loops (see the file's comment); returns what it did and why.
 * With `onlyRank`, only the r-th loop it would reroll (deeper loops first, then module order).
 */
export function rerollModule(m: Module, api: Api, opts: { onlyRank?: number } = {}): RerollReport {
  if (opts.onlyRank === undefined) return rerollRound(m, api, () => true);
  // A first round plans every loop and rewrites none; the second rewrites the chosen one. Both list the
  // same loops in the same order (nothing before it is rewritten in either), so its position names it.
  const chosen = rankOrder(rerollRound(m, api, () => false).loops, (d) => d.state === 'not-selected')[opts.onlyRank];
  return rerollRound(m, api, (i) => i === chosen);
}

/** One pass over the module: the i-th loop of the report, if it can be rerolled, is rewritten if `take(i)`. */
function rerollRound(m: Module, api: Api, take: (i: number) => boolean): RerollReport {
  const report: RerollReport = { loops: [], unreadableFunctions: [], rerolled: 0, refused: {} };
  const exported = new Map<string, string>();
  for (let i = 0; i < m.getNumExports(); i++) {
    const e = api.getExportInfo(m.getExportByIndex(i));
    if (e.kind === api.ExternalFunction && !exported.has(e.value)) exported.set(e.value, e.name);
  }
  const fnName = (n: string) => (/^\d+$/.test(n) && exported.has(n) ? exported.get(n)! : n);
  for (const fn of definedFunctions(m, api)) {
    const found: Found[] = [];
    const hasLoopBelow: boolean[] = [];
    let names: LabelNames;
    try {
      const root = bodyPlace(api, fn.ref);
      walk(api, root, (p) => {
        if (api.getExpressionId(p.ref) === api.LoopId) hasLoopBelow.push(false);
      }, (p, ancestors) => {
        if (api.getExpressionId(p.ref) !== api.LoopId) return;
        const below = hasLoopBelow.pop()!;
        if (!below) {
          const depth = 1 + ancestors.filter((x) => api.getExpressionId(x) === api.LoopId).length;
          found.push({ fn, place: p, ancestors: [...ancestors], depth, index: found.length, label: wrappers(api).Loop.getName(p.ref) ?? '' });
        }
        if (hasLoopBelow.length) hasLoopBelow[hasLoopBelow.length - 1] = true;
      });
      names = new LabelNames(labelsIn(api, root.ref));
    } catch (e) {
      if (e instanceof UnknownExpression) {
        report.unreadableFunctions.push(fnName(fn.name));
        continue;
      }
      throw e;
    }
    const locals = new NewLocals((api as unknown as { Function: { getNumLocals(f: number): number } }).Function.getNumLocals(fn.ref));
    for (const f of found) {
      const decision = { function: fnName(fn.name), loop: f.label, index: f.index, depth: f.depth };
      const mark = locals.types.length;
      try {
        let c: CountedLoop;
        try {
          c = analyse(m, api, f.place.ref);
        } catch (e) {
          if (e instanceof Refusal) throw new Refuse(`not-counted:${e.message}`);
          throw e;
        }
        const liveness = () => new Liveness(api, bodyPlace(api, fn.ref).ref);
        const plan = new LoopReroller(m, api, fn.ref, f.place.ref, c, names, liveness, locals, f.ancestors).plan();
        const figures = { factor: plan.factor, ...(plan.reductions.length ? { reductions: plan.reductions } : {}) };
        if (!take(report.loops.length)) {
          locals.types.length = mark;
          report.loops.push({ ...decision, state: 'not-selected', ...figures });
          continue;
        }
        f.place.set(plan.replacement);
        report.loops.push({ ...decision, state: 'rerolled', ...figures });
        report.rerolled++;
      } catch (e) {
        locals.types.length = mark;
        let r: Refuse;
        if (e instanceof Refuse) r = e;
        else if (e instanceof UnknownExpression) r = new Refuse('unsupported-expression');
        else throw e;
        report.loops.push({ ...decision, state: 'refused', reason: r.reason, ...(r.detail ? { detail: r.detail } : {}) });
        report.refused[r.reason] = (report.refused[r.reason] ?? 0) + 1;
      }
    }
    const addVar = (api as unknown as { _BinaryenFunctionAddVar(f: number, t: number): number })._BinaryenFunctionAddVar;
    for (const t of locals.types) addVar(fn.ref, t);
  }
  return report;
}

/**
 * What the pass would do to a module, without keeping the result: per function and loop, rerolled or
 * refused and why. `api` is the binaryen module object (src/binaryen/module.ts exports it).
 */
export function analyzeReroll(api: Api, bytes: Uint8Array): RerollReport {
  const m = api.readBinary(bytes);
  try {
    // Every feature Node's engine has, so that any module it runs can be read (see detectFeatures).
    const f = api.Features;
    m.setFeatures(m.getFeatures() | f.MutableGlobals | f.SignExt | f.NontrappingFPToInt | f.BulkMemory | f.BulkMemoryOpt | f.Multivalue | f.ReferenceTypes | f.SIMD128 | f.TailCall);
    return rerollModule(m, api);
  } finally {
    m.dispose();
  }
}

/** `wt-reroll`. */
export const reroll: ModulePass = (m, api) => {
  rerollModule(m, api);
};

/** `wt-reroll-loop:r`: the r-th loop only. */
export const rerollLoop: ModulePass = (m, api, arg) => {
  rerollModule(m, api, { onlyRank: decisionRank(arg, 'loop') });
};
