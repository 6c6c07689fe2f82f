(module
 (type $0 (func (param i32) (result i32)))
 (global $g (mut i32) (i32.const 7))
 (global $N i32 (i32.const 13))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "do_while_ne" (func $0))
 (export "do_while_lt" (func $1))
 (export "countdown" (func $2))
 (export "while_if" (func $3))
 (export "while_exit" (func $4))
 (export "step3_le_u" (func $5))
 (export "down_by_two" (func $6))
 (export "near_max" (func $7))
 (export "body_label_exit" (func $8))
 (export "global_bound" (func $9))
 (export "refuse_continue" (func $10))
 (export "refuse_bound" (func $11))
 (export "refuse_direction" (func $12))
 (export "nested" (func $13))
 (func $0 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (if
   (i32.gt_s
    (local.get $n)
    (i32.const 0)
   )
   (then
    (block $unrolled$wt2
     (block $rest$wt1
      (loop $L$wt0
       (br_if $rest$wt1
        (i32.le_u
         (i32.sub
          (local.get $n)
          (local.get $i)
         )
         (i32.const 1)
        )
       )
       (local.set $s
        (i32.add
         (i32.mul
          (local.get $s)
          (i32.const 31)
         )
         (local.get $i)
        )
       )
       (i32.store
        (i32.shl
         (i32.and
          (local.get $i)
          (i32.const 255)
         )
         (i32.const 2)
        )
        (local.get $s)
       )
       (local.set $i
        (i32.add
         (local.get $i)
         (i32.const 1)
        )
       )
       (local.set $s
        (i32.add
         (i32.mul
          (local.get $s)
          (i32.const 31)
         )
         (local.get $i)
        )
       )
       (i32.store
        (i32.shl
         (i32.and
          (local.get $i)
          (i32.const 255)
         )
         (i32.const 2)
        )
        (local.get $s)
       )
       (br_if $L$wt0
        (i32.ne
         (local.get $n)
         (local.tee $i
          (i32.add
           (local.get $i)
           (i32.const 1)
          )
         )
        )
       )
      )
      (br $unrolled$wt2)
     )
     (loop $L
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $i)
       )
      )
      (i32.store
       (i32.shl
        (i32.and
         (local.get $i)
         (i32.const 255)
        )
        (i32.const 2)
       )
       (local.get $s)
      )
      (br_if $L
       (i32.ne
        (local.get $n)
        (local.tee $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
       )
      )
     )
    )
   )
  )
  (local.get $s)
 )
 (func $1 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local.set $i
   (i32.const -3)
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.ge_s
       (i64.add
        (i64.extend_i32_s
         (local.get $i)
        )
        (i64.const 1)
       )
       (i64.extend_i32_s
        (local.get $n)
       )
      )
     )
     (local.set $s
      (i32.xor
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
     (local.set $s
      (i32.xor
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
     (br_if $L$wt0
      (i32.lt_s
       (local.get $i)
       (local.get $n)
      )
     )
    )
    (br $unrolled$wt2)
   )
   (loop $L
    (local.set $s
     (i32.xor
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
    (br_if $L
     (i32.lt_s
      (local.get $i)
      (local.get $n)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $2 (param $n i32) (result i32)
  (local $s i32)
  (if
   (i32.gt_s
    (local.get $n)
    (i32.const 0)
   )
   (then
    (block $unrolled$wt2
     (block $rest$wt1
      (loop $L$wt0
       (br_if $rest$wt1
        (i32.le_u
         (local.get $n)
         (i32.const 1)
        )
       )
       (local.set $s
        (i32.add
         (i32.mul
          (local.get $s)
          (i32.const 31)
         )
         (local.get $n)
        )
       )
       (local.set $n
        (i32.add
         (local.get $n)
         (i32.const -1)
        )
       )
       (local.set $s
        (i32.add
         (i32.mul
          (local.get $s)
          (i32.const 31)
         )
         (local.get $n)
        )
       )
       (br_if $L$wt0
        (local.tee $n
         (i32.add
          (local.get $n)
          (i32.const -1)
         )
        )
       )
      )
      (br $unrolled$wt2)
     )
     (loop $L
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $n)
       )
      )
      (br_if $L
       (local.tee $n
        (i32.add
         (local.get $n)
         (i32.const -1)
        )
       )
      )
     )
    )
   )
  )
  (local.get $s)
 )
 (func $3 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.ge_s
       (i64.add
        (i64.extend_i32_s
         (local.get $i)
        )
        (i64.const 1)
       )
       (i64.extend_i32_s
        (local.get $n)
       )
      )
     )
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
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i32.gt_s
      (local.get $n)
      (local.get $i)
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
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $4 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (block $done
   (block $unrolled$wt2
    (block $rest$wt1
     (loop $next$wt0
      (br_if $rest$wt1
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 1)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (block $skip$wt3
       (br_if $skip$wt3
        (i32.and
         (local.get $i)
         (i32.const 1)
        )
       )
       (local.set $s
        (i32.add
         (local.get $s)
         (i32.const 1000)
        )
       )
      )
      (br_if $done
       (i32.eq
        (local.get $s)
        (i32.const 5000)
       )
      )
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
      (block $skip$wt4
       (br_if $skip$wt4
        (i32.and
         (local.get $i)
         (i32.const 1)
        )
       )
       (local.set $s
        (i32.add
         (local.get $s)
         (i32.const 1000)
        )
       )
      )
      (br_if $done
       (i32.eq
        (local.get $s)
        (i32.const 5000)
       )
      )
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
      (br $next$wt0)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (block $skip
      (br_if $skip
       (i32.and
        (local.get $i)
        (i32.const 1)
       )
      )
      (local.set $s
       (i32.add
        (local.get $s)
        (i32.const 1000)
       )
      )
     )
     (br_if $done
      (i32.eq
       (local.get $s)
       (i32.const 5000)
      )
     )
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
     (br $next)
    )
   )
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $5 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local.set $i
   (i32.const 2147483632)
  )
  (local.set $n
   (i32.add
    (local.get $n)
    (i32.const 2147483632)
   )
  )
  (block $done
   (block $unrolled$wt2
    (block $rest$wt1
     (loop $next$wt0
      (br_if $rest$wt1
       (i64.gt_s
        (i64.add
         (i64.extend_i32_u
          (local.get $i)
         )
         (i64.const 3)
        )
        (i64.extend_i32_u
         (local.get $n)
        )
       )
      )
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
        (i32.const 3)
       )
      )
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
        (i32.const 3)
       )
      )
      (br $next$wt0)
     )
    )
    (loop $next
     (br_if $done
      (i32.gt_u
       (local.get $i)
       (local.get $n)
      )
     )
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
       (i32.const 3)
      )
     )
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $6 (param $n i32) (result i32)
  (local $s i32)
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.le_s
       (i64.add
        (i64.extend_i32_s
         (local.get $n)
        )
        (i64.const -2)
       )
       (i64.const 0)
      )
     )
     (local.set $s
      (i32.sub
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (local.get $n)
      )
     )
     (local.set $n
      (i32.sub
       (local.get $n)
       (i32.const 2)
      )
     )
     (local.set $s
      (i32.sub
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (local.get $n)
      )
     )
     (local.set $n
      (i32.sub
       (local.get $n)
       (i32.const 2)
      )
     )
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i32.eqz
      (i32.le_s
       (local.get $n)
       (i32.const 0)
      )
     )
     (then
      (local.set $s
       (i32.sub
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $n)
       )
      )
      (local.set $n
       (i32.sub
        (local.get $n)
        (i32.const 2)
       )
      )
      (br $L)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $7 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local.set $i
   (i32.sub
    (i32.const 2147483647)
    (local.get $n)
   )
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.ge_s
       (i64.add
        (i64.extend_i32_s
         (local.get $i)
        )
        (i64.const 1)
       )
       (i64.const 2147483647)
      )
     )
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
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i32.lt_s
      (local.get $i)
      (i32.const 2147483647)
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
  )
  (local.get $s)
 )
 (func $8 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.ge_s
       (i64.add
        (i64.extend_i32_u
         (local.get $i)
        )
        (i64.const 1)
       )
       (i64.extend_i32_u
        (local.get $n)
       )
      )
     )
     (br_if $unrolled$wt2
      (i32.eq
       (i32.and
        (local.get $s)
        (i32.const 1023)
       )
       (i32.const 77)
      )
     )
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
     (br_if $unrolled$wt2
      (i32.eq
       (i32.and
        (local.get $s)
        (i32.const 1023)
       )
       (i32.const 77)
      )
     )
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
     (br $L$wt0)
    )
   )
   (loop $L
    (block $B
     (br_if $B
      (i32.ge_u
       (local.get $i)
       (local.get $n)
      )
     )
     (br_if $B
      (i32.eq
       (i32.and
        (local.get $s)
        (i32.const 1023)
       )
       (i32.const 77)
      )
     )
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
  (i32.add
   (local.get $s)
   (i32.mul
    (local.get $i)
    (i32.const 1000)
   )
  )
 )
 (func $9 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local.set $i
   (i32.sub
    (i32.const 0)
    (local.get $n)
   )
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.ge_s
       (i64.add
        (i64.extend_i32_s
         (local.get $i)
        )
        (i64.const 1)
       )
       (i64.extend_i32_s
        (global.get $N)
       )
      )
     )
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
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i32.lt_s
      (local.get $i)
      (global.get $N)
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
  )
  (local.get $s)
 )
 (func $10 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $i
     (i32.add
      (local.get $i)
      (i32.const 1)
     )
    )
    (br_if $next
     (i32.and
      (local.get $i)
      (i32.const 1)
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (local.get $i)
     )
    )
    (br $next)
   )
  )
  (local.get $s)
 )
 (func $11 (param $n i32) (result i32)
  (local $i i32)
  (global.set $g
   (local.get $n)
  )
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (global.get $g)
     )
    )
    (global.set $g
     (i32.sub
      (global.get $g)
      (i32.const 1)
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
  (local.get $i)
 )
 (func $12 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local.set $i
   (local.get $n)
  )
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_u
      (local.get $i)
      (i32.const 10)
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (local.get $i)
     )
    )
    (local.set $i
     (i32.sub
      (local.get $i)
      (i32.const 1)
     )
    )
    (br $next)
   )
  )
  (local.get $s)
 )
 (func $13 (param $n i32) (result i32)
  (local $i i32)
  (local $j i32)
  (local $s i32)
  (block $outer_done
   (loop $outer
    (br_if $outer_done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $j
     (i32.const 0)
    )
    (block $inner_done
     (block $unrolled$wt2
      (block $rest$wt1
       (loop $inner$wt0
        (br_if $rest$wt1
         (i64.ge_s
          (i64.add
           (i64.extend_i32_s
            (local.get $j)
           )
           (i64.const 1)
          )
          (i64.extend_i32_s
           (local.get $i)
          )
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
        (br $inner$wt0)
       )
      )
      (loop $inner
       (br_if $inner_done
        (i32.ge_s
         (local.get $j)
         (local.get $i)
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
       (br $inner)
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
