# Sourced by build.sh and test.sh: how `moat` itself is built for this machine.
#
# On Linux, `moat` is a static, position-dependent musl program: no dynamic loader run, and no
# glibc start-up, which probes the CPU's caches with about 70 CPUID instructions before `main`
# (each one traps to the hypervisor in a VM: 0.54 ms of an empty script there; bench/). mimalloc
# stands in for musl's slower malloc (crates/moat/src/main.rs). setup.sh installs the target
# and musl-gcc, which builds the C parts (QuickJS, mimalloc).
# Static linking needs an explicit `--target`, so that build scripts and proc-macros stay
# ordinary host programs (a static target cannot load a proc-macro).
host=$(rustc -vV | sed -n 's/^host: //p')
native_target="$host"
case "$host" in
  x86_64-unknown-linux-gnu | aarch64-unknown-linux-gnu)
    native_target="${host%-gnu}-musl"
    flags="-C target-feature=+crt-static -C relocation-model=static"
    # x86-64-v3 (Haswell and later, 2013 on): the guest is compiled for it too
    # (moat_sandbox::precompile), so loading it asks the CPU nothing.
    [[ "$host" == x86_64-* ]] && flags+=" -C target-cpu=x86-64-v3"
    export "CARGO_TARGET_$(tr 'a-z-' 'A-Z_' <<<"$native_target")_RUSTFLAGS=$flags"
    ;;
esac
native_args=(--target "$native_target")
native_dir="$native_target/release"
