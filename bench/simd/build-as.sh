#!/usr/bin/env bash
# Rebuilds the AssemblyScript programs of the SIMD corpus (bench/simd/as-*/module.wasm) from their
# sources, as release builds: asc --optimize (optimize level 3, shrink level 0: asc's defaults for a
# release) with the stub runtime (bump allocator, no GC) and without assertions. No SIMD feature is
# enabled: the modules are scalar code, as a project that ships AssemblyScript without opting into SIMD
# gets it. No name section (--debug is not given): what a release ships.
#
# Each source is <dir>/assembly/<name>.ts, AssemblyScript's own layout; the project's TypeScript build
# leaves assembly/ folders out (tsconfig.json, src/proc/compiled.ts). It is compiled from inside its
# folder, so no absolute path can reach the output.
#
# Needs only the project's node_modules (assemblyscript, the exact version in package.json). CI never
# runs this: the committed .wasm files are what is used.
# Deterministic: running it twice gives identical bytes.
set -euo pipefail

SIMD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SIMD_DIR/../.." && pwd)"
ASC=("$ROOT/node_modules/.bin/asc" --optimize --runtime stub --noAssert)

build() {
  local dir="$1" name="$2"
  (cd "$SIMD_DIR/$dir" && "${ASC[@]}" "assembly/$name.ts" --outFile module.wasm)
  chmod 644 "$SIMD_DIR/$dir/module.wasm"
  echo "$dir/module.wasm: $(wc -c < "$SIMD_DIR/$dir/module.wasm") bytes"
}

build as-imaging imaging
build as-dsp dsp
build as-blas blas
