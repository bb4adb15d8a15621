#!/usr/bin/env bash
# Builds moat and runs the examples, natively and in the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
moat=$(scripts/build.sh)
"$moat" examples/hello.js moat
"$moat" --safe examples/hello.js sandbox
"$moat" examples/app/main.mjs
"$moat" --safe examples/app/main.mjs
# The same app as one self-contained WebAssembly module, run in the sandbox.
"$moat" build examples/hello.js -o "${TMPDIR:-/tmp}/hello.wasm"
"$moat" "${TMPDIR:-/tmp}/hello.wasm" built
