/*
 * saxpy + sdot, single precision (BLAS level 1).
 *
 * saxpy_sdot(n, iters) repeats `iters` times: y = a*x + y, then d = x . y; each d is stored in
 * dots[it] and the sum of all of them is returned. The scale a changes sign and shrinks from one
 * iteration to the next, so y stays bounded.
 *
 * Both helpers take restrict-qualified pointers, as BLAS-style C interfaces commonly do.
 * Public domain (CC0-1.0).
 */

#define MAX_N 65536
#define MAX_ITERS 64

float x[MAX_N];
float y[MAX_N];
float dots[MAX_ITERS];

/* y[i] = a * x[i] + y[i] */
static void saxpy(int n, float a, const float *restrict xs, float *restrict ys) {
  for (int i = 0; i < n; i++)
    ys[i] = a * xs[i] + ys[i];
}

/* sum of xs[i] * ys[i], accumulated left to right */
static float sdot(int n, const float *restrict xs, const float *restrict ys) {
  float s = 0.0f;
  for (int i = 0; i < n; i++)
    s += xs[i] * ys[i];
  return s;
}

float saxpy_sdot(int n, int iters) {
  if (n > MAX_N) n = MAX_N;
  if (iters > MAX_ITERS) iters = MAX_ITERS;
  float a = 0.5f;
  float total = 0.0f;
  for (int it = 0; it < iters; it++) {
    saxpy(n, a, x, y);
    float d = sdot(n, x, y);
    dots[it] = d;
    total += d;
    a = -0.75f * a;
  }
  return total;
}
