/*
 * RGBA to grayscale with integer weights, then brightness/contrast with saturation, on u8 pixels.
 *
 * grayscale(w, h, brightness, contrast), w * h <= 512 * 512:
 *  - gray[p] = (77 R + 150 G + 29 B + 128) >> 8 (BT.601 luma in 8.8 fixed point; alpha ignored);
 *  - out[p] = clamp(((gray[p] - 128) * contrast >> 8) + 128 + brightness, 0, 255), contrast in
 *    8.8 fixed point (256 = unchanged), brightness an offset in grey levels.
 * Returns the number of output pixels that were clamped (to 0 or to 255).
 * Plain pointers, no restrict. Public domain (CC0-1.0).
 */

#define MAX_PIXELS (512 * 512)

unsigned char rgba[4 * MAX_PIXELS];
unsigned char gray[MAX_PIXELS];
unsigned char out[MAX_PIXELS];

static void rgba_to_gray(const unsigned char *src, unsigned char *dst, int npix) {
  for (int p = 0; p < npix; p++) {
    unsigned r = src[4 * p], g = src[4 * p + 1], b = src[4 * p + 2];
    dst[p] = (unsigned char)((77 * r + 150 * g + 29 * b + 128) >> 8);
  }
}

static void brightness_contrast(const unsigned char *src, unsigned char *dst, int npix,
                                int brightness, int contrast) {
  for (int p = 0; p < npix; p++) {
    int v = (((src[p] - 128) * contrast) >> 8) + 128 + brightness;
    v = v < 0 ? 0 : v;
    v = v > 255 ? 255 : v;
    dst[p] = (unsigned char)v;
  }
}

/* pixels at 0 or 255 */
static int count_saturated(const unsigned char *img, int npix) {
  int c = 0;
  for (int p = 0; p < npix; p++)
    c += (img[p] == 0) | (img[p] == 255);
  return c;
}

int grayscale(int w, int h, int brightness, int contrast) {
  int npix = w * h;
  if (npix > MAX_PIXELS) npix = MAX_PIXELS;
  rgba_to_gray(rgba, gray, npix);
  brightness_contrast(gray, out, npix, brightness, contrast);
  return count_saturated(out, npix);
}
