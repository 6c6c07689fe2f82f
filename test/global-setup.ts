// Before any test file (and before each rerun in watch mode): make dist/ the build of the current
// sources, so child processes (Binaryen, the runner) start from compiled JavaScript instead of through
// tsx (see src/proc/compiled.ts). When the build cannot be made, children run from source: slower, never
// stale.
import type { TestProject } from 'vitest/node';
import { updateCompiled } from '../src/proc/compiled.js';
import { messageOf } from '../src/errors.js';

function update(): void {
  try {
    const r = updateCompiled();
    if (r.rebuilt) console.log(`wasmtune: rebuilt dist/ from the current sources for child processes (${(r.ms / 1000).toFixed(1)} s)`);
  } catch (e) {
    console.warn(`wasmtune: could not build dist/, child processes run from source through tsx (slow): ${messageOf(e)}`);
  }
}

export default function setup(project: TestProject): void {
  update();
  project.onTestsRerun(update);
}
