;; Narrow, punned, overlapping and uninitialised slots (input of the wt-promote-stack golden test).
;; Promoted: a byte read back sign- and zero-extended, a 16-bit slot, a 32-bit slot of an i64, and a
;; slot stored on both arms of an `if`. Kept in memory: an f32 slot read back as i32, an i64 slot whose
;; upper half is read as i32, and a slot read before any store. Since slots stay, so does the frame.
(module
 (global $__stack_pointer (mut i32) (i32.const 65536))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "run" (func $narrow))
 (func $id (param $0 i32) (result i32)
  (local.get $0)
 )
 (func $narrow (param $0 i32) (result i64)
  (local $1 i32)
  (local $2 i64)
  (local.set $1 (i32.sub (global.get $__stack_pointer) (i32.const 32)))
  (global.set $__stack_pointer (local.get $1))
  ;; uninitialised: read before any store (kept)
  (local.set $2 (i64.extend_i32_u (i32.load offset=8 (local.get $1))))
  (i32.store offset=8 (local.get $1) (local.get $0))
  (i32.store8 offset=31 (local.get $1) (i32.mul (local.get $0) (i32.const 37)))
  (i32.store16 offset=28 (local.get $1) (call $id (i32.mul (local.get $0) (i32.const -4099))))
  (i64.store32 offset=16 (local.get $1) (i64.mul (i64.extend_i32_s (local.get $0)) (i64.const -3000000007)))
  (f32.store offset=12 (local.get $1) (f32.convert_i32_s (local.get $0)))
  (i64.store (local.get $1) (i64.extend_i32_s (local.get $0)))
  (if (i32.and (local.get $0) (i32.const 1))
   (then (i32.store offset=24 (local.get $1) (i32.const 100)))
   (else (i32.store offset=24 (local.get $1) (call $id (i32.const 200))))
  )
  (local.set $2
   (i64.add (local.get $2)
    (i64.add
     (i64.extend_i32_s
      (i32.add
       (i32.add (i32.load8_s offset=31 (local.get $1)) (i32.mul (i32.load8_u offset=31 (local.get $1)) (i32.const 1000)))
       (i32.add (i32.load16_s offset=28 (local.get $1)) (i32.load offset=24 (local.get $1)))
      )
     )
     (i64.add
      (i64.add (i64.load32_s offset=16 (local.get $1)) (i64.shl (i64.load32_u offset=16 (local.get $1)) (i64.const 20)))
      (i64.extend_i32_u
       (i32.add
        (i32.load offset=12 (local.get $1))
        (i32.add (i32.load offset=4 (local.get $1)) (i32.load offset=8 (local.get $1)))
       )
      )
     )
    )
   )
  )
  (global.set $__stack_pointer (i32.add (local.get $1) (i32.const 32)))
  (local.get $2)
 )
)
