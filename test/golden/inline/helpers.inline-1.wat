(module
 (type $ii (func (param i32) (result i32)))
 (type $1 (func (param i32 i32)))
 (type $2 (func (param i64 f64) (result i64)))
 (memory $0 1)
 (table $0 1 funcref)
 (elem $0 (i32.const 0) $in_table)
 (export "memory" (memory $0))
 (export "exported" (func $exported))
 (export "run" (func $0))
 (export "dead" (func $1))
 (func $sq (param $x i32) (result i32)
  (i32.mul
   (local.get $x)
   (local.get $x)
  )
 )
 (func $popcount (param $x i32) (result i32)
  (local $c i32)
  (local $k i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_u
      (local.get $k)
      (i32.const 32)
     )
    )
    (local.set $c
     (i32.add
      (local.get $c)
      (i32.and
       (i32.shr_u
        (local.get $x)
        (local.get $k)
       )
       (i32.const 1)
      )
     )
    )
    (local.set $k
     (i32.add
      (local.get $k)
      (i32.const 1)
     )
    )
    (br $next)
   )
  )
  (local.get $c)
 )
 (func $put (param $i i32) (param $v i32)
  (if
   (i32.ge_u
    (local.get $i)
    (i32.const 1000)
   )
   (then
    (return)
   )
  )
  (i32.store
   (i32.shl
    (local.get $i)
    (i32.const 2)
   )
   (local.get $v)
  )
 )
 (func $mix (param $a i64) (param $b f64) (result i64)
  (i64.add
   (local.get $a)
   (i64.trunc_f64_s
    (local.get $b)
   )
  )
 )
 (func $fact (param $n i32) (result i32)
  (if (result i32)
   (i32.le_s
    (local.get $n)
    (i32.const 1)
   )
   (then
    (i32.const 1)
   )
   (else
    (i32.mul
     (local.get $n)
     (call $fact
      (i32.sub
       (local.get $n)
       (i32.const 1)
      )
     )
    )
   )
  )
 )
 (func $in_table (param $x i32) (result i32)
  (i32.add
   (local.get $x)
   (i32.const 7)
  )
 )
 (func $exported (param $x i32) (result i32)
  (i32.xor
   (local.get $x)
   (i32.const 85)
  )
 )
 (func $0 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (call $sq
       (call $sq
        (local.get $i)
       )
      )
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (block $inlined-clamp_acc$wt0 (result i32)
       (local.set $3
        (local.get $i)
       )
       (local.set $4
        (i32.const 3)
       )
       (local.set $5
        (i32.const 9)
       )
       (local.set $6
        (i32.const 0)
       )
       (block (result i32)
        (local.set $6
         (i32.add
          (local.get $6)
          (local.get $3)
         )
        )
        (if
         (i32.lt_s
          (local.get $6)
          (local.get $4)
         )
         (then
          (br $inlined-clamp_acc$wt0
           (local.get $4)
          )
         )
        )
        (block $b$wt1
         (br_if $b$wt1
          (i32.le_s
           (local.get $6)
           (local.get $5)
          )
         )
         (br $inlined-clamp_acc$wt0
          (local.get $5)
         )
        )
        (local.get $6)
       )
      )
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (call $popcount
       (i32.mul
        (local.get $i)
        (i32.const -1640531535)
       )
      )
     )
    )
    (call $put
     (local.get $i)
     (local.get $s)
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (call $exported
       (local.get $i)
      )
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (call $in_table
       (local.get $i)
      )
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (call_indirect (type $ii)
       (local.get $i)
       (i32.const 0)
      )
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
  (local.set $s
   (i32.add
    (local.get $s)
    (call $fact
     (i32.and
      (local.get $n)
      (i32.const 7)
     )
    )
   )
  )
  (local.set $s
   (i32.add
    (local.get $s)
    (i32.wrap_i64
     (call $mix
      (i64.extend_i32_s
       (local.get $n)
      )
      (f64.const 2.5)
     )
    )
   )
  )
  (local.set $s
   (i32.add
    (local.get $s)
    (block $inlined-clamp_acc$wt2 (result i32)
     (local.set $7
      (local.get $n)
     )
     (local.set $8
      (i32.const 0)
     )
     (local.set $9
      (i32.const 100)
     )
     (local.set $10
      (i32.const 0)
     )
     (block (result i32)
      (local.set $10
       (i32.add
        (local.get $10)
        (local.get $7)
       )
      )
      (if
       (i32.lt_s
        (local.get $10)
        (local.get $8)
       )
       (then
        (br $inlined-clamp_acc$wt2
         (local.get $8)
        )
       )
      )
      (block $b$wt3
       (br_if $b$wt3
        (i32.le_s
         (local.get $10)
         (local.get $9)
        )
       )
       (br $inlined-clamp_acc$wt2
        (local.get $9)
       )
      )
      (local.get $10)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $1 (param $x i32) (result i32)
  (if
   (i32.eqz
    (local.get $x)
   )
   (then
    (return
     (i32.const 1)
    )
   )
  )
  (drop
   (call $mix
    (unreachable)
    (f64.const 1)
   )
  )
  (i32.const 2)
 )
)
