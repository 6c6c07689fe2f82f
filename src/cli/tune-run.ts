/**
 * The database side of one `tune`: a new run, recorded as its evaluations are made, or an interrupted run
 * (`tune --resume <run>`) taken over by this process, whose stored evaluations are replayed to the fresh
 * agent.
 */
import { WasmtuneError, messageOf } from '../errors.js';
import { ResultsDb, kernelIdentity } from '../db/index.js';
import type { Recipe } from '../recipe/recipe.js';
import type { Kernel } from '../kernels/index.js';
import type { EvalRecord, Interruption, RunStore, TuneReport } from '../types.js';
import { describeObjective } from '../evaluate/objective.js';
import { settingsFromStore, storedSettings, type TuneRequest, type TuneSettings } from './tune-settings.js';

/**
 * The request stored with run `runId`, to resume it. A leaderboard's run is resumed by its leaderboard,
 * a finished or running one not at all (E_USAGE).
 */
export function storedRequest(file: string, runId: number): TuneRequest {
  const db = ResultsDb.open(file, { mustExist: true });
  try {
    const run = db.run(runId);
    if (run.leaderboard) {
      throw new WasmtuneError('E_USAGE', `Run ${runId} is a row of the leaderboard ${run.leaderboard.task} in ${run.leaderboard.dir}: 'wasmtune leaderboard --resume' (with the same options) runs its missing rows again.`);
    }
    if (run.status === 'done') throw new WasmtuneError('E_USAGE', `Run ${runId} is finished: 'wasmtune show ${runId}' shows its result, 'wasmtune export ${runId} --json' its report.`);
    return settingsFromStore(run.options, runId);
  } finally {
    db.close();
  }
}

export interface TuneRun {
  /** The run's id once it exists (it is created with its first evaluation). */
  readonly id: () => number | undefined;
  readonly store: RunStore;
  readonly file: string;
  finish(report: TuneReport): void;
  /**
   * Record that a signal stopped the run (creating it when nothing was committed yet, so that it can be
   * resumed), with the report of the best found so far when there is one; the run's id.
   */
  interrupt(interruption: Interruption, report?: TuneReport): number;
  fail(error: unknown): void;
  close(): void;
}

/**
 * A new run in `file` (created when its first evaluation is committed, so a command that fails before
 * searching leaves no run behind), or, with `resumeId`, the interrupted run taken over. The kernel must be
 * the same as when the run began.
 */
export function openTuneRun(file: string, kernel: Kernel, settings: TuneSettings, resumeId?: number): TuneRun {
  const db = ResultsDb.open(file);
  try {
    const identity = kernelIdentity(kernel);
    let id: number | undefined;
    let committed: EvalRecord[] = [];
    if (resumeId !== undefined) {
      const run = db.claimRun(resumeId);
      if (run.kernel.moduleHash !== identity.moduleHash || run.kernel.harnessHash !== identity.harnessHash) {
        db.failRun(resumeId, 'the module or harness changed');
        throw new WasmtuneError('E_RESUME_MISMATCH', `Cannot resume run ${resumeId}: ${run.kernel.uri}'s ${run.kernel.moduleHash !== identity.moduleHash ? 'module' : 'harness'} changed since the run began.`);
      }
      id = resumeId;
      committed = db.evaluations(resumeId);
    }
    const meta = { agent: settings.agent, agentOptions: settings.agentOptions, seed: settings.seed, budget: settings.budget, objective: describeObjective(settings.objective) };
    const create = () => (id ??= db.createRun({ kernel: identity, ...meta, options: storedSettings(settings) }));
    const store: RunStore = {
      committed,
      commit: (seq, rec) => db.commitEvaluation(create(), seq, rec),
      cache: db.moduleCache(db.kernelId(identity)),
    };
    return {
      id: () => id,
      store,
      file,
      finish: (report) => db.finishRun(create(), { recipe: report.best.recipe as Recipe, hash: report.best.hash, score: report.best.scoreVsBaseline, report }),
      interrupt: (interruption, report) => {
        const runId = create();
        db.interruptRun(runId, interruption, report);
        return runId;
      },
      fail: (e) => {
        if (id !== undefined) db.failRun(id, messageOf(e));
      },
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
