(module
 (type $0 (func (param i32 i32)))
 (type $1 (func (param i32) (result i32)))
 (type $2 (func (param i32) (result i64)))
 (global $__stack_pointer (mut i32) (i32.const 65536))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "run" (func $run))
 (func $fill (param $0 i32) (param $1 i32)
  (i32.store
   (local.get $0)
   (local.get $1)
  )
  (i32.store offset=4
   (local.get $0)
   (i32.mul
    (local.get $1)
    (i32.const 3)
   )
  )
  (i32.store offset=8
   (local.get $0)
   (i32.const 7)
  )
  (i32.store offset=12
   (local.get $0)
   (i32.const -2)
  )
 )
 (func $fill_sum (param $0 i32) (result i32)
  (local $1 i32)
  (local $2 i32)
  (local.set $1
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 32)
   )
  )
  (global.set $__stack_pointer
   (local.get $1)
  )
  (i32.store offset=28
   (local.get $1)
   (local.get $0)
  )
  (i32.store offset=24
   (local.get $1)
   (i32.const 0)
  )
  (call $fill
   (i32.add
    (local.get $1)
    (i32.const 8)
   )
   (i32.load offset=28
    (local.get $1)
   )
  )
  (i32.store offset=24
   (local.get $1)
   (i32.add
    (i32.add
     (i32.load offset=8
      (local.get $1)
     )
     (i32.load offset=12
      (local.get $1)
     )
    )
    (i32.add
     (i32.load offset=16
      (local.get $1)
     )
     (i32.load offset=20
      (local.get $1)
     )
    )
   )
  )
  (local.set $2
   (i32.load offset=24
    (local.get $1)
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
 (func $leak (param $0 i32) (result i32)
  (local $1 i32)
  (local.set $1
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 16)
   )
  )
  (i32.store offset=12
   (local.get $1)
   (local.get $0)
  )
  (i32.store
   (i32.const 1024)
   (i32.add
    (local.get $1)
    (i32.const 12)
   )
  )
  (i32.load offset=12
   (local.get $1)
  )
 )
 (func $pick (param $0 i32) (result i32)
  (local $1 i32)
  (local.set $1
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 16)
   )
  )
  (i32.store offset=12
   (local.get $1)
   (local.get $0)
  )
  (i32.store offset=8
   (local.get $1)
   (i32.add
    (local.get $0)
    (i32.const 1)
   )
  )
  (i32.load
   (select
    (i32.add
     (local.get $1)
     (i32.const 12)
    )
    (i32.add
     (local.get $1)
     (i32.const 8)
    )
    (i32.and
     (local.get $0)
     (i32.const 1)
    )
   )
  )
 )
 (func $run (param $0 i32) (result i64)
  (i64.or
   (i64.extend_i32_u
    (call $fill_sum
     (local.get $0)
    )
   )
   (i64.shl
    (i64.extend_i32_u
     (i32.add
      (call $leak
       (local.get $0)
      )
      (call $pick
       (local.get $0)
      )
     )
    )
    (i64.const 32)
   )
  )
 )
)
