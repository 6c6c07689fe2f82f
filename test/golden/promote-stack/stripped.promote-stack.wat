(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (param i32) (result i64)))
 (global $global$0 (mut i32) (i32.const 65536))
 (global $global$1 (mut i32) (i32.const 0))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "run" (func $4))
 (func $0 (param $0 i32) (result i32)
  (global.set $global$1
   (i32.add
    (global.get $global$1)
    (i32.const 1)
   )
  )
  (i32.add
   (local.get $0)
   (global.get $global$1)
  )
 )
 (func $1 (param $0 i32) (result i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local.set $1
   (i32.sub
    (global.get $global$0)
    (i32.const 16)
   )
  )
  (local.set $3
   (local.get $0)
  )
  (local.set $2
   (i32.const 0)
  )
  (loop $l
   (local.set $2
    (i32.add
     (local.get $2)
     (call $0
      (local.get $3)
     )
    )
   )
   (local.set $3
    (i32.sub
     (local.get $3)
     (i32.const 1)
    )
   )
   (br_if $l
    (i32.gt_s
     (local.get $3)
     (i32.const 0)
    )
   )
  )
  (if (result i32)
   (i32.and
    (local.get $2)
    (i32.const 1)
   )
   (then
    (local.set $0
     (local.get $2)
    )
    (nop)
    (local.get $0)
   )
   (else
    (local.set $0
     (i32.mul
      (local.get $2)
      (i32.const 3)
     )
    )
    (nop)
    (local.get $0)
   )
  )
 )
 (func $2 (param $0 i32) (result i32)
  (local $1 i32)
  (global.set $global$0
   (local.tee $1
    (i32.sub
     (global.get $global$0)
     (i32.const 16)
    )
   )
  )
  (i32.store offset=12
   (local.get $1)
   (call $0
    (local.get $0)
   )
  )
  (local.set $0
   (i32.sub
    (global.get $global$0)
    (i32.const 16)
   )
  )
  (i32.store
   (local.get $0)
   (i32.load offset=12
    (local.get $1)
   )
  )
  (local.set $0
   (i32.load
    (local.get $0)
   )
  )
  (global.set $global$0
   (i32.add
    (local.get $1)
    (i32.const 16)
   )
  )
  (local.get $0)
 )
 (func $3 (param $0 i32) (result i32)
  (local $1 i32)
  (global.set $global$0
   (local.tee $1
    (i32.sub
     (global.get $global$0)
     (i32.const 16)
    )
   )
  )
  (i32.store offset=12
   (local.get $1)
   (call $0
    (local.get $0)
   )
  )
  (global.set $global$0
   (i32.add
    (local.get $1)
    (i32.const 16)
   )
  )
  (call $0
   (i32.load offset=12
    (local.get $1)
   )
  )
 )
 (func $4 (param $0 i32) (result i64)
  (i64.or
   (i64.extend_i32_u
    (call $1
     (local.get $0)
    )
   )
   (i64.shl
    (i64.extend_i32_u
     (i32.add
      (call $2
       (local.get $0)
      )
      (call $3
       (local.get $0)
      )
     )
    )
    (i64.const 32)
   )
  )
 )
)
