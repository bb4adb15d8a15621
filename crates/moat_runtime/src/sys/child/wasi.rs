//! The sandbox starts no processes.

use std::io;

use super::{Command, Output};
use crate::sys::events::EventQueue;

/// Never constructed in the sandbox.
pub struct Child {
    pub pid: u32,
}

impl Child {
    /// # Errors
    /// Always `EPIPE`.
    pub fn write_stdin(&self, _data: &[u8]) -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::BrokenPipe))
    }

    pub fn close_stdin(&self) {}
}

/// # Errors
/// Always `ENOSYS`.
pub fn spawn_sync(_cmd: &Command) -> io::Result<Output> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// # Errors
/// Always `ENOSYS`.
pub fn spawn(_cmd: &Command, _handle: u32, _queue: &EventQueue) -> io::Result<Child> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}
