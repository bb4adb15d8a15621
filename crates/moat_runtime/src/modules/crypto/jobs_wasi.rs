//! The sandbox's guest has no threads: the callback forms run their work on the loop instead
//! (the JS half defers it to a later turn), so nothing here queues anything.

use crate::sys::events::EventQueue;

/// The computation of one job: its result bytes.
pub type Work = Box<dyn FnOnce() -> Vec<u8> + Send>;

/// Never called while [`THREADED`] is false; runs nothing.
pub fn submit(_queue: &EventQueue, _handle: u32, _work: Work) {}

/// Jobs run off the JS thread here.
pub const THREADED: bool = false;
