//! Build step: `moat-precompile guest.wasm guest.cwasm` takes the guest's snapshot (its engine
//! booted, `moat_sandbox::snapshot`) and compiles that ahead of time with the same engine
//! configuration the `moat` binary loads it with.
//!
//! It writes two forms of it: `guest.cwasm` whole, for hosts that pool instances, and for the
//! `moat` binary to embed, `guest.cli.cwasm` without data segments beside `guest.cli.img`, the
//! memory image they make (`moat_sandbox::split_image`), and `guest.cli.wasm`, that code
//! uncompiled, for `moat build` to write apps' modules with, `guest.serve.cwasm`, that code
//! compiled with interruption checks for `moat serve`, and `guest.cli.id`, its identity
//! (`moat_sandbox::app::guest_id`).

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
    let interrupts = moat_sandbox::Interrupts::ExitProcess;
    let write = |path: &std::path::Path, bytes: &[u8]| {
        std::fs::write(path, bytes).with_context(|| format!("failed to write `{}`", path.display()))
    };
    let output = std::path::Path::new(output);
    write(output, &moat_sandbox::precompile(&booted, interrupts)?)?;
    let (dataless, image) = moat_sandbox::split_image(&booted)?;
    write(
        &output.with_extension("cli.cwasm"),
        &moat_sandbox::precompile(&dataless, interrupts)?,
    )?;
    write(&output.with_extension("cli.img"), &image)?;
    // The same code uncompiled, from which `moat build` writes an app's module.
    write(&output.with_extension("cli.wasm"), &dataless)?;
    // The same code with interruption checks, for `moat serve`, whose instances' limits
    // stop them and not the server.
    write(
        &output.with_extension("serve.cwasm"),
        &moat_sandbox::precompile(&dataless, moat_sandbox::Interrupts::Epoch)?,
    )?;
    // Its identity, which `moat build` records in apps and `moat app.wasm` checks.
    let id = moat_sandbox::app::guest_id(&dataless);
    write(&output.with_extension("cli.id"), id.to_string().as_bytes())?;
    Ok(())
}
