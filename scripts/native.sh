# Sourced by build.sh and test.sh: how `moat` itself is built for this machine.
#
# On Linux with glibc, `moat` links statically and position-dependent: no dynamic loader run,
# no libgcc_s or libm to map and relocate. That is 0.3 ms of an empty script's 1.7 ms (bench/).
# glibc's name-service lookups (`getaddrinfo`, `getpwuid_r`) still load the system's NSS
# modules at run time, as in any static glibc program.
# Static linking needs an explicit `--target`, so that build scripts and proc-macros stay
# ordinary host programs (a static target cannot load a proc-macro).
host=$(rustc -vV | sed -n 's/^host: //p')
native_args=(--target "$host")
native_dir="$host/release"
case "$host" in
  *-linux-gnu)
    # A static program cannot look up libc's `getrandom` at run time, and the getrandom crate
    # would fall back to opening and polling /dev/random: name the backend instead.
    export "CARGO_TARGET_$(tr 'a-z-' 'A-Z_' <<<"$host")_RUSTFLAGS=-C target-feature=+crt-static -C relocation-model=static --cfg getrandom_backend=\"linux_getrandom\""
    ;;
esac
