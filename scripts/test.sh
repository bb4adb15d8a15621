#!/usr/bin/env bash
# The whole test suite: unit tests of every crate, then the spec cases under tests/, each run
# natively and inside the --safe sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
scripts/npm-deps.sh
# A stock WASI runtime for the built-app tests (crates/moat/tests/built_apps.rs).
MOAT_WASMTIME=$(scripts/wasmtime-cli.sh)
export MOAT_WASMTIME
target="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TARGET_DIR="$target"
source scripts/native.sh
MOAT_GUEST_CWASM="$target/guest.cwasm" cargo test --release --locked --workspace --exclude moat_guest \
  --features moat_sandbox/compile "${native_args[@]}"
