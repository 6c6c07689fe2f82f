;; Counted loops in the shapes compilers emit beyond the plain ones of counted.wat: bounds computed in
;; the test, clang -O0's tests after wt-promote-stack (truth values in bit 0, temporaries set inside the
;; test), counters updated inside an expression, through a copy, or on two paths. One exported function
;; each, taking the trip count; each folds the iteration order into its result and stores into memory.
(module
  (memory (export "memory") 1)
  (global $m (mut i32) (i32.const 3))
  (global $calls (mut i32) (i32.const 0))

  (func $bump (global.set $calls (i32.add (global.get $calls) (i32.const 1))))

  ;; clang -O0 after wt-promote-stack: `br_if $out (eqz (and (lt_s i (block (set $t n) (get $t))) 1))`,
  ;; a temporary $x = i set in the test and read by the body, the update through a copy `c = i; i = c + 1`.
  ;; The result reads the temporaries after the loop (they hold what the last test set).
  (func (export "clang_o0") (param $n i32) (result i32)
    (local $i i32) (local $s i32) (local $t i32) (local $x i32) (local $c i32) (local $one i32)
    (block $out
      (loop $L
        (br_if $out
          (i32.eqz
            (i32.and
              (i32.lt_s
                (block (result i32) (local.set $x (local.get $i)) (local.get $x))
                (block (result i32) (local.set $t (local.get $n)) (local.get $t)))
              (block (result i32) (local.set $one (i32.const 1)) (local.get $one)))))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $x)))
        (i32.store (i32.shl (i32.and (local.get $x) (i32.const 255)) (i32.const 2)) (local.get $s))
        (local.set $c (local.get $i))
        (local.set $i (i32.add (local.get $c) (i32.const 1)))
        (br $L)))
    (i32.add (local.get $s) (i32.add (i32.mul (local.get $x) (i32.const 1000)) (i32.add (local.get $t) (local.get $c)))))

  ;; The same with a constant bound (5, through a temporary) and a constant start: fully unrollable, and
  ;; the unrolled code still leaves in $x and $t what the last (failing) test put there.
  (func (export "clang_o0_five") (param $n i32) (result i32)
    (local $i i32) (local $s i32) (local $t i32) (local $x i32)
    (local.set $s (local.get $n))
    (local.set $i (i32.const 0))
    (block $out
      (loop $L
        (br_if $out
          (i32.eqz
            (i32.and
              (i32.lt_s
                (block (result i32) (local.set $x (local.get $i)) (local.get $x))
                (block (result i32) (local.set $t (i32.const 5)) (local.get $t)))
              (i32.const 1))))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $x)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $L)))
    (i32.add (local.get $s) (i32.add (i32.mul (local.get $x) (i32.const 1000)) (local.get $t))))

  ;; clang -O0 as wt-promote-stack leaves it before any Binaryen pass: the test computed by statements
  ;; before the exit branch (`a = i; b = n; c = b - 1; d = a < c; e = d & 1; br_if $out (eqz e)`), the body
  ;; reading one of those temporaries, and the update through temporaries (`u = i; v = 1; w = u + v; i = w`).
  (func (export "clang_o0_prefix") (param $n i32) (result i32)
    (local $i i32) (local $s i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i32)
    (local $u i32) (local $v i32) (local $w i32)
    (block $out
      (loop $L
        (local.set $a (local.get $i))
        (local.set $b (local.get $n))
        (local.set $c (i32.sub (local.get $b) (i32.const 1)))
        (local.set $d (i32.lt_s (local.get $a) (local.get $c)))
        (local.set $e (i32.and (local.get $d) (i32.const 1)))
        (br_if $out (i32.eqz (local.get $e)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $a)))
        (i32.store (i32.shl (i32.and (local.get $a) (i32.const 255)) (i32.const 2)) (local.get $s))
        (local.set $u (local.get $i))
        (local.set $v (i32.const 1))
        (local.set $w (i32.add (local.get $u) (local.get $v)))
        (local.set $i (local.get $w))
        (br $L)))
    (i32.add (local.get $s) (i32.add (i32.mul (local.get $a) (i32.const 1000)) (local.get $e))))

  ;; The bound `n - 1` computed in the test (jacobi-2d's `j < n - 1`), on the right of `lt_s`.
  (func (export "minus_one") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (i32.const 1))
    (loop $L
      (if (i32.lt_s (local.get $i) (i32.sub (local.get $n) (i32.const 1)))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (local.get $s))

  ;; The update as a tee inside an address (what -O3 makes of clang -O0 loops), read again after it.
  (func (export "tee_in_address") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $L
      (if (i32.gt_s (local.get $n) (local.get $i))
        (then
          (i32.store offset=4
            (i32.shl (i32.and (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 255)) (i32.const 2))
            (local.get $i))
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (br $L))))
    (local.get $s))

  ;; The counter updated on both paths of an if/else, by the same step (exactly one update per iteration).
  (func (export "two_paths") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $out
      (loop $L
        (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.and (local.get $i) (i32.const 1))
          (then
            (local.set $s (i32.add (local.get $s) (local.get $i)))
            (local.set $i (i32.add (local.get $i) (i32.const 1))))
          (else
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (local.set $s (i32.mul (local.get $s) (i32.const 3)))))
        (br $L)))
    (i32.add (local.get $s) (local.get $i)))

  ;; A bottom test `i + 2 != n * 2 + 2` read through `eqz (eqz …)`, in a guarded do-while, step 2.
  (func (export "do_while_eqz_eqz") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then
        (loop $L
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br_if $L (i32.eqz (i32.eqz (i32.ne (local.get $i) (i32.shl (local.get $n) (i32.const 1)))))))))
    (local.get $s))

  ;; Exit on equality (`br_if $out (i == n / 3)`: a division is fine in a top test), counting down from n.
  (func (export "eq_exit_div") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (local.get $n))
    (block $out
      (loop $L
        (br_if $out (i32.eq (local.get $i) (i32.div_s (local.get $n) (i32.const 3))))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $L)))
    (local.get $s))

  ;; A bound loaded from memory in a loop that stores nothing, and a mutable global it never writes.
  (func (export "load_and_global_bound") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (i32.store (i32.const 64) (local.get $n))
    (global.set $m (local.get $n))
    (block $out
      (loop $L
        (br_if $out (i32.ge_s (local.get $i) (i32.load (i32.const 64))))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $L)))
    (loop $L2
      (if (i32.lt_u (local.get $i) (i32.add (global.get $m) (local.get $n)))
        (then
          (local.set $s (i32.xor (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L2))))
    (local.get $s))

  ;; An i64 counter against a computed bound: `i < n - 1` through `i32.ne (…) 0`.
  (func (export "i64_minus_one") (param $n i32) (result i32)
    (local $i i64) (local $s i64) (local $b i64)
    (local.set $b (i64.extend_i32_s (local.get $n)))
    (block $out
      (loop $L
        (br_if $out (i32.eq (i64.lt_s (local.get $i) (i64.sub (local.get $b) (i64.const 1))) (i32.const 0)))
        (local.set $s (i64.add (i64.mul (local.get $s) (i64.const 31)) (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $L)))
    (i32.wrap_i64 (i64.add (local.get $s) (local.get $i))))

  ;; Refused: a load in the bound of a bottom test (evaluating it before the first iteration could trap).
  (func (export "refuse_do_while_load") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $L
      (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
      (br_if $L (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.load (local.get $n)))))
    (local.get $s))

  ;; Refused: the bound reads a mutable global and the loop makes a call (which may write it).
  (func (export "refuse_global_call") (param $n i32) (result i32)
    (local $i i32)
    (global.set $m (local.get $n))
    (loop $L
      (if (i32.lt_s (local.get $i) (global.get $m))
        (then
          (call $bump)
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (i32.add (local.get $i) (global.get $calls)))

  ;; Refused: the counter updated on one path only.
  (func (export "refuse_one_path") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $out
      (loop $L
        (br_if $out (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (if (i32.ne (i32.and (local.get $s) (i32.const 3)) (i32.const 0))
          (then (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (br $L)))
    (i32.add (local.get $s) (local.get $i)))

  ;; Refused: a branch inside the statement could skip the update (`block $b (br_if $b …) i++`).
  (func (export "refuse_skippable") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $out
      (loop $L
        (br_if $out (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (block $b
          (br_if $b (i32.eqz (i32.and (local.get $s) (i32.const 3))))
          (local.set $i (i32.add (local.get $i) (i32.const 1))))
        (br $L)))
    (i32.add (local.get $s) (local.get $i)))

  ;; Refused: a test temporary read before it is set in the iteration (the test sees the last i).
  (func (export "refuse_stale_temporary") (param $n i32) (result i32)
    (local $i i32) (local $s i32) (local $a i32) (local $d i32)
    (block $out
      (loop $L
        (local.set $d (i32.lt_s (local.get $a) (local.get $n)))
        (local.set $a (local.get $i))
        (br_if $out (i32.eqz (local.get $d)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $L)))
    (i32.add (local.get $s) (local.get $i)))

  ;; Refused: a copy of the counter made after the update is not the counter's value.
  (func (export "refuse_stale_copy") (param $n i32) (result i32)
    (local $i i32) (local $s i32) (local $c i32)
    (block $out
      (loop $L
        (br_if $out (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $c)))
        (local.set $i (i32.add (local.get $c) (i32.const 1)))
        (local.set $c (local.get $i))
        (br $L)))
    (i32.add (local.get $s) (local.get $i)))
)
