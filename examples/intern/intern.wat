;; Word counting through a host string table: the workload splits a text held in linear memory into
;; words and, for each word, asks the host (the imported function env.intern) for the word's id, the
;; way a wasm-bindgen module passes strings to JavaScript as (pointer, length). It counts occurrences
;; per id and returns the number of words. Hand-written; assemble with
;;   node kernels/wat2wasm.mjs examples/intern/intern.wat examples/intern/intern.wasm
(module
  (import "env" "intern" (func $intern (param $ptr i32) (param $len i32) (result i32)))
  (memory (export "memory") 1)

  ;; Layout: the text at 1024 (up to 16 KiB), then 1024 i32 counters at 32768.
  (global $text (export "text") i32 (i32.const 1024))
  (global $counts (export "counts") i32 (i32.const 32768))
  (global $slots i32 (i32.const 1024))

  ;; Is the byte at $p a word separator (space, newline, tab)?
  (func $is_space (param $p i32) (result i32)
    (local $c i32)
    (local.set $c (i32.load8_u (local.get $p)))
    (i32.or
      (i32.eq (local.get $c) (i32.const 32))
      (i32.or
        (i32.eq (local.get $c) (i32.const 10))
        (i32.eq (local.get $c) (i32.const 9)))))

  ;; counts[id mod 1024] += 1
  (func $bump (param $id i32)
    (local $at i32)
    (local.set $at
      (i32.add
        (global.get $counts)
        (i32.mul (i32.rem_u (local.get $id) (global.get $slots)) (i32.const 4))))
    (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1))))

  ;; Clear the counters, then count the words of text[0, len). Returns the number of words.
  (func (export "count") (param $len i32) (result i32)
    (local $i i32) (local $end i32) (local $start i32) (local $words i32)
    (local.set $i (i32.const 0))
    (block $cleared
      (loop $clear
        (br_if $cleared (i32.ge_u (local.get $i) (global.get $slots)))
        (i32.store
          (i32.add (global.get $counts) (i32.mul (local.get $i) (i32.const 4)))
          (i32.const 0))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $clear)))
    (local.set $i (global.get $text))
    (local.set $end (i32.add (global.get $text) (local.get $len)))
    (block $done
      (loop $next
        ;; skip separators
        (block $word
          (loop $skip
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (br_if $word (i32.eqz (call $is_space (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $skip)))
        ;; a word runs to the next separator or the end
        (local.set $start (local.get $i))
        (block $ended
          (loop $scan
            (br_if $ended (i32.ge_u (local.get $i) (local.get $end)))
            (br_if $ended (call $is_space (local.get $i)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $scan)))
        (call $bump
          (call $intern (local.get $start) (i32.sub (local.get $i) (local.get $start))))
        (local.set $words (i32.add (local.get $words) (i32.const 1)))
        (br $next)))
    (local.get $words)))
