/*
 * Integer block matching along a line: sum of absolute differences of u8 samples, and
 * correlation (dot product) of i16 samples, both accumulated in 32 bits.
 *
 * match(n, range): for each displacement d in [0, range), sads[d] = sum |cur[i] - ref[i + d]| and
 * corr[d] = sum sx[i] * sy[i + d] over i < n (n <= 8192, range <= 256). Returns the displacement with
 * the smallest SAD (the first one on a tie). The SAD helper has plain pointers, the dot product
 * restrict ones. Public domain (CC0-1.0).
 */

#define MAX_N 8192
#define MAX_RANGE 256

unsigned char cur[MAX_N];
unsigned char ref[MAX_N + MAX_RANGE];
short sx[MAX_N];
short sy[MAX_N + MAX_RANGE];
unsigned sads[MAX_RANGE];
int corr[MAX_RANGE];

static unsigned sad_u8(const unsigned char *a, const unsigned char *b, int n) {
  unsigned s = 0;
  for (int i = 0; i < n; i++) {
    int d = a[i] - b[i];
    s += d < 0 ? -d : d;
  }
  return s;
}

static int dot_i16(const short *restrict a, const short *restrict b, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

int match(int n, int range) {
  if (n > MAX_N) n = MAX_N;
  if (range > MAX_RANGE) range = MAX_RANGE;
  int best = 0;
  for (int d = 0; d < range; d++) {
    sads[d] = sad_u8(cur, ref + d, n);
    corr[d] = dot_i16(sx, sy + d, n);
    if (sads[d] < sads[best]) best = d;
  }
  return best;
}
