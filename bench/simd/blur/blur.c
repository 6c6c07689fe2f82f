/*
 * Separable 3x3 box blur of an 8-bit grayscale image, with 16-bit intermediate sums.
 *
 * blur(w, h, passes), w * h <= 512 * 512, w, h >= 3: each pass sums three horizontal neighbours
 * into the u16 buffer rows (edge columns repeat the edge pixel), then three rows of those sums, and
 * divides by 9 in 16.16 fixed point (x * 7282 + 32768) >> 16, writing back into img (edge rows
 * repeat the edge row). The passes run one after another on the same image.
 * restrict on the helpers' pointers. Public domain (CC0-1.0).
 */

#define MAX_PIXELS (512 * 512)

unsigned char img[MAX_PIXELS];
unsigned short rows[MAX_PIXELS];

static void hsum(const unsigned char *restrict src, unsigned short *restrict dst, int w, int h) {
  for (int y = 0; y < h; y++) {
    const unsigned char *restrict s = src + y * w;
    unsigned short *restrict d = dst + y * w;
    d[0] = (unsigned short)(2 * s[0] + s[1]);
    for (int x = 1; x < w - 1; x++)
      d[x] = (unsigned short)(s[x - 1] + s[x] + s[x + 1]);
    d[w - 1] = (unsigned short)(s[w - 2] + 2 * s[w - 1]);
  }
}

static void vsum(const unsigned short *restrict src, unsigned char *restrict dst, int w, int h) {
  for (int y = 0; y < h; y++) {
    const unsigned short *restrict up = src + (y > 0 ? y - 1 : 0) * w;
    const unsigned short *restrict mid = src + y * w;
    const unsigned short *restrict down = src + (y < h - 1 ? y + 1 : h - 1) * w;
    unsigned char *restrict d = dst + y * w;
    for (int x = 0; x < w; x++) {
      unsigned sum = up[x] + mid[x] + down[x];
      d[x] = (unsigned char)((sum * 7282u + 32768u) >> 16);
    }
  }
}

void blur(int w, int h, int passes) {
  if (w < 3 || h < 3 || w * h > MAX_PIXELS) return;
  for (int p = 0; p < passes; p++) {
    hsum(img, rows, w, h);
    vsum(rows, img, w, h);
  }
}
