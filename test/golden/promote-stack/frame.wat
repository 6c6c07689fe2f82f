;; clang -O0 style frames (input of the wt-promote-stack golden test).
;;   int square(int x) { return x * x; }
;;   long long sum_squares(int n) {
;;     double scale = n; long long acc = 0;
;;     for (int i = 0; i < n; i++) acc += square(i);
;;     return acc + (long long)scale;
;;   }
;; `square` is a leaf: it addresses its slot below the stack pointer without lowering it. `sum_squares`
;; lowers the stack pointer around its calls, restores it on exit, and also reaches one slot through a
;; copy of the frame base plus a constant.
(module
 (global $__stack_pointer (mut i32) (i32.const 65536))
 (memory $0 2)
 (export "memory" (memory $0))
 (export "run" (func $sum_squares))
 (func $square (param $0 i32) (result i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local.set $1 (global.get $__stack_pointer))
  (local.set $2 (i32.const 16))
  (local.set $3 (i32.sub (local.get $1) (local.get $2)))
  (i32.store offset=12 (local.get $3) (local.get $0))
  (local.set $4 (i32.load offset=12 (local.get $3)))
  (i32.mul (local.get $4) (i32.load offset=12 (local.get $3)))
 )
 (func $sum_squares (param $0 i32) (result i64)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i64)
  (local.set $1 (global.get $__stack_pointer))
  (local.set $2 (i32.sub (local.get $1) (i32.const 32)))
  (global.set $__stack_pointer (local.get $2))
  (local.set $3 (i32.add (local.get $2) (i32.const 8)))
  (i32.store offset=28 (local.get $2) (local.get $0))
  (f64.store (local.get $3) (f64.convert_i32_s (i32.load offset=28 (local.get $2))))
  (i64.store offset=16 (local.get $2) (i64.const 0))
  (i32.store offset=4 (local.get $2) (i32.const 0))
  (block $exit
   (loop $next
    (br_if $exit (i32.ge_s (i32.load offset=4 (local.get $2)) (i32.load offset=28 (local.get $2))))
    (i64.store offset=16 (local.get $2)
     (i64.add
      (i64.load offset=16 (local.get $2))
      (i64.extend_i32_s (call $square (i32.load offset=4 (local.get $2))))
     )
    )
    (i32.store offset=4 (local.get $2) (i32.add (i32.load offset=4 (local.get $2)) (i32.const 1)))
    (br $next)
   )
  )
  (local.set $5
   (i64.add (i64.load offset=16 (local.get $2)) (i64.trunc_f64_s (f64.load offset=8 (local.get $2))))
  )
  (local.set $4 (i32.add (local.get $2) (i32.const 32)))
  (global.set $__stack_pointer (local.get $4))
  (local.get $5)
 )
)
