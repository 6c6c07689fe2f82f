/**
 * Help, generated from the command tables: `wasmtune --help` (the commands), `wasmtune <command> --help`
 * (its usage, arguments and options), and the same reference as Markdown for the README's command block.
 */
import { WasmtuneError } from '../errors.js';
import { HELP_OPTION, flag, type Command, type OptionSpec } from './command.js';
import { COMMAND_NAMES, commandOf, type CommandName } from './commands/index.js';

const WIDTH = 100;

/** Where the command reference goes in README.md. */
export const README_MARKERS = { start: '<!-- commands:start -->', end: '<!-- commands:end -->' } as const;

function synopses(name: CommandName, c: Command): string[] {
  if (c.usage) return c.usage.map((u) => `wasmtune ${name} ${u}`);
  const args = c.positionals.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return [['wasmtune', name, ...args, ...(Object.keys(c.options).length ? ['[options]'] : [])].join(' ')];
}

function flagText(name: string, o: OptionSpec): string {
  const long = o.type === 'string' ? `${flag(name)} ${o.value ?? '<value>'}` : flag(name);
  return o.short ? `-${o.short}, ${long}` : long;
}

function describe(o: OptionSpec): string {
  return o.default !== undefined ? `${o.description} (default ${o.default})` : o.description;
}

/** `text` in lines of at most `width` characters (a longer word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Two columns: terms on the left, wrapped descriptions on the right. */
function columns(rows: ReadonlyArray<readonly [string, string]>, indent = 2, maxTerm = 32): string {
  const termWidth = Math.min(maxTerm, Math.max(...rows.map(([t]) => t.length)));
  const pad = ' '.repeat(indent + termWidth + 2);
  const out: string[] = [];
  for (const [term, text] of rows) {
    const lines = wrap(text, WIDTH - pad.length);
    if (term.length > termWidth) out.push(' '.repeat(indent) + term, ...lines.map((l) => pad + l));
    else out.push(' '.repeat(indent) + term.padEnd(termWidth + 2) + (lines[0] ?? ''), ...lines.slice(1).map((l) => pad + l));
  }
  return out.join('\n');
}

/** `wasmtune --help`. */
export function overviewHelp(): string {
  return [
    'wasmtune: search for the Binaryen pass sequence that makes each WebAssembly module smallest or fastest',
    '',
    'Usage: wasmtune <command> [options]',
    '',
    'Commands:',
    columns(COMMAND_NAMES.map((n) => [n, commandOf(n).summary])),
    '',
    "'wasmtune <command> --help' (or 'wasmtune help <command>') shows a command's arguments and options.",
    '',
  ].join('\n');
}

/** `wasmtune <command> --help`. */
export function commandHelp(name: CommandName): string {
  const c = commandOf(name);
  const [first, ...rest] = synopses(name, c);
  const parts = [`Usage: ${first}`, ...rest.map((s) => `       ${s}`), '', wrap(capitalised(c.summary) + '.', WIDTH).join('\n')];
  if (c.positionals.length) parts.push('', 'Arguments:', columns(c.positionals.map((p) => [p.name, p.description])));
  const options = [...Object.entries(c.options), ['help', HELP_OPTION] as const];
  parts.push('', 'Options:', columns(options.map(([k, o]) => [flagText(k, o), describe(o)])));
  for (const note of c.notes ?? []) parts.push('', wrap(note, WIDTH).join('\n'));
  return parts.join('\n') + '\n';
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A flag as a synopsis shows it: `[--budget <N|90s|5m>]`, `[--json]`. */
function synopsisFlag(name: string, o: OptionSpec): string {
  return `[${o.type === 'string' ? `${flag(name)} ${o.value ?? '<value>'}` : flag(name)}]`;
}

/**
 * A command's synopses with `[options]` spelt out: every flag the line does not already name, but for
 * flags that open another synopsis of their own (`tune --resume <run>`).
 */
function fullSynopses(name: CommandName, c: Command): string[] {
  const lines = synopses(name, c);
  const named = (line: string, k: string, o: OptionSpec) => new RegExp(`(^|[\\s\\[])(${flag(k)}${o.short ? `|-${o.short}` : ''})(?=[\\s\\]=]|$)`).test(line);
  const opening = new Set(lines.slice(1).flatMap((l) => Object.keys(c.options).filter((k) => l.split(' ')[2] === flag(k))));
  return lines.map((line) => {
    if (!line.includes('[options]')) return line;
    const rest = Object.entries(c.options).filter(([k, o]) => !opening.has(k) && !named(line, k, o)).map(([k, o]) => synopsisFlag(k, o));
    return line.replace('[options]', rest.join(' '));
  });
}

/** The words of a synopsis: spaces inside `[…]` and `<…>` do not split. */
function synopsisWords(line: string): string[] {
  const words: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of line) {
    if (ch === ' ' && depth === 0) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    if (ch === '[' || ch === '<') depth++;
    else if ((ch === ']' || ch === '>') && depth > 0) depth--;
    word += ch;
  }
  if (word) words.push(word);
  return words;
}

/** A synopsis of `wasmtune <name>` in lines of at most WIDTH characters, continued under its first argument. */
function wrapSynopsis(name: string, line: string): string[] {
  const indent = ' '.repeat(`wasmtune ${name} `.length);
  const out: string[] = [];
  let cur = '';
  for (const w of synopsisWords(line)) {
    if (cur.length > indent.length && cur.length + 1 + w.length > WIDTH) {
      out.push(cur);
      cur = indent + w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  out.push(cur);
  return out;
}

/**
 * The command reference as Markdown, for README.md's commands block: every command's synopses with every
 * flag, in a code block (`wasmtune <command> --help` describes each flag and its default).
 */
export function commandsMarkdown(): string {
  const lines = COMMAND_NAMES.flatMap((name) => fullSynopses(name, commandOf(name)).flatMap((l) => wrapSynopsis(name, l)));
  return ['```', ...lines, '```', ''].join('\n');
}

/**
 * `readme` with the text between its commands markers replaced by `block`. Throws when the markers are
 * missing or out of order.
 */
export function replaceCommandsBlock(readme: string, block: string): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start) throw new WasmtuneError('E_USAGE', `README.md needs the lines ${README_MARKERS.start} and ${README_MARKERS.end}, in that order, around the command reference.`);
  return `${readme.slice(0, start + README_MARKERS.start.length)}\n${block}${readme.slice(end)}`;
}

/** The text between the commands markers of `readme`, or undefined without them. */
export function commandsBlockOf(readme: string): string | undefined {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + README_MARKERS.start.length + 1, end);
}
