(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (result i32)))
 (global $__stack_pointer (mut i32) (i32.const 65536))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "run" (func $run))
 (func $poly (param $0 i32) (result i32)
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
   (i32.mul
    (i32.load offset=12
     (local.get $1)
    )
    (i32.load offset=12
     (local.get $1)
    )
   )
  )
  (i32.add
   (i32.load offset=8
    (local.get $1)
   )
   (i32.load offset=12
    (local.get $1)
   )
  )
 )
 (func $sum (param $0 i32) (result i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local.set $1
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 16)
   )
  )
  (local.set $4
   (local.get $0)
  )
  (local.set $3
   (i32.const 0)
  )
  (local.set $2
   (i32.const 0)
  )
  (block $exit
   (loop $next
    (br_if $exit
     (i32.ge_s
      (local.get $3)
      (local.get $4)
     )
    )
    (local.set $2
     (i32.add
      (local.get $2)
      (local.get $3)
     )
    )
    (local.set $3
     (i32.add
      (local.get $3)
      (i32.const 1)
     )
    )
    (br $next)
   )
  )
  (local.get $2)
 )
 (func $uninit (param $0 i32) (result i32)
  (local $1 i32)
  (local.set $1
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 16)
   )
  )
  (i32.add
   (i32.load offset=12
    (local.get $1)
   )
   (local.get $0)
  )
 )
 (func $leak (result i32)
  (i32.sub
   (global.get $__stack_pointer)
   (i32.const 16)
  )
 )
 (func $poly2 (param $0 i32) (result i32)
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
   (i32.mul
    (i32.load offset=12
     (local.get $1)
    )
    (i32.load offset=12
     (local.get $1)
    )
   )
  )
  (i32.add
   (i32.load offset=8
    (local.get $1)
   )
   (i32.load offset=12
    (local.get $1)
   )
  )
 )
 (func $run (param $0 i32) (result i32)
  (local $1 i32)
  (local.set $1
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 16)
   )
  )
  (global.set $__stack_pointer
   (local.get $1)
  )
  (i32.store offset=12
   (local.get $1)
   (local.get $0)
  )
  (i32.store offset=8
   (local.get $1)
   (i32.const 0)
  )
  (i32.store offset=4
   (local.get $1)
   (local.get $0)
  )
  (block $exit
   (loop $next
    (br_if $exit
     (i32.le_s
      (i32.load offset=4
       (local.get $1)
      )
      (i32.const 0)
     )
    )
    (i32.store offset=8
     (local.get $1)
     (i32.add
      (i32.load offset=8
       (local.get $1)
      )
      (call $poly
       (i32.load offset=4
        (local.get $1)
       )
      )
     )
    )
    (i32.store offset=4
     (local.get $1)
     (i32.sub
      (i32.load offset=4
       (local.get $1)
      )
      (i32.const 1)
     )
    )
    (br $next)
   )
  )
  (local.set $0
   (i32.add
    (i32.add
     (i32.load offset=8
      (local.get $1)
     )
     (call $sum
      (i32.load offset=12
       (local.get $1)
      )
     )
    )
    (call $poly2
     (i32.load offset=12
      (local.get $1)
     )
    )
   )
  )
  (global.set $__stack_pointer
   (i32.add
    (local.get $1)
    (i32.const 16)
   )
  )
  (local.get $0)
 )
)
