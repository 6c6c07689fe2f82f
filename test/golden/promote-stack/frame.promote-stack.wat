(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (param i32) (result i64)))
 (global $__stack_pointer (mut i32) (i32.const 65536))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "run" (func $sum_squares))
 (func $square (param $0 i32) (result i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local.set $1
   (global.get $__stack_pointer)
  )
  (local.set $2
   (i32.const 16)
  )
  (local.set $3
   (i32.sub
    (local.get $1)
    (local.get $2)
   )
  )
  (local.set $5
   (local.get $0)
  )
  (local.set $4
   (local.get $5)
  )
  (i32.mul
   (local.get $4)
   (local.get $5)
  )
 )
 (func $sum_squares (param $0 i32) (result i64)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i64)
  (local $6 i32)
  (local $7 f64)
  (local $8 i64)
  (local $9 i32)
  (local.set $1
   (global.get $__stack_pointer)
  )
  (local.set $2
   (i32.sub
    (local.get $1)
    (i32.const 32)
   )
  )
  (nop)
  (local.set $3
   (i32.add
    (local.get $2)
    (i32.const 8)
   )
  )
  (local.set $9
   (local.get $0)
  )
  (local.set $7
   (f64.convert_i32_s
    (local.get $9)
   )
  )
  (local.set $8
   (i64.const 0)
  )
  (local.set $6
   (i32.const 0)
  )
  (block $exit
   (loop $next
    (br_if $exit
     (i32.ge_s
      (local.get $6)
      (local.get $9)
     )
    )
    (local.set $8
     (i64.add
      (local.get $8)
      (i64.extend_i32_s
       (call $square
        (local.get $6)
       )
      )
     )
    )
    (local.set $6
     (i32.add
      (local.get $6)
      (i32.const 1)
     )
    )
    (br $next)
   )
  )
  (local.set $5
   (i64.add
    (local.get $8)
    (i64.trunc_f64_s
     (local.get $7)
    )
   )
  )
  (local.set $4
   (i32.add
    (local.get $2)
    (i32.const 32)
   )
  )
  (nop)
  (local.get $5)
 )
)
