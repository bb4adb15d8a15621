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

/// Opens the IPC channel this process was started with (`NODE_CHANNEL_FD`, serialization from
/// `NODE_CHANNEL_SERIALIZATION_MODE`) under `handle`: the channel (a child with no pid,
/// written with its fd), its fd, and whether it uses advanced serialization.
///
/// # Errors
/// `ENOENT` when there is none; the error opening it.
pub fn open_channel(handle: u32, queue: &EventQueue) -> io::Result<(Child, i32, bool)> {
    let fd: i32 = std::env::var("NODE_CHANNEL_FD")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|fd| *fd >= 0)
        .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
    let advanced = std::env::var("NODE_CHANNEL_SERIALIZATION_MODE").is_ok_and(|m| m == "advanced");
    let queue = queue.clone();
    let child = moat_proc::open_channel(fd, handle, move |e| queue.push(e))?;
    Ok((child, fd, advanced))
}
