//! The engine's promise hook for `node:async_hooks` (`js/internal/async_hooks.js`): QuickJS-ng
//! reports each promise's creation (with the promise it was derived from by `.then`), each
//! fulfilment, and the `then` call that resolves a promise with a thenable. The hook is installed only while a `createHook()` hook that wants promise events is
//! enabled, so programs that never ask for them pay nothing. Also the microtask checkpoint used
//! while async context is tracked.

use std::cell::RefCell;

use rquickjs::{Ctx, Function, Object, Persistent, Result, Value, qjs};

thread_local! {
    /// The JS function the hook reports to: `(type, promise, parent)`.
    static LISTENER: RefCell<Option<Persistent<Function<'static>>>> = const { RefCell::new(None) };
}

/// The `type` argument given to the listener: the engine's JSPromiseHookType (0 init, 1 before
/// and 2 after the `then` call of a job that resolves a promise with a thenable, 3 fulfilled).
const MAX_KIND: i32 = 3;

unsafe extern "C" fn promise_hook(
    ctx: *mut qjs::JSContext,
    kind: qjs::JSPromiseHookType,
    promise: qjs::JSValue,
    parent: qjs::JSValue,
    _opaque: *mut std::ffi::c_void,
) {
    let kind = kind as i32;
    if !(0..=MAX_KIND).contains(&kind) {
        return;
    }
    let Some(raw) = std::ptr::NonNull::new(ctx) else {
        return;
    };
    // SAFETY: the engine calls the hook on its own thread with a live context, and the two values
    // are borrowed for the call: they are duplicated before being wrapped as owned values.
    let ctx = unsafe { Ctx::from_raw(raw) };
    let listener = LISTENER.with(|l| l.borrow().clone());
    let Some(listener) = listener else {
        return;
    };
    let Ok(f) = listener.restore(&ctx) else {
        return;
    };
    let (promise, parent) = unsafe {
        (
            Value::from_raw(
                ctx.clone(),
                qjs::JS_DupValue(ctx.as_raw().as_ptr(), promise),
            ),
            Value::from_raw(ctx.clone(), qjs::JS_DupValue(ctx.as_raw().as_ptr(), parent)),
        )
    };
    // A throwing listener cannot throw into the engine here; its error is reported by the JS half
    // (which catches around the user's hooks), so anything left is dropped.
    if f.call::<_, ()>((kind, promise, parent)).is_err() {
        let _ = ctx.catch();
    }
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // The microtask checkpoint with `reset` called after each job: a job that changed the
    // current context (an `await` continuation calling enterWith) does not pass it to the next.
    o.set(
        "runMicrotasks",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, reset: Function<'js>| -> Result<()> {
                while ctx.execute_pending_job() {
                    reset.call::<_, ()>(())?;
                }
                Ok(())
            },
        )?,
    )?;
    o.set(
        "setPromiseHook",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, f: Option<Function<'js>>| {
            let rt = unsafe { qjs::JS_GetRuntime(ctx.as_raw().as_ptr()) };
            match f {
                Some(f) => {
                    let saved = Persistent::save(&ctx, f);
                    LISTENER.with(|l| *l.borrow_mut() = Some(saved));
                    // SAFETY: `rt` is this context's runtime; the hook only reads thread-local state.
                    unsafe { qjs::JS_SetPromiseHook(rt, Some(promise_hook), std::ptr::null_mut()) };
                }
                None => {
                    unsafe { qjs::JS_SetPromiseHook(rt, None, std::ptr::null_mut()) };
                    LISTENER.with(|l| *l.borrow_mut() = None);
                }
            }
        })?,
    )?;
    Ok(())
}
