/* SPDX-License-Identifier: CC0-1.0 */
/* JSON Lines canonicaliser. Each line of `input` is one JSON document: it is tokenised, parsed into a
 * tree of nodes in a static arena, and written back to `output` in canonical form (no whitespace, the
 * members of every object sorted by key, numbers as a normalised mantissa and exponent, strings
 * re-escaped). A line that is not valid JSON becomes "#<error code>@<offset>". `summary` receives counts
 * of what was seen; json_lines returns an FNV-1a hash of the output. No libc. */

typedef unsigned char u8;
typedef unsigned int u32;
typedef long long i64;

#define MAX_INPUT 131072
#define MAX_OUTPUT 131072
#define MAX_NODES 4096
#define MAX_STRINGS 32768
#define MAX_DEPTH 32

u8 input[MAX_INPUT];
u8 output[MAX_OUTPUT];
int summary[16];

enum { S_LINES_OK, S_LINES_BAD, S_NULLS, S_BOOLS, S_NUMBERS, S_STRINGS, S_ARRAYS, S_OBJECTS, S_MEMBERS,
       S_MAX_DEPTH, S_MANTISSA_SUM, S_LONGEST_STRING, S_ERROR_OFFSETS, S_OUTPUT_LEN, S_NODES_MAX, S_ESCAPES };

enum { T_NULL, T_FALSE, T_TRUE, T_NUMBER, T_STRING, T_ARRAY, T_OBJECT };

enum { E_NONE, E_UNEXPECTED, E_BAD_LITERAL, E_BAD_NUMBER, E_BAD_STRING, E_BAD_ESCAPE, E_CONTROL,
       E_SURROGATE, E_TOO_DEEP, E_TOO_BIG, E_TRAILING, E_EOF };

enum { K_EOF, K_LBRACE, K_RBRACE, K_LBRACKET, K_RBRACKET, K_COLON, K_COMMA, K_STRING, K_NUMBER,
       K_TRUE, K_FALSE, K_NULL, K_ERROR };

struct node {
  int type;
  int first, next; /* first child; next sibling (-1: none) */
  int key_off, key_len; /* object member key in `strings` (key_len -1: not a member) */
  int str_off, str_len;
  i64 mant;
  int exp;
};

struct lexer {
  const u8 *s;
  int pos, end;
  int kind, start; /* current token and its offset */
  int str_off, str_len;
  i64 mant;
  int exp;
  int error, error_at;
};

static struct node nodes[MAX_NODES];
static int n_nodes;
static u8 strings[MAX_STRINGS];
static int n_strings;
static int out_len;

static void fail(struct lexer *lx, int code, int at) {
  if (lx->error == E_NONE) {
    lx->error = code;
    lx->error_at = at;
  }
  lx->kind = K_ERROR;
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int put_string_byte(struct lexer *lx, int c) {
  if (n_strings >= MAX_STRINGS) {
    fail(lx, E_TOO_BIG, lx->pos);
    return 0;
  }
  strings[n_strings++] = (u8)c;
  return 1;
}

static int put_utf8(struct lexer *lx, u32 cp) {
  u8 buf[4];
  int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  for (int i = n - 1; i > 0; i--) {
    buf[i] = (u8)(0x80 | (cp & 0x3F));
    cp >>= 6;
  }
  buf[0] = (u8)(n == 1 ? cp : (0xF00 >> n) | cp); /* lead byte: 110xxxxx, 1110xxxx or 11110xxx */
  for (int i = 0; i < n; i++)
    if (!put_string_byte(lx, buf[i])) return 0;
  return 1;
}

static int read_hex4(struct lexer *lx, u32 *out) {
  u32 v = 0;
  if (lx->pos + 4 > lx->end) return 0;
  for (int i = 0; i < 4; i++) {
    int h = hex_value(lx->s[lx->pos + i]);
    if (h < 0) return 0;
    v = (v << 4) | (u32)h;
  }
  lx->pos += 4;
  *out = v;
  return 1;
}

static void lex_string(struct lexer *lx) {
  lx->str_off = n_strings;
  lx->pos++; /* opening quote */
  for (;;) {
    if (lx->pos >= lx->end) { fail(lx, E_BAD_STRING, lx->pos); return; }
    int c = lx->s[lx->pos];
    if (c == '"') { lx->pos++; break; }
    if (c < 0x20) { fail(lx, E_CONTROL, lx->pos); return; }
    if (c != '\\') {
      if (!put_string_byte(lx, c)) return;
      lx->pos++;
      continue;
    }
    int at = lx->pos;
    if (lx->pos + 1 >= lx->end) { fail(lx, E_BAD_ESCAPE, at); return; }
    int e = lx->s[lx->pos + 1];
    lx->pos += 2;
    summary[S_ESCAPES]++;
    int ok = 1;
    if (e == 'u') {
      u32 cp, lo;
      if (!read_hex4(lx, &cp)) { fail(lx, E_BAD_ESCAPE, at); return; }
      if (cp >= 0xDC00 && cp <= 0xDFFF) { fail(lx, E_SURROGATE, at); return; }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (lx->pos + 2 > lx->end || lx->s[lx->pos] != '\\' || lx->s[lx->pos + 1] != 'u') { fail(lx, E_SURROGATE, at); return; }
        lx->pos += 2;
        if (!read_hex4(lx, &lo) || lo < 0xDC00 || lo > 0xDFFF) { fail(lx, E_SURROGATE, at); return; }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      ok = put_utf8(lx, cp);
    } else {
      static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
      int k = 0;
      while (from[k] && from[k] != e) k++;
      if (!from[k]) { fail(lx, E_BAD_ESCAPE, at); return; }
      ok = put_string_byte(lx, to[k]);
    }
    if (!ok) return;
  }
  lx->str_len = n_strings - lx->str_off;
  if (lx->str_len > summary[S_LONGEST_STRING]) summary[S_LONGEST_STRING] = lx->str_len;
  lx->kind = K_STRING;
}

/* A number as mantissa × 10^exp with at most 18 significant digits (further digits are dropped). */
static void lex_number(struct lexer *lx) {
  const u8 *p = lx->s + lx->pos, *end = lx->s + lx->end;
  int start = lx->pos, neg = 0, digits = 0, exp = 0;
  i64 mant = 0;
  if (*p == '-') { neg = 1; p++; }
  if (p >= end || !is_digit(*p)) goto bad;
  if (*p == '0') {
    if (++p < end && is_digit(*p)) goto bad;
  } else {
    for (; p < end && is_digit(*p); p++) {
      if (digits < 18) { mant = mant * 10 + (*p - '0'); digits++; }
      else exp++;
    }
  }
  if (p < end && *p == '.') {
    if (++p >= end || !is_digit(*p)) goto bad;
    for (; p < end && is_digit(*p); p++) {
      if (digits >= 18) continue;
      mant = mant * 10 + (*p - '0');
      if (mant != 0) digits++;
      exp--;
    }
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    int eneg = 0, e = 0;
    if (++p < end && (*p == '+' || *p == '-')) eneg = *p++ == '-';
    if (p >= end || !is_digit(*p)) goto bad;
    for (; p < end && is_digit(*p); p++)
      if (e < 100000) e = e * 10 + (*p - '0');
    exp += eneg ? -e : e;
  }
  if (mant == 0) exp = 0;
  while (mant != 0 && mant % 10 == 0) { mant /= 10; exp++; }
  lx->pos = (int)(p - lx->s);
  lx->mant = neg ? -mant : mant;
  lx->exp = exp;
  lx->kind = K_NUMBER;
  return;
bad:
  fail(lx, E_BAD_NUMBER, start);
}

static int match_word(struct lexer *lx, const char *w) {
  int i = 0;
  while (w[i]) {
    if (lx->pos + i >= lx->end || lx->s[lx->pos + i] != (u8)w[i]) return 0;
    i++;
  }
  lx->pos += i;
  return 1;
}

static void next_token(struct lexer *lx) {
  if (lx->error != E_NONE) { lx->kind = K_ERROR; return; }
  while (lx->pos < lx->end) {
    int c = lx->s[lx->pos];
    if (c != ' ' && c != '\t' && c != '\r') break;
    lx->pos++;
  }
  lx->start = lx->pos;
  if (lx->pos >= lx->end) { lx->kind = K_EOF; return; }
  int c = lx->s[lx->pos];
  switch (c) {
  case '{': lx->kind = K_LBRACE; lx->pos++; return;
  case '}': lx->kind = K_RBRACE; lx->pos++; return;
  case '[': lx->kind = K_LBRACKET; lx->pos++; return;
  case ']': lx->kind = K_RBRACKET; lx->pos++; return;
  case ':': lx->kind = K_COLON; lx->pos++; return;
  case ',': lx->kind = K_COMMA; lx->pos++; return;
  case '"': lex_string(lx); return;
  case 't': if (match_word(lx, "true")) { lx->kind = K_TRUE; return; } break;
  case 'f': if (match_word(lx, "false")) { lx->kind = K_FALSE; return; } break;
  case 'n': if (match_word(lx, "null")) { lx->kind = K_NULL; return; } break;
  default:
    if (c == '-' || is_digit(c)) { lex_number(lx); return; }
    fail(lx, E_UNEXPECTED, lx->pos);
    return;
  }
  fail(lx, E_BAD_LITERAL, lx->pos);
}

static int new_node(struct lexer *lx, int type) {
  if (n_nodes >= MAX_NODES) { fail(lx, E_TOO_BIG, lx->start); return -1; }
  struct node *n = &nodes[n_nodes];
  n->type = type;
  n->first = n->next = -1;
  n->key_off = 0;
  n->key_len = -1;
  n->str_off = n->str_len = 0;
  n->mant = 0;
  n->exp = 0;
  return n_nodes++;
}

/* Parses the value starting at the current token; on return the current token is the one after it. */
static int parse_value(struct lexer *lx, int depth) {
  int k = lx->kind, n;
  if (depth > MAX_DEPTH) { fail(lx, E_TOO_DEEP, lx->start); return -1; }
  if (depth > summary[S_MAX_DEPTH]) summary[S_MAX_DEPTH] = depth;
  switch (k) {
  case K_NULL: case K_TRUE: case K_FALSE:
    n = new_node(lx, k == K_NULL ? T_NULL : k == K_TRUE ? T_TRUE : T_FALSE);
    next_token(lx);
    return n;
  case K_NUMBER:
    if ((n = new_node(lx, T_NUMBER)) < 0) return -1;
    nodes[n].mant = lx->mant;
    nodes[n].exp = lx->exp;
    next_token(lx);
    return n;
  case K_STRING:
    if ((n = new_node(lx, T_STRING)) < 0) return -1;
    nodes[n].str_off = lx->str_off;
    nodes[n].str_len = lx->str_len;
    next_token(lx);
    return n;
  case K_LBRACKET: case K_LBRACE: {
    int is_object = k == K_LBRACE, last = -1;
    int close = is_object ? K_RBRACE : K_RBRACKET;
    if ((n = new_node(lx, is_object ? T_OBJECT : T_ARRAY)) < 0) return -1;
    next_token(lx);
    if (lx->kind == close) { next_token(lx); return n; }
    for (;;) {
      int key_off = 0, key_len = -1, child;
      if (is_object) {
        if (lx->kind != K_STRING) { fail(lx, E_UNEXPECTED, lx->start); return -1; }
        key_off = lx->str_off;
        key_len = lx->str_len;
        next_token(lx);
        if (lx->kind != K_COLON) { fail(lx, E_UNEXPECTED, lx->start); return -1; }
        next_token(lx);
      }
      if ((child = parse_value(lx, depth + 1)) < 0) return -1;
      nodes[child].key_off = key_off;
      nodes[child].key_len = key_len;
      if (last < 0) nodes[n].first = child;
      else nodes[last].next = child;
      last = child;
      if (lx->kind == K_COMMA) { next_token(lx); continue; }
      if (lx->kind == close) { next_token(lx); return n; }
      fail(lx, lx->kind == K_EOF ? E_EOF : E_UNEXPECTED, lx->start);
      return -1;
    }
  }
  case K_EOF: fail(lx, E_EOF, lx->start); return -1;
  case K_ERROR: return -1;
  default: fail(lx, E_UNEXPECTED, lx->start); return -1;
  }
}

/* Bytewise key order; a prefix sorts first. */
static int key_less(const struct node *a, const struct node *b) {
  int n = a->key_len < b->key_len ? a->key_len : b->key_len;
  for (int i = 0; i < n; i++) {
    u8 x = strings[a->key_off + i], y = strings[b->key_off + i];
    if (x != y) return x < y;
  }
  return a->key_len < b->key_len;
}

/* Stable insertion sort of an object's member list. */
static void sort_members(int obj) {
  int sorted = -1, cur = nodes[obj].first;
  while (cur >= 0) {
    int next = nodes[cur].next;
    if (sorted < 0 || key_less(&nodes[cur], &nodes[sorted])) {
      nodes[cur].next = sorted;
      sorted = cur;
    } else {
      int p = sorted;
      while (nodes[p].next >= 0 && !key_less(&nodes[cur], &nodes[nodes[p].next])) p = nodes[p].next;
      nodes[cur].next = nodes[p].next;
      nodes[p].next = cur;
    }
    cur = next;
  }
  nodes[obj].first = sorted;
}

static void emit(int c) {
  if (out_len < MAX_OUTPUT) output[out_len] = (u8)c;
  out_len++;
}

static void emit_text(const char *t) { while (*t) emit(*t++); }

static void emit_int(i64 v) {
  char buf[24];
  int n = 0;
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  if (v < 0) emit('-');
  do { buf[n++] = (char)('0' + u % 10); u /= 10; } while (u);
  while (n) emit(buf[--n]);
}

static void emit_number(i64 mant, int exp) {
  if (exp >= 0 && exp <= 3) {
    emit_int(mant);
    if (mant != 0) while (exp--) emit('0');
    return;
  }
  if (exp < 0 && exp > -10) { /* fixed point when the digits reach past the point */
    char buf[24];
    int n = 0;
    unsigned long long u = mant < 0 ? 0ull - (unsigned long long)mant : (unsigned long long)mant;
    do { buf[n++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (n > -exp) {
      if (mant < 0) emit('-');
      for (int i = n - 1; i >= 0; i--) {
        emit(buf[i]);
        if (i == -exp) emit('.');
      }
      return;
    }
  }
  emit_int(mant);
  emit('e');
  emit_int(exp);
}

static void emit_string(int off, int len) {
  static const char hex[] = "0123456789abcdef";
  emit('"');
  for (int i = 0; i < len; i++) {
    u8 c = strings[off + i];
    switch (c) {
    case '"': emit_text("\\\""); break;
    case '\\': emit_text("\\\\"); break;
    case '\n': emit_text("\\n"); break;
    case '\t': emit_text("\\t"); break;
    case '\r': emit_text("\\r"); break;
    case '\b': emit_text("\\b"); break;
    case '\f': emit_text("\\f"); break;
    default:
      if (c < 0x20) { emit_text("\\u00"); emit(hex[c >> 4]); emit(hex[c & 15]); }
      else emit(c);
    }
  }
  emit('"');
}

static void emit_value(int n) {
  struct node *v = &nodes[n];
  switch (v->type) {
  case T_NULL: summary[S_NULLS]++; emit_text("null"); break;
  case T_FALSE: summary[S_BOOLS]++; emit_text("false"); break;
  case T_TRUE: summary[S_BOOLS]++; emit_text("true"); break;
  case T_NUMBER:
    summary[S_NUMBERS]++;
    summary[S_MANTISSA_SUM] = (int)((u32)summary[S_MANTISSA_SUM] + (u32)v->mant);
    emit_number(v->mant, v->exp);
    break;
  case T_STRING: summary[S_STRINGS]++; emit_string(v->str_off, v->str_len); break;
  case T_ARRAY:
    summary[S_ARRAYS]++;
    emit('[');
    for (int c = v->first; c >= 0; c = nodes[c].next) {
      if (c != v->first) emit(',');
      emit_value(c);
    }
    emit(']');
    break;
  case T_OBJECT:
    summary[S_OBJECTS]++;
    sort_members(n);
    emit('{');
    for (int c = nodes[n].first; c >= 0; c = nodes[c].next) {
      summary[S_MEMBERS]++;
      if (c != nodes[n].first) emit(',');
      emit_string(nodes[c].key_off, nodes[c].key_len);
      emit(':');
      emit_value(c);
    }
    emit('}');
    break;
  }
}

static int parse_line(const u8 *s, int len) {
  struct lexer lx;
  lx.s = s;
  lx.pos = 0;
  lx.end = len;
  lx.error = E_NONE;
  lx.error_at = 0;
  n_nodes = 0;
  n_strings = 0;
  next_token(&lx);
  int root = parse_value(&lx, 0);
  if (root >= 0 && lx.kind != K_EOF) fail(&lx, E_TRAILING, lx.start);
  if (n_nodes > summary[S_NODES_MAX]) summary[S_NODES_MAX] = n_nodes;
  if (lx.error != E_NONE) {
    summary[S_LINES_BAD]++;
    summary[S_ERROR_OFFSETS] += lx.error_at;
    emit('#');
    emit_int(lx.error);
    emit('@');
    emit_int(lx.error_at);
    return 0;
  }
  summary[S_LINES_OK]++;
  emit_value(root);
  return 1;
}

int json_lines(int len) {
  u32 hash = 2166136261u;
  int line = 0;
  for (int i = 0; i < 16; i++) summary[i] = 0;
  out_len = 0;
  if (len > MAX_INPUT) len = MAX_INPUT;
  for (int i = 0; i <= len; i++) {
    if (i < len && input[i] != '\n') continue;
    if (i > line) {
      parse_line(input + line, i - line);
      emit('\n');
    }
    line = i + 1;
  }
  summary[S_OUTPUT_LEN] = out_len;
  for (int i = 0; i < out_len && i < MAX_OUTPUT; i++) hash = (hash ^ output[i]) * 16777619u;
  return (int)hash;
}
