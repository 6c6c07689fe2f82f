/**
 * SIMD vectorization: `wt-vectorize:f` (f ∈ 1, 2) rewrites innermost counted loops whose body is
 * straight-line element-wise work over contiguous memory into Wasm SIMD (128-bit vectors), f vectors per
 * iteration. Neither Binaryen nor V8 vectorizes scalar loops, and V8 in Node 20 runs SIMD natively, so on
 * loops that qualify this is the largest runtime lever a pass can pull. Variants, each a catalog step:
 * `wt-vectorize-noalias:f` never versions a loop (it refuses the loops that would need a run-time overlap
 * check); `wt-vectorize-fast:f` also vectorizes floating-point reductions, but only when the recipe's
 * fast-math knob is on; `wt-vectorize-loop:r` (r ∈ 0…3) vectorizes only the r-th loop the pass accepts
 * (deeper loops first, then module order): vectorization on or off per loop. Applying any of them turns
 * on the module's SIMD feature (the build then declares it in a `target_features` section), so each is
 * registered as requiring `simd` (and `wt-vectorize-fast` also `fast-math`): see ../requirements.ts.
 *
 * What is vectorized. The loop is recognised by wt-unroll's counted-loop analysis (one induction
 * variable with a constant step, tested against an invariant bound; do-while, while-if and while-exit
 * shapes, clang -O0's tests included); a computed bound such as `n - 1` is evaluated once, before the
 * vector loop. Its body may hold only: stores, plain assignments of locals (temporaries, defined before any
 * read in the same iteration), further induction variables `p = p + c` (pointer increments, as clang
 * and AssemblyScript emit them), reductions, and `if (c) { stores or assignments }` without `else`,
 * which becomes a blend (the store of a blend needs a load of the same address earlier in the same
 * iteration, so the rewrite never touches memory the loop would not). Every memory access has the same
 * width, which fixes the lanes: 8-bit (i8x16), 16-bit (i16x8), 32-bit (i32x4, f32x4) or 64-bit (i64x2,
 * f64x2). Addresses must be affine in the iteration: unit stride forward (`base + i*size` or a pointer
 * stepping by the element size) gives a vector load or store, stride 0 (a loop-invariant address) a
 * load-and-splat. An address is read as a pure expression: temporaries set earlier in the iteration
 * (or teed inside the address) stand for their values, and the counter's update `local.tee $i (i + 1)`
 * inside an address (as -O3 leaves clang -O0 loops) for `i + 1`, after which addresses read i as `i + 1`
 * and any other read of i is refused. Values: constants, invariant locals and globals (splatted before the loop), induction
 * variables (as `i, i+s, i+2s, …`), loads, and the arithmetic, bitwise, shift (by an invariant count),
 * comparison, select, float unary and i32↔f32 conversion operators that have a SIMD equivalent of the
 * lane type. In narrow lanes an i32 computation is followed bit-exactly: a byte loaded with `load8_u`
 * is known zero-extended, so comparisons and right shifts are exact on the lane; sums and products keep
 * only their low bits, which is all a narrow store writes. Reductions `r = r ⊕ e` (⊕ one of add, sub,
 * mul, and, or, xor, and min/max written as `select(r, e, r < e)` or `f32.min`) get one vector
 * accumulator per interleaved vector, combined and folded into r before the scalar loop: always for
 * integers (exact in any order), for floats only with fast-math (reassociation changes the rounding,
 * so the harness tolerance decides whether the result is acceptable). An i32 sum over 8- or 16-bit
 * lanes (bytes or shorts summed into an int) is widened: each lane's value must be known whole (loaded
 * zero- or sign-extended, or a comparison result), or be a product of two such values of the same
 * signedness; lanes are multiplied exactly in lanes twice as wide (`i32x4.dot_i16x8_s` for i16 × i16,
 * extmul otherwise) and summed pairwise (`extadd_pairwise`) into an i32x4 accumulator.
 *
 * How. The vector loop runs while at least lanes·f + 1 iterations remain (the guard of wt-unroll, one
 * iteration further), so the original loop, left untouched after it, always runs the last iteration
 * and every remainder: every trip count is correct, including 0, and locals live after the loop hold
 * exactly what the scalar loop leaves in them. Aliasing is never assumed: for each store and each other
 * access (lanes of both advance by one element per iteration) the pass proves at compile time, when both
 * addresses differ by a constant, that they are the same address or at least a vector apart; otherwise
 * it versions the loop with a run-time test of the same condition before it, falling back to the scalar
 * loop. A loop-invariant load that a store may overwrite is checked in each vector iteration, which
 * hands over to the scalar loop before the block that would write it.
 *
 * Refused, each with a reason in {@link VectorizeReport}: loops that are not innermost or not counted
 * (the wt-unroll reasons, and a test that no guard can prove); calls, branches, nested ifs, `else` arms,
 * global writes and other statements; loops without memory access; mixed access widths (e.g. bytes
 * loaded and words stored: width changes are not done outside sums); strides other than one element forward (gathers, reverse
 * and strided walks), stores to invariant addresses, addresses read from memory; values carried from
 * one iteration to the next other than reductions (recurrences), and induction variables read after
 * their update; operators Wasm SIMD lacks for the lane type (integer division and remainder, rotations,
 * clz/ctz, i8x16.mul, unsigned i64x2 comparisons, copysign, trapping float→int conversions, width
 * changes); narrow-lane comparisons or shifts whose operands' upper bits are unknown; float reductions
 * without fast-math (or with the plain variants); two accesses a constant distance apart that is less
 * than a vector (a true dependence); accesses needing a run-time check under `wt-vectorize-noalias`.
 * One behaviour differs from the scalar loop by design, only for programs that trap: an out-of-bounds
 * access inside a vector block traps before the block's earlier lanes have stored anything.
 */
import type { ModulePass } from '../../binaryen/module.js';
import {
  UnknownExpression, allPlaces, bodyPlace, childPlaces, decisionRank, definedFunctions, labelsIn, LabelNames, localWrites, statements, walk, wrappers,
  type Api, type Module, type Place, type Ref,
} from './ir-tree.js';
import { Refusal, analyse, handOver, hoistBound, stepOf, towardsBound, type CountedLoop } from './unroll.js';

/** Interleave factors: vectors per iteration of the vector loop. */
export const VECTORIZE_INTERLEAVE = ['1', '2'] as const;
/** Largest loop body (expressions) that is vectorized. */
export const MAX_BODY = 400;

export interface VectorizeOptions {
  /** Vectors per vector-loop iteration (1 or 2). */
  interleave: number;
  /** Version loops with a run-time overlap check where aliasing cannot be decided at compile time. */
  versioning: boolean;
  /** Vectorize float reductions (only takes effect when Binaryen's fast-math setting is on). */
  floatReductions: boolean;
  /** Only the r-th accepted loop (deeper loops first, then module order); all when undefined. */
  onlyRank?: number;
}

export type LaneType = 'i8x16' | 'i16x8' | 'i32x4' | 'i64x2' | 'f32x4' | 'f64x2';

export interface LoopDecision {
  /** The function's name, or its export name when Binaryen has no name for it but an index. */
  function: string;
  /** The loop's label, and its position among the function's innermost loops (walk order). */
  loop: string;
  index: number;
  /** 1 for a loop no other loop encloses. */
  depth: number;
  state: 'vectorized' | 'refused' | 'not-selected';
  /** Why it was refused (a stable key such as `no-simd-op`, `stride`, `not-counted:shape`). */
  reason?: string;
  /** What exactly (the operator, the stride, …). */
  detail?: string;
  /** The vector types of its values (the first is the lane type of its memory accesses). */
  lanes?: LaneType[];
  /** Alias pairs proven at compile time, checked once before the loop, checked per vector block. */
  alias?: { proven: number; checked: number; perBlock: number };
  /** Reductions (`add:i32`, `min_s:i32`, `add:f64`, …). */
  reductions?: string[];
}

export interface VectorizeReport {
  loops: LoopDecision[];
  /** Functions the pass could not read at all (expression kinds the IR toolkit does not know). */
  unreadableFunctions: string[];
  vectorized: number;
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

// ── lanes and values ─────────────────────────────────────────────────────────────────────────────────

/** Width of every memory access in the loop, bits; it fixes the number of lanes (128 / width). */
type Width = 8 | 16 | 32 | 64;

/**
 * How a vector lane relates to the scalar value it stands for. `exact`: the lane holds the value (a
 * full-width lane). In 8/16-bit lanes an i32 is `zext` (the value is the lane read unsigned), `sext`
 * (read signed) or `low` (only its low bits are known). `mask`: an i32 comparison result, 0/1 in scalar
 * code, all zeros / all ones in the lane. `const`: a splatted constant (its value decides the rest).
 */
type Kind = 'exact' | 'zext' | 'sext' | 'low' | 'mask' | 'const';

interface VVal {
  ref: Ref;
  kind: Kind;
  /** The scalar type the vector stands for. */
  type: number;
  value?: bigint;
}

interface Access {
  store: boolean;
  /** Unit stride (a vector access) or stride 0 (a splat load). */
  stream: boolean;
  ptr: Ref;
  offset: number;
  bytes: number;
  /** Address = terms + constant; two accesses with the same terms are a known distance apart. */
  key: string;
  constant: bigint;
}

interface Reduction {
  local: number;
  type: number;
  op: 'add' | 'sub' | 'mul' | 'and' | 'or' | 'xor' | 'min_s' | 'min_u' | 'max_s' | 'max_u' | 'fmin' | 'fmax';
  /** The vector accumulators, one per interleaved copy. */
  acc: number[];
  /** An i32 sum over 8- or 16-bit lanes, accumulated in i32x4 (see `widen`). */
  wide?: boolean;
}

/** A loop the pass accepts: the replacement, built but not yet in place, and the locals it needs. */
interface Plan {
  replacement: Ref;
  newLocals: number[];
  decision: Pick<LoopDecision, 'lanes' | 'alias' | 'reductions'>;
}

// ── opcode names ─────────────────────────────────────────────────────────────────────────────────────

const BINARY_NAMES = [
  'Add', 'Sub', 'Mul', 'DivS', 'DivU', 'RemS', 'RemU', 'And', 'Or', 'Xor', 'Shl', 'ShrU', 'ShrS', 'RotL', 'RotR',
  'Eq', 'Ne', 'LtS', 'LtU', 'LeS', 'LeU', 'GtS', 'GtU', 'GeS', 'GeU',
].flatMap((n) => [`${n}Int32`, `${n}Int64`]).concat(
  ['Add', 'Sub', 'Mul', 'Div', 'CopySign', 'Min', 'Max', 'Eq', 'Ne', 'Lt', 'Le', 'Gt', 'Ge'].flatMap((n) => [`${n}Float32`, `${n}Float64`]),
);
const UNARY_NAMES = [
  'ClzInt32', 'CtzInt32', 'PopcntInt32', 'EqZInt32', 'ClzInt64', 'CtzInt64', 'PopcntInt64', 'EqZInt64',
  ...['Neg', 'Abs', 'Ceil', 'Floor', 'Trunc', 'Nearest', 'Sqrt'].flatMap((n) => [`${n}Float32`, `${n}Float64`]),
  'ExtendSInt32', 'ExtendUInt32', 'WrapInt64', 'ExtendS8Int32', 'ExtendS16Int32', 'ExtendS8Int64', 'ExtendS16Int64', 'ExtendS32Int64',
  'TruncSFloat32ToInt32', 'TruncUFloat32ToInt32', 'TruncSFloat64ToInt32', 'TruncUFloat64ToInt32',
  'TruncSFloat32ToInt64', 'TruncUFloat32ToInt64', 'TruncSFloat64ToInt64', 'TruncUFloat64ToInt64',
  'TruncSatSFloat32ToInt32', 'TruncSatUFloat32ToInt32', 'TruncSatSFloat64ToInt32', 'TruncSatUFloat64ToInt32',
  'TruncSatSFloat32ToInt64', 'TruncSatUFloat32ToInt64', 'TruncSatSFloat64ToInt64', 'TruncSatUFloat64ToInt64',
  'ReinterpretFloat32', 'ReinterpretFloat64', 'ReinterpretInt32', 'ReinterpretInt64',
  'ConvertSInt32ToFloat32', 'ConvertUInt32ToFloat32', 'ConvertSInt32ToFloat64', 'ConvertUInt32ToFloat64',
  'ConvertSInt64ToFloat32', 'ConvertUInt64ToFloat32', 'ConvertSInt64ToFloat64', 'ConvertUInt64ToFloat64',
  'PromoteFloat32', 'DemoteFloat64',
];

const opTables = new WeakMap<Api, { binary: Map<number, string>; unary: Map<number, string> }>();
export function opNames(api: Api): { binary: Map<number, string>; unary: Map<number, string> } {
  let t = opTables.get(api);
  if (!t) {
    const ids = api as unknown as Record<string, number>;
    const table = (names: readonly string[]) => new Map(names.filter((n) => ids[n] !== undefined).map((n) => [ids[n]!, n]));
    t = { binary: table(BINARY_NAMES), unary: table(UNARY_NAMES) };
    opTables.set(api, t);
  }
  return t;
}

/** `AddInt32` → `{ op: 'Add', ty: 'i32' }`. */
export function splitOp(name: string): { op: string; ty: 'i32' | 'i64' | 'f32' | 'f64' } {
  const m = /^(.*?)(Int32|Int64|Float32|Float64)$/.exec(name)!;
  return { op: m[1]!, ty: ({ Int32: 'i32', Int64: 'i64', Float32: 'f32', Float64: 'f64' } as const)[m[2] as 'Int32'] };
}

// Expression info fields this pass reads.
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
  ifTrue?: Ref;
  ifFalse?: Ref;
  condition?: Ref;
  name?: string;
  children?: Ref[];
}
const info = (api: Api, e: Ref) => api.getExpressionInfo(e) as unknown as Info;

// ── the analysis and rewrite of one loop ─────────────────────────────────────────────────────────────

type Ns = 'i8x16' | 'i16x8' | 'i32x4' | 'i64x2' | 'f32x4' | 'f64x2';
type VecOps = Record<string, (...args: unknown[]) => Ref>;

class LoopVectorizer {
  private readonly w: ReturnType<typeof wrappers>;
  private readonly ops: ReturnType<typeof opNames>;
  private width: Width = 32;
  private lanes = 4;
  private readonly ivs = new Map<number, { step: bigint; type: number }>();
  private readonly reductions = new Map<number, Reduction>();
  /** Locals written in the loop that are neither induction variables nor reductions. */
  private readonly temps = new Set<number>();
  /** Temporaries defined so far in the current copy of the iteration: local → vector local and kind. */
  private defined = new Map<number, { local: number; kind: Kind }>();
  private readonly tempLocals = new Map<string, number>();
  private readonly accesses: Access[] = [];
  private readonly preheader: Ref[] = [];
  private readonly splats = new Map<string, number>();
  private readonly lanesUsed = new Set<LaneType>();
  private readonly newLocals: number[] = [];
  private readonly base: number;
  private copy = 0;
  /** The reduction whose statement is being translated (its accumulator may be read there only). */
  private inReduction: Reduction | undefined;
  /**
   * Scalar definitions of temporaries made so far in the current copy of the iteration, as pure
   * expressions of induction variables and invariants (for addresses: see {@link address}).
   */
  private scalarDefs = new Map<number, Ref>();
  /** The main induction variable once its update (a tee inside an address) has run in this copy: its step. */
  private ivShift = new Map<number, bigint>();
  /** Translating the arm of an `if` (assignments there hold only in some lanes). */
  private masked = false;

  constructor(
    private readonly m: Module,
    private readonly api: Api,
    private readonly fn: number,
    private readonly loop: Ref,
    private readonly c: CountedLoop,
    private readonly opts: VectorizeOptions,
    private readonly names: LabelNames,
  ) {
    this.w = wrappers(api);
    this.ops = opNames(api);
    this.base = (api as unknown as { Function: { getNumLocals(f: number): number } }).Function.getNumLocals(fn);
  }

  private local(type: number): number {
    this.newLocals.push(type);
    return this.base + this.newLocals.length - 1;
  }

  private ns(type: number): Ns {
    const a = this.api;
    if (type === a.f32) return 'f32x4';
    if (type === a.f64) return 'f64x2';
    if (type === a.i64) return 'i64x2';
    return ({ 8: 'i8x16', 16: 'i16x8', 32: 'i32x4', 64: 'i64x2' } as const)[this.width];
  }

  private vop(ns: Ns | 'v128', name: string, ...args: unknown[]): Ref {
    const table = (this.m as unknown as Record<string, VecOps>)[ns]!;
    const f = table[name];
    if (!f) return refuse('no-simd-op', `${ns}.${name}`);
    if (ns !== 'v128') this.lanesUsed.add(ns);
    return f(...args);
  }

  private typeName(t: number): string {
    const a = this.api;
    return t === a.i32 ? 'i32' : t === a.i64 ? 'i64' : t === a.f32 ? 'f32' : t === a.f64 ? 'f64' : `type ${t}`;
  }

  /** Whether scalar values of this type have a lane in this loop (i32 masks aside). */
  private fits(type: number): boolean {
    const a = this.api;
    if (type === a.i32) return this.width <= 32;
    if (type === a.f32) return this.width === 32;
    if (type === a.i64 || type === a.f64) return this.width === 64;
    return false;
  }

  private need(type: number): void {
    if (!this.fits(type)) refuse('mixed-width', `${this.typeName(type)} values in ${this.width}-bit lanes`);
  }

  // ── the body ─────────────────────────────────────────────────────────────────────────────────────

  /** The statements of one iteration, with unnamed (or never targeted) blocks flattened. */
  private flatBody(): Ref[] {
    const a = this.api;
    const targets = new Set<string>();
    for (const s of this.c.body) for (const p of allPlaces(a, s)) {
      const id = a.getExpressionId(p.ref);
      if (id === a.BreakId || id === a.SwitchId) targets.add('*');
    }
    const out: Ref[] = [];
    const add = (s: Ref) => {
      if (a.getExpressionId(s) === a.BlockId && !targets.size) for (const x of statements(a, s)) add(x);
      else out.push(s);
    };
    for (const s of this.c.body) add(s);
    return out;
  }

  plan(): Plan {
    const a = this.api;
    const c = this.c;
    const body = this.flatBody();
    let size = 0;
    for (const s of body) size += allPlaces(a, s).length;
    if (size > MAX_BODY) refuse('too-big', `${size} expressions`);

    // Every statement kind first: anything but plain data flow is refused before lanes are chosen.
    for (const s of body) for (const p of allPlaces(a, s)) {
      const id = a.getExpressionId(p.ref);
      if (id === a.CallId || id === a.CallIndirectId) refuse('call');
      if (id === a.GlobalSetId) refuse('global-write');
      if (id === a.MemoryGrowId || id === a.MemoryCopyId || id === a.MemoryFillId || id === a.MemoryInitId) refuse('memory-operation');
    }
    for (const s of body) this.checkStatement(s, false);

    // The width of memory accesses fixes the lanes.
    const widths = new Set<number>();
    for (const s of body) for (const p of allPlaces(a, s)) {
      const id = a.getExpressionId(p.ref);
      if (id === a.LoadId || id === a.StoreId) widths.add(8 * info(a, p.ref).bytes!);
    }
    if (!widths.size) refuse('no-memory-access');
    if (widths.size > 1) refuse('mixed-width', `accesses of ${[...widths].sort((x, y) => x - y).join(', ')} bits`);
    this.width = [...widths][0] as Width;
    this.lanes = 128 / this.width;
    const first = body.flatMap((s) => allPlaces(a, s)).find((p) => a.getExpressionId(p.ref) === a.LoadId || a.getExpressionId(p.ref) === a.StoreId)!.ref;
    const firstType = a.getExpressionId(first) === a.LoadId ? a.getExpressionType(first) : info(a, first).valueType!;
    this.lanesUsed.add(firstType === a.f32 ? 'f32x4' : firstType === a.f64 ? 'f64x2' : this.ns(firstType));

    this.classifyLocals(body);

    const k = this.lanes * this.opts.interleave;
    // The guard: k + 1 more iterations pass the loop's test, so the scalar loop runs at least one.
    if (!towardsBound(c)) refuse('direction', 'no guard proves the trip count for this test');
    // A computed bound (`n - 1`) is evaluated once, before the vector loop, and read by its guard.
    const { loop: counted, init } = hoistBound(this.m, a, c, (t) => this.local(t));
    const guard = handOver(this.m, a, counted, k)!;

    // Accumulators start at the identity of their operator (folded in even if the vector loop never runs).
    const inits: Ref[] = [];
    for (const r of this.reductions.values()) {
      r.acc = Array.from({ length: this.opts.interleave }, () => this.local(a.v128));
      for (const acc of r.acc) inits.push(this.m.local.set(acc, this.identity(r)));
    }

    const vbody: Ref[] = [];
    for (this.copy = 0; this.copy < this.opts.interleave; this.copy++) {
      this.defined = new Map();
      this.scalarDefs = new Map();
      this.ivShift = new Map();
      for (const s of body) vbody.push(...this.statement(s));
    }
    // Induction variables advance by k iterations at the end of the block.
    for (const [v, { step, type }] of this.ivs) {
      const delta = step * BigInt(k);
      vbody.push(this.m.local.set(v, type === a.i64
        ? this.m.i64.add(this.m.local.get(v, a.i64), this.m.i64.const(BigInt.asIntN(64, delta)))
        : this.m.i32.add(this.m.local.get(v, a.i32), this.m.i32.const(Number(BigInt.asIntN(32, delta))))));
    }

    const { before, perBlock, proven } = this.aliasChecks();
    const rest = this.names.fresh('scalar');
    const vloopName = this.names.fresh('vector');
    const vloop = this.m.loop(vloopName, this.m.block(null, [
      this.m.br(rest, guard),
      ...perBlock.map((x) => this.m.br(rest, x)),
      ...vbody,
      this.m.br(vloopName),
    ], a.none));
    const restBlock = this.m.block(rest, [...(init !== undefined ? [init] : []), ...inits, ...before.map((x) => this.m.br(rest, x)), ...this.preheader, vloop], a.none);
    const merges = [...this.reductions.values()].map((r) => this.merge(r));
    const replacement = this.m.block(null, [restBlock, ...merges, this.loop]);
    return {
      replacement,
      newLocals: this.newLocals,
      decision: {
        lanes: [...this.lanesUsed],
        alias: { proven, checked: before.length, perBlock: perBlock.length },
        reductions: [...this.reductions.values()].map((r) => `${r.op}:${this.typeName(r.type)}${r.wide ? `<i${this.width}` : ''}`),
      },
    };
  }

  /** Refuse statements that are not data flow (run before anything is built). */
  private checkStatement(s: Ref, inIf: boolean): void {
    const a = this.api;
    const id = a.getExpressionId(s);
    if (id === a.StoreId || id === a.NopId) return;
    if (id === a.LocalSetId) return;
    if (id === a.DropId) return;
    if (id === a.IfId && !inIf) {
      const i = info(a, s);
      if (i.ifFalse) refuse('control-flow', 'if with an else arm');
      for (const x of statements(a, i.ifTrue!)) this.checkStatement(x, true);
      if (a.getExpressionId(i.ifTrue!) === a.BlockId && this.w.Block.getName(i.ifTrue!)) refuse('control-flow', 'named block in an if arm');
      return;
    }
    if (id === a.CallId || id === a.CallIndirectId) refuse('call');
    if (id === a.GlobalSetId) refuse('global-write');
    const kind = ({ [a.IfId]: 'nested if', [a.BreakId]: 'branch', [a.SwitchId]: 'branch', [a.BlockId]: 'block', [a.LoopId]: 'loop', [a.ReturnId]: 'return' } as Record<number, string>)[id];
    refuse('control-flow', kind ?? `statement kind ${id}`);
  }

  /** Induction variables, reductions and temporaries among the locals the loop writes. */
  private classifyLocals(body: Ref[]): void {
    const a = this.api;
    const c = this.c;
    const writes = localWrites(a, this.loop);
    const reads = new Map<number, Ref[]>();
    for (const s of body) for (const p of allPlaces(a, s)) {
      if (a.getExpressionId(p.ref) === a.LocalGetId) {
        const i = this.w.LocalGet.getIndex(p.ref);
        reads.set(i, [...(reads.get(i) ?? []), p.ref]);
      }
    }
    const readsIn = (root: Ref, local: number) => allPlaces(a, root).filter((p) => a.getExpressionId(p.ref) === a.LocalGetId && this.w.LocalGet.getIndex(p.ref) === local).length;
    this.ivs.set(c.iv, { step: BigInt(c.step), type: c.bits === 64 ? a.i64 : a.i32 });
    for (const [local, list] of writes) {
      if (local === c.iv) continue;
      const set = list[0]!;
      const top = body.indexOf(set);
      if (list.length === 1 && top >= 0 && !this.w.LocalSet.isTee(set)) {
        const type = a.getExpressionType(this.w.LocalSet.getValue(set));
        const step = (type === a.i32 || type === a.i64) ? stepOf(a, this.w.LocalSet.getValue(set), local) : undefined;
        if (step !== undefined && Number.isFinite(step) && step !== 0) {
          this.ivs.set(local, { step: BigInt(step), type });
          continue;
        }
        const r = this.reduction(set, local);
        if (r) {
          const inside = readsIn(set, local);
          const total = reads.get(local)?.length ?? 0;
          if (inside !== total) refuse('recurrence', `local ${local} is read outside its reduction`);
          this.reductions.set(local, r);
          continue;
        }
      }
      this.temps.add(local);
    }
    // An induction variable read after its update would see the value of the next iteration.
    for (const [v] of this.ivs) {
      const update = (writes.get(v) ?? []).find((x) => body.includes(x));
      if (update === undefined) continue;
      for (const s of body.slice(body.indexOf(update) + 1)) {
        if (readsIn(s, v)) refuse('iv-read-after-update', `local ${v}`);
      }
    }
  }

  /** `r = r ⊕ e` (or the select form of min/max), or undefined. */
  private reduction(set: Ref, r: number): Reduction | undefined {
    const a = this.api;
    const v = this.w.LocalSet.getValue(set);
    const type = a.getExpressionType(v);
    const isR = (e: Ref | undefined) => e !== undefined && a.getExpressionId(e) === a.LocalGetId && this.w.LocalGet.getIndex(e) === r;
    const mentions = (e: Ref) => allPlaces(a, e).some((p) => isR(p.ref));
    const make = (op: Reduction['op']): Reduction => ({ local: r, type, op, acc: [] });
    const id = a.getExpressionId(v);
    if (id === a.BinaryId) {
      const i = info(a, v);
      const name = this.ops.binary.get(i.op!);
      if (!name) return undefined;
      const { op } = splitOp(name);
      const [l, rr] = [i.left!, i.right!];
      const other = isR(l) ? rr : isR(rr) ? l : undefined;
      if (other === undefined || mentions(other)) return undefined;
      if (op === 'Sub') return isR(l) ? make('sub') : undefined;
      const map: Record<string, Reduction['op']> = { Add: 'add', Mul: 'mul', And: 'and', Or: 'or', Xor: 'xor', Min: 'fmin', Max: 'fmax' };
      return map[op] ? make(map[op]) : undefined;
    }
    if (id === a.SelectId) {
      const i = info(a, v);
      const cond = i.condition!;
      if (a.getExpressionId(cond) !== a.BinaryId) return undefined;
      const ci = info(a, cond);
      const name = this.ops.binary.get(ci.op!);
      if (!name) return undefined;
      const { op } = splitOp(name);
      const cmp = /^(Lt|Le|Gt|Ge)(S|U)?$/.exec(op);
      if (!cmp) return undefined;
      const x = i.ifTrue!;
      const y = i.ifFalse!;
      const p = ci.left!;
      const q = ci.right!;
      const e1 = isR(x) ? y : isR(y) ? x : undefined;
      const e2 = isR(p) ? q : isR(q) ? p : undefined;
      if (e1 === undefined || e2 === undefined || mentions(e1) || !sameExpr(a, e1, e2)) return undefined;
      // select(x, y, p < q) is min(x, y) when x is p; max when x is q.
      const less = cmp[1] === 'Lt' || cmp[1] === 'Le';
      const xIsP = (isR(x) && isR(p)) || (!isR(x) && !isR(p));
      const isMin = less === xIsP;
      const sign = cmp[2] === 'U' ? 'u' : 's';
      if (type === a.f32 || type === a.f64) return make(isMin ? 'fmin' : 'fmax');
      return make(`${isMin ? 'min' : 'max'}_${sign}` as Reduction['op']);
    }
    return undefined;
  }

  /** The vector statements for one scalar statement of the body. */
  private statement(s: Ref): Ref[] {
    const a = this.api;
    const id = a.getExpressionId(s);
    if (id === a.NopId) return [];
    if (id === a.DropId) {
      const v = info(a, s).value as Ref;
      if (!isPure(a, v)) refuse('side-effect', 'dropped value with side effects');
      return [];
    }
    if (id === a.StoreId) return [this.store(s, undefined)];
    if (id === a.LocalSetId) {
      const local = this.w.LocalSet.getIndex(s);
      if (this.ivs.has(local)) return [];
      const r = this.reductions.get(local);
      if (r) return [this.reductionUpdate(s, r)];
      return [this.assign(local, this.w.LocalSet.getValue(s), undefined)];
    }
    if (id === a.IfId) {
      const i = info(a, s);
      const mask = this.mask(this.value(i.condition!));
      const out: Ref[] = [];
      const maskLocal = this.local(a.v128);
      out.push(this.m.local.set(maskLocal, mask));
      // A refusal abandons the whole plan, so the flag needs no reset on that path.
      this.masked = true;
      for (const x of statements(a, i.ifTrue!)) {
        const xid = a.getExpressionId(x);
        if (xid === a.NopId) continue;
        if (xid === a.StoreId) out.push(this.store(x, maskLocal));
        else if (xid === a.LocalSetId) {
          const local = this.w.LocalSet.getIndex(x);
          if (!this.temps.has(local)) refuse('recurrence', `conditional update of local ${local}`);
          out.push(this.assign(local, this.w.LocalSet.getValue(x), maskLocal));
        } else refuse('control-flow', 'statement in an if arm');
      }
      this.masked = false;
      return out;
    }
    return refuse('control-flow', `statement kind ${id}`);
  }

  private vectorLocalOf(local: number): number {
    const key = `${local}/${this.copy}`;
    let v = this.tempLocals.get(key);
    if (v === undefined) {
      v = this.local(this.api.v128);
      this.tempLocals.set(key, v);
    }
    return v;
  }

  /** `t = value` (under a mask: `t = mask ? value : t`, which needs t defined earlier in the iteration). */
  private assign(local: number, value: Ref, mask: number | undefined): Ref {
    const a = this.api;
    const type = a.getExpressionType(value);
    const v = this.value(value);
    const target = this.vectorLocalOf(local);
    this.defineScalar(local, value, mask === undefined);
    if (mask === undefined) {
      const fixed = v.kind === 'mask' ? v : this.valueOf(v);
      this.defined.set(local, { local: target, kind: fixed.kind === 'const' ? this.constKind(fixed, type) : fixed.kind });
      return this.m.local.set(target, fixed.ref);
    }
    const old = this.defined.get(local);
    if (!old) return refuse('recurrence', `local ${local} assigned under a condition before any plain assignment`);
    const nv = old.kind === 'mask' && v.kind === 'mask' ? v : this.valueOf(v);
    const oldVal = old.kind === 'mask' && nv.kind !== 'mask' ? this.valueOf({ ref: this.m.local.get(old.local, a.v128), kind: 'mask', type }) : { ref: this.m.local.get(old.local, a.v128), kind: old.kind, type };
    const kind = this.joinKind(nv, oldVal, type);
    this.defined.set(local, { local: target, kind });
    return this.m.local.set(target, this.vop('v128', 'bitselect', nv.ref, oldVal.ref, this.m.local.get(mask, a.v128)));
  }

  private reductionUpdate(s: Ref, r: Reduction): Ref {
    const a = this.api;
    if ((r.type === a.f32 || r.type === a.f64) && !(this.opts.floatReductions && a.getFastMath())) {
      refuse('float-reduction', this.opts.floatReductions ? 'needs the fast-math knob' : 'only wt-vectorize-fast vectorizes float reductions (with fast-math)');
    }
    const bits = r.type === a.i32 || r.type === a.f32 ? 32 : 64;
    if (bits !== this.width) {
      if (r.type === a.i32 && this.width < 32 && (r.op === 'add' || r.op === 'sub')) return this.widenedUpdate(s, r);
      refuse('mixed-width', `${this.typeName(r.type)} reduction in ${this.width}-bit lanes`);
    }
    this.inReduction = r;
    try {
      const v = this.valueOf(this.value(this.w.LocalSet.getValue(s)));
      return this.m.local.set(r.acc[this.copy]!, v.ref);
    } finally {
      this.inReduction = undefined;
    }
  }

  /**
   * `r = r ± e` for an i32 r over 8- or 16-bit lanes: e's lanes are widened to i32 and added into an
   * i32x4 accumulator. Exact, as any integer sum (modulo 2^32, in any order), provided each lane's
   * value is known whole: zero- or sign-extended from the lane, or a product of two such values.
   */
  private widenedUpdate(s: Ref, r: Reduction): Ref {
    const a = this.api;
    const v = this.w.LocalSet.getValue(s);
    const isR = (e: Ref) => a.getExpressionId(e) === a.LocalGetId && this.w.LocalGet.getIndex(e) === r.local;
    const l = this.w.Binary.getLeft(v);
    const e = isR(l) ? this.w.Binary.getRight(v) : l;
    r.wide = true;
    const acc = r.acc[this.copy]!;
    return this.m.local.set(acc, this.vop('i32x4', r.op, this.m.local.get(acc, a.v128), this.widen(e)));
  }

  /** An i32 value of the lanes as an i32x4 of the sums of its lanes, 4 (16-bit lanes) or 8 (8-bit) at a time. */
  private widen(e: Ref): Ref {
    const a = this.api;
    const m = this.m;
    const sign = (v: VVal): 's' | 'u' | undefined => (this.isZext(v) ? 'u' : this.isSext(v) ? 's' : undefined);
    const whole = (v: VVal, s: 's' | 'u') => (s === 'u' ? this.isZext(v) : this.isSext(v));
    if (a.getExpressionId(e) === a.BinaryId && this.ops.binary.get(this.w.Binary.getOp(e)) === 'MulInt32') {
      // A product of two whole values is exact in lanes twice as wide: i32x4.dot for i16 × i16 (the
      // sum of two adjacent products), extmul otherwise, then pairwise sums. A constant takes the
      // other operand's signedness (its lane holds its low bits).
      const x = this.value(this.w.Binary.getLeft(e));
      const y = this.value(this.w.Binary.getRight(e));
      // Signed first in 16-bit lanes, where it is one instruction (a value may be whole either way).
      const order: ReadonlyArray<'s' | 'u'> = this.width === 16 ? ['s', 'u'] : ['u', 's'];
      const sx = order.find((s) => whole(x, s) && whole(y, s));
      if (sx === undefined && sign(x) && sign(y)) refuse('mixed-width', 'a product of a zero-extended and a sign-extended lane');
      if (sx !== undefined) {
        if (this.width === 16 && sx === 's') return this.vop('i32x4', 'dot_i16x8_s', x.ref, y.ref);
        const tx = this.local(a.v128);
        const ty = this.local(a.v128);
        const half = (part: 'low' | 'high', first: boolean) => {
          const px = first ? m.local.tee(tx, x.ref, a.v128) : m.local.get(tx, a.v128);
          const py = first ? m.local.tee(ty, y.ref, a.v128) : m.local.get(ty, a.v128);
          if (this.width === 16) return this.vop('i32x4', `extmul_${part}_i16x8_${sx}`, px, py);
          return this.vop('i32x4', `extadd_pairwise_i16x8_${sx}`, this.vop('i16x8', `extmul_${part}_i8x16_${sx}`, px, py));
        };
        return this.vop('i32x4', 'add', half('low', true), half('high', false));
      }
    }
    const v = this.valueOf(this.value(e));
    const sv = sign(v);
    if (sv === undefined) return refuse('mixed-width', `i32 sum of ${this.width}-bit lanes whose upper bits are not known`);
    const sixteen = this.width === 8 ? this.vop('i16x8', `extadd_pairwise_i8x16_${sv}`, v.ref) : v.ref;
    return this.vop('i32x4', `extadd_pairwise_i16x8_${sv}`, sixteen);
  }

  // ── memory ───────────────────────────────────────────────────────────────────────────────────────

  private access(e: Ref, store: boolean): Access {
    const a = this.api;
    const i = info(a, e);
    if (i.isAtomic) refuse('atomic');
    if (a.getExpressionType(i.ptr!) !== a.i32) refuse('memory64');
    const ptr = this.address(i.ptr!);
    const coef = this.coefficient(ptr);
    const bytes = i.bytes!;
    let stream: boolean;
    if (coef === BigInt(bytes)) stream = true;
    else if (coef === 0n && !store) stream = false;
    else if (coef === 0n) return refuse('invariant-store');
    else return refuse('stride', `${coef} bytes per iteration for ${bytes}-byte elements`);
    const { key, constant } = affineKey(a, ptr);
    const acc: Access = { store, stream, ptr, offset: i.offset!, bytes, key, constant };
    if (this.copy === 0) this.accesses.push(acc);
    return acc;
  }

  private load(e: Ref): VVal {
    const a = this.api;
    const i = info(a, e);
    const acc = this.access(e, false);
    const type = i.type;
    this.need(type);
    const kind: Kind = this.width < 32 ? (i.isSigned ? 'sext' : 'zext') : 'exact';
    if (type === a.i64 && i.bytes !== 8) refuse('mixed-width', `i64 load of ${i.bytes} bytes`);
    const ptr = this.m.copyExpression(acc.ptr);
    if (acc.stream) {
      return { ref: this.vop('v128', 'load', acc.offset + 16 * this.copy, Math.min(i.align!, 16), ptr), kind, type };
    }
    return { ref: this.vop('v128', `load${this.width}_splat`, acc.offset, i.align!, ptr), kind, type };
  }

  private store(e: Ref, mask: number | undefined): Ref {
    const a = this.api;
    const i = info(a, e);
    const type = i.valueType!;
    this.need(type);
    if (type === a.i64 && i.bytes !== 8) refuse('mixed-width', `i64 store of ${i.bytes} bytes`);
    const acc = this.access(e, true);
    const v = this.valueOf(this.value(i.value as Ref));
    const offset = acc.offset + 16 * this.copy;
    let value = v.ref;
    if (mask !== undefined) {
      // A blend with memory: only where the same address was loaded unconditionally before.
      const loaded = this.accesses.some((x) => !x.store && x.stream && x.key === acc.key && x.constant === acc.constant && x.offset === acc.offset && x.bytes === acc.bytes);
      if (!loaded) refuse('conditional-store', 'no earlier load of the same address');
      const old = this.m.v128.load(offset, Math.min(i.align!, 16), this.m.copyExpression(acc.ptr));
      value = this.vop('v128', 'bitselect', v.ref, old, this.m.local.get(mask, a.v128));
    }
    return this.m.v128.store(offset, Math.min(i.align!, 16), this.m.copyExpression(acc.ptr), value);
  }

  /**
   * Record what a temporary holds after `local = value` in this copy of the iteration, for addresses
   * that read it: only for an unconditional assignment of a value without assignments inside.
   */
  private defineScalar(local: number, value: Ref, unconditional: boolean): void {
    const a = this.api;
    if (unconditional && !allPlaces(a, value).some((p) => a.getExpressionId(p.ref) === a.LocalSetId)) this.scalarDefs.set(local, this.address(value));
    else this.scalarDefs.delete(local);
  }

  /**
   * An address as a pure expression of the induction variables' values at the start of the iteration
   * and of invariants, the form {@link coefficient}, {@link affineKey} and the alias checks before the
   * loop need: a tee of a temporary inside it becomes its value (and defines the temporary for later
   * addresses), a temporary read becomes its definition earlier in the iteration, and the main
   * induction variable's update `local.tee $i (i + s)` (as -O3 leaves clang -O0 loops) becomes `i + s`,
   * after which addresses read i as `i + s` and any other read of i is refused.
   */
  private address(e: Ref): Ref {
    const a = this.api;
    const m = this.m;
    const id = a.getExpressionId(e);
    if (id === a.LocalSetId) {
      const l = this.w.LocalSet.getIndex(e);
      const value = this.w.LocalSet.getValue(e);
      const v = this.address(value);
      const iv = this.ivs.get(l);
      if (iv && l === this.c.iv && !this.ivShift.has(l) && stepOf(a, value, l) === Number(iv.step)) {
        this.ivShift.set(l, iv.step);
        return v;
      }
      if (!this.temps.has(l) || this.masked) return refuse('address', `assignment to local ${l} in an address`);
      this.scalarDefs.set(l, v);
      return v;
    }
    if (id === a.LocalGetId) {
      const l = this.w.LocalGet.getIndex(e);
      const d = this.scalarDefs.get(l);
      if (d !== undefined) return m.copyExpression(d);
      const shift = this.ivShift.get(l);
      if (shift === undefined) return m.copyExpression(e);
      const type = a.getExpressionType(e);
      return type === a.i64 ? m.i64.add(m.local.get(l, a.i64), m.i64.const(shift)) : m.i32.add(m.local.get(l, a.i32), m.i32.const(Number(BigInt.asIntN(32, shift))));
    }
    const copy = m.copyExpression(e);
    if (id === a.BinaryId || id === a.UnaryId || id === a.SelectId) {
      const originals = childPlaces(a, e);
      childPlaces(a, copy).forEach((p, j) => p.set(this.address(originals[j]!.ref)));
    }
    return copy;
  }

  /** Bytes the address advances per iteration (affine in the induction variables), or a refusal. */
  private coefficient(e: Ref): bigint {
    const a = this.api;
    const id = a.getExpressionId(e);
    if (id === a.ConstId || id === a.GlobalGetId) return 0n;
    if (id === a.LocalGetId) {
      const l = this.w.LocalGet.getIndex(e);
      const iv = this.ivs.get(l);
      if (iv) return iv.step;
      if (this.temps.has(l) || this.reductions.has(l)) return refuse('address', 'address computed from data');
      return 0n;
    }
    if (id === a.UnaryId) {
      const i = info(a, e);
      const name = this.ops.unary.get(i.op!);
      const inner = this.coefficient(i.value as Ref);
      if (name === 'WrapInt64') return BigInt.asIntN(32, inner);
      if (inner === 0n) return 0n;
      return refuse('address', `${name ?? 'unary'} of the induction variable`);
    }
    if (id === a.BinaryId) {
      const i = info(a, e);
      const name = this.ops.binary.get(i.op!) ?? '';
      const l = this.coefficient(i.left!);
      const r = this.coefficient(i.right!);
      const k = (x: Ref) => constValue(a, x);
      if (name.startsWith('Add')) return l + r;
      if (name.startsWith('Sub')) return l - r;
      if (l === 0n && r === 0n) return 0n;
      if (name.startsWith('Mul')) {
        if (r === 0n && k(i.right!) !== undefined) return l * k(i.right!)!;
        if (l === 0n && k(i.left!) !== undefined) return r * k(i.left!)!;
      }
      if (name.startsWith('Shl') && r === 0n && k(i.right!) !== undefined) {
        const sh = Number(BigInt.asUintN(6, k(i.right!)!));
        return l << BigInt(name.endsWith('32') ? sh & 31 : sh);
      }
      return refuse('address', `${name} of the induction variable`);
    }
    if (id === a.LoadId) return refuse('address', 'address loaded from memory');
    return refuse('address', `expression kind ${id} in an address`);
  }

  /**
   * The alias conditions: pairs decided at compile time (same terms, constant distance), conditions
   * checked before the loop (true: fall back), and conditions checked in every vector block.
   */
  private aliasChecks(): { before: Ref[]; perBlock: Ref[]; proven: number } {
    const a = this.api;
    const m = this.m;
    const before: Ref[] = [];
    const perBlock: Ref[] = [];
    let proven = 0;
    const vector = 16;
    const block = vector * this.opts.interleave;
    const start = (x: Access) => {
      const p = m.i64.extend_u(m.copyExpression(x.ptr));
      return x.offset ? m.i64.add(p, m.i64.const(BigInt(x.offset))) : p;
    };
    const stores = this.accesses.filter((x) => x.store);
    const seen = new Set<string>();
    for (const s of stores) {
      for (const x of this.accesses) {
        if (x === s) continue;
        const pair = [this.accesses.indexOf(s), this.accesses.indexOf(x)].sort((p, q) => p - q).join('/');
        if (seen.has(pair)) continue;
        seen.add(pair);
        if (x.stream) {
          if (x.key === s.key) {
            const d = BigInt.asIntN(32, x.constant - s.constant) + BigInt(x.offset - s.offset);
            if (d === 0n || d >= BigInt(vector) || d <= -BigInt(vector)) {
              proven++;
              continue;
            }
            return refuse('dependence', `accesses ${d} bytes apart, less than a vector`);
          }
          if (!this.opts.versioning) refuse('needs-alias-check', 'two arrays that may overlap');
          // Unsafe when 0 < |d| < 16, with d = start(x) − start(s) in i64 (no wrap-around).
          const d = this.local(a.i64);
          before.push(m.i32.and(
            m.i64.ne(m.local.tee(d, m.i64.sub(start(x), start(s)), a.i64), m.i64.const(0n)),
            m.i64.lt_u(m.i64.add(m.local.get(d, a.i64), m.i64.const(BigInt(vector - 1))), m.i64.const(BigInt(2 * vector - 1))),
          ));
        } else {
          if (!this.opts.versioning) refuse('needs-alias-check', 'a loop-invariant load the loop may overwrite');
          // The block's stores cover [start(s), start(s) + block); the load reads [start(x), start(x) + bytes).
          perBlock.push(m.i64.lt_u(
            m.i64.sub(m.i64.add(start(x), m.i64.const(BigInt(x.bytes - 1))), start(s)),
            m.i64.const(BigInt(block + x.bytes - 1)),
          ));
        }
      }
    }
    return { before, perBlock, proven };
  }

  // ── values ───────────────────────────────────────────────────────────────────────────────────────

  private splatLocal(key: string, make: () => Ref): Ref {
    let l = this.splats.get(key);
    if (l === undefined) {
      l = this.local(this.api.v128);
      this.splats.set(key, l);
      this.preheader.push(this.m.local.set(l, make()));
    }
    return this.m.local.get(l, this.api.v128);
  }

  private constKind(v: VVal, type: number): Kind {
    if (this.width >= 32 || type !== this.api.i32) return 'exact';
    const c = v.value!;
    const W = BigInt(this.width);
    if (c >= 0n && c < 1n << W) return 'zext';
    if (c >= -(1n << (W - 1n)) && c < 0n) return 'sext';
    return 'low';
  }

  private isZext(v: VVal): boolean {
    return v.kind === 'zext' || v.kind === 'exact' || (v.kind === 'const' && v.value! >= 0n && v.value! < 1n << BigInt(this.width));
  }

  private isSext(v: VVal): boolean {
    const W = BigInt(this.width);
    return v.kind === 'sext' || v.kind === 'exact' || (v.kind === 'const' && v.value! >= -(1n << (W - 1n)) && v.value! < 1n << (W - 1n));
  }

  private joinKind(x: VVal, y: VVal, type: number): Kind {
    if (this.width >= 32 || type !== this.api.i32) return x.kind === 'mask' && y.kind === 'mask' ? 'mask' : 'exact';
    if (x.kind === 'mask' && y.kind === 'mask') return 'mask';
    if (this.isZext(x) && this.isZext(y)) return 'zext';
    if (this.isSext(x) && this.isSext(y)) return 'sext';
    return 'low';
  }

  /** A mask as a 0/1 value; any other value unchanged. */
  private valueOf(v: VVal): VVal {
    if (v.kind !== 'mask') return v;
    const a = this.api;
    if (this.width === 64) refuse('mixed-width', 'an i32 comparison result used as a value in 64-bit lanes');
    const one = this.vop(this.ns(a.i32), 'splat', this.m.i32.const(1));
    return { ref: this.vop('v128', 'and', v.ref, one), kind: this.width === 32 ? 'exact' : 'zext', type: a.i32 };
  }

  /** A value as a lane mask (nonzero → all ones). */
  private mask(v: VVal): Ref {
    if (v.kind === 'mask') return v.ref;
    if (v.kind === 'low') refuse('narrow-lanes', 'truth value of an i32 whose upper bits are unknown');
    const ns = this.ns(v.type);
    return this.vop('v128', 'not', this.vop(ns, 'eq', v.ref, this.vop(ns, 'splat', this.zero(v.type))));
  }

  private zero(type: number): Ref {
    const a = this.api;
    const m = this.m;
    return type === a.i64 ? m.i64.const(0n) : type === a.f32 ? m.f32.const(0) : type === a.f64 ? m.f64.const(0) : m.i32.const(0);
  }

  private value(e: Ref): VVal {
    const a = this.api;
    const m = this.m;
    const id = a.getExpressionId(e);
    const type = a.getExpressionType(e);
    if (id === a.ConstId) {
      if (type !== a.i32 || this.width > 32) this.need(type);
      const value = constValue(a, e);
      return { ref: this.vop(this.ns(type), 'splat', m.copyExpression(e)), kind: 'const', type, ...(value !== undefined ? { value } : {}) };
    }
    if (id === a.LocalGetId) {
      const l = this.w.LocalGet.getIndex(e);
      if (this.inReduction?.local === l) return { ref: m.local.get(this.inReduction.acc[this.copy]!, a.v128), kind: 'exact', type };
      if (this.reductions.has(l)) return refuse('recurrence', `reduction local ${l} read outside its update`);
      const iv = this.ivs.get(l);
      if (iv && this.ivShift.has(l)) return refuse('iv-read-after-update', `local ${l}`);
      if (iv) return this.ivVector(l, iv.step, type);
      if (this.temps.has(l)) {
        const d = this.defined.get(l);
        if (!d) return refuse('recurrence', `local ${l} is read before it is assigned in the iteration`);
        return { ref: m.local.get(d.local, a.v128), kind: d.kind, type };
      }
      this.need(type);
      return { ref: this.splatLocal(`l${l}:${this.ns(type)}`, () => this.vop(this.ns(type), 'splat', m.local.get(l, type))), kind: this.width < 32 && type === a.i32 ? 'low' : 'exact', type };
    }
    if (id === a.GlobalGetId) {
      this.need(type);
      const name = this.w.GlobalGet.getName(e);
      return { ref: this.splatLocal(`g${name}:${this.ns(type)}`, () => this.vop(this.ns(type), 'splat', m.global.get(name, type))), kind: this.width < 32 && type === a.i32 ? 'low' : 'exact', type };
    }
    if (id === a.LocalSetId) {
      // A tee of a temporary inside an expression.
      const l = this.w.LocalSet.getIndex(e);
      if (!this.temps.has(l)) return refuse('recurrence', `tee of local ${l}`);
      const v = this.value(this.w.LocalSet.getValue(e));
      const target = this.vectorLocalOf(l);
      this.defineScalar(l, this.w.LocalSet.getValue(e), !this.masked);
      this.defined.set(l, { local: target, kind: v.kind === 'const' ? this.constKind(v, type) : v.kind });
      return { ...v, ref: m.local.tee(target, v.ref, a.v128) };
    }
    if (id === a.LoadId) return this.load(e);
    if (id === a.UnaryId) return this.unary(e);
    if (id === a.BinaryId) return this.binary(e);
    if (id === a.SelectId) {
      const i = info(a, e);
      const x = this.value(i.ifTrue!);
      const y = this.value(i.ifFalse!);
      const c = this.mask(this.value(i.condition!));
      const both = x.kind === 'mask' && y.kind === 'mask';
      const xv = both ? x : this.valueOf(x);
      const yv = both ? y : this.valueOf(y);
      return { ref: this.vop('v128', 'bitselect', xv.ref, yv.ref, c), kind: this.joinKind(xv, yv, type), type };
    }
    return refuse('expression', `expression kind ${id}`);
  }

  private ivVector(l: number, step: bigint, type: number): VVal {
    const a = this.api;
    const m = this.m;
    if (type === a.i64 ? this.width !== 64 : this.width === 64) refuse('mixed-width', 'induction variable as a value in lanes of another width');
    const ns = this.ns(type);
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    for (let j = 0; j < this.lanes; j++) {
      const v = step * BigInt(this.copy * this.lanes + j);
      if (this.width === 8) view.setUint8(j, Number(BigInt.asUintN(8, v)));
      else if (this.width === 16) view.setUint16(2 * j, Number(BigInt.asUintN(16, v)), true);
      else if (this.width === 32) view.setUint32(4 * j, Number(BigInt.asUintN(32, v)), true);
      else view.setBigUint64(8 * j, BigInt.asUintN(64, v), true);
    }
    const ref = this.vop(ns, 'add', this.vop(ns, 'splat', m.local.get(l, type)), m.v128.const([...bytes]));
    return { ref, kind: this.width < 32 ? 'low' : 'exact', type };
  }

  /** A scalar operand that must be the same in every lane (a shift count): a copy of the expression. */
  private invariantScalar(e: Ref): Ref {
    const a = this.api;
    for (const p of allPlaces(a, e)) {
      const id = a.getExpressionId(p.ref);
      if (id === a.LocalGetId) {
        const l = this.w.LocalGet.getIndex(p.ref);
        if (this.ivs.has(l) || this.temps.has(l) || this.reductions.has(l)) refuse('variable-shift', 'shift count changes in the loop');
      } else if (id !== a.ConstId && id !== a.GlobalGetId && id !== a.BinaryId && id !== a.UnaryId) {
        refuse('variable-shift', 'shift count is not loop-invariant');
      }
    }
    return this.m.copyExpression(e);
  }

  private binary(e: Ref): VVal {
    const a = this.api;
    const m = this.m;
    const i = info(a, e);
    const name = this.ops.binary.get(i.op!);
    if (!name) return refuse('no-simd-op', `binary operator ${i.op}`);
    const { op, ty } = splitOp(name);
    const type = ty === 'i32' ? a.i32 : ty === 'i64' ? a.i64 : ty === 'f32' ? a.f32 : a.f64;
    const float = ty === 'f32' || ty === 'f64';
    const ns = this.ns(type);
    const narrow = type === a.i32 && this.width < 32;
    const nameOf = (o: string) => `${ns}.${o}`;
    // Shifts: the count is a scalar, the same in every lane.
    if (op === 'Shl' || op === 'ShrS' || op === 'ShrU') {
      this.need(type);
      const x = this.valueOf(this.value(i.left!));
      let count = this.invariantScalar(i.right!);
      const k = constValue(a, i.right!);
      if (narrow) {
        if (k === undefined || BigInt.asUintN(5, k) >= BigInt(this.width)) refuse('narrow-lanes', `${name} by ${k ?? 'a variable count'} in ${this.width}-bit lanes`);
        if (op === 'ShrU' && !this.isZext(x)) refuse('narrow-lanes', 'unsigned right shift of a value whose upper bits are unknown');
        if (op === 'ShrS' && !this.isSext(x)) refuse('narrow-lanes', 'signed right shift of a value whose upper bits are unknown');
      }
      if (type === a.i64) count = m.i32.wrap(count);
      const kind: Kind = !narrow ? 'exact' : op === 'Shl' ? 'low' : op === 'ShrU' ? 'zext' : 'sext';
      return { ref: this.vop(ns, { Shl: 'shl', ShrS: 'shr_s', ShrU: 'shr_u' }[op], x.ref, count), kind, type };
    }
    const l = this.value(i.left!);
    const r = this.value(i.right!);
    // Comparisons give masks.
    const cmp = /^(Eq|Ne|Lt|Le|Gt|Ge)(S|U)?$/.exec(op);
    if (cmp) {
      const [, rel, sign] = cmp;
      this.need(type);
      const lv = this.valueOf(l);
      const rv = this.valueOf(r);
      let simd: string;
      if (float) simd = rel!.toLowerCase();
      else if (rel === 'Eq' || rel === 'Ne') {
        if (narrow && !((this.isZext(lv) && this.isZext(rv)) || (this.isSext(lv) && this.isSext(rv)))) refuse('narrow-lanes', `${name} of values whose upper bits are unknown`);
        simd = rel.toLowerCase();
      } else if (!narrow) simd = `${rel!.toLowerCase()}_${sign!.toLowerCase()}`;
      else if (this.isZext(lv) && this.isZext(rv)) simd = `${rel!.toLowerCase()}_u`;
      else if (this.isSext(lv) && this.isSext(rv)) simd = `${rel!.toLowerCase()}_${sign!.toLowerCase()}`;
      else return refuse('narrow-lanes', `${name} of values whose upper bits are unknown`);
      if (!this.hasOp(ns, simd)) refuse('no-simd-op', nameOf(simd));
      return { ref: this.vop(ns, simd, lv.ref, rv.ref), kind: 'mask', type: a.i32 };
    }
    this.need(type);
    if (op === 'And' || op === 'Or' || op === 'Xor') {
      if (l.kind === 'mask' && r.kind === 'mask') return { ref: this.vop('v128', op.toLowerCase(), l.ref, r.ref), kind: 'mask', type: a.i32 };
      const lv = this.valueOf(l);
      const rv = this.valueOf(r);
      // In narrow lanes, `x & y` has zero upper bits when either operand has.
      const kind: Kind = !narrow ? 'exact' : op === 'And' && (this.isZext(lv) || this.isZext(rv)) ? 'zext' : this.joinKind(lv, rv, type);
      return { ref: this.vop('v128', op.toLowerCase(), lv.ref, rv.ref), kind, type };
    }
    const lv = this.valueOf(l);
    const rv = this.valueOf(r);
    const simd = ({ Add: 'add', Sub: 'sub', Mul: 'mul', Div: 'div', Min: 'min', Max: 'max' } as Record<string, string>)[op];
    if (!simd || (!float && (op === 'Div' || op === 'Min' || op === 'Max'))) {
      return refuse('no-simd-op', `${ty}.${op.replace(/([SU])$/, '_$1').toLowerCase()} (${ns} has no equivalent)`);
    }
    if (!this.hasOp(ns, simd)) refuse('no-simd-op', nameOf(simd));
    return { ref: this.vop(ns, simd, lv.ref, rv.ref), kind: narrow ? 'low' : 'exact', type };
  }

  private hasOp(ns: Ns, name: string): boolean {
    return typeof (this.m as unknown as Record<string, VecOps>)[ns]![name] === 'function';
  }

  private unary(e: Ref): VVal {
    const a = this.api;
    const m = this.m;
    const i = info(a, e);
    const name = this.ops.unary.get(i.op!);
    if (!name) return refuse('no-simd-op', `unary operator ${i.op}`);
    const type = i.type;
    const x = this.value(i.value as Ref);
    const float = (t: number) => t === a.f32 || t === a.f64;
    if (name === 'EqZInt32' || name === 'EqZInt64') {
      if (x.kind === 'mask') return { ref: this.vop('v128', 'not', x.ref), kind: 'mask', type: a.i32 };
      if (x.kind === 'low') refuse('narrow-lanes', 'eqz of a value whose upper bits are unknown');
      this.need(x.type);
      const ns = this.ns(x.type);
      return { ref: this.vop(ns, 'eq', x.ref, this.vop(ns, 'splat', this.zero(x.type))), kind: 'mask', type: a.i32 };
    }
    const fm = /^(Neg|Abs|Ceil|Floor|Trunc|Nearest|Sqrt)Float(32|64)$/.exec(name);
    if (fm) {
      this.need(type);
      return { ref: this.vop(this.ns(type), fm[1]!.toLowerCase(), x.ref), kind: 'exact', type };
    }
    if (/^Reinterpret/.test(name)) {
      this.need(type);
      return { ref: this.valueOf(x).ref, kind: 'exact', type };
    }
    if (name === 'ConvertSInt32ToFloat32' || name === 'ConvertUInt32ToFloat32') {
      this.need(type);
      return { ref: this.vop('f32x4', name.startsWith('ConvertS') ? 'convert_i32x4_s' : 'convert_i32x4_u', this.valueOf(x).ref), kind: 'exact', type };
    }
    if (name === 'TruncSatSFloat32ToInt32' || name === 'TruncSatUFloat32ToInt32') {
      this.need(type);
      return { ref: this.vop('i32x4', name.startsWith('TruncSatS') ? 'trunc_sat_f32x4_s' : 'trunc_sat_f32x4_u', x.ref), kind: 'exact', type };
    }
    if (name === 'ExtendS8Int32' || name === 'ExtendS16Int32') {
      this.need(type);
      const bits = name === 'ExtendS8Int32' ? 8 : 16;
      const v = this.valueOf(x);
      if (this.width === bits) return { ref: v.ref, kind: 'sext', type };
      if (this.width === 32) {
        const sh = m.i32.const(32 - bits);
        return { ref: this.vop('i32x4', 'shr_s', this.vop('i32x4', 'shl', v.ref, sh), m.i32.const(32 - bits)), kind: 'exact', type };
      }
      return refuse('narrow-lanes', `${name} in ${this.width}-bit lanes`);
    }
    if (name === 'PopcntInt32' && this.width === 8 && this.isZext(this.valueOf(x))) {
      return { ref: this.vop('i8x16', 'popcnt', this.valueOf(x).ref), kind: 'zext', type };
    }
    if (/^Trunc[SU]Float/.test(name)) return refuse('no-simd-op', `${name} (traps on overflow; SIMD has only saturating conversions)`);
    if (/^(Wrap|Extend|Promote|Demote)/.test(name) || (float(type) !== float(x.type) && this.typeName(type).slice(1) !== this.typeName(x.type).slice(1))) {
      return refuse('mixed-width', name);
    }
    return refuse('no-simd-op', name);
  }

  // ── reductions ───────────────────────────────────────────────────────────────────────────────────

  private identity(r: Reduction): Ref {
    const a = this.api;
    const m = this.m;
    const ns = this.ns(r.type);
    const t = r.type;
    const int = (v: bigint) => (t === a.i64 ? m.i64.const(BigInt.asIntN(64, v)) : m.i32.const(Number(BigInt.asIntN(32, v))));
    const bits = t === a.i64 ? 64n : 32n;
    let scalar: Ref;
    switch (r.op) {
      case 'add': case 'sub':
        scalar = t === a.f32 ? m.f32.const(-0) : t === a.f64 ? m.f64.const(-0) : int(0n);
        break;
      case 'or': case 'xor': case 'max_u': scalar = int(0n); break;
      case 'mul': scalar = t === a.f32 ? m.f32.const(1) : t === a.f64 ? m.f64.const(1) : int(1n); break;
      case 'and': scalar = int(-1n); break;
      case 'min_s': scalar = int((1n << (bits - 1n)) - 1n); break;
      case 'min_u': scalar = int(-1n); break;
      case 'max_s': scalar = int(-(1n << (bits - 1n))); break;
      case 'fmin': scalar = t === a.f32 ? m.f32.const(Infinity) : m.f64.const(Infinity); break;
      case 'fmax': scalar = t === a.f32 ? m.f32.const(-Infinity) : m.f64.const(-Infinity); break;
    }
    return this.vop(ns, 'splat', scalar);
  }

  /** `r = r ⊕ lane0 ⊕ lane1 ⊕ …` over the accumulators (a sub reduction adds what it subtracted). */
  private merge(r: Reduction): Ref {
    const a = this.api;
    const m = this.m;
    const t = r.type;
    const ns = r.wide ? 'i32x4' : this.ns(t);
    const ty = t === a.i32 ? m.i32 : t === a.i64 ? m.i64 : t === a.f32 ? m.f32 : m.f64;
    const tyOps = ty as unknown as Record<string, (x: Ref, y: Ref) => Ref>;
    const combine = (x: () => Ref, y: Ref): Ref => {
      switch (r.op) {
        case 'add': case 'sub': case 'mul': case 'and': case 'or': case 'xor':
          return tyOps[r.op === 'sub' ? 'add' : r.op]!(x(), y);
        case 'fmin': return tyOps.min!(x(), y);
        case 'fmax': return tyOps.max!(x(), y);
        default: {
          // Integer min/max: a select on a comparison (a temporary would do; the lanes are cheap to reload).
          const cmp = { min_s: 'lt_s', min_u: 'lt_u', max_s: 'gt_s', max_u: 'gt_u' }[r.op];
          const xv = x();
          return m.select(tyOps[cmp]!(x(), m.copyExpression(y)), xv, y);
        }
      }
    };
    const vec = (j: number) => m.local.get(r.acc[j]!, a.v128);
    let all = vec(0);
    const vcombine: Record<string, string> = { add: 'add', sub: 'add', mul: 'mul', and: 'and', or: 'or', xor: 'xor', fmin: 'min', fmax: 'max', min_s: 'min_s', min_u: 'min_u', max_s: 'max_s', max_u: 'max_u' };
    for (let j = 1; j < r.acc.length; j++) {
      const op = vcombine[r.op]!;
      if (['and', 'or', 'xor'].includes(op)) all = this.vop('v128', op, all, vec(j));
      else if (this.hasOp(ns, op)) all = this.vop(ns, op, all, vec(j));
      else {
        // i64x2 has no min/max: a blend on a comparison.
        const cmp = op.startsWith('min') ? 'lt_s' : 'gt_s';
        if (op.endsWith('_u')) refuse('no-simd-op', `${ns}.${op}`);
        all = this.vop('v128', 'bitselect', all, vec(j), this.vop(ns, cmp, m.copyExpression(all), vec(j)));
      }
    }
    const combined = this.local(a.v128);
    const stmts: Ref[] = [m.local.set(combined, all)];
    let acc = (): Ref => m.local.get(r.local, t);
    for (let j = 0; j < (r.wide ? 4 : this.lanes); j++) {
      const lane = this.vop(ns, 'extract_lane', m.local.get(combined, a.v128), j);
      const prev = acc;
      const next = combine(prev, lane);
      const tmp = this.local(t);
      stmts.push(m.local.set(tmp, next));
      acc = () => m.local.get(tmp, t);
    }
    stmts.push(m.local.set(r.local, acc()));
    return m.block(null, stmts, a.none);
  }
}

/** Whether an expression has no side effects and cannot trap (it may be dropped). */
function isPure(api: Api, e: Ref): boolean {
  return allPlaces(api, e).every((p) => {
    const id = api.getExpressionId(p.ref);
    return id === api.LocalGetId || id === api.ConstId || id === api.GlobalGetId || id === api.UnaryId || id === api.BinaryId || id === api.SelectId;
  });
}

/** The value of an integer constant (signed, at its width), or undefined. */
export function constValue(api: Api, e: Ref): bigint | undefined {
  if (api.getExpressionId(e) !== api.ConstId) return undefined;
  const t = api.getExpressionType(e);
  const w = wrappers(api);
  if (t === api.i32) return BigInt(w.Const.getValueI32(e) | 0);
  if (t === api.i64) return BigInt.asIntN(64, w.Const.getValueI64(e));
  return undefined;
}

/** A canonical text of a side-effect-free expression, for structural comparison. */
export function canonical(api: Api, e: Ref): string {
  const id = api.getExpressionId(e);
  const w = wrappers(api);
  if (id === api.LocalGetId) return `l${w.LocalGet.getIndex(e)}`;
  if (id === api.GlobalGetId) return `g${w.GlobalGet.getName(e)}`;
  if (id === api.ConstId) return `c${api.getExpressionType(e)}:${constValue(api, e) ?? (api.getExpressionInfo(e) as unknown as { value: number }).value}`;
  if (id === api.BinaryId) return `b${w.Binary.getOp(e)}(${canonical(api, w.Binary.getLeft(e))},${canonical(api, w.Binary.getRight(e))})`;
  if (id === api.UnaryId) return `u${w.Unary.getOp(e)}(${canonical(api, w.Unary.getValue(e))})`;
  if (id === api.LoadId) {
    const i = info(api, e);
    return `m${i.type}:${i.bytes}:${i.isSigned ? 's' : 'u'}:${i.offset}(${canonical(api, i.ptr!)})`;
  }
  return `#${e}`;
}

function sameExpr(api: Api, x: Ref, y: Ref): boolean {
  const cx = canonical(api, x);
  return !cx.includes('#') && cx === canonical(api, y);
}

/** An i32 address as sorted non-constant terms (added or subtracted) plus a constant. */
export function affineKey(api: Api, e: Ref): { key: string; constant: bigint } {
  const terms: string[] = [];
  let constant = 0n;
  const w = wrappers(api);
  const go = (x: Ref, sign: 1n | -1n) => {
    const c = constValue(api, x);
    if (c !== undefined) {
      constant += sign * c;
      return;
    }
    if (api.getExpressionId(x) === api.BinaryId) {
      const op = w.Binary.getOp(x);
      if (op === api.AddInt32) {
        go(w.Binary.getLeft(x), sign);
        go(w.Binary.getRight(x), sign);
        return;
      }
      if (op === api.SubInt32) {
        go(w.Binary.getLeft(x), sign);
        go(w.Binary.getRight(x), sign === 1n ? -1n : 1n);
        return;
      }
    }
    terms.push(`${sign === 1n ? '+' : '-'}${canonical(api, x)}`);
  };
  go(e, 1n);
  const key = terms.sort().join(' ');
  // Terms that cannot be compared (kinds canonical() does not know) never match another access.
  return { key: key.includes('#') ? `${key}@${e}` : key, constant };
}

// ── the pass ─────────────────────────────────────────────────────────────────────────────────────────

interface Found {
  fn: { index: number; ref: number; name: string };
  place: Place;
  depth: number;
  index: number;
  label: string;
}

/** Innermost loops of every readable function, in walk order; unreadable functions by name. */
function innermostLoops(m: Module, api: Api): { found: Found[]; unreadable: string[] } {
  const found: Found[] = [];
  const unreadable: string[] = [];
  for (const fn of definedFunctions(m, api)) {
    const here: Found[] = [];
    const hasLoopBelow: boolean[] = [];
    try {
      walk(api, bodyPlace(api, fn.ref), (p) => {
        if (api.getExpressionId(p.ref) === api.LoopId) hasLoopBelow.push(false);
      }, (p, ancestors) => {
        if (api.getExpressionId(p.ref) !== api.LoopId) return;
        const below = hasLoopBelow.pop()!;
        if (!below) {
          const depth = 1 + ancestors.filter((x) => api.getExpressionId(x) === api.LoopId).length;
          here.push({ fn, place: p, depth, index: here.length, label: wrappers(api).Loop.getName(p.ref) ?? '' });
        }
        if (hasLoopBelow.length) hasLoopBelow[hasLoopBelow.length - 1] = true;
      });
    } catch (e) {
      if (e instanceof UnknownExpression) {
        unreadable.push(fn.name);
        continue;
      }
      throw e;
    }
    found.push(...here);
  }
  return { found, unreadable };
}

/**
 * Plan one loop: the plan, or why not. Nothing in the module changes (expressions a plan builds and
 * never uses stay unreferenced).
 */
function planLoop(m: Module, api: Api, f: Found, opts: VectorizeOptions): Plan | Refuse {
  try {
    const names = new LabelNames(labelsIn(api, bodyPlace(api, f.fn.ref).ref));
    let c: CountedLoop;
    try {
      c = analyse(m, api, f.place.ref);
    } catch (e) {
      if (e instanceof Refusal) return new Refuse(`not-counted:${e.message}`);
      throw e;
    }
    return new LoopVectorizer(m, api, f.fn.ref, f.place.ref, c, opts, names).plan();
  } catch (e) {
    if (e instanceof Refuse) return e;
    if (e instanceof UnknownExpression) return new Refuse('unsupported-expression');
    throw e;
  }
}

/** Vectorize the module's innermost loops (see the file's comment); returns what it did and why. */
export function vectorizeModule(m: Module, api: Api, opts: VectorizeOptions): VectorizeReport {
  const report: VectorizeReport = { loops: [], unreadableFunctions: [], vectorized: 0, refused: {} };
  const features = m.getFeatures();
  const { found, unreadable } = innermostLoops(m, api);
  report.unreadableFunctions = unreadable;
  const exported = new Map<string, string>();
  for (let i = 0; i < m.getNumExports(); i++) {
    const e = api.getExportInfo(m.getExportByIndex(i));
    if (e.kind === api.ExternalFunction && !exported.has(e.value)) exported.set(e.value, e.name);
  }
  const fnName = (n: string) => (/^\d+$/.test(n) && exported.has(n) ? exported.get(n)! : n);
  const decision = (f: Found, state: LoopDecision['state'], extra: Partial<LoopDecision> = {}): LoopDecision =>
    ({ function: fnName(f.fn.name), loop: f.label, index: f.index, depth: f.depth, state, ...extra });
  const refused = (f: Found, r: Refuse) => {
    report.loops.push(decision(f, 'refused', { reason: r.reason, ...(r.detail ? { detail: r.detail } : {}) }));
    report.refused[r.reason] = (report.refused[r.reason] ?? 0) + 1;
  };
  // One 32-bit memory (binaryen.js cannot count memories: a module read with multi-memory may have more).
  const memoryOk = m.hasMemory() && !(m.getMemoryInfo() as { is64?: boolean }).is64 && (features & api.Features.MultiMemory) === 0;

  // Which loops to rewrite: every accepted one, or the r-th by rank (a first planning round decides).
  let chosen: Set<Found> | undefined;
  if (opts.onlyRank !== undefined && memoryOk) {
    const accepted = found.filter((f) => !(planLoop(m, api, f, opts) instanceof Refuse));
    accepted.sort((x, y) => y.depth - x.depth || x.fn.index - y.fn.index || x.index - y.index);
    chosen = new Set(accepted.slice(opts.onlyRank, opts.onlyRank + 1));
  }
  const addVar = (api as unknown as { _BinaryenFunctionAddVar(f: number, t: number): number })._BinaryenFunctionAddVar;
  for (const f of found) {
    if (!memoryOk) {
      refused(f, new Refuse('memory', 'no memory, or memory64 / multi-memory'));
      continue;
    }
    const plan = planLoop(m, api, f, opts);
    if (plan instanceof Refuse) {
      refused(f, plan);
      continue;
    }
    if (chosen && !chosen.has(f)) {
      report.loops.push(decision(f, 'not-selected', plan.decision));
      continue;
    }
    for (const t of plan.newLocals) addVar(f.fn.ref, t);
    f.place.set(plan.replacement);
    report.loops.push(decision(f, 'vectorized', plan.decision));
    report.vectorized++;
  }
  if (report.vectorized) m.setFeatures(m.getFeatures() | api.Features.SIMD128);
  return report;
}

/**
 * What the pass would do to a module, without keeping the result: per function and loop, vectorized or
 * refused and why. `api` is the binaryen module object (src/binaryen/module.ts exports it).
 */
export function analyzeVectorization(api: Api, bytes: Uint8Array, opts: Partial<VectorizeOptions> = {}): VectorizeReport {
  const m = api.readBinary(bytes);
  try {
    // Every feature Node's engine has, so that any module it runs can be read (see detectFeatures).
    const f = api.Features;
    m.setFeatures(m.getFeatures() | f.MutableGlobals | f.SignExt | f.NontrappingFPToInt | f.BulkMemory | f.BulkMemoryOpt | f.Multivalue | f.ReferenceTypes | f.SIMD128 | f.TailCall);
    return vectorizeModule(m, api, { interleave: 1, versioning: true, floatReductions: false, ...opts });
  } finally {
    m.dispose();
  }
}

function interleave(arg: string | undefined): number {
  if (!(VECTORIZE_INTERLEAVE as readonly string[]).includes(String(arg))) throw new Error(`the interleave factor must be one of ${VECTORIZE_INTERLEAVE.join(', ')}, got ${String(arg)}`);
  return Number(arg);
}

/** `wt-vectorize:f`. */
export const vectorize: ModulePass = (m, api, arg) => {
  vectorizeModule(m, api, { interleave: interleave(arg), versioning: true, floatReductions: false });
};

/** `wt-vectorize-noalias:f`: no run-time overlap checks (loops that need one are refused). */
export const vectorizeNoAlias: ModulePass = (m, api, arg) => {
  vectorizeModule(m, api, { interleave: interleave(arg), versioning: false, floatReductions: false });
};

/** `wt-vectorize-fast:f`: float reductions too, when the fast-math knob is on. */
export const vectorizeFast: ModulePass = (m, api, arg) => {
  vectorizeModule(m, api, { interleave: interleave(arg), versioning: true, floatReductions: true });
};

/** `wt-vectorize-loop:r`: the r-th accepted loop only. */
export const vectorizeLoop: ModulePass = (m, api, arg) => {
  vectorizeModule(m, api, { interleave: 1, versioning: true, floatReductions: false, onlyRank: decisionRank(arg, 'loop') });
};
