/**
 * What a command of the command line is: a summary, its positional arguments and its option table, all
 * data (help, the README's command reference and the parser read the same tables), and `run`, which
 * imports what the command needs only when it runs. This module and the command definitions import no
 * dependency, so `wasmtune --help` and a usage error load nothing heavy.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { WasmtuneError, didYouMean, messageOf } from '../errors.js';

/** Where a command writes. Tests pass their own; the process uses {@link processIo}. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars). */
  isTTY?: boolean;
}

export const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

/** One flag of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** A one-letter alias (`-o`). */
  readonly short?: string;
  /** The value of a string flag when it is not given (shown in help). A boolean flag is false unless given. */
  readonly default?: string;
  /** How help names the value of a string flag: `<N|90s|5m>`. */
  readonly value?: string;
  /** One line, lower case, no final full stop. */
  readonly description: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** One positional argument of a command. */
export interface PositionalSpec {
  /** As help shows it: `<recipe.json>`. */
  readonly name: string;
  readonly description: string;
  /** Not required (the command checks it itself, or does without). */
  readonly optional?: boolean;
  /** Takes every remaining argument (the last positional only). */
  readonly variadic?: boolean;
}

/** The parsed flags of a command: a boolean, or a string (undefined when absent and without a default). */
export type OptionValues<O extends OptionTable> = {
  -readonly [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K] extends { default: string } ? string : string | undefined;
};

export interface CommandContext<O extends OptionTable> {
  values: OptionValues<O>;
  positionals: string[];
  /** The flags the command line gave (not filled in from defaults). */
  given: ReadonlySet<string>;
  /** The whole command line after `wasmtune` (recorded by commands that write results). */
  argv: readonly string[];
  io: Io;
}

export interface Command<O extends OptionTable = OptionTable> {
  /** One line for `wasmtune --help`, lower case, no final full stop. */
  readonly summary: string;
  /** Synopses after `wasmtune <command>` when the positionals alone do not say it all. */
  readonly usage?: readonly string[];
  readonly positionals: readonly PositionalSpec[];
  readonly options: O;
  /** Paragraphs for `wasmtune <command> --help`, after the options. */
  readonly notes?: readonly string[];
  /** Runs the command; imports its dependencies itself (dynamic import), never at module load. */
  run(ctx: CommandContext<O>): Promise<number>;
}

/** Declares a command; the option table keeps its literal types so `run` gets typed values. */
export function defineCommand<const O extends OptionTable>(command: Command<O>): Command<O> {
  return command;
}

/** Every command takes --help. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/** The flag as a user writes it: `--out`. */
export const flag = (name: string) => `--${name}`;

export type ParsedArgs =
  | { help: true }
  | { help: false; values: Record<string, string | boolean | undefined>; positionals: string[]; given: ReadonlySet<string> };

/**
 * Parse a command's arguments against its table (strict): a flag the command does not take is E_USAGE,
 * naming the command and the closest flag it does take, and the commands that take the flag, if any.
 */
export function parseCommandArgs(name: string, command: Command, args: readonly string[], others: ReadonlyMap<string, readonly string[]> = new Map()): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: HELP_OPTION.type, short: HELP_OPTION.short! } };
  for (const [k, o] of Object.entries(command.options)) {
    const fallback = o.type === 'boolean' ? false : o.default;
    options[k] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(fallback !== undefined ? { default: fallback } : {}) };
  }
  const see = `See 'wasmtune ${name} --help'.`;
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option' || Object.hasOwn(options, t.name)) continue;
    const known = Object.keys(command.options).map(flag);
    const elsewhere = others.get(t.name);
    const owners = elsewhere?.length ? ` (an option of ${elsewhere.map((c) => `'wasmtune ${c}'`).join(' and ')})` : '';
    throw new WasmtuneError('E_USAGE', `Unknown option '${t.rawName}' for 'wasmtune ${name}'${owners}.${t.rawName.startsWith('--') ? didYouMean(t.rawName, known) : ''} ${see}`);
  }
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { help: true };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new WasmtuneError('E_USAGE', `${messageOf(e).trim().replace(/\s*\n\s*/g, ' ')} ${see}`);
  }
  const { help: _help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  const takes = command.positionals;
  const required = takes.filter((p) => !p.optional);
  if (parsed.positionals.length < required.length) {
    const missing = required.slice(parsed.positionals.length).map((p) => p.name).join(' ');
    throw new WasmtuneError('E_USAGE', `'wasmtune ${name}' needs ${missing}. ${see}`);
  }
  if (!takes.at(-1)?.variadic && parsed.positionals.length > takes.length) {
    const extra = parsed.positionals.slice(takes.length).map((p) => `'${p}'`).join(', ');
    throw new WasmtuneError('E_USAGE', `'wasmtune ${name}' takes ${takes.length ? takes.map((p) => p.name).join(' ') : 'no arguments'}, not also ${extra}. ${see}`);
  }
  const given = new Set(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
  return { help: false, values, positionals: parsed.positionals, given };
}
