;; Helpers for wt-inline: early returns (nested, with and without values), locals that rely on starting
;; at zero on every call, inner loops and labels, nested calls, i64/f64 parameters, a void helper, a
;; recursive function (never a candidate), one in a table and one exported (inlined, not removed), and a
;; call of unreachable type (left as a call).
(module
  (memory (export "memory") 1)
  (table 1 funcref)
  (elem (i32.const 0) $in_table)
  (type $ii (func (param i32) (result i32)))

  (func $sq (param $x i32) (result i32)
    (i32.mul (local.get $x) (local.get $x)))

  ;; Early returns at several depths; the local $t must start at 0 on every call.
  (func $clamp_acc (param $x i32) (param $lo i32) (param $hi i32) (result i32)
    (local $t i32)
    (local.set $t (i32.add (local.get $t) (local.get $x)))
    (if (i32.lt_s (local.get $t) (local.get $lo)) (then (return (local.get $lo))))
    (block $b
      (br_if $b (i32.le_s (local.get $t) (local.get $hi)))
      (return (local.get $hi)))
    (local.get $t))

  ;; Counts set bits with an inner loop; $c and $k start at 0 on every call.
  (func $popcount (param $x i32) (result i32)
    (local $c i32) (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (i32.const 32)))
        (local.set $c (i32.add (local.get $c) (i32.and (i32.shr_u (local.get $x) (local.get $k)) (i32.const 1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $c))

  ;; Void helper with a bare return.
  (func $put (param $i i32) (param $v i32)
    (if (i32.ge_u (local.get $i) (i32.const 1000)) (then (return)))
    (i32.store (i32.shl (local.get $i) (i32.const 2)) (local.get $v)))

  (func $mix (param $a i64) (param $b f64) (result i64)
    (i64.add (local.get $a) (i64.trunc_f64_s (local.get $b))))

  (func $fact (param $n i32) (result i32)
    (if (result i32) (i32.le_s (local.get $n) (i32.const 1))
      (then (i32.const 1))
      (else (i32.mul (local.get $n) (call $fact (i32.sub (local.get $n) (i32.const 1)))))))

  (func $in_table (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.const 7)))

  (func $exported (export "exported") (param $x i32) (result i32)
    (i32.xor (local.get $x) (i32.const 0x55)))

  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (call $sq (call $sq (local.get $i)))))
        (local.set $s (i32.add (local.get $s) (call $clamp_acc (local.get $i) (i32.const 3) (i32.const 9))))
        (local.set $s (i32.add (local.get $s) (call $popcount (i32.mul (local.get $i) (i32.const 2654435761)))))
        (call $put (local.get $i) (local.get $s))
        (local.set $s (i32.add (local.get $s) (call $exported (local.get $i))))
        (local.set $s (i32.add (local.get $s) (call $in_table (local.get $i))))
        (local.set $s (i32.add (local.get $s) (call_indirect (type $ii) (local.get $i) (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.set $s (i32.add (local.get $s) (call $fact (i32.and (local.get $n) (i32.const 7)))))
    (local.set $s (i32.add (local.get $s) (i32.wrap_i64 (call $mix (i64.extend_i32_s (local.get $n)) (f64.const 2.5)))))
    (local.set $s (i32.add (local.get $s) (call $clamp_acc (local.get $n) (i32.const 0) (i32.const 100))))
    (local.get $s))

  ;; A call whose argument never returns has type unreachable: it stays a call.
  (func (export "dead") (param $x i32) (result i32)
    (if (i32.eqz (local.get $x)) (then (return (i32.const 1))))
    (drop (call $mix (unreachable) (f64.const 1)))
    (i32.const 2))
)
