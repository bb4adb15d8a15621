//! The wasm32-wasip1 entry point: `moat_runtime` as a WASI command, run by the sandbox host.
//!
//! The host passes the resolved run as arguments after the program name:
//! `<cwd> <entry-kind> <entry> <input-type> [--] script args…` is too fragile, so it passes
//! one JSON-free, line-based record in the `MOAT_GUEST_CONFIG` environment variable instead:
//! fields separated by `\n`, lists separated by `\u{1f}`.

use moat_runtime::{Entry, InputType, Options};

fn list(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('\u{1f}').map(str::to_string).collect()
    }
}

fn main() {
    let raw = std::env::var("MOAT_GUEST_CONFIG").unwrap_or_default();
    let f: Vec<&str> = raw.split('\n').collect();
    let get = |i: usize| f.get(i).copied().unwrap_or("");
    if !get(0).is_empty() {
        let _ = std::env::set_current_dir(get(0));
    }
    let entry = match get(1) {
        "file" => Entry::File(get(2).into()),
        "eval" => Entry::Eval {
            code: get(2).replace('\u{1e}', "\n"),
            print: false,
        },
        "print" => Entry::Eval {
            code: get(2).replace('\u{1e}', "\n"),
            print: true,
        },
        _ => Entry::Stdin,
    };
    let input_type = match get(3) {
        "module" => Some(InputType::Module),
        "commonjs" => Some(InputType::CommonJs),
        _ => None,
    };
    // SAFETY: single-threaded start-up; nothing else reads the environment yet.
    unsafe { std::env::remove_var("MOAT_GUEST_CONFIG") };
    let options = Options {
        entry,
        args: list(get(4)),
        argv0: get(5).to_string(),
        exec_argv: list(get(6)),
        exec_path: get(7).to_string(),
        input_type,
        requires: list(get(8)),
        imports: list(get(9)),
        env_file_vars: Vec::new(),
        sandboxed: true,
    };
    std::process::exit(moat_runtime::run(options));
}
