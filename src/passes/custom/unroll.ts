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
 * A counted loop has an induction variable: an i32 or i64 local written exactly once per iteration, by
 * `i = i + s` with a constant step s (at the top level of the body, or as `local.tee` inside the exit
 * test), and a continue test comparing it with a bound of the same type that is a constant, an
 * immutable global, or a local the loop never writes. Three shapes are recognised, the ones clang,
 * AssemblyScript, hand-written WAT and Binaryen's own output use:
 *   do-while   `loop $L (S… (br_if $L (i' < n)))`, rotated loops from clang and Binaryen -O3;
 *   while-if   `loop $L (if (i < n) (then S… (br $L))))`, AssemblyScript's `for`;
 *   while-exit `loop $L (br_if $out (i >= n)) S… (br $L))`, the common hand-written form.
 * The test may be lt/le/gt/ge (signed or unsigned), ne, or `i` itself (an i32 countdown to zero), with
 * the operands in either order and through `i32.eqz` (and `i64.eqz` of an i64 variable: `i == 0`).
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
 * encloses (`depth`); loops with a value type; other shapes (several exit tests, an exit test in the
 * middle); a body that branches back to the loop or to the end of its own body (a `continue`: the
 * update could be skipped), while branches that leave the loop, `return`s and traps are fine (each copy
 * leaves exactly as the original iteration would); non-local induction variables (a global or a memory
 * cell, which a call or a store in the body may change too) and f32/f64 ones (rounding makes the trip
 * count depend on every addition), a variable written more than once, a step of 0 or above 2^16, a bound
 * the loop may change (a mutable global, a load, a call), and tests that do not move towards the bound
 * (e.g. `i < n` while i decreases; `==` as a continue test) since no cheap guard proves their trip
 * count; bodies above {@link MAX_BODY} expressions, or fully unrolled code above {@link MAX_FULL}; and
 * functions containing expression kinds the IR toolkit does not know (atomics, exceptions, GC).
 */
import type { ModulePass } from '../../binaryen/module.js';
import {
  LabelNames, UnknownExpression, allPlaces, bodyPlace, branchTargets, definedFunctions, definedLabel, i32Const, labelsIn,
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
/** A constant bound is held as a signed value of the variable's width. */
export type Bound = { kind: 'const'; value: bigint } | { kind: 'local'; index: number } | { kind: 'global'; name: string };
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

function readTest(api: Api, e: Ref): RawTest[] {
  const w = wrappers(api);
  const id = api.getExpressionId(e);
  if (id === api.UnaryId && w.Unary.getOp(e) === api.EqZInt32) {
    return readTest(api, w.Unary.getValue(e)).map((t) => ({ ...t, op: NEGATE[t.op] }));
  }
  // `i64.eqz x` is the test `x == 0` on an i64 value (which is never itself a test).
  if (id === api.UnaryId && w.Unary.getOp(e) === api.EqZInt64) return [{ op: 'eq', signed: false, x: w.Unary.getValue(e), other: undefined }];
  if (id === api.BinaryId) {
    const c = compareOps(api).get(w.Binary.getOp(e));
    if (!c) return [];
    const l = w.Binary.getLeft(e);
    const r = w.Binary.getRight(e);
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
  } else if (stmts.length >= 2 && isBreak(first) && w.Break.getCondition(first) && isBreak(last, name!) && !w.Break.getCondition(last) &&
    (!inside.has(w.Break.getName(first)) || bodyLabels.includes(w.Break.getName(first)))) {
    form = 'while-exit';
    exitLabel = w.Break.getName(first);
    testExpr = w.Break.getCondition(first);
    iter = stmts.slice(1, -1);
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

  const writes = localWrites(api, loop);
  const readings = readTest(api, testExpr).map((t) => (form === 'while-exit' ? { ...t, op: NEGATE[t.op] } : t));
  let reason = 'test';
  for (const t of readings) {
    const xid = api.getExpressionId(t.x);
    const iv = xid === api.LocalGetId ? w.LocalGet.getIndex(t.x) : xid === api.LocalSetId ? w.LocalSet.getIndex(t.x) : -1;
    const type = api.getExpressionType(t.x);
    if (iv < 0 || (type !== api.i32 && type !== api.i64)) continue;
    const bits: Bits = type === api.i64 ? 64 : 32;
    const ivWrites = writes.get(iv) ?? [];
    if (ivWrites.length !== 1) {
      reason = 'induction-variable';
      continue;
    }
    const update = ivWrites[0]!;
    let updateInTest: Ref | undefined;
    if (xid === api.LocalSetId) {
      // `local.tee $i (i + s)` inside the test: only a bottom test sees the value after the update.
      if (form !== 'do-while' || !w.LocalSet.isTee(t.x)) continue;
      updateInTest = w.LocalSet.getValue(t.x);
    } else if (!iter.includes(update) || w.LocalSet.isTee(update)) {
      // The update must be a statement of its own at the top of the body, so nothing can skip it.
      reason = 'induction-variable';
      continue;
    }
    const step = stepOf(api, w.LocalSet.getValue(update), iv);
    if (step === undefined || step === 0 || Math.abs(step) > MAX_STEP) {
      reason = 'step';
      continue;
    }
    let bound: Bound;
    if (t.other === undefined) bound = { kind: 'const', value: 0n };
    else if (intConst(api, t.other) !== undefined) bound = { kind: 'const', value: intConst(api, t.other)! };
    else if (api.getExpressionId(t.other) === api.LocalGetId && w.LocalGet.getIndex(t.other) !== iv && !writes.has(w.LocalGet.getIndex(t.other))) {
      bound = { kind: 'local', index: w.LocalGet.getIndex(t.other) };
    } else if (api.getExpressionId(t.other) === api.GlobalGetId && !api.getGlobalInfo(m.getGlobal(w.GlobalGet.getName(t.other))).mutable) {
      bound = { kind: 'global', name: w.GlobalGet.getName(t.other) };
    } else {
      reason = 'bound';
      continue;
    }
    return {
      form, bits, body: iter, iv, step, test: { op: t.op, signed: t.signed, bound }, testExpr, bodyLabels,
      ...(updateInTest !== undefined ? { updateInTest } : {}), ...(exitLabel !== undefined ? { exitLabel } : {}),
    };
  }
  return refuse(reason);
}

// ── partial unrolling ────────────────────────────────────────────────────────────────────────────────

/**
 * The main loop's hand-over test: an i32 condition that is false only if the loop's test continues for
 * the variable's values i + j·s, for every j in 0…jMax (i: its value now). When it is true, the original
 * loop runs the rest. Undefined when no such cheap test exists.
 */
export function handOver(m: Module, api: Api, c: CountedLoop, jMax: number): Ref | undefined {
  if (c.bits === 64) return handOver64(m, api, c, jMax);
  const { op, signed, bound } = c.test;
  const i = () => m.local.get(c.iv, api.i32);
  const b32 = () => (bound.kind === 'const' ? m.i32.const(Number(bound.value)) : bound.kind === 'local' ? m.local.get(bound.index, api.i32) : m.global.get(bound.name, api.i32));
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
  const b = () => (bound.kind === 'const' ? m.i64.const(bound.value) : bound.kind === 'local' ? m.local.get(bound.index, api.i64) : m.global.get(bound.name, api.i64));
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
  for (let n = 0; n < count; n++) {
    for (const s of c.body) {
      const copy = m.copyExpression(s);
      renameLabels(api, copy, names);
      retarget(api, copy, leave);
      out.push(copy);
    }
    if (c.updateInTest !== undefined && (n < count - 1 || updateAfterLast)) out.push(m.local.set(c.iv, m.copyExpression(c.updateInTest)));
  }
  return out;
}

function partial(m: Module, api: Api, loop: Ref, c: CountedLoop, k: number, names: LabelNames): Ref | undefined {
  const w = wrappers(api);
  const check = handOver(m, api, c, k - 1);
  if (check === undefined) return undefined;
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
  return m.block(exit, [first, loop]);
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
        const replacement = mode.kind === 'partial' ? partial(m, api, place.ref, c, mode.factor, names) : full(m, api, place.ref, ancestors, c, mode.maxTrips, names);
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
