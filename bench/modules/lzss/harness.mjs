// Script harness for bench/modules/lzss (wasmtune-harness-v1, see docs/harness.md).
// Writes 48 KiB of seeded text into `input`: sentences of words drawn from a Zipf-like vocabulary, with
// now and then a run of one byte (overlapping copies) or a stretch of random bytes (incompressible), so
// every path of the encoder is taken. Calls lzss_roundtrip(n) and compares its result, the counters and
// both compressed streams.
const SIZE = 49152;
const SYLLABLES = ['ka', 'to', 'ri', 'en', 'sa', 'mo', 'lu', 'ne', 'th', 'or', 'is', 'qu', 'ax', 'be', 'di', 'fo'];

export default {
  name: 'lzss',
  description: 'LZSS + Huffman round trip on 48 KiB of seeded text: hash-chain match finder with lazy matching, length-limited canonical Huffman code, decode, decompress, compare. C, freestanding.',
  seeds: [1, 2, 3, 4],

  setup({ exports, memory, rng }) {
    const int = (n) => Math.floor(rng() * n);
    const vocabulary = [];
    for (let i = 0; i < 300; i++) {
      let w = '';
      for (let k = 1 + int(4); k > 0; k--) w += SYLLABLES[int(SYLLABLES.length)];
      vocabulary.push(w);
    }
    const data = new Uint8Array(memory.buffer, exports.input.value, SIZE);
    let n = 0;
    const put = (c) => { if (n < SIZE) data[n++] = c; };
    while (n < SIZE) {
      const r = rng();
      if (r < 0.01) {
        const c = 32 + int(90);
        for (let k = 20 + int(200); k > 0; k--) put(c);
      } else if (r < 0.02) {
        for (let k = 50 + int(300); k > 0; k--) put(int(256));
      } else {
        const words = 4 + int(12);
        for (let k = 0; k < words; k++) {
          // rank ~ 1/u: a few words are very common, most are rare
          const w = vocabulary[Math.min(vocabulary.length - 1, Math.floor(1 / (rng() + 0.004)))];
          for (let i = 0; i < w.length; i++) put(k === 0 && i === 0 ? w.charCodeAt(i) - 32 : w.charCodeAt(i));
          put(k === words - 1 ? (rng() < 0.8 ? 46 : 33) : rng() < 0.1 ? 44 : 32);
        }
        put(rng() < 0.2 ? 10 : 32);
      }
    }
    return { n: SIZE };
  },

  run({ exports }, state) {
    return exports.lzss_roundtrip(state.n);
  },

  output({ exports, memory }, state, result) {
    const stats = new Int32Array(memory.buffer, exports.stats.value, 16);
    return {
      result,
      stats,
      packed: new Uint8Array(memory.buffer, exports.packed.value, Math.max(0, stats[0])),
      coded: new Uint8Array(memory.buffer, exports.coded.value, Math.max(0, stats[12])),
    };
  },
};
