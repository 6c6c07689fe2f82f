/*
 * 2D 5-point Jacobi relaxation, single precision.
 *
 * jacobi2d(n, steps) on an n x n grid (n <= 256, row stride n): each step computes
 * B = 0.2 * (centre + west + east + north + south) of A on the interior, then the same from B back
 * into A, so after `steps` steps the result is in A (B holds the half step before it). The border
 * rows and columns are never written. Plain pointers, no restrict. Public domain (CC0-1.0).
 */

#define MAX_N 256

float A[MAX_N * MAX_N];
float B[MAX_N * MAX_N];

static void relax(int n, const float *src, float *dst) {
  for (int i = 1; i < n - 1; i++) {
    for (int j = 1; j < n - 1; j++) {
      dst[i * n + j] = 0.2f * (src[i * n + j] + src[i * n + j - 1] + src[i * n + j + 1] +
                               src[(i - 1) * n + j] + src[(i + 1) * n + j]);
    }
  }
}

void jacobi2d(int n, int steps) {
  if (n > MAX_N) n = MAX_N;
  for (int t = 0; t < steps; t++) {
    relax(n, A, B);
    relax(n, B, A);
  }
}
