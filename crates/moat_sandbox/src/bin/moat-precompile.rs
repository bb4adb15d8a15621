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
    let cwasm = moat_sandbox::precompile(&booted)?;
    std::fs::write(output, cwasm).with_context(|| format!("failed to write `{output}`"))?;
    Ok(())
}
