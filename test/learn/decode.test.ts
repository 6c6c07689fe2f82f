/**
 * The Wasm binary decoder behind module features: per-function facts and section counts of a known
 * module, the post-MVP opcodes it classifies, and clear E_BAD_MODULE errors with the byte offset for
 * what it cannot read.
 */
import { describe, expect, it } from 'vitest';
import { watToWasm } from '../../src/kernels/wat.js';
import { decodeModule } from '../../src/learn/features/decode.js';
import { errorOf } from '../helpers.js';

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/** A module of one function `() -> ()` whose body (no locals) is `code` then `end`. */
function oneFunction(code: number[]): Uint8Array {
  const body = [0x00, ...code, 0x0b];
  return Uint8Array.from([
    ...HEADER,
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: one func type () -> ()
    0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
    0x0a, body.length + 2, 0x01, body.length, ...body, // code section
  ]);
}


describe('decodeModule', () => {
  it('reads each defined function and the section counts', async () => {
    const bytes = await watToWasm(`(module
      (import "env" "a" (func (param i32)))
      (import "env" "t" (table 2 funcref))
      (import "env" "m" (memory 3))
      (table 1 funcref)
      (global (mut i32) (i32.const 1))
      (global f64 (f64.const 2))
      (export "f" (func $f)) (export "g" (func $g)) (export "mem" (memory 0))
      (data (i32.const 0) "xyz") (data (i32.const 8) "0123456789")
      (func $f (param i32 i64) (local i32 i32 f64)
        (loop $a (block $b (loop $c (loop $d (br_if $d (local.get 0))) (br_if $c (local.get 0))))
          (br_if $a (local.get 0))))
      (func $g (result i32) (i32.const 1)))`, 'decode.wat');
    const m = decodeModule(bytes);
    expect(m.functions).toEqual([
      // loop, block, loop, loop, 3×(local.get, br_if), 4 ends + the body's end
      { params: 2, locals: 3, instructions: 15, loops: 3, maxLoopDepth: 3 },
      { params: 0, locals: 0, instructions: 2, loops: 0, maxLoopDepth: 0 },
    ]);
    expect({ importedFunctions: m.importedFunctions, tables: m.tables, memoryPages: m.memoryPages, globals: m.globals, exports: m.exports, dataSegments: m.dataSegments, dataBytes: m.dataBytes })
      .toEqual({ importedFunctions: 1, tables: 2, memoryPages: 3, globals: 2, exports: 3, dataSegments: 2, dataBytes: 13 });
    expect(m.counts.loops).toBe(3);
    expect(m.counts.branches).toBe(3);
    expect(m.counts.localGets).toBe(3);
    expect(m.counts.constants).toBe(1); // the globals' and segments' constant expressions do not count
    expect(m.moduleBytes).toBe(bytes.byteLength);
    expect(m.codeBytes).toBeGreaterThan(0);
    expect(m.codeBytes).toBeLessThan(bytes.byteLength);
  });

  it('classifies sign extension, saturating truncation, bulk memory, SIMD and reference instructions', async () => {
    const bytes = await watToWasm(`(module (memory 1)
      (func (param i32 f64) (result i32)
        (memory.copy (i32.const 0) (i32.const 16) (i32.const 4))
        (memory.fill (i32.const 0) (i32.const 0) (i32.const 4))
        (v128.store (i32.const 32) (i32x4.add (v128.load (i32.const 0)) (v128.const i32x4 1 2 3 4)))
        (drop (ref.is_null (ref.null func)))
        (drop (select (result i32) (local.get 0) (i32.const 1) (local.get 0)))
        (i32.add (i32.extend8_s (local.get 0)) (i32.trunc_sat_f64_s (local.get 1)))))`, 'post-mvp.wat');
    const c = decodeModule(bytes).counts;
    expect(c.memoryOps).toBe(2);
    expect(c.simd).toBe(4); // v128.store, i32x4.add, v128.load, v128.const
    expect(c.other).toBe(2); // ref.is_null, ref.null
    expect(c.selects).toBe(1);
    expect(c.conversions).toBe(2);
    expect(c.intArith).toBe(1);
    expect(c.drops).toBe(2);
  });

  it('rejects an unknown opcode, naming it and its offset', () => {
    expect(decodeModule(oneFunction([0x01])).functions).toEqual([{ params: 0, locals: 0, instructions: 2, loops: 0, maxLoopDepth: 0 }]);
    const e = errorOf(() => decodeModule(oneFunction([0x01, 0xff])));
    expect(e.code).toBe('E_BAD_MODULE');
    // header 8, type section 6, function section 4, code section id, size, count, body size, locals, nop
    expect(e.message).toBe('Cannot decode the module: unknown opcode 0xff at byte 24.');
    expect(errorOf(() => decodeModule(oneFunction([0xfc, 0x40]))).message).toMatch(/unknown opcode 0xfc 64 at byte 23/);
  });

  it('rejects a module cut short, and what is not a module', () => {
    const whole = oneFunction([0x41, 0x05, 0x1a]);
    expect(decodeModule(whole).counts.constants).toBe(1);
    expect(errorOf(() => decodeModule(whole.slice(0, whole.length - 2))).message).toMatch(/section 10 runs past the end of the module at byte 18/);
    // A body that never closes its block: the body's bytes end first.
    const open = oneFunction([0x02, 0x40]);
    expect(errorOf(() => decodeModule(open)).message).toMatch(/unexpected end/);
    expect(errorOf(() => decodeModule(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).message).toMatch(/not a WebAssembly module \(version 1\)/);
    expect(errorOf(() => decodeModule(new Uint8Array(HEADER.slice(0, 6)))).code).toBe('E_BAD_MODULE');
  });
});
