;; Loop nests for wt-unroll-nested: only innermost loops inside another loop are unrolled. Each exported
;; function takes n (the trip count of every loop, or its base) and folds the iteration order into its
;; result.
(module
  (memory (export "memory") 1)

  ;; A single loop (depth 1): left alone.
  (func (export "single") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; A triangular 2-nest: the inner loop (depth 2) runs i times.
  (func (export "nest2") (param $n i32) (result i32)
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

  ;; A 3-nest: only the innermost (depth 3) is unrolled; the middle loop is not innermost.
  (func (export "nest3") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $k i32) (local $s i32)
    (loop $li
      (if (i32.lt_s (local.get $i) (local.get $n))
        (then
          (local.set $j (i32.const 0))
          (loop $lj
            (if (i32.lt_s (local.get $j) (i32.const 3))
              (then
                (local.set $k (local.get $j))
                (loop $lk
                  (if (i32.lt_s (local.get $k) (local.get $n))
                    (then
                      (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.add (local.get $k) (i32.mul (local.get $i) (local.get $j)))))
                      (local.set $k (i32.add (local.get $k) (i32.const 1)))
                      (br $lk))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $lj))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $li))))
    (local.get $s))

  ;; Two sibling inner loops, one under an `if`, and an i64 counter in the second: both at depth 2.
  (func (export "siblings") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $k i64) (local $s i32)
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.and (local.get $i) (i32.const 1))
          (then
            (local.set $j (local.get $i))
            (loop $a
              (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $j)))
              (br_if $a (i32.lt_s (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))))
        (local.set $k (i64.extend_i32_u (local.get $i)))
        (block $b_done
          (loop $b
            (br_if $b_done (i64.eqz (local.get $k)))
            (local.set $s (i32.xor (i32.mul (local.get $s) (i32.const 7)) (i32.wrap_i64 (local.get $k))))
            (local.set $k (i64.sub (local.get $k) (i64.const 1)))
            (br $b)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $s))
)
