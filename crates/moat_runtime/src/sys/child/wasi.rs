//! Child processes in the sandbox: `spawnSync` asks the host (`moat_abi`'s `proc_run`), which
//! runs the command only under `--allow-child-process`; streamed `spawn` is not in the ABI yet.

use std::io;

use moat_abi::errno;

use super::{Command, Output};
use crate::sys::events::EventQueue;

#[link(wasm_import_module = "moat")]
unsafe extern "C" {
    fn proc_run(req: *const u8, req_len: usize, size_out: *mut u32) -> i32;
    fn take(buf: *mut u8, buf_len: usize) -> i32;
}

/// An error number from the host as an `io::Error` with WASI's raw code.
fn host_error(code: i32) -> io::Error {
    io::Error::from_raw_os_error(code)
}

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

/// Runs `cmd` to completion in the host.
///
/// # Errors
/// The host's error: `EACCES` without the grant, the spawn error (`ENOENT`, …).
pub fn spawn_sync(cmd: &Command) -> io::Result<Output> {
    let req = cmd.encode();
    let mut size = 0u32;
    // SAFETY: the host reads `req_len` bytes at `req` and writes one u32 at `size_out`, both
    // within this function's live buffers.
    let code = unsafe { proc_run(req.as_ptr(), req.len(), &mut size) };
    if code != errno::SUCCESS {
        return Err(host_error(code));
    }
    let mut buf = vec![0u8; size as usize];
    // SAFETY: the host writes at most `buf_len` bytes at `buf`.
    let code = unsafe { take(buf.as_mut_ptr(), buf.len()) };
    if code != errno::SUCCESS {
        return Err(host_error(code));
    }
    Output::decode(&buf).map_err(io::Error::other)
}

/// # Errors
/// Always `ENOSYS`: the host does not stream a child's output to the guest yet.
pub fn spawn(_cmd: &Command, _handle: u32, _queue: &EventQueue) -> io::Result<Child> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}
