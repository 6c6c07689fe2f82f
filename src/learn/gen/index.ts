/**
 * Random but meaningful kernels, for training a policy on many more programs than the suite holds.
 *
 * A generated kernel is hand-written-style WAT (unoptimised frontend code: every loop a block/loop pair
 * with an explicit counter, every array access an explicit address computation): loop nests of depth 1–3
 * over f64 and i32 arrays in linear memory, mixed i32/i64/f64 arithmetic, helper functions called from
 * the loop bodies (some with loops of their own, some reached through a table by call_indirect), with
 * a harness in the project's format (`wasmtune-harness-v1`: seeded array inputs, the export `run(n)`, the
 * return value and the output arrays compared). So the Evaluator validates a candidate of a generated
 * kernel exactly as it does a suite kernel's.
 *
 * Safety by construction, so that every candidate a correct optimizer produces gives the same outputs:
 * every array index is masked to the array's length (a power of two), integer division and remainder
 * are unsigned by an odd divisor, float division is by |x| + 1, square roots take |x|, no float ever
 * becomes an integer through a trapping truncation, and products only multiply bounded values, so no
 * trap, NaN or infinity can occur. Loop trip counts are small (each kernel's call does at most a few
 * thousand iterations), so a validation run costs well under a millisecond.
 *
 * Determinism: a kernel is a pure function of its id (`seedrandom('wasmtune-gen-v1:' + id)` for the
 * program, a second seeded draw for its style); the WAT, the module bytes and the harness are the same
 * on every machine.
 *
 * Two styles (v2). About 40 % of kernels (`frames`) are emitted the way clang -O0 emits C: `run`'s
 * scalars live in a stack frame below a stack-pointer global, read and written through memory. The rest
 * keep them in Wasm locals, as an optimising frontend would. So a policy sees both the code where
 * stack-slot promotion pays and the code where it has nothing to do. Independently (v3), half of the
 * kernels reach their arrays through tiny accessor functions, as unoptimised AssemblyScript, Rust or
 * C++ code does: there inlining (any -O pipeline) is what pays, since V8 never inlines Wasm calls.
 *
 * The split. Training kernels are `train-<i>`, validation kernels `val-<i>` (disjoint id spaces of the
 * same generator). The built-in suite (`kernels/wasmtune-v0/`) is the held-out test set: it is never
 * generated from, never trained on and never used for model selection; `wasmtune train` only ever
 * sees `train-*` kernels.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import seedrandom from 'seedrandom';
import type { JsonHarness } from '../../harness/types.js';
import { watToWasm } from '../../kernels/wat.js';
import { loadKernel, type Kernel } from '../../kernels/index.js';
import { WasmtuneError } from '../../errors.js';

export const GENERATOR_VERSION = 'wasmtune-gen-v3';
/** The seed prefix of the program generator proper (unchanged since v1, so v1 kernels keep their code). */
const PROGRAM_SEED = 'wasmtune-gen-v1';

export type Split = 'train' | 'val';

export interface GenOptions {
  /** Largest loop-nest depth (1–3). @default 3 */
  maxDepth?: number;
  /** Largest number of loop nests in `run`. @default 3 */
  maxNests?: number;
  /** Largest number of helper functions. @default 4 */
  maxHelpers?: number;
  /** Scale of trip counts and array lengths; `tiny` keeps every kernel very small (tests). @default 'small' */
  scale?: 'tiny' | 'small';
  /** Probability that `run` keeps its scalars in a stack frame in linear memory (clang -O0 style). @default 0.4 */
  frames?: number;
  /** Probability that every array access goes through a small accessor function (unoptimised frontend style). @default 0.5 */
  accessors?: number;
}

export interface GeneratedKernel {
  id: string;
  wat: string;
  harness: JsonHarness;
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

interface ArrayDecl {
  name: string;
  type: 'f64' | 'i32';
  /** Elements (a power of two). */
  len: number;
  /** Byte address. */
  at: number;
  role: 'input' | 'output';
}

interface Helper {
  name: string;
  kind: 'ff' | 'ii' | 'loop';
}

/** The id of the i-th kernel of a split. */
export function kernelId(split: Split, i: number): string {
  return `${split}-${i}`;
}

/** Generate a kernel's WAT and harness from its id. */
export function generateKernel(id: string, options: GenOptions = {}): GeneratedKernel {
  const rng: Rng = seedrandom(`${PROGRAM_SEED}:${id}`);
  const tiny = options.scale === 'tiny';
  const maxDepth = Math.max(1, Math.min(3, options.maxDepth ?? 3));
  const maxNests = Math.max(1, options.maxNests ?? 3);
  const maxHelpers = Math.max(0, options.maxHelpers ?? 4);

  // Arrays: two or three f64 inputs, one i32 input, an f64 and an i32 output; from byte 1024 on.
  const arrays: ArrayDecl[] = [];
  let at = 1024;
  const addArray = (name: string, type: 'f64' | 'i32', role: ArrayDecl['role']) => {
    const len = 2 ** int(rng, tiny ? 3 : 4, tiny ? 4 : 7);
    arrays.push({ name, type, len, at, role });
    at += len * (type === 'f64' ? 8 : 4);
  };
  addArray('a', 'f64', 'input');
  addArray('b', 'f64', 'input');
  if (rng() < 0.5) addArray('c', 'f64', 'input');
  addArray('k', 'i32', 'input');
  addArray('out', 'f64', 'output');
  addArray('outi', 'i32', 'output');
  const fIn = arrays.filter((a) => a.type === 'f64' && a.role === 'input');
  const iIn = arrays.filter((a) => a.type === 'i32' && a.role === 'input');
  const fOut = arrays.find((a) => a.name === 'out')!;
  const iOut = arrays.find((a) => a.name === 'outi')!;

  // Accessor style: every array read and write is a call to a two-line function, as an unoptimising
  // frontend (AssemblyScript or Rust without optimisation, C++ operator[]) emits it. V8 does not inline
  // Wasm calls, so here the code is slow until Binaryen inlines them. Its own RNG: the program is the
  // same in both styles.
  const accessors = seedrandom(`${GENERATOR_VERSION}:accessors:${id}`)() < Math.min(1, Math.max(0, options.accessors ?? 0.5));

  // Helpers.
  const helpers: Helper[] = [];
  const nHelpers = int(rng, tiny ? 1 : 0, tiny ? 2 : maxHelpers);
  for (let i = 0; i < nHelpers; i++) helpers.push({ name: `$h${i}`, kind: pick(rng, ['ff', 'ff', 'ii', 'loop'] as const) });
  const ff = helpers.filter((h) => h.kind === 'ff');
  const ii = helpers.filter((h) => h.kind === 'ii');
  const loopH = helpers.filter((h) => h.kind === 'loop');
  const useTable = ff.length > 0 && rng() < 0.5;
  const tableLen = useTable ? (ff.length >= 2 ? 2 : 1) : 0;

  // Expression generators. `vars` are the i32 locals in scope (loop counters, n); `ctx` says where we are
  // (a helper's params are read through `fParams`/`iParams`).
  interface Ctx {
    ivars: string[];
    fParams: string[];
    inMain: boolean;
  }
  /** The byte address of element `e` (masked to the array's length). */
  const address = (arr: ArrayDecl, e: string) => `(i32.shl (i32.and ${e} (i32.const ${arr.len - 1})) (i32.const ${arr.type === 'f64' ? 3 : 2}))`;
  const load = (c: Ctx, arr: ArrayDecl) => {
    const e = iexpr(c, 1, true);
    return accessors ? `(call $get_${arr.name} ${e})` : `(${arr.type}.load offset=${arr.at} ${address(arr, e)})`;
  };
  const store = (c: Ctx, arr: ArrayDecl, value: () => string) => {
    const e = iexpr(c, 1, true);
    const v = value();
    return accessors ? `(call $set_${arr.name} ${e} ${v})` : `(${arr.type}.store offset=${arr.at} ${address(arr, e)} ${v})`;
  };
  const fconst = () => `(f64.const ${(int(rng, -16, 16) / 8).toFixed(3)})`;

  /** An f64 expression whose magnitude stays bounded (inputs are in [-1, 1]). */
  function fexpr(c: Ctx, depth: number): string {
    const leaf = () => {
      const r = rng();
      if (c.fParams.length && r < 0.35) return `(local.get ${pick(rng, c.fParams)})`;
      if (r < 0.8) return load(c, pick(rng, fIn));
      if (r < 0.9) return fconst();
      return `(f64.convert_i32_s (i32.and ${iexpr(c, 0, false)} (i32.const 15)))`;
    };
    if (depth <= 0) return leaf();
    const d = depth - 1;
    const r = rng();
    if (r < 0.22) return `(f64.add ${fexpr(c, d)} ${fexpr(c, d)})`;
    if (r < 0.36) return `(f64.sub ${fexpr(c, d)} ${fexpr(c, d)})`;
    if (r < 0.52) return `(f64.mul ${fexpr(c, d)} ${leaf()})`;
    if (r < 0.58) return `(f64.div ${fexpr(c, d)} (f64.add (f64.abs ${fexpr(c, d)}) (f64.const 1)))`;
    if (r < 0.64) return `(f64.sqrt (f64.abs ${fexpr(c, d)}))`;
    if (r < 0.7) return `(f64.${pick(rng, ['min', 'max'])} ${fexpr(c, d)} ${fexpr(c, d)})`;
    if (r < 0.75) return `(f64.${pick(rng, ['abs', 'neg', 'floor', 'ceil', 'nearest'])} ${fexpr(c, d)})`;
    if (r < 0.8) return `(select ${fexpr(c, d)} ${fexpr(c, d)} (f64.lt ${fexpr(c, 0)} ${fexpr(c, 0)}))`;
    if (c.inMain && ff.length && r < 0.9) {
      if (useTable && rng() < 0.4) return `(call_indirect (type $ff) ${fexpr(c, d)} ${fexpr(c, 0)} (i32.and ${iexpr(c, 0, true)} (i32.const ${tableLen - 1})))`;
      return `(call ${pick(rng, ff).name} ${fexpr(c, d)} ${fexpr(c, 0)})`;
    }
    if (c.inMain && loopH.length && r < 0.95) return `(call ${pick(rng, loopH).name} ${fexpr(c, d)} ${iexpr(c, 0, true)})`;
    return leaf();
  }

  /** An i32 expression (wrapping arithmetic; never traps). `index` favours loop counters. */
  function iexpr(c: Ctx, depth: number, index: boolean): string {
    const leaf = () => {
      const r = rng();
      if (c.ivars.length && r < (index ? 0.75 : 0.45)) return `(local.get ${pick(rng, c.ivars)})`;
      if (r < 0.85 && !index) return load(c, pick(rng, iIn));
      return `(i32.const ${int(rng, 0, 31)})`;
    };
    if (depth <= 0) return leaf();
    const d = depth - 1;
    const r = rng();
    if (index) {
      if (r < 0.4) return `(i32.add ${leaf()} ${leaf()})`;
      if (r < 0.6) return `(i32.add (i32.mul ${leaf()} (i32.const ${int(rng, 2, 17)})) ${leaf()})`;
      if (r < 0.7) return `(i32.sub ${leaf()} ${leaf()})`;
      return leaf();
    }
    if (r < 0.15) return `(i32.add ${iexpr(c, d, false)} ${iexpr(c, d, false)})`;
    if (r < 0.25) return `(i32.mul ${iexpr(c, d, false)} ${iexpr(c, d, false)})`;
    if (r < 0.4) return `(i32.${pick(rng, ['xor', 'and', 'or', 'sub'])} ${iexpr(c, d, false)} ${iexpr(c, d, false)})`;
    if (r < 0.5) return `(i32.${pick(rng, ['shl', 'shr_u', 'shr_s', 'rotl'])} ${iexpr(c, d, false)} (i32.const ${int(rng, 1, 7)}))`;
    if (r < 0.58) return `(i32.${pick(rng, ['div_u', 'rem_u'])} ${iexpr(c, d, false)} (i32.or ${iexpr(c, 0, false)} (i32.const 1)))`;
    if (r < 0.66) return `(i32.wrap_i64 (i64.mul (i64.extend_i32_s ${iexpr(c, d, false)}) (i64.extend_i32_u ${iexpr(c, 0, false)})))`;
    if (r < 0.72) return `(i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 ${fexpr(c, 0)}) (i64.const ${int(rng, 20, 52)})))`;
    if (r < 0.8) return `(i32.${pick(rng, ['lt_s', 'gt_u', 'eq', 'ne'])} ${iexpr(c, d, false)} ${iexpr(c, d, false)})`;
    if (c.inMain && ii.length && r < 0.9) return `(call ${pick(rng, ii).name} ${iexpr(c, d, false)} ${iexpr(c, 0, false)})`;
    return leaf();
  }

  // Helper bodies.
  const helperWat = helpers.map((h) => {
    if (h.kind === 'ff') {
      const c: Ctx = { ivars: [], fParams: ['$x', '$y'], inMain: false };
      return `  (func ${h.name} (type $ff) (param $x f64) (param $y f64) (result f64)\n    ${fexpr(c, int(rng, 1, 3))})`;
    }
    if (h.kind === 'ii') {
      const c: Ctx = { ivars: ['$x', '$y'], fParams: [], inMain: false };
      return `  (func ${h.name} (param $x i32) (param $y i32) (result i32)\n    ${iexpr(c, int(rng, 1, 3), false)})`;
    }
    const c: Ctx = { ivars: ['$i', '$m'], fParams: ['$x', '$s'], inMain: false };
    const trips = tiny ? 3 : 7;
    return [
      `  (func ${h.name} (param $x f64) (param $m i32) (result f64) (local $i i32) (local $s f64)`,
      `    (local.set $s (local.get $x))`,
      `    (local.set $m (i32.and (local.get $m) (i32.const ${trips})))`,
      `    (block $done (loop $again`,
      `      (br_if $done (i32.ge_s (local.get $i) (local.get $m)))`,
      `      (local.set $s (f64.add (f64.mul (local.get $s) (f64.const 0.5)) ${fexpr(c, 1)}))`,
      `      (local.set $i (i32.add (local.get $i) (i32.const 1)))`,
      `      (br $again)))`,
      `    (local.get $s))`,
    ].join('\n');
  });

  // The main function: loop nests, each innermost body a few statements.
  const counters = ['$i', '$j', '$l'];
  const n = tiny ? int(rng, 3, 6) : int(rng, 8, 24);
  const body: string[] = [];
  const nests = int(rng, 1, tiny ? 2 : maxNests);
  const statement = (c: Ctx, indent: string): string => {
    const r = rng();
    if (r < 0.3) return `${indent}${store(c, fOut, () => fexpr(c, int(rng, 1, 3)))}`;
    if (r < 0.55) return `${indent}(local.set $s (f64.add (local.get $s) ${fexpr(c, int(rng, 1, 3))}))`;
    if (r < 0.7) return `${indent}(local.set $t (i32.xor (i32.rotl (local.get $t) (i32.const 5)) ${iexpr(c, int(rng, 1, 2), false)}))`;
    if (r < 0.85) return `${indent}${store(c, iOut, () => iexpr(c, int(rng, 1, 3), false))}`;
    return `${indent}(if (i32.lt_s ${iexpr(c, 1, false)} ${iexpr(c, 1, false)})\n${indent}  (then ${statement(c, '').trim()})\n${indent}  (else ${statement(c, '').trim()}))`;
  };
  for (let nest = 0; nest < nests; nest++) {
    const depth = int(rng, 1, tiny ? Math.min(2, maxDepth) : maxDepth);
    const bounds: string[] = [];
    for (let d = 0; d < depth; d++) {
      const lim = tiny ? 4 : depth === 1 ? 48 : depth === 2 ? 12 : 6;
      bounds.push(d === 0 && rng() < 0.6 ? '(local.get $n)' : `(i32.const ${int(rng, 2, lim)})`);
    }
    const lines: string[] = [];
    const open = (d: number, indent: string) => {
      const v = counters[d]!;
      lines.push(`${indent}(local.set ${v} (i32.const 0))`);
      lines.push(`${indent}(block $b${nest}_${d} (loop $l${nest}_${d}`);
      lines.push(`${indent}  (br_if $b${nest}_${d} (i32.ge_s (local.get ${v}) ${bounds[d]}))`);
      if (d + 1 < depth) open(d + 1, indent + '  ');
      else {
        const c: Ctx = { ivars: [...counters.slice(0, depth), '$n'], fParams: [], inMain: true };
        // Every nest reads an input array and writes the output: the kernel's work goes through memory.
        lines.push(`${indent}  ${store(c, fOut, () => `(f64.add ${load(c, pick(rng, fIn))} ${fexpr(c, int(rng, 1, 2))})`)}`);
        const k = int(rng, 0, 2);
        for (let s = 0; s < k; s++) lines.push(statement(c, indent + '  '));
      }
      lines.push(`${indent}  (local.set ${v} (i32.add (local.get ${v}) (i32.const 1)))`);
      lines.push(`${indent}  (br $l${nest}_${d})))`);
    };
    open(0, '    ');
    body.push(...lines);
  }

  // Frame style: what clang -O0 does with the same function. The scalars (`n`, the counters, `t`, `s`)
  // live in a stack frame allocated below the stack-pointer global, every read a load and every write a
  // store at a constant offset from the frame base, initialised before use as C requires. The decision
  // has its own RNG, so the program itself is the same in both styles.
  const frames = Math.min(1, Math.max(0, options.frames ?? 0.4));
  const framed = seedrandom(`${GENERATOR_VERSION}:frame:${id}`)() < frames;
  const pages = Math.max(1, Math.ceil((at + 1024) / 65536));
  let runLocals = '(local $i i32) (local $j i32) (local $l i32) (local $t i32) (local $s f64)';
  let runBody = [...body, `    (f64.add (local.get $s) (f64.convert_i32_s (local.get $t))))`];
  if (framed) {
    const slot: Record<string, [string, number]> = { n: ['i32', 0], i: ['i32', 4], j: ['i32', 8], l: ['i32', 12], t: ['i32', 16], s: ['f64', 24] };
    const toFrame = (line: string) =>
      line
        .replace(/\(local\.get \$([nijlts])\)/g, (_, v: string) => `(${slot[v]![0]}.load offset=${slot[v]![1]} (local.get $fp))`)
        .replace(/\(local\.set \$([ijlts]) /g, (_, v: string) => `(${slot[v]![0]}.store offset=${slot[v]![1]} (local.get $fp) `);
    const result = toFrame(`(f64.add (local.get $s) (f64.convert_i32_s (local.get $t)))`);
    runLocals = '(local $fp i32) (local $r f64)';
    runBody = [
      `    (local.set $fp (i32.sub (global.get $__stack_pointer) (i32.const 32)))`,
      `    (global.set $__stack_pointer (local.get $fp))`,
      `    (i32.store offset=0 (local.get $fp) (local.get $n))`,
      `    (i32.store offset=16 (local.get $fp) (i32.const 0))`,
      `    (f64.store offset=24 (local.get $fp) (f64.const 0))`,
      ...body.map(toFrame),
      `    (local.set $r ${result})`,
      `    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const 32)))`,
      `    (local.get $r))`,
    ];
  }

  const wat = [
    `(module`,
    `  ;; ${GENERATOR_VERSION} ${id}`,
    `  (type $ff (func (param f64 f64) (result f64)))`,
    `  (memory (export "memory") ${pages})`,
    ...(framed ? [`  (global $__stack_pointer (mut i32) (i32.const ${pages * 65536}))`] : []),
    ...(useTable ? [`  (table ${tableLen} funcref)`, `  (elem (i32.const 0) func ${ff.slice(0, tableLen).map((h) => h.name).join(' ')})`] : []),
    ...(accessors ? arrays.flatMap((a) => [
      `  (func $get_${a.name} (param $i i32) (result ${a.type}) (${a.type}.load offset=${a.at} ${address(a, '(local.get $i)')}))`,
      `  (func $set_${a.name} (param $i i32) (param $v ${a.type}) (${a.type}.store offset=${a.at} ${address(a, '(local.get $i)')} (local.get $v)))`,
    ]) : []),
    ...helperWat,
    `  (func $run (export "run") (param $n i32) (result f64) ${runLocals}`,
    ...runBody,
    `)`,
    '',
  ].join('\n');

  const harness: JsonHarness = {
    format: 'wasmtune-harness-v1',
    name: `gen-${id}`,
    description: `generated kernel ${id} (${GENERATOR_VERSION}): ${nests} loop nest(s), ${helpers.length} helper(s)${useTable ? ', call_indirect' : ''}${framed ? ', scalars in a stack frame' : ''}${accessors ? ', array accessors' : ''}`,
    module: 'module.wasm',
    export: 'run',
    args: [n],
    inputs: [
      ...fIn.map((a) => ({ at: a.at, type: 'f64' as const, count: a.len, min: -1, max: 1 })),
      ...iIn.map((a) => ({ at: a.at, type: 'i32' as const, count: a.len, min: -1000, max: 1000 })),
      { at: fOut.at, type: 'f64' as const, count: fOut.len, fill: 0 },
      { at: iOut.at, type: 'i32' as const, count: iOut.len, fill: 0 },
    ],
    outputs: { return: true, memory: [{ at: fOut.at, type: 'f64', count: fOut.len }, { at: iOut.at, type: 'i32', count: iOut.len }] },
  };
  return { id, wat, harness };
}

/** The default directory generated kernels are written to (a cache: a kernel's files never change). */
export function defaultGenDir(): string {
  return join(tmpdir(), GENERATOR_VERSION);
}

/**
 * Write a generated kernel (module.wat, module.wasm, harness.json) under `dir/<id>[-tiny]/` unless it is
 * already there, and load it as a kernel. Writes go to a temporary directory renamed into place, so
 * concurrent writers never see a half-written kernel.
 */
export async function materialise(id: string, options: GenOptions = {}, dir = defaultGenDir()): Promise<Kernel> {
  const key = `${id}${options.scale === 'tiny' ? '-tiny' : ''}${options.maxDepth ? `-d${options.maxDepth}` : ''}${options.maxNests ? `-n${options.maxNests}` : ''}${options.maxHelpers !== undefined ? `-h${options.maxHelpers}` : ''}${options.frames !== undefined ? `-f${options.frames}` : ''}${options.accessors !== undefined ? `-a${options.accessors}` : ''}`;
  const target = join(dir, key);
  if (!existsSync(join(target, 'harness.json'))) {
    const g = generateKernel(id, options);
    const bytes = await watToWasm(g.wat, `${id}.wat`);
    const tmp = `${target}.tmp-${process.pid}-${Math.floor(performance.now())}`;
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'module.wat'), g.wat);
    writeFileSync(join(tmp, 'module.wasm'), bytes);
    writeFileSync(join(tmp, 'harness.json'), JSON.stringify(g.harness, null, 2) + '\n');
    try {
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(join(target, 'harness.json'))) throw new WasmtuneError('E_IO', `Cannot write generated kernel ${target}: ${String(e)}`);
    }
  }
  return loadKernel(join(target, 'module.wasm'), join(target, 'harness.json'));
}
