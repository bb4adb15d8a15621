#!/usr/bin/env bash
# Installs the npm packages the spec cases use (tests/npm/package-lock.json) with `npm ci` into a
# cache outside the clone, keyed by the lockfile's hash, and copies them to tests/npm/node_modules
# (ignored by git), where the cases and the sandbox's read grants reach them.
set -euo pipefail
cd "$(dirname "$0")/../tests/npm"
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq npm >/dev/null
fi
hash=$(sha256sum package-lock.json | cut -c1-16)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/moat/npm/$hash"
if [ ! -f "$cache/.done" ]; then
  rm -rf "$cache"
  mkdir -p "$cache"
  cp package.json package-lock.json "$cache/"
  (cd "$cache" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$cache/.done"
fi
if [ "$(cat node_modules/.moat-lock 2>/dev/null)" != "$hash" ]; then
  rm -rf node_modules
  cp -a "$cache/node_modules" node_modules
  echo "$hash" > node_modules/.moat-lock
fi
