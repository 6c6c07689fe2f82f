/**
 * Shared by the kill tests and `npm run fuzz`: run `wasmtune tune` as a process into a database and
 * kill -9 it (or send another signal) at a chosen point, and read a run's progress from the database meanwhile.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { spawnCli } from '../../src/queue/spawn.js';

/** Evaluations committed to the newest run of a database (0 before the database or a run exists). */
export function committed(file: string): { run: number | undefined; evaluations: number } {
  if (!existsSync(file)) return { run: undefined, evaluations: 0 };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, timeout: 5_000 });
    const r = db.prepare('SELECT id, (SELECT COUNT(*) FROM evaluations e WHERE e.run_id = runs.id) AS n FROM runs ORDER BY id DESC LIMIT 1').get() as { id: number; n: number } | undefined;
    return { run: r?.id, evaluations: r?.n ?? 0 };
  } catch {
    return { run: undefined, evaluations: 0 }; // not created yet, or its schema is being created
  } finally {
    db?.close();
  }
}

/**
 * Start `wasmtune <args>` and send it `signal` once `at(evaluationsCommitted)` says so (polled every few
 * ms), or let it finish. Resolves with what happened and what it printed.
 */
export function runAndSignal(
  args: string[], dbFile: string, at: (evaluations: number) => boolean, signal: NodeJS.Signals,
): Promise<{ sent: boolean; code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => void (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => void (stderr += d));
  return new Promise((resolve) => {
    let sent = false;
    const timer = setInterval(() => {
      if (!sent && at(committed(dbFile).evaluations)) {
        sent = true;
        child.kill(signal);
      }
    }, 5);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ sent, code, stdout, stderr });
    });
  });
}

/** {@link runAndSignal} with SIGKILL. */
export async function runAndKill(args: string[], dbFile: string, killAt: (evaluations: number) => boolean): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const { sent, code, stderr } = await runAndSignal(args, dbFile, killAt, 'SIGKILL');
  return { killed: sent, code, stderr };
}
