#!/usr/bin/env bash
# Installs the stock wasmtime CLI (crates.io's wasmtime-cli, built with `run` and Cranelift only)
# into a cache outside the clone, once per version, and prints its path. The tests run a built
# app with it to check that a module `moat build` writes runs on a WASI runtime that is not moat.
set -euo pipefail
version=48.0.8
root="${XDG_CACHE_HOME:-$HOME/.cache}/moat/wasmtime-cli-$version"
if [ ! -x "$root/bin/wasmtime" ]; then
  cargo install wasmtime-cli --version "$version" --locked --quiet \
    --no-default-features --features run,cranelift \
    --root "$root" --target-dir "$root/target" >&2
  rm -rf "$root/target"
fi
echo "$root/bin/wasmtime"
