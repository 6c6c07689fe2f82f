(module
 (type $0 (func (param i32) (result i32)))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "single" (func $0))
 (export "nest2" (func $1))
 (export "nest3" (func $2))
 (export "siblings" (func $3))
 (func $0 (param $n i32) (result i32)
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
  (local.get $s)
 )
 (func $1 (param $n i32) (result i32)
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
 (func $2 (param $n i32) (result i32)
  (local $i i32)
  (local $j i32)
  (local $k i32)
  (local $s i32)
  (loop $li
   (if
    (i32.lt_s
     (local.get $i)
     (local.get $n)
    )
    (then
     (local.set $j
      (i32.const 0)
     )
     (loop $lj
      (if
       (i32.lt_s
        (local.get $j)
        (i32.const 3)
       )
       (then
        (local.set $k
         (local.get $j)
        )
        (block $unrolled$wt2
         (block $rest$wt1
          (loop $lk$wt0
           (br_if $rest$wt1
            (i64.ge_s
             (i64.add
              (i64.extend_i32_s
               (local.get $k)
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
             (i32.add
              (local.get $k)
              (i32.mul
               (local.get $i)
               (local.get $j)
              )
             )
            )
           )
           (local.set $k
            (i32.add
             (local.get $k)
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
              (local.get $k)
              (i32.mul
               (local.get $i)
               (local.get $j)
              )
             )
            )
           )
           (local.set $k
            (i32.add
             (local.get $k)
             (i32.const 1)
            )
           )
           (br $lk$wt0)
          )
         )
         (loop $lk
          (if
           (i32.lt_s
            (local.get $k)
            (local.get $n)
           )
           (then
            (local.set $s
             (i32.add
              (i32.mul
               (local.get $s)
               (i32.const 31)
              )
              (i32.add
               (local.get $k)
               (i32.mul
                (local.get $i)
                (local.get $j)
               )
              )
             )
            )
            (local.set $k
             (i32.add
              (local.get $k)
              (i32.const 1)
             )
            )
            (br $lk)
           )
          )
         )
        )
        (local.set $j
         (i32.add
          (local.get $j)
          (i32.const 1)
         )
        )
        (br $lj)
       )
      )
     )
     (local.set $i
      (i32.add
       (local.get $i)
       (i32.const 1)
      )
     )
     (br $li)
    )
   )
  )
  (local.get $s)
 )
 (func $3 (param $n i32) (result i32)
  (local $i i32)
  (local $j i32)
  (local $k i64)
  (local $s i32)
  (block $done
   (loop $outer
    (br_if $done
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
      (local.set $j
       (local.get $i)
      )
      (block $unrolled$wt2
       (block $rest$wt1
        (loop $a$wt0
         (br_if $rest$wt1
          (i64.ge_s
           (i64.add
            (i64.extend_i32_s
             (local.get $j)
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
         (br_if $a$wt0
          (i32.lt_s
           (local.tee $j
            (i32.add
             (local.get $j)
             (i32.const 1)
            )
           )
           (local.get $n)
          )
         )
        )
        (br $unrolled$wt2)
       )
       (loop $a
        (local.set $s
         (i32.add
          (i32.mul
           (local.get $s)
           (i32.const 31)
          )
          (local.get $j)
         )
        )
        (br_if $a
         (i32.lt_s
          (local.tee $j
           (i32.add
            (local.get $j)
            (i32.const 1)
           )
          )
          (local.get $n)
         )
        )
       )
      )
     )
    )
    (local.set $k
     (i64.extend_i32_u
      (local.get $i)
     )
    )
    (block $b_done
     (block $unrolled$wt5
      (block $rest$wt4
       (loop $b$wt3
        (br_if $rest$wt4
         (i64.le_u
          (local.get $k)
          (i64.const 1)
         )
        )
        (local.set $s
         (i32.xor
          (i32.mul
           (local.get $s)
           (i32.const 7)
          )
          (i32.wrap_i64
           (local.get $k)
          )
         )
        )
        (local.set $k
         (i64.sub
          (local.get $k)
          (i64.const 1)
         )
        )
        (local.set $s
         (i32.xor
          (i32.mul
           (local.get $s)
           (i32.const 7)
          )
          (i32.wrap_i64
           (local.get $k)
          )
         )
        )
        (local.set $k
         (i64.sub
          (local.get $k)
          (i64.const 1)
         )
        )
        (br $b$wt3)
       )
      )
      (loop $b
       (br_if $b_done
        (i64.eqz
         (local.get $k)
        )
       )
       (local.set $s
        (i32.xor
         (i32.mul
          (local.get $s)
          (i32.const 7)
         )
         (i32.wrap_i64
          (local.get $k)
         )
        )
       )
       (local.set $k
        (i64.sub
         (local.get $k)
         (i64.const 1)
        )
       )
       (br $b)
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
