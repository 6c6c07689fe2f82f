import { WasmtuneError } from '../src/errors.js';
import { main, type Io } from '../src/cli/main.js';

/** Run the CLI in-process, capturing output. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The WasmtuneError that `f` throws (any other error is rethrown; no error fails the test). */
export function errorOf(f: () => unknown): WasmtuneError {
  try {
    f();
  } catch (e) {
    if (e instanceof WasmtuneError) return e;
    throw e;
  }
  throw new Error('expected an error');
}
