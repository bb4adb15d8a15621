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
    /// Writes to the child's stdin; `EPIPE` once it is closed.
    ///
    /// # Errors
    /// The host's error.
    pub fn write_stdin(&self, data: &[u8]) -> io::Result<()> {
        host::write_stdin(self.handle, data)
    }

    pub fn close_stdin(&self) {
        host::close_stdin(self.handle);
    }
}

/// Runs `cmd` to completion in the host.
///
/// # Errors
/// The host's error: `EACCES` without the grant, the spawn error (`ENOENT`, …).
pub fn spawn_sync(cmd: &Command) -> io::Result<Output> {
    host::run(cmd)
}

/// Starts `cmd` in the host; its events arrive from the host's queue under `handle`.
///
/// # Errors
/// The host's error.
pub fn spawn(cmd: &Command, handle: u32, _queue: &EventQueue) -> io::Result<Child> {
    let pid = host::spawn(cmd, handle)?;
    Ok(Child { pid, handle })
}
