;; wt-coalesce:0: locals reused for unrelated values are split into one local per web.
(module
  (memory (export "memory") 1)
  ;; $t holds a loop counter, then an unrelated sum; the parameter $n is read, then overwritten and
  ;; read again (its first web keeps index 0).
  (func $reuse (export "reuse") (param $n i32) (result i32)
    (local $t i32) (local $acc i32)
    (local.set $t (i32.const 0))
    (block $out
      (loop $next
        (br_if $out (i32.ge_s (local.get $t) (i32.and (local.get $n) (i32.const 15))))
        (i32.store (i32.shl (local.get $t) (i32.const 2)) (local.get $t))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $next)))
    (local.set $n (i32.mul (local.get $n) (i32.const 3)))
    (local.set $t (i32.load (i32.const 8)))
    (local.set $acc (i32.add (local.get $t) (local.get $n)))
    (local.get $acc))
  ;; Two definitions that meet at a read after an if are one web; a read that may see the initial zero
  ;; stays with the original local.
  (func $merge (export "merge") (param $n i32) (result i32)
    (local $x i32) (local $y i32) (local $z i32)
    (if (i32.and (local.get $n) (i32.const 1))
      (then (local.set $x (i32.const 10)))
      (else (local.set $x (i32.const 20))))
    (local.set $y (local.get $x))
    (if (i32.and (local.get $n) (i32.const 2))
      (then (local.set $x (i32.const 7)) (local.set $z (i32.const 9))))
    (i32.add (i32.add (local.get $y) (local.get $x)) (local.get $z)))
)
