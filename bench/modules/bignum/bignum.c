/* SPDX-License-Identifier: CC0-1.0 */
/* Multi-precision integer arithmetic on 32-bit limbs, least significant first: comparison, addition,
 * subtraction, schoolbook multiplication, Knuth's long division (algorithm D), modular exponentiation
 * (left-to-right, 4-bit fixed window), the binary GCD and conversion to decimal.
 * bignum_run(limbs, exp_limbs) reads A, B and M (limbs each) and E (exp_limbs) and computes
 *   P = A·B, (Q, R) = divmod(P, M) checked by Q·M + R = P, X = A^E mod M, G = gcd(A·B, B·M),
 *   D = the decimal digits of X,
 * writing them to the exported buffers; it returns a hash of the results, or a negative number when a
 * self-check fails. No libc. */

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define MAXL 64 /* limbs of an operand: 2048 bits */

u32 A[MAXL], B[MAXL], M[MAXL], E[MAXL];
u32 P[2 * MAXL], Q[2 * MAXL], R[MAXL], X[MAXL], G[2 * MAXL];
char decimal[MAXL * 10 + 2];
int result_sizes[8];

/* a number: limbs and its length (no leading zero limbs; 0 has length 0) */
struct num {
  u32 *d;
  int n;
};

static int trim(const u32 *d, int n) {
  while (n > 0 && d[n - 1] == 0) n--;
  return n;
}

static void copy(u32 *dst, const u32 *src, int n) {
  for (int i = 0; i < n; i++) dst[i] = src[i];
}

static void zero(u32 *d, int n) {
  for (int i = 0; i < n; i++) d[i] = 0;
}

static int cmp(const u32 *a, int an, const u32 *b, int bn) {
  an = trim(a, an);
  bn = trim(b, bn);
  if (an != bn) return an < bn ? -1 : 1;
  for (int i = an - 1; i >= 0; i--)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/* r = a + b (r may alias a); returns the length of r; r has room for max(an, bn) + 1 limbs */
static int add(u32 *r, const u32 *a, int an, const u32 *b, int bn) {
  u64 carry = 0;
  int n = an > bn ? an : bn;
  for (int i = 0; i < n; i++) {
    u64 s = carry + (i < an ? a[i] : 0) + (i < bn ? b[i] : 0);
    r[i] = (u32)s;
    carry = s >> 32;
  }
  r[n] = (u32)carry;
  return trim(r, n + 1);
}

/* r = a - b, for a >= b (r may alias a); returns the length of r */
static int sub(u32 *r, const u32 *a, int an, const u32 *b, int bn) {
  u32 borrow = 0;
  for (int i = 0; i < an; i++) {
    u64 bi = (u64)(i < bn ? b[i] : 0) + borrow;
    borrow = a[i] < bi;
    r[i] = (u32)(a[i] - bi);
  }
  return trim(r, an);
}

/* r = a · b; r must not alias a or b and has room for an + bn limbs */
static int mul(u32 *r, const u32 *a, int an, const u32 *b, int bn) {
  zero(r, an + bn);
  for (int i = 0; i < an; i++) {
    u64 carry = 0;
    if (a[i] == 0) continue;
    for (int j = 0; j < bn; j++) {
      u64 t = (u64)a[i] * b[j] + r[i + j] + carry;
      r[i + j] = (u32)t;
      carry = t >> 32;
    }
    r[i + bn] = (u32)carry;
  }
  return trim(r, an + bn);
}

static int leading_zeros(u32 x) {
  int n = 0;
  if (x == 0) return 32;
  while (!(x & 0x80000000u)) { x <<= 1; n++; }
  return n;
}

/* Knuth, TAOCP vol. 2, 4.3.1, algorithm D. q = u / v (un - vn + 1 limbs), r = u mod v (vn limbs).
 * v must be nonzero. q or r may be null. Returns the length of the remainder. */
static u32 un_[2 * MAXL + 1], vn_[MAXL];
static int divmod(u32 *q, u32 *r, const u32 *u, int un, const u32 *v, int vn) {
  un = trim(u, un);
  vn = trim(v, vn);
  if (un < vn) {
    if (q) zero(q, 1);
    if (r) { copy(r, u, un); zero(r + un, vn - un); }
    return un;
  }
  if (vn == 1) { /* short division */
    u64 rem = 0;
    for (int i = un - 1; i >= 0; i--) {
      u64 cur = (rem << 32) | u[i];
      if (q) q[i] = (u32)(cur / v[0]);
      rem = cur % v[0];
    }
    if (r) r[0] = (u32)rem;
    return rem != 0;
  }
  int s = leading_zeros(v[vn - 1]);
  /* normalise: shift so the divisor's top bit is set */
  for (int i = vn - 1; i > 0; i--) vn_[i] = (v[i] << s) | (s ? v[i - 1] >> (32 - s) : 0);
  vn_[0] = v[0] << s;
  un_[un] = s ? u[un - 1] >> (32 - s) : 0;
  for (int i = un - 1; i > 0; i--) un_[i] = (u[i] << s) | (s ? u[i - 1] >> (32 - s) : 0);
  un_[0] = u[0] << s;
  for (int j = un - vn; j >= 0; j--) {
    u64 num = ((u64)un_[j + vn] << 32) | un_[j + vn - 1];
    u64 qhat = num / vn_[vn - 1], rhat = num % vn_[vn - 1];
    while (qhat >> 32 || qhat * vn_[vn - 2] > ((rhat << 32) | un_[j + vn - 2])) {
      qhat--;
      rhat += vn_[vn - 1];
      if (rhat >> 32) break;
    }
    /* multiply and subtract */
    long long t;
    u64 carry = 0;
    for (int i = 0; i < vn; i++) {
      u64 p = qhat * vn_[i];
      t = (long long)un_[i + j] - (long long)carry - (long long)(p & 0xFFFFFFFFu);
      un_[i + j] = (u32)t;
      carry = (p >> 32) - (u64)(t >> 32);
    }
    t = (long long)un_[j + vn] - (long long)carry;
    un_[j + vn] = (u32)t;
    if (t < 0) { /* qhat was one too large: add back */
      qhat--;
      u64 c = 0;
      for (int i = 0; i < vn; i++) {
        u64 sum = (u64)un_[i + j] + vn_[i] + c;
        un_[i + j] = (u32)sum;
        c = sum >> 32;
      }
      un_[j + vn] += (u32)c;
    }
    if (q) q[j] = (u32)qhat;
  }
  if (r) {
    for (int i = 0; i < vn - 1; i++) r[i] = (un_[i] >> s) | (s ? un_[i + 1] << (32 - s) : 0);
    r[vn - 1] = un_[vn - 1] >> s;
  }
  return r ? trim(r, vn) : 0;
}

/* x = base^e mod m, fixed 4-bit windows; m nonzero, base < m */
static u32 table[16][MAXL];
static u32 prod[2 * MAXL];
static int modpow(u32 *x, const u32 *base, int bn, const u32 *e, int en, const u32 *m, int mn) {
  int xn;
  mn = trim(m, mn);
  zero(table[0], mn);
  table[0][0] = 1;
  if (mn == 1 && m[0] == 1) table[0][0] = 0;
  copy(table[1], base, bn);
  zero(table[1] + bn, mn - bn);
  for (int k = 2; k < 16; k++) {
    int pn = mul(prod, table[k - 1], mn, base, bn);
    divmod(0, table[k], prod, pn, m, mn);
  }
  copy(x, table[0], mn);
  xn = trim(x, mn);
  for (int i = trim(e, en) * 8 - 1; i >= 0; i--) {
    int w = (e[i / 8] >> ((i % 8) * 4)) & 15;
    for (int s = 0; s < 4; s++) { /* x = x^16 */
      int pn = mul(prod, x, xn, x, xn);
      xn = divmod(0, x, prod, pn, m, mn);
    }
    if (w) {
      int pn = mul(prod, x, xn, table[w], mn);
      xn = divmod(0, x, prod, pn, m, mn);
    }
  }
  return xn;
}

static int shift_right(u32 *a, int n, int bits) {
  for (int i = 0; i < n; i++) a[i] = (a[i] >> bits) | (i + 1 < n && bits ? a[i + 1] << (32 - bits) : 0);
  return trim(a, n);
}

static int trailing_zeros(const u32 *a, int n) {
  int z = 0;
  for (int i = 0; i < n; i++) {
    if (a[i] == 0) { z += 32; continue; }
    u32 x = a[i];
    while (!(x & 1)) { x >>= 1; z++; }
    break;
  }
  return z;
}

/* g = gcd(a, b), binary algorithm (Stein); operands of up to 2·MAXL limbs, g has room for 2·MAXL */
static u32 ga[2 * MAXL + 1], gb[2 * MAXL + 1];
static int gcd(u32 *g, const u32 *a, int an, const u32 *b, int bn) {
  int na = trim(a, an), nb = trim(b, bn), shift, za, zb;
  if (na == 0) { copy(g, b, nb); return nb; }
  if (nb == 0) { copy(g, a, na); return na; }
  copy(ga, a, na);
  copy(gb, b, nb);
  za = trailing_zeros(ga, na);
  zb = trailing_zeros(gb, nb);
  shift = za < zb ? za : zb;
  while (za >= 32) { for (int i = 0; i < na - 1; i++) ga[i] = ga[i + 1]; ga[--na] = 0; za -= 32; }
  if (za) na = shift_right(ga, na, za);
  for (;;) {
    zb = trailing_zeros(gb, nb);
    while (zb >= 32) { for (int i = 0; i < nb - 1; i++) gb[i] = gb[i + 1]; gb[--nb] = 0; zb -= 32; }
    if (zb) nb = shift_right(gb, nb, zb);
    /* both odd: subtract the smaller from the larger */
    if (cmp(ga, na, gb, nb) > 0) {
      u32 t[2 * MAXL + 1];
      int tn = na;
      copy(t, ga, na);
      copy(ga, gb, nb); zero(ga + nb, na - nb); na = nb;
      copy(gb, t, tn); nb = tn;
    }
    nb = sub(gb, gb, nb, ga, na);
    if (nb == 0) break;
  }
  /* g = ga << shift */
  zero(g, 2 * MAXL);
  for (int i = 0; i < na; i++) {
    int w = i + shift / 32, s = shift % 32;
    if (w < 2 * MAXL) g[w] |= ga[i] << s;
    if (s && w + 1 < 2 * MAXL) g[w + 1] |= ga[i] >> (32 - s);
  }
  return trim(g, 2 * MAXL);
}

/* decimal digits of a (destroyed), most significant first; returns the number of digits */
static int to_decimal(char *out, u32 *a, int n) {
  char rev[MAXL * 10 + 2];
  int len = 0;
  n = trim(a, n);
  if (n == 0) { out[0] = '0'; out[1] = 0; return 1; }
  while (n > 0) {
    u64 rem = 0;
    for (int i = n - 1; i >= 0; i--) { /* divide by 10^9 */
      u64 cur = (rem << 32) | a[i];
      a[i] = (u32)(cur / 1000000000u);
      rem = cur % 1000000000u;
    }
    n = trim(a, n);
    for (int k = 0; k < 9; k++) {
      rev[len++] = (char)('0' + rem % 10);
      rem /= 10;
      if (n == 0 && rem == 0) break;
    }
  }
  for (int i = 0; i < len; i++) out[i] = rev[len - 1 - i];
  out[len] = 0;
  return len;
}

static u32 hash_limbs(u32 h, const u32 *d, int n) {
  for (int i = 0; i < n; i++) {
    h ^= d[i];
    h *= 16777619u;
    h ^= h >> 15;
  }
  return h;
}

int bignum_run(int limbs, int exp_limbs) {
  static u32 check[2 * MAXL + 1], tmp[MAXL], bm[2 * MAXL + 1], g2[2 * MAXL];
  int pn, qn, rn, xn, gn, g2n, bmn, cn, dn;
  u32 h = 2166136261u;
  if (limbs < 2 || limbs > MAXL || exp_limbs < 1 || exp_limbs > MAXL) return -1;
  M[limbs - 1] |= 0x80000000u; /* a full-size modulus */
  M[0] |= 1;                   /* odd */
  /* A and B below M: drop their top bit */
  A[limbs - 1] &= 0x7FFFFFFFu;
  B[limbs - 1] &= 0x7FFFFFFFu;
  /* divmod(P, M) */
  pn = mul(P, A, limbs, B, limbs);
  zero(Q, 2 * MAXL);
  zero(R, MAXL);
  rn = divmod(Q, R, P, pn, M, limbs);
  qn = trim(Q, pn > limbs ? pn - limbs + 1 : 1);
  /* check: Q·M + R == P */
  cn = mul(check, Q, qn, M, limbs);
  cn = add(check, check, cn, R, rn);
  if (cmp(check, cn, P, pn) != 0) return -2;
  if (cmp(R, rn, M, limbs) >= 0) return -3;
  /* modpow */
  zero(X, MAXL);
  xn = modpow(X, A, limbs, E, exp_limbs, M, limbs);
  /* G = gcd(A·B, B·M), checked against the identity gcd(A·B, B·M) = B·gcd(A, M) */
  bmn = mul(bm, B, limbs, M, limbs);
  gn = gcd(G, P, pn, bm, bmn);
  g2n = gcd(g2, A, limbs, M, limbs);
  cn = mul(check, B, limbs, g2, g2n);
  if (gn == 0 || cmp(check, cn, G, gn) != 0 || divmod(0, tmp, A, limbs, g2, g2n) != 0) return -4;
  /* decimal of X (on a copy) */
  copy(tmp, X, MAXL);
  dn = to_decimal(decimal, tmp, xn);
  result_sizes[0] = pn;
  result_sizes[1] = qn;
  result_sizes[2] = rn;
  result_sizes[3] = xn;
  result_sizes[4] = gn;
  result_sizes[5] = dn;
  result_sizes[6] = g2n;
  h = hash_limbs(h, P, pn);
  h = hash_limbs(h, Q, qn);
  h = hash_limbs(h, R, rn);
  h = hash_limbs(h, X, xn);
  h = hash_limbs(h, G, gn);
  for (int i = 0; i < dn; i++) h = (h ^ (u8)decimal[i]) * 16777619u;
  return (int)(h & 0x7FFFFFFF);
}
