//! The loop's events in the sandbox: the host queues them (its children's output and exits),
//! and waiting for them is waiting in the host (`moat_abi`'s `poll`).

use std::time::Duration;

pub use moat_abi::Event;

/// A handle on the host's queue of this instance's events (which the host keeps).
#[derive(Clone, Default)]
pub struct EventQueue {
    _in_host: (),
}

impl EventQueue {
    /// Waits in the host up to `timeout` (forever when `None`) for events and takes all that
    /// are ready. A host error ends the wait with none.
    pub fn wait(&self, timeout: Option<Duration>) -> Vec<Event> {
        crate::sys::host::wait(timeout).unwrap_or_default()
    }
}
