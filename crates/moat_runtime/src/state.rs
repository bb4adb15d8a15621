//! The state the Rust halves of the built-in modules share with the engine: the run's options,
//! open files, child processes, the loader's graph and the hooks JS installs. Engine values
//! are held as `Persistent`s; nothing here calls into JavaScript.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use rquickjs::{Function, Persistent};

use crate::loader::esm_graph::EsmGraph;
use crate::{Options, sys};

/// State shared by the Rust halves of the built-in modules.
pub struct State {
    /// See [`State::options`].
    pub options: OnceCell<Options>,
    pub fds: RefCell<sys::fs::FdTable>,
    /// JS's handler for promise rejections (`internal/process/task_queues`).
    pub rejection_hook: RefCell<Option<Persistent<Function<'static>>>>,
    /// JS functions the ES module loader calls:
    /// `[requireBuiltin(id), requireCjs(path), warnTypelessPackage(path), compileWasm(bytes, url),
    /// wasmSource(bytes, url)]`.
    pub loader_hooks: RefCell<Vec<Persistent<Function<'static>>>>,
    /// For each built-in module imported as an ES module, the function that sets its exports
    /// again from the module's object (`module.syncBuiltinESMExports()`).
    pub builtin_syncs: RefCell<Vec<Persistent<Function<'static>>>>,
    /// Completions from other threads, drained by the loop's poll phase.
    pub events: sys::events::EventQueue,
    /// Running child processes by handle.
    pub children: RefCell<std::collections::HashMap<u32, sys::child::Child>>,
    pub next_handle: std::cell::Cell<u32>,
    /// The files and directories `fs.watch` watches, by handle.
    pub fs_watches: RefCell<std::collections::HashMap<u32, sys::fs::FsWatch>>,
    /// What `require()` of an ES module needs to know of the modules loaded so far.
    pub esm_graph: RefCell<EsmGraph>,
    /// The names the program looked up, by the addresses it got: an `--allow-net` grant of a
    /// name covers sockets to those addresses.
    pub resolved: RefCell<std::collections::HashMap<std::net::IpAddr, Vec<String>>>,
    /// In a worker's engine: what ties it to the thread that started it.
    pub worker: OnceCell<WorkerSelf>,
    /// Events a synchronous wait took out of the queue before its own (`worker.waitMessage`),
    /// for the loop's next poll.
    pub deferred: RefCell<Vec<sys::events::Event>>,
    /// The workers this engine started and that have not exited, by handle.
    pub workers: RefCell<std::collections::HashMap<u32, WorkerControl>>,
    /// Runs a worker's engine to its end on the calling thread (set by the engine; in the
    /// sandbox the host starts workers).
    #[cfg(not(target_os = "wasi"))]
    pub run_worker: fn(WorkerStart) -> i32,
}

/// A worker's own end of its link: its thread id, the data it was started with (taken once)
/// and, natively, its parent's queue and the flag that stops it.
pub struct WorkerSelf {
    pub thread_id: u32,
    pub init: RefCell<Option<Vec<u8>>>,
    /// The code `process.exit()` chose, once it has been called.
    pub exit_code: std::cell::Cell<Option<i32>>,
    #[cfg(not(target_os = "wasi"))]
    pub parent: sys::events::EventQueue,
    /// This worker's handle in its parent, which the parent's events for it carry.
    #[cfg(not(target_os = "wasi"))]
    pub handle: u32,
    #[cfg(not(target_os = "wasi"))]
    pub stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl WorkerSelf {
    /// Whether the worker is being stopped (`terminate()`, or its own `process.exit()`).
    pub fn stopping(&self) -> bool {
        #[cfg(not(target_os = "wasi"))]
        {
            self.stop.load(std::sync::atomic::Ordering::Relaxed)
        }
        #[cfg(target_os = "wasi")]
        {
            self.exit_code.get().is_some() || sys::worker::stopping()
        }
    }
}

/// The parent's end of a worker it started natively: the worker's queue and its stop flag.
/// (In the sandbox the host keeps these.)
pub struct WorkerControl {
    #[cfg(not(target_os = "wasi"))]
    pub events: sys::events::EventQueue,
    #[cfg(not(target_os = "wasi"))]
    pub stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// What a worker's engine starts with, natively.
#[cfg(not(target_os = "wasi"))]
pub struct WorkerStart {
    pub options: Options,
    /// The worker's own queue, which its parent pushes messages to.
    pub events: sys::events::EventQueue,
    pub link: WorkerSelf,
}

pub type SharedState = Rc<State>;

impl State {
    /// The run's options; set when the program starts (an engine may be booted before).
    pub fn options(&self) -> &Options {
        self.options
            .get()
            .expect("options are set before any program code runs")
    }
}
