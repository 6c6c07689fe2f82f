/**
 * The results database's schema, as versioned migrations. A database records the migrations applied to
 * it in `schema_migrations`; opening one runs the missing ones in order, each in its own transaction, and
 * refuses a database that has a version this build does not know (it was written by a newer wasmtune).
 *
 * Every column says who sets it:
 *   loader      the kernel loader (src/kernels): URIs, content hashes of the module and harness
 *   agent       the search agent: the recipe it proposed
 *   builder     Binaryen in the builder process: the module, or why none could be built
 *   validator   Binaryen's validator and the differential check on the harness seeds
 *   measurement sizes (src/measure/size.ts) and the runner's interleaved timing
 *   objective   the score computed from the metrics (src/evaluate/objective.ts)
 *   loop        the tuning loop (src/search/tune.ts) and the command that started it
 *   leaderboard the leaderboard harness (src/leaderboard/run.ts) and its collector
 *   queue       a queue worker (src/queue/worker.ts)
 *   profiler    `wasmtune profile` (src/measure/profile.ts and the command that ran it)
 *   database    SQLite itself (row ids, defaults)
 * Times are ISO 8601 UTC text; sizes in bytes; durations in ms.
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'kernels, recipes, modules, measurements, runs, evaluations',
    sql: `
CREATE TABLE kernels (
  id            INTEGER PRIMARY KEY,          -- database
  uri           TEXT NOT NULL,                -- loader: kernel://suite/name, or file://path of a module
  module_hash   TEXT NOT NULL,                -- loader: content hash of the original module's bytes
  harness_hash  TEXT NOT NULL,                -- loader: content hash of the harness file ('' without one)
  harness_path  TEXT,                         -- loader: where the harness was read (informative)
  created_at    TEXT NOT NULL,                -- database
  UNIQUE (uri, module_hash, harness_hash)
);

CREATE TABLE recipes (
  hash  TEXT PRIMARY KEY,                     -- agent: recipeHash(recipe)
  json  TEXT NOT NULL                         -- agent: the recipe as canonical JSON (recipeToJson)
);

-- The evaluator's content-hash cache: what validation and size measurement found for a module, per
-- kernel (validity depends on the kernel's harness). Shared by every run and agent on the kernel.
-- Failures that depend on the machine's load (timeout, runner crash) are never stored.
CREATE TABLE modules (
  kernel_id              INTEGER NOT NULL REFERENCES kernels(id),  -- loader
  hash                   TEXT NOT NULL,     -- builder: content hash of the module's bytes
  state                  TEXT NOT NULL CHECK (state IN ('ok', 'invalid')),  -- validator
  reason                 TEXT,              -- validator: why invalid (an InvalidReason)
  detail                 TEXT,              -- validator: the first difference, trap or message
  bytes                  BLOB,              -- builder: the module (valid modules only)
  size_bytes             INTEGER,           -- measurement
  gzip_bytes             INTEGER,           -- measurement
  brotli_bytes           INTEGER,           -- measurement
  peak_memory_bytes      INTEGER,           -- measurement: linear memory after a run (runner)
  declared_memory_bytes  INTEGER,           -- builder: declared initial memory
  data_segment_bytes     INTEGER,           -- builder
  functions              INTEGER,           -- builder
  created_at             TEXT NOT NULL,     -- database
  PRIMARY KEY (kernel_id, hash)
);

-- Quick runtime ratios (candidate / baseline, median of interleaved rounds). Reused only for the same
-- baseline, measurement settings and machine fingerprint.
CREATE TABLE measurements (
  kernel_id      INTEGER NOT NULL REFERENCES kernels(id),  -- loader
  baseline_hash  TEXT NOT NULL,              -- loop: the module ratios are measured against (-O3's)
  hash           TEXT NOT NULL,              -- builder: the candidate module
  settings       TEXT NOT NULL,              -- measurement: rounds, iterations, round time (JSON)
  fingerprint    TEXT NOT NULL REFERENCES machines(fingerprint),  -- measurement: the machine
  ratio          REAL NOT NULL,              -- measurement
  created_at     TEXT NOT NULL,              -- database
  PRIMARY KEY (kernel_id, baseline_hash, hash, settings, fingerprint)
);

CREATE TABLE machines (
  fingerprint  TEXT PRIMARY KEY,             -- measurement: hash of the description
  description  TEXT NOT NULL                 -- measurement: CPU model, cores, Node and V8 versions, V8 flags (JSON)
);

CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,        -- database
  kernel_id      INTEGER NOT NULL REFERENCES kernels(id),  -- loader
  agent          TEXT NOT NULL,              -- loop: the agent's name
  agent_options  TEXT NOT NULL,              -- loop: JSON
  seed           INTEGER NOT NULL,           -- loop
  budget         TEXT NOT NULL,              -- loop: JSON {evaluations?, durationMs?}
  objective      TEXT NOT NULL,              -- loop: as --objective takes it
  options        TEXT NOT NULL,              -- loop: everything needed to recreate the run (JSON; the command's options)
  status         TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),  -- loop
  pid            INTEGER,                    -- loop: the process working on the run
  host           TEXT,                       -- loop: the machine's host name
  fingerprint    TEXT REFERENCES machines(fingerprint),  -- measurement: the machine
  started_at     TEXT NOT NULL,              -- loop
  updated_at     TEXT NOT NULL,              -- loop: last commit of an evaluation or status
  resumes        INTEGER NOT NULL DEFAULT 0, -- loop: times the run was resumed
  best_recipe    TEXT REFERENCES recipes(hash),  -- loop: the reported best (done runs)
  best_hash      TEXT,                       -- loop: its module
  best_score     REAL,                       -- loop: scoreVsBaseline of the report
  report         TEXT,                       -- loop: the full report (JSON; done runs)
  error          TEXT                        -- loop: why the run failed
);

-- One row per search evaluation of a run, in the order the agent proposed them (baselines are not
-- evaluations). Committed before the agent sees the record, so a resumed run can replay them.
CREATE TABLE evaluations (
  run_id                 INTEGER NOT NULL REFERENCES runs(id),  -- loop
  seq                    INTEGER NOT NULL,   -- loop: 0-based position in the run
  recipe_hash            TEXT NOT NULL REFERENCES recipes(hash),  -- agent
  hash                   TEXT,               -- builder: the module (null when none was built)
  state                  TEXT NOT NULL CHECK (state IN ('ok', 'invalid')),  -- validator
  reason                 TEXT,               -- builder / validator: an InvalidReason
  detail                 TEXT,               -- builder / validator
  size_bytes             INTEGER,            -- measurement
  gzip_bytes             INTEGER,            -- measurement
  brotli_bytes           INTEGER,            -- measurement
  peak_memory_bytes      INTEGER,            -- measurement (runner)
  declared_memory_bytes  INTEGER,            -- builder
  data_segment_bytes     INTEGER,            -- builder
  functions              INTEGER,            -- builder
  quick_runtime_ratio    REAL,               -- measurement: runtime objectives only
  score                  REAL,               -- objective: lower is better (ok only)
  cached                 INTEGER NOT NULL,   -- loop: 1 when no build or measurement was needed
  settings               TEXT,               -- measurement: settings of the runtime ratio (JSON)
  fingerprint            TEXT,               -- measurement: machine of the runtime ratio
  walltime_ms            REAL NOT NULL,      -- loop
  created_at             TEXT NOT NULL,      -- database
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX evaluations_by_module ON evaluations (hash);
`,
  },
  {
    version: 2,
    name: 'leaderboard runs and rows',
    sql: `
-- A run that is one row of a leaderboard says so (all null for a 'tune' run). Its kernel, agent and
-- seed are the row's key.
ALTER TABLE runs ADD COLUMN task TEXT;         -- leaderboard: the task's name
ALTER TABLE runs ADD COLUMN leaderboard TEXT;  -- leaderboard: its output directory, on the collector's machine
ALTER TABLE runs ADD COLUMN job_id TEXT;       -- queue: the job the run did (queue leaderboards only)
ALTER TABLE runs ADD COLUMN worker TEXT;       -- queue: the worker that ran it (host:pid)
CREATE INDEX runs_by_job ON runs (job_id) WHERE job_id IS NOT NULL;

-- The rows a leaderboard collected, as its results.jsonl has them: one per (leaderboard, task, kernel,
-- agent, seed). Recording a row again replaces it, so a result reported twice is one row. A queue row's
-- run (made on a worker) is copied into this database with its evaluations.
CREATE TABLE leaderboard_rows (
  leaderboard  TEXT NOT NULL,                -- leaderboard: output directory
  task         TEXT NOT NULL,                -- leaderboard
  kernel       TEXT NOT NULL,                -- leaderboard: as the task names it
  agent        TEXT NOT NULL,                -- leaderboard
  seed         INTEGER NOT NULL,             -- leaderboard
  run_id       INTEGER REFERENCES runs(id),  -- leaderboard: the row's run here (null: it failed before tuning began)
  job_id       TEXT,                         -- queue: the job
  worker       TEXT,                         -- queue: the worker that ran it
  ratio        REAL,                         -- leaderboard: the row's ratio to the task's baseline (null: failed)
  row          TEXT NOT NULL,                -- leaderboard: the row (JSON, as in results.jsonl)
  recorded_at  TEXT NOT NULL,                -- database
  PRIMARY KEY (leaderboard, task, kernel, agent, seed)
);
`,
  },
  {
    version: 3,
    name: 'interrupted runs, where each evaluation spent its time',
    sql: `
-- A run stopped by a signal is stored with status 'failed' and says so here (it reads as 'interrupted');
-- its report is the one written at the interruption, until a resume replaces it.
ALTER TABLE runs ADD COLUMN interrupted TEXT;        -- loop: JSON {signal, afterEvaluations}; null otherwise

-- An evaluation's time by part (null in rows recorded before these existed): the parts that did not
-- happen are 0 (a recipe seen before builds nothing; a module already validated is not validated again).
ALTER TABLE evaluations ADD COLUMN build_ms REAL;     -- builder: Binaryen running the recipe
ALTER TABLE evaluations ADD COLUMN validate_ms REAL;  -- validator: Binaryen's validator and the differential check
ALTER TABLE evaluations ADD COLUMN time_ms REAL;      -- measurement: the quick runtime ratio (runtime objectives)
`,
  },
  {
    version: 4,
    name: 'the prefix of a too-slow build',
    sql: `
-- A build stopped at its CPU-time limit ('too-slow') names how many leading steps were too slow, so a
-- resumed run skips every recipe that starts with them, as the uninterrupted run did.
ALTER TABLE evaluations ADD COLUMN slow_prefix INTEGER;  -- builder: steps up to the one the build was stopped in
`,
  },
  {
    version: 5,
    name: 'profiles of a module under its harness',
    sql: `
-- Where a module's workload spends its time, function by function ('wasmtune profile'): the first step
-- of tuning functions separately. A module and harness may be profiled many times; the newest counts.
CREATE TABLE profiles (
  id           INTEGER PRIMARY KEY,                     -- database
  kernel_id    INTEGER NOT NULL REFERENCES kernels(id), -- loader: the module's URI and content hash, the harness's hash and path
  fingerprint  TEXT NOT NULL REFERENCES machines(fingerprint),  -- measurement: the machine, as runs record it
  host         TEXT NOT NULL,                           -- profiler: the machine's host name
  provenance   TEXT NOT NULL,                           -- measurement: machine and Node version as benchmarks print them, wasmtune's version (JSON)
  settings     TEXT NOT NULL,                           -- profiler: seed, minimum run time and runs, sampling interval, hot threshold (JSON)
  profile      TEXT NOT NULL,                           -- profiler: the Profile (JSON; src/measure/profile.ts)
  created_at   TEXT NOT NULL                            -- database
);
CREATE INDEX profiles_by_kernel ON profiles (kernel_id, id);
`,
  },
];

/** The newest schema this build knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     INTEGER PRIMARY KEY,             -- database: the migration applied
  name        TEXT NOT NULL,                   -- database
  applied_at  TEXT NOT NULL                    -- database
)`;
