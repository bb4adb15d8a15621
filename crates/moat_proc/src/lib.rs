//! Child processes on the host, with `std::process`; output is read on helper threads. The
//! native runtime starts its children here, and so does the sandbox host when a guest with
//! `--allow-child-process` asks it to (`moat_abi`'s `proc_run`).
//!
//! Depends on `moat_abi` for the plain data it takes and gives.

use std::io::{self, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{ChildStdin, Stdio as StdStdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use events::EventQueue;
pub use moat_abi::{Command, Event, Output, Stdio};

mod events;
pub mod signals;

fn std_stdio(s: Stdio) -> StdStdio {
    match s {
        Stdio::Pipe => StdStdio::piped(),
        Stdio::Inherit => StdStdio::inherit(),
        Stdio::Ignore => StdStdio::null(),
    }
}

/// The stack size limit (`RLIMIT_STACK`, soft and hard) children start with, when this process
/// raised its own for itself ([`keep_child_stack_limit`]).
static CHILD_STACK_LIMIT: std::sync::OnceLock<libc::rlimit> = std::sync::OnceLock::new();

/// Children start with `limit` as their stack size limit, whatever this process sets for itself
/// afterwards: a process that raises its own for a deep stack does not pass that on.
pub fn keep_child_stack_limit(limit: libc::rlimit) {
    let _ = CHILD_STACK_LIMIT.set(limit);
}

/// Reads `r` to its end, passing each chunk on as [`Event::Data`] for `handle` and `fd`, then an
/// empty chunk for the end (a read error ends it too).
fn forward(mut r: impl Read, handle: u32, fd: i32, sink: impl Fn(Event)) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
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
        .spawn(move || forward(io::stdin().lock(), handle, 0, sink))?;
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

fn build(cmd: &Command) -> std::process::Command {
    let mut c = std::process::Command::new(&cmd.file);
    if let Some(&limit) = CHILD_STACK_LIMIT.get() {
        use std::os::unix::process::CommandExt;
        // SAFETY: the closure runs in the child between fork and exec, and only makes one
        // async-signal-safe system call.
        unsafe {
            c.pre_exec(move || {
                if libc::setrlimit(libc::RLIMIT_STACK, &limit) == 0 {
                    Ok(())
                } else {
                    Err(io::Error::last_os_error())
                }
            });
        }
    }
    c.args(&cmd.args);
    if let Some(dir) = &cmd.cwd {
        c.current_dir(dir);
    }
    if let Some(env) = &cmd.env {
        c.env_clear();
        c.envs(env.iter().map(|(k, v)| (k, v)));
    }
    c.stdin(std_stdio(cmd.stdio[0]))
        .stdout(std_stdio(cmd.stdio[1]))
        .stderr(std_stdio(cmd.stdio[2]));
    c
}

fn status_parts(s: std::process::ExitStatus) -> (Option<i32>, Option<i32>) {
    (s.code(), s.signal())
}

/// Runs `cmd` to completion.
///
/// # Errors
/// The spawn error (`ENOENT` for a missing program, `EACCES`, …).
pub fn spawn_sync(cmd: &Command) -> io::Result<Output> {
    let mut child = build(cmd).spawn()?;
    let pid = child.id();
    if let Some(mut stdin) = child.stdin.take() {
        let input = cmd.input.clone().unwrap_or_default();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let reader = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
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
                    // SAFETY: kill has no memory preconditions.
                    unsafe { libc::kill(pid as i32, cmd.kill_signal) };
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
    })
}

/// A running child: its pid and the way to feed its stdin.
pub struct Child {
    pub pid: u32,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
}

impl Child {
    /// Writes to the child's stdin; `EPIPE` once it is closed.
    ///
    /// # Errors
    /// The write error.
    pub fn write_stdin(&self, data: &[u8]) -> io::Result<()> {
        match self
            .stdin
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            Some(s) => s.write_all(data),
            None => Err(io::Error::from(io::ErrorKind::BrokenPipe)),
        }
    }

    /// Closes the child's stdin.
    pub fn close_stdin(&self) {
        self.stdin.lock().unwrap_or_else(|p| p.into_inner()).take();
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

/// Starts `cmd`; its output and exit are given to `sink` under `handle`, from other threads.
///
/// # Errors
/// The spawn error.
pub fn spawn(
    cmd: &Command,
    handle: u32,
    sink: impl Fn(Event) + Clone + Send + 'static,
) -> io::Result<Child> {
    let mut child = build(cmd).spawn()?;
    let pid = child.id();
    let mut readers = Vec::new();
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
        let q = sink.clone();
        readers.push(std::thread::spawn(move || forward(r, handle, fd, q)));
    }
    let stdin = Arc::new(Mutex::new(child.stdin.take()));
    std::thread::spawn(move || {
        let status = child.wait();
        // Exit is reported after the output, as Node emits 'exit' before 'close' but after data.
        for r in readers {
            let _ = r.join();
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
    Ok(Child { pid, stdin })
}
