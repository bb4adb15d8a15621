//! Message channels whose ports live in different threads of one process (worker_threads'
//! `MessagePort` moved to another thread): each channel has two ends, each attached at any time
//! to at most one thread's event queue under a handle of that thread's. A message posted at one
//! end is pushed to the queue the other end is attached to, as an [`Event::Message`]; while that
//! end is on its way between threads (detached), messages wait here for it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use moat_abi::Event;

use crate::EventQueue;

/// What a closed channel's ends are sent: the end that is still open learns of it.
pub const CLOSED: &[u8] = &[0xff];

#[derive(Default)]
struct End {
    /// The thread's queue and handle it is attached to.
    at: Option<(EventQueue, u32)>,
    /// Messages for it while detached.
    waiting: Vec<Vec<u8>>,
}

#[derive(Default)]
struct Channel {
    ends: [End; 2],
}

fn channels() -> &'static Mutex<HashMap<u64, Channel>> {
    static CHANNELS: OnceLock<Mutex<HashMap<u64, Channel>>> = OnceLock::new();
    CHANNELS.get_or_init(Mutex::default)
}

fn with<T>(f: impl FnOnce(&mut HashMap<u64, Channel>) -> T) -> T {
    f(&mut channels().lock().unwrap_or_else(|p| p.into_inner()))
}

/// A new channel, both ends detached.
pub fn open() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    with(|c| c.insert(id, Channel::default()));
    id
}

/// Attaches end `side` (0 or 1) of `channel` to `queue` under `handle`: what waited for it
/// arrives there now. False for no such channel (it was closed).
pub fn attach(channel: u64, side: usize, queue: &EventQueue, handle: u32) -> bool {
    with(|c| {
        let Some(ch) = c.get_mut(&channel) else {
            return false;
        };
        let Some(end) = ch.ends.get_mut(side) else {
            return false;
        };
        for bytes in end.waiting.drain(..) {
            queue.push(Event::Message { handle, bytes });
        }
        end.at = Some((queue.clone(), handle));
        true
    })
}

/// Detaches end `side` of `channel` (it is moving to another thread).
pub fn detach(channel: u64, side: usize) {
    with(|c| {
        if let Some(end) = c.get_mut(&channel).and_then(|ch| ch.ends.get_mut(side)) {
            end.at = None;
        }
    });
}

/// Posts `bytes` from end `side` of `channel` to the other end. False once it is closed.
pub fn post(channel: u64, side: usize, bytes: Vec<u8>) -> bool {
    with(|c| {
        let Some(ch) = c.get_mut(&channel) else {
            return false;
        };
        let Some(end) = ch.ends.get_mut(1 - side.min(1)) else {
            return false;
        };
        match &end.at {
            Some((queue, handle)) => queue.push(Event::Message {
                handle: *handle,
                bytes,
            }),
            None => end.waiting.push(bytes),
        }
        true
    })
}

/// Closes `channel` from end `side`: the other end, if attached, hears of it now; one on its
/// way finds no channel when it attaches (closed, too).
pub fn close(channel: u64, side: usize) {
    with(|c| {
        let Some(ch) = c.remove(&channel) else {
            return;
        };
        if let Some(Some((queue, handle))) = ch.ends.get(1 - side.min(1)).map(|e| e.at.clone()) {
            queue.push(Event::Message {
                handle,
                bytes: CLOSED.to_vec(),
            });
        }
    });
}

/// Closes every channel with an end attached to `queue`, whose thread has ended without closing
/// them: each other end, if attached elsewhere, hears of it, as Node closes a finished
/// worker's ports.
pub fn close_attached(queue: &EventQueue) {
    with(|c| {
        let ended: Vec<(u64, usize)> = c
            .iter()
            .flat_map(|(id, ch)| {
                ch.ends.iter().enumerate().filter_map(move |(side, end)| {
                    end.at
                        .as_ref()
                        .filter(|(q, _)| q.same(queue))
                        .map(|_| (*id, side))
                })
            })
            .collect();
        for (id, side) in ended {
            let Some(ch) = c.remove(&id) else {
                continue;
            };
            if let Some((other, handle)) = &ch.ends[1 - side].at
                && !other.same(queue)
            {
                other.push(Event::Message {
                    handle: *handle,
                    bytes: CLOSED.to_vec(),
                });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ended_thread_closes_its_ends() {
        let c = open();
        let a = EventQueue::default();
        let b = EventQueue::default();
        assert!(attach(c, 0, &a, 7));
        assert!(attach(c, 1, &b, 9));
        close_attached(&b);
        assert_eq!(
            a.take_now(),
            vec![Event::Message {
                handle: 7,
                bytes: CLOSED.to_vec()
            }]
        );
        assert!(b.take_now().is_empty());
        assert!(!post(c, 0, vec![1]));
    }

    #[test]
    fn messages_wait_for_a_detached_end_and_follow_it() {
        let c = open();
        let a = EventQueue::default();
        let b = EventQueue::default();
        assert!(attach(c, 0, &a, 7));
        assert!(post(c, 0, b"early".to_vec()));
        assert!(attach(c, 1, &b, 9));
        assert!(post(c, 1, b"back".to_vec()));
        assert_eq!(
            b.take_now(),
            vec![Event::Message {
                handle: 9,
                bytes: b"early".to_vec()
            }]
        );
        assert_eq!(
            a.take_now(),
            vec![Event::Message {
                handle: 7,
                bytes: b"back".to_vec()
            }]
        );
        close(c, 0);
        assert_eq!(
            b.take_now(),
            vec![Event::Message {
                handle: 9,
                bytes: CLOSED.to_vec()
            }]
        );
        assert!(!post(c, 1, b"late".to_vec()));
    }
}
