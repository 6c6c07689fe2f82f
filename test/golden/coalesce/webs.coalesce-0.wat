(module
 (type $0 (func (param i32) (result i32)))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "reuse" (func $reuse))
 (export "merge" (func $merge))
 (func $reuse (param $n i32) (result i32)
  (local $t i32)
  (local $acc i32)
  (local $3 i32)
  (local $4 i32)
  (local.set $t
   (i32.const 0)
  )
  (block $out
   (loop $next
    (br_if $out
     (i32.ge_s
      (local.get $t)
      (i32.and
       (local.get $n)
       (i32.const 15)
      )
     )
    )
    (i32.store
     (i32.shl
      (local.get $t)
      (i32.const 2)
     )
     (local.get $t)
    )
    (local.set $t
     (i32.add
      (local.get $t)
      (i32.const 1)
     )
    )
    (br $next)
   )
  )
  (local.set $3
   (i32.mul
    (local.get $n)
    (i32.const 3)
   )
  )
  (local.set $4
   (i32.load
    (i32.const 8)
   )
  )
  (local.set $acc
   (i32.add
    (local.get $4)
    (local.get $3)
   )
  )
  (local.get $acc)
 )
 (func $merge (param $n i32) (result i32)
  (local $x i32)
  (local $y i32)
  (local $z i32)
  (if
   (i32.and
    (local.get $n)
    (i32.const 1)
   )
   (then
    (local.set $x
     (i32.const 10)
    )
   )
   (else
    (local.set $x
     (i32.const 20)
    )
   )
  )
  (local.set $y
   (local.get $x)
  )
  (if
   (i32.and
    (local.get $n)
    (i32.const 2)
   )
   (then
    (local.set $x
     (i32.const 7)
    )
    (local.set $z
     (i32.const 9)
    )
   )
  )
  (i32.add
   (i32.add
    (local.get $y)
    (local.get $x)
   )
   (local.get $z)
  )
 )
)
