//! Child processes on the host, with `std::process`; output is read on helper threads. The
//! native runtime starts its children here, and so does the sandbox host when a guest with
//! `--allow-child-process` asks it to (`moat_abi`'s `proc_run`).
//!
//! Depends on `moat_abi` for the plain data it takes and gives.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio as StdStdio;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

pub use events::EventQueue;
pub use moat_abi::{Command, Event, Output, Stdio};

mod events;
pub mod fswatch;
pub mod ports;
pub mod signals;

/// The scheduling priority (nice value) of process `pid` (0: this one).
///
/// # Errors
/// The OS error (`ESRCH`, `EACCES`).
pub fn get_priority(pid: i32) -> std::io::Result<i32> {
    // getpriority can return -1 legitimately; errno tells.
    // SAFETY: errno is thread-local; getpriority has no memory preconditions.
    unsafe {
        *libc::__errno_location() = 0;
        let p = libc::getpriority(libc::PRIO_PROCESS, pid as libc::id_t);
        if p == -1 && *libc::__errno_location() != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(p)
    }
}

/// # Errors
/// The OS error (`ESRCH`, `EACCES`).
pub fn set_priority(pid: i32, priority: i32) -> std::io::Result<()> {
    // SAFETY: setpriority has no memory preconditions.
    if unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, priority) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// The account this process runs as: its ids, and its entry in the user database.
pub fn account() -> moat_abi::Account {
    use std::ffi::CStr;
    // SAFETY: these have no preconditions and cannot fail.
    let (uid, euid, gid, egid) = unsafe {
        (
            libc::getuid(),
            libc::geteuid(),
            libc::getgid(),
            libc::getegid(),
        )
    };
    let mut account = moat_abi::Account {
        uid,
        euid,
        gid,
        egid,
        ..moat_abi::Account::default()
    };
    // SAFETY: all-zero is a valid `passwd` (null pointers, zero ids).
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: `pwd`, `buf` and `result` are valid for the call; the strings it fills point into `buf`.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() {
        return account;
    }
    // SAFETY: on success the fields are NUL-terminated strings inside `buf`, or null.
    let text = |p: *const libc::c_char| {
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    };
    account.name = text(pwd.pw_name);
    account.home = text(pwd.pw_dir);
    account.shell = text(pwd.pw_shell);
    account.user_gid = Some(pwd.pw_gid);
    account
}

/// The stack size limit (`RLIMIT_STACK`, soft and hard) children start with, when this process
/// raised its own for itself ([`keep_child_stack_limit`]).
static CHILD_STACK_LIMIT: std::sync::OnceLock<libc::rlimit> = std::sync::OnceLock::new();

/// Children start with `limit` as their stack size limit, whatever this process sets for itself
/// afterwards: a process that raises its own for a deep stack does not pass that on.
pub fn keep_child_stack_limit(limit: libc::rlimit) {
    let _ = CHILD_STACK_LIMIT.set(limit);
}

/// Whether a reader may read on: JS pauses a pipe whose consumer stopped, and the reader then
/// waits here, so the pipe fills and the child writing to it waits too.
#[derive(Default)]
struct Gate {
    /// Paused, and whether the reader has finished.
    state: Mutex<(bool, bool)>,
    changed: Condvar,
}

impl Gate {
    fn wait_open(&self) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while s.0 {
            s = self.changed.wait(s).unwrap_or_else(|p| p.into_inner());
        }
    }
    fn set_paused(&self, paused: bool) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).0 = paused;
        self.changed.notify_all();
    }
    fn finish(&self) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).1 = true;
        self.changed.notify_all();
    }
    /// Waits until the reader has finished or is paused.
    fn wait_settled(&self) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while !s.0 && !s.1 {
            s = self.changed.wait(s).unwrap_or_else(|p| p.into_inner());
        }
    }
}

/// Reads `r` to its end, passing each chunk on as [`Event::Data`] for `handle` and `fd`, then an
/// empty chunk for the end (a read error ends it too). Waits while `gate` is paused.
fn forward(mut r: impl Read, handle: u32, fd: i32, sink: impl Fn(Event), gate: Option<&Gate>) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if let Some(g) = gate {
            g.wait_open();
        }
        match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => sink(Event::Data {
                handle,
                fd,
                bytes: buf[..n].to_vec(),
            }),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    sink(Event::Data {
        handle,
        fd,
        bytes: Vec::new(),
    });
    if let Some(g) = gate {
        g.finish();
    }
}

/// Reads this process's standard input on a helper thread, as [`Event::Data`] for `handle`
/// and fd 0 (an empty chunk at the end), so that an event loop waits for it with its other
/// work instead of blocking on it.
///
/// # Errors
/// The thread could not be started.
pub fn read_stdin(handle: u32, sink: impl Fn(Event) + Send + 'static) -> io::Result<()> {
    std::thread::Builder::new()
        .name("moat-stdin".to_string())
        .spawn(move || forward(io::stdin().lock(), handle, 0, sink, None))?;
    Ok(())
}

/// Ends this process with `code` once Rust's standard output and error are flushed, skipping
/// the C library's exit handlers: all they do here is the allocator freeing, page by page, a
/// heap the OS is about to take back whole (3% of an empty script's run). Safe to call from any
/// thread: nothing else runs once it is called, where `exit`'s handlers would run beside it.
pub fn exit(code: i32) -> ! {
    let _ = io::stdout().flush();
    let _ = io::stderr().flush();
    // SAFETY: `_exit` ends the process at once and touches nothing of it.
    unsafe { libc::_exit(code) }
}

/// Duplicates the parent's descriptor `fd`, close-on-exec, at or above `min`.
fn dup_above(fd: RawFd, min: RawFd) -> io::Result<OwnedFd> {
    // SAFETY: fcntl with F_DUPFD_CLOEXEC makes a new descriptor and touches no memory.
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, min) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `n` is a new descriptor nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(n) })
}

/// A connected pair of Unix stream sockets, both close-on-exec.
fn socket_pair() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: socketpair writes two descriptors into `fds`.
    let r = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: both are new descriptors nobody else owns.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// The standard stream `i` of a child as `std` takes it; for a socket pair, the parent's end
/// goes to `sockets`.
fn std_stdio(s: Stdio, i: i32, sockets: &mut Vec<(i32, OwnedFd)>) -> io::Result<StdStdio> {
    Ok(match s {
        Stdio::Pipe => StdStdio::piped(),
        Stdio::Socket => {
            let (parent, child) = socket_pair()?;
            sockets.push((i, parent));
            StdStdio::from(child)
        }
        Stdio::Inherit => StdStdio::inherit(),
        Stdio::Ignore => StdStdio::null(),
        Stdio::Fd(fd) if fd == i => StdStdio::inherit(),
        Stdio::Fd(fd) => StdStdio::from(dup_above(fd, 3)?),
    })
}

/// A command ready to spawn, with the parent's ends of the socket pairs past fd 2.
struct Prepared {
    command: std::process::Command,
    /// Parent ends by child fd.
    sockets: Vec<(i32, OwnedFd)>,
    /// The child's ends, kept open until the child has started.
    _child_ends: Vec<OwnedFd>,
}

fn build(cmd: &Command) -> io::Result<Prepared> {
    use std::os::unix::process::CommandExt;
    let mut c = std::process::Command::new(&cmd.file);
    let limit = CHILD_STACK_LIMIT.get().copied();
    // Descriptors past 2: the child's ends are first moved above every target number, then
    // put in place between fork and exec.
    let count = cmd.stdio.len().max(3);
    let high = i32::try_from(count)
        .map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?
        .saturating_add(16);
    let mut moves: Vec<(RawFd, RawFd)> = Vec::new();
    let mut sockets = Vec::new();
    let mut child_ends = Vec::new();
    for (i, s) in cmd.stdio.iter().enumerate().skip(3) {
        let i = i as i32;
        let source = match *s {
            Stdio::Ignore => continue,
            Stdio::Pipe | Stdio::Socket => {
                let (parent, child) = socket_pair()?;
                sockets.push((i, parent));
                dup_above(child.as_raw_fd(), high)?
            }
            Stdio::Inherit => dup_above(i, high)?,
            Stdio::Fd(fd) => dup_above(fd, high)?,
        };
        moves.push((source.as_raw_fd(), i));
        child_ends.push(source);
    }
    let detached = cmd.detached;
    // SAFETY: the closure runs in the child between fork and exec and makes only
    // async-signal-safe system calls on memory allocated before the fork.
    unsafe {
        c.pre_exec(move || {
            if let Some(limit) = limit
                && libc::setrlimit(libc::RLIMIT_STACK, &limit) != 0
            {
                return Err(io::Error::last_os_error());
            }
            if detached && libc::setsid() < 0 {
                return Err(io::Error::last_os_error());
            }
            for &(from, to) in &moves {
                if libc::dup2(from, to) < 0 {
                    return Err(io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    if let Some(a) = &cmd.argv0 {
        c.arg0(a);
    }
    if let Some(uid) = cmd.uid {
        c.uid(uid);
    }
    if let Some(gid) = cmd.gid {
        c.gid(gid);
    }
    c.args(&cmd.args);
    if let Some(dir) = &cmd.cwd {
        c.current_dir(dir);
    }
    if let Some(env) = &cmd.env {
        c.env_clear();
        c.envs(env.iter().map(|(k, v)| (k, v)));
    }
    let pick = |i: usize| cmd.stdio.get(i).copied().unwrap_or(Stdio::Pipe);
    c.stdin(std_stdio(pick(0), 0, &mut sockets)?)
        .stdout(std_stdio(pick(1), 1, &mut sockets)?)
        .stderr(std_stdio(pick(2), 2, &mut sockets)?);
    Ok(Prepared {
        command: c,
        sockets,
        _child_ends: child_ends,
    })
}

fn status_parts(s: std::process::ExitStatus) -> (Option<i32>, Option<i32>) {
    (s.code(), s.signal())
}

/// Replaces this process's program with `cmd` (`execve`), its standard streams as they are.
/// Returns only when that fails, with the reason.
pub fn exec(cmd: &Command) -> io::Error {
    use std::os::unix::process::CommandExt;
    match build(cmd) {
        Ok(mut prepared) => prepared.command.exec(),
        Err(e) => e,
    }
}

/// Runs `cmd` to completion.
///
/// # Errors
/// The spawn error (`ENOENT` for a missing program, `EACCES`, …).
pub fn spawn_sync(cmd: &Command) -> io::Result<Output> {
    let Prepared {
        mut command,
        mut sockets,
        _child_ends,
    } = build(cmd)?;
    let mut child = command.spawn()?;
    // The child's ends (socket pairs given as its stdio included) close here in the parent.
    drop(command);
    drop(_child_ends);
    let pid = child.id();
    if let Some(mut stdin) = child.stdin.take() {
        let input = cmd.input.clone().unwrap_or_default();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let overflowed = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let max = cmd
        .max_buffer
        .map(|m| usize::try_from(m).unwrap_or(usize::MAX));
    let kill_signal = cmd.kill_signal;
    let reader = |r: Option<Box<dyn Read + Send>>| {
        let overflowed = overflowed.clone();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let Some(mut r) = r else { return buf };
            let mut chunk = vec![0u8; 64 * 1024];
            loop {
                match r.read(&mut chunk) {
                    Ok(0) => break,
                    Ok(n) => {
                        buf.extend_from_slice(&chunk[..n]);
                        if let Some(m) = max
                            && buf.len() > m
                        {
                            // Node keeps the read that went past the limit whole.
                            overflowed.store(true, std::sync::atomic::Ordering::SeqCst);
                            let _ = kill(pid as i32, kill_signal);
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
            buf
        })
    };
    let out = reader(
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let err = reader(
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    // Sockets past fd 2 are read to their end too and dropped: spawnSync reports only 1 and 2.
    for (_, s) in sockets.drain(..) {
        std::thread::spawn(move || {
            let _ = io::copy(&mut File::from(s), &mut io::sink());
        });
    }
    let mut timed_out = false;
    let status = match cmd.timeout_ms.filter(|t| *t > 0) {
        None => child.wait()?,
        Some(ms) => {
            let deadline = Instant::now() + Duration::from_millis(ms);
            loop {
                if let Some(s) = child.try_wait()? {
                    break s;
                }
                if Instant::now() >= deadline {
                    timed_out = true;
                    let _ = kill(pid as i32, cmd.kill_signal);
                    break child.wait()?;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    };
    let (code, signal) = status_parts(status);
    Ok(Output {
        pid,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        code,
        signal,
        timed_out,
        overflowed: overflowed.load(std::sync::atomic::Ordering::SeqCst),
    })
}

/// The parent's end of one of a child's pipes.
struct Pipe {
    writer: Mutex<Option<File>>,
    /// The reader's gate, for a pipe the parent reads.
    gate: Option<Arc<Gate>>,
    /// The socket, to shut down when the parent closes its end (which ends the reader too).
    socket: Option<OwnedFd>,
}

/// A running child (or this process's IPC channel): its pid and its pipes.
pub struct Child {
    /// 0 for an IPC channel.
    pub pid: u32,
    pipes: HashMap<i32, Arc<Pipe>>,
}

impl Child {
    /// Writes to the child's pipe `fd` (0: its stdin); `EPIPE` once it is closed.
    ///
    /// # Errors
    /// The write error.
    pub fn write(&self, fd: i32, data: &[u8]) -> io::Result<()> {
        let Some(p) = self.pipes.get(&fd) else {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        };
        match p.writer.lock().unwrap_or_else(|p| p.into_inner()).as_mut() {
            Some(s) => s.write_all(data),
            None => Err(io::Error::from(io::ErrorKind::BrokenPipe)),
        }
    }

    /// Writes to the child's stdin.
    ///
    /// # Errors
    /// The write error.
    pub fn write_stdin(&self, data: &[u8]) -> io::Result<()> {
        self.write(0, data)
    }

    /// Closes the parent's end of pipe `fd`: a socket pair is shut down both ways.
    pub fn close(&self, fd: i32) {
        if let Some(p) = self.pipes.get(&fd) {
            p.writer.lock().unwrap_or_else(|p| p.into_inner()).take();
            if let Some(s) = &p.socket {
                // SAFETY: shutdown touches no memory; the descriptor is still open.
                unsafe { libc::shutdown(s.as_raw_fd(), libc::SHUT_RDWR) };
            }
            if let Some(g) = &p.gate {
                // Its reader no longer holds back the exit (a grandchild may keep the pipe
                // open); what it still reads is dropped by the runtime.
                g.set_paused(false);
                g.finish();
            }
        }
    }

    /// Closes the child's stdin.
    pub fn close_stdin(&self) {
        self.close(0);
    }

    /// Stops or resumes reading pipe `fd`.
    pub fn set_paused(&self, fd: i32, paused: bool) {
        if let Some(g) = self.pipes.get(&fd).and_then(|p| p.gate.as_ref()) {
            g.set_paused(paused);
        }
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        // A reader paused by a consumer that is gone reads on to the end.
        for p in self.pipes.values() {
            if let Some(g) = &p.gate {
                g.set_paused(false);
            }
        }
    }
}

/// Sends `signal` to the process `pid`.
///
/// # Errors
/// The OS error (`ESRCH` for no such process, `EPERM`).
pub fn kill(pid: i32, signal: i32) -> io::Result<()> {
    // SAFETY: kill has no memory preconditions.
    if unsafe { libc::kill(pid, signal) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Starts a reader thread for `r` with a gate; returns the gate.
fn start_reader(
    r: impl Read + Send + 'static,
    handle: u32,
    fd: i32,
    sink: impl Fn(Event) + Send + 'static,
) -> Arc<Gate> {
    let gate = Arc::new(Gate::default());
    let g = gate.clone();
    std::thread::spawn(move || forward(r, handle, fd, sink, Some(&g)));
    gate
}

/// A pipe over a socket: read on a thread, written from the caller.
fn socket_pipe(
    s: OwnedFd,
    handle: u32,
    fd: i32,
    sink: impl Fn(Event) + Send + 'static,
) -> io::Result<Pipe> {
    let reader = File::from(s.try_clone()?);
    let writer = File::from(s.try_clone()?);
    let gate = start_reader(reader, handle, fd, sink);
    Ok(Pipe {
        writer: Mutex::new(Some(writer)),
        gate: Some(gate),
        socket: Some(s),
    })
}

/// Starts `cmd`; its output and exit are given to `sink` under `handle`, from other threads.
///
/// # Errors
/// The spawn error.
pub fn spawn(
    cmd: &Command,
    handle: u32,
    sink: impl Fn(Event) + Clone + Send + 'static,
) -> io::Result<Child> {
    let Prepared {
        mut command,
        mut sockets,
        _child_ends,
    } = build(cmd)?;
    let mut child = command.spawn()?;
    // The child's ends (socket pairs given as its stdio included) close here in the parent.
    drop(command);
    drop(_child_ends);
    let pid = child.id();
    let mut pipes = HashMap::new();
    let mut gates = Vec::new();
    for (fd, stream) in [
        (
            1,
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ),
        (
            2,
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ),
    ] {
        let Some(r) = stream else { continue };
        let gate = start_reader(r, handle, fd, sink.clone());
        gates.push(gate.clone());
        pipes.insert(
            fd,
            Arc::new(Pipe {
                writer: Mutex::new(None),
                gate: Some(gate),
                socket: None,
            }),
        );
    }
    if let Some(stdin) = child.stdin.take() {
        pipes.insert(
            0,
            Arc::new(Pipe {
                writer: Mutex::new(Some(File::from(OwnedFd::from(stdin)))),
                gate: None,
                socket: None,
            }),
        );
    }
    for (fd, s) in sockets.drain(..) {
        let pipe = socket_pipe(s, handle, fd, sink.clone())?;
        gates.extend(pipe.gate.clone());
        pipes.insert(fd, Arc::new(pipe));
    }
    std::thread::spawn(move || {
        let status = child.wait();
        // Exit is reported after the output and the socket pairs (an IPC channel) have ended,
        // as Node emits 'exit' after data and 'disconnect'; a paused pipe does not hold it back.
        for g in gates {
            g.wait_settled();
        }
        match status {
            Ok(s) => {
                let (code, signal) = status_parts(s);
                sink(Event::Exit {
                    handle,
                    code,
                    signal,
                });
            }
            Err(e) => sink(Event::Error {
                handle,
                os_error: e.raw_os_error().unwrap_or(libc::EIO),
            }),
        }
    });
    Ok(Child { pid, pipes })
}

/// The IPC channel this process was started with (`NODE_CHANNEL_FD`): its bytes arrive in
/// `sink` as [`Event::Data`] for `handle` and `fd`; [`Child::write`] with `fd` sends.
///
/// # Errors
/// `fd` is not an open descriptor.
pub fn open_channel(
    fd: i32,
    handle: u32,
    sink: impl Fn(Event) + Send + 'static,
) -> io::Result<Child> {
    // The channel is taken over: a copy above the standard range, close-on-exec, so that
    // children of this process do not inherit it, and the original number closed.
    let s = dup_above(fd, 3)?;
    // SAFETY: `fd` is the channel this process was given and no other part of it owns.
    unsafe { libc::close(fd) };
    let mut pipes = HashMap::new();
    pipes.insert(fd, Arc::new(socket_pipe(s, handle, fd, sink)?));
    Ok(Child { pid: 0, pipes })
}
