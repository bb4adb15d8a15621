#!/usr/bin/env bash
# Builds the vendored engine with each C test of vendor/tests and runs it (assertions on, so
# that JS_FreeRuntime checks for leaks). Needs a C compiler; builds in a temporary directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/rquickjs-sys/quickjs"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cc="${CC:-cc}"
for f in libregexp libunicode quickjs dtoa; do
  "$cc" -O1 -g -D_GNU_SOURCE -w -c "$src/$f.c" -o "$out/$f.o" &
done
wait
status=0
for t in "$here"/tests/*.c; do
  name="$(basename "$t" .c)"
  "$cc" -O1 -g -D_GNU_SOURCE -I"$src" "$t" "$out"/*.o -lm -lpthread -o "$out/$name"
  echo "# $name"
  "$out/$name" || status=1
done
exit $status
