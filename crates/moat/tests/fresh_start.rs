//! Every run starts fresh, natively and from the sandbox's snapshot: its own random sequence,
//! its own clock origin.

use std::process::Command;

fn run(safe: bool, code: &str) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_moat"));
    if safe {
        cmd.arg("--safe");
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
