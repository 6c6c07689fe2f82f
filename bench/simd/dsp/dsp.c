/*
 * A small single-precision audio chain, block by block:
 *   left  -> gain -> 16-tap FIR ----\
 *                                    mix (0.6 / 0.4) -> out, peak |out| per block
 *   right -> biquad low-pass -------/
 *
 * dsp_chain(n, blocks), n <= 1024, blocks <= 64. left holds blocks*n + 15 samples (the first 15 are
 * the FIR's history), right blocks*n. taps are the FIR coefficients; the biquad is a fixed
 * low-pass (direct form I, state carried from block to block). Writes out[0 .. blocks*n) and
 * peaks[b] = max |out| over block b; returns the largest peak. The FIR accumulates the taps in order;
 * the biquad is a recurrence. gain and fir take restrict pointers, mix and peak plain ones.
 * Public domain (CC0-1.0).
 */

#define TAPS 16
#define MAX_BLOCK 1024
#define MAX_BLOCKS 64
#define MAX_SAMPLES (MAX_BLOCK * MAX_BLOCKS)

float left[MAX_SAMPLES + TAPS - 1];
float right[MAX_SAMPLES];
float taps[TAPS];
float out[MAX_SAMPLES];
float peaks[MAX_BLOCKS];

static float work[MAX_BLOCK + TAPS - 1];
static float filtered[MAX_BLOCK];
static float lowpassed[MAX_BLOCK];

static void gain(const float *restrict src, float *restrict dst, int n, float g) {
  for (int i = 0; i < n; i++)
    dst[i] = g * src[i];
}

static void fir(const float *restrict src, const float *restrict h, float *restrict dst, int n) {
  for (int i = 0; i < n; i++) {
    float s = 0.0f;
    for (int k = 0; k < TAPS; k++)
      s += h[k] * src[i + k];
    dst[i] = s;
  }
}

/* state: x[n-1], x[n-2], y[n-1], y[n-2] */
static void biquad(const float *src, float *dst, int n, float *state) {
  const float b0 = 0.0674553f, b1 = 0.1349106f, b2 = 0.0674553f;
  const float a1 = -1.1429805f, a2 = 0.4128016f;
  float x1 = state[0], x2 = state[1], y1 = state[2], y2 = state[3];
  for (int i = 0; i < n; i++) {
    float x0 = src[i];
    float y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    dst[i] = y0;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
  }
  state[0] = x1;
  state[1] = x2;
  state[2] = y1;
  state[3] = y2;
}

static void mix(const float *a, const float *b, float *dst, int n, float ga, float gb) {
  for (int i = 0; i < n; i++)
    dst[i] = ga * a[i] + gb * b[i];
}

static float peak(const float *s, int n) {
  float m = 0.0f;
  for (int i = 0; i < n; i++) {
    float v = __builtin_fabsf(s[i]);
    m = v > m ? v : m;
  }
  return m;
}

float dsp_chain(int n, int blocks) {
  if (n > MAX_BLOCK) n = MAX_BLOCK;
  if (blocks > MAX_BLOCKS) blocks = MAX_BLOCKS;
  float state[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  float top = 0.0f;
  for (int b = 0; b < blocks; b++) {
    gain(left + b * n, work, n + TAPS - 1, 0.8f);
    fir(work, taps, filtered, n);
    biquad(right + b * n, lowpassed, n, state);
    mix(filtered, lowpassed, out + b * n, n, 0.6f, 0.4f);
    float p = peak(out + b * n, n);
    peaks[b] = p;
    top = p > top ? p : top;
  }
  return top;
}
