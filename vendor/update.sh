#!/usr/bin/env bash
# The engine crate moat builds (vendor/rquickjs-sys) is the upstream rquickjs-sys release named
# below with the patches of vendor/patches/series applied in order. docs/engine.md explains the
# workflow.
#
#   vendor/update.sh          rebuild vendor/rquickjs-sys from the release and the series
#   vendor/update.sh check    exit 1 unless vendor/rquickjs-sys is exactly release + series
#   vendor/update.sh diff     print what vendor/rquickjs-sys has beyond release + series (the
#                             body of a new patch)
#   vendor/update.sh diff P   the same against the release with the series applied up to the
#                             patch before P (the new body of patch P, when nothing follows it)
#
# The release comes from cargo's download cache when it is there, else from crates.io; its
# SHA-256 is checked either way.
set -euo pipefail
version=0.14.0
sha256=cee271d0eeba64f0915b846cb7ae02e16faf3dfdffdca91731101d9d30fe3423
# Left out of the vendored copy: vendor/, a prebuilt wasi-libc for wasm32-unknown-unknown, a target moat
# does not build.
excluded=(vendor .cargo_vcs_info.json)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mode="${1:-apply}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

crate="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/rquickjs-sys-$version.crate 2>/dev/null | head -n 1 || true)"
if [ -z "$crate" ]; then
  crate="$work/rquickjs-sys-$version.crate"
  curl -fsSL -o "$crate" "https://static.crates.io/crates/rquickjs-sys/rquickjs-sys-$version.crate"
fi
echo "$sha256  $crate" | sha256sum -c --quiet -
tar -xzf "$crate" -C "$work"
tree="$work/rquickjs-sys-$version"
for path in "${excluded[@]}"; do rm -rf "${tree:?}/$path"; done

stop="${2:-}"
while read -r name; do
  case "$name" in '' | '#'*) continue ;; esac
  [ "$name" = "$stop" ] && break
  patch -d "$tree" -p1 --quiet --no-backup-if-mismatch < "$here/patches/$name" ||
    { echo "patch $name does not apply" >&2; exit 1; }
done < "$here/patches/series"

case "$mode" in
  apply)
    rm -rf "$here/rquickjs-sys"
    cp -a "$tree" "$here/rquickjs-sys"
    ;;
  check)
    diff -r -q "$tree" "$here/rquickjs-sys" >&2 ||
      { echo "vendor/rquickjs-sys differs from release $version + vendor/patches/series" >&2; exit 1; }
    ;;
  diff)
    (cd "$work" && cp -a "$here/rquickjs-sys" b && mv "rquickjs-sys-$version" a &&
      git diff --no-index --no-color --src-prefix= --dst-prefix= a b) || true
    ;;
  *)
    echo "usage: vendor/update.sh [apply|check|diff]" >&2
    exit 2
    ;;
esac
