//! Child processes in the sandbox: the host runs them (`moat_abi`'s `proc_*` imports), only
//! under `--allow-child-process`; their output and exits come back through `poll`.

use std::io;

use super::{Command, Output};
use crate::sys::events::EventQueue;
use crate::sys::host;

/// A child the host started for this instance.
pub struct Child {
    pub pid: u32,
    handle: u32,
}

impl Child {
    /// Writes to the child's pipe `fd` (0: its stdin); `EPIPE` once it is closed.
    ///
    /// # Errors
    /// The host's error.
    pub fn write(&self, fd: i32, data: &[u8]) -> io::Result<()> {
        host::write_pipe(self.handle, fd, data)
    }

    pub fn close(&self, fd: i32) {
        host::close_pipe(self.handle, fd);
    }

    pub fn set_paused(&self, fd: i32, paused: bool) {
        host::pipe_flow(self.handle, fd, paused);
    }
}

/// Runs `cmd` to completion in the host.
///
/// # Errors
/// The host's error: `EACCES` without the grant, the spawn error (`ENOENT`, …).
pub fn spawn_sync(cmd: &Command) -> io::Result<Output> {
    host::run(&in_guest_cwd(cmd))
}

/// `cmd` with its working directory as the guest sees it: the host's own is not the one
/// `process.chdir` set, and a relative `cwd` is relative to the guest's.
fn in_guest_cwd(cmd: &Command) -> std::borrow::Cow<'_, Command> {
    let Ok(here) = crate::sys::cwd() else {
        return std::borrow::Cow::Borrowed(cmd);
    };
    let cwd = match &cmd.cwd {
        None => here,
        Some(dir) if std::path::Path::new(dir).is_absolute() => {
            return std::borrow::Cow::Borrowed(cmd);
        }
        Some(dir) => here.join(dir),
    };
    let mut owned = cmd.clone();
    owned.cwd = Some(cwd.to_string_lossy().into_owned());
    std::borrow::Cow::Owned(owned)
}

/// Starts `cmd` in the host; its events arrive from the host's queue under `handle`.
///
/// # Errors
/// The host's error.
pub fn spawn(cmd: &Command, handle: u32, _queue: &EventQueue) -> io::Result<Child> {
    let pid = host::spawn(&in_guest_cwd(cmd), handle)?;
    Ok(Child { pid, handle })
}

/// Opens the IPC channel the host was started with under `handle`: the channel (a child with
/// no pid, written with its fd), its fd, and whether it uses advanced serialization.
///
/// # Errors
/// `ENOENT` when there is none.
pub fn open_channel(handle: u32, _queue: &EventQueue) -> io::Result<(Child, i32, bool)> {
    let (fd, advanced) = host::open_channel(handle)?;
    Ok((Child { pid: 0, handle }, fd, advanced))
}
