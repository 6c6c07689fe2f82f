/** The results database: runs, evaluations and the content-hash cache in one SQLite file. */
export { ResultsDb, DEFAULT_DB_FILE, BUSY_TIMEOUT_MS } from './database.js';
export { describeMachine, machineFingerprint } from './fingerprint.js';
export { kernelIdentity } from './kernel-identity.js';
export { salvage, isCorruption } from './salvage.js';
export { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
export type { EvaluationRow, KernelIdentity, LeaderboardRowInfo, LeaderboardRowKey, LeaderboardTag, NewRun, PortableRun, ProfileProvenance, RunInfo, RunStatus, StoredProfile } from './database.js';
export type { MachineDescription } from './fingerprint.js';
export type { Salvage } from './salvage.js';
export type { Migration } from './schema.js';
