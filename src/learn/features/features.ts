/**
 * Features of a WebAssembly module, in the spirit of CompilerGym's Autophase: counts of instruction
 * classes, function and size statistics, loop structure, locals and memory, and the normalised vector a
 * learned policy observes a kernel through (together with the steps already applied and the current
 * knobs, see {@link observationOf}); `wasmtune features <kernel>` prints them.
 *
 * The counts come from decode.ts, which reads the binary in this process (no Binaryen), so they are
 * exact for what the engine receives; that file says which instructions count and which opcodes it knows.
 *
 * Normalisation of the vector ({@link featureVector}): every instruction-class count becomes its fraction
 * of all instructions (so the vector describes the mix, whatever the module's size); size-like
 * quantities (instructions, functions, locals, loops, memory pages, data bytes…) become
 * log2(1 + x) / scale with a per-feature scale chosen so suite-sized modules land in [0, 1] (a larger
 * module only gives a value a little above 1); the maximum loop depth is min(depth, 8) / 8; the share of
 * functions with a loop is a fraction. Every entry is finite and non-negative.
 */
import { DEFAULT_KNOBS, KNOB_SPACE, type KnobName, type Knobs } from '../../recipe/recipe.js';
import { INSTRUCTION_CLASSES, decodeModule, type InstructionClass } from './decode.js';

export { INSTRUCTION_CLASSES, type InstructionClass } from './decode.js';

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

/** The features of a module's binary. Throws E_BAD_MODULE for what it cannot decode. */
export function moduleFeatures(bytes: Uint8Array): ModuleFeatures {
  const m = decodeModule(bytes);
  const functions = m.functions.length;
  const instructions = m.functions.reduce((n, fn) => n + fn.instructions, 0);
  return {
    instructions,
    counts: m.counts,
    functions,
    importedFunctions: m.importedFunctions,
    maxFunctionInstructions: m.functions.reduce((n, fn) => Math.max(n, fn.instructions), 0),
    meanFunctionInstructions: functions ? instructions / functions : 0,
    functionsWithLoops: m.functions.filter((fn) => fn.loops > 0).length,
    maxLoopDepth: m.functions.reduce((n, fn) => Math.max(n, fn.maxLoopDepth), 0),
    locals: m.functions.reduce((n, fn) => n + fn.locals, 0),
    params: m.functions.reduce((n, fn) => n + fn.params, 0),
    globals: m.globals,
    exports: m.exports,
    memoryPages: m.memoryPages,
    dataSegments: m.dataSegments,
    dataBytes: m.dataBytes,
    tables: m.tables,
    codeBytes: m.codeBytes,
    moduleBytes: m.moduleBytes,
  };
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
