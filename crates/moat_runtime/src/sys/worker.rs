//! Worker threads in the sandbox: the host starts each as an instance of its own and carries
//! the messages (`moat_abi`'s `worker_*` imports). Natively the runtime starts threads itself.

use std::io;

use super::host;

/// Starts a worker running the record `config` (a `GuestConfig` as JSON), given `init`, whose
/// messages and exit arrive as events under `handle`; returns its thread id. An `internal` one
/// (the module hooks' thread) needs no `--allow-worker`.
///
/// # Errors
/// `EACCES` without `--allow-worker`; the host's failure to start it.
pub fn spawn(handle: u32, config: &str, init: &[u8], internal: bool) -> io::Result<u32> {
    host::spawn_worker(config, init, handle, u32::from(internal))
}

/// Queues a message for the worker under `handle`.
///
/// # Errors
/// The worker has ended.
pub fn post(handle: u32, bytes: &[u8]) -> io::Result<()> {
    host::post_worker(handle, bytes)
}

/// Stops the worker under `handle`.
pub fn stop(handle: u32) {
    host::stop_worker(handle);
}

/// In a worker: its thread id and the data it was started with; `None` elsewhere.
pub fn info() -> Option<(u32, Vec<u8>)> {
    host::worker_info().ok().flatten()
}

/// In a worker: queues a message for the instance that started it.
///
/// # Errors
/// This instance is no worker.
pub fn post_to_parent(bytes: &[u8]) -> io::Result<()> {
    host::post_parent(bytes)
}

/// Whether this worker is being stopped.
pub fn stopping() -> bool {
    host::worker_is_stopping()
}

/// A new cross-thread channel (the host's), both ends detached.
pub fn port_open() -> u64 {
    host::open_port()
}

/// Attaches an end of `id` to this instance under `handle`; false once the channel is closed.
pub fn port_attach(id: u64, side: u32, handle: u32) -> bool {
    host::attach_port(id, side, handle)
}

/// Detaches an end of `id` (it is moving to another thread).
pub fn port_detach(id: u64, side: u32) {
    host::detach_port(id, side);
}

/// Posts `bytes` from an end of `id` to the other; false once the channel is closed.
pub fn port_post(id: u64, side: u32, bytes: Vec<u8>) -> bool {
    host::post_port(id, side, &bytes)
}

/// Closes `id`.
pub fn port_close(id: u64, side: u32) {
    host::close_port(id, side);
}
