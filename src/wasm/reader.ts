/**
 * The one reader of the WebAssembly binary format that the code outside Binaryen uses: a cursor over a
 * range of bytes with LEB128 decoding, the walk over a module's sections, and the LEB128 encoder that the
 * few byte-level edits need. Reading past the range's end, or a malformed LEB128, is an E_BAD_MODULE
 * error that names what was being read (`context`) and the byte offset from the start of the module.
 *
 * Users: the module-feature decoder (src/learn/features/decode.ts), the layout that profiles need
 * (src/measure/wasm-sections.ts) and the custom-section check of the Binaryen wrapper
 * (src/binaryen/module.ts).
 */
import { WasmtuneError } from '../errors.js';

const utf8 = new TextDecoder('utf-8');

/** A cursor over `bytes[pos, end)`. */
export class WasmReader {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly end = bytes.length,
    /** The start of the error message: `Cannot decode the module`, … */
    readonly context = 'Cannot read the module',
  ) {}

  fail(what: string, at = this.pos): never {
    throw new WasmtuneError('E_BAD_MODULE', `${this.context}: ${what} at byte ${at}.`);
  }

  /** A reader over `[pos, end)` of the same bytes, with the same context. */
  sub(end: number, pos = this.pos): WasmReader {
    if (end > this.end) this.fail('a length past the end');
    return new WasmReader(this.bytes, pos, end, this.context);
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  byte(): number {
    if (this.pos >= this.end) this.fail('unexpected end');
    return this.bytes[this.pos++]!;
  }

  /** An unsigned LEB128 of up to 32 bits (at most 5 bytes). */
  u32(): number {
    return this.unsigned(5);
  }

  /** An unsigned LEB128 of up to 64 bits (at most 10 bytes), as a number: exact below 2^53. */
  u64(): number {
    return this.unsigned(10);
  }

  private unsigned(maxBytes: number): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < maxBytes; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    return this.fail('LEB128 too long');
  }

  /**
   * A signed LEB128 of up to 64 bits (block types, heap types, constants), exact from −2^49 to 2^49: the
   * bits above the 49th are read past, and a negative value is sign-extended from there.
   */
  s(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      if (shift < 49) result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (shift > 70) this.fail('LEB128 too long');
    } while (b & 0x80);
    if (b & 0x40) result -= 2 ** Math.min(shift, 49);
    return result;
  }

  skip(n: number): void {
    if (this.pos + n > this.end) this.fail('unexpected end');
    this.pos += n;
  }

  bytesOf(n: number): Uint8Array {
    if (this.pos + n > this.end) this.fail('a length past the end');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A name: its length, then UTF-8. */
  name(): string {
    return utf8.decode(this.bytesOf(this.u32()));
  }
}

/** One section of a module: its id, where its header starts, and a reader over its contents. */
export interface Section {
  id: number;
  /** Offset of the section's id byte. */
  at: number;
  /** Size of the contents, bytes. */
  size: number;
  /** A reader over the contents only. */
  contents: WasmReader;
}

/**
 * The sections of a module, in order, after checking the header (magic and version 1). A section that
 * runs past the end is an error; what a section holds is read by the caller.
 */
export function* sections(bytes: Uint8Array, context?: string): Generator<Section> {
  const r = new WasmReader(bytes, 0, bytes.length, context);
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d
    || bytes[4] !== 1 || bytes[5] || bytes[6] || bytes[7]) {
    r.fail('not a WebAssembly module (version 1)', 0);
  }
  r.pos = 8;
  while (!r.done) {
    const at = r.pos;
    const id = r.byte();
    const size = r.u32();
    if (r.pos + size > bytes.length) r.fail(`section ${id} runs past the end of the module`, at);
    const contents = r.sub(r.pos + size);
    r.pos += size;
    yield { id, at, size, contents };
  }
}

/** An unsigned LEB128 encoding of `n` (a non-negative integer below 2^32). */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}
