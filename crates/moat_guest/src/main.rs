//! The wasm32-wasip1 entry point: `moat_runtime` as a WASI command, run by the sandbox host.
//!
//! The host describes the run in the `MOAT_GUEST_CONFIG` environment variable, one JSON object
//! ([`GuestConfig`]), and removes nothing else from the guest's view: what the guest may read is
//! decided by the host's preopens.
//!
//! `wizer-initialize` is the snapshot step (`moat_sandbox::snapshot`, at build time): it boots
//! the engine, and the module is saved with its memory as that left it, so `_start` begins
//! from a booted engine.

use moat_runtime::guest_config::GuestConfig;

/// Boots the engine for the snapshot. A failure is a build error: the trap stops the build.
#[unsafe(export_name = "wizer-initialize")]
pub extern "C" fn wizer_initialize() {
    if let Err(msg) = moat_runtime::preboot() {
        panic!("moat: {msg}");
    }
}

fn main() {
    let raw = std::env::var("MOAT_GUEST_CONFIG").unwrap_or_default();
    // SAFETY: single-threaded start-up; nothing else reads the environment yet.
    unsafe { std::env::remove_var("MOAT_GUEST_CONFIG") };
    let options = match GuestConfig::from_json(&raw).and_then(|record| {
        let cwd = record.cwd.clone();
        record.into_options().map(|options| (cwd, options))
    }) {
        Ok((cwd, options)) => {
            // Outside every granted directory the guest keeps `/` as its working directory.
            let _ = std::env::set_current_dir(&cwd);
            options
        }
        Err(e) => {
            // The host wrote a record this guest cannot read: a build mismatch, not user input.
            eprintln!("moat: {e}");
            moat_runtime::sys::exit(1)
        }
    };
    moat_runtime::sys::exit(moat_runtime::run(options));
}
