#!/usr/bin/env bash
# Installs what building moat needs on Debian 12: clang-16 and wasi-libc for the wasm guest,
# musl-gcc and the musl target for `moat` itself (scripts/native.sh), the rustup targets, and a
# sysroot folder that points clang at Debian's wasi headers.
set -euo pipefail
need=()
command -v clang-16 >/dev/null || need+=(clang-16)
command -v llvm-ar-16 >/dev/null || need+=(llvm-16)
[ -d /usr/include/wasm32-wasi ] || need+=(wasi-libc)
source "$(dirname "$0")/native.sh"
if [[ "$native_target" == *-musl ]]; then
  command -v musl-gcc >/dev/null || need+=(musl-tools)
fi
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
for t in wasm32-wasip1 "$native_target"; do
  rustup target list --installed | grep -qx "$t" || rustup target add "$t"
done
sysroot="${MOAT_WASI_SYSROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/moat/wasi-sysroot}"
mkdir -p "$sysroot/lib"
ln -sfn /usr/include/wasm32-wasi "$sysroot/include"
ln -sfn /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasip1"
echo "$sysroot"
