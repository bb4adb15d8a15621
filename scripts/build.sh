#!/usr/bin/env bash
# Builds `moat` with the sandbox guest embedded: guest (wasm32-wasip1) → moat-precompile →
# moat. Prints the path of the binary. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
sysroot=$(scripts/setup.sh | tail -n 1)
target="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TARGET_DIR="$target"
source scripts/guest.sh
env "${guest_env[@]}" cargo build --profile guest --locked -p moat_guest --target wasm32-wasip1 >&2
cargo build --release --locked -p moat_sandbox --features compile --bin moat-precompile >&2
"$target/release/moat-precompile" "$target/wasm32-wasip1/guest/moat_guest.wasm" "$target/guest.cwasm"
source scripts/native.sh
MOAT_GUEST_CWASM="$target/guest.cwasm" cargo build --release --locked -p moat "${native_args[@]}" >&2
echo "$target/$native_dir/moat"
