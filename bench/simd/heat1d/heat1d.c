/*
 * 1D heat equation, explicit 3-point stencil, double precision, ping-pong buffers.
 *
 * heat1d(n, steps): u(t+1)[i] = u[i] + r * (u[i-1] - 2 u[i] + u[i+1]) with r = 0.25, for
 * 0 < i < n-1, the two end points held fixed (n <= 65536). The time steps alternate between the
 * buffers u and v through swapped pointers: after an even number of steps the result is in u,
 * after an odd number in v. Returns the sum of the final temperatures, accumulated left to right.
 * Plain pointers, no restrict. Public domain (CC0-1.0).
 */

#define MAX_N 65536

double u[MAX_N];
double v[MAX_N];

static void step(int n, double r, const double *cur, double *next) {
  next[0] = cur[0];
  for (int i = 1; i < n - 1; i++)
    next[i] = cur[i] + r * (cur[i - 1] - 2.0 * cur[i] + cur[i + 1]);
  next[n - 1] = cur[n - 1];
}

static double total(int n, const double *t) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += t[i];
  return s;
}

double heat1d(int n, int steps) {
  if (n > MAX_N) n = MAX_N;
  if (n < 2) return 0.0;
  double *cur = u;
  double *next = v;
  for (int t = 0; t < steps; t++) {
    step(n, 0.25, cur, next);
    double *tmp = cur;
    cur = next;
    next = tmp;
  }
  return total(n, cur);
}
