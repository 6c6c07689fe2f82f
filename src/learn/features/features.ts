/**
 * Features of a WebAssembly module, in the spirit of CompilerGym's Autophase: counts of instruction
 * classes, function and size statistics, loop structure, locals and memory. A learned policy observes a
 * kernel through them (together with the steps already applied and the current knobs, see
 * {@link observationOf}); `wasmtune features <kernel>` prints them.
 *
 * The counts are read from the binary by a small decoder of the code section (no Binaryen process is
 * involved), so they are exact for what the engine receives: every instruction of every defined function
 * body counts once, `end` and `else` included in `instructions` but in no class. Constant expressions of
 * globals and data segments are not counted. Opcodes beyond the MVP that the decoder knows: sign
 * extension, saturating truncation, bulk memory and table operations, SIMD (one class), tail calls,
 * reference types and the legacy exception-handling instructions; anything else is a E_BAD_MODULE error.
 *
 * Normalisation of the vector ({@link featureVector}): every instruction-class count becomes its fraction
 * of all instructions (so the vector describes the mix, whatever the module's size); size-like
 * quantities (instructions, functions, locals, loops, memory pages, data bytes…) become
 * log2(1 + x) / scale with a per-feature scale chosen so suite-sized modules land in [0, 1] (a larger
 * module only gives a value a little above 1); the maximum loop depth is min(depth, 8) / 8; the share of
 * functions with a loop is a fraction. Every entry is finite and non-negative.
 */
import { WasmtuneError } from '../../errors.js';
import { DEFAULT_KNOBS, KNOB_SPACE, type KnobName, type Knobs } from '../../recipe/recipe.js';

/** Instruction classes counted per module. */
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

/** The raw features of a module. */
export interface ModuleFeatures {
  /** Instructions in all defined function bodies. */
  instructions: number;
  counts: Record<InstructionClass, number>;
  /** Defined functions (imports excluded). */
  functions: number;
  importedFunctions: number;
  /** Instructions of the largest function body, and the mean over defined functions. */
  maxFunctionInstructions: number;
  meanFunctionInstructions: number;
  /** Defined functions with at least one loop. */
  functionsWithLoops: number;
  /** Deepest nesting of loops inside one another, in any function (0: no loop). */
  maxLoopDepth: number;
  /** Declared locals (parameters excluded) over all defined functions. */
  locals: number;
  params: number;
  globals: number;
  exports: number;
  /** Initial pages of the module's memory (defined or imported); 0 without one. */
  memoryPages: number;
  dataSegments: number;
  dataBytes: number;
  tables: number;
  /** Size of the code section, bytes. */
  codeBytes: number;
  /** Size of the whole module, bytes. */
  moduleBytes: number;
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, pos = 0, readonly end = bytes.length) {
    this.pos = pos;
  }
  fail(what: string): never {
    throw new WasmtuneError('E_BAD_MODULE', `Cannot read the module's features: ${what} at byte ${this.pos}.`);
  }
  byte(): number {
    if (this.pos >= this.end) this.fail('unexpected end');
    return this.bytes[this.pos++]!;
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
      if (shift > 35) this.fail('LEB128 too long');
    }
  }
  /** A signed LEB128 of up to 64 bits; only its sign and small values matter here. */
  sleb(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      if (shift < 49) result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (shift > 70) this.fail('LEB128 too long');
    } while (b & 0x80);
    if (b & 0x40 && shift < 53) result -= 2 ** shift;
    return result;
  }
  skip(n: number): void {
    if (this.pos + n > this.end) this.fail('unexpected end');
    this.pos += n;
  }
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

/** Decode one function body's instructions (after its locals), adding to `counts`. */
function decodeBody(r: Reader, counts: Record<InstructionClass, number>): BodyStats {
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
    const op = r.byte();
    instructions++;
    switch (op) {
      case 0x00: case 0x01: case 0x0a: case 0x19: case 0xd1:
        counts.other++;
        break;
      case 0x02: case 0x04: case 0x06:
        r.sleb();
        counts.blocks++;
        if (op === 0x04) counts.branches++;
        frames.push(false);
        break;
      case 0x03:
        r.sleb();
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
        for (let i = 0; i < n; i++) r.sleb();
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
        r.sleb();
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
        r.sleb();
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
        } else r.fail(`unknown opcode 0xfc ${sub}`);
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
        } else r.fail(`unknown opcode 0x${op.toString(16)}`);
    }
  }
  return { instructions, loops, maxLoopDepth };
}

/** Skip a constant expression (up to and including its `end`). */
function skipConstExpr(r: Reader): void {
  const scratch = emptyCounts();
  decodeBody(r, scratch);
}

/** The features of a module's binary. Throws E_BAD_MODULE for what it cannot decode. */
export function moduleFeatures(bytes: Uint8Array): ModuleFeatures {
  const r = new Reader(bytes);
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new WasmtuneError('E_BAD_MODULE', 'Cannot read the module\'s features: not a WebAssembly binary.');
  }
  r.pos = 8;
  const f: ModuleFeatures = {
    instructions: 0, counts: emptyCounts(), functions: 0, importedFunctions: 0, maxFunctionInstructions: 0, meanFunctionInstructions: 0,
    functionsWithLoops: 0, maxLoopDepth: 0, locals: 0, params: 0, globals: 0, exports: 0, memoryPages: 0, dataSegments: 0, dataBytes: 0,
    tables: 0, codeBytes: 0, moduleBytes: bytes.length,
  };
  const typeParams: number[] = [];
  const funcTypes: number[] = [];
  while (r.pos < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (end > bytes.length) r.fail('section runs past the end');
    const s = new Reader(bytes, r.pos, end);
    switch (id) {
      case 1: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const form = s.byte();
          if (form !== 0x60) {
            typeParams.push(0);
            s.pos = end; // GC type forms: not decoded; parameters then count as 0
            break;
          }
          const p = s.u32();
          for (let j = 0; j < p; j++) s.sleb();
          const q = s.u32();
          for (let j = 0; j < q; j++) s.sleb();
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
          if (kind === 0) (s.u32(), f.importedFunctions++);
          else if (kind === 1) {
            s.sleb();
            const flags = s.u32();
            s.u32();
            if (flags & 1) s.u32();
            f.tables++;
          } else if (kind === 2) {
            const flags = s.u32();
            f.memoryPages = s.u32();
            if (flags & 1) s.u32();
          } else if (kind === 3) (s.sleb(), s.byte());
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
        f.tables += s.u32();
        break;
      case 5: {
        const n = s.u32();
        if (n > 0) {
          s.u32();
          f.memoryPages = s.u32();
        }
        break;
      }
      case 6:
        f.globals = s.u32();
        break;
      case 7:
        f.exports = s.u32();
        break;
      case 10: {
        f.codeBytes = size;
        const n = s.u32();
        f.functions = n;
        for (let i = 0; i < n; i++) {
          const bodySize = s.u32();
          const bodyEnd = s.pos + bodySize;
          const b = new Reader(bytes, s.pos, bodyEnd);
          const groups = b.u32();
          for (let g = 0; g < groups; g++) {
            f.locals += b.u32();
            b.sleb();
          }
          const st = decodeBody(b, f.counts);
          f.instructions += st.instructions;
          f.maxFunctionInstructions = Math.max(f.maxFunctionInstructions, st.instructions);
          if (st.loops) f.functionsWithLoops++;
          f.maxLoopDepth = Math.max(f.maxLoopDepth, st.maxLoopDepth);
          f.params += typeParams[funcTypes[i] ?? -1] ?? 0;
          s.pos = bodyEnd;
        }
        break;
      }
      case 11: {
        const n = s.u32();
        f.dataSegments = n;
        for (let i = 0; i < n; i++) {
          const flags = s.u32();
          if (flags === 2) s.u32();
          if (flags !== 1) skipConstExpr(s);
          const len = s.u32();
          f.dataBytes += len;
          s.skip(len);
        }
        break;
      }
      default:
        break;
    }
    r.pos = end;
  }
  f.meanFunctionInstructions = f.functions ? f.instructions / f.functions : 0;
  return f;
}

const log2p = (x: number, scale: number) => Math.log2(1 + Math.max(0, x)) / scale;

/** The normalised features, by name, in vector order. */
export const FEATURE_NAMES: readonly string[] = [
  'instructions',
  'functions',
  'importedFunctions',
  'maxFunctionInstructions',
  'meanFunctionInstructions',
  'loops',
  'maxLoopDepth',
  'functionsWithLoopsShare',
  'locals',
  'localsPerFunction',
  'paramsPerFunction',
  'globals',
  'exports',
  'memoryPages',
  'dataBytes',
  'tables',
  'codeBytes',
  ...INSTRUCTION_CLASSES.map((c) => `${c}Share`),
];

/** The normalised vector of {@link FEATURE_NAMES} (see the file header for the normalisation). */
export function featureVector(f: ModuleFeatures): Float64Array {
  const n = Math.max(1, f.instructions);
  const fn = Math.max(1, f.functions);
  const v = [
    log2p(f.instructions, 20),
    log2p(f.functions, 10),
    log2p(f.importedFunctions, 10),
    log2p(f.maxFunctionInstructions, 16),
    log2p(f.meanFunctionInstructions, 16),
    log2p(f.counts.loops, 10),
    Math.min(f.maxLoopDepth, 8) / 8,
    f.functionsWithLoops / fn,
    log2p(f.locals, 14),
    log2p(f.locals / fn, 8),
    log2p(f.params / fn, 4),
    log2p(f.globals, 10),
    log2p(f.exports, 10),
    log2p(f.memoryPages, 16),
    log2p(f.dataBytes, 24),
    log2p(f.tables, 4),
    log2p(f.codeBytes, 24),
    ...INSTRUCTION_CLASSES.map((c) => f.counts[c] / n),
  ];
  return Float64Array.from(v);
}

/** Knob values normalised to [0, 1], in KNOB_SPACE order: ints by their range (inlining limits on a log scale), booleans 0/1. */
export const KNOB_FEATURE_NAMES: readonly KnobName[] = Object.keys(KNOB_SPACE) as KnobName[];

export function knobVector(knobs: Knobs = DEFAULT_KNOBS): Float64Array {
  return Float64Array.from(
    KNOB_FEATURE_NAMES.map((k) => {
      const s = KNOB_SPACE[k];
      const v = knobs[k];
      if (s.kind === 'bool') return v ? 1 : 0;
      const x = v as number;
      if (k === 'optimizeLevel' || k === 'shrinkLevel') return (x - s.min) / (s.max - s.min);
      return Math.log2(2 + x - s.min) / Math.log2(2 + s.max - s.min);
    }),
  );
}

/**
 * The observation of a policy: the module's normalised features, then per action of `actions` how often
 * it was already applied (min(count, 2) / 2), then the fraction of the episode used (steps / maxSteps),
 * then the knobs ({@link knobVector}).
 */
export function observationOf(moduleVector: Float64Array, actions: readonly string[], applied: readonly string[], maxSteps: number, knobs: Knobs): Float64Array {
  const obs = new Float64Array(observationSize(moduleVector.length, actions.length));
  obs.set(moduleVector, 0);
  const index = new Map(actions.map((a, i) => [a, i]));
  const counts = new Float64Array(actions.length);
  for (const step of applied) {
    const i = index.get(step);
    if (i !== undefined) counts[i] = counts[i]! + 1;
  }
  const o = moduleVector.length;
  for (let i = 0; i < counts.length; i++) obs[o + i] = Math.min(counts[i]!, 2) / 2;
  obs[o + actions.length] = Math.min(1, applied.length / Math.max(1, maxSteps));
  obs.set(knobVector(knobs), o + actions.length + 1);
  return obs;
}

export function observationSize(moduleFeatures: number, actions: number): number {
  return moduleFeatures + actions + 1 + KNOB_FEATURE_NAMES.length;
}
