/*
 * sgemv: single-precision dense matrix-vector product, row-major, y = alpha*A*x + beta*y.
 *
 * sgemv_batch(m, n, k) applies one m x n matrix A (row stride n; m, n <= 256) to a batch of k
 * vectors (k <= 64), one product per vector, as a dense layer does for each sample of a batch:
 * Y[b] = A * X[b] / 16 + Y[b] / 2, with X[b] = X + b*n and Y[b] = Y + b*m. Each element of Y is a
 * dot product of a row of A with X[b], accumulated left to right. restrict on every pointer.
 * Public domain (CC0-1.0).
 */

#define MAX_M 256
#define MAX_N 256
#define MAX_K 64

float A[MAX_M * MAX_N];
float X[MAX_K * MAX_N];
float Y[MAX_K * MAX_M];

static void sgemv(int m, int n, float alpha, const float *restrict a, const float *restrict x,
                  float beta, float *restrict y) {
  for (int i = 0; i < m; i++) {
    const float *restrict row = a + i * n;
    float s = 0.0f;
    for (int j = 0; j < n; j++)
      s += row[j] * x[j];
    y[i] = alpha * s + beta * y[i];
  }
}

void sgemv_batch(int m, int n, int k) {
  if (m > MAX_M) m = MAX_M;
  if (n > MAX_N) n = MAX_N;
  if (k > MAX_K) k = MAX_K;
  for (int b = 0; b < k; b++)
    sgemv(m, n, 0.0625f, A, X + b * n, 0.5f, Y + b * m);
}
