;; Counted loops with i64 induction variables and bounds, one exported function each, taking the trip
;; count n as an i32 (so it can be 0, 1, k−1, k, k+1…). Every function folds the iteration order into
;; its result, and several start next to the ends of the 64-bit range, where a guard computed as
;; i + (k−1)·s would overflow.
(module
  (memory (export "memory") 1)
  (global $N64 i64 (i64.const 9))

  ;; do-while with the update as a tee in the bottom test, `i != n` (clang -O1 on a long counter).
  (func (export "do_while_ne") (param $n i32) (result i32)
    (local $i i64) (local $m i64) (local $s i32)
    (local.set $m (i64.extend_i32_u (local.get $n)))
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then
        (loop $L
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
          (i64.store (i32.shl (i32.and (i32.wrap_i64 (local.get $i)) (i32.const 127)) (i32.const 3)) (local.get $i))
          (br_if $L (i64.ne (local.get $m) (local.tee $i (i64.add (local.get $i) (i64.const 1))))))))
    (local.get $s))

  ;; while-if, signed `<` against a local bound.
  (func (export "while_if_lt") (param $n i32) (result i32)
    (local $i i64) (local $m i64) (local $s i32)
    (local.set $m (i64.extend_i32_s (local.get $n)))
    (loop $L
      (if (i64.lt_s (local.get $i) (local.get $m))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
          (local.set $i (i64.add (local.get $i) (i64.const 1)))
          (br $L))))
    (local.get $s))

;; while-exit with step 3 and an unsigned `<=` against a local bound at the top of the unsigned range:
  ;; i + (k−1)·3 wraps in 64 bits on the last iterations.
  (func (export "near_umax_le") (param $n i32) (result i32)
    (local $i i64) (local $m i64) (local $s i32)
    (local.set $i (i64.sub (i64.const -1) (i64.mul (i64.extend_i32_u (local.get $n)) (i64.const 3))))
    (local.set $m (i64.const -2))
    (block $done
      (loop $next
        (br_if $done (i64.gt_u (local.get $i) (local.get $m)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
        (local.set $i (i64.add (local.get $i) (i64.const 3)))
        (br $next)))
    (local.get $s))

  ;; Unsigned `<` against the constant 3 (at most 3 trips): for k = 8, 3 − 7 is below the unsigned range,
  ;; so the guard always hands over to the original loop.
  (func (export "tiny_bound_lt_u") (param $n i32) (result i32)
    (local $i i64) (local $s i32)
    (local.set $i (select (i64.sub (i64.const 3) (i64.extend_i32_u (local.get $n))) (i64.const 0) (i32.le_u (local.get $n) (i32.const 3))))
    (loop $L
      (if (i64.lt_u (local.get $i) (i64.const 3))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
          (local.set $i (i64.add (local.get $i) (i64.const 1)))
          (br $L))))
    (local.get $s))

  ;; Signed `<` against a constant bound at the top of the signed range: the guard folds INT64_MAX − (k−1).
  (func (export "near_smax_const") (param $n i32) (result i32)
    (local $i i64) (local $s i32)
    (local.set $i (i64.sub (i64.const 0x7fffffffffffffff) (i64.extend_i32_u (local.get $n))))
    (loop $L
      (if (i64.lt_s (local.get $i) (i64.const 0x7fffffffffffffff))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
          (local.set $i (i64.add (local.get $i) (i64.const 1)))
          (br $L))))
    (local.get $s))

  ;; Falling variable, signed `>` against a variable bound at the bottom of the signed range.
  (func (export "near_smin_gt") (param $n i32) (result i32)
    (local $i i64) (local $b i64) (local $s i32)
    (local.set $b (i64.const 0x8000000000000000))
    (local.set $i (i64.add (local.get $b) (i64.mul (i64.extend_i32_u (local.get $n)) (i64.const 2))))
    (loop $L
      (if (i64.gt_s (local.get $i) (local.get $b))
        (then
          (local.set $s (i32.sub (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
          (local.set $i (i64.sub (local.get $i) (i64.const 2)))
          (br $L))))
    (local.get $s))

  ;; Falling variable, signed `>=` (while-exit) against a constant bound near the bottom of the range.
  (func (export "falling_ge_const") (param $n i32) (result i32)
    (local $i i64) (local $s i32)
    (local.set $i (i64.add (i64.const 0x8000000000000004) (i64.extend_i32_u (local.get $n))))
    (block $done
      (loop $next
        (br_if $done (i64.lt_s (local.get $i) (i64.const 0x8000000000000005)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
        (local.set $i (i64.add (local.get $i) (i64.const -1)))
        (br $next)))
    (local.get $s))

  ;; Countdown to zero through `i64.eqz` (while-exit), and the bound an immutable i64 global below.
  (func (export "countdown_eqz") (param $n i32) (result i32)
    (local $c i64) (local $s i32)
    (local.set $c (i64.extend_i32_u (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i64.eqz (local.get $c)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $c))))
        (local.set $c (i64.sub (local.get $c) (i64.const 1)))
        (br $next)))
    (local.get $s))

  (func (export "global_bound") (param $n i32) (result i32)
    (local $i i64) (local $s i32)
    (local.set $i (i64.sub (i64.const 9) (i64.extend_i32_u (local.get $n))))
    (loop $L
      (if (i64.lt_s (local.get $i) (global.get $N64))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (local.get $i))))
          (local.set $i (i64.add (local.get $i) (i64.const 1)))
          (br $L))))
    (local.get $s))

;; Five trips through the signed wrap-around, from INT64_MAX − 2 to INT64_MIN + 1 (`i != INT64_MIN + 2`):
  ;; a constant trip count for wt-unroll-full; n only mixes into the result.
  (func (export "wrap5") (param $n i32) (result i32)
    (local $i i64) (local $s i32)
    (local.set $s (local.get $n))
    (local.set $i (i64.const 0x7ffffffffffffffd))
    (loop $L
      (if (i64.ne (local.get $i) (i64.const 0x8000000000000002))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.wrap_i64 (i64.shr_u (local.get $i) (i64.const 60)))))
          (local.set $i (i64.add (local.get $i) (i64.const 1)))
          (br $L))))
    (local.get $s))

  ;; Refused: an i64 test that relies on wrap-around (`i < m` while i falls).
  (func (export "refuse_direction") (param $n i32) (result i32)
    (local $i i64) (local $s i32)
    (local.set $i (i64.extend_i32_u (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (i64.const 10)))
        (local.set $s (i32.add (local.get $s) (i32.wrap_i64 (local.get $i))))
        (local.set $i (i64.sub (local.get $i) (i64.const 1)))
        (br $next)))
    (local.get $s))
)
