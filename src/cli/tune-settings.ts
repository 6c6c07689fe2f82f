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
import { OPT_LEVEL_NAMES, parseRecipe, recipeToJson, type OptLevelName, type Recipe } from '../recipe/recipe.js';
import { getPass } from '../passes/registry.js';
import { Policy } from '../learn/policy.js';
import type { Budget } from '../types.js';
import type { Kernel } from '../kernels/index.js';
import { parseStart } from './recipe-file.js';
import type { Profile, ProfileSettings, ProfileSummary } from '../measure/profile.js';
import { parseSeed } from './values.js';
import { CONTENDER_NAMES, parseContenders, type ContenderChoice } from '../search/contenders.js';

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
  /**
   * Per-function search (src/search/per-function.ts): the hot functions (Binaryen names) and where they
   * came from; false: one recipe for the whole module. Decided when the run starts (a profile is noisy,
   * so a resumed run uses the stored set).
   */
  readonly perFunction: PerFunctionSettings | false;
  /** The -O levels evaluated as baselines (`--baselines`; -O3 and -Oz always); absent: all. */
  readonly baselines?: readonly OptLevelName[];
  /** The fixed recipes evaluated beside the baselines (`--contenders`; src/search/contenders.ts). */
  readonly contenders: ContenderChoice;
}

/** The hot functions of a per-function search. */
export interface PerFunctionSettings {
  readonly hot: readonly string[];
  /** `profile`: the functions covering `threshold` of the time in wasm, measured; `given`: `--hot`. */
  readonly source: 'profile' | 'given';
  readonly threshold?: number;
  /** The share of the wasm time the hot set took in the profile. */
  readonly share?: number;
  /** The profile the set came from, in short (the whole profile is in the results database). */
  readonly profile?: ProfileSummary;
}

/**
 * `--per-function`: `auto` searches per function for a runtime and size front on a module with a harness;
 * `on` for any objective (given a harness for the profile, or `--hot`); `off` never.
 */
export const PER_FUNCTION_MODES = ['auto', 'on', 'off'] as const;
export type PerFunctionMode = (typeof PER_FUNCTION_MODES)[number];

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
  'per-function'?: string | undefined;
  hot?: string | undefined;
  'hot-share'?: string | undefined;
  baselines?: string | undefined;
  contenders?: string | undefined;
}

/**
 * Settings before the module is loaded: the objective's and the output's defaults depend on it, and so
 * does the per-function decision (`perFunction` is then what the flags asked for).
 */
export type TuneRequest = Omit<TuneSettings, 'format' | 'objective' | 'out' | 'perFunction'> & {
  objective?: ObjectiveSpec; out?: string;
  perFunction: PerFunctionSettings | false | { mode: 'auto' | 'on'; threshold: number } | { mode: 'given'; hot: ReadonlyArray<string | number> };
};

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
  const perFunction = perFunctionRequest(flags, agent.name, start !== undefined);
  const baselines = flags.baselines === undefined || flags.baselines === 'all' ? undefined : parseLevels(flags.baselines);
  const contenders = parseContenders(flags.contenders ?? 'auto');
  return {
    kernel: absolute(kernel), ...(flags.harness !== undefined ? { harness: absolute(flags.harness) } : {}), agent: agent.name, agentOptions, budget,
    ...(objective ? { objective } : {}), seed, ...(start ? { start } : {}), ...(flags.out !== undefined ? { out: resolve(flags.out) } : {}),
    assumptions, measureRuntime: !flags['no-runtime'], simd: !flags['no-simd'], costLimit, perFunction, ...(baselines ? { baselines } : {}), contenders,
  };
}

/** `--baselines O3,Oz,…`: -O levels, with or without the dash; -O3 and -Oz are added. */
function parseLevels(text: string): OptLevelName[] {
  const asked = text.split(',').map((x) => x.trim().replace(/^-/, '')).filter(Boolean);
  for (const l of asked) {
    if (!(OPT_LEVEL_NAMES as readonly string[]).includes(l)) throw new WasmtuneError('E_USAGE', `--baselines takes 'all' or -O levels (${OPT_LEVEL_NAMES.join(', ')}), not '${l}'.${didYouMean(l, OPT_LEVEL_NAMES)}`);
  }
  return OPT_LEVEL_NAMES.filter((l) => l === 'O3' || l === 'Oz' || asked.includes(l));
}

/**
 * `--per-function`, `--hot`, `--hot-share`: what the run asks for. `--hot` names the hot functions (by
 * Binaryen name or function index, comma-separated), so no profile is made; it and `--hot-share` need
 * per-function search on. Learned policies and `--start` act on whole-module recipes: `auto` leaves them
 * whole-module, and `--hot` with them is an error.
 */
function perFunctionRequest(flags: TuneFlags, agent: string, hasStart: boolean): TuneRequest['perFunction'] {
  const mode = flags['per-function'] ?? 'auto';
  if (!(PER_FUNCTION_MODES as readonly string[]).includes(mode)) throw new WasmtuneError('E_USAGE', `--per-function takes ${PER_FUNCTION_MODES.join(' or ')}, not '${mode}'.${didYouMean(mode, PER_FUNCTION_MODES)}`);
  if (mode === 'off') {
    const extra = (['hot', 'hot-share'] as const).filter((k) => flags[k] !== undefined);
    if (extra.length) throw new WasmtuneError('E_USAGE', `${extra.map((k) => `--${k}`).join(' and ')} ${extra.length > 1 ? 'are' : 'is'} for per-function search: drop ${extra.length > 1 ? 'them' : 'it'} or --per-function off.`);
    return false;
  }
  const whole = (LEARNED_AGENTS as readonly string[]).includes(agent) ? `the learned agent '${agent}' proposes whole-module recipes` : hasStart ? '--start gives a whole-module recipe' : undefined;
  if (flags.hot !== undefined) {
    if (whole) throw new WasmtuneError('E_USAGE', `--hot makes a per-function search, but ${whole}.`);
    if (flags['hot-share'] !== undefined) throw new WasmtuneError('E_USAGE', '--hot names the hot functions; --hot-share is for the set a profile finds: give one of them.');
    const hot = flags.hot.split(',').map((x) => x.trim()).filter(Boolean).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    if (!hot.length) throw new WasmtuneError('E_USAGE', '--hot needs at least one function name or index.');
    return { mode: 'given', hot };
  }
  const threshold = flags['hot-share'] === undefined ? 0.9 : Number(flags['hot-share']);
  if (!(threshold > 0 && threshold <= 1)) throw new WasmtuneError('E_USAGE', `--hot-share takes the share of the time in wasm the hot set covers, above 0 and at most 1 (0.9), not '${flags['hot-share']}'.`);
  if (whole) {
    if (mode === 'on') throw new WasmtuneError('E_USAGE', `--per-function on makes a per-function search, but ${whole}.`);
    return false;
  }
  return { mode: mode as 'auto' | 'on', threshold };
}

/**
 * Whether a run with these settings searches per function when `--per-function auto`: a Pareto objective
 * of runtime and a size metric, on a module with a harness (the profile needs its workload).
 */
export function wantsPerFunction(objective: ObjectiveSpec, hasHarness: boolean): boolean {
  const metrics = objective.terms.map((t) => t.metric);
  return hasHarness && objective.pareto && metrics.includes('runtime') && metrics.some((m) => m !== 'runtime');
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
export async function completeSettings(request: TuneRequest, kernel: Kernel, notify: (line: string) => void = () => {}, onProfile: (p: Profile, settings: ProfileSettings) => void = () => {}): Promise<TuneSettings> {
  const objective = request.objective ?? single(kernel.harness ? 'runtime' : 'size');
  const out = request.out ?? resolve(join('wasmtune-out', `${kernel.name}-${describeObjective(objective).replace(/[^a-z0-9.]+/g, '_')}-s${request.seed}`));
  return { format: TUNE_SETTINGS_FORMAT, ...request, objective, out, perFunction: await decidePerFunction(request.perFunction, objective, kernel, notify, onProfile) };
}

/**
 * The least code (bytes of function bodies) for which `--per-function auto` splits a module. On the suite's
 * kernels (0.5–15 KB of code) a per-function search found fewer target points than a whole-module one
 * with the same budget (bench/large-results.md, part 4): the passes that win there (promotion, inlining)
 * are whole-module, and a whole-module candidate costs little. On the application modules (270 KB to
 * 1 MB) its fronts were as good, and its search took 43–97 s against 78–143 s for the same 12 candidates
 * (part 2); a 100-candidate size tune of sql.js took 390 s against over 1000 s (part 3).
 */
export const AUTO_MIN_CODE_BYTES = 64 * 1024;

/**
 * The hot functions of the run: as stored (a resumed run), as `--hot` named them (indices resolved to
 * Binaryen's names), or, under `auto` when {@link wantsPerFunction} and the module's code is at least
 * {@link AUTO_MIN_CODE_BYTES}, from a profile of the workload on the module. A profile whose hot set is
 * every function the module defines leaves nothing to keep small: the run is then whole-module.
 */
async function decidePerFunction(asked: TuneRequest['perFunction'], objective: ObjectiveSpec, kernel: Kernel, notify: (line: string) => void, onProfile: (p: Profile, settings: ProfileSettings) => void): Promise<PerFunctionSettings | false> {
  if (asked === false || !('mode' in asked)) return asked;
  const { moduleFunctions } = await import('../measure/profile.js');
  const names = moduleFunctions(kernel.bytes).names;
  if (asked.mode === 'given') {
    const hot = asked.hot.map((f) => {
      if (typeof f === 'number') {
        if (!names[f]) throw new WasmtuneError('E_USAGE', `--hot names function ${f}, but the module has ${names.length} functions (indices 0–${names.length - 1}, imports first).`);
        return names[f]!;
      }
      if (!names.includes(f)) throw new WasmtuneError('E_USAGE', `--hot names '${f}', which is not a function of the module.${didYouMean(f, names)} 'wasmtune profile' lists the functions by name.`);
      return f;
    });
    return { hot: [...new Set(hot)], source: 'given' };
  }
  if (asked.mode === 'on' && !kernel.harness) throw new WasmtuneError('E_USAGE', "--per-function on profiles the module's workload, which needs a harness (or name the hot functions with --hot).");
  if (!kernel.harness || (asked.mode === 'auto' && !wantsPerFunction(objective, true))) return false;
  if (asked.mode === 'auto') {
    const { readLayout } = await import('../measure/wasm-sections.js');
    const code = readLayout(kernel.bytes).bodies.reduce((sum, b) => sum + b.size, 0);
    if (code < AUTO_MIN_CODE_BYTES) {
      notify(`per-function: the module's code is ${code} bytes, under ${AUTO_MIN_CODE_BYTES / 1024} KiB: searching whole-module recipes (--per-function on splits it anyway).`);
      return false;
    }
  }
  const { profileModule, profileSummary, PROFILE_DEFAULTS } = await import('../measure/profile.js');
  const profile = await profileModule({ bytes: kernel.bytes, harness: kernel.harness }, { hotThreshold: asked.threshold });
  onProfile(profile, { seed: profile.seed, minMs: PROFILE_DEFAULTS.minMs, minRuns: PROFILE_DEFAULTS.minRuns, intervalUs: profile.intervalUs, hotThreshold: asked.threshold });
  if (!profile.hot.count || profile.hot.count >= profile.definedFunctions) {
    notify(`per-function: the profile puts ${profile.hot.count ? 'every function' : 'no function'} of the module in the hot set; searching whole-module recipes.`);
    return false;
  }
  notify(`per-function: ${profile.hot.count} of ${profile.definedFunctions} functions take ${(profile.hot.share * 100).toFixed(1)} % of the time in wasm; they get the searched recipe, the rest the smallest -O level's.`);
  return { hot: profile.hot.names, source: 'profile', threshold: asked.threshold, share: profile.hot.share, profile: profileSummary(profile) };
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
      objective: str('objective'), seed: str('seed') ?? '1', start: str('start'), out: str('out'), assume: str('assume'), 'no-runtime': v['no-runtime'] === true, 'no-simd': v['no-simd'] === true, 'cost-limit': 'off', 'per-function': 'off', contenders: 'none',
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
    ...(o.baselines !== undefined ? { baselines: field<OptLevelName[]>('baselines', (v) => Array.isArray(v) && v.every((l) => (OPT_LEVEL_NAMES as readonly unknown[]).includes(l))) } : {}),
    // Runs stored before per-function search existed searched whole-module recipes.
    perFunction: o.perFunction === undefined ? false : field<PerFunctionSettings | false>('perFunction', (v) => v === false || (typeof v === 'object' && v !== null
      && Array.isArray((v as PerFunctionSettings).hot) && (v as PerFunctionSettings).hot.every((f) => typeof f === 'string') && ['profile', 'given'].includes((v as PerFunctionSettings).source))),
    // Runs stored before contenders existed evaluated none.
    contenders: o.contenders === undefined ? [] : field<ContenderChoice>('contenders', (v) => v === 'auto' || (Array.isArray(v) && v.every((n) => (CONTENDER_NAMES as readonly unknown[]).includes(n)))),
    // Runs stored before cost limits existed ran without them.
    costLimit: o.costLimit === undefined ? false : field<CostLimitSettings | false>('costLimit', (v) => v === false || (typeof v === 'object' && v !== null && typeof (v as CostLimitSettings).factor === 'number' && typeof (v as CostLimitSettings).floorMs === 'number')),
  };
}
