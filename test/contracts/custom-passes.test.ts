// The contract of the passes of our own (origin 'custom' in src/passes/registry.ts), for every pass in
// the registry, with no list here to keep up to date:
// - its golden output is present and current: test/golden/<folder>/<case>.<step>.wat is what the step
//   makes of <case>.wat (see test/golden/README.md; WASMTUNE_UPDATE_GOLDEN=1 rewrites them, review the diff);
// - sample suite kernels stay valid and output-equal after its steps (the first and the last value of a
//   parameterised pass), alone, followed by -O3 and after -O3, with the step's declared requirements met
//   (built and run in this process, see ../passes/suite.ts); a step that makes a module use SIMD declares
//   `simd`;
// - it has work to do: some step of it changes some sample kernel, alone or after -O3.
// `WASMTUNE_CONTRACT=all` checks every value on every suite kernel.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryen, DEFAULT_FEATURES } from '../../src/binaryen/module.js';
import { customPassFunctions } from '../../src/passes/custom/index.js';
import { PASSES, expandStep, type PassInfo } from '../../src/passes/registry.js';
import { listSuite } from '../../src/kernels/index.js';
import { splitStep, type Knobs } from '../../src/recipe/recipe.js';
import { KernelCheck, knobsMeeting } from '../passes/suite.js';

const GOLDEN = new URL('../golden/', import.meta.url).pathname;
const UPDATE = process.env.WASMTUNE_UPDATE_GOLDEN === '1';

/** Every pass of ours with its steps (one per parameter value, or the pass itself), in registry order. */
const OURS = new Map<string, PassInfo[]>();
for (const p of PASSES.values()) {
  if (p.origin !== 'custom') continue;
  const pass = p.param?.pass ?? p.name;
  OURS.set(pass, [...(OURS.get(pass) ?? []), p]);
}

/** How a step is written in golden file names: `wt-unroll:4` → `unroll-4`. */
const fileStep = (step: string) => step.replace(/^wt-/, '').replace(':', '-');
const STEP_OF = new Map([...OURS.values()].flat().map((p) => [fileStep(p.name), p]));

interface GoldenOutput {
  folder: string;
  /** `<case>.wat`, the input. */
  input: string;
  /** `<case>.<step>.wat`, what the step makes of it. */
  output: string;
  /** The step, or undefined when the name is no step of ours. */
  step: PassInfo | undefined;
}

function goldenOutputs(): GoldenOutput[] {
  const out: GoldenOutput[] = [];
  for (const folder of readdirSync(GOLDEN, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(GOLDEN, folder)).sort()) {
      const parts = file.split('.');
      if (parts.length !== 3 || parts[2] !== 'wat') continue;
      out.push({ folder, input: `${parts[0]}.wat`, output: file, step: STEP_OF.get(parts[1]!) });
    }
  }
  return out;
}

/** A WAT module as Binaryen prints it, after one step of ours run with its requirements met. */
function applyStep(wat: string, step: PassInfo): { text: string; before: string; valid: boolean } {
  const { name, arg } = splitStep(step.name);
  const pass = customPassFunctions().get(name)!;
  const m = binaryen.parseText(wat);
  try {
    m.setFeatures(DEFAULT_FEATURES);
    const before = m.emitText();
    binaryen.setFastMath(Boolean(step.requires?.includes('fast-math')));
    binaryen.setLowMemoryUnused(Boolean(step.requires?.includes('low-memory-unused')));
    if (step.requires?.includes('flat')) m.runPasses(['flatten']);
    pass(m, binaryen, arg);
    return { text: m.emitText(), before, valid: m.validate() !== 0 };
  } finally {
    binaryen.setFastMath(false);
    binaryen.setLowMemoryUnused(false);
    m.dispose();
  }
}

describe('golden output of every pass of ours', () => {
  const outputs = goldenOutputs();

  it('names a step of ours in every golden output, beside its input', () => {
    for (const o of outputs) {
      expect(o.step, `test/golden/${o.folder}/${o.output} names no step of ours (a renamed or removed pass?)`).toBeDefined();
      expect(existsSync(join(GOLDEN, o.folder, o.input)), `test/golden/${o.folder}/${o.output} has no input ${o.input}`).toBe(true);
    }
  });

  for (const [pass, steps] of OURS) {
    it(`${pass}: has a golden output, and each is what the step makes of its input`, () => {
      const mine = outputs.filter((o) => o.step && steps.includes(o.step));
      expect(
        mine.length,
        `${pass} has no golden output. Write a WAT module the pass changes as test/golden/<folder>/<case>.wat, ` +
          `create an empty test/golden/<folder>/<case>.${fileStep(steps[0]!.name)}.wat, run ` +
          `WASMTUNE_UPDATE_GOLDEN=1 npx vitest run test/contracts/custom-passes.test.ts, and review the output it writes.`,
      ).toBeGreaterThan(0);
      let changed = 0;
      for (const o of mine) {
        const r = applyStep(readFileSync(join(GOLDEN, o.folder, o.input), 'utf8'), o.step!);
        const where = `test/golden/${o.folder}/${o.output}`;
        expect(r.valid, `${where}: the output does not validate`).toBe(true);
        // An output equal to its input is a case the pass must leave alone; one of them, at least, shows it at work.
        if (r.text !== r.before) changed++;
        if (UPDATE) writeFileSync(join(GOLDEN, o.folder, o.output), r.text);
        expect(r.text, `${where} differs from the step's output: if the change is intended, run with WASMTUNE_UPDATE_GOLDEN=1 and review the diff`).toBe(
          readFileSync(join(GOLDEN, o.folder, o.output), 'utf8'),
        );
      }
      expect(changed, `no golden output of ${pass} differs from its input`).toBeGreaterThan(0);
    });
  }
});

// Kernels of every source language (C from clang -O0, AssemblyScript, hand-written WAT), with helper calls
// (raytrace, sort, fir) and loops over memory cells (matmul), three of them with a float tolerance (so
// fast-math steps run under fast-math); and a clang -O2 build (loops unrolled by the compiler, as shipped
// builds have them: what wt-reroll and wt-slp work on).
const SAMPLE = ['raytrace', 'matmul', 'crc32', 'fir', 'sort', 'bfs', 'matvec@clang-O2'];
const KERNELS = process.env.WASMTUNE_CONTRACT === 'all'
  ? [...listSuite().map((u) => u.split('/').pop()!), ...listSuite().map((u) => `${u.split('/').pop()!}@clang-O2`).filter((n) => existsSync(new URL(`../../kernels/reference-o2/${n.split('@')[0]}/module.wasm`, import.meta.url)))]
  : SAMPLE;

/** The values checked on kernels: every one under WASMTUNE_CONTRACT=all, else the first and the last. */
const sampleSteps = (steps: PassInfo[]) => (process.env.WASMTUNE_CONTRACT === 'all' || steps.length <= 2 ? steps : [steps[0]!, steps.at(-1)!]);

describe('suite kernels stay valid and output-equal after every pass of ours', () => {
  const kernels = new Map<string, KernelCheck>();
  beforeAll(async () => {
    for (const name of KERNELS) kernels.set(name, await KernelCheck.load(name));
  });

  /** What a kernel builds to without a step of ours (nothing, or -O3 alone), built once per kernel and knobs. */
  const baselines = new Map<string, Uint8Array>();
  const baseline = (k: KernelCheck, passes: readonly string[], knobs: Knobs): Uint8Array => {
    const key = `${k.kernel.uri} ${JSON.stringify(knobs)} ${passes.join(' ')}`;
    if (!baselines.has(key)) baselines.set(key, k.build(passes, knobs));
    return baselines.get(key)!;
  };

  for (const [pass, steps] of OURS) {
    const checked = sampleSteps(steps);
    it(`${pass}: ${checked.map((s) => s.name).join(', ')}, alone, followed by -O3 and after it, on ${KERNELS.length} kernels`, () => {
      const failures: string[] = [];
      let changed = 0;
      for (const [name, k] of kernels) {
        for (const step of checked) {
          const knobs = knobsMeeting(step.requires, k.kernel);
          const alone = expandStep(step.name);
          // Alone, followed by -O3, and after -O3; the first and the last say whether the step did anything.
          for (const [passes, without] of [[alone, []], [[...alone, '-O3'], undefined], [['-O3', ...alone], ['-O3']]] as const) {
            let bytes: Uint8Array;
            try {
              bytes = k.build(passes, knobs);
            } catch (e) {
              failures.push(`${name}: ${passes.join(' ')}: build: ${(e as Error).message}`);
              continue;
            }
            const r = k.verify(bytes);
            if (r !== 'ok') failures.push(`${name}: ${passes.join(' ')}: ${r}`);
            if (!step.requires?.includes('simd') && declaresSimd(bytes) && !declaresSimd(k.bytes)) {
              failures.push(`${name}: ${passes.join(' ')}: the module uses SIMD, but ${step.name} does not declare requires: ['simd']`);
            }
            else if (without && !equal(bytes, baseline(k, without, knobs))) changed++;
          }
        }
      }
      expect(failures).toEqual([]);
      expect(changed, `no step of ${pass} changes any of ${KERNELS.join(', ')}, alone or after -O3: the check above proves nothing`).toBeGreaterThan(0);
    });
  }
});

/** Whether a module declares Wasm SIMD (a build declares the features a pass of ours turned on). */
function declaresSimd(bytes: Uint8Array): boolean {
  const sections = WebAssembly.Module.customSections(new WebAssembly.Module(new Uint8Array(bytes)), 'target_features');
  return sections.some((s) => new TextDecoder().decode(s).includes('simd128'));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
