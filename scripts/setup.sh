#!/usr/bin/env bash
# Installs what building moat needs on Debian 12: clang-16 and wasi-libc for the wasm guest,
# the rustup target, and a sysroot folder that points clang at Debian's wasi headers.
set -euo pipefail
need=()
command -v clang-16 >/dev/null || need+=(clang-16)
command -v llvm-ar-16 >/dev/null || need+=(llvm-16)
[ -d /usr/include/wasm32-wasi ] || need+=(wasi-libc)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1
sysroot="${MOAT_WASI_SYSROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/moat/wasi-sysroot}"
mkdir -p "$sysroot/lib"
ln -sfn /usr/include/wasm32-wasi "$sysroot/include"
ln -sfn /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasip1"
echo "$sysroot"
