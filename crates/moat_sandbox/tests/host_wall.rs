//! The host is the wall: a guest that skips the runtime's own checks and calls the `moat`
//! imports directly still gets only what its grants allow. The guests here are hand-built
//! modules that make one call (run `touch <file>`, look a name up) and exit with the host's
//! answer.

use moat_abi::{Command, Stdio, errno};
use moat_sandbox::{Allocation, GUEST_THREAD_STACK, Guest, Interrupts, Sandbox, SandboxConfig};
use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, EntityType, ExportKind, ExportSection, Function,
    FunctionSection, ImportSection, Instruction, MemorySection, MemoryType, Module, TypeSection,
    ValType,
};

/// Where the host writes the answer's size.
const SIZE_OUT: i32 = 4096;

/// One page of linear memory, which every guest here exports as `memory`.
fn one_page_memory() -> MemorySection {
    let mut mem = MemorySection::new();
    mem.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    mem
}

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
    m.section(&one_page_memory());
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
    let cwasm = moat_sandbox::precompile(&wasm, Interrupts::Epoch).expect("compiles");
    let cfg = SandboxConfig {
        grants,
        ..SandboxConfig::default()
    };
    run_compiled(cwasm, cfg)
}

/// Runs a guest compiled with epoch checks on a thread of its own and returns its exit code.
fn run_compiled(cwasm: Vec<u8>, cfg: SandboxConfig) -> i32 {
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
            .unwrap_or_else(|e| match e {
                moat_sandbox::SandboxError::Limit(limit) => limit.exit_code(),
                e => panic!("the guest did not run: {e}"),
            })
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
        stdio: vec![Stdio::Ignore; 3],
        argv0: None,
        detached: false,
        uid: None,
        gid: None,
        max_buffer: None,
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

/// An argument of a call in [`guest_making`].
#[derive(Clone, Copy)]
enum Arg {
    I32(i32),
    I64(i64),
}

/// `_start` makes `calls` in order (each `moat.<import>(args…) -> i32`) and exits with what
/// call number `exit_with` returned; `data` is at address 0.
fn guest_making(calls: &[(&str, Vec<Arg>)], exit_with: usize, data: &[u8]) -> Vec<u8> {
    let mut m = Module::new();
    let mut types = TypeSection::new();
    for (_, args) in calls {
        let params: Vec<ValType> = args
            .iter()
            .map(|a| match a {
                Arg::I32(_) => ValType::I32,
                Arg::I64(_) => ValType::I64,
            })
            .collect();
        types.ty().function(params, [ValType::I32]);
    }
    let n = calls.len() as u32;
    types.ty().function([ValType::I32], []);
    types.ty().function([], []);
    m.section(&types);
    let mut imports = ImportSection::new();
    for (i, (name, _)) in calls.iter().enumerate() {
        imports.import(moat_abi::MODULE, name, EntityType::Function(i as u32));
    }
    imports.import(
        "wasi_snapshot_preview1",
        "proc_exit",
        EntityType::Function(n),
    );
    m.section(&imports);
    let mut funcs = FunctionSection::new();
    funcs.function(n + 1);
    m.section(&funcs);
    m.section(&one_page_memory());
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    exports.export("_start", ExportKind::Func, n + 1);
    m.section(&exports);
    let mut code = CodeSection::new();
    let mut f = Function::new([(1, ValType::I32)]);
    for (i, (_, args)) in calls.iter().enumerate() {
        for a in args {
            match a {
                Arg::I32(v) => f.instruction(&Instruction::I32Const(*v)),
                Arg::I64(v) => f.instruction(&Instruction::I64Const(*v)),
            };
        }
        f.instruction(&Instruction::Call(i as u32));
        if i == exit_with {
            f.instruction(&Instruction::LocalSet(0));
        } else {
            f.instruction(&Instruction::Drop);
        }
    }
    f.instruction(&Instruction::LocalGet(0))
        .instruction(&Instruction::Call(n))
        .instruction(&Instruction::End);
    code.function(&f);
    m.section(&code);
    let mut d = DataSection::new();
    d.active(0, &ConstExpr::i32_const(0), data.to_vec());
    m.section(&d);
    m.finish()
}

/// A TCP server on a free loopback port that counts the connections it gets, and a UDP socket
/// that counts datagrams.
struct Canary {
    tcp: std::net::TcpListener,
    udp: std::net::UdpSocket,
}

impl Canary {
    fn new() -> Self {
        let tcp = std::net::TcpListener::bind("127.0.0.1:0").expect("a canary port");
        tcp.set_nonblocking(true).expect("non-blocking");
        let udp = std::net::UdpSocket::bind("127.0.0.1:0").expect("a canary port");
        udp.set_nonblocking(true).expect("non-blocking");
        Canary { tcp, udp }
    }
    fn tcp_addr(&self) -> String {
        self.tcp.local_addr().expect("bound").to_string()
    }
    fn udp_addr(&self) -> String {
        self.udp.local_addr().expect("bound").to_string()
    }
    /// What reached the canary within a moment: (connections, datagrams).
    fn heard(&self) -> (usize, usize) {
        let (mut conns, mut dgrams) = (0, 0);
        let mut buf = [0u8; 64];
        for _ in 0..20 {
            while self.tcp.accept().is_ok() {
                conns += 1;
            }
            while self.udp.recv_from(&mut buf).is_ok() {
                dgrams += 1;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        (conns, dgrams)
    }
}

fn net(flags: &[&str]) -> moat_permissions::Grants {
    moat_permissions::Grants::parse(flags).expect("flags")
}

/// Connects socket 1 to `addr`, waits up to a second for it to be writable, exits with the
/// connect's answer.
fn connect_guest(addr: &str) -> Vec<u8> {
    use moat_abi::names::{POLL, SOCK_WATCH, TCP_CONNECT};
    let len = addr.len() as i32;
    guest_making(
        &[
            (TCP_CONNECT, vec![Arg::I32(0), Arg::I32(len), Arg::I32(1)]),
            (SOCK_WATCH, vec![Arg::I32(1), Arg::I32(2)]),
            (POLL, vec![Arg::I64(1000), Arg::I32(SIZE_OUT)]),
        ],
        0,
        addr.as_bytes(),
    )
}

#[test]
fn a_connection_without_the_grant_never_reaches_the_canary() {
    let canary = Canary::new();
    let addr = canary.tcp_addr();
    assert_eq!(run_guest(connect_guest(&addr), net(&[])), errno::ACCES);
    // Another host, or another port of this one, is no grant for it either.
    assert_eq!(
        run_guest(
            connect_guest(&addr),
            net(&["--allow-net=10.9.9.9,example.com"])
        ),
        errno::ACCES
    );
    let port: u16 = addr.rsplit(':').next().unwrap().parse().unwrap();
    let other_port = format!("--allow-net=127.0.0.1:{}", port.wrapping_add(1));
    assert_eq!(
        run_guest(connect_guest(&addr), net(&[&other_port])),
        errno::ACCES
    );
    assert_eq!(
        canary.heard(),
        (0, 0),
        "the canary heard from a denied guest"
    );
}

#[test]
fn a_connection_with_the_grant_reaches_the_canary() {
    let canary = Canary::new();
    let addr = canary.tcp_addr();
    assert_eq!(
        run_guest(connect_guest(&addr), net(&["--allow-net=127.0.0.1"])),
        errno::SUCCESS
    );
    let exact = format!("--allow-net={addr}");
    assert_eq!(
        run_guest(connect_guest(&addr), net(&[&exact])),
        errno::SUCCESS
    );
    assert_eq!(canary.heard().0, 2);
}

#[test]
fn listening_needs_the_grant() {
    use moat_abi::names::TCP_LISTEN;
    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let addr = free.local_addr().expect("bound").to_string();
    drop(free);
    let listen = || {
        guest_making(
            &[(
                TCP_LISTEN,
                vec![
                    Arg::I32(0),
                    Arg::I32(addr.len() as i32),
                    Arg::I32(16),
                    Arg::I32(1),
                ],
            )],
            0,
            addr.as_bytes(),
        )
    };
    assert_eq!(run_guest(listen(), net(&[])), errno::ACCES);
    // The port is still free: nothing listened on it.
    drop(std::net::TcpListener::bind(&addr).expect("the port was left free"));
    assert_eq!(
        run_guest(listen(), net(&["--allow-net=localhost"])),
        errno::SUCCESS
    );
    // Every interface is more than localhost.
    let any = "0.0.0.0:0";
    let listen_any = guest_making(
        &[(
            TCP_LISTEN,
            vec![
                Arg::I32(0),
                Arg::I32(any.len() as i32),
                Arg::I32(16),
                Arg::I32(1),
            ],
        )],
        0,
        any.as_bytes(),
    );
    assert_eq!(
        run_guest(listen_any, net(&["--allow-net=localhost"])),
        errno::ACCES
    );
}

#[test]
fn a_datagram_without_the_grant_never_reaches_the_canary() {
    use moat_abi::names::{UDP_BIND, UDP_SEND_TO};
    let canary = Canary::new();
    let to = canary.udp_addr();
    let local = "127.0.0.1:0";
    // Data: the canary's address at 0, the local one at 64, the payload at 128.
    let mut data = vec![0u8; 132];
    data[..to.len()].copy_from_slice(to.as_bytes());
    data[64..64 + local.len()].copy_from_slice(local.as_bytes());
    data[128..].copy_from_slice(b"ping");
    let send_to = (
        UDP_SEND_TO,
        vec![
            Arg::I32(1),
            Arg::I32(128),
            Arg::I32(4),
            Arg::I32(0),
            Arg::I32(to.len() as i32),
            Arg::I32(SIZE_OUT),
        ],
    );
    let bind = (
        UDP_BIND,
        vec![Arg::I32(64), Arg::I32(local.len() as i32), Arg::I32(1)],
    );
    // The send is refused before the host looks for the socket, and with one bound alike.
    let send = |data: &[u8]| guest_making(std::slice::from_ref(&send_to), 0, data);
    let bind_then_send = |data: &[u8]| guest_making(&[bind.clone(), send_to.clone()], 1, data);
    assert_eq!(run_guest(send(&data), net(&[])), errno::ACCES);
    assert_eq!(run_guest(bind_then_send(&data), net(&[])), errno::ACCES);
    assert_eq!(
        canary.heard(),
        (0, 0),
        "the canary heard from a denied guest"
    );
    assert_eq!(
        run_guest(bind_then_send(&data), net(&["--allow-net=localhost"])),
        errno::SUCCESS
    );
    assert_eq!(canary.heard(), (0, 1));
}

/// A guest whose `_start` spins forever.
fn spinning_guest() -> Vec<u8> {
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    m.section(&types);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    m.section(&funcs);
    m.section(&one_page_memory());
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    exports.export("_start", ExportKind::Func, 0);
    m.section(&exports);
    let mut code = CodeSection::new();
    let mut f = Function::new([]);
    f.instruction(&Instruction::Loop(wasm_encoder::BlockType::Empty))
        .instruction(&Instruction::Br(0))
        .instruction(&Instruction::End)
        .instruction(&Instruction::End);
    code.function(&f);
    m.section(&code);
    m.finish()
}

/// With epoch checks compiled in, a limit stops the instance and the host goes on (what a
/// host running many instances needs; `moat --safe` instead ends its process).
#[test]
fn an_epoch_guest_is_stopped_by_its_limits_and_the_host_goes_on() {
    let cwasm = moat_sandbox::precompile(&spinning_guest(), Interrupts::Epoch).expect("compiles");
    let run = |cfg: SandboxConfig| run_compiled(cwasm.clone(), cfg);
    let cpu = SandboxConfig {
        max_cpu_time: Some(std::time::Duration::from_millis(50)),
        ..SandboxConfig::default()
    };
    assert_eq!(run(cpu), moat_sandbox::EXIT_CPU_LIMIT);
    let wall = SandboxConfig {
        timeout: Some(std::time::Duration::from_millis(50)),
        ..SandboxConfig::default()
    };
    assert_eq!(run(wall), moat_sandbox::EXIT_TIME_LIMIT);
}

/// A length the guest picks past its memory, or past what a call takes, is an error before
/// the host allocates anything for it: a receive of `u32::MAX` bytes would otherwise have the
/// host allocate 4 GiB.
#[test]
fn a_huge_length_is_an_error_not_a_host_allocation() {
    use moat_abi::names::{
        DNS_LOOKUP, PROC_RUN, PROC_WRITE, SOCK_RECV, SOCK_SEND, TCP_CONNECT, UDP_BIND,
        UDP_RECV_FROM,
    };
    let huge = Arg::I32(-1);
    let canary = Canary::new();
    let tcp = canary.tcp_addr();
    let connect = (
        TCP_CONNECT,
        vec![Arg::I32(0), Arg::I32(tcp.len() as i32), Arg::I32(1)],
    );
    let grant = net(&["--allow-net=127.0.0.1"]);
    let on_socket = |call: &str, len: Arg| {
        guest_making(
            &[
                connect.clone(),
                (
                    call,
                    vec![Arg::I32(1), Arg::I32(0), len, Arg::I32(SIZE_OUT)],
                ),
            ],
            1,
            tcp.as_bytes(),
        )
    };
    assert_eq!(
        run_guest(on_socket(SOCK_RECV, huge), grant.clone()),
        errno::FAULT
    );
    assert_eq!(
        run_guest(on_socket(SOCK_SEND, huge), grant.clone()),
        errno::FAULT
    );
    // The positive control: the whole page is a length the host takes (nothing has arrived yet).
    assert_eq!(
        run_guest(on_socket(SOCK_RECV, Arg::I32(65536)), grant.clone()),
        errno::AGAIN
    );

    let udp = "127.0.0.1:0";
    let recv_from = guest_making(
        &[
            (
                UDP_BIND,
                vec![Arg::I32(0), Arg::I32(udp.len() as i32), Arg::I32(1)],
            ),
            (
                UDP_RECV_FROM,
                vec![
                    Arg::I32(1),
                    Arg::I32(0),
                    huge,
                    Arg::I32(SIZE_OUT),
                    Arg::I32(SIZE_OUT + 4),
                ],
            ),
        ],
        1,
        udp.as_bytes(),
    );
    assert_eq!(run_guest(recv_from, grant.clone()), errno::FAULT);

    // Requests the host copies are capped below the guest's memory size too.
    let one = |call: &str, args: Vec<Arg>| guest_making(&[(call, args)], 0, b"");
    let everything = net(&["--allow-net"]);
    assert_eq!(
        run_guest(
            one(
                DNS_LOOKUP,
                vec![Arg::I32(0), Arg::I32(60000), Arg::I32(SIZE_OUT)]
            ),
            everything.clone()
        ),
        errno::TOOBIG
    );
    assert_eq!(
        run_guest(
            one(TCP_CONNECT, vec![Arg::I32(0), Arg::I32(60000), Arg::I32(1)]),
            everything
        ),
        errno::TOOBIG
    );
    let processes = moat_permissions::Grants {
        child_process: true,
        ..Default::default()
    };
    assert_eq!(
        run_guest(
            one(PROC_RUN, vec![Arg::I32(0), huge, Arg::I32(SIZE_OUT)]),
            processes.clone()
        ),
        errno::TOOBIG
    );
    assert_eq!(
        run_guest(
            one(
                PROC_WRITE,
                vec![Arg::I32(1), Arg::I32(0), Arg::I32(0), huge]
            ),
            processes
        ),
        errno::FAULT
    );
}

/// `fs_readdir` lists a directory only where the read grant covers it once every link is
/// resolved: a link inside the granted directory that leads outside lists nothing, and a path
/// outside is refused before anything about it (whether it exists) is told.
#[test]
fn a_listing_through_a_link_out_of_the_grant_is_refused_by_the_host() {
    let root = std::env::temp_dir().join(format!("moat-host-wall-{}-readdir", std::process::id()));
    let granted = root.join("granted");
    let outside = root.join("outside");
    std::fs::create_dir_all(granted.join("sub")).expect("a scratch tree");
    std::fs::create_dir_all(&outside).expect("a scratch tree");
    std::fs::write(outside.join("secret.txt"), "x").expect("a secret");
    std::fs::write(granted.join("file.txt"), "x").expect("a file");
    std::os::unix::fs::symlink("../outside", granted.join("escape")).expect("a link out");
    std::os::unix::fs::symlink(&outside, granted.join("absolute")).expect("a link out");
    std::os::unix::fs::symlink("sub", granted.join("inner")).expect("a link within");
    let root = std::fs::canonicalize(&root).expect("resolves");
    let grant = moat_permissions::Grants::parse(&[format!(
        "--allow-fs-read={}",
        root.join("granted").display()
    )])
    .expect("flags");
    let list = |path: &std::path::Path| {
        let path = path.to_str().expect("UTF-8").as_bytes().to_vec();
        run_guest(
            guest_calling(moat_abi::names::FS_READDIR, path),
            grant.clone(),
        )
    };
    let g = root.join("granted");
    assert_eq!(list(&g.join("escape")), errno::ACCES);
    assert_eq!(list(&g.join("absolute")), errno::ACCES);
    assert_eq!(list(&g.join("sub/../../outside")), errno::ACCES);
    assert_eq!(list(&root.join("outside")), errno::ACCES);
    assert_eq!(list(&root.join("missing")), errno::ACCES);
    // The positive controls, and the errors of a path within the grant.
    assert_eq!(list(&g), errno::SUCCESS);
    assert_eq!(list(&g.join("inner")), errno::SUCCESS);
    assert_eq!(list(&g.join("missing")), errno::NOENT);
    // 54: WASI's `ENOTDIR`.
    assert_eq!(list(&g.join("file.txt")), 54);
    assert_eq!(list(std::path::Path::new("relative")), errno::INVAL);
    let everything = moat_permissions::Grants::parse(&["--allow-fs-read=*"]).expect("flags");
    let outside = root.join("outside");
    assert_eq!(
        run_guest(
            guest_calling(
                moat_abi::names::FS_READDIR,
                outside.to_str().expect("UTF-8").as_bytes().to_vec()
            ),
            everything
        ),
        errno::SUCCESS
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// `fs_watch` watches only where the read grant covers the path once every link is resolved:
/// a link inside the granted directory that leads outside, and a path outside (existing or
/// not), are refused before anything about them is told.
#[test]
fn a_watch_through_a_link_out_of_the_grant_is_refused_by_the_host() {
    use moat_abi::names::FS_WATCH;
    let root = std::env::temp_dir().join(format!("moat-host-wall-{}-watch", std::process::id()));
    let granted = root.join("granted");
    let outside = root.join("outside");
    std::fs::create_dir_all(&granted).expect("a scratch tree");
    std::fs::create_dir_all(&outside).expect("a scratch tree");
    std::fs::write(outside.join("secret.txt"), "x").expect("a secret");
    std::os::unix::fs::symlink("../outside", granted.join("escape")).expect("a link out");
    std::os::unix::fs::symlink(outside.join("secret.txt"), granted.join("file"))
        .expect("a link out");
    let root = std::fs::canonicalize(&root).expect("resolves");
    let g = root.join("granted");
    let grant = moat_permissions::Grants::parse(&[format!("--allow-fs-read={}", g.display())])
        .expect("flags");
    let watch = |path: &std::path::Path, recursive: i32| {
        let path = path.to_str().expect("UTF-8").as_bytes().to_vec();
        let len = path.len() as i32;
        let call = (
            FS_WATCH,
            vec![Arg::I32(0), Arg::I32(len), Arg::I32(recursive), Arg::I32(1)],
        );
        run_guest(guest_making(&[call], 0, &path), grant.clone())
    };
    assert_eq!(watch(&g.join("escape"), 0), errno::ACCES);
    assert_eq!(watch(&g.join("escape"), 1), errno::ACCES);
    assert_eq!(watch(&g.join("file"), 0), errno::ACCES);
    assert_eq!(watch(&g.join("escape/secret.txt"), 0), errno::ACCES);
    assert_eq!(watch(&outside, 0), errno::ACCES);
    assert_eq!(watch(&root.join("missing"), 0), errno::ACCES);
    // The positive controls, and the errors of calls within the grant.
    assert_eq!(watch(&g, 0), errno::SUCCESS);
    assert_eq!(watch(&g, 1), errno::SUCCESS);
    assert_eq!(watch(&g.join("missing"), 0), errno::NOENT);
    assert_eq!(watch(&g, 2), errno::INVAL);
    let path = g.to_str().expect("UTF-8").as_bytes().to_vec();
    let len = path.len() as i32;
    let call = (
        FS_WATCH,
        vec![Arg::I32(0), Arg::I32(len), Arg::I32(0), Arg::I32(1)],
    );
    let twice = guest_making(&[call.clone(), call], 1, &path);
    assert_eq!(run_guest(twice, grant.clone()), errno::INVAL);
    let _ = std::fs::remove_dir_all(&root);
}
