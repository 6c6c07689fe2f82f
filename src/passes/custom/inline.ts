/**
 * Per-function inlining: `wt-inline:r` (r ∈ 0…7) inlines one function, the r-th in a ranking that
 * depends only on the module, at every direct call site, and removes it when nothing else refers to
 * it. V8 in Node 20 does not inline Wasm calls, so on helper-heavy code inlining decides much of the
 * runtime, and Binaryen decides it only through global size thresholds (always/flexible/one-caller
 * limits) that treat every function alike. This pass lets a search or a learned policy make the
 * decision per function, as MLGO does for LLVM.
 *
 * The ranking. Candidates are the defined functions that have at least one direct call site (`call`
 * or `return_call`) and can be inlined (below). They are sorted by the number of call sites inside
 * loops (more first), then by all call sites (more first), then by size in expressions (smaller first),
 * then by function index; r picks the r-th, and a module with fewer candidates is left unchanged. So
 * `wt-inline:0` always means "the helper called most often from loops", on any module.
 *
 * Single call sites: `wt-inline-site:r` (r ∈ 0…7) inlines exactly one direct call site and leaves the
 * callee in place for its other callers (a callee left without callers is for Binaryen's
 * `remove-unused-module-elements` to drop). Candidates are the call sites of functions that can be
 * inlined (the same refusals as below, the growth limit applying to the one copy) whose call can be
 * replaced (not of unreachable type). They are ranked by loop depth of the call site in its caller
 * (deeper first), then by the callee's size in expressions (smaller first), then by position (caller
 * index, then the order in which the calls complete in the caller's body, so a call inside another
 * call's arguments comes first). r picks the r-th; with fewer candidates nothing changes. So
 * `wt-inline-site:0` means "the smallest helper called from the innermost loop".
 *
 * How. binaryen.js has no "inline this function" call, and Binaryen's own `inlining` pass can only be
 * steered function by function through `no-inline` markers, which stay on the functions for the rest
 * of the recipe and would silently change what later inlining steps do. So the pass inlines through the
 * IR itself, the way Binaryen's inliner does: at each call site, the callee's parameters and locals get
 * fresh locals in the caller, the arguments are stored into them in order and the locals set to zero
 * (as on every call), then comes a copy of the callee's body with its labels renamed, its locals
 * renumbered and each `return` turned into a branch to a block around the copy.
 *
 * Refused: recursive functions (a call to itself) and functions with tail calls (their `return_call`
 * would return from the caller); tuple results and locals of non-numeric types; functions containing
 * expression kinds the IR toolkit does not know (atomics, exceptions, GC), and call sites in such
 * functions, which the pass cannot see; call sites of unreachable type (an argument never returns; DCE
 * removes them); and candidates whose copies would add more than {@link MAX_GROWTH} expressions. The
 * callee is removed only if every call site was inlined, every function could be read, and it is not
 * exported, the start function, in a table segment or taken by `ref.func`.
 */
import type { ModulePass } from '../../binaryen/module.js';
import {
  LabelNames, UnknownExpression, allPlaces, bodyPlace, definedFunctions, labelsIn, renameLabels, treeSize, walk, wrappers,
  type Api, type Module, type Place, type Ref,
} from './ir-tree.js';

/** Largest code growth (expressions added over all call sites) a candidate may cause. */
export const MAX_GROWTH = 50_000;

export const INLINE_RANKS = ['0', '1', '2', '3', '4', '5', '6', '7'] as const;

interface Fn {
  index: number;
  ref: number;
  name: string;
}

interface Site {
  caller: Fn;
  place: Place;
  /** Loops around the call site in its caller. */
  depth: number;
  /** Order of the call site in the module (callers by index, calls in the order they complete). */
  position: number;
}

/** A function the pass can inline, with the facts the ranking uses. */
export interface InlineCandidate {
  name: string;
  index: number;
  /** Direct call sites inside loops (in their caller). */
  sitesInLoops: number;
  sites: number;
  /** Expressions in the body. */
  size: number;
}

export interface InlineStats {
  /** The candidates in rank order. */
  ranking: InlineCandidate[];
  /** The function inlined (undefined when the rank is beyond the candidates). */
  callee?: string;
  inlined: number;
  /** Call sites left as calls (unreachable type). */
  skipped: number;
  removed: boolean;
}

interface Scan {
  functions: Fn[];
  sites: Map<string, Site[]>;
  /** Functions that cannot be inlined, with the reason. */
  refused: Map<string, string>;
  /** Every function could be read (so every call site and `ref.func` is known). */
  complete: boolean;
  /** Functions named by `ref.func` in code. */
  referenced: Set<string>;
}

function scan(m: Module, api: Api): Scan {
  const w = wrappers(api);
  const functions = definedFunctions(m, api);
  const sites = new Map<string, Site[]>();
  const refused = new Map<string, string>();
  const referenced = new Set<string>();
  let complete = true;
  let position = 0;
  for (const fn of functions) {
    const found: Site[] = [];
    let loops = 0;
    try {
      walk(api, bodyPlace(api, fn.ref), (p) => {
        const id = api.getExpressionId(p.ref);
        if (id === api.LoopId) loops++;
        else if (id === api.RefFuncId) referenced.add(w.RefFunc.getFunc(p.ref));
        else if (id === api.CallIndirectId && w.CallIndirect.isReturn(p.ref)) refused.set(fn.name, 'tail-call');
      }, (p) => {
        const id = api.getExpressionId(p.ref);
        if (id === api.LoopId) loops--;
        // Recorded after the children, so a call nested in another call's arguments comes first and
        // is replaced before the outer call's arguments are read.
        if (id !== api.CallId) return;
        if (w.Call.isReturn(p.ref)) refused.set(fn.name, 'tail-call');
        const target = w.Call.getTarget(p.ref);
        if (target === fn.name) refused.set(fn.name, 'recursive');
        else found.push({ caller: fn, place: p, depth: loops, position: position++ });
      });
    } catch (e) {
      if (!(e instanceof UnknownExpression)) throw e;
      complete = false;
      refused.set(fn.name, 'unsupported-expression');
      continue;
    }
    for (const s of found) {
      const t = w.Call.getTarget(s.place.ref);
      sites.set(t, [...(sites.get(t) ?? []), s]);
    }
  }
  return { functions, sites, refused, complete, referenced };
}

const NUMERIC = (api: Api) => [api.i32, api.i64, api.f32, api.f64, api.v128];

/** The size in expressions of a function the pass can inline, or undefined when it cannot. */
function inlinableSize(api: Api, fn: Fn, s: Scan): number | undefined {
  if (s.refused.has(fn.name)) return undefined;
  const info = api.getFunctionInfo(fn.ref);
  if (api.expandType(info.results).length > 1) return undefined;
  if (![...api.expandType(info.params), ...info.vars].every((t) => NUMERIC(api).includes(t))) return undefined;
  return treeSize(api, info.body);
}

/** The inlinable functions with direct call sites, in rank order. */
export function inlineRanking(m: Module, api: Api, s: Scan = scan(m, api)): InlineCandidate[] {
  const out: InlineCandidate[] = [];
  for (const fn of s.functions) {
    const sites = s.sites.get(fn.name) ?? [];
    if (!sites.length) continue;
    const size = inlinableSize(api, fn, s);
    if (size === undefined || size * sites.length > MAX_GROWTH) continue;
    out.push({ name: fn.name, index: fn.index, sites: sites.length, sitesInLoops: sites.filter((x) => x.depth > 0).length, size });
  }
  return out.sort((a, b) => b.sitesInLoops - a.sitesInLoops || b.sites - a.sites || a.size - b.size || a.index - b.index);
}

/** A call site `wt-inline-site` may choose, with the facts the ranking uses. */
export interface InlineSiteCandidate {
  caller: string;
  callee: string;
  /** Loops around the call site in its caller. */
  depth: number;
  /** The callee's size in expressions. */
  calleeSize: number;
  /** Order of the call site in the module (callers by index, calls in the order they complete). */
  position: number;
}

/** The direct call sites the pass can inline one by one, in rank order. */
function inlineSiteRanking(m: Module, api: Api, s: Scan = scan(m, api)): Array<InlineSiteCandidate & { site: Site; fn: Fn }> {
  const out: Array<InlineSiteCandidate & { site: Site; fn: Fn }> = [];
  for (const fn of s.functions) {
    const sites = s.sites.get(fn.name) ?? [];
    if (!sites.length) continue;
    const size = inlinableSize(api, fn, s);
    if (size === undefined || size > MAX_GROWTH) continue;
    const results = api.getFunctionInfo(fn.ref).results;
    for (const site of sites) {
      if (!replaceable(api, site, results)) continue;
      out.push({ caller: site.caller.name, callee: fn.name, depth: site.depth, calleeSize: size, position: site.position, site, fn });
    }
  }
  return out.sort((a, b) => b.depth - a.depth || a.calleeSize - b.calleeSize || a.position - b.position);
}

/**
 * Whether a call can be replaced by the callee's body: not when it has type unreachable (an argument
 * never returns), nor a `return_call` with such an argument.
 */
function replaceable(api: Api, site: Site, results: number): boolean {
  const w = wrappers(api);
  const call = site.place.ref;
  if (!w.Call.isReturn(call)) return api.getExpressionType(call) === results;
  return Array.from({ length: w.Call.getNumOperands(call) }, (_, i) => w.Call.getOperandAt(call, i)).every((o) => api.getExpressionType(o) !== api.unreachable);
}

function zero(m: Module, api: Api, type: number): Ref {
  if (type === api.i32) return m.i32.const(0);
  if (type === api.i64) return m.i64.const(0n);
  if (type === api.f32) return m.f32.const(0);
  if (type === api.f64) return m.f64.const(0);
  return m.v128.const(new Array<number>(16).fill(0));
}

/** Replace one call to `callee` by a copy of its body. Returns false if the call site must stay. */
function inlineSite(m: Module, api: Api, site: Site, callee: Fn, names: LabelNames): boolean {
  const w = wrappers(api);
  const call = site.place.ref;
  const info = api.getFunctionInfo(callee.ref);
  const isReturn = w.Call.isReturn(call);
  const operands = Array.from({ length: w.Call.getNumOperands(call) }, (_, i) => w.Call.getOperandAt(call, i));
  if (!replaceable(api, site, info.results)) return false;

  const params = api.expandType(info.params);
  const addVar = (api as unknown as { _BinaryenFunctionAddVar(f: number, t: number): number })._BinaryenFunctionAddVar;
  const locals = [...params, ...info.vars].map((t) => addVar(site.caller.ref, t));
  const exit = names.fresh(`inlined-${callee.name}`);

  let body = m.copyExpression(info.body);
  const root: Place = { ref: body, set: (b) => void (body = b) };
  walk(api, root, (p) => {
    const id = api.getExpressionId(p.ref);
    if (id === api.LocalGetId) w.LocalGet.setIndex(p.ref, locals[w.LocalGet.getIndex(p.ref)]!);
    else if (id === api.LocalSetId) w.LocalSet.setIndex(p.ref, locals[w.LocalSet.getIndex(p.ref)]!);
  }, (p) => {
    // After the children: a return inside this return's value has already become a branch.
    if (api.getExpressionId(p.ref) === api.ReturnId) p.set(m.br(exit, undefined, w.Return.getValue(p.ref) || undefined));
  });
  // Only labels defined inside the copy are renamed: the exit label wraps it, so its branches keep it.
  renameLabels(api, body, names);

  const stmts = [
    ...operands.map((o, i) => m.local.set(locals[i]!, o)),
    ...info.vars.map((t, j) => m.local.set(locals[params.length + j]!, zero(m, api, t))),
    body,
  ];
  const inlined = m.block(exit, stmts, info.results);
  if (!isReturn) site.place.set(inlined);
  else site.place.set(info.results === api.none ? m.block(null, [inlined, m.return()], api.unreachable) : m.return(inlined));
  return true;
}

/** Whether anything other than direct calls refers to the function. */
function referencedElsewhere(m: Module, api: Api, name: string, s: Scan): boolean {
  if (!s.complete || s.referenced.has(name)) return true;
  for (let i = 0; i < m.getNumExports(); i++) {
    const e = api.getExportInfo(m.getExportByIndex(i));
    if (e.kind === api.ExternalFunction && e.value === name) return true;
  }
  const start = m.getStart();
  if (start && api.getFunctionInfo(start).name === name) return true;
  for (let i = 0; i < m.getNumElementSegments(); i++) {
    if (api.getElementSegmentInfo(m.getElementSegmentByIndex(i)).data.includes(name)) return true;
  }
  for (let i = 0; i < m.getNumGlobals(); i++) {
    const init = api.getGlobalInfo(m.getGlobalByIndex(i)).init;
    if (init && allPlaces(api, init).some((p) => api.getExpressionId(p.ref) === api.RefFuncId && wrappers(api).RefFunc.getFunc(p.ref) === name)) return true;
  }
  return false;
}

/** Inline the function of rank `rank` at all its direct call sites; returns what it did. */
export function inlineModule(m: Module, api: Api, rank: number): InlineStats {
  const s = scan(m, api);
  const ranking = inlineRanking(m, api, s);
  const chosen = ranking[rank];
  if (!chosen) return { ranking, inlined: 0, skipped: 0, removed: false };
  const callee = s.functions.find((f) => f.name === chosen.name)!;
  const labels = new Map<number, LabelNames>();
  let inlined = 0;
  let skipped = 0;
  for (const site of s.sites.get(callee.name)!) {
    let names = labels.get(site.caller.ref);
    if (!names) labels.set(site.caller.ref, (names = new LabelNames(labelsIn(api, bodyPlace(api, site.caller.ref).ref))));
    if (inlineSite(m, api, site, callee, names)) inlined++;
    else skipped++;
  }
  const removed = skipped === 0 && !referencedElsewhere(m, api, callee.name, s);
  if (removed) m.removeFunction(callee.name);
  return { ranking, callee: callee.name, inlined, skipped, removed };
}

export interface InlineSiteStats {
  /** The call sites in rank order. */
  ranking: InlineSiteCandidate[];
  /** The call site inlined (undefined when the rank is beyond the candidates). */
  chosen?: InlineSiteCandidate;
}

/** Inline the call site of rank `rank`, leaving the callee; returns what it did. */
export function inlineSiteModule(m: Module, api: Api, rank: number): InlineSiteStats {
  const ranked = inlineSiteRanking(m, api);
  const ranking = ranked.map(({ site: _s, fn: _f, ...c }) => c);
  const pick = ranked[rank];
  if (!pick) return { ranking };
  const names = new LabelNames(labelsIn(api, bodyPlace(api, pick.site.caller.ref).ref));
  if (!inlineSite(m, api, pick.site, pick.fn, names)) throw new Error(`call site ${rank} of the ranking could not be inlined`);
  return { ranking, chosen: ranking[rank]! };
}

/** `wt-inline:r`. */
export const inline: ModulePass = (m, api, arg) => {
  const rank = Number(arg);
  if (!(INLINE_RANKS as readonly string[]).includes(String(arg))) throw new Error(`the inline rank must be one of ${INLINE_RANKS.join(', ')}, got ${String(arg)}`);
  inlineModule(m, api, rank);
};

/** `wt-inline-site:r`. */
export const inlineSingleSite: ModulePass = (m, api, arg) => {
  if (!(INLINE_RANKS as readonly string[]).includes(String(arg))) throw new Error(`the inline-site rank must be one of ${INLINE_RANKS.join(', ')}, got ${String(arg)}`);
  inlineSiteModule(m, api, Number(arg));
};
