#!/usr/bin/env bash
# Rebuilds the benchmark modules of bench/modules/ from their C sources: each program at clang -O0 and
# at clang -O1 (<name>/<name>-O0.wasm, <name>/<name>-O1.wasm). CI never runs this: the committed .wasm
# files are what is used.
# Needs: clang-14 + wasm-ld (Debian packages clang-14, lld-14).
# Deterministic: running it twice gives identical bytes.
set -euo pipefail

MODULES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# C: wasm32, no libc, no entry point; each export is named explicitly (functions and data symbols).
# -fno-builtin: with no libc, clang must not turn loops into memset/memcpy calls that nothing defines.
CC=(clang --target=wasm32 -nostdlib -Wl,--no-entry -fno-builtin)

# build <name> <export>...: <name>/<name>.c at -O0 and -O1, with the given exports
build() {
  local name="$1"
  shift
  local exports=()
  for sym in "$@"; do exports+=("-Wl,--export=$sym"); done
  for level in O0 O1; do
    # compiled from inside the module's folder so that no absolute path can reach the output
    (cd "$MODULES_DIR/$name" && "${CC[@]}" "-$level" "${exports[@]}" -o "$name-$level.wasm" "$name.c")
    # wasm-ld marks its output executable; these are data files.
    chmod 644 "$MODULES_DIR/$name/$name-$level.wasm"
  done
}

build json json_lines input output summary
build lzss lzss_roundtrip input packed coded unpacked stats
build regex grep_all text counts compile_errors
build bignum bignum_run A B M E P Q R X G decimal result_sizes
build vm vm_run vm_data vm_out vm_status

echo "built $(ls "$MODULES_DIR"/*/*-O[01].wasm | wc -l) modules in $MODULES_DIR"
