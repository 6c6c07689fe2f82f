/** Start `wasmtune …` as a child process: from dist/ when it is the build of the current sources, else through tsx. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { childEntry } from '../proc/child.js';

export function spawnCli(args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const entry = childEntry(import.meta.url, '../cli/bin');
  return spawn(process.execPath, [...entry.execArgv, entry.file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
}
