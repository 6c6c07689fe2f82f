// LU decomposition (Doolittle, no pivoting) of a diagonally dominant n x n matrix, in place, through a
// small Matrix class whose get/set accessors are called in the hot loop. Returns the trace of U.

class Matrix {
  n: i32;
  data: StaticArray<f64>;

  constructor(n: i32) {
    this.n = n;
    this.data = new StaticArray<f64>(n * n);
  }

  get(i: i32, j: i32): f64 {
    return this.data[i * this.n + j];
  }

  set(i: i32, j: i32, v: f64): void {
    this.data[i * this.n + j] = v;
  }
}

const N: i32 = 96;
const A = new Matrix(N);

export function matrix_ptr(): usize {
  return changetype<usize>(A.data);
}

export function dim(): i32 {
  return A.n;
}

function makeDominant(m: Matrix, n: i32): void {
  for (let i = 0; i < n; i++) {
    m.set(i, i, m.get(i, i) + <f64>n);
  }
}

function eliminate(m: Matrix, n: i32, k: i32): void {
  let pivot = m.get(k, k);
  for (let i = k + 1; i < n; i++) {
    let factor = m.get(i, k) / pivot;
    m.set(i, k, factor);
    for (let j = k + 1; j < n; j++) {
      m.set(i, j, m.get(i, j) - factor * m.get(k, j));
    }
  }
}

export function lu(n: i32): f64 {
  makeDominant(A, n);
  for (let k = 0; k < n; k++) {
    eliminate(A, n, k);
  }
  let trace = 0.0;
  for (let i = 0; i < n; i++) trace += A.get(i, i);
  return trace;
}
