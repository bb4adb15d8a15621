//! Embeds the precompiled sandbox guest when the build names one in `MOAT_GUEST_CWASM`
//! (`scripts/build.sh` does: guest → `moat-precompile` → this). Without it, `moat` builds
//! without `--safe`, and says so when asked for it.
//!
//! `moat` links as a position-dependent executable: a PIE would have the loader apply ~24,000
//! relocations and dirty their pages on every start (measured: 1.4 MB of peak RSS and 0.3 ms of
//! an empty script).

fn main() {
    println!("cargo:rerun-if-env-changed=MOAT_GUEST_CWASM");
    println!("cargo:rustc-link-arg-bins=-no-pie");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("guest.rs");
    let code = match std::env::var("MOAT_GUEST_CWASM") {
        Ok(p) if std::path::Path::new(&p).is_file() => {
            let abs = std::fs::canonicalize(&p).expect("guest path resolves");
            println!("cargo:rerun-if-changed={}", abs.display());
            // Aligned as `moat_sandbox::EMBED_ALIGN` asks, so the guest's code runs in place.
            format!(
                "#[repr(C, align(65536))]\n\
                 struct Aligned<T: ?Sized>(T);\n\
                 static EMBEDDED: &Aligned<[u8]> = &Aligned(*include_bytes!({:?}));\n\
                 pub static GUEST_CWASM: Option<&'static [u8]> = Some(&EMBEDDED.0);\n",
                abs.display().to_string()
            )
        }
        _ => "pub static GUEST_CWASM: Option<&'static [u8]> = None;\n".to_string(),
    };
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
