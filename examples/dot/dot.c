/* Example module (not part of the kernel suite): compensated dot product (Dot2 of Ogita, Rump and
 * Oishi, 2005) of two double vectors, with TwoSum and a Veltkamp-split TwoProduct (no FMA). */
#define MAXN 131072

double x[MAXN];
double y[MAXN];

static void two_sum(double a, double b, double *s, double *e) {
  double sum = a + b;
  double z = sum - a;
  *s = sum;
  *e = (a - (sum - z)) + (b - z);
}

static void split(double a, double *hi, double *lo) {
  double c = 134217729.0 * a; /* 2^27 + 1 */
  double big = c - a;
  *hi = c - big;
  *lo = a - *hi;
}

static void two_product(double a, double b, double *p, double *e) {
  double a1, a2, b1, b2;
  double prod = a * b;
  split(a, &a1, &a2);
  split(b, &b1, &b2);
  *p = prod;
  *e = a2 * b2 - (((prod - a1 * b1) - a2 * b1) - a1 * b2);
}

double dot(int n) {
  double p, s, h, r, q;
  two_product(x[0], y[0], &p, &s);
  for (int i = 1; i < n; i++) {
    two_product(x[i], y[i], &h, &r);
    two_sum(p, h, &p, &q);
    s += q + r;
  }
  return p + s;
}
