/* SPDX-License-Identifier: CC0-1.0 */
/* A tiny stack machine: an assembler from text to bytecode and a switch-dispatched interpreter with
 * locals, calls and a bounds-checked word memory. vm_run(n) assembles the program below and runs `main`
 * on the n words at vm_data (copied into the machine's memory at word 16; word 0 holds n): a checksum,
 * an insertion sort, the checksum again, a sieve, a recursive Fibonacci, a sum of GCDs and the longest
 * Collatz chain, each value appended to vm_out by `out`. vm_status receives the step count, the error
 * (0: none), the deepest call and the code size. Returns a hash of the outputs. No libc. */

typedef unsigned char u8;
typedef unsigned int u32;

#define MEM_WORDS 8192
#define DATA_AT 16
#define MAX_DATA 1024
#define MAX_CODE 2048
#define MAX_SYMBOLS 128
#define MAX_FIXUPS 512
#define STACK 256
#define MAX_FRAMES 64
#define MAX_LOCALS 1024
#define MAX_STEPS 50000000

int vm_data[MAX_DATA];
int vm_out[64];
int vm_status[8];

static const char program[] =
  "func main 0 1\n"
  "  call checksum out  call sort out  call checksum out\n"
  "  push 17 mload push 2000 mod push 1000 add call sieve out   # primes below 1000..2999\n"
  "  push 18 mload push 6 mod push 14 add call fib out\n"
  "  call gcdsum out  call collatz out\n"
  "  push 0 halt\n"
  "func checksum 0 2          # h = (h * 31 ^ x) mod 1000003 over the data\n"
  "  push 0 store 0  push 17 store 1\n"
  "ck_loop: load 0 push 0 mload lt jz ck_done\n"
  "  load 1 push 31 mul  load 0 push 16 add mload  xor push 1000003 mod store 1\n"
  "  inc 0 jmp ck_loop\n"
  "ck_done: load 1 ret\n"
  "func sort 0 3              # insertion sort of the data, ascending\n"
  "  push 1 store 0\n"
  "sort_outer: load 0 push 0 mload lt jz sort_done\n"
  "  load 0 push 16 add mload store 1  load 0 push 1 sub store 2\n"
  "sort_inner: load 2 push 0 lt jnz sort_place\n"
  "  load 2 push 16 add mload load 1 gt jz sort_place\n"
  "  load 2 push 17 add  load 2 push 16 add mload  mstore\n"
  "  load 2 push 1 sub store 2 jmp sort_inner\n"
  "sort_place: load 2 push 17 add load 1 mstore\n"
  "  inc 0 jmp sort_outer\n"
  "sort_done: push 0 ret\n"
  "func sieve 1 4             # primes below the argument, sieve of Eratosthenes at word 4096\n"
  "  push 2 store 1\n"
  "sv_clear: load 1 load 0 lt jz sv_cleared\n"
  "  load 1 push 4096 add push 1 mstore inc 1 jmp sv_clear\n"
  "sv_cleared: push 2 store 1 push 0 store 3\n"
  "sv_outer: load 1 load 0 lt jz sv_done\n"
  "  load 1 push 4096 add mload jz sv_next\n"
  "  inc 3 load 1 dup mul store 2\n"
  "sv_inner: load 2 load 0 lt jz sv_next\n"
  "  load 2 push 4096 add push 0 mstore\n"
  "  load 2 load 1 add store 2 jmp sv_inner\n"
  "sv_next: inc 1 jmp sv_outer\n"
  "sv_done: load 3 ret\n"
  "func fib 1 1\n"
  "  load 0 push 2 lt jz fib_rec  load 0 ret\n"
  "fib_rec: load 0 push 1 sub call fib  load 0 push 2 sub call fib  add ret\n"
  "func gcd 2 3\n"
  "gcd_loop: load 1 jz gcd_done\n"
  "  load 0 load 1 mod store 2  load 1 store 0  load 2 store 1 jmp gcd_loop\n"
  "gcd_done: load 0 ret\n"
  "func gcdsum 0 2            # sum of gcd(data[i], data[i+1])\n"
  "  push 0 store 0 push 0 store 1\n"
  "gs_loop: load 0 push 1 add push 0 mload lt jz gs_done\n"
  "  load 0 push 16 add mload  load 0 push 17 add mload  call gcd\n"
  "  load 1 add store 1 inc 0 jmp gs_loop\n"
  "gs_done: load 1 ret\n"
  "func collatz 0 4           # the longest Collatz chain from data[i] + 1\n"
  "  push 0 store 0 push 0 store 3\n"
  "cz_outer: load 0 push 0 mload lt jz cz_done\n"
  "  load 0 push 16 add mload push 1 add store 1 push 0 store 2\n"
  "cz_inner: load 1 push 1 ne jz cz_end\n"
  "  load 1 push 1 and jz cz_even\n"
  "  load 1 push 3 mul push 1 add store 1 jmp cz_count\n"
  "cz_even: load 1 push 1 shr store 1\n"
  "cz_count: inc 2 jmp cz_inner\n"
  "cz_end: load 2 load 3 gt jz cz_next  load 2 store 3\n"
  "cz_next: inc 0 jmp cz_outer\n"
  "cz_done: load 3 neg neg ret\n";

enum { OP_PUSH, OP_LOAD, OP_STORE, OP_INC, OP_MLOAD, OP_MSTORE, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
       OP_AND, OP_OR, OP_XOR, OP_SHL, OP_SHR, OP_LT, OP_GT, OP_EQ, OP_NE, OP_NEG, OP_NOT, OP_DUP,
       OP_DROP, OP_SWAP, OP_JMP, OP_JZ, OP_JNZ, OP_CALL, OP_RET, OP_OUT, OP_HALT, N_OPS };

enum { ARG_NONE, ARG_NUMBER, ARG_LABEL, ARG_FUNC };

/* Words each operation takes from the stack and puts on it (a call's arguments are counted apart). */
static const u8 stack_in[N_OPS] = {0, 0, 1, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 2, 0, 1, 1, 0, 0, 1, 0};
static const u8 stack_out[N_OPS] = {1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0};

struct mnemonic {
  const char *name;
  u8 op, arg;
};

static const struct mnemonic mnemonics[N_OPS] = {
  {"push", OP_PUSH, ARG_NUMBER}, {"load", OP_LOAD, ARG_NUMBER}, {"store", OP_STORE, ARG_NUMBER},
  {"inc", OP_INC, ARG_NUMBER}, {"mload", OP_MLOAD, ARG_NONE}, {"mstore", OP_MSTORE, ARG_NONE},
  {"add", OP_ADD, ARG_NONE}, {"sub", OP_SUB, ARG_NONE}, {"mul", OP_MUL, ARG_NONE}, {"div", OP_DIV, ARG_NONE},
  {"mod", OP_MOD, ARG_NONE}, {"and", OP_AND, ARG_NONE}, {"or", OP_OR, ARG_NONE}, {"xor", OP_XOR, ARG_NONE},
  {"shl", OP_SHL, ARG_NONE}, {"shr", OP_SHR, ARG_NONE}, {"lt", OP_LT, ARG_NONE}, {"gt", OP_GT, ARG_NONE},
  {"eq", OP_EQ, ARG_NONE}, {"ne", OP_NE, ARG_NONE}, {"neg", OP_NEG, ARG_NONE}, {"not", OP_NOT, ARG_NONE},
  {"dup", OP_DUP, ARG_NONE}, {"drop", OP_DROP, ARG_NONE}, {"swap", OP_SWAP, ARG_NONE},
  {"jmp", OP_JMP, ARG_LABEL}, {"jz", OP_JZ, ARG_LABEL}, {"jnz", OP_JNZ, ARG_LABEL}, {"call", OP_CALL, ARG_FUNC},
  {"ret", OP_RET, ARG_NONE}, {"out", OP_OUT, ARG_NONE}, {"halt", OP_HALT, ARG_NONE},
};

enum { E_OK, E_SYNTAX, E_UNKNOWN_OP, E_UNDEFINED, E_DUPLICATE, E_TOO_BIG, E_STACK, E_DIV_ZERO, E_MEMORY,
       E_DEPTH, E_LOCAL, E_STEPS, E_NO_MAIN };

struct insn {
  int op, arg;
};

struct symbol {
  const char *name;
  int len;
  int is_func, value, nargs, nlocals; /* value: code address */
};

struct fixup {
  int at, symbol;
};

static struct insn code[MAX_CODE];
static int n_code;
static struct symbol symbols[MAX_SYMBOLS];
static int n_symbols;
static struct fixup fixups[MAX_FIXUPS];
static int n_fixups;
static const char *cur;
static int error;

static int mem[MEM_WORDS];
static int stack[STACK];
static int locals[MAX_LOCALS];

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_ident(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'); }

static int same(const char *a, int alen, const char *b) {
  for (int i = 0; i < alen; i++)
    if (b[i] != a[i]) return 0;
  return b[alen] == 0;
}

/* The next token: start and length; 0 at the end of the source. Comments run from '#' to the line's end. */
static int token(const char **start) {
  for (;;) {
    while (is_space(*cur)) cur++;
    if (*cur != '#') break;
    while (*cur && *cur != '\n') cur++;
  }
  *start = cur;
  if (*cur == '-') cur++;
  while (is_ident(*cur)) cur++;
  if (*cur == ':') cur++;
  if (cur == *start && *cur) { error = E_SYNTAX; return 0; }
  return (int)(cur - *start);
}

static int parse_int(const char *s, int len, int *out) {
  int neg = 0, i = 0;
  u32 v = 0;
  if (len > 0 && s[0] == '-') { neg = 1; i = 1; }
  if (i >= len) return 0;
  for (; i < len; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    v = v * 10 + (u32)(s[i] - '0');
  }
  *out = (int)(neg ? 0u - v : v);
  return 1;
}

static int find_symbol(const char *name, int len, int create) {
  for (int i = 0; i < n_symbols; i++)
    if (symbols[i].len == len) {
      int k = 0;
      while (k < len && symbols[i].name[k] == name[k]) k++;
      if (k == len) return i;
    }
  if (!create) return -1;
  if (n_symbols >= MAX_SYMBOLS) { error = E_TOO_BIG; return -1; }
  symbols[n_symbols].name = name;
  symbols[n_symbols].len = len;
  symbols[n_symbols].is_func = 0;
  symbols[n_symbols].value = -1;
  return n_symbols++;
}

static void define(const char *name, int len, int is_func) {
  int s = find_symbol(name, len, 1);
  if (s < 0) return;
  if (symbols[s].value >= 0) { error = E_DUPLICATE; return; }
  symbols[s].value = n_code;
  symbols[s].is_func = is_func;
}

static int assemble(void) {
  const char *t;
  int len, last_func = -1;
  n_code = n_symbols = n_fixups = 0;
  error = E_OK;
  cur = program;
  while (error == E_OK && (len = token(&t)) > 0) {
    if (t[len - 1] == ':') { define(t, len - 1, 0); continue; }
    if (same(t, len, "func")) { /* func name nargs nlocals */
      const char *name, *a, *l;
      int nl = token(&name), al = token(&a), ll = token(&l), nargs, nlocals;
      if (!nl || !parse_int(a, al, &nargs) || !parse_int(l, ll, &nlocals) || nargs > nlocals || nlocals > 16) { error = E_SYNTAX; break; }
      define(name, nl, 1);
      last_func = find_symbol(name, nl, 0);
      if (last_func < 0) break;
      symbols[last_func].nargs = nargs;
      symbols[last_func].nlocals = nlocals;
      continue;
    }
    int m = 0;
    while (m < N_OPS && !same(t, len, mnemonics[m].name)) m++;
    if (m == N_OPS) { error = E_UNKNOWN_OP; break; }
    if (n_code >= MAX_CODE) { error = E_TOO_BIG; break; }
    code[n_code].op = mnemonics[m].op;
    code[n_code].arg = 0;
    if (mnemonics[m].arg == ARG_NUMBER) {
      const char *a;
      int al = token(&a);
      if (!parse_int(a, al, &code[n_code].arg)) { error = E_SYNTAX; break; }
      if (mnemonics[m].op != OP_PUSH && last_func >= 0 && (code[n_code].arg < 0 || code[n_code].arg >= symbols[last_func].nlocals)) { error = E_LOCAL; break; }
    } else if (mnemonics[m].arg != ARG_NONE) {
      const char *a;
      int al = token(&a), s;
      if (!al || n_fixups >= MAX_FIXUPS) { error = al ? E_TOO_BIG : E_SYNTAX; break; }
      if ((s = find_symbol(a, al, 1)) < 0) break;
      fixups[n_fixups].at = n_code;
      fixups[n_fixups].symbol = s;
      n_fixups++;
    }
    n_code++;
  }
  for (int i = 0; i < n_fixups && error == E_OK; i++) {
    struct symbol *s = &symbols[fixups[i].symbol];
    int want_func = code[fixups[i].at].op == OP_CALL;
    if (s->value < 0 || s->is_func != want_func) error = E_UNDEFINED;
    else code[fixups[i].at].arg = want_func ? fixups[i].symbol : s->value;
  }
  return error;
}

struct frame {
  int ret, base, nlocals;
};

static int execute(int entry, int *steps_out, int *depth_out) {
  struct frame frames[MAX_FRAMES];
  int pc = symbols[entry].value, sp = 0, fp = 0, steps = 0, n_out = 0, max_depth = 0;
  int a, b;
  frames[0].ret = -1;
  frames[0].base = 0;
  frames[0].nlocals = symbols[entry].nlocals;
  for (int i = 0; i < frames[0].nlocals; i++) locals[i] = 0;
  /* the stack effect is checked once per instruction (a call also needs its arguments), so the
   * operations below need no checks of their own */
#define POP(v) ((v) = stack[--sp])
#define PUSH(v) (stack[sp++] = (v))
  for (;;) {
    struct insn in = code[pc++];
    int *loc = locals + frames[fp].base;
    if (++steps > MAX_STEPS) return E_STEPS;
    *steps_out = steps;
    if (sp < stack_in[in.op] || sp - stack_in[in.op] + stack_out[in.op] > STACK) return E_STACK;
    switch (in.op) {
    case OP_PUSH: PUSH(in.arg); break;
    case OP_LOAD: PUSH(loc[in.arg]); break;
    case OP_STORE: POP(loc[in.arg]); break;
    case OP_INC: loc[in.arg]++; break;
    case OP_MLOAD:
      POP(a);
      if ((u32)a >= MEM_WORDS) return E_MEMORY;
      PUSH(mem[a]);
      break;
    case OP_MSTORE:
      POP(b);
      POP(a);
      if ((u32)a >= MEM_WORDS) return E_MEMORY;
      mem[a] = b;
      break;
    case OP_NEG: POP(a); PUSH((int)(0u - (u32)a)); break;
    case OP_NOT: POP(a); PUSH(!a); break;
    case OP_DUP: a = stack[sp - 1]; PUSH(a); break;
    case OP_DROP: POP(a); break;
    case OP_SWAP: POP(b); POP(a); PUSH(b); PUSH(a); break;
    case OP_JMP: pc = in.arg; break;
    case OP_JZ: POP(a); if (a == 0) pc = in.arg; break;
    case OP_JNZ: POP(a); if (a != 0) pc = in.arg; break;
    case OP_OUT:
      POP(a);
      if (n_out < 64) vm_out[n_out++] = a;
      break;
    case OP_HALT: return E_OK;
    case OP_CALL: {
      struct symbol *f = &symbols[in.arg];
      int base = frames[fp].base + frames[fp].nlocals;
      if (fp + 1 >= MAX_FRAMES || base + f->nlocals > MAX_LOCALS) return E_DEPTH;
      if (sp < f->nargs) return E_STACK;
      fp++;
      if (fp > max_depth) max_depth = fp;
      *depth_out = max_depth;
      frames[fp].ret = pc;
      frames[fp].base = base;
      frames[fp].nlocals = f->nlocals;
      for (int i = f->nlocals - 1; i >= 0; i--) {
        if (i < f->nargs) POP(locals[base + i]);
        else locals[base + i] = 0;
      }
      pc = f->value;
      break;
    }
    case OP_RET:
      if (fp == 0) return E_OK;
      pc = frames[fp--].ret;
      break;
    default: /* binary operators */
      POP(b);
      POP(a);
      switch (in.op) {
      case OP_ADD: a = (int)((u32)a + (u32)b); break;
      case OP_SUB: a = (int)((u32)a - (u32)b); break;
      case OP_MUL: a = (int)((u32)a * (u32)b); break;
      case OP_DIV: case OP_MOD:
        if (b == 0 || (a == (int)0x80000000u && b == -1)) return E_DIV_ZERO;
        a = in.op == OP_DIV ? a / b : a % b;
        break;
      case OP_AND: a &= b; break;
      case OP_OR: a |= b; break;
      case OP_XOR: a ^= b; break;
      case OP_SHL: a = (int)((u32)a << (b & 31)); break;
      case OP_SHR: a = (int)((u32)a >> (b & 31)); break;
      case OP_LT: a = a < b; break;
      case OP_GT: a = a > b; break;
      case OP_EQ: a = a == b; break;
      case OP_NE: a = a != b; break;
      default: return E_SYNTAX;
      }
      PUSH(a);
    }
    if ((u32)pc >= (u32)n_code) return E_MEMORY;
  }
#undef POP
#undef PUSH
}

int vm_run(int n) {
  int steps = 0, depth = 0, entry, err;
  u32 h = 2166136261u;
  if (n < 0) n = 0;
  if (n > MAX_DATA) n = MAX_DATA;
  for (int i = 0; i < 64; i++) vm_out[i] = 0;
  for (int i = 0; i < MEM_WORDS; i++) mem[i] = 0;
  mem[0] = n;
  for (int i = 0; i < n; i++) mem[DATA_AT + i] = vm_data[i];
  err = assemble();
  entry = find_symbol("main", 4, 0);
  if (err == E_OK && (entry < 0 || !symbols[entry].is_func)) err = E_NO_MAIN;
  if (err == E_OK) err = execute(entry, &steps, &depth);
  for (int i = 0; i < n; i++) vm_data[i] = mem[DATA_AT + i];
  vm_status[0] = steps;
  vm_status[1] = err;
  vm_status[2] = depth;
  vm_status[3] = n_code;
  vm_status[4] = n_symbols;
  for (int i = 0; i < 64; i++) h = (h ^ (u32)vm_out[i]) * 16777619u;
  return (int)(h ^ (u32)steps);
}
