;; Breadth-first search on a random directed graph given as an edge list: builds a CSR adjacency
;; structure (counting sort), then runs BFS from several sources, recording for each the sum of the
;; hop distances and the number of reached vertices. Returns the sum over all sources.
;; Hand-written in the style of an unoptimising frontend: array accesses, queue operations and CSR
;; lookups are all small helper functions, queue state lives in globals.
(module
  (memory (export "memory") 15)
  ;; i32 arrays; capacities: 8192 vertices, 65536 edges
  (global $edges (export "edges") i32 (i32.const 1024))      ;; 2*E (src, dst) pairs, 512 KiB
  (global $offsets (export "offsets") i32 (i32.const 525312)) ;; V+1
  (global $cursor i32 (i32.const 558336))                    ;; V
  (global $adj (export "adj") i32 (i32.const 591104))         ;; E
  (global $dist (export "dist") i32 (i32.const 853248))       ;; V
  (global $queue i32 (i32.const 886016))                      ;; V
  (global $results (export "results") i32 (i32.const 918784)) ;; 2 per source, up to 1024 sources
  (global $q_head (mut i32) (i32.const 0))
  (global $q_tail (mut i32) (i32.const 0))

  (func $get (param $base i32) (param $i i32) (result i32)
    (i32.load (i32.add (local.get $base) (i32.mul (local.get $i) (i32.const 4)))))

  (func $set (param $base i32) (param $i i32) (param $v i32)
    (i32.store (i32.add (local.get $base) (i32.mul (local.get $i) (i32.const 4))) (local.get $v)))

  (func $fill (param $base i32) (param $n i32) (param $v i32)
    (local $i i32)
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (call $set (local.get $base) (local.get $i) (local.get $v))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func $edge_src (param $e i32) (result i32)
    (call $get (global.get $edges) (i32.mul (local.get $e) (i32.const 2))))

  (func $edge_dst (param $e i32) (result i32)
    (call $get (global.get $edges) (i32.add (i32.mul (local.get $e) (i32.const 2)) (i32.const 1))))

  (func $build_csr (param $nv i32) (param $ne i32)
    (local $e i32)
    (local $v i32)
    (local $src i32)
    (local $pos i32)
    ;; out-degree counts into offsets[v + 1]
    (call $fill (global.get $offsets) (i32.add (local.get $nv) (i32.const 1)) (i32.const 0))
    (local.set $e (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $e) (local.get $ne)))
        (local.set $src (i32.add (call $edge_src (local.get $e)) (i32.const 1)))
        (call $set (global.get $offsets) (local.get $src)
          (i32.add (call $get (global.get $offsets) (local.get $src)) (i32.const 1)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $next)))
    ;; prefix sum
    (local.set $v (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (local.get $v) (local.get $nv)))
        (call $set (global.get $offsets) (local.get $v)
          (i32.add (call $get (global.get $offsets) (local.get $v))
                   (call $get (global.get $offsets) (i32.sub (local.get $v) (i32.const 1)))))
        (local.set $v (i32.add (local.get $v) (i32.const 1)))
        (br $next)))
    ;; scatter destinations
    (local.set $v (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $v) (local.get $nv)))
        (call $set (global.get $cursor) (local.get $v) (call $get (global.get $offsets) (local.get $v)))
        (local.set $v (i32.add (local.get $v) (i32.const 1)))
        (br $next)))
    (local.set $e (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $e) (local.get $ne)))
        (local.set $src (call $edge_src (local.get $e)))
        (local.set $pos (call $get (global.get $cursor) (local.get $src)))
        (call $set (global.get $adj) (local.get $pos) (call $edge_dst (local.get $e)))
        (call $set (global.get $cursor) (local.get $src) (i32.add (local.get $pos) (i32.const 1)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $next))))

  (func $queue_reset
    (global.set $q_head (i32.const 0))
    (global.set $q_tail (i32.const 0)))

  (func $queue_empty (result i32)
    (i32.ge_s (global.get $q_head) (global.get $q_tail)))

  (func $queue_push (param $v i32)
    (call $set (global.get $queue) (global.get $q_tail) (local.get $v))
    (global.set $q_tail (i32.add (global.get $q_tail) (i32.const 1))))

  (func $queue_pop (result i32)
    (local $v i32)
    (local.set $v (call $get (global.get $queue) (global.get $q_head)))
    (global.set $q_head (i32.add (global.get $q_head) (i32.const 1)))
    (local.get $v))

  (func $neighbors_begin (param $v i32) (result i32)
    (call $get (global.get $offsets) (local.get $v)))

  (func $neighbors_end (param $v i32) (result i32)
    (call $get (global.get $offsets) (i32.add (local.get $v) (i32.const 1))))

  (func $visited (param $v i32) (result i32)
    (i32.ge_s (call $get (global.get $dist) (local.get $v)) (i32.const 0)))

  ;; BFS from $src; returns the sum of distances, stores the number of reached vertices in results
  (func $bfs_from (param $src i32) (param $nv i32) (param $slot i32) (result i32)
    (local $v i32)
    (local $w i32)
    (local $e i32)
    (local $end i32)
    (local $d i32)
    (local $sum i32)
    (local $reached i32)
    (call $fill (global.get $dist) (local.get $nv) (i32.const -1))
    (call $queue_reset)
    (call $set (global.get $dist) (local.get $src) (i32.const 0))
    (call $queue_push (local.get $src))
    (local.set $sum (i32.const 0))
    (local.set $reached (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (call $queue_empty))
        (local.set $v (call $queue_pop))
        (local.set $d (call $get (global.get $dist) (local.get $v)))
        (local.set $sum (i32.add (local.get $sum) (local.get $d)))
        (local.set $reached (i32.add (local.get $reached) (i32.const 1)))
        (local.set $e (call $neighbors_begin (local.get $v)))
        (local.set $end (call $neighbors_end (local.get $v)))
        (block $edges_done
          (loop $edge
            (br_if $edges_done (i32.ge_s (local.get $e) (local.get $end)))
            (local.set $w (call $get (global.get $adj) (local.get $e)))
            (if (i32.eqz (call $visited (local.get $w)))
              (then
                (call $set (global.get $dist) (local.get $w) (i32.add (local.get $d) (i32.const 1)))
                (call $queue_push (local.get $w))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $edge)))
        (br $next)))
    (call $set (global.get $results) (i32.mul (local.get $slot) (i32.const 2)) (local.get $sum))
    (call $set (global.get $results) (i32.add (i32.mul (local.get $slot) (i32.const 2)) (i32.const 1)) (local.get $reached))
    (local.get $sum))

  (func (export "bfs") (param $nv i32) (param $ne i32) (param $nsources i32) (result i32)
    (local $s i32)
    (local $total i32)
    (call $build_csr (local.get $nv) (local.get $ne))
    (local.set $total (i32.const 0))
    (local.set $s (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $s) (local.get $nsources)))
        (local.set $total
          (i32.add (local.get $total)
            (call $bfs_from
              (i32.rem_u (i32.mul (local.get $s) (i32.const 7919)) (local.get $nv))
              (local.get $nv)
              (local.get $s))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $next)))
    (local.get $total))
)
