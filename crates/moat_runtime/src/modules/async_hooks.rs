//! The engine's promise hook for `node:async_hooks` (`js/internal/async_hooks.js`): QuickJS-ng
//! reports each promise's creation (with the promise it was derived from by `.then`), each
//! fulfilment, and the `then` call that resolves a promise with a thenable. The hook is installed only while a `createHook()` hook that wants promise events is
//! enabled, so programs that never ask for them pay nothing. Also the engine's continuation data,
//! which carries the AsyncLocalStorage frame across promise reactions, and the microtask checkpoint
//! used while hooks are on.

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

unsafe extern "C" fn get_frame(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: std::ffi::c_int,
    _argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: called by the engine with its live context; returns a new reference.
    unsafe { qjs::JS_GetContinuationData(ctx) }
}

unsafe extern "C" fn set_frame(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: std::ffi::c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: the engine passes `argc` readable arguments (at least the declared length of 1,
    // padded with undefined); the engine duplicates the value it keeps.
    unsafe {
        let frame = if argc > 0 && !argv.is_null() {
            *argv
        } else {
            qjs::JS_UNDEFINED
        };
        qjs::JS_SetContinuationData(ctx, frame);
    }
    qjs::JS_UNDEFINED
}

fn c_function<'js>(
    ctx: &Ctx<'js>,
    f: unsafe extern "C" fn(
        *mut qjs::JSContext,
        qjs::JSValue,
        std::ffi::c_int,
        *mut qjs::JSValue,
    ) -> qjs::JSValue,
    name: &std::ffi::CStr,
    length: i32,
) -> Result<Value<'js>> {
    // SAFETY: the context is live and `name` is a NUL-terminated string the engine copies.
    let raw = unsafe {
        qjs::JS_NewCFunction2(
            ctx.as_raw().as_ptr(),
            Some(f),
            name.as_ptr(),
            length,
            qjs::JSCFunctionEnum_JS_CFUNC_generic,
            0,
        )
    };
    // SAFETY: inspects the tag of a value just returned by the engine.
    if unsafe { qjs::JS_IsException(raw) } {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: `raw` is a new reference owned by the returned value.
    Ok(unsafe { Value::from_raw(ctx.clone(), raw) })
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // The engine's continuation data (vendor/patches/0002-continuation-data.patch) holds the
    // current AsyncLocalStorage frame: each promise reaction and job runs with the frame that was
    // current when it was registered, `await` resumptions included. Plain C functions: every
    // getStore() calls one.
    o.set("getFrame", c_function(ctx, get_frame, c"getFrame", 0)?)?;
    o.set("setFrame", c_function(ctx, set_frame, c"setFrame", 1)?)?;
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
