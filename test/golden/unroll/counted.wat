;; Counted loops in the shapes wt-unroll recognises, one exported function each, taking the trip count.
;; Every function folds the iteration order into its result (s = s*31 + …) and stores into memory, so
;; a wrong trip count, order or exit shows in the result.
(module
  (memory (export "memory") 1)
  (global $g (mut i32) (i32.const 7))
  (global $N i32 (i32.const 13))

  ;; do-while (clang -O1, Binaryen -O3): the update is a tee inside the bottom test, `i != n`.
  (func (export "do_while_ne") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then
        (loop $L
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (i32.store (i32.shl (i32.and (local.get $i) (i32.const 255)) (i32.const 2)) (local.get $s))
          (br_if $L (i32.ne (local.get $n) (local.tee $i (i32.add (local.get $i) (i32.const 1))))))))
    (local.get $s))

  ;; do-while with the update as a statement and a signed `<` test on a local.get.
  (func (export "do_while_lt") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (i32.const -3))
    (loop $L
      (local.set $s (i32.xor (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $L (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s))

  ;; countdown to zero: `br_if $L (local.tee $c (c - 1))`.
  (func (export "countdown") (param $n i32) (result i32)
    (local $s i32)
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then
        (loop $L
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $n)))
          (br_if $L (local.tee $n (i32.add (local.get $n) (i32.const -1)))))))
    (local.get $s))

  ;; while-if (AssemblyScript's `for`), bound on the left: `n > i`.
  (func (export "while_if") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $L
      (if (i32.gt_s (local.get $n) (local.get $i))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (i32.add (local.get $s) (local.get $i)))

  ;; while-exit (hand-written WAT), with inner labels and an early exit out of the loop.
  (func (export "while_exit") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (block $skip
          (br_if $skip (i32.and (local.get $i) (i32.const 1)))
          (local.set $s (i32.add (local.get $s) (i32.const 1000))))
        (br_if $done (i32.eq (local.get $s) (i32.const 5000)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.add (local.get $s) (local.get $i)))

  ;; unsigned `<=` with step 3, from a large start (wrap-around territory for the unsigned compare).
  (func (export "step3_le_u") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (i32.const 0x7ffffff0))
    (local.set $n (i32.add (local.get $n) (i32.const 0x7ffffff0)))
    (block $done
      (loop $next
        (br_if $done (i32.gt_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 3)))
        (br $next)))
    (local.get $s))

  ;; falling variable: `i > 0`, step -2, through i32.eqz of the exit test.
  (func (export "down_by_two") (param $n i32) (result i32)
    (local $s i32)
    (loop $L
      (if (i32.eqz (i32.le_s (local.get $n) (i32.const 0)))
        (then
          (local.set $s (i32.sub (i32.mul (local.get $s) (i32.const 31)) (local.get $n)))
          (local.set $n (i32.sub (local.get $n) (i32.const 2)))
          (br $L))))
    (local.get $s))

  ;; near the top of the signed range: the guard must not overflow.
  (func (export "near_max") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (i32.sub (i32.const 0x7fffffff) (local.get $n)))
    (loop $L
      (if (i32.lt_s (local.get $i) (i32.const 0x7fffffff))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (local.get $s))

  ;; while-exit through the loop body's own block (Binaryen -O1 output), with a second exit in the middle.
  (func (export "body_label_exit") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $L
      (block $B
        (br_if $B (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $B (i32.eq (i32.and (local.get $s) (i32.const 1023)) (i32.const 77)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $L)))
    (i32.add (local.get $s) (i32.mul (local.get $i) (i32.const 1000))))

  ;; The bound is an immutable global (AssemblyScript's constants before Binaryen folds them).
  (func (export "global_bound") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (i32.sub (i32.const 0) (local.get $n)))
    (loop $L
      (if (i32.lt_s (local.get $i) (global.get $N))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (local.get $s))

  ;; Refused: a `continue` (br to the loop) that skips the update's position.
  (func (export "refuse_continue") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.and (local.get $i) (i32.const 1)))
        (local.set $s (i32.add (local.get $s) (local.get $i)))
        (br $next)))
    (local.get $s))

  ;; Refused: the bound is a global the body writes.
  (func (export "refuse_bound") (param $n i32) (result i32)
    (local $i i32)
    (global.set $g (local.get $n))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (global.get $g)))
        (global.set $g (i32.sub (global.get $g) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i))

  ;; Refused: `i < n` while i falls (the loop relies on wrap-around).
  (func (export "refuse_direction") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (local.get $n))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (i32.const 10)))
        (local.set $s (i32.add (local.get $s) (local.get $i)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; Nested: only the inner loop is unrolled.
  (func (export "nested") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $s i32)
    (block $outer_done
      (loop $outer
        (br_if $outer_done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        (block $inner_done
          (loop $inner
            (br_if $inner_done (i32.ge_s (local.get $j) (local.get $i)))
            (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.add (local.get $i) (local.get $j))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $inner)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $s))
)
