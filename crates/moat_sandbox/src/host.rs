//! The host side of the `moat` imports (`moat_abi`): each call reads its request from guest
//! memory, is checked against the grants, and answers with an error number.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use moat_abi::{Command, Event, errno, names};
use wasmtime::{Caller, Linker, Memory};

/// The longest host name `dns_lookup` takes (a DNS name has at most 253 characters).
const MAX_HOST_NAME: u32 = 1024;
/// The longest socket address text (`[v6%scope]:port`).
const MAX_SOCKET_ADDR: u32 = 256;
/// The longest DNS query `dns_query` takes (a UDP message of EDNS's usual size).
const MAX_DNS_MESSAGE: u32 = 4096;
/// The largest encoded [`Command`]: its arguments, environment and `spawnSync` input.
const MAX_COMMAND: u32 = 64 << 20;
/// Most bytes of output (children's, the process's stdin) the host holds for the guest until
/// `poll` hands them over; past it, the readers wait, and so the children writing.
const MAX_BUFFERED: usize = 16 << 20;

/// Bytes read for the guest and not yet handed over by `poll`, held within [`MAX_BUFFERED`].
#[derive(Default)]
struct Buffered {
    /// The bytes held, and whether the instance is gone (then nobody waits any more).
    state: Mutex<(usize, bool)>,
    drained: Condvar,
}

impl Buffered {
    /// Counts `n` more bytes, first waiting (on a reader's thread) while the ones held would
    /// pass the limit. A chunk always goes when nothing is held, so none waits forever.
    fn hold(&self, n: usize) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while !s.1 && s.0 > 0 && s.0.saturating_add(n) > MAX_BUFFERED {
            s = self.drained.wait(s).unwrap_or_else(|p| p.into_inner());
        }
        s.0 = s.0.saturating_add(n);
    }

    /// `n` bytes went to the guest.
    fn release(&self, n: usize) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.0 = s.0.saturating_sub(n);
        self.drained.notify_all();
    }

    /// The instance is gone: readers stop waiting.
    fn close(&self) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).1 = true;
        self.drained.notify_all();
    }
}

/// A sink for a reader thread's events that holds their bytes within [`MAX_BUFFERED`].
fn bounded_sink(events: moat_proc::EventQueue, held: Arc<Buffered>) -> impl Fn(Event) + Clone {
    move |e| {
        if let Event::Data { bytes, .. } = &e {
            held.hold(bytes.len());
        }
        events.push(e);
    }
}

/// What the imports may do for one instance, its children and sockets, and the answer waiting
/// for `take`.
#[derive(Default)]
pub struct HostCalls {
    /// What the guest may ask for: `child_process`, `net`, and the file grants for Unix-domain
    /// sockets and the `fs_*` imports, are read here.
    grants: moat_permissions::Grants,
    /// The guest's environment: what a child gets when the request names none.
    env: Vec<(String, String)>,
    pending: Option<Vec<u8>>,
    /// Running children by the guest's handle.
    children: HashMap<u32, moat_proc::Child>,
    /// Events from the children's threads, for `poll`.
    events: moat_proc::EventQueue,
    /// The guest's sockets, from its first socket call on.
    sockets: Option<moat_net::Sockets>,
    /// The allowed names `dns_lookup` resolved, by the addresses it gave: a grant of a name
    /// covers those addresses.
    resolved: HashMap<IpAddr, Vec<String>>,
    /// Signals delivered to the guest instead of acting on the host (`signal_watch`).
    signals: std::collections::HashSet<i32>,
    /// Pids of the children that have exited: signalling one is `ESRCH`, not `EPERM`.
    exited: std::collections::HashSet<i32>,
    /// `process_exit` ends the host process (its only guest is done) instead of the run.
    exit_process: bool,
    /// `stdin_read` has started reading the host's standard input.
    reading_stdin: bool,
    /// The handle stdin's chunks go to, until its end has been delivered.
    stdin_open: Option<u32>,
    /// Output read for the guest and not yet polled.
    buffered: Arc<Buffered>,
    /// When the run's wall-clock limit passes: waits end there, so that the limit (checked
    /// in the guest's code) stops it.
    deadline: Option<std::time::Instant>,
    /// The guest's standard streams are the host process's own (a run, not the snapshot step):
    /// `tty_info` and `tty_set_mode` answer about them.
    inherits_stdio: bool,
    /// The terminal mode of stdin before `tty_set_mode` changed it, to put back at the end.
    tty_saved: Option<libc::termios>,
    /// How long the guest has waited in `poll`: its event loop's idle time.
    idle: Duration,
    /// `ipc_open` has opened the host process's IPC channel.
    channel_opened: bool,
    /// Starts worker instances (`worker_spawn`); none where the host runs no workers.
    spawner: Option<WorkerSpawner>,
    /// The workers this instance started that have not been forgotten, by handle.
    workers: HashMap<u32, WorkerControl>,
    /// In a worker instance: its link to the instance that started it.
    worker: Option<WorkerLink>,
    /// The instance has started its one internal worker (`worker_flags::INTERNAL`).
    internal_worker: bool,
    /// The granted directories `fs_stat` has looked beneath, opened (`O_PATH`) once.
    granted_dirs: HashMap<std::path::PathBuf, rustix::fd::OwnedFd>,
    /// The guest's `fs_watch`es, by handle; each ends when dropped.
    fs_watches: HashMap<u32, moat_proc::fswatch::FsWatch>,
}

/// Starts a worker instance on a thread of its own (the sandbox's loader gives one).
pub type WorkerSpawner = Arc<dyn Fn(WorkerLaunch) -> std::io::Result<()> + Send + Sync>;

/// What a worker instance is started with.
pub struct WorkerLaunch {
    /// The record it runs (`GuestConfig` as JSON, for `MOAT_GUEST_CONFIG`).
    pub config: String,
    /// The worker's own events: its parent's messages and the wake-up that stops it.
    pub events: moat_proc::EventQueue,
    pub link: WorkerLink,
}

/// A worker instance's link to the instance that started it.
pub struct WorkerLink {
    pub thread_id: u32,
    /// The data it was started with, until `worker_self` hands it over.
    pub init: Option<Vec<u8>>,
    /// The parent's queue, and the handle its events for this worker carry there.
    pub parent: moat_proc::EventQueue,
    pub handle: u32,
    pub stop: Arc<std::sync::atomic::AtomicBool>,
}

/// An instance's end of a worker it started.
struct WorkerControl {
    events: moat_proc::EventQueue,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

/// Thread ids count up across the host process, as Node's do; the main thread is 0.
static NEXT_THREAD_ID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

impl Drop for HostCalls {
    fn drop(&mut self) {
        for &signal in &self.signals {
            moat_proc::signals::unwatch(signal);
        }
        self.buffered.close();
        self.restore_tty();
    }
}

impl HostCalls {
    /// The host pid whose priority `pid` (a guest's pid) names: 0 for the guest itself (the
    /// host process), or a child of this instance. Changing the guest's own needs the host
    /// process to be its alone (`exit_process`).
    fn priority_target(&self, pid: i32, change: bool) -> Result<i32, i32> {
        if pid == 0 || pid == moat_abi::GUEST_PID {
            return if change && !self.exit_process {
                Err(errno::PERM)
            } else {
                Ok(0)
            };
        }
        if pid > 0 && self.children.values().any(|c| c.pid as i32 == pid) {
            return Ok(pid);
        }
        Err(if self.exited.contains(&pid) {
            errno::SRCH
        } else {
            errno::PERM
        })
    }

    /// The calls of a guest with `grants` and the environment `env`. With `exit_process`,
    /// the guest's `process_exit` ends this process.
    pub fn new(
        grants: moat_permissions::Grants,
        env: Vec<(String, String)>,
        exit_process: bool,
    ) -> Self {
        let mut calls = HostCalls::default();
        calls.grants = grants;
        calls.env = env;
        calls.exit_process = exit_process;
        calls.inherits_stdio = true;
        calls
    }

    /// Lets the guest start workers through `spawner`.
    pub fn set_worker_spawner(&mut self, spawner: WorkerSpawner) {
        self.spawner = Some(spawner);
    }

    /// Makes this instance a worker: `events` is the queue its parent pushes to.
    pub fn set_worker(&mut self, events: moat_proc::EventQueue, link: WorkerLink) {
        self.events = events;
        self.worker = Some(link);
    }

    /// Has waits end when the run's wall-clock limit passes.
    pub fn set_deadline(&mut self, deadline: Option<std::time::Instant>) {
        self.deadline = deadline;
    }

    /// Puts stdin's terminal mode back as it was before `tty_set_mode`.
    fn restore_tty(&mut self) {
        if let Some(saved) = self.tty_saved.take() {
            // SAFETY: `saved` is a termios tcgetattr filled for this descriptor.
            unsafe { libc::tcsetattr(0, libc::TCSADRAIN, &saved) };
        }
    }

    /// The guest signalling itself, in a host process that runs it alone: a watched signal
    /// reaches its handler (and from there `poll`); any other takes its action on this process,
    /// which ends it by the signal for most, as it would end the process the guest stands for.
    fn signal_self(&mut self, signal: i32) -> i32 {
        if signal == 0 {
            return errno::SUCCESS;
        }
        if !self.signals.contains(&signal) {
            // What the guest wrote is out, and the terminal as it was, should this be the end.
            use std::io::Write;
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().flush();
            self.restore_tty();
        }
        // SAFETY: raise has no memory preconditions.
        if unsafe { libc::raise(signal) } == 0 {
            errno::SUCCESS
        } else {
            errno::from_io(&std::io::Error::last_os_error())
        }
    }

    /// The guest's sockets, made on first use; their poller also wakes for child events.
    fn sockets(&mut self) -> std::io::Result<&mut moat_net::Sockets> {
        if self.sockets.is_none() {
            let s = moat_net::Sockets::new()?;
            let waker = s.waker();
            self.events.set_notify(move || {
                let _ = waker.wake();
            });
            self.sockets = Some(s);
        }
        Ok(self.sockets.as_mut().expect("made above"))
    }

    /// Whether `--allow-net` lets a socket reach `addr`.
    fn net_allows(&self, addr: SocketAddr) -> bool {
        let names: Vec<&str> = self
            .resolved
            .get(&addr.ip())
            .map(|v| v.iter().map(String::as_str).collect())
            .unwrap_or_default();
        self.grants.net_allows_addr(addr.ip(), addr.port(), &names)
    }

    /// Stores `answer` for `take` and tells the guest its length.
    fn answer<T>(
        caller: &mut Caller<'_, T>,
        calls: fn(&mut T) -> &mut HostCalls,
        answer: Vec<u8>,
        size_out: u32,
    ) -> i32 {
        let code = write(caller, size_out, &(answer.len() as u32).to_le_bytes());
        if code == errno::SUCCESS {
            calls(caller.data_mut()).pending = (!answer.is_empty()).then_some(answer);
        }
        code
    }
}

pub(crate) fn memory<T>(caller: &mut Caller<'_, T>) -> Option<Memory> {
    caller.get_export("memory")?.into_memory()
}

/// Bytes `[ptr, ptr + len)` of guest memory, copied, when `len` is at most `max`: `Err` is
/// [`errno::TOOBIG`] past `max` (checked before anything is allocated), [`errno::FAULT`] outside
/// the guest's memory.
fn read<T>(caller: &mut Caller<'_, T>, ptr: u32, len: u32, max: u32) -> Result<Vec<u8>, i32> {
    if len > max {
        return Err(errno::TOOBIG);
    }
    let mem = memory(caller).ok_or(errno::FAULT)?;
    let start = ptr as usize;
    let end = start.checked_add(len as usize).ok_or(errno::FAULT)?;
    mem.data(&*caller)
        .get(start..end)
        .map(<[u8]>::to_vec)
        .ok_or(errno::FAULT)
}

/// Runs `f` on the guest's memory `[ptr, ptr + len)`, in place, and the instance's calls: what
/// crosses is not copied, so its length costs the host nothing. [`errno::FAULT`] outside the
/// guest's memory.
fn with_guest_bytes<T: 'static, R>(
    caller: &mut Caller<'_, T>,
    calls: fn(&mut T) -> &mut HostCalls,
    ptr: u32,
    len: u32,
    f: impl FnOnce(&mut [u8], &mut HostCalls) -> R,
) -> Result<R, i32> {
    let mem = memory(caller).ok_or(errno::FAULT)?;
    let start = ptr as usize;
    let end = start.checked_add(len as usize).ok_or(errno::FAULT)?;
    let (data, state) = mem.data_and_store_mut(&mut *caller);
    let bytes = data.get_mut(start..end).ok_or(errno::FAULT)?;
    Ok(f(bytes, calls(state)))
}

/// Copies `bytes` into guest memory at `ptr`: [`errno::SUCCESS`], or [`errno::FAULT`] when
/// they do not fit.
fn write<T>(caller: &mut Caller<'_, T>, ptr: u32, bytes: &[u8]) -> i32 {
    match memory(caller).map(|m| m.write(&mut *caller, ptr as usize, bytes)) {
        Some(Ok(())) => errno::SUCCESS,
        _ => errno::FAULT,
    }
}

/// The [`Command`] a process call asks for, once the grant allows processes at all; a request
/// that names no environment gets the guest's own. `Err` is the error number to answer.
fn command<T>(
    caller: &mut Caller<'_, T>,
    calls: fn(&mut T) -> &mut HostCalls,
    req: u32,
    req_len: u32,
) -> Result<Command, i32> {
    if !calls(caller.data_mut()).grants.child_process {
        return Err(errno::ACCES);
    }
    let bytes = read(caller, req, req_len, MAX_COMMAND)?;
    let mut cmd = Command::decode(&bytes).map_err(|_| errno::INVAL)?;
    if cmd.env.is_none() {
        cmd.env = Some(calls(caller.data_mut()).env.clone());
    }
    // Only the guest's own descriptors 0 to 2 are the host's.
    if cmd
        .stdio
        .iter()
        .any(|s| matches!(s, moat_abi::Stdio::Fd(fd) if !(0..=2).contains(fd)))
    {
        return Err(errno::BADF);
    }
    if is_own_executable(&cmd.file) {
        confine(&mut cmd, &calls(caller.data_mut()).grants);
    }
    Ok(cmd)
}

/// Whether `file` is this host's own executable: a guest starting moat (`fork`,
/// `process.execPath`) starts another sandbox.
fn is_own_executable(file: &str) -> bool {
    let (Ok(own), Ok(asked)) = (
        std::env::current_exe().and_then(std::fs::canonicalize),
        std::fs::canonicalize(file),
    ) else {
        return false;
    };
    own == asked
}

/// Flags of moat's command line that give or widen grants, or leave the sandbox.
fn is_grant_flag(arg: &str) -> bool {
    let name = arg.split_once('=').map_or(arg, |(n, _)| n);
    name.starts_with("--allow-") || name == "--permission" || name == "--safe"
}

/// Flags of moat's command line whose value is the next argument (when not given with `=`).
const FLAGS_WITH_VALUE: &[&str] = &[
    "-e",
    "--eval",
    "-p",
    "--print",
    "-pe",
    "-r",
    "--require",
    "--import",
    "--loader",
    "--experimental-loader",
    "--input-type",
    "--env-file",
    "--env-file-if-exists",
    "--run",
    "--max-memory",
    "--max-cpu-time",
    "--timeout",
    "--stack-trace-limit",
    "--title",
    "--disable-warning",
    "--conditions",
    "-C",
    "--redirect-warnings",
    "--unhandled-rejections",
];

/// Makes a moat child of a sandboxed guest run sandboxed with the guest's own grants and no
/// more: `--safe` and the grants' flags go first, and grant flags the guest passed before its
/// script (or in `NODE_OPTIONS`) are dropped.
fn confine(cmd: &mut Command, grants: &moat_permissions::Grants) {
    let mut args = vec!["--safe".to_string()];
    args.extend(
        grants
            .to_flags()
            .into_iter()
            .filter(|f| f != "--permission"),
    );
    let mut rest = std::mem::take(&mut cmd.args).into_iter();
    while let Some(a) = rest.next() {
        if !a.starts_with('-') || a == "-" || a == "--" {
            args.push(a);
            break;
        }
        if is_grant_flag(&a) {
            continue;
        }
        let takes_value = !a.contains('=') && FLAGS_WITH_VALUE.contains(&a.as_str());
        args.push(a);
        if takes_value && let Some(v) = rest.next() {
            args.push(v);
        }
    }
    args.extend(rest);
    cmd.args = args;
    if let Some(env) = &mut cmd.env {
        for (k, v) in env.iter_mut() {
            if k == "NODE_OPTIONS" {
                *v = v
                    .split_whitespace()
                    .filter(|o| !is_grant_flag(o))
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
    }
}

/// Adds the `moat` imports to `linker`; `calls` finds an instance's [`HostCalls`].
///
/// # Errors
/// A name already defined in `linker`.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    calls: fn(&mut T) -> &mut HostCalls,
) -> wasmtime::Result<()> {
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_RUN,
        move |mut caller: Caller<'_, T>, req: u32, req_len: u32, size_out: u32| -> i32 {
            let cmd = match command(&mut caller, calls, req, req_len) {
                Ok(cmd) => cmd,
                Err(code) => return code,
            };
            match moat_proc::spawn_sync(&cmd) {
                Ok(out) => HostCalls::answer(&mut caller, calls, out.encode(), size_out),
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_EXEC,
        move |mut caller: Caller<'_, T>, req: u32, req_len: u32| -> i32 {
            // Only a host that runs this guest alone stands for its process; a server's
            // process is not the guest's to replace.
            if !calls(caller.data_mut()).exit_process {
                return errno::NOSYS;
            }
            let cmd = match command(&mut caller, calls, req, req_len) {
                Ok(cmd) => cmd,
                Err(code) => return code,
            };
            use std::io::Write;
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().flush();
            // The guest ends when this fails too (as node does), so the terminal stays restored.
            calls(caller.data_mut()).restore_tty();
            errno::from_io(&moat_proc::exec(&cmd))
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_SPAWN,
        move |mut caller: Caller<'_, T>,
              req: u32,
              req_len: u32,
              handle: u32,
              pid_out: u32|
              -> i32 {
            let cmd = match command(&mut caller, calls, req, req_len) {
                Ok(cmd) => cmd,
                Err(code) => return code,
            };
            let host = calls(caller.data_mut());
            let sink = bounded_sink(host.events.clone(), host.buffered.clone());
            let child = match moat_proc::spawn(&cmd, handle, sink) {
                Ok(child) => child,
                Err(e) => return errno::from_io(&e),
            };
            let pid = child.pid;
            host.children.insert(handle, child);
            write(&mut caller, pid_out, &pid.to_le_bytes())
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_WRITE,
        move |mut caller: Caller<'_, T>, handle: u32, fd: i32, data: u32, len: u32| -> i32 {
            let r = with_guest_bytes(&mut caller, calls, data, len, |bytes, host| {
                match host.children.get(&handle) {
                    Some(c) => c
                        .write(fd, bytes)
                        .map_or_else(|e| errno::from_io(&e), |()| errno::SUCCESS),
                    None => errno::PIPE,
                }
            });
            r.unwrap_or_else(|code| code)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_CLOSE,
        move |mut caller: Caller<'_, T>, handle: u32, fd: i32| -> i32 {
            if let Some(c) = calls(caller.data_mut()).children.get(&handle) {
                c.close(fd);
            }
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_FLOW,
        move |mut caller: Caller<'_, T>, handle: u32, fd: i32, paused: i32| -> i32 {
            if let Some(c) = calls(caller.data_mut()).children.get(&handle) {
                c.set_paused(fd, paused != 0);
            }
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::IPC_OPEN,
        move |mut caller: Caller<'_, T>, handle: u32, mode_out: u32| -> i32 {
            let host = calls(caller.data_mut());
            // Only a host that runs one guest per process has a channel of its own.
            if !host.exit_process {
                return errno::NOENT;
            }
            if host.channel_opened {
                return errno::INVAL;
            }
            let Some(fd) = std::env::var("NODE_CHANNEL_FD")
                .ok()
                .and_then(|v| v.parse::<i32>().ok())
                .filter(|fd| *fd > 2)
            else {
                return errno::NOENT;
            };
            let advanced =
                std::env::var("NODE_CHANNEL_SERIALIZATION_MODE").is_ok_and(|m| m == "advanced");
            let sink = bounded_sink(host.events.clone(), host.buffered.clone());
            let channel = match moat_proc::open_channel(fd, handle, sink) {
                Ok(c) => c,
                Err(e) => return errno::from_io(&e),
            };
            host.channel_opened = true;
            host.children.insert(handle, channel);
            let mut out = [0u8; 8];
            out[..4].copy_from_slice(&(fd as u32).to_le_bytes());
            out[4..].copy_from_slice(&u32::from(advanced).to_le_bytes());
            write(&mut caller, mode_out, &out)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_KILL,
        move |mut caller: Caller<'_, T>, pid: i32, signal: i32| -> i32 {
            // As kill(2), a signal number that does not exist is refused before anything else.
            if !(0..=64).contains(&signal) {
                return errno::INVAL;
            }
            let host = calls(caller.data_mut());
            if pid == moat_abi::GUEST_PID && host.exit_process {
                return host.signal_self(signal);
            }
            let own = pid > 0 && host.children.values().any(|c| c.pid as i32 == pid);
            if !own {
                return if host.exited.contains(&pid) {
                    errno::SRCH
                } else {
                    errno::PERM
                };
            }
            match moat_proc::kill(pid, signal) {
                Ok(()) => errno::SUCCESS,
                // Exited, its exit not yet polled.
                Err(e) if e.raw_os_error() == Some(libc::ESRCH) => errno::SRCH,
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_GET_PRIORITY,
        move |mut caller: Caller<'_, T>, pid: i32, out: u32| -> i32 {
            let target = match calls(caller.data_mut()).priority_target(pid, false) {
                Ok(t) => t,
                Err(code) => return code,
            };
            let p = match moat_proc::get_priority(target) {
                Ok(p) => p,
                Err(e) => return priority_errno(&e),
            };
            write(&mut caller, out, &p.to_le_bytes())
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_SET_PRIORITY,
        move |mut caller: Caller<'_, T>, pid: i32, priority: i32| -> i32 {
            let target = match calls(caller.data_mut()).priority_target(pid, true) {
                Ok(t) => t,
                Err(code) => return code,
            };
            match moat_proc::set_priority(target, priority) {
                Ok(()) => errno::SUCCESS,
                Err(e) => priority_errno(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SYS_READ,
        move |mut caller: Caller<'_, T>, which: u32, size_out: u32| -> i32 {
            let Some(path) = moat_abi::MACHINE_FILES.get(which as usize) else {
                return errno::INVAL;
            };
            match std::fs::read(path) {
                Ok(answer) => HostCalls::answer(&mut caller, calls, answer, size_out),
                Err(e) => errno::from_fs_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SYS_USER,
        move |mut caller: Caller<'_, T>, size_out: u32| -> i32 {
            let answer = moat_abi::encode_account(&moat_proc::account());
            HostCalls::answer(&mut caller, calls, answer, size_out)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SIGNAL_WATCH,
        move |mut caller: Caller<'_, T>, signal: i32, handle: u32| -> i32 {
            let host = calls(caller.data_mut());
            match moat_proc::signals::watch(&host.events, signal, handle) {
                Ok(()) => {
                    host.signals.insert(signal);
                    errno::SUCCESS
                }
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SIGNAL_UNWATCH,
        move |mut caller: Caller<'_, T>, signal: i32| -> i32 {
            if calls(caller.data_mut()).signals.remove(&signal) {
                moat_proc::signals::unwatch(signal);
            }
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::STDIN_READ,
        move |mut caller: Caller<'_, T>, handle: u32| -> i32 {
            let host = calls(caller.data_mut());
            if host.reading_stdin {
                return errno::INVAL;
            }
            let sink = bounded_sink(host.events.clone(), host.buffered.clone());
            match moat_proc::read_stdin(handle, sink) {
                Ok(()) => {
                    host.reading_stdin = true;
                    host.stdin_open = Some(handle);
                    errno::SUCCESS
                }
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::LOOP_IDLE,
        move |mut caller: Caller<'_, T>, out: u32| -> i32 {
            let idle = calls(caller.data_mut()).idle;
            let ns = u64::try_from(idle.as_nanos()).unwrap_or(u64::MAX);
            write(&mut caller, out, &ns.to_le_bytes())
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TTY_INFO,
        move |mut caller: Caller<'_, T>, fd: i32, out: u32| -> i32 {
            if !(0..=2).contains(&fd) || !calls(caller.data_mut()).inherits_stdio {
                return errno::BADF;
            }
            let (tty, columns, rows) = tty_info(fd);
            let mut bytes = [0u8; 12];
            bytes[..4].copy_from_slice(&u32::from(tty).to_le_bytes());
            bytes[4..8].copy_from_slice(&columns.to_le_bytes());
            bytes[8..].copy_from_slice(&rows.to_le_bytes());
            write(&mut caller, out, &bytes)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TTY_SET_MODE,
        move |mut caller: Caller<'_, T>, fd: i32, mode: i32| -> i32 {
            let host = calls(caller.data_mut());
            if fd != 0 || !host.inherits_stdio {
                return errno::BADF;
            }
            match mode {
                moat_abi::tty_mode::NORMAL => {
                    host.restore_tty();
                    errno::SUCCESS
                }
                moat_abi::tty_mode::RAW => match set_raw(host.tty_saved) {
                    Ok(saved) => {
                        host.tty_saved = Some(saved);
                        errno::SUCCESS
                    }
                    Err(code) => code,
                },
                _ => errno::INVAL,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROCESS_EXIT,
        move |mut caller: Caller<'_, T>, code: i32| -> wasmtime::Result<()> {
            let code = code & 0xff;
            calls(caller.data_mut()).restore_tty();
            if calls(caller.data_mut()).exit_process {
                moat_proc::exit(code);
            }
            Err(wasmtime_wasi::I32Exit(code).into())
        },
    )?;
    add_worker_imports(linker, calls)?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::POLL,
        move |mut caller: Caller<'_, T>, timeout_ms: i64, size_out: u32| -> i32 {
            let timeout = u64::try_from(timeout_ms).ok().map(Duration::from_millis);
            let host = calls(caller.data_mut());
            let watching = host
                .sockets
                .as_ref()
                .is_some_and(moat_net::Sockets::watching);
            // With no child, socket, signal, watched file or input to wait for, a wait without
            // a limit would never end.
            if timeout.is_none()
                && host.children.is_empty()
                && !watching
                && host.signals.is_empty()
                && host.fs_watches.is_empty()
                && host.stdin_open.is_none()
                && host.workers.is_empty()
                && host.worker.is_none()
            {
                return errno::INVAL;
            }
            let waited_from = std::time::Instant::now();
            // A wait ends at the deadline, with nothing to report.
            let timeout = match host.deadline {
                Some(d) => {
                    let left = d.saturating_duration_since(waited_from);
                    Some(timeout.map_or(left, |t| t.min(left)))
                }
                None => timeout,
            };
            let events = match host.sockets.as_mut().filter(|_| watching) {
                // The children's events wake the socket poller (see `HostCalls::sockets`).
                Some(sockets) => {
                    let mut events = host.events.take_now();
                    let wait = if events.is_empty() {
                        timeout
                    } else {
                        Some(Duration::ZERO)
                    };
                    match sockets.wait(wait) {
                        Ok(ready) => events.extend(ready),
                        Err(e) => return errno::from_io(&e),
                    }
                    events.extend(host.events.take_now());
                    events
                }
                None => host.events.wait(timeout),
            };
            host.idle += waited_from.elapsed();
            let polled: usize = events
                .iter()
                .map(|e| match e {
                    Event::Data { bytes, .. } => bytes.len(),
                    _ => 0,
                })
                .sum();
            host.buffered.release(polled);
            for e in &events {
                if let Event::Exit { handle, .. } | Event::Error { handle, .. } = e
                    && let Some(child) = host.children.remove(handle)
                {
                    host.exited.insert(child.pid as i32);
                }
                if let Event::Data {
                    handle,
                    fd: 0,
                    bytes,
                } = e
                    && bytes.is_empty()
                    && host.stdin_open == Some(*handle)
                {
                    host.stdin_open = None;
                }
            }
            let encoded = if events.is_empty() {
                Vec::new()
            } else {
                moat_abi::encode_events(&events)
            };
            HostCalls::answer(&mut caller, calls, encoded, size_out)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TAKE,
        move |mut caller: Caller<'_, T>, buf: u32, buf_len: u32| -> i32 {
            let Some(answer) = calls(caller.data_mut()).pending.take() else {
                return errno::INVAL;
            };
            if answer.len() > buf_len as usize {
                calls(caller.data_mut()).pending = Some(answer);
                return errno::TOOBIG;
            }
            write(&mut caller, buf, &answer)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::DNS_LOOKUP,
        move |mut caller: Caller<'_, T>, name: u32, name_len: u32, size_out: u32| -> i32 {
            let bytes = match read(&mut caller, name, name_len, MAX_HOST_NAME) {
                Ok(b) => b,
                Err(code) => return code,
            };
            let Ok(host) = String::from_utf8(bytes) else {
                return errno::INVAL;
            };
            if !calls(caller.data_mut()).grants.net_allowed(&host) {
                return errno::ACCES;
            }
            match lookup(&host) {
                Ok(addresses) => {
                    let resolved = &mut calls(caller.data_mut()).resolved;
                    for a in addresses.iter().filter_map(|a| a.parse::<IpAddr>().ok()) {
                        let names = resolved.entry(a).or_default();
                        if !names.contains(&host) {
                            names.push(host.clone());
                        }
                    }
                    HostCalls::answer(
                        &mut caller,
                        calls,
                        moat_abi::encode_addresses(&addresses),
                        size_out,
                    )
                }
                Err(_) => errno::NOENT,
            }
        },
    )?;
    add_sockets(linker, calls)?;
    add_files(linker, calls)
}

/// The socket address a call names (`ip:port` text in guest memory). `Err` is the error
/// number to answer.
fn socket_addr<T>(caller: &mut Caller<'_, T>, ptr: u32, len: u32) -> Result<SocketAddr, i32> {
    let bytes = read(caller, ptr, len, MAX_SOCKET_ADDR)?;
    std::str::from_utf8(&bytes)
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or(errno::INVAL)
}

/// Runs `f` on the guest's sockets, answering an OS error with its number.
fn with_sockets<T>(
    caller: &mut Caller<'_, T>,
    calls: fn(&mut T) -> &mut HostCalls,
    f: impl FnOnce(&mut moat_net::Sockets) -> std::io::Result<()>,
) -> i32 {
    match calls(caller.data_mut()).sockets().and_then(f) {
        Ok(()) => errno::SUCCESS,
        Err(e) => errno::from_io(&e),
    }
}

/// A socket address checked against `--allow-net`. `Err` is the error number to answer.
fn allowed_addr<T>(
    caller: &mut Caller<'_, T>,
    calls: fn(&mut T) -> &mut HostCalls,
    ptr: u32,
    len: u32,
) -> Result<SocketAddr, i32> {
    let addr = socket_addr(caller, ptr, len)?;
    if calls(caller.data_mut()).net_allows(addr) {
        Ok(addr)
    } else {
        Err(errno::ACCES)
    }
}

/// The Unix-domain socket path a call names, checked against the grants as a file: to listen,
/// `--allow-fs-write` where the socket file is to be made (its parent's links resolved); to
/// connect, `--allow-fs-read` and `--allow-fs-write` where the path really leads. A name in the
/// abstract namespace (a leading NUL byte) is no file: it needs `--allow-net` with no list.
/// `Err` is the error number to answer: [`errno::ACCES`] before any error about the path, so a
/// path outside the grants tells nothing of what is there.
fn allowed_unix_path<T>(
    caller: &mut Caller<'_, T>,
    calls: fn(&mut T) -> &mut HostCalls,
    ptr: u32,
    len: u32,
    listen: bool,
) -> Result<std::path::PathBuf, i32> {
    use moat_permissions::Permission;
    let bytes = read(caller, ptr, len, MAX_PATH)?;
    let text = String::from_utf8(bytes).map_err(|_| errno::INVAL)?;
    let grants = &calls(caller.data_mut()).grants;
    if text.starts_with('\0') {
        return if grants.allows(Permission::Net) {
            Ok(std::path::PathBuf::from(text))
        } else {
            Err(errno::ACCES)
        };
    }
    let asked = std::path::PathBuf::from(text);
    if !asked.is_absolute() {
        return Err(errno::INVAL);
    }
    let real = real_location(&asked, !listen);
    let checked = match &real {
        Ok(r) => r.clone(),
        Err(_) => lexically_normal(&asked),
    };
    let needed: &[Permission] = if listen {
        &[Permission::FsWrite]
    } else {
        &[Permission::FsRead, Permission::FsWrite]
    };
    if !needed.iter().all(|p| grants.allows_path(*p, &checked)) {
        return Err(errno::ACCES);
    }
    // Too long for a socket address as asked: refused as natively, before looking further.
    if !moat_net::unix_path_fits(&asked) {
        return Err(errno::INVAL);
    }
    real
}

/// `path` (absolute) with its `.` and `..` steps taken by name.
fn lexically_normal(path: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::from("/");
    for c in path.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

/// Writes a byte count to guest memory, or answers the error.
fn count<T>(caller: &mut Caller<'_, T>, r: std::io::Result<usize>, n_out: u32) -> i32 {
    match r {
        Ok(n) => write(caller, n_out, &(n as u32).to_le_bytes()),
        Err(e) => errno::from_io(&e),
    }
}

fn add_sockets<T: 'static>(
    linker: &mut Linker<T>,
    calls: fn(&mut T) -> &mut HostCalls,
) -> wasmtime::Result<()> {
    linker.func_wrap(
        moat_abi::MODULE,
        names::TCP_CONNECT,
        move |mut caller: Caller<'_, T>, addr: u32, addr_len: u32, handle: u32| -> i32 {
            match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => with_sockets(&mut caller, calls, |s| s.connect(handle, a)),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TCP_LISTEN,
        move |mut caller: Caller<'_, T>,
              addr: u32,
              addr_len: u32,
              backlog: i32,
              handle: u32|
              -> i32 {
            match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => with_sockets(&mut caller, calls, |s| s.listen(handle, a, backlog)),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TCP_LISTEN_FLAGS,
        move |mut caller: Caller<'_, T>,
              addr: u32,
              addr_len: u32,
              backlog: i32,
              flags: u32,
              handle: u32|
              -> i32 {
            match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => with_sockets(&mut caller, calls, |s| {
                    s.listen_with(handle, a, backlog, flags)
                }),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TCP_CONNECT_FROM,
        move |mut caller: Caller<'_, T>,
              addr: u32,
              addr_len: u32,
              local: u32,
              local_len: u32,
              handle: u32|
              -> i32 {
            let a = match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => a,
                Err(code) => return code,
            };
            match allowed_addr(&mut caller, calls, local, local_len) {
                Ok(l) => with_sockets(&mut caller, calls, |s| s.connect_from(handle, a, l)),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TCP_ACCEPT,
        move |mut caller: Caller<'_, T>, listener: u32, handle: u32| -> i32 {
            with_sockets(&mut caller, calls, |s| s.accept(listener, handle).map(drop))
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UNIX_CONNECT,
        move |mut caller: Caller<'_, T>, path: u32, path_len: u32, handle: u32| -> i32 {
            match allowed_unix_path(&mut caller, calls, path, path_len, false) {
                Ok(p) => with_sockets(&mut caller, calls, |s| s.connect_unix(handle, &p)),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UNIX_LISTEN,
        move |mut caller: Caller<'_, T>,
              path: u32,
              path_len: u32,
              backlog: i32,
              handle: u32|
              -> i32 {
            match allowed_unix_path(&mut caller, calls, path, path_len, true) {
                Ok(p) => with_sockets(&mut caller, calls, |s| s.listen_unix(handle, &p, backlog)),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UDP_BIND,
        move |mut caller: Caller<'_, T>, addr: u32, addr_len: u32, handle: u32| -> i32 {
            match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => with_sockets(&mut caller, calls, |s| s.udp_bind(handle, a)),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UDP_BIND_FLAGS,
        move |mut caller: Caller<'_, T>,
              addr: u32,
              addr_len: u32,
              flags: u32,
              handle: u32|
              -> i32 {
            match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => with_sockets(&mut caller, calls, |s| s.udp_bind_with(handle, a, flags)),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UDP_CONNECT,
        move |mut caller: Caller<'_, T>, handle: u32, addr: u32, addr_len: u32| -> i32 {
            if addr_len == 0 {
                return with_sockets(&mut caller, calls, |s| s.udp_connect(handle, None));
            }
            match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => with_sockets(&mut caller, calls, |s| s.udp_connect(handle, Some(a))),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UDP_OPTION,
        move |mut caller: Caller<'_, T>, handle: u32, option: i32, value: i32, out: u32| -> i32 {
            let r = calls(caller.data_mut())
                .sockets()
                .and_then(|s| s.udp_option(handle, option, value));
            match r {
                Ok(v) => write(&mut caller, out, &v.to_le_bytes()),
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_TOS,
        move |mut caller: Caller<'_, T>, handle: u32, value: i32, out: u32| -> i32 {
            let r = calls(caller.data_mut())
                .sockets()
                .and_then(|s| s.tos(handle, value));
            match r {
                Ok(v) => write(&mut caller, out, &v.to_le_bytes()),
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UDP_MULTICAST,
        move |mut caller: Caller<'_, T>,
              handle: u32,
              op: i32,
              group: u32,
              group_len: u32,
              other: u32,
              other_len: u32|
              -> i32 {
            let texts = read(&mut caller, group, group_len, MAX_SOCKET_ADDR)
                .and_then(|g| Ok((g, read(&mut caller, other, other_len, MAX_SOCKET_ADDR)?)));
            let (g, o) = match texts {
                Ok((g, o)) => match (String::from_utf8(g), String::from_utf8(o)) {
                    (Ok(g), Ok(o)) => (g, o),
                    _ => return errno::INVAL,
                },
                Err(code) => return code,
            };
            let joins = matches!(
                op,
                moat_abi::udp_multicast::ADD | moat_abi::udp_multicast::ADD_SOURCE
            );
            if joins {
                let Ok(ip) = g.parse::<IpAddr>() else {
                    return errno::INVAL;
                };
                if !calls(caller.data_mut()).net_allows(SocketAddr::new(ip, 0)) {
                    return errno::ACCES;
                }
            }
            with_sockets(&mut caller, calls, |s| s.udp_multicast(handle, op, &g, &o))
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::DNS_QUERY,
        move |mut caller: Caller<'_, T>,
              server: u32,
              server_len: u32,
              msg: u32,
              msg_len: u32,
              local: u32,
              local_len: u32,
              handle: u32|
              -> i32 {
            let to = match socket_addr(&mut caller, server, server_len) {
                Ok(a) => a,
                Err(code) => return code,
            };
            let from = match read(&mut caller, local, local_len, MAX_SOCKET_ADDR) {
                Ok(b) if b.is_empty() => None,
                Ok(b) => match std::str::from_utf8(&b).ok().and_then(|t| t.parse().ok()) {
                    Some(ip) => Some(ip),
                    None => return errno::INVAL,
                },
                Err(code) => return code,
            };
            let bytes = match read(&mut caller, msg, msg_len, MAX_DNS_MESSAGE) {
                Ok(b) => b,
                Err(code) => return code,
            };
            let Ok((name, _)) = moat_net::dns::question(&bytes) else {
                return errno::INVAL;
            };
            let host = calls(caller.data_mut());
            let server_ok = moat_net::dns::system_servers().contains(&to) || host.net_allows(to);
            if !server_ok || !host.grants.net_allowed(&moat_net::dns::subject(&name)) {
                return errno::ACCES;
            }
            with_sockets(&mut caller, calls, |s| {
                s.dns_query(handle, to, &bytes, from)
            })
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::DNS_LOOKUP_SERVICE,
        move |mut caller: Caller<'_, T>, addr: u32, addr_len: u32, size_out: u32| -> i32 {
            let a = match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => a,
                Err(code) => return code,
            };
            match moat_net::dns::lookup_service(a) {
                Ok((host, service)) => HostCalls::answer(
                    &mut caller,
                    calls,
                    format!("{host}\n{service}").into_bytes(),
                    size_out,
                ),
                Err(moat_net::dns::ServiceError::NotFound) => errno::NOENT,
                Err(moat_net::dns::ServiceError::Again) => errno::AGAIN,
                Err(moat_net::dns::ServiceError::Failed) => errno::IO,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::DNS_SERVERS,
        move |mut caller: Caller<'_, T>, size_out: u32| -> i32 {
            let servers: Vec<String> = moat_net::dns::system_servers()
                .iter()
                .map(ToString::to_string)
                .collect();
            HostCalls::answer(
                &mut caller,
                calls,
                moat_abi::encode_addresses(&servers),
                size_out,
            )
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TLS_SYSTEM_STORE,
        move |mut caller: Caller<'_, T>, size_out: u32| -> i32 {
            let text = moat_net::trust::system_store(false).unwrap_or_default();
            HostCalls::answer(&mut caller, calls, text.into_bytes(), size_out)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::NET_INTERFACES,
        move |mut caller: Caller<'_, T>, size_out: u32| -> i32 {
            // The host's addresses describe its whole network: only `--allow-net` with no list.
            if !calls(caller.data_mut())
                .grants
                .allows(moat_permissions::Permission::Net)
            {
                return errno::ACCES;
            }
            match moat_net::interfaces::list() {
                Ok(list) => HostCalls::answer(
                    &mut caller,
                    calls,
                    moat_abi::encode_interfaces(&list),
                    size_out,
                ),
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_SEND,
        move |mut caller: Caller<'_, T>, handle: u32, buf: u32, len: u32, n_out: u32| -> i32 {
            match with_guest_bytes(&mut caller, calls, buf, len, |bytes, host| {
                host.sockets().and_then(|s| s.send(handle, bytes))
            }) {
                Ok(r) => count(&mut caller, r, n_out),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_RECV,
        move |mut caller: Caller<'_, T>, handle: u32, buf: u32, len: u32, n_out: u32| -> i32 {
            // Received straight into guest memory: a length the guest picks allocates nothing.
            match with_guest_bytes(&mut caller, calls, buf, len, |bytes, host| {
                host.sockets().and_then(|s| s.recv(handle, bytes))
            }) {
                Ok(r) => count(&mut caller, r, n_out),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UDP_SEND_TO,
        move |mut caller: Caller<'_, T>,
              handle: u32,
              buf: u32,
              len: u32,
              addr: u32,
              addr_len: u32,
              n_out: u32|
              -> i32 {
            let to = match allowed_addr(&mut caller, calls, addr, addr_len) {
                Ok(a) => a,
                Err(code) => return code,
            };
            match with_guest_bytes(&mut caller, calls, buf, len, |bytes, host| {
                host.sockets().and_then(|s| s.send_to(handle, bytes, to))
            }) {
                Ok(r) => count(&mut caller, r, n_out),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::UDP_RECV_FROM,
        move |mut caller: Caller<'_, T>,
              handle: u32,
              buf: u32,
              len: u32,
              n_out: u32,
              size_out: u32|
              -> i32 {
            let r = with_guest_bytes(&mut caller, calls, buf, len, |bytes, host| {
                host.sockets().and_then(|s| s.recv_from(handle, bytes))
            });
            let (n, from) = match r {
                Ok(Ok(x)) => x,
                Ok(Err(e)) => return errno::from_io(&e),
                Err(code) => return code,
            };
            let code = write(&mut caller, n_out, &(n as u32).to_le_bytes());
            if code != errno::SUCCESS {
                return code;
            }
            HostCalls::answer(&mut caller, calls, from.to_string().into_bytes(), size_out)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_ADDR,
        move |mut caller: Caller<'_, T>, handle: u32, peer: i32, size_out: u32| -> i32 {
            let r = calls(caller.data_mut())
                .sockets()
                .and_then(|s| s.addr(handle, peer != 0));
            match r {
                Ok(a) => {
                    HostCalls::answer(&mut caller, calls, a.to_string().into_bytes(), size_out)
                }
                Err(e) => errno::from_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_OPTION,
        move |mut caller: Caller<'_, T>, handle: u32, option: i32, value: i32| -> i32 {
            with_sockets(&mut caller, calls, |s| {
                s.set_option(handle, option, value != 0)
            })
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_WATCH,
        move |mut caller: Caller<'_, T>, handle: u32, interest: i32| -> i32 {
            with_sockets(&mut caller, calls, |s| s.watch(handle, interest as u8))
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_SHUTDOWN,
        move |mut caller: Caller<'_, T>, handle: u32, how: i32| -> i32 {
            with_sockets(&mut caller, calls, |s| s.shutdown(handle, how))
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SOCK_CLOSE,
        move |mut caller: Caller<'_, T>, handle: u32| -> i32 {
            with_sockets(&mut caller, calls, |s| {
                s.close(handle);
                Ok(())
            })
        },
    )?;
    Ok(())
}

/// Whether the host's descriptor `fd` is a terminal, and its columns and rows (0 when unknown).
fn tty_info(fd: i32) -> (bool, u32, u32) {
    // SAFETY: isatty and TIOCGWINSZ read the descriptor's state; the ioctl writes one winsize.
    unsafe {
        if libc::isatty(fd) != 1 {
            return (false, 0, 0);
        }
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) != 0 {
            return (true, 0, 0);
        }
        (true, u32::from(ws.ws_col), u32::from(ws.ws_row))
    }
}

/// Puts stdin's terminal in raw mode and returns the mode to restore: `saved` when there is
/// one already, else the one it had. `Err` is the error number.
fn set_raw(saved: Option<libc::termios>) -> Result<libc::termios, i32> {
    // SAFETY: tcgetattr fills the termios it is given; tcsetattr reads one.
    unsafe {
        if libc::isatty(0) != 1 {
            return Err(errno::NOTTY);
        }
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(0, &mut t) != 0 {
            return Err(errno::from_io(&std::io::Error::last_os_error()));
        }
        let original = saved.unwrap_or(t);
        let mut raw = original;
        raw.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
        raw.c_oflag |= libc::ONLCR;
        raw.c_cflag |= libc::CS8;
        raw.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
        raw.c_cc[libc::VMIN] = 1;
        raw.c_cc[libc::VTIME] = 0;
        if libc::tcsetattr(0, libc::TCSADRAIN, &raw) != 0 {
            return Err(errno::from_io(&std::io::Error::last_os_error()));
        }
        Ok(original)
    }
}

/// The addresses `host` resolves to, through the host's resolver.
fn lookup(host: &str) -> std::io::Result<Vec<String>> {
    use std::net::ToSocketAddrs;
    let mut out: Vec<String> = Vec::new();
    for a in (host, 0).to_socket_addrs()? {
        let ip = a.ip().to_string();
        if !out.contains(&ip) {
            out.push(ip);
        }
    }
    Ok(out)
}

/// The longest path the file imports take (Linux's `PATH_MAX`).
const MAX_PATH: u32 = 4096;

/// A path the guest names: UTF-8, absolute (the guest resolves its own against its working
/// directory, which is the host's).
fn guest_path<T>(
    caller: &mut Caller<'_, T>,
    ptr: u32,
    len: u32,
) -> Result<std::path::PathBuf, i32> {
    if len > MAX_PATH {
        return Err(errno::NAMETOOLONG);
    }
    let bytes = read(caller, ptr, len, MAX_PATH)?;
    let text = String::from_utf8(bytes).map_err(|_| errno::INVAL)?;
    let path = std::path::PathBuf::from(text);
    if !path.is_absolute() {
        return Err(errno::INVAL);
    }
    Ok(path)
}

/// Where `path` really is on the host: every link resolved, or with `follow` false all but
/// the last component (the call's subject is then the link itself).
fn real_location(path: &std::path::Path, follow: bool) -> Result<std::path::PathBuf, i32> {
    if follow {
        return std::fs::canonicalize(path).map_err(|e| errno::from_fs_io(&e));
    }
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(errno::INVAL);
    };
    let parent = std::fs::canonicalize(parent).map_err(|e| errno::from_fs_io(&e))?;
    Ok(parent.join(name))
}

/// The real location of a guest path, once the grants allow `permission` there; else
/// [`errno::ACCES`].
fn checked_location<T>(
    caller: &mut Caller<'_, T>,
    calls: fn(&mut T) -> &mut HostCalls,
    ptr: u32,
    len: u32,
    permission: moat_permissions::Permission,
    follow: bool,
) -> Result<std::path::PathBuf, i32> {
    let asked = guest_path(caller, ptr, len)?;
    let real = real_location(&asked, follow)?;
    if calls(caller.data_mut())
        .grants
        .allows_path(permission, &real)
    {
        Ok(real)
    } else {
        Err(errno::ACCES)
    }
}

/// `statx` of `path` from `dir`; with `follow` false, of a final link itself.
fn statx_at<Fd: rustix::fd::AsFd>(
    dir: Fd,
    path: &std::path::Path,
    follow: bool,
) -> Result<rustix::fs::Statx, i32> {
    use rustix::fs::AtFlags;
    let flags = if follow {
        AtFlags::empty()
    } else {
        AtFlags::SYMLINK_NOFOLLOW
    };
    rustix::fs::statx(dir, path, flags, statx_fields()).map_err(|e| errno::from_fs_io(&e.into()))
}

/// What `fs_stat` asks `statx` for: what `stat` has, and the birth time.
fn statx_fields() -> rustix::fs::StatxFlags {
    rustix::fs::StatxFlags::BASIC_STATS | rustix::fs::StatxFlags::BTIME
}

/// A stat of `asked` for `fs_stat`, resolved beneath the read-granted directory it lies in
/// (`RESOLVE_BENEATH`), which the resolution cannot leave: a few calls, where finding the real
/// location first costs one per component. `None` when no grant holds the path as written, or
/// its resolution would leave the directory (a link or `..` out of it): the caller then
/// resolves it whole and checks where it really is.
fn stat_beneath(
    calls: &mut HostCalls,
    asked: &std::path::Path,
    follow: bool,
) -> Option<Result<rustix::fs::Statx, i32>> {
    use moat_permissions::Scope;
    use rustix::fs::{AtFlags, Mode, OFlags, ResolveFlags};
    let granted = match &calls.grants.fs_read {
        Scope::All => return Some(statx_at(rustix::fs::CWD, asked, follow)),
        Scope::None => return None,
        Scope::Only(granted) => granted,
    };
    let dir = granted
        .iter()
        .filter(|g| asked.starts_with(g))
        .max_by_key(|g| g.as_os_str().len())?;
    let rest = asked.strip_prefix(dir).ok()?;
    let rest = if rest.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        rest
    };
    if !calls.granted_dirs.contains_key(dir) {
        let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = rustix::fs::open(dir, flags, Mode::empty()).ok()?;
        calls.granted_dirs.insert(dir.clone(), fd);
    }
    let base = calls.granted_dirs.get(dir)?;
    let mut flags = OFlags::PATH | OFlags::CLOEXEC;
    if !follow {
        flags |= OFlags::NOFOLLOW;
    }
    let how = ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS;
    match rustix::fs::openat2(base, rest, flags, Mode::empty(), how) {
        Ok(fd) => Some(
            rustix::fs::statx(&fd, "", AtFlags::EMPTY_PATH, statx_fields())
                .map_err(|e| errno::from_fs_io(&e.into())),
        ),
        // Leaving the directory (`EXDEV`), or a link loop the whole resolution will name.
        Err(rustix::io::Errno::XDEV | rustix::io::Errno::LOOP | rustix::io::Errno::NOSYS) => None,
        Err(e) => Some(Err(errno::from_fs_io(&e.into()))),
    }
}

/// The WASI number of getpriority's or setpriority's error.
fn priority_errno(e: &std::io::Error) -> i32 {
    match e.raw_os_error() {
        Some(libc::ESRCH) => errno::SRCH,
        _ => errno::from_fs_io(e),
    }
}

fn cstring(path: &std::path::Path) -> Result<std::ffi::CString, i32> {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::CString::new(path.as_os_str().as_bytes()).map_err(|_| errno::INVAL)
}

fn fs_result(rc: libc::c_int) -> i32 {
    if rc == 0 {
        errno::SUCCESS
    } else {
        errno::from_fs_io(&std::io::Error::last_os_error())
    }
}

/// The most bytes `fs_readdir` answers with (about ten million entries).
const MAX_LISTING: usize = 256 << 20;

/// Where `asked` really leads (every link resolved), once the grants allow reading there;
/// [`errno::ACCES`] comes before any error about the path, so a path outside the grants tells
/// nothing of what is there.
fn readable_location(
    grants: &moat_permissions::Grants,
    asked: &std::path::Path,
) -> Result<std::path::PathBuf, i32> {
    let real = real_location(asked, true);
    let checked = match &real {
        Ok(r) => r.clone(),
        Err(_) => lexically_normal(asked),
    };
    if !grants.allows_path(moat_permissions::Permission::FsRead, &checked) {
        return Err(errno::ACCES);
    }
    real
}

/// Opens the directory `asked` leads to, once the grants allow reading it where it really is
/// (every link resolved). [`errno::ACCES`] comes before any error about the path, so a path
/// outside the grants tells nothing of what is there.
///
/// The checked location holds no link, and it is opened refusing to follow any: a link put in
/// its way after the check makes the open fail instead of leading elsewhere.
fn readable_dir(
    grants: &moat_permissions::Grants,
    asked: &std::path::Path,
) -> Result<rustix::fd::OwnedFd, i32> {
    use rustix::fs::{CWD, Mode, OFlags, ResolveFlags};
    let real = readable_location(grants, asked)?;
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let no_links = ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS;
    match rustix::fs::openat2(CWD, &real, flags, Mode::empty(), no_links) {
        Ok(fd) => Ok(fd),
        // Kernels before 5.6 (or a filter) lack `openat2`: the last component at least must
        // not be a link, and the directory opened must be the one checked.
        Err(rustix::io::Errno::NOSYS | rustix::io::Errno::PERM) => {
            let fd = rustix::fs::openat(CWD, &real, flags | OFlags::NOFOLLOW, Mode::empty())
                .map_err(|e| errno::from_fs_io(&e.into()))?;
            let opened = std::fs::read_link(format!("/proc/self/fd/{}", {
                use std::os::fd::AsRawFd;
                fd.as_raw_fd()
            }));
            match opened {
                Ok(at) if at != real => Err(errno::ACCES),
                _ => Ok(fd),
            }
        }
        Err(e) => Err(errno::from_fs_io(&e.into())),
    }
}

/// The entries of the open directory `dir` but `.` and `..`, sorted by name (their bytes, as
/// libuv sorts Node's listings) and encoded for `fs_readdir`'s answer. An entry whose type the
/// file system does not give is asked for it (without following a link: the entry itself,
/// inside the checked directory).
fn list_dir(dir: rustix::fd::OwnedFd) -> Result<Vec<u8>, i32> {
    use moat_abi::dir_type;
    use rustix::fs::{AtFlags, FileType};
    let type_of = |t: FileType| match t {
        FileType::RegularFile => dir_type::FILE,
        FileType::Directory => dir_type::DIRECTORY,
        FileType::Symlink => dir_type::SYMLINK,
        FileType::Fifo => dir_type::FIFO,
        FileType::Socket => dir_type::SOCKET,
        FileType::CharacterDevice => dir_type::CHAR_DEVICE,
        FileType::BlockDevice => dir_type::BLOCK_DEVICE,
        _ => dir_type::UNKNOWN,
    };
    let fs_error = |e: rustix::io::Errno| errno::from_fs_io(&e.into());
    let mut entries = rustix::fs::Dir::new(dir).map_err(fs_error)?;
    let mut list: Vec<(Vec<u8>, u8)> = Vec::new();
    let mut size = 0usize;
    while let Some(entry) = entries.read() {
        let entry = entry.map_err(fs_error)?;
        let name = entry.file_name();
        let bytes = name.to_bytes();
        if bytes == b"." || bytes == b".." {
            continue;
        }
        let mut kind = type_of(entry.file_type());
        if kind == dir_type::UNKNOWN {
            let at = entries.fd().map_err(fs_error)?;
            kind = rustix::fs::statat(at, name, AtFlags::SYMLINK_NOFOLLOW)
                .map_or(dir_type::UNKNOWN, |st| {
                    type_of(FileType::from_raw_mode(st.st_mode))
                });
        }
        // Each entry takes its name, a type byte and a `u32` length in the answer.
        size += bytes.len() + 5;
        if size > MAX_LISTING {
            return Err(errno::TOOBIG);
        }
        list.push((bytes.to_vec(), kind));
    }
    // Names in one directory differ, so an unstable sort gives the one order.
    list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::with_capacity(size);
    for (name, kind) in &list {
        moat_abi::encode_dir_entry(&mut out, name, *kind);
    }
    Ok(out)
}

/// The file-system calls WASI preview 1 lacks, each checked against the grants where the
/// path really leads.
fn add_files<T: 'static>(
    linker: &mut Linker<T>,
    calls: fn(&mut T) -> &mut HostCalls,
) -> wasmtime::Result<()> {
    use moat_permissions::Permission::{FsRead, FsWrite};
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_SYMLINK,
        move |mut caller: Caller<'_, T>,
              target: u32,
              target_len: u32,
              path: u32,
              path_len: u32|
              -> i32 {
            let target = match read(&mut caller, target, target_len, MAX_PATH) {
                Ok(t) => t,
                Err(code) => return code,
            };
            let Ok(target) = String::from_utf8(target) else {
                return errno::INVAL;
            };
            // The link's content is only text: whoever follows it is checked where it leads.
            match checked_location(&mut caller, calls, path, path_len, FsWrite, false) {
                Ok(real) => std::os::unix::fs::symlink(&target, &real)
                    .map_or_else(|e| errno::from_fs_io(&e), |()| errno::SUCCESS),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_READLINK,
        move |mut caller: Caller<'_, T>,
              path: u32,
              path_len: u32,
              buf: u32,
              buf_len: u32,
              n_out: u32|
              -> i32 {
            // A link's target is asked for to resolve a path (which is then checked where it
            // leads) as well as by readlink (which the guest checks for the read grant first):
            // a link in a directory the instance may read or write may be read.
            let real = match checked_location(&mut caller, calls, path, path_len, FsRead, false)
                .or_else(|_| checked_location(&mut caller, calls, path, path_len, FsWrite, false))
            {
                Ok(r) => r,
                Err(code) => return code,
            };
            let target = match std::fs::read_link(&real) {
                Ok(t) => t,
                Err(e) => return errno::from_fs_io(&e),
            };
            use std::os::unix::ffi::OsStrExt;
            let bytes = target.as_os_str().as_bytes();
            if bytes.len() > buf_len as usize {
                return errno::TOOBIG;
            }
            let code = write(&mut caller, buf, bytes);
            if code != errno::SUCCESS {
                return code;
            }
            write(&mut caller, n_out, &(bytes.len() as u32).to_le_bytes())
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_CHMOD,
        move |mut caller: Caller<'_, T>, path: u32, path_len: u32, mode: u32| -> i32 {
            let real = match checked_location(&mut caller, calls, path, path_len, FsWrite, true) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let c = match cstring(&real) {
                Ok(c) => c,
                Err(code) => return code,
            };
            // SAFETY: `c` is a NUL-terminated path that lives across the call.
            fs_result(unsafe { libc::chmod(c.as_ptr(), (mode & 0o7777) as libc::mode_t) })
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_CHOWN,
        move |mut caller: Caller<'_, T>,
              path: u32,
              path_len: u32,
              uid: u32,
              gid: u32,
              follow: u32|
              -> i32 {
            let follow = follow != 0;
            let real = match checked_location(&mut caller, calls, path, path_len, FsWrite, follow) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let c = match cstring(&real) {
                Ok(c) => c,
                Err(code) => return code,
            };
            // SAFETY: `c` is a NUL-terminated path that lives across the call.
            fs_result(unsafe {
                if follow {
                    libc::chown(c.as_ptr(), uid, gid)
                } else {
                    libc::lchown(c.as_ptr(), uid, gid)
                }
            })
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_READDIR,
        move |mut caller: Caller<'_, T>, path: u32, path_len: u32, size_out: u32| -> i32 {
            let asked = match guest_path(&mut caller, path, path_len) {
                Ok(p) => p,
                Err(code) => return code,
            };
            let grants = &calls(caller.data_mut()).grants;
            let listing = match readable_dir(grants, &asked) {
                Ok(dir) => list_dir(dir),
                Err(code) => return code,
            };
            match listing {
                Ok(answer) => HostCalls::answer(&mut caller, calls, answer, size_out),
                Err(code) => code,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_STAT,
        move |mut caller: Caller<'_, T>, path: u32, path_len: u32, follow: u32, out: u32| -> i32 {
            let follow = follow != 0;
            let asked = match guest_path(&mut caller, path, path_len) {
                Ok(p) => p,
                Err(code) => return code,
            };
            let st = match stat_beneath(calls(caller.data_mut()), &asked, follow) {
                Some(answer) => answer,
                None => {
                    match checked_location(&mut caller, calls, path, path_len, FsRead, follow) {
                        Ok(real) => statx_at(rustix::fs::CWD, &real, follow),
                        Err(code) => Err(code),
                    }
                }
            };
            let st = match st {
                Ok(st) => st,
                Err(code) => return code,
            };
            let ns = |t: rustix::fs::StatxTimestamp| {
                t.tv_sec
                    .saturating_mul(1_000_000_000)
                    .saturating_add(i64::from(t.tv_nsec)) as u64
            };
            let born = st.stx_mask & rustix::fs::StatxFlags::BTIME.bits() != 0;
            let fields: [u64; moat_abi::STAT_FIELDS] = [
                rustix::fs::makedev(st.stx_dev_major, st.stx_dev_minor),
                st.stx_ino,
                u64::from(st.stx_mode),
                u64::from(st.stx_nlink),
                u64::from(st.stx_uid),
                u64::from(st.stx_gid),
                rustix::fs::makedev(st.stx_rdev_major, st.stx_rdev_minor),
                st.stx_size,
                u64::from(st.stx_blksize),
                st.stx_blocks,
                ns(st.stx_atime),
                ns(st.stx_mtime),
                ns(st.stx_ctime),
                if born { ns(st.stx_btime) } else { 0 },
            ];
            let bytes: Vec<u8> = fields.iter().flat_map(|v| v.to_le_bytes()).collect();
            write(&mut caller, out, &bytes)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_WATCH,
        move |mut caller: Caller<'_, T>,
              path: u32,
              path_len: u32,
              recursive: u32,
              handle: u32|
              -> i32 {
            use std::os::unix::ffi::OsStrExt;
            if recursive > 1 || calls(caller.data_mut()).fs_watches.contains_key(&handle) {
                return errno::INVAL;
            }
            let asked = match guest_path(&mut caller, path, path_len) {
                Ok(a) => a,
                Err(code) => return code,
            };
            let host = calls(caller.data_mut());
            let real = match readable_location(&host.grants, &asked) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let name = asked
                .file_name()
                .unwrap_or(real.as_os_str())
                .as_bytes()
                .to_vec();
            match moat_proc::fswatch::watch(&host.events, &real, name, recursive == 1, handle) {
                Ok(w) => {
                    host.fs_watches.insert(handle, w);
                    errno::SUCCESS
                }
                Err(e) => errno::from_fs_io(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_UNWATCH,
        move |mut caller: Caller<'_, T>, handle: u32| -> i32 {
            calls(caller.data_mut()).fs_watches.remove(&handle);
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::FS_STATFS,
        move |mut caller: Caller<'_, T>, path: u32, path_len: u32, out: u32| -> i32 {
            let real = match checked_location(&mut caller, calls, path, path_len, FsRead, true) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let c = match cstring(&real) {
                Ok(c) => c,
                Err(code) => return code,
            };
            // SAFETY: `s` is a valid out-pointer and `c` lives across the call.
            let mut s: libc::statfs = unsafe { std::mem::zeroed() };
            if unsafe { libc::statfs(c.as_ptr(), &mut s) } != 0 {
                return errno::from_fs_io(&std::io::Error::last_os_error());
            }
            let fields = [
                s.f_type as u64,
                s.f_bsize as u64,
                s.f_blocks,
                s.f_bfree,
                s.f_bavail,
                s.f_files,
                s.f_ffree,
            ];
            let bytes: Vec<u8> = fields.iter().flat_map(|v| v.to_le_bytes()).collect();
            write(&mut caller, out, &bytes)
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader past the limit waits until `poll` hands bytes over, so what the host holds for
    /// a guest that does not poll stays within the limit.
    #[test]
    fn held_output_stays_within_the_limit() {
        let held = Arc::new(Buffered::default());
        let events = moat_proc::EventQueue::default();
        let sink = bounded_sink(events.clone(), held.clone());
        let chunk = MAX_BUFFERED / 4;
        let reader = {
            let sink = sink.clone();
            std::thread::spawn(move || {
                for _ in 0..8 {
                    sink(Event::Data {
                        handle: 1,
                        fd: 1,
                        bytes: vec![0; chunk],
                    });
                }
            })
        };
        std::thread::sleep(Duration::from_millis(200));
        // Four chunks fill the limit; the fifth waits.
        let first = events.take_now();
        assert_eq!(first.len(), 4);
        assert!(!reader.is_finished());
        held.release(4 * chunk);
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(events.take_now().len(), 4);
        reader
            .join()
            .expect("the reader finishes once its bytes were taken");
    }

    /// Once the instance is gone a waiting reader goes on, so its thread ends.
    #[test]
    fn a_closed_instance_lets_waiting_readers_go() {
        let held = Arc::new(Buffered::default());
        held.hold(MAX_BUFFERED);
        let waiting = {
            let held = held.clone();
            std::thread::spawn(move || held.hold(1))
        };
        std::thread::sleep(Duration::from_millis(100));
        assert!(!waiting.is_finished());
        held.close();
        waiting.join().expect("the reader goes on");
    }
}

/// Largest message or starting data a worker call carries.
const MAX_WORKER_MESSAGE: u32 = 256 * 1024 * 1024;

/// The `worker_*` imports.
fn add_worker_imports<T: 'static>(
    linker: &mut Linker<T>,
    calls: fn(&mut T) -> &mut HostCalls,
) -> wasmtime::Result<()> {
    use std::sync::atomic::{AtomicBool, Ordering};
    linker.func_wrap(
        moat_abi::MODULE,
        names::WORKER_SPAWN,
        move |mut caller: Caller<'_, T>,
              config: u32,
              config_len: u32,
              init: u32,
              init_len: u32,
              handle: u32,
              flags: u32,
              id_out: u32|
              -> i32 {
            if flags & !moat_abi::worker_flags::INTERNAL != 0 {
                return errno::INVAL;
            }
            let internal = flags & moat_abi::worker_flags::INTERNAL != 0;
            let host = calls(caller.data_mut());
            // Without the grant, only the main instance's one internal worker (the module
            // hooks' thread), which cannot start another.
            if !host.grants.worker && (!internal || host.internal_worker || host.worker.is_some()) {
                return errno::ACCES;
            }
            let Some(spawner) = calls(caller.data_mut()).spawner.clone() else {
                return errno::NOSYS;
            };
            let config = match read(&mut caller, config, config_len, MAX_COMMAND) {
                Ok(b) => match String::from_utf8(b) {
                    Ok(s) => s,
                    Err(_) => return errno::INVAL,
                },
                Err(code) => return code,
            };
            let init = match read(&mut caller, init, init_len, MAX_WORKER_MESSAGE) {
                Ok(b) => b,
                Err(code) => return code,
            };
            let host = calls(caller.data_mut());
            if host.workers.contains_key(&handle) {
                return errno::INVAL;
            }
            let thread_id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
            let events = moat_proc::EventQueue::default();
            let stop = Arc::new(AtomicBool::new(false));
            let launch = WorkerLaunch {
                config,
                events: events.clone(),
                link: WorkerLink {
                    thread_id,
                    init: Some(init),
                    parent: host.events.clone(),
                    handle,
                    stop: stop.clone(),
                },
            };
            if let Err(e) = spawner(launch) {
                return errno::from_io(&e);
            }
            host.internal_worker |= internal;
            host.workers.insert(handle, WorkerControl { events, stop });
            write(&mut caller, id_out, &thread_id.to_le_bytes())
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::WORKER_POST,
        move |mut caller: Caller<'_, T>, handle: u32, data: u32, len: u32| -> i32 {
            let bytes = match read(&mut caller, data, len, MAX_WORKER_MESSAGE) {
                Ok(b) => b,
                Err(code) => return code,
            };
            match calls(caller.data_mut()).workers.get(&handle) {
                Some(w) => {
                    w.events.push(Event::Message { handle: 0, bytes });
                    errno::SUCCESS
                }
                None => errno::SRCH,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::WORKER_STOP,
        move |mut caller: Caller<'_, T>, handle: u32| -> i32 {
            if let Some(w) = calls(caller.data_mut()).workers.get(&handle) {
                w.stop.store(true, Ordering::Relaxed);
                w.events.push(Event::Message {
                    handle: 0,
                    bytes: Vec::new(),
                });
            }
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::WORKER_SELF,
        move |mut caller: Caller<'_, T>, id_out: u32, size_out: u32| -> i32 {
            let Some(link) = calls(caller.data_mut()).worker.as_mut() else {
                return errno::NOENT;
            };
            let id = link.thread_id;
            let init = link.init.take().unwrap_or_default();
            let code = write(&mut caller, id_out, &id.to_le_bytes());
            if code != errno::SUCCESS {
                return code;
            }
            HostCalls::answer(&mut caller, calls, init, size_out)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::WORKER_POST_PARENT,
        move |mut caller: Caller<'_, T>, data: u32, len: u32| -> i32 {
            let bytes = match read(&mut caller, data, len, MAX_WORKER_MESSAGE) {
                Ok(b) => b,
                Err(code) => return code,
            };
            match calls(caller.data_mut()).worker.as_ref() {
                Some(link) => {
                    link.parent.push(Event::Message {
                        handle: link.handle,
                        bytes,
                    });
                    errno::SUCCESS
                }
                None => errno::NOENT,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PORT_OPEN,
        move |mut caller: Caller<'_, T>, id_out: u32| -> i32 {
            let id = moat_proc::ports::open();
            write(&mut caller, id_out, &id.to_le_bytes())
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PORT_ATTACH,
        move |mut caller: Caller<'_, T>, id: u64, side: u32, handle: u32| -> i32 {
            let host = calls(caller.data_mut());
            if moat_proc::ports::attach(id, side.min(1) as usize, &host.events, handle) {
                errno::SUCCESS
            } else {
                errno::NOENT
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PORT_DETACH,
        move |_caller: Caller<'_, T>, id: u64, side: u32| -> i32 {
            moat_proc::ports::detach(id, side.min(1) as usize);
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PORT_POST,
        move |mut caller: Caller<'_, T>, id: u64, side: u32, data: u32, len: u32| -> i32 {
            let bytes = match read(&mut caller, data, len, MAX_WORKER_MESSAGE) {
                Ok(b) => b,
                Err(code) => return code,
            };
            if moat_proc::ports::post(id, side.min(1) as usize, bytes) {
                errno::SUCCESS
            } else {
                errno::NOENT
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PORT_CLOSE,
        move |_caller: Caller<'_, T>, id: u64, side: u32| -> i32 {
            moat_proc::ports::close(id, side.min(1) as usize);
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::WORKER_STOPPING,
        move |mut caller: Caller<'_, T>| -> i32 {
            calls(caller.data_mut())
                .worker
                .as_ref()
                .is_some_and(|l| l.stop.load(Ordering::Relaxed))
                .into()
        },
    )?;
    Ok(())
}
