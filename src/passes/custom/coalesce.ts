/**
 * `wt-coalesce:0|1|2`: how hard locals are coalesced, as one knob. 2 runs Binaryen's
 * `coalesce-locals-learning` (coalescing with a local order learned by a genetic algorithm: fewest
 * copies, slow), 1 its `coalesce-locals` (the register allocation of every -O pipeline), and 0 goes the
 * other way: every local is split into one local per web, so each independent use of a variable gets a
 * local of its own and no live range is longer than its definitions and uses need. Binaryen has no
 * splitting pass (its `ssa` renames every definition and adds copies at merges, for later passes to
 * clean up); coalescing merges unrelated short values into one local whose live range then spans them
 * all, which can keep V8's register allocator from giving each its own register, so a search may want
 * either direction.
 *
 * Webs come from reaching definitions over the structured control flow: every `local.set`/`local.tee` is
 * a definition, and each local has one more, its value on entry (the parameter, or zero for a variable);
 * definitions that reach a common `local.get` are one web, with all the gets they reach. The web holding
 * the entry value keeps the local's index, so parameters keep their index and every read that may see
 * the initial value still does (a variable whose initial value no read sees gives its index to its first
 * web); every other web gets a fresh local of the same type, written on every path before it is read.
 * A `local.get` in unreachable code keeps its index. Only locals of numeric and vector types are split
 * (a non-nullable reference local must keep its structural initialisation); a function with an
 * expression kind the IR toolkit does not know is left alone.
 */
import type { ModulePass } from '../../binaryen/module.js';
import { UnknownExpression, bodyPlace, branchTargets, childPlaces, definedFunctions, walk, wrappers, type Api, type Module, type Place, type Ref } from './ir-tree.js';

export const COALESCE_LEVELS = ['0', '1', '2'] as const;

export interface SplitStats {
  /** Functions the pass could read. */
  functions: number;
  /** Locals (parameters included) that were split into more than one web. */
  split: number;
  /** Locals added. */
  added: number;
  /** Functions left alone because of an unknown expression kind. */
  refused: number;
}

interface MoreWrappers {
  _BinaryenFunctionAddVar(f: number, type: number): number;
}
const more = (api: Api) => api as unknown as MoreWrappers;

/** Reaching definitions per local: def ids (−1 − local for the entry value); null where unreachable. */
type State = Array<Set<number>> | null;

function merge(a: State, b: State): State {
  if (a === null) return b && b.map((s) => new Set(s));
  if (b === null) return a;
  return a.map((s, i) => {
    const t = b[i]!;
    for (const x of s) if (!t.has(x)) return new Set([...s, ...t]);
    return s.size === t.size ? s : new Set([...s, ...t]);
  });
}

function sameState(a: State, b: State): boolean {
  if (a === null || b === null) return a === b;
  return a.every((s, i) => s.size === b[i]!.size && [...s].every((x) => b[i]!.has(x)));
}

/** Union-find over definition ids. */
class Webs {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** Split the locals of every function into webs; returns what it did. */
export function splitLocalsModule(m: Module, api: Api): SplitStats {
  const stats: SplitStats = { functions: 0, split: 0, added: 0, refused: 0 };
  for (const fn of definedFunctions(m, api)) {
    try {
      splitFunction(api, fn.ref, stats);
      stats.functions++;
    } catch (e) {
      if (e instanceof UnknownExpression) stats.refused++;
      else throw e;
    }
  }
  return stats;
}

function splitFunction(api: Api, func: number, stats: SplitStats): void {
  const w = wrappers(api);
  const info = api.getFunctionInfo(func);
  const numParams = api.expandType(info.params).length;
  const types = [...api.expandType(info.params), ...info.vars];
  const numLocals = types.length;
  const splittable = types.map((t) => t === api.i32 || t === api.i64 || t === api.f32 || t === api.f64 || t === api.v128);

  // Number the definitions and collect the gets (the tree is walked once to give every set an id).
  const root = bodyPlace(api, func);
  const setIds = new Map<Ref, number>();
  const sets: Place[] = [];
  const gets: Place[] = [];
  walk(api, root, (p) => {
    const id = api.getExpressionId(p.ref);
    if (id === api.LocalSetId) {
      setIds.set(p.ref, sets.length);
      sets.push(p);
    } else if (id === api.LocalGetId) {
      gets.push(p);
    }
  });
  const reaching = new Map<Ref, Set<number>>();

  const labels: Array<{ name: string; state: State }> = [];
  const branch = (name: string, s: State) => {
    for (let i = labels.length - 1; i >= 0; i--) {
      if (labels[i]!.name === name) {
        labels[i]!.state = merge(labels[i]!.state, s);
        return;
      }
    }
  };
  const flow = (ref: Ref, s: State): State => {
    const id = api.getExpressionId(ref);
    if (id === api.BlockId) {
      const scope = { name: w.Block.getName(ref) ?? '', state: null as State };
      if (scope.name) labels.push(scope);
      for (const c of childPlaces(api, ref)) s = flow(c.ref, s);
      if (scope.name) labels.pop();
      return merge(s, scope.state);
    }
    if (id === api.LoopId) {
      // Iterate to the fixpoint: the state at the top is the entry state joined with every back edge.
      const name = w.Loop.getName(ref) ?? '';
      let head = s;
      for (;;) {
        const scope = { name, state: null as State };
        if (name) labels.push(scope);
        const out = flow(w.Loop.getBody(ref), head);
        if (name) labels.pop();
        const next = merge(head, scope.state);
        if (sameState(next, head)) return out;
        head = next;
      }
    }
    if (id === api.IfId) {
      const c = flow(w.If.getCondition(ref), s);
      const t = flow(w.If.getIfTrue(ref), c);
      const f = w.If.getIfFalse(ref) ? flow(w.If.getIfFalse(ref), c) : c;
      return merge(t, f);
    }
    for (const c of childPlaces(api, ref)) s = flow(c.ref, s);
    if (id === api.LocalGetId) {
      const i = w.LocalGet.getIndex(ref);
      if (s !== null) {
        const r = reaching.get(ref) ?? new Set<number>();
        for (const d of s[i]!) r.add(d);
        reaching.set(ref, r);
      }
      return s;
    }
    if (id === api.LocalSetId) {
      if (s === null) return s;
      const next = [...s];
      next[w.LocalSet.getIndex(ref)] = new Set([setIds.get(ref)!]);
      return next;
    }
    if (id === api.BreakId) {
      branch(w.Break.getName(ref), s);
      return w.Break.getCondition(ref) ? s : null;
    }
    if (id === api.SwitchId) {
      for (const t of branchTargets(api, ref)) branch(t, s);
      return null;
    }
    if (id === api.ReturnId || id === api.UnreachableId || api.getExpressionType(ref) === api.unreachable) return null;
    return s;
  };
  flow(root.ref, types.map((_, i) => new Set([-1 - i])));

  // Webs: the definitions reaching one get are joined.
  const webs = new Webs();
  for (const ds of reaching.values()) {
    const [first, ...rest] = [...ds];
    for (const d of rest) webs.union(first!, d);
  }
  const localOfSet = (k: number) => w.LocalSet.getIndex(sets[k]!.ref);
  // One local per web: the entry value's web keeps the index, the others get fresh locals.
  // A variable whose initial value no read sees gives its index to its first web instead.
  const entrySeen = new Set<number>();
  for (const ds of reaching.values()) for (const d of ds) if (d < 0) entrySeen.add(-1 - d);
  const target = new Map<number, number>();
  for (let i = 0; i < numLocals; i++) if (i < numParams || entrySeen.has(i)) target.set(webs.find(-1 - i), i);
  const indexTaken = new Set(target.values());
  const splitLocals = new Set<number>();
  sets.forEach((p, k) => {
    const local = localOfSet(k);
    if (!splittable[local]) return;
    const root = webs.find(k);
    if (target.has(root)) return;
    if (!indexTaken.has(local)) {
      target.set(root, local);
      indexTaken.add(local);
      return;
    }
    target.set(root, more(api)._BinaryenFunctionAddVar(func, types[local]!));
    stats.added++;
    splitLocals.add(local);
  });
  // Rewrite: gets take the web of their reaching definitions; unreachable gets keep their index.
  const renumber = new Map<Ref, number>();
  sets.forEach((p, k) => {
    if (splittable[localOfSet(k)]) renumber.set(p.ref, target.get(webs.find(k))!);
  });
  for (const g of gets) {
    const ds = reaching.get(g.ref);
    const local = w.LocalGet.getIndex(g.ref);
    if (!ds || ds.size === 0 || !splittable[local]) continue;
    renumber.set(g.ref, target.get(webs.find([...ds][0]!))!);
  }
  for (const [ref, index] of renumber) {
    if (api.getExpressionId(ref) === api.LocalSetId) w.LocalSet.setIndex(ref, index);
    else w.LocalGet.setIndex(ref, index);
  }
  stats.split += splitLocals.size;
}

/** `wt-coalesce:0|1|2`. */
export const coalesce: ModulePass = (m, api, arg) => {
  if (arg === '0') splitLocalsModule(m, api);
  else if (arg === '1') m.runPasses(['coalesce-locals']);
  else if (arg === '2') m.runPasses(['coalesce-locals-learning']);
  else throw new Error(`the coalescing level must be one of ${COALESCE_LEVELS.join(', ')}, got ${String(arg)}`);
};
