//! The clock and the idle wait under the event loop (`js/internal/loop.js`), plus the microtask
//! checkpoint that runs after every callback.

use rquickjs::{Ctx, Function, Object, Persistent, Result};

use crate::state::SharedState;
use crate::sys;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    o.set(
        "now",
        Function::new(ctx.clone(), || sys::hrtime_ns() as f64 / 1e6)?,
    )?;
    o.set(
        "hrtimeNs",
        Function::new(ctx.clone(), || sys::hrtime_ns() as f64)?,
    )?;
    o.set(
        "hrtimeBigint",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            rquickjs::BigInt::from_u64(ctx, sys::hrtime_ns())
        })?,
    )?;
    o.set("wallMs", Function::new(ctx.clone(), sys::wall_ms)?)?;
    o.set(
        "timeOrigin",
        Function::new(ctx.clone(), sys::time_origin_ms)?,
    )?;
    o.set(
        "sleep",
        Function::new(ctx.clone(), |ms: f64| {
            if ms > 0.0 {
                sys::sleep(std::time::Duration::from_micros((ms * 1000.0) as u64));
            }
        })?,
    )?;
    let st_jobs = state.clone();
    o.set(
        "runMicrotasks",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<()> {
            while ctx.execute_pending_job() {
                if st_jobs
                    .worker
                    .get()
                    .is_some_and(crate::state::WorkerSelf::stopping)
                {
                    return Err(worker_ended(&ctx));
                }
            }
            Ok(())
        })?,
    )?;
    let st = state.clone();
    o.set(
        "poll",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, timeout_ms: f64| -> Result<rquickjs::Array<'js>> {
                let timeout = (timeout_ms >= 0.0)
                    .then(|| std::time::Duration::from_micros((timeout_ms * 1000.0) as u64));
                let out = rquickjs::Array::new(ctx.clone())?;
                let mut events = std::mem::take(&mut *st.deferred.borrow_mut());
                let timeout = if events.is_empty() {
                    timeout
                } else {
                    Some(std::time::Duration::ZERO)
                };
                events.extend(sys::net::wait(&st.events, timeout));
                // A change reported twice in a row is one, as the kernel merges it when the
                // first has not been read yet (which is what libuv's loop sees).
                events.dedup_by(|b, a| matches!(a, sys::events::Event::FsChange { .. }) && a == b);
                if st
                    .worker
                    .get()
                    .is_some_and(crate::state::WorkerSelf::stopping)
                {
                    return Err(worker_ended(&ctx));
                }
                for (i, e) in events.into_iter().enumerate() {
                    let item = rquickjs::Array::new(ctx.clone())?;
                    match e {
                        sys::events::Event::Data { handle, fd, bytes } => {
                            item.set(0, "data")?;
                            item.set(1, handle)?;
                            item.set(2, fd)?;
                            item.set(3, rquickjs::TypedArray::<u8>::new(ctx.clone(), bytes)?)?;
                        }
                        sys::events::Event::Exit {
                            handle,
                            code,
                            signal,
                        } => {
                            item.set(0, "exit")?;
                            item.set(1, handle)?;
                            item.set(2, code)?;
                            item.set(3, signal)?;
                        }
                        sys::events::Event::Error { handle, os_error } => {
                            let e = std::io::Error::from_raw_os_error(os_error);
                            item.set(0, "error")?;
                            item.set(1, handle)?;
                            item.set(2, e.to_string())?;
                            item.set(3, sys::error::uv_error(&e).code)?;
                        }
                        sys::events::Event::Ready { handle, readiness } => {
                            item.set(0, "ready")?;
                            item.set(1, handle)?;
                            item.set(2, readiness)?;
                        }
                        sys::events::Event::Signal { handle, signal } => {
                            item.set(0, "signal")?;
                            item.set(1, handle)?;
                            item.set(2, signal)?;
                        }
                        sys::events::Event::Message { handle, bytes } => {
                            item.set(0, "message")?;
                            item.set(1, handle)?;
                            item.set(2, rquickjs::TypedArray::<u8>::new(ctx.clone(), bytes)?)?;
                        }
                        sys::events::Event::FsChange {
                            handle,
                            rename,
                            name,
                        } => {
                            item.set(0, "fschange")?;
                            item.set(1, handle)?;
                            item.set(2, if rename { "rename" } else { "change" })?;
                            item.set(3, rquickjs::TypedArray::<u8>::new(ctx.clone(), name)?)?;
                        }
                    }
                    out.set(i, item)?;
                }
                Ok(out)
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "setRejectionHook",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, f: Function<'js>| {
            *st.rejection_hook.borrow_mut() = Some(Persistent::save(&ctx, f));
        })?,
    )?;
    Ok(())
}

/// A worker being stopped leaves the run: natively through an exception JS cannot catch, in
/// the sandbox by ending its instance (with the exit code it chose, else 1).
fn worker_ended(ctx: &Ctx<'_>) -> rquickjs::Error {
    #[cfg(not(target_os = "wasi"))]
    {
        super::worker::uncatchable(ctx)
    }
    #[cfg(target_os = "wasi")]
    {
        let _ = ctx;
        sys::exit(1)
    }
}
