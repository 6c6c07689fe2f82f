;; Call sites for wt-inline-site at loop depths 0, 1 and 2, with callees of different sizes, calls nested
;; in another call's arguments, a callee whose local must start at zero on every call and that returns
;; early, and a recursive function (never inlined). Every callee has several call sites, and keeps them
;; all but the one inlined.
(module
  (memory (export "memory") 1)

  (func $small (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.const 1)))

  ;; Early return; $t accumulates from 0 on every call.
  (func $big (param $x i32) (result i32)
    (local $t i32)
    (local.set $t (i32.add (local.get $t) (i32.mul (local.get $x) (i32.const 3))))
    (if (i32.gt_u (local.get $t) (i32.const 100000)) (then (return (i32.const 100000))))
    (i32.xor (local.get $t) (i32.const 5)))

  (func $store (param $i i32) (param $v i32)
    (i32.store (i32.shl (i32.and (local.get $i) (i32.const 255)) (i32.const 2)) (local.get $v)))

  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1))) (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $s i32)
    (local.set $s (call $big (local.get $n)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (call $big (local.get $i))))
        (local.set $j (i32.const 0))
        (block $inner_done
          (loop $inner
            (br_if $inner_done (i32.ge_s (local.get $j) (local.get $i)))
            (call $store (local.get $j) (call $small (call $big (local.get $s))))
            (local.set $s (i32.add (local.get $s) (call $small (local.get $j))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $inner)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.set $s (i32.add (local.get $s) (call $fib (i32.and (local.get $n) (i32.const 7)))))
    (i32.add (local.get $s) (call $small (local.get $s))))
)
