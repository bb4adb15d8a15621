//! Every run starts fresh, natively and from the sandbox's snapshot: its own random sequence,
//! its own clock origin; and its children start as it did.

use std::process::Command;

fn run(safe: bool, code: &str) -> String {
    run_with(safe, &[], code)
}

/// `grants` apply to the sandboxed run only (a native run is granted everything).
fn run_with(safe: bool, grants: &[&str], code: &str) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_moat"));
    if safe {
        cmd.arg("--safe").args(grants);
    }
    let out = cmd.arg("-p").arg(code).output().expect("moat runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn two_runs_draw_different_random_values() {
    for safe in [false, true] {
        let code = "`${Math.random()} ${crypto.randomUUID()}`";
        let (a, b) = (run(safe, code), run(safe, code));
        assert_ne!(a, b, "safe={safe}: {a}");
    }
}

#[test]
fn the_clock_starts_with_the_run() {
    for safe in [false, true] {
        let up: f64 = run(safe, "process.uptime()")
            .trim()
            .parse()
            .expect("a number");
        assert!((0.0..1.0).contains(&up), "safe={safe}: uptime {up}");
    }
}

#[test]
fn children_start_with_the_stack_limit_moat_started_with() {
    // The sandbox raises its own stack limit for the guest; a child must not inherit that.
    let here = Command::new("sh")
        .args(["-c", "ulimit -s"])
        .output()
        .expect("sh runs");
    let here = String::from_utf8_lossy(&here.stdout).trim().to_string();
    for safe in [false, true] {
        let child = run_with(
            safe,
            &["--allow-child-process"],
            "require('child_process').execSync('ulimit -s').toString().trim()",
        );
        assert_eq!(child.trim(), here, "safe={safe}");
    }
}
