//! Signals the process receives, delivered to an event loop as [`Event::Signal`]s: `watch`
//! installs a handler that only writes the signal's number to a pipe (what a handler may do);
//! a helper thread reads the pipe and queues the event. `unwatch` restores the default action.
//!
//! Shared by the native runtime (`process.on('SIGINT')`) and the sandbox host, which watches
//! for its guest (`moat_abi`'s `signal_watch`).

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::{Event, EventQueue};

/// The write end of the pipe the handler writes to, once the helper thread runs.
static PIPE: AtomicI32 = AtomicI32::new(-1);
/// Watched signal -> (the loop's handle for it, the queue its events go to).
static WATCHED: Mutex<Option<HashMap<i32, (u32, EventQueue)>>> = Mutex::new(None);
static STARTED: OnceLock<io::Result<()>> = OnceLock::new();

/// Signals a program may not watch: their handlers belong to the runtime (traps, stack
/// overflow) or the system (`SIGKILL`, `SIGSTOP`).
const RESERVED: [i32; 6] = [
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGFPE,
    libc::SIGILL,
    libc::SIGKILL,
    libc::SIGSTOP,
];

extern "C" fn on_signal(signal: libc::c_int) {
    // SAFETY: only async-signal-safe calls: reading errno, write(2), restoring errno.
    unsafe {
        let errno = *libc::__errno_location();
        let fd = PIPE.load(Ordering::Relaxed);
        if fd >= 0 {
            let byte = signal as u8;
            libc::write(fd, (&raw const byte).cast(), 1);
        }
        *libc::__errno_location() = errno;
    }
}

fn start() -> io::Result<()> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let [read_end, write_end] = fds;
    PIPE.store(write_end, Ordering::Relaxed);
    std::thread::Builder::new()
        .name("moat-signals".to_string())
        .spawn(move || {
            let mut byte = 0u8;
            loop {
                // SAFETY: reads one byte into `byte` from the pipe this thread owns.
                let n = unsafe { libc::read(read_end, (&raw mut byte).cast(), 1) };
                if n == 1 {
                    let signal = i32::from(byte);
                    let watched = WATCHED.lock().unwrap_or_else(|p| p.into_inner());
                    if let Some((handle, queue)) = watched.as_ref().and_then(|m| m.get(&signal)) {
                        queue.push(Event::Signal {
                            handle: *handle,
                            signal,
                        });
                    }
                } else if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                } else {
                    return;
                }
            }
        })?;
    Ok(())
}

fn set_action(signal: i32, handler: libc::sighandler_t) -> io::Result<()> {
    // SAFETY: a zeroed sigaction is valid; the handler is `on_signal` (async-signal-safe) or
    // SIG_DFL, for a signal number the caller checked.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        if libc::sigaction(signal, &action, std::ptr::null_mut()) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Delivers `signal` to `queue` as [`Event::Signal`] with `handle`, from now until
/// [`unwatch`].
///
/// # Errors
/// `EINVAL` for a signal that does not exist or that may not be watched (see `RESERVED`);
/// the OS error when the helper thread or the handler cannot be set up.
pub fn watch(queue: &EventQueue, signal: i32, handle: u32) -> io::Result<()> {
    if !(1..=64).contains(&signal) || RESERVED.contains(&signal) {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    if let Err(e) = STARTED.get_or_init(start) {
        return Err(io::Error::new(e.kind(), e.to_string()));
    }
    WATCHED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get_or_insert_with(HashMap::new)
        .insert(signal, (handle, queue.clone()));
    set_action(
        signal,
        on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    )
}

/// Gives `signal` its default action back.
pub fn unwatch(signal: i32) {
    let removed = WATCHED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_mut()
        .and_then(|m| m.remove(&signal));
    if removed.is_some() {
        let _ = set_action(signal, libc::SIG_DFL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_watched_signal_arrives_as_an_event_and_unwatch_restores_the_default() {
        let q = EventQueue::default();
        watch(&q, libc::SIGUSR2, 7).expect("SIGUSR2 can be watched");
        // SAFETY: raising a signal this process now handles.
        unsafe { libc::raise(libc::SIGUSR2) };
        let mut got = Vec::new();
        for _ in 0..50 {
            got.extend(q.wait(Some(Duration::from_millis(100))));
            if !got.is_empty() {
                break;
            }
        }
        assert_eq!(
            got,
            vec![Event::Signal {
                handle: 7,
                signal: libc::SIGUSR2
            }]
        );
        unwatch(libc::SIGUSR2);
        // SAFETY: reads the current action without changing it.
        let action = unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(libc::SIGUSR2, std::ptr::null(), &mut old);
            old.sa_sigaction
        };
        assert_eq!(action, libc::SIG_DFL);
    }

    #[test]
    fn reserved_and_unknown_signals_are_refused() {
        let q = EventQueue::default();
        for s in [libc::SIGSEGV, libc::SIGKILL, 0, 99] {
            let err = watch(&q, s, 1).expect_err("refused");
            assert_eq!(err.raw_os_error(), Some(libc::EINVAL));
        }
    }
}
