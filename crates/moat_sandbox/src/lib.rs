//! The wasmtime host for `--safe`: runs the moat guest (`moat_runtime` built for wasm32-wasip1)
//! with a WASI preview 1 context built from the grants, and with hard limits.
//!
//! Deny by default: a [`SandboxConfig`] grants nothing unless a field says so — no preopened
//! directories, no environment variables, no arguments beyond the guest's own record, unlimited
//! only where a limit is `None`. The host never links the engine it guards: this crate depends
//! on wasmtime and the permission types, not on `moat_runtime`.

pub mod app;
mod host;
mod image;
mod serve;

pub use image::AppImage;
pub use serve::Exchange;

pub use image::split as split_image;

use std::path::PathBuf;
use std::ptr::NonNull;
use std::sync::Arc;
use std::time::Duration;

use wasmtime::{Config, Engine, Linker, Module, Store};
use wasmtime_wasi::p1::{self, WasiP1Ctx};
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtxBuilder};

/// Exit code when the guest exceeds `--max-memory`.
pub const EXIT_MEMORY_LIMIT: i32 = 137;
/// Exit code when the guest exceeds its wall-clock limit (`--timeout`), as `timeout(1)`'s.
pub const EXIT_TIME_LIMIT: i32 = 124;
/// Exit code when the guest exceeds its CPU-time limit (`--max-cpu-time`): 128 + SIGXCPU, what
/// a shell reports for a process `RLIMIT_CPU` stopped.
pub const EXIT_CPU_LIMIT: i32 = 152;

/// How often a guest's time limits are checked.
const LIMIT_TICK: Duration = Duration::from_millis(10);

/// How a guest's time limits (`--timeout`, `--max-cpu-time`) stop it. Fixed when the guest is
/// compiled: the same choice must be made to [`precompile`] and [`Sandbox::load`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interrupts {
    /// The compiled code checks an epoch counter at every loop and call, so a limit stops the
    /// instance and the host goes on: for a host running many instances. The checks cost
    /// 15–20% of the guest's speed.
    Epoch,
    /// The compiled code has no checks; a watchdog thread ends the whole process when a limit
    /// passes. For one guest per process, as `moat --safe` runs it.
    ExitProcess,
}

/// Errors of the host itself (not of the guest program).
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("failed to set up the sandbox: {0}")]
    Setup(String),
    #[error("failed to load the guest module: {0}")]
    Load(String),
    #[error("guest trapped: {0}")]
    Trap(String),
    /// The guest ran into one of its limits and was stopped.
    #[error("{0}")]
    Limit(Limit),
}

/// A limit of [`SandboxConfig`] that stopped a guest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    #[error("the program exceeded its memory limit")]
    Memory,
    #[error("the program exceeded its time limit")]
    Time,
    #[error("the program exceeded its CPU-time limit")]
    Cpu,
}

impl Limit {
    /// The exit code a command-line host ends with: [`EXIT_MEMORY_LIMIT`], [`EXIT_TIME_LIMIT`]
    /// or [`EXIT_CPU_LIMIT`].
    pub fn exit_code(self) -> i32 {
        match self {
            Limit::Memory => EXIT_MEMORY_LIMIT,
            Limit::Time => EXIT_TIME_LIMIT,
            Limit::Cpu => EXIT_CPU_LIMIT,
        }
    }
}

/// The precompiled guest, as [`precompile`] wrote it.
#[derive(Clone, Copy, Debug)]
pub enum Guest<'a> {
    /// Anywhere in memory: loading copies it into fresh pages first.
    Bytes(&'a [u8]),
    /// Embedded in this program, both parts aligned to [`EMBED_ALIGN`]: a guest without data
    /// segments and the memory image they were split into ([`split_image`]). Its machine code
    /// runs where it lies and its memory starts as the image mapped copy-on-write, so start-up
    /// neither copies the guest nor touches the pages it does not use. Instances of it are
    /// allocated on demand.
    Embedded {
        code: &'static [u8],
        image: &'static [u8],
        /// Bytes written over the image when an instance starts, at their memory offsets: a
        /// built app's own part of its memory ([`app::open`]).
        overlays: &'static [(usize, &'static [u8])],
    },
}

/// The alignment an embedded guest must have (at least the host's page size).
pub const EMBED_ALIGN: usize = 64 * 1024;

/// Makes an embedded guest's code executable in place: the pages stay file-backed and
/// read-only, and only their protection changes.
struct InPlaceCode;

impl wasmtime::CustomCodeMemory for InPlaceCode {
    fn required_alignment(&self) -> usize {
        rustix::param::page_size()
    }

    fn publish_executable(&self, ptr: *const u8, len: usize) -> wasmtime::Result<()> {
        // SAFETY: wasmtime passes the text section of the embedded guest, a page-aligned
        // range inside a `'static` slice; nothing writes to it.
        unsafe {
            rustix::mm::mprotect(
                ptr.cast_mut().cast(),
                len,
                rustix::mm::MprotectFlags::READ | rustix::mm::MprotectFlags::EXEC,
            )?;
        }
        Ok(())
    }

    fn unpublish_executable(&self, ptr: *const u8, len: usize) -> wasmtime::Result<()> {
        // SAFETY: as above; no guest code runs any more.
        unsafe {
            rustix::mm::mprotect(ptr.cast_mut().cast(), len, rustix::mm::MprotectFlags::READ)?;
        }
        Ok(())
    }
}

/// A directory the guest may see, at its host path.
#[derive(Clone, Debug)]
pub struct Preopen {
    pub host: PathBuf,
    pub writable: bool,
}

/// Everything the guest is granted. The default grants nothing.
#[derive(Clone, Debug, Default)]
pub struct SandboxConfig {
    /// Guest `argv`, program name first.
    pub args: Vec<String>,
    /// The guest's whole environment.
    pub env: Vec<(String, String)>,
    /// Directories visible in the guest, each at its own host path.
    pub preopens: Vec<Preopen>,
    /// Linear-memory ceiling in bytes.
    pub max_memory: Option<usize>,
    /// Wall-clock limit. A guest blocked in a host call when it passes (sleeping on a timer,
    /// waiting for input) ends the whole process, with [`EXIT_TIME_LIMIT`].
    pub timeout: Option<Duration>,
    /// CPU-time limit: time the guest's thread spends running, not waiting.
    pub max_cpu_time: Option<Duration>,
    /// The grants the `moat` imports check: `child_process` (host processes, which run outside
    /// the sandbox with the environment the guest has, as Node's permission model lets a granted
    /// child do anything) and `net` (name lookups and sockets). The file-system and environment grants
    /// reach the guest as the fields above.
    pub grants: moat_permissions::Grants,
    /// Ends the process when a time limit stops a guest compiled without interruption checks
    /// ([`Interrupts::ExitProcess`]): the watchdog thread that sees the limit calls it, as the
    /// guest cannot be stopped any other way. Without one the process exits with the limit's
    /// [`Limit::exit_code`] and prints nothing. (Limits a run can return from come back as
    /// [`SandboxError::Limit`].)
    pub on_limit: Option<fn(Limit) -> !>,
}

/// The wasmtime configuration shared by precompilation and loading: a `.cwasm` only loads into
/// an engine configured the same way.
pub fn engine_config(interrupts: Interrupts) -> Config {
    let mut c = Config::new();
    c.epoch_interruption(interrupts == Interrupts::Epoch);
    c.memory_init_cow(true);
    // Traps and backtraces walk guest frames by their frame pointers, and host panics never
    // unwind through them; the system unwinder's tables would only cost registering each
    // function's entry at every load.
    c.native_unwind_info(false);
    // The function table (some 840 entries: QuickJS's C functions, finalizers, GC hooks): a
    // single run fills it when the instance starts, so indirect calls need no first-use check.
    // A host running an instance per request fills each entry when first called instead: a
    // request calls a fraction of them, and filling all took an eighth of a small request.
    c.table_lazy_init(interrupts == Interrupts::Epoch);
    c.max_wasm_stack(MAX_WASM_STACK);
    // wasmtime-wasi enables async support, whose stack bounds the one above; moat runs the
    // guest synchronously, so this only has to be large enough.
    c.async_stack_size(MAX_WASM_STACK + 1024 * 1024);
    c
}

/// Native stack the guest's wasm frames may use. The interpreter recurses in C, so deep JS
/// recursion needs room here before QuickJS's own limit turns it into a RangeError.
const MAX_WASM_STACK: usize = 48 * 1024 * 1024;

/// Stack a thread that runs a guest needs ([`Sandbox::run_here`]): the guest's wasm stack
/// plus the host's frames.
pub const GUEST_THREAD_STACK: usize = MAX_WASM_STACK + 16 * 1024 * 1024;

/// The guest's snapshot step: instantiates `wasm` with nothing granted (no files, no
/// environment, no arguments), calls its `wizer-initialize` export, and returns the module with
/// its memory and globals as that call left them. A run of the result starts from there.
///
/// # Errors
/// A module that cannot be instrumented, compiled or instantiated, or whose initialisation traps.
#[cfg(feature = "compile")]
pub fn snapshot(wasm: &[u8]) -> Result<Vec<u8>, SandboxError> {
    let setup = |e: wasmtime::Error| SandboxError::Setup(format!("{e:#}"));
    let wizer = wasmtime_wizer::Wizer::new();
    let (cx, instrumented) = wizer.instrument(wasm).map_err(setup)?;
    let engine = Engine::new(&Config::new()).map_err(setup)?;
    let module = Module::new(&engine, &instrumented).map_err(setup)?;
    let mut linker: Linker<(WasiP1Ctx, host::HostCalls)> = Linker::new(&engine);
    p1::add_to_linker_sync(&mut linker, |s| &mut s.0).map_err(setup)?;
    host::add_to_linker(&mut linker, |s| &mut s.1).map_err(setup)?;
    serve::add_to_linker(&mut linker, |_| None).map_err(setup)?;
    let wasi = WasiCtxBuilder::new().inherit_stderr().build_p1();
    let mut store = Store::new(&engine, (wasi, host::HostCalls::default()));
    let instance = linker.instantiate(&mut store, &module).map_err(setup)?;
    instance
        .get_typed_func::<(), ()>(&mut store, wizer.get_init_func())
        .and_then(|init| init.call(&mut store, ()))
        .map_err(|e| SandboxError::Trap(format!("{e:#}")))?;
    let mut state = Initialised {
        store: &mut store,
        instance,
    };
    ready(wizer.snapshot(&cx, &mut state)).map_err(setup)
}

/// An initialised instance, as the snapshot reads it.
#[cfg(feature = "compile")]
struct Initialised<'a> {
    store: &'a mut Store<(WasiP1Ctx, host::HostCalls)>,
    instance: wasmtime::Instance,
}

#[cfg(feature = "compile")]
impl wasmtime_wizer::InstanceState for Initialised<'_> {
    async fn global_get(
        &mut self,
        name: &str,
        _type_hint: wasmtime_wizer::ValType,
    ) -> wasmtime_wizer::SnapshotVal {
        use wasmtime::Val;
        use wasmtime_wizer::SnapshotVal;
        let global = self
            .instance
            .get_global(&mut *self.store, name)
            .expect("the snapshot asks for exported globals");
        match global.get(&mut *self.store) {
            Val::I32(x) => SnapshotVal::I32(x),
            Val::I64(x) => SnapshotVal::I64(x),
            Val::F32(x) => SnapshotVal::F32(x),
            Val::F64(x) => SnapshotVal::F64(x),
            Val::V128(x) => SnapshotVal::V128(x.as_u128()),
            other => panic!("a global of type {other:?} cannot be snapshotted"),
        }
    }

    async fn memory_contents(&mut self, name: &str, contents: impl FnOnce(&[u8]) + Send) {
        let memory = self
            .instance
            .get_memory(&mut *self.store, name)
            .expect("the snapshot asks for exported memories");
        contents(memory.data(&*self.store));
    }
}

/// The value of a future that completes without waiting (the snapshot's: it reads a finished
/// instance).
#[cfg(feature = "compile")]
fn ready<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// Compiles guest wasm to a `.cwasm` for [`Sandbox::load`] with the same `interrupts` ([`run`]
/// takes one compiled with [`Interrupts::ExitProcess`]).
///
/// # Errors
/// Compilation errors.
#[cfg(feature = "compile")]
pub fn precompile(wasm: &[u8], interrupts: Interrupts) -> Result<Vec<u8>, SandboxError> {
    let setup = |e: wasmtime::Error| SandboxError::Setup(format!("{e:#}"));
    let mut config = engine_config(interrupts);
    if cfg!(target_arch = "x86_64") {
        // For x86-64-v3 (Haswell and later), as `moat` itself is built (scripts/native.sh),
        // rather than for whatever the build machine has: a host built for v3 knows at compile
        // time that the guest's CPU features are there, and need not ask the CPU (some ten
        // CPUID instructions, each a trap to the hypervisor in a VM: 60 µs of a start).
        config
            .target(&target_lexicon::HOST.to_string())
            .map_err(setup)?;
        // SAFETY: a preset of CPU features, checked against the host at every load.
        unsafe {
            config.cranelift_flag_enable("haswell");
        }
    }
    let engine = Engine::new(&config).map_err(setup)?;
    engine
        .precompile_module(wasm)
        .map_err(|e| SandboxError::Load(format!("{e:#}")))
}

struct HostState {
    wasi: WasiP1Ctx,
    calls: host::HostCalls,
    limits: MemoryLimit,
    /// The time limit that ended the run, if one did.
    time_limit_hit: Option<TimeLimit>,
    /// The request this instance serves (`moat serve`).
    exchange: Option<Box<dyn Exchange>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TimeLimit {
    Wall,
    Cpu,
}

/// CPU time of the calling thread.
fn thread_cpu_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The CPU-time clock of the calling thread, for reading from another.
fn thread_cpu_clock() -> Option<libc::clockid_t> {
    let mut clock: libc::clockid_t = 0;
    // SAFETY: `pthread_self` is the calling thread; the call writes one clockid_t.
    let rc = unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut clock) };
    (rc == 0).then_some(clock)
}

/// The time a clock from [`thread_cpu_clock`] reads.
fn cpu_clock_time(clock: libc::clockid_t) -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write; an invalid clock only fails the call.
    unsafe { libc::clock_gettime(clock, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// `--max-memory`: a growth of linear memory past it ends the run. It traps rather than failing
/// the growth, which the guest's allocator would turn into a JS "out of memory" error that the
/// program could catch and outlive.
struct MemoryLimit {
    max: Option<usize>,
    /// Set when the limit ended the run.
    hit: bool,
}

impl wasmtime::ResourceLimiter for MemoryLimit {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if self.max.is_some_and(|m| desired > m) {
            self.hit = true;
            wasmtime::bail!("the guest exceeded its memory limit");
        }
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        _desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(true)
    }
}

/// Runs the precompiled guest to completion and ends this process with its exit code:
/// [`Sandbox::load`], then [`Sandbox::run_here`] where the stack has room for the guest's (the
/// main thread's, when this is it and its stack limit may be raised; else a thread of its own).
/// The guest was compiled with [`Interrupts::ExitProcess`]: a time limit ends this process too.
///
/// The process ends from the guest's thread as soon as the guest is done: the sandbox and the
/// instance are left for the OS to take down, which it does faster than dropping them piece by
/// piece.
///
/// The guest must come from [`precompile`] in a build of this crate and be trusted: its
/// machine code is loaded as it is.
///
/// Returns only what kept the guest from running to an exit code: setup and load failures,
/// traps that are not an exit, and [`SandboxError::Limit`] for the memory limit and for time
/// limits a guest compiled with epoch checks stops at (other time limits go through
/// [`SandboxConfig::on_limit`]).
pub fn run_and_exit(guest: Guest<'_>, cfg: &SandboxConfig) -> SandboxError {
    let run = || {
        let sandbox = match Sandbox::load(guest, Allocation::OnDemand, Interrupts::ExitProcess) {
            Ok(sandbox) => sandbox,
            Err(e) => return e,
        };
        match sandbox.run_instance(cfg, Teardown::Leave, None, Entry::START, None) {
            Ok(code) => moat_proc::exit(code),
            Err(e) => e,
        }
    };
    // On the main thread the guest shares the heap pages the host has touched already, and
    // needs no thread started and woken (together 0.1 ms of an empty script's 1.6).
    if main_stack_can_grow(GUEST_THREAD_STACK) {
        return run();
    }
    std::thread::scope(|scope| {
        let guest_thread = std::thread::Builder::new()
            .name("moat-guest".to_string())
            .stack_size(GUEST_THREAD_STACK)
            .spawn_scoped(scope, run);
        match guest_thread {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|_| SandboxError::Setup("the guest thread panicked".to_string())),
            Err(e) => SandboxError::Setup(format!("failed to start the guest thread: {e}")),
        }
    })
}

/// Ends the process for `limit`, through the host's `on_limit` when it gave one.
fn end_for(on_limit: Option<fn(Limit) -> !>, limit: Limit) -> ! {
    match on_limit {
        Some(end) => end(limit),
        None => moat_proc::exit(limit.exit_code()),
    }
}

/// Whether this is the process's main thread and its stack may now grow to `size` bytes: Linux
/// grows the main thread's stack on demand up to `RLIMIT_STACK`, which is raised here if the
/// hard limit allows (the address space below the stack was left free for it at `exec`).
/// Child processes the guest starts get the limit as it was.
fn main_stack_can_grow(size: usize) -> bool {
    #[cfg(target_os = "linux")]
    // SAFETY: plain system calls on this process's own limits.
    unsafe {
        if libc::gettid() != libc::getpid() {
            return false;
        }
        let mut lim: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_STACK, &mut lim) != 0 {
            return false;
        }
        let want = size as libc::rlim_t;
        if lim.rlim_cur == libc::RLIM_INFINITY || lim.rlim_cur >= want {
            return true;
        }
        if lim.rlim_max != libc::RLIM_INFINITY && lim.rlim_max < want {
            return false;
        }
        moat_proc::keep_child_stack_limit(lim);
        lim.rlim_cur = want;
        libc::setrlimit(libc::RLIMIT_STACK, &lim) == 0
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = size;
        false
    }
}

/// What becomes of an instance's store when its run ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Teardown {
    Drop,
    /// Left in place: the process is about to end.
    Leave,
}

/// A store, dropped or left as its [`Teardown`] says.
struct StoreGuard<T: 'static> {
    store: std::mem::ManuallyDrop<Store<T>>,
    teardown: Teardown,
}

impl<T> StoreGuard<T> {
    fn new(store: Store<T>, teardown: Teardown) -> Self {
        StoreGuard {
            store: std::mem::ManuallyDrop::new(store),
            teardown,
        }
    }
}

impl<T> std::ops::Deref for StoreGuard<T> {
    type Target = Store<T>;
    fn deref(&self) -> &Store<T> {
        &self.store
    }
}

impl<T> std::ops::DerefMut for StoreGuard<T> {
    fn deref_mut(&mut self) -> &mut Store<T> {
        &mut self.store
    }
}

impl<T> Drop for StoreGuard<T> {
    fn drop(&mut self) {
        if self.teardown == Teardown::Drop {
            // SAFETY: dropped once, here; the field is not used after.
            unsafe { std::mem::ManuallyDrop::drop(&mut self.store) }
        }
    }
}

/// How a [`Sandbox`] allocates its instances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allocation {
    /// Memory is mapped per instance: cheapest for a single run.
    OnDemand,
    /// Slots for this many concurrent instances are reserved up front and reused: cheapest for
    /// a host that runs instance after instance.
    Pooled(u32),
}

/// A loaded guest: an engine and the compiled module, from which instances are made.
pub struct Sandbox {
    engine: Engine,
    module: Module,
    /// The module with its imports resolved, from which instances are made.
    pre: wasmtime::InstancePre<HostState>,
    linker: Linker<HostState>,
    interrupts: Interrupts,
    tokio: tokio::runtime::Runtime,
    /// The memory an embedded guest's instances start from, which [`Sandbox::set_image`]
    /// replaces.
    memory: Option<Arc<image::ImageMemory>>,
    /// Ticks the epoch for instances with a CPU-time limit only (see `run_instance`).
    ticker: std::sync::OnceLock<Ticker>,
}

/// A thread that advances an engine's epoch every [`LIMIT_TICK`] until dropped.
struct Ticker {
    _stop: std::sync::mpsc::Sender<()>,
}

impl Ticker {
    fn start(engine: Engine) -> Ticker {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            use std::sync::mpsc::RecvTimeoutError;
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(LIMIT_TICK) {
                engine.increment_epoch();
            }
        });
        Ticker { _stop: stop }
    }
}

/// Where a run of an instance begins: the guest's `_start`, or another export it has.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a>(pub &'a str);

impl Entry<'_> {
    pub const START: Entry<'static> = Entry("_start");
}

impl Sandbox {
    /// Loads a precompiled guest (see [`run`] for what it must be).
    ///
    /// # Errors
    /// A guest that does not load into this build's engine configuration.
    pub fn load(
        guest: Guest<'_>,
        allocation: Allocation,
        interrupts: Interrupts,
    ) -> Result<Self, SandboxError> {
        let mut config = engine_config(interrupts);
        let mut memory = None;
        if let Guest::Embedded {
            code,
            image,
            overlays,
        } = guest
        {
            let aligned = |b: &[u8]| (b.as_ptr() as usize).is_multiple_of(EMBED_ALIGN);
            if !aligned(code) || !aligned(image) {
                return Err(SandboxError::Load(format!(
                    "an embedded guest must be aligned to {EMBED_ALIGN} bytes"
                )));
            }
            if allocation != Allocation::OnDemand {
                return Err(SandboxError::Setup(
                    "an embedded guest's instances are allocated on demand".to_string(),
                ));
            }
            config.with_custom_code_memory(Some(Arc::new(InPlaceCode)));
            let creator = Arc::new(image::ImageMemory::new(image, overlays));
            config.with_host_memory(creator.clone());
            memory = Some(creator);
        }
        if let Allocation::Pooled(n) = allocation {
            let mut pool = wasmtime::PoolingAllocationConfig::default();
            pool.total_core_instances(n)
                .total_memories(n)
                .total_tables(n);
            config.allocation_strategy(pool);
        }
        let engine = Engine::new(&config).map_err(|e| SandboxError::Setup(format!("{e:#}")))?;
        // SAFETY: the guest was produced by `precompile` with these `interrupts` at build time
        // (the contract of `run`); an embedded one is `'static`, immutable and aligned (checked
        // above).
        let module = unsafe {
            match guest {
                Guest::Bytes(b) => Module::deserialize(&engine, b),
                Guest::Embedded { code, .. } => {
                    Module::deserialize_raw(&engine, NonNull::from(code))
                }
            }
        }
        .map_err(|e| SandboxError::Load(format!("{e:#}")))?;
        let mut linker: Linker<HostState> = Linker::new(&engine);
        p1::add_to_linker_sync(&mut linker, |s: &mut HostState| &mut s.wasi)
            .and_then(|()| host::add_to_linker(&mut linker, |s| &mut s.calls))
            .and_then(|()| serve::add_to_linker(&mut linker, |s| s.exchange.as_deref_mut()))
            .map_err(|e| SandboxError::Setup(format!("{e:#}")))?;
        let tokio = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| SandboxError::Setup(format!("failed to start a tokio runtime: {e}")))?;
        // The imports resolved once, not at every instance.
        let pre = linker
            .instantiate_pre(&module)
            .map_err(|e| SandboxError::Load(format!("{e:#}")))?;
        Ok(Sandbox {
            engine,
            module,
            pre,
            linker,
            interrupts,
            tokio,
            memory,
            ticker: std::sync::OnceLock::new(),
        })
    }

    /// An app's memory in this sandbox: the embedded guest's image with the app's overlays
    /// (see [`Guest::Embedded`]), for a sandbox that serves several apps from one guest.
    ///
    /// # Errors
    /// A guest that is not embedded.
    pub fn app_image(
        &self,
        overlays: &'static [(usize, &'static [u8])],
    ) -> Result<AppImage, SandboxError> {
        match &self.memory {
            Some(memory) => Ok(memory.with_overlays(overlays)),
            None => Err(SandboxError::Setup(
                "only an embedded guest has app images".to_string(),
            )),
        }
    }

    /// Runs a fresh instance (of `image`, or of the guest's own memory) from `entry` (an export
    /// that returns, such as an initialiser) on the calling thread, and returns its memory as
    /// it was left, for instances to start from.
    ///
    /// # Errors
    /// As [`Sandbox::run_here`], and a run that ended the program instead of returning.
    pub fn capture(
        &self,
        image: Option<&AppImage>,
        cfg: &SandboxConfig,
        entry: Entry<'_>,
    ) -> Result<AppImage, SandboxError> {
        if self.memory.is_none() {
            return Err(SandboxError::Setup(
                "only an embedded guest's memory can be captured".to_string(),
            ));
        }
        let mut captured = None;
        let code = image::ImageMemory::using(image, || {
            self.run_instance(cfg, Teardown::Drop, None, entry, Some(&mut captured))
        })?;
        match captured {
            Some(image) => Ok(image.into_app_image()),
            None => Err(SandboxError::Trap(format!(
                "the guest ended (exit code {code}) instead of returning from `{}`",
                entry.0
            ))),
        }
    }

    /// Runs one fresh instance to completion on the calling thread and returns its exit code.
    /// The thread needs [`GUEST_THREAD_STACK`] bytes of stack.
    ///
    /// # Errors
    /// Setup failures, traps that are not an exit, and [`SandboxError::Limit`] when the guest
    /// ran into one of its limits.
    pub fn run_here(&self, cfg: &SandboxConfig) -> Result<i32, SandboxError> {
        self.run_instance(cfg, Teardown::Drop, None, Entry::START, None)
    }

    /// Runs one fresh instance (of `image`, or of the guest's own memory) to serve one request
    /// (`moat serve`) on the calling thread, as [`Sandbox::run_here`] does; the instance's
    /// imports carry the request in and the response out through `exchange`.
    ///
    /// # Errors
    /// As [`Sandbox::run_here`].
    pub fn serve_here(
        &self,
        image: Option<&AppImage>,
        cfg: &SandboxConfig,
        exchange: Box<dyn Exchange>,
        entry: Entry<'_>,
    ) -> Result<i32, SandboxError> {
        image::ImageMemory::using(image, || {
            self.run_instance(cfg, Teardown::Drop, Some(exchange), entry, None)
        })
    }

    /// An instance of `image` (or of the guest's own memory), made and kept for
    /// [`Sandbox::serve_warm`] to serve request after request in; nothing of it runs yet.
    ///
    /// # Errors
    /// Setup and instantiation failures.
    pub fn warm(
        &self,
        image: Option<&AppImage>,
        cfg: &SandboxConfig,
        entry: Entry<'_>,
    ) -> Result<Warm, SandboxError> {
        let _tokio = self.tokio.enter();
        let mut store = self.new_store(cfg, Teardown::Drop, None, false)?;
        let instance = image::ImageMemory::using(image, || {
            self.pre
                .instantiate(&mut *store)
                .map_err(|e| SandboxError::Load(format!("{e:#}")))
        })?;
        let serve = instance
            .get_typed_func::<(), ()>(&mut *store, entry.0)
            .map_err(|e| SandboxError::Load(format!("{e:#}")))?;
        Ok(Warm { store, serve })
    }

    /// Serves one request in a warm instance: runs its entry with `exchange` and the limits of
    /// `cfg`, which count from now. Whatever the request leaves in the instance's memory is
    /// there for the next.
    ///
    /// Returns `None` when the entry returned, and the instance can serve again; the exit code
    /// when the guest ended its run instead (it must not serve again).
    ///
    /// # Errors
    /// As [`Sandbox::run_here`]; after an error the instance must not serve again.
    pub fn serve_warm(
        &self,
        warm: &mut Warm,
        cfg: &SandboxConfig,
        exchange: Box<dyn Exchange>,
    ) -> Result<Option<i32>, SandboxError> {
        let _tokio = self.tokio.enter();
        let store: &mut Store<HostState> = &mut warm.store;
        store.data_mut().exchange = Some(exchange);
        store.data_mut().time_limit_hit = None;
        let _limits = self.set_limits(store, cfg);
        let result = warm.serve.call(&mut *store, ());
        store.data_mut().exchange = None;
        match result {
            Ok(()) => Ok(None),
            Err(e) => outcome(store, Err(e)).map(Some),
        }
    }

    /// A store for an instance of the guest with `cfg`'s WASI context, grants and memory limit.
    fn new_store(
        &self,
        cfg: &SandboxConfig,
        teardown: Teardown,
        exchange: Option<Box<dyn Exchange>>,
        workers: bool,
    ) -> Result<StoreGuard<HostState>, SandboxError> {
        let wasi = wasi_context(cfg, &cfg.env)?;
        let mut calls = host::HostCalls::new(
            cfg.grants.clone(),
            cfg.env.clone(),
            teardown == Teardown::Leave,
        );
        if workers {
            calls.set_worker_spawner(
                Arc::new(WorkerHost {
                    engine: self.engine.clone(),
                    module: self.module.clone(),
                    linker: self.linker.clone(),
                    interrupts: self.interrupts,
                    cfg: cfg.clone(),
                })
                .spawner(),
            );
        }
        let state = HostState {
            wasi,
            calls,
            limits: MemoryLimit {
                max: cfg.max_memory,
                hit: false,
            },
            time_limit_hit: None,
            exchange,
        };
        let mut guard = StoreGuard::new(Store::new(&self.engine, state), teardown);
        guard.limiter(|s| &mut s.limits);
        Ok(guard)
    }

    /// Puts `cfg`'s time limits on what runs in `store` from now, until the returned guard
    /// drops.
    fn set_limits(&self, store: &mut Store<HostState>, cfg: &SandboxConfig) -> LimitGuard {
        // Under a time limit, without epochs, a watchdog thread checks the limits and ends the
        // process; it stops when the guard drops. With epochs, each tick interrupts running
        // guest code, which checks its wall and CPU time here and goes on or stops.
        let (running, watchdog_done) = std::sync::mpsc::channel::<()>();
        let limited = cfg.timeout.is_some() || cfg.max_cpu_time.is_some();
        if limited && self.interrupts == Interrupts::ExitProcess {
            let started = std::time::Instant::now();
            let (timeout, max_cpu) = (cfg.timeout, cfg.max_cpu_time);
            let clock = thread_cpu_clock();
            let cpu_start = clock.map(cpu_clock_time);
            let on_limit = cfg.on_limit;
            std::thread::spawn(move || {
                use std::sync::mpsc::RecvTimeoutError;
                while let Err(RecvTimeoutError::Timeout) = watchdog_done.recv_timeout(LIMIT_TICK) {
                    if timeout.is_some_and(|t| started.elapsed() >= t) {
                        end_for(on_limit, Limit::Time);
                    }
                    if let (Some(m), Some(c), Some(s)) = (max_cpu, clock, cpu_start)
                        && cpu_clock_time(c).saturating_sub(s) >= m
                    {
                        end_for(on_limit, Limit::Cpu);
                    }
                }
            });
        } else if limited {
            // The guest's own code checks its limits at each tick of one ticker shared by
            // every instance; a wait in the host ends at the wall-clock limit (`poll`), so that
            // the check comes.
            let started = std::time::Instant::now();
            let cpu_start = thread_cpu_time();
            let (timeout, max_cpu) = (cfg.timeout, cfg.max_cpu_time);
            store
                .data_mut()
                .calls
                .set_deadline(timeout.map(|t| started + t));
            store.set_epoch_deadline(1);
            store.epoch_deadline_callback(move |mut cx| {
                let hit = if timeout.is_some_and(|t| started.elapsed() >= t) {
                    Some(TimeLimit::Wall)
                } else if max_cpu.is_some_and(|m| thread_cpu_time() - cpu_start >= m) {
                    Some(TimeLimit::Cpu)
                } else {
                    None
                };
                match hit {
                    Some(limit) => {
                        cx.data_mut().time_limit_hit = Some(limit);
                        Err(wasmtime::Trap::Interrupt.into())
                    }
                    None => Ok(wasmtime::UpdateDeadline::Continue(1)),
                }
            });
            self.ticker
                .get_or_init(|| Ticker::start(self.engine.clone()));
        } else if self.interrupts == Interrupts::Epoch {
            store.set_epoch_deadline(u64::MAX);
        }
        LimitGuard { _running: running }
    }

    fn run_instance(
        &self,
        cfg: &SandboxConfig,
        teardown: Teardown,
        exchange: Option<Box<dyn Exchange>>,
        entry: Entry<'_>,
        capture: Option<&mut Option<image::Captured>>,
    ) -> Result<i32, SandboxError> {
        // wasmtime-wasi runs its preview-1 calls as futures, and without a tokio runtime in
        // scope starts a multi-threaded one (worker threads, an I/O driver) on the first call.
        // The guest's calls all complete on this thread (`allow_blocking_current_thread`, the
        // event loop waits in `moat` imports), so a current-thread runtime is all they need.
        let _tokio = self.tokio.enter();
        // A served request starts no workers; other runs may, as instances of this guest.
        let workers = exchange.is_none() && capture.is_none();
        let mut guard = self.new_store(cfg, teardown, exchange, workers)?;
        let store: &mut Store<HostState> = &mut guard;
        let _limits = self.set_limits(store, cfg);
        self.start(store, entry, capture)
    }

    /// Instantiates the guest in `store` and runs `entry` to its end; with `capture`, keeps
    /// the memory an entry that returns leaves.
    fn start(
        &self,
        store: &mut Store<HostState>,
        entry: Entry<'_>,
        capture: Option<&mut Option<image::Captured>>,
    ) -> Result<i32, SandboxError> {
        let instance = self
            .pre
            .instantiate(&mut *store)
            .map_err(|e| SandboxError::Load(format!("{e:#}")))?;
        let start = instance
            .get_typed_func::<(), ()>(&mut *store, entry.0)
            .map_err(|e| SandboxError::Load(format!("{e:#}")))?;
        let result = start.call(&mut *store, ());
        if result.is_ok()
            && let Some(out) = capture
        {
            let memory = instance
                .get_memory(&mut *store, "memory")
                .ok_or_else(|| SandboxError::Load("the guest has no memory".into()))?;
            let base = self.memory.as_ref().map(|m| m.current());
            let captured = image::Captured::new(memory.data(&*store), base.as_deref())
                .map_err(|e| SandboxError::Setup(format!("failed to keep an image: {e}")))?;
            *out = Some(captured);
        }
        outcome(store, result.map(|()| 0))
    }
}

/// An instance kept to serve requests one after another ([`Sandbox::warm`]).
pub struct Warm {
    store: StoreGuard<HostState>,
    serve: wasmtime::TypedFunc<(), ()>,
}

/// Keeps a run's time limits in force (the watchdog thread, where there is one, stops when it
/// drops).
struct LimitGuard {
    _running: std::sync::mpsc::Sender<()>,
}

/// What a guest's run came to: its exit code (0 when its entry returned), or why it stopped.
fn outcome(store: &Store<HostState>, result: wasmtime::Result<i32>) -> Result<i32, SandboxError> {
    let e = match result {
        Ok(code) => return Ok(code),
        Err(e) => e,
    };
    if let Some(exit) = e.downcast_ref::<I32Exit>() {
        return Ok(exit.0);
    }
    if let Some(trap) = e.downcast_ref::<wasmtime::Trap>() {
        if *trap == wasmtime::Trap::Interrupt {
            return Err(SandboxError::Limit(match store.data().time_limit_hit {
                Some(TimeLimit::Cpu) => Limit::Cpu,
                _ => Limit::Time,
            }));
        }
        if *trap == wasmtime::Trap::MemoryOutOfBounds || *trap == wasmtime::Trap::HeapMisaligned {
            return Err(SandboxError::Trap(format!("{e:#}")));
        }
    }
    if store.data().limits.hit {
        return Err(SandboxError::Limit(Limit::Memory));
    }
    Err(SandboxError::Trap(format!("{e:#}")))
}

/// The WASI context of an instance: `cfg`'s arguments and preopened directories, the
/// environment `env`, the host's standard streams.
fn wasi_context(cfg: &SandboxConfig, env: &[(String, String)]) -> Result<WasiP1Ctx, SandboxError> {
    let mut b = WasiCtxBuilder::new();
    // The guest is synchronous and alone on its thread: file operations run right here instead
    // of hopping to a blocking pool and back (which costs two thread wake-ups per call).
    b.inherit_stdio()
        .args(&cfg.args)
        .envs(env)
        .allow_blocking_current_thread(true);
    for p in &cfg.preopens {
        let perms = if p.writable {
            FsPerms::ReadWrite
        } else {
            FsPerms::ReadOnly
        };
        let guest = p.host.to_string_lossy().into_owned();
        b.preopened_dir(&p.host, &guest, perms)
            .map_err(|e| SandboxError::Setup(format!("{e:#}")))?;
    }
    Ok(b.build_p1())
}

/// What a worker instance is made from: its parent's engine, compiled guest, imports and
/// configuration (grants, preopens, environment, memory limit). Time limits stay the
/// parent's: they end the whole run.
struct WorkerHost {
    engine: Engine,
    module: Module,
    linker: Linker<HostState>,
    interrupts: Interrupts,
    cfg: SandboxConfig,
}

impl WorkerHost {
    fn spawner(self: Arc<Self>) -> host::WorkerSpawner {
        Arc::new(move |launch| self.clone().start(launch))
    }

    /// Starts the worker's instance on a thread of its own; its exit reaches the parent.
    fn start(self: Arc<Self>, launch: host::WorkerLaunch) -> std::io::Result<()> {
        std::thread::Builder::new()
            .name(format!("moat-worker-{}", launch.link.thread_id))
            .stack_size(GUEST_THREAD_STACK)
            .spawn(move || {
                let parent = launch.link.parent.clone();
                let handle = launch.link.handle;
                let own = launch.events.clone();
                let code = self.run(launch).unwrap_or_else(|e| {
                    eprintln!("moat: worker: {e}");
                    1
                });
                // Ports the worker left open close with it, as in Node.
                moat_proc::ports::close_attached(&own);
                parent.push(moat_abi::Event::Exit {
                    handle,
                    code: Some(code),
                    signal: None,
                });
            })
            .map(drop)
    }

    fn run(self: &Arc<Self>, launch: host::WorkerLaunch) -> Result<i32, SandboxError> {
        let tokio = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| SandboxError::Setup(format!("failed to start a tokio runtime: {e}")))?;
        let _tokio = tokio.enter();
        let cfg = &self.cfg;
        let mut env: Vec<(String, String)> = cfg
            .env
            .iter()
            .filter(|(k, _)| k != "MOAT_GUEST_CONFIG")
            .cloned()
            .collect();
        env.push(("MOAT_GUEST_CONFIG".to_string(), launch.config));
        let wasi = wasi_context(cfg, &env)?;
        let mut calls = host::HostCalls::new(cfg.grants.clone(), cfg.env.clone(), false);
        calls.set_worker(launch.events, launch.link);
        calls.set_worker_spawner(self.clone().spawner());
        let state = HostState {
            wasi,
            calls,
            limits: MemoryLimit {
                max: cfg.max_memory,
                hit: false,
            },
            time_limit_hit: None,
            exchange: None,
        };
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.limits);
        if self.interrupts == Interrupts::Epoch {
            store.set_epoch_deadline(u64::MAX);
        }
        let instance = self
            .linker
            .instantiate(&mut store, &self.module)
            .map_err(|e| SandboxError::Load(format!("{e:#}")))?;
        let start = instance
            .get_typed_func::<(), ()>(&mut store, Entry::START.0)
            .map_err(|e| SandboxError::Load(format!("{e:#}")))?;
        match start.call(&mut store, ()) {
            Ok(()) => Ok(0),
            Err(e) => {
                if let Some(exit) = e.downcast_ref::<I32Exit>() {
                    return Ok(exit.0);
                }
                if store.data().limits.hit {
                    return Err(SandboxError::Limit(Limit::Memory));
                }
                Err(SandboxError::Trap(format!("{e:#}")))
            }
        }
    }
}
