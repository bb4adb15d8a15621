//! The engine: one QuickJS runtime and context, the internal bindings, and the bootstrap that
//! hands control to the JS halves (`js/internal/bootstrap.js`).

use std::cell::RefCell;
use std::rc::Rc;

use rquickjs::context::EvalOptions;
use rquickjs::{CatchResultExt, Context, Ctx, Function, Object, Persistent, Runtime, Value};

use crate::modules;
use crate::{Options, sys};

#[cfg_attr(target_os = "wasi", path = "engine/stack_wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "engine/stack_native.rs")]
mod stack;

/// State shared by the Rust halves of the built-in modules.
pub struct State {
    pub options: Options,
    pub fds: RefCell<sys::fs::FdTable>,
    /// JS's handler for promise rejections (`internal/process/task_queues`).
    pub rejection_hook: RefCell<Option<Persistent<Function<'static>>>>,
    /// JS functions the ES module loader calls:
    /// `[requireBuiltin(id), requireCjs(path), warnTypelessPackage(path)]`.
    pub loader_hooks: RefCell<Vec<Persistent<Function<'static>>>>,
    /// Completions from other threads, drained by the loop's poll phase.
    pub events: sys::events::EventQueue,
    /// Running child processes by handle.
    pub children: RefCell<std::collections::HashMap<u32, sys::child::Child>>,
    pub next_handle: std::cell::Cell<u32>,
}

pub type SharedState = Rc<State>;

/// Stack size the interpreter may use before it throws a `RangeError` (just under 4 MiB: an
/// unusual number, which `engine/stack_wasi.rs` relies on). The guest's shadow stack is 8 MiB
/// (`.cargo/config.toml`).
const MAX_STACK: usize = 4 * 1024 * 1024 - 4096;

/// Heap size before the first garbage collection; after it, QuickJS sets the next threshold
/// from the live size.
const START_GC_THRESHOLD: usize = 8 * 1024 * 1024;

pub fn run(options: Options) -> i32 {
    match run_inner(options) {
        Ok(code) => code,
        Err(msg) => {
            let _ = sys::write_stdio(2, format!("moat: {msg}\n").as_bytes());
            1
        }
    }
}

fn run_inner(options: Options) -> Result<i32, String> {
    let rt = Runtime::new().map_err(|e| format!("failed to start the engine: {e}"))?;
    // Start-up allocates a few megabytes that all stay live (the built-ins); collecting at
    // QuickJS's initial 256 KB threshold would only walk them again and again.
    rt.set_gc_threshold(START_GC_THRESHOLD);
    let state = Rc::new(State {
        options,
        fds: RefCell::new(sys::fs::FdTable::default()),
        rejection_hook: RefCell::new(None),
        loader_hooks: RefCell::new(Vec::new()),
        events: sys::events::EventQueue::default(),
        children: RefCell::new(std::collections::HashMap::new()),
        next_handle: std::cell::Cell::new(1),
    });
    crate::loader::install(&rt, state.clone());
    let hook_state = state.clone();
    rt.set_host_promise_rejection_tracker(Some(Box::new(move |ctx, promise, reason, handled| {
        let hook = hook_state.rejection_hook.borrow().clone();
        if let Some(hook) = hook
            && let Ok(f) = hook.restore(&ctx)
        {
            let _ = f.call::<_, ()>((promise, reason, handled));
        }
    })));
    let context = Context::full(&rt).map_err(|e| format!("failed to create a context: {e}"))?;
    let result = context.with(|ctx| -> Result<i32, String> {
        stack::set_limit(&ctx, MAX_STACK, START_GC_THRESHOLD);
        let f: Function = modules::eval_builtin(&ctx, "internal/bootstrap")
            .and_then(|v| v.ok_or(rquickjs::Error::Unknown))
            .and_then(Function::from_value)
            .catch(&ctx)
            .map_err(|e| format!("bootstrap failed: {e}"))?;
        let binding = modules::binding_loader(&ctx, state.clone()).map_err(|e| e.to_string())?;
        let code: i32 = f
            .call((binding,))
            .catch(&ctx)
            .map_err(|e| format!("uncaught at top level: {e}"))?;
        Ok(code)
    });
    // The process ends here: skip tearing the heap down, as node does. (Persistent handles held
    // by the loader and the rejection hook would otherwise have to be released first.)
    std::mem::forget(context);
    std::mem::forget(rt);
    result
}

/// Evaluates `source` as a classic script named `filename` and returns its completion value.
pub fn eval_script<'js, T: rquickjs::FromJs<'js>>(
    ctx: &Ctx<'js>,
    source: &str,
    filename: &str,
) -> rquickjs::Result<T> {
    let mut opts = EvalOptions::default();
    opts.global = true;
    opts.strict = false;
    opts.filename = Some(filename.to_string());
    ctx.eval_with_options(source, opts)
}

/// Throws an `Error` carrying Node's fields for an OS error (`code`, `errno`, `syscall`, `path`).
pub fn throw_uv<'js>(
    ctx: &Ctx<'js>,
    err: &std::io::Error,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> rquickjs::Error {
    let uv = sys::error::uv_error(err);
    throw_uv_fields(ctx, uv, syscall, path, dest)
}

pub fn throw_uv_fields<'js>(
    ctx: &Ctx<'js>,
    uv: sys::error::UvError,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> rquickjs::Error {
    let mut message = format!("{}: {}, {syscall}", uv.code, uv.description);
    if let Some(p) = path {
        message.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = dest {
        message.push_str(&format!(" -> '{d}'"));
    }
    let build = || -> rquickjs::Result<Value<'js>> {
        let ctor: Function = ctx.globals().get("Error")?;
        let e: Object = ctor.call((message.clone(),))?;
        e.set("errno", uv.errno)?;
        e.set("code", uv.code)?;
        e.set("syscall", syscall)?;
        if let Some(p) = path {
            e.set("path", p)?;
        }
        if let Some(d) = dest {
            e.set("dest", d)?;
        }
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

/// Throws an `Error` with a `code` property.
pub fn throw_code<'js, E: rquickjs::IntoJs<'js>>(
    ctx: &Ctx<'js>,
    ctor: &str,
    code: &str,
    message: &str,
    extra: Option<(&str, E)>,
) -> rquickjs::Error {
    let build = || -> rquickjs::Result<Value<'js>> {
        let c: Function = ctx.globals().get(ctor)?;
        let e: Object = c.call((message,))?;
        e.set("code", code)?;
        if let Some((k, v)) = extra {
            e.set(k, v)?;
        }
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}
