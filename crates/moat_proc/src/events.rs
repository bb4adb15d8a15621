//! A queue of [`Event`]s: producers on other threads (a child's readers and waiter) push, the
//! consumer (the native event loop, or the sandbox host's `poll`) waits.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use moat_abi::Event;

type Notify = Box<dyn Fn() + Send + Sync>;

/// A queue producers on other threads push to and the loop waits on.
#[derive(Clone, Default)]
pub struct EventQueue {
    inner: Arc<(Mutex<VecDeque<Event>>, Condvar)>,
    /// Also told of every push: a consumer that waits elsewhere (on sockets) is woken by it.
    notify: Arc<OnceLock<Notify>>,
}

impl EventQueue {
    /// Whether `other` is this very queue (a clone of it), not merely an equal one.
    pub fn same(&self, other: &EventQueue) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    pub fn push(&self, e: Event) {
        let (lock, cv) = &*self.inner;
        lock.lock().unwrap_or_else(|p| p.into_inner()).push_back(e);
        cv.notify_all();
        if let Some(n) = self.notify.get() {
            n();
        }
    }

    /// Has `notify` called on every push from now on (the first call to this sets it).
    pub fn set_notify(&self, notify: impl Fn() + Send + Sync + 'static) {
        let _ = self.notify.set(Box::new(notify));
    }

    /// Takes what is queued, without waiting.
    pub fn take_now(&self) -> Vec<Event> {
        let (lock, _) = &*self.inner;
        lock.lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain(..)
            .collect()
    }

    /// Waits up to `timeout` (forever when `None`) for events and takes all that are queued.
    pub fn wait(&self, timeout: Option<Duration>) -> Vec<Event> {
        let (lock, cv) = &*self.inner;
        let mut q = lock.lock().unwrap_or_else(|p| p.into_inner());
        if q.is_empty() {
            q = match timeout {
                Some(t) => cv
                    .wait_timeout(q, t)
                    .map(|(g, _)| g)
                    .unwrap_or_else(|p| p.into_inner().0),
                None => cv.wait(q).unwrap_or_else(|p| p.into_inner()),
            };
        }
        q.drain(..).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_returns_what_was_pushed_from_another_thread() {
        let q = EventQueue::default();
        let p = q.clone();
        let t = std::thread::spawn(move || {
            p.push(Event::Exit {
                handle: 1,
                code: Some(0),
                signal: None,
            })
        });
        let mut got = Vec::new();
        while got.is_empty() {
            got = q.wait(Some(Duration::from_secs(5)));
        }
        t.join().unwrap();
        assert_eq!(
            got,
            vec![Event::Exit {
                handle: 1,
                code: Some(0),
                signal: None
            }]
        );
        assert!(q.wait(Some(Duration::from_millis(1))).is_empty());
    }
}
