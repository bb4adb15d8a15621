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
    /// What `require()` of an ES module needs to know of the modules loaded so far.
    pub esm_graph: RefCell<EsmGraph>,
    /// The names the program looked up, by the addresses it got: an `--allow-net` grant of a
    /// name covers sockets to those addresses.
    pub resolved: RefCell<std::collections::HashMap<std::net::IpAddr, Vec<String>>>,
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
