// What some tests need that a fresh machine may lack: programs they drive (Chromium, redis-server), or
// the time of a CI run. A group of tests that needs one is declared with `describeRequiring`: when it is
// missing, the group is skipped, its name says why, and a warning in the test output names the one
// command that enables it.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe } from 'vitest';

export interface Requirement {
  /** Why it is missing; undefined when it is present. */
  missing: string | undefined;
  /** The one command that enables the tests that need it. */
  enable: string;
}

/** Meets every requirement at once: installs the missing programs, then runs the whole suite with CI set. */
const ENABLE_ALL = 'bash .ci/run';

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Debian's Chromium, at the path the browser tests launch. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM: Requirement = {
  missing: existsSync(CHROMIUM_PATH) ? undefined : `no browser at ${CHROMIUM_PATH}`,
  enable: 'apt-get install -y chromium',
};

export const REDIS_SERVER: Requirement = {
  missing: onPath('redis-server') ? undefined : 'no redis-server on PATH',
  enable: 'apt-get install -y redis-server',
};

/**
 * A CI run (CI set, and not to 0 or false, as CI services and .ci/run do), for tests too slow for every
 * local run: `slowBecause` says what takes the time, `file` is the test file to run on its own.
 */
export function ciRun(slowBecause: string, file: string): Requirement {
  const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
  return { missing: ci ? undefined : `CI is not set, and ${slowBecause}`, enable: `CI=1 npx vitest run ${file}` };
}

/** What a skipped group is reported with: why, and how to enable it. */
export function skipReason(req: Requirement): string {
  return `skipped: ${req.missing}; enable with \`${req.enable}\` (or \`${ENABLE_ALL}\`, which meets every test requirement and runs the suite)`;
}

/**
 * `describe(name, fn)` when `req` is met; otherwise the group is skipped, its name carries the reason,
 * and a warning printed while the file is collected (vitest's default reporter shows it under the file's
 * name) says which group was skipped and the command that enables it.
 */
export function describeRequiring(req: Requirement, name: string, fn: () => void): void {
  if (req.missing === undefined) {
    describe(name, fn);
    return;
  }
  console.warn(`wasmtune tests: "${name}" ${skipReason(req)}`);
  describe.skip(`${name} (${skipReason(req)})`, fn);
}
