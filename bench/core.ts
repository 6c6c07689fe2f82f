/**
 * Core-loop benchmark (`npm run bench`): evaluations per second for the size and runtime objectives,
 * cache hit rate, and an A/A check of the runtime measurement (the -O3 module against a separately
 * compiled copy of itself: how often is it declared significantly different?). Not a test: figures
 * depend on the machine; the README quotes one run with the command.
 *
 *   node dist/bench/core.js [--kernels a,b] [--trials 100] [--budget-size 100] [--budget-runtime 30]
 */
import { parseArgs } from 'node:util';
import { loadKernel } from '../src/kernels/index.js';
import { Evaluator, FINAL } from '../src/evaluate/evaluator.js';
import { tune } from '../src/search/tune.js';
import { random } from '../agents/random.js';
import { levelRecipe } from '../src/recipe/recipe.js';
import { significant, medianCI } from '../src/measure/stats.js';

const { values } = parseArgs({
  options: {
    kernels: { type: 'string', default: 'raytrace,sort,crc32' },
    'aa-kernel': { type: 'string', default: 'fir' },
    trials: { type: 'string', default: '100' },
    'budget-size': { type: 'string', default: '100' },
    'budget-runtime': { type: 'string', default: '30' },
  },
});

const line = (s: string) => process.stdout.write(s + '\n');
line(`# wasmtune core benchmark — node ${process.version}, ${new Date().toISOString()}`);
line(`load average at start: ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);

for (const objective of ['size', 'runtime'] as const) {
  const budget = Number(objective === 'size' ? values['budget-size'] : values['budget-runtime']);
  line(`\n## ${objective} objective, random agent, budget ${budget}, seed 1`);
  line('| kernel | evaluations | search s | eval/s | cache hits | hit rate | invalid | best vs baseline |');
  line('|---|---|---|---|---|---|---|---|');
  for (const name of values.kernels!.split(',')) {
    const kernel = await loadKernel(name);
    const ev = await Evaluator.create(kernel, { objective });
    let searchStart = 0;
    let searchEnd = 0;
    const { report } = await tune(kernel, {
      agent: random, agentOptions: random.defaults, budget: { evaluations: budget }, objective, seed: 1, measureRuntime: false, contenders: [],
      onProgress: (p) => {
        if (p.phase === 'search' && p.evaluations === 1) searchStart = p.elapsedMs;
        if (p.phase === 'final') searchEnd = p.elapsedMs;
      },
    }, ev);
    ev.close();
    const secs = (searchEnd - searchStart) / 1000;
    const total = report.evaluations + report.baselineEvaluations;
    line(`| ${name} | ${report.evaluations} | ${secs.toFixed(1)} | ${(report.evaluations / secs).toFixed(1)} | ${report.cacheHits} | ${(report.cacheHits / total * 100).toFixed(0)} % | ${report.invalid.total} | ${report.best.scoreVsBaseline.toFixed(4)} |`);
  }
}

const trials = Number(values.trials);
const kernel = await loadKernel(values['aa-kernel']!);
const ev = await Evaluator.create(kernel, { objective: 'size' });
const o3 = await ev.evaluate(levelRecipe('O3'));
if (o3.state !== 'ok') throw new Error('O3 invalid');
const bytes = ev.bytesOf(o3.hash)!;
await ev.setRuntimeBaseline(bytes);
let flagged = 0;
const medians: number[] = [];
const t0 = performance.now();
for (let i = 0; i < trials; i++) {
  const m = await ev.measure(bytes, bytes, FINAL, true);
  if (typeof m === 'string') throw new Error(m);
  medians.push(m.median);
  if (significant(m)) flagged++;
}
ev.close();
const spread = medianCI(medians);
line(`\n## A/A check: ${values['aa-kernel']} -O3 against a separately compiled copy, ${trials} trials of ${FINAL.rounds} interleaved rounds`);
line(`declared significantly different (95 % CI of the median ratio excludes 1): ${flagged} of ${trials} (${(flagged / trials * 100).toFixed(1)} %)`);
line(`median ratio over trials ${spread.median.toFixed(4)}, min ${Math.min(...medians).toFixed(4)}, max ${Math.max(...medians).toFixed(4)}; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
