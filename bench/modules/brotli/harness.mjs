// brotli-wasm (the Rust brotli crate compiled to WebAssembly, bound by wasm-bindgen) run through its own
// glue, on the module under test.
//
// The package's Node.js glue (node_modules/brotli-wasm/pkg.node/brotli_wasm.js) is a CommonJS file that
// wasm-bindgen generated: it defines the functions the module imports (module '__wbindgen_placeholder__'
// is the file's own exports), and its last lines read brotli_wasm_bg.wasm beside it, compile it and
// instantiate it into a variable of the file. So the file is evaluated anew for each run, as require()
// does the first time, with two of its free names bound for the run: `require('fs')` reads the bytes
// under test instead of the file, and `WebAssembly.Module` of those bytes is the module the runner has
// already compiled (ctx.module). Everything else, the imports object and the instantiation included, is
// the glue's own code. Its exports are the package's API (compress, decompress, the stream classes) and,
// as `__wasm`, the instance's exports.
//
// The workload (timed): 48 KiB of seeded data (English-like text, a CSV table, random bytes) compressed
// at qualities 1, 4 and 7 (different match finders and block splitters of the crate) and, through the
// stream classes, at quality 5 in chunks of seeded sizes; every stream is decompressed again, and the
// streamed one is decoded once more with one byte changed. The outputs are the compressed bytes, the
// decompressed bytes, and what the decoder made of the changed stream (its bytes and its error or end),
// so a candidate that miscompiles a match finder, an entropy coder or the decoder is rejected.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package exports only its entry point; its glue for Node.js sits beside it.
const GLUE = join(dirname(require.resolve('brotli-wasm')), 'pkg.node', 'brotli_wasm.js');
const WASM = join(dirname(GLUE), 'brotli_wasm_bg.wasm');
// The glue's CommonJS source, compiled once; each call of `evaluate` runs it as a fresh module.
const evaluate = new Function('module', 'exports', 'require', '__filename', '__dirname', 'WebAssembly', fs.readFileSync(GLUE, 'utf8'));
const glueRequire = createRequire(GLUE);

/** A fresh copy of the package's glue, whose instance is the module under test (`bytes`, compiled as `compiled`). */
function freshGlue(bytes, compiled) {
  const readFileSync = (path, ...rest) => (path === WASM ? bytes : fs.readFileSync(path, ...rest));
  const requireForRun = (id) => (id === 'fs' ? { ...fs, readFileSync } : glueRequire(id));
  const wasmForRun = Object.create(WebAssembly, {
    // Called with `new`: a constructor that returns an object gives that object.
    Module: { value: function Module(b) { return b === bytes ? compiled : new WebAssembly.Module(b); } },
  });
  const module = { exports: {} };
  evaluate(module, module.exports, requireForRun, GLUE, dirname(GLUE), wasmForRun);
  return module.exports;
}

const SIZE = 32 * 1024;
const WORDS = ['the', 'of', 'and', 'a', 'to', 'in', 'is', 'that', 'for', 'it', 'module', 'function', 'memory', 'table', 'value', 'stream',
  'window', 'block', 'symbol', 'length', 'distance', 'literal', 'context', 'dictionary', 'encoder', 'quality', 'header', 'buffer'];
const QUALITIES = [1, 4, 6];
const STREAM_QUALITY = 5;

/** Seeded input: paragraphs of words (a Zipf-like choice), a CSV table of numbers, and incompressible bytes. */
function inputData(rng) {
  const word = () => WORDS[Math.floor(WORDS.length * rng() ** 2)];
  let text = '';
  while (text.length < SIZE / 2) {
    const n = 6 + Math.floor(rng() * 14);
    const sentence = Array.from({ length: n }, word).join(' ');
    text += sentence[0].toUpperCase() + sentence.slice(1) + (rng() < 0.2 ? '.\n\n' : '. ');
  }
  let table = 'id,count,ratio,label\n';
  for (let id = 0; table.length < SIZE / 4; id++) {
    table += `${id},${Math.floor(rng() * 100000)},${(rng() * 10).toFixed(4)},${word()}-${Math.floor(rng() * 16).toString(16)}\n`;
  }
  const bytes = new Uint8Array(SIZE);
  const head = new TextEncoder().encode(text + table);
  bytes.set(head.subarray(0, SIZE));
  for (let i = head.length; i < SIZE; i++) bytes[i] = Math.floor(rng() * 256);
  return bytes;
}

/** The bytes of the parts, one after the other. */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Feeds the chunks to a stream of the package (`call(input, outputSize)`: CompressStream.compress or
 * DecompressStream.decompress), taking its output `outputSize` bytes at a time; `undefined` as the last
 * chunk finishes a compression. Returns the whole output; throws unless the stream ends in success.
 */
function pump(brotli, call, chunks, outputSize) {
  const { ResultSuccess, NeedsMoreOutput } = brotli.BrotliStreamResultCode;
  const parts = [];
  let code;
  for (let chunk of chunks) {
    do {
      const result = call(chunk, outputSize);
      parts.push(result.buf);
      code = result.code;
      chunk = chunk?.subarray(result.input_offset);
      result.free();
    } while (code === NeedsMoreOutput);
  }
  if (code !== ResultSuccess) throw new Error(`the stream ended with code ${code}`);
  return concat(parts);
}

/**
 * Decompresses `stream` with one byte changed (at `where` × its length) through DecompressStream, 1 KiB
 * of output at a time: what the decoder made of it (its bytes) and how it ended (its error, or its code).
 */
function decodeCorrupted(brotli, stream, where) {
  const changed = stream.slice();
  changed[Math.floor(where * changed.length)] ^= 0x5a;
  const decoder = new brotli.DecompressStream();
  const parts = [];
  let input = changed;
  try {
    for (;;) {
      const result = decoder.decompress(input, 1024);
      parts.push(result.buf);
      input = input.subarray(result.input_offset);
      const code = result.code;
      result.free();
      if (code === brotli.BrotliStreamResultCode.ResultSuccess || (code === brotli.BrotliStreamResultCode.NeedsMoreInput && !input.length)) {
        return { corrupted: concat(parts), corruptedEnd: brotli.BrotliStreamResultCode[code] };
      }
    }
  } catch (e) {
    return { corrupted: concat(parts), corruptedEnd: e instanceof Error ? e.message : String(e) };
  } finally {
    decoder.free();
  }
}

export default {
  name: 'brotli',
  description: 'brotli-wasm 3.0.1 (Rust brotli crate, wasm-bindgen) through its own glue: 48 KiB of seeded data compressed at 4 qualities, decompressed, and a corrupted stream decoded',

  instantiate(bytes, ctx) {
    const brotli = freshGlue(bytes, ctx.module);
    return { exports: brotli.__wasm, api: brotli };
  },

  setup({ rng }) {
    const input = inputData(rng);
    // Chunk boundaries of the streamed compression, and where the corrupted stream has its changed byte.
    const cuts = Array.from({ length: 7 }, () => Math.floor(rng() * SIZE)).sort((a, b) => a - b);
    const chunks = [0, ...cuts].map((at, i, all) => input.subarray(at, i + 1 < all.length ? all[i + 1] : SIZE));
    return { input, chunks, corruptAt: rng() };
  },

  run({ api: brotli }, { input, chunks, corruptAt }) {
    const compressed = QUALITIES.map((quality) => brotli.compress(input, { quality }));
    const encoder = new brotli.CompressStream(STREAM_QUALITY);
    const streamed = pump(brotli, (chunk, size) => encoder.compress(chunk, size), [...chunks, undefined], 4096);
    encoder.free();
    const decompressed = compressed.map((c) => brotli.decompress(c));
    const decoder = new brotli.DecompressStream();
    decompressed.push(pump(brotli, (chunk, size) => decoder.decompress(chunk, size), [streamed.subarray(0, 1000), streamed.subarray(1000)], 5000));
    decoder.free();
    return { compressed, streamed, decompressed, ...decodeCorrupted(brotli, streamed, corruptAt) };
  },

  output(_ctx, _input, result) {
    return result;
  },
};
