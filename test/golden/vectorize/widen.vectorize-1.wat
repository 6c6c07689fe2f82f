(module
 (type $0 (func (param i32 i32 i32) (result i32)))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "sum_u8" (func $0))
 (export "sum_s8" (func $1))
 (export "sum_u16" (func $2))
 (export "sub_s16" (func $3))
 (export "dot_s16" (func $4))
 (export "dot_u16" (func $5))
 (export "dot_u8" (func $6))
 (export "dot_s8" (func $7))
 (export "count_lt_u8" (func $8))
 (export "scaled_u8" (func $9))
 (export "pair_u8" (func $10))
 (export "mixed_sign_u8" (func $11))
 (export "max_u8" (func $12))
 (func $0 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i8x16.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 16)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.extadd_pairwise_i16x8_u
         (i16x8.extadd_pairwise_i8x16_u
          (v128.load align=1
           (i32.add
            (local.get $p)
            (local.get $i)
           )
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 16)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $6
      (local.get $5)
     )
     (local.set $7
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $6)
       )
      )
     )
     (local.set $8
      (i32.add
       (local.get $7)
       (i32x4.extract_lane 1
        (local.get $6)
       )
      )
     )
     (local.set $9
      (i32.add
       (local.get $8)
       (i32x4.extract_lane 2
        (local.get $6)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 3
        (local.get $6)
       )
      )
     )
     (local.set $s
      (local.get $10)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.load8_u
        (i32.add
         (local.get $p)
         (local.get $i)
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $1 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i8x16.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 16)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.extadd_pairwise_i16x8_s
         (i16x8.extadd_pairwise_i8x16_s
          (v128.load align=1
           (i32.add
            (local.get $p)
            (local.get $i)
           )
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 16)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $6
      (local.get $5)
     )
     (local.set $7
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $6)
       )
      )
     )
     (local.set $8
      (i32.add
       (local.get $7)
       (i32x4.extract_lane 1
        (local.get $6)
       )
      )
     )
     (local.set $9
      (i32.add
       (local.get $8)
       (i32x4.extract_lane 2
        (local.get $6)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 3
        (local.get $6)
       )
      )
     )
     (local.set $s
      (local.get $10)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.load8_s
        (i32.add
         (local.get $p)
         (local.get $i)
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $2 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i16x8.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 8)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.extadd_pairwise_i16x8_u
         (v128.load align=2
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 1)
           )
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 8)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $6
      (local.get $5)
     )
     (local.set $7
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $6)
       )
      )
     )
     (local.set $8
      (i32.add
       (local.get $7)
       (i32x4.extract_lane 1
        (local.get $6)
       )
      )
     )
     (local.set $9
      (i32.add
       (local.get $8)
       (i32x4.extract_lane 2
        (local.get $6)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 3
        (local.get $6)
       )
      )
     )
     (local.set $s
      (local.get $10)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (i32.load16_u
        (i32.add
         (local.get $p)
         (i32.shl
          (local.get $i)
          (i32.const 1)
         )
        )
       )
       (local.get $s)
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
  (local.get $s)
 )
 (func $3 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i16x8.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 8)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.sub
        (local.get $5)
        (i32x4.extadd_pairwise_i16x8_s
         (v128.load align=2
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 1)
           )
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 8)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $6
      (local.get $5)
     )
     (local.set $7
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $6)
       )
      )
     )
     (local.set $8
      (i32.add
       (local.get $7)
       (i32x4.extract_lane 1
        (local.get $6)
       )
      )
     )
     (local.set $9
      (i32.add
       (local.get $8)
       (i32x4.extract_lane 2
        (local.get $6)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 3
        (local.get $6)
       )
      )
     )
     (local.set $s
      (local.get $10)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.sub
       (local.get $s)
       (i32.load16_s
        (i32.add
         (local.get $p)
         (i32.shl
          (local.get $i)
          (i32.const 1)
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $4 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i16x8.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 8)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.dot_i16x8_s
         (v128.load align=2
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 1)
           )
          )
         )
         (v128.load align=2
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 1)
           )
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 8)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $6
      (local.get $5)
     )
     (local.set $7
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $6)
       )
      )
     )
     (local.set $8
      (i32.add
       (local.get $7)
       (i32x4.extract_lane 1
        (local.get $6)
       )
      )
     )
     (local.set $9
      (i32.add
       (local.get $8)
       (i32x4.extract_lane 2
        (local.get $6)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 3
        (local.get $6)
       )
      )
     )
     (local.set $s
      (local.get $10)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.mul
        (i32.load16_s
         (i32.add
          (local.get $p)
          (i32.shl
           (local.get $i)
           (i32.const 1)
          )
         )
        )
        (i32.load16_s
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 1)
          )
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $5 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i16x8.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 8)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.add
         (i32x4.extmul_low_i16x8_u
          (local.tee $6
           (v128.load align=2
            (i32.add
             (local.get $p)
             (i32.shl
              (local.get $i)
              (i32.const 1)
             )
            )
           )
          )
          (local.tee $7
           (v128.load align=2
            (i32.add
             (local.get $q)
             (i32.shl
              (local.get $i)
              (i32.const 1)
             )
            )
           )
          )
         )
         (i32x4.extmul_high_i16x8_u
          (local.get $6)
          (local.get $7)
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 8)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $8
      (local.get $5)
     )
     (local.set $9
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $8)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 1
        (local.get $8)
       )
      )
     )
     (local.set $11
      (i32.add
       (local.get $10)
       (i32x4.extract_lane 2
        (local.get $8)
       )
      )
     )
     (local.set $12
      (i32.add
       (local.get $11)
       (i32x4.extract_lane 3
        (local.get $8)
       )
      )
     )
     (local.set $s
      (local.get $12)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.mul
        (i32.load16_u
         (i32.add
          (local.get $p)
          (i32.shl
           (local.get $i)
           (i32.const 1)
          )
         )
        )
        (i32.load16_u
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 1)
          )
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $6 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i8x16.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 16)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.add
         (i32x4.extadd_pairwise_i16x8_u
          (i16x8.extmul_low_i8x16_u
           (local.tee $6
            (v128.load align=1
             (i32.add
              (local.get $p)
              (local.get $i)
             )
            )
           )
           (local.tee $7
            (v128.load align=1
             (i32.add
              (local.get $q)
              (local.get $i)
             )
            )
           )
          )
         )
         (i32x4.extadd_pairwise_i16x8_u
          (i16x8.extmul_high_i8x16_u
           (local.get $6)
           (local.get $7)
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 16)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $8
      (local.get $5)
     )
     (local.set $9
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $8)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 1
        (local.get $8)
       )
      )
     )
     (local.set $11
      (i32.add
       (local.get $10)
       (i32x4.extract_lane 2
        (local.get $8)
       )
      )
     )
     (local.set $12
      (i32.add
       (local.get $11)
       (i32x4.extract_lane 3
        (local.get $8)
       )
      )
     )
     (local.set $s
      (local.get $12)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.mul
        (i32.load8_u
         (i32.add
          (local.get $p)
          (local.get $i)
         )
        )
        (i32.load8_u
         (i32.add
          (local.get $q)
          (local.get $i)
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $7 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i8x16.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 16)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.add
         (i32x4.extadd_pairwise_i16x8_s
          (i16x8.extmul_low_i8x16_s
           (local.tee $6
            (v128.load align=1
             (i32.add
              (local.get $p)
              (local.get $i)
             )
            )
           )
           (local.tee $7
            (v128.load align=1
             (i32.add
              (local.get $q)
              (local.get $i)
             )
            )
           )
          )
         )
         (i32x4.extadd_pairwise_i16x8_s
          (i16x8.extmul_high_i8x16_s
           (local.get $6)
           (local.get $7)
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 16)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $8
      (local.get $5)
     )
     (local.set $9
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $8)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 1
        (local.get $8)
       )
      )
     )
     (local.set $11
      (i32.add
       (local.get $10)
       (i32x4.extract_lane 2
        (local.get $8)
       )
      )
     )
     (local.set $12
      (i32.add
       (local.get $11)
       (i32x4.extract_lane 3
        (local.get $8)
       )
      )
     )
     (local.set $s
      (local.get $12)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.mul
        (i32.load8_s
         (i32.add
          (local.get $p)
          (local.get $i)
         )
        )
        (i32.load8_s
         (i32.add
          (local.get $q)
          (local.get $i)
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $8 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i8x16.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 16)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.extadd_pairwise_i16x8_u
         (i16x8.extadd_pairwise_i8x16_u
          (v128.and
           (i8x16.lt_u
            (v128.load align=1
             (i32.add
              (local.get $p)
              (local.get $i)
             )
            )
            (v128.load align=1
             (i32.add
              (local.get $q)
              (local.get $i)
             )
            )
           )
           (i8x16.splat
            (i32.const 1)
           )
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 16)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $6
      (local.get $5)
     )
     (local.set $7
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $6)
       )
      )
     )
     (local.set $8
      (i32.add
       (local.get $7)
       (i32x4.extract_lane 1
        (local.get $6)
       )
      )
     )
     (local.set $9
      (i32.add
       (local.get $8)
       (i32x4.extract_lane 2
        (local.get $6)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 3
        (local.get $6)
       )
      )
     )
     (local.set $s
      (local.get $10)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.lt_u
        (i32.load8_u
         (i32.add
          (local.get $p)
          (local.get $i)
         )
        )
        (i32.load8_u
         (i32.add
          (local.get $q)
          (local.get $i)
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $9 (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (block $done
   (block
    (block $scalar$wt0
     (local.set $5
      (i8x16.splat
       (i32.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 16)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $5
       (i32x4.add
        (local.get $5)
        (i32x4.add
         (i32x4.extadd_pairwise_i16x8_u
          (i16x8.extmul_low_i8x16_u
           (local.tee $6
            (v128.load align=1
             (i32.add
              (local.get $p)
              (local.get $i)
             )
            )
           )
           (local.tee $7
            (i8x16.splat
             (i32.const 3)
            )
           )
          )
         )
         (i32x4.extadd_pairwise_i16x8_u
          (i16x8.extmul_high_i8x16_u
           (local.get $6)
           (local.get $7)
          )
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 16)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $8
      (local.get $5)
     )
     (local.set $9
      (i32.add
       (local.get $s)
       (i32x4.extract_lane 0
        (local.get $8)
       )
      )
     )
     (local.set $10
      (i32.add
       (local.get $9)
       (i32x4.extract_lane 1
        (local.get $8)
       )
      )
     )
     (local.set $11
      (i32.add
       (local.get $10)
       (i32x4.extract_lane 2
        (local.get $8)
       )
      )
     )
     (local.set $12
      (i32.add
       (local.get $11)
       (i32x4.extract_lane 3
        (local.get $8)
       )
      )
     )
     (local.set $s
      (local.get $12)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $s
      (i32.add
       (local.get $s)
       (i32.mul
        (i32.load8_u
         (i32.add
          (local.get $p)
          (local.get $i)
         )
        )
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $10 (param $p i32) (param $q i32) (param $n i32) (result i32)
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
      (local.get $s)
      (i32.add
       (i32.load8_u
        (i32.add
         (local.get $p)
         (local.get $i)
        )
       )
       (i32.load8_u
        (i32.add
         (local.get $q)
         (local.get $i)
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
    (br $next)
   )
  )
  (local.get $s)
 )
 (func $11 (param $p i32) (param $q i32) (param $n i32) (result i32)
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
      (local.get $s)
      (i32.mul
       (i32.load8_u
        (i32.add
         (local.get $p)
         (local.get $i)
        )
       )
       (i32.load8_s
        (i32.add
         (local.get $q)
         (local.get $i)
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
    (br $next)
   )
  )
  (local.get $s)
 )
 (func $12 (param $p i32) (param $q i32) (param $n i32) (result i32)
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
     (select
      (local.get $s)
      (i32.load8_u
       (i32.add
        (local.get $p)
        (local.get $i)
       )
      )
      (i32.gt_u
       (local.get $s)
       (i32.load8_u
        (i32.add
         (local.get $p)
         (local.get $i)
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
    (br $next)
   )
  )
  (local.get $s)
 )
)
