/* Word frequency count: tokenise ASCII text into words (letters only, case-folded), count them in an
 * open-addressing hash table (FNV-1a), then pick the TOPK most frequent words.
 * Returns the number of distinct words. */
#define MAXTEXT (1 << 20)
#define TABLE_BITS 14
#define TABLE_SIZE (1 << TABLE_BITS)
#define MAX_LOAD (TABLE_SIZE * 3 / 4)
#define TOPK 16

typedef unsigned char u8;
typedef unsigned int u32;

struct entry {
  u32 hash;
  int start; /* offset of the first occurrence in text, -1 when empty */
  int len;
  int count;
};

u8 text[MAXTEXT];
struct entry table[TABLE_SIZE];
int top[TOPK * 3]; /* (start, len, count) of the most frequent words */
int overflow;      /* words not counted because the table was full */

static int is_alpha(u8 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static u8 to_lower(u8 c) { return (c >= 'A' && c <= 'Z') ? (u8)(c + 32) : c; }

static u32 fnv1a(const u8 *s, int len) {
  u32 h = 2166136261u;
  for (int i = 0; i < len; i++) {
    h ^= to_lower(s[i]);
    h *= 16777619u;
  }
  return h;
}

static int word_eq(const u8 *a, const u8 *b, int len) {
  for (int i = 0; i < len; i++)
    if (to_lower(a[i]) != to_lower(b[i])) return 0;
  return 1;
}

static int distinct;

static void add_word(int start, int len) {
  u32 h = fnv1a(text + start, len);
  u32 slot = h & (TABLE_SIZE - 1);
  for (;;) {
    struct entry *e = &table[slot];
    if (e->start < 0) {
      if (distinct >= MAX_LOAD) {
        overflow++;
        return;
      }
      e->hash = h;
      e->start = start;
      e->len = len;
      e->count = 1;
      distinct++;
      return;
    }
    if (e->hash == h && e->len == len && word_eq(text + e->start, text + start, len)) {
      e->count++;
      return;
    }
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
}

/* a ranks before b: higher count, then earlier first occurrence */
static int ranks_before(const struct entry *a, const struct entry *b) {
  if (a->count != b->count) return a->count > b->count;
  return a->start < b->start;
}

static void select_top(void) {
  int chosen[TOPK];
  for (int k = 0; k < TOPK; k++) {
    int best = -1;
    for (int s = 0; s < TABLE_SIZE; s++) {
      if (table[s].start < 0) continue;
      int taken = 0;
      for (int q = 0; q < k; q++)
        if (chosen[q] == s) taken = 1;
      if (taken) continue;
      if (best < 0 || ranks_before(&table[s], &table[best])) best = s;
    }
    chosen[k] = best;
    top[3 * k] = best < 0 ? -1 : table[best].start;
    top[3 * k + 1] = best < 0 ? 0 : table[best].len;
    top[3 * k + 2] = best < 0 ? 0 : table[best].count;
  }
}

int word_freq(int len) {
  for (int s = 0; s < TABLE_SIZE; s++) {
    table[s].hash = 0;
    table[s].start = -1;
    table[s].len = 0;
    table[s].count = 0;
  }
  distinct = 0;
  overflow = 0;

  int i = 0;
  while (i < len) {
    while (i < len && !is_alpha(text[i])) i++;
    int start = i;
    while (i < len && is_alpha(text[i])) i++;
    if (i > start) add_word(start, i - start);
  }
  select_top();
  return distinct;
}
