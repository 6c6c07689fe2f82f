/**
 * `wasmtune simd`: what the SIMD passes would take in a module, and why they refuse the rest, after the
 * steps a recipe would run first (`-O3` by default): the loops `wt-vectorize` vectorizes, the unrolled
 * loops `wt-reroll` rolls back to one copy per iteration (and which of them `wt-vectorize` then takes),
 * and the store groups and accumulator sets `wt-slp` packs. Nothing is written: it is the analysis the
 * search's SIMD steps act on, to see where a module's time could go to SIMD and what blocks it.
 */
import type { VectorizeReport } from '../../passes/custom/vectorize.js';
import type { RerollReport } from '../../passes/custom/reroll.js';
import type { SlpReport } from '../../passes/custom/slp.js';
import { WasmtuneError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { HARNESS, JSON_OUTPUT, KERNEL_ARGUMENT } from '../options.js';

/** What `wasmtune simd --json` prints. */
export interface SimdOutput {
  kernel: string;
  /** The steps run before the analysis. */
  after: string[];
  fastMath: boolean;
  vectorize: VectorizeReport;
  reroll: RerollReport;
  /** wt-vectorize on the module after wt-reroll. */
  vectorizeAfterReroll: VectorizeReport;
  slp: SlpReport;
}

export const simd = defineCommand({
  summary: 'which loops and statement groups the SIMD passes would take, and why they refuse the others',
  positionals: [KERNEL_ARGUMENT],
  options: {
    harness: HARNESS,
    after: { type: 'string', value: '<steps>', default: '-O3', description: "the steps run before the analysis, comma-separated, as in a recipe (an -O level may be written without its dash: O2,licm; 'none': the module as it is)" },
    'fast-math': { type: 'boolean', description: 'analyse wt-vectorize as wt-vectorize-fast under the fast-math knob (float reductions reassociated)' },
    all: { type: 'boolean', description: 'list every decision, refusals included (by default: what is taken, and refusals counted by reason)' },
    json: JSON_OUTPUT,
  },
  notes: [
    'Loops are named by function and label, with their position among the innermost loops of the function; a wt-slp group by function, block (walk order) and first statement. Reasons are stable keys (stride, not-counted:induction-variable, multiple-accumulators, alias, …) followed by what exactly.',
    'A taken loop or group shows the step that takes it alone, as a search draws it (wt-vectorize-loop:r, wt-reroll-loop:r, wt-slp-group:r; ranks 0–3, deeper in loops first, then module order).',
    'The harness is only needed for a module that imports what its harness provides; nothing is run.',
  ],
  async run({ values, positionals, io }) {
    const { loadKernel } = await import('../../kernels/index.js');
    const kernel = await loadKernel(positionals[0]!, values.harness);
    // `--after -O2` would read as a flag: `O2` stands for it.
    const after = values.after === 'none' ? [] : values.after!.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (/^O[0-4sz]$/.test(s) ? `-${s}` : s));
    const { expandStep } = await import('../../passes/registry.js');
    const steps = after.flatMap((s) => expandStep(s));
    const output = await analyse(kernel.uri, kernel.bytes, steps, values['fast-math'] === true);
    if (values.json) io.stdout(JSON.stringify(output, null, 2) + '\n');
    else {
      const { DECISION_RANKS, rankOrder } = await import('../../passes/custom/ir-tree.js');
      io.stdout(render(output, values.all === true, { count: DECISION_RANKS.length, order: rankOrder }));
    }
    return 0;
  },
});

async function analyse(uri: string, bytes: Uint8Array, steps: string[], fastMath: boolean): Promise<SimdOutput> {
  const { binaryen, build, detectFeatures } = await import('../../binaryen/module.js');
  const { customPassFunctions } = await import('../../passes/custom/index.js');
  const { cutPoints } = await import('../../recipe/segments.js');
  const { levelRecipe } = await import('../../recipe/recipe.js');
  const { analyzeVectorization } = await import('../../passes/custom/vectorize.js');
  const { analyzeReroll } = await import('../../passes/custom/reroll.js');
  const { analyzeSlp } = await import('../../passes/custom/slp.js');
  const features = detectFeatures(bytes);
  if (features === undefined) throw new WasmtuneError('E_BAD_MODULE', `Binaryen cannot read ${uri}.`);
  const custom = customPassFunctions();
  const knobs = { ...levelRecipe('O3').knobs, fastMath };
  const run = (passes: string[]) => (passes.length ? build(bytes, { knobs, passes }, features, custom, { cuts: cutPoints(passes) }) : bytes);
  const before = run(steps);
  const rerolled = run([...steps, 'wt-reroll']);
  binaryen.setFastMath(fastMath);
  try {
    return {
      kernel: uri, after: steps, fastMath,
      vectorize: analyzeVectorization(binaryen, before, { floatReductions: fastMath }),
      reroll: analyzeReroll(binaryen, before),
      vectorizeAfterReroll: analyzeVectorization(binaryen, rerolled, { floatReductions: fastMath }),
      slp: analyzeSlp(binaryen, before),
    };
  } finally {
    binaryen.setFastMath(false);
  }
}

/** Refusals by reason, the most frequent first: `stride 3, call 2`. */
function reasons(refused: Record<string, number>): string {
  const list = Object.entries(refused).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return list.length ? list.map(([r, n]) => `${r} ${n}`).join(', ') : 'none';
}

const why = (d: { reason?: string; detail?: string }) => (d.detail ? `${d.reason}: ${d.detail}` : d.reason ?? '');

/** The step that takes each accepted decision alone (`wt-vectorize-loop:2`); ranks past the last step have none. */
function rankSteps<T extends { depth: number }>(ranks: Ranks, list: readonly T[], accepted: (d: T) => boolean, step: string): Map<T, string> {
  return new Map(ranks.order(list, accepted).slice(0, ranks.count).map((i, r) => [list[i]!, `${step}:${r}`]));
}

/** How many ranks the per-decision steps have, and how the passes order them (`rankOrder`). */
interface Ranks {
  count: number;
  order: typeof import('../../passes/custom/ir-tree.js').rankOrder;
}

function render(o: SimdOutput, all: boolean, ranks: Ranks): string {
  const out: string[] = [`${o.kernel}, after ${o.after.length ? o.after.join(' ') : 'no step'}${o.fastMath ? ', fast-math' : ''}`, ''];
  const loops = (title: string, r: VectorizeReport, ranked: boolean) => {
    out.push(`${title}: ${r.vectorized} of ${r.loops.length} innermost loops vectorized; refused: ${reasons(r.refused)}`);
    // wt-vectorize-loop's ranks count the loops wt-vectorize (not -fast) takes.
    const steps = ranked && !o.fastMath ? rankSteps(ranks, r.loops, (l) => l.state === 'vectorized', 'wt-vectorize-loop') : new Map();
    for (const l of r.loops) {
      if (l.state === 'vectorized') out.push(`  vectorized  ${l.function} ${l.loop} (#${l.index}, depth ${l.depth}${steps.has(l) ? `, ${steps.get(l)}` : ''}): ${l.lanes?.join(' ') ?? ''}${l.reductions?.length ? `, reductions ${l.reductions.join(' ')}` : ''}`);
      else if (all) out.push(`  ${l.state.padEnd(10)}  ${l.function} ${l.loop} (#${l.index}, depth ${l.depth}): ${why(l)}`);
    }
  };
  loops('wt-vectorize', o.vectorize, true);
  out.push('');
  out.push(`wt-reroll: ${o.reroll.rerolled} of ${o.reroll.loops.length} innermost loops rolled back to one copy per iteration; refused: ${reasons(o.reroll.refused)}`);
  const rerollSteps = rankSteps(ranks, o.reroll.loops, (l) => l.state === 'rerolled', 'wt-reroll-loop');
  for (const l of o.reroll.loops) {
    if (l.state === 'rerolled') out.push(`  rerolled    ${l.function} ${l.loop} (#${l.index}, depth ${l.depth}${rerollSteps.has(l) ? `, ${rerollSteps.get(l)}` : ''}): ${l.factor} copies${l.reductions?.length ? `, chains ${l.reductions.join(' ')}` : ''}`);
    else if (all) out.push(`  refused     ${l.function} ${l.loop} (#${l.index}): ${why(l)}`);
  }
  out.push('');
  loops('wt-vectorize after wt-reroll', o.vectorizeAfterReroll, false);
  out.push('');
  out.push(`wt-slp: ${o.slp.packed} of ${o.slp.groups.length} groups packed; refused: ${reasons(o.slp.refused)}`);
  const slpSteps = rankSteps(ranks, o.slp.groups, (g) => g.state === 'packed', 'wt-slp-group');
  for (const g of o.slp.groups) {
    const where = `${g.function} block ${g.block} at ${g.at}, ${g.members} ${g.kind === 'store' ? 'stores' : 'accumulators'}`;
    if (g.state === 'packed') out.push(`  packed      ${where}${slpSteps.has(g) ? ` (${slpSteps.get(g)})` : ''}: ${g.lanes ?? ''}`);
    else if (all) out.push(`  refused     ${where}: ${why(g)}`);
  }
  const unreadable = [...new Set([...o.vectorize.unreadableFunctions, ...o.reroll.unreadableFunctions, ...o.slp.unreadableFunctions])];
  if (unreadable.length) out.push('', `not read (expression kinds the passes do not handle): ${unreadable.slice(0, 10).join(', ')}${unreadable.length > 10 ? `, … (${unreadable.length})` : ''}`);
  if (!all) out.push('', 'Refusals one by one: --all.');
  return out.join('\n') + '\n';
}
