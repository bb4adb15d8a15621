//! The engine: one QuickJS runtime and context, the internal bindings, and the bootstrap that
//! hands control to the JS halves (`js/internal/bootstrap.js`).

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use rquickjs::{CatchResultExt, Context, Function, Object, Persistent, Runtime};

use crate::modules;
use crate::state::{SharedState, State};
use crate::{Options, sys};

#[cfg_attr(target_os = "wasi", path = "engine/stack_wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "engine/stack_native.rs")]
mod stack;

#[cfg(not(target_family = "wasm"))]
mod heap {
    //! The JS heap's allocator natively: mimalloc, called directly (no size header per block).

    use libmimalloc_sys as mi;

    pub struct MiAlloc;

    // SAFETY: mimalloc's blocks are aligned to at least 16 bytes, and `mi_usable_size` reports
    // what each holds.
    unsafe impl rquickjs::allocator::Allocator for MiAlloc {
        fn alloc(&mut self, size: usize) -> *mut u8 {
            // SAFETY: any size may be asked for; null means out of memory.
            unsafe { mi::mi_malloc(size).cast() }
        }

        fn calloc(&mut self, count: usize, size: usize) -> *mut u8 {
            // SAFETY: as above; mimalloc checks `count * size` for overflow.
            unsafe { mi::mi_calloc(count, size).cast() }
        }

        unsafe fn dealloc(&mut self, ptr: *mut u8) {
            // SAFETY: QuickJS frees only what this allocator gave it.
            unsafe { mi::mi_free(ptr.cast()) }
        }

        unsafe fn realloc(&mut self, ptr: *mut u8, new_size: usize) -> *mut u8 {
            // SAFETY: as above.
            unsafe { mi::mi_realloc(ptr.cast(), new_size).cast() }
        }

        unsafe fn usable_size(ptr: *mut u8) -> usize {
            // SAFETY: as above.
            unsafe { mi::mi_usable_size(ptr.cast()) }
        }
    }
}

/// Stack size the interpreter may use before it throws a `RangeError` (an unusual number,
/// which `engine/stack_wasi.rs` relies on). Natively QuickJS measures the thread's stack: just
/// under 4 MiB.
#[cfg(not(target_os = "wasi"))]
const MAX_STACK: usize = 4 * 1024 * 1024 - 4096;
/// In the guest QuickJS measures its shadow stack in linear memory (8 MiB,
/// `.cargo/config.toml`), while the C frames themselves take wasmtime's native stack
/// (`moat_sandbox`'s 48 MiB), and C recursion over nested data takes far more of the second
/// than of the first: JSON.stringify about 245 bytes against 14 a level. Just under 2 MiB
/// throws the `RangeError` at some 150,000 levels, before the native stack runs out (at some
/// 196,000), and still allows deeper JS recursion than native moat does.
#[cfg(target_os = "wasi")]
const MAX_STACK: usize = 2 * 1024 * 1024 - 4096;

/// Heap size before the first garbage collection; after it, QuickJS sets the next threshold
/// from the live size.
const START_GC_THRESHOLD: usize = 8 * 1024 * 1024;

/// What a `moat serve` request may allocate before its instance collects garbage.
const SERVE_GC_HEADROOM: usize = 16 * 1024 * 1024;

/// What a `moat serve` request may allocate before the allocator grows the memory (which
/// costs the host two changes of the page tables per request).
const SERVE_MALLOC_HEADROOM: usize = 4 * 1024 * 1024;

/// A booted engine: the runtime and context with the built-in module system loaded and the
/// option-independent built-ins evaluated, waiting for [`Engine::start`].
pub struct Engine {
    /// Kept alive with the context it made.
    _runtime: Runtime,
    context: Context,
    state: SharedState,
    /// `{ preload(), start() }` from `js/internal/bootstrap.js`.
    boot: Persistent<Object<'static>>,
}

thread_local! {
    /// The engine booted ahead of the run: in the sandbox guest, by the build-time snapshot.
    static PREBOOTED: RefCell<Option<Engine>> = const { RefCell::new(None) };
    /// `moat serve`'s engine with the app loaded, between [`serve_init`] and
    /// [`serve_request`] (which a snapshot of the memory separates).
    static SERVING: RefCell<Option<Engine>> = const { RefCell::new(None) };
    /// Whether this instance served a request as a warm one ([`serve_next`]) before.
    static WARM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `moat serve`'s first half: runs the program `options` describe (the app) until it has
/// loaded and nothing more is queued, then returns with the engine kept for
/// [`serve_request`]. The host snapshots the memory this leaves.
///
/// # Errors
/// A bootstrap failure or the app's, as text.
pub fn serve_init(options: Options) -> Result<(), String> {
    let engine = match PREBOOTED.with(|p| p.borrow_mut().take()) {
        Some(engine) => engine,
        None => Engine::boot(sys::events::EventQueue::default())?,
    };
    engine.set_options(options)?;
    engine.call("serveInit").map(drop)?;
    // Collected now, once, with room to grow before the next collection: a request that
    // collected would write to every page of the heap, and each written page of the snapshot
    // is copied for its instance.
    engine._runtime.run_gc();
    let used = usize::try_from(engine._runtime.memory_usage().malloc_size).unwrap_or(0);
    engine._runtime.set_gc_threshold(used + SERVE_GC_HEADROOM);
    // Allocated and freed: the memory grows now, and the allocator keeps the room as free.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        SERVE_MALLOC_HEADROOM,
    )));
    SERVING.with(|s| *s.borrow_mut() = Some(engine));
    Ok(())
}

/// `moat serve`'s second half, in an instance started from the memory [`serve_init`] left:
/// serves the request and returns the exit code.
pub fn serve_request() -> i32 {
    let Some(engine) = SERVING.with(|s| s.borrow_mut().take()) else {
        let _ = sys::write_stdio(2, b"moat: no app was loaded to serve the request\n");
        return 1;
    };
    // The clocks and generators read as the snapshot left them.
    sys::mark_start();
    sys::reseed();
    let result = engine.call("serveRequest");
    std::mem::forget(engine);
    match result {
        Ok(code) => code,
        Err(msg) => {
            let _ = sys::write_stdio(2, format!("moat: {msg}\n").as_bytes());
            1
        }
    }
}

/// `moat serve --isolation=pool`: serves the next request in an instance that stays, with the
/// engine [`serve_init`] left; returns 0 when it was answered.
pub fn serve_next() -> i32 {
    SERVING.with(|s| {
        let serving = s.borrow();
        let Some(engine) = serving.as_ref() else {
            let _ = sys::write_stdio(2, b"moat: no app was loaded to serve the request\n");
            return 1;
        };
        // A fresh instance's clocks and generators read as the snapshot left them: set once.
        if !WARM.with(|w| w.replace(true)) {
            sys::mark_start();
            sys::reseed();
        }
        match engine.call("serveNext") {
            Ok(code) => code,
            Err(msg) => {
                let _ = sys::write_stdio(2, format!("moat: {msg}\n").as_bytes());
                1
            }
        }
    })
}

/// Boots an engine now for the next [`run`] (the guest's snapshot step calls this).
///
/// # Errors
/// A bootstrap failure, as text.
pub fn preboot() -> Result<(), String> {
    let engine = Engine::boot(sys::events::EventQueue::default())?;
    engine.context.with(|ctx| {
        engine
            .boot
            .clone()
            .restore(&ctx)
            .and_then(|boot| boot.get::<_, Function>("preload"))
            .and_then(|preload| preload.call::<_, ()>(()))
            .catch(&ctx)
            .map_err(|e| format!("bootstrap failed: {e}"))
    })?;
    PREBOOTED.with(|p| *p.borrow_mut() = Some(engine));
    Ok(())
}

pub fn run(options: Options) -> i32 {
    let engine = match PREBOOTED.with(|p| p.borrow_mut().take()) {
        Some(engine) => Ok(engine),
        None => Engine::boot(sys::events::EventQueue::default()),
    };
    match engine.and_then(|e| e.start(options)) {
        Ok(code) => code,
        Err(msg) => {
            let _ = sys::write_stdio(2, format!("moat: {msg}\n").as_bytes());
            1
        }
    }
}

/// Runs a worker's program on the calling thread (natively, a thread of its own) and returns
/// its exit code: the one `process.exit()` chose, 1 when it was terminated, else the run's.
#[cfg(not(target_os = "wasi"))]
fn run_worker(start: crate::state::WorkerStart) -> i32 {
    let own = start.events.clone();
    let code = run_worker_engine(start);
    // Ports the worker left open close with it, as in Node.
    moat_proc::ports::close_attached(&own);
    code
}

#[cfg(not(target_os = "wasi"))]
fn run_worker_engine(start: crate::state::WorkerStart) -> i32 {
    let engine = match Engine::boot(start.events) {
        Ok(engine) => engine,
        Err(msg) => {
            let _ = sys::write_stdio(2, format!("moat: worker: {msg}\n").as_bytes());
            return 1;
        }
    };
    let stop = start.link.stop.clone();
    engine
        ._runtime
        .set_interrupt_handler(Some(Box::new(move || {
            stop.load(std::sync::atomic::Ordering::Relaxed)
        })));
    let _ = engine.state.worker.set(start.link);
    let state = engine.state.clone();
    let result = engine
        .set_options(start.options)
        .and_then(|()| engine.call("start"));
    // The heap is left as it is, as at the end of a run: values the loader and the bindings
    // hold would otherwise have to be released first. (It is the worker's whole cost.)
    std::mem::forget(engine);
    let link = state.worker.get();
    match (link.and_then(|l| l.exit_code.get()), result) {
        (Some(code), _) => code,
        (None, _) if link.is_some_and(crate::state::WorkerSelf::stopping) => 1,
        (None, Ok(code)) => code,
        (None, Err(msg)) => {
            let _ = sys::write_stdio(2, format!("moat: worker: {msg}\n").as_bytes());
            1
        }
    }
}

impl Engine {
    fn boot(events: sys::events::EventQueue) -> Result<Self, String> {
        #[cfg(not(target_family = "wasm"))]
        let rt = Runtime::new_with_alloc(heap::MiAlloc);
        // The guest's heap is wasi-libc's malloc, in its linear memory.
        #[cfg(target_family = "wasm")]
        let rt = Runtime::new();
        let rt = rt.map_err(|e| format!("failed to start the engine: {e}"))?;
        // Start-up allocates a few megabytes that all stay live (the built-ins); collecting at
        // QuickJS's initial 256 KB threshold would only walk them again and again.
        rt.set_gc_threshold(START_GC_THRESHOLD);
        let state = Rc::new(State {
            options: OnceCell::new(),
            fds: RefCell::new(sys::fs::FdTable::default()),
            rejection_hook: RefCell::new(None),
            loader_hooks: RefCell::new(Vec::new()),
            builtin_syncs: RefCell::new(Vec::new()),
            events,
            children: RefCell::new(std::collections::HashMap::new()),
            next_handle: std::cell::Cell::new(1),
            fs_watches: RefCell::new(std::collections::HashMap::new()),
            esm_graph: RefCell::new(crate::loader::EsmGraph::default()),
            resolved: RefCell::new(std::collections::HashMap::new()),
            worker: OnceCell::new(),
            deferred: RefCell::new(Vec::new()),
            workers: RefCell::new(std::collections::HashMap::new()),
            #[cfg(not(target_os = "wasi"))]
            run_worker,
        });
        crate::loader::install(&rt, state.clone());
        let hook_state = state.clone();
        rt.set_host_promise_rejection_tracker(Some(Box::new(
            move |ctx, promise, reason, handled| {
                let hook = hook_state.rejection_hook.borrow().clone();
                if let Some(hook) = hook
                    && let Ok(f) = hook.restore(&ctx)
                {
                    let _ = f.call::<_, ()>((promise, reason, handled));
                }
            },
        )));
        // QuickJS's intrinsics in its own order, less `atob`/`btoa` and `performance`: the
        // globals module defines Node's versions of those.
        use rquickjs::context::intrinsic::{
            Date, Eval, Json, MapSet, Promise, Proxy, RegExp, TypedArrays, WeakRef,
        };
        let context = Context::custom::<(
            Date,
            Eval,
            RegExp,
            Json,
            Proxy,
            MapSet,
            TypedArrays,
            Promise,
            WeakRef,
        )>(&rt)
        .map_err(|e| format!("failed to create a context: {e}"))?;
        let boot = context.with(|ctx| -> Result<_, String> {
            stack::set_limit(&ctx, MAX_STACK, START_GC_THRESHOLD);
            let f: Function = modules::eval_builtin(&ctx, "internal/bootstrap")
                .and_then(|v| v.ok_or(rquickjs::Error::Unknown))
                .and_then(Function::from_value)
                .catch(&ctx)
                .map_err(|e| format!("bootstrap failed: {e}"))?;
            let binding =
                modules::binding_loader(&ctx, state.clone()).map_err(|e| e.to_string())?;
            let boot: Object = f
                .call((binding,))
                .catch(&ctx)
                .map_err(|e| format!("bootstrap failed: {e}"))?;
            Ok(Persistent::save(&ctx, boot))
        })?;
        Ok(Engine {
            _runtime: rt,
            context,
            state,
            boot,
        })
    }

    /// Gives the engine the program's options (once).
    fn set_options(&self, options: Options) -> Result<(), String> {
        sys::reseed();
        // A worker's instance learns so from the host, with its thread id and starting data.
        #[cfg(target_os = "wasi")]
        if let Some((thread_id, init)) = sys::worker::info() {
            let _ = self.state.worker.set(crate::state::WorkerSelf {
                thread_id,
                init: RefCell::new(Some(init)),
                exit_code: std::cell::Cell::new(None),
            });
            self._runtime
                .set_interrupt_handler(Some(Box::new(sys::worker::stopping)));
        }
        crate::loader::PRESERVE_SYMLINKS
            .set(options.flags.iter().any(|f| f == "--preserve-symlinks"));
        crate::loader::set_user_conditions(
            options
                .flags
                .iter()
                .filter_map(|f| f.strip_prefix("--conditions="))
                .map(str::to_string)
                .collect(),
        );
        self.state
            .options
            .set(options)
            .map_err(|_| "an engine runs one program".to_string())
    }

    /// Calls one of the bootstrap's steps (`start`, `serveInit`, `serveRequest`).
    fn call(&self, step: &str) -> Result<i32, String> {
        self.context.with(|ctx| -> Result<i32, String> {
            let boot = self.boot.clone().restore(&ctx).map_err(|e| e.to_string())?;
            boot.get::<_, Function>(step)
                .and_then(|f| f.call::<_, i32>(()))
                .catch(&ctx)
                .map_err(|e| format!("uncaught at top level: {e}"))
        })
    }

    /// Runs the program the options describe to completion and returns its exit code.
    fn start(self, options: Options) -> Result<i32, String> {
        self.set_options(options)?;
        let result = self.call("start");
        // A worker that was stopped, or chose its code with process.exit(), ends with that.
        if let Some(link) = self.state.worker.get() {
            if let Some(code) = link.exit_code.get() {
                std::mem::forget(self);
                return Ok(code);
            }
            if link.stopping() {
                std::mem::forget(self);
                return Ok(1);
            }
        }
        // The process ends here: skip tearing the heap down, as node does. (Persistent handles
        // held by the loader and the rejection hook would otherwise have to be released first.)
        std::mem::forget(self);
        result
    }
}
