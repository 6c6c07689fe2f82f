(module
 (type $0 (func (param i32)))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "row_sums" (func $row_sums))
 (export "counter" (func $counter))
 (export "fields" (func $fields))
 (func $row_sums (param $n i32)
  (local $i i32)
  (local $k i32)
  (local $p i32)
  (local $4 i32)
  (local.set $n
   (i32.and
    (local.get $n)
    (i32.const 15)
   )
  )
  (block $done_i
   (loop $next_i
    (br_if $done_i
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $p
     (i32.add
      (i32.const 256)
      (i32.shl
       (local.get $i)
       (i32.const 2)
      )
     )
    )
    (local.set $k
     (i32.const 0)
    )
    (block $done_k
     (block
      (if
       (i32.eqz
        (i32.ge_s
         (local.get $k)
         (local.get $n)
        )
       )
       (then
        (local.set $4
         (i32.load
          (local.get $p)
         )
        )
       )
      )
      (loop $next_k
       (br_if $done_k
        (i32.ge_s
         (local.get $k)
         (local.get $n)
        )
       )
       (i32.store
        (local.get $p)
        (local.tee $4
         (i32.add
          (local.get $4)
          (i32.load offset=1024
           (i32.shl
            (i32.add
             (i32.mul
              (local.get $i)
              (local.get $n)
             )
             (local.get $k)
            )
            (i32.const 2)
           )
          )
         )
        )
       )
       (local.set $k
        (i32.add
         (local.get $k)
         (i32.const 1)
        )
       )
       (br $next_k)
      )
     )
    )
    (local.set $i
     (i32.add
      (local.get $i)
      (i32.const 1)
     )
    )
    (br $next_i)
   )
  )
 )
 (func $counter (param $n i32)
  (local $i i32)
  (local $2 i64)
  (block $out
   (block
    (local.set $2
     (i64.load offset=16
      (i32.const 0)
     )
    )
    (loop $next
     (local.set $2
      (i64.add
       (local.get $2)
       (i64.extend_i32_u
        (local.get $i)
       )
      )
     )
     (if
      (i64.gt_u
       (local.get $2)
       (i64.const 1000)
      )
      (then
       (i64.store offset=16
        (i32.const 0)
        (local.get $2)
       )
       (br $out)
      )
     )
     (local.set $i
      (i32.add
       (local.get $i)
       (i32.const 1)
      )
     )
     (br_if $next
      (i32.lt_u
       (local.get $i)
       (local.get $n)
      )
     )
    )
    (i64.store offset=16
     (i32.const 0)
     (local.get $2)
    )
   )
  )
 )
 (func $fields (param $n i32)
  (local $i i32)
  (local $p i32)
  (local $x f64)
  (local $4 f64)
  (local $5 i32)
  (local $6 i32)
  (local.set $p
   (i32.const 512)
  )
  (local.set $n
   (i32.and
    (local.get $n)
    (i32.const 63)
   )
  )
  (block $out
   (block
    (if
     (i32.eqz
      (i32.ge_u
       (local.get $i)
       (local.get $n)
      )
     )
     (then
      (local.set $4
       (f64.load offset=16
        (local.get $p)
       )
      )
      (local.set $5
       (i32.load offset=8
        (local.get $p)
       )
      )
      (local.set $6
       (i32.load offset=4
        (local.get $p)
       )
      )
     )
    )
    (loop $next
     (br_if $out
      (i32.ge_u
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $x
      (f64.add
       (local.get $4)
       (f64.convert_i32_u
        (local.get $i)
       )
      )
     )
     (i32.store offset=8
      (local.get $p)
      (local.tee $5
       (i32.add
        (local.get $5)
        (i32.mul
         (local.get $6)
         (local.get $i)
        )
       )
      )
     )
     (f64.store offset=16
      (local.get $p)
      (local.tee $4
       (local.get $x)
      )
     )
     (local.set $i
      (i32.add
       (local.get $i)
       (i32.const 1)
      )
     )
     (br $next)
    )
   )
  )
 )
)
