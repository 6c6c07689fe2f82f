// A block of signal processing on one frame of seeded samples, in the style of an audio or sensor
// pipeline: a Hann window (f64), a 32-tap FIR low-pass (f32, one dot product per output), a biquad
// high-pass (f32, a recurrence), axpy and a dot product (f64), a three-point smoothing stencil swept
// 8 times (f64), quantisation to 16-bit integers and integer reductions over them (sum, sum of squares,
// peak, bit mix), and an interleaved complex multiply (f32 pairs). Returns the integer checksum; the
// float statistics are written to `stats`.
//
// Buffers are static arrays; their addresses are exported as functions (`*_ptr`) so that a harness can
// write the inputs and read every result back.

const N: i32 = 65536;     // samples per frame
const TAPS: i32 = 32;
const SWEEPS: i32 = 8;

const signal = new StaticArray<f64>(N);            // input samples in [-1, 1)
const noise = new StaticArray<f64>(N);             // a second input, mixed in by axpy
const windowed = new StaticArray<f64>(N);
const x32 = new StaticArray<f32>(N + TAPS);        // f32 copy, zero-padded for the FIR
const taps = new StaticArray<f32>(TAPS);           // FIR coefficients (input)
const lowpass = new StaticArray<f32>(N);
const highpass = new StaticArray<f32>(N);
const smoothA = new StaticArray<f64>(N);
const smoothB = new StaticArray<f64>(N);
const pcm = new StaticArray<i32>(N);               // 16-bit samples
const spectrum = new StaticArray<f32>(2 * N);      // interleaved re, im (input)
const filter = new StaticArray<f32>(2 * N);        // interleaved re, im (input)
const product = new StaticArray<f32>(2 * N);
const stats = new StaticArray<f64>(4);

export function signal_ptr(): usize { return changetype<usize>(signal); }
export function noise_ptr(): usize { return changetype<usize>(noise); }
export function taps_ptr(): usize { return changetype<usize>(taps); }
export function windowed_ptr(): usize { return changetype<usize>(windowed); }
export function lowpass_ptr(): usize { return changetype<usize>(lowpass); }
export function highpass_ptr(): usize { return changetype<usize>(highpass); }
export function smooth_ptr(): usize { return changetype<usize>(smoothA); }
export function pcm_ptr(): usize { return changetype<usize>(pcm); }
export function spectrum_ptr(): usize { return changetype<usize>(spectrum); }
export function filter_ptr(): usize { return changetype<usize>(filter); }
export function product_ptr(): usize { return changetype<usize>(product); }
export function stats_ptr(): usize { return changetype<usize>(stats); }

function hann(n: i32): void {
  let k = 2.0 * Math.PI / <f64>(n - 1);
  for (let i = 0; i < n; i++) {
    unchecked(windowed[i] = unchecked(signal[i]) * (0.5 - 0.5 * Math.cos(k * <f64>i)));
  }
}

// y = a * x + y over f64 arrays.
function axpy(n: i32, a: f64, x: usize, y: usize): void {
  for (let i = 0; i < n; i++) {
    let at = <usize>i << 3;
    store<f64>(y + at, a * load<f64>(x + at) + load<f64>(y + at));
  }
}

function dot(n: i32, x: usize, y: usize): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) {
    let at = <usize>i << 3;
    s += load<f64>(x + at) * load<f64>(y + at);
  }
  return s;
}

function toF32(n: i32): void {
  for (let i = 0; i < n; i++) unchecked(x32[i] = <f32>unchecked(windowed[i]));
  for (let i = n; i < n + TAPS; i++) unchecked(x32[i] = 0);
}

function fir(n: i32): void {
  for (let i = 0; i < n; i++) {
    let acc: f32 = 0;
    for (let k = 0; k < TAPS; k++) acc += unchecked(taps[k]) * unchecked(x32[i + k]);
    unchecked(lowpass[i] = acc);
  }
}

// Direct form I biquad: y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2].
function biquad(n: i32, b0: f32, b1: f32, b2: f32, a1: f32, a2: f32): void {
  let x1: f32 = 0, x2: f32 = 0, y1: f32 = 0, y2: f32 = 0;
  for (let i = 0; i < n; i++) {
    let x0 = unchecked(lowpass[i]);
    let y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    unchecked(highpass[i] = y0);
    x2 = x1; x1 = x0;
    y2 = y1; y1 = y0;
  }
}

// Three-point smoothing, ends held: b[i] = 0.25 a[i-1] + 0.5 a[i] + 0.25 a[i+1]; the result is in smoothA.
function smooth(n: i32): void {
  for (let i = 0; i < n; i++) unchecked(smoothA[i] = windowed[i]);
  for (let t = 0; t < SWEEPS; t++) {
    let src = t & 1 ? smoothB : smoothA;
    let dst = t & 1 ? smoothA : smoothB;
    unchecked(dst[0] = src[0]);
    for (let i = 1; i < n - 1; i++) {
      unchecked(dst[i] = 0.25 * unchecked(src[i - 1]) + 0.5 * unchecked(src[i]) + 0.25 * unchecked(src[i + 1]));
    }
    unchecked(dst[n - 1] = src[n - 1]);
  }
}

function quantise(n: i32): void {
  for (let i = 0; i < n; i++) {
    let v = unchecked(smoothA[i]) * 32767.0;
    v = Math.max(-32768.0, Math.min(32767.0, v));
    unchecked(pcm[i] = <i32>nearest<f64>(v));
  }
}

function integerChecksum(n: i32): i32 {
  let sum = 0, energy = 0, peak = 0, mix = 0;
  for (let i = 0; i < n; i++) {
    let s = unchecked(pcm[i]);
    sum += s;
    energy += s * s;
    let m = s < 0 ? -s : s;
    peak = m > peak ? m : peak;
    mix ^= s;
  }
  return sum ^ (energy * 31) ^ (peak << 16) ^ mix;
}

// product = spectrum * filter, complex, interleaved (re, im) pairs.
function complexMultiply(n: i32): void {
  for (let i = 0; i < n; i++) {
    let ar = unchecked(spectrum[2 * i]), ai = unchecked(spectrum[2 * i + 1]);
    let br = unchecked(filter[2 * i]), bi = unchecked(filter[2 * i + 1]);
    unchecked(product[2 * i] = ar * br - ai * bi);
    unchecked(product[2 * i + 1] = ar * bi + ai * br);
  }
}

/** One frame; `gain` scales the noise added to the windowed signal. */
export function run(gain: f64): i32 {
  hann(N);
  axpy(N, gain, changetype<usize>(noise), changetype<usize>(windowed));
  let energy = dot(N, changetype<usize>(windowed), changetype<usize>(windowed));
  let correlation = dot(N, changetype<usize>(windowed), changetype<usize>(signal));
  toF32(N);
  fir(N);
  biquad(N, 0.92, -1.84, 0.92, -1.83, 0.85);
  smooth(N);
  quantise(N);
  complexMultiply(N);
  unchecked(stats[0] = energy);
  unchecked(stats[1] = correlation);
  unchecked(stats[2] = dot(N, changetype<usize>(smoothA), changetype<usize>(windowed)));
  let hp: f64 = 0;
  for (let i = 0; i < N; i++) hp = Math.max(hp, Math.abs(<f64>unchecked(highpass[i])));
  unchecked(stats[3] = hp);
  return integerChecksum(N);
}
