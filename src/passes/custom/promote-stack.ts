/**
 * `wt-promote-stack`: stack-slot promotion. C, C++ and Rust built at -O0/-O1 keep their locals in a
 * frame in linear memory: a function reads the stack-pointer global, subtracts the frame size, writes
 * the result back when it makes calls (so callees allocate below it) and restores it on exit, and every
 * local variable is a load or store at a constant offset from a Wasm local holding the frame base. This
 * pass turns each such slot into a fresh Wasm local and, when no slot is left in memory, removes the
 * stack-pointer adjustment (the allocation and every restore). Binaryen misses it because to Binaryen
 * these are ordinary memory accesses: it has no notion of a stack pointer, nor of a frame no one else
 * can see, so it cannot know that no other pointer and no callee reads those bytes (and V8 does no
 * escape analysis on linear memory). Everything is proved from the IR, without names, so stripped
 * modules work: the stack pointer is the mutable i32 global that functions read and lower by a constant
 * in their straight-line entry code (`__stack_pointer` when names survive); values are tracked as
 * "entry stack pointer + k" through locals (all writes of such a local must agree and no read may come
 * before a write on any path), through `i32.add`/`i32.sub` with constants and through memarg offsets.
 * It refuses a whole function, leaving it untouched, when the frame address escapes in any way (stored
 * to memory, passed to a call, compared, selected, returned, combined in any other arithmetic, kept in
 * a local it cannot track, written to a global), when the stack pointer is read after the entry code
 * (alloca) or set to anything but the allocation and the restore, when a call may run after a restore,
 * when an access falls above the entry stack pointer or, in a function with calls, below the reserved
 * frame, and when the function holds an instruction it does not model (atomics, SIMD, exceptions, tail
 * calls, GC); it does nothing in a module with several memories or 64-bit memory, and nothing at all if
 * some function accesses memory above its entry stack pointer (it might read its caller's frame). In an
 * accepted function it keeps a slot in memory when its accesses disagree in offset, width or type
 * (punning, partial overlap, v128) or when a load may run before any store to it (uninitialised stack,
 * whose contents a local could not reproduce). Narrow slots keep the zero-extended value in the local
 * and `load*_s` is emulated exactly (`extendN_s`, or shifts without the sign-extension feature). It
 * relies on the C ABI: callees touch memory only below the stack pointer they receive or through
 * pointers they are given. Two things change that only code relying on unspecified or undefined
 * behaviour can observe: a frame access that would trap on stack overflow no longer exists, and
 * removing a frame moves the frames of callees up by its size (outputs that depend on stack addresses
 * or on uninitialised stack could differ). The now-dead frame arithmetic is left to Binaryen's
 * `simplify-locals` and `vacuum`.
 *
 * `wt-promote-stack-fn:r` (r ∈ 0…3) does the same to one function only, so a search can promote some
 * frames and keep others. Candidates are the functions the pass would change (accepted, with at least
 * one slot to promote or a frame to remove); they are ranked by the number of frame-slot loads and
 * stores the promotion turns into local accesses that sit inside a loop of the function (more first),
 * then by all such accesses (more first), then by function index. r picks the r-th; with fewer
 * candidates nothing changes. The ranking depends only on the module, so `wt-promote-stack-fn:0` always
 * means "the function whose loops touch its frame most". Refusals are the whole pass's, module-wide
 * ones included: in a module where some function accesses memory above its entry stack pointer there
 * are no candidates.
 */
import type { ModulePass } from '../../binaryen/module.js';

type Module = Parameters<ModulePass>[0];
type Api = Parameters<ModulePass>[1];
type Ref = number;

type Put = (e: Ref, child: Ref) => void;
type PutAt = (e: Ref, i: number, child: Ref) => void;
type Get = (e: Ref) => Ref;
/** The expression wrapper statics this pass uses: present at runtime, missing from binaryen's typings. */
interface Wrappers {
  Block: { setChildAt: PutAt };
  If: { setCondition: Put; setIfTrue: Put; setIfFalse: Put };
  Loop: { setBody: Put };
  Break: { setValue: Put; setCondition: Put };
  Switch: { setValue: Put; setCondition: Put };
  Call: { setOperandAt: PutAt };
  CallIndirect: { setOperandAt: PutAt; setTarget: Put };
  LocalSet: { getValue: Get; setValue: Put };
  GlobalSet: { setValue: Put };
  Load: { getPtr: Get; setPtr: Put };
  Store: { getPtr: Get; getValue: Get; getValueType(e: Ref): number; setPtr: Put; setValue: Put };
  Unary: { setValue: Put };
  Binary: { setLeft: Put; setRight: Put };
  Select: { setIfTrue: Put; setIfFalse: Put; setCondition: Put };
  Drop: { setValue: Put };
  Return: { setValue: Put };
  MemoryGrow: { setDelta: Put };
  MemoryCopy: { setDest: Put; setSource: Put; setSize: Put };
  MemoryFill: { setDest: Put; setValue: Put; setSize: Put };
  Function: { getBody(f: number): Ref; setBody(f: number, body: Ref): void; getParams(f: number): number; getNumLocals(f: number): number };
  _BinaryenFunctionAddVar(f: number, type: number): number;
}

function w(api: Api): Wrappers {
  return api as unknown as Wrappers;
}

/** The fields of `getExpressionInfo` this pass reads; which are present depends on the expression id. */
interface ExprInfo {
  id: number;
  type: number;
  children?: Ref[];
  condition?: Ref;
  ifTrue?: Ref;
  ifFalse?: Ref;
  body?: Ref;
  value?: Ref;
  ptr?: Ref;
  left?: Ref;
  right?: Ref;
  operands?: Ref[];
  target?: Ref | string;
  dest?: Ref;
  source?: Ref;
  size?: Ref;
  delta?: Ref;
  index?: number;
  isTee?: boolean;
  isReturn?: boolean;
  isAtomic?: boolean;
  isSigned?: boolean;
  name?: string;
  offset?: number;
  bytes?: number;
  op?: number;
}

/** A node of the function's expression tree, with what the analysis computed for it. */
interface Node {
  readonly ref: Ref;
  readonly id: number;
  readonly info: ExprInfo;
  readonly parent: Node | undefined;
  /** Position among the parent's children (for a block: the statement index). */
  readonly slot: number;
  readonly children: Node[];
  /** Put another expression in this node's place in its parent. */
  readonly replace: (by: Ref) => void;
  /** In the straight-line code the function starts with (where the stack pointer is tracked). */
  entry: boolean;
  val: Val;
}

/** Abstract i32 values: a constant, or the stack pointer's value on entry plus `k` bytes. */
type Val =
  | { readonly kind: 'bottom' }
  | { readonly kind: 'const'; readonly c: number }
  | { readonly kind: 'stack'; readonly k: number }
  | { readonly kind: 'top' };

const BOTTOM: Val = { kind: 'bottom' };
const TOP: Val = { kind: 'top' };
/** Frames larger than this (bytes) are not real C frames; refuse rather than reason about wrapping. */
const MAX_FRAME = 1 << 24;

function sameVal(a: Val, b: Val): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'const') return a.c === (b as typeof a).c;
  if (a.kind === 'stack') return a.k === (b as typeof a).k;
  return true;
}

function join(a: Val, b: Val): Val {
  if (a.kind === 'bottom') return b;
  if (b.kind === 'bottom') return a;
  return sameVal(a, b) ? a : TOP;
}

function stack(k: number): Val {
  return Math.abs(k) > MAX_FRAME ? TOP : { kind: 'stack', k };
}

const ABOVE_ENTRY = 'access above the entry stack pointer';

/** Thrown while building or checking a function: the function is left exactly as it was. */
class Refusal extends Error {}

/** What the pass did to one function that uses the stack pointer. */
export interface FunctionPromotion {
  readonly name: string;
  /** 'skipped': promotable, but `wt-promote-stack-fn` chose another function. */
  readonly outcome: 'promoted' | 'unchanged' | 'refused' | 'skipped';
  /** Why the function was refused (outcome 'refused'). */
  readonly reason?: string;
  /** Slots (distinct offset ranges) turned into locals. */
  readonly slotsPromoted: number;
  /** Slots left in memory, because their accesses disagree or a load may read uninitialised stack. */
  readonly slotsKept: number;
  /** The stack-pointer adjustment (allocation and restores) was removed. */
  readonly frameRemoved: boolean;
}

/** A function `wt-promote-stack-fn` may choose, with the facts the ranking uses. */
export interface PromotionCandidate {
  readonly name: string;
  readonly index: number;
  /** Frame-slot loads and stores that become local accesses, inside a loop of the function. */
  readonly accessesInLoops: number;
  /** All frame-slot loads and stores that become local accesses. */
  readonly accesses: number;
}

export interface StackPromotionReport {
  /** The global recognised as the stack pointer, or undefined when there is none. */
  readonly stackPointer: string | undefined;
  readonly functions: readonly FunctionPromotion[];
  /** The functions promotion changes, in the order `wt-promote-stack-fn:r` picks from. */
  readonly ranking: readonly PromotionCandidate[];
}

export const PROMOTE_RANKS = ['0', '1', '2', '3'] as const;

/** `wt-promote-stack`: every function. */
export const promoteStack: ModulePass = (m, api) => {
  promoteStackSlots(m, api);
};

/** `wt-promote-stack-fn:r`: only the r-th ranked function. */
export const promoteStackFunction: ModulePass = (m, api, arg) => {
  if (!(PROMOTE_RANKS as readonly string[]).includes(String(arg))) throw new Error(`the promotion rank must be one of ${PROMOTE_RANKS.join(', ')}, got ${String(arg)}`);
  promoteStackSlots(m, api, { rank: Number(arg) });
};

/**
 * Run the pass and say, per function, what it promoted or why it refused. With `rank`, only the
 * function of that rank in {@link StackPromotionReport.ranking} is changed (none when there are fewer).
 */
export function promoteStackSlots(m: Module, api: Api, options: { rank?: number } = {}): StackPromotionReport {
  if ((m.getFeatures() & (api.Features.MultiMemory | api.Features.Memory64)) !== 0 || !m.hasMemory()) {
    return { stackPointer: undefined, functions: [], ranking: [] };
  }
  const sp = findStackPointer(m, api);
  if (sp === undefined) return { stackPointer: undefined, functions: [], ranking: [] };
  const analysed: Array<{ name: string; index: number; func: number; result: Analysis }> = [];
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const func = m.getFunctionByIndex(i);
    const info = api.getFunctionInfo(func);
    if (info.module || !info.body) continue;
    const result = analyseFunction(api, func, sp);
    if (result.kind !== 'none') analysed.push({ name: info.name, index: i, func, result });
  }
  // A function that reads or writes above its entry stack pointer may read its caller's frame: then no
  // frame in the module is private, and nothing is promoted.
  const intruder = analysed.find((a) => a.result.kind === 'refused' && a.result.reason === ABOVE_ENTRY);
  const plans = new Map<string, Plan>();
  const ranking: PromotionCandidate[] = [];
  if (!intruder) {
    for (const { name, index, result } of analysed) {
      if (result.kind !== 'frame') continue;
      const p = plan(api, result.frame);
      plans.set(name, p);
      if (p.chosen.length === 0 && !p.frameRemoved) continue;
      const promoted = p.chosen.flatMap((slot) => slot.accesses);
      ranking.push({ name, index, accesses: promoted.length, accessesInLoops: promoted.filter((a) => inLoop(api, a.node)).length });
    }
    ranking.sort((a, b) => b.accessesInLoops - a.accessesInLoops || b.accesses - a.accesses || a.index - b.index);
  }
  const only = options.rank === undefined ? undefined : (ranking[options.rank]?.name ?? null);
  const functions: FunctionPromotion[] = [];
  for (const { name, func, result } of analysed) {
    if (result.kind === 'refused' || intruder) {
      const reason = result.kind === 'refused' ? result.reason : `${intruder!.name} accesses memory above its entry stack pointer`;
      functions.push({ name, outcome: 'refused', reason, slotsPromoted: 0, slotsKept: 0, frameRemoved: false });
    } else if (result.kind === 'frame') {
      const p = plans.get(name)!;
      if (only === undefined || only === name) functions.push({ name, ...rewrite(m, api, func, p) });
      else functions.push({ name, outcome: p.chosen.length || p.frameRemoved ? 'skipped' : 'unchanged', slotsPromoted: 0, slotsKept: 0, frameRemoved: false });
    }
  }
  return { stackPointer: sp, functions, ranking };
}

function inLoop(api: Api, n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.id === api.LoopId) return true;
  return false;
}

// ── the expression tree ─────────────────────────────────────────────────────────────────────────────

/** The expression kinds {@link childSlots} knows. */
const MODELLED = new Set(['Nop', 'Const', 'LocalGet', 'GlobalGet', 'Unreachable', 'MemorySize', 'Block', 'If', 'Loop', 'Break', 'Switch', 'Call', 'CallIndirect', 'LocalSet', 'GlobalSet', 'Load', 'Store', 'Unary', 'Binary', 'Select', 'Drop', 'Return', 'MemoryGrow', 'MemoryCopy', 'MemoryFill']);

/** Children of an expression in evaluation order, each with a setter; undefined for ids not modelled. */
function childSlots(api: Api, ref: Ref, info: ExprInfo): Array<[Ref, (r: Ref) => void]> | undefined {
  const id = info.id;
  const some = (...xs: Array<[Ref | undefined, (r: Ref) => void]>) => xs.filter((x): x is [Ref, (r: Ref) => void] => !!x[0]);
  switch (id) {
    case api.NopId:
    case api.ConstId:
    case api.LocalGetId:
    case api.GlobalGetId:
    case api.UnreachableId:
    case api.MemorySizeId:
      return [];
    case api.BlockId:
      return (info.children ?? []).map((c, i) => [c, (r: Ref) => w(api).Block.setChildAt(ref, i, r)]);
    case api.IfId:
      return some([info.condition, (r) => w(api).If.setCondition(ref, r)], [info.ifTrue, (r) => w(api).If.setIfTrue(ref, r)], [info.ifFalse, (r) => w(api).If.setIfFalse(ref, r)]);
    case api.LoopId:
      return some([info.body, (r) => w(api).Loop.setBody(ref, r)]);
    case api.BreakId:
      return some([info.value, (r) => w(api).Break.setValue(ref, r)], [info.condition, (r) => w(api).Break.setCondition(ref, r)]);
    case api.SwitchId:
      return some([info.value, (r) => w(api).Switch.setValue(ref, r)], [info.condition, (r) => w(api).Switch.setCondition(ref, r)]);
    case api.CallId:
      if (info.isReturn) return undefined;
      return (info.operands ?? []).map((c, i) => [c, (r: Ref) => w(api).Call.setOperandAt(ref, i, r)]);
    case api.CallIndirectId:
      if (info.isReturn || typeof info.target !== 'number') return undefined;
      return [
        ...(info.operands ?? []).map((c, i): [Ref, (r: Ref) => void] => [c, (r) => w(api).CallIndirect.setOperandAt(ref, i, r)]),
        [info.target, (r) => w(api).CallIndirect.setTarget(ref, r)],
      ];
    case api.LocalSetId:
      return some([info.value, (r) => w(api).LocalSet.setValue(ref, r)]);
    case api.GlobalSetId:
      return some([info.value, (r) => w(api).GlobalSet.setValue(ref, r)]);
    case api.LoadId:
      if (info.isAtomic) return undefined;
      return some([info.ptr, (r) => w(api).Load.setPtr(ref, r)]);
    case api.StoreId:
      if (info.isAtomic) return undefined;
      return some([info.ptr, (r) => w(api).Store.setPtr(ref, r)], [info.value, (r) => w(api).Store.setValue(ref, r)]);
    case api.UnaryId:
      return some([info.value, (r) => w(api).Unary.setValue(ref, r)]);
    case api.BinaryId:
      return some([info.left, (r) => w(api).Binary.setLeft(ref, r)], [info.right, (r) => w(api).Binary.setRight(ref, r)]);
    case api.SelectId:
      return some([info.ifTrue, (r) => w(api).Select.setIfTrue(ref, r)], [info.ifFalse, (r) => w(api).Select.setIfFalse(ref, r)], [info.condition, (r) => w(api).Select.setCondition(ref, r)]);
    case api.DropId:
      return some([info.value, (r) => w(api).Drop.setValue(ref, r)]);
    case api.ReturnId:
      return some([info.value, (r) => w(api).Return.setValue(ref, r)]);
    case api.MemoryGrowId:
      return some([info.delta, (r) => w(api).MemoryGrow.setDelta(ref, r)]);
    case api.MemoryCopyId:
      return some([info.dest, (r) => w(api).MemoryCopy.setDest(ref, r)], [info.source, (r) => w(api).MemoryCopy.setSource(ref, r)], [info.size, (r) => w(api).MemoryCopy.setSize(ref, r)]);
    case api.MemoryFillId:
      return some([info.dest, (r) => w(api).MemoryFill.setDest(ref, r)], [info.value, (r) => w(api).MemoryFill.setValue(ref, r)], [info.size, (r) => w(api).MemoryFill.setSize(ref, r)]);
    default:
      return undefined;
  }
}

/** The function body as a tree; `order` lists the nodes in evaluation (post-)order. */
function buildTree(api: Api, func: number): { root: Node; order: Node[] } {
  const order: Node[] = [];
  const visit = (ref: Ref, parent: Node | undefined, slot: number, replace: (r: Ref) => void): Node => {
    const id = api.getExpressionId(ref);
    if (!MODELLED.has(kindName(api, id))) throw new Refusal(`unmodelled expression ${kindName(api, id)}`);
    // getExpressionInfo throws on the kinds without fields.
    const bare = id === api.NopId || id === api.UnreachableId;
    const info = (bare ? { id, type: api.getExpressionType(ref) } : api.getExpressionInfo(ref)) as unknown as ExprInfo;
    const slots = childSlots(api, ref, info);
    if (!slots) throw new Refusal(`unmodelled expression ${kindName(api, id)}`);
    const node: Node = { ref, id: info.id, info, parent, slot, children: [], replace, entry: false, val: BOTTOM };
    slots.forEach(([child, set], i) => node.children.push(visit(child, node, i, set)));
    order.push(node);
    return node;
  };
  const root = visit(w(api).Function.getBody(func), undefined, 0, (r) => w(api).Function.setBody(func, r));
  return { root, order };
}

function* subtree(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) yield* subtree(c);
}

// ── analysis ────────────────────────────────────────────────────────────────────────────────────────

interface Access {
  readonly node: Node;
  readonly store: boolean;
  /** Byte offset from the entry stack pointer. */
  readonly rel: number;
  readonly bytes: number;
  /** The value type (a store's value, a load's result). */
  readonly type: number;
  readonly signed: boolean;
}

interface Frame {
  readonly root: Node;
  readonly accesses: readonly Access[];
  /** Every `global.set` of the stack pointer (the allocation and the restores). */
  readonly spSets: readonly Node[];
}

type Analysis = { kind: 'none' } | { kind: 'refused'; reason: string } | { kind: 'frame'; frame: Frame };

/** Kinds allowed in the straight-line entry code: no control flow, no calls. */
function isStraight(api: Api, id: number): boolean {
  return (
    id === api.NopId ||
    id === api.ConstId ||
    id === api.LocalGetId ||
    id === api.LocalSetId ||
    id === api.GlobalGetId ||
    id === api.GlobalSetId ||
    id === api.LoadId ||
    id === api.StoreId ||
    id === api.UnaryId ||
    id === api.BinaryId ||
    id === api.SelectId ||
    id === api.DropId
  );
}

function allStraight(api: Api, n: Node): boolean {
  for (const x of subtree(n)) if (!isStraight(api, x.id)) return false;
  return true;
}

/** Keys defined on every path to a point; `null` where the point is unreachable (everything holds). */
type Defined = ReadonlySet<number> | null;

function meet(a: Defined, b: Defined): Defined {
  if (a === null) return b;
  if (b === null) return a;
  return new Set([...a].filter((x) => b.has(x)));
}

/**
 * A forward must-analysis over the structured control flow: the uses whose key may not have been
 * defined yet when they run. Definitions never go away, so a loop is entered with its entry state (a
 * back edge only carries more), a block ends with the meet of its fallthrough and of every branch to
 * its label, and code after `br`, `br_table`, `return` or `unreachable` is unreachable.
 */
function undefinedUses(api: Api, root: Node, defKey: (n: Node) => number | undefined, useKey: (n: Node) => number | undefined): Set<Node> {
  const bad = new Set<Node>();
  const targets: Array<{ name: string; state: Defined }> = [];
  const branchTo = (name: string, state: Defined) => {
    for (let i = targets.length - 1; i >= 0; i--) {
      const t = targets[i]!;
      if (t.name === name) {
        t.state = meet(t.state, state);
        return;
      }
    }
  };
  const flow = (n: Node, state: Defined): Defined => {
    const id = n.id;
    let s = state;
    if (id === api.BlockId) {
      const scope = { name: n.info.name ?? '', state: null as Defined };
      if (scope.name) targets.push(scope);
      for (const c of n.children) s = flow(c, s);
      if (scope.name) targets.pop();
      return meet(s, scope.state);
    }
    if (id === api.LoopId) {
      // A branch to a loop's label goes back to its start: it adds nothing to the state after the loop.
      const scope = { name: n.info.name ?? '', state: null as Defined };
      if (scope.name) targets.push(scope);
      s = flow(n.children[0]!, s);
      if (scope.name) targets.pop();
      return s;
    }
    if (id === api.IfId) {
      const c = flow(n.children[0]!, s);
      const t = flow(n.children[1]!, c);
      const f = n.children[2] ? flow(n.children[2], c) : c;
      return meet(t, f);
    }
    for (const c of n.children) s = flow(c, s);
    if (id === api.BreakId) {
      branchTo(n.info.name!, s);
      return n.info.condition ? s : null;
    }
    if (id === api.SwitchId) {
      const info = n.info as ExprInfo & { names?: string[]; defaultName?: string };
      for (const name of [...(info.names ?? []), info.defaultName ?? '']) branchTo(name, s);
      return null;
    }
    if (id === api.ReturnId || id === api.UnreachableId) return null;
    const use = useKey(n);
    if (use !== undefined && s !== null && !s.has(use)) bad.add(n);
    const def = defKey(n);
    if (def !== undefined && s !== null && !s.has(def)) s = new Set(s).add(def);
    return s;
  };
  flow(root, new Set());
  return bad;
}

/**
 * After a restore of the stack pointer, can a call run before the function returns? Only straight-line
 * code (no calls, no branches) may follow it on the way out.
 */
function exitsCleanly(api: Api, restore: Node): boolean {
  for (let cur = restore; cur.parent; cur = cur.parent) {
    const p = cur.parent;
    if (p.id === api.ReturnId) return true;
    if (p.id === api.BlockId || isStraight(api, p.id)) {
      for (const next of p.children.slice(cur.slot + 1)) {
        if (next.id === api.ReturnId && next.children.every((c) => allStraight(api, c))) return true;
        if (!allStraight(api, next)) return false;
      }
      continue;
    }
    // An `if` arm or a loop body that completes falls out of the if / loop.
    const isArm = p.id === api.IfId && cur.slot > 0;
    if (!isArm && p.id !== api.LoopId) return false;
  }
  return true;
}

class FunctionAnalysis {
  private readonly locals: number[];
  private readonly numParams: number;
  /** Per local: the abstract value every write agrees on. */
  private env: Val[] = [];
  private readonly forcedTop = new Set<number>();
  private readonly sets = new Map<number, Node[]>();
  private readonly gets = new Map<number, Node[]>();
  private readonly spGets: Node[] = [];
  private readonly spSets: Node[] = [];
  /** The stack pointer's value at the end of the entry code, relative to entry. */
  private spAtEntryEnd: Val = stack(0);

  constructor(
    private readonly api: Api,
    private readonly root: Node,
    private readonly order: readonly Node[],
    private readonly sp: string,
    func: number,
  ) {
    this.numParams = api.expandType(w(api).Function.getParams(func)).length;
    this.locals = Array.from({ length: w(api).Function.getNumLocals(func) }, (_, i) => i);
    for (const n of order) {
      if (n.id === api.LocalSetId) push(this.sets, n.info.index!, n);
      else if (n.id === api.LocalGetId) push(this.gets, n.info.index!, n);
      else if (n.id === api.GlobalGetId && n.info.name === sp) this.spGets.push(n);
      else if (n.id === api.GlobalSetId && n.info.name === sp) this.spSets.push(n);
    }
    this.markEntry();
  }

  run(): Analysis {
    const { api } = this;
    if (this.spGets.length === 0) return { kind: 'none' };
    this.solve();
    // Accesses first, all of them: one above the entry stack pointer concerns the whole module.
    const accesses: Access[] = [];
    let escape: string | undefined;
    for (const n of this.order) {
      if (n.val.kind !== 'stack') continue;
      const why = this.escapes(n, accesses);
      escape ??= why;
    }
    if (accesses.some((a) => a.rel + a.bytes > 0)) return refuse(ABOVE_ENTRY);
    if (escape) return refuse(`frame address escapes (${escape})`);
    for (const g of this.spGets) if (!g.entry) return refuse('stack pointer read after the entry code');
    for (const s of this.spSets) {
      const v = s.children[0]!.val;
      if (s.entry) {
        if (v.kind !== 'stack' || v.k > 0) return refuse('stack pointer set to an untracked value');
      } else if (v.kind !== 'stack' || v.k !== 0) {
        return refuse('stack pointer set to something other than its entry value after the entry code');
      }
    }
    if (this.order.some((n) => n.id === api.CallId || n.id === api.CallIndirectId)) {
      // Callees use the memory below the stack pointer they get: the frame must be reserved, and stay so.
      const lowered = this.spAtEntryEnd.kind === 'stack' ? this.spAtEntryEnd.k : 0;
      if (accesses.some((a) => a.rel < lowered)) return refuse('access below the reserved frame in a function with calls');
      for (const s of this.spSets) if (!s.entry && !exitsCleanly(api, s)) return refuse('code with calls may run after the stack pointer is restored');
    }
    if (accesses.length === 0 && this.spSets.length === 0) return { kind: 'none' };
    return { kind: 'frame', frame: { root: this.root, accesses, spSets: this.spSets } };
  }

  /** Whether the entry code lowers the stack pointer and writes it back (valid after {@link run}). */
  lowersStackPointer(): boolean {
    return this.spSets.some((s) => s.entry && s.children[0]!.val.kind === 'stack' && (s.children[0]!.val as { k: number }).k < 0);
  }

  /** The straight-line statements the function starts with: where `global.get $sp` is the entry value. */
  private markEntry(): void {
    const { api, root } = this;
    const statements = root.id === api.BlockId ? root.children : [root];
    for (const s of statements) {
      if (!allStraight(api, s)) break;
      for (const n of subtree(s)) n.entry = true;
    }
  }

  /** Least fixpoint of the local values, then refine: locals that may be read before a write are untracked. */
  private solve(): void {
    const { api } = this;
    const unset = undefinedUses(api, this.root, (n) => (n.id === api.LocalSetId ? n.info.index : undefined), (n) => (n.id === api.LocalGetId ? n.info.index : undefined));
    for (const g of unset) this.forcedTop.add(g.info.index!);
    for (;;) {
      this.iterate();
      const demote: number[] = [];
      for (const l of this.locals) {
        if (this.forcedTop.has(l) || l < this.numParams) continue;
        const v = this.env[l]!;
        if (v.kind === 'top') continue;
        const sets = this.sets.get(l) ?? [];
        if (v.kind === 'bottom' || sets.some((s) => s.children[0]!.val.kind === 'bottom')) demote.push(l);
      }
      if (demote.length === 0) return;
      for (const l of demote) this.forcedTop.add(l);
    }
  }

  private iterate(): void {
    this.env = this.locals.map((l) => (l < this.numParams || this.forcedTop.has(l) ? TOP : BOTTOM));
    for (let changed = true; changed; ) {
      changed = false;
      let spNow: Val = stack(0);
      for (const n of this.order) {
        n.val = this.evaluate(n, spNow);
        if (n.id === this.api.GlobalSetId && n.info.name === this.sp && n.entry) spNow = n.children[0]!.val;
        if (n.id === this.api.LocalSetId) {
          const l = n.info.index!;
          const next = join(this.env[l]!, n.children[0]!.val);
          if (!sameVal(next, this.env[l]!)) {
            this.env[l] = next;
            changed = true;
          }
        }
      }
      this.spAtEntryEnd = spNow;
    }
  }

  private evaluate(n: Node, spNow: Val): Val {
    const { api } = this;
    switch (n.id) {
      case api.ConstId:
        return n.info.type === api.i32 ? { kind: 'const', c: (n.info as unknown as { value: number }).value | 0 } : TOP;
      case api.LocalGetId:
        return this.env[n.info.index!]!;
      case api.LocalSetId:
        return n.info.isTee ? n.children[0]!.val : TOP;
      case api.GlobalGetId:
        return n.info.name === this.sp && n.entry ? spNow : TOP;
      case api.BinaryId: {
        const add = n.info.op === api.AddInt32;
        if (!add && n.info.op !== api.SubInt32) return TOP;
        const a = n.children[0]!.val;
        const b = n.children[1]!.val;
        if (a.kind === 'bottom' || b.kind === 'bottom') return BOTTOM;
        if (a.kind === 'const' && b.kind === 'const') return { kind: 'const', c: add ? (a.c + b.c) | 0 : (a.c - b.c) | 0 };
        if (a.kind === 'stack' && b.kind === 'const') return stack(add ? a.k + b.c : a.k - b.c);
        if (add && a.kind === 'const' && b.kind === 'stack') return stack(b.k + a.c);
        return TOP;
      }
      default:
        return TOP;
    }
  }

  /** Why a stack address escapes through its parent, or undefined; records the access it is the base of. */
  private escapes(n: Node, accesses: Access[]): string | undefined {
    const { api } = this;
    const p = n.parent;
    if (!p) return 'returned';
    const k = (n.val as { k: number }).k;
    switch (p.id) {
      case api.LoadId:
        accesses.push({ node: p, store: false, rel: k + p.info.offset!, bytes: p.info.bytes!, type: p.info.type, signed: !!p.info.isSigned });
        return undefined;
      case api.StoreId:
        if (n.slot !== 0) return 'stored to memory';
        accesses.push({ node: p, store: true, rel: k + p.info.offset!, bytes: p.info.bytes!, type: w(api).Store.getValueType(p.ref), signed: false });
        return undefined;
      case api.LocalSetId:
        return this.env[p.info.index!]!.kind === 'stack' ? undefined : 'kept in an untracked local';
      case api.BinaryId:
        return p.val.kind === 'stack' ? undefined : 'used in arithmetic';
      case api.GlobalSetId:
        return p.info.name === this.sp ? undefined : 'written to a global';
      case api.DropId:
        return undefined;
      case api.CallId:
      case api.CallIndirectId:
        return 'passed to a call';
      default:
        return `operand of ${kindName(api, p.id)}`;
    }
  }
}

const kindNames = new WeakMap<Api, Map<number, string>>();

/** The name of an expression id (`Select` for `api.SelectId`). */
function kindName(api: Api, id: number): string {
  let names = kindNames.get(api);
  if (!names) {
    names = new Map();
    for (const [k, v] of Object.entries(api)) if (k.endsWith('Id') && typeof v === 'number' && !names.has(v)) names.set(v, k.slice(0, -2));
    kindNames.set(api, names);
  }
  return names.get(id) ?? `expression id ${id}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const xs = map.get(key);
  if (xs) xs.push(value);
  else map.set(key, [value]);
}

function refuse(reason: string): Analysis {
  return { kind: 'refused', reason };
}

function analyseFunction(api: Api, func: number, sp: string): Analysis {
  try {
    const { root, order } = buildTree(api, func);
    return new FunctionAnalysis(api, root, order, sp, func).run();
  } catch (e) {
    if (e instanceof Refusal) return refuse(e.message);
    throw e;
  }
}

// ── the stack pointer ───────────────────────────────────────────────────────────────────────────────

/**
 * The stack pointer: among mutable i32 globals, one named `__stack_pointer` if names survived; else the
 * one that functions lower in their entry code and write back (unique, or clearly the most used); else,
 * in a module whose functions are all leaves, the one global that is read-and-lowered as a frame base,
 * provided nothing writes it and it is neither imported nor exported (so only the stack can be there).
 */
function findStackPointer(m: Module, api: Api): string | undefined {
  const candidates: Array<{ name: string; imported: boolean }> = [];
  for (let i = 0; i < m.getNumGlobals(); i++) {
    const g = api.getGlobalInfo(m.getGlobalByIndex(i));
    if (g.mutable && g.type === api.i32) candidates.push({ name: g.name, imported: !!g.module });
  }
  if (candidates.length === 0) return undefined;
  const named = candidates.find((c) => c.name === '__stack_pointer');
  if (named) return named.name;

  const exported = new Set<string>();
  for (let i = 0; i < m.getNumExports(); i++) {
    const e = api.getExportInfo(m.getExportByIndex(i));
    if (e.kind === api.ExternalGlobal) exported.add(e.value);
  }
  const lowered = new Map<string, number>();
  const framed = new Map<string, number>();
  const written = new Set<string>();
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const func = m.getFunctionByIndex(i);
    if (api.getFunctionInfo(func).module) continue;
    let tree: { root: Node; order: Node[] };
    try {
      tree = buildTree(api, func);
    } catch (e) {
      if (e instanceof Refusal) continue;
      throw e;
    }
    const names = new Set<string>();
    for (const n of tree.order) {
      if (n.id === api.GlobalGetId) names.add(n.info.name!);
      if (n.id === api.GlobalSetId) written.add(n.info.name!);
    }
    for (const c of candidates) {
      if (!names.has(c.name)) continue;
      const a = new FunctionAnalysis(api, tree.root, tree.order, c.name, func);
      const r = a.run();
      if (a.lowersStackPointer()) lowered.set(c.name, (lowered.get(c.name) ?? 0) + 1);
      if (r.kind === 'frame') framed.set(c.name, (framed.get(c.name) ?? 0) + 1);
    }
  }
  const best = (counts: Map<string, number>): string | undefined => {
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    if (sorted.length === 0 || (sorted.length > 1 && sorted[1]![1] === sorted[0]![1])) return undefined;
    return sorted[0]![0];
  };
  if (lowered.size) return best(lowered);
  const leafOnly = new Map([...framed].filter(([name]) => !written.has(name) && !exported.has(name) && !candidates.find((c) => c.name === name)!.imported));
  return leafOnly.size === 1 ? [...leafOnly.keys()][0] : undefined;
}

// ── rewriting ───────────────────────────────────────────────────────────────────────────────────────

interface Slot {
  readonly rel: number;
  readonly end: number;
  readonly accesses: Access[];
}

/** Accesses grouped into slots: maximal sets of overlapping byte ranges. */
function slotsOf(accesses: readonly Access[]): Slot[] {
  const sorted = [...accesses].sort((a, b) => a.rel - b.rel);
  const slots: Array<{ rel: number; end: number; accesses: Access[] }> = [];
  for (const a of sorted) {
    const last = slots[slots.length - 1];
    if (last && a.rel < last.end) {
      last.end = Math.max(last.end, a.rel + a.bytes);
      last.accesses.push(a);
    } else {
      slots.push({ rel: a.rel, end: a.rel + a.bytes, accesses: [a] });
    }
  }
  return slots;
}

/** Slots whose accesses all agree on offset, width and a scalar type. */
function uniform(api: Api, slot: Slot): boolean {
  const first = slot.accesses[0]!;
  if (first.type !== api.i32 && first.type !== api.i64 && first.type !== api.f32 && first.type !== api.f64) return false;
  return slot.accesses.every((a) => a.rel === first.rel && a.bytes === first.bytes && a.type === first.type);
}

/** The uniform slots none of whose loads can run before a store to the slot. */
function promotableSlots(api: Api, frame: Frame, slots: readonly Slot[]): Slot[] {
  const candidates = slots.filter((s) => uniform(api, s));
  const slotOf = new Map<Node, number>();
  candidates.forEach((s, i) => s.accesses.forEach((a) => slotOf.set(a.node, i)));
  const key = (store: boolean) => (n: Node) => (n.id === (store ? api.StoreId : api.LoadId) ? slotOf.get(n) : undefined);
  const early = new Set([...undefinedUses(api, frame.root, key(true), key(false))].map((n) => slotOf.get(n)!));
  return candidates.filter((_, i) => !early.has(i));
}

/** What promotion does to a function's frame: the slots, those promoted, and whether the frame goes. */
interface Plan {
  readonly frame: Frame;
  readonly slots: readonly Slot[];
  readonly chosen: readonly Slot[];
  readonly frameRemoved: boolean;
}

function plan(api: Api, frame: Frame): Plan {
  const slots = slotsOf(frame.accesses);
  const chosen = promotableSlots(api, frame, slots);
  return { frame, slots, chosen, frameRemoved: chosen.length === slots.length && frame.spSets.length > 0 };
}

function rewrite(m: Module, api: Api, func: number, { frame, slots, chosen, frameRemoved }: Plan): Omit<FunctionPromotion, 'name'> {
  const signExt = (m.getFeatures() & api.Features.SignExt) !== 0;
  const localOf = new Map<Access, number>();
  for (const s of chosen) {
    const first = s.accesses[0]!;
    const local = w(api)._BinaryenFunctionAddVar(func, first.type);
    for (const a of s.accesses) localOf.set(a, local);
  }
  // Children before parents: a store's value may hold a promoted load.
  const rewritten = [...localOf].sort(([a], [b]) => depth(b.node) - depth(a.node));
  for (const [a, local] of rewritten) {
    const ptr = a.store ? w(api).Store.getPtr(a.node.ref) : w(api).Load.getPtr(a.node.ref);
    const keep = hasTee(api, a.node.children[0]!) ? [m.drop(ptr)] : [];
    let expr: Ref;
    if (a.store) {
      expr = m.local.set(local, truncate(m, api, w(api).Store.getValue(a.node.ref), a.type, a.bytes));
      if (keep.length) expr = m.block(null, [...keep, expr], api.none);
    } else {
      expr = extend(m, api, m.local.get(local, a.type), a.type, a.bytes, a.signed, signExt);
      if (keep.length) expr = m.block(null, [...keep, expr], a.type);
    }
    a.node.replace(expr);
  }
  if (frameRemoved) {
    for (const s of frame.spSets) {
      const v = s.children[0]!;
      if (v.id === api.LocalSetId && v.info.isTee) s.replace(m.local.set(v.info.index!, w(api).LocalSet.getValue(v.ref)));
      else s.replace(hasTee(api, v) ? m.drop(v.ref) : m.nop());
    }
  }
  const outcome = chosen.length > 0 || frameRemoved ? 'promoted' : 'unchanged';
  return { outcome, slotsPromoted: chosen.length, slotsKept: slots.length - chosen.length, frameRemoved };
}

function depth(n: Node): number {
  let d = 0;
  for (let cur = n; cur.parent; cur = cur.parent) d++;
  return d;
}

function hasTee(api: Api, n: Node): boolean {
  for (const x of subtree(n)) if (x.id === api.LocalSetId) return true;
  return false;
}

/** What a narrow store keeps: the low `bytes` bytes, zero-extended. */
function truncate(m: Module, api: Api, value: Ref, type: number, bytes: number): Ref {
  if (type === api.i32 && bytes < 4) return m.i32.and(value, m.i32.const(bytes === 1 ? 0xff : 0xffff));
  if (type === api.i64 && bytes < 8) {
    return m.i64.and(value, m.i64.const((1n << BigInt(8 * bytes)) - 1n));
  }
  return value;
}

/** A narrow load of the zero-extended value the local holds: unsigned is the value itself. */
function extend(m: Module, api: Api, value: Ref, type: number, bytes: number, signed: boolean, signExt: boolean): Ref {
  if (!signed) return value;
  if (type === api.i32 && bytes < 4) {
    if (signExt) return bytes === 1 ? m.i32.extend8_s(value) : m.i32.extend16_s(value);
    const shift = 32 - 8 * bytes;
    return m.i32.shr_s(m.i32.shl(value, m.i32.const(shift)), m.i32.const(shift));
  }
  if (type === api.i64 && bytes < 8) {
    if (signExt) return bytes === 1 ? m.i64.extend8_s(value) : bytes === 2 ? m.i64.extend16_s(value) : m.i64.extend32_s(value);
    const shift = BigInt(64 - 8 * bytes);
    return m.i64.shr_s(m.i64.shl(value, m.i64.const(shift)), m.i64.const(shift));
  }
  return value;
}
