//! Embeds the precompiled sandbox guest when the build names one in `MOAT_GUEST_CWASM`
//! (`scripts/build.sh` does: guest → `moat-precompile` → this). Without it, `moat` builds
//! without `--safe`, and says so when asked for it.

fn main() {
    println!("cargo:rerun-if-env-changed=MOAT_GUEST_CWASM");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("guest.rs");
    let code = match std::env::var("MOAT_GUEST_CWASM") {
        Ok(p) if std::path::Path::new(&p).is_file() => {
            let abs = std::fs::canonicalize(&p).expect("guest path resolves");
            println!("cargo:rerun-if-changed={}", abs.display());
            format!(
                "pub static GUEST_CWASM: Option<&[u8]> = Some(include_bytes!({:?}));\n",
                abs.display().to_string()
            )
        }
        _ => "pub static GUEST_CWASM: Option<&[u8]> = None;\n".to_string(),
    };
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
