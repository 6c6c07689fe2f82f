// Script harness for examples/intern/intern.wasm, a module that imports a host function reading a string
// from its memory. See docs/harness.md for the harness contract.
// Usage: wasmtune tune examples/intern/intern.wasm --harness examples/intern/harness.mjs
const TEXT_BYTES = 16000;
const SLOTS = 1024;
const SYLLABLES = ['ka', 'lo', 'mi', 're', 'tu', 'sa', 'ne', 'po'];
const decoder = new TextDecoder();

export default {
  name: 'intern',
  description: 'Word counting through a host string table (env.intern reads each word from linear memory). Hand-written WAT.',

  // Called once per instance, before the instance exists, so the id table below starts empty for every
  // run: the original and each candidate see the same ids. The module exports its memory, which exists
  // only once instantiation has finished: read ctx.memory when intern is called, not here, and make a
  // new view each call (memory.grow would replace the buffer).
  imports(ctx) {
    const ids = new Map();
    return {
      env: {
        intern(ptr, len) {
          const word = decoder.decode(new Uint8Array(ctx.memory.buffer, ptr, len));
          let id = ids.get(word);
          if (id === undefined) {
            id = ids.size;
            ids.set(word, id);
          }
          return id;
        },
      },
    };
  },

  // Seeded text: words of one to three syllables, separated by spaces and now and then a newline.
  setup({ exports, memory, rng }) {
    const text = new Uint8Array(memory.buffer, exports.text.value, TEXT_BYTES);
    let n = 0;
    for (;;) {
      let word = '';
      const syllables = 1 + Math.floor(rng() * 3);
      for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(rng() * SYLLABLES.length)];
      if (n + word.length + 1 > TEXT_BYTES) break;
      for (let i = 0; i < word.length; i++) text[n++] = word.charCodeAt(i);
      text[n++] = rng() < 0.1 ? 10 : 32;
    }
    return { length: n };
  },

  run({ exports }, state) {
    return exports.count(state.length);
  },

  output({ exports, memory }, _state, words) {
    const counts = new Int32Array(memory.buffer.slice(exports.counts.value, exports.counts.value + SLOTS * 4));
    const total = counts.reduce((a, b) => a + b, 0);
    return {
      words,
      counts,
      // A boolean output: every word landed in exactly one counter.
      everyWordCounted: total === words,
    };
  },
};
