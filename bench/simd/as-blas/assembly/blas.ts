// Dense linear algebra of a small neural-network layer, row-major n x n matrices: sgemm (C = alpha A B +
// beta C, i-k-j loop order), bias and ReLU, sgemv (y = A x, one dot product per row), a rank-1 update
// (sger), a transpose, and an int8-quantised matrix product accumulated in i32 (as quantised inference
// does), dequantised to f32 with per-row scales. Returns an integer checksum of the i32 product.
//
// Buffers are static arrays of the largest size; their addresses are exported as functions (`*_ptr`) so
// that a harness can write the inputs and read every result back.

const MAXN: i32 = 128;
const SQ: i32 = MAXN * MAXN;

const A = new StaticArray<f32>(SQ);
const B = new StaticArray<f32>(SQ);
const C = new StaticArray<f32>(SQ);
const T = new StaticArray<f32>(SQ);       // transpose of C
const bias = new StaticArray<f32>(MAXN);
const x = new StaticArray<f32>(MAXN);
const y = new StaticArray<f32>(MAXN);
const Aq = new StaticArray<i8>(SQ);
const Bq = new StaticArray<i8>(SQ);
const Cq = new StaticArray<i32>(SQ);
const scales = new StaticArray<f32>(MAXN);
const D = new StaticArray<f32>(SQ);       // dequantised Cq

export function a_ptr(): usize { return changetype<usize>(A); }
export function b_ptr(): usize { return changetype<usize>(B); }
export function c_ptr(): usize { return changetype<usize>(C); }
export function t_ptr(): usize { return changetype<usize>(T); }
export function bias_ptr(): usize { return changetype<usize>(bias); }
export function x_ptr(): usize { return changetype<usize>(x); }
export function y_ptr(): usize { return changetype<usize>(y); }
export function aq_ptr(): usize { return changetype<usize>(Aq); }
export function bq_ptr(): usize { return changetype<usize>(Bq); }
export function cq_ptr(): usize { return changetype<usize>(Cq); }
export function scales_ptr(): usize { return changetype<usize>(scales); }
export function d_ptr(): usize { return changetype<usize>(D); }

function sgemm(n: i32, alpha: f32, beta: f32): void {
  for (let i = 0; i < n; i++) {
    let ci = changetype<usize>(C) + (<usize>(i * n) << 2);
    for (let j = 0; j < n; j++) store<f32>(ci + (<usize>j << 2), beta * load<f32>(ci + (<usize>j << 2)));
    for (let k = 0; k < n; k++) {
      let aik = alpha * unchecked(A[i * n + k]);
      let bk = changetype<usize>(B) + (<usize>(k * n) << 2);
      for (let j = 0; j < n; j++) {
        let at = <usize>j << 2;
        store<f32>(ci + at, load<f32>(ci + at) + aik * load<f32>(bk + at));
      }
    }
  }
}

function biasRelu(n: i32): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v = unchecked(C[i * n + j]) + unchecked(bias[j]);
      unchecked(C[i * n + j] = Mathf.max(v, 0));
    }
  }
}

function sgemv(n: i32): void {
  for (let i = 0; i < n; i++) {
    let s: f32 = 0;
    for (let j = 0; j < n; j++) s += unchecked(C[i * n + j]) * unchecked(x[j]);
    unchecked(y[i] = s);
  }
}

// A += alpha * y x^T
function sger(n: i32, alpha: f32): void {
  for (let i = 0; i < n; i++) {
    let ay = alpha * unchecked(y[i]);
    for (let j = 0; j < n; j++) unchecked(A[i * n + j] = A[i * n + j] + ay * unchecked(x[j]));
  }
}

function transpose(n: i32): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) unchecked(T[j * n + i] = C[i * n + j]);
  }
}

function igemm(n: i32): i32 {
  for (let i = 0; i < n * n; i++) unchecked(Cq[i] = 0);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let a = <i32>unchecked(Aq[i * n + k]);
      for (let j = 0; j < n; j++) {
        unchecked(Cq[i * n + j] = Cq[i * n + j] + a * <i32>unchecked(Bq[k * n + j]));
      }
    }
  }
  let check = 0;
  for (let i = 0; i < n; i++) {
    let s = unchecked(scales[i]);
    for (let j = 0; j < n; j++) {
      let v = unchecked(Cq[i * n + j]);
      check += v;
      unchecked(D[i * n + j] = <f32>v * s);
    }
  }
  return check;
}

/** The layer on n x n matrices (n at most 128). */
export function layer(n: i32, alpha: f32, beta: f32): i32 {
  sgemm(n, alpha, beta);
  biasRelu(n);
  sgemv(n);
  sger(n, 0.001);
  transpose(n);
  return igemm(n);
}
