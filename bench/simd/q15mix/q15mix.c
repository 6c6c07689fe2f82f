/*
 * Fixed-point (Q15) mixing console: 8 channels of 16-bit samples into one, with gain automation and
 * saturation.
 *
 * q15mix(n, frames), n <= 4096, frames <= 64. Channel c is in[c*n .. c*n + n). For frame f each
 * channel's gain is its base gain gains[c] (Q15) ramped down by f/256:
 * g = gains[c] * (256 - f) >> 8. Each channel is scaled with Q15 rounding,
 * (x * g + 16384) >> 15, and summed in 32 bits in acc; the sum is saturated to 16 bits into
 * out[f*n .. f*n + n). peaks[f] is the largest |out| of the frame; returns the number of samples
 * that saturated, over all frames. Plain pointers, no restrict. Public domain (CC0-1.0).
 */

#define CHANNELS 8
#define MAX_N 4096
#define MAX_FRAMES 64

short in[CHANNELS * MAX_N];
short gains[CHANNELS];
short out[MAX_FRAMES * MAX_N];
int peaks[MAX_FRAMES];

static int acc[MAX_N];

static void clear(int *a, int n) {
  for (int i = 0; i < n; i++)
    a[i] = 0;
}

static void mac_q15(int *a, const short *x, int g, int n) {
  for (int i = 0; i < n; i++)
    a[i] += (x[i] * g + 16384) >> 15;
}

/* saturate to 16 bits; returns how many samples were clipped */
static int saturate(const int *a, short *o, int n) {
  int clipped = 0;
  for (int i = 0; i < n; i++) {
    int v = a[i];
    clipped += (v > 32767) | (v < -32768);
    v = v > 32767 ? 32767 : v;
    v = v < -32768 ? -32768 : v;
    o[i] = (short)v;
  }
  return clipped;
}

static int peak_abs(const short *o, int n) {
  int m = 0;
  for (int i = 0; i < n; i++) {
    int v = o[i] < 0 ? -o[i] : o[i];
    m = v > m ? v : m;
  }
  return m;
}

int q15mix(int n, int frames) {
  if (n > MAX_N) n = MAX_N;
  if (frames > MAX_FRAMES) frames = MAX_FRAMES;
  int clipped = 0;
  for (int f = 0; f < frames; f++) {
    clear(acc, n);
    for (int c = 0; c < CHANNELS; c++)
      mac_q15(acc, in + c * n, (gains[c] * (256 - f)) >> 8, n);
    clipped += saturate(acc, out + f * n, n);
    peaks[f] = peak_abs(out + f * n, n);
  }
  return clipped;
}
