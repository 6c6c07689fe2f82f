// 2-D convolution of an 8-bit grayscale image with a 5x5 integer kernel, clamp-to-edge borders,
// normalised by the kernel sum and saturated to 0..255. Returns the sum of the output pixels.

const MAXW: i32 = 512;
const MAXH: i32 = 512;
const K: i32 = 5;
const R: i32 = 2;

const src = new StaticArray<u8>(MAXW * MAXH);
const dst = new StaticArray<u8>(MAXW * MAXH);
const weights = new StaticArray<i32>(K * K);

export function src_ptr(): usize {
  return changetype<usize>(src);
}

export function dst_ptr(): usize {
  return changetype<usize>(dst);
}

export function weights_ptr(): usize {
  return changetype<usize>(weights);
}

function clampi(v: i32, lo: i32, hi: i32): i32 {
  if (v < lo) return lo;
  if (v > hi) return hi;
  return v;
}

function pixel(x: i32, y: i32, w: i32, h: i32): i32 {
  return <i32>src[clampi(y, 0, h - 1) * w + clampi(x, 0, w - 1)];
}

function weight(kx: i32, ky: i32): i32 {
  return weights[(ky + R) * K + (kx + R)];
}

function convolvePixel(x: i32, y: i32, w: i32, h: i32, norm: i32): i32 {
  let acc = 0;
  for (let ky = -R; ky <= R; ky++) {
    for (let kx = -R; kx <= R; kx++) {
      acc += pixel(x + kx, y + ky, w, h) * weight(kx, ky);
    }
  }
  return clampi(acc / norm, 0, 255);
}

export function convolve(w: i32, h: i32): i32 {
  let norm = 0;
  for (let i = 0; i < K * K; i++) norm += weights[i];
  if (norm <= 0) norm = 1;
  let total = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = convolvePixel(x, y, w, h, norm);
      dst[y * w + x] = <u8>v;
      total += v;
    }
  }
  return total;
}
