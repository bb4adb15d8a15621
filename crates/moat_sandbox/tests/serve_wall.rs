//! `moat serve`'s imports (`moat_abi::serve`) against a guest that calls them directly with
//! whatever arguments it likes: ranges outside its memory, lengths past the limits, calls out
//! of order. Each gets an error number, the exchange sees only what was valid, and nothing in
//! the host panics.

use std::sync::{Arc, Mutex};

use moat_abi::errno;
use moat_abi::serve::names;
use moat_sandbox::{
    Allocation, Entry, Exchange, GUEST_THREAD_STACK, Guest, Interrupts, Sandbox, SandboxConfig,
};
use wasm_encoder::{
    CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection,
    Instruction, MemorySection, MemoryType, Module, TypeSection, ValType,
};

/// What the guest did through the exchange.
#[derive(Default, Debug)]
struct Seen {
    responded: Vec<(Vec<u8>, Vec<u8>)>,
    written: Vec<Vec<u8>>,
    reads: Vec<usize>,
    ends: usize,
}

struct Recorder(Arc<Mutex<Seen>>, Option<Vec<u8>>);

impl Exchange for Recorder {
    fn take_request(&mut self) -> Option<Vec<u8>> {
        self.1.take()
    }
    fn put_back(&mut self, request: Vec<u8>) {
        self.1 = Some(request);
    }
    fn read_body(&mut self, max: usize) -> Result<Vec<u8>, i32> {
        self.0.lock().unwrap().reads.push(max);
        Ok(vec![7; max.min(3)])
    }
    fn respond(&mut self, head: &[u8], body: &[u8]) -> Result<(), i32> {
        self.0
            .lock()
            .unwrap()
            .responded
            .push((head.to_vec(), body.to_vec()));
        Ok(())
    }
    fn write(&mut self, body: &[u8]) -> Result<(), i32> {
        self.0.lock().unwrap().written.push(body.to_vec());
        Ok(())
    }
    fn end(&mut self) -> Result<(), i32> {
        self.0.lock().unwrap().ends += 1;
        Ok(())
    }
}

/// One call a guest makes: the import, its arguments.
struct Call(&'static str, Vec<i32>);

/// A guest whose `export` makes `calls` in turn, storing each one's answer (an `i32`) at
/// 1024 + 4·i; then, as `serve`, it reports the answers as the body of one more
/// `serve_respond`, or, as `_start`, exits with the first answer. Its memory is one page.
fn guest(calls: &[Call], export: &str) -> Vec<u8> {
    let mut m = Module::new();
    let mut types = TypeSection::new();
    for call in calls {
        types
            .ty()
            .function(vec![ValType::I32; call.1.len()], [ValType::I32]);
    }
    let n = calls.len() as u32;
    types.ty().function([], []);
    types.ty().function([ValType::I32; 4], [ValType::I32]);
    types.ty().function([ValType::I32], []);
    m.section(&types);
    let mut imports = ImportSection::new();
    for (i, call) in calls.iter().enumerate() {
        imports.import(moat_abi::MODULE, call.0, EntityType::Function(i as u32));
    }
    imports.import(
        moat_abi::MODULE,
        names::SERVE_RESPOND,
        EntityType::Function(n + 1),
    );
    imports.import(
        "wasi_snapshot_preview1",
        "proc_exit",
        EntityType::Function(n + 2),
    );
    m.section(&imports);
    let (report, exit, own) = (n, n + 1, n + 2);
    let mut funcs = FunctionSection::new();
    funcs.function(n);
    m.section(&funcs);
    let mut mem = MemorySection::new();
    mem.memory(MemoryType {
        minimum: 1,
        maximum: Some(1),
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    m.section(&mem);
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    exports.export(export, ExportKind::Func, own);
    m.section(&exports);
    let mut f = Function::new([]);
    let store = Instruction::I32Store(wasm_encoder::MemArg {
        offset: 0,
        align: 2,
        memory_index: 0,
    });
    for (i, call) in calls.iter().enumerate() {
        f.instruction(&Instruction::I32Const(1024 + 4 * i as i32));
        for &arg in &call.1 {
            f.instruction(&Instruction::I32Const(arg));
        }
        f.instruction(&Instruction::Call(i as u32))
            .instruction(&store);
    }
    if export == "_start" {
        f.instruction(&Instruction::I32Const(1024))
            .instruction(&Instruction::I32Load(wasm_encoder::MemArg {
                offset: 0,
                align: 2,
                memory_index: 0,
            }))
            .instruction(&Instruction::Call(exit));
    } else {
        for arg in [1024, 0, 1024, 4 * n as i32] {
            f.instruction(&Instruction::I32Const(arg));
        }
        f.instruction(&Instruction::Call(report))
            .instruction(&Instruction::Drop);
    }
    f.instruction(&Instruction::End);
    let mut code = CodeSection::new();
    code.function(&f);
    m.section(&code);
    m.finish()
}

/// Runs a guest on a thread of its own with a sandbox of it.
fn with_sandbox<R: Send + 'static>(
    wasm: Vec<u8>,
    f: impl FnOnce(&Sandbox) -> R + Send + 'static,
) -> R {
    let cwasm = moat_sandbox::precompile(&wasm, Interrupts::Epoch).expect("compiles");
    std::thread::Builder::new()
        .stack_size(GUEST_THREAD_STACK)
        .spawn(move || {
            let sandbox = Sandbox::load(
                Guest::Bytes(&cwasm),
                Allocation::OnDemand,
                Interrupts::Epoch,
            )
            .expect("loads");
            f(&sandbox)
        })
        .expect("a thread")
        .join()
        .expect("finishes")
}

/// Runs `calls` in a warm instance serving one request, and returns each call's answer and
/// what the exchange saw (but the report).
fn serve(calls: &[Call], request: Vec<u8>) -> (Vec<i32>, Seen) {
    let mut seen = with_sandbox(guest(calls, "serve"), move |sandbox| {
        let cfg = SandboxConfig::default();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let mut warm = sandbox.warm(None, &cfg, Entry("serve")).expect("made");
        let outcome = sandbox
            .serve_warm(
                &mut warm,
                &cfg,
                Box::new(Recorder(seen.clone(), Some(request))),
            )
            .expect("runs");
        assert_eq!(outcome, None, "the export returned");
        std::mem::take(&mut *seen.lock().unwrap())
    });
    let (_, report) = seen.responded.pop().expect("a report");
    let codes = report
        .chunks(4)
        .map(|c| i32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    (codes, seen)
}

const PAGE: i32 = 65536;

#[test]
fn out_of_range_arguments_are_errors() {
    let (codes, seen) = serve(
        &[
            // The request: a buffer past the memory's end, a size_out past it, then right.
            Call(names::SERVE_REQUEST, vec![PAGE - 2, 100, 0]),
            Call(names::SERVE_REQUEST, vec![0, 100, PAGE - 2]),
            Call(names::SERVE_REQUEST, vec![0, 2, 8]),
            Call(names::SERVE_REQUEST, vec![0, 100, 8]),
            Call(names::SERVE_REQUEST, vec![0, 100, 8]),
            // Body reads: no room, a buffer running off the end, a size_out off it, then one.
            Call(names::SERVE_BODY_READ, vec![0, 0, 8]),
            Call(names::SERVE_BODY_READ, vec![PAGE - 10, 100, 8]),
            Call(names::SERVE_BODY_READ, vec![0, 100, PAGE]),
            Call(names::SERVE_BODY_READ, vec![0, 100, 8]),
            // Responses: a head past the limit, ranges off the end (one wrapping around), then one.
            Call(names::SERVE_RESPOND, vec![0, 2 << 20, 0, 0]),
            Call(names::SERVE_RESPOND, vec![PAGE - 1, 2, 0, 0]),
            Call(names::SERVE_RESPOND, vec![0, 2, -1, 16]),
            Call(names::SERVE_RESPOND, vec![0, 2, 2, 3]),
            Call(names::SERVE_WRITE, vec![PAGE - 1, 2]),
            Call(names::SERVE_WRITE, vec![-16, 32]),
            Call(names::SERVE_WRITE, vec![0, 4]),
            Call(names::SERVE_END, vec![]),
        ],
        b"request".to_vec(),
    );
    use errno::{FAULT, INVAL, NOENT, SUCCESS, TOOBIG};
    assert_eq!(
        codes,
        [
            FAULT, FAULT, TOOBIG, SUCCESS, NOENT, INVAL, FAULT, FAULT, SUCCESS, TOOBIG, FAULT,
            FAULT, SUCCESS, FAULT, FAULT, SUCCESS, SUCCESS
        ]
    );
    // Only the valid calls reached the exchange; the read that failed on its size_out read
    // the body, whose part the guest then lost.
    assert_eq!(seen.reads, [100, 100]);
    assert_eq!(seen.responded.len(), 1);
    assert_eq!(seen.written.len(), 1);
    assert_eq!(seen.ends, 1);
}

#[test]
fn a_run_that_serves_nothing_has_no_request() {
    use errno::{INVAL, NOENT};
    for (call, expected) in [
        (Call(names::SERVE_REQUEST, vec![0, 100, 8]), NOENT),
        (Call(names::SERVE_BODY_READ, vec![0, 100, 8]), INVAL),
        (Call(names::SERVE_RESPOND, vec![0, 2, 2, 3]), INVAL),
        (Call(names::SERVE_WRITE, vec![0, 4]), INVAL),
        (Call(names::SERVE_END, vec![]), INVAL),
    ] {
        let name = call.0;
        let code = with_sandbox(guest(&[call], "_start"), |sandbox| {
            sandbox.run_here(&SandboxConfig::default()).expect("runs")
        });
        assert_eq!(code, expected, "{name}");
    }
}
