/*
 * daxpy + ddot + a dnrm2-style sum of squares, double precision (BLAS level 1).
 *
 * blas1_f64(n, iters) repeats `iters` times: y = a*x + y, d = x . y, q = y . y (the sum of squares a
 * 2-norm is the square root of). d and q go to stats[2*it] and stats[2*it + 1]; the function returns
 * the sum of d / q over the iterations. The scale a follows a fixed sequence that changes sign.
 *
 * Plain pointers, no restrict: the helpers are written the way reference BLAS translations are.
 * Public domain (CC0-1.0).
 */

#define MAX_N 65536
#define MAX_ITERS 64

double x[MAX_N];
double y[MAX_N];
double stats[2 * MAX_ITERS];

static void daxpy(int n, double a, const double *xs, double *ys) {
  for (int i = 0; i < n; i++)
    ys[i] += a * xs[i];
}

static double ddot(int n, const double *xs, const double *ys) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += xs[i] * ys[i];
  return s;
}

/* sum of squares: dnrm2 without the final square root (and without its scaling) */
static double dsumsq(int n, const double *xs) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += xs[i] * xs[i];
  return s;
}

double blas1_f64(int n, int iters) {
  if (n > MAX_N) n = MAX_N;
  if (iters > MAX_ITERS) iters = MAX_ITERS;
  double a = 0.625;
  double total = 0.0;
  for (int it = 0; it < iters; it++) {
    daxpy(n, a, x, y);
    double d = ddot(n, x, y);
    double q = dsumsq(n, y);
    stats[2 * it] = d;
    stats[2 * it + 1] = q;
    total += d / q;
    a = (it & 1) ? 0.8 * a : -a;
  }
  return total;
}
