;; Conway's Game of Life on a torus: `generations` steps of a w×h grid of 0/1 cells (w·h ≤ 4096), then the
;; number of live cells. Written the way straightforward code reads: a helper call for every neighbour,
;; index arithmetic in helpers. The README's walkthrough tunes it (harness.json beside it); life.wasm is this
;; file assembled by wabt (wasmtune takes either).
(module
  (memory (export "memory") 1)
  ;; The grid the harness fills and reads back, and a second grid to step into.
  (global (export "grid") i32 (i32.const 1024))
  (global $next i32 (i32.const 8192))

  ;; i modulo n, for i in [-1, n].
  (func $wrap (param $i i32) (param $n i32) (result i32)
    (i32.rem_u (i32.add (local.get $i) (local.get $n)) (local.get $n)))

  (func $cell (param $grid i32) (param $x i32) (param $y i32) (param $w i32) (param $h i32) (result i32)
    (i32.load8_u
      (i32.add (local.get $grid)
        (i32.add (i32.mul (call $wrap (local.get $y) (local.get $h)) (local.get $w))
                 (call $wrap (local.get $x) (local.get $w))))))

  (func $neighbours (param $grid i32) (param $x i32) (param $y i32) (param $w i32) (param $h i32) (result i32)
    (local $dx i32) (local $dy i32) (local $n i32)
    (local.set $dy (i32.const -1))
    (loop $rows
      (local.set $dx (i32.const -1))
      (loop $cols
        (if (i32.or (local.get $dx) (local.get $dy))
          (then
            (local.set $n (i32.add (local.get $n)
              (call $cell (local.get $grid) (i32.add (local.get $x) (local.get $dx)) (i32.add (local.get $y) (local.get $dy))
                (local.get $w) (local.get $h))))))
        (local.set $dx (i32.add (local.get $dx) (i32.const 1)))
        (br_if $cols (i32.le_s (local.get $dx) (i32.const 1))))
      (local.set $dy (i32.add (local.get $dy) (i32.const 1)))
      (br_if $rows (i32.le_s (local.get $dy) (i32.const 1))))
    (local.get $n))

  ;; Whether a cell lives in the next generation.
  (func $rule (param $alive i32) (param $n i32) (result i32)
    (if (result i32) (local.get $alive)
      (then (i32.or (i32.eq (local.get $n) (i32.const 2)) (i32.eq (local.get $n) (i32.const 3))))
      (else (i32.eq (local.get $n) (i32.const 3)))))

  (func $step (param $from i32) (param $to i32) (param $w i32) (param $h i32)
    (local $x i32) (local $y i32)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $y) (local.get $h)))
        (local.set $x (i32.const 0))
        (block $row_done
          (loop $cols
            (br_if $row_done (i32.ge_s (local.get $x) (local.get $w)))
            (i32.store8
              (i32.add (local.get $to) (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)))
              (call $rule
                (call $cell (local.get $from) (local.get $x) (local.get $y) (local.get $w) (local.get $h))
                (call $neighbours (local.get $from) (local.get $x) (local.get $y) (local.get $w) (local.get $h))))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $cols)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))

  (func $count (param $grid i32) (param $cells i32) (result i32)
    (local $i i32) (local $n i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $i) (local.get $cells)))
        (local.set $n (i32.add (local.get $n) (i32.load8_u (i32.add (local.get $grid) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (local.get $n))

  ;; Steps in pairs (grid → next → grid), so the result is always in `grid`; an odd count steps once more.
  (func (export "life") (param $w i32) (param $h i32) (param $generations i32) (result i32)
    (local $g i32)
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $g) (local.get $generations)))
        (call $step (global.get 0) (global.get $next) (local.get $w) (local.get $h))
        (call $step (global.get $next) (global.get 0) (local.get $w) (local.get $h))
        (local.set $g (i32.add (local.get $g) (i32.const 2)))
        (br $pairs)))
    (call $count (global.get 0) (i32.mul (local.get $w) (local.get $h)))))
