/* Power iteration: repeated dense matrix-vector products y = M x with normalisation.
 * Returns the last norm (the dominant eigenvalue estimate); x holds the eigenvector estimate. */
#define MAXN 640

double M[MAXN * MAXN];
double x[MAXN];
double y[MAXN];

static void gemv(int n, const double *a, const double *v, double *out) {
  for (int i = 0; i < n; i++) {
    const double *row = a + i * n;
    double acc = 0.0;
    for (int j = 0; j < n; j++) acc += row[j] * v[j];
    out[i] = acc;
  }
}

static double dot(int n, const double *a, const double *b) {
  double acc = 0.0;
  for (int i = 0; i < n; i++) acc += a[i] * b[i];
  return acc;
}

static void scale(int n, double s, const double *in, double *out) {
  for (int i = 0; i < n; i++) out[i] = in[i] * s;
}

double power_iteration(int n, int iters) {
  double lambda = 0.0;
  for (int it = 0; it < iters; it++) {
    gemv(n, M, x, y);
    double norm = __builtin_sqrt(dot(n, y, y));
    if (norm == 0.0) return 0.0;
    scale(n, 1.0 / norm, y, x);
    lambda = norm;
  }
  return lambda;
}
