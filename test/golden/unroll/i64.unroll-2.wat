(module
 (type $0 (func (param i32) (result i32)))
 (global $N64 i64 (i64.const 9))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "do_while_ne" (func $0))
 (export "while_if_lt" (func $1))
 (export "near_umax_le" (func $2))
 (export "tiny_bound_lt_u" (func $3))
 (export "near_smax_const" (func $4))
 (export "near_smin_gt" (func $5))
 (export "falling_ge_const" (func $6))
 (export "countdown_eqz" (func $7))
 (export "global_bound" (func $8))
 (export "wrap5" (func $9))
 (export "refuse_direction" (func $10))
 (func $0 (param $n i32) (result i32)
  (local $i i64)
  (local $m i64)
  (local $s i32)
  (local.set $m
   (i64.extend_i32_u
    (local.get $n)
   )
  )
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
        (i64.le_u
         (i64.sub
          (local.get $m)
          (local.get $i)
         )
         (i64.const 1)
        )
       )
       (local.set $s
        (i32.add
         (i32.mul
          (local.get $s)
          (i32.const 31)
         )
         (i32.wrap_i64
          (local.get $i)
         )
        )
       )
       (i64.store
        (i32.shl
         (i32.and
          (i32.wrap_i64
           (local.get $i)
          )
          (i32.const 127)
         )
         (i32.const 3)
        )
        (local.get $i)
       )
       (local.set $i
        (i64.add
         (local.get $i)
         (i64.const 1)
        )
       )
       (local.set $s
        (i32.add
         (i32.mul
          (local.get $s)
          (i32.const 31)
         )
         (i32.wrap_i64
          (local.get $i)
         )
        )
       )
       (i64.store
        (i32.shl
         (i32.and
          (i32.wrap_i64
           (local.get $i)
          )
          (i32.const 127)
         )
         (i32.const 3)
        )
        (local.get $i)
       )
       (br_if $L$wt0
        (i64.ne
         (local.get $m)
         (local.tee $i
          (i64.add
           (local.get $i)
           (i64.const 1)
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
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (i64.store
       (i32.shl
        (i32.and
         (i32.wrap_i64
          (local.get $i)
         )
         (i32.const 127)
        )
        (i32.const 3)
       )
       (local.get $i)
      )
      (br_if $L
       (i64.ne
        (local.get $m)
        (local.tee $i
         (i64.add
          (local.get $i)
          (i64.const 1)
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
  (local $i i64)
  (local $m i64)
  (local $s i32)
  (local.set $m
   (i64.extend_i32_s
    (local.get $n)
   )
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i32.or
       (i64.ge_s
        (local.get $i)
        (local.get $m)
       )
       (i64.le_u
        (i64.sub
         (local.get $m)
         (local.get $i)
        )
        (i64.const 1)
       )
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i64.lt_s
      (local.get $i)
      (local.get $m)
     )
     (then
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 1)
       )
      )
      (br $L)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $2 (param $n i32) (result i32)
  (local $i i64)
  (local $m i64)
  (local $s i32)
  (local.set $i
   (i64.sub
    (i64.const -1)
    (i64.mul
     (i64.extend_i32_u
      (local.get $n)
     )
     (i64.const 3)
    )
   )
  )
  (local.set $m
   (i64.const -2)
  )
  (block $done
   (block $unrolled$wt2
    (block $rest$wt1
     (loop $next$wt0
      (br_if $rest$wt1
       (i32.or
        (i64.ge_u
         (local.get $i)
         (local.get $m)
        )
        (i64.lt_u
         (i64.sub
          (local.get $m)
          (local.get $i)
         )
         (i64.const 3)
        )
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 3)
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 3)
       )
      )
      (br $next$wt0)
     )
    )
    (loop $next
     (br_if $done
      (i64.gt_u
       (local.get $i)
       (local.get $m)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 3)
      )
     )
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $3 (param $n i32) (result i32)
  (local $i i64)
  (local $s i32)
  (local.set $i
   (select
    (i64.sub
     (i64.const 3)
     (i64.extend_i32_u
      (local.get $n)
     )
    )
    (i64.const 0)
    (i32.le_u
     (local.get $n)
     (i32.const 3)
    )
   )
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.ge_u
       (local.get $i)
       (i64.const 2)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i64.lt_u
      (local.get $i)
      (i64.const 3)
     )
     (then
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 1)
       )
      )
      (br $L)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $4 (param $n i32) (result i32)
  (local $i i64)
  (local $s i32)
  (local.set $i
   (i64.sub
    (i64.const 9223372036854775807)
    (i64.extend_i32_u
     (local.get $n)
    )
   )
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.ge_s
       (local.get $i)
       (i64.const 9223372036854775806)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i64.lt_s
      (local.get $i)
      (i64.const 9223372036854775807)
     )
     (then
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 1)
       )
      )
      (br $L)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $5 (param $n i32) (result i32)
  (local $i i64)
  (local $b i64)
  (local $s i32)
  (local.set $b
   (i64.const -9223372036854775808)
  )
  (local.set $i
   (i64.add
    (local.get $b)
    (i64.mul
     (i64.extend_i32_u
      (local.get $n)
     )
     (i64.const 2)
    )
   )
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i32.or
       (i64.ge_s
        (local.get $b)
        (local.get $i)
       )
       (i64.le_u
        (i64.sub
         (local.get $i)
         (local.get $b)
        )
        (i64.const 2)
       )
      )
     )
     (local.set $s
      (i32.sub
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.sub
       (local.get $i)
       (i64.const 2)
      )
     )
     (local.set $s
      (i32.sub
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.sub
       (local.get $i)
       (i64.const 2)
      )
     )
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i64.gt_s
      (local.get $i)
      (local.get $b)
     )
     (then
      (local.set $s
       (i32.sub
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.sub
        (local.get $i)
        (i64.const 2)
       )
      )
      (br $L)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $6 (param $n i32) (result i32)
  (local $i i64)
  (local $s i32)
  (local.set $i
   (i64.add
    (i64.const -9223372036854775804)
    (i64.extend_i32_u
     (local.get $n)
    )
   )
  )
  (block $done
   (block $unrolled$wt2
    (block $rest$wt1
     (loop $next$wt0
      (br_if $rest$wt1
       (i64.lt_s
        (local.get $i)
        (i64.const -9223372036854775802)
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const -1)
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const -1)
       )
      )
      (br $next$wt0)
     )
    )
    (loop $next
     (br_if $done
      (i64.lt_s
       (local.get $i)
       (i64.const -9223372036854775803)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const -1)
      )
     )
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $7 (param $n i32) (result i32)
  (local $c i64)
  (local $s i32)
  (local.set $c
   (i64.extend_i32_u
    (local.get $n)
   )
  )
  (block $done
   (block $unrolled$wt2
    (block $rest$wt1
     (loop $next$wt0
      (br_if $rest$wt1
       (i64.le_u
        (local.get $c)
        (i64.const 1)
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $c)
        )
       )
      )
      (local.set $c
       (i64.sub
        (local.get $c)
        (i64.const 1)
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $c)
        )
       )
      )
      (local.set $c
       (i64.sub
        (local.get $c)
        (i64.const 1)
       )
      )
      (br $next$wt0)
     )
    )
    (loop $next
     (br_if $done
      (i64.eqz
       (local.get $c)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $c)
       )
      )
     )
     (local.set $c
      (i64.sub
       (local.get $c)
       (i64.const 1)
      )
     )
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $8 (param $n i32) (result i32)
  (local $i i64)
  (local $s i32)
  (local.set $i
   (i64.sub
    (i64.const 9)
    (i64.extend_i32_u
     (local.get $n)
    )
   )
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i32.or
       (i64.ge_s
        (local.get $i)
        (global.get $N64)
       )
       (i64.le_u
        (i64.sub
         (global.get $N64)
         (local.get $i)
        )
        (i64.const 1)
       )
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (local.get $i)
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i64.lt_s
      (local.get $i)
      (global.get $N64)
     )
     (then
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (local.get $i)
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 1)
       )
      )
      (br $L)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $9 (param $n i32) (result i32)
  (local $i i64)
  (local $s i32)
  (local.set $s
   (local.get $n)
  )
  (local.set $i
   (i64.const 9223372036854775805)
  )
  (block $unrolled$wt2
   (block $rest$wt1
    (loop $L$wt0
     (br_if $rest$wt1
      (i64.le_u
       (i64.sub
        (i64.const -9223372036854775806)
        (local.get $i)
       )
       (i64.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (i64.shr_u
         (local.get $i)
         (i64.const 60)
        )
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (i32.wrap_i64
        (i64.shr_u
         (local.get $i)
         (i64.const 60)
        )
       )
      )
     )
     (local.set $i
      (i64.add
       (local.get $i)
       (i64.const 1)
      )
     )
     (br $L$wt0)
    )
   )
   (loop $L
    (if
     (i64.ne
      (local.get $i)
      (i64.const -9223372036854775806)
     )
     (then
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (i32.wrap_i64
         (i64.shr_u
          (local.get $i)
          (i64.const 60)
         )
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 1)
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
  (local $i i64)
  (local $s i32)
  (local.set $i
   (i64.extend_i32_u
    (local.get $n)
   )
  )
  (block $done
   (loop $next
    (br_if $done
     (i64.ge_u
      (local.get $i)
      (i64.const 10)
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (i32.wrap_i64
       (local.get $i)
      )
     )
    )
    (local.set $i
     (i64.sub
      (local.get $i)
      (i64.const 1)
     )
    )
    (br $next)
   )
  )
  (local.get $s)
 )
)
