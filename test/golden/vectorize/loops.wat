;; Loops for wt-vectorize, one exported function each, all with the signature (p q r n): three byte
;; addresses and a trip count, so a test can call every function with overlapping, disjoint and
;; unaligned arrays. The first fourteen are vectorized (some with run-time alias checks); the rest are
;; refused, each for the reason its name says, except the loops of compiler shapes at the end.
(module
  (memory (export "memory") 1)
  (global $K i32 (i32.const 7))

  ;; i32 lanes, index form, while-exit: p[i] = q[i] + r[i] * K.
  (func (export "add_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2))))
                   (i32.mul (i32.load (i32.add (local.get $r) (i32.shl (local.get $i) (i32.const 2)))) (global.get $K))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; f32 lanes, pointer increments and a countdown in a do-while (clang -O2): p[i] = 2.5 * q[i] + p[i].
  (func (export "saxpy_f32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then
        (loop $L
          (f32.store (local.get $p)
            (f32.add (f32.mul (f32.const 2.5) (f32.load (local.get $q))) (f32.load (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (local.set $q (i32.add (local.get $q) (i32.const 4)))
          (br_if $L (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))))

  ;; f64 lanes, while-if (AssemblyScript's for), float unary ops and an invariant local: p[i] = sqrt(|q[i]|) / s.
  (func (export "scale_f64") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $s f64)
    (local.set $s (f64.convert_i32_s (i32.add (local.get $n) (i32.const 1))))
    (loop $L
      (if (i32.lt_s (local.get $i) (local.get $n))
        (then
          (f64.store offset=8 (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3)))
            (f64.div (f64.sqrt (f64.abs (f64.load offset=8 (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))))) (local.get $s)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $L)))))

  ;; i8 lanes: p[i] = (q[i] >> 1) + 3 - (q[i] < 100), bytes read zero-extended.
  (func (export "bytes_u8") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $x i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (i32.load8_u (i32.add (local.get $q) (local.get $i))))
        (i32.store8 (i32.add (local.get $p) (local.get $i))
          (i32.sub (i32.add (i32.shr_u (local.get $x) (i32.const 1)) (i32.const 3)) (i32.lt_u (local.get $x) (i32.const 100))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; i16 lanes, signed: p[i] = min(q[i], 100) as a select on a signed comparison.
  (func (export "clamp_i16") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $x i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $x (i32.load16_s (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 1)))))
        (i32.store16 (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 1)))
          (select (local.get $x) (i32.const 100) (i32.lt_s (local.get $x) (i32.const 100))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; A sum reduction over i32 (exact in any order).
  (func (export "sum_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $s (i32.const 17))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (i32.mul (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; A signed max reduction written as a select, and a subtraction reduction, in one loop.
  (func (export "max_sub_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
    (local $i i32) (local $m i32) (local $d i32) (local $x i32)
    (local.set $m (i32.const -2147483648))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $x (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $m (select (local.get $m) (local.get $x) (i32.gt_s (local.get $m) (local.get $x))))
        (local.set $d (i32.sub (local.get $d) (local.get $x)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.xor (local.get $m) (local.get $d)))

  ;; An i64 xor reduction with an i64 counter.
  (func (export "xor_i64") (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i64)
    (local $i i64) (local $s i64) (local $N i64)
    (local.set $N (i64.extend_i32_s (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i64.ge_s (local.get $i) (local.get $N)))
        (local.set $s (i64.xor (local.get $s) (i64.add (i64.load (i32.add (local.get $q) (i32.wrap_i64 (i64.shl (local.get $i) (i64.const 3))))) (local.get $i))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (local.get $s))

  ;; Floyd–Warshall's inner loop (clang -O1): if (q[j] + w < p[j]) p[j] = q[j] + w, a conditional store.
  (func (export "relax_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $t i32) (local $w i32)
    (local.set $w (i32.and (local.get $r) (i32.const 63)))
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then
        (loop $L
          (if (i32.lt_s (local.tee $t (i32.add (i32.load (local.get $q)) (local.get $w))) (i32.load (local.get $p)))
            (then (i32.store (local.get $p) (local.get $t))))
          (local.set $q (i32.add (local.get $q) (i32.const 4)))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (br_if $L (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))))

  ;; The induction variable as a value, and an f32 conversion: p[i] = f32(i * 3) + q[i].
  (func (export "iota_f32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (f32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (f32.add (f32.convert_i32_s (i32.mul (local.get $i) (i32.const 3))) (f32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; A loop-invariant load that the loop's own stores may overwrite: p[i] = p[i] * r[0].
  (func (export "invariant_load") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.mul (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))) (i32.load (local.get $r))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; The same array read one element ahead (an anti-dependence a vector apart is safe: 4 elements).
  (func (export "shift_ahead") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.load offset=16 (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; i64 lanes with a signed comparison: p[i] = q[i] < r[i] ? q[i] : r[i] * 5.
  (func (export "min_i64") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $a i64) (local $b i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $a (i64.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $b (i64.mul (i64.load (i32.add (local.get $r) (i32.shl (local.get $i) (i32.const 3)))) (i64.const 5)))
        (i64.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3)))
          (select (local.get $a) (local.get $b) (i64.lt_s (local.get $a) (local.get $b))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; A temporary that is live after the loop: its last value must be the scalar loop's.
  (func (export "live_out") (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
    (local $i i32) (local $t i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $t (i32.xor (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 255)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (local.get $t))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.add (local.get $t) (local.get $i)))

  ;; ---- refused ----

  ;; A float sum: reassociation changes the rounding (vectorized only by wt-vectorize-fast under fast-math).
  (func (export "sum_f64") (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result f64)
    (local $i i32) (local $s f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (f64.add (local.get $s) (f64.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; Integer division: Wasm SIMD has none.
  (func (export "div_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.div_s (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; A prefix sum: p[i] = p[i] + p[i-1] depends on the previous iteration (distance 4 bytes).
  (func (export "prefix_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (local.set $i (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))
                   (i32.load offset=0 (i32.sub (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (i32.const 4)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; A gather: the address is loaded from memory.
  (func (export "gather_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.load (i32.add (local.get $q) (i32.and (i32.load (i32.add (local.get $r) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 1020)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Bytes summed into an i32: widened, pairwise sums into an i32x4 accumulator.
  (func (export "widen_u8") (param $p i32) (param $q i32) (param $r i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $q) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; Stride 2: every other element.
  (func (export "stride2_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; An unsigned i64 comparison: i64x2 has only signed ones.
  (func (export "ltu_i64") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $a i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $a (i64.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))))
        (i64.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3)))
          (select (local.get $a) (i64.const 9) (i64.lt_u (local.get $a) (i64.const 9))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; A call in the body.
  (func $id (param $x i32) (result i32) (local.get $x))
  (func (export "call_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (call $id (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Vectorized: clang -O0's loop after wt-promote-stack: `i < n - 1` through test temporaries and
  ;; `i32.and … 1`, the counter updated through a copy (`c = i; i = c + 1`): p[i] = q[i] + r[i].
  (func (export "o0_minus_one") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $x i32) (local $t i32) (local $c i32)
    (block $out
      (loop $L
        (br_if $out
          (i32.eqz
            (i32.and
              (i32.lt_s
                (block (result i32) (local.set $x (local.get $i)) (local.get $x))
                (block (result i32) (local.set $t (i32.sub (local.get $n) (i32.const 1))) (local.get $t)))
              (i32.const 1))))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.add (i32.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2))))
                   (i32.load (i32.add (local.get $r) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $c (local.get $i))
        (local.set $i (i32.add (local.get $c) (i32.const 1)))
        (br $L))))

  ;; Vectorized: clang -O0 before any Binaryen pass: the test computed by statements before the exit
  ;; branch, the body reading i again into temporaries, the update `u = i; i = u + 1`: p[i] = q[i] * 3.
  (func (export "o0_prefix_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $a i32) (local $b i32) (local $d i32) (local $x i32) (local $o i32) (local $u i32)
    (block $out
      (loop $L
        (local.set $a (local.get $i))
        (local.set $b (local.get $n))
        (local.set $d (i32.and (i32.lt_s (local.get $a) (local.get $b)) (i32.const 1)))
        (br_if $out (i32.eqz (local.get $d)))
        (local.set $x (local.get $i))
        (local.set $o (i32.shl (local.get $x) (i32.const 2)))
        (i32.store (i32.add (local.get $p) (local.get $o))
          (i32.mul (i32.load (i32.add (local.get $q) (local.get $o))) (i32.const 3)))
        (local.set $u (local.get $i))
        (local.set $i (i32.add (local.get $u) (i32.const 1)))
        (br $L))))

  ;; Vectorized: a stencil as -O3 leaves clang -O0 code (jacobi-2d): the bound `n - 1` in the test, a
  ;; temporary teed inside an address, the update `local.tee $i (i + 1)` inside the last load's address,
  ;; and a later store addressed by i after the update: p[i] = (q[i-1] + q[i] + q[i+1]) * 0.5; r[i+1] = 1.
  (func (export "tee_stencil_f32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32) (local $o i32)
    (local.set $i (i32.const 1))
    (loop $L
      (if (i32.lt_s (local.get $i) (i32.sub (local.get $n) (i32.const 1)))
        (then
          (f32.store (i32.add (local.get $p) (local.tee $o (i32.shl (local.get $i) (i32.const 2))))
            (f32.mul
              (f32.add
                (f32.add
                  (f32.load (i32.add (local.get $q) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2))))
                  (f32.load (i32.add (local.get $q) (local.get $o))))
                (f32.load (i32.add (local.get $q) (i32.shl (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 2)))))
              (f32.const 0.5)))
          (f32.store (i32.add (local.get $r) (i32.shl (local.get $i) (i32.const 2))) (f32.const 1))
          (br $L)))))

  ;; Refused (control-flow): a counted loop (the counter is updated on both paths), but an if/else.
  (func (export "two_paths_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (if (i32.and (local.get $i) (i32.const 1))
          (then
            (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (i32.const 1))
            (local.set $i (i32.add (local.get $i) (i32.const 1))))
          (else
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (br $next))))

  ;; Refused (not-counted:bound): the bound is loaded from memory the loop stores to.
  (func (export "load_bound_i32") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (i32.store (local.get $r) (local.get $n))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (i32.load (local.get $r))))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Refused (iv-read-after-update): the counter, updated inside an address, is then stored as a value.
  (func (export "iv_after_tee") (param $p i32) (param $q i32) (param $r i32) (param $n i32)
    (local $i i32)
    (loop $L
      (if (i32.lt_s (local.get $i) (local.get $n))
        (then
          (i32.store (i32.add (local.get $p) (i32.shl (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 2)))
            (local.get $i))
          (br $L)))))
)
