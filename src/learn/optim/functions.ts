/**
 * Classic test functions of unconstrained minimisation, each with its standard start, its known minimiser
 * and minimum, its gradient, and two curvature products: the exact Hessian and the Gauss–Newton matrix
 * (every function here is a sum of squares, f = Σ rᵢ², so 2JᵀJ is its Gauss–Newton matrix, positive
 * semi-definite everywhere, where the Hessian need not be). The optimizer tests and the optimizer benchmark
 * (bench/optim.ts) both run on these, so the figures the benchmark reports are for the functions the tests
 * check.
 *
 *   ill-conditioned-quadratic  5-D, condition number 100, rotated axes; minimum 0 at c (below)
 *   rosenbrock                 2-D, the curved valley; minimum 0 at (1, 1), from (−1.2, 1)
 *   rosenbrock-10d             chained Rosenbrock in 10 dimensions; minimum 0 at (1, …, 1), from (−1.2, 1, …, −1.2, 1)
 *   beale                      2-D, flat plateaus and steep walls; minimum 0 at (3, 0.5), from (1, 1)
 */
import { WasmtuneError } from '../../errors.js';
import type { CurvatureProduct, TestFunction } from './types.js';

/**
 * f(x) = ½(x − c)ᵀA(x − c) in 5 dimensions, A = Q·diag(1, √10, 10, 10√10, 100)·Qᵀ with Q the Householder
 * reflection I − 2uuᵀ/uᵀu, u = (1, 2, 3, 4, 5): condition number 100, axes not aligned with coordinates
 * (so per-coordinate scaling, as in RMSprop and Adam, does not undo the conditioning). From 0; minimum 0 at
 * c = (1, −2, 0.5, 3, −1). A sum of squares ½‖A^½(x − c)‖², so its Gauss–Newton matrix is A, the Hessian.
 */
export function illConditionedQuadratic(): TestFunction {
  const n = 5;
  const u = [1, 2, 3, 4, 5];
  const uu = u.reduce((s, x) => s + x * x, 0);
  const lambda = [1, Math.sqrt(10), 10, 10 * Math.sqrt(10), 100];
  const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - (2 * u[i]! * u[j]!) / uu));
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => lambda.reduce((s, l, k) => s + Q[i]![k]! * l * Q[j]![k]!, 0)));
  const c = Float64Array.from([1, -2, 0.5, 3, -1]);
  const mul = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i]![j]! * v[j]!;
      out[i] = s;
    }
  };
  const gradient = (x: Float64Array, out: Float64Array) => {
    const d = x.map((xi, i) => xi - c[i]!);
    mul(d, out);
    let f = 0;
    for (let i = 0; i < n; i++) f += 0.5 * d[i]! * out[i]!;
    return f;
  };
  return {
    id: 'ill-conditioned-quadratic',
    name: 'ill-conditioned quadratic',
    start: new Float64Array(n),
    minimum: c,
    minimumValue: 0,
    value: (x) => gradient(x, new Float64Array(n)),
    gradient,
    hessian: () => mul,
    gaussNewton: () => mul,
  };
}

/** f(x, y) = (1 − x)² + 100(y − x²)², from (−1.2, 1); minimum 0 at (1, 1). */
export function rosenbrock(): TestFunction {
  const gradient = (p: Float64Array, out: Float64Array) => {
    const x = p[0]!;
    const y = p[1]!;
    out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    out[1] = 200 * (y - x * x);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  };
  return {
    id: 'rosenbrock',
    name: 'Rosenbrock',
    start: Float64Array.from([-1.2, 1]),
    minimum: Float64Array.from([1, 1]),
    minimumValue: 0,
    value: (p) => gradient(p, new Float64Array(2)),
    gradient,
    hessian: (p) => {
      const x = p[0]!;
      const y = p[1]!;
      const hxx = 1200 * x * x - 400 * y + 2;
      const hxy = -400 * x;
      return (v, out) => {
        out[0] = hxx * v[0]! + hxy * v[1]!;
        out[1] = hxy * v[0]! + 200 * v[1]!;
      };
    },
    gaussNewton: rosenbrockGaussNewton,
  };
}

/** Gauss–Newton product for Rosenbrock as a sum of squares r₁² + r₂², r₁ = 1 − x, r₂ = 10(y − x²): 2JᵀJ·v. */
export function rosenbrockGaussNewton(p: Float64Array): CurvatureProduct {
  const x = p[0]!;
  // J = [[−1, 0], [−20x, 10]]
  return (v, out) => {
    const j1 = -v[0]!;
    const j2 = -20 * x * v[0]! + 10 * v[1]!;
    out[0] = 2 * (-j1 - 20 * x * j2);
    out[1] = 2 * (10 * j2);
  };
}

/**
 * The chained Rosenbrock function in n dimensions (n ≥ 2, default 10),
 *     f(x) = Σ_{i=1}^{n−1} [100(x_{i+1} − x_i²)² + (1 − x_i)²],
 * from (−1.2, 1, −1.2, 1, …); minimum 0 at (1, …, 1). For 4 ≤ n ≤ 30 it also has one local minimum near
 * x₁ = −1 (Kok & Sandrock 2009), so a method can converge and still not reach the global minimum.
 * The Hessian is tridiagonal: H_ii = 1200x_i² − 400x_{i+1} + 2 (+ 200 when i > 1; the last entry 200),
 * H_{i,i+1} = −400x_i. Gauss–Newton from the residuals 10(x_{i+1} − x_i²) and 1 − x_i.
 */
export function chainedRosenbrock(n = 10): TestFunction {
  if (!Number.isInteger(n) || n < 2) throw new WasmtuneError('E_USAGE', `chainedRosenbrock: n must be an integer ≥ 2, got ${n}.`);
  const gradient = (x: Float64Array, out: Float64Array) => {
    out.fill(0);
    let f = 0;
    for (let i = 0; i < n - 1; i++) {
      const xi = x[i]!;
      const a = x[i + 1]! - xi * xi;
      const b = 1 - xi;
      f += 100 * a * a + b * b;
      out[i] = out[i]! - 400 * xi * a - 2 * b;
      out[i + 1] = out[i + 1]! + 200 * a;
    }
    return f;
  };
  return {
    id: `rosenbrock-${n}d`,
    name: `chained Rosenbrock (${n}-D)`,
    start: Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1)),
    minimum: new Float64Array(n).fill(1),
    minimumValue: 0,
    value: (x) => gradient(x, new Float64Array(n)),
    gradient,
    hessian: (p) => {
      const x = p.slice();
      const diag = new Float64Array(n);
      const off = new Float64Array(n - 1);
      for (let i = 0; i < n - 1; i++) {
        diag[i] = diag[i]! + 1200 * x[i]! * x[i]! - 400 * x[i + 1]! + 2;
        diag[i + 1] = diag[i + 1]! + 200;
        off[i] = -400 * x[i]!;
      }
      return (v, out) => {
        for (let i = 0; i < n; i++) out[i] = diag[i]! * v[i]! + (i > 0 ? off[i - 1]! * v[i - 1]! : 0) + (i < n - 1 ? off[i]! * v[i + 1]! : 0);
      };
    },
    gaussNewton: (p) => {
      const x = p.slice();
      // Rows of J: ∂[10(x_{i+1} − x_i²)] = (−20x_i at i, 10 at i+1); ∂[1 − x_i] = (−1 at i).
      return (v, out) => {
        out.fill(0);
        for (let i = 0; i < n - 1; i++) {
          const ja = -20 * x[i]! * v[i]! + 10 * v[i + 1]!;
          const jb = -v[i]!;
          out[i] = out[i]! + 2 * (-20 * x[i]! * ja - jb);
          out[i + 1] = out[i + 1]! + 2 * 10 * ja;
        }
      };
    },
  };
}

/**
 * Beale's function, f(x, y) = Σ_{k=1}^{3} (c_k − x + x·y^k)², c = (1.5, 2.25, 2.625), from (1, 1) (Moré,
 * Garbow & Hillstrom 1981, problem 5); minimum 0 at (3, 0.5). Steep walls along y at |y| > 1, a flat
 * region towards x = 0, and a Hessian that is indefinite over part of the path from the start.
 */
export function beale(): TestFunction {
  const c = [1.5, 2.25, 2.625];
  /** Residual k (1-based power), its gradient (∂x, ∂y) and its second derivatives (xx = 0, xy, yy). */
  const residual = (x: number, y: number, k: number) => {
    const yk = y ** k;
    return {
      r: c[k - 1]! - x + x * yk,
      rx: yk - 1,
      ry: k * x * y ** (k - 1),
      rxy: k * y ** (k - 1),
      ryy: k * (k - 1) * x * (k >= 2 ? y ** (k - 2) : 0),
    };
  };
  const gradient = (p: Float64Array, out: Float64Array) => {
    let f = 0;
    let gx = 0;
    let gy = 0;
    for (let k = 1; k <= 3; k++) {
      const { r, rx, ry } = residual(p[0]!, p[1]!, k);
      f += r * r;
      gx += 2 * r * rx;
      gy += 2 * r * ry;
    }
    out[0] = gx;
    out[1] = gy;
    return f;
  };
  const product = (p: Float64Array, exact: boolean): CurvatureProduct => {
    let hxx = 0;
    let hxy = 0;
    let hyy = 0;
    for (let k = 1; k <= 3; k++) {
      const { r, rx, ry, rxy, ryy } = residual(p[0]!, p[1]!, k);
      hxx += 2 * rx * rx;
      hxy += 2 * rx * ry + (exact ? 2 * r * rxy : 0);
      hyy += 2 * ry * ry + (exact ? 2 * r * ryy : 0);
    }
    return (v, out) => {
      out[0] = hxx * v[0]! + hxy * v[1]!;
      out[1] = hxy * v[0]! + hyy * v[1]!;
    };
  };
  return {
    id: 'beale',
    name: 'Beale',
    start: Float64Array.from([1, 1]),
    minimum: Float64Array.from([3, 0.5]),
    minimumValue: 0,
    value: (p) => gradient(p, new Float64Array(2)),
    gradient,
    hessian: (p) => product(p, true),
    gaussNewton: (p) => product(p, false),
  };
}

/** Every classic function by id, each call a fresh instance. */
export const TEST_FUNCTIONS = {
  'ill-conditioned-quadratic': illConditionedQuadratic,
  rosenbrock,
  'rosenbrock-10d': () => chainedRosenbrock(10),
  beale,
} as const;

export type TestFunctionId = keyof typeof TEST_FUNCTIONS;

/** Euclidean distance ‖a − b‖₂. */
export function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}
