// The shared reader of the binary format (src/wasm/reader.ts): LEB128 both ways, the walk over a module's
// sections, and the E_BAD_MODULE errors that name the reader's context and the byte offset, for a module
// cut short, a malformed LEB128 or a section that runs past the end.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sections, uleb, WasmReader } from '../../src/wasm/reader.js';
import { WasmtuneError } from '../../src/errors.js';

const errorOf = (f: () => unknown): WasmtuneError => {
  try {
    f();
  } catch (e) {
    return e as WasmtuneError;
  }
  throw new Error('no error');
};
const reader = (bytes: number[]) => new WasmReader(new Uint8Array(bytes), 0, bytes.length, 'Cannot read x');

describe('WasmReader', () => {
  it('reads back what uleb writes, from 0 to 2^32 − 1', () => {
    for (const n of [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 28 - 1, 2 ** 31, 2 ** 32 - 1]) {
      const r = reader(uleb(n));
      expect(r.u32()).toBe(n);
      expect(r.done).toBe(true);
    }
  });

  it('reads a 64-bit LEB128 exactly below 2^53, and refuses more than 5 bytes as a u32', () => {
    const big = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]; // 2^53 − 1
    expect(reader(big).u64()).toBe(2 ** 53 - 1);
    const e = errorOf(() => reader(big).u32());
    expect(e.code).toBe('E_BAD_MODULE');
    expect(e.message).toBe('Cannot read x: LEB128 too long at byte 5.');
  });

  it('reads signed LEB128: −1, −64, 63, −65 and a 64-bit −1', () => {
    expect(reader([0x7f]).s()).toBe(-1);
    expect(reader([0x40]).s()).toBe(-64);
    expect(reader([0x3f]).s()).toBe(63);
    expect(reader([0xbf, 0x7f]).s()).toBe(-65);
    expect(reader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]).s()).toBe(-1);
  });

  it('stops at the end of its range, not of the bytes', () => {
    const r = new WasmReader(new Uint8Array([1, 2, 3, 4]), 0, 2, 'Cannot read x');
    expect(r.sub(2).byte()).toBe(1);
    r.skip(2);
    expect(errorOf(() => r.byte()).message).toBe('Cannot read x: unexpected end at byte 2.');
    expect(errorOf(() => reader([3, 0x61]).name()).message).toBe('Cannot read x: a length past the end at byte 1.');
  });
});

describe('sections', () => {
  it('walks a real module in order, each section read to its end by its own reader', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../bench/modules/gofmt/module.wasm', import.meta.url)));
    const ids = [...sections(bytes)].map((s) => s.id);
    expect(ids.filter((id) => id !== 0)).toEqual([...ids.filter((id) => id !== 0)].sort((a, b) => a - b));
    expect(ids).toContain(10);
    let covered = 8;
    for (const s of sections(bytes)) {
      expect(s.at).toBe(covered);
      covered = s.contents.end;
      expect(s.contents.end - s.contents.pos).toBe(s.size);
    }
    expect(covered).toBe(bytes.length);
  });

  it('refuses what is not a version-1 module, and a section that runs past the end', () => {
    const header = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
    expect(errorOf(() => [...sections(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]), 'Cannot read y')]).message)
      .toBe('Cannot read y: not a WebAssembly module (version 1) at byte 0.');
    const cut = new Uint8Array([...header, 1, 5, 0]);
    const e = errorOf(() => [...sections(cut)]);
    expect(e.code).toBe('E_BAD_MODULE');
    expect(e.message).toBe('Cannot read the module: section 1 runs past the end of the module at byte 8.');
    expect([...sections(new Uint8Array(header))]).toEqual([]);
  });
});
