//! A fresh sandboxed instance per run, from the snapshotted guest, in one long-lived host (as
//! `moat serve` will run them): load the guest once, then time instantiate + run a trivial
//! script + tear down, and print the percentiles.
//!
//! `cargo bench -p moat_sandbox --bench instance` after `scripts/build.sh` (the guest is read
//! from `$MOAT_GUEST_CWASM`, default `target/guest.cwasm`).

use std::time::{Duration, Instant};

use moat_sandbox::{Allocation, GUEST_THREAD_STACK, Guest, Sandbox, SandboxConfig};

const WARMUP: usize = 20;
const RUNS: usize = 500;

fn main() {
    let path = std::env::var("MOAT_GUEST_CWASM").unwrap_or_else(|_| {
        let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".to_string());
        format!("{target}/guest.cwasm")
    });
    let cwasm = std::fs::read(&path).unwrap_or_else(|e| panic!("failed to read `{path}`: {e}"));
    let record = r#"{"entryKind":"eval","entry":"globalThis.answer = 6 * 7","cwd":"/","permissions":["--permission"]}"#;
    let cfg = SandboxConfig {
        args: vec!["moat".to_string()],
        env: vec![("MOAT_GUEST_CONFIG".to_string(), record.to_string())],
        ..SandboxConfig::default()
    };
    let times = std::thread::Builder::new()
        .stack_size(GUEST_THREAD_STACK)
        .spawn(move || {
            let started = Instant::now();
            let sandbox = Sandbox::load(
                Guest::Bytes(&cwasm),
                Allocation::Pooled(4),
                moat_sandbox::Interrupts::ExitProcess,
            )
            .expect("the guest loads");
            let load = started.elapsed();
            let mut times = Vec::with_capacity(RUNS);
            for i in 0..WARMUP + RUNS {
                let t = Instant::now();
                let code = sandbox.run_here(&cfg).expect("the instance runs");
                assert_eq!(code, 0);
                if i >= WARMUP {
                    times.push(t.elapsed());
                }
            }
            (load, times)
        })
        .expect("a guest thread")
        .join()
        .expect("the bench thread finishes");
    let (load, mut times) = times;
    times.sort();
    let pct = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!("guest load (once): {:.0} us", us(load));
    println!(
        "fresh instance + trivial script, {RUNS} runs: p50 {:.0} us, p90 {:.0} us, p99 {:.0} us (target p50 <= 1000 us)",
        us(pct(50)),
        us(pct(90)),
        us(pct(99))
    );
}
