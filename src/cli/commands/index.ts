/**
 * The commands, in the order `wasmtune --help` lists them. The names are the keys; each definition is
 * light (its option table and a `run` that imports what it needs), so loading them all costs little.
 */
import type { Command, OptionTable } from '../command.js';
import { agents } from './agents.js';
import { apply } from './apply.js';
import { baselines } from './baselines.js';
import { check } from './check.js';
import { exportRun } from './export.js';
import { features } from './features.js';
import { kernels } from './kernels.js';
import { leaderboard } from './leaderboard.js';
import { passes } from './passes.js';
import { profile } from './profile.js';
import { replay } from './replay.js';
import { report } from './report.js';
import { runs } from './runs.js';
import { select } from './select.js';
import { show } from './show.js';
import { simd } from './simd.js';
import { train } from './train.js';
import { tune } from './tune.js';
import { worker } from './worker.js';

export const COMMANDS = {
  check,
  tune,
  runs,
  show,
  export: exportRun,
  baselines,
  profile,
  simd,
  replay,
  apply,
  leaderboard,
  worker,
  report,
  features,
  train,
  select,
  kernels,
  passes,
  agents,
} as const;

export type CommandName = keyof typeof COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** A command's definition, with its option table widened (for help and parsing). */
export function commandOf(name: CommandName): Command<OptionTable> {
  return COMMANDS[name] as unknown as Command<OptionTable>;
}
