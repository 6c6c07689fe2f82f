/* SPDX-License-Identifier: CC0-1.0 */
/* LZSS + Huffman round trip. lzss_roundtrip(n) compresses the first n bytes of `input` into `packed`
 * (a 4 KiB sliding window searched through hash chains, with one step of lazy matching, items in groups
 * of eight behind a flag byte), then entropy-codes the packed bytes into `coded` with a canonical Huffman
 * code limited to 15 bits. It then decodes `coded`, decompresses the result into `unpacked`, compares it
 * with the input, and returns the coded size (or -1 when the round trip does not reproduce the input).
 * `stats` receives counters of both stages and Adler-32 checksums. No libc. */

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;

#define MAX_INPUT 65536
#define WINDOW_BITS 12
#define WINDOW (1 << WINDOW_BITS)
#define LEN_BITS 4
#define MIN_MATCH 3
#define MAX_MATCH (MIN_MATCH + (1 << LEN_BITS) - 1) /* 18 */
#define HASH_BITS 12
#define HASH_SIZE (1 << HASH_BITS)
#define MAX_CHAIN 48
#define GOOD_ENOUGH 16 /* a match this long stops the chain walk */
#define NIL 0xFFFF

u8 input[MAX_INPUT];
u8 packed[MAX_INPUT + MAX_INPUT / 8 + 16];
u8 coded[MAX_INPUT + MAX_INPUT / 8 + 64];
u8 unpacked[MAX_INPUT];
int stats[16];

enum { ST_PACKED, ST_LITERALS, ST_MATCHES, ST_MATCHED_BYTES, ST_LONGEST, ST_CHAIN_STEPS, ST_LAZY_WINS,
       ST_ADLER, ST_MISMATCH_AT, ST_UNPACKED, ST_LEN_HIST_SHORT, ST_LEN_HIST_LONG, ST_CODED,
       ST_CODED_ADLER, ST_MAX_CODE_LEN, ST_REBUILDS };

static u16 head[HASH_SIZE];
static u16 prev[WINDOW];

struct match {
  int length;
  int distance;
};

struct writer {
  u8 *out;
  int pos;      /* next free byte */
  int flag_pos; /* byte holding the flags of the current group */
  int bit;      /* next flag bit; 8: a new group starts */
};

static u32 hash3(const u8 *p) {
  u32 v = ((u32)p[0] << 16) | ((u32)p[1] << 8) | p[2];
  return (v * 2654435761u) >> (32 - HASH_BITS);
}

static void insert_string(const u8 *data, int pos) {
  u32 h = hash3(data + pos);
  prev[pos & (WINDOW - 1)] = head[h];
  head[h] = (u16)pos;
}

/* The position a chain entry names, or -1 when it is empty or outside the window. */
static int chain_pos(u16 entry, int pos) {
  if (entry == NIL || pos - (int)entry > WINDOW - 1) return -1;
  return entry;
}

static struct match longest_match(const u8 *data, int pos, int n) {
  struct match best;
  int limit = n - pos < MAX_MATCH ? n - pos : MAX_MATCH;
  int steps = 0;
  best.length = 0;
  best.distance = 0;
  if (limit < MIN_MATCH) return best;
  int cand = chain_pos(head[hash3(data + pos)], pos);
  while (cand >= 0 && steps < MAX_CHAIN) {
    steps++;
    const u8 *a = data + cand, *b = data + pos;
    if (a[best.length] == b[best.length] && a[0] == b[0]) {
      int len = 0;
      while (len < limit && a[len] == b[len]) len++;
      if (len > best.length) {
        best.length = len;
        best.distance = pos - cand;
        if (len >= GOOD_ENOUGH || len == limit) break;
      }
    }
    int next = chain_pos(prev[cand & (WINDOW - 1)], pos);
    if (next >= cand) break; /* the chain wrapped around the window */
    cand = next;
  }
  stats[ST_CHAIN_STEPS] += steps;
  if (best.length < MIN_MATCH) best.length = 0;
  return best;
}

static void begin_item(struct writer *w, int is_match) {
  if (w->bit == 8) {
    w->flag_pos = w->pos++;
    w->out[w->flag_pos] = 0;
    w->bit = 0;
  }
  if (is_match) w->out[w->flag_pos] |= (u8)(1 << w->bit);
  w->bit++;
}

static void put_literal(struct writer *w, u8 c) {
  begin_item(w, 0);
  w->out[w->pos++] = c;
  stats[ST_LITERALS]++;
}

/* A match is two bytes: distance-1 (12 bits) and length-MIN_MATCH (4 bits). */
static void put_match(struct writer *w, struct match m) {
  int d = m.distance - 1, l = m.length - MIN_MATCH;
  begin_item(w, 1);
  w->out[w->pos++] = (u8)(d & 0xFF);
  w->out[w->pos++] = (u8)(((d >> 8) << LEN_BITS) | l);
  stats[ST_MATCHES]++;
  stats[ST_MATCHED_BYTES] += m.length;
  if (m.length > stats[ST_LONGEST]) stats[ST_LONGEST] = m.length;
  if (m.length < 6) stats[ST_LEN_HIST_SHORT]++;
  else if (m.length >= 12) stats[ST_LEN_HIST_LONG]++;
}

static int compress(const u8 *data, int n, u8 *out) {
  struct writer w;
  int pos = 0;
  w.out = out;
  w.pos = 0;
  w.flag_pos = 0;
  w.bit = 8;
  for (int i = 0; i < HASH_SIZE; i++) head[i] = NIL;
  for (int i = 0; i < WINDOW; i++) prev[i] = NIL;
  while (pos < n) {
    struct match m = longest_match(data, pos, n);
    if (m.length == 0) {
      put_literal(&w, data[pos]);
      if (pos + MIN_MATCH <= n) insert_string(data, pos);
      pos++;
      continue;
    }
    /* lazy matching: a longer match one byte later wins over this one */
    if (m.length < GOOD_ENOUGH && pos + 1 + MIN_MATCH <= n) {
      insert_string(data, pos);
      struct match next = longest_match(data, pos + 1, n);
      if (next.length > m.length) {
        stats[ST_LAZY_WINS]++;
        put_literal(&w, data[pos]);
        pos++;
        m = next;
      } else {
        put_match(&w, m);
        for (int k = 1; k < m.length; k++)
          if (pos + k + MIN_MATCH <= n) insert_string(data, pos + k);
        pos += m.length;
        continue;
      }
    }
    put_match(&w, m);
    for (int k = 0; k < m.length; k++)
      if (pos + k + MIN_MATCH <= n) insert_string(data, pos + k);
    pos += m.length;
  }
  return w.pos;
}

/* Returns the number of bytes written, or -1 on a corrupt stream (a distance before the start, or more
 * output than `cap`). */
static int decompress(const u8 *in, int n, u8 *out, int cap) {
  int ip = 0, op = 0;
  while (ip < n) {
    u8 flags = in[ip++];
    for (int bit = 0; bit < 8 && ip < n; bit++) {
      if (!(flags & (1 << bit))) {
        if (op >= cap) return -1;
        out[op++] = in[ip++];
        continue;
      }
      if (ip + 1 >= n) return -1;
      int lo = in[ip], hi = in[ip + 1];
      int d = (((hi >> LEN_BITS) << 8) | lo) + 1;
      int len = (hi & ((1 << LEN_BITS) - 1)) + MIN_MATCH;
      ip += 2;
      if (d > op || op + len > cap) return -1;
      /* byte by byte: the source may overlap what is being written */
      for (int k = 0; k < len; k++, op++) out[op] = out[op - d];
    }
  }
  return op;
}

/* ---- canonical Huffman code over bytes ---- */

#define SYMBOLS 256
#define MAX_BITS 15

static u8 code_len[SYMBOLS];
static u16 code_bits[SYMBOLS];
static u8 decoded[MAX_INPUT + MAX_INPUT / 8 + 16];

struct tree_node {
  u32 weight;
  int parent;
};

static struct tree_node tree[2 * SYMBOLS];
static int heap[SYMBOLS + 1]; /* 1-based min-heap of tree node indices, by weight then index */
static int heap_size;

static int lighter(int a, int b) {
  if (tree[a].weight != tree[b].weight) return tree[a].weight < tree[b].weight;
  return a < b;
}

static void heap_push(int node) {
  int i = ++heap_size;
  while (i > 1 && lighter(node, heap[i / 2])) {
    heap[i] = heap[i / 2];
    i /= 2;
  }
  heap[i] = node;
}

static int heap_pop(void) {
  int top = heap[1], last = heap[heap_size--], i = 1;
  for (;;) {
    int child = 2 * i;
    if (child > heap_size) break;
    if (child + 1 <= heap_size && lighter(heap[child + 1], heap[child])) child++;
    if (!lighter(heap[child], last)) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
  return top;
}

/* Code lengths from byte frequencies; frequencies are flattened until no code is longer than MAX_BITS. */
static void build_lengths(const u32 *freq) {
  u32 weight[SYMBOLS];
  for (int s = 0; s < SYMBOLS; s++) weight[s] = freq[s];
  for (;;) {
    int nodes = SYMBOLS, used = 0, longest = 0;
    heap_size = 0;
    for (int s = 0; s < SYMBOLS; s++) {
      code_len[s] = 0;
      tree[s].parent = -1;
      tree[s].weight = weight[s];
      if (weight[s]) { heap_push(s); used++; }
    }
    if (used == 1) code_len[heap[1]] = 1;
    if (used <= 1) return;
    while (heap_size > 1) {
      int a = heap_pop(), b = heap_pop();
      tree[nodes].weight = tree[a].weight + tree[b].weight;
      tree[nodes].parent = -1;
      tree[a].parent = tree[b].parent = nodes;
      heap_push(nodes++);
    }
    for (int s = 0; s < SYMBOLS; s++) {
      int depth = 0;
      if (!weight[s]) continue;
      for (int n = s; tree[n].parent >= 0; n = tree[n].parent) depth++;
      code_len[s] = (u8)depth;
      if (depth > longest) longest = depth;
    }
    if (longest <= MAX_BITS) {
      stats[ST_MAX_CODE_LEN] = longest;
      return;
    }
    stats[ST_REBUILDS]++;
    for (int s = 0; s < SYMBOLS; s++)
      if (weight[s]) weight[s] = (weight[s] >> 1) | 1;
  }
}

/* Canonical codes: shorter codes first, equal lengths in symbol order. */
static void assign_codes(void) {
  int count[MAX_BITS + 1], next[MAX_BITS + 1], code = 0;
  for (int b = 0; b <= MAX_BITS; b++) count[b] = 0;
  for (int s = 0; s < SYMBOLS; s++) count[code_len[s]]++;
  count[0] = 0;
  for (int b = 1; b <= MAX_BITS; b++) {
    code = (code + count[b - 1]) << 1;
    next[b] = code;
  }
  for (int s = 0; s < SYMBOLS; s++)
    if (code_len[s]) code_bits[s] = (u16)next[code_len[s]]++;
}

/* Stream: n (4 bytes), 256 code lengths as nibbles (128 bytes), then the codes, most significant bit first. */
static int huffman_encode(const u8 *in, int n, u8 *out) {
  u32 freq[SYMBOLS];
  int pos = 4 + SYMBOLS / 2, bits = 0;
  u32 acc = 0;
  for (int s = 0; s < SYMBOLS; s++) freq[s] = 0;
  for (int i = 0; i < n; i++) freq[in[i]]++;
  build_lengths(freq);
  assign_codes();
  for (int k = 0; k < 4; k++) out[k] = (u8)(n >> (8 * k));
  for (int s = 0; s < SYMBOLS; s += 2) out[4 + s / 2] = (u8)(code_len[s] | (code_len[s + 1] << 4));
  for (int i = 0; i < n; i++) {
    int len = code_len[in[i]];
    acc = (acc << len) | code_bits[in[i]];
    bits += len;
    while (bits >= 8) {
      bits -= 8;
      out[pos++] = (u8)(acc >> bits);
    }
  }
  if (bits) out[pos++] = (u8)(acc << (8 - bits));
  return pos;
}

/* Decodes bit by bit against the canonical code's first code and first symbol of each length. */
static int huffman_decode(const u8 *in, int size, u8 *out, int cap) {
  int count[MAX_BITS + 1], first[MAX_BITS + 1], index[MAX_BITS + 1];
  u8 sorted[SYMBOLS];
  int n = 0, pos = 4 + SYMBOLS / 2, bit = 0, k = 0;
  if (size < pos) return -1;
  for (int b = 0; b < 4; b++) n |= (int)((u32)in[b] << (8 * b));
  if (n < 0 || n > cap) return -1;
  for (int b = 0; b <= MAX_BITS; b++) count[b] = 0;
  for (int s = 0; s < SYMBOLS; s++) {
    int len = (in[4 + s / 2] >> ((s & 1) * 4)) & 15;
    code_len[s] = (u8)len;
    count[len]++;
  }
  count[0] = 0;
  for (int b = 1, code = 0, idx = 0; b <= MAX_BITS; b++) {
    first[b] = code;
    index[b] = idx;
    idx += count[b];
    code = (code + count[b]) << 1;
  }
  for (int b = 1; b <= MAX_BITS; b++)
    for (int s = 0; s < SYMBOLS; s++)
      if (code_len[s] == b) sorted[k++] = (u8)s;
  for (int i = 0; i < n; i++) {
    int code = 0, len = 0;
    for (;;) {
      if (pos >= size) return -1;
      code = (code << 1) | ((in[pos] >> (7 - bit)) & 1);
      if (++bit == 8) { bit = 0; pos++; }
      if (++len > MAX_BITS) return -1;
      if (code - first[len] < count[len]) {
        out[i] = sorted[index[len] + code - first[len]];
        break;
      }
    }
  }
  return n;
}

static u32 adler32(const u8 *p, int n) {
  u32 a = 1, b = 0;
  while (n > 0) {
    int chunk = n < 5552 ? n : 5552;
    n -= chunk;
    while (chunk--) {
      a += *p++;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return (b << 16) | a;
}

int lzss_roundtrip(int n) {
  int size, coded_size, got;
  if (n > MAX_INPUT) n = MAX_INPUT;
  if (n < 0) n = 0;
  for (int i = 0; i < 16; i++) stats[i] = 0;
  stats[ST_MISMATCH_AT] = -1;
  size = compress(input, n, packed);
  stats[ST_PACKED] = size;
  stats[ST_ADLER] = (int)adler32(packed, size);
  coded_size = huffman_encode(packed, size, coded);
  stats[ST_CODED] = coded_size;
  stats[ST_CODED_ADLER] = (int)adler32(coded, coded_size);
  for (int i = 0; i < n; i++) unpacked[i] = 0;
  got = huffman_decode(coded, coded_size, decoded, (int)sizeof decoded);
  if (got != size) return -1;
  got = decompress(decoded, size, unpacked, MAX_INPUT);
  stats[ST_UNPACKED] = got;
  if (got != n) return -1;
  for (int i = 0; i < n; i++) {
    if (unpacked[i] != input[i]) {
      stats[ST_MISMATCH_AT] = i;
      return -1;
    }
  }
  return coded_size;
}
