//! Completions from work the OS does off the JS thread (child processes), queued for the event
//! loop's poll phase: `moat_proc`'s queue.

pub use moat_proc::{Event, EventQueue};
