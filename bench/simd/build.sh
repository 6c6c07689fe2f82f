#!/usr/bin/env bash
# Rebuilds the SIMD benchmark corpus of bench/simd/ from its C sources: each program at clang -O2,
# scalar (no -msimd128), as numeric C is usually shipped (<name>/<name>-O2.wasm). CI never runs
# this: the committed .wasm files are what is used. Folders without a <name>.c (modules from other
# toolchains) are not touched.
# Needs: clang-14 + wasm-ld (Debian packages clang-14, lld-14).
# Deterministic: running it twice gives identical bytes.
set -euo pipefail

SIMD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# C: wasm32, no libc, no entry point; each export is named explicitly (functions and data symbols).
# -fno-builtin: with no libc, clang must not turn loops into memset/memcpy calls that nothing defines.
CC=(clang --target=wasm32 -nostdlib -Wl,--no-entry -fno-builtin -O2)

# build <name> <export>...: <name>/<name>.c at -O2, with the given exports
build() {
  local name="$1"
  shift
  local exports=()
  for sym in "$@"; do exports+=("-Wl,--export=$sym"); done
  # compiled from inside the program's folder so that no absolute path can reach the output
  (cd "$SIMD_DIR/$name" && "${CC[@]}" "${exports[@]}" -o "$name-O2.wasm" "$name.c")
  # wasm-ld marks its output executable; these are data files.
  chmod 644 "$SIMD_DIR/$name/$name-O2.wasm"
}

# BLAS-like
build saxpy saxpy_sdot x y dots
build daxpy blas1_f64 x y stats
build sgemv sgemv_batch A X Y
build sad match cur ref sx sy sads corr
build imatmul imatmul A B C
# stencils
build jacobi2d jacobi2d A B
build heat1d heat1d u v
# image filters
build grayscale grayscale rgba gray out
build blur blur img rows
# signal processing
build dsp dsp_chain left right taps out peaks
build q15mix q15mix in gains out peaks

echo "built $(ls "$SIMD_DIR"/*/*-O2.wasm | wc -l) modules in $SIMD_DIR"
