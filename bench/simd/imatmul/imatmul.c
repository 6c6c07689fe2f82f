/*
 * Integer (i32) dense matrix multiply C = A * B, n x n, row-major, i-k-j loop order (the innermost
 * loop runs along a row of B and a row of C).
 *
 * imatmul(n), n <= 128: returns the trace of C. Values wrap modulo 2^32 only if the inputs are
 * large; the harness keeps them small enough that nothing overflows. restrict on the helper's
 * pointers. Public domain (CC0-1.0).
 */

#define MAX_N 128

int A[MAX_N * MAX_N];
int B[MAX_N * MAX_N];
int C[MAX_N * MAX_N];

static void matmul(int n, const int *restrict a, const int *restrict b, int *restrict c) {
  for (int i = 0; i < n; i++) {
    int *restrict ci = c + i * n;
    for (int j = 0; j < n; j++)
      ci[j] = 0;
    for (int k = 0; k < n; k++) {
      int aik = a[i * n + k];
      const int *restrict bk = b + k * n;
      for (int j = 0; j < n; j++)
        ci[j] += aik * bk[j];
    }
  }
}

int imatmul(int n) {
  if (n > MAX_N) n = MAX_N;
  matmul(n, A, B, C);
  int trace = 0;
  for (int i = 0; i < n; i++)
    trace += C[i * n + i];
  return trace;
}
