//! Child processes: `spawnSync` runs one to completion; `spawn` starts one whose output and
//! exit arrive as [`Event`](super::events::Event)s. On the host they are `moat_proc`'s; in the
//! sandbox the host runs both for the guest (`moat_abi`'s `proc_*` imports).

#[cfg_attr(target_os = "wasi", path = "wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "native.rs")]
mod platform;

pub use platform::{Child, open_channel, spawn, spawn_sync};

pub use moat_abi::{Command, Output, Stdio};
