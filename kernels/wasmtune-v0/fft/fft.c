/* In-place iterative radix-2 complex FFT (forward), double precision.
 * Twiddle factors are computed per call with a small polynomial sin/cos (no libm). */
#define MAXN 65536
#define PI 3.14159265358979323846

double re[MAXN];
double im[MAXN];
static double tw_re[MAXN / 2];
static double tw_im[MAXN / 2];

/* Taylor polynomials, valid for |x| <= pi/4. */
static double sin_poly(double x) {
  double x2 = x * x;
  return x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0 * (1.0 - x2 / 156.0))))));
}

static double cos_poly(double x) {
  double x2 = x * x;
  return 1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0 * (1.0 - x2 / 132.0)))));
}

/* sin and cos of x for 0 <= x < 2*pi, by quadrant reduction. */
static void sincos_approx(double x, double *s, double *c) {
  int q = (int)(x / (PI / 2.0) + 0.5);
  double r = x - q * (PI / 2.0);
  double sr = sin_poly(r), cr = cos_poly(r);
  switch (q & 3) {
    case 0: *s = sr; *c = cr; break;
    case 1: *s = cr; *c = -sr; break;
    case 2: *s = -sr; *c = -cr; break;
    default: *s = -cr; *c = sr; break;
  }
}

static unsigned bit_reverse(unsigned v, int bits) {
  unsigned r = 0;
  for (int i = 0; i < bits; i++) {
    r = (r << 1) | (v & 1);
    v >>= 1;
  }
  return r;
}

void fft(int n) {
  int bits = 0;
  while ((1 << bits) < n) bits++;

  for (int i = 0; i < n / 2; i++) {
    double s, c;
    sincos_approx(2.0 * PI * i / n, &s, &c);
    tw_re[i] = c;
    tw_im[i] = -s;
  }

  for (int i = 0; i < n; i++) {
    int j = (int)bit_reverse((unsigned)i, bits);
    if (i < j) {
      double t = re[i]; re[i] = re[j]; re[j] = t;
      t = im[i]; im[i] = im[j]; im[j] = t;
    }
  }

  for (int len = 2; len <= n; len <<= 1) {
    int half = len >> 1;
    int step = n / len;
    for (int i = 0; i < n; i += len) {
      for (int k = 0; k < half; k++) {
        double wr = tw_re[k * step], wi = tw_im[k * step];
        int a = i + k, b = a + half;
        double tr = re[b] * wr - im[b] * wi;
        double ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] = re[a] + tr;
        im[a] = im[a] + ti;
      }
    }
  }
}
