//! The wasm32-wasip1 entry point: `moat_runtime` as a WASI command, run by the sandbox host.
//!
//! The host describes the run in the `MOAT_GUEST_CONFIG` environment variable, one JSON object
//! (`guest_record` in the `moat` CLI), and removes nothing else from the guest's view: what
//! the guest may read is decided by the host's preopens.
//!
//! `wizer-initialize` is the snapshot step (`moat_sandbox::snapshot`, at build time): it boots
//! the engine, and the module is saved with its memory as that left it, so `_start` begins
//! from a booted engine.

use moat_runtime::{Entry, InputType, Options};
use serde_json::Value;

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
    let cfg: Value = serde_json::from_str(&raw).unwrap_or(Value::Null);
    let text = |k: &str| cfg.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let list = |k: &str| -> Vec<String> {
        cfg.get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let cwd = text("cwd");
    if !cwd.is_empty() {
        // Outside every granted directory the guest keeps `/` as its working directory.
        let _ = std::env::set_current_dir(&cwd);
    }
    // The host built the sandbox from these grants; the runtime checks them again to answer
    // with Node's errors. Unreadable grants grant nothing.
    let grants = moat_runtime::Grants::parse(&list("permissions")).unwrap_or_default();
    let entry = match text("entryKind").as_str() {
        "file" => Entry::File(text("entry").into()),
        "eval" => Entry::Eval {
            code: text("entry"),
            print: false,
        },
        "print" => Entry::Eval {
            code: text("entry"),
            print: true,
        },
        _ => Entry::Stdin,
    };
    let input_type = match text("inputType").as_str() {
        "module" => Some(InputType::Module),
        "commonjs" => Some(InputType::CommonJs),
        _ => None,
    };
    let options = Options {
        entry,
        args: list("args"),
        argv0: text("argv0"),
        exec_argv: list("execArgv"),
        flags: list("flags"),
        exec_path: text("execPath"),
        input_type,
        requires: list("requires"),
        imports: list("imports"),
        loaders: list("loaders"),
        env_file_vars: Vec::new(),
        sandboxed: true,
        grants: Some(grants),
    };
    moat_runtime::sys::exit(moat_runtime::run(options));
}
