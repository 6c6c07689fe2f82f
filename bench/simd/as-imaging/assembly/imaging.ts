// An image pipeline on an 8-bit RGBA image, the kind of per-pixel work a photo editor or a thumbnailer
// runs: grayscale (integer luma weights), a levels adjustment of every channel (brightness and contrast,
// saturated to 0..255), conversion of the luma to f32, a separable 5-tap Gaussian blur, a Sobel edge
// magnitude, an edge-weighted blend of the sharp and blurred planes, quantisation back to bytes, and a
// histogram of the result. Returns a checksum of the histogram.
//
// Buffers are static arrays of the largest image; their addresses are exported as functions (`*_ptr`)
// so that a harness can write the input and read every plane back.

const MAXW: i32 = 256;
const MAXH: i32 = 256;
const PIXELS: i32 = MAXW * MAXH;

const rgba = new StaticArray<u8>(PIXELS * 4);     // input, RGBA interleaved
const levels = new StaticArray<u8>(PIXELS * 4);   // brightness/contrast applied to every channel
const gray = new StaticArray<u8>(PIXELS);         // integer luma
const luma = new StaticArray<f32>(PIXELS);        // luma in [0, 1]
const tmp = new StaticArray<f32>(PIXELS);         // horizontal pass of the blur
const blur = new StaticArray<f32>(PIXELS);        // blurred luma
const edge = new StaticArray<f32>(PIXELS);        // Sobel magnitude
const mixed = new StaticArray<f32>(PIXELS);       // edge-weighted blend
const out = new StaticArray<u8>(PIXELS);          // quantised result
const hist = new StaticArray<i32>(256);

export function rgba_ptr(): usize { return changetype<usize>(rgba); }
export function levels_ptr(): usize { return changetype<usize>(levels); }
export function gray_ptr(): usize { return changetype<usize>(gray); }
export function blur_ptr(): usize { return changetype<usize>(blur); }
export function edge_ptr(): usize { return changetype<usize>(edge); }
export function mixed_ptr(): usize { return changetype<usize>(mixed); }
export function out_ptr(): usize { return changetype<usize>(out); }
export function hist_ptr(): usize { return changetype<usize>(hist); }

// Luma with the BT.601 weights in 8-bit fixed point (77 + 150 + 29 = 256).
function grayscale(n: i32): void {
  for (let i = 0; i < n; i++) {
    let r = <u32>unchecked(rgba[4 * i]);
    let g = <u32>unchecked(rgba[4 * i + 1]);
    let b = <u32>unchecked(rgba[4 * i + 2]);
    unchecked(gray[i] = <u8>((77 * r + 150 * g + 29 * b + 128) >> 8));
  }
}

// v' = (v - 128) * contrast / 128 + 128 + brightness, saturated; alpha is kept.
function adjustLevels(n: i32, brightness: i32, contrast: i32): void {
  let src = changetype<usize>(rgba);
  let dst = changetype<usize>(levels);
  let end = src + <usize>(n * 4);
  while (src < end) {
    let v = ((<i32>load<u8>(src) - 128) * contrast >> 7) + 128 + brightness;
    if (v < 0) v = 0;
    if (v > 255) v = 255;
    store<u8>(dst, <u8>v);
    src++;
    dst++;
  }
  for (let i = 3; i < n * 4; i += 4) unchecked(levels[i] = rgba[i]);
}

function toFloat(n: i32): void {
  const scale: f32 = 1.0 / 255.0;
  for (let i = 0; i < n; i++) unchecked(luma[i] = <f32>unchecked(gray[i]) * scale);
}

// Kernel [1 4 6 4 1] / 16 along rows, then along columns; the two pixels nearest each border are copied.
function blurRows(w: i32, h: i32): void {
  for (let y = 0; y < h; y++) {
    let row = y * w;
    unchecked(tmp[row] = luma[row]);
    unchecked(tmp[row + 1] = luma[row + 1]);
    for (let x = 2; x < w - 2; x++) {
      let i = row + x;
      unchecked(tmp[i] = (unchecked(luma[i - 2]) + unchecked(luma[i + 2])
        + 4.0 * (unchecked(luma[i - 1]) + unchecked(luma[i + 1])) + 6.0 * unchecked(luma[i])) * 0.0625);
    }
    unchecked(tmp[row + w - 2] = luma[row + w - 2]);
    unchecked(tmp[row + w - 1] = luma[row + w - 1]);
  }
}

function blurColumns(w: i32, h: i32): void {
  for (let i = 0; i < 2 * w; i++) unchecked(blur[i] = tmp[i]);
  for (let y = 2; y < h - 2; y++) {
    for (let x = 0; x < w; x++) {
      let i = y * w + x;
      unchecked(blur[i] = (unchecked(tmp[i - 2 * w]) + unchecked(tmp[i + 2 * w])
        + 4.0 * (unchecked(tmp[i - w]) + unchecked(tmp[i + w])) + 6.0 * unchecked(tmp[i])) * 0.0625);
    }
  }
  for (let i = (h - 2) * w; i < h * w; i++) unchecked(blur[i] = tmp[i]);
}

// |gx| + |gy| of the 3x3 Sobel operator on the blurred plane; zero on the border.
function sobel(w: i32, h: i32): void {
  for (let i = 0; i < w; i++) {
    unchecked(edge[i] = 0);
    unchecked(edge[(h - 1) * w + i] = 0);
  }
  for (let y = 1; y < h - 1; y++) {
    let row = y * w;
    unchecked(edge[row] = 0);
    unchecked(edge[row + w - 1] = 0);
    for (let x = 1; x < w - 1; x++) {
      let i = row + x;
      let nw = unchecked(blur[i - w - 1]), n = unchecked(blur[i - w]), ne = unchecked(blur[i - w + 1]);
      let west = unchecked(blur[i - 1]), east = unchecked(blur[i + 1]);
      let sw = unchecked(blur[i + w - 1]), s = unchecked(blur[i + w]), se = unchecked(blur[i + w + 1]);
      let gx = (ne + 2.0 * east + se) - (nw + 2.0 * west + sw);
      let gy = (sw + 2.0 * s + se) - (nw + 2.0 * n + ne);
      unchecked(edge[i] = Mathf.abs(gx) + Mathf.abs(gy));
    }
  }
}

// Where there are edges keep the sharp luma, elsewhere the blurred one: a = min(edge * gain, 1).
function blend(n: i32, gain: f32): void {
  for (let i = 0; i < n; i++) {
    let a = Mathf.min(unchecked(edge[i]) * gain, 1.0);
    unchecked(mixed[i] = a * unchecked(luma[i]) + (1.0 - a) * unchecked(blur[i]));
  }
}

function quantise(n: i32): void {
  for (let i = 0; i < n; i++) {
    let v = <i32>(unchecked(mixed[i]) * 255.0 + 0.5);
    unchecked(out[i] = <u8>(v > 255 ? 255 : v));
  }
}

function histogram(n: i32): i32 {
  for (let k = 0; k < 256; k++) unchecked(hist[k] = 0);
  for (let i = 0; i < n; i++) {
    let v = <i32>unchecked(out[i]);
    unchecked(hist[v] = hist[v] + 1);
  }
  let check = 0;
  for (let k = 0; k < 256; k++) check = check * 31 + unchecked(hist[k]) * (k + 1);
  return check;
}

/** The whole pipeline on a w x h image (w, h at most 256 and at least 5). */
export function process(w: i32, h: i32, brightness: i32, contrast: i32, gain: f32): i32 {
  let n = w * h;
  grayscale(n);
  adjustLevels(n, brightness, contrast);
  toFloat(n);
  blurRows(w, h);
  blurColumns(w, h);
  sobel(w, h);
  blend(n, gain);
  quantise(n);
  return histogram(n);
}
