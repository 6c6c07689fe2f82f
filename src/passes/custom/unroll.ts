/**
 * Loop unrolling: `wt-unroll:k` (k ∈ 2, 4, 8) unrolls innermost counted loops by k;
 * `wt-unroll-nested:k` (k ∈ 2, 4, 8) does the same to the innermost loops that sit inside another loop
 * (loop depth 2 or more) and leaves the others alone, so a search can unroll the inner loops of nests
 * without touching single loops; and `wt-unroll-full:n` (n ∈ 4, 8, 16) replaces an innermost counted
 * loop whose trip count is a known constant of at most n by that many copies of its body. Binaryen has
 * no unrolling pass at all (its loop passes are licm, code-pushing and rereloop), and V8's TurboFan
 * unrolls small loops itself, so whether this pays is exactly the kind of question the search answers
 * per kernel.
 *
 * A counted loop has an induction variable: an i32 or i64 local that every iteration which stays in the
 * loop updates exactly once, by `i = i + s` with a constant step s: as a statement, as a `local.tee`
 * anywhere in an expression that always runs (e.g. inside an address, as -O3 leaves clang -O0 loops),
 * in both arms of an if/else, through temporaries (`t = i; u = t + 1; i = u`, clang -O0), or as a tee
 * inside a bottom test. Its continue test compares it with a loop-invariant bound of the same type: a
 * constant, a local or global the loop never writes (a mutable global only when the loop makes no
 * call), or any pure expression of those (`n - 1`; loads only in a loop without stores and calls; loads,
 * integer division and trapping conversions only in a top test, which runs on entry anyway). A bound
 * that is not a constant, local or immutable global is evaluated once, before the transformed loop,
 * into a fresh local. Three shapes are recognised, the ones clang, AssemblyScript, hand-written WAT
 * and Binaryen's own output use:
 *   do-while   `loop $L (S… (br_if $L (i' < n)))`, rotated loops from clang and Binaryen -O3;
 *   while-if   `loop $L (if (i < n) (then S… (br $L))))`, AssemblyScript's `for`;
 *   while-exit `loop $L (T… (br_if $out (i >= n)) S… (br $L))`, hand-written and clang -O0 code, where
 *              T… only compute the test into temporaries (`local.set $t pure`).
 * The test may be lt/le/gt/ge (signed or unsigned), ne, eq, or `i` itself (an i32 countdown to zero),
 * with the operands in either order, through `i32.eqz` (any number of them, and `i64.eqz` of an i64
 * variable: `i == 0`), clang's truth values `(i32.and t 1)`, `t != 0` and `t == 0`, and value blocks
 * and temporaries `block (result i32) (local.set $t e) (local.get $t)` (clang -O0 after
 * wt-promote-stack). Such a temporary must be written once in the loop, by its set in the test, after
 * nothing in the test has read it; every copy of an iteration then sets it where the test it skips
 * would have, so every local holds what the original loop leaves in it.
 *
 * Partial unrolling keeps every trip count correct by construction: a new main loop runs k copies of
 * the body per iteration, guarded by a test that the k tests it skips would all have continued, i.e.
 * that i + j·s passes the test for every j < k, computed so that nothing overflows. For lt/le/gt/ge on
 * i32 that is one comparison done in i64. On i64 there is no wider type: against a constant bound b the
 * guard compares i with b ∓ (k−1)·s folded at compile time (and always hands over when that falls
 * outside the 64-bit range); against a variable bound it checks that i is on the continuing side of b
 * and that the distance b − i (exact as an unsigned 64-bit number when it is positive) exceeds
 * (k−1)·|s|. For ne, on both widths, the distance to the bound in the direction of travel (modulo 2^32
 * or 2^64) must exceed (k−1)·|s|. When the guard fails, the original loop, left untouched, runs the
 * remaining iterations. Full unrolling needs the induction variable's value on entry: the nearest
 * earlier statement that writes it, found by walking back through the enclosing blocks (not out of a
 * loop), must set a constant; then the trip count is computed exactly with wrap-around at the
 * variable's width.
 *
 * Refused, with the reason counted in {@link UnrollStats}: loops that contain a loop (only innermost
 * loops are unrolled), and for `wt-unroll-nested` innermost loops that no other loop of the function
 * encloses (`depth`); loops with a value type; other shapes (several exit tests, an exit test after
 * statements that do more than compute it); a body that branches back to the loop (a `continue`: the
 * update could be skipped), while branches that leave the loop, `return`s and traps are fine (each copy
 * leaves exactly as the original iteration would); non-local induction variables (a global or a memory
 * cell, which a call or a store in the body may change too) and f32/f64 ones (rounding makes the trip
 * count depend on every addition); a variable not updated exactly once on every path (an update in one
 * arm only, behind a branch to a label inside its statement, or through a copy made after the update),
 * a step of 0 or above 2^16; a bound the loop may change or that may trap early (a global the loop or a
 * call may write, a load in a loop that stores or calls, a load or division in a bottom test); test
 * temporaries read before they are set or written twice; and tests that do not move towards the bound
 * (e.g. `i < n` while i decreases; `==` as a continue test) since no cheap guard proves their trip
 * count; bodies above {@link MAX_BODY} expressions, or fully unrolled code above {@link MAX_FULL}; and
 * functions containing expression kinds the IR toolkit does not know (atomics, exceptions, GC).
 */
import type { ModulePass } from '../../binaryen/module.js';
import {
  LabelNames, UnknownExpression, allPlaces, bodyPlace, branchTargets, childPlaces, definedFunctions, definedLabel, i32Const, labelsIn,
  localWrites, renameLabels, retarget, statements, treeSize, walk, wrappers, type Api, type Module, type Place, type Ref,
} from './ir-tree.js';

/** Largest loop body (expressions) that is unrolled; bigger bodies gain nothing from it. */
export const MAX_BODY = 1000;
/** Largest fully unrolled loop (expressions in all copies together). */
export const MAX_FULL = 4000;
/** Largest |step| of an induction variable. */
const MAX_STEP = 1 << 16;

/** `minDepth`: only innermost loops enclosed by at least minDepth − 1 other loops (default 1: all). */
export type UnrollMode = ({ kind: 'partial'; factor: number } | { kind: 'full'; maxTrips: number }) & { minDepth?: number };

export interface UnrollStats {
  /** Innermost loops seen in functions the pass could read. */
  innermost: number;
  unrolled: number;
  /** Why the other loops (and unreadable functions) were left alone: reason → count. */
  refused: Record<string, number>;
}

export type Op = 'lt' | 'le' | 'gt' | 'ge' | 'ne' | 'eq';
/**
 * A constant bound is held as a signed value of the variable's width. `expr` is any other loop-invariant
 * expression (`n - 1`, a mutable global the loop never writes, a load in a loop without stores): a
 * transformation evaluates it once before the loop, into a fresh local ({@link hoistBound}).
 */
export type Bound = { kind: 'const'; value: bigint } | { kind: 'local'; index: number } | { kind: 'global'; name: string } | { kind: 'expr'; ref: Ref };
/** Width of the induction variable and its bound. */
export type Bits = 32 | 64;
/** A continue test `x OP bound` on the induction variable's value x at the time of the test. */
export interface Test {
  op: Op;
  signed: boolean;
  bound: Bound;
}

export interface CountedLoop {
  form: 'do-while' | 'while-if' | 'while-exit';
  bits: Bits;
  /** Statements of one iteration, without the test and the back-edge, in order. */
  body: Ref[];
  iv: number;
  step: number;
  test: Test;
  /** do-while with `local.tee` in the test: the update `i + s` (the body then does not contain it). */
  updateInTest?: Ref;
  /** do-while: the whole test expression (copied as the new loop's back-edge). */
  testExpr: Ref;
  /**
   * `local.set`s of temporaries inside the test (clang -O0's `block (local.set $t …) (local.get $t)`),
   * in evaluation order. A copy of an iteration runs them where the test it skips would have (before the
   * body in while forms, after it in do-while), so every local holds what the loop leaves in it.
   */
  testSets: Ref[];
  /** while-exit: the label the exit test branches to. */
  exitLabel?: string;
  /**
   * Labels of the loop's body block and of a while-if's arm. A branch to one skips the rest of the body
   * and the back-edge, so it leaves the loop; in the copies it leaves the unrolled code.
   */
  bodyLabels: string[];
}

export class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

const NEGATE: Record<Op, Op> = { lt: 'ge', le: 'gt', gt: 'le', ge: 'lt', ne: 'eq', eq: 'ne' };
const SWAP: Record<Op, Op> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le', ne: 'ne', eq: 'eq' };

function compareOps(api: Api): Map<number, { op: Op; signed: boolean }> {
  return new Map([
    [api.LtSInt32, { op: 'lt', signed: true }], [api.LtUInt32, { op: 'lt', signed: false }],
    [api.LeSInt32, { op: 'le', signed: true }], [api.LeUInt32, { op: 'le', signed: false }],
    [api.GtSInt32, { op: 'gt', signed: true }], [api.GtUInt32, { op: 'gt', signed: false }],
    [api.GeSInt32, { op: 'ge', signed: true }], [api.GeUInt32, { op: 'ge', signed: false }],
    [api.NeInt32, { op: 'ne', signed: false }], [api.EqInt32, { op: 'eq', signed: false }],
    [api.LtSInt64, { op: 'lt', signed: true }], [api.LtUInt64, { op: 'lt', signed: false }],
    [api.LeSInt64, { op: 'le', signed: true }], [api.LeUInt64, { op: 'le', signed: false }],
    [api.GtSInt64, { op: 'gt', signed: true }], [api.GtUInt64, { op: 'gt', signed: false }],
    [api.GeSInt64, { op: 'ge', signed: true }], [api.GeUInt64, { op: 'ge', signed: false }],
    [api.NeInt64, { op: 'ne', signed: false }], [api.EqInt64, { op: 'eq', signed: false }],
  ] as Array<[number, { op: Op; signed: boolean }]>);
}

/** The value of an i32 or i64 constant, as a signed bigint of its width; undefined for anything else. */
export function intConst(api: Api, ref: Ref): bigint | undefined {
  if (api.getExpressionId(ref) !== api.ConstId) return undefined;
  const type = api.getExpressionType(ref);
  if (type === api.i32) return BigInt(i32Const(api, ref)!);
  if (type === api.i64) return BigInt.asIntN(64, wrappers(api).Const.getValueI64(ref));
  return undefined;
}

/** A test read from an expression: which operand is the variable (a local.get or local.tee) and the rest. */
interface RawTest {
  op: Op;
  signed: boolean;
  /** The operand that should be the induction variable. */
  x: Ref;
  /** The other operand (undefined: compared with 0). */
  other: Ref | undefined;
}

/**
 * Temporaries of a loop's test: local → the value its one `local.set` in the test sets (see `analyse`).
 * clang -O0 code computes a test through them, as statements before the exit branch or in value blocks
 * `block (result t) (local.set $a e)… v`.
 */
type Temps = ReadonlyMap<number, Ref>;

/**
 * The value of an expression of the test, seen through value blocks and temporaries: a block is its
 * last child, a `local.get` of a temporary is the value set into it. `analyse` checks that each
 * temporary is written once per iteration, before any read of it, so the substitution is exact.
 */
function resolve(api: Api, e: Ref, temps: Temps): Ref {
  const w = wrappers(api);
  const id = api.getExpressionId(e);
  if (id === api.BlockId && !w.Block.getName(e) && api.getExpressionType(e) !== api.none && api.getExpressionType(e) !== api.unreachable) {
    const kids = statements(api, e);
    return kids.length ? resolve(api, kids[kids.length - 1]!, temps) : e;
  }
  if (id === api.LocalGetId && temps.has(w.LocalGet.getIndex(e))) return resolve(api, temps.get(w.LocalGet.getIndex(e))!, temps);
  return e;
}

/** The expression with every block and temporary resolved (a fresh copy when anything changes). */
function expand(m: Module, api: Api, e: Ref, temps: Temps): Ref {
  const r = resolve(api, e, temps);
  const w = wrappers(api);
  const changes = allPlaces(api, r).some(({ ref }) => api.getExpressionId(ref) === api.BlockId || (api.getExpressionId(ref) === api.LocalGetId && temps.has(w.LocalGet.getIndex(ref))));
  if (!changes) return r;
  const copy = m.copyExpression(r);
  for (const p of childPlaces(api, copy)) p.set(expand(m, api, p.ref, temps));
  return copy;
}

/** Whether an i32 expression is a truth value (0 or 1): a comparison, an eqz, or `and` of one with 1. */
function isBool(api: Api, e: Ref, temps: Temps): boolean {
  const w = wrappers(api);
  const x = resolve(api, e, temps);
  const id = api.getExpressionId(x);
  if (id === api.UnaryId) return w.Unary.getOp(x) === api.EqZInt32 || w.Unary.getOp(x) === api.EqZInt64;
  if (id !== api.BinaryId) return false;
  const op = w.Binary.getOp(x);
  if (compareOps(api).has(op)) return true;
  return op === api.AndInt32 && (isBool(api, w.Binary.getLeft(x), temps) || isBool(api, w.Binary.getRight(x), temps));
}

function readTest(api: Api, e0: Ref, temps: Temps): RawTest[] {
  const w = wrappers(api);
  const e = resolve(api, e0, temps);
  const id = api.getExpressionId(e);
  if (id === api.UnaryId && w.Unary.getOp(e) === api.EqZInt32) {
    return readTest(api, w.Unary.getValue(e), temps).map((t) => ({ ...t, op: NEGATE[t.op] }));
  }
  // `i64.eqz x` is the test `x == 0` on an i64 value (which is never itself a test).
  if (id === api.UnaryId && w.Unary.getOp(e) === api.EqZInt64) return [{ op: 'eq', signed: false, x: resolve(api, w.Unary.getValue(e), temps), other: undefined }];
  if (id === api.BinaryId) {
    const op = w.Binary.getOp(e);
    const l = resolve(api, w.Binary.getLeft(e), temps);
    const r = resolve(api, w.Binary.getRight(e), temps);
    // clang -O0 keeps a truth value in bit 0: `(i32.and (i32.lt_s i n) (i32.const 1))` is `i < n`, and
    // `t != 0` / `t == 0` of a truth value t is t / !t.
    const bool = (k: number) => (i32Const(api, r) === k && isBool(api, l, temps) ? l : i32Const(api, l) === k && isBool(api, r, temps) ? r : undefined);
    if (op === api.AndInt32) {
      const t = bool(1);
      return t === undefined ? [] : readTest(api, t, temps);
    }
    if (op === api.NeInt32 && bool(0) !== undefined) return readTest(api, bool(0)!, temps);
    if (op === api.EqInt32 && bool(0) !== undefined) return readTest(api, bool(0)!, temps).map((t) => ({ ...t, op: NEGATE[t.op] }));
    const c = compareOps(api).get(op);
    if (!c) return [];
    // Either operand may be the variable; the analysis keeps the reading whose `x` is the one updated.
    return [
      { ...c, x: l, other: r },
      { op: SWAP[c.op], signed: c.signed, x: r, other: l },
    ];
  }
  if (id === api.LocalGetId || id === api.LocalSetId) return [{ op: 'ne', signed: false, x: e, other: undefined }];
  return [];
}

/**
 * The step s of `i + s`, `s + i` or `i - s` (i32 or i64), or undefined. A step is returned as a number
 * only when it is small; a huge one comes back as ±Infinity, which no caller accepts.
 */
export function stepOf(api: Api, e: Ref, iv: number): number | undefined {
  const w = wrappers(api);
  if (api.getExpressionId(e) !== api.BinaryId) return undefined;
  const op = w.Binary.getOp(e);
  const l = w.Binary.getLeft(e);
  const r = w.Binary.getRight(e);
  const bits = api.getExpressionType(e) === api.i64 ? 64 : 32;
  const small = (c: bigint) => (c >= -BigInt(MAX_STEP) && c <= BigInt(MAX_STEP) ? Number(c) : c < 0n ? -Infinity : Infinity);
  const isIv = (x: Ref) => api.getExpressionId(x) === api.LocalGetId && w.LocalGet.getIndex(x) === iv;
  if (op === api.AddInt32 || op === api.AddInt64) {
    if (isIv(l) && intConst(api, r) !== undefined) return small(intConst(api, r)!);
    if (isIv(r) && intConst(api, l) !== undefined) return small(intConst(api, l)!);
  } else if ((op === api.SubInt32 || op === api.SubInt64) && isIv(l)) {
    const c = intConst(api, r);
    if (c !== undefined) return small(BigInt.asIntN(bits, -c));
  }
  return undefined;
}

/** What a loop may change, for deciding whether an expression is loop-invariant. */
interface LoopEffects {
  writes: Map<number, Ref[]>;
  globalsWritten: Set<string>;
  calls: boolean;
  /** Stores, bulk memory operations, memory.grow. */
  memoryWrites: boolean;
}

function loopEffects(api: Api, loop: Ref): LoopEffects {
  const fx: LoopEffects = { writes: localWrites(api, loop), globalsWritten: new Set(), calls: false, memoryWrites: false };
  for (const { ref } of allPlaces(api, loop)) {
    const id = api.getExpressionId(ref);
    if (id === api.CallId || id === api.CallIndirectId) fx.calls = true;
    else if (id === api.GlobalSetId) fx.globalsWritten.add((api.getExpressionInfo(ref) as unknown as { name: string }).name);
    else if (id === api.StoreId || id === api.MemoryGrowId || id === api.MemoryCopyId || id === api.MemoryFillId || id === api.MemoryInitId || id === api.DataDropId) fx.memoryWrites = true;
    else if (id === api.SIMDLoadStoreLaneId && (api.getExpressionInfo(ref) as { isStore?: boolean }).isStore !== false) fx.memoryWrites = true;
  }
  return fx;
}

/**
 * Whether an expression has the same value every time the loop evaluates it, and no side effects:
 * constants; locals the loop never writes; immutable globals, and mutable ones the loop never writes
 * when it makes no call; unary and binary operators and selects of those; loads when the loop writes no
 * memory and makes no call. Operators that may trap (loads, integer division and remainder, float → int
 * truncation) only when `mayTrap`: evaluating the bound early must not trap where the loop would not.
 */
function isInvariant(m: Module, api: Api, e: Ref, fx: LoopEffects, mayTrap: boolean): boolean {
  const w = wrappers(api);
  const trapping = new Set([api.DivSInt32, api.DivUInt32, api.RemSInt32, api.RemUInt32, api.DivSInt64, api.DivUInt64, api.RemSInt64, api.RemUInt64]);
  const trappingUnary = new Set([
    api.TruncSFloat32ToInt32, api.TruncUFloat32ToInt32, api.TruncSFloat64ToInt32, api.TruncUFloat64ToInt32,
    api.TruncSFloat32ToInt64, api.TruncUFloat32ToInt64, api.TruncSFloat64ToInt64, api.TruncUFloat64ToInt64,
  ]);
  return allPlaces(api, e).every(({ ref }) => {
    const id = api.getExpressionId(ref);
    if (id === api.ConstId || id === api.SelectId) return true;
    if (id === api.LocalGetId) return !fx.writes.has(w.LocalGet.getIndex(ref));
    if (id === api.GlobalGetId) {
      const name = w.GlobalGet.getName(ref);
      return !api.getGlobalInfo(m.getGlobal(name)).mutable || (!fx.calls && !fx.globalsWritten.has(name));
    }
    if (id === api.BinaryId) return mayTrap || !trapping.has(w.Binary.getOp(ref));
    if (id === api.UnaryId) return mayTrap || !trappingUnary.has(w.Unary.getOp(ref));
    if (id === api.LoadId) return mayTrap && !fx.memoryWrites && !fx.calls && !(api.getExpressionInfo(ref) as { isAtomic?: boolean }).isAtomic;
    return false;
  });
}

/** The bound of a test, or undefined when it is not loop-invariant. */
function readBound(m: Module, api: Api, other: Ref | undefined, fx: LoopEffects, mayTrap: boolean): Bound | undefined {
  const w = wrappers(api);
  if (other === undefined) return { kind: 'const', value: 0n };
  if (intConst(api, other) !== undefined) return { kind: 'const', value: intConst(api, other)! };
  if (!isInvariant(m, api, other, fx, mayTrap)) return undefined;
  if (api.getExpressionId(other) === api.LocalGetId) return { kind: 'local', index: w.LocalGet.getIndex(other) };
  if (api.getExpressionId(other) === api.GlobalGetId && !api.getGlobalInfo(m.getGlobal(w.GlobalGet.getName(other))).mutable) {
    return { kind: 'global', name: w.GlobalGet.getName(other) };
  }
  return { kind: 'expr', ref: other };
}

/**
 * How many writes of `isUpdate` an expression performs on every path that does not leave the iteration:
 * a number, `'leaves'` when every path leaves it (a branch out, return, unreachable), or undefined when
 * paths differ (an update in one arm of an `if` only). Branches to labels inside `e` make it undefined
 * as soon as `e` holds an update (they could skip it).
 */
function updatesOnEveryPath(api: Api, e: Ref, isUpdate: (x: Ref) => boolean): number | 'leaves' | undefined {
  const all = allPlaces(api, e);
  if (!all.some((p) => isUpdate(p.ref))) return 0;
  const defined = labelsIn(api, e);
  if (all.some((p) => branchTargets(api, p.ref).some((l) => defined.has(l)))) return undefined;
  const w = wrappers(api);
  const count = (x: Ref): number | 'leaves' | undefined => {
    const id = api.getExpressionId(x);
    if (id === api.IfId) {
      const c = count(w.If.getCondition(x));
      if (c === undefined || c === 'leaves') return c;
      const t = count(w.If.getIfTrue(x));
      const f = w.If.getIfFalse(x) ? count(w.If.getIfFalse(x)) : 0;
      if (t === undefined || f === undefined) return undefined;
      if (t === 'leaves' && f === 'leaves') return 'leaves';
      if (t === 'leaves') return c + (f as number);
      if (f === 'leaves' || t === f) return c + t;
      return undefined;
    }
    let n = 0;
    for (const child of childPlaces(api, x)) {
      const k = count(child.ref);
      if (k === undefined || k === 'leaves') return k;
      n += k;
    }
    if (id === api.ReturnId || id === api.UnreachableId || id === api.SwitchId || (id === api.BreakId && !w.Break.getCondition(x))) return 'leaves';
    return n + (isUpdate(x) ? 1 : 0);
  };
  return count(e);
}

/** Whether `target` is evaluated whenever `root` is (no if arm on the way, no branch inside that could skip it). */
function alwaysReached(api: Api, root: Ref, target: Ref): boolean {
  const n = updatesOnEveryPath(api, root, (x) => x === target);
  return n === 1;
}

/** Recognise a counted loop, or throw a {@link Refusal} saying why not (also used by wt-vectorize). */
export function analyse(m: Module, api: Api, loop: Ref): CountedLoop {
  const w = wrappers(api);
  const name = w.Loop.getName(loop);
  if (!name) refuse('shape');
  // A loop whose body ends with `br $L` has type unreachable; one that yields a value is refused.
  if (api.getExpressionType(loop) !== api.none && api.getExpressionType(loop) !== api.unreachable) refuse('loop-type');
  const body = w.Loop.getBody(loop);
  const stmts = statements(api, body);
  const inside = labelsIn(api, loop);
  const bodyLabels = [definedLabel(api, body)].filter((x): x is string => Boolean(x));
  const isBreak = (e: Ref | undefined, to?: string) => e !== undefined && api.getExpressionId(e) === api.BreakId && (to === undefined || w.Break.getName(e) === to) && !w.Break.getValue(e);

  let form: CountedLoop['form'];
  let iter: Ref[];
  let testExpr: Ref;
  let exitLabel: string | undefined;
  const first = stmts[0]!;
  const last = stmts[stmts.length - 1]!;
  const pureKinds = new Set([api.ConstId, api.LocalGetId, api.GlobalGetId, api.UnaryId, api.BinaryId, api.SelectId, api.LoadId]);
  const pure = (e: Ref) => allPlaces(api, e).every((p) => pureKinds.has(api.getExpressionId(p.ref)));
  // while-exit: the exit branch first, or after statements that only compute the test into temporaries
  // (`local.set $t pure`, clang -O0's `t1 = i; t2 = n; t3 = t1 < t2; …; br_if $out (eqz t5)`).
  let prefix: Ref[] = [];
  let exitAt = -1;
  if (stmts.length >= 2 && isBreak(last, name!) && !w.Break.getCondition(last)) {
    const at = stmts.findIndex((x) => !(api.getExpressionId(x) === api.LocalSetId && !w.LocalSet.isTee(x) && pure(w.LocalSet.getValue(x))));
    const exit = stmts[at];
    if (at < stmts.length - 1 && isBreak(exit) && w.Break.getCondition(exit!) && (!inside.has(w.Break.getName(exit!)) || bodyLabels.includes(w.Break.getName(exit!)))) exitAt = at;
  }
  if (stmts.length === 1 && api.getExpressionId(first) === api.IfId && !w.If.getIfFalse(first)) {
    form = 'while-if';
    testExpr = w.If.getCondition(first);
    const arm = w.If.getIfTrue(first);
    const armStmts = statements(api, arm);
    const back = armStmts[armStmts.length - 1];
    if (!isBreak(back, name!) || w.Break.getCondition(back!)) refuse('shape');
    const armLabel = definedLabel(api, arm);
    if (armLabel) bodyLabels.push(armLabel);
    iter = armStmts.slice(0, -1);
  } else if (exitAt >= 0) {
    form = 'while-exit';
    const exit = stmts[exitAt]!;
    exitLabel = w.Break.getName(exit);
    testExpr = w.Break.getCondition(exit);
    prefix = stmts.slice(0, exitAt);
    iter = stmts.slice(exitAt + 1, -1);
  } else if (isBreak(last, name!) && w.Break.getCondition(last)) {
    form = 'do-while';
    testExpr = w.Break.getCondition(last);
    iter = stmts.slice(0, -1);
  } else {
    return refuse('shape');
  }

  // A branch back to the loop (`continue`) could skip the update or the test.
  for (const s of iter) {
    for (const p of allPlaces(api, s)) {
      if (branchTargets(api, p.ref).includes(name!)) refuse('continue');
    }
  }

  // The test is data flow only: comparisons, their operands, and temporaries set before the exit branch
  // or in value blocks inside the test (clang -O0). A tee is allowed only as the do-while update.
  const testSets: Ref[] = [...prefix];
  const testTees: Ref[] = [];
  for (const { ref } of allPlaces(api, testExpr)) {
    const id = api.getExpressionId(ref);
    if (pureKinds.has(id)) continue;
    if (id === api.BlockId && !w.Block.getName(ref)) continue;
    if (id === api.LocalSetId && w.LocalSet.isTee(ref)) testTees.push(ref);
    else if (id === api.LocalSetId && pure(w.LocalSet.getValue(ref))) testSets.push(ref);
    else refuse('test');
  }
  const fx = loopEffects(api, loop);
  const writes = fx.writes;
  // A temporary is written once in the loop, by its set in the test, and read in the test only after it
  // (in evaluation order): then every read there sees the value just set, and resolve() is exact.
  const temps = new Map(testSets.map((x) => [w.LocalSet.getIndex(x), w.LocalSet.getValue(x)]));
  if ([...temps.keys()].some((t) => writes.get(t)?.length !== 1)) refuse('test');
  const setSoFar = new Set<number>();
  for (const root of [...prefix, testExpr]) {
    walk(api, { ref: root, set: () => refuse('test') }, () => true, ({ ref }) => {
      const id = api.getExpressionId(ref);
      if (id === api.LocalSetId) setSoFar.add(w.LocalSet.getIndex(ref));
      else if (id === api.LocalGetId && temps.has(w.LocalGet.getIndex(ref)) && !setSoFar.has(w.LocalGet.getIndex(ref))) refuse('test');
    });
  }
  const readings = readTest(api, testExpr, temps).map((t) => (form === 'while-exit' ? { ...t, op: NEGATE[t.op] } : t));
  // A test that compares something is about a variable it cannot use (a memory cell, a copy) unless a
  // reading below says otherwise.
  let reason = readings.length ? 'induction-variable' : 'test';
  for (const t of readings) {
    const xid = api.getExpressionId(t.x);
    const iv = xid === api.LocalGetId ? w.LocalGet.getIndex(t.x) : xid === api.LocalSetId ? w.LocalSet.getIndex(t.x) : -1;
    const type = api.getExpressionType(t.x);
    if (iv < 0 || (type !== api.i32 && type !== api.i64)) continue;
    const bits: Bits = type === api.i64 ? 64 : 32;
    const ivWrites = writes.get(iv) ?? [];
    let updateInTest: Ref | undefined;
    let step: number | undefined;
    if (xid === api.LocalSetId) {
      // `local.tee $i (i + s)` inside the test: only a bottom test sees the value after the update, and
      // it must be the variable's only write (test temporaries are then not allowed: their order with
      // the update would matter).
      if (form !== 'do-while' || !w.LocalSet.isTee(t.x) || testSets.length || testTees.length !== 1) continue;
      if (ivWrites.length !== 1) {
        reason = 'induction-variable';
        continue;
      }
      updateInTest = w.LocalSet.getValue(t.x);
      step = stepOf(api, updateInTest, iv);
    } else {
      // A tee in a top test (e.g. of a counter loaded from memory) or a temporary set of the variable.
      if (testTees.length || testSets.some((s) => w.LocalSet.getIndex(s) === iv)) continue;
      step = updateStep(api, iter, iv, bits, ivWrites, form === 'do-while' ? [] : testSets, writes);
      if (step === undefined) {
        reason = 'induction-variable';
        continue;
      }
    }
    if (step === undefined || step === 0 || Math.abs(step) > MAX_STEP) {
      reason = 'step';
      continue;
    }
    // A bound evaluated early (before the loop, by the guard) must not trap where the loop would not:
    // a top test is evaluated on entry anyway, a bottom test only after the first iteration.
    const bound = readBound(m, api, t.other === undefined ? undefined : expand(m, api, t.other, temps), fx, form !== 'do-while');
    if (bound === undefined) {
      reason = 'bound';
      continue;
    }
    return {
      form, bits, body: iter, iv, step, test: { op: t.op, signed: t.signed, bound }, testExpr, bodyLabels, testSets,
      ...(updateInTest !== undefined ? { updateInTest } : {}), ...(exitLabel !== undefined ? { exitLabel } : {}),
    };
  }
  return refuse(reason);
}

/**
 * The step of an induction variable updated in the body: every write sets it to `i + s` with the same
 * constant s, possibly through temporaries (`t = i; u = t + 1; i = u`, as clang -O0 writes it), and
 * every path through the iteration that stays in the loop performs exactly one write. Undefined
 * otherwise. A temporary is followed only when it is written once in the loop, on every path, before
 * the update (in the test of a top-test loop, or in an earlier statement), and the temporaries it reads
 * were set before it: then it holds the value computed from the variable's current value.
 */
function updateStep(api: Api, iter: readonly Ref[], iv: number, bits: Bits, ivWrites: readonly Ref[], earlier: readonly Ref[], writes: Map<number, Ref[]>): number | undefined {
  const w = wrappers(api);
  if (!ivWrites.length) return undefined;
  // Where a write happens: -1 in the test (before the body), else the index of its statement when every
  // path through that statement performs it; undefined when it may be skipped.
  const position = (set: Ref): number | undefined => {
    if (earlier.includes(set)) return -1;
    const at = iter.findIndex((x) => allPlaces(api, x).some((p) => p.ref === set));
    return at >= 0 && alwaysReached(api, iter[at]!, set) ? at : undefined;
  };
  // The value as `iv·k + c` (k 0 or 1), evaluated before statement `before`.
  const linear = (e: Ref, before: number, depth: number): { k: 0 | 1; c: bigint } | undefined => {
    if (depth > 16) return undefined;
    const c = intConst(api, e);
    if (c !== undefined) return { k: 0, c };
    const id = api.getExpressionId(e);
    if (id === api.LocalGetId) {
      const l = w.LocalGet.getIndex(e);
      if (l === iv) return { k: 1, c: 0n };
      const set = writes.get(l);
      const at = set?.length === 1 ? position(set[0]!) : undefined;
      return at !== undefined && at < before ? linear(w.LocalSet.getValue(set![0]!), at, depth + 1) : undefined;
    }
    if (id !== api.BinaryId) return undefined;
    const op = w.Binary.getOp(e);
    const l = linear(w.Binary.getLeft(e), before, depth + 1);
    const r = linear(w.Binary.getRight(e), before, depth + 1);
    if (!l || !r) return undefined;
    if ((op === api.AddInt32 || op === api.AddInt64) && l.k + r.k <= 1) return { k: (l.k + r.k) as 0 | 1, c: l.c + r.c };
    if ((op === api.SubInt32 || op === api.SubInt64) && r.k === 0) return { k: l.k, c: l.c - r.c };
    return undefined;
  };
  const steps = new Set<number>();
  for (const u of ivWrites) {
    const at = iter.findIndex((x) => allPlaces(api, x).some((p) => p.ref === u));
    const v = at >= 0 ? linear(w.LocalSet.getValue(u), at, 0) : undefined;
    if (!v || v.k !== 1) return undefined;
    // A huge step comes back as ±Infinity, which the caller refuses.
    const c = BigInt.asIntN(bits, v.c);
    steps.add(c < -BigInt(MAX_STEP) ? -Infinity : c > BigInt(MAX_STEP) ? Infinity : Number(c));
  }
  if (steps.size !== 1) return undefined;
  const isUpdate = (x: Ref) => ivWrites.includes(x);
  let total = 0;
  for (const s of iter) {
    const n = updatesOnEveryPath(api, s, isUpdate);
    if (n === undefined || n === 'leaves') return undefined;
    total += n;
  }
  return total === 1 ? [...steps][0] : undefined;
}

// ── partial unrolling ────────────────────────────────────────────────────────────────────────────────

/**
 * Whether the test moves towards its bound (so that {@link handOver} has a guard): `ne`, or lt/le while
 * the variable grows and gt/ge while it falls; the other directions rely on wrap-around.
 */
export function towardsBound(c: CountedLoop): boolean {
  const { op } = c.test;
  return op === 'ne' || (op !== 'eq' && (op === 'lt' || op === 'le') === c.step > 0);
}

/**
 * The loop with an `expr` bound read from a fresh local (made by `addLocal`), and the statement that
 * sets it, to run right before the loop: the bound is then evaluated once, not in every guard. Other
 * loops come back unchanged. The value is the one every test of the loop sees (the bound is invariant),
 * and evaluating it early cannot trap where the loop would not (see `analyse`).
 */
export function hoistBound(m: Module, api: Api, c: CountedLoop, addLocal: (type: number) => number): { loop: CountedLoop; init?: Ref } {
  const bound = c.test.bound;
  if (bound.kind !== 'expr') return { loop: c };
  const index = addLocal(c.bits === 64 ? api.i64 : api.i32);
  return { loop: { ...c, test: { ...c.test, bound: { kind: 'local', index } } }, init: m.local.set(index, m.copyExpression(bound.ref)) };
}

/**
 * The main loop's hand-over test: an i32 condition that is false only if the loop's test continues for
 * the variable's values i + j·s, for every j in 0…jMax (i: its value now). When it is true, the original
 * loop runs the rest. Undefined when no such cheap test exists. An `expr` bound is evaluated where the
 * guard is: callers hoist it first ({@link hoistBound}).
 */
export function handOver(m: Module, api: Api, c: CountedLoop, jMax: number): Ref | undefined {
  if (!towardsBound(c)) return undefined;
  if (c.bits === 64) return handOver64(m, api, c, jMax);
  const { op, signed, bound } = c.test;
  const i = () => m.local.get(c.iv, api.i32);
  const b32 = (): Ref => (bound.kind === 'const' ? m.i32.const(Number(bound.value)) : bound.kind === 'local' ? m.local.get(bound.index, api.i32) : bound.kind === 'global' ? m.global.get(bound.name, api.i32) : m.copyExpression(bound.ref));
  if (op === 'ne') {
    // The values i + j·s (j ≤ jMax) step towards the bound one |s| at a time: none of them hits it if the
    // distance in the direction of travel (mod 2^32) is larger than jMax·|s|.
    const zero = bound.kind === 'const' && bound.value === 0n;
    const distance = c.step > 0 ? m.i32.sub(b32(), i()) : zero ? i() : m.i32.sub(i(), b32());
    return m.i32.le_u(distance, m.i32.const(jMax * Math.abs(c.step)));
  }
  // lt/le continue while i grows to the bound, gt/ge while it falls; the other directions wrap around.
  if ((op === 'lt' || op === 'le') !== c.step > 0 || op === 'eq') return undefined;
  // In i64 nothing overflows: the last value is below (above) the bound iff all values are, and a value
  // beyond the i32 range fails the comparison.
  const ext = (x: Ref) => (signed ? m.i64.extend_s(x) : m.i64.extend_u(x));
  const last = m.i64.add(ext(i()), m.i64.const(BigInt(jMax * c.step)));
  const b64 = bound.kind === 'const' ? m.i64.const(signed ? BigInt.asIntN(32, bound.value) : BigInt.asUintN(32, bound.value)) : ext(b32());
  const fails = { lt: m.i64.ge_s, le: m.i64.gt_s, gt: m.i64.le_s, ge: m.i64.lt_s }[op];
  return fails(last, b64);
}

/** {@link handOver} for an i64 variable, where no wider type holds i + jMax·s. */
function handOver64(m: Module, api: Api, c: CountedLoop, jMax: number): Ref | undefined {
  const { op, signed, bound } = c.test;
  const i = () => m.local.get(c.iv, api.i64);
  const b = (): Ref => (bound.kind === 'const' ? m.i64.const(bound.value) : bound.kind === 'local' ? m.local.get(bound.index, api.i64) : bound.kind === 'global' ? m.global.get(bound.name, api.i64) : m.copyExpression(bound.ref));
  const span = BigInt(jMax * Math.abs(c.step));
  if (op === 'ne') {
    // As for i32, modulo 2^64.
    const zero = bound.kind === 'const' && bound.value === 0n;
    const distance = c.step > 0 ? m.i64.sub(b(), i()) : zero ? i() : m.i64.sub(i(), b());
    return m.i64.le_u(distance, m.i64.const(span));
  }
  const rising = op === 'lt' || op === 'le';
  if (rising !== c.step > 0 || op === 'eq') return undefined;
  const strict = op === 'lt' || op === 'gt';
  const cmp = signed
    ? { lt: m.i64.lt_s, le: m.i64.le_s, gt: m.i64.gt_s, ge: m.i64.ge_s }
    : { lt: m.i64.lt_u, le: m.i64.le_u, gt: m.i64.gt_u, ge: m.i64.ge_u };
  if (bound.kind === 'const') {
    // Every i + j·s passes iff the last one does: i + span OP b (rising) or i − span OP b (falling),
    // that is i OP b ∓ span, folded here; outside the 64-bit range no i passes, and the guard always
    // hands over.
    const [min, max] = signed ? [-(1n << 63n), (1n << 63n) - 1n] : [0n, (1n << 64n) - 1n];
    const b0 = signed ? bound.value : BigInt.asUintN(64, bound.value);
    const limit = rising ? b0 - span : b0 + span;
    if (limit < min || limit > max) return m.i32.const(1);
    const fails = { lt: cmp.ge, le: cmp.gt, gt: cmp.le, ge: cmp.lt }[op];
    return fails(i(), m.i64.const(BigInt.asIntN(64, limit)));
  }
  // Every i + j·s passes iff i is strictly on the continuing side of b (so the distance between them
  // is positive and, as an unsigned number, exact) and the distance is above span (lt/gt) or at least
  // span (le/ge).
  const [lo, hi] = rising ? [i, b] : [b, i];
  const wrongSide = cmp.ge(lo(), hi());
  const distance = m.i64.sub(hi(), lo());
  const tooClose = strict ? m.i64.le_u(distance, m.i64.const(span)) : m.i64.lt_u(distance, m.i64.const(span));
  return m.i32.or(wrongSide, tooClose);
}

/**
 * The statements of an iteration, `count` times over, each copy with fresh labels and its branches to the
 * body's labels pointed at `exit` (the end of the unrolled code).
 */
function copies(m: Module, api: Api, c: CountedLoop, count: number, names: LabelNames, exit: string, updateAfterLast: boolean): Ref[] {
  const out: Ref[] = [];
  const leave = new Map(c.bodyLabels.map((l) => [l, exit]));
  // The test's temporaries, set where each skipped test would have set them.
  const testSets = () => c.testSets.map((s) => m.copyExpression(s));
  for (let n = 0; n < count; n++) {
    if (c.form !== 'do-while') out.push(...testSets());
    for (const s of c.body) {
      const copy = m.copyExpression(s);
      renameLabels(api, copy, names);
      retarget(api, copy, leave);
      out.push(copy);
    }
    if (c.updateInTest !== undefined && (n < count - 1 || updateAfterLast)) out.push(m.local.set(c.iv, m.copyExpression(c.updateInTest)));
    if (c.form === 'do-while' && (n < count - 1 || updateAfterLast)) out.push(...testSets());
  }
  // Full unrolling of a top-test loop: the last test, which fails, sets them too.
  if (c.form !== 'do-while' && updateAfterLast) out.push(...testSets());
  return out;
}

function partial(m: Module, api: Api, loop: Ref, counted: CountedLoop, k: number, names: LabelNames, addLocal: (type: number) => number): Ref | undefined {
  const w = wrappers(api);
  if (!towardsBound(counted)) return undefined;
  const { loop: c, init } = hoistBound(m, api, counted, addLocal);
  const check = handOver(m, api, c, k - 1)!;
  const name = w.Loop.getName(loop)!;
  const main = names.fresh(name);
  const rest = names.fresh('rest');
  const exit = names.fresh('unrolled');
  const stmts = [m.br(rest, check), ...copies(m, api, c, k, names, exit, false)];
  if (c.form === 'do-while') stmts.push(m.br(main, m.copyExpression(c.testExpr)));
  else stmts.push(m.br(main));
  const mainLoop = m.loop(main, m.block(null, stmts, api.none));
  // A do-while main loop falls through when its test fails, and then skips the original loop; a while
  // main loop leaves only through the guard (to the original loop) or a branch out. The block's type is
  // computed: unreachable like the loop's when nothing branches to its end, none otherwise.
  const first = c.form === 'do-while' ? m.block(rest, [mainLoop, m.br(exit)], api.none) : m.block(rest, [mainLoop], api.none);
  return m.block(exit, [...(init !== undefined ? [init] : []), first, loop]);
}

// ── full unrolling ───────────────────────────────────────────────────────────────────────────────────

/**
 * The constant a local holds when execution reaches `at`: the nearest earlier statement that writes it,
 * walking back through enclosing blocks (never out of a loop, whose back-edges bring other values), must
 * be `local.set $x (i32.const c)` (or i64).
 */
function valueOnEntry(api: Api, at: Ref, ancestors: readonly Ref[], local: number): bigint | undefined {
  const w = wrappers(api);
  let child = at;
  for (let a = ancestors.length - 1; a >= 0; a--) {
    const parent = ancestors[a]!;
    if (api.getExpressionId(parent) !== api.BlockId) return undefined;
    const siblings = statements(api, parent);
    for (let s = siblings.indexOf(child) - 1; s >= 0; s--) {
      const sib = siblings[s]!;
      if (!localWrites(api, sib).has(local)) continue;
      if (api.getExpressionId(sib) === api.LocalSetId && !w.LocalSet.isTee(sib)) return intConst(api, w.LocalSet.getValue(sib));
      return undefined;
    }
    child = parent;
  }
  return undefined;
}

/** The bound's value on entry to the loop, if it is known. */
function boundValue(m: Module, api: Api, bound: Bound, loop: Ref, ancestors: readonly Ref[]): bigint | undefined {
  if (bound.kind === 'const') return bound.value;
  if (bound.kind === 'local') return valueOnEntry(api, loop, ancestors, bound.index);
  if (bound.kind === 'expr') return undefined;
  const g = api.getGlobalInfo(m.getGlobal(bound.name));
  return g.module ? undefined : intConst(api, g.init);
}

function holds(t: Test, x: bigint, b: bigint, bits: Bits): boolean {
  const read = (v: bigint) => (t.signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
  const l = read(x);
  const r = read(b);
  switch (t.op) {
    case 'lt': return l < r;
    case 'le': return l <= r;
    case 'gt': return l > r;
    case 'ge': return l >= r;
    case 'ne': return l !== r;
    case 'eq': return l === r;
  }
}

/**
 * Iterations the loop runs from a variable value i0 and a bound b, with wrap-around at `bits`, or
 * undefined above `max`.
 */
export function tripCount(form: CountedLoop['form'], t: Test, step: number, i0: number | bigint, b: number | bigint, max: number, bits: Bits = 32): number | undefined {
  const wrap = (v: bigint) => BigInt.asIntN(bits, v);
  const s = BigInt(step);
  let x = wrap(BigInt(i0));
  const bound = wrap(BigInt(b));
  let trips = 0;
  if (form === 'do-while') {
    trips = 1;
    x = wrap(x + s);
  }
  while (holds(t, x, bound, bits)) {
    if (++trips > max) return undefined;
    x = wrap(x + s);
  }
  return trips;
}

function full(m: Module, api: Api, loop: Ref, ancestors: readonly Ref[], c: CountedLoop, maxTrips: number, names: LabelNames): Ref {
  const i0 = valueOnEntry(api, loop, ancestors, c.iv);
  const b = boundValue(m, api, c.test.bound, loop, ancestors);
  if (i0 === undefined || b === undefined) return refuse('unknown-start');
  const trips = tripCount(c.form, c.test, c.step, i0, b, maxTrips, c.bits);
  if (trips === undefined) return refuse('too-many-trips');
  const size = c.body.reduce((n, s) => n + treeSize(api, s), 0);
  if (size * trips > MAX_FULL) return refuse('too-big');
  const exit = names.fresh('unrolled');
  const stmts = copies(m, api, c, trips, names, exit, true);
  // A while-exit loop leaves through its exit branch, which may skip code after the loop in that block.
  if (c.form === 'while-exit') stmts.push(m.br(c.bodyLabels.includes(c.exitLabel!) ? exit : c.exitLabel!));
  return m.block(exit, stmts);
}

// ── the pass ─────────────────────────────────────────────────────────────────────────────────────────

/** Unroll the innermost counted loops of every function (at `mode.minDepth` or deeper); returns what it did. */
export function unrollModule(m: Module, api: Api, mode: UnrollMode): UnrollStats {
  const minDepth = mode.minDepth ?? 1;
  const stats: UnrollStats = { innermost: 0, unrolled: 0, refused: {} };
  const count = (reason: string) => void (stats.refused[reason] = (stats.refused[reason] ?? 0) + 1);
  for (const fn of definedFunctions(m, api)) {
    // Find the innermost loops first (a loop is innermost if nothing below it is a loop).
    const found: Array<{ place: Place; ancestors: Ref[]; depth: number }> = [];
    const hasLoopBelow: boolean[] = [];
    let names: LabelNames;
    try {
      const root = bodyPlace(api, fn.ref);
      walk(api, root, (p) => {
        if (api.getExpressionId(p.ref) === api.LoopId) hasLoopBelow.push(false);
      }, (p, ancestors) => {
        if (api.getExpressionId(p.ref) !== api.LoopId) return;
        const below = hasLoopBelow.pop()!;
        if (!below) found.push({ place: p, ancestors: [...ancestors], depth: 1 + ancestors.filter((a) => api.getExpressionId(a) === api.LoopId).length });
        if (hasLoopBelow.length) hasLoopBelow[hasLoopBelow.length - 1] = true;
      });
      names = new LabelNames(labelsIn(api, root.ref));
    } catch (e) {
      if (e instanceof UnknownExpression) {
        count('unsupported-expression');
        continue;
      }
      throw e;
    }
    for (const { place, ancestors, depth } of found) {
      stats.innermost++;
      try {
        if (depth < minDepth) refuse('depth');
        const c = analyse(m, api, place.ref);
        const size = c.body.reduce((n, s) => n + treeSize(api, s), 0);
        if (size > MAX_BODY) refuse('too-big');
        const addLocal = (type: number) => (api as unknown as { _BinaryenFunctionAddVar(f: number, t: number): number })._BinaryenFunctionAddVar(fn.ref, type);
        const replacement = mode.kind === 'partial' ? partial(m, api, place.ref, c, mode.factor, names, addLocal) : full(m, api, place.ref, ancestors, c, mode.maxTrips, names);
        if (replacement === undefined) refuse('direction');
        place.set(replacement!);
        stats.unrolled++;
      } catch (e) {
        if (e instanceof Refusal) count(e.message);
        else throw e;
      }
    }
  }
  return stats;
}

function factor(arg: string | undefined, allowed: readonly number[], what: string): number {
  const n = Number(arg);
  if (!allowed.includes(n)) throw new Error(`${what} must be one of ${allowed.join(', ')}, got ${String(arg)}`);
  return n;
}

export const UNROLL_FACTORS = ['2', '4', '8'] as const;
export const FULL_UNROLL_LIMITS = ['4', '8', '16'] as const;
/** The loop depth `wt-unroll-nested` requires: inside at least one other loop. */
export const NESTED_DEPTH = 2;

/** `wt-unroll:k`. */
export const unroll: ModulePass = (m, api, arg) => {
  unrollModule(m, api, { kind: 'partial', factor: factor(arg, UNROLL_FACTORS.map(Number), 'the unroll factor') });
};

/** `wt-unroll-nested:k`. */
export const unrollNested: ModulePass = (m, api, arg) => {
  unrollModule(m, api, { kind: 'partial', factor: factor(arg, UNROLL_FACTORS.map(Number), 'the unroll factor'), minDepth: NESTED_DEPTH });
};

/** `wt-unroll-full:n`. */
export const unrollFull: ModulePass = (m, api, arg) => {
  unrollModule(m, api, { kind: 'full', maxTrips: factor(arg, FULL_UNROLL_LIMITS.map(Number), 'the full-unroll limit') });
};
