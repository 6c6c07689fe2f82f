// Source of kernels.wat: clang --target=wasm32 -nostdlib -Wl,--no-entry -fno-builtin -O2 -o k.wasm kernels.c, then wasm-opt -O3 k.wasm -S -o kernels.wat (binaryen 132).
#define EXPORT(n) __attribute__((export_name(#n)))
typedef struct { double re, im; } cplx;
EXPORT(cmul) void cmul(cplx *restrict c, const cplx *a, const cplx *b) {
  double ar = a->re, ai = a->im, br = b->re, bi = b->im;
  c->re = ar * br - ai * bi;
  c->im = ar * bi + ai * br;
}
EXPORT(cmul_arr) void cmul_arr(cplx *c, const cplx *a, const cplx *b, int n) {
  for (int i = 0; i < n; i++) {
    double ar = a[i].re, ai = a[i].im, br = b[i].re, bi = b[i].im;
    c[i].re = ar * br - ai * bi;
    c[i].im = ar * bi + ai * br;
  }
}
EXPORT(cscale) void cscale(cplx *c, const cplx *a, const cplx *b, double s, int n) {
  for (int i = 0; i < n; i++) {
    c[i].re = a[i].re * s + b[i].re;
    c[i].im = a[i].im * s + b[i].im;
  }
}
EXPORT(upd4) void upd4(float *p, const float *q, float s) {
  p[0] = p[0] + s * q[0];
  p[1] = p[1] + s * q[1];
  p[2] = p[2] + s * q[2];
  p[3] = p[3] + s * q[3];
}
EXPORT(sum4) int sum4(const int *a, int n) {
  int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int i = 0;
  for (; i + 3 < n; i += 4) { s0 += a[i]; s1 += a[i+1]; s2 += a[i+2]; s3 += a[i+3]; }
  for (; i < n; i++) s0 += a[i];
  return s0 + s1 + s2 + s3;
}
EXPORT(dot4f) float dot4f(const float *a, const float *b, int n) {
  float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int i = 0;
  for (; i + 3 < n; i += 4) { s0 += a[i]*b[i]; s1 += a[i+1]*b[i+1]; s2 += a[i+2]*b[i+2]; s3 += a[i+3]*b[i+3]; }
  for (; i < n; i++) s0 += a[i]*b[i];
  return (s0 + s1) + (s2 + s3);
}
EXPORT(axpy2) void axpy2(double *y, const double *x, double a, int n) {
  int i = 0;
  for (; i + 1 < n; i += 2) { y[i] = y[i] + a * x[i]; y[i+1] = y[i+1] + a * x[i+1]; }
  for (; i < n; i++) y[i] = y[i] + a * x[i];
}
EXPORT(mat2) void mat2(double *c, const double *a, const double *b) {
  double a00 = a[0], a01 = a[1], a10 = a[2], a11 = a[3];
  c[0] = a00 * b[0] + a01 * b[2];
  c[1] = a00 * b[1] + a01 * b[3];
  c[2] = a10 * b[0] + a11 * b[2];
  c[3] = a10 * b[1] + a11 * b[3];
}
EXPORT(short8) void short8(short *p, const short *q, const short *r) {
  for (int j = 0; j < 8; j++) p[j] = (short)(q[j] + r[j] * 3);
}
EXPORT(shift_ahead) void shift_ahead(int *p) {
  p[0] = p[4] * 2; p[1] = p[5] * 2; p[2] = p[6] * 2; p[3] = p[7] * 2;
}
EXPORT(chain) void chain(int *p) {
  p[1] = p[0] + 1; p[2] = p[1] + 1; p[3] = p[2] + 1; p[4] = p[3] + 1;
}
EXPORT(div4) void div4(int *p, const int *q, const int *r) {
  p[0] = q[0] / r[0]; p[1] = q[1] / r[1]; p[2] = q[2] / r[2]; p[3] = q[3] / r[3];
}
EXPORT(mixed) void mixed(int *p, const int *q, const int *r) {
  p[0] = q[0] + r[0]; p[1] = q[1] * r[1]; p[2] = q[2] - r[2]; p[3] = q[3] ^ r[3];
}
EXPORT(max2) void max2(double *p, const double *q, const double *r) {
  p[0] = __builtin_wasm_max_f64(q[0], r[0]); p[1] = __builtin_wasm_max_f64(q[1], r[1]);
}
__attribute__((noinline)) void touch(int *p) { p[1] += 7; }
EXPORT(call_between) void call_between(int *p, const int *q) {
  p[0] = q[0] + 1; p[1] = q[1] + 1; touch(p); p[2] = q[2] + 1; p[3] = q[3] + 1;
}
EXPORT(three) void three(float *p, const float *q) {
  p[0] = q[0] * 2; p[1] = q[1] * 2; p[2] = q[2] * 2;
}
double GX[256], GY[256];
EXPORT(axpy2_global) void axpy2_global(double a, int n) {
  int i = 0;
  for (; i + 1 < n; i += 2) { GY[i] = GY[i] + a * GX[i]; GY[i + 1] = GY[i + 1] + a * GX[i + 1]; }
  for (; i < n; i++) GY[i] = GY[i] + a * GX[i];
}
