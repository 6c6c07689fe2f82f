(module
 (type $0 (func (param i32)))
 (type $1 (func (param i32 i32)))
 (type $2 (func (param i32 i32 i32)))
 (type $3 (func (param i32 i32) (result i64)))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "call_mid" (func $0))
 (export "min4" (func $1))
 (export "max4" (func $2))
 (export "bytes16" (func $3))
 (export "sum2" (func $4))
 (export "sum2_exit" (func $5))
 (export "sum2_store" (func $6))
 (func $touch (param $p i32)
  (i32.store offset=4
   (local.get $p)
   (i32.const 7)
  )
 )
 (func $0 (param $p i32) (param $q i32)
  (i32.store
   (local.get $p)
   (i32.add
    (i32.load
     (local.get $q)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=4
   (local.get $p)
   (i32.add
    (i32.load offset=4
     (local.get $q)
    )
    (i32.const 1)
   )
  )
  (call $touch
   (local.get $p)
  )
  (i32.store offset=8
   (local.get $p)
   (i32.add
    (i32.load offset=8
     (local.get $q)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=12
   (local.get $p)
   (i32.add
    (i32.load offset=12
     (local.get $q)
    )
    (i32.const 1)
   )
  )
 )
 (func $1 (param $p i32) (param $q i32) (param $r i32)
  (nop)
  (nop)
  (nop)
  (v128.store align=4
   (local.get $p)
   (f32x4.min
    (v128.load offset=16 align=4
     (local.get $p)
    )
    (v128.load offset=32 align=4
     (local.get $p)
    )
   )
  )
 )
 (func $2 (param $p i32) (param $q i32) (param $r i32)
  (f32.store
   (local.get $p)
   (f32.max
    (f32.load
     (local.get $q)
    )
    (f32.load
     (local.get $r)
    )
   )
  )
  (f32.store offset=4
   (local.get $p)
   (f32.max
    (f32.load offset=4
     (local.get $q)
    )
    (f32.load offset=4
     (local.get $r)
    )
   )
  )
  (f32.store offset=8
   (local.get $p)
   (f32.max
    (f32.load offset=8
     (local.get $q)
    )
    (f32.load offset=8
     (local.get $r)
    )
   )
  )
  (f32.store offset=12
   (local.get $p)
   (f32.max
    (f32.load offset=12
     (local.get $q)
    )
    (f32.load offset=12
     (local.get $r)
    )
   )
  )
 )
 (func $3 (param $p i32) (param $q i32) (param $r i32)
  (if
   (i32.or
    (i32.and
     (i64.lt_u
      (i64.add
       (i64.extend_i32_u
        (local.get $p)
       )
       (i64.const 0)
      )
      (i64.add
       (i64.extend_i32_u
        (local.get $q)
       )
       (i64.const 16)
      )
     )
     (i64.lt_u
      (i64.add
       (i64.extend_i32_u
        (local.get $q)
       )
       (i64.const 1)
      )
      (i64.add
       (i64.extend_i32_u
        (local.get $p)
       )
       (i64.const 15)
      )
     )
    )
    (i32.and
     (i64.lt_u
      (i64.add
       (i64.extend_i32_u
        (local.get $p)
       )
       (i64.const 0)
      )
      (i64.add
       (i64.extend_i32_u
        (local.get $r)
       )
       (i64.const 16)
      )
     )
     (i64.lt_u
      (i64.add
       (i64.extend_i32_u
        (local.get $r)
       )
       (i64.const 1)
      )
      (i64.add
       (i64.extend_i32_u
        (local.get $p)
       )
       (i64.const 15)
      )
     )
    )
   )
   (then
    (i32.store8
     (local.get $p)
     (i32.add
      (i32.load8_u
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=1
     (local.get $p)
     (i32.add
      (i32.load8_u offset=1
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=1
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=2
     (local.get $p)
     (i32.add
      (i32.load8_u offset=2
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=2
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=3
     (local.get $p)
     (i32.add
      (i32.load8_u offset=3
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=3
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=4
     (local.get $p)
     (i32.add
      (i32.load8_u offset=4
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=4
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=5
     (local.get $p)
     (i32.add
      (i32.load8_u offset=5
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=5
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=6
     (local.get $p)
     (i32.add
      (i32.load8_u offset=6
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=6
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=7
     (local.get $p)
     (i32.add
      (i32.load8_u offset=7
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=7
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=8
     (local.get $p)
     (i32.add
      (i32.load8_u offset=8
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=8
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=9
     (local.get $p)
     (i32.add
      (i32.load8_u offset=9
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=9
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=10
     (local.get $p)
     (i32.add
      (i32.load8_u offset=10
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=10
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=11
     (local.get $p)
     (i32.add
      (i32.load8_u offset=11
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=11
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=12
     (local.get $p)
     (i32.add
      (i32.load8_u offset=12
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=12
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=13
     (local.get $p)
     (i32.add
      (i32.load8_u offset=13
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=13
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=14
     (local.get $p)
     (i32.add
      (i32.load8_u offset=14
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=14
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
    (i32.store8 offset=15
     (local.get $p)
     (i32.add
      (i32.load8_u offset=15
       (local.get $q)
      )
      (i32.shl
       (i32.load8_s offset=15
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
   )
   (else
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (nop)
    (v128.store align=1
     (local.get $p)
     (i8x16.add
      (v128.load align=1
       (local.get $q)
      )
      (i8x16.shl
       (v128.load align=1
        (local.get $r)
       )
       (i32.const 1)
      )
     )
    )
   )
  )
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
  (nop)
 )
 (func $4 (param $a i32) (param $n i32) (result i64)
  (local $s0 i64)
  (local $s1 i64)
  (local $4 v128)
  (if
   (i32.gt_s
    (local.get $n)
    (i32.const 0)
   )
   (then
    (local.set $4
     (i64x2.replace_lane 1
      (i64x2.splat
       (local.get $s0)
      )
      (local.get $s1)
     )
    )
    (loop $l
     (nop)
     (local.set $4
      (i64x2.add
       (local.get $4)
       (v128.load align=8
        (local.get $a)
       )
      )
     )
     (local.set $a
      (i32.add
       (local.get $a)
       (i32.const 16)
      )
     )
     (br_if $l
      (local.tee $n
       (i32.sub
        (local.get $n)
        (i32.const 1)
       )
      )
     )
    )
    (local.set $s0
     (i64x2.extract_lane 0
      (local.get $4)
     )
    )
    (local.set $s1
     (i64x2.extract_lane 1
      (local.get $4)
     )
    )
   )
  )
  (i64.add
   (local.get $s0)
   (i64.mul
    (local.get $s1)
    (i64.const 3)
   )
  )
 )
 (func $5 (param $a i32) (param $n i32) (result i64)
  (local $s0 i64)
  (local $s1 i64)
  (local $i i32)
  (block $out
   (loop $l
    (br_if $out
     (i32.ge_u
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $s0
     (i64.add
      (local.get $s0)
      (i64.load
       (local.get $a)
      )
     )
    )
    (local.set $s1
     (i64.add
      (local.get $s1)
      (i64.load offset=8
       (local.get $a)
      )
     )
    )
    (local.set $a
     (i32.add
      (local.get $a)
      (i32.const 16)
     )
    )
    (local.set $i
     (i32.add
      (local.get $i)
      (i32.const 1)
     )
    )
    (br $l)
   )
  )
  (i64.add
   (local.get $s0)
   (i64.mul
    (local.get $s1)
    (i64.const 3)
   )
  )
 )
 (func $6 (param $a i32) (param $n i32) (result i64)
  (local $s0 i64)
  (local $s1 i64)
  (if
   (i32.gt_s
    (local.get $n)
    (i32.const 0)
   )
   (then
    (loop $l
     (local.set $s0
      (i64.add
       (local.get $s0)
       (i64.load
        (local.get $a)
       )
      )
     )
     (i64.store offset=8
      (local.get $n)
      (i64.extend_i32_u
       (local.get $n)
      )
     )
     (local.set $s1
      (i64.add
       (local.get $s1)
       (i64.load offset=8
        (local.get $a)
       )
      )
     )
     (local.set $a
      (i32.add
       (local.get $a)
       (i32.const 16)
      )
     )
     (br_if $l
      (local.tee $n
       (i32.sub
        (local.get $n)
        (i32.const 1)
       )
      )
     )
    )
   )
  )
  (i64.add
   (local.get $s0)
   (i64.mul
    (local.get $s1)
    (i64.const 3)
   )
  )
 )
)
