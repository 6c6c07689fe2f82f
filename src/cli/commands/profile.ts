/**
 * `wasmtune profile`: the module's functions by self time while the harness's workload runs under V8's
 * sampling profiler, and the hot set, the fewest functions that cover 90 % of the time in wasm (the
 * functions per-function tuning gives a runtime recipe). The profile is recorded in the results database.
 */
import type { Profile, ProfileSettings } from '../../measure/profile.js';
import { WasmtuneError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { DB, HARNESS, JSON_OUTPUT, KERNEL_ARGUMENT } from '../options.js';

/** What `wasmtune profile --json` prints. */
export interface ProfileOutput {
  kernel: string;
  settings: ProfileSettings;
  profile: Profile;
  /** Where the profile was recorded; null with --no-db. */
  stored: { db: string; id: number } | null;
}

/** Fewer samples than this make shares rough: the command says so. */
const FEW_SAMPLES = 200;

export const profile = defineCommand({
  summary: 'where the workload spends its time, function by function, and the hot functions',
  positionals: [KERNEL_ARGUMENT],
  options: {
    harness: HARNESS,
    'min-ms': { type: 'string', value: '<ms>', default: '1000', description: 'profile calls of the workload until they add up to this much time' },
    'interval-us': { type: 'string', value: '<µs>', default: '100', description: "the sampling interval asked of V8's profiler" },
    'hot-share': { type: 'string', value: '<share>', default: '0.9', description: 'the share of the time in wasm that the hot functions cover' },
    top: { type: 'string', value: '<N>', default: '20', description: 'functions shown, the most self time first' },
    db: DB,
    'no-db': { type: 'boolean', description: 'do not record the profile in the results database' },
    json: JSON_OUTPUT,
  },
  notes: [
    "Runs the harness's workload on its first seed in V8's optimizing tier, as runtime is timed: each call of run on a fresh instance set up unprofiled, under V8's sampling profiler, until the calls add up to --min-ms (and at least 5 calls). Each sample is charged to the function it was taken in: a function of the module (its self time), JavaScript (the harness, the module's loader, V8's wrappers between JS and wasm) or V8 itself (builtins, garbage collection).",
    'Functions are numbered in the function index space (imports first) and named as Binaryen names them on reading the module: the name section, else fimport$N for an import and the position among the defined functions for the others. The hot functions are the fewest, by self time, that cover --hot-share of the time in wasm.',
    'The profile is recorded in the results database (unless --no-db), with the machine it was made on.',
  ],
  async run({ values, positionals, io }) {
    const { numberFlag, isWhole } = await import('../values.js');
    const minMs = numberFlag(values['min-ms'], '--min-ms', 1000, (n) => n > 0, 'a positive number of milliseconds');
    const intervalUs = numberFlag(values['interval-us'], '--interval-us', 100, isWhole(1), 'a positive whole number of microseconds');
    const hotThreshold = numberFlag(values['hot-share'], '--hot-share', 0.9, (n) => n > 0 && n <= 1, 'a share above 0 and at most 1 (0.9 for 90 %)');
    const top = numberFlag(values.top, '--top', 20, isWhole(0), 'a whole number');
    const { loadKernel } = await import('../../kernels/index.js');
    const kernel = await loadKernel(positionals[0]!, values.harness);
    if (!kernel.harness) {
      throw new WasmtuneError('E_USAGE', `A profile runs the module's workload, which a harness describes: 'wasmtune profile ${positionals[0]} --harness <file.json|file.mjs>'. See 'wasmtune profile --help'.`);
    }
    const { profileModule, PROFILE_DEFAULTS } = await import('../../measure/profile.js');
    const settings: ProfileSettings = { seed: kernel.harness.seeds[0]!, minMs, minRuns: PROFILE_DEFAULTS.minRuns, intervalUs, hotThreshold };
    const result = await profileModule({ bytes: kernel.bytes, harness: kernel.harness }, settings);
    let stored: ProfileOutput['stored'] = null;
    if (!values['no-db']) {
      const { ResultsDb, kernelIdentity } = await import('../../db/index.js');
      const { dbFile } = await import('../db.js');
      const db = ResultsDb.open(dbFile(values));
      try {
        stored = { db: db.file, id: db.storeProfile(kernelIdentity(kernel), settings, result) };
      } finally {
        db.close();
      }
    }
    if (values.json) io.stdout(JSON.stringify({ kernel: kernel.uri, settings, profile: result, stored } satisfies ProfileOutput, null, 2) + '\n');
    else io.stdout(render({ kernel: kernel.uri, settings, profile: result, stored }, top));
    return 0;
  },
});

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

/** A name cut to `width` characters. */
function cut(name: string, width: number): string {
  return name.length <= width ? name : `${name.slice(0, width - 1)}…`;
}

/** The profile for a terminal. */
export function render(out: ProfileOutput, top: number): string {
  const p = out.profile;
  const lines: string[] = [];
  const averageUs = p.samples ? (p.totalMs * 1000) / p.samples : 0;
  lines.push(`kernel   ${out.kernel}`);
  lines.push(
    `profile  ${p.runs} call${p.runs === 1 ? '' : 's'} of run on seed ${p.seed} (${ms(p.runMs)} ms), ${p.samples} samples `
      + `(every ${averageUs.toFixed(0)} µs on average; ${p.intervalUs} µs asked)`,
  );
  lines.push('');
  const shown = p.functions.slice(0, top);
  let cumulative = 0;
  const rows = shown.map((f, i) => {
    cumulative += f.selfMs;
    return [String(i + 1), String(f.index), cut(f.name, 60), ms(f.selfMs), percent(f.share), p.wasmMs > 0 ? percent(cumulative / p.wasmMs) : '-'];
  });
  const head = ['rank', 'index', 'function', 'self ms', 'share', 'cum. of wasm'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const left = new Set([2]);
  for (const r of [head, ...rows]) lines.push(r.map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
  const rest = p.functions.slice(top);
  if (rest.length) {
    const restMs = rest.reduce((a, f) => a + f.selfMs, 0);
    lines.push(`(${rest.length} more function${rest.length === 1 ? '' : 's'} with samples: ${ms(restMs)} ms, ${percent(p.totalMs > 0 ? restMs / p.totalMs : 0)})`);
  }
  if (!p.functions.length) lines.push('(no sample in the module\'s functions)');
  lines.push('');
  const total = p.totalMs > 0 ? p.totalMs : 1;
  lines.push(
    `${p.hot.count} of ${p.definedFunctions} functions cover ${+(p.hot.threshold * 100).toFixed(2)} % of the time in wasm; `
      + `wasm is ${percent(p.wasmMs / total)} of the workload (JS ${percent(p.jsMs / total)}, other ${percent(p.otherMs / total)})`,
  );
  const imports = p.functionImports ? `after the module's ${p.functionImports} imported function${p.functionImports === 1 ? '' : 's'}` : 'the module imports no function';
  lines.push(`index: in the function index space (${imports}); function: the name Binaryen gives it`);
  if (p.runMs < out.settings.minMs) lines.push(`warning  the calls add up to ${ms(p.runMs)} ms, less than --min-ms ${out.settings.minMs}: the wall-time limit came first (set-up is slow next to the workload)`);
  if (p.samples < FEW_SAMPLES) lines.push(`warning  only ${p.samples} samples: shares are rough; a larger --min-ms takes more`);
  if (out.stored) lines.push(`recorded as profile ${out.stored.id} in ${out.stored.db}`);
  return lines.join('\n') + '\n';
}
