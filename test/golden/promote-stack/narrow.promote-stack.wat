(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (param i32) (result i64)))
 (global $__stack_pointer (mut i32) (i32.const 65536))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "run" (func $narrow))
 (func $id (param $0 i32) (result i32)
  (local.get $0)
 )
 (func $narrow (param $0 i32) (result i64)
  (local $1 i32)
  (local $2 i64)
  (local $3 i64)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local.set $1
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 32)
   )
  )
  (global.set $__stack_pointer
   (local.get $1)
  )
  (local.set $2
   (i64.extend_i32_u
    (i32.load offset=8
     (local.get $1)
    )
   )
  )
  (i32.store offset=8
   (local.get $1)
   (local.get $0)
  )
  (local.set $6
   (i32.and
    (i32.mul
     (local.get $0)
     (i32.const 37)
    )
    (i32.const 255)
   )
  )
  (local.set $5
   (i32.and
    (call $id
     (i32.mul
      (local.get $0)
      (i32.const -4099)
     )
    )
    (i32.const 65535)
   )
  )
  (local.set $3
   (i64.and
    (i64.mul
     (i64.extend_i32_s
      (local.get $0)
     )
     (i64.const -3000000007)
    )
    (i64.const 4294967295)
   )
  )
  (f32.store offset=12
   (local.get $1)
   (f32.convert_i32_s
    (local.get $0)
   )
  )
  (i64.store
   (local.get $1)
   (i64.extend_i32_s
    (local.get $0)
   )
  )
  (if
   (i32.and
    (local.get $0)
    (i32.const 1)
   )
   (then
    (local.set $4
     (i32.const 100)
    )
   )
   (else
    (local.set $4
     (call $id
      (i32.const 200)
     )
    )
   )
  )
  (local.set $2
   (i64.add
    (local.get $2)
    (i64.add
     (i64.extend_i32_s
      (i32.add
       (i32.add
        (i32.extend8_s
         (local.get $6)
        )
        (i32.mul
         (local.get $6)
         (i32.const 1000)
        )
       )
       (i32.add
        (i32.extend16_s
         (local.get $5)
        )
        (local.get $4)
       )
      )
     )
     (i64.add
      (i64.add
       (i64.extend32_s
        (local.get $3)
       )
       (i64.shl
        (local.get $3)
        (i64.const 20)
       )
      )
      (i64.extend_i32_u
       (i32.add
        (i32.load offset=12
         (local.get $1)
        )
        (i32.add
         (i32.load offset=4
          (local.get $1)
         )
         (i32.load offset=8
          (local.get $1)
         )
        )
       )
      )
     )
    )
   )
  )
  (global.set $__stack_pointer
   (i32.add
    (local.get $1)
    (i32.const 32)
   )
  )
  (local.get $2)
 )
)
