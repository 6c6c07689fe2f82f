(module
 (type $0 (func))
 (type $1 (func (param i32)))
 (type $2 (func (param i32) (result i32)))
 (global $g (mut i32) (i32.const 0))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "other_pointer" (func $other_pointer))
 (export "overlap_and_call" (func $overlap_and_call))
 (export "zero_trip" (func $zero_trip))
 (func $bump
  (global.set $g
   (i32.add
    (global.get $g)
    (i32.const 1)
   )
  )
  (i32.store
   (i32.const 64)
   (global.get $g)
  )
 )
 (func $other_pointer (param $n i32)
  (local $i i32)
  (local $p i32)
  (local $q i32)
  (local.set $p
   (i32.const 64)
  )
  (local.set $q
   (i32.add
    (i32.const 60)
    (i32.shl
     (i32.and
      (local.get $n)
      (i32.const 3)
     )
     (i32.const 1)
    )
   )
  )
  (block $out
   (loop $next
    (br_if $out
     (i32.ge_u
      (local.get $i)
      (i32.and
       (local.get $n)
       (i32.const 31)
      )
     )
    )
    (i32.store
     (local.get $q)
     (i32.add
      (i32.load
       (local.get $p)
      )
      (local.get $i)
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
 (func $overlap_and_call (param $n i32)
  (local $i i32)
  (local $p i32)
  (local.set $p
   (i32.const 128)
  )
  (block $out
   (loop $next
    (br_if $out
     (i32.ge_u
      (local.get $i)
      (i32.and
       (local.get $n)
       (i32.const 31)
      )
     )
    )
    (i32.store
     (local.get $p)
     (i32.add
      (i32.load
       (local.get $p)
      )
      (i32.const 3)
     )
    )
    (i32.store8 offset=2
     (local.get $p)
     (local.get $i)
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
  (local.set $i
   (i32.const 0)
  )
  (block $out2
   (loop $next2
    (br_if $out2
     (i32.ge_u
      (local.get $i)
      (i32.and
       (local.get $n)
       (i32.const 31)
      )
     )
    )
    (i32.store offset=64
     (local.get $p)
     (i32.add
      (i32.load offset=64
       (local.get $p)
      )
      (i32.load
       (i32.const 64)
      )
     )
    )
    (call $bump)
    (local.set $i
     (i32.add
      (local.get $i)
      (i32.const 1)
     )
    )
    (br $next2)
   )
  )
 )
 (func $zero_trip (param $n i32) (result i32)
  (local $i i32)
  (local $p i32)
  (local $s i32)
  (local $4 i32)
  (local.set $p
   (select
    (i32.const 100000000)
    (i32.const 192)
    (i32.eqz
     (local.get $n)
    )
   )
  )
  (local.set $n
   (i32.and
    (local.get $n)
    (i32.const 31)
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
       (i32.load
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
     (local.set $s
      (i32.add
       (local.get $s)
       (local.get $4)
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
  (local.set $i
   (i32.const 0)
  )
  (block $out2
   (loop $next2
    (br_if $out2
     (i32.ge_u
      (local.get $i)
      (local.get $n)
     )
    )
    (if
     (i32.and
      (local.get $i)
      (i32.const 1)
     )
     (then
      (local.set $s
       (i32.add
        (local.get $s)
        (i32.load offset=4
         (local.get $p)
        )
       )
      )
     )
    )
    (local.set $i
     (i32.add
      (local.get $i)
      (i32.const 1)
     )
    )
    (br $next2)
   )
  )
  (local.get $s)
 )
)
