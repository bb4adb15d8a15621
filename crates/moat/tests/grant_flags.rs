//! Where moat's grant flags differ from Node's on purpose, said in a test.

use std::process::Command;

fn moat(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_moat"))
        .args(args)
        .output()
        .expect("moat runs")
}

/// WASI opens directories only; granting a file's directory instead would open more than asked.
#[test]
fn safe_refuses_a_file_grant() {
    let out = moat(&["--safe", "--allow-fs-read=/etc/hostname", "-e", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--safe grants directories"), "{err}");
}

/// As Node: the `--allow-*` flags belong to the permission model.
#[test]
fn allow_flags_natively_need_permission() {
    let out = moat(&["--allow-fs-read=/tmp", "-e", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ERR_MISSING_OPTION"), "{err}");
}
