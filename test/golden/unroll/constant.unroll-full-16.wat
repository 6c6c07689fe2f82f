(module
 (type $0 (func (param i32) (result i32)))
 (global $K i32 (i32.const 6))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "taps5" (func $0))
 (export "dw8" (func $1))
 (export "exit3" (func $2))
 (export "global6" (func $3))
 (export "zero" (func $4))
 (export "twenty" (func $5))
 (export "unknown_start" (func $6))
 (export "inner4" (func $7))
 (func $0 (param $x i32) (result i32)
  (local $j i32)
  (local $s i32)
  (local.set $s
   (local.get $x)
  )
  (local.set $j
   (i32.const -2)
  )
  (block $unrolled$wt0
   (local.set $s
    (i32.add
     (i32.mul
      (local.get $s)
      (i32.const 31)
     )
     (local.get $j)
    )
   )
   (local.set $j
    (i32.add
     (local.get $j)
     (i32.const 1)
    )
   )
   (local.set $s
    (i32.add
     (i32.mul
      (local.get $s)
      (i32.const 31)
     )
     (local.get $j)
    )
   )
   (local.set $j
    (i32.add
     (local.get $j)
     (i32.const 1)
    )
   )
   (local.set $s
    (i32.add
     (i32.mul
      (local.get $s)
      (i32.const 31)
     )
     (local.get $j)
    )
   )
   (local.set $j
    (i32.add
     (local.get $j)
     (i32.const 1)
    )
   )
   (local.set $s
    (i32.add
     (i32.mul
      (local.get $s)
      (i32.const 31)
     )
     (local.get $j)
    )
   )
   (local.set $j
    (i32.add
     (local.get $j)
     (i32.const 1)
    )
   )
   (local.set $s
    (i32.add
     (i32.mul
      (local.get $s)
      (i32.const 31)
     )
     (local.get $j)
    )
   )
   (local.set $j
    (i32.add
     (local.get $j)
     (i32.const 1)
    )
   )
  )
  (i32.add
   (local.get $s)
   (local.get $j)
  )
 )
 (func $1 (param $x i32) (result i32)
  (local $i i32)
  (local $n i32)
  (local $s i32)
  (local.set $n
   (i32.const 8)
  )
  (local.set $i
   (i32.const 0)
  )
  (block $b
   (local.set $s
    (local.get $x)
   )
   (block $unrolled$wt0
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
    (i32.store
     (i32.shl
      (local.get $i)
      (i32.const 2)
     )
     (local.get $s)
    )
    (local.set $s
     (i32.xor
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.load
       (i32.shl
        (local.get $i)
        (i32.const 2)
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
   )
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $2 (param $x i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local.set $i
   (i32.const 10)
  )
  (block $out
   (block $unrolled$wt0
    (local.set $s
     (i32.add
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.add
       (local.get $x)
       (local.get $i)
      )
     )
    )
    (local.set $i
     (i32.sub
      (local.get $i)
      (i32.const 2)
     )
    )
    (local.set $s
     (i32.add
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.add
       (local.get $x)
       (local.get $i)
      )
     )
    )
    (local.set $i
     (i32.sub
      (local.get $i)
      (i32.const 2)
     )
    )
    (local.set $s
     (i32.add
      (i32.mul
       (local.get $s)
       (i32.const 31)
      )
      (i32.add
       (local.get $x)
       (local.get $i)
      )
     )
    )
    (local.set $i
     (i32.sub
      (local.get $i)
      (i32.const 2)
     )
    )
    (br $out)
   )
   (local.set $s
    (i32.const -1)
   )
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $3 (param $x i32) (result i32)
  (local $i i32)
  (local.set $i
   (i32.const 0)
  )
  (block $out
   (block $unrolled$wt0
    (local.set $x
     (i32.add
      (i32.mul
       (local.get $x)
       (i32.const 31)
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
    (local.set $x
     (i32.add
      (i32.mul
       (local.get $x)
       (i32.const 31)
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
    (local.set $x
     (i32.add
      (i32.mul
       (local.get $x)
       (i32.const 31)
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
    (local.set $x
     (i32.add
      (i32.mul
       (local.get $x)
       (i32.const 31)
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
    (local.set $x
     (i32.add
      (i32.mul
       (local.get $x)
       (i32.const 31)
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
    (local.set $x
     (i32.add
      (i32.mul
       (local.get $x)
       (i32.const 31)
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
    (br $out)
   )
  )
  (local.get $x)
 )
 (func $4 (param $x i32) (result i32)
  (local $i i32)
  (local.set $i
   (i32.const 3)
  )
  (block $unrolled$wt0
  )
  (local.get $x)
 )
 (func $5 (param $x i32) (result i32)
  (local $i i32)
  (local.set $i
   (i32.const 0)
  )
  (loop $L
   (if
    (i32.lt_s
     (local.get $i)
     (i32.const 20)
    )
    (then
     (local.set $x
      (i32.add
       (i32.mul
        (local.get $x)
        (i32.const 3)
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
     (br $L)
    )
   )
  )
  (local.get $x)
 )
 (func $6 (param $x i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local.set $i
   (i32.and
    (local.get $x)
    (i32.const 3)
   )
  )
  (loop $L
   (if
    (i32.lt_s
     (local.get $i)
     (i32.const 4)
    )
    (then
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
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
     (br $L)
    )
   )
  )
  (local.get $s)
 )
 (func $7 (param $x i32) (result i32)
  (local $i i32)
  (local $j i32)
  (local $s i32)
  (block $done
   (loop $outer
    (br_if $done
     (i32.ge_u
      (local.get $i)
      (i32.and
       (local.get $x)
       (i32.const 15)
      )
     )
    )
    (local.set $j
     (i32.const 0)
    )
    (block $unrolled$wt0
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.add
        (local.get $i)
        (local.get $j)
       )
      )
     )
     (local.set $j
      (i32.add
       (local.get $j)
       (i32.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.add
        (local.get $i)
        (local.get $j)
       )
      )
     )
     (local.set $j
      (i32.add
       (local.get $j)
       (i32.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.add
        (local.get $i)
        (local.get $j)
       )
      )
     )
     (local.set $j
      (i32.add
       (local.get $j)
       (i32.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.add
        (local.get $i)
        (local.get $j)
       )
      )
     )
     (local.set $j
      (i32.add
       (local.get $j)
       (i32.const 1)
      )
     )
    )
    (local.set $i
     (i32.add
      (local.get $i)
      (i32.const 1)
     )
    )
    (br $outer)
   )
  )
  (local.get $s)
 )
)
