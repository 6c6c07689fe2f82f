(module
 (type $0 (func (param i32 i32 i32)))
 (type $1 (func (param i32 i32 i32) (result f32)))
 (type $2 (func (param i32 i32 i32) (result i32)))
 (type $4 (func (param i32 i32 i32) (result f64)))
 (type $5 (func (param i32 i32 i64) (result i64)))
 (type $6 (func (param i32) (result i32)))
 (global $global$1 i32 (i32.const 1024))
 (global $global$2 i32 (i32.const 1024))
 (global $global$3 i32 (i32.const 1024))
 (global $global$4 i32 (i32.const 66560))
 (global $global$5 i32 (i32.const 0))
 (global $global$6 i32 (i32.const 1))
 (memory $0 2)
 (export "shift_back" (func $shift_back))
 (export "forward_in" (func $forward_in))
 (export "live_out" (func $live_out))
 (export "dead_temp" (func $dead_temp))
 (export "while_lt" (func $while_lt))
 (export "exit_ge" (func $exit_ge))
 (export "call_in" (func $call_in))
 (export "memory" (memory $0))
 (export "sum_f32" (func $sum_f32))
 (export "dot_f64" (func $dot_f64))
 (export "saxpy_f32" (func $saxpy_f32))
 (export "add_i32" (func $add_i32))
 (export "sum_i32" (func $sum_i32))
 (export "relax_i32" (func $relax_i32))
 (export "max_f32" (func $max_f32))
 (export "sum_i64" (func $sum_i64))
 (export "by4_lt" (func $by4_lt))
 (export "countdown" (func $countdown))
 (export "two_acc" (func $two_acc))
 (export "not_iso" (func $not_iso))
 (export "forward" (func $forward))
 (export "by2_lt" (func $calls))
 (export "scale_sum" (func $scale_sum))
 (func $sum_f32 (param $0 i32) (param $1 i32) (param $2 i32) (result f32)
  (local $3 f32)
  (local $4 i32)
  (local $5 i32)
  (if
   (i32.le_s
    (local.get $2)
    (i32.const 0)
   )
   (then
    (return
     (f32.const 0)
    )
   )
  )
  (local.set $4
   (i32.and
    (local.get $2)
    (i32.const 3)
   )
  )
  (block $block2
   (if
    (i32.lt_u
     (i32.sub
      (local.get $2)
      (i32.const 1)
     )
     (i32.const 3)
    )
    (then
     (local.set $0
      (i32.const 0)
     )
     (br $block2)
    )
   )
   (local.set $5
    (i32.and
     (local.get $2)
     (i32.const -4)
    )
   )
   (local.set $0
    (i32.const 0)
   )
   (local.set $2
    (local.get $1)
   )
   (block
    (loop $label$wt0
     (local.set $3
      (f32.add
       (local.get $3)
       (f32.load
        (local.get $2)
       )
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 1)
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 4)
      )
     )
     (br_if $label$wt0
      (i32.ne
       (local.get $0)
       (local.get $5)
      )
     )
    )
   )
  )
  (if
   (local.get $4)
   (then
    (local.set $2
     (i32.add
      (local.get $1)
      (i32.shl
       (local.get $0)
       (i32.const 2)
      )
     )
    )
    (loop $label1
     (local.set $3
      (f32.add
       (local.get $3)
       (f32.load
        (local.get $2)
       )
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 4)
      )
     )
     (br_if $label1
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
  (local.get $3)
 )
 (func $dot_f64 (param $0 i32) (param $1 i32) (param $2 i32) (result f64)
  (local $3 f64)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (if
   (i32.le_s
    (local.get $2)
    (i32.const 0)
   )
   (then
    (return
     (f64.const 0)
    )
   )
  )
  (local.set $5
   (i32.and
    (local.get $2)
    (i32.const 3)
   )
  )
  (block $block2
   (if
    (i32.lt_u
     (i32.sub
      (local.get $2)
      (i32.const 1)
     )
     (i32.const 3)
    )
    (then
     (br $block2)
    )
   )
   (local.set $8
    (i32.and
     (local.get $2)
     (i32.const -4)
    )
   )
   (local.set $2
    (i32.const 0)
   )
   (loop $label
    (local.set $3
     (f64.add
      (f64.mul
       (f64.load
        (i32.add
         (local.tee $6
          (i32.add
           (local.get $0)
           (local.get $2)
          )
         )
         (i32.const 24)
        )
       )
       (f64.load
        (i32.add
         (local.tee $7
          (i32.add
           (local.get $1)
           (local.get $2)
          )
         )
         (i32.const 24)
        )
       )
      )
      (f64.add
       (f64.mul
        (f64.load
         (i32.add
          (local.get $6)
          (i32.const 16)
         )
        )
        (f64.load
         (i32.add
          (local.get $7)
          (i32.const 16)
         )
        )
       )
       (f64.add
        (f64.mul
         (f64.load
          (i32.add
           (local.get $6)
           (i32.const 8)
          )
         )
         (f64.load
          (i32.add
           (local.get $7)
           (i32.const 8)
          )
         )
        )
        (f64.add
         (f64.mul
          (f64.load
           (local.get $6)
          )
          (f64.load
           (local.get $7)
          )
         )
         (local.get $3)
        )
       )
      )
     )
    )
    (local.set $2
     (i32.add
      (local.get $2)
      (i32.const 32)
     )
    )
    (br_if $label
     (i32.ne
      (local.get $8)
      (local.tee $4
       (i32.add
        (local.get $4)
        (i32.const 4)
       )
      )
     )
    )
   )
  )
  (if
   (local.get $5)
   (then
    (local.set $2
     (i32.add
      (local.get $0)
      (local.tee $4
       (i32.shl
        (local.get $4)
        (i32.const 3)
       )
      )
     )
    )
    (local.set $0
     (i32.add
      (local.get $1)
      (local.get $4)
     )
    )
    (loop $label1
     (local.set $3
      (f64.add
       (f64.mul
        (f64.load
         (local.get $2)
        )
        (f64.load
         (local.get $0)
        )
       )
       (local.get $3)
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 8)
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 8)
      )
     )
     (br_if $label1
      (local.tee $5
       (i32.sub
        (local.get $5)
        (i32.const 1)
       )
      )
     )
    )
   )
  )
  (local.get $3)
 )
 (func $saxpy_f32 (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (block $block
   (br_if $block
    (i32.le_s
     (local.get $2)
     (i32.const 0)
    )
   )
   (local.set $5
    (i32.and
     (local.get $2)
     (i32.const 1)
    )
   )
   (if
    (i32.ne
     (local.get $2)
     (i32.const 1)
    )
    (then
     (local.set $6
      (i32.and
       (local.get $2)
       (i32.const -2)
      )
     )
     (local.set $2
      (local.get $0)
     )
     (local.set $4
      (local.get $1)
     )
     (loop $label
      (f32.store
       (local.get $2)
       (f32.add
        (f32.mul
         (f32.load
          (local.get $4)
         )
         (f32.const 2.5)
        )
        (f32.load
         (local.get $2)
        )
       )
      )
      (f32.store
       (local.tee $7
        (i32.add
         (local.get $2)
         (i32.const 4)
        )
       )
       (f32.add
        (f32.mul
         (f32.load
          (i32.add
           (local.get $4)
           (i32.const 4)
          )
         )
         (f32.const 2.5)
        )
        (f32.load
         (local.get $7)
        )
       )
      )
      (local.set $2
       (i32.add
        (local.get $2)
        (i32.const 8)
       )
      )
      (local.set $4
       (i32.add
        (local.get $4)
        (i32.const 8)
       )
      )
      (br_if $label
       (i32.ne
        (local.get $6)
        (local.tee $3
         (i32.add
          (local.get $3)
          (i32.const 2)
         )
        )
       )
      )
     )
    )
   )
   (br_if $block
    (i32.eqz
     (local.get $5)
    )
   )
   (f32.store
    (local.tee $0
     (i32.add
      (local.get $0)
      (local.tee $2
       (i32.shl
        (local.get $3)
        (i32.const 2)
       )
      )
     )
    )
    (f32.add
     (f32.mul
      (f32.load
       (i32.add
        (local.get $1)
        (local.get $2)
       )
      )
      (f32.const 2.5)
     )
     (f32.load
      (local.get $0)
     )
    )
   )
  )
 )
 (func $add_i32 (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (block $block
   (br_if $block
    (i32.le_s
     (local.get $2)
     (i32.const 0)
    )
   )
   (local.set $5
    (i32.and
     (local.get $2)
     (i32.const 3)
    )
   )
   (if
    (i32.ge_u
     (i32.sub
      (local.get $2)
      (i32.const 1)
     )
     (i32.const 3)
    )
    (then
     (local.set $8
      (i32.and
       (local.get $2)
       (i32.const -4)
      )
     )
     (loop $label
      (i32.store
       (local.tee $2
        (i32.add
         (local.get $0)
         (local.get $3)
        )
       )
       (i32.add
        (i32.load
         (local.get $2)
        )
        (i32.load
         (local.tee $6
          (i32.add
           (local.get $1)
           (local.get $3)
          )
         )
        )
       )
      )
      (i32.store
       (local.tee $7
        (i32.add
         (local.get $2)
         (i32.const 4)
        )
       )
       (i32.add
        (i32.load
         (local.get $7)
        )
        (i32.load
         (i32.add
          (local.get $6)
          (i32.const 4)
         )
        )
       )
      )
      (i32.store
       (local.tee $7
        (i32.add
         (local.get $2)
         (i32.const 8)
        )
       )
       (i32.add
        (i32.load
         (local.get $7)
        )
        (i32.load
         (i32.add
          (local.get $6)
          (i32.const 8)
         )
        )
       )
      )
      (i32.store
       (local.tee $2
        (i32.add
         (local.get $2)
         (i32.const 12)
        )
       )
       (i32.add
        (i32.load
         (local.get $2)
        )
        (i32.load
         (i32.add
          (local.get $6)
          (i32.const 12)
         )
        )
       )
      )
      (local.set $3
       (i32.add
        (local.get $3)
        (i32.const 16)
       )
      )
      (br_if $label
       (i32.ne
        (local.get $8)
        (local.tee $4
         (i32.add
          (local.get $4)
          (i32.const 4)
         )
        )
       )
      )
     )
    )
   )
   (br_if $block
    (i32.eqz
     (local.get $5)
    )
   )
   (local.set $3
    (i32.add
     (local.get $1)
     (local.tee $2
      (i32.shl
       (local.get $4)
       (i32.const 2)
      )
     )
    )
   )
   (local.set $2
    (i32.add
     (local.get $0)
     (local.get $2)
    )
   )
   (loop $label1
    (i32.store
     (local.get $2)
     (i32.add
      (i32.load
       (local.get $2)
      )
      (i32.load
       (local.get $3)
      )
     )
    )
    (local.set $3
     (i32.add
      (local.get $3)
      (i32.const 4)
     )
    )
    (local.set $2
     (i32.add
      (local.get $2)
      (i32.const 4)
     )
    )
    (br_if $label1
     (local.tee $5
      (i32.sub
       (local.get $5)
       (i32.const 1)
      )
     )
    )
   )
  )
 )
 (func $sum_i32 (param $0 i32) (param $1 i32) (param $2 i32) (result i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (if
   (i32.le_s
    (local.get $2)
    (i32.const 0)
   )
   (then
    (return
     (i32.const 0)
    )
   )
  )
  (local.set $5
   (i32.and
    (local.get $2)
    (i32.const 3)
   )
  )
  (block $block2
   (if
    (i32.lt_u
     (i32.sub
      (local.get $2)
      (i32.const 1)
     )
     (i32.const 3)
    )
    (then
     (local.set $2
      (i32.const 0)
     )
     (br $block2)
    )
   )
   (local.set $8
    (i32.and
     (local.get $2)
     (i32.const -4)
    )
   )
   (local.set $2
    (i32.const 0)
   )
   (loop $label
    (local.set $2
     (i32.add
      (i32.xor
       (i32.load
        (i32.add
         (local.tee $6
          (i32.add
           (local.get $0)
           (local.get $3)
          )
         )
         (i32.const 12)
        )
       )
       (i32.load
        (i32.add
         (local.tee $7
          (i32.add
           (local.get $1)
           (local.get $3)
          )
         )
         (i32.const 12)
        )
       )
      )
      (i32.add
       (i32.add
        (i32.add
         (i32.xor
          (i32.load
           (local.get $6)
          )
          (i32.load
           (local.get $7)
          )
         )
         (local.get $2)
        )
        (i32.xor
         (i32.load
          (i32.add
           (local.get $6)
           (i32.const 4)
          )
         )
         (i32.load
          (i32.add
           (local.get $7)
           (i32.const 4)
          )
         )
        )
       )
       (i32.xor
        (i32.load
         (i32.add
          (local.get $6)
          (i32.const 8)
         )
        )
        (i32.load
         (i32.add
          (local.get $7)
          (i32.const 8)
         )
        )
       )
      )
     )
    )
    (local.set $3
     (i32.add
      (local.get $3)
      (i32.const 16)
     )
    )
    (br_if $label
     (i32.ne
      (local.get $8)
      (local.tee $4
       (i32.add
        (local.get $4)
        (i32.const 4)
       )
      )
     )
    )
   )
  )
  (if
   (local.get $5)
   (then
    (local.set $3
     (i32.add
      (local.get $1)
      (local.tee $4
       (i32.shl
        (local.get $4)
        (i32.const 2)
       )
      )
     )
    )
    (local.set $0
     (i32.add
      (local.get $0)
      (local.get $4)
     )
    )
    (loop $label1
     (local.set $2
      (i32.add
       (i32.xor
        (i32.load
         (local.get $0)
        )
        (i32.load
         (local.get $3)
        )
       )
       (local.get $2)
      )
     )
     (local.set $3
      (i32.add
       (local.get $3)
       (i32.const 4)
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 4)
      )
     )
     (br_if $label1
      (local.tee $5
       (i32.sub
        (local.get $5)
        (i32.const 1)
       )
      )
     )
    )
   )
  )
  (local.get $2)
 )
 (func $relax_i32 (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (block $block
   (br_if $block
    (i32.le_s
     (local.get $2)
     (i32.const 0)
    )
   )
   (local.set $5
    (i32.mul
     (local.get $2)
     (i32.const 3)
    )
   )
   (local.set $7
    (i32.and
     (local.get $2)
     (i32.const 1)
    )
   )
   (if
    (i32.ne
     (local.get $2)
     (i32.const 1)
    )
    (then
     (local.set $8
      (i32.and
       (local.get $2)
       (i32.const -2)
      )
     )
     (local.set $2
      (local.get $0)
     )
     (local.set $4
      (local.get $1)
     )
     (loop $label
      (if
       (i32.lt_s
        (local.tee $6
         (i32.add
          (i32.load
           (local.get $4)
          )
          (local.get $5)
         )
        )
        (i32.load
         (local.get $2)
        )
       )
       (then
        (i32.store
         (local.get $2)
         (local.get $6)
        )
       )
      )
      (if
       (i32.lt_s
        (local.tee $6
         (i32.add
          (i32.load
           (i32.add
            (local.get $4)
            (i32.const 4)
           )
          )
          (local.get $5)
         )
        )
        (i32.load
         (local.tee $9
          (i32.add
           (local.get $2)
           (i32.const 4)
          )
         )
        )
       )
       (then
        (i32.store
         (local.get $9)
         (local.get $6)
        )
       )
      )
      (local.set $2
       (i32.add
        (local.get $2)
        (i32.const 8)
       )
      )
      (local.set $4
       (i32.add
        (local.get $4)
        (i32.const 8)
       )
      )
      (br_if $label
       (i32.ne
        (local.get $8)
        (local.tee $3
         (i32.add
          (local.get $3)
          (i32.const 2)
         )
        )
       )
      )
     )
    )
   )
   (br_if $block
    (i32.eqz
     (local.get $7)
    )
   )
   (br_if $block
    (i32.ge_s
     (local.tee $1
      (i32.add
       (i32.load
        (i32.add
         (local.get $1)
         (local.tee $2
          (i32.shl
           (local.get $3)
           (i32.const 2)
          )
         )
        )
       )
       (local.get $5)
      )
     )
     (i32.load
      (local.tee $0
       (i32.add
        (local.get $0)
        (local.get $2)
       )
      )
     )
    )
   )
   (i32.store
    (local.get $0)
    (local.get $1)
   )
  )
 )
 (func $max_f32 (param $0 i32) (param $1 i32) (param $2 i32) (result f32)
  (local $3 f32)
  (local $4 i32)
  (local $5 f32)
  (local $6 i32)
  (local $7 f32)
  (local $8 f32)
  (local $9 f32)
  (if
   (i32.le_s
    (local.get $2)
    (i32.const 0)
   )
   (then
    (return
     (f32.const -1000000015047466219876688e6)
    )
   )
  )
  (local.set $4
   (i32.and
    (local.get $2)
    (i32.const 3)
   )
  )
  (block $block2
   (if
    (i32.lt_u
     (i32.sub
      (local.get $2)
      (i32.const 1)
     )
     (i32.const 3)
    )
    (then
     (local.set $3
      (f32.const -1000000015047466219876688e6)
     )
     (local.set $0
      (i32.const 0)
     )
     (br $block2)
    )
   )
   (local.set $6
    (i32.and
     (local.get $2)
     (i32.const -4)
    )
   )
   (local.set $3
    (f32.const -1000000015047466219876688e6)
   )
   (local.set $0
    (i32.const 0)
   )
   (local.set $2
    (local.get $1)
   )
   (loop $label
    (local.set $3
     (select
      (local.tee $5
       (f32.load
        (i32.add
         (local.get $2)
         (i32.const 12)
        )
       )
      )
      (local.tee $3
       (select
        (local.tee $7
         (f32.load
          (i32.add
           (local.get $2)
           (i32.const 8)
          )
         )
        )
        (local.tee $3
         (select
          (local.tee $8
           (f32.load
            (i32.add
             (local.get $2)
             (i32.const 4)
            )
           )
          )
          (local.tee $3
           (select
            (local.tee $9
             (f32.load
              (local.get $2)
             )
            )
            (local.get $3)
            (f32.lt
             (local.get $3)
             (local.get $9)
            )
           )
          )
          (f32.lt
           (local.get $3)
           (local.get $8)
          )
         )
        )
        (f32.lt
         (local.get $3)
         (local.get $7)
        )
       )
      )
      (f32.lt
       (local.get $3)
       (local.get $5)
      )
     )
    )
    (local.set $2
     (i32.add
      (local.get $2)
      (i32.const 16)
     )
    )
    (br_if $label
     (i32.ne
      (local.get $6)
      (local.tee $0
       (i32.add
        (local.get $0)
        (i32.const 4)
       )
      )
     )
    )
   )
  )
  (if
   (local.get $4)
   (then
    (local.set $2
     (i32.add
      (local.get $1)
      (i32.shl
       (local.get $0)
       (i32.const 2)
      )
     )
    )
    (loop $label1
     (local.set $3
      (select
       (local.tee $5
        (f32.load
         (local.get $2)
        )
       )
       (local.get $3)
       (f32.lt
        (local.get $3)
        (local.get $5)
       )
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 4)
      )
     )
     (br_if $label1
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
  (local.get $3)
 )
 (func $sum_i64 (param $0 i32) (param $1 i32) (param $2 i64) (result i64)
  (local $3 i64)
  (local $4 i64)
  (local $5 i64)
  (if
   (i64.le_s
    (local.get $2)
    (i64.const 0)
   )
   (then
    (return
     (i64.const 0)
    )
   )
  )
  (local.set $4
   (i64.and
    (local.get $2)
    (i64.const 3)
   )
  )
  (block $block2
   (if
    (i64.lt_u
     (i64.sub
      (local.get $2)
      (i64.const 1)
     )
     (i64.const 3)
    )
    (then
     (local.set $2
      (i64.const 0)
     )
     (br $block2)
    )
   )
   (local.set $5
    (i64.and
     (local.get $2)
     (i64.const -4)
    )
   )
   (local.set $0
    (local.get $1)
   )
   (local.set $2
    (i64.const 0)
   )
   (loop $label
    (local.set $2
     (i64.add
      (i64.add
       (i64.add
        (i64.add
         (i64.mul
          (i64.load
           (local.get $0)
          )
          (i64.const 3)
         )
         (local.get $2)
        )
        (i64.mul
         (i64.load
          (i32.add
           (local.get $0)
           (i32.const 8)
          )
         )
         (i64.const 3)
        )
       )
       (i64.mul
        (i64.load
         (i32.add
          (local.get $0)
          (i32.const 16)
         )
        )
        (i64.const 3)
       )
      )
      (i64.mul
       (i64.load
        (i32.add
         (local.get $0)
         (i32.const 24)
        )
       )
       (i64.const 3)
      )
     )
    )
    (local.set $0
     (i32.add
      (local.get $0)
      (i32.const 32)
     )
    )
    (br_if $label
     (i64.ne
      (local.get $5)
      (local.tee $3
       (i64.add
        (local.get $3)
        (i64.const 4)
       )
      )
     )
    )
   )
  )
  (if
   (i64.ne
    (local.get $4)
    (i64.const 0)
   )
   (then
    (local.set $0
     (i32.add
      (local.get $1)
      (i32.shl
       (i32.wrap_i64
        (local.get $3)
       )
       (i32.const 3)
      )
     )
    )
    (loop $label1
     (local.set $2
      (i64.add
       (i64.mul
        (i64.load
         (local.get $0)
        )
        (i64.const 3)
       )
       (local.get $2)
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 8)
      )
     )
     (br_if $label1
      (i64.ne
       (local.tee $4
        (i64.sub
         (local.get $4)
         (i64.const 1)
        )
       )
       (i64.const 0)
      )
     )
    )
   )
  )
  (local.get $2)
 )
 (func $by4_lt (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (if
   (i32.gt_s
    (local.get $2)
    (i32.const 0)
   )
   (then
    (loop $label
     (i32.store
      (local.tee $4
       (i32.add
        (local.get $0)
        (local.get $3)
       )
      )
      (i32.add
       (i32.load
        (local.tee $5
         (i32.add
          (local.get $1)
          (local.get $3)
         )
        )
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $4)
       (i32.const 4)
      )
      (i32.add
       (i32.load
        (i32.add
         (local.get $5)
         (i32.const 4)
        )
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $4)
       (i32.const 8)
      )
      (i32.add
       (i32.load
        (i32.add
         (local.get $5)
         (i32.const 8)
        )
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $4)
       (i32.const 12)
      )
      (i32.add
       (i32.load
        (i32.add
         (local.get $5)
         (i32.const 12)
        )
       )
       (i32.const 1)
      )
     )
     (local.set $3
      (i32.add
       (local.get $3)
       (i32.const 16)
      )
     )
     (br_if $label
      (i32.lt_s
       (local.tee $6
        (i32.add
         (local.get $6)
         (i32.const 4)
        )
       )
       (local.get $2)
      )
     )
    )
   )
  )
 )
 (func $countdown (param $0 i32) (param $1 i32) (param $2 i32)
  (if
   (i32.ge_s
    (local.get $2)
    (i32.const 4)
   )
   (then
    (local.set $2
     (i32.add
      (local.get $2)
      (i32.const 4)
     )
    )
    (loop $label
     (i32.store
      (local.get $0)
      (i32.shl
       (i32.load
        (local.get $1)
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $0)
       (i32.const 4)
      )
      (i32.shl
       (i32.load
        (i32.add
         (local.get $1)
         (i32.const 4)
        )
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $0)
       (i32.const 8)
      )
      (i32.shl
       (i32.load
        (i32.add
         (local.get $1)
         (i32.const 8)
        )
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $0)
       (i32.const 12)
      )
      (i32.shl
       (i32.load
        (i32.add
         (local.get $1)
         (i32.const 12)
        )
       )
       (i32.const 1)
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
     (br_if $label
      (i32.gt_u
       (local.tee $2
        (i32.sub
         (local.get $2)
         (i32.const 4)
        )
       )
       (i32.const 7)
      )
     )
    )
   )
  )
 )
 (func $two_acc (param $0 i32) (param $1 i32) (param $2 i32) (result i32)
  (local $3 i32)
  (local $4 i32)
  (local.set $0
   (i32.const 0)
  )
  (if (result i32)
   (i32.ge_s
    (local.get $2)
    (i32.const 2)
   )
   (then
    (local.set $4
     (i32.const 1)
    )
    (loop $label
     (local.set $3
      (i32.add
       (i32.load
        (local.get $1)
       )
       (local.get $3)
      )
     )
     (local.set $0
      (i32.add
       (i32.load
        (i32.add
         (local.get $1)
         (i32.const 4)
        )
       )
       (local.get $0)
      )
     )
     (local.set $1
      (i32.add
       (local.get $1)
       (i32.const 8)
      )
     )
     (br_if $label
      (i32.lt_s
       (local.tee $4
        (i32.add
         (local.get $4)
         (i32.const 2)
        )
       )
       (local.get $2)
      )
     )
    )
    (i32.xor
     (i32.mul
      (local.get $0)
      (i32.const 7)
     )
     (local.get $3)
    )
   )
   (else
    (i32.const 0)
   )
  )
 )
 (func $not_iso (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (if
   (i32.ge_s
    (local.get $2)
    (i32.const 2)
   )
   (then
    (local.set $3
     (i32.const 1)
    )
    (loop $label
     (i32.store
      (local.get $0)
      (i32.shl
       (i32.load
        (local.get $1)
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $0)
       (i32.const 4)
      )
      (i32.mul
       (i32.load
        (i32.add
         (local.get $1)
         (i32.const 4)
        )
       )
       (i32.const 3)
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 8)
      )
     )
     (local.set $1
      (i32.add
       (local.get $1)
       (i32.const 8)
      )
     )
     (br_if $label
      (i32.lt_s
       (local.tee $3
        (i32.add
         (local.get $3)
         (i32.const 2)
        )
       )
       (local.get $2)
      )
     )
    )
   )
  )
 )
 (func $forward (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (block $block
   (br_if $block
    (i32.lt_s
     (local.get $2)
     (i32.const 3)
    )
   )
   (local.set $4
    (i32.const 1)
   )
   (local.set $6
    (i32.and
     (local.tee $3
      (i32.add
       (i32.shr_u
        (local.tee $2
         (i32.sub
          (local.get $2)
          (i32.const 3)
         )
        )
        (i32.const 1)
       )
       (i32.const 1)
      )
     )
     (i32.const 1)
    )
   )
   (local.set $5
    (i32.const 2)
   )
   (local.set $1
    (i32.load
     (local.get $0)
    )
   )
   (block $block2
    (if
     (i32.lt_u
      (local.get $2)
      (i32.const 2)
     )
     (then
      (local.set $3
       (local.get $1)
      )
      (br $block2)
     )
    )
    (local.set $2
     (i32.add
      (local.get $0)
      (i32.const 16)
     )
    )
    (local.set $4
     (i32.and
      (local.get $3)
      (i32.const -2)
     )
    )
    (loop $label
     (i32.store
      (local.get $2)
      (local.tee $3
       (i32.mul
        (local.get $1)
        (i32.const 81)
       )
      )
     )
     (i32.store
      (i32.sub
       (local.get $2)
       (i32.const 4)
      )
      (i32.mul
       (local.get $1)
       (i32.const 27)
      )
     )
     (i32.store
      (i32.sub
       (local.get $2)
       (i32.const 8)
      )
      (i32.mul
       (local.get $1)
       (i32.const 9)
      )
     )
     (i32.store
      (i32.sub
       (local.get $2)
       (i32.const 12)
      )
      (i32.mul
       (local.get $1)
       (i32.const 3)
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 16)
      )
     )
     (local.set $5
      (i32.add
       (local.get $5)
       (i32.const 4)
      )
     )
     (local.set $1
      (local.get $3)
     )
     (br_if $label
      (local.tee $4
       (i32.sub
        (local.get $4)
        (i32.const 2)
       )
      )
     )
    )
    (local.set $4
     (i32.sub
      (local.get $5)
      (i32.const 1)
     )
    )
   )
   (br_if $block
    (i32.eqz
     (local.get $6)
    )
   )
   (i32.store
    (i32.add
     (local.get $0)
     (i32.shl
      (local.get $5)
      (i32.const 2)
     )
    )
    (i32.mul
     (local.get $3)
     (i32.const 9)
    )
   )
   (i32.store
    (i32.add
     (local.get $0)
     (i32.shl
      (local.get $4)
      (i32.const 2)
     )
    )
    (i32.mul
     (local.get $3)
     (i32.const 3)
    )
   )
  )
 )
 (func $calls (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (if
   (i32.ge_s
    (local.get $2)
    (i32.const 2)
   )
   (then
    (local.set $3
     (i32.const 1)
    )
    (loop $label
     (i32.store
      (local.get $0)
      (i32.shl
       (i32.load
        (local.get $1)
       )
       (i32.const 1)
      )
     )
     (i32.store
      (i32.add
       (local.get $0)
       (i32.const 4)
      )
      (i32.shl
       (i32.load
        (i32.add
         (local.get $1)
         (i32.const 4)
        )
       )
       (i32.const 1)
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 8)
      )
     )
     (local.set $1
      (i32.add
       (local.get $1)
       (i32.const 8)
      )
     )
     (br_if $label
      (i32.lt_s
       (local.tee $3
        (i32.add
         (local.get $3)
         (i32.const 2)
        )
       )
       (local.get $2)
      )
     )
    )
   )
  )
 )
 (func $scale_sum (param $0 i32) (param $1 i32) (param $2 i32) (result f32)
  (local $3 i32)
  (local $4 f32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 f32)
  (local $9 i32)
  (local $10 f32)
  (local $11 f32)
  (local $12 f32)
  (if
   (i32.le_s
    (local.get $2)
    (i32.const 0)
   )
   (then
    (return
     (f32.const 0)
    )
   )
  )
  (local.set $5
   (i32.and
    (local.get $2)
    (i32.const 3)
   )
  )
  (block $block2
   (if
    (i32.lt_u
     (i32.sub
      (local.get $2)
      (i32.const 1)
     )
     (i32.const 3)
    )
    (then
     (br $block2)
    )
   )
   (local.set $9
    (i32.and
     (local.get $2)
     (i32.const -4)
    )
   )
   (local.set $2
    (i32.const 0)
   )
   (loop $label
    (f32.store
     (local.tee $6
      (i32.add
       (local.get $0)
       (local.get $2)
      )
     )
     (f32.mul
      (local.tee $8
       (f32.load
        (local.tee $7
         (i32.add
          (local.get $1)
          (local.get $2)
         )
        )
       )
      )
      (f32.const 0.5)
     )
    )
    (f32.store
     (i32.add
      (local.get $6)
      (i32.const 4)
     )
     (f32.mul
      (local.tee $10
       (f32.load
        (i32.add
         (local.get $7)
         (i32.const 4)
        )
       )
      )
      (f32.const 0.5)
     )
    )
    (f32.store
     (i32.add
      (local.get $6)
      (i32.const 8)
     )
     (f32.mul
      (local.tee $11
       (f32.load
        (i32.add
         (local.get $7)
         (i32.const 8)
        )
       )
      )
      (f32.const 0.5)
     )
    )
    (f32.store
     (i32.add
      (local.get $6)
      (i32.const 12)
     )
     (f32.mul
      (local.tee $12
       (f32.load
        (i32.add
         (local.get $7)
         (i32.const 12)
        )
       )
      )
      (f32.const 0.5)
     )
    )
    (local.set $4
     (f32.add
      (local.get $12)
      (f32.add
       (local.get $11)
       (f32.add
        (local.get $10)
        (f32.add
         (local.get $4)
         (local.get $8)
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
    (br_if $label
     (i32.ne
      (local.get $9)
      (local.tee $3
       (i32.add
        (local.get $3)
        (i32.const 4)
       )
      )
     )
    )
   )
  )
  (if
   (local.get $5)
   (then
    (local.set $2
     (i32.add
      (local.get $1)
      (local.tee $3
       (i32.shl
        (local.get $3)
        (i32.const 2)
       )
      )
     )
    )
    (local.set $0
     (i32.add
      (local.get $0)
      (local.get $3)
     )
    )
    (loop $label1
     (f32.store
      (local.get $0)
      (f32.mul
       (local.tee $8
        (f32.load
         (local.get $2)
        )
       )
       (f32.const 0.5)
      )
     )
     (local.set $2
      (i32.add
       (local.get $2)
       (i32.const 4)
      )
     )
     (local.set $0
      (i32.add
       (local.get $0)
       (i32.const 4)
      )
     )
     (local.set $4
      (f32.add
       (local.get $4)
       (local.get $8)
      )
     )
     (br_if $label1
      (local.tee $5
       (i32.sub
        (local.get $5)
        (i32.const 1)
       )
      )
     )
    )
   )
  )
  (local.get $4)
 )
 (func $shift_back (param $p i32) (param $q i32) (param $n i32)
  (local $i i32)
  (local $e i32)
  (local.set $e
   (i32.and
    (local.get $n)
    (i32.const -2)
   )
  )
  (if
   (i32.gt_s
    (local.get $e)
    (i32.const 0)
   )
   (then
    (loop $L
     (i32.store offset=4
      (local.get $p)
      (i32.add
       (i32.load offset=8
        (local.get $p)
       )
       (i32.const 1)
      )
     )
     (i32.store
      (local.get $p)
      (i32.add
       (i32.load offset=4
        (local.get $p)
       )
       (i32.const 1)
      )
     )
     (local.set $p
      (i32.add
       (local.get $p)
       (i32.const 8)
      )
     )
     (br_if $L
      (i32.ne
       (local.get $e)
       (local.tee $i
        (i32.add
         (local.get $i)
         (i32.const 2)
        )
       )
      )
     )
    )
   )
  )
 )
 (func $forward_in (param $p i32) (param $q i32) (param $n i32)
  (local $i i32)
  (local $e i32)
  (local $t i32)
  (local.set $e
   (i32.and
    (local.get $n)
    (i32.const -2)
   )
  )
  (if
   (i32.gt_s
    (local.get $e)
    (i32.const 0)
   )
   (then
    (loop $L
     (i32.store offset=4
      (local.get $p)
      (local.tee $t
       (i32.mul
        (i32.load
         (local.get $p)
        )
        (i32.const 3)
       )
      )
     )
     (i32.store offset=8
      (local.get $p)
      (i32.mul
       (local.get $t)
       (i32.const 3)
      )
     )
     (local.set $p
      (i32.add
       (local.get $p)
       (i32.const 8)
      )
     )
     (br_if $L
      (i32.ne
       (local.get $e)
       (local.tee $i
        (i32.add
         (local.get $i)
         (i32.const 2)
        )
       )
      )
     )
    )
   )
  )
 )
 (func $live_out (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $e i32)
  (local $t i32)
  (local.set $e
   (i32.and
    (local.get $n)
    (i32.const -2)
   )
  )
  (if
   (i32.gt_s
    (local.get $e)
    (i32.const 0)
   )
   (then
    (loop $L
     (i32.store
      (local.get $p)
      (local.tee $t
       (i32.load
        (local.get $q)
       )
      )
     )
     (i32.store offset=4
      (local.get $p)
      (local.tee $t
       (i32.load offset=4
        (local.get $q)
       )
      )
     )
     (local.set $p
      (i32.add
       (local.get $p)
       (i32.const 8)
      )
     )
     (local.set $q
      (i32.add
       (local.get $q)
       (i32.const 8)
      )
     )
     (br_if $L
      (i32.ne
       (local.get $e)
       (local.tee $i
        (i32.add
         (local.get $i)
         (i32.const 2)
        )
       )
      )
     )
    )
   )
  )
  (local.get $t)
 )
 (func $dead_temp (param $p i32) (param $q i32) (param $n i32) (result i32)
  (local $i i32)
  (local $e i32)
  (local $t i32)
  (local.set $e
   (i32.and
    (local.get $n)
    (i32.const -2)
   )
  )
  (if
   (i32.gt_s
    (local.get $e)
    (i32.const 0)
   )
   (then
    (loop $L
     (i32.store
      (local.get $p)
      (local.tee $t
       (i32.load
        (local.get $q)
       )
      )
     )
     (i32.store offset=4
      (local.get $p)
      (local.tee $t
       (i32.load offset=4
        (local.get $q)
       )
      )
     )
     (local.set $p
      (i32.add
       (local.get $p)
       (i32.const 8)
      )
     )
     (local.set $q
      (i32.add
       (local.get $q)
       (i32.const 8)
      )
     )
     (br_if $L
      (i32.ne
       (local.get $e)
       (local.tee $i
        (i32.add
         (local.get $i)
         (i32.const 2)
        )
       )
      )
     )
    )
   )
  )
  (local.set $t
   (local.get $i)
  )
  (i32.add
   (local.get $t)
   (local.get $p)
  )
 )
 (func $while_lt (param $p i32) (param $q i32) (param $n i32)
  (local $i i32)
  (loop $L
   (if
    (i32.lt_s
     (local.get $i)
     (local.get $n)
    )
    (then
     (f32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (local.get $i)
        (i32.const 2)
       )
      )
      (f32.sqrt
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
     (f32.store
      (i32.add
       (local.get $p)
       (i32.shl
        (i32.add
         (local.get $i)
         (i32.const 1)
        )
        (i32.const 2)
       )
      )
      (f32.sqrt
       (f32.load
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
     )
     (local.set $i
      (i32.add
       (local.get $i)
       (i32.const 2)
      )
     )
     (br $L)
    )
   )
  )
 )
 (func $exit_ge (param $p i32) (param $q i32) (param $n i32)
  (local $i i32)
  (block $out
   (loop $L
    (br_if $out
     (i32.ge_u
      (local.get $i)
      (local.get $n)
     )
    )
    (i32.store8
     (i32.add
      (local.get $p)
      (local.get $i)
     )
     (i32.add
      (i32.load8_u
       (i32.add
        (local.get $q)
        (local.get $i)
       )
      )
      (i32.const 7)
     )
    )
    (i32.store8 offset=1
     (i32.add
      (local.get $p)
      (local.get $i)
     )
     (i32.add
      (i32.load8_u offset=1
       (i32.add
        (local.get $q)
        (local.get $i)
       )
      )
      (i32.const 7)
     )
    )
    (local.set $i
     (i32.add
      (local.get $i)
      (i32.const 2)
     )
    )
    (br $L)
   )
  )
 )
 (func $twice (param $x i32) (result i32)
  (i32.shl
   (local.get $x)
   (i32.const 1)
  )
 )
 (func $call_in (param $p i32) (param $q i32) (param $n i32)
  (local $i i32)
  (local $e i32)
  (local.set $e
   (i32.and
    (local.get $n)
    (i32.const -2)
   )
  )
  (if
   (i32.gt_s
    (local.get $e)
    (i32.const 0)
   )
   (then
    (loop $L
     (i32.store
      (local.get $p)
      (call $twice
       (i32.load
        (local.get $q)
       )
      )
     )
     (i32.store offset=4
      (local.get $p)
      (call $twice
       (i32.load offset=4
        (local.get $q)
       )
      )
     )
     (local.set $p
      (i32.add
       (local.get $p)
       (i32.const 8)
      )
     )
     (local.set $q
      (i32.add
       (local.get $q)
       (i32.const 8)
      )
     )
     (br_if $L
      (i32.ne
       (local.get $e)
       (local.tee $i
        (i32.add
         (local.get $i)
         (i32.const 2)
        )
       )
      )
     )
    )
   )
  )
 )
)
