//! The host is the wall: a guest that skips the runtime's own checks and calls the `moat`
//! imports directly still gets only what its grants allow. The guests here are hand-built
//! modules that make one call (run `touch <file>`, look a name up) and exit with the host's
//! answer.

use moat_abi::{Command, Stdio, errno};
use moat_sandbox::{Allocation, GUEST_THREAD_STACK, Guest, Sandbox, SandboxConfig};
use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, EntityType, ExportKind, ExportSection, Function,
    FunctionSection, ImportSection, Instruction, MemorySection, MemoryType, Module, TypeSection,
    ValType,
};

/// Where the host writes the answer's size.
const SIZE_OUT: i32 = 4096;

/// `_start` calls `moat.<import>(request, len, size_out)` and exits with what it returned.
fn guest_calling(import: &str, req: Vec<u8>) -> Vec<u8> {
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32; 3], [ValType::I32]);
    types.ty().function([ValType::I32], []);
    types.ty().function([], []);
    m.section(&types);
    let mut imports = ImportSection::new();
    imports.import(moat_abi::MODULE, import, EntityType::Function(0));
    imports.import(
        "wasi_snapshot_preview1",
        "proc_exit",
        EntityType::Function(1),
    );
    m.section(&imports);
    let mut funcs = FunctionSection::new();
    funcs.function(2);
    m.section(&funcs);
    let mut mem = MemorySection::new();
    mem.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    m.section(&mem);
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    exports.export("_start", ExportKind::Func, 2);
    m.section(&exports);
    let mut code = CodeSection::new();
    let mut f = Function::new([]);
    f.instruction(&Instruction::I32Const(0))
        .instruction(&Instruction::I32Const(req.len() as i32))
        .instruction(&Instruction::I32Const(SIZE_OUT))
        .instruction(&Instruction::Call(0))
        .instruction(&Instruction::Call(1))
        .instruction(&Instruction::End);
    code.function(&f);
    m.section(&code);
    let mut data = DataSection::new();
    data.active(0, &ConstExpr::i32_const(0), req);
    m.section(&data);
    m.finish()
}

fn run(cmd: &Command, child_process: bool) -> i32 {
    let grants = moat_permissions::Grants {
        child_process,
        ..Default::default()
    };
    run_guest(
        guest_calling(moat_abi::names::PROC_RUN, cmd.encode()),
        grants,
    )
}

fn run_guest(wasm: Vec<u8>, grants: moat_permissions::Grants) -> i32 {
    let cwasm = moat_sandbox::precompile(&wasm).expect("compiles");
    let cfg = SandboxConfig {
        grants,
        ..SandboxConfig::default()
    };
    std::thread::Builder::new()
        .stack_size(GUEST_THREAD_STACK)
        .spawn(move || {
            Sandbox::load(Guest::Bytes(&cwasm), Allocation::OnDemand)
                .expect("loads")
                .run_here(&cfg)
                .expect("runs")
        })
        .expect("a guest thread")
        .join()
        .expect("finishes")
}

fn touch(path: &std::path::Path) -> Command {
    Command {
        file: "touch".into(),
        args: vec![path.to_string_lossy().into_owned()],
        cwd: None,
        env: Some(vec![("PATH".into(), "/usr/bin:/bin".into())]),
        stdio: [Stdio::Ignore; 3],
        input: None,
        timeout_ms: None,
        kill_signal: 15,
    }
}

#[test]
fn a_process_without_the_grant_is_refused_by_the_host() {
    let file = std::env::temp_dir().join(format!("moat-host-wall-{}-denied", std::process::id()));
    assert_eq!(run(&touch(&file), false), errno::ACCES);
    assert!(!file.exists(), "the host ran the command");
}

#[test]
fn a_process_with_the_grant_runs() {
    let file = std::env::temp_dir().join(format!("moat-host-wall-{}-granted", std::process::id()));
    assert_eq!(run(&touch(&file), true), errno::SUCCESS);
    assert!(file.exists(), "the host did not run the command");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_malformed_request_is_an_error_not_a_crash() {
    let mut bad = touch(std::path::Path::new("/nonexistent"));
    bad.file = String::new();
    // An empty program name decodes but cannot be spawned.
    assert_ne!(run(&bad, true), errno::SUCCESS);
}

#[test]
fn a_lookup_of_an_unlisted_host_is_refused_by_the_host() {
    let lookup = || guest_calling(moat_abi::names::DNS_LOOKUP, b"localhost".to_vec());
    assert_eq!(
        run_guest(lookup(), moat_permissions::Grants::default()),
        errno::ACCES
    );
    let other = moat_permissions::Grants::parse(&["--allow-net=example.com"]).expect("flags");
    assert_eq!(run_guest(lookup(), other), errno::ACCES);
    let listed = moat_permissions::Grants::parse(&["--allow-net=localhost"]).expect("flags");
    assert_eq!(run_guest(lookup(), listed), errno::SUCCESS);
}
