;; FIR filter, single precision: output[n] = sum_k coefs[k] * input[n - k] (input[<0] = 0).
;; Hand-written in the style of an unoptimising frontend: every access and the multiply-accumulate go
;; through small helper functions, locals are re-read instead of kept live, addresses are recomputed.
;; Returns the energy of the output (sum of squares, accumulated in f64).
(module
  (memory (export "memory") 9)
  ;; layout: coefs at 1024 (up to 256 taps), input at 4096 (up to 65536 samples), output after it
  (global $coefs (export "coefs") i32 (i32.const 1024))
  (global $input (export "input") i32 (i32.const 4096))
  (global $output (export "output") i32 (i32.const 266240))

  (func $sample_at (param $i i32) (result f32)
    (if (result f32) (i32.lt_s (local.get $i) (i32.const 0))
      (then (f32.const 0))
      (else (f32.load (i32.add (global.get $input) (i32.mul (local.get $i) (i32.const 4)))))))

  (func $coef_at (param $k i32) (result f32)
    (f32.load (i32.add (global.get $coefs) (i32.mul (local.get $k) (i32.const 4)))))

  (func $mac (param $acc f32) (param $a f32) (param $b f32) (result f32)
    (local $prod f32)
    (local.set $prod (f32.mul (local.get $a) (local.get $b)))
    (f32.add (local.get $acc) (local.get $prod)))

  (func $store_output (param $i i32) (param $v f32)
    (f32.store (i32.add (global.get $output) (i32.mul (local.get $i) (i32.const 4))) (local.get $v)))

  (func $filter_one (param $n i32) (param $taps i32) (result f32)
    (local $k i32)
    (local $acc f32)
    (local.set $acc (f32.const 0))
    (local.set $k (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $k) (local.get $taps)))
        (local.set $acc
          (call $mac
            (local.get $acc)
            (call $coef_at (local.get $k))
            (call $sample_at (i32.sub (local.get $n) (local.get $k)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  (func $square (param $x f64) (result f64)
    (f64.mul (local.get $x) (local.get $x)))

  (func (export "fir") (param $len i32) (param $taps i32) (result f64)
    (local $n i32)
    (local $y f32)
    (local $energy f64)
    (local.set $energy (f64.const 0))
    (local.set $n (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $n) (local.get $len)))
        (local.set $y (call $filter_one (local.get $n) (local.get $taps)))
        (call $store_output (local.get $n) (local.get $y))
        (local.set $energy
          (f64.add (local.get $energy) (call $square (f64.promote_f32 (local.get $y)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $energy))
)
