/**
 * The results database: one SQLite file (better-sqlite3) holding kernels, recipes, the evaluator's
 * content-hash cache (modules, quick runtime ratios), tuning runs and every evaluation of each run.
 *
 * - WAL journal with a busy timeout: several processes can tune into one file at once; every write is a
 *   short IMMEDIATE transaction, so none of them is lost or applied twice.
 * - `synchronous = FULL`: a committed evaluation survives a power cut as well as `kill -9`.
 * - Versioned migrations (schema.ts); a file from a newer wasmtune is refused with E_DB_NEWER.
 * - A damaged file is never written to: opening it copies every row that can still be read into a new
 *   file beside it and fails with E_DB_CORRUPT, naming that file (salvage.ts).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { WasmtuneError, messageOf } from '../errors.js';
import { QUICK } from '../evaluate/evaluator.js';
import { projectRoot } from '../kernels/index.js';
import { machine } from '../measure/provenance.js';
import type { Profile, ProfileSettings } from '../measure/profile.js';
import { type Checked, type EvalRecord, type Interruption, type InvalidReason, type Metrics, type ModuleCache, type RatioSettings } from '../types.js';
import { recipeHash, recipeToJson, type Recipe } from '../recipe/recipe.js';
import type { RunStore } from '../types.js';
import { describeMachine, machineFingerprint, type MachineDescription } from './fingerprint.js';
import { MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION } from './schema.js';
import { isCorruption, salvage } from './salvage.js';

/** The database file when `--db` is not given: relative to the working directory. */
export const DEFAULT_DB_FILE = '.wasmtune/wasmtune.db';

/** How long a writer waits for another process's transaction before failing, ms. */
export const BUSY_TIMEOUT_MS = 30_000;

/** A kernel as the database identifies it: the same URI with the same module and harness contents. */
export interface KernelIdentity {
  uri: string;
  moduleHash: string;
  /** '' without a harness. */
  harnessHash: string;
  harnessPath?: string;
}

export type RunStatus = 'running' | 'done' | 'failed';

/** What makes a run one row of a leaderboard (its kernel, agent and seed are the row's key). */
export interface LeaderboardTag {
  /** The task's name. */
  task: string;
  /** The leaderboard's output directory, on the machine that collects it. */
  dir: string;
  /** Queue leaderboards: the job the run did, and the worker that ran it (host:pid). */
  jobId?: string;
  worker?: string;
}

/** A leaderboard row as the database keys and shows it (the whole row is stored as JSON). */
export interface LeaderboardRowKey {
  task: string;
  /** As the task names it. */
  kernel: string;
  agent: string;
  seed: number;
  /** The row's ratio to the task's baseline; null when it failed. */
  ratio: number | null;
  jobId?: string;
  worker?: string;
}

/** A stored leaderboard row. */
export interface LeaderboardRowInfo<R = unknown> {
  leaderboard: string;
  task: string;
  kernel: string;
  agent: string;
  seed: number;
  /** The row's run in this database; null when it failed before tuning began. */
  runId: number | null;
  jobId: string | null;
  worker: string | null;
  ratio: number | null;
  row: R;
  recordedAt: string;
}

export interface NewRun {
  kernel: KernelIdentity;
  agent: string;
  agentOptions: Record<string, number | boolean | string>;
  seed: number;
  budget: { evaluations?: number; durationMs?: number };
  objective: string;
  /** What the caller needs to recreate the run (for `tune --resume`: the command's options). */
  options: unknown;
  /** When the run is a row of a leaderboard. */
  leaderboard?: LeaderboardTag;
}

/** A run as stored, with its kernel and progress. */
export interface RunInfo {
  id: number;
  kernel: KernelIdentity & { id: number };
  agent: string;
  agentOptions: Record<string, number | boolean | string>;
  seed: number;
  budget: { evaluations?: number; durationMs?: number };
  objective: string;
  options: unknown;
  /**
   * As stored; `interrupted` when a signal stopped it (see `interrupted`), or when it says running but its
   * process on this host is gone.
   */
  status: RunStatus | 'interrupted';
  /** The signal that stopped the run and the evaluations committed by then; null otherwise. */
  interrupted: Interruption | null;
  pid: number | null;
  host: string | null;
  fingerprint: string | null;
  startedAt: string;
  updatedAt: string;
  resumes: number;
  /** Evaluations committed so far. */
  evaluations: number;
  invalid: number;
  /** Lowest search score so far (the objective's, lower is better). */
  bestSearchScore: number | null;
  best: { recipe: Recipe; hash: string | null; score: number | null } | null;
  report: unknown;
  error: string | null;
  /** The leaderboard the run is a row of; null for a 'tune' run. */
  leaderboard: LeaderboardTag | null;
}

/**
 * A run with its evaluations, as one database hands it to another: a queue worker returns its run with
 * the job's result, and the collector copies it into its own database (ids are the sender's).
 */
export interface PortableRun {
  run: RunInfo;
  /** The machine the run measured on (its fingerprint is `run.fingerprint`). */
  machine: MachineDescription | null;
  evaluations: EvaluationRow[];
}

/** One evaluation row, as exported (column names in camelCase). */
export interface EvaluationRow {
  runId: number;
  seq: number;
  recipeHash: string;
  recipe: string;
  hash: string | null;
  state: 'ok' | 'invalid';
  reason: InvalidReason | null;
  detail: string | null;
  sizeBytes: number | null;
  gzipBytes: number | null;
  brotliBytes: number | null;
  peakMemoryBytes: number | null;
  declaredMemoryBytes: number | null;
  dataSegmentBytes: number | null;
  functions: number | null;
  quickRuntimeRatio: number | null;
  score: number | null;
  cached: number;
  settings: string | null;
  fingerprint: string | null;
  walltimeMs: number;
  /** Where the evaluation's time went, ms (null in rows recorded before these were). */
  buildMs: number | null;
  validateMs: number | null;
  timeMs: number | null;
  createdAt: string;
}

/** Where a profile was made, beyond the machine fingerprint: as benchmarks print it, and wasmtune's version. */
export interface ProfileProvenance {
  /** `2 × AMD EPYC …, Node v20…`. */
  machine: string;
  wasmtune: string;
}

/** A stored profile of a module under a harness. */
export interface StoredProfile {
  id: number;
  kernel: KernelIdentity & { id: number };
  /** The machine (its description is in `machines`). */
  fingerprint: string;
  host: string;
  provenance: ProfileProvenance;
  settings: ProfileSettings;
  profile: Profile;
  createdAt: string;
}

const now = () => new Date().toISOString();

function profileProvenance(): ProfileProvenance {
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    /* an unusual install: the version stays unknown */
  }
  return { machine: `${machine()}, Node ${process.version}`, wasmtune: version };
}

interface RawRun {
  id: number; kernel_id: number; agent: string; agent_options: string; seed: number; budget: string; objective: string; options: string;
  status: RunStatus; pid: number | null; host: string | null; fingerprint: string | null; started_at: string; updated_at: string; resumes: number;
  best_recipe: string | null; best_hash: string | null; best_score: number | null; report: string | null; error: string | null;
  task: string | null; leaderboard: string | null; job_id: string | null; worker: string | null; interrupted: string | null;
  uri: string; module_hash: string; harness_hash: string; harness_path: string | null; best_recipe_json: string | null;
  n: number; n_invalid: number; best_search: number | null;
}

interface RawModule {
  hash: string; state: 'ok' | 'invalid'; reason: InvalidReason | null; detail: string | null; bytes: Buffer | null;
  size_bytes: number; gzip_bytes: number; brotli_bytes: number; peak_memory_bytes: number; declared_memory_bytes: number; data_segment_bytes: number; functions: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function metricsOf(r: { size_bytes: number | null; gzip_bytes: number | null; brotli_bytes: number | null; peak_memory_bytes: number | null; declared_memory_bytes: number | null; data_segment_bytes: number | null; functions: number | null }): Metrics {
  return {
    sizeBytes: r.size_bytes ?? 0, gzipBytes: r.gzip_bytes ?? 0, brotliBytes: r.brotli_bytes ?? 0,
    peakMemoryBytes: r.peak_memory_bytes ?? 0, declaredMemoryBytes: r.declared_memory_bytes ?? 0, dataSegmentBytes: r.data_segment_bytes ?? 0, functions: r.functions ?? 0,
  };
}

export class ResultsDb {
  /** Fingerprint of the machine measurements are made on (runtime ratios are reused only under it). */
  readonly fingerprint: string;

  private constructor(readonly file: string, private readonly db: Database.Database, readonly machine: MachineDescription) {
    this.fingerprint = machineFingerprint(machine);
  }

  /**
   * Open (creating it and its directory when missing, unless `mustExist`) and migrate a results
   * database. Throws E_DB_NEWER for a file from a newer wasmtune, E_DB_CORRUPT for a damaged one (after
   * copying what can be read), E_DB when SQLite cannot open it.
   */
  static open(file: string = DEFAULT_DB_FILE, opts: { mustExist?: boolean; /** Default: this machine. */ machine?: MachineDescription } = {}): ResultsDb {
    const path = resolve(file);
    if (opts.mustExist && !existsSync(path)) {
      throw new WasmtuneError('E_IO', `No results database at ${path}: 'wasmtune tune' creates one (or give --db <file>).`);
    }
    let db: Database.Database | undefined;
    try {
      mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(`integrity check: ${String(check).split('\n').filter((l) => !l.startsWith('***')).join('; ').slice(0, 200)}`), { code: 'SQLITE_CORRUPT' });
      migrate(db, path);
      const out = new ResultsDb(path, db, opts.machine ?? describeMachine());
      out.db.prepare('INSERT OR IGNORE INTO machines (fingerprint, description) VALUES (?, ?)').run(out.fingerprint, JSON.stringify(out.machine));
      return out;
    } catch (e) {
      db?.close();
      if (e instanceof WasmtuneError) throw e;
      if (isCorruption(e)) {
        const s = salvage(path);
        const copied = Object.entries(s.rows).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t}`).join(', ');
        throw new WasmtuneError('E_DB_CORRUPT',
          `The results database ${path} is damaged (${messageOf(e)}); it was left as it was. ` +
          (copied ? `The rows that could be read (${copied}) were copied to ${s.file}: continue with '--db ${s.file}', or move the damaged file away to start afresh.`
            : `No row could be read from it${s.error ? ` (${s.error})` : ''}; move it away (or give --db <file>) to start afresh.`));
      }
      throw new WasmtuneError('E_DB', `Cannot open the results database ${path}: ${messageOf(e)}`);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The schema version of the file. */
  get version(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v;
  }

  /** The id of a kernel, added when new. */
  kernelId(k: KernelIdentity): number {
    return this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO kernels (uri, module_hash, harness_hash, harness_path, created_at) VALUES (?, ?, ?, ?, ?)').run(k.uri, k.moduleHash, k.harnessHash, k.harnessPath ?? null, now());
      return (this.db.prepare('SELECT id FROM kernels WHERE uri = ? AND module_hash = ? AND harness_hash = ?').get(k.uri, k.moduleHash, k.harnessHash) as { id: number }).id;
    }).immediate();
  }

  /** Store a recipe (idempotent); its hash. */
  putRecipe(recipe: Recipe): string {
    const hash = recipeHash(recipe);
    this.db.prepare('INSERT OR IGNORE INTO recipes (hash, json) VALUES (?, ?)').run(hash, JSON.stringify(recipeToJson(recipe)));
    return hash;
  }

  /** The evaluator's content-hash cache for one kernel, persisted here (runtime ratios: this machine only). */
  moduleCache(kernelId: number): ModuleCache {
    const getModule = this.db.prepare('SELECT * FROM modules WHERE kernel_id = ? AND hash = ?');
    const putModule = this.db.prepare(`INSERT OR IGNORE INTO modules (kernel_id, hash, state, reason, detail, bytes, size_bytes, gzip_bytes, brotli_bytes,
      peak_memory_bytes, declared_memory_bytes, data_segment_bytes, functions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const getRatio = this.db.prepare('SELECT ratio FROM measurements WHERE kernel_id = ? AND baseline_hash = ? AND hash = ? AND settings = ? AND fingerprint = ?');
    const putRatio = this.db.prepare('INSERT OR IGNORE INTO measurements (kernel_id, baseline_hash, hash, settings, fingerprint, ratio, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const settingsKey = (s: RatioSettings) => JSON.stringify({ rounds: s.rounds, iterations: s.iterations, roundMs: s.roundMs });
    return {
      getModule: (hash): Checked | undefined => {
        const r = getModule.get(kernelId, hash) as RawModule | undefined;
        if (!r) return undefined;
        if (r.state === 'invalid') return { state: 'invalid', hash, reason: r.reason!, detail: r.detail ?? '' };
        return { state: 'ok', hash, bytes: new Uint8Array(r.bytes!), metrics: metricsOf(r) };
      },
      putModule: (hash, c) => {
        if (c.state === 'ok') {
          const m = c.metrics;
          putModule.run(kernelId, hash, 'ok', null, null, c.bytes, m.sizeBytes, m.gzipBytes, m.brotliBytes, m.peakMemoryBytes, m.declaredMemoryBytes, m.dataSegmentBytes, m.functions, now());
        } else {
          putModule.run(kernelId, hash, 'invalid', c.reason, c.detail, null, null, null, null, null, null, null, null, now());
        }
      },
      getRatio: (baselineHash, hash, settings) => (getRatio.get(kernelId, baselineHash, hash, settingsKey(settings), this.fingerprint) as { ratio: number } | undefined)?.ratio,
      putRatio: (baselineHash, hash, settings, ratio) => void putRatio.run(kernelId, baselineHash, hash, settingsKey(settings), this.fingerprint, ratio, now()),
    };
  }

  /** Start a run in this process; its id. */
  createRun(r: NewRun): number {
    const kernelId = this.kernelId(r.kernel);
    const t = now();
    const lb = r.leaderboard;
    const info = this.db.prepare(`INSERT INTO runs (kernel_id, agent, agent_options, seed, budget, objective, options, status, pid, host, fingerprint, started_at, updated_at,
      task, leaderboard, job_id, worker) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(kernelId, r.agent, JSON.stringify(r.agentOptions), r.seed,
      JSON.stringify(r.budget), r.objective, JSON.stringify(r.options), process.pid, hostname(), this.fingerprint, t, t, lb?.task ?? null, lb?.dir ?? null, lb?.jobId ?? null, lb?.worker ?? null);
    return Number(info.lastInsertRowid);
  }

  /** A run with its evaluations and machine, for another database ({@link importRun}). */
  exportRun(id: number): PortableRun {
    const run = this.run(id);
    const m = run.fingerprint ? (this.db.prepare('SELECT description FROM machines WHERE fingerprint = ?').get(run.fingerprint) as { description: string } | undefined) : undefined;
    return { run, machine: m ? (JSON.parse(m.description) as MachineDescription) : null, evaluations: this.evaluationRows(id) };
  }

  /**
   * Copy a run made elsewhere (a queue worker's) into this database, with its evaluations as they were
   * stored there (metrics, settings, machine fingerprint, times); its id here.
   */
  importRun(p: PortableRun, leaderboard: LeaderboardTag | null = p.run.leaderboard): number {
    return this.db.transaction(() => {
      const r = p.run;
      const { id: _id, ...identity } = r.kernel;
      const kernelId = this.kernelId(identity);
      if (r.fingerprint && p.machine) this.db.prepare('INSERT OR IGNORE INTO machines (fingerprint, description) VALUES (?, ?)').run(r.fingerprint, JSON.stringify(p.machine));
      const fingerprint = r.fingerprint && this.db.prepare('SELECT 1 FROM machines WHERE fingerprint = ?').get(r.fingerprint) ? r.fingerprint : null;
      const best = r.best ? this.putRecipe(r.best.recipe) : null;
      // A run that was still going where it was made is not going here: there is no process to resume it.
      const status: RunStatus = r.status === 'done' ? 'done' : 'failed';
      const info = this.db.prepare(`INSERT INTO runs (kernel_id, agent, agent_options, seed, budget, objective, options, status, pid, host, fingerprint, started_at, updated_at,
        resumes, best_recipe, best_hash, best_score, report, error, task, leaderboard, job_id, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        kernelId, r.agent, JSON.stringify(r.agentOptions), r.seed, JSON.stringify(r.budget), r.objective, JSON.stringify(r.options), status, r.host, fingerprint,
        r.startedAt, r.updatedAt, r.resumes, best, r.best?.hash ?? null, r.best?.score ?? null, r.report === null ? null : JSON.stringify(r.report),
        r.error ?? (status === r.status ? null : `${r.status} where it was made`), leaderboard?.task ?? null, leaderboard?.dir ?? null, leaderboard?.jobId ?? null, leaderboard?.worker ?? null);
      const runId = Number(info.lastInsertRowid);
      const putRecipe = this.db.prepare('INSERT OR IGNORE INTO recipes (hash, json) VALUES (?, ?)');
      const put = this.db.prepare(`INSERT INTO evaluations (run_id, seq, recipe_hash, hash, state, reason, detail, size_bytes, gzip_bytes, brotli_bytes, peak_memory_bytes,
        declared_memory_bytes, data_segment_bytes, functions, quick_runtime_ratio, score, cached, settings, fingerprint, walltime_ms, build_ms, validate_ms, time_ms, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const e of p.evaluations) {
        putRecipe.run(e.recipeHash, e.recipe);
        // Rows exported by a wasmtune before the time columns existed lack them.
        put.run(runId, e.seq, e.recipeHash, e.hash, e.state, e.reason, e.detail, e.sizeBytes, e.gzipBytes, e.brotliBytes, e.peakMemoryBytes, e.declaredMemoryBytes,
          e.dataSegmentBytes, e.functions, e.quickRuntimeRatio, e.score, e.cached, e.settings, e.fingerprint, e.walltimeMs, e.buildMs ?? null, e.validateMs ?? null, e.timeMs ?? null, e.createdAt);
      }
      return runId;
    }).immediate();
  }

  /**
   * Record a leaderboard row collected into `dir`, with its run: the id of a run in this database, or a
   * run made elsewhere, copied in. Idempotent: the row replaces an earlier one with the same key, and the
   * same job reported again changes nothing (its run is not copied twice). The row's run id here.
   */
  recordLeaderboardRow(dir: string, row: LeaderboardRowKey, run?: number | PortableRun): number | null {
    return this.db.transaction(() => {
      const had = this.db.prepare('SELECT run_id, job_id FROM leaderboard_rows WHERE leaderboard = ? AND task = ? AND kernel = ? AND agent = ? AND seed = ?')
        .get(dir, row.task, row.kernel, row.agent, row.seed) as { run_id: number | null; job_id: string | null } | undefined;
      if (had && row.jobId !== undefined && had.job_id === row.jobId) return had.run_id;
      const tag: LeaderboardTag = { task: row.task, dir, ...(row.jobId !== undefined ? { jobId: row.jobId } : {}), ...(row.worker !== undefined ? { worker: row.worker } : {}) };
      const runId = typeof run === 'number' ? run : run ? this.importRun(run, tag) : null;
      this.db.prepare(`INSERT INTO leaderboard_rows (leaderboard, task, kernel, agent, seed, run_id, job_id, worker, ratio, row, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (leaderboard, task, kernel, agent, seed) DO UPDATE SET run_id = excluded.run_id, job_id = excluded.job_id, worker = excluded.worker,
        ratio = excluded.ratio, row = excluded.row, recorded_at = excluded.recorded_at`).run(
        dir, row.task, row.kernel, row.agent, row.seed, runId, row.jobId ?? null, row.worker ?? null, row.ratio !== null && Number.isFinite(row.ratio) ? row.ratio : null, JSON.stringify(row), now());
      return runId;
    }).immediate();
  }

  /**
   * Drop the rows of a leaderboard (`dir`, `task`) but those kept: a leaderboard that starts afresh
   * rewrites its results.jsonl, and its rows here follow. Their runs stay.
   */
  keepLeaderboardRows(dir: string, task: string, keep: ReadonlyArray<Pick<LeaderboardRowKey, 'kernel' | 'agent' | 'seed'>>): void {
    const kept = new Set(keep.map((k) => JSON.stringify([k.kernel, k.agent, k.seed])));
    this.db.transaction(() => {
      const rows = this.db.prepare('SELECT kernel, agent, seed FROM leaderboard_rows WHERE leaderboard = ? AND task = ?').all(dir, task) as Array<{ kernel: string; agent: string; seed: number }>;
      const drop = this.db.prepare('DELETE FROM leaderboard_rows WHERE leaderboard = ? AND task = ? AND kernel = ? AND agent = ? AND seed = ?');
      for (const r of rows) if (!kept.has(JSON.stringify([r.kernel, r.agent, r.seed]))) drop.run(dir, task, r.kernel, r.agent, r.seed);
    }).immediate();
  }

  /** The leaderboard rows recorded here (of one output directory when given), by task and key. */
  leaderboardRows<R = unknown>(dir?: string): Array<LeaderboardRowInfo<R>> {
    const rows = this.db.prepare(`SELECT * FROM leaderboard_rows ${dir === undefined ? '' : 'WHERE leaderboard = ?'} ORDER BY leaderboard, task, kernel, agent, seed`)
      .all(...(dir === undefined ? [] : [dir])) as Array<{ leaderboard: string; task: string; kernel: string; agent: string; seed: number; run_id: number | null; job_id: string | null; worker: string | null; ratio: number | null; row: string; recorded_at: string }>;
    return rows.map((r) => ({
      leaderboard: r.leaderboard, task: r.task, kernel: r.kernel, agent: r.agent, seed: r.seed, runId: r.run_id, jobId: r.job_id, worker: r.worker, ratio: r.ratio,
      row: JSON.parse(r.row) as R, recordedAt: r.recorded_at,
    }));
  }

  /** The runs of a queue job here (a job retried on this machine has one per attempt), oldest first. */
  runsOfJob(jobId: string): RunInfo[] {
    return (this.db.prepare(`${RUN_SELECT} WHERE r.job_id = ? ORDER BY r.id`).all(jobId) as RawRun[]).map(toRunInfo);
  }

  /** A run, or E_UNKNOWN_RUN. */
  run(id: number): RunInfo {
    const r = this.db.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(id) as RawRun | undefined;
    if (!r) throw new WasmtuneError('E_UNKNOWN_RUN', `No run ${id} in ${this.file} ('wasmtune runs' lists them).`);
    return toRunInfo(r);
  }

  /** Every run, newest first. */
  runs(): RunInfo[] {
    return (this.db.prepare(`${RUN_SELECT} ORDER BY r.id DESC`).all() as RawRun[]).map(toRunInfo);
  }

  /**
   * Take over an interrupted run in this process (for `tune --resume`). Refuses a run that is finished,
   * or still running in a live process on this host.
   */
  claimRun(id: number): RunInfo {
    return this.db.transaction(() => {
      const run = this.run(id);
      if (run.status === 'done') throw new WasmtuneError('E_USAGE', `Run ${id} is finished: 'wasmtune show ${id}' shows its result, 'wasmtune export ${id} --json' its report.`);
      if (run.status === 'running') {
        throw new WasmtuneError('E_USAGE', `Run ${id} is still running (process ${run.pid} on ${run.host}); resume it once that process has stopped.`);
      }
      this.db.prepare("UPDATE runs SET status = 'running', pid = ?, host = ?, resumes = resumes + 1, error = NULL, interrupted = NULL, report = NULL, updated_at = ? WHERE id = ?").run(process.pid, hostname(), now(), id);
      return this.run(id);
    }).immediate();
  }

  /** Commit one evaluation of a run (a single transaction: recipe, evaluation, the run's time). */
  commitEvaluation(runId: number, seq: number, rec: EvalRecord): void {
    const settings = rec.state === 'ok' && rec.metrics.quickRuntimeRatio !== undefined ? JSON.stringify(QUICK) : null;
    this.db.transaction(() => {
      const recipe = this.putRecipe(rec.recipe);
      const m = rec.state === 'ok' ? rec.metrics : undefined;
      this.db.prepare(`INSERT INTO evaluations (run_id, seq, recipe_hash, hash, state, reason, detail, size_bytes, gzip_bytes, brotli_bytes, peak_memory_bytes,
        declared_memory_bytes, data_segment_bytes, functions, quick_runtime_ratio, score, cached, settings, fingerprint, walltime_ms, build_ms, validate_ms, time_ms, slow_prefix, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        runId, seq, recipe, rec.hash ?? null, rec.state, rec.state === 'invalid' ? rec.reason : null, rec.state === 'invalid' ? rec.detail : null,
        m?.sizeBytes ?? null, m?.gzipBytes ?? null, m?.brotliBytes ?? null, m?.peakMemoryBytes ?? null, m?.declaredMemoryBytes ?? null, m?.dataSegmentBytes ?? null, m?.functions ?? null,
        m?.quickRuntimeRatio ?? null, rec.state === 'ok' ? rec.score : null, rec.cached ? 1 : 0, settings, settings ? this.fingerprint : null, rec.walltimeMs,
        rec.buildMs ?? null, rec.validateMs ?? null, rec.timeMs ?? null, rec.state === 'invalid' ? (rec.slowPrefix ?? null) : null, now());
      this.db.prepare('UPDATE runs SET updated_at = ? WHERE id = ?').run(now(), runId);
    }).immediate();
  }

  /** A run's evaluations as the tuning loop recorded them, in order. */
  evaluations(runId: number): EvalRecord[] {
    const rows = this.db.prepare('SELECT e.*, r.json AS recipe_json FROM evaluations e JOIN recipes r ON r.hash = e.recipe_hash WHERE e.run_id = ? ORDER BY e.seq').all(runId) as Array<
      Record<string, unknown> & {
        seq: number; recipe_json: string; hash: string | null; state: 'ok' | 'invalid'; reason: InvalidReason | null; detail: string | null; quick_runtime_ratio: number | null;
        score: number | null; cached: number; walltime_ms: number; build_ms: number | null; validate_ms: number | null; time_ms: number | null; slow_prefix: number | null;
      }
    >;
    return rows.map((r, i): EvalRecord => {
      if (r.seq !== i) throw new WasmtuneError('E_DB', `Run ${runId} has a gap in its evaluations at ${i} (found ${r.seq}).`);
      const recipe = JSON.parse(r.recipe_json) as Recipe;
      const cost = { ...(r.build_ms !== null ? { buildMs: r.build_ms } : {}), ...(r.validate_ms !== null ? { validateMs: r.validate_ms } : {}), ...(r.time_ms !== null ? { timeMs: r.time_ms } : {}) };
      if (r.state === 'invalid') {
        return { state: 'invalid', recipe, ...(r.hash ? { hash: r.hash } : {}), reason: r.reason!, detail: r.detail ?? '', cached: r.cached === 1, walltimeMs: r.walltime_ms, ...cost, ...(r.slow_prefix !== null ? { slowPrefix: r.slow_prefix } : {}) };
      }
      const metrics = metricsOf(r as unknown as Parameters<typeof metricsOf>[0]);
      if (r.quick_runtime_ratio !== null) metrics.quickRuntimeRatio = r.quick_runtime_ratio;
      return { state: 'ok', recipe, hash: r.hash!, metrics, score: r.score!, cached: r.cached === 1, walltimeMs: r.walltime_ms, ...cost };
    });
  }

  /** A run's evaluation rows with every column, for export. */
  evaluationRows(runId: number): EvaluationRow[] {
    return this.db.prepare(`SELECT e.run_id AS runId, e.seq, e.recipe_hash AS recipeHash, r.json AS recipe, e.hash, e.state, e.reason, e.detail,
      e.size_bytes AS sizeBytes, e.gzip_bytes AS gzipBytes, e.brotli_bytes AS brotliBytes, e.peak_memory_bytes AS peakMemoryBytes,
      e.declared_memory_bytes AS declaredMemoryBytes, e.data_segment_bytes AS dataSegmentBytes, e.functions, e.quick_runtime_ratio AS quickRuntimeRatio,
      e.score, e.cached, e.settings, e.fingerprint, e.walltime_ms AS walltimeMs, e.build_ms AS buildMs, e.validate_ms AS validateMs, e.time_ms AS timeMs, e.created_at AS createdAt
      FROM evaluations e JOIN recipes r ON r.hash = e.recipe_hash WHERE e.run_id = ? ORDER BY e.seq`).all(runId) as EvaluationRow[];
  }

  /** The tuning loop's store for a run: its committed evaluations, commits, and the kernel's cache. */
  runStore(runId: number): RunStore {
    const run = this.run(runId);
    return {
      committed: this.evaluations(runId),
      commit: (seq, rec) => this.commitEvaluation(runId, seq, rec),
      cache: this.moduleCache(run.kernel.id),
    };
  }

  /** Record a run's result (the tuning loop's report) and mark it done. */
  finishRun(runId: number, result: { recipe: Recipe; hash: string; score: number; report: unknown }): void {
    this.db.transaction(() => {
      const recipe = this.putRecipe(result.recipe);
      this.db.prepare("UPDATE runs SET status = 'done', best_recipe = ?, best_hash = ?, best_score = ?, report = ?, updated_at = ? WHERE id = ?")
        .run(recipe, result.hash, Number.isFinite(result.score) ? result.score : null, JSON.stringify(result.report), now(), runId);
    }).immediate();
  }

  /**
   * Record that a signal stopped a run, with the report written at that point when there is one (the best
   * found so far); the run stays resumable and reads as 'interrupted'.
   */
  interruptRun(runId: number, interruption: Interruption, report?: unknown): void {
    this.db.prepare("UPDATE runs SET status = 'failed', interrupted = ?, error = ?, report = ?, updated_at = ? WHERE id = ?").run(
      JSON.stringify(interruption), `interrupted by ${interruption.signal} after ${interruption.afterEvaluations} evaluations`, report === undefined ? null : JSON.stringify(report), now(), runId);
  }

  /** Record a profile of a kernel (a module under a harness) made on this machine; its id. */
  storeProfile(kernel: KernelIdentity, settings: ProfileSettings, profile: Profile): number {
    const kernelId = this.kernelId(kernel);
    const info = this.db.prepare('INSERT INTO profiles (kernel_id, fingerprint, host, provenance, settings, profile, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      kernelId, this.fingerprint, hostname(), JSON.stringify(profileProvenance()), JSON.stringify(settings), JSON.stringify(profile), now());
    return Number(info.lastInsertRowid);
  }

  /**
   * The newest profile of a module under a harness, by their contents (whatever the module's URI), on any
   * machine; undefined when there is none.
   */
  latestProfile(kernel: Pick<KernelIdentity, 'moduleHash' | 'harnessHash'>): StoredProfile | undefined {
    const r = this.db.prepare(`SELECT p.*, k.uri, k.module_hash, k.harness_hash, k.harness_path FROM profiles p JOIN kernels k ON k.id = p.kernel_id
      WHERE k.module_hash = ? AND k.harness_hash = ? ORDER BY p.id DESC LIMIT 1`).get(kernel.moduleHash, kernel.harnessHash) as
      | { id: number; kernel_id: number; fingerprint: string; host: string; provenance: string; settings: string; profile: string; created_at: string; uri: string; module_hash: string; harness_hash: string; harness_path: string | null }
      | undefined;
    if (!r) return undefined;
    return {
      id: r.id,
      kernel: { id: r.kernel_id, uri: r.uri, moduleHash: r.module_hash, harnessHash: r.harness_hash, ...(r.harness_path ? { harnessPath: r.harness_path } : {}) },
      fingerprint: r.fingerprint, host: r.host, provenance: JSON.parse(r.provenance) as ProfileProvenance, settings: JSON.parse(r.settings) as ProfileSettings,
      profile: JSON.parse(r.profile) as Profile, createdAt: r.created_at,
    };
  }

  /** Mark a run failed (an error stopped it; resuming it is still possible). */
  failRun(runId: number, error: string): void {
    this.db.prepare("UPDATE runs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?").run(error, now(), runId);
  }
}

const RUN_SELECT = `SELECT r.*, k.uri, k.module_hash, k.harness_hash, k.harness_path, br.json AS best_recipe_json,
  (SELECT COUNT(*) FROM evaluations e WHERE e.run_id = r.id) AS n,
  (SELECT COUNT(*) FROM evaluations e WHERE e.run_id = r.id AND e.state = 'invalid') AS n_invalid,
  (SELECT MIN(score) FROM evaluations e WHERE e.run_id = r.id AND e.state = 'ok') AS best_search
  FROM runs r JOIN kernels k ON k.id = r.kernel_id LEFT JOIN recipes br ON br.hash = r.best_recipe`;

function toRunInfo(r: RawRun): RunInfo {
  const gone = r.status === 'running' && r.host === hostname() && r.pid !== null && (r.pid === process.pid ? false : !alive(r.pid));
  const stopped = r.status === 'failed' && r.interrupted !== null ? (JSON.parse(r.interrupted) as Interruption) : null;
  return {
    id: r.id,
    kernel: { id: r.kernel_id, uri: r.uri, moduleHash: r.module_hash, harnessHash: r.harness_hash, ...(r.harness_path ? { harnessPath: r.harness_path } : {}) },
    agent: r.agent, agentOptions: JSON.parse(r.agent_options), seed: r.seed, budget: JSON.parse(r.budget), objective: r.objective, options: JSON.parse(r.options),
    status: gone || stopped ? 'interrupted' : r.status, interrupted: stopped, pid: r.pid, host: r.host, fingerprint: r.fingerprint,
    startedAt: r.started_at, updatedAt: r.updated_at, resumes: r.resumes,
    evaluations: r.n, invalid: r.n_invalid, bestSearchScore: r.best_search,
    best: r.best_recipe_json ? { recipe: JSON.parse(r.best_recipe_json) as Recipe, hash: r.best_hash, score: r.best_score } : null,
    report: r.report ? JSON.parse(r.report) : null, error: r.error,
    leaderboard: r.task !== null && r.leaderboard !== null
      ? { task: r.task, dir: r.leaderboard, ...(r.job_id !== null ? { jobId: r.job_id } : {}), ...(r.worker !== null ? { worker: r.worker } : {}) }
      : null,
  };
}

/** Apply the migrations a database lacks; refuse one from a newer wasmtune. */
function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > SCHEMA_VERSION) {
      throw new WasmtuneError('E_DB_NEWER', `The results database ${path} has schema version ${newest}, written by a newer wasmtune; this one knows versions up to ${SCHEMA_VERSION}. Upgrade wasmtune, or give --db <another file>.`);
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
    }
  }).immediate();
}
