/**
 * The command line as a function: `main(argv, io)` returns the exit code and never calls process.exit,
 * so tests call it directly. Only this file turns errors into exit codes: 2 for a usage error, 1 for any
 * other error a user can act on, 70 for a bug. A command's dependencies load when it runs, so help and
 * usage errors are quick.
 */
import { WasmtuneError, didYouMean } from '../errors.js';
import { parseCommandArgs, processIo, type Io, type OptionTable, type OptionValues } from './command.js';
import { COMMAND_NAMES, commandOf, isCommandName, type CommandName } from './commands/index.js';
import { commandHelp, overviewHelp } from './help.js';

export { processIo, type Io };

/** Names a user may remember from earlier versions, and what to use instead. */
const RENAMED: Readonly<Record<string, string>> = {
  sweep: "model selection is 'wasmtune select' (sweep is a search agent: 'wasmtune tune --agent sweep')",
};

function commandNamed(name: string): CommandName {
  if (isCommandName(name)) return name;
  const hint = Object.hasOwn(RENAMED, name) ? ` ${capitalised(RENAMED[name]!)}.` : didYouMean(name, COMMAND_NAMES);
  throw new WasmtuneError('E_USAGE', `Unknown command '${name}'.${hint} See 'wasmtune --help'.`);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** For each flag, the commands that take it (to point a user who gave it to the wrong command). */
function flagOwners(): Map<string, CommandName[]> {
  const owners = new Map<string, CommandName[]>();
  for (const n of COMMAND_NAMES) for (const k of Object.keys(commandOf(n).options)) owners.set(k, [...(owners.get(k) ?? []), n]);
  return owners;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stdout(overviewHelp());
      return 2;
    }
    if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
      io.stdout(overviewHelp());
      return 0;
    }
    if (first === 'help') {
      if (rest.length > 1) throw new WasmtuneError('E_USAGE', "'wasmtune help' takes one command: 'wasmtune help tune'.");
      io.stdout(commandHelp(commandNamed(rest[0]!)));
      return 0;
    }
    if (first.startsWith('-')) throw new WasmtuneError('E_USAGE', `The command comes first: 'wasmtune <command> ${first} …'. See 'wasmtune --help'.`);
    const name = commandNamed(first);
    const command = commandOf(name);
    const parsed = parseCommandArgs(name, command, rest, flagOwners());
    if (parsed.help) {
      io.stdout(commandHelp(name));
      return 0;
    }
    // The parser read the values with this command's own table, so they have the types its run expects.
    const values = parsed.values as unknown as OptionValues<OptionTable>;
    return await command.run({ values, positionals: parsed.positionals, given: parsed.given, argv, io });
  } catch (e) {
    if (e instanceof WasmtuneError) {
      io.stderr(`wasmtune: error ${e.code}: ${e.message}\n`);
      return e.code === 'E_USAGE' ? 2 : 1;
    }
    io.stderr(`wasmtune: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return 70;
  }
}
