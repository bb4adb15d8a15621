//! The host is the wall for DNS queries: a guest that skips the runtime's own checks and calls
//! `dns_query` directly still sends nothing unless `--allow-net` allows the name it asks about
//! and the server it asks. The guest here is a hand-built module that makes the one call and
//! exits with the host's answer; a UDP canary counts what reaches the "server". It builds its
//! guest, so it needs the `compile` feature.
#![cfg(feature = "compile")]

use moat_abi::errno;
use moat_sandbox::{Allocation, GUEST_THREAD_STACK, Guest, Interrupts, Sandbox, SandboxConfig};
use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, EntityType, ExportKind, ExportSection, Function,
    FunctionSection, ImportSection, Instruction, MemorySection, MemoryType, Module, TypeSection,
    ValType,
};

/// A standard query for `name`'s A records, as a resolver sends it.
fn query(name: &str) -> Vec<u8> {
    let mut m = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in name.split('.') {
        m.push(label.len() as u8);
        m.extend_from_slice(label.as_bytes());
    }
    m.extend_from_slice(&[0, 0, 1, 0, 1]);
    m
}

/// `_start` calls `moat.dns_query(server, msg, local "", handle 1)` with the server's address
/// at 0 and the message at 256, and exits with the answer.
fn query_guest(server: &str, msg: &[u8]) -> Vec<u8> {
    let mut data = vec![0u8; 256 + msg.len()];
    data[..server.len()].copy_from_slice(server.as_bytes());
    data[256..].copy_from_slice(msg);
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32; 7], [ValType::I32]);
    types.ty().function([ValType::I32], []);
    types.ty().function([], []);
    m.section(&types);
    let mut imports = ImportSection::new();
    imports.import(
        moat_abi::MODULE,
        moat_abi::names::DNS_QUERY,
        EntityType::Function(0),
    );
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
    for v in [0, server.len() as i32, 256, msg.len() as i32, 0, 0, 1] {
        f.instruction(&Instruction::I32Const(v));
    }
    f.instruction(&Instruction::Call(0))
        .instruction(&Instruction::Call(1))
        .instruction(&Instruction::End);
    code.function(&f);
    m.section(&code);
    let mut d = DataSection::new();
    d.active(0, &ConstExpr::i32_const(0), data);
    m.section(&d);
    m.finish()
}

fn run_guest(wasm: Vec<u8>, flags: &[&str]) -> i32 {
    let cwasm = moat_sandbox::precompile(&wasm, Interrupts::Epoch).expect("compiles");
    let cfg = SandboxConfig {
        grants: moat_permissions::Grants::parse(flags).expect("flags"),
        ..SandboxConfig::default()
    };
    std::thread::Builder::new()
        .stack_size(GUEST_THREAD_STACK)
        .spawn(move || {
            Sandbox::load(
                Guest::Bytes(&cwasm),
                Allocation::OnDemand,
                Interrupts::Epoch,
            )
            .expect("loads")
            .run_here(&cfg)
            .unwrap_or_else(|e| panic!("the guest did not run: {e}"))
        })
        .expect("a guest thread")
        .join()
        .expect("finishes")
}

/// The datagrams that reach `canary` within a moment.
fn heard(canary: &std::net::UdpSocket) -> usize {
    let mut n = 0;
    let mut buf = [0u8; 512];
    for _ in 0..20 {
        while canary.recv_from(&mut buf).is_ok() {
            n += 1;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    n
}

#[test]
fn a_query_is_sent_only_for_an_allowed_name_to_an_allowed_server() {
    let canary = std::net::UdpSocket::bind("127.0.0.1:0").expect("a canary port");
    canary.set_nonblocking(true).expect("non-blocking");
    let server = canary.local_addr().expect("bound").to_string();
    let ask = |name: &str| query_guest(&server, &query(name));

    // No grant; the server allowed but not the name; the name allowed but not the server.
    assert_eq!(run_guest(ask("allowed.test"), &[]), errno::ACCES);
    assert_eq!(
        run_guest(ask("denied.test"), &["--allow-net=127.0.0.1,allowed.test"]),
        errno::ACCES
    );
    assert_eq!(
        run_guest(ask("allowed.test"), &["--allow-net=allowed.test"]),
        errno::ACCES
    );
    // A reverse lookup is checked by its address.
    assert_eq!(
        run_guest(
            ask("9.0.0.10.in-addr.arpa"),
            &["--allow-net=127.0.0.1,allowed.test"]
        ),
        errno::ACCES
    );
    // Bytes that are no query are refused as such.
    assert_eq!(
        run_guest(query_guest(&server, b"not a dns message"), &["--allow-net"]),
        errno::INVAL
    );
    assert_eq!(heard(&canary), 0, "the canary heard from a denied guest");

    assert_eq!(
        run_guest(ask("allowed.test"), &["--allow-net=127.0.0.1,allowed.test"]),
        errno::SUCCESS
    );
    assert_eq!(heard(&canary), 1);
}
