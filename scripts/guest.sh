# Sourced by build.sh and .ci/run once `sysroot` is set (scripts/setup.sh prints it): how the
# guest's C code (QuickJS) is compiled for wasm32-wasip1.
# - clang-16 targets plain wasm unless told; bulk memory turns its memcpy and memset into single
#   instructions (Rust code has them by default). scripts/guest_libc.h is force-included: short
#   copies in place, and a fast strtod; its checksum is in the flags so that an edit rebuilds
#   the C.
# - -O2 comes after the profile's -O3 and wins: Cranelift runs -O2's interpreter loop about 20%
#   faster (loops, property and array access), and the smaller code loads sooner.
# - Each call costs Cranelift's code a stack check and the saving of every callee-saved register
#   the callee uses, about fifteen instructions more than native code pays, so the guest's C
#   inlines more than clang's default: the string, atom and refcount helpers that JSON and
#   string work call millions of times. Higher thresholds start to bloat the interpreter loop.
# - -flto leaves the C as bitcode for the guest's link, where rustc's newer LLVM optimises and
#   compiles it: 3% fewer instructions in the compute mix of bench/ than clang-16's code.
guest_libc="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/guest_libc.h"
guest_cflags=(--sysroot="$sysroot" -mbulk-memory -mnontrapping-fptoint -O2 -flto
  -mllvm -inline-threshold=400 -mllvm -inlinehint-threshold=800
  -include "$guest_libc" -DMOAT_GUEST_LIBC="$(cksum < "$guest_libc" | cut -d' ' -f1)")
guest_env=(RQUICKJS_SYS_NO_WASI_SDK=1 CC_wasm32_wasip1=clang-16 AR_wasm32_wasip1=llvm-ar-16
  "CFLAGS_wasm32_wasip1=${guest_cflags[*]}")
