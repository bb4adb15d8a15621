//! `WebAssembly`'s Rust half: modules compiled and run by wasmi, an interpreter that builds for
//! the host and for the wasm32-wasip1 guest alike, so `WebAssembly` behaves the same natively and
//! under `--safe` (where the interpreter runs inside the sandbox with the rest of the runtime).
//!
//! Every WebAssembly object of a runtime lives in one wasmi `Store`: instances share memories,
//! tables, globals and functions, which wasmi allows only within a store. Objects reach JS as
//! [`WasmHandle`]s; the JS half (`js/internal/wasm.js`) builds the `WebAssembly` namespace on
//! them and converts arguments to their wasm types before they get here (ToInt32, ToBigInt64,
//! …), so nothing in this file runs user code except through an imported function.
//!
//! Re-entry: a call into wasm holds the store; an imported JS function it calls may call back
//! into wasm, grow a memory or read a global. While wasm code waits on such a function, the
//! store is reached through the `Caller` wasmi handed that function, kept on [`Host::active`]
//! for the duration of the JS call; [`Host::with`] picks the innermost one.
//!
//! A memory's `buffer` is an ArrayBuffer over the memory's own bytes. Growing a memory may move
//! them, so whenever JS could next see a buffer (after a call into wasm returns, when wasm calls
//! out to JS, after `grow`), every buffer whose memory moved or changed size is detached first,
//! as the JS API specifies for growth.

use std::cell::RefCell;
use std::ptr::NonNull;
use std::rc::Rc;

use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{
    Array, BigInt, Class, Constructor, Ctx, Exception, Function, JsLifetime, Object, Persistent,
    Result, TypedArray, Value, qjs,
};
use wasmi::{
    AsContextMut, Caller, Engine, Extern, ExternRef, ExternType, Func, FuncType, Global, Memory,
    MemoryType, Module, Mutability, Nullable, Ref, RefType, Store, StoreContextMut, Table,
    TableType, TrapCode, Val, ValType,
};

unsafe extern "C" {
    /// Engine patch 0006 (docs/engine.md): JS cannot transfer the buffer's bytes elsewhere.
    fn JS_PinArrayBuffer(obj: qjs::JSValue) -> std::ffi::c_int;
}

/// A WebAssembly object as JS holds it.
#[derive(Clone)]
pub enum Handle {
    /// A compiled module, with its exports' names in the module's order, each with its
    /// function index when it is a function.
    Module(Module, Rc<Vec<(String, Option<u32>)>>),
    Instance(wasmi::Instance),
    Func(Func),
    Memory(Memory),
    Table(Table),
    Global(Global),
}

pub struct WasmHandle(Handle);

impl<'js> Trace<'js> for WasmHandle {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

// SAFETY: holds no engine values.
unsafe impl<'js> JsLifetime<'js> for WasmHandle {
    type Changed<'to> = WasmHandle;
}

impl<'js> JsClass<'js> for WasmHandle {
    const NAME: &'static str = "WasmHandle";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

/// What the store keeps for the JS side.
struct HostData {
    /// The context that first used WebAssembly, held (see `new_host`).
    ctx: NonNull<qjs::JSContext>,
    /// The JS functions modules import, by the index their host function was made with.
    imports: Vec<Persistent<Function<'static>>>,
    /// The JS values wasm holds as `externref`s (an `ExternRef` holds an index here).
    externs: Vec<Persistent<Value<'static>>>,
    /// Buffers handed out: the memory, its ArrayBuffer, and the bytes it covers.
    buffers: Vec<(Memory, Persistent<Value<'static>>, usize, usize)>,
    /// The JS exception an imported function threw, on its way out through wasm.
    thrown: Option<Persistent<Value<'static>>>,
    active: Rc<RefCell<Vec<*mut ()>>>,
    hooks: Option<Persistent<Object<'static>>>,
}

/// The error an imported function returns to wasmi when JS threw: the exception itself is in
/// [`HostData::thrown`].
#[derive(Debug)]
struct JsThrew;

impl std::fmt::Display for JsThrew {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JavaScript exception")
    }
}

impl wasmi::errors::HostError for JsThrew {}

struct Host {
    engine: Engine,
    store: RefCell<Store<HostData>>,
    /// The `Caller`s of imported functions running now, innermost last.
    active: Rc<RefCell<Vec<*mut ()>>>,
}

impl Host {
    /// Runs `f` with the store: through the innermost waiting `Caller` when wasm is running,
    /// else directly. `f` must not call into JS (JS could reach the store again).
    fn with<R>(&self, f: impl FnOnce(StoreContextMut<'_, HostData>) -> R) -> R {
        let top = self.active.borrow().last().copied();
        match top {
            Some(p) => {
                // SAFETY: `p` is the `Caller` of an imported function that is running now,
                // pushed by it before it called into JS and popped before it returns; it does
                // not touch it meanwhile, so this is the only use.
                let caller = unsafe { &mut *(p as *mut Caller<'_, HostData>) };
                f(caller.as_context_mut())
            }
            None => f(self.store.borrow_mut().as_context_mut()),
        }
    }
}

fn handle<'js>(ctx: &Ctx<'js>, h: Handle) -> Result<Value<'js>> {
    Ok(Class::instance(ctx.clone(), WasmHandle(h))?.into_value())
}

/// The handle `v` holds, if it is one (throws nothing).
fn try_handle(v: &Value<'_>) -> Option<Handle> {
    Class::<WasmHandle>::from_value(v)
        .ok()
        .map(|c| c.borrow().0.clone())
}

fn get_handle(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<Handle> {
    try_handle(v).ok_or_else(|| Exception::throw_type(ctx, "not a WebAssembly object"))
}

macro_rules! handle_of {
    ($ctx:expr, $v:expr, $kind:ident, $what:literal) => {
        match get_handle($ctx, &$v)? {
            Handle::$kind(x) => x,
            _ => {
                return Err(Exception::throw_type(
                    $ctx,
                    concat!("not a WebAssembly ", $what),
                ))
            }
        }
    };
}

fn type_name(t: &ValType) -> &'static str {
    match t {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "anyfunc",
        ValType::ExternRef => "externref",
    }
}

fn parse_type(ctx: &Ctx<'_>, s: &str) -> Result<ValType> {
    Ok(match s {
        "i32" => ValType::I32,
        "i64" => ValType::I64,
        "f32" => ValType::F32,
        "f64" => ValType::F64,
        "v128" => ValType::V128,
        "anyfunc" | "funcref" => ValType::FuncRef,
        "externref" => ValType::ExternRef,
        _ => {
            return Err(Exception::throw_type(
                ctx,
                &format!("invalid value type {s:?}"),
            ));
        }
    })
}

/// A key that is the same for the same function, for the JS half's cache of exported functions
/// (a function keeps its JS identity across `exports`, tables and calls). wasmi's handles have
/// no equality of their own; their debug form names the store and the function's slot.
fn func_key(f: &Func) -> String {
    format!("{f:?}")
}

/// How a trap reads in JS: V8's messages, as node's tests match them.
fn trap_message(code: TrapCode) -> &'static str {
    match code {
        TrapCode::UnreachableCodeReached => "unreachable",
        TrapCode::MemoryOutOfBounds => "memory access out of bounds",
        TrapCode::TableOutOfBounds => "table index is out of bounds",
        TrapCode::IndirectCallToNull => "null function or function signature mismatch",
        TrapCode::IntegerDivisionByZero => "divide by zero",
        TrapCode::IntegerOverflow => "divide result unrepresentable",
        TrapCode::BadConversionToInteger => "float unrepresentable in integer range",
        TrapCode::StackOverflow => "Maximum call stack size exceeded",
        TrapCode::BadSignature => "null function or function signature mismatch",
        TrapCode::OutOfFuel => "out of fuel",
        TrapCode::GrowthOperationLimited => "growth operation limited",
        _ => "unknown trap",
    }
}

/// Throws `message` as a `WebAssembly.<kind>` (CompileError, LinkError, RuntimeError) or, for
/// other kinds, the global error constructor of that name.
fn throw_kind<'js>(ctx: &Ctx<'js>, host: &Host, kind: &str, message: &str) -> rquickjs::Error {
    let hooks = host.with(|s| s.data().hooks.clone());
    let ctor: Option<Constructor> = match hooks {
        Some(h) => h.restore(ctx).ok().and_then(|h| h.get(kind).ok()),
        None => None,
    };
    let ctor = ctor.or_else(|| ctx.globals().get(kind).ok());
    match ctor.map(|c| c.construct::<_, Value>((message,))) {
        Some(Ok(e)) => ctx.throw(e),
        Some(Err(e)) => e,
        None => Exception::throw_type(ctx, message),
    }
}

/// Turns a wasmi error of a call or an instantiation into the JS exception: the one an imported
/// function threw, a RuntimeError for a trap (RangeError for stack exhaustion), or `kind`.
fn throw_wasm_error(ctx: &Ctx<'_>, host: &Host, e: wasmi::Error, kind: &str) -> rquickjs::Error {
    if e.downcast_ref::<JsThrew>().is_some() {
        let thrown = host.with(|mut s| s.data_mut().thrown.take());
        if let Some(v) = thrown.and_then(|v| v.restore(ctx).ok()) {
            return ctx.throw(v);
        }
    }
    if let Some(code) = e.as_trap_code() {
        let kind = if code == TrapCode::StackOverflow {
            "RangeError"
        } else {
            "RuntimeError"
        };
        return throw_kind(ctx, host, kind, trap_message(code));
    }
    throw_kind(ctx, host, kind, &e.to_string())
}

/// Detaches every buffer whose memory has moved or changed size since it was made.
fn sync_buffers(mut cx: StoreContextMut<'_, HostData>) {
    let now: Vec<(usize, usize)> = cx
        .data()
        .buffers
        .iter()
        .map(|b| (b.0.data_ptr(&cx) as usize, b.0.data_size(&cx)))
        .collect();
    let mut stale = Vec::new();
    let mut i = 0;
    cx.data_mut().buffers.retain(|b| {
        let keep = now[i] == (b.2, b.3);
        i += 1;
        if !keep {
            stale.push(b.1.clone());
        }
        keep
    });
    if stale.is_empty() {
        return;
    }
    // SAFETY: the context pointer is the runtime's, alive while any of its code runs.
    let ctx = unsafe { Ctx::from_raw(cx.data().ctx) };
    for b in stale {
        if let Ok(v) = b.restore(&ctx) {
            // SAFETY: `v` is an ArrayBuffer this module made; detaching runs no JS.
            unsafe { qjs::JS_DetachArrayBuffer(ctx.as_raw().as_ptr(), v.as_raw()) };
        }
    }
}

/// A wasm value as JS sees it.
fn to_js<'js>(ctx: &Ctx<'js>, host: &Host, v: &Val) -> Result<Value<'js>> {
    match v {
        Val::I32(x) => Ok(Value::new_int(ctx.clone(), *x)),
        Val::I64(x) => Ok(BigInt::from_i64(ctx.clone(), *x)?.into_value()),
        Val::F32(x) => Ok(Value::new_float(ctx.clone(), f64::from(f32::from(*x)))),
        Val::F64(x) => Ok(Value::new_float(ctx.clone(), f64::from(*x))),
        Val::V128(_) => Err(Exception::throw_type(
            ctx,
            "type incompatibility when transforming from/to JS",
        )),
        Val::FuncRef(Nullable::Null) | Val::ExternRef(Nullable::Null) => {
            Ok(Value::new_null(ctx.clone()))
        }
        Val::FuncRef(Nullable::Val(f)) => exported_function(ctx, host, *f),
        Val::ExternRef(Nullable::Val(r)) => {
            let kept = host.with(|s| {
                let i = r.data(&s).downcast_ref::<u32>().copied();
                i.and_then(|i| s.data().externs.get(i as usize).cloned())
            });
            match kept {
                Some(p) => p.restore(ctx),
                None => Ok(Value::new_undefined(ctx.clone())),
            }
        }
    }
}

/// The JS function for a wasm function: the JS half makes it once per function and caches it.
fn exported_function<'js>(ctx: &Ctx<'js>, host: &Host, f: Func) -> Result<Value<'js>> {
    let (hooks, ty) = host.with(|s| (s.data().hooks.clone(), f.ty(&s)));
    let Some(hooks) = hooks else {
        return Err(Exception::throw_internal(ctx, "WebAssembly is not set up"));
    };
    let wrap: Function = hooks.restore(ctx)?.get("wrapFunction")?;
    wrap.call((
        handle(ctx, Handle::Func(f))?,
        func_key(&f),
        ty.params().len(),
        params_of(ctx, &ty)?,
        results_of(ctx, &ty)?,
        Value::new_undefined(ctx.clone()),
    ))
}

fn params_of<'js>(ctx: &Ctx<'js>, ty: &FuncType) -> Result<Array<'js>> {
    let a = Array::new(ctx.clone())?;
    for (i, t) in ty.params().iter().enumerate() {
        a.set(i, type_name(t))?;
    }
    Ok(a)
}

fn results_of<'js>(ctx: &Ctx<'js>, ty: &FuncType) -> Result<Array<'js>> {
    let a = Array::new(ctx.clone())?;
    for (i, t) in ty.results().iter().enumerate() {
        a.set(i, type_name(t))?;
    }
    Ok(a)
}

/// A JS value already converted by the JS half (a Number for i32/f32/f64, a BigInt in the i64
/// range, `null`, a wasm function's handle for funcref, anything for externref), as a wasm
/// value of type `t`.
enum Pre<'js> {
    Val(Val),
    Func(Func),
    Extern(Value<'js>),
}

fn from_js<'js>(ctx: &Ctx<'js>, t: &ValType, v: Value<'js>) -> Result<Pre<'js>> {
    let bad = || Exception::throw_type(ctx, "type incompatibility when transforming from/to JS");
    Ok(match t {
        ValType::I32 => Pre::Val(Val::I32(match v.as_int() {
            Some(i) => i,
            None => v.as_float().ok_or_else(bad)? as i64 as i32,
        })),
        ValType::I64 => Pre::Val(Val::I64(v.as_big_int().ok_or_else(bad)?.clone().to_i64()?)),
        ValType::F32 => Pre::Val(Val::F32((v.as_number().ok_or_else(bad)? as f32).into())),
        ValType::F64 => Pre::Val(Val::F64(v.as_number().ok_or_else(bad)?.into())),
        ValType::V128 => return Err(bad()),
        ValType::FuncRef => {
            if v.is_null() {
                Pre::Val(Val::FuncRef(Nullable::Null))
            } else {
                match try_handle(&v) {
                    Some(Handle::Func(f)) => Pre::Func(f),
                    _ => return Err(bad()),
                }
            }
        }
        ValType::ExternRef => {
            if v.is_null() {
                Pre::Val(Val::ExternRef(Nullable::Null))
            } else {
                Pre::Extern(v)
            }
        }
    })
}

/// Finishes [`from_js`]'s values with the store (an externref is allocated there).
fn finish_vals<'js>(
    ctx: &Ctx<'js>,
    mut cx: StoreContextMut<'_, HostData>,
    pre: Vec<Pre<'js>>,
) -> Vec<Val> {
    pre.into_iter()
        .map(|p| match p {
            Pre::Val(v) => v,
            Pre::Func(f) => Val::FuncRef(Nullable::Val(f)),
            Pre::Extern(v) => {
                let d = cx.data_mut();
                let i = d.externs.len() as u32;
                d.externs.push(Persistent::save(ctx, v));
                Val::ExternRef(Nullable::Val(ExternRef::new(&mut cx, i)))
            }
        })
        .collect()
}

fn bytes_of<'js, R>(ctx: &Ctx<'js>, v: &Value<'js>, f: impl FnOnce(&[u8]) -> R) -> Result<R> {
    let view = TypedArray::<u8>::from_value(v.clone())
        .map_err(|_| Exception::throw_type(ctx, "expected a Uint8Array"))?;
    match view.as_raw() {
        // SAFETY: the pointer and length describe the live array's bytes, and no JS runs while
        // `f` reads them.
        Some(raw) => Ok(f(unsafe {
            std::slice::from_raw_parts(raw.as_ptr() as *const u8, raw.len())
        })),
        None => Ok(f(&[])),
    }
}

/// The names of a module's exports in its own order (wasmi keeps them in another), each with
/// its function index when it is a function.
fn export_order(bytes: &[u8]) -> Vec<(String, Option<u32>)> {
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        if let Ok(wasmparser::Payload::ExportSection(reader)) = payload {
            for e in reader.into_iter().flatten() {
                let index = (e.kind == wasmparser::ExternalKind::Func).then_some(e.index);
                out.push((e.name.to_string(), index));
            }
        }
    }
    out
}

fn kind_name(t: &ExternType) -> &'static str {
    match t {
        ExternType::Func(_) => "function",
        ExternType::Memory(_) => "memory",
        ExternType::Table(_) => "table",
        ExternType::Global(_) => "global",
    }
}

fn new_host(ctx: &Ctx<'_>) -> Rc<Host> {
    let mut config = wasmi::Config::default();
    config.wasm_tail_call(true);
    let engine = Engine::new(&config);
    let active = Rc::new(RefCell::new(Vec::new()));
    let store = Store::new(
        &engine,
        HostData {
            // SAFETY: a reference of the store's own, so the context outlives every call that
            // reaches it through the store (imported functions, detaching buffers); it is never
            // released, as the runtime is not torn down before the process ends.
            ctx: unsafe {
                qjs::JS_DupContext(ctx.as_raw().as_ptr());
                ctx.as_raw()
            },
            imports: Vec::new(),
            externs: Vec::new(),
            buffers: Vec::new(),
            thrown: None,
            active: active.clone(),
            hooks: None,
        },
    );
    Rc::new(Host {
        engine,
        store: RefCell::new(store),
        active,
    })
}

/// The host function an import of type `ty` becomes when it is given the JS function `index`
/// of [`HostData::imports`].
fn host_func(cx: StoreContextMut<'_, HostData>, ty: FuncType, index: usize) -> Func {
    let results_ty: Vec<ValType> = ty.results().to_vec();
    Func::new(
        cx,
        ty,
        move |mut caller: Caller<'_, HostData>, params: &[Val], results: &mut [Val]| {
            sync_buffers(caller.as_context_mut());
            // SAFETY: the context pointer is the runtime's, alive while any of its code runs.
            let ctx = unsafe { Ctx::from_raw(caller.data().ctx) };
            let active = caller.data().active.clone();
            let f = caller.data().imports[index].clone();
            active
                .borrow_mut()
                .push(&mut caller as *mut Caller<'_, HostData> as *mut ());
            let outcome = call_import(&ctx, f, params, &results_ty);
            active.borrow_mut().pop();
            match outcome {
                Ok(pre) => {
                    let vals = finish_vals(&ctx, caller.as_context_mut(), pre);
                    for (slot, v) in results.iter_mut().zip(vals) {
                        *slot = v;
                    }
                    Ok(())
                }
                Err(_) => {
                    let e = ctx.catch();
                    caller.data_mut().thrown = Some(Persistent::save(&ctx, e));
                    Err(wasmi::Error::host(JsThrew))
                }
            }
        },
    )
}

/// Calls an imported JS function with wasm's arguments; its JS wrapper (made by the JS half)
/// already converted the results to their types' JS forms.
fn call_import<'js>(
    ctx: &Ctx<'js>,
    f: Persistent<Function<'static>>,
    params: &[Val],
    results_ty: &[ValType],
) -> Result<Vec<Pre<'js>>> {
    let host = current_host(ctx)?;
    let f = f.restore(ctx)?;
    let args = Array::new(ctx.clone())?;
    for (i, p) in params.iter().enumerate() {
        args.set(i, to_js(ctx, &host, p)?)?;
    }
    let r: Value = f.call((args,))?;
    match results_ty.len() {
        0 => Ok(Vec::new()),
        1 => Ok(vec![from_js(ctx, &results_ty[0], r)?]),
        n => {
            let a = r.as_array().ok_or_else(|| {
                Exception::throw_type(ctx, "multi-value results must be an array")
            })?;
            if a.len() != n {
                return Err(Exception::throw_type(
                    ctx,
                    "multi-value results have the wrong length",
                ));
            }
            (0..n)
                .map(|i| from_js(ctx, &results_ty[i], a.get(i)?))
                .collect()
        }
    }
}

thread_local! {
    /// The runtime's host, once `WebAssembly` has been used (one runtime per thread).
    static HOST: RefCell<Option<(NonNull<qjs::JSRuntime>, Rc<Host>)>> = const { RefCell::new(None) };
}

fn current_host(ctx: &Ctx<'_>) -> Result<Rc<Host>> {
    // SAFETY: reading the runtime pointer of a live context.
    let rt = unsafe { NonNull::new(qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) };
    HOST.with(|h| {
        let mut h = h.borrow_mut();
        match &*h {
            Some((r, host)) if Some(*r) == rt => Ok(host.clone()),
            _ => {
                let rt = rt.ok_or_else(|| Exception::throw_internal(ctx, "no runtime"))?;
                let host = new_host(ctx);
                *h = Some((rt, host.clone()));
                Ok(host)
            }
        }
    })
}

/// Calls `func` with `args` (converted by the JS half), returning its results: `undefined`, the
/// one value, or an array of them.
fn call<'js>(ctx: &Ctx<'js>, host: &Host, func: Func, args: Array<'js>) -> Result<Value<'js>> {
    let ty = host.with(|s| func.ty(&s));
    let mut pre = Vec::with_capacity(ty.params().len());
    for (i, t) in ty.params().iter().enumerate() {
        pre.push(from_js(ctx, t, args.get(i)?)?);
    }
    let mut outputs: Vec<Val> = ty
        .results()
        .iter()
        .map(|t| Val::default_for_ty(*t))
        .collect();
    let outcome = host.with(|mut s| {
        let inputs = finish_vals(ctx, s.as_context_mut(), pre);
        let r = func.call(s.as_context_mut(), &inputs, &mut outputs);
        sync_buffers(s);
        r
    });
    if let Err(e) = outcome {
        return Err(throw_wasm_error(ctx, host, e, "RuntimeError"));
    }
    match outputs.len() {
        0 => Ok(Value::new_undefined(ctx.clone())),
        1 => to_js(ctx, host, &outputs[0]),
        _ => {
            let a = Array::new(ctx.clone())?;
            for (i, v) in outputs.iter().enumerate() {
                a.set(i, to_js(ctx, host, v)?)?;
            }
            Ok(a.into_value())
        }
    }
}

fn value_of_global<'js>(ctx: &Ctx<'js>, host: &Host, g: Global) -> Result<Value<'js>> {
    let v = host.with(|s| g.get(&s));
    to_js(ctx, host, &v)
}

fn table_type<'js>(ctx: &Ctx<'js>, t: &TableType) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "element",
        if t.element() == RefType::Func {
            "anyfunc"
        } else {
            "externref"
        },
    )?;
    o.set("minimum", t.minimum() as f64)?;
    if let Some(m) = t.maximum() {
        o.set("maximum", m as f64)?;
    }
    Ok(o)
}

fn memory_type<'js>(ctx: &Ctx<'js>, t: &MemoryType) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("minimum", t.minimum() as f64)?;
    if let Some(m) = t.maximum() {
        o.set("maximum", m as f64)?;
    }
    o.set("shared", false)?;
    Ok(o)
}

/// A page or element count from JS (the JS half checked it is a whole number in range).
fn count(ctx: &Ctx<'_>, v: f64, what: &str) -> Result<u64> {
    if v.fract() != 0.0 || !(0.0..=u32::MAX as f64).contains(&v) {
        return Err(Exception::throw_range(ctx, &format!("invalid {what}: {v}")));
    }
    Ok(v as u64)
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // setHooks({ wrapFunction, CompileError, LinkError, RuntimeError }).
    o.set(
        "setHooks",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, hooks: Object<'js>| -> Result<()> {
                let host = current_host(&ctx)?;
                let p = Persistent::save(&ctx, hooks);
                host.with(|mut s| s.data_mut().hooks = Some(p));
                Ok(())
            },
        )?,
    )?;
    o.set(
        "validate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, bytes: Value<'js>| -> Result<bool> {
                let host = current_host(&ctx)?;
                bytes_of(&ctx, &bytes, |b| Module::validate(&host.engine, b).is_ok())
            },
        )?,
    )?;
    // compile(bytes, prefix): a module handle; throws a CompileError whose message starts with
    // `prefix` (the API function's name).
    o.set(
        "compile",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, bytes: Value<'js>, prefix: String| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let r = bytes_of(&ctx, &bytes, |b| {
                    Module::new(&host.engine, b).map(|m| (m, export_order(b)))
                })?;
                match r {
                    Ok((m, idx)) => handle(&ctx, Handle::Module(m, Rc::new(idx))),
                    Err(e) => Err(throw_kind(
                        &ctx,
                        &host,
                        "CompileError",
                        &format!("{prefix}: {e}"),
                    )),
                }
            },
        )?,
    )?;
    // moduleImports(module): [[module, name, kind, …], …]; a global adds its type and whether
    // it is mutable, a function its parameter and result types.
    o.set(
        "moduleImports",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, m: Value<'js>| -> Result<Array<'js>> {
                let Handle::Module(m, _) = get_handle(&ctx, &m)? else {
                    return Err(Exception::throw_type(&ctx, "not a WebAssembly.Module"));
                };
                let out = Array::new(ctx.clone())?;
                for (i, imp) in m.imports().enumerate() {
                    let e = Array::new(ctx.clone())?;
                    e.set(0, imp.module())?;
                    e.set(1, imp.name())?;
                    e.set(2, kind_name(imp.ty()))?;
                    match imp.ty() {
                        ExternType::Global(g) => {
                            e.set(3, type_name(&g.content()))?;
                            e.set(4, g.mutability() == Mutability::Var)?;
                        }
                        ExternType::Func(f) => {
                            e.set(3, params_of(&ctx, f)?)?;
                            e.set(4, results_of(&ctx, f)?)?;
                        }
                        _ => {}
                    }
                    out.set(i, e)?;
                }
                Ok(out)
            },
        )?,
    )?;
    // moduleExports(module): [[name, kind], …].
    o.set(
        "moduleExports",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, m: Value<'js>| -> Result<Array<'js>> {
                let Handle::Module(m, order) = get_handle(&ctx, &m)? else {
                    return Err(Exception::throw_type(&ctx, "not a WebAssembly.Module"));
                };
                let out = Array::new(ctx.clone())?;
                for (name, _) in order.iter() {
                    let Some(ty) = m.get_export(name) else {
                        continue;
                    };
                    let e = Array::new(ctx.clone())?;
                    e.set(0, name.as_str())?;
                    e.set(1, kind_name(&ty))?;
                    out.set(out.len(), e)?;
                }
                Ok(out)
            },
        )?,
    )?;
    // customSections(module, name): [ArrayBuffer, …].
    o.set(
        "customSections",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, m: Value<'js>, name: String| -> Result<Array<'js>> {
                let Handle::Module(m, _) = get_handle(&ctx, &m)? else {
                    return Err(Exception::throw_type(&ctx, "not a WebAssembly.Module"));
                };
                let out = Array::new(ctx.clone())?;
                let mut n = 0;
                for s in m.custom_sections() {
                    if s.name() == name {
                        out.set(n, rquickjs::ArrayBuffer::new_copy(ctx.clone(), s.data())?)?;
                        n += 1;
                    }
                }
                Ok(out)
            },
        )?,
    )?;
    // instantiate(module, values, prefix): an instance handle. `values` holds, for each import in
    // order, what the JS half found for it: a JS function (wrapped to convert its results), a
    // wasm function's handle, a memory, table or global handle, or a converted global value.
    o.set(
        "instantiate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, m: Value<'js>, values: Array<'js>, prefix: String| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let Handle::Module(m, _) = get_handle(&ctx, &m)? else {
                    return Err(Exception::throw_type(&ctx, "not a WebAssembly.Module"));
                };
                let imports: Vec<_> = m.imports().map(|i| i.ty().clone()).collect();
                let mut externs = Vec::with_capacity(imports.len());
                for (i, ty) in imports.iter().enumerate() {
                    let v: Value = values.get(i)?;
                    let ext = match ty {
                        ExternType::Func(fty) => match try_handle(&v) {
                            Some(Handle::Func(f)) => Extern::Func(f),
                            _ => {
                                let f = Function::from_value(v.clone())?;
                                let fty = fty.clone();
                                host.with(|mut s| {
                                    let d = s.data_mut();
                                    let index = d.imports.len();
                                    d.imports.push(Persistent::save(&ctx, f));
                                    Extern::Func(host_func(s, fty, index))
                                })
                            }
                        },
                        ExternType::Memory(_) => Extern::Memory(handle_of!(&ctx, v, Memory, "Memory")),
                        ExternType::Table(_) => Extern::Table(handle_of!(&ctx, v, Table, "Table")),
                        ExternType::Global(gty) => match try_handle(&v) {
                            Some(Handle::Global(g)) => Extern::Global(g),
                            _ => {
                                let pre = from_js(&ctx, &gty.content(), v)?;
                                host.with(|mut s| {
                                    let val = finish_vals(&ctx, s.as_context_mut(), vec![pre])
                                        .remove(0);
                                    Extern::Global(Global::new(s, val, Mutability::Const))
                                })
                            }
                        },
                    };
                    externs.push(ext);
                }
                // Check the types first, so that a mismatch is a LinkError with its import.
                let mismatch = host.with(|s| {
                    for (i, (imp, ext)) in m.imports().zip(&externs).enumerate() {
                        let ok = match (imp.ty(), ext) {
                            (ExternType::Func(t), Extern::Func(f)) => f.ty(&s) == *t,
                            (ExternType::Global(t), Extern::Global(g)) => g.ty(&s) == *t,
                            (ExternType::Memory(t), Extern::Memory(mem)) => {
                                let a = mem.ty(&s);
                                limits_fit(
                                    (a.minimum(), a.maximum()),
                                    (t.minimum(), t.maximum()),
                                )
                            }
                            (ExternType::Table(t), Extern::Table(tab)) => {
                                let a = tab.ty(&s);
                                a.element() == t.element()
                                    && limits_fit(
                                        (a.minimum(), a.maximum()),
                                        (t.minimum(), t.maximum()),
                                    )
                            }
                            _ => false,
                        };
                        if !ok {
                            let what = match imp.ty() {
                                ExternType::Func(_) => "imported function does not match the expected type",
                                ExternType::Global(_) => "imported global does not match the expected type",
                                ExternType::Memory(_) => "memory import has a larger maximum size or smaller initial size than required",
                                ExternType::Table(_) => "table import has a larger maximum size or smaller initial size than required",
                            };
                            return Some(format!(
                                "{prefix}: Import #{i} \"{}\" \"{}\": {what}",
                                imp.module(),
                                imp.name()
                            ));
                        }
                    }
                    None
                });
                if let Some(msg) = mismatch {
                    return Err(throw_kind(&ctx, &host, "LinkError", &msg));
                }
                let outcome = host.with(|mut s| {
                    let r = wasmi::Instance::new(s.as_context_mut(), &m, &externs);
                    sync_buffers(s);
                    r
                });
                match outcome {
                    Ok(inst) => handle(&ctx, Handle::Instance(inst)),
                    Err(e) => Err(throw_wasm_error(&ctx, &host, e, "LinkError")),
                }
            },
        )?,
    )?;
    // instanceExports(instance, module): [[name, kind, value], …], functions as JS functions.
    o.set(
        "instanceExports",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, inst: Value<'js>, m: Value<'js>| -> Result<Array<'js>> {
                let host = current_host(&ctx)?;
                let inst = handle_of!(&ctx, inst, Instance, "Instance");
                let Handle::Module(_, order) = get_handle(&ctx, &m)? else {
                    return Err(Exception::throw_type(&ctx, "not a WebAssembly.Module"));
                };
                let exports: Vec<(String, Extern, Option<u32>)> = host.with(|s| {
                    order
                        .iter()
                        .filter_map(|(name, index)| {
                            Some((name.clone(), inst.get_export(&s, name)?, *index))
                        })
                        .collect()
                });
                let out = Array::new(ctx.clone())?;
                for (i, (name, ext, index)) in exports.into_iter().enumerate() {
                    let e = Array::new(ctx.clone())?;
                    e.set(0, name)?;
                    match ext {
                        Extern::Func(f) => {
                            e.set(1, "function")?;
                            let (hooks, ty) = host.with(|s| (s.data().hooks.clone(), f.ty(&s)));
                            let Some(hooks) = hooks else {
                                return Err(Exception::throw_internal(
                                    &ctx,
                                    "WebAssembly is not set up",
                                ));
                            };
                            let wrap: Function = hooks.restore(&ctx)?.get("wrapFunction")?;
                            let v: Value = wrap.call((
                                handle(&ctx, Handle::Func(f))?,
                                func_key(&f),
                                ty.params().len(),
                                params_of(&ctx, &ty)?,
                                results_of(&ctx, &ty)?,
                                index,
                            ))?;
                            e.set(2, v)?;
                        }
                        Extern::Memory(x) => {
                            e.set(1, "memory")?;
                            e.set(2, handle(&ctx, Handle::Memory(x))?)?;
                        }
                        Extern::Table(x) => {
                            e.set(1, "table")?;
                            e.set(2, handle(&ctx, Handle::Table(x))?)?;
                        }
                        Extern::Global(x) => {
                            e.set(1, "global")?;
                            e.set(2, handle(&ctx, Handle::Global(x))?)?;
                        }
                    }
                    out.set(i, e)?;
                }
                Ok(out)
            },
        )?,
    )?;
    // call(func, args): the function's result(s).
    o.set(
        "call",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, f: Value<'js>, args: Array<'js>| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let f = handle_of!(&ctx, f, Func, "function");
                call(&ctx, &host, f, args)
            },
        )?,
    )?;
    // funcType(func): [params, results].
    o.set(
        "funcType",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, f: Value<'js>| -> Result<Array<'js>> {
                let host = current_host(&ctx)?;
                let f = handle_of!(&ctx, f, Func, "function");
                let ty = host.with(|s| f.ty(&s));
                let out = Array::new(ctx.clone())?;
                out.set(0, params_of(&ctx, &ty)?)?;
                out.set(1, results_of(&ctx, &ty)?)?;
                Ok(out)
            },
        )?,
    )?;
    // memoryNew(initial, maximum | undefined).
    o.set(
        "memoryNew",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, initial: f64, maximum: Option<f64>| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let initial = count(&ctx, initial, "initial")?;
                let maximum = maximum.map(|m| count(&ctx, m, "maximum")).transpose()?;
                let mut b = MemoryType::builder();
                b.min(initial).max(maximum);
                let ty = b.build().map_err(|e| {
                    Exception::throw_range(&ctx, &format!("WebAssembly.Memory(): {e}"))
                })?;
                let m = host.with(|s| Memory::new(s, ty));
                match m {
                    Ok(m) => handle(&ctx, Handle::Memory(m)),
                    Err(_) => Err(Exception::throw_range(
                        &ctx,
                        "WebAssembly.Memory(): could not allocate memory",
                    )),
                }
            },
        )?,
    )?;
    o.set(
        "memoryGrow",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, m: Value<'js>, delta: f64| -> Result<f64> {
                let host = current_host(&ctx)?;
                let m = handle_of!(&ctx, m, Memory, "Memory");
                let delta = count(&ctx, delta, "delta")?;
                let r = host.with(|mut s| {
                    let r = m.grow(s.as_context_mut(), delta);
                    sync_buffers(s);
                    r
                });
                r.map(|old| old as f64).map_err(|_| {
                    Exception::throw_range(
                        &ctx,
                        "WebAssembly.Memory.grow(): Maximum memory size exceeded",
                    )
                })
            },
        )?,
    )?;
    // memoryBuffer(memory): the ArrayBuffer over its bytes (the same one until it grows).
    o.set(
        "memoryBuffer",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, m: Value<'js>| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let m = handle_of!(&ctx, m, Memory, "Memory");
                let key = memory_key(&m);
                let found = host.with(|mut s| {
                    sync_buffers(s.as_context_mut());
                    let ptr = m.data_ptr(&s);
                    let len = m.data_size(&s);
                    let hit = s
                        .data()
                        .buffers
                        .iter()
                        .find(|b| memory_key(&b.0) == key)
                        .map(|b| b.1.clone());
                    (hit, ptr, len)
                });
                if let (Some(p), _, _) = &found {
                    return p.clone().restore(&ctx);
                }
                let (_, ptr, len) = found;
                // SAFETY: the buffer covers the memory's bytes; it is detached (see sync_buffers)
                // before they can move or shrink, and no free function is given, so the engine
                // never frees them.
                let v = unsafe {
                    let raw = qjs::JS_NewArrayBuffer(
                        ctx.as_raw().as_ptr(),
                        ptr,
                        len as _,
                        0,
                        None,
                        std::ptr::null_mut(),
                        false,
                    );
                    Value::from_raw(ctx.clone(), raw)
                };
                if v.is_exception() {
                    return Err(rquickjs::Error::Exception);
                }
                // SAFETY: `v` is the ArrayBuffer just made; pinning only sets a flag on it.
                unsafe { JS_PinArrayBuffer(v.as_raw()) };
                let p = Persistent::save(&ctx, v.clone());
                host.with(|mut s| s.data_mut().buffers.push((m, p, ptr as usize, len)));
                Ok(v)
            },
        )?,
    )?;
    o.set(
        "memoryType",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, m: Value<'js>| -> Result<Object<'js>> {
                let host = current_host(&ctx)?;
                let m = handle_of!(&ctx, m, Memory, "Memory");
                let ty = host.with(|s| m.ty(&s));
                memory_type(&ctx, &ty)
            },
        )?,
    )?;
    // tableNew(element, initial, maximum | undefined, init).
    o.set(
        "tableNew",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             element: String,
             initial: f64,
             maximum: Option<f64>,
             init: Value<'js>|
             -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let t = parse_type(&ctx, &element)?;
                let rt = match t {
                    ValType::FuncRef => RefType::Func,
                    ValType::ExternRef => RefType::Extern,
                    _ => return Err(Exception::throw_type(&ctx, "invalid table element type")),
                };
                let initial = count(&ctx, initial, "initial")?;
                let maximum = maximum.map(|m| count(&ctx, m, "maximum")).transpose()?;
                let pre = from_js(&ctx, &t, init)?;
                let r = host.with(|mut s| {
                    let init =
                        val_to_ref(finish_vals(&ctx, s.as_context_mut(), vec![pre]).remove(0));
                    Table::new(
                        s,
                        TableType::new(rt, initial as u32, maximum.map(|m| m as u32)),
                        init,
                    )
                });
                match r {
                    Ok(t) => handle(&ctx, Handle::Table(t)),
                    Err(e) => Err(Exception::throw_range(
                        &ctx,
                        &format!("WebAssembly.Table(): {e}"),
                    )),
                }
            },
        )?,
    )?;
    o.set(
        "tableType",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, t: Value<'js>| -> Result<Object<'js>> {
                let host = current_host(&ctx)?;
                let t = handle_of!(&ctx, t, Table, "Table");
                let ty = host.with(|s| t.ty(&s));
                table_type(&ctx, &ty)
            },
        )?,
    )?;
    o.set(
        "tableSize",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, t: Value<'js>| -> Result<f64> {
            let host = current_host(&ctx)?;
            let t = handle_of!(&ctx, t, Table, "Table");
            Ok(host.with(|s| t.size(&s)) as f64)
        })?,
    )?;
    o.set(
        "tableGet",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, t: Value<'js>, i: f64| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let t = handle_of!(&ctx, t, Table, "Table");
                let i = count(&ctx, i, "index")?;
                let r = host.with(|s| t.get(&s, i));
                match r {
                    Some(Ref::Func(f)) => to_js(&ctx, &host, &Val::FuncRef(f)),
                    Some(Ref::Extern(e)) => to_js(&ctx, &host, &Val::ExternRef(e)),
                    None => Err(Exception::throw_range(
                        &ctx,
                        "WebAssembly.Table.get(): invalid address",
                    )),
                }
            },
        )?,
    )?;
    o.set(
        "tableSet",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, t: Value<'js>, i: f64, v: Value<'js>| -> Result<()> {
                let host = current_host(&ctx)?;
                let t = handle_of!(&ctx, t, Table, "Table");
                let i = count(&ctx, i, "index")?;
                let ty = host.with(|s| t.ty(&s));
                let vt = if ty.element() == RefType::Func {
                    ValType::FuncRef
                } else {
                    ValType::ExternRef
                };
                let pre = from_js(&ctx, &vt, v)?;
                let r = host.with(|mut s| {
                    let v = val_to_ref(finish_vals(&ctx, s.as_context_mut(), vec![pre]).remove(0));
                    t.set(s, i, v)
                });
                r.map_err(|_| {
                    Exception::throw_range(&ctx, "WebAssembly.Table.set(): invalid address")
                })
            },
        )?,
    )?;
    o.set(
        "tableGrow",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, t: Value<'js>, delta: f64, init: Value<'js>| -> Result<f64> {
                let host = current_host(&ctx)?;
                let t = handle_of!(&ctx, t, Table, "Table");
                let delta = count(&ctx, delta, "delta")?;
                let ty = host.with(|s| t.ty(&s));
                let vt = if ty.element() == RefType::Func {
                    ValType::FuncRef
                } else {
                    ValType::ExternRef
                };
                let pre = from_js(&ctx, &vt, init)?;
                let r = host.with(|mut s| {
                    let v = val_to_ref(finish_vals(&ctx, s.as_context_mut(), vec![pre]).remove(0));
                    t.grow(s, delta, v)
                });
                r.map(|old| old as f64).map_err(|_| {
                    Exception::throw_range(&ctx, "WebAssembly.Table.grow(): failed to grow table")
                })
            },
        )?,
    )?;
    // globalNew(type, mutable, value).
    o.set(
        "globalNew",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, ty: String, mutable: bool, v: Value<'js>| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let t = parse_type(&ctx, &ty)?;
                let pre = from_js(&ctx, &t, v)?;
                let g = host.with(|mut s| {
                    let v = finish_vals(&ctx, s.as_context_mut(), vec![pre]).remove(0);
                    let m = if mutable {
                        Mutability::Var
                    } else {
                        Mutability::Const
                    };
                    Global::new(s, v, m)
                });
                handle(&ctx, Handle::Global(g))
            },
        )?,
    )?;
    // globalType(global): [type, mutable].
    o.set(
        "globalType",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, g: Value<'js>| -> Result<Array<'js>> {
                let host = current_host(&ctx)?;
                let g = handle_of!(&ctx, g, Global, "Global");
                let ty = host.with(|s| g.ty(&s));
                let out = Array::new(ctx.clone())?;
                out.set(0, type_name(&ty.content()))?;
                out.set(1, ty.mutability() == Mutability::Var)?;
                Ok(out)
            },
        )?,
    )?;
    o.set(
        "globalGet",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, g: Value<'js>| -> Result<Value<'js>> {
                let host = current_host(&ctx)?;
                let g = handle_of!(&ctx, g, Global, "Global");
                value_of_global(&ctx, &host, g)
            },
        )?,
    )?;
    o.set(
        "globalSet",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, g: Value<'js>, v: Value<'js>| -> Result<()> {
                let host = current_host(&ctx)?;
                let g = handle_of!(&ctx, g, Global, "Global");
                let ty = host.with(|s| g.ty(&s));
                let pre = from_js(&ctx, &ty.content(), v)?;
                let r = host.with(|mut s| {
                    let v = finish_vals(&ctx, s.as_context_mut(), vec![pre]).remove(0);
                    g.set(s, v)
                });
                r.map_err(|_| {
                    Exception::throw_type(&ctx, "Can't set the value of an immutable global.")
                })
            },
        )?,
    )?;
    // kindOf(handle): 'module', 'instance', 'function', 'memory', 'table', 'global', or
    // undefined for anything else.
    o.set(
        "kindOf",
        Function::new(ctx.clone(), |v: Value<'js>| -> Option<&'static str> {
            let c = Class::<WasmHandle>::from_value(&v).ok()?;
            let k = match &c.borrow().0 {
                Handle::Module(..) => "module",
                Handle::Instance(_) => "instance",
                Handle::Func(_) => "function",
                Handle::Memory(_) => "memory",
                Handle::Table(_) => "table",
                Handle::Global(_) => "global",
            };
            Some(k)
        })?,
    )?;
    // key(handle): a string that is the same for handles of the same function, memory, table
    // or global (the JS half keeps one JS object per wasm object by it).
    o.set(
        "key",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, v: Value<'js>| -> Result<String> {
                Ok(match get_handle(&ctx, &v)? {
                    Handle::Func(f) => func_key(&f),
                    Handle::Memory(m) => format!("{m:?}"),
                    Handle::Table(t) => format!("{t:?}"),
                    Handle::Global(g) => format!("{g:?}"),
                    Handle::Module(..) | Handle::Instance(_) => {
                        return Err(Exception::throw_type(
                            &ctx,
                            "no key for a module or instance",
                        ));
                    }
                })
            },
        )?,
    )?;
    Ok(())
}

/// Whether an import's limits `(min, max)` satisfy what the module declares: at least its
/// minimum and, when it has a maximum, a maximum no larger.
fn limits_fit(actual: (u64, Option<u64>), wanted: (u64, Option<u64>)) -> bool {
    actual.0 >= wanted.0
        && match (actual.1, wanted.1) {
            (_, None) => true,
            (Some(a), Some(w)) => a <= w,
            (None, Some(_)) => false,
        }
}

fn memory_key(m: &Memory) -> String {
    format!("{m:?}")
}

fn val_to_ref(v: Val) -> Ref {
    match v {
        Val::FuncRef(f) => Ref::Func(f),
        Val::ExternRef(e) => Ref::Extern(e),
        _ => Ref::Func(Nullable::Null),
    }
}
