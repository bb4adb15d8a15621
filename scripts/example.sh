#!/usr/bin/env bash
# Builds moat and runs the examples, natively and in the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
moat=$(scripts/build.sh)
"$moat" examples/hello.js moat
"$moat" --safe examples/hello.js sandbox
"$moat" examples/app/main.mjs
"$moat" --safe examples/app/main.mjs
