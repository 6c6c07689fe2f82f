// Script harness for examples/blur/blur.wasm (wasmtune-harness contract, see src/harness/types.ts).
// Usage: wasmtune tune examples/blur/blur.wasm --harness examples/blur/harness.mjs
const WIDTH = 512;
const HEIGHT = 128;
const RADIUS = 3;

/** Copies `count` elements of type `Ctor` from linear memory at byte address `at`. */
function read(memory, Ctor, at, count) {
  return new Ctor(memory.buffer.slice(at, at + count * Ctor.BYTES_PER_ELEMENT));
}

export default {
  name: 'blur',
  description: 'Horizontal box blur (radius 3) of a 512x128 u8 image plus a 256-bin histogram. Hand-written WAT.',

  setup({ exports, memory, rng }) {
    // A smooth gradient with seeded noise, so the histogram has structure.
    const image = new Uint8Array(memory.buffer, exports.image.value, WIDTH * HEIGHT);
    for (let y = 0; y < HEIGHT; y++) {
      for (let x = 0; x < WIDTH; x++) {
        const base = (x * 160) / WIDTH + (y * 64) / HEIGHT;
        image[y * WIDTH + x] = Math.min(255, Math.floor(base + rng() * 32));
      }
    }
    return { width: WIDTH, height: HEIGHT, radius: RADIUS };
  },

  run({ exports }, state) {
    return exports.blur(state.width, state.height, state.radius);
  },

  output({ exports, memory }, state, result) {
    return {
      mode: result,
      blurred: read(memory, Uint8Array, exports.blurred.value, state.width * state.height),
      histogram: read(memory, Int32Array, exports.hist.value, 256),
    };
  },
};
