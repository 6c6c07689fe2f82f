(module
 (type $0 (func (param i32 i32 i32 i32)))
 (type $1 (func (param i32 i32 i32 i32) (result i32)))
 (type $2 (func (param i32 i32 i32 i32) (result i64)))
 (type $3 (func (param i32 i32 i32 i32) (result f64)))
 (type $4 (func (param i32) (result i32)))
 (global $K i32 (i32.const 7))
 (memory $0 1)
 (export "memory" (memory $0))
 (export "add_i32" (func $0))
 (export "saxpy_f32" (func $1))
 (export "scale_f64" (func $2))
 (export "bytes_u8" (func $3))
 (export "clamp_i16" (func $4))
 (export "sum_i32" (func $5))
 (export "max_sub_i32" (func $6))
 (export "xor_i64" (func $7))
 (export "relax_i32" (func $8))
 (export "iota_f32" (func $9))
 (export "invariant_load" (func $10))
 (export "shift_ahead" (func $11))
 (export "min_i64" (func $12))
 (export "live_out" (func $13))
 (export "sum_f64" (func $14))
 (export "div_i32" (func $15))
 (export "prefix_i32" (func $16))
 (export "gather_i32" (func $17))
 (export "widen_u8" (func $18))
 (export "stride2_i32" (func $19))
 (export "ltu_i64" (func $20))
 (export "call_i32" (func $21))
 (export "o0_minus_one" (func $22))
 (export "o0_prefix_i32" (func $23))
 (export "tee_stencil_f32" (func $24))
 (export "two_paths_i32" (func $25))
 (export "load_bound_i32" (func $26))
 (export "iv_after_tee" (func $27))
 (func $0 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $5 v128)
  (local $6 i64)
  (local $7 i64)
  (block $done
   (block
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $6
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $6)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $7
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $r)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $7)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (local.set $5
      (i32x4.splat
       (global.get $K)
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
      (v128.store align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.add
        (v128.load align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (i32x4.mul
         (v128.load align=4
          (i32.add
           (local.get $r)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
         (local.get $5)
        )
       )
      )
      (v128.store offset=16 align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.add
        (v128.load offset=16 align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (i32x4.mul
         (v128.load offset=16 align=4
          (i32.add
           (local.get $r)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
         (local.get $5)
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
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (i32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (i32.add
       (i32.load
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
       (i32.mul
        (i32.load
         (i32.add
          (local.get $r)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (global.get $K)
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
 )
 (func $1 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $4 i64)
  (if
   (i32.gt_s
    (local.get $n)
    (i32.const 0)
   )
   (then
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $4
         (i64.sub
          (i64.extend_i32_u
           (local.get $q)
          )
          (i64.extend_i32_u
           (local.get $p)
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $4)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i32.le_u
        (local.get $n)
        (i32.const 8)
       )
      )
      (v128.store align=4
       (local.get $p)
       (f32x4.add
        (f32x4.mul
         (f32x4.splat
          (f32.const 2.5)
         )
         (v128.load align=4
          (local.get $q)
         )
        )
        (v128.load align=4
         (local.get $p)
        )
       )
      )
      (v128.store offset=16 align=4
       (local.get $p)
       (f32x4.add
        (f32x4.mul
         (f32x4.splat
          (f32.const 2.5)
         )
         (v128.load offset=16 align=4
          (local.get $q)
         )
        )
        (v128.load offset=16 align=4
         (local.get $p)
        )
       )
      )
      (local.set $n
       (i32.add
        (local.get $n)
        (i32.const -8)
       )
      )
      (local.set $p
       (i32.add
        (local.get $p)
        (i32.const 32)
       )
      )
      (local.set $q
       (i32.add
        (local.get $q)
        (i32.const 32)
       )
      )
      (br $vector$wt1)
     )
    )
    (loop $L
     (f32.store
      (local.get $p)
      (f32.add
       (f32.mul
        (f32.const 2.5)
        (f32.load
         (local.get $q)
        )
       )
       (f32.load
        (local.get $p)
       )
      )
     )
     (local.set $p
      (i32.add
       (local.get $p)
       (i32.const 4)
      )
     )
     (local.set $q
      (i32.add
       (local.get $q)
       (i32.const 4)
      )
     )
     (br_if $L
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
 )
 (func $2 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $s f64)
  (local $6 v128)
  (local $7 i64)
  (local.set $s
   (f64.convert_i32_s
    (i32.add
     (local.get $n)
     (i32.const 1)
    )
   )
  )
  (block
   (block $scalar$wt0
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $7
        (i64.sub
         (i64.add
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 3)
            )
           )
          )
          (i64.const 8)
         )
         (i64.add
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 3)
            )
           )
          )
          (i64.const 8)
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $7)
        (i64.const 15)
       )
       (i64.const 31)
      )
     )
    )
    (local.set $6
     (f64x2.splat
      (local.get $s)
     )
    )
    (loop $vector$wt1
     (br_if $scalar$wt0
      (i64.ge_s
       (i64.add
        (i64.extend_i32_s
         (local.get $i)
        )
        (i64.const 4)
       )
       (i64.extend_i32_s
        (local.get $n)
       )
      )
     )
     (v128.store offset=8 align=8
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 3)
       )
      )
      (f64x2.div
       (f64x2.sqrt
        (f64x2.abs
         (v128.load offset=8 align=8
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 3)
           )
          )
         )
        )
       )
       (local.get $6)
      )
     )
     (v128.store offset=24 align=8
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 3)
       )
      )
      (f64x2.div
       (f64x2.sqrt
        (f64x2.abs
         (v128.load offset=24 align=8
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 3)
           )
          )
         )
        )
       )
       (local.get $6)
      )
     )
     (local.set $i
      (i32.add
       (local.get $i)
       (i32.const 4)
      )
     )
     (br $vector$wt1)
    )
   )
   (loop $L
    (if
     (i32.lt_s
      (local.get $i)
      (local.get $n)
     )
     (then
      (f64.store offset=8
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 3)
        )
       )
       (f64.div
        (f64.sqrt
         (f64.abs
          (f64.load offset=8
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 3)
            )
           )
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
      (br $L)
     )
    )
   )
  )
 )
 (func $3 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $x i32)
  (local $6 v128)
  (local $7 v128)
  (local $8 i64)
  (block $done
   (block
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $8
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (local.get $i)
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (local.get $i)
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $8)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_u
          (local.get $i)
         )
         (i64.const 32)
        )
        (i64.extend_i32_u
         (local.get $n)
        )
       )
      )
      (local.set $6
       (v128.load align=1
        (i32.add
         (local.get $q)
         (local.get $i)
        )
       )
      )
      (v128.store align=1
       (i32.add
        (local.get $p)
        (local.get $i)
       )
       (i8x16.sub
        (i8x16.add
         (i8x16.shr_u
          (local.get $6)
          (i32.const 1)
         )
         (i8x16.splat
          (i32.const 3)
         )
        )
        (v128.and
         (i8x16.lt_u
          (local.get $6)
          (i8x16.splat
           (i32.const 100)
          )
         )
         (i8x16.splat
          (i32.const 1)
         )
        )
       )
      )
      (local.set $7
       (v128.load offset=16 align=1
        (i32.add
         (local.get $q)
         (local.get $i)
        )
       )
      )
      (v128.store offset=16 align=1
       (i32.add
        (local.get $p)
        (local.get $i)
       )
       (i8x16.sub
        (i8x16.add
         (i8x16.shr_u
          (local.get $7)
          (i32.const 1)
         )
         (i8x16.splat
          (i32.const 3)
         )
        )
        (v128.and
         (i8x16.lt_u
          (local.get $7)
          (i8x16.splat
           (i32.const 100)
          )
         )
         (i8x16.splat
          (i32.const 1)
         )
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 32)
       )
      )
      (br $vector$wt1)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_u
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $x
      (i32.load8_u
       (i32.add
        (local.get $q)
        (local.get $i)
       )
      )
     )
     (i32.store8
      (i32.add
       (local.get $p)
       (local.get $i)
      )
      (i32.sub
       (i32.add
        (i32.shr_u
         (local.get $x)
         (i32.const 1)
        )
        (i32.const 3)
       )
       (i32.lt_u
        (local.get $x)
        (i32.const 100)
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
 )
 (func $4 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $x i32)
  (local $6 v128)
  (local $7 v128)
  (local $8 i64)
  (block $done
   (block
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $8
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 1)
            )
           )
          )
          (i64.extend_i32_u
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
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $8)
         (i64.const 15)
        )
        (i64.const 31)
       )
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
      (local.set $6
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
      (v128.store align=2
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 1)
        )
       )
       (v128.bitselect
        (local.get $6)
        (i16x8.splat
         (i32.const 100)
        )
        (i16x8.lt_s
         (local.get $6)
         (i16x8.splat
          (i32.const 100)
         )
        )
       )
      )
      (local.set $7
       (v128.load offset=16 align=2
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 1)
         )
        )
       )
      )
      (v128.store offset=16 align=2
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 1)
        )
       )
       (v128.bitselect
        (local.get $7)
        (i16x8.splat
         (i32.const 100)
        )
        (i16x8.lt_s
         (local.get $7)
         (i16x8.splat
          (i32.const 100)
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
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $x
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
     (i32.store16
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 1)
       )
      )
      (select
       (local.get $x)
       (i32.const 100)
       (i32.lt_s
        (local.get $x)
        (i32.const 100)
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
 )
 (func $5 (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local.set $s
   (i32.const 17)
  )
  (block $done
   (block
    (block $scalar$wt0
     (local.set $6
      (i32x4.splat
       (i32.const 0)
      )
     )
     (local.set $7
      (i32x4.splat
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
      (local.set $6
       (i32x4.add
        (local.get $6)
        (i32x4.mul
         (v128.load align=4
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
         (i32x4.splat
          (i32.const 3)
         )
        )
       )
      )
      (local.set $7
       (i32x4.add
        (local.get $7)
        (i32x4.mul
         (v128.load offset=16 align=4
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
         (i32x4.splat
          (i32.const 3)
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
      (i32x4.add
       (local.get $6)
       (local.get $7)
      )
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
        (i32.load
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
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
 (func $6 (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
  (local $i i32)
  (local $m i32)
  (local $d i32)
  (local $x i32)
  (local $8 v128)
  (local $9 v128)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 v128)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local.set $m
   (i32.const -2147483648)
  )
  (block $done
   (block
    (block $scalar$wt0
     (local.set $8
      (i32x4.splat
       (i32.const -2147483648)
      )
     )
     (local.set $9
      (i32x4.splat
       (i32.const -2147483648)
      )
     )
     (local.set $10
      (i32x4.splat
       (i32.const 0)
      )
     )
     (local.set $11
      (i32x4.splat
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
      (local.set $12
       (v128.load align=4
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
      )
      (local.set $8
       (v128.bitselect
        (local.get $8)
        (local.get $12)
        (i32x4.gt_s
         (local.get $8)
         (local.get $12)
        )
       )
      )
      (local.set $10
       (i32x4.sub
        (local.get $10)
        (local.get $12)
       )
      )
      (local.set $13
       (v128.load offset=16 align=4
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
      )
      (local.set $9
       (v128.bitselect
        (local.get $9)
        (local.get $13)
        (i32x4.gt_s
         (local.get $9)
         (local.get $13)
        )
       )
      )
      (local.set $11
       (i32x4.sub
        (local.get $11)
        (local.get $13)
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
     (local.set $14
      (i32x4.max_s
       (local.get $8)
       (local.get $9)
      )
     )
     (local.set $15
      (select
       (local.get $m)
       (i32x4.extract_lane 0
        (local.get $14)
       )
       (i32.gt_s
        (local.get $m)
        (i32x4.extract_lane 0
         (local.get $14)
        )
       )
      )
     )
     (local.set $16
      (select
       (local.get $15)
       (i32x4.extract_lane 1
        (local.get $14)
       )
       (i32.gt_s
        (local.get $15)
        (i32x4.extract_lane 1
         (local.get $14)
        )
       )
      )
     )
     (local.set $17
      (select
       (local.get $16)
       (i32x4.extract_lane 2
        (local.get $14)
       )
       (i32.gt_s
        (local.get $16)
        (i32x4.extract_lane 2
         (local.get $14)
        )
       )
      )
     )
     (local.set $18
      (select
       (local.get $17)
       (i32x4.extract_lane 3
        (local.get $14)
       )
       (i32.gt_s
        (local.get $17)
        (i32x4.extract_lane 3
         (local.get $14)
        )
       )
      )
     )
     (local.set $m
      (local.get $18)
     )
    )
    (block
     (local.set $19
      (i32x4.add
       (local.get $10)
       (local.get $11)
      )
     )
     (local.set $20
      (i32.add
       (local.get $d)
       (i32x4.extract_lane 0
        (local.get $19)
       )
      )
     )
     (local.set $21
      (i32.add
       (local.get $20)
       (i32x4.extract_lane 1
        (local.get $19)
       )
      )
     )
     (local.set $22
      (i32.add
       (local.get $21)
       (i32x4.extract_lane 2
        (local.get $19)
       )
      )
     )
     (local.set $23
      (i32.add
       (local.get $22)
       (i32x4.extract_lane 3
        (local.get $19)
       )
      )
     )
     (local.set $d
      (local.get $23)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $x
      (i32.load
       (i32.add
        (local.get $q)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
      )
     )
     (local.set $m
      (select
       (local.get $m)
       (local.get $x)
       (i32.gt_s
        (local.get $m)
        (local.get $x)
       )
      )
     )
     (local.set $d
      (i32.sub
       (local.get $d)
       (local.get $x)
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
  (i32.xor
   (local.get $m)
   (local.get $d)
  )
 )
 (func $7 (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i64)
  (local $i i64)
  (local $s i64)
  (local $N i64)
  (local $7 v128)
  (local $8 v128)
  (local $9 v128)
  (local $10 i64)
  (local $11 i64)
  (local.set $N
   (i64.extend_i32_s
    (local.get $n)
   )
  )
  (block $done
   (block
    (block $scalar$wt0
     (local.set $7
      (i64x2.splat
       (i64.const 0)
      )
     )
     (local.set $8
      (i64x2.splat
       (i64.const 0)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i32.or
        (i64.ge_s
         (local.get $i)
         (local.get $N)
        )
        (i64.le_u
         (i64.sub
          (local.get $N)
          (local.get $i)
         )
         (i64.const 4)
        )
       )
      )
      (local.set $7
       (v128.xor
        (local.get $7)
        (i64x2.add
         (v128.load align=8
          (i32.add
           (local.get $q)
           (i32.wrap_i64
            (i64.shl
             (local.get $i)
             (i64.const 3)
            )
           )
          )
         )
         (i64x2.add
          (i64x2.splat
           (local.get $i)
          )
          (v128.const i32x4 0x00000000 0x00000000 0x00000001 0x00000000)
         )
        )
       )
      )
      (local.set $8
       (v128.xor
        (local.get $8)
        (i64x2.add
         (v128.load offset=16 align=8
          (i32.add
           (local.get $q)
           (i32.wrap_i64
            (i64.shl
             (local.get $i)
             (i64.const 3)
            )
           )
          )
         )
         (i64x2.add
          (i64x2.splat
           (local.get $i)
          )
          (v128.const i32x4 0x00000002 0x00000000 0x00000003 0x00000000)
         )
        )
       )
      )
      (local.set $i
       (i64.add
        (local.get $i)
        (i64.const 4)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $9
      (v128.xor
       (local.get $7)
       (local.get $8)
      )
     )
     (local.set $10
      (i64.xor
       (local.get $s)
       (i64x2.extract_lane 0
        (local.get $9)
       )
      )
     )
     (local.set $11
      (i64.xor
       (local.get $10)
       (i64x2.extract_lane 1
        (local.get $9)
       )
      )
     )
     (local.set $s
      (local.get $11)
     )
    )
    (loop $next
     (br_if $done
      (i64.ge_s
       (local.get $i)
       (local.get $N)
      )
     )
     (local.set $s
      (i64.xor
       (local.get $s)
       (i64.add
        (i64.load
         (i32.add
          (local.get $q)
          (i32.wrap_i64
           (i64.shl
            (local.get $i)
            (i64.const 3)
           )
          )
         )
        )
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
     (br $next)
    )
   )
  )
  (local.get $s)
 )
 (func $8 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $t i32)
  (local $w i32)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 v128)
  (local $10 v128)
  (local $11 i64)
  (local.set $w
   (i32.and
    (local.get $r)
    (i32.const 63)
   )
  )
  (if
   (i32.gt_s
    (local.get $n)
    (i32.const 0)
   )
   (then
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $11
         (i64.sub
          (i64.extend_i32_u
           (local.get $q)
          )
          (i64.extend_i32_u
           (local.get $p)
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $11)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (local.set $6
      (i32x4.splat
       (local.get $w)
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i32.le_u
        (local.get $n)
        (i32.const 8)
       )
      )
      (local.set $8
       (i32x4.lt_s
        (local.tee $7
         (i32x4.add
          (v128.load align=4
           (local.get $q)
          )
          (local.get $6)
         )
        )
        (v128.load align=4
         (local.get $p)
        )
       )
      )
      (v128.store align=4
       (local.get $p)
       (v128.bitselect
        (local.get $7)
        (v128.load align=4
         (local.get $p)
        )
        (local.get $8)
       )
      )
      (local.set $10
       (i32x4.lt_s
        (local.tee $9
         (i32x4.add
          (v128.load offset=16 align=4
           (local.get $q)
          )
          (local.get $6)
         )
        )
        (v128.load offset=16 align=4
         (local.get $p)
        )
       )
      )
      (v128.store offset=16 align=4
       (local.get $p)
       (v128.bitselect
        (local.get $9)
        (v128.load offset=16 align=4
         (local.get $p)
        )
        (local.get $10)
       )
      )
      (local.set $n
       (i32.add
        (local.get $n)
        (i32.const -8)
       )
      )
      (local.set $q
       (i32.add
        (local.get $q)
        (i32.const 32)
       )
      )
      (local.set $p
       (i32.add
        (local.get $p)
        (i32.const 32)
       )
      )
      (br $vector$wt1)
     )
    )
    (loop $L
     (if
      (i32.lt_s
       (local.tee $t
        (i32.add
         (i32.load
          (local.get $q)
         )
         (local.get $w)
        )
       )
       (i32.load
        (local.get $p)
       )
      )
      (then
       (i32.store
        (local.get $p)
        (local.get $t)
       )
      )
     )
     (local.set $q
      (i32.add
       (local.get $q)
       (i32.const 4)
      )
     )
     (local.set $p
      (i32.add
       (local.get $p)
       (i32.const 4)
      )
     )
     (br_if $L
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
 )
 (func $9 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $5 i64)
  (block $done
   (block
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $5
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $5)
         (i64.const 15)
        )
        (i64.const 31)
       )
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
      (v128.store align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (f32x4.add
        (f32x4.convert_i32x4_s
         (i32x4.mul
          (i32x4.add
           (i32x4.splat
            (local.get $i)
           )
           (v128.const i32x4 0x00000000 0x00000001 0x00000002 0x00000003)
          )
          (i32x4.splat
           (i32.const 3)
          )
         )
        )
        (v128.load align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
       )
      )
      (v128.store offset=16 align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (f32x4.add
        (f32x4.convert_i32x4_s
         (i32x4.mul
          (i32x4.add
           (i32x4.splat
            (local.get $i)
           )
           (v128.const i32x4 0x00000004 0x00000005 0x00000006 0x00000007)
          )
          (i32x4.splat
           (i32.const 3)
          )
         )
        )
        (v128.load offset=16 align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
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
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (f32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (f32.add
       (f32.convert_i32_s
        (i32.mul
         (local.get $i)
         (i32.const 3)
        )
       )
       (f32.load
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 2)
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
 )
 (func $10 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (block $done
   (block
    (block $scalar$wt0
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
      (br_if $scalar$wt0
       (i64.lt_u
        (i64.sub
         (i64.add
          (i64.extend_i32_u
           (local.get $r)
          )
          (i64.const 3)
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
        )
        (i64.const 35)
       )
      )
      (v128.store align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.mul
        (v128.load align=4
         (i32.add
          (local.get $p)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (v128.load32_splat
         (local.get $r)
        )
       )
      )
      (v128.store offset=16 align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.mul
        (v128.load offset=16 align=4
         (i32.add
          (local.get $p)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (v128.load32_splat
         (local.get $r)
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
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (i32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (i32.mul
       (i32.load
        (i32.add
         (local.get $p)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
       (i32.load
        (local.get $r)
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
 )
 (func $11 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (block $done
   (block
    (block $scalar$wt0
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
      (v128.store align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (v128.load offset=16 align=4
        (i32.add
         (local.get $p)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
      )
      (v128.store offset=16 align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (v128.load offset=32 align=4
        (i32.add
         (local.get $p)
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
        (i32.const 8)
       )
      )
      (br $vector$wt1)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (i32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (i32.load offset=16
       (i32.add
        (local.get $p)
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
     (br $next)
    )
   )
  )
 )
 (func $12 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $a i64)
  (local $b i64)
  (local $7 v128)
  (local $8 v128)
  (local $9 v128)
  (local $10 v128)
  (local $11 i64)
  (local $12 i64)
  (block $done
   (block
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $11
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 3)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 3)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $11)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $12
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $r)
            (i32.shl
             (local.get $i)
             (i32.const 3)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 3)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $12)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (loop $vector$wt1
      (br_if $scalar$wt0
       (i64.ge_s
        (i64.add
         (i64.extend_i32_s
          (local.get $i)
         )
         (i64.const 4)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $7
       (v128.load align=8
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 3)
         )
        )
       )
      )
      (local.set $8
       (i64x2.mul
        (v128.load align=8
         (i32.add
          (local.get $r)
          (i32.shl
           (local.get $i)
           (i32.const 3)
          )
         )
        )
        (i64x2.splat
         (i64.const 5)
        )
       )
      )
      (v128.store align=8
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 3)
        )
       )
       (v128.bitselect
        (local.get $7)
        (local.get $8)
        (i64x2.lt_s
         (local.get $7)
         (local.get $8)
        )
       )
      )
      (local.set $9
       (v128.load offset=16 align=8
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 3)
         )
        )
       )
      )
      (local.set $10
       (i64x2.mul
        (v128.load offset=16 align=8
         (i32.add
          (local.get $r)
          (i32.shl
           (local.get $i)
           (i32.const 3)
          )
         )
        )
        (i64x2.splat
         (i64.const 5)
        )
       )
      )
      (v128.store offset=16 align=8
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 3)
        )
       )
       (v128.bitselect
        (local.get $9)
        (local.get $10)
        (i64x2.lt_s
         (local.get $9)
         (local.get $10)
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 4)
       )
      )
      (br $vector$wt1)
     )
    )
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $a
      (i64.load
       (i32.add
        (local.get $q)
        (i32.shl
         (local.get $i)
         (i32.const 3)
        )
       )
      )
     )
     (local.set $b
      (i64.mul
       (i64.load
        (i32.add
         (local.get $r)
         (i32.shl
          (local.get $i)
          (i32.const 3)
         )
        )
       )
       (i64.const 5)
      )
     )
     (i64.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 3)
       )
      )
      (select
       (local.get $a)
       (local.get $b)
       (i64.lt_s
        (local.get $a)
        (local.get $b)
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
 )
 (func $13 (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
  (local $i i32)
  (local $t i32)
  (local $6 v128)
  (local $7 v128)
  (local $8 i64)
  (block $done
   (block
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $8
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $8)
         (i64.const 15)
        )
        (i64.const 31)
       )
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
      (local.set $6
       (v128.xor
        (v128.load align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (i32x4.splat
         (i32.const 255)
        )
       )
      )
      (v128.store align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (local.get $6)
      )
      (local.set $7
       (v128.xor
        (v128.load offset=16 align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (i32x4.splat
         (i32.const 255)
        )
       )
      )
      (v128.store offset=16 align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (local.get $7)
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
    (loop $next
     (br_if $done
      (i32.ge_s
       (local.get $i)
       (local.get $n)
      )
     )
     (local.set $t
      (i32.xor
       (i32.load
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
       (i32.const 255)
      )
     )
     (i32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (local.get $t)
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
   (local.get $t)
   (local.get $i)
  )
 )
 (func $14 (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result f64)
  (local $i i32)
  (local $s f64)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $s
     (f64.add
      (local.get $s)
      (f64.load
       (i32.add
        (local.get $q)
        (i32.shl
         (local.get $i)
         (i32.const 3)
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
 (func $15 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (i32.store
     (i32.add
      (local.get $p)
      (i32.shl
       (local.get $i)
       (i32.const 2)
      )
     )
     (i32.div_s
      (i32.load
       (i32.add
        (local.get $q)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
      )
      (i32.const 3)
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
 (func $16 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local.set $i
   (i32.const 1)
  )
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (i32.store
     (i32.add
      (local.get $p)
      (i32.shl
       (local.get $i)
       (i32.const 2)
      )
     )
     (i32.add
      (i32.load
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
      )
      (i32.load
       (i32.sub
        (i32.add
         (local.get $p)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
        (i32.const 4)
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
 (func $17 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (i32.store
     (i32.add
      (local.get $p)
      (i32.shl
       (local.get $i)
       (i32.const 2)
      )
     )
     (i32.load
      (i32.add
       (local.get $q)
       (i32.and
        (i32.load
         (i32.add
          (local.get $r)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (i32.const 1020)
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
 (func $18 (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
  (local $i i32)
  (local $s i32)
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
     (local.set $6
      (i8x16.splat
       (i32.const 0)
      )
     )
     (local.set $7
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
         (i64.const 32)
        )
        (i64.extend_i32_s
         (local.get $n)
        )
       )
      )
      (local.set $6
       (i32x4.add
        (local.get $6)
        (i32x4.extadd_pairwise_i16x8_u
         (i16x8.extadd_pairwise_i8x16_u
          (v128.load align=1
           (i32.add
            (local.get $q)
            (local.get $i)
           )
          )
         )
        )
       )
      )
      (local.set $7
       (i32x4.add
        (local.get $7)
        (i32x4.extadd_pairwise_i16x8_u
         (i16x8.extadd_pairwise_i8x16_u
          (v128.load offset=16 align=1
           (i32.add
            (local.get $q)
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
        (i32.const 32)
       )
      )
      (br $vector$wt1)
     )
    )
    (block
     (local.set $8
      (i32x4.add
       (local.get $6)
       (local.get $7)
      )
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
       (i32.load8_u
        (i32.add
         (local.get $q)
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
 (func $19 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (i32.store
     (i32.add
      (local.get $p)
      (i32.shl
       (local.get $i)
       (i32.const 2)
      )
     )
     (i32.load
      (i32.add
       (local.get $q)
       (i32.shl
        (local.get $i)
        (i32.const 3)
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
 (func $20 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $a i64)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (local.set $a
     (i64.load
      (i32.add
       (local.get $q)
       (i32.shl
        (local.get $i)
        (i32.const 3)
       )
      )
     )
    )
    (i64.store
     (i32.add
      (local.get $p)
      (i32.shl
       (local.get $i)
       (i32.const 3)
      )
     )
     (select
      (local.get $a)
      (i64.const 9)
      (i64.lt_u
       (local.get $a)
       (i64.const 9)
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
 (func $id (param $x i32) (result i32)
  (local.get $x)
 )
 (func $21 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (local.get $n)
     )
    )
    (i32.store
     (i32.add
      (local.get $p)
      (i32.shl
       (local.get $i)
       (i32.const 2)
      )
     )
     (call $id
      (i32.load
       (i32.add
        (local.get $q)
        (i32.shl
         (local.get $i)
         (i32.const 2)
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
 (func $22 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $x i32)
  (local $t i32)
  (local $c i32)
  (local $8 i32)
  (local $9 v128)
  (local $10 v128)
  (local $11 i64)
  (local $12 i64)
  (block $out
   (block
    (block $scalar$wt0
     (local.set $8
      (i32.sub
       (local.get $n)
       (i32.const 1)
      )
     )
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $11
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $11)
         (i64.const 15)
        )
        (i64.const 31)
       )
      )
     )
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $12
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $r)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $12)
         (i64.const 15)
        )
        (i64.const 31)
       )
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
         (local.get $8)
        )
       )
      )
      (v128.store align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.add
        (v128.load align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (v128.load align=4
         (i32.add
          (local.get $r)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
       )
      )
      (local.set $9
       (i32x4.add
        (i32x4.splat
         (local.get $i)
        )
        (v128.const i32x4 0x00000000 0x00000001 0x00000002 0x00000003)
       )
      )
      (v128.store offset=16 align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.add
        (v128.load offset=16 align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (v128.load offset=16 align=4
         (i32.add
          (local.get $r)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
       )
      )
      (local.set $10
       (i32x4.add
        (i32x4.splat
         (local.get $i)
        )
        (v128.const i32x4 0x00000004 0x00000005 0x00000006 0x00000007)
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
           (i32.sub
            (local.get $n)
            (i32.const 1)
           )
          )
          (local.get $t)
         )
        )
        (i32.const 1)
       )
      )
     )
     (i32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (i32.add
       (i32.load
        (i32.add
         (local.get $q)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
       (i32.load
        (i32.add
         (local.get $r)
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
      )
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
 )
 (func $23 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $a i32)
  (local $b i32)
  (local $d i32)
  (local $x i32)
  (local $o i32)
  (local $u i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 i64)
  (block $out
   (block
    (block $scalar$wt0
     (br_if $scalar$wt0
      (i32.and
       (i64.ne
        (local.tee $17
         (i64.sub
          (i64.extend_i32_u
           (i32.add
            (local.get $q)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
          (i64.extend_i32_u
           (i32.add
            (local.get $p)
            (i32.shl
             (local.get $i)
             (i32.const 2)
            )
           )
          )
         )
        )
        (i64.const 0)
       )
       (i64.lt_u
        (i64.add
         (local.get $17)
         (i64.const 15)
        )
        (i64.const 31)
       )
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
      (local.set $11
       (i32x4.add
        (i32x4.splat
         (local.get $i)
        )
        (v128.const i32x4 0x00000000 0x00000001 0x00000002 0x00000003)
       )
      )
      (local.set $12
       (i32x4.shl
        (local.get $11)
        (i32.const 2)
       )
      )
      (v128.store align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.mul
        (v128.load align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (i32x4.splat
         (i32.const 3)
        )
       )
      )
      (local.set $13
       (i32x4.add
        (i32x4.splat
         (local.get $i)
        )
        (v128.const i32x4 0x00000000 0x00000001 0x00000002 0x00000003)
       )
      )
      (local.set $14
       (i32x4.add
        (i32x4.splat
         (local.get $i)
        )
        (v128.const i32x4 0x00000004 0x00000005 0x00000006 0x00000007)
       )
      )
      (local.set $15
       (i32x4.shl
        (local.get $14)
        (i32.const 2)
       )
      )
      (v128.store offset=16 align=4
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32x4.mul
        (v128.load offset=16 align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (local.get $i)
           (i32.const 2)
          )
         )
        )
        (i32x4.splat
         (i32.const 3)
        )
       )
      )
      (local.set $16
       (i32x4.add
        (i32x4.splat
         (local.get $i)
        )
        (v128.const i32x4 0x00000004 0x00000005 0x00000006 0x00000007)
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
    (loop $L
     (local.set $a
      (local.get $i)
     )
     (local.set $b
      (local.get $n)
     )
     (local.set $d
      (i32.and
       (i32.lt_s
        (local.get $a)
        (local.get $b)
       )
       (i32.const 1)
      )
     )
     (br_if $out
      (i32.eqz
       (local.get $d)
      )
     )
     (local.set $x
      (local.get $i)
     )
     (local.set $o
      (i32.shl
       (local.get $x)
       (i32.const 2)
      )
     )
     (i32.store
      (i32.add
       (local.get $p)
       (local.get $o)
      )
      (i32.mul
       (i32.load
        (i32.add
         (local.get $q)
         (local.get $o)
        )
       )
       (i32.const 3)
      )
     )
     (local.set $u
      (local.get $i)
     )
     (local.set $i
      (i32.add
       (local.get $u)
       (i32.const 1)
      )
     )
     (br $L)
    )
   )
  )
 )
 (func $24 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (local $o i32)
  (local $6 i32)
  (local $7 i64)
  (local $8 i64)
  (local $9 i64)
  (local $10 i64)
  (local $11 i64)
  (local $12 i64)
  (local $13 i64)
  (local.set $i
   (i32.const 1)
  )
  (block
   (block $scalar$wt0
    (local.set $6
     (i32.sub
      (local.get $n)
      (i32.const 1)
     )
    )
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $7
        (i64.sub
         (i64.extend_i32_u
          (i32.add
           (local.get $q)
           (i32.shl
            (i32.sub
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $7)
        (i64.const 15)
       )
       (i64.const 31)
      )
     )
    )
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $8
        (i64.sub
         (i64.extend_i32_u
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $8)
        (i64.const 15)
       )
       (i64.const 31)
      )
     )
    )
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $9
        (i64.sub
         (i64.extend_i32_u
          (i32.add
           (local.get $q)
           (i32.shl
            (i32.add
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $9)
        (i64.const 15)
       )
       (i64.const 31)
      )
     )
    )
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $10
        (i64.sub
         (i64.extend_i32_u
          (i32.add
           (local.get $r)
           (i32.shl
            (i32.add
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $p)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $10)
        (i64.const 15)
       )
       (i64.const 31)
      )
     )
    )
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $11
        (i64.sub
         (i64.extend_i32_u
          (i32.add
           (local.get $q)
           (i32.shl
            (i32.sub
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $r)
           (i32.shl
            (i32.add
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $11)
        (i64.const 15)
       )
       (i64.const 31)
      )
     )
    )
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $12
        (i64.sub
         (i64.extend_i32_u
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $r)
           (i32.shl
            (i32.add
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $12)
        (i64.const 15)
       )
       (i64.const 31)
      )
     )
    )
    (br_if $scalar$wt0
     (i32.and
      (i64.ne
       (local.tee $13
        (i64.sub
         (i64.extend_i32_u
          (i32.add
           (local.get $q)
           (i32.shl
            (i32.add
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
         (i64.extend_i32_u
          (i32.add
           (local.get $r)
           (i32.shl
            (i32.add
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
        )
       )
       (i64.const 0)
      )
      (i64.lt_u
       (i64.add
        (local.get $13)
        (i64.const 15)
       )
       (i64.const 31)
      )
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
        (local.get $6)
       )
      )
     )
     (v128.store align=4
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (f32x4.mul
       (f32x4.add
        (f32x4.add
         (v128.load align=4
          (i32.add
           (local.get $q)
           (i32.shl
            (i32.sub
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
         (v128.load align=4
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
        )
        (v128.load align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (i32.add
            (local.get $i)
            (i32.const 1)
           )
           (i32.const 2)
          )
         )
        )
       )
       (f32x4.splat
        (f32.const 0.5)
       )
      )
     )
     (v128.store align=4
      (i32.add
       (local.get $r)
       (i32.shl
        (i32.add
         (local.get $i)
         (i32.const 1)
        )
        (i32.const 2)
       )
      )
      (f32x4.splat
       (f32.const 1)
      )
     )
     (v128.store offset=16 align=4
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (f32x4.mul
       (f32x4.add
        (f32x4.add
         (v128.load offset=16 align=4
          (i32.add
           (local.get $q)
           (i32.shl
            (i32.sub
             (local.get $i)
             (i32.const 1)
            )
            (i32.const 2)
           )
          )
         )
         (v128.load offset=16 align=4
          (i32.add
           (local.get $q)
           (i32.shl
            (local.get $i)
            (i32.const 2)
           )
          )
         )
        )
        (v128.load offset=16 align=4
         (i32.add
          (local.get $q)
          (i32.shl
           (i32.add
            (local.get $i)
            (i32.const 1)
           )
           (i32.const 2)
          )
         )
        )
       )
       (f32x4.splat
        (f32.const 0.5)
       )
      )
     )
     (v128.store offset=16 align=4
      (i32.add
       (local.get $r)
       (i32.shl
        (i32.add
         (local.get $i)
         (i32.const 1)
        )
        (i32.const 2)
       )
      )
      (f32x4.splat
       (f32.const 1)
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
      (f32.store
       (i32.add
        (local.get $p)
        (local.tee $o
         (i32.shl
          (local.get $i)
          (i32.const 2)
         )
        )
       )
       (f32.mul
        (f32.add
         (f32.add
          (f32.load
           (i32.add
            (local.get $q)
            (i32.shl
             (i32.sub
              (local.get $i)
              (i32.const 1)
             )
             (i32.const 2)
            )
           )
          )
          (f32.load
           (i32.add
            (local.get $q)
            (local.get $o)
           )
          )
         )
         (f32.load
          (i32.add
           (local.get $q)
           (i32.shl
            (local.tee $i
             (i32.add
              (local.get $i)
              (i32.const 1)
             )
            )
            (i32.const 2)
           )
          )
         )
        )
        (f32.const 0.5)
       )
      )
      (f32.store
       (i32.add
        (local.get $r)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (f32.const 1)
      )
      (br $L)
     )
    )
   )
  )
 )
 (func $25 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
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
      (i32.store
       (i32.add
        (local.get $p)
        (i32.shl
         (local.get $i)
         (i32.const 2)
        )
       )
       (i32.const 1)
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
     )
    )
    (br $next)
   )
  )
 )
 (func $26 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (i32.store
   (local.get $r)
   (local.get $n)
  )
  (block $done
   (loop $next
    (br_if $done
     (i32.ge_s
      (local.get $i)
      (i32.load
       (local.get $r)
      )
     )
    )
    (i32.store
     (i32.add
      (local.get $p)
      (i32.shl
       (local.get $i)
       (i32.const 2)
      )
     )
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
 )
 (func $27 (param $p i32) (param $q i32) (param $r i32) (param $n i32)
  (local $i i32)
  (loop $L
   (if
    (i32.lt_s
     (local.get $i)
     (local.get $n)
    )
    (then
     (i32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.tee $i
         (i32.add
          (local.get $i)
          (i32.const 1)
         )
        )
        (i32.const 2)
       )
      )
      (local.get $i)
     )
     (br $L)
    )
   )
  )
 )
)
