;; Run-length encoding of a byte string into (count, byte) pairs (runs capped at 255), followed by
;; decoding and a byte-wise verification against the input. Returns the encoded length, or -1 when the
;; round trip fails. Hand-written in the style of an unoptimising frontend: byte access, run scanning and
;; emission are small helper functions.
(module
  (memory (export "memory") 20)
  ;; capacities: 262144-byte input, 524288-byte encoding, 262144-byte decoding
  (global $input (export "input") i32 (i32.const 1024))
  (global $encoded (export "encoded") i32 (i32.const 263168))
  (global $decoded (export "decoded") i32 (i32.const 787456))

  (func $read_byte (param $base i32) (param $i i32) (result i32)
    (i32.load8_u (i32.add (local.get $base) (local.get $i))))

  (func $write_byte (param $base i32) (param $i i32) (param $v i32)
    (i32.store8 (i32.add (local.get $base) (local.get $i)) (local.get $v)))

  (func $min (param $a i32) (param $b i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $a) (local.get $b))
      (then (local.get $a))
      (else (local.get $b))))

  ;; length of the run of equal bytes starting at $pos, at most 255 and not past $len
  (func $run_length (param $pos i32) (param $len i32) (result i32)
    (local $ch i32)
    (local $n i32)
    (local $limit i32)
    (local.set $ch (call $read_byte (global.get $input) (local.get $pos)))
    (local.set $limit (call $min (i32.sub (local.get $len) (local.get $pos)) (i32.const 255)))
    (local.set $n (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $n) (local.get $limit)))
        (br_if $done
          (i32.ne (call $read_byte (global.get $input) (i32.add (local.get $pos) (local.get $n)))
                  (local.get $ch)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  (func $emit_run (param $out i32) (param $count i32) (param $ch i32) (result i32)
    (call $write_byte (global.get $encoded) (local.get $out) (local.get $count))
    (call $write_byte (global.get $encoded) (i32.add (local.get $out) (i32.const 1)) (local.get $ch))
    (i32.add (local.get $out) (i32.const 2)))

  (func $encode (param $len i32) (result i32)
    (local $pos i32)
    (local $out i32)
    (local $n i32)
    (local.set $pos (i32.const 0))
    (local.set $out (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $pos) (local.get $len)))
        (local.set $n (call $run_length (local.get $pos) (local.get $len)))
        (local.set $out
          (call $emit_run (local.get $out) (local.get $n)
            (call $read_byte (global.get $input) (local.get $pos))))
        (local.set $pos (i32.add (local.get $pos) (local.get $n)))
        (br $next)))
    (local.get $out))

  (func $decode (param $enc_len i32) (result i32)
    (local $i i32)
    (local $out i32)
    (local $count i32)
    (local $ch i32)
    (local $k i32)
    (local.set $i (i32.const 0))
    (local.set $out (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $enc_len)))
        (local.set $count (call $read_byte (global.get $encoded) (local.get $i)))
        (local.set $ch (call $read_byte (global.get $encoded) (i32.add (local.get $i) (i32.const 1))))
        (local.set $k (i32.const 0))
        (block $run_done
          (loop $run
            (br_if $run_done (i32.ge_s (local.get $k) (local.get $count)))
            (call $write_byte (global.get $decoded) (local.get $out) (local.get $ch))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $run)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $next)))
    (local.get $out))

  (func $equal (param $a i32) (param $b i32) (param $len i32) (result i32)
    (local $i i32)
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $len)))
        (if (i32.ne (call $read_byte (local.get $a) (local.get $i))
                    (call $read_byte (local.get $b) (local.get $i)))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  (func (export "rle") (param $len i32) (result i32)
    (local $enc_len i32)
    (local.set $enc_len (call $encode (local.get $len)))
    (if (i32.ne (call $decode (local.get $enc_len)) (local.get $len))
      (then (return (i32.const -1))))
    (if (i32.eqz (call $equal (global.get $input) (global.get $decoded) (local.get $len)))
      (then (return (i32.const -1))))
    (local.get $enc_len))
)
