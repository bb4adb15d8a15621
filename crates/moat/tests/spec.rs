//! Spec cases: every `tests/spec/<name>.{js,mjs,cjs}` runs with `moat` natively and with
//! `moat --safe`, and must give what Node 24 gave (`tests/README.md` says how the expectations
//! were made): stdout equal to `<name>.out`, stderr containing the line in `<name>.err` (or
//! empty stderr when there is none), and the exit code in `<name>.code` (0 when absent).
//! Arguments for the script come from `<name>.args`, one per line; grants the sandbox needs to
//! run the case as node does (node's default is to allow everything) from `<name>.safe-flags`.
//!
//! The module-system cases (`cjs_*`, `esm_*`, `json_*`) also run built: `moat build` makes a
//! module of the script (with the options in `<name>.build-flags`, such as `--include` for files
//! it loads by computed names), and `moat case.wasm` (with the `--safe` grants) must give the
//! same.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

mod common;
use common::run_with_deadline;

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/spec")
}

fn read(p: &Path) -> Option<String> {
    std::fs::read_to_string(p).ok()
}

/// A case that runs longer than this has hung: it fails instead of stalling the suite.
const CASE_TIMEOUT: Duration = Duration::from_secs(30);

/// How a case runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Native,
    Safe,
    /// `moat build`, then the module.
    Built,
}

impl Mode {
    fn label(self) -> &'static str {
        match self {
            Mode::Native => "native",
            Mode::Safe => "safe",
            Mode::Built => "built",
        }
    }
}

/// The cases that also run built: the module system's, less those `tests/NOT_BUILT` names.
fn runs_built(name: &str, not_built: &[String]) -> bool {
    ["cjs_", "esm_", "json_"]
        .iter()
        .any(|p| name.starts_with(p))
        && !not_built.iter().any(|n| n == name)
}

/// The first word of each line of a list under `tests/` (comments start with `#`).
fn listed(file: &str) -> Vec<String> {
    read(&spec_dir().join("..").join(file))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

fn run_case(script: &Path, mode: Mode) -> Result<(), Failed> {
    let base = script.with_extension("");
    let expected_out = read(&base.with_extension("out")).unwrap_or_default();
    let expected_err = read(&base.with_extension("err")).map(|s| s.trim_end().to_string());
    let expected_code: i32 =
        read(&base.with_extension("code")).map_or(0, |s| s.trim().parse().unwrap_or(0));
    let args: Vec<String> = read(&base.with_extension("args"))
        .map(|s| s.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let dir = script.parent().expect("spec dir");
    let built = std::env::temp_dir().join(format!(
        "moat-spec-{}-{}.wasm",
        std::process::id(),
        base.file_name().expect("name").to_string_lossy()
    ));
    if mode == Mode::Built {
        let mut build = Command::new(env!("CARGO_BIN_EXE_moat"));
        build
            .args(["build", "-q", "-o"])
            .arg(&built)
            .args(
                read(&base.with_extension("build-flags"))
                    .unwrap_or_default()
                    .split_whitespace(),
            )
            .arg(script)
            .current_dir(dir);
        let out = run_with_deadline(build, CASE_TIMEOUT)?;
        if !out.status.success() {
            let _ = std::fs::remove_file(&built);
            return Err(format!(
                "moat build failed\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_moat"));
    if mode == Mode::Safe {
        cmd.arg("--safe");
    }
    if mode != Mode::Native
        && let Some(flags) = read(&base.with_extension("safe-flags"))
    {
        cmd.args(flags.split_whitespace());
    }
    cmd.arg(if mode == Mode::Built {
        built.as_path()
    } else {
        script
    })
    .args(&args)
    .current_dir(dir);
    let out = run_with_deadline(cmd, CASE_TIMEOUT);
    if mode == Mode::Built {
        let _ = std::fs::remove_file(&built);
    }
    let out = out?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A process a signal ended has the code a shell gives it, 128 + the signal.
    let code = {
        use std::os::unix::process::ExitStatusExt;
        let status = out.status;
        status
            .code()
            .or_else(|| status.signal().map(|s| 128 + s))
            .unwrap_or(-1)
    };
    let mut problems = Vec::new();
    if stdout != expected_out {
        problems.push(format!(
            "stdout differs\n--- expected\n{expected_out}--- actual\n{stdout}---"
        ));
    }
    match &expected_err {
        Some(line) if !stderr.lines().any(|l| l.trim_end() == line) => {
            problems.push(format!(
                "stderr lacks the line `{line}`\n--- stderr\n{stderr}---"
            ));
        }
        None if !stderr.is_empty() => problems.push(format!("unexpected stderr\n{stderr}")),
        _ => {}
    }
    if code != expected_code {
        problems.push(format!(
            "exit code {code}, expected {expected_code}\n--- stderr\n{stderr}---"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(spec_dir())
        .expect("tests/spec exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "js" || x == "mjs" || x == "cjs")
        })
        .collect();
    scripts.sort();
    let known = listed("KNOWN_FAILURES");
    let not_built = listed("NOT_BUILT");
    let mut trials = Vec::new();
    for script in scripts {
        let name = script
            .file_name()
            .expect("file")
            .to_string_lossy()
            .into_owned();
        for mode in [Mode::Native, Mode::Safe, Mode::Built] {
            if mode == Mode::Built && !runs_built(&name, &not_built) {
                continue;
            }
            let s = script.clone();
            let label = format!("{}::{name}", mode.label());
            let ignored = known.contains(&label);
            trials.push(Trial::test(label, move || run_case(&s, mode)).with_ignored_flag(ignored));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
