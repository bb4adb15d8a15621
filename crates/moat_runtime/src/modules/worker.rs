//! `internalBinding('worker')`: starts worker threads and carries messages between a worker and
//! the thread that started it (the JS half: `js/internal/worker/thread.js`).
//!
//! Natively a worker is an engine of its own on a new OS thread: its parent pushes messages to
//! the worker's event queue (handle 0 in the worker), and the worker pushes its messages and,
//! when its thread ends, its exit to the parent's queue under the handle the parent gave it.
//! In the sandbox a worker is a fresh guest instance on a host thread, and the host keeps the
//! same two queues (`moat_abi`'s `worker_*` imports). Messages are bytes: JS serialises them.

use rquickjs::{Ctx, Function, Object, Result, TypedArray, Value};

use crate::js_errors::throw_uv;
use crate::state::SharedState;
use crate::value::bytes_of;
use crate::{Entry, Options, sys};

/// The stack of a worker's thread natively (`resourceLimits.stackSizeMb` is not applied).
#[cfg(not(target_os = "wasi"))]
const WORKER_STACK: usize = 8 * 1024 * 1024;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    // spawn(spec, init) -> [handle, threadId]. `spec`: { kind: 'file' | 'eval', source,
    // module, argv, execArgv } — what the worker runs; `init`: the bytes its `self()` returns.
    let st = state.clone();
    o.set(
        "spawn",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, spec: Object<'js>, init: Value<'js>| -> Result<Vec<u32>> {
                let init = bytes_of(&init)?;
                let options = worker_options(&st, &spec)?;
                let internal = spec.get::<_, Option<bool>>("internal")?.unwrap_or(false);
                let handle = st.next_handle.get();
                let thread_id = spawn(&ctx, &st, handle, options, init, internal)?;
                st.next_handle.set(handle + 1);
                Ok(vec![handle, thread_id])
            },
        )?,
    )?;
    // post(handle, bytes): a message to the worker under `handle`; false once it has ended.
    let st = state.clone();
    o.set(
        "post",
        Function::new(
            ctx.clone(),
            move |handle: u32, data: Value<'js>| -> Result<bool> {
                let bytes = bytes_of(&data)?;
                Ok(post(&st, handle, bytes))
            },
        )?,
    )?;
    // waitMessage(handle) -> the next message from the worker under `handle`, waiting for it
    // (the thread's other events wait for the loop); undefined once the worker has exited.
    let st = state.clone();
    o.set(
        "waitMessage",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32| -> Result<Option<TypedArray<'js, u8>>> {
                use sys::events::Event;
                loop {
                    {
                        let mut deferred = st.deferred.borrow_mut();
                        let mine = deferred.iter().position(|e| match e {
                            Event::Message { handle: h, .. } | Event::Exit { handle: h, .. } => {
                                *h == handle
                            }
                            _ => false,
                        });
                        match mine.map(|i| (i, deferred.remove(i))) {
                            Some((_, Event::Message { bytes, .. })) => {
                                drop(deferred);
                                return Ok(Some(TypedArray::new(ctx.clone(), bytes)?));
                            }
                            // The exit stays for the loop to deliver.
                            Some((i, exit)) => {
                                deferred.insert(i, exit);
                                return Ok(None);
                            }
                            None => {}
                        }
                    }
                    let events = sys::net::wait(&st.events, None);
                    st.deferred.borrow_mut().extend(events);
                }
            },
        )?,
    )?;
    // stop(handle): ends the worker as soon as it runs JS or waits.
    let st = state.clone();
    o.set(
        "stop",
        Function::new(ctx.clone(), move |handle: u32| stop(&st, handle))?,
    )?;
    // forget(handle): the worker has exited; its control goes.
    let st = state.clone();
    o.set(
        "forget",
        Function::new(ctx.clone(), move |handle: u32| {
            st.workers.borrow_mut().remove(&handle);
        })?,
    )?;
    let st = state.clone();
    o.set(
        "isWorker",
        Function::new(ctx.clone(), move || st.worker.get().is_some())?,
    )?;
    // self() -> { threadId, init } in a worker (`init` only the first time), else undefined.
    let st = state.clone();
    o.set(
        "self",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>| -> Result<Option<Object<'js>>> {
                let Some(link) = st.worker.get() else {
                    return Ok(None);
                };
                let out = Object::new(ctx.clone())?;
                out.set("threadId", link.thread_id)?;
                if let Some(init) = link.init.borrow_mut().take() {
                    out.set("init", TypedArray::<u8>::new(ctx.clone(), init)?)?;
                }
                Ok(Some(out))
            },
        )?,
    )?;
    // postToParent(bytes): a message from this worker to its parent.
    let st = state.clone();
    o.set(
        "postToParent",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, data: Value<'js>| -> Result<()> {
                let bytes = bytes_of(&data)?;
                post_to_parent(&st, bytes)
                    .map_err(|e| throw_uv(&ctx, &e, "postMessage", None, None))
            },
        )?,
    )?;
    // Channels whose ports are in different threads (a MessagePort moved to another thread):
    // portOpen() -> id; portAttach(id, side) -> the handle its messages arrive under, or
    // undefined once it is closed; portDetach, portPost(id, side, bytes) -> false once closed,
    // portClose.
    o.set(
        "portOpen",
        Function::new(ctx.clone(), || ports::open() as f64)?,
    )?;
    let st = state.clone();
    o.set(
        "portAttach",
        Function::new(ctx.clone(), move |id: f64, side: u32| -> Option<u32> {
            let handle = st.next_handle.get();
            ports::attach(&st, id as u64, side.min(1), handle).then(|| {
                st.next_handle.set(handle + 1);
                handle
            })
        })?,
    )?;
    o.set(
        "portDetach",
        Function::new(ctx.clone(), |id: f64, side: u32| {
            ports::detach(id as u64, side.min(1));
        })?,
    )?;
    o.set(
        "portPost",
        Function::new(
            ctx.clone(),
            |id: f64, side: u32, data: Value<'js>| -> Result<bool> {
                Ok(ports::post(id as u64, side.min(1), bytes_of(&data)?))
            },
        )?,
    )?;
    o.set(
        "portClose",
        Function::new(ctx.clone(), |id: f64, side: u32| {
            ports::close(id as u64, side.min(1));
        })?,
    )?;
    // exit(code): a worker's `process.reallyExit`: ends its run (only the worker's thread).
    let st = state.clone();
    o.set(
        "exit",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, code: i32| -> Result<()> {
            exit(&ctx, &st, code)
        })?,
    )?;
    Ok(())
}

/// The options a worker runs with: its parent's, with its own entry, arguments and `execArgv`,
/// and no `--experimental-loader` (a worker shares its parent's hooks).
fn worker_options<'js>(state: &SharedState, spec: &Object<'js>) -> Result<Options> {
    let mut options = state.options().clone();
    let kind: String = spec.get("kind")?;
    let source: String = spec.get("source")?;
    let argv: Vec<String> = spec.get("argv")?;
    let exec_argv: Option<Vec<String>> = spec.get("execArgv")?;
    options.entry = if kind == "eval" {
        Entry::Eval {
            code: source.clone(),
            print: false,
        }
    } else {
        Entry::File(source.clone().into())
    };
    options.args = if kind == "eval" {
        // process.argv[1] of an eval worker is '[worker eval]'.
        std::iter::once("[worker eval]".to_string())
            .chain(argv)
            .collect()
    } else {
        std::iter::once(source).chain(argv).collect()
    };
    if let Some(exec_argv) = exec_argv {
        options.exec_argv = exec_argv;
    }
    options.loaders.clear();
    let module: bool = spec.get::<_, Option<bool>>("module")?.unwrap_or(false);
    options.input_type = module.then_some(crate::InputType::Module);
    Ok(options)
}

#[cfg(not(target_os = "wasi"))]
fn spawn(
    ctx: &Ctx<'_>,
    state: &SharedState,
    handle: u32,
    options: Options,
    init: Vec<u8>,
    _internal: bool,
) -> Result<u32> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

    use crate::state::{WorkerControl, WorkerSelf, WorkerStart};

    /// Thread ids count up across the process, as Node's do; the main thread is 0.
    static NEXT_THREAD_ID: AtomicU32 = AtomicU32::new(1);
    let thread_id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
    let events = sys::events::EventQueue::default();
    let stop = Arc::new(AtomicBool::new(false));
    let parent = state.events.clone();
    let start = WorkerStart {
        options,
        events: events.clone(),
        link: WorkerSelf {
            thread_id,
            init: std::cell::RefCell::new(Some(init)),
            exit_code: std::cell::Cell::new(None),
            parent: parent.clone(),
            handle,
            stop: stop.clone(),
        },
    };
    let run = state.run_worker;
    std::thread::Builder::new()
        .name(format!("moat-worker-{thread_id}"))
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let code = run(start);
            parent.push(sys::events::Event::Exit {
                handle,
                code: Some(code),
                signal: None,
            });
        })
        .map_err(|e| throw_uv(ctx, &e, "uv_thread_create", None, None))?;
    state
        .workers
        .borrow_mut()
        .insert(handle, WorkerControl { events, stop });
    Ok(thread_id)
}

#[cfg(target_os = "wasi")]
fn spawn(
    ctx: &Ctx<'_>,
    state: &SharedState,
    handle: u32,
    options: Options,
    init: Vec<u8>,
    internal: bool,
) -> Result<u32> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| "/".into());
    let config = crate::guest_config::GuestConfig::new(&cwd, &options).to_json();
    let thread_id = sys::worker::spawn(handle, &config, &init, internal)
        .map_err(|e| throw_uv(ctx, &e, "uv_thread_create", None, None))?;
    state
        .workers
        .borrow_mut()
        .insert(handle, crate::state::WorkerControl {});
    Ok(thread_id)
}

#[cfg(not(target_os = "wasi"))]
fn post(state: &SharedState, handle: u32, bytes: Vec<u8>) -> bool {
    match state.workers.borrow().get(&handle) {
        Some(w) => {
            w.events
                .push(sys::events::Event::Message { handle: 0, bytes });
            true
        }
        None => false,
    }
}

#[cfg(target_os = "wasi")]
fn post(state: &SharedState, handle: u32, bytes: Vec<u8>) -> bool {
    state.workers.borrow().contains_key(&handle) && sys::worker::post(handle, &bytes).is_ok()
}

fn stop(state: &SharedState, handle: u32) {
    if let Some(_w) = state.workers.borrow().get(&handle) {
        #[cfg(not(target_os = "wasi"))]
        {
            _w.stop.store(true, std::sync::atomic::Ordering::Relaxed);
            // Wakes a worker waiting for events.
            _w.events.push(sys::events::Event::Message {
                handle: 0,
                bytes: Vec::new(),
            });
        }
        #[cfg(target_os = "wasi")]
        sys::worker::stop(handle);
    }
}

/// The kind byte of a message that carries a worker's output to its parent: then the fd (1 or
/// 2), then the bytes (`js/internal/worker/thread.js` knows the other kinds).
pub const STDIO_MESSAGE: u8 = 3;

/// Queues `bytes` for the worker's parent.
pub fn post_to_parent(state: &SharedState, bytes: Vec<u8>) -> std::io::Result<()> {
    let Some(_link) = state.worker.get() else {
        return Err(std::io::Error::from(std::io::ErrorKind::NotConnected));
    };
    #[cfg(not(target_os = "wasi"))]
    {
        _link.parent.push(sys::events::Event::Message {
            handle: _link.handle,
            bytes,
        });
        Ok(())
    }
    #[cfg(target_os = "wasi")]
    sys::worker::post_to_parent(&bytes)
}

/// Ends the worker's run: natively by an exception nothing can catch, which unwinds every JS
/// frame back to the engine (and the flag keeps any JS from running after it); in the sandbox
/// by ending the worker's instance.
fn exit(ctx: &Ctx<'_>, state: &SharedState, code: i32) -> Result<()> {
    let Some(link) = state.worker.get() else {
        sys::exit(code)
    };
    link.exit_code.set(Some(code));
    #[cfg(target_os = "wasi")]
    {
        let _ = ctx;
        sys::exit(code)
    }
    #[cfg(not(target_os = "wasi"))]
    {
        link.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        Err(uncatchable(ctx))
    }
}

/// Throws an exception no JS `catch` or `finally` sees: the worker is ending.
#[cfg(not(target_os = "wasi"))]
pub fn uncatchable(ctx: &Ctx<'_>) -> rquickjs::Error {
    let e = match rquickjs::Exception::from_message(ctx.clone(), "worker ended") {
        Ok(e) => e.into_value(),
        Err(e) => return e,
    };
    // SAFETY: `e` is a live object of this context.
    unsafe { rquickjs::qjs::JS_SetUncatchableError(ctx.as_raw().as_ptr(), e.as_raw()) };
    ctx.throw(e)
}

/// The process's cross-thread channels: natively `moat_proc`'s registry, in the sandbox the
/// host's (the `port_*` imports).
mod ports {
    use crate::state::SharedState;

    #[cfg(not(target_os = "wasi"))]
    pub fn open() -> u64 {
        moat_proc::ports::open()
    }
    #[cfg(not(target_os = "wasi"))]
    pub fn attach(state: &SharedState, id: u64, side: u32, handle: u32) -> bool {
        moat_proc::ports::attach(id, side as usize, &state.events, handle)
    }
    #[cfg(not(target_os = "wasi"))]
    pub fn detach(id: u64, side: u32) {
        moat_proc::ports::detach(id, side as usize);
    }
    #[cfg(not(target_os = "wasi"))]
    pub fn post(id: u64, side: u32, bytes: Vec<u8>) -> bool {
        moat_proc::ports::post(id, side as usize, bytes)
    }
    #[cfg(not(target_os = "wasi"))]
    pub fn close(id: u64, side: u32) {
        moat_proc::ports::close(id, side as usize);
    }

    #[cfg(target_os = "wasi")]
    pub use crate::sys::worker::{
        port_close as close, port_detach as detach, port_open as open, port_post as post,
    };
    #[cfg(target_os = "wasi")]
    pub fn attach(_state: &SharedState, id: u64, side: u32, handle: u32) -> bool {
        crate::sys::worker::port_attach(id, side, handle)
    }
}
