;; wt-promote-cells: cells that may be promoted. Every export takes n and leaves its results in memory.
(module
  (memory (export "memory") 1)
  ;; sum[i] += a[i*n + k] for k < n: the cell sum[i] (base 256 + 4i, invariant in the k loop) is read
  ;; and written; the loads of a[…] may trap, so its store stays (store-through).
  (func $row_sums (export "row_sums") (param $n i32)
    (local $i i32) (local $k i32) (local $p i32)
    (local.set $n (i32.and (local.get $n) (i32.const 15)))
    (block $done_i
      (loop $next_i
        (br_if $done_i (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.add (i32.const 256) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $k (i32.const 0))
        (block $done_k
          (loop $next_k
            (br_if $done_k (i32.ge_s (local.get $k) (local.get $n)))
            (i32.store (local.get $p)
              (i32.add (i32.load (local.get $p))
                (i32.load offset=1024 (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $k)) (i32.const 2)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $next_k)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next_i))))
  ;; A static counter at a constant address, nothing else in the loop can trap: the store is sunk to
  ;; both exits (the early exit when the counter passes 1000, and the fall-through).
  (func $counter (export "counter") (param $n i32)
    (local $i i32)
    (block $out
      (loop $next
        (i64.store offset=16 (i32.const 0) (i64.add (i64.load offset=16 (i32.const 0)) (i64.extend_i32_u (local.get $i))))
        (br_if $out (i64.gt_u (i64.load offset=16 (i32.const 0)) (i64.const 1000)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $i) (local.get $n))))))
  ;; A loop-invariant load of a field (p + 4), stores to the disjoint field p + 8 and to another cell:
  ;; the load and both cells are loaded before the loop, guarded by the loop's entry test.
  (func $fields (export "fields") (param $n i32)
    (local $i i32) (local $p i32) (local $x f64)
    (local.set $p (i32.const 512))
    (local.set $n (i32.and (local.get $n) (i32.const 63)))
    (block $out
      (loop $next
        (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (f64.add (f64.load offset=16 (local.get $p)) (f64.convert_i32_u (local.get $i))))
        (i32.store offset=8 (local.get $p)
          (i32.add (i32.load offset=8 (local.get $p)) (i32.mul (i32.load offset=4 (local.get $p)) (local.get $i))))
        (f64.store offset=16 (local.get $p) (local.get $x))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
)
