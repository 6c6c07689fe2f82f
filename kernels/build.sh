#!/usr/bin/env bash
# Rebuilds every compiled module of the built-in kernel suite (kernels/wasmtune-v0) and of examples/
# from its source. CI never runs this: the committed .wasm files are what is used.
# Needs: clang-14 + wasm-ld (Debian), and the project's node_modules (assemblyscript, wabt).
# Deterministic: running it twice gives identical bytes.
set -euo pipefail

KERNELS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$KERNELS_DIR/.." && pwd)"
SUITE="$KERNELS_DIR/wasmtune-v0"

# C: wasm32, no libc, no entry point; each export is named explicitly (functions and data symbols).
CC=(clang --target=wasm32 -nostdlib -Wl,--no-entry)
# AssemblyScript: unoptimised, stub runtime (bump allocator, no GC), no assertions.
ASC=(npx --no-install asc --optimizeLevel 0 --shrinkLevel 0 --runtime stub --noAssert)
WAT2WASM=(node "$KERNELS_DIR/wat2wasm.mjs")

cd "$SUITE"

# ---- C, clang -O0 ----
"${CC[@]}" -O0 -Wl,--export=matmul -Wl,--export=A -Wl,--export=B -Wl,--export=C \
  -o matmul/module.wasm matmul/matmul.c
"${CC[@]}" -O0 -Wl,--export=jacobi_2d -Wl,--export=A -Wl,--export=B \
  -o jacobi2d/module.wasm jacobi2d/jacobi2d.c
"${CC[@]}" -O0 -Wl,--export=sha256 -Wl,--export=message -Wl,--export=digest \
  -o sha256/module.wasm sha256/sha256.c
"${CC[@]}" -O0 -Wl,--export=sort_ints -Wl,--export=data \
  -o sort/module.wasm sort/sort.c
"${CC[@]}" -O0 -Wl,--export=nbody -Wl,--export=px -Wl,--export=py -Wl,--export=pz \
  -Wl,--export=vx -Wl,--export=vy -Wl,--export=vz -Wl,--export=mass \
  -o nbody/module.wasm nbody/nbody.c
"${CC[@]}" -O0 -Wl,--export=word_freq -Wl,--export=text -Wl,--export=table -Wl,--export=top -Wl,--export=overflow \
  -o wordfreq/module.wasm wordfreq/wordfreq.c
"${CC[@]}" -O0 -Wl,--export=render -Wl,--export=scene -Wl,--export=image \
  -o raytrace/module.wasm raytrace/raytrace.c

# ---- C, clang -O1 ----
"${CC[@]}" -O1 -Wl,--export=power_iteration -Wl,--export=M -Wl,--export=x -Wl,--export=y \
  -o matvec/module.wasm matvec/matvec.c
"${CC[@]}" -O1 -Wl,--export=fft -Wl,--export=re -Wl,--export=im \
  -o fft/module.wasm fft/fft.c
"${CC[@]}" -O1 -Wl,--export=floyd_warshall -Wl,--export=dist \
  -o floyd/module.wasm floyd/floyd.c

# ---- reference builds: every C kernel at clang -O2 (kernels/reference-o2/<name>/module.wasm) ----
# Not suite kernels: each has the same exports as its suite kernel and is run with that kernel's
# harness. They show how close wt-promote-stack gets to the compiler's own register allocation.
# -fno-builtin: with no libc, clang must not turn loops into memset/memcpy calls that nothing defines.
REF="$KERNELS_DIR/reference-o2"
for k in matmul jacobi2d sha256 sort nbody wordfreq raytrace matvec fft floyd; do mkdir -p "$REF/$k"; done
"${CC[@]}" -O2 -fno-builtin -Wl,--export=matmul -Wl,--export=A -Wl,--export=B -Wl,--export=C \
  -o "$REF/matmul/module.wasm" matmul/matmul.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=jacobi_2d -Wl,--export=A -Wl,--export=B \
  -o "$REF/jacobi2d/module.wasm" jacobi2d/jacobi2d.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=sha256 -Wl,--export=message -Wl,--export=digest \
  -o "$REF/sha256/module.wasm" sha256/sha256.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=sort_ints -Wl,--export=data \
  -o "$REF/sort/module.wasm" sort/sort.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=nbody -Wl,--export=px -Wl,--export=py -Wl,--export=pz \
  -Wl,--export=vx -Wl,--export=vy -Wl,--export=vz -Wl,--export=mass \
  -o "$REF/nbody/module.wasm" nbody/nbody.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=word_freq -Wl,--export=text -Wl,--export=table -Wl,--export=top -Wl,--export=overflow \
  -o "$REF/wordfreq/module.wasm" wordfreq/wordfreq.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=render -Wl,--export=scene -Wl,--export=image \
  -o "$REF/raytrace/module.wasm" raytrace/raytrace.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=power_iteration -Wl,--export=M -Wl,--export=x -Wl,--export=y \
  -o "$REF/matvec/module.wasm" matvec/matvec.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=fft -Wl,--export=re -Wl,--export=im \
  -o "$REF/fft/module.wasm" fft/fft.c
"${CC[@]}" -O2 -fno-builtin -Wl,--export=floyd_warshall -Wl,--export=dist \
  -o "$REF/floyd/module.wasm" floyd/floyd.c

# ---- AssemblyScript, unoptimised (--debug only adds the name section; the code is identical without it) ----
# Compiled from inside each kernel's folder so the function names in the name section carry no path.
(cd crc32 && "${ASC[@]}" --debug crc32.ts --outFile module.wasm)
(cd conv2d && "${ASC[@]}" --debug conv2d.ts --outFile module.wasm)
(cd lu && "${ASC[@]}" --debug lu.ts --outFile module.wasm)

# ---- hand-written WAT (wabt, names kept) ----
"${WAT2WASM[@]}" fir/fir.wat fir/module.wasm
"${WAT2WASM[@]}" bfs/bfs.wat bfs/module.wasm
"${WAT2WASM[@]}" rle/rle.wat rle/module.wasm

# ---- examples/ (modules from outside the suite, used by CLI tests) ----
cd "$ROOT/examples"
"${WAT2WASM[@]}" blur/blur.wat blur/blur.wasm
"${WAT2WASM[@]}" life/life.wat life/life.wasm
"${WAT2WASM[@]}" intern/intern.wat intern/intern.wasm
"${CC[@]}" -O0 -Wl,--export=dot -Wl,--export=x -Wl,--export=y \
  -o dot/dot.wasm dot/dot.c

# wasm-ld marks its output executable; these are data files.
chmod 644 "$SUITE"/*/module.wasm "$REF"/*/module.wasm "$ROOT"/examples/*/*.wasm
echo "built $(ls "$SUITE"/*/module.wasm | wc -l) suite modules, $(ls "$REF"/*/module.wasm | wc -l) clang -O2 reference modules and $(ls "$ROOT"/examples/*/*.wasm | wc -l) example modules"
