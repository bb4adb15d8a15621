//! Child processes on the host: `moat_proc`'s, their events pushed to the loop's queue.

use std::io;

use super::Command;
use crate::sys::events::EventQueue;

pub use moat_proc::{Child, spawn_sync};

/// Starts `cmd`; its output and exit arrive in `queue` under `handle`.
///
/// # Errors
/// The spawn error.
pub fn spawn(cmd: &Command, handle: u32, queue: &EventQueue) -> io::Result<Child> {
    let queue = queue.clone();
    moat_proc::spawn(cmd, handle, move |e| queue.push(e))
}
