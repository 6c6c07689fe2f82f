// gofmt (Go's formatter, go/format, compiled by TinyGo) from the @wasm-fmt/gofmt package, run through the
// package's own binding on the module under test.
//
// The module imports nothing: TinyGo's wasm-unknown target makes a "reactor" whose `_initialize` export
// runs Go's package initialisers. The package's loaders (gofmt_node.js, gofmt_web.js's initSync) each
// instantiate it once, into a variable of their ES module, and keep that instance for good: an ES module
// is evaluated once per process, and a copy imported under another URL is never freed (with it, the
// instance and its memory). So each run does what those loaders do, on the module the runner compiled
// (ctx.module): a new instance, then `_initialize()`. The text goes through the package's binding,
// gofmt_binding.js, whose `format(exports, source)` is what every loader of the package calls: it copies
// the source into the instance's memory (`alloc`), calls `format`, reads the result (`output_ptr`,
// `output_len`), throws the formatter's error message, and frees the buffers (`dispose`).
//
// The workload (timed): a seeded Go source file of 60 to 100 KB, written the way nobody would (blanks
// at random, wrong indentation, unsorted and repeated imports, misaligned comments and fields, runs of
// blank lines), is formatted; the result is formatted again (gofmt is idempotent: it comes back
// unchanged), and the file cut off at a seeded point is formatted to get the parser's error. The outputs
// are the formatted file, whether the second pass left it unchanged, and the error message (with its line
// and column), so a candidate that miscompiles the scanner, the parser, the printer or its tabwriter is
// rejected.
import { format } from '@wasm-fmt/gofmt/gofmt_binding.js';

const DECLARATIONS = 120;
const PACKAGES = ['fmt', 'strings', 'sort', 'os', 'io', 'math', 'bytes', 'errors', 'strconv', 'time', 'sync', 'unicode/utf8'];
const TYPES = ['int', 'int64', 'uint32', 'float64', 'string', 'bool', 'byte', '[]int', '[]string', 'map[string]int', '*Node', 'error', 'func(int) bool', '[4]uint8', 'chan int'];
const OPERATORS = ['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '&^', '==', '!=', '<', '<=', '>', '>=', '&&', '||'];
const ASSIGN = [':=', '=', '+=', '-=', '|=', '<<='];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'zo', 'bex', 'qu', 'ster', 'Val', 'Id', 'Max', 'buf', 'cnt', 'x'];

/** A syntactically valid Go file, badly laid out, drawn from `rng`. */
function goSource(rng) {
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const times = (lo, hi, f) => Array.from({ length: int(lo, hi) }, f);
  const ident = () => pick('abcdefghpqrstvw') + times(0, 3, () => pick(SYLLABLES)).join('');
  const words = (lo, hi) => times(lo, hi, ident).join(' ');
  // Tokens joined by random blanks (none, spaces, tabs); two words keep at least one blank between them.
  const blank = () => pick(['', '', ' ', ' ', ' ', '  ', '\t', ' \t ']);
  const line = (tokens) =>
    tokens.reduce((text, t) => text + (/\w$/.test(text) && /^\w/.test(t) ? pick([' ', ' ', '  ', '\t']) : blank()) + t, '');
  const indent = () => pick(['', '\t', '  ', '    ', '\t\t', ' ']);
  const comment = () => (rng() < 0.3 ? `${blank()}// ${words(1, 6)}` : '');
  const list = (lo, hi, item) => times(lo, hi, item).flatMap((tokens, i) => (i ? [',', ...tokens] : tokens));

  const operand = () =>
    pick([ident(), ident(), String(int(0, 9999)), `${int(0, 99)}.${int(0, 99)}`, `"${ident()}"`, `'${pick(['a', 'z', '\\n', '\\t'])}'`, `0x${int(0, 65535).toString(16)}`]);
  const expr = (depth) => {
    const r = rng();
    if (depth > 2 || r < 0.3) return [operand()];
    if (r < 0.65) return [...expr(depth + 1), pick(OPERATORS), ...expr(depth + 1)];
    if (r < 0.75) return ['(', ...expr(depth + 1), ')'];
    if (r < 0.9) return [ident(), '(', ...list(0, 3, () => expr(depth + 1)), ')'];
    return [ident(), '[', ...expr(depth + 1), ']'];
  };

  const out = [];
  const emit = (tokens, trailing = '') => out.push(indent() + line(tokens) + trailing);
  const block = (depth, most = 6) => times(1, most, () => statement(depth));
  function statement(depth) {
    const r = depth < 4 ? rng() : 0.3 + 0.7 * rng();
    if (r < 0.12) {
      emit(['if', ...expr(0), '{']);
      block(depth + 1);
      if (rng() < 0.4) {
        emit(['}', 'else', '{']);
        block(depth + 1);
      }
      emit(['}']);
    } else if (r < 0.2) {
      const i = ident();
      emit(['for', i, ':=', '0', ';', i, '<', String(int(1, 100)), ';', i, '++', '{']);
      block(depth + 1);
      emit(['}']);
    } else if (r < 0.26) {
      emit(['switch', ...expr(1), '{']);
      times(1, 4, () => {
        emit(['case', ...expr(2), ':'], comment());
        block(depth + 1, 2);
      });
      emit(['default', ':']);
      block(depth + 1, 1);
      emit(['}']);
    } else if (r < 0.3) {
      emit([ident(), ':=', 'func', '(', ident(), 'int', ')', 'int', '{']);
      block(depth + 1, 3);
      emit(['return', ...expr(1)]);
      emit(['}']);
    } else if (r < 0.38) {
      emit([ident(), ':=', '[]', pick(['int', 'string', 'float64']), '{', ...list(0, 6, () => expr(2)), '}'], comment());
    } else if (r < 0.45) {
      emit(['return', ...expr(0)]);
    } else {
      emit([ident(), pick(ASSIGN), ...expr(0)], comment());
    }
  }

  out.push(`package ${pick(['main', 'gen', 'tree', 'store'])}`, '', 'import (');
  times(3, 8, () => out.push(indent() + `"${pick(PACKAGES)}"` + comment()));
  out.push(')');
  for (let d = 0; d < DECLARATIONS; d++) {
    out.push(pick(['\n', '\n', '\n\n', '\n\n\n']));
    const kind = rng();
    if (kind < 0.2) {
      out.push(line(['const', '(']));
      times(2, 8, () => emit([ident(), '=', ...expr(1)], comment()));
      out.push(')');
    } else if (kind < 0.4) {
      out.push(line(['type', ident().toUpperCase(), 'struct', '{']));
      times(1, 8, () => emit([ident(), pick(TYPES)], (rng() < 0.3 ? ` \`json:"${ident()}"\`` : '') + comment()));
      out.push('}');
    } else {
      if (rng() < 0.4) out.push(`// ${words(2, 9)}`);
      const results = rng() < 0.6 ? [pick(TYPES)] : [];
      out.push(line(['func', ident(), '(', ...list(0, 4, () => [ident(), pick(TYPES)]), ')', ...results, '{']));
      block(1);
      out.push('}');
    }
  }
  return out.join('\n') + '\n';
}

/** What the formatter says about `source`: its result, or its error message. */
function formatOrError(exports, source) {
  try {
    return format(exports, source);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export default {
  name: 'gofmt',
  description: '@wasm-fmt/gofmt 0.7.3 (go/format, TinyGo) through its own binding: a seeded Go file of 60–100 KB formatted, formatted again, and cut short',

  instantiate(_bytes, ctx) {
    const instance = new WebAssembly.Instance(ctx.module, {});
    instance.exports._initialize();
    return { instance };
  },

  setup({ rng }) {
    const source = goSource(rng);
    return { source, cut: source.slice(0, Math.floor(source.length * (0.2 + 0.6 * rng()))) };
  },

  run({ exports }, { source, cut }) {
    const formatted = format(exports, source);
    return { formatted, again: format(exports, formatted), error: formatOrError(exports, cut) };
  },

  output(_ctx, _input, { formatted, again, error }) {
    return { formatted, unchanged: again === formatted, error };
  },
};
