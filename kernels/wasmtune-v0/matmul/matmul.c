/* Dense matrix multiplication C = A * B (row-major, double precision), naive i-j-k loop order. */
#define MAXN 192

double A[MAXN * MAXN];
double B[MAXN * MAXN];
double C[MAXN * MAXN];

void matmul(int n) {
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      double sum = 0.0;
      for (int k = 0; k < n; k++) {
        sum += A[i * n + k] * B[k * n + j];
      }
      C[i * n + j] = sum;
    }
  }
}
