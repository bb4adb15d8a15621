//! Build step: `moat-precompile guest.wasm guest.cwasm` takes the guest's snapshot (its engine
//! booted, `moat_sandbox::snapshot`) and compiles that ahead of time with the same engine
//! configuration the `moat` binary loads it with.

fn main() -> anyhow::Result<()> {
    use anyhow::Context;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        anyhow::bail!("usage: moat-precompile <guest.wasm> <guest.cwasm>");
    };
    let wasm = std::fs::read(input).with_context(|| format!("failed to read `{input}`"))?;
    let booted =
        moat_sandbox::snapshot(&wasm).with_context(|| format!("failed to snapshot `{input}`"))?;
    // One guest per process: time limits end the process, and the code runs without checks.
    let cwasm = moat_sandbox::precompile(&booted, moat_sandbox::Interrupts::ExitProcess)?;
    std::fs::write(output, cwasm).with_context(|| format!("failed to write `{output}`"))?;
    Ok(())
}
