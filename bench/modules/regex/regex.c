/* SPDX-License-Identifier: CC0-1.0 */
/* A grep in the style of Thompson's construction: each pattern is parsed into a syntax tree, compiled to a
 * program for a Pike VM (CHAR, ANY, CLASS, SPLIT, JMP, BOL, EOL, MATCH) and run over every line of `text`
 * in lockstep, all threads at once, so no pattern can take exponential time. Finds the leftmost-longest
 * matches, without overlap. Syntax: literals, '.', classes [a-z] [^...], escapes \d \w \s \D \W \S and
 * escaped metacharacters, groups, '|', '*', '+', '?', {m}, {m,}, {m,n}, anchors ^ and $.
 * grep_all(len) writes, per pattern, (lines matched, matches, hash of the match positions) into `counts`
 * and returns a hash of everything. No libc. */

typedef unsigned char u8;
typedef unsigned int u32;

#define MAX_TEXT 65536
#define MAX_PATTERNS 16
#define MAX_NODES 256
#define MAX_PROG 1024
#define MAX_CLASSES 32

u8 text[MAX_TEXT];
int counts[MAX_PATTERNS * 3];
int compile_errors;

static const char *const patterns[] = {
  "ab+c",
  "(ab|cd)+e",
  "[0-9]{2,3}-[0-9]+",
  "^[a-e]+ ",
  "o$",
  "\\d\\d?\\.\\d",
  "(a|b)*abb",
  "[^a-e0-9 ]{3,}",
  "d.{2}o.e",
  "((a|e)(b|d))+o?",
  "\\w+_\\w+",
  "(ba|ab){2,}|e{3}",
  "c[^c]*c[^c]*c",
  "\\s\\S{1,2}\\s",
};
#define N_PATTERNS ((int)(sizeof patterns / sizeof patterns[0]))

/* ---- syntax tree ---- */
enum { N_CHAR, N_ANY, N_CLASS, N_BOL, N_EOL, N_CAT, N_ALT, N_REPEAT, N_EMPTY };

struct node {
  int kind;
  int a, b;     /* children (CAT, ALT), the repeated node (REPEAT) */
  int value;    /* character or class index */
  int min, max; /* REPEAT bounds; max -1: unbounded */
};

static struct node tree[MAX_NODES];
static int n_tree;
static u32 classes[MAX_CLASSES][8]; /* 256-bit sets */
static int n_classes;
static const char *src;
static int failed;

static int node(int kind, int a, int b, int value) {
  if (n_tree >= MAX_NODES) { failed = 1; return 0; }
  tree[n_tree].kind = kind;
  tree[n_tree].a = a;
  tree[n_tree].b = b;
  tree[n_tree].value = value;
  tree[n_tree].min = tree[n_tree].max = 0;
  return n_tree++;
}

static void class_add_range(u32 *set, int lo, int hi) {
  for (int c = lo; c <= hi; c++) set[c >> 5] |= 1u << (c & 31);
}

/* \d \w \s and their complements into `set`; returns 0 for any other letter. */
static int class_escape(u32 *set, int c) {
  u32 tmp[8];
  int negate = c == 'D' || c == 'W' || c == 'S';
  for (int i = 0; i < 8; i++) tmp[i] = 0;
  switch (c | 0x20) {
  case 'd': class_add_range(tmp, '0', '9'); break;
  case 'w': class_add_range(tmp, 'a', 'z'); class_add_range(tmp, 'A', 'Z'); class_add_range(tmp, '0', '9'); class_add_range(tmp, '_', '_'); break;
  case 's': class_add_range(tmp, ' ', ' '); class_add_range(tmp, '\t', '\r'); break;
  default: return 0;
  }
  for (int i = 0; i < 8; i++) set[i] |= negate ? ~tmp[i] : tmp[i];
  return 1;
}

static int new_class(void) {
  if (n_classes >= MAX_CLASSES) { failed = 1; return 0; }
  for (int i = 0; i < 8; i++) classes[n_classes][i] = 0;
  return n_classes++;
}

static int parse_alt(void);

static int parse_class(void) {
  int k = new_class(), negate = 0;
  u32 *set = classes[k];
  if (*src == '^') { negate = 1; src++; }
  do {
    int lo = (u8)*src++;
    if (lo == 0) { failed = 1; return 0; }
    if (lo == '\\') {
      lo = (u8)*src++;
      if (class_escape(set, lo)) continue;
    }
    if (src[0] == '-' && src[1] != ']' && src[1] != 0) {
      int hi = (u8)src[1];
      src += 2;
      if (hi < lo) { failed = 1; return 0; }
      class_add_range(set, lo, hi);
    } else class_add_range(set, lo, lo);
  } while (*src != ']' && *src != 0);
  if (*src++ != ']') { failed = 1; return 0; }
  if (negate)
    for (int i = 0; i < 8; i++) set[i] = ~set[i];
  return node(N_CLASS, 0, 0, k);
}

static int parse_atom(void) {
  int c = (u8)*src++, n;
  switch (c) {
  case '(':
    n = parse_alt();
    if (*src++ != ')') failed = 1;
    return n;
  case '.': return node(N_ANY, 0, 0, 0);
  case '^': return node(N_BOL, 0, 0, 0);
  case '$': return node(N_EOL, 0, 0, 0);
  case '[': return parse_class();
  case '\\': {
    int k;
    c = (u8)*src++;
    if (c == 0) { failed = 1; return 0; }
    k = new_class();
    if (class_escape(classes[k], c)) return node(N_CLASS, 0, 0, k);
    n_classes--;
    return node(N_CHAR, 0, 0, c);
  }
  case 0: case ')': case '|': case '*': case '+': case '?':
    failed = 1;
    return 0;
  default: return node(N_CHAR, 0, 0, c);
  }
}

static int parse_number(void) {
  int v = 0;
  if (*src < '0' || *src > '9') { failed = 1; return 0; }
  while (*src >= '0' && *src <= '9') v = v * 10 + (*src++ - '0');
  return v;
}

static int parse_repeat(void) {
  int n = parse_atom();
  while (!failed && (*src == '*' || *src == '+' || *src == '?' || *src == '{')) {
    int c = *src++, min = 0, max = -1;
    if (c == '+') min = 1;
    else if (c == '?') max = 1;
    else if (c == '{') {
      min = max = parse_number();
      if (*src == ',') {
        src++;
        max = *src == '}' ? -1 : parse_number();
      }
      if (*src++ != '}' || (max >= 0 && max < min) || min > 16 || max > 16) failed = 1;
    }
    n = node(N_REPEAT, n, 0, 0);
    tree[n].min = min;
    tree[n].max = max;
  }
  return n;
}

static int parse_concat(void) {
  int n = -1;
  while (*src && *src != '|' && *src != ')' && !failed) {
    int r = parse_repeat();
    n = n < 0 ? r : node(N_CAT, n, r, 0);
  }
  return n < 0 ? node(N_EMPTY, 0, 0, 0) : n;
}

static int parse_alt(void) {
  int n = parse_concat();
  while (*src == '|' && !failed) {
    src++;
    n = node(N_ALT, n, parse_concat(), 0);
  }
  return n;
}

/* ---- compiler to Pike VM code ---- */
enum { I_CHAR, I_ANY, I_CLASS, I_BOL, I_EOL, I_SPLIT, I_JMP, I_MATCH };

struct inst {
  int op, x, y; /* CHAR: x = character; CLASS: x = class; SPLIT: x preferred, y other; JMP: x */
};

static struct inst prog[MAX_PROG];
static int n_prog;

static int emit(int op, int x, int y) {
  if (n_prog >= MAX_PROG) { failed = 1; return 0; }
  prog[n_prog].op = op;
  prog[n_prog].x = x;
  prog[n_prog].y = y;
  return n_prog++;
}

static void compile(int n) {
  struct node *t = &tree[n];
  int split, jmp;
  if (failed) return;
  switch (t->kind) {
  case N_CHAR: emit(I_CHAR, t->value, 0); break;
  case N_ANY: emit(I_ANY, 0, 0); break;
  case N_CLASS: emit(I_CLASS, t->value, 0); break;
  case N_BOL: emit(I_BOL, 0, 0); break;
  case N_EOL: emit(I_EOL, 0, 0); break;
  case N_EMPTY: break;
  case N_CAT: compile(t->a); compile(t->b); break;
  case N_ALT:
    split = emit(I_SPLIT, 0, 0);
    prog[split].x = n_prog;
    compile(t->a);
    jmp = emit(I_JMP, 0, 0);
    prog[split].y = n_prog;
    compile(t->b);
    prog[jmp].x = n_prog;
    break;
  case N_REPEAT:
    /* the mandatory copies, then the optional ones nested (x{2,4} = xx(x(x)?)?), or a loop */
    for (int i = 0; i < t->min; i++) compile(t->a);
    if (t->max < 0) {
      split = emit(I_SPLIT, 0, 0);
      prog[split].x = n_prog;
      compile(t->a);
      emit(I_JMP, split, 0);
      prog[split].y = n_prog;
    } else {
      int pending[16], n_pending = 0;
      for (int i = t->min; i < t->max; i++) {
        split = emit(I_SPLIT, 0, 0);
        prog[split].x = n_prog;
        pending[n_pending++] = split;
        compile(t->a);
      }
      while (n_pending) prog[pending[--n_pending]].y = n_prog;
    }
    break;
  }
}

/* ---- Pike VM, no captures: each thread carries the offset where its match started ---- */
struct thread {
  int pc, start;
};

static struct thread lists[2][MAX_PROG];
static int on_list[MAX_PROG]; /* generation at which pc was last added */
static int generation;
static int stack[MAX_PROG * 2 + 2];

static int add_thread(struct thread *list, int n, int pc0, int start, int pos, int len) {
  int sp = 0;
  stack[sp++] = pc0;
  while (sp > 0) {
    int pc = stack[--sp];
    if (on_list[pc] == generation) continue;
    on_list[pc] = generation;
    switch (prog[pc].op) {
    case I_JMP: stack[sp++] = prog[pc].x; break;
    case I_SPLIT: stack[sp++] = prog[pc].y; stack[sp++] = prog[pc].x; break; /* x first */
    case I_BOL: if (pos == 0) stack[sp++] = pc + 1; break;
    case I_EOL: if (pos == len) stack[sp++] = pc + 1; break;
    default:
      list[n].pc = pc;
      list[n].start = start;
      n++;
    }
  }
  return n;
}

/* Leftmost-longest match in line[from..len); returns 1 and sets *ms, *me when there is one. */
static int search(const u8 *line, int from, int len, int *ms, int *me) {
  int n_cur = 0, best_start = -1, best_end = -1, cur = 0;
  generation++;
  for (int pos = from; pos <= len; pos++) {
    int n_next = 0;
    /* the new thread starts last: the list stays ordered by start, so on a shared pc the leftmost wins */
    if (best_start < 0) n_cur = add_thread(lists[cur], n_cur, 0, pos, pos, len);
    if (n_cur == 0) break;
    generation++;
    for (int i = 0; i < n_cur; i++) {
      struct thread *t = &lists[cur][i];
      struct inst *in = &prog[t->pc];
      int c = pos < len ? line[pos] : -1, ok = 0;
      if (best_start >= 0 && t->start > best_start) continue;
      switch (in->op) {
      case I_MATCH:
        if (best_start < 0 || t->start < best_start || pos > best_end) {
          best_start = t->start;
          best_end = pos;
        }
        continue;
      case I_CHAR: ok = c == in->x; break;
      case I_ANY: ok = c >= 0; break;
      case I_CLASS: ok = c >= 0 && (classes[in->x][c >> 5] >> (c & 31)) & 1; break;
      }
      if (ok) n_next = add_thread(lists[cur ^ 1], n_next, t->pc + 1, t->start, pos + 1, len);
    }
    cur ^= 1;
    n_cur = n_next;
  }
  if (best_start < 0) return 0;
  *ms = best_start;
  *me = best_end;
  return 1;
}

int grep_all(int len) {
  u32 total = 2166136261u;
  if (len > MAX_TEXT) len = MAX_TEXT;
  compile_errors = 0;
  for (int p = 0; p < N_PATTERNS; p++) {
    int lines = 0, matches = 0, line_start = 0, line_no = 0;
    u32 h = 2166136261u;
    n_tree = n_classes = n_prog = 0;
    failed = 0;
    src = patterns[p];
    int root = parse_alt();
    if (*src != 0) failed = 1;
    compile(root);
    emit(I_MATCH, 0, 0);
    for (int i = 0; i < MAX_PROG; i++) on_list[i] = 0;
    generation = 0;
    if (failed) {
      compile_errors++;
      counts[3 * p] = counts[3 * p + 1] = -1;
      counts[3 * p + 2] = 0;
      continue;
    }
    for (int i = 0; i <= len; i++) {
      if (i < len && text[i] != '\n') continue;
      const u8 *line = text + line_start;
      int n = i - line_start, from = 0, ms, me, hit = 0;
      while (from <= n && search(line, from, n, &ms, &me)) {
        hit = 1;
        matches++;
        h = (h ^ (u32)(line_no * 131 + ms)) * 16777619u;
        h = (h ^ (u32)(me - ms)) * 16777619u;
        from = me > ms ? me : me + 1;
      }
      lines += hit;
      line_no++;
      line_start = i + 1;
    }
    counts[3 * p] = lines;
    counts[3 * p + 1] = matches;
    counts[3 * p + 2] = (int)h;
    total = (total ^ h) * 16777619u;
    total = (total ^ (u32)matches) * 16777619u;
  }
  return (int)total;
}
