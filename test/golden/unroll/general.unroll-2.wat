(module
 (type $0 (func))
 (type $1 (func (param i32) (result i32)))
 (global $m (mut i32) (i32.const 3))
 (global $calls (mut i32) (i32.const 0))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "clang_o0" (func $0))
 (export "clang_o0_five" (func $1))
 (export "clang_o0_prefix" (func $2))
 (export "minus_one" (func $3))
 (export "tee_in_address" (func $4))
 (export "two_paths" (func $5))
 (export "do_while_eqz_eqz" (func $6))
 (export "eq_exit_div" (func $7))
 (export "load_and_global_bound" (func $8))
 (export "i64_minus_one" (func $9))
 (export "refuse_do_while_load" (func $10))
 (export "refuse_global_call" (func $11))
 (export "refuse_one_path" (func $12))
 (export "refuse_skippable" (func $13))
 (export "refuse_stale_temporary" (func $14))
 (export "refuse_stale_copy" (func $15))
 (func $bump
  (global.set $calls
   (i32.add
    (global.get $calls)
    (i32.const 1)
   )
  )
 )
 (func $0 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $t i32)
  (local $x i32)
  (local $c i32)
  (local $one i32)
  (block $out
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
      (local.set $x
       (local.get $i)
      )
      (local.set $t
       (local.get $n)
      )
      (local.set $one
       (i32.const 1)
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $x)
       )
      )
      (i32.store
       (i32.shl
        (i32.and
         (local.get $x)
         (i32.const 255)
        )
        (i32.const 2)
       )
       (local.get $s)
      )
      (local.set $c
       (local.get $i)
      )
      (local.set $i
       (i32.add
        (local.get $c)
        (i32.const 1)
       )
      )
      (local.set $x
       (local.get $i)
      )
      (local.set $t
       (local.get $n)
      )
      (local.set $one
       (i32.const 1)
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $x)
       )
      )
      (i32.store
       (i32.shl
        (i32.and
         (local.get $x)
         (i32.const 255)
        )
        (i32.const 2)
       )
       (local.get $s)
      )
      (local.set $c
       (local.get $i)
      )
      (local.set $i
       (i32.add
        (local.get $c)
        (i32.const 1)
       )
      )
      (br $L$wt0)
     )
    )
    (loop $L
     (br_if $out
      (i32.eqz
       (i32.and
        (i32.lt_s
         (block (result i32)
          (local.set $x
           (local.get $i)
          )
          (local.get $x)
         )
         (block (result i32)
          (local.set $t
           (local.get $n)
          )
          (local.get $t)
         )
        )
        (block (result i32)
         (local.set $one
          (i32.const 1)
         )
         (local.get $one)
        )
       )
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (local.get $x)
      )
     )
     (i32.store
      (i32.shl
       (i32.and
        (local.get $x)
        (i32.const 255)
       )
       (i32.const 2)
      )
      (local.get $s)
     )
     (local.set $c
      (local.get $i)
     )
     (local.set $i
      (i32.add
       (local.get $c)
       (i32.const 1)
      )
     )
     (br $L)
    )
   )
  )
  (i32.add
   (local.get $s)
   (i32.add
    (i32.mul
     (local.get $x)
     (i32.const 1000)
    )
    (i32.add
     (local.get $t)
     (local.get $c)
    )
   )
  )
 )
 (func $1 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $t i32)
  (local $x i32)
  (local.set $s
   (local.get $n)
  )
  (local.set $i
   (i32.const 0)
  )
  (block $out
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
        (i64.const 5)
       )
      )
      (local.set $x
       (local.get $i)
      )
      (local.set $t
       (i32.const 5)
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $x)
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 1)
       )
      )
      (local.set $x
       (local.get $i)
      )
      (local.set $t
       (i32.const 5)
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $x)
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
     (br_if $out
      (i32.eqz
       (i32.and
        (i32.lt_s
         (block (result i32)
          (local.set $x
           (local.get $i)
          )
          (local.get $x)
         )
         (block (result i32)
          (local.set $t
           (i32.const 5)
          )
          (local.get $t)
         )
        )
        (i32.const 1)
       )
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (local.get $x)
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
   (i32.add
    (i32.mul
     (local.get $x)
     (i32.const 1000)
    )
    (local.get $t)
   )
  )
 )
 (func $2 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $a i32)
  (local $b i32)
  (local $c i32)
  (local $d i32)
  (local $e i32)
  (local $u i32)
  (local $v i32)
  (local $w i32)
  (local $11 i32)
  (block $out
   (block $unrolled$wt2
    (local.set $11
     (i32.sub
      (local.get $n)
      (i32.const 1)
     )
    )
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
         (local.get $11)
        )
       )
      )
      (local.set $a
       (local.get $i)
      )
      (local.set $b
       (local.get $n)
      )
      (local.set $c
       (i32.sub
        (local.get $b)
        (i32.const 1)
       )
      )
      (local.set $d
       (i32.lt_s
        (local.get $a)
        (local.get $c)
       )
      )
      (local.set $e
       (i32.and
        (local.get $d)
        (i32.const 1)
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $a)
       )
      )
      (i32.store
       (i32.shl
        (i32.and
         (local.get $a)
         (i32.const 255)
        )
        (i32.const 2)
       )
       (local.get $s)
      )
      (local.set $u
       (local.get $i)
      )
      (local.set $v
       (i32.const 1)
      )
      (local.set $w
       (i32.add
        (local.get $u)
        (local.get $v)
       )
      )
      (local.set $i
       (local.get $w)
      )
      (local.set $a
       (local.get $i)
      )
      (local.set $b
       (local.get $n)
      )
      (local.set $c
       (i32.sub
        (local.get $b)
        (i32.const 1)
       )
      )
      (local.set $d
       (i32.lt_s
        (local.get $a)
        (local.get $c)
       )
      )
      (local.set $e
       (i32.and
        (local.get $d)
        (i32.const 1)
       )
      )
      (local.set $s
       (i32.add
        (i32.mul
         (local.get $s)
         (i32.const 31)
        )
        (local.get $a)
       )
      )
      (i32.store
       (i32.shl
        (i32.and
         (local.get $a)
         (i32.const 255)
        )
        (i32.const 2)
       )
       (local.get $s)
      )
      (local.set $u
       (local.get $i)
      )
      (local.set $v
       (i32.const 1)
      )
      (local.set $w
       (i32.add
        (local.get $u)
        (local.get $v)
       )
      )
      (local.set $i
       (local.get $w)
      )
      (br $L$wt0)
     )
    )
    (loop $L
     (local.set $a
      (local.get $i)
     )
     (local.set $b
      (local.get $n)
     )
     (local.set $c
      (i32.sub
       (local.get $b)
       (i32.const 1)
      )
     )
     (local.set $d
      (i32.lt_s
       (local.get $a)
       (local.get $c)
      )
     )
     (local.set $e
      (i32.and
       (local.get $d)
       (i32.const 1)
      )
     )
     (br_if $out
      (i32.eqz
       (local.get $e)
      )
     )
     (local.set $s
      (i32.add
       (i32.mul
        (local.get $s)
        (i32.const 31)
       )
       (local.get $a)
      )
     )
     (i32.store
      (i32.shl
       (i32.and
        (local.get $a)
        (i32.const 255)
       )
       (i32.const 2)
      )
      (local.get $s)
     )
     (local.set $u
      (local.get $i)
     )
     (local.set $v
      (i32.const 1)
     )
     (local.set $w
      (i32.add
       (local.get $u)
       (local.get $v)
      )
     )
     (local.set $i
      (local.get $w)
     )
     (br $L)
    )
   )
  )
  (i32.add
   (local.get $s)
   (i32.add
    (i32.mul
     (local.get $a)
     (i32.const 1000)
    )
    (local.get $e)
   )
  )
 )
 (func $3 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $3 i32)
  (local.set $i
   (i32.const 1)
  )
  (block $unrolled$wt2
   (local.set $3
    (i32.sub
     (local.get $n)
     (i32.const 1)
    )
   )
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
        (local.get $3)
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
      (i32.sub
       (local.get $n)
       (i32.const 1)
      )
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
 (func $4 (param $n i32) (result i32)
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
     (i32.store offset=4
      (i32.shl
       (i32.and
        (local.tee $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
        (i32.const 255)
       )
       (i32.const 2)
      )
      (local.get $i)
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
     (i32.store offset=4
      (i32.shl
       (i32.and
        (local.tee $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
        (i32.const 255)
       )
       (i32.const 2)
      )
      (local.get $i)
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
      (i32.store offset=4
       (i32.shl
        (i32.and
         (local.tee $i
          (i32.add
           (local.get $i)
           (i32.const 1)
          )
         )
         (i32.const 255)
        )
        (i32.const 2)
       )
       (local.get $i)
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
      (br $L)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $5 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (block $out
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
      (if
       (i32.and
        (local.get $i)
        (i32.const 1)
       )
       (then
        (local.set $s
         (i32.add
          (local.get $s)
          (local.get $i)
         )
        )
        (local.set $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
       )
       (else
        (local.set $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
        (local.set $s
         (i32.mul
          (local.get $s)
          (i32.const 3)
         )
        )
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
          (local.get $i)
         )
        )
        (local.set $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
       )
       (else
        (local.set $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
        (local.set $s
         (i32.mul
          (local.get $s)
          (i32.const 3)
         )
        )
       )
      )
      (br $L$wt0)
     )
    )
    (loop $L
     (br_if $out
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
         (local.get $i)
        )
       )
       (local.set $i
        (i32.add
         (local.get $i)
         (i32.const 1)
        )
       )
      )
      (else
       (local.set $i
        (i32.add
         (local.get $i)
         (i32.const 1)
        )
       )
       (local.set $s
        (i32.mul
         (local.get $s)
         (i32.const 3)
        )
       )
      )
     )
     (br $L)
    )
   )
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $6 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $3 i32)
  (if
   (i32.gt_s
    (local.get $n)
    (i32.const 0)
   )
   (then
    (block $unrolled$wt2
     (local.set $3
      (i32.shl
       (local.get $n)
       (i32.const 1)
      )
     )
     (block $rest$wt1
      (loop $L$wt0
       (br_if $rest$wt1
        (i32.le_u
         (i32.sub
          (local.get $3)
          (local.get $i)
         )
         (i32.const 2)
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
         (i32.const 2)
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
         (i32.const 2)
        )
       )
       (br_if $L$wt0
        (i32.eqz
         (i32.eqz
          (i32.ne
           (local.get $i)
           (i32.shl
            (local.get $n)
            (i32.const 1)
           )
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
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 2)
       )
      )
      (br_if $L
       (i32.eqz
        (i32.eqz
         (i32.ne
          (local.get $i)
          (i32.shl
           (local.get $n)
           (i32.const 1)
          )
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
 (func $7 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $3 i32)
  (local.set $i
   (local.get $n)
  )
  (block $out
   (block $unrolled$wt2
    (local.set $3
     (i32.div_s
      (local.get $n)
      (i32.const 3)
     )
    )
    (block $rest$wt1
     (loop $L$wt0
      (br_if $rest$wt1
       (i32.le_u
        (i32.sub
         (local.get $i)
         (local.get $3)
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
      (local.set $i
       (i32.sub
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
       (i32.sub
        (local.get $i)
        (i32.const 1)
       )
      )
      (br $L$wt0)
     )
    )
    (loop $L
     (br_if $out
      (i32.eq
       (local.get $i)
       (i32.div_s
        (local.get $n)
        (i32.const 3)
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
      (i32.sub
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
 (func $8 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $3 i32)
  (local $4 i32)
  (i32.store
   (i32.const 64)
   (local.get $n)
  )
  (global.set $m
   (local.get $n)
  )
  (block $out
   (block $unrolled$wt2
    (local.set $3
     (i32.load
      (i32.const 64)
     )
    )
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
         (local.get $3)
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
     (br_if $out
      (i32.ge_s
       (local.get $i)
       (i32.load
        (i32.const 64)
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
     (br $L)
    )
   )
  )
  (block $unrolled$wt5
   (local.set $4
    (i32.add
     (global.get $m)
     (local.get $n)
    )
   )
   (block $rest$wt4
    (loop $L2$wt3
     (br_if $rest$wt4
      (i64.ge_s
       (i64.add
        (i64.extend_i32_u
         (local.get $i)
        )
        (i64.const 1)
       )
       (i64.extend_i32_u
        (local.get $4)
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
     (br $L2$wt3)
    )
   )
   (loop $L2
    (if
     (i32.lt_u
      (local.get $i)
      (i32.add
       (global.get $m)
       (local.get $n)
      )
     )
     (then
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
      (br $L2)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $9 (param $n i32) (result i32)
  (local $i i64)
  (local $s i64)
  (local $b i64)
  (local $4 i64)
  (local.set $b
   (i64.extend_i32_s
    (local.get $n)
   )
  )
  (block $out
   (block $unrolled$wt2
    (local.set $4
     (i64.sub
      (local.get $b)
      (i64.const 1)
     )
    )
    (block $rest$wt1
     (loop $L$wt0
      (br_if $rest$wt1
       (i32.or
        (i64.ge_s
         (local.get $i)
         (local.get $4)
        )
        (i64.le_u
         (i64.sub
          (local.get $4)
          (local.get $i)
         )
         (i64.const 1)
        )
       )
      )
      (local.set $s
       (i64.add
        (i64.mul
         (local.get $s)
         (i64.const 31)
        )
        (local.get $i)
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 1)
       )
      )
      (local.set $s
       (i64.add
        (i64.mul
         (local.get $s)
         (i64.const 31)
        )
        (local.get $i)
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
     (br_if $out
      (i32.eq
       (i64.lt_s
        (local.get $i)
        (i64.sub
         (local.get $b)
         (i64.const 1)
        )
       )
       (i32.const 0)
      )
     )
     (local.set $s
      (i64.add
       (i64.mul
        (local.get $s)
        (i64.const 31)
       )
       (local.get $i)
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
  (i32.wrap_i64
   (i64.add
    (local.get $s)
    (local.get $i)
   )
  )
 )
 (func $10 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
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
   (br_if $L
    (i32.lt_s
     (local.tee $i
      (i32.add
       (local.get $i)
       (i32.const 1)
      )
     )
     (i32.load
      (local.get $n)
     )
    )
   )
  )
  (local.get $s)
 )
 (func $11 (param $n i32) (result i32)
  (local $i i32)
  (global.set $m
   (local.get $n)
  )
  (loop $L
   (if
    (i32.lt_s
     (local.get $i)
     (global.get $m)
    )
    (then
     (call $bump)
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
   (local.get $i)
   (global.get $calls)
  )
 )
 (func $12 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (block $out
   (loop $L
    (br_if $out
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (i32.const 1)
     )
    )
    (if
     (i32.ne
      (i32.and
       (local.get $s)
       (i32.const 3)
      )
      (i32.const 0)
     )
     (then
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 1)
       )
      )
     )
    )
    (br $L)
   )
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $13 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (block $out
   (loop $L
    (br_if $out
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $s
     (i32.add
      (local.get $s)
      (i32.const 1)
     )
    )
    (block $b
     (br_if $b
      (i32.eqz
       (i32.and
        (local.get $s)
        (i32.const 3)
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
    (br $L)
   )
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $14 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $a i32)
  (local $d i32)
  (block $out
   (loop $L
    (local.set $d
     (i32.lt_s
      (local.get $a)
      (local.get $n)
     )
    )
    (local.set $a
     (local.get $i)
    )
    (br_if $out
     (i32.eqz
      (local.get $d)
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
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
 (func $15 (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $c i32)
  (block $out
   (loop $L
    (br_if $out
     (i32.ge_s
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
      (local.get $c)
     )
    )
    (local.set $i
     (i32.add
      (local.get $c)
      (i32.const 1)
     )
    )
    (local.set $c
     (local.get $i)
    )
    (br $L)
   )
  )
  (i32.add
   (local.get $s)
   (local.get $i)
  )
 )
)
