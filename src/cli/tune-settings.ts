/**
 * A tune run's options as data. The command line is parsed and checked once into {@link TuneSettings};
 * the run stores them (versioned, files as absolute paths, the start recipe itself rather than its file),
 * and `tune --resume <run>` rebuilds the run from what was stored, from any working directory. Runs
 * recorded before the options were stored this way (command-line values and positionals) are converted
 * on resume.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WasmtuneError, didYouMean, messageOf } from '../errors.js';
import { LEARNED_AGENTS, getAgent, parseAgentOptions } from '../../agents/registry.js';
import { METRICS, describeObjective, parseObjective, single, type ObjectiveSpec } from '../evaluate/objective.js';
import { parseBudget } from '../search/tune.js';
import { DEFAULT_COST_LIMIT, type CostLimitSettings } from '../evaluate/evaluator.js';
import { parseRecipe, recipeToJson, type Recipe } from '../recipe/recipe.js';
import { getPass } from '../passes/registry.js';
import { Policy } from '../learn/policy.js';
import type { Budget } from '../types.js';
import type { Kernel } from '../kernels/index.js';
import { parseStart } from './recipe-file.js';
import { parseSeed } from './values.js';

/** The format of the stored options; a later version is refused with E_DB_NEWER. */
export const TUNE_SETTINGS_FORMAT = 'wasmtune-tune-options-v1';

/** What a search may assume beyond what validation checks (`--assume`). */
export const ASSUMPTIONS = ['low-memory-unused', 'traps-never-happen'] as const;
export type Assumption = (typeof ASSUMPTIONS)[number];

/** A tune run's options, parsed and checked; what the run stores. */
export interface TuneSettings {
  readonly format: typeof TUNE_SETTINGS_FORMAT;
  /** A suite kernel as given (`crc32`, `kernel://wasmtune-v0/crc32`), or the absolute path of a module file. */
  readonly kernel: string;
  /** The harness file, absolute. */
  readonly harness?: string;
  readonly agent: string;
  /** Every option of the agent, defaults filled in; a policy file as an absolute path. */
  readonly agentOptions: Record<string, number | boolean | string>;
  readonly budget: Budget;
  readonly objective: ObjectiveSpec;
  readonly seed: number;
  /** The recipe the search starts from. */
  readonly start?: Recipe;
  /** The directory best.wasm, recipe.json and report.json go to, absolute. */
  readonly out: string;
  readonly assumptions: readonly Assumption[];
  /** Measure the best module's runtime at the end (`--no-runtime`: false). */
  readonly measureRuntime: boolean;
  /** Propose SIMD steps (`--no-simd`: false). */
  readonly simd: boolean;
  /** CPU-time limits of a candidate relative to -O3's (`--cost-limit`); false: none. */
  readonly costLimit: CostLimitSettings | false;
}

/** The tune flags, as the command line gives them. */
export interface TuneFlags {
  harness?: string | undefined;
  agent: string;
  'agent-options'?: string | undefined;
  policy?: string | undefined;
  budget: string;
  objective?: string | undefined;
  seed: string;
  start?: string | undefined;
  out?: string | undefined;
  assume?: string | undefined;
  'no-runtime': boolean;
  'no-simd': boolean;
  'cost-limit'?: string | undefined;
}

/** Settings before the module is loaded: the objective's and the output's defaults depend on it. */
export type TuneRequest = Omit<TuneSettings, 'format' | 'objective' | 'out'> & { objective?: ObjectiveSpec; out?: string };

/** A file path as an absolute path when the file exists (else as given, so the error names what the user wrote). */
const absolute = (p: string) => (existsSync(p) ? resolve(p) : p);

/**
 * Check the flags of `tune <kernel>` in the order a user fixes them: agent, its options and policy file,
 * budget, seed, start recipe, assumptions, objective. Nothing is built yet.
 */
export function requestFromFlags(flags: TuneFlags, kernel: string): TuneRequest {
  const agent = getAgent(flags.agent);
  const agentOptions = parseAgentOptions(agent, flags['agent-options']);
  if (flags.policy !== undefined) {
    if (!('policy' in agent.defaults)) throw new WasmtuneError('E_USAGE', `--policy is for the learned agents (${LEARNED_AGENTS.join(', ')}), not '${agent.name}'.`);
    agentOptions.policy = flags.policy;
  }
  // A policy file named by the user is checked before any baseline is built.
  if (typeof agentOptions.policy === 'string' && agentOptions.policy && agentOptions.policy !== 'untrained') {
    agentOptions.policy = resolve(agentOptions.policy);
    Policy.load(agentOptions.policy);
  }
  const budget = parseBudget(flags.budget);
  const seed = parseSeed(flags.seed);
  const start = flags.start ? parseStart(flags.start) : undefined;
  const assumptions = (flags.assume ?? '').split(',').filter(Boolean).map((a): Assumption => {
    if (!(ASSUMPTIONS as readonly string[]).includes(a)) throw new WasmtuneError('E_USAGE', `--assume takes ${ASSUMPTIONS.join(' and/or ')}, not '${a}'.${didYouMean(a, ASSUMPTIONS)}`);
    return a as Assumption;
  });
  const objective = flags.objective ? parseObjective(flags.objective) : undefined;
  const costLimit = parseCostLimit(flags['cost-limit'] ?? String(DEFAULT_COST_LIMIT.factor));
  return {
    kernel: absolute(kernel), ...(flags.harness !== undefined ? { harness: absolute(flags.harness) } : {}), agent: agent.name, agentOptions, budget,
    ...(objective ? { objective } : {}), seed, ...(start ? { start } : {}), ...(flags.out !== undefined ? { out: resolve(flags.out) } : {}),
    assumptions, measureRuntime: !flags['no-runtime'], simd: !flags['no-simd'], costLimit,
  };
}

/** `--cost-limit`: `off`, or the factor of -O3's CPU time a candidate's build or validation may use. */
export function parseCostLimit(text: string): CostLimitSettings | false {
  if (text === 'off') return false;
  const factor = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(factor >= 1)) throw new WasmtuneError('E_USAGE', `--cost-limit takes 'off' or a factor of -O3's CPU time of at least 1 (10), not '${text}'.`);
  return { ...DEFAULT_COST_LIMIT, factor };
}

/**
 * The settings of a request for its loaded module: the objective defaults to runtime with a harness, else
 * size; the output to wasmtune-out/<kernel>-<objective>-s<seed> under the working directory.
 */
export function completeSettings(request: TuneRequest, kernel: Kernel): TuneSettings {
  const objective = request.objective ?? single(kernel.harness ? 'runtime' : 'size');
  const out = request.out ?? resolve(join('wasmtune-out', `${kernel.name}-${describeObjective(objective).replace(/[^a-z0-9.]+/g, '_')}-s${request.seed}`));
  return { format: TUNE_SETTINGS_FORMAT, ...request, objective, out };
}

/** The stored form (JSON): the recipe as recipe JSON. */
export function storedSettings(s: TuneSettings): Record<string, unknown> {
  return { ...s, ...(s.start ? { start: recipeToJson(s.start) } : {}) };
}

/** What runs stored before the options were data: the command line's values and positionals. */
interface ArgvOptions {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

const isArgvOptions = (x: Record<string, unknown>): x is Record<string, unknown> & ArgvOptions =>
  typeof x.values === 'object' && x.values !== null && Array.isArray(x.positionals) && typeof x.positionals[1] === 'string';

/**
 * The settings run `runId` stored, to resume it: the current format is checked field by field; the older
 * argv form is converted (through the same checks as the command line). Anything else is E_DB_CORRUPT, a
 * newer format E_DB_NEWER.
 */
export function settingsFromStore(stored: unknown, runId: number): TuneRequest {
  const unreadable = (why: string) =>
    new WasmtuneError('E_DB_CORRUPT', `Run ${runId} cannot be resumed: its stored tune options ${why}. Start a new run with 'wasmtune tune'.`);
  if (typeof stored !== 'object' || stored === null) throw unreadable('are missing');
  const o = stored as Record<string, unknown>;
  if (o.format === undefined && isArgvOptions(o)) {
    const v = o.values;
    const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
    return requestFromFlags({
      harness: str('harness'), agent: str('agent') ?? 'random', 'agent-options': str('agent-options'), policy: str('policy'), budget: str('budget') ?? '100',
      objective: str('objective'), seed: str('seed') ?? '1', start: str('start'), out: str('out'), assume: str('assume'), 'no-runtime': v['no-runtime'] === true, 'no-simd': v['no-simd'] === true, 'cost-limit': 'off',
    }, o.positionals[1]!);
  }
  if (typeof o.format === 'string') {
    const version = /^wasmtune-tune-options-v(\d+)$/.exec(o.format);
    if (version && Number(version[1]) > 1) {
      throw new WasmtuneError('E_DB_NEWER', `Run ${runId} was started by a newer wasmtune (its options are ${o.format}; this one reads ${TUNE_SETTINGS_FORMAT}). Upgrade wasmtune to resume it.`);
    }
  }
  if (o.format !== TUNE_SETTINGS_FORMAT) throw unreadable(`have no known format (${JSON.stringify(o.format ?? null)})`);
  return checkStored(o, unreadable);
}

function checkStored(o: Record<string, unknown>, unreadable: (why: string) => WasmtuneError): TuneRequest {
  const field = <T>(k: string, ok: (v: unknown) => boolean): T => {
    if (!ok(o[k])) throw unreadable(`have a bad '${k}' (${JSON.stringify(o[k] ?? null)})`);
    return o[k] as T;
  };
  const isString = (v: unknown) => typeof v === 'string' && v !== '';
  const isBool = (v: unknown) => typeof v === 'boolean';
  const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
  const agent = getAgent(field<string>('agent', isString));
  const agentOptions = field<Record<string, number | boolean | string>>('agentOptions', (v) =>
    typeof v === 'object' && v !== null && Object.entries(v).every(([k, x]) => k in agent.defaults && typeof x === typeof agent.defaults[k]));
  const budget = field<Budget>('budget', (v) => {
    const b = v as Budget | null;
    return typeof b === 'object' && b !== null && (b.evaluations === undefined || isCount(b.evaluations)) && (b.durationMs === undefined || (typeof b.durationMs === 'number' && b.durationMs > 0))
      && (b.evaluations !== undefined || b.durationMs !== undefined);
  });
  const objective = field<ObjectiveSpec>('objective', (v) => {
    const s = v as ObjectiveSpec | null;
    return typeof s === 'object' && s !== null && typeof s.pareto === 'boolean' && Array.isArray(s.terms) && s.terms.length > 0
      && s.terms.every((t) => (METRICS as readonly string[]).includes(t.metric) && typeof t.weight === 'number' && t.weight > 0);
  });
  let start: Recipe | undefined;
  if (o.start !== undefined) {
    try {
      start = parseRecipe(o.start, getPass);
    } catch (e) {
      throw unreadable(`have a start recipe this wasmtune cannot build (${messageOf(e)})`);
    }
  }
  return {
    kernel: field<string>('kernel', isString),
    ...(o.harness !== undefined ? { harness: field<string>('harness', isString) } : {}),
    agent: agent.name, agentOptions: { ...agent.defaults, ...agentOptions } as Record<string, number | boolean | string>, budget, objective,
    seed: field<number>('seed', (v) => Number.isInteger(v)),
    ...(start ? { start } : {}),
    out: field<string>('out', isString),
    assumptions: field<Assumption[]>('assumptions', (v) => Array.isArray(v) && v.every((a) => (ASSUMPTIONS as readonly unknown[]).includes(a))),
    measureRuntime: field<boolean>('measureRuntime', isBool),
    simd: field<boolean>('simd', isBool),
    // Runs stored before cost limits existed ran without them.
    costLimit: o.costLimit === undefined ? false : field<CostLimitSettings | false>('costLimit', (v) => v === false || (typeof v === 'object' && v !== null && typeof (v as CostLimitSettings).factor === 'number' && typeof (v as CostLimitSettings).floorMs === 'number')),
  };
}
