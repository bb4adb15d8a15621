//! Child processes: `spawnSync` runs one to completion; `spawn` starts one whose output and
//! exit arrive as [`Event`](super::events::Event)s. Only the host can start processes; in the
//! sandbox both answer `ENOSYS`.

#[cfg_attr(target_os = "wasi", path = "wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "native.rs")]
mod platform;

pub use platform::{Child, spawn, spawn_sync};

/// What to do with one of the child's standard streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stdio {
    Pipe,
    Inherit,
    Ignore,
}

/// A command to run.
#[derive(Clone, Debug)]
pub struct Command {
    pub file: String,
    pub args: Vec<String>,
    pub cwd: Option<String>,
    /// The child's whole environment; `None` inherits ours.
    pub env: Option<Vec<(String, String)>>,
    pub stdio: [Stdio; 3],
    /// Bytes written to the child's stdin before it is closed (spawnSync).
    pub input: Option<Vec<u8>>,
    /// Milliseconds before the child is killed (spawnSync).
    pub timeout_ms: Option<u64>,
    pub kill_signal: i32,
}

/// The result of [`spawn_sync`].
#[derive(Clone, Debug, Default)]
pub struct Output {
    pub pid: u32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub timed_out: bool,
}
