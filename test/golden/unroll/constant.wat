;; Loops with constant trip counts, for wt-unroll-full. Each exported function takes an input x that the
;; body mixes in, so the result checks the iteration order; the trip count itself is fixed.
(module
  (memory (export "memory") 1)
  (global $K i32 (i32.const 6))

  ;; AssemblyScript's 5×5 stencil shape: -2 ≤ j ≤ 2 (5 trips), the start set just before the loop.
  (func (export "taps5") (param $x i32) (result i32)
    (local $j i32) (local $s i32)
    (local.set $s (local.get $x))
    (local.set $j (i32.const -2))
    (loop $L
      (if (i32.le_s (local.get $j) (i32.const 2))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $j)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $L))))
    (i32.add (local.get $s) (local.get $j)))

  ;; do-while from clang: 8 trips, start found through an enclosing block, bound in a local set to a constant.
  (func (export "dw8") (param $x i32) (result i32)
    (local $i i32) (local $n i32) (local $s i32)
    (local.set $n (i32.const 8))
    (local.set $i (i32.const 0))
    (block $b
      (local.set $s (local.get $x))
      (loop $L
        (i32.store (i32.shl (local.get $i) (i32.const 2)) (local.get $s))
        (local.set $s (i32.xor (i32.mul (local.get $s) (i32.const 31)) (i32.load (i32.shl (local.get $i) (i32.const 2)))))
        (br_if $L (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))))
    (i32.add (local.get $s) (local.get $i)))

  ;; while-exit with code after the loop inside the exit block: the exit branch must skip it.
  (func (export "exit3") (param $x i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (i32.const 10))
    (block $out
      (loop $next
        (br_if $out (i32.le_u (local.get $i) (i32.const 4)))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.add (local.get $x) (local.get $i))))
        (local.set $i (i32.sub (local.get $i) (i32.const 2)))
        (br $next))
      (local.set $s (i32.const -1)))
    (i32.add (local.get $s) (local.get $i)))

  ;; 6 trips up to an immutable global.
  (func (export "global6") (param $x i32) (result i32)
    (local $i i32)
    (local.set $i (i32.const 0))
    (block $out
      (loop $next
        (br_if $out (i32.ge_s (local.get $i) (global.get $K)))
        (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $x))

  ;; Zero trips.
  (func (export "zero") (param $x i32) (result i32)
    (local $i i32)
    (local.set $i (i32.const 3))
    (loop $L
      (if (i32.lt_s (local.get $i) (i32.const 3))
        (then
          (local.set $x (i32.add (local.get $x) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (local.get $x))

  ;; 20 trips: above every limit, refused ('too-many-trips').
  (func (export "twenty") (param $x i32) (result i32)
    (local $i i32)
    (local.set $i (i32.const 0))
    (loop $L
      (if (i32.lt_s (local.get $i) (i32.const 20))
        (then
          (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 3)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (local.get $x))

  ;; The start depends on the input: refused ('unknown-start').
  (func (export "unknown_start") (param $x i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $i (i32.and (local.get $x) (i32.const 3)))
    (loop $L
      (if (i32.lt_s (local.get $i) (i32.const 4))
        (then
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L))))
    (local.get $s))

  ;; The inner loop restarts from a constant in each outer iteration (4 trips); the outer is not innermost.
  (func (export "inner4") (param $x i32) (result i32)
    (local $i i32) (local $j i32) (local $s i32)
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (i32.and (local.get $x) (i32.const 15))))
        (local.set $j (i32.const 0))
        (loop $inner
          (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (i32.add (local.get $i) (local.get $j))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $inner (i32.lt_u (local.get $j) (i32.const 4))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $s))
)
