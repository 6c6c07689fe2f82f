;; Example module (not part of the kernel suite): horizontal box blur of an 8-bit grayscale image with
;; clamp-to-edge borders, then a 256-bin histogram of the result. Returns the most frequent value.
;; Written in the style of an unoptimising frontend (helper functions, no manual strength reduction).
(module
  (memory (export "memory") 8)
  ;; up to 196608 pixels each
  (global $image (export "image") i32 (i32.const 1024))
  (global $blurred (export "blurred") i32 (i32.const 197632))
  (global $hist (export "hist") i32 (i32.const 394240))

  (func $clamp (param $v i32) (param $lo i32) (param $hi i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $v) (local.get $lo))
      (then (local.get $lo))
      (else
        (if (result i32) (i32.gt_s (local.get $v) (local.get $hi))
          (then (local.get $hi))
          (else (local.get $v))))))

  (func $pixel (param $x i32) (param $y i32) (param $w i32) (result i32)
    (i32.load8_u
      (i32.add (global.get $image)
        (i32.add (i32.mul (local.get $y) (local.get $w))
                 (call $clamp (local.get $x) (i32.const 0) (i32.sub (local.get $w) (i32.const 1)))))))

  (func $box (param $x i32) (param $y i32) (param $w i32) (param $radius i32) (result i32)
    (local $k i32)
    (local $sum i32)
    (local.set $sum (i32.const 0))
    (local.set $k (i32.sub (i32.const 0) (local.get $radius)))
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (local.get $k) (local.get $radius)))
        (local.set $sum (i32.add (local.get $sum)
          (call $pixel (i32.add (local.get $x) (local.get $k)) (local.get $y) (local.get $w))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i32.div_u (local.get $sum) (i32.add (i32.mul (local.get $radius) (i32.const 2)) (i32.const 1))))

  (func $hist_add (param $v i32)
    (local $addr i32)
    (local.set $addr (i32.add (global.get $hist) (i32.mul (local.get $v) (i32.const 4))))
    (i32.store (local.get $addr) (i32.add (i32.load (local.get $addr)) (i32.const 1))))

  (func $hist_get (param $v i32) (result i32)
    (i32.load (i32.add (global.get $hist) (i32.mul (local.get $v) (i32.const 4)))))

  (func (export "blur") (param $w i32) (param $h i32) (param $radius i32) (result i32)
    (local $x i32)
    (local $y i32)
    (local $v i32)
    (local $best i32)
    ;; clear the histogram
    (local.set $v (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $v) (i32.const 256)))
        (i32.store (i32.add (global.get $hist) (i32.mul (local.get $v) (i32.const 4))) (i32.const 0))
        (local.set $v (i32.add (local.get $v) (i32.const 1)))
        (br $next)))
    (local.set $y (i32.const 0))
    (block $rows_done
      (loop $row
        (br_if $rows_done (i32.ge_s (local.get $y) (local.get $h)))
        (local.set $x (i32.const 0))
        (block $cols_done
          (loop $col
            (br_if $cols_done (i32.ge_s (local.get $x) (local.get $w)))
            (local.set $v (call $box (local.get $x) (local.get $y) (local.get $w) (local.get $radius)))
            (i32.store8
              (i32.add (global.get $blurred) (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)))
              (local.get $v))
            (call $hist_add (local.get $v))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $col)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $row)))
    ;; the most frequent value (lowest on ties)
    (local.set $best (i32.const 0))
    (local.set $v (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $v) (i32.const 256)))
        (if (i32.gt_s (call $hist_get (local.get $v)) (call $hist_get (local.get $best)))
          (then (local.set $best (local.get $v))))
        (local.set $v (i32.add (local.get $v) (i32.const 1)))
        (br $next)))
    (local.get $best))
)
