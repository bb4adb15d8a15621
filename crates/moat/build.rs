//! Embeds the precompiled sandbox guest when the build names one in `MOAT_GUEST_CWASM`
//! (`scripts/build.sh` does: guest → `moat-precompile` → this), in the form moat-precompile
//! writes beside it for a single-run host, and the same guest uncompiled for `moat build`. Without it, `moat` builds without `--safe`, and
//! says so when asked for it.
//!
//! `moat` links as a position-dependent executable: a PIE would have the loader apply ~24,000
//! relocations and dirty their pages on every start (measured: 1.4 MB of peak RSS and 0.3 ms of
//! an empty script).

fn main() {
    println!("cargo:rerun-if-env-changed=MOAT_GUEST_CWASM");
    println!("cargo:rustc-link-arg-bins=-no-pie");
    // musl's string copies are slow on x86-64: every call goes to `src/mem.rs` instead.
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_ENV") == "musl" && target("CARGO_CFG_TARGET_ARCH") == "x86_64" {
        for f in ["memcpy", "memmove", "memset"] {
            println!("cargo:rustc-link-arg-bins=-Wl,--wrap={f}");
        }
    }
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("guest.rs");
    // The form moat-precompile writes for this binary beside the named `.cwasm`: code without
    // data segments and the memory image.
    let parts = std::env::var("MOAT_GUEST_CWASM").ok().and_then(|p| {
        let whole = std::path::Path::new(&p);
        let parts = [
            whole.with_extension("cli.cwasm"),
            whole.with_extension("cli.img"),
            whole.with_extension("cli.wasm"),
            whole.with_extension("cli.id"),
            whole.with_extension("serve.cwasm"),
        ];
        // Watched whether or not they exist yet: a part that appears later rebuilds.
        for part in &parts {
            println!("cargo:rerun-if-changed={}", part.display());
        }
        parts
            .iter()
            .all(|p| p.is_file())
            .then(|| parts.map(|p| std::fs::canonicalize(p).expect("guest path resolves")))
    });
    let code = match parts {
        Some([code, image, wasm, id, serve]) => {
            let id = std::fs::read_to_string(&id).expect("the guest's id is readable");
            // Aligned as `moat_sandbox::EMBED_ALIGN` asks, so the guest's code runs in place and
            // its memory image maps from the file.
            format!(
                "#[repr(C, align(65536))]\n\
                 struct Aligned<T: ?Sized>(T);\n\
                 static CODE: &Aligned<[u8]> = &Aligned(*include_bytes!({:?}));\n\
                 static IMAGE: &Aligned<[u8]> = &Aligned(*include_bytes!({:?}));\n\
                 pub static GUEST: Option<(&'static [u8], &'static [u8])> = Some((&CODE.0, &IMAGE.0));\n\
                 /// The guest's code uncompiled (what `moat build` writes apps with).\n\
                 pub static GUEST_WASM: Option<&'static [u8]> = Some(include_bytes!({:?}));\n\
                 /// Its identity (`moat_sandbox::app::guest_id`).\n\
                 pub const GUEST_ID: u64 = {};\n\
                 static SERVE: &Aligned<[u8]> = &Aligned(*include_bytes!({:?}));\n\
                 /// The guest's code with interruption checks, for `moat serve`.\n\
                 pub static GUEST_SERVE: Option<&'static [u8]> = Some(&SERVE.0);\n",
                code.display().to_string(),
                image.display().to_string(),
                wasm.display().to_string(),
                id.trim(),
                serve.display().to_string()
            )
        }
        None => "pub static GUEST: Option<(&'static [u8], &'static [u8])> = None;\n\
                 pub static GUEST_WASM: Option<&'static [u8]> = None;\n\
                 pub const GUEST_ID: u64 = 0;\n\
                 pub static GUEST_SERVE: Option<&'static [u8]> = None;\n"
            .to_string(),
    };
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
