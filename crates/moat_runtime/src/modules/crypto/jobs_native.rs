//! Work of the callback forms (`pbkdf2`, `scrypt`, `hkdf`, `randomBytes`) on a few worker
//! threads, as Node's thread pool does it: the result comes back through the loop's event queue
//! as a `Data` event of the job's handle, so the JS turn that asked is not held up.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

use crate::sys::events::{Event, EventQueue};

/// The computation of one job: its result bytes.
pub type Work = Box<dyn FnOnce() -> Vec<u8> + Send>;

/// Worker threads, as many as libuv's default thread pool has.
const WORKERS: usize = 4;

struct Job {
    handle: u32,
    work: Work,
    queue: EventQueue,
}

static POOL: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();

fn pool() -> &'static Mutex<Sender<Job>> {
    POOL.get_or_init(|| {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..WORKERS {
            let rx = Arc::clone(&rx);
            // A worker that cannot start leaves the others; with none, `submit` runs jobs itself.
            let _ = std::thread::Builder::new()
                .name(format!("moat-crypto-{i}"))
                .spawn(move || worker(&rx));
        }
        Mutex::new(tx)
    })
}

fn worker(rx: &Mutex<Receiver<Job>>) {
    loop {
        let job = match rx.lock().unwrap_or_else(|p| p.into_inner()).recv() {
            Ok(job) => job,
            Err(_) => return,
        };
        let bytes = (job.work)();
        job.queue.push(Event::Data {
            handle: job.handle,
            fd: 0,
            bytes,
        });
    }
}

/// Queues `work`; its result arrives as a `Data` event of `handle` on `queue`. When no worker
/// could be started, runs it here and queues the result all the same.
pub fn submit(queue: &EventQueue, handle: u32, work: Work) {
    let job = Job {
        handle,
        work,
        queue: queue.clone(),
    };
    let sent = pool().lock().unwrap_or_else(|p| p.into_inner()).send(job);
    if let Err(std::sync::mpsc::SendError(job)) = sent {
        let bytes = (job.work)();
        queue.push(Event::Data {
            handle,
            fd: 0,
            bytes,
        });
    }
}

/// Jobs run off the JS thread here.
pub const THREADED: bool = true;
