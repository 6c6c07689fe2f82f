/** The results database as the commands name it: the file, and run ids. */
import { resolve } from 'node:path';
import { WasmtuneError } from '../errors.js';
import { DEFAULT_DB_FILE } from '../db/index.js';

/** The database file: --db, else $WASMTUNE_DB, else .wasmtune/wasmtune.db under the working directory. */
export function dbFile(values: { db?: string | undefined }): string {
  return resolve(values.db ?? process.env.WASMTUNE_DB ?? DEFAULT_DB_FILE);
}

/** A run id from the command line. */
export function parseRunId(text: string | undefined, command: string): number {
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id < 1) throw new WasmtuneError('E_USAGE', `${command} takes a run id (a whole number; 'wasmtune runs' lists them), got '${text ?? ''}'.`);
  return id;
}
