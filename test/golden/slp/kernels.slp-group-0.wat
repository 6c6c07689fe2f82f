(module
 (type $0 (func (param i32 i32 i32)))
 (type $1 (func (param i32)))
 (type $2 (func (param i32 i32)))
 (type $3 (func (param i32 i32 i32 i32)))
 (type $4 (func (param i32 i32 i32 f64 i32)))
 (type $5 (func (param i32 i32 f32)))
 (type $6 (func (param i32 i32) (result i32)))
 (type $7 (func (param i32 i32 i32) (result f32)))
 (type $8 (func (param i32 i32 f64 i32)))
 (type $9 (func (param f64 i32)))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "cmul" (func $cmul))
 (export "cmul_arr" (func $cmul_arr))
 (export "cscale" (func $cscale))
 (export "upd4" (func $upd4))
 (export "sum4" (func $sum4))
 (export "dot4f" (func $dot4f))
 (export "axpy2" (func $axpy2))
 (export "mat2" (func $mat2))
 (export "short8" (func $short8))
 (export "shift_ahead" (func $shift_ahead))
 (export "chain" (func $chain))
 (export "div4" (func $div4))
 (export "mixed" (func $mixed))
 (export "max2" (func $max2))
 (export "call_between" (func $call_between))
 (export "three" (func $three))
 (export "axpy2_global" (func $axpy2_global))
 (func $cmul (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 f64)
  (local $4 f64)
  (local $5 f64)
  (local $6 f64)
  (f64.store offset=8
   (local.get $0)
   (f64.add
    (f64.mul
     (local.tee $3
      (f64.load
       (local.get $1)
      )
     )
     (local.tee $4
      (f64.load offset=8
       (local.get $2)
      )
     )
    )
    (f64.mul
     (local.tee $5
      (f64.load offset=8
       (local.get $1)
      )
     )
     (local.tee $6
      (f64.load
       (local.get $2)
      )
     )
    )
   )
  )
  (f64.store
   (local.get $0)
   (f64.sub
    (f64.mul
     (local.get $3)
     (local.get $6)
    )
    (f64.mul
     (local.get $4)
     (local.get $5)
    )
   )
  )
 )
 (func $cmul_arr (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 f64)
  (local $5 f64)
  (local $6 f64)
  (local $7 f64)
  (if
   (i32.gt_s
    (local.get $3)
    (i32.const 0)
   )
   (then
    (loop $label
     (f64.store
      (i32.add
       (local.get $0)
       (i32.const 8)
      )
      (f64.add
       (f64.mul
        (local.tee $4
         (f64.load
          (local.get $1)
         )
        )
        (local.tee $5
         (f64.load
          (i32.add
           (local.get $2)
           (i32.const 8)
          )
         )
        )
       )
       (f64.mul
        (local.tee $6
         (f64.load
          (i32.add
           (local.get $1)
           (i32.const 8)
          )
         )
        )
        (local.tee $7
         (f64.load
          (local.get $2)
         )
        )
       )
      )
     )
     (f64.store
      (local.get $0)
      (f64.sub
       (f64.mul
        (local.get $4)
        (local.get $7)
       )
       (f64.mul
        (local.get $5)
        (local.get $6)
       )
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 16)
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 16)
      )
     )
     (local.set $1
      (i32.add
       (local.get $1)
       (i32.const 16)
      )
     )
     (br_if $label
      (local.tee $3
       (i32.sub
        (local.get $3)
        (i32.const 1)
       )
      )
     )
    )
   )
  )
 )
 (func $cscale (param $0 i32) (param $1 i32) (param $2 i32) (param $3 f64) (param $4 i32)
  (if
   (i32.gt_s
    (local.get $4)
    (i32.const 0)
   )
   (then
    (loop $label
     (f64.store
      (local.get $0)
      (f64.add
       (f64.mul
        (f64.load
         (local.get $1)
        )
        (local.get $3)
       )
       (f64.load
        (local.get $2)
       )
      )
     )
     (f64.store
      (i32.add
       (local.get $0)
       (i32.const 8)
      )
      (f64.add
       (f64.mul
        (f64.load
         (i32.add
          (local.get $1)
          (i32.const 8)
         )
        )
        (local.get $3)
       )
       (f64.load
        (i32.add
         (local.get $2)
         (i32.const 8)
        )
       )
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 16)
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 16)
      )
     )
     (local.set $1
      (i32.add
       (local.get $1)
       (i32.const 16)
      )
     )
     (br_if $label
      (local.tee $4
       (i32.sub
        (local.get $4)
        (i32.const 1)
       )
      )
     )
    )
   )
  )
 )
 (func $upd4 (param $0 i32) (param $1 i32) (param $2 f32)
  (f32.store
   (local.get $0)
   (f32.add
    (f32.mul
     (local.get $2)
     (f32.load
      (local.get $1)
     )
    )
    (f32.load
     (local.get $0)
    )
   )
  )
  (f32.store offset=4
   (local.get $0)
   (f32.add
    (f32.mul
     (local.get $2)
     (f32.load offset=4
      (local.get $1)
     )
    )
    (f32.load offset=4
     (local.get $0)
    )
   )
  )
  (f32.store offset=8
   (local.get $0)
   (f32.add
    (f32.mul
     (local.get $2)
     (f32.load offset=8
      (local.get $1)
     )
    )
    (f32.load offset=8
     (local.get $0)
    )
   )
  )
  (f32.store offset=12
   (local.get $0)
   (f32.add
    (f32.mul
     (local.get $2)
     (f32.load offset=12
      (local.get $1)
     )
    )
    (f32.load offset=12
     (local.get $0)
    )
   )
  )
 )
 (func $sum4 (param $0 i32) (param $1 i32) (result i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 v128)
  (if
   (i32.ge_s
    (local.get $1)
    (i32.const 4)
   )
   (then
    (local.set $3
     (i32.const 3)
    )
    (local.set $2
     (local.get $0)
    )
    (block
     (local.set $10
      (i32x4.replace_lane 3
       (i32x4.replace_lane 2
        (i32x4.replace_lane 1
         (i32x4.splat
          (local.get $4)
         )
         (local.get $5)
        )
        (local.get $6)
       )
       (local.get $7)
      )
     )
     (loop $label
      (nop)
      (nop)
      (nop)
      (local.set $10
       (i32x4.add
        (v128.load align=4
         (local.get $2)
        )
        (local.get $10)
       )
      )
      (local.set $2
       (i32.add
        (local.get $2)
        (i32.const 16)
       )
      )
      (br_if $label
       (i32.lt_s
        (local.tee $3
         (i32.add
          (local.get $3)
          (i32.const 4)
         )
        )
        (local.get $1)
       )
      )
     )
     (local.set $4
      (i32x4.extract_lane 0
       (local.get $10)
      )
     )
     (local.set $5
      (i32x4.extract_lane 1
       (local.get $10)
      )
     )
     (local.set $6
      (i32x4.extract_lane 2
       (local.get $10)
      )
     )
     (local.set $7
      (i32x4.extract_lane 3
       (local.get $10)
      )
     )
    )
    (local.set $3
     (i32.and
      (local.get $1)
      (i32.const -4)
     )
    )
   )
  )
  (block $block1
   (br_if $block1
    (i32.le_s
     (local.get $1)
     (local.get $3)
    )
   )
   (local.set $9
    (i32.add
     (i32.xor
      (local.get $3)
      (i32.const -1)
     )
     (local.get $1)
    )
   )
   (if
    (local.tee $8
     (i32.and
      (local.get $1)
      (i32.const 3)
     )
    )
    (then
     (local.set $2
      (i32.add
       (local.get $0)
       (i32.shl
        (local.get $3)
        (i32.const 2)
       )
      )
     )
     (loop $label1
      (local.set $3
       (i32.add
        (local.get $3)
        (i32.const 1)
       )
      )
      (local.set $4
       (i32.add
        (i32.load
         (local.get $2)
        )
        (local.get $4)
       )
      )
      (local.set $2
       (i32.add
        (local.get $2)
        (i32.const 4)
       )
      )
      (br_if $label1
       (local.tee $8
        (i32.sub
         (local.get $8)
         (i32.const 1)
        )
       )
      )
     )
    )
   )
   (br_if $block1
    (i32.lt_u
     (local.get $9)
     (i32.const 3)
    )
   )
   (local.set $1
    (i32.sub
     (local.get $1)
     (local.get $3)
    )
   )
   (local.set $2
    (i32.add
     (local.get $0)
     (i32.shl
      (local.get $3)
      (i32.const 2)
     )
    )
   )
   (loop $label2
    (local.set $4
     (i32.add
      (i32.load
       (i32.add
        (local.get $2)
        (i32.const 12)
       )
      )
      (i32.add
       (i32.load
        (i32.add
         (local.get $2)
         (i32.const 8)
        )
       )
       (i32.add
        (i32.load
         (i32.add
          (local.get $2)
          (i32.const 4)
         )
        )
        (i32.add
         (i32.load
          (local.get $2)
         )
         (local.get $4)
        )
       )
      )
     )
    )
    (local.set $2
     (i32.add
      (local.get $2)
      (i32.const 16)
     )
    )
    (br_if $label2
     (local.tee $1
      (i32.sub
       (local.get $1)
       (i32.const 4)
      )
     )
    )
   )
  )
  (i32.add
   (i32.add
    (i32.add
     (local.get $5)
     (local.get $6)
    )
    (local.get $7)
   )
   (local.get $4)
  )
 )
 (func $dot4f (param $0 i32) (param $1 i32) (param $2 i32) (result f32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 f32)
  (local $7 i32)
  (local $8 f32)
  (local $9 f32)
  (local $10 f32)
  (local $11 i32)
  (block $block2
   (br_if $block2
    (i32.ge_s
     (local.tee $3
      (block $block1 (result i32)
       (if
        (i32.lt_s
         (local.get $2)
         (i32.const 4)
        )
        (then
         (br $block1
          (i32.const 0)
         )
        )
       )
       (local.set $7
        (i32.const 3)
       )
       (loop $label
        (local.set $6
         (f32.add
          (f32.mul
           (f32.load
            (local.tee $3
             (i32.add
              (local.get $0)
              (local.get $4)
             )
            )
           )
           (f32.load
            (local.tee $5
             (i32.add
              (local.get $1)
              (local.get $4)
             )
            )
           )
          )
          (local.get $6)
         )
        )
        (local.set $10
         (f32.add
          (f32.mul
           (f32.load
            (i32.add
             (local.get $3)
             (i32.const 12)
            )
           )
           (f32.load
            (i32.add
             (local.get $5)
             (i32.const 12)
            )
           )
          )
          (local.get $10)
         )
        )
        (local.set $9
         (f32.add
          (f32.mul
           (f32.load
            (i32.add
             (local.get $3)
             (i32.const 8)
            )
           )
           (f32.load
            (i32.add
             (local.get $5)
             (i32.const 8)
            )
           )
          )
          (local.get $9)
         )
        )
        (local.set $8
         (f32.add
          (f32.mul
           (f32.load
            (i32.add
             (local.get $3)
             (i32.const 4)
            )
           )
           (f32.load
            (i32.add
             (local.get $5)
             (i32.const 4)
            )
           )
          )
          (local.get $8)
         )
        )
        (local.set $4
         (i32.add
          (local.get $4)
          (i32.const 16)
         )
        )
        (br_if $label
         (i32.lt_s
          (local.tee $7
           (i32.add
            (local.get $7)
            (i32.const 4)
           )
          )
          (local.get $2)
         )
        )
       )
       (i32.and
        (local.get $2)
        (i32.const -4)
       )
      )
     )
     (local.get $2)
    )
   )
   (local.set $11
    (i32.add
     (i32.xor
      (local.get $3)
      (i32.const -1)
     )
     (local.get $2)
    )
   )
   (if
    (local.tee $7
     (i32.and
      (local.get $2)
      (i32.const 3)
     )
    )
    (then
     (local.set $4
      (i32.add
       (local.get $0)
       (local.tee $5
        (i32.shl
         (local.get $3)
         (i32.const 2)
        )
       )
      )
     )
     (local.set $5
      (i32.add
       (local.get $1)
       (local.get $5)
      )
     )
     (loop $label1
      (local.set $3
       (i32.add
        (local.get $3)
        (i32.const 1)
       )
      )
      (local.set $6
       (f32.add
        (f32.mul
         (f32.load
          (local.get $4)
         )
         (f32.load
          (local.get $5)
         )
        )
        (local.get $6)
       )
      )
      (local.set $4
       (i32.add
        (local.get $4)
        (i32.const 4)
       )
      )
      (local.set $5
       (i32.add
        (local.get $5)
        (i32.const 4)
       )
      )
      (br_if $label1
       (local.tee $7
        (i32.sub
         (local.get $7)
         (i32.const 1)
        )
       )
      )
     )
    )
   )
   (br_if $block2
    (i32.lt_u
     (local.get $11)
     (i32.const 3)
    )
   )
   (local.set $7
    (i32.shl
     (local.get $3)
     (i32.const 2)
    )
   )
   (local.set $3
    (i32.sub
     (local.get $2)
     (local.get $3)
    )
   )
   (loop $label2
    (local.set $6
     (f32.add
      (f32.mul
       (f32.load
        (i32.add
         (local.tee $2
          (i32.add
           (local.get $0)
           (local.get $7)
          )
         )
         (i32.const 12)
        )
       )
       (f32.load
        (i32.add
         (local.tee $4
          (i32.add
           (local.get $1)
           (local.get $7)
          )
         )
         (i32.const 12)
        )
       )
      )
      (f32.add
       (f32.mul
        (f32.load
         (i32.add
          (local.get $2)
          (i32.const 8)
         )
        )
        (f32.load
         (i32.add
          (local.get $4)
          (i32.const 8)
         )
        )
       )
       (f32.add
        (f32.mul
         (f32.load
          (i32.add
           (local.get $2)
           (i32.const 4)
          )
         )
         (f32.load
          (i32.add
           (local.get $4)
           (i32.const 4)
          )
         )
        )
        (f32.add
         (f32.mul
          (f32.load
           (local.get $2)
          )
          (f32.load
           (local.get $4)
          )
         )
         (local.get $6)
        )
       )
      )
     )
    )
    (local.set $0
     (i32.add
      (local.get $0)
      (i32.const 16)
     )
    )
    (local.set $1
     (i32.add
      (local.get $1)
      (i32.const 16)
     )
    )
    (br_if $label2
     (local.tee $3
      (i32.sub
       (local.get $3)
       (i32.const 4)
      )
     )
    )
   )
  )
  (f32.add
   (f32.add
    (local.get $9)
    (local.get $10)
   )
   (f32.add
    (local.get $8)
    (local.get $6)
   )
  )
 )
 (func $axpy2 (param $0 i32) (param $1 i32) (param $2 f64) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (if
   (i32.ge_s
    (local.get $3)
    (i32.const 2)
   )
   (then
    (local.set $6
     (local.get $1)
    )
    (local.set $4
     (local.get $0)
    )
    (loop $label
     (f64.store
      (local.get $4)
      (f64.add
       (f64.mul
        (local.get $2)
        (f64.load
         (local.get $6)
        )
       )
       (f64.load
        (local.get $4)
       )
      )
     )
     (f64.store
      (local.tee $5
       (i32.add
        (local.get $4)
        (i32.const 8)
       )
      )
      (f64.add
       (f64.mul
        (local.get $2)
        (f64.load
         (i32.add
          (local.get $6)
          (i32.const 8)
         )
        )
       )
       (f64.load
        (local.get $5)
       )
      )
     )
     (local.set $6
      (i32.add
       (local.get $6)
       (i32.const 16)
      )
     )
     (local.set $4
      (i32.add
       (local.get $4)
       (i32.const 16)
      )
     )
     (local.set $8
      (i32.add
       (local.get $7)
       (i32.const 3)
      )
     )
     (local.set $7
      (local.tee $5
       (i32.add
        (local.get $7)
        (i32.const 2)
       )
      )
     )
     (br_if $label
      (i32.gt_s
       (local.get $3)
       (local.get $8)
      )
     )
    )
   )
  )
  (block $block1
   (br_if $block1
    (i32.le_s
     (local.get $3)
     (local.get $5)
    )
   )
   (local.set $4
    (i32.xor
     (local.get $5)
     (i32.const -1)
    )
   )
   (if
    (i32.and
     (i32.sub
      (local.get $3)
      (local.get $5)
     )
     (i32.const 1)
    )
    (then
     (f64.store
      (local.tee $7
       (i32.add
        (local.get $0)
        (local.tee $6
         (i32.shl
          (local.get $5)
          (i32.const 3)
         )
        )
       )
      )
      (f64.add
       (f64.mul
        (local.get $2)
        (f64.load
         (i32.add
          (local.get $1)
          (local.get $6)
         )
        )
       )
       (f64.load
        (local.get $7)
       )
      )
     )
     (local.set $5
      (i32.add
       (local.get $5)
       (i32.const 1)
      )
     )
    )
   )
   (br_if $block1
    (i32.eq
     (local.get $4)
     (i32.sub
      (i32.const 0)
      (local.get $3)
     )
    )
   )
   (local.set $7
    (i32.sub
     (local.get $3)
     (local.get $5)
    )
   )
   (local.set $4
    (i32.add
     (local.get $0)
     (local.tee $3
      (i32.shl
       (local.get $5)
       (i32.const 3)
      )
     )
    )
   )
   (local.set $6
    (i32.add
     (local.get $1)
     (local.get $3)
    )
   )
   (loop $label1
    (f64.store
     (local.get $4)
     (f64.add
      (f64.mul
       (local.get $2)
       (f64.load
        (local.get $6)
       )
      )
      (f64.load
       (local.get $4)
      )
     )
    )
    (f64.store
     (local.tee $0
      (i32.add
       (local.get $4)
       (i32.const 8)
      )
     )
     (f64.add
      (f64.mul
       (local.get $2)
       (f64.load
        (i32.add
         (local.get $6)
         (i32.const 8)
        )
       )
      )
      (f64.load
       (local.get $0)
      )
     )
    )
    (local.set $4
     (i32.add
      (local.get $4)
      (i32.const 16)
     )
    )
    (local.set $6
     (i32.add
      (local.get $6)
      (i32.const 16)
     )
    )
    (br_if $label1
     (local.tee $7
      (i32.sub
       (local.get $7)
       (i32.const 2)
      )
     )
    )
   )
  )
 )
 (func $mat2 (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 f64)
  (local $4 f64)
  (local $5 f64)
  (local $6 f64)
  (local.set $3
   (f64.load offset=16
    (local.get $1)
   )
  )
  (local.set $4
   (f64.load offset=24
    (local.get $1)
   )
  )
  (f64.store
   (local.get $0)
   (f64.add
    (f64.mul
     (local.tee $5
      (f64.load
       (local.get $1)
      )
     )
     (f64.load
      (local.get $2)
     )
    )
    (f64.mul
     (local.tee $6
      (f64.load offset=8
       (local.get $1)
      )
     )
     (f64.load offset=16
      (local.get $2)
     )
    )
   )
  )
  (f64.store offset=8
   (local.get $0)
   (f64.add
    (f64.mul
     (local.get $5)
     (f64.load offset=8
      (local.get $2)
     )
    )
    (f64.mul
     (local.get $6)
     (f64.load offset=24
      (local.get $2)
     )
    )
   )
  )
  (f64.store offset=16
   (local.get $0)
   (f64.add
    (f64.mul
     (local.get $3)
     (f64.load
      (local.get $2)
     )
    )
    (f64.mul
     (local.get $4)
     (f64.load offset=16
      (local.get $2)
     )
    )
   )
  )
  (f64.store offset=24
   (local.get $0)
   (f64.add
    (f64.mul
     (local.get $3)
     (f64.load offset=8
      (local.get $2)
     )
    )
    (f64.mul
     (local.get $4)
     (f64.load offset=24
      (local.get $2)
     )
    )
   )
  )
 )
 (func $short8 (param $0 i32) (param $1 i32) (param $2 i32)
  (i32.store16
   (local.get $0)
   (i32.add
    (i32.load16_u
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
  (i32.store16 offset=2
   (local.get $0)
   (i32.add
    (i32.load16_u offset=2
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u offset=2
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
  (i32.store16 offset=4
   (local.get $0)
   (i32.add
    (i32.load16_u offset=4
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u offset=4
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
  (i32.store16 offset=6
   (local.get $0)
   (i32.add
    (i32.load16_u offset=6
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u offset=6
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
  (i32.store16 offset=8
   (local.get $0)
   (i32.add
    (i32.load16_u offset=8
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u offset=8
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
  (i32.store16 offset=10
   (local.get $0)
   (i32.add
    (i32.load16_u offset=10
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u offset=10
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
  (i32.store16 offset=12
   (local.get $0)
   (i32.add
    (i32.load16_u offset=12
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u offset=12
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
  (i32.store16 offset=14
   (local.get $0)
   (i32.add
    (i32.load16_u offset=14
     (local.get $1)
    )
    (i32.mul
     (i32.load16_u offset=14
      (local.get $2)
     )
     (i32.const 3)
    )
   )
  )
 )
 (func $shift_ahead (param $0 i32)
  (i32.store
   (local.get $0)
   (i32.shl
    (i32.load offset=16
     (local.get $0)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=4
   (local.get $0)
   (i32.shl
    (i32.load offset=20
     (local.get $0)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=8
   (local.get $0)
   (i32.shl
    (i32.load offset=24
     (local.get $0)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=12
   (local.get $0)
   (i32.shl
    (i32.load offset=28
     (local.get $0)
    )
    (i32.const 1)
   )
  )
 )
 (func $chain (param $0 i32)
  (local $1 i32)
  (i32.store offset=16
   (local.get $0)
   (i32.add
    (local.tee $1
     (i32.load
      (local.get $0)
     )
    )
    (i32.const 4)
   )
  )
  (i32.store offset=12
   (local.get $0)
   (i32.add
    (local.get $1)
    (i32.const 3)
   )
  )
  (i32.store offset=8
   (local.get $0)
   (i32.add
    (local.get $1)
    (i32.const 2)
   )
  )
  (i32.store offset=4
   (local.get $0)
   (i32.add
    (local.get $1)
    (i32.const 1)
   )
  )
 )
 (func $div4 (param $0 i32) (param $1 i32) (param $2 i32)
  (i32.store
   (local.get $0)
   (i32.div_s
    (i32.load
     (local.get $1)
    )
    (i32.load
     (local.get $2)
    )
   )
  )
  (i32.store offset=4
   (local.get $0)
   (i32.div_s
    (i32.load offset=4
     (local.get $1)
    )
    (i32.load offset=4
     (local.get $2)
    )
   )
  )
  (i32.store offset=8
   (local.get $0)
   (i32.div_s
    (i32.load offset=8
     (local.get $1)
    )
    (i32.load offset=8
     (local.get $2)
    )
   )
  )
  (i32.store offset=12
   (local.get $0)
   (i32.div_s
    (i32.load offset=12
     (local.get $1)
    )
    (i32.load offset=12
     (local.get $2)
    )
   )
  )
 )
 (func $mixed (param $0 i32) (param $1 i32) (param $2 i32)
  (i32.store
   (local.get $0)
   (i32.add
    (i32.load
     (local.get $2)
    )
    (i32.load
     (local.get $1)
    )
   )
  )
  (i32.store offset=4
   (local.get $0)
   (i32.mul
    (i32.load offset=4
     (local.get $2)
    )
    (i32.load offset=4
     (local.get $1)
    )
   )
  )
  (i32.store offset=8
   (local.get $0)
   (i32.sub
    (i32.load offset=8
     (local.get $1)
    )
    (i32.load offset=8
     (local.get $2)
    )
   )
  )
  (i32.store offset=12
   (local.get $0)
   (i32.xor
    (i32.load offset=12
     (local.get $2)
    )
    (i32.load offset=12
     (local.get $1)
    )
   )
  )
 )
 (func $max2 (param $0 i32) (param $1 i32) (param $2 i32)
  (f64.store
   (local.get $0)
   (f64.max
    (f64.load
     (local.get $1)
    )
    (f64.load
     (local.get $2)
    )
   )
  )
  (f64.store offset=8
   (local.get $0)
   (f64.max
    (f64.load offset=8
     (local.get $1)
    )
    (f64.load offset=8
     (local.get $2)
    )
   )
  )
 )
 (func $call_between (param $0 i32) (param $1 i32)
  (i32.store
   (local.get $0)
   (i32.add
    (i32.load
     (local.get $1)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=4
   (local.get $0)
   (i32.add
    (i32.load offset=4
     (local.get $1)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=4
   (local.get $0)
   (i32.add
    (i32.load offset=4
     (local.get $0)
    )
    (i32.const 7)
   )
  )
  (i32.store offset=8
   (local.get $0)
   (i32.add
    (i32.load offset=8
     (local.get $1)
    )
    (i32.const 1)
   )
  )
  (i32.store offset=12
   (local.get $0)
   (i32.add
    (i32.load offset=12
     (local.get $1)
    )
    (i32.const 1)
   )
  )
 )
 (func $three (param $0 i32) (param $1 i32)
  (local $2 f32)
  (f32.store
   (local.get $0)
   (f32.add
    (local.tee $2
     (f32.load
      (local.get $1)
     )
    )
    (local.get $2)
   )
  )
  (f32.store offset=4
   (local.get $0)
   (f32.add
    (local.tee $2
     (f32.load offset=4
      (local.get $1)
     )
    )
    (local.get $2)
   )
  )
  (f32.store offset=8
   (local.get $0)
   (f32.add
    (local.tee $2
     (f32.load offset=8
      (local.get $1)
     )
    )
    (local.get $2)
   )
  )
 )
 (func $axpy2_global (param $0 f64) (param $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (if
   (i32.ge_s
    (local.get $1)
    (i32.const 2)
   )
   (then
    (loop $label
     (f64.store
      (local.tee $4
       (i32.add
        (local.get $3)
        (i32.const 1024)
       )
      )
      (f64.add
       (f64.mul
        (local.get $0)
        (f64.load
         (i32.add
          (local.get $3)
          (i32.const 3072)
         )
        )
       )
       (f64.load
        (local.get $4)
       )
      )
     )
     (f64.store
      (local.tee $4
       (i32.add
        (local.get $3)
        (i32.const 1032)
       )
      )
      (f64.add
       (f64.mul
        (local.get $0)
        (f64.load
         (i32.add
          (local.get $3)
          (i32.const 3080)
         )
        )
       )
       (f64.load
        (local.get $4)
       )
      )
     )
     (local.set $3
      (i32.add
       (local.get $3)
       (i32.const 16)
      )
     )
     (local.set $4
      (i32.add
       (local.get $2)
       (i32.const 3)
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 2)
      )
     )
     (br_if $label
      (i32.gt_s
       (local.get $1)
       (local.get $4)
      )
     )
    )
   )
  )
  (block $block1
   (br_if $block1
    (i32.le_s
     (local.get $1)
     (local.get $2)
    )
   )
   (local.set $3
    (i32.xor
     (local.get $2)
     (i32.const -1)
    )
   )
   (if
    (i32.and
     (i32.sub
      (local.get $1)
      (local.get $2)
     )
     (i32.const 1)
    )
    (then
     (f64.store
      (local.tee $5
       (i32.add
        (local.tee $4
         (i32.shl
          (local.get $2)
          (i32.const 3)
         )
        )
        (i32.const 1024)
       )
      )
      (f64.add
       (f64.mul
        (local.get $0)
        (f64.load
         (i32.add
          (local.get $4)
          (i32.const 3072)
         )
        )
       )
       (f64.load
        (local.get $5)
       )
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 1)
      )
     )
    )
   )
   (br_if $block1
    (i32.eq
     (local.get $3)
     (i32.sub
      (i32.const 0)
      (local.get $1)
     )
    )
   )
   (local.set $3
    (i32.shl
     (local.get $2)
     (i32.const 3)
    )
   )
   (local.set $2
    (i32.sub
     (local.get $1)
     (local.get $2)
    )
   )
   (loop $label1
    (f64.store
     (local.tee $1
      (i32.add
       (local.get $3)
       (i32.const 1024)
      )
     )
     (f64.add
      (f64.mul
       (local.get $0)
       (f64.load
        (i32.add
         (local.get $3)
         (i32.const 3072)
        )
       )
      )
      (f64.load
       (local.get $1)
      )
     )
    )
    (f64.store
     (local.tee $1
      (i32.add
       (local.get $3)
       (i32.const 1032)
      )
     )
     (f64.add
      (f64.mul
       (local.get $0)
       (f64.load
        (i32.add
         (local.get $3)
         (i32.const 3080)
        )
       )
      )
      (f64.load
       (local.get $1)
      )
     )
    )
    (local.set $3
     (i32.add
      (local.get $3)
      (i32.const 16)
     )
    )
    (br_if $label1
     (local.tee $2
      (i32.sub
       (local.get $2)
       (i32.const 2)
      )
     )
    )
   )
  )
 )
)
