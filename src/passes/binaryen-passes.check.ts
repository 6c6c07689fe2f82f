/**
 * Empirical check of the Binaryen pass catalog (`npx tsx src/passes/binaryen-passes.check.ts`; not a test:
 * it takes a few minutes and its inputs change as kernels are added).
 *
 * 1. Coverage: every pass `wasm-opt --help` lists is in exactly one of BINARYEN_PASSES / EXCLUDED_PASSES,
 *    every catalog name is a help name or a hidden test pass, and both maps keep their file order
 *    (grouped by category / kind, alphabetical within).
 * 2. Excluded names: each one is a pass name Binaryen accepts, or throws a documented "usage" (needs an
 *    argument) or precondition error; never "Could not find pass". GC-only passes are also run on the
 *    check's modules to confirm they do nothing there.
 * 3. Included passes: each one, alone (Binaryen's default levels, -Os) and after -O3 (levels 3/0 and
 *    `module.optimize()`), on the WAT snippets below and on every `kernels/wasmtune-v0/<name>/module.wasm`:
 *    with its `requires` satisfied it must not throw, must validate, must keep the export list, and must
 *    keep behaviour. Behaviour is executed in a worker with a timeout: the snippets' exports are called with
 *    fixed arguments (results, traps, import calls, memory hash and exported globals compared); kernels with
 *    a harness (`harness.json` or `harness.mjs`) are run on one seed and their declared outputs compared.
 *    Global settings are reset before every build. A few sequences follow (generate-global-effects and the
 *    passes that consume its information; the flat-IR chain), checked the same way.
 * It prints a table of failures and saves nothing to disk. Exit code 1 when anything failed.
 */
import { binaryen } from '../binaryen/module.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BINARYEN_PASSES, EXCLUDED_PASSES, type BinaryenPassInfo, type ExcludedPassInfo } from './binaryen-passes.js';

const b = binaryen as typeof binaryen & { getExceptionMessage: (e: unknown) => [string, string] };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const F = binaryen.Features;
/** What `wasm-opt` enables by default. */
const DEFAULT_FEATURES = F.MutableGlobals | F.SignExt;
/** What Node 20's V8 runs. Binaryen 132 asserts (aborts) when BulkMemory is on without BulkMemoryOpt. */
const ENGINE_FEATURES =
  F.MutableGlobals |
  F.SignExt |
  F.NontrappingFPToInt |
  F.BulkMemory |
  F.BulkMemoryOpt |
  F.Multivalue |
  F.ReferenceTypes |
  F.SIMD128;

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** Run `f` with stdout/stderr captured (Binaryen prints validator messages and printing-pass output). */
function quiet<T>(f: () => T): { value: T; output: string } {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  let output = '';
  const sink = (chunk: string | Uint8Array): boolean => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  };
  process.stdout.write = sink as typeof process.stdout.write;
  process.stderr.write = sink as typeof process.stderr.write;
  try {
    return { value: f(), output };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

function errorText(e: unknown): { kind: 'abort' | 'fatal'; message: string } {
  if (e instanceof WebAssembly.RuntimeError || (e instanceof Error && /Aborted\(/.test(e.message))) {
    return { kind: 'abort', message: (e as Error).message };
  }
  if (e instanceof Error) return { kind: 'fatal', message: e.message };
  try {
    return { kind: 'fatal', message: b.getExceptionMessage(e).join(': ') };
  } catch {
    return { kind: 'fatal', message: String(e) };
  }
}

const oneLine = (s: string, max = 110) => s.replace(/\s+/g, ' ').trim().slice(0, max);

/** Binaryen's defaults in binaryen.js (-Os levels), applied before every build so nothing leaks. */
function resetSettings(): void {
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(1);
  binaryen.setFastMath(false);
  binaryen.setLowMemoryUnused(false);
  binaryen.setTrapsNeverHappen(false);
  binaryen.setZeroFilledMemory(false);
  binaryen.setClosedWorld(false);
  binaryen.setDebugInfo(false);
  binaryen.setGenerateStackIR(false);
  binaryen.setOptimizeStackIR(false);
  binaryen.setAlwaysInlineMaxSize(2);
  binaryen.setFlexibleInlineMaxSize(20);
  binaryen.setOneCallerInlineMaxSize(-1);
  binaryen.setAllowInliningFunctionsWithLoops(false);
}

/** Binaryen returns views on ordinary ArrayBuffers; the DOM-style typings want that spelled out. */
const compile = (bin: Uint8Array) => new WebAssembly.Module(bin as Uint8Array<ArrayBuffer>);

function exportList(bin: Uint8Array): string {
  return WebAssembly.Module.exports(compile(bin))
    .map((e) => `${e.name}:${e.kind}`)
    .join(',');
}
function importList(bin: Uint8Array): string {
  return [...new Set(WebAssembly.Module.imports(compile(bin)).map((i) => `${i.module}.${i.name}:${i.kind}`))]
    .sort()
    .join(',');
}

// ── the modules ─────────────────────────────────────────────────────────────────────────────────────────

interface Call {
  name: string;
  args: (number | bigint)[];
}
/** How to execute a module. JSON harnesses are read once, so a kernel edited during the run stays consistent. */
type Exec =
  | { kind: 'calls'; calls: Call[] }
  | { kind: 'json-harness'; harness: unknown }
  | { kind: 'script-harness'; path: string }
  | { kind: 'none'; why: string };
interface TestModule {
  name: string;
  load: () => binaryen.Module;
  exec: Exec;
}

/** Scalar code: loops, direct and recursive calls, globals (mutable, immutable, exported), i64, f64 math, traps. */
const WAT_SCALAR = `(module
  (memory (export "memory") 1)
  (global $counter (mut i32) (i32.const 0))
  (global $scale f64 (f64.const 1.5))
  (global $acc (export "acc") (mut i64) (i64.const 0))
  (global $unused (mut i32) (i32.const 99))
  (func $sq (param $x f64) (result f64) (f64.mul (local.get $x) (local.get $x)))
  (func $bump (global.set $counter (i32.add (global.get $counter) (i32.const 1))))
  (func $add3 (param $a i32) (param $b i32) (param $unused i32) (result i32) (i32.add (local.get $a) (local.get $b)))
  (func (export "sum_squares") (param $n i32) (result f64) (local $i i32) (local $s f64)
    (block $done (loop $l
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $s (f64.add (local.get $s) (call $sq (f64.mul (f64.convert_i32_s (local.get $i)) (global.get $scale)))))
      (call $bump)
      (local.set $i (call $add3 (local.get $i) (i32.const 1) (i32.const 77)))
      (br $l)))
    (local.get $s))
  (func (export "counter") (result i32) (global.get $counter))
  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1))) (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "fib") (param i32) (result i32) (call $fib (local.get 0)))
  (func (export "collatz") (param $x i64) (result i32) (local $steps i32)
    (block $done (loop $l
      (br_if $done (i64.le_u (local.get $x) (i64.const 1)))
      (local.set $x (if (result i64) (i64.eqz (i64.and (local.get $x) (i64.const 1)))
        (then (i64.shr_u (local.get $x) (i64.const 1)))
        (else (i64.add (i64.mul (local.get $x) (i64.const 3)) (i64.const 1)))))
      (global.set $acc (i64.add (global.get $acc) (local.get $x)))
      (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
      (br $l)))
    (local.get $steps))
  (func (export "fmath") (param $a f64) (param $b f64) (result f64) (local $t f64)
    (local.set $t (f64.sqrt (f64.add (f64.mul (local.get $a) (local.get $a)) (f64.mul (local.get $b) (local.get $b)))))
    (local.set $t (f64.add (local.get $t) (f64.min (local.get $a) (local.get $b))))
    (local.set $t (f64.add (local.get $t) (f64.floor (f64.div (local.get $a) (f64.const 3)))))
    (local.set $t (f64.add (local.get $t) (f64.copysign (f64.nearest (local.get $b)) (local.get $a))))
    (local.set $t (f64.add (local.get $t) (f64.promote_f32 (f32.demote_f64 (f64.mul (local.get $a) (f64.const 0.1))))))
    (f64.add (local.get $t) (f64.mul (f64.const 0) (local.get $b))))
  (func (export "divs") (param i32 i32) (result i32) (i32.add (i32.div_s (local.get 0) (local.get 1)) (i32.rem_u (local.get 0) (i32.const 7))))
  (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "bits") (param $x i32) (result i32) (local $r i32)
    (local.set $r (i32.add (i32.clz (local.get $x)) (i32.ctz (local.get $x))))
    (local.set $r (i32.xor (local.get $r) (i32.popcnt (local.get $x))))
    (local.set $r (i32.add (local.get $r) (i32.rotl (local.get $x) (i32.const 13))))
    (local.set $r (i32.add (local.get $r) (i32.shr_s (i32.shl (local.get $x) (i32.const 24)) (i32.const 24))))
    (local.set $r (i32.add (local.get $r) (select (i32.const 5) (i32.const 9) (i32.gt_s (local.get $x) (i32.const 100)))))
    (local.set $r (i32.add (local.get $r) (i32.wrap_i64 (i64.rotr (i64.extend_i32_u (local.get $x)) (i64.const 7)))))
    (local.get $r))
  (func (export "boom") (param i32) (result i32) (if (local.get 0) (then (unreachable))) (i32.const 1))
)`;
const CALLS_SCALAR: Call[] = [
  { name: 'sum_squares', args: [1000] },
  { name: 'counter', args: [] },
  { name: 'fib', args: [20] },
  { name: 'collatz', args: [27n] },
  { name: 'collatz', args: [837799n] },
  { name: 'fmath', args: [3.25, -4.75] },
  { name: 'fmath', args: [-0.0, 1e300] },
  { name: 'divs', args: [1000, -7] },
  { name: 'divs', args: [5, 0] },
  { name: 'divs', args: [-2147483648, -1] },
  { name: 'trunc', args: [1e12] },
  { name: 'trunc', args: [-123.9] },
  { name: 'bits', args: [0x12345678] },
  { name: 'bits', args: [0] },
  { name: 'bits', args: [255] },
  { name: 'boom', args: [0] },
  { name: 'boom', args: [1] },
];

/** Linear memory: loads and stores of every width and signedness, offsets, unaligned accesses, a data
 *  segment with a run of zeros, reinterprets, memory.size/grow and an out-of-bounds trap. Addresses stay
 *  above 1 KiB so the low-memory-unused assumption holds. */
const WAT_MEMORY = `(module
  (memory (export "memory") 2)
  (data (i32.const 2048) "wasmtune\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\01\\02\\03\\04\\ff\\fe\\fd\\fc")
  (global $base (mut i32) (i32.const 4096))
  (func (export "fill") (param $n i32) (local $i i32) (local $p i32)
    (local.set $p (global.get $base))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (local.get $p) (i32.mul (local.get $i) (i32.const 37)))
      (i32.store16 offset=1 (local.get $p) (i32.xor (local.get $i) (i32.const 0xbeef)))
      (i32.store offset=3 align=1 (local.get $p) (i32.mul (local.get $i) (i32.const -1640531535)))
      (i64.store32 offset=7 align=1 (local.get $p) (i64.mul (i64.extend_i32_u (local.get $i)) (i64.const 0x100000001)))
      (f32.store offset=11 align=1 (local.get $p) (f32.div (f32.convert_i32_s (local.get $i)) (f32.const 3)))
      (f64.store offset=16 (local.get $p) (f64.sub (f64.convert_i32_u (local.get $i)) (f64.const 0.5)))
      (i64.store8 offset=24 (local.get $p) (i64.const -3))
      (local.set $p (i32.add (local.get $p) (i32.const 32)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l))))
  (func (export "checksum") (param $n i32) (result i64) (local $i i32) (local $p i32) (local $s i64)
    (local.set $p (global.get $base))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_s (i32.load8_s (local.get $p)))))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (i32.load8_u (local.get $p)))))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_s (i32.load16_s offset=1 align=1 (local.get $p)))))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (i32.load16_u offset=1 (local.get $p)))))
      (local.set $s (i64.xor (local.get $s) (i64.extend_i32_u (i32.load offset=3 align=1 (local.get $p)))))
      (local.set $s (i64.add (local.get $s) (i64.load32_s offset=7 align=1 (local.get $p))))
      (local.set $s (i64.add (local.get $s) (i64.load32_u offset=7 (local.get $p))))
      (local.set $s (i64.add (local.get $s) (i64.load offset=16 (local.get $p))))
      (local.set $s (i64.add (local.get $s) (i64.load8_s offset=24 (local.get $p))))
      (local.set $s (i64.add (local.get $s) (i64.load16_u offset=24 (local.get $p))))
      (local.set $s (i64.add (local.get $s) (i64.trunc_f32_s (f32.mul (f32.load offset=11 align=1 (local.get $p)) (f32.const 1000)))))
      (local.set $s (i64.add (local.get $s) (i64.reinterpret_f64 (f64.load offset=16 (local.get $p)))))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (i32.reinterpret_f32 (f32.load offset=11 align=1 (local.get $p))))))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_s (i32.shr_s (i32.shl (i32.load8_u offset=2 (local.get $p)) (i32.const 24)) (i32.const 24)))))
      (local.set $p (i32.add (local.get $p) (i32.const 32)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (local.get $s))
  (func (export "static") (result i64)
    (i64.add (i64.load (i32.const 2048))
      (i64.add (i64.extend_i32_u (i32.load (i32.add (i32.const 2048) (i32.const 32))))
               (i64.load32_s (i32.add (i32.const 2048) (i32.const 36))))))
  (func (export "copy") (param $src i32) (param $dst i32) (param $n i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $n)))
      (f64.store (i32.add (local.get $dst) (i32.const 8)) (f64.mul (f64.load (i32.add (local.get $src) (i32.const 16))) (f64.const 2)))
      (local.set $src (i32.add (local.get $src) (i32.const 32)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l))))
  (func (export "grow") (result i32) (i32.add (memory.grow (i32.const 1)) (i32.mul (memory.size) (i32.const 100))))
  (func (export "peek") (param i32) (result i32) (i32.load16_u offset=4 (local.get 0)))
)`;
const CALLS_MEMORY: Call[] = [
  { name: 'fill', args: [200] },
  { name: 'checksum', args: [200] },
  { name: 'static', args: [] },
  { name: 'copy', args: [4096, 20480, 100] },
  { name: 'checksum', args: [150] },
  { name: 'peek', args: [2048] },
  { name: 'peek', args: [131068] },
  { name: 'grow', args: [] },
  { name: 'peek', args: [131068] },
];

/** Module structure: a table with call_indirect (constant and variable index, null and out-of-range traps),
 *  imports (one duplicated, one unused), duplicate and similar functions, a once-only initializer, dead and
 *  constant arguments, an unused function, and Emscripten's main/__original_main pair. */
const WAT_TABLE = `(module
  (import "env" "ext" (func $ext (param i32) (result i32)))
  (import "env" "ext" (func $ext_dup (param i32) (result i32)))
  (import "env" "unused" (func $unused_import (param i32)))
  (type $binop (func (param i32 i32) (result i32)))
  (table 8 funcref)
  (elem (i32.const 1) $add $sub $mul $add_copy $mix)
  (memory (export "memory") 1)
  (global $initialized (mut i32) (i32.const 0))
  (global $state (mut i32) (i32.const 17))
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))
  (func $add_copy (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $mix (type $binop) (i32.xor (i32.mul (local.get 0) (i32.const 31)) (i32.rotl (local.get 1) (i32.const 5))))
  (func $sim1 (param $x i32) (result i32) (i32.add (i32.mul (local.get $x) (i32.const 1000003)) (i32.xor (local.get $x) (i32.const 12345))))
  (func $sim2 (param $x i32) (result i32) (i32.add (i32.mul (local.get $x) (i32.const 999983)) (i32.xor (local.get $x) (i32.const 12345))))
  (func $init (if (global.get $initialized) (then (return))) (global.set $initialized (i32.const 1))
    (global.set $state (i32.mul (global.get $state) (i32.const 3))))
  (func $dead_arg (param $used i32) (param $dead f64) (result i32) (i32.mul (local.get $used) (i32.const 3)))
  (func $const_arg (param $x i32) (param $k i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done (loop $l (br_if $done (i32.ge_s (local.get $i) (local.get $k)))
      (local.set $s (i32.add (local.get $s) (i32.mul (local.get $x) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l)))
    (local.get $s))
  (func $never_called (result i32) (i32.const 1234))
  (func (export "dispatch") (param $op i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect (type $binop) (local.get $a) (local.get $b) (local.get $op)))
  (func (export "known") (param $a i32) (result i32)
    (i32.add (call_indirect (type $binop) (local.get $a) (i32.const 5) (i32.const 3))
             (call_indirect (type $binop) (local.get $a) (i32.const 9) (i32.const 4))))
  (func (export "work") (param $x i32) (result i32) (local $r i32)
    (call $init) (call $init)
    (local.set $r (i32.add (call $sim1 (local.get $x)) (call $sim2 (local.get $x))))
    (local.set $r (i32.add (local.get $r) (call $dead_arg (local.get $x) (f64.const 1.5))))
    (local.set $r (i32.add (local.get $r) (call $dead_arg (i32.const 7) (f64.const 2.5))))
    (local.set $r (i32.add (local.get $r) (call $const_arg (local.get $x) (i32.const 10))))
    (local.set $r (i32.add (local.get $r) (call $const_arg (i32.const 3) (i32.const 10))))
    (local.set $r (i32.add (local.get $r) (call $ext (local.get $x))))
    (local.set $r (i32.add (local.get $r) (call $ext_dup (local.get $r))))
    (i32.add (local.get $r) (global.get $state)))
  (func $__original_main (result i32) (i32.add (global.get $state) (call $ext (i32.const 2))))
  (func $main (export "main") (param i32 i32) (result i32) (call $__original_main))
)`;
const CALLS_TABLE: Call[] = [
  { name: 'dispatch', args: [1, 10, 3] },
  { name: 'dispatch', args: [2, 10, 3] },
  { name: 'dispatch', args: [3, 10, 3] },
  { name: 'dispatch', args: [4, 10, 3] },
  { name: 'dispatch', args: [5, 10, 3] },
  { name: 'dispatch', args: [0, 10, 3] },
  { name: 'dispatch', args: [9, 10, 3] },
  { name: 'known', args: [11] },
  { name: 'work', args: [5] },
  { name: 'work', args: [-77] },
  { name: 'main', args: [0, 0] },
];

/** Multivalue: functions and blocks returning pairs, which Binaryen's IR holds in tuple locals. */
const WAT_MULTIVALUE = `(module
  (func $divmod (param $a i32) (param $b i32) (result i32 i32)
    (i32.div_u (local.get $a) (local.get $b)) (i32.rem_u (local.get $a) (local.get $b)))
  (func $swap (param i64 i64) (result i64 i64) (local.get 1) (local.get 0))
  (func (export "digits") (param $x i32) (result i32) (local $q i32) (local $r i32) (local $s i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $x)))
      (call $divmod (local.get $x) (i32.const 10))
      (local.set $r) (local.set $q)
      (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 3)) (local.get $r)))
      (local.set $x (local.get $q))
      (br $l)))
    (local.get $s))
  (func (export "swapsub") (param i64 i64) (result i64) (local $a i64) (local $b i64)
    (call $swap (local.get 0) (local.get 1)) (local.set $b) (local.set $a)
    (i64.sub (local.get $a) (local.get $b)))
  (func (export "pair") (param $x i32) (result i32 f64)
    (block (result i32 f64) (i32.mul (local.get $x) (i32.const 2)) (f64.convert_i32_s (local.get $x))))
)`;
const CALLS_MULTIVALUE: Call[] = [
  { name: 'digits', args: [987654321] },
  { name: 'swapsub', args: [5n, 100n] },
  { name: 'pair', args: [21] },
];

/** Shapes aimed at the passes the other modules leave untouched: a loop-invariant product (licm), a value
 *  computed before an early exit (code-pushing), an unsigned narrow load used only sign-extended
 *  (pick-load-signs), if-arms with identical tails (code-folding), nested value blocks (merge-blocks), a
 *  named block never branched to (remove-unused-names), many globals used unevenly (reorder-globals), and
 *  a pure helper whose result is dropped (generate-global-effects followed by other passes). */
const WAT_SHAPES = `(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "\\80\\81\\fe\\ff\\01\\02\\7f\\00")
  (global $k1 i32 (i32.const 7))
  (global $g0 (mut i32) (i32.const 0)) (global $g1 (mut i32) (i32.const 1)) (global $g2 (mut i32) (i32.const 2))
  (global $g3 (mut i32) (i32.const 3)) (global $g4 (mut i32) (i32.const 4)) (global $g5 (mut i32) (i32.const 5))
  (global $g6 (mut i32) (i32.const 6)) (global $g7 (mut i32) (i32.const 7)) (global $g8 (mut i32) (i32.const 8))
  (func $pure (param i32) (result i32) (i32.xor (i32.mul (local.get 0) (i32.const 2654435761)) (i32.const 99)))
  (func (export "invariant") (param $a i32) (param $b i32) (param $n i32) (result i32) (local $i i32) (local $s i32) (local $t i32)
    (loop $l
      (local.set $t (i32.mul (local.get $a) (local.get $b)))
      (local.set $s (i32.add (local.get $s) (i32.xor (local.get $t) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s))
  (func (export "early") (param $a i32) (param $flag i32) (result i32) (local $x i32)
    (block $out (result i32)
      (local.set $x (i32.mul (i32.add (local.get $a) (i32.const 3)) (local.get $a)))
      (drop (br_if $out (i32.const -1) (local.get $flag)))
      (i32.add (local.get $x) (i32.const 1))))
  (func (export "signs") (param $p i32) (result i32) (local $v i32)
    (local.set $v (i32.load8_u (local.get $p)))
    (i32.add (i32.shr_s (i32.shl (local.get $v) (i32.const 24)) (i32.const 24))
             (i32.mul (i32.shr_s (i32.shl (local.get $v) (i32.const 24)) (i32.const 24)) (i32.const 3))))
  (func (export "tails") (param $c i32) (param $x i32) (result i32)
    (if (local.get $c)
      (then (global.set $g0 (i32.add (local.get $x) (i32.const 1)))
            (global.set $g1 (i32.mul (global.get $g1) (i32.const 3))) (global.set $g2 (i32.add (global.get $g2) (global.get $g1))))
      (else (global.set $g0 (i32.sub (local.get $x) (i32.const 1)))
            (global.set $g1 (i32.mul (global.get $g1) (i32.const 3))) (global.set $g2 (i32.add (global.get $g2) (global.get $g1)))))
    (i32.add (global.get $g0) (global.get $g2)))
  (func (export "nested") (param $x i32) (result i32)
    (global.set $g4 (i32.add (global.get $g4) (i32.const 1)))
    (i32.mul
      (block $unused (result i32)
        (i32.add
          (block (result i32) (global.set $g3 (i32.add (global.get $g3) (local.get $x))) (block (result i32) (global.get $g3)))
          (global.get $k1)))
      (global.get $g4)))
  (func (export "uneven") (param $x i32) (result i32)
    (global.set $g8 (i32.add (global.get $g8) (local.get $x))) (global.set $g8 (i32.mul (global.get $g8) (global.get $g8)))
    (global.set $g7 (i32.add (global.get $g7) (global.get $g8))) (global.set $g8 (i32.add (global.get $g8) (global.get $g7)))
    (i32.add (global.get $g8) (i32.add (global.get $g4) (i32.add (global.get $g5) (global.get $g6)))))
  (func (export "dropped") (param $x i32) (result i32)
    (drop (call $pure (local.get $x))) (drop (call $pure (i32.const 5)))
    (i32.add (call $pure (local.get $x)) (i32.const 1)))
)`;
const CALLS_SHAPES: Call[] = [
  { name: 'invariant', args: [123, 456, 100] },
  { name: 'early', args: [10, 0] },
  { name: 'early', args: [10, 1] },
  { name: 'signs', args: [1024] },
  { name: 'signs', args: [1025] },
  { name: 'signs', args: [1030] },
  { name: 'tails', args: [1, 10] },
  { name: 'tails', args: [0, 10] },
  { name: 'nested', args: [5] },
  { name: 'uneven', args: [3] },
  { name: 'dropped', args: [17] },
];

function watModule(name: string, wat: string, features: number, calls: Call[]): TestModule {
  return {
    name,
    load: () => {
      const m = binaryen.parseText(wat);
      m.setFeatures(features);
      return m;
    },
    exec: { kind: 'calls', calls },
  };
}

function kernelModules(): TestModule[] {
  const dir = join(ROOT, 'kernels/wasmtune-v0');
  if (!existsSync(dir)) return [];
  const out: TestModule[] = [];
  for (const name of readdirSync(dir).sort()) {
    const wasmPath = join(dir, name, 'module.wasm');
    if (!existsSync(wasmPath)) continue;
    const bytes = new Uint8Array(readFileSync(wasmPath));
    const features = detectFeatures(bytes);
    if (features === undefined) {
      console.log(`kernel ${name}: module.wasm does not validate with any engine feature set; skipped`);
      continue;
    }
    const json = join(dir, name, 'harness.json');
    const script = join(dir, name, 'harness.mjs');
    let exec: Exec;
    if (existsSync(script)) exec = { kind: 'script-harness', path: script };
    else if (existsSync(json)) exec = { kind: 'json-harness', harness: JSON.parse(readFileSync(json, 'utf8')) as unknown };
    else exec = { kind: 'none', why: 'no harness' };
    out.push({
      name: `kernel:${name}`,
      load: () => {
        const m = binaryen.readBinary(bytes);
        m.setFeatures(features);
        return m;
      },
      exec,
    });
  }
  return out;
}

/** wasm-opt's defaults plus the target-features section; else the engine's features. */
function detectFeatures(bytes: Uint8Array): number | undefined {
  for (const extra of [DEFAULT_FEATURES, ENGINE_FEATURES]) {
    const m = binaryen.readBinary(bytes);
    try {
      const f = m.getFeatures() | extra;
      m.setFeatures(f);
      if (quiet(() => m.validate()).value) return f;
    } catch (e) {
      console.log(`  feature detection: ${oneLine(errorText(e).message)}`);
    } finally {
      m.dispose();
    }
  }
  return undefined;
}

// ── execution in a worker (a candidate may hang) ────────────────────────────────────────────────────────

const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { pathToFileURL } = require('node:url');

function ser(v) {
  if (typeof v === 'bigint') return v.toString() + 'n';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (ArrayBuffer.isView(v)) return '[' + Array.from(v, ser).join(',') + ']';
  if (Array.isArray(v)) return '[' + v.map(ser).join(',') + ']';
  if (typeof v === 'object') return '{' + Object.keys(v).sort().map((k) => k + ':' + ser(v[k])).join(',') + '}';
  return String(v);
}
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ARRAYS = { i8: Int8Array, u8: Uint8Array, i16: Int16Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array,
  i64: BigInt64Array, u64: BigUint64Array, f32: Float32Array, f64: Float64Array };
const trapOf = (e) => (e instanceof WebAssembly.RuntimeError ? 'trap:' + e.message : 'throw:' + String(e && e.message || e));

function runCalls(bin, calls) {
  const log = [];
  const imports = { env: {
    ext: (x) => { log.push(x); return (Math.imul(x, 7) + 3) | 0; },
    unused: (x) => { log.push('unused:' + x); },
  } };
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bin), imports);
  const results = [];
  for (const c of calls) {
    try { results.push(ser(inst.exports[c.name](...c.args))); } catch (e) { results.push(trapOf(e)); }
  }
  const out = { results, log: ser(log) };
  const mem = Object.values(inst.exports).find((x) => x instanceof WebAssembly.Memory);
  if (mem) out.memory = createHash('sha1').update(new Uint8Array(mem.buffer)).digest('hex') + '/' + mem.buffer.byteLength;
  for (const [k, v] of Object.entries(inst.exports)) if (v instanceof WebAssembly.Global) out['global ' + k] = ser(v.value);
  return out;
}

function stubImports(mod) {
  const imports = {};
  for (const imp of WebAssembly.Module.imports(mod)) {
    if (imp.kind !== 'function') return undefined;
    (imports[imp.module] ??= {})[imp.name] = () => { throw new Error('unexpected import call ' + imp.module + '.' + imp.name); };
  }
  return imports;
}

function resolveAddress(at, exports) {
  if (typeof at === 'number') return at;
  let base;
  if ('global' in at) base = Number(exports[at.global].value);
  else base = Number(exports[at.call](...(at.args ?? [])));
  return base + (at.add ?? 0);
}

async function runHarness(bin, exec) {
  const mod = new WebAssembly.Module(bin);
  if (exec.kind === 'script-harness') {
    const path = exec.path;
    const h = (await import(pathToFileURL(path).href)).default;
    const seed = (h.seeds ?? [1])[0];
    const inst = new WebAssembly.Instance(mod, h.imports ? h.imports({}) : stubImports(mod) ?? {});
    const memory = Object.values(inst.exports).find((x) => x instanceof WebAssembly.Memory);
    const ctx = { exports: inst.exports, memory, rng: mulberry32(seed), seed };
    const state = await h.setup(ctx);
    let result;
    try { result = await h.run(ctx, state); } catch (e) { return { run: trapOf(e) }; }
    return { output: ser(await h.output(ctx, state, result)) };
  }
  const h = exec.harness;
  const imports = stubImports(mod);
  if (!imports) return { skipped: 'non-function imports' };
  const inst = new WebAssembly.Instance(mod, imports);
  const ex = inst.exports;
  const memory = Object.values(ex).find((x) => x instanceof WebAssembly.Memory);
  const seed = (h.seeds ?? [1])[0];
  const rng = mulberry32(seed);
  for (const input of h.inputs ?? []) {
    const T = ARRAYS[input.type];
    const view = new T(memory.buffer, resolveAddress(input.at, ex), input.count);
    const isFloat = input.type[0] === 'f';
    const big = input.type.endsWith('64') && !isFloat;
    for (let i = 0; i < input.count; i++) {
      let v;
      if (input.fill !== undefined) v = input.fill;
      else if (input.alphabet) v = input.alphabet.charCodeAt(Math.floor(rng() * input.alphabet.length));
      else if (isFloat) { const lo = input.min ?? 0, hi = input.max ?? 1; v = lo + rng() * (hi - lo); }
      else { const lo = input.min ?? 0, hi = input.max ?? 255; v = lo + Math.floor(rng() * (hi - lo + 1)); }
      view[i] = big ? BigInt(v) : v;
    }
  }
  const args = (h.args ?? []).map((a) => {
    if (typeof a === 'number') return a;
    if ('address' in a) return resolveAddress(a.address, ex);
    const v = a.type[0] === 'f' ? a.min + rng() * (a.max - a.min) : a.min + Math.floor(rng() * (a.max - a.min + 1));
    return a.type.endsWith('64') && a.type[0] !== 'f' ? BigInt(v) : v;
  });
  let result;
  try { result = ex[h.export](...args); } catch (e) { return { run: trapOf(e) }; }
  const out = {};
  if (h.outputs?.return !== false && result !== undefined) out.return = ser(result);
  for (const [i, o] of (h.outputs?.memory ?? []).entries()) {
    out['memory ' + i] = createHash('sha1').update(ser(new ARRAYS[o.type](memory.buffer, resolveAddress(o.at, ex), o.count))).digest('hex');
  }
  return out;
}

parentPort.on('message', async ({ id, bin, exec }) => {
  try {
    const out = exec.kind === 'calls' ? runCalls(bin, exec.calls) : await runHarness(bin, exec);
    parentPort.postMessage({ id, ok: true, out: ser(out) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, out: 'harness error: ' + String(e && e.stack || e) });
  }
});
`;

class Executor {
  private worker: Worker | undefined;
  private nextId = 0;
  constructor(private readonly timeoutMs: number) {}

  private get w(): Worker {
    this.worker ??= new Worker(WORKER_SOURCE, { eval: true });
    return this.worker;
  }

  /** The serialized observable outcome, or a failure string starting with "timeout" / "harness error". */
  run(bin: Uint8Array, exec: Exec): Promise<{ ok: boolean; out: string }> {
    if (exec.kind === 'none') return Promise.resolve({ ok: true, out: `not executed (${exec.why})` });
    const id = this.nextId++;
    const worker = this.w;
    return new Promise((resolveRun) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        void worker.terminate();
        this.worker = undefined;
        resolveRun({ ok: false, out: `timeout after ${this.timeoutMs} ms` });
      }, this.timeoutMs);
      const onMessage = (msg: { id: number; ok: boolean; out: string }) => {
        if (msg.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolveRun({ ok: msg.ok, out: msg.out });
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, bin, exec });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

// ── 1. coverage and order ───────────────────────────────────────────────────────────────────────────────

function helpPassNames(): string[] {
  const text = execFileSync(process.execPath, [join(ROOT, 'node_modules/binaryen/bin/wasm-opt'), '--help'], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const start = text.indexOf('Optimization passes:');
  const end = text.indexOf('Optimization options:');
  const names: string[] = [];
  for (const line of text.slice(start, end).split('\n')) {
    const m = /^ {2}--([a-z0-9-]+)\s/.exec(line);
    if (m?.[1]) names.push(m[1]);
  }
  return names;
}

interface Problem {
  what: string;
  detail: string;
}

function checkCoverage(problems: Problem[]): number {
  const help = helpPassNames();
  const included = Object.keys(BINARYEN_PASSES);
  const excluded = Object.keys(EXCLUDED_PASSES);
  const excludedInfo = EXCLUDED_PASSES as Record<string, ExcludedPassInfo>;
  for (const name of help) {
    const n = Number(included.includes(name)) + Number(excluded.includes(name));
    if (n !== 1) problems.push({ what: 'coverage', detail: `${name}: listed by --help, in ${n} catalog maps` });
  }
  for (const name of [...included, ...excluded]) {
    if (!help.includes(name) && excludedInfo[name]?.kind !== 'test-only') {
      problems.push({ what: 'coverage', detail: `${name}: not listed by --help and not a test-only exclusion` });
    }
  }
  for (const name of excluded) {
    if (excludedInfo[name]?.kind === 'test-only' && help.includes(name)) {
      problems.push({ what: 'coverage', detail: `${name}: marked test-only but listed by --help` });
    }
  }
  const checkOrder = (label: string, entries: [string, string][]) => {
    const seen = new Set<string>();
    for (let i = 0; i < entries.length; i++) {
      const [name, group] = entries[i]!;
      const prev = entries[i - 1];
      if (prev && prev[1] === group && prev[0].localeCompare(name) >= 0) {
        problems.push({ what: 'order', detail: `${label}: ${name} after ${prev[0]} in group ${group}` });
      }
      if (prev && prev[1] !== group) {
        if (seen.has(group)) problems.push({ what: 'order', detail: `${label}: group ${group} is split (at ${name})` });
        seen.add(prev[1]);
      }
    }
  };
  checkOrder('BINARYEN_PASSES', Object.entries(BINARYEN_PASSES as Record<string, BinaryenPassInfo>).map(([n, i]) => [n, i.category]));
  checkOrder('EXCLUDED_PASSES', Object.entries(excludedInfo).map(([n, i]) => [n, i.kind]));
  return help.length;
}

// ── 2. excluded names are real passes ───────────────────────────────────────────────────────────────────

const TRIVIAL = `(module (memory (export "mem") 1) (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))`;

function checkExcluded(problems: Problem[], modules: TestModule[]): { name: string; kind: string; outcome: string }[] {
  const rows: { name: string; kind: string; outcome: string }[] = [];
  for (const [name, info] of Object.entries(EXCLUDED_PASSES as Record<string, ExcludedPassInfo>)) {
    resetSettings();
    const m = binaryen.parseText(TRIVIAL);
    m.setFeatures(DEFAULT_FEATURES);
    let outcome: string;
    try {
      quiet(() => m.runPasses([name]));
      outcome = 'accepted';
    } catch (e) {
      const { kind, message } = errorText(e);
      if (/Could not find pass/.test(message)) {
        outcome = 'UNKNOWN';
        problems.push({ what: 'excluded name', detail: `${name}: Binaryen does not know this pass` });
      } else if (/usage/i.test(message)) outcome = 'needs an argument';
      else if (/must be flat/.test(message)) outcome = 'needs flat IR';
      else outcome = `${kind}: ${oneLine(message, 60)}`;
    } finally {
      m.dispose();
    }
    if (info.kind === 'needs-argument' && outcome !== 'needs an argument') {
      problems.push({ what: 'excluded name', detail: `${name}: kind needs-argument, but Binaryen says: ${outcome}` });
    }
    if (info.kind === 'gc-only') outcome += ` | changes our modules: ${gcOnlyChanges(name, modules)}`;
    rows.push({ name, kind: info.kind, outcome });
  }
  return rows;
}

/** Does a gc-only pass change any of our modules' binaries? (Expected: no.) */
function gcOnlyChanges(name: string, modules: TestModule[]): string {
  const changed: string[] = [];
  for (const mod of modules) {
    resetSettings();
    const m = mod.load();
    try {
      const before = m.emitBinary();
      quiet(() => m.runPasses([name]));
      if (!Buffer.from(before).equals(Buffer.from(m.emitBinary()))) changed.push(mod.name);
    } catch (e) {
      changed.push(`${mod.name} (throws: ${oneLine(errorText(e).message, 40)})`);
    } finally {
      m.dispose();
    }
  }
  return changed.length ? changed.join(', ') : 'none';
}

// ── 3. included passes ──────────────────────────────────────────────────────────────────────────────────

interface Failure {
  pass: string;
  module: string;
  mode: string;
  stage: 'throw' | 'abort' | 'invalid' | 'exports' | 'emit' | 'behaviour' | 'timeout';
  detail: string;
}

interface Reference {
  exports: string;
  imports: string;
  outcome: { ok: boolean; out: string };
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const problems: Problem[] = [];
  const helpCount = checkCoverage(problems);
  const included = Object.entries(BINARYEN_PASSES as Record<string, BinaryenPassInfo>);
  console.log(
    `catalog: ${included.length} included + ${Object.keys(EXCLUDED_PASSES).length} excluded; wasm-opt --help lists ${helpCount} passes`,
  );

  const modules: TestModule[] = [
    watModule('wat:scalar', WAT_SCALAR, DEFAULT_FEATURES, CALLS_SCALAR),
    watModule('wat:memory', WAT_MEMORY, DEFAULT_FEATURES, CALLS_MEMORY),
    watModule('wat:table', WAT_TABLE, DEFAULT_FEATURES, CALLS_TABLE),
    watModule('wat:multivalue', WAT_MULTIVALUE, DEFAULT_FEATURES | F.Multivalue, CALLS_MULTIVALUE),
    watModule('wat:shapes', WAT_SHAPES, DEFAULT_FEATURES, CALLS_SHAPES),
    ...kernelModules(),
  ];
  console.log(`modules: ${modules.map((m) => m.name).join(', ')}`);

  const excludedRows = checkExcluded(problems, modules.filter((m) => m.name.startsWith('wat:')));
  const executor = new Executor(30_000);

  // References: the unoptimized module's exports, imports and behaviour.
  const refs = new Map<string, Reference>();
  for (const mod of modules) {
    resetSettings();
    const m = mod.load();
    const valid = quiet(() => m.validate()).value;
    const bin = m.emitBinary();
    m.dispose();
    if (!valid) problems.push({ what: 'reference', detail: `${mod.name}: does not validate before any pass` });
    const outcome = await executor.run(bin, mod.exec);
    if (!outcome.ok) problems.push({ what: 'reference', detail: `${mod.name}: ${oneLine(outcome.out, 200)}` });
    refs.set(mod.name, { exports: exportList(bin), imports: importList(bin), outcome });
    console.log(`  reference ${mod.name}: ${bin.length} B, ${mod.exec.kind === 'none' ? mod.exec.why : oneLine(outcome.out, 90)}`);
  }

  const failures: Failure[] = [];
  const notes: string[] = [];
  const changedCount = new Map<string, number>();
  let builds = 0;

  /**
   * One case: load the module, `prepare` it (prefix pipeline, preconditions; must not throw), run `steps`,
   * then validate, compare exports, and execute. Global settings are reset before and after.
   */
  const runCase = async (
    label: string,
    mod: TestModule,
    mode: string,
    prepare: (m: binaryen.Module) => void,
    steps: (m: binaryen.Module) => void,
  ): Promise<void> => {
    builds++;
    const ref = refs.get(mod.name)!;
    const fail = (stage: Failure['stage'], detail: string) => failures.push({ pass: label, module: mod.name, mode, stage, detail });
    resetSettings();
    const m = mod.load();
    let before: Uint8Array;
    let textBefore: string;
    try {
      prepare(m);
      before = m.emitBinary();
      textBefore = m.emitText();
      quiet(() => steps(m));
    } catch (e) {
      const { kind, message } = errorText(e);
      fail(kind === 'abort' ? 'abort' : 'throw', oneLine(message));
      m.dispose();
      return;
    } finally {
      resetSettings();
    }
    const v = quiet(() => m.validate());
    if (!v.value) {
      fail('invalid', oneLine(v.output, 200));
      m.dispose();
      return;
    }
    let bin: Uint8Array;
    try {
      bin = m.emitBinary();
    } catch (e) {
      fail('emit', oneLine(errorText(e).message));
      m.dispose();
      return;
    }
    // "Changed" compares the IR, not the binary: some passes (merge-blocks) only change block structure
    // that the binary writer flattens anyway, but they still enable the passes after them.
    if (m.emitText() !== textBefore) changedCount.set(label, (changedCount.get(label) ?? 0) + 1);
    m.dispose();
    let exports: string;
    let imports: string;
    let importsBefore: string;
    try {
      exports = exportList(bin);
      imports = importList(bin);
      importsBefore = importList(before);
    } catch (e) {
      fail('emit', `V8 rejects the binary: ${oneLine(String(e))}`);
      return;
    }
    if (exports !== ref.exports) {
      fail('exports', `${ref.exports} -> ${exports}`);
      return;
    }
    if (imports !== importsBefore) {
      notes.push(`${label} (${mode}) on ${mod.name}: imports ${importsBefore || '(none)'} -> ${imports || '(none)'}`);
    }
    const outcome = await executor.run(bin, mod.exec);
    if (outcome.out.startsWith('timeout')) fail('timeout', outcome.out);
    else if (ref.outcome.ok && outcome.out !== ref.outcome.out) fail('behaviour', diff(ref.outcome.out, outcome.out));
  };

  const o3 = (m: binaryen.Module) => {
    binaryen.setOptimizeLevel(3);
    binaryen.setShrinkLevel(0);
    m.optimize();
  };
  for (const [pass, info] of included) {
    const preconditions = (m: binaryen.Module) => {
      if (info.requires?.includes('low-memory-unused')) binaryen.setLowMemoryUnused(true);
      if (info.requires?.includes('flat')) m.runPasses(['flatten']);
    };
    for (const mod of modules) {
      await runCase(pass, mod, 'alone', preconditions, (m) => m.runPasses([pass]));
      await runCase(pass, mod, 'after-O3', (m) => (o3(m), preconditions(m)), (m) => m.runPasses([pass]));
    }
    process.stdout.write('.');
  }

  // Sequences for what a single pass cannot show: global effect information is only used by the passes
  // after it, and the flat-IR passes are run on flattened code that later passes must accept.
  const CONSUMERS = ['inlining-optimizing', 'vacuum', 'dae-optimizing', 'licm', 'code-pushing', 'simplify-locals', 'precompute-propagate', 'remove-unused-brs', 'dce', 'local-cse', 'vacuum'];
  const sequences: { label: string; steps: (m: binaryen.Module) => void }[] = [
    { label: '[generate-global-effects, -O3]', steps: (m) => (m.runPasses(['generate-global-effects']), o3(m)) },
    {
      label: '[generate-global-effects, 11 consumers]',
      steps: (m) => {
        binaryen.setOptimizeLevel(3);
        binaryen.setShrinkLevel(0);
        m.runPasses(['generate-global-effects']);
        for (const p of CONSUMERS) m.runPasses([p]);
      },
    },
    { label: '[flatten, dfo, rereloop, -O3]', steps: (m) => (m.runPasses(['flatten', 'dfo', 'flatten', 'rereloop']), o3(m)) },
    { label: '[monomorphize-always, dae, inlining, -O3]', steps: (m) => (m.runPasses(['monomorphize-always', 'dae', 'inlining']), o3(m)) },
  ];
  for (const seq of sequences) {
    for (const mod of modules) {
      await runCase(seq.label, mod, 'sequence', () => {}, seq.steps);
    }
    process.stdout.write('s');
  }
  process.stdout.write('\n');
  await executor.close();

  // ── report ────────────────────────────────────────────────────────────────────────────────────────────
  console.log(`\n${builds} builds (${included.length} passes x ${modules.length} modules x 2 modes, plus sequences) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log('\nExcluded passes (Binaryen accepts the name?):');
  for (const r of excludedRows) console.log(`  ${r.kind.padEnd(16)} ${r.name.padEnd(42)} ${r.outcome}`);

  const unchanged = included.map(([n]) => n).filter((n) => !changedCount.has(n));
  console.log(`\nIncluded passes that changed the IR of no module in either mode (${unchanged.length}): ${unchanged.join(', ') || '-'}`);
  if (notes.length) {
    console.log(`\nImport-list changes (allowed: same import names still satisfy the module), ${notes.length}:`);
    for (const n of notes) console.log(`  ${n}`);
  }
  if (problems.length) {
    console.log(`\nCatalog problems (${problems.length}):`);
    for (const p of problems) console.log(`  ${p.what.padEnd(14)} ${p.detail}`);
  }
  if (failures.length) {
    console.log(`\nFailures (${failures.length}):`);
    console.log(`  ${'pass'.padEnd(36)} ${'module'.padEnd(18)} ${'mode'.padEnd(9)} ${'stage'.padEnd(9)} detail`);
    for (const f of failures) console.log(`  ${f.pass.padEnd(36)} ${f.module.padEnd(18)} ${f.mode.padEnd(9)} ${f.stage.padEnd(9)} ${f.detail}`);
  } else {
    console.log('\nFailures: none');
  }
  return problems.length || failures.length ? 1 : 0;
}

/** The first differing region of two serialized outcomes. */
function diff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  return `at ${i}: expected …${a.slice(from, i + 50)}… got …${b.slice(from, i + 50)}…`;
}

process.exitCode = await main();
