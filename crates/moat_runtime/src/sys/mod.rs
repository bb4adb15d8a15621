//! Everything that touches the operating system. Knows no JavaScript.
//!
//! The platform half is chosen at the `mod` line: `native.rs` for the host, `wasi.rs` for
//! wasm32-wasip1, where the sandbox host decides what each call may reach.

/// Declares `moat` host imports (`moat_abi`), each behind an `unsafe fn` of the same name that
/// answers `errno::NOSYS` without calling the host when the guest runs on a stock WASI runtime
/// ([`moat_host`] false), where the imports are linked to traps or to stand-ins.
#[cfg(target_os = "wasi")]
macro_rules! moat_imports {
    ($vis:vis imports { $( fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> i32; )* }) => {
        mod raw {
            #[link(wasm_import_module = "moat")]
            unsafe extern "C" {
                $( pub fn $name($($arg: $ty),*) -> i32; )*
            }
        }
        $(
            #[allow(clippy::too_many_arguments)]
            $vis unsafe fn $name($($arg: $ty),*) -> i32 {
                if !$crate::sys::moat_host() {
                    return moat_abi::errno::NOSYS;
                }
                // SAFETY: the caller's, for the import's pointers.
                unsafe { raw::$name($($arg),*) }
            }
        )*
    };
}

#[cfg_attr(target_os = "wasi", path = "wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "native.rs")]
mod platform;

pub mod child;
pub mod embedded;
pub mod error;
#[cfg_attr(target_os = "wasi", path = "events/wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "events/native.rs")]
pub mod events;
pub mod fs;
#[cfg(target_os = "wasi")]
mod host;

#[cfg(target_os = "wasi")]
static MOAT_HOST: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Whether the guest runs in moat's sandbox host, which provides the `moat` imports (always
/// natively). A built app run by a stock WASI runtime has WASI alone: what needs the imports
/// fails with `ENOSYS`, the event loop waits with WASI's clock, and the run ends with WASI's
/// `proc_exit`.
pub fn moat_host() -> bool {
    #[cfg(target_os = "wasi")]
    {
        MOAT_HOST.load(std::sync::atomic::Ordering::Relaxed)
    }
    #[cfg(not(target_os = "wasi"))]
    {
        true
    }
}

/// Says the guest runs on a stock WASI runtime (see [`moat_host`]). Called by the guest's
/// entry point before anything else, when no sandbox host has described the run.
#[cfg(target_os = "wasi")]
pub fn set_stock_runtime() {
    MOAT_HOST.store(false, std::sync::atomic::Ordering::Relaxed);
}
#[cfg_attr(target_os = "wasi", path = "net/wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "net/native.rs")]
pub mod net;
pub mod os;
pub mod random;
pub mod serve;
pub mod tty;
#[cfg(target_os = "wasi")]
pub mod worker;

pub use random::reseed;

#[cfg(target_os = "wasi")]
pub use platform::is_granted;

pub use platform::{
    chdir, cwd, egid, euid, exit, getgid, getuid, hostname, is_tty, kill, lookup, pid, ppid,
    signal_unwatch, signal_watch, stdin_events, umask,
};

use std::cell::Cell;
use std::io::Write;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    static START: Cell<Option<Instant>> = const { Cell::new(None) };
    /// The wall-clock time of [`START`] in milliseconds since the epoch, once asked for.
    static ORIGIN: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Marks the program's start; `hrtime` and `uptime` count from here. Called again by a run
/// of an engine booted earlier (the sandbox's snapshot), whose clock readings are stale.
pub fn mark_start() {
    START.with(|s| s.set(Some(Instant::now())));
    ORIGIN.with(|o| o.set(None));
}

/// The wall-clock time of the program's start ([`mark_start`]) in milliseconds since the Unix
/// epoch (`performance.timeOrigin`): the same throughout a run.
pub fn time_origin_ms() -> f64 {
    ORIGIN.with(|o| {
        o.get().unwrap_or_else(|| {
            let origin = wall_ms() - hrtime_ns() as f64 / 1e6;
            o.set(Some(origin));
            origin
        })
    })
}

/// Nanoseconds on a monotonic clock since [`mark_start`].
pub fn hrtime_ns() -> u64 {
    START.with(|s| {
        let start = s.get().unwrap_or_else(|| {
            let now = Instant::now();
            s.set(Some(now));
            now
        });
        start.elapsed().as_nanos() as u64
    })
}

/// Milliseconds since the Unix epoch.
pub fn wall_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// How long the event loop has waited for events so far, where it is measured: the sandbox's
/// host times the guest's waits; natively `None`.
pub fn loop_idle_time() -> Option<Duration> {
    #[cfg(target_os = "wasi")]
    {
        host::idle_time().ok()
    }
    #[cfg(not(target_os = "wasi"))]
    {
        None
    }
}

/// Blocks the thread; the event loop's idle wait.
pub fn sleep(d: Duration) {
    platform::sleep(d);
}

/// Writes all of `data` to stdout (1) or stderr (2). A closed pipe is not an error.
///
/// # Errors
/// Any other write error.
pub fn write_stdio(fd: i32, data: &[u8]) -> std::io::Result<()> {
    let r = if fd == 2 {
        let mut e = std::io::stderr().lock();
        e.write_all(data).and_then(|_| e.flush())
    } else {
        let mut o = std::io::stdout().lock();
        o.write_all(data).and_then(|_| o.flush())
    };
    match r {
        Err(e) if platform::is_closed_pipe(&e) => Ok(()),
        other => other,
    }
}

/// Reads standard input to its end.
///
/// # Errors
/// The read error.
pub fn read_stdin_to_end() -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)?;
    Ok(buf)
}

/// One environment variable as the process sees it.
pub fn env_var(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
}

/// Environment variables as the process sees them.
pub fn env_vars() -> Vec<(String, String)> {
    std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect()
}

/// Total and available memory in bytes, from /proc/meminfo where there is one.
pub fn meminfo() -> (u64, u64) {
    let text = platform::machine_file("/proc/meminfo");
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .map(|kb| kb * 1024)
    };
    (
        field("MemTotal:").unwrap_or(0),
        field("MemAvailable:").unwrap_or(0),
    )
}

/// The number of logical CPUs.
#[cfg(not(target_os = "wasi"))]
pub fn cpu_count() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// The number of logical CPUs: the machine's (WASI tells of none).
#[cfg(target_os = "wasi")]
pub fn cpu_count() -> usize {
    os::cpus().len().max(1)
}

/// Resident set size of this process, where it can be known.
pub fn rss() -> u64 {
    let text = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    text.split_whitespace()
        .nth(1)
        .and_then(|v| v.parse::<u64>().ok())
        .map(|p| p * 4096)
        .unwrap_or(0)
}
