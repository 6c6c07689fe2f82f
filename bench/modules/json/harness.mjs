// Script harness for bench/modules/json (wasmtune-harness-v1, see docs/harness.md).
// Writes about 100 KB of seeded JSON Lines (nested objects and arrays, escapes, surrogate pairs, numbers
// with fractions and exponents; one line in ten damaged) into `input`, calls json_lines(len), and compares
// the hash it returns, the summary counters and the canonical output.
const TARGET_BYTES = 100000;
const WORDS = ['id', 'name', 'value', 'tags', 'items', 'x', 'y', 'enabled', 'price', 'note', 'kind', 'children', 'a', 'b', 'zeta', 'Ärger'];
const TEXT = ['hello', 'world', 'wasm', 'tune', 'caf\u00e9', 'line\nbreak', 'tab\there', 'quote"d', 'back\\slash', '\u{1F600}', 'slash/', 'ctl\u0001', '', '   '];

function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

/** A JSON string literal of `s`, escaped one of several equivalent ways. */
function stringLiteral(rng, s) {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '/' && rng() < 0.5) out += '\\/';
    else if (cp < 0x20) out += '\\u' + cp.toString(16).padStart(4, '0');
    else if (cp > 0xffff) {
      const v = cp - 0x10000;
      out += '\\u' + (0xd800 + (v >> 10)).toString(16) + '\\u' + (0xdc00 + (v & 0x3ff)).toString(16).toUpperCase();
    } else if (cp > 0x7f && rng() < 0.5) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function number(rng) {
  const r = rng();
  const digits = (n) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
  if (r < 0.3) return String(Math.floor(rng() * 2000) - 1000);
  if (r < 0.55) return `${rng() < 0.3 ? '-' : ''}${1 + Math.floor(rng() * 9)}${digits(Math.floor(rng() * 4))}.${digits(1 + Math.floor(rng() * 5))}`;
  if (r < 0.75) return `${1 + Math.floor(rng() * 9)}${rng() < 0.5 ? '.' + digits(2) : ''}${pick(rng, ['e', 'E'])}${pick(rng, ['', '+', '-'])}${Math.floor(rng() * 30)}`;
  if (r < 0.85) return `0.${'0'.repeat(Math.floor(rng() * 6))}${1 + Math.floor(rng() * 9)}${digits(2)}`;
  if (r < 0.95) return `${1 + Math.floor(rng() * 9)}${digits(18 + Math.floor(rng() * 6))}`;
  return rng() < 0.5 ? '0' : '-0.0';
}

function space(rng) {
  const r = rng();
  return r < 0.6 ? '' : r < 0.9 ? ' ' : pick(rng, ['  ', '\t', ' \r']);
}

function value(rng, depth) {
  const r = rng();
  if (depth < 5 && r < 0.22) {
    const n = Math.floor(rng() * 6);
    const members = [];
    for (let i = 0; i < n; i++) members.push(`${space(rng)}${stringLiteral(rng, pick(rng, WORDS))}${space(rng)}:${space(rng)}${value(rng, depth + 1)}${space(rng)}`);
    return `{${members.join(',')}}`;
  }
  if (depth < 5 && r < 0.4) {
    const n = Math.floor(rng() * 7);
    const items = [];
    for (let i = 0; i < n; i++) items.push(`${space(rng)}${value(rng, depth + 1)}${space(rng)}`);
    return `[${items.join(',')}]`;
  }
  if (r < 0.65) return number(rng);
  if (r < 0.9) return stringLiteral(rng, pick(rng, TEXT) + (rng() < 0.3 ? pick(rng, WORDS) : ''));
  return pick(rng, ['true', 'false', 'null']);
}

/** A line made invalid: cut short, a stray or missing character, a bad escape or literal. */
function damage(rng, line) {
  const at = Math.floor(rng() * line.length);
  switch (Math.floor(rng() * 5)) {
    case 0: return line.slice(0, at);
    case 1: return line.slice(0, at) + pick(rng, ['}', ']', ',', ':', '@', '"']) + line.slice(at);
    case 2: return line.slice(0, at) + line.slice(at + 1);
    case 3: return `[${line},"\\x"]`;
    default: return `{"k":${pick(rng, ['tru', 'nul', '01', '1.', '-', '1e', '"\\ud800"', '"\\udc00x"'])}}`;
  }
}

export default {
  name: 'json',
  description: 'JSON Lines canonicaliser: tokenise, parse into an arena tree, sort keys, re-serialise ~100 KB of seeded documents. C, freestanding.',
  seeds: [1, 2, 3, 4],

  setup({ exports, memory, rng }) {
    const lines = [];
    let bytes = 0;
    while (bytes < TARGET_BYTES) {
      let line = rng() < 0.75 ? value(rng, 0) : `{"items":${value(rng, 1)},"n":${number(rng)}}`;
      if (rng() < 0.1) line = damage(rng, line);
      line = line.replaceAll('\n', ' ');
      lines.push(line);
      bytes += line.length + 1;
    }
    const text = new TextEncoder().encode(lines.join('\n') + '\n');
    new Uint8Array(memory.buffer, exports.input.value, text.length).set(text);
    return { len: text.length };
  },

  run({ exports }, state) {
    return exports.json_lines(state.len);
  },

  output({ exports, memory }, state, result) {
    const summary = new Int32Array(memory.buffer, exports.summary.value, 16);
    const outputLen = Math.min(summary[13], 131072);
    return { hash: result, summary, canonical: new Uint8Array(memory.buffer, exports.output.value, outputLen) };
  },
};
