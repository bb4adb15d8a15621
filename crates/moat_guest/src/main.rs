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

/// `moat serve`'s first half: loads the app the record names and returns (the host then
/// snapshots the memory). A failure ends the instance with exit code 1.
#[unsafe(export_name = "moat-serve-init")]
pub extern "C" fn serve_init() {
    if let Err(msg) = moat_runtime::serve_init(options()) {
        eprintln!("moat: {msg}");
        moat_runtime::sys::exit(1)
    }
}

/// `moat serve`'s second half, in an instance started from that snapshot: serves its request.
/// It returns when the app set no exit code (a returned entry is exit code 0 to the host), which
/// spares the host unwinding the guest's stack as an exit does.
#[unsafe(export_name = "moat-serve-request")]
pub extern "C" fn serve_request() {
    let code = moat_runtime::serve_request();
    if code != 0 {
        moat_runtime::sys::exit(code)
    }
}

/// `moat serve --isolation=pool`: serves the next request in an instance kept warm, and
/// returns for the one after; an instance that could not answer ends with exit code 1.
#[unsafe(export_name = "moat-serve-next")]
pub extern "C" fn serve_next() {
    let code = moat_runtime::serve_next();
    if code != 0 {
        moat_runtime::sys::exit(code)
    }
}

fn main() {
    moat_runtime::sys::exit(moat_runtime::run(options()));
}

/// The run the host describes in `MOAT_GUEST_CONFIG`, with the working directory set; for a
/// built app run by a stock WASI runtime, which describes nothing, the app with the runtime's
/// arguments.
fn options() -> moat_runtime::Options {
    let Some(raw) = std::env::var_os("MOAT_GUEST_CONFIG") else {
        return stock_options();
    };
    let raw = raw.to_string_lossy();
    // SAFETY: single-threaded start-up; nothing else reads the environment yet.
    unsafe { std::env::remove_var("MOAT_GUEST_CONFIG") };
    match GuestConfig::from_json(&raw).and_then(|record| {
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
    }
}

/// A built app (`moat build`) run by a stock WASI runtime (`wasmtime run`): no `moat` imports,
/// so no permission model of moat's own either — what the app may reach is what the runtime
/// grants through WASI (its preopened directories, its environment).
fn stock_options() -> moat_runtime::Options {
    moat_runtime::sys::set_stock_runtime();
    if moat_runtime::sys::embedded::app().is_none() {
        eprintln!(
            "moat: this module is moat's sandbox guest, which runs inside moat; \
             `moat build` makes modules that other WASI runtimes can run"
        );
        moat_runtime::sys::exit(1)
    }
    let mut args = std::env::args();
    let argv0 = args.next().unwrap_or_else(|| "moat".to_string());
    let record = GuestConfig {
        cwd: std::env::current_dir().unwrap_or_else(|_| "/".into()),
        entry: moat_runtime::guest_config::GuestEntry::App,
        input_type: None,
        args: args.collect(),
        argv0: argv0.clone(),
        exec_argv: Vec::new(),
        flags: Vec::new(),
        exec_path: argv0,
        requires: Vec::new(),
        imports: Vec::new(),
        loaders: Vec::new(),
        permissions: None,
    };
    match record.into_options() {
        Ok(options) => options,
        Err(e) => {
            eprintln!("moat: {e}");
            moat_runtime::sys::exit(1)
        }
    }
}
