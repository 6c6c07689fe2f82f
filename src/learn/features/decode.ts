/**
 * A small decoder of the WebAssembly binary format, as much of it as module features need: the counts
 * of the type, import, function, table, memory, global, export, code and data sections, and every
 * instruction of every defined function body, sorted into instruction classes, with the nesting of its
 * loops. It runs in the calling process (no Binaryen), so what it reports is exactly what the engine
 * receives.
 *
 * Every instruction counts once, `end` and `else` included in a body's `instructions` but in no class.
 * Constant expressions of globals and data segments are skipped, not counted. Opcodes beyond the MVP
 * that it knows: sign extension, saturating truncation, bulk memory and table operations, SIMD (one
 * class), tail calls, reference types and the legacy exception-handling instructions. Anything else, and
 * a module cut short, is an E_BAD_MODULE error that gives the byte offset. Type forms other than
 * functions (GC types) end the reading of the type section; their functions count 0 parameters.
 */
import { sections, WasmReader as Reader } from '../../wasm/reader.js';

/** Instruction classes the decoder sorts instructions into. */
export const INSTRUCTION_CLASSES = [
  'intArith', // i32/i64 add, sub, mul, div, rem, bitwise, shifts, rotations, clz/ctz/popcnt
  'intMulDiv', // of which mul, div, rem
  'intCompare', // eqz, eq, ne, lt, gt, le, ge
  'floatArith', // f32/f64 add, sub, mul, div, sqrt, min, max, abs, neg, rounding, copysign
  'floatMulDiv', // of which mul, div, sqrt
  'floatCompare',
  'conversions', // wrap, extend, trunc (incl. saturating), convert, demote, promote, reinterpret, sign-extension
  'constants', // i32/i64/f32/f64.const
  'loads',
  'stores',
  'branches', // br, br_if, br_table, if
  'calls', // call, return_call
  'indirectCalls', // call_indirect, return_call_indirect, call_ref
  'localGets',
  'localSets', // local.set, local.tee
  'globalOps', // global.get, global.set
  'memoryOps', // memory.size, memory.grow, bulk memory
  'selects',
  'drops',
  'returns',
  'blocks', // block, if, try
  'loops',
  'simd',
  'other', // nop, unreachable, table and reference operations, exceptions
] as const;
export type InstructionClass = (typeof INSTRUCTION_CLASSES)[number];

/** One defined function (imports excluded), in the order of the code section. */
export interface DecodedFunction {
  /** Parameters of its type. */
  params: number;
  /** Declared locals, parameters excluded. */
  locals: number;
  /** Instructions of its body, its final `end` included. */
  instructions: number;
  loops: number;
  /** Deepest nesting of loops inside one another (0: no loop). */
  maxLoopDepth: number;
}

/** What the decoder reads from a module. */
export interface DecodedModule {
  /** Size of the whole module, bytes. */
  moduleBytes: number;
  /** Size of the code section's contents, bytes (0 without one). */
  codeBytes: number;
  importedFunctions: number;
  /** Tables, imported and defined. */
  tables: number;
  /** Initial pages of the module's memory (defined or imported); 0 without one. */
  memoryPages: number;
  globals: number;
  exports: number;
  dataSegments: number;
  /** Bytes of all data segments' contents. */
  dataBytes: number;
  functions: DecodedFunction[];
  /** Instructions per class, over every defined function body. */
  counts: Record<InstructionClass, number>;
}

function emptyCounts(): Record<InstructionClass, number> {
  return Object.fromEntries(INSTRUCTION_CLASSES.map((c) => [c, 0])) as Record<InstructionClass, number>;
}

/** The class of a one-byte numeric opcode 0x45–0xC4, and whether it is a mul/div/sqrt. */
function numericClass(op: number): { cls: InstructionClass; mulDiv: boolean } {
  if (op <= 0x5a) return { cls: 'intCompare', mulDiv: false };
  if (op <= 0x66) return { cls: 'floatCompare', mulDiv: false };
  if (op <= 0x78) return { cls: 'intArith', mulDiv: op >= 0x6c && op <= 0x70 }; // i32: mul, div_s, div_u, rem_s, rem_u
  if (op <= 0x8a) return { cls: 'intArith', mulDiv: op >= 0x7e && op <= 0x82 }; // i64
  if (op <= 0x98) return { cls: 'floatArith', mulDiv: op === 0x91 || op === 0x94 || op === 0x95 }; // f32 sqrt, mul, div
  if (op <= 0xa6) return { cls: 'floatArith', mulDiv: op === 0x9f || op === 0xa2 || op === 0xa3 }; // f64
  return { cls: 'conversions', mulDiv: false };
}

interface BodyStats {
  instructions: number;
  loops: number;
  maxLoopDepth: number;
}

/** Decode instructions up to the `end` that closes the outermost frame, adding to `counts`. */
function decodeInstructions(r: Reader, counts: Record<InstructionClass, number>): BodyStats {
  // The control stack: true for a loop frame. The body itself is the outermost frame.
  const frames: boolean[] = [false];
  let loopDepth = 0;
  let maxLoopDepth = 0;
  let instructions = 0;
  let loops = 0;
  const memarg = () => {
    const align = r.u32();
    if (align & 0x40) r.u32(); // multi-memory: a memory index follows
    r.u32();
  };
  while (frames.length) {
    const at = r.pos;
    const op = r.byte();
    instructions++;
    switch (op) {
      case 0x00: case 0x01: case 0x0a: case 0x19: case 0xd1:
        counts.other++;
        break;
      case 0x02: case 0x04: case 0x06:
        r.s();
        counts.blocks++;
        if (op === 0x04) counts.branches++;
        frames.push(false);
        break;
      case 0x03:
        r.s();
        counts.loops++;
        loops++;
        frames.push(true);
        loopDepth++;
        maxLoopDepth = Math.max(maxLoopDepth, loopDepth);
        break;
      case 0x05:
        break;
      case 0x07: case 0x08: case 0x09:
        r.u32();
        counts.other++;
        break;
      case 0x18: // delegate ends a try
        r.u32();
        if (frames.pop()) loopDepth--;
        counts.other++;
        break;
      case 0x0b:
        if (frames.pop()) loopDepth--;
        break;
      case 0x0c: case 0x0d:
        r.u32();
        counts.branches++;
        break;
      case 0x0e: {
        const n = r.u32();
        for (let i = 0; i <= n; i++) r.u32();
        counts.branches++;
        break;
      }
      case 0x0f:
        counts.returns++;
        break;
      case 0x10: case 0x12:
        r.u32();
        counts.calls++;
        break;
      case 0x11: case 0x13:
        r.u32();
        r.u32();
        counts.indirectCalls++;
        break;
      case 0x14: case 0x15:
        r.u32();
        counts.indirectCalls++;
        break;
      case 0x1a:
        counts.drops++;
        break;
      case 0x1b:
        counts.selects++;
        break;
      case 0x1c: {
        const n = r.u32();
        for (let i = 0; i < n; i++) r.s();
        counts.selects++;
        break;
      }
      case 0x20:
        r.u32();
        counts.localGets++;
        break;
      case 0x21: case 0x22:
        r.u32();
        counts.localSets++;
        break;
      case 0x23: case 0x24:
        r.u32();
        counts.globalOps++;
        break;
      case 0x25: case 0x26:
        r.u32();
        counts.other++;
        break;
      case 0x3f: case 0x40:
        r.u32();
        counts.memoryOps++;
        break;
      case 0x41: case 0x42:
        r.s();
        counts.constants++;
        break;
      case 0x43:
        r.skip(4);
        counts.constants++;
        break;
      case 0x44:
        r.skip(8);
        counts.constants++;
        break;
      case 0xd0:
        r.s();
        counts.other++;
        break;
      case 0xd2:
        r.u32();
        counts.other++;
        break;
      case 0xfc: {
        const sub = r.u32();
        if (sub <= 7) counts.conversions++;
        else if (sub <= 11) {
          if (sub === 8) (r.u32(), r.u32());
          else if (sub === 9) r.u32();
          else if (sub === 10) (r.u32(), r.u32());
          else r.u32();
          counts.memoryOps++;
        } else if (sub <= 17) {
          if (sub === 12 || sub === 14) (r.u32(), r.u32());
          else r.u32();
          counts.other++;
        } else r.fail(`unknown opcode 0xfc ${sub}`, at);
        break;
      }
      case 0xfd: {
        const sub = r.u32();
        if (sub <= 11 || sub === 92 || sub === 93) memarg();
        else if (sub === 12 || sub === 13) r.skip(16);
        else if (sub >= 21 && sub <= 34) r.skip(1);
        else if (sub >= 84 && sub <= 91) (memarg(), r.skip(1));
        counts.simd++;
        break;
      }
      default:
        if (op >= 0x28 && op <= 0x35) {
          memarg();
          counts.loads++;
        } else if (op >= 0x36 && op <= 0x3e) {
          memarg();
          counts.stores++;
        } else if (op >= 0x45 && op <= 0xc4) {
          const { cls, mulDiv } = op >= 0xc0 ? { cls: 'conversions' as const, mulDiv: false } : numericClass(op);
          counts[cls]++;
          if (mulDiv) counts[cls === 'intArith' ? 'intMulDiv' : 'floatMulDiv']++;
        } else r.fail(`unknown opcode 0x${op.toString(16)}`, at);
    }
  }
  return { instructions, loops, maxLoopDepth };
}

/** Skip a constant expression (up to and including its `end`). */
function skipConstExpr(r: Reader): void {
  decodeInstructions(r, emptyCounts());
}

/** Decode a module's binary. Throws E_BAD_MODULE for what it cannot decode. */
export function decodeModule(bytes: Uint8Array): DecodedModule {
  const m: DecodedModule = {
    moduleBytes: bytes.length, codeBytes: 0, importedFunctions: 0, tables: 0, memoryPages: 0, globals: 0, exports: 0,
    dataSegments: 0, dataBytes: 0, functions: [], counts: emptyCounts(),
  };
  const typeParams: number[] = [];
  const funcTypes: number[] = [];
  for (const { id, size, contents: s } of sections(bytes, 'Cannot decode the module')) {
    switch (id) {
      case 1: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const form = s.byte();
          if (form !== 0x60) {
            typeParams.push(0);
            break;
          }
          const p = s.u32();
          for (let j = 0; j < p; j++) s.s();
          const q = s.u32();
          for (let j = 0; j < q; j++) s.s();
          typeParams.push(p);
        }
        break;
      }
      case 2: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          s.skip(s.u32());
          s.skip(s.u32());
          const kind = s.byte();
          if (kind === 0) (s.u32(), m.importedFunctions++);
          else if (kind === 1) {
            s.s();
            const flags = s.u32();
            s.u32();
            if (flags & 1) s.u32();
            m.tables++;
          } else if (kind === 2) {
            const flags = s.u32();
            m.memoryPages = s.u32();
            if (flags & 1) s.u32();
          } else if (kind === 3) (s.s(), s.byte());
          else if (kind === 4) (s.byte(), s.u32());
          else s.fail(`unknown import kind ${kind}`);
        }
        break;
      }
      case 3: {
        const n = s.u32();
        for (let i = 0; i < n; i++) funcTypes.push(s.u32());
        break;
      }
      case 4:
        m.tables += s.u32();
        break;
      case 5: {
        const n = s.u32();
        if (n > 0) {
          s.u32();
          m.memoryPages = s.u32();
        }
        break;
      }
      case 6:
        m.globals = s.u32();
        break;
      case 7:
        m.exports = s.u32();
        break;
      case 10: {
        m.codeBytes = size;
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const bodySize = s.u32();
          const bodyEnd = s.pos + bodySize;
          const b = s.sub(bodyEnd);
          let locals = 0;
          const groups = b.u32();
          for (let g = 0; g < groups; g++) {
            locals += b.u32();
            b.s();
          }
          const st = decodeInstructions(b, m.counts);
          m.functions.push({ params: typeParams[funcTypes[i] ?? -1] ?? 0, locals, ...st });
          s.pos = bodyEnd;
        }
        break;
      }
      case 11: {
        const n = s.u32();
        m.dataSegments = n;
        for (let i = 0; i < n; i++) {
          const flags = s.u32();
          if (flags === 2) s.u32();
          if (flags !== 1) skipConstExpr(s);
          const len = s.u32();
          m.dataBytes += len;
          s.skip(len);
        }
        break;
      }
      default:
        break;
    }
  }
  return m;
}
