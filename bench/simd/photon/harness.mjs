// photon (image processing in Rust, bound by wasm-bindgen) run through its own glue, on the module under
// test.
//
// The package's glue (node_modules/@silvia-odwyer/photon-node/photon_rs.js, its entry point) is a CommonJS
// file that wasm-bindgen generated for Node.js: it defines the functions the module imports (module
// '__wbindgen_placeholder__' is the file's own exports), and its last lines read photon_rs_bg.wasm beside
// it, compile it, instantiate it into a variable of the file and call the module's start export. So the
// file is evaluated anew for each run, as require() does the first time, with two of its free names bound
// for the run: `require('fs')` reads the bytes under test instead of the file, and `WebAssembly.Module` of
// those bytes is the module the runner has already compiled (ctx.module). Everything else, the imports
// object, the instantiation and the externref table, is the glue's own code. Its exports are the
// package's API (PhotonImage and the filters) and, as `__wasm`, the instance's exports.
//
// The workload (timed): a seeded 256×256 RGBA image (smooth gradients, discs, noise, a ramp of alpha)
// put through four chains of numeric filters, each on its own copy of the image:
//   filtered: gaussian_blur (radius 2), sharpen, emboss (3×3 convolutions);
//   toned:    adjust_contrast, adjust_brightness (seeded amounts, saturating), gamma_correction,
//             alter_channels, sepia;
//   colour:   resize to 176×144 with a Lanczos3 filter, then hue_rotate_hsl and hue_rotate_lch (seeded
//             angles: RGB → HSL and RGB → CIE LCh conversions and back, float arithmetic and powers);
//   grey:     grayscale_human_corrected, then threshold (seeded level);
//   tinted:   mix_with_colour (a seeded colour and opacity), then the preset filter 'oceanic' (another
//             mix, chosen by the module comparing the name with the preset names in its data).
// The outputs are the pixel bytes of every chain and the size of the resized image, so a candidate that
// miscompiles a convolution, a clamp, a resampling filter, a colour blend or a colour-space conversion
// is rejected.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const GLUE = require.resolve('@silvia-odwyer/photon-node');
const WASM = join(dirname(GLUE), 'photon_rs_bg.wasm');
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

const W = 256;
const H = 256;
const RESIZED = [176, 144];

/** Seeded RGBA image: per-channel gradients and waves, a few filled discs, noise, and an alpha ramp. */
function inputImage(rng) {
  const phase = [rng(), rng(), rng()].map((p) => p * 2 * Math.PI);
  const freq = [1 + rng() * 5, 1 + rng() * 5, 1 + rng() * 5];
  const discs = Array.from({ length: 6 }, () => ({
    x: rng() * W, y: rng() * H, r: 8 + rng() * 40, rgb: [rng() * 255, rng() * 255, rng() * 255],
  }));
  const px = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      let rgb = [0, 1, 2].map((c) => 128 + 100 * Math.sin(phase[c] + (freq[c] * (x + c * y)) / W * Math.PI) + (c === 2 ? (y - H / 2) / 3 : 0));
      for (const d of discs) if ((x - d.x) ** 2 + (y - d.y) ** 2 < d.r * d.r) rgb = d.rgb;
      for (let c = 0; c < 3; c++) px[i + c] = Math.max(0, Math.min(255, Math.round(rgb[c] + (rng() - 0.5) * 24)));
      px[i + 3] = x < W - 16 ? 255 : Math.floor(rng() * 256);
    }
  }
  return px;
}

/** The pixels of `img`, and frees it. */
function pixelsOf(img) {
  const px = img.get_raw_pixels();
  img.free();
  return px;
}

export default {
  name: 'photon',
  description: 'photon-node 0.3.4 (photon-rs image processing, Rust and wasm-bindgen) through its own glue: a seeded 256×256 RGBA image blurred, sharpened, embossed, tone-mapped, resized (Lanczos3), hue-rotated in HSL and LCh, thresholded and tinted',

  instantiate(bytes, ctx) {
    const photon = freshGlue(bytes, ctx.module);
    return { exports: photon.__wasm, api: photon };
  },

  setup({ rng }) {
    return {
      pixels: inputImage(rng),
      contrast: Math.round(-40 + rng() * 100),
      brightness: Math.round(-40 + rng() * 80),
      gamma: [1.6 + rng(), 1.6 + rng(), 1.6 + rng()],
      channels: [Math.round(-30 + rng() * 60), Math.round(-30 + rng() * 60), Math.round(-30 + rng() * 60)],
      hsl: 0.05 + rng() * 0.9,
      lch: 0.05 + rng() * 0.9,
      threshold: 60 + Math.floor(rng() * 120),
      mix: [Math.floor(rng() * 256), Math.floor(rng() * 256), Math.floor(rng() * 256)],
      opacity: 0.1 + rng() * 0.6,
    };
  },

  run({ api: photon }, s) {
    const image = () => new photon.PhotonImage(s.pixels, W, H);

    const a = image();
    photon.gaussian_blur(a, 2);
    photon.sharpen(a);
    photon.emboss(a);

    const b = image();
    photon.adjust_contrast(b, s.contrast);
    photon.adjust_brightness(b, s.brightness);
    photon.gamma_correction(b, ...s.gamma);
    photon.alter_channels(b, ...s.channels);
    photon.sepia(b);

    const original = image();
    const c = photon.resize(original, RESIZED[0], RESIZED[1], photon.SamplingFilter.Lanczos3);
    original.free();
    photon.hue_rotate_hsl(c, s.hsl);
    photon.hue_rotate_lch(c, s.lch);
    const resizedSize = [c.get_width(), c.get_height()];

    const d = image();
    photon.grayscale_human_corrected(d);
    photon.threshold(d, s.threshold);

    const e = image();
    const colour = new photon.Rgb(...s.mix);
    photon.mix_with_colour(e, colour, s.opacity);
    photon.filter(e, 'oceanic');

    return { filtered: pixelsOf(a), toned: pixelsOf(b), colour: pixelsOf(c), resizedSize, grey: pixelsOf(d), tinted: pixelsOf(e) };
  },

  output(_ctx, _state, result) {
    return result;
  },
};
