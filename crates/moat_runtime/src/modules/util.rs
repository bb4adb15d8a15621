//! `node:util`'s engine-level questions: promise state, proxy internals and the engine class of a
//! value (brand checks for `util.types`), which JS alone cannot see; and libuv's error table for
//! `util.getSystemErrorName`/`getSystemErrorMap`.

use rquickjs::promise::PromiseState;
use rquickjs::{Array, Ctx, Function, Module, Object, Promise, Result, Value, qjs};

/// libuv's error numbers on Linux with their names and messages, as Node reports them.
const UV_ERRORS: &[(i32, &str, &str)] = &[
    (-7, "E2BIG", "argument list too long"),
    (-13, "EACCES", "permission denied"),
    (-98, "EADDRINUSE", "address already in use"),
    (-99, "EADDRNOTAVAIL", "address not available"),
    (-97, "EAFNOSUPPORT", "address family not supported"),
    (-11, "EAGAIN", "resource temporarily unavailable"),
    (-3000, "EAI_ADDRFAMILY", "address family not supported"),
    (-3001, "EAI_AGAIN", "temporary failure"),
    (-3002, "EAI_BADFLAGS", "bad ai_flags value"),
    (-3013, "EAI_BADHINTS", "invalid value for hints"),
    (-3003, "EAI_CANCELED", "request canceled"),
    (-3004, "EAI_FAIL", "permanent failure"),
    (-3005, "EAI_FAMILY", "ai_family not supported"),
    (-3006, "EAI_MEMORY", "out of memory"),
    (-3007, "EAI_NODATA", "no address"),
    (-3008, "EAI_NONAME", "unknown node or service"),
    (-3009, "EAI_OVERFLOW", "argument buffer overflow"),
    (-3014, "EAI_PROTOCOL", "resolved protocol is unknown"),
    (
        -3010,
        "EAI_SERVICE",
        "service not available for socket type",
    ),
    (-3011, "EAI_SOCKTYPE", "socket type not supported"),
    (-114, "EALREADY", "connection already in progress"),
    (-9, "EBADF", "bad file descriptor"),
    (-16, "EBUSY", "resource busy or locked"),
    (-125, "ECANCELED", "operation canceled"),
    (-4080, "ECHARSET", "invalid Unicode character"),
    (-103, "ECONNABORTED", "software caused connection abort"),
    (-111, "ECONNREFUSED", "connection refused"),
    (-104, "ECONNRESET", "connection reset by peer"),
    (-89, "EDESTADDRREQ", "destination address required"),
    (-17, "EEXIST", "file already exists"),
    (-14, "EFAULT", "bad address in system call argument"),
    (-27, "EFBIG", "file too large"),
    (-113, "EHOSTUNREACH", "host is unreachable"),
    (-4, "EINTR", "interrupted system call"),
    (-22, "EINVAL", "invalid argument"),
    (-5, "EIO", "i/o error"),
    (-106, "EISCONN", "socket is already connected"),
    (-21, "EISDIR", "illegal operation on a directory"),
    (-40, "ELOOP", "too many symbolic links encountered"),
    (-24, "EMFILE", "too many open files"),
    (-90, "EMSGSIZE", "message too long"),
    (-36, "ENAMETOOLONG", "name too long"),
    (-100, "ENETDOWN", "network is down"),
    (-101, "ENETUNREACH", "network is unreachable"),
    (-23, "ENFILE", "file table overflow"),
    (-105, "ENOBUFS", "no buffer space available"),
    (-19, "ENODEV", "no such device"),
    (-2, "ENOENT", "no such file or directory"),
    (-12, "ENOMEM", "not enough memory"),
    (-64, "ENONET", "machine is not on the network"),
    (-92, "ENOPROTOOPT", "protocol not available"),
    (-28, "ENOSPC", "no space left on device"),
    (-38, "ENOSYS", "function not implemented"),
    (-107, "ENOTCONN", "socket is not connected"),
    (-20, "ENOTDIR", "not a directory"),
    (-39, "ENOTEMPTY", "directory not empty"),
    (-88, "ENOTSOCK", "socket operation on non-socket"),
    (-95, "ENOTSUP", "operation not supported on socket"),
    (-75, "EOVERFLOW", "value too large for defined data type"),
    (-1, "EPERM", "operation not permitted"),
    (-32, "EPIPE", "broken pipe"),
    (-71, "EPROTO", "protocol error"),
    (-93, "EPROTONOSUPPORT", "protocol not supported"),
    (-91, "EPROTOTYPE", "protocol wrong type for socket"),
    (-34, "ERANGE", "result too large"),
    (-30, "EROFS", "read-only file system"),
    (
        -108,
        "ESHUTDOWN",
        "cannot send after transport endpoint shutdown",
    ),
    (-29, "ESPIPE", "invalid seek"),
    (-3, "ESRCH", "no such process"),
    (-110, "ETIMEDOUT", "connection timed out"),
    (-26, "ETXTBSY", "text file is busy"),
    (-18, "EXDEV", "cross-device link not permitted"),
    (-4094, "UNKNOWN", "unknown error"),
    (-4095, "EOF", "end of file"),
    (-6, "ENXIO", "no such device or address"),
    (-31, "EMLINK", "too many links"),
    (-112, "EHOSTDOWN", "host is down"),
    (-121, "EREMOTEIO", "remote I/O error"),
    (-25, "ENOTTY", "inappropriate ioctl for device"),
    (-4028, "EFTYPE", "inappropriate file type or format"),
    (-84, "EILSEQ", "illegal byte sequence"),
    (-94, "ESOCKTNOSUPPORT", "socket type not supported"),
    (-61, "ENODATA", "no data available"),
    (-49, "EUNATCH", "protocol driver not attached"),
    (-8, "ENOEXEC", "exec format error"),
];

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "getPromiseDetails",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, p: Promise<'js>| -> Result<Array<'js>> {
                let out = Array::new(ctx.clone())?;
                match p.state() {
                    PromiseState::Pending => out.set(0, 0)?,
                    PromiseState::Resolved => {
                        out.set(0, 1)?;
                        out.set(1, p.result::<Value>().transpose()?)?;
                    }
                    PromiseState::Rejected => {
                        out.set(0, 2)?;
                        // The rejection value is read back without rethrowing it.
                        // SAFETY: `p` is a live promise of this context.
                        let v = unsafe { qjs::JS_PromiseResult(ctx.as_raw().as_ptr(), p.as_raw()) };
                        let v = unsafe { Value::from_raw(ctx.clone(), v) };
                        out.set(1, v)?;
                    }
                }
                Ok(out)
            },
        )?,
    )?;
    o.set(
        "getProxyDetails",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, v: Value<'js>| -> Result<Value<'js>> {
                // SAFETY: `v` is a live value of this context; target and handler come back owned.
                unsafe {
                    if !qjs::JS_IsProxy(v.as_raw()) {
                        return Ok(Value::new_undefined(ctx.clone()));
                    }
                    let c = ctx.as_raw().as_ptr();
                    let raw_target = qjs::JS_GetProxyTarget(c, v.as_raw());
                    if qjs::JS_IsException(raw_target) {
                        // A revoked proxy: the engine threw; take that back and say so.
                        let _ = ctx.catch();
                        return Ok(Value::new_null(ctx.clone()));
                    }
                    let target = Value::from_raw(ctx.clone(), raw_target);
                    let handler =
                        Value::from_raw(ctx.clone(), qjs::JS_GetProxyHandler(c, v.as_raw()));
                    let out = Array::new(ctx.clone())?;
                    out.set(0, target)?;
                    out.set(1, handler)?;
                    Ok(out.into_value())
                }
            },
        )?,
    )?;
    o.set(
        "classId",
        Function::new(ctx.clone(), |v: Value<'js>| -> u32 {
            if !v.is_object() {
                return 0;
            }
            // SAFETY: `v` is a live object of this context; the call only reads its class id.
            unsafe { qjs::JS_GetClassID(v.as_raw()) }
        })?,
    )?;
    o.set(
        "moduleNamespaceSample",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Object<'js>> {
            // An empty module's namespace: the reference for the engine's namespace class.
            let (module, _done) = Module::declare(ctx, "moat:util/namespace-sample", "")?.eval()?;
            module.namespace()
        })?,
    )?;
    o.set(
        "ownNonIndexKeys",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, obj: Object<'js>, symbols: bool| -> Result<Array<'js>> {
                own_non_index_keys(&ctx, &obj, symbols)
            },
        )?,
    )?;
    o.set(
        "bytesEqual",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>| -> Result<Option<bool>> {
                // Undefined when either side's bytes cannot be read here.
                let raw = ctx.as_raw().as_ptr();
                // SAFETY: both values are live values of this context; the byte ranges come from
                // the engine and are checked against their buffers' sizes.
                unsafe {
                    let x = view_bytes(raw, a.as_raw());
                    let y = view_bytes(raw, b.as_raw());
                    let equal = match (&x, &y) {
                        (Some((xp, xl, _)), Some((yp, yl, _))) => Some(
                            xl == yl
                                && (*xl == 0
                                    || std::slice::from_raw_parts(*xp, *xl)
                                        == std::slice::from_raw_parts(*yp, *yl)),
                        ),
                        _ => None,
                    };
                    for held in [x, y].into_iter().flatten() {
                        if let Some(buffer) = held.2 {
                            qjs::JS_FreeValue(raw, buffer);
                        }
                    }
                    Ok(equal)
                }
            },
        )?,
    )?;
    let errors = Array::new(ctx.clone())?;
    for (i, &(errno, name, message)) in UV_ERRORS.iter().enumerate() {
        let entry = Array::new(ctx.clone())?;
        entry.set(0, errno)?;
        entry.set(1, name)?;
        entry.set(2, message)?;
        errors.set(i, entry)?;
    }
    o.set("uvErrors", errors)?;
    Ok(())
}

/// An object's own enumerable string keys (and symbols when asked), without its integer indices:
/// a typed array of a million elements lists only its few named properties.
fn own_non_index_keys<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, symbols: bool) -> Result<Array<'js>> {
    // Integer-index atoms are tagged with the top bit; larger indices are left for the caller.
    const ATOM_TAG_INT: u32 = 1 << 31;
    let raw = ctx.as_raw().as_ptr();
    let mut flags = qjs::JS_GPN_STRING_MASK | qjs::JS_GPN_ENUM_ONLY;
    if symbols {
        flags |= qjs::JS_GPN_SYMBOL_MASK;
    }
    let mut tab: *mut qjs::JSPropertyEnum = std::ptr::null_mut();
    let mut len: u32 = 0;
    // SAFETY: `obj` is a live object of this context; the table the engine fills is read within
    // its length and freed once.
    let keys: Vec<Value<'js>> = unsafe {
        if qjs::JS_GetOwnPropertyNames(raw, &mut tab, &mut len, obj.as_raw(), flags as i32) < 0 {
            return Err(rquickjs::Error::Exception);
        }
        let mut keys = Vec::new();
        for i in 0..len as usize {
            let atom = (*tab.add(i)).atom;
            if atom & ATOM_TAG_INT != 0 {
                continue;
            }
            keys.push(Value::from_raw(ctx.clone(), qjs::JS_AtomToValue(raw, atom)));
        }
        qjs::JS_FreePropertyEnum(raw, tab, len);
        keys
    };
    let out = Array::new(ctx.clone())?;
    for (i, key) in keys.into_iter().enumerate() {
        out.set(i, key)?;
    }
    Ok(out)
}

/// The bytes an ArrayBuffer, SharedArrayBuffer or typed array covers: pointer, length, and the
/// buffer value to release afterwards (typed arrays only). None for anything else, a detached
/// buffer, or a range outside its buffer: the caller then compares in JS.
///
/// # Safety
/// `ctx` and `v` must be live; the pointer is valid until the engine next runs JS.
unsafe fn view_bytes(
    ctx: *mut qjs::JSContext,
    v: qjs::JSValue,
) -> Option<(*const u8, usize, Option<qjs::JSValue>)> {
    unsafe {
        let mut size: qjs::size_t = 0;
        if qjs::JS_IsArrayBuffer(v) {
            let p = qjs::JS_GetArrayBuffer(ctx, &mut size, v);
            if p.is_null() {
                // Detached, or a kind of buffer this call does not read: the caller compares in JS.
                let e = qjs::JS_GetException(ctx);
                qjs::JS_FreeValue(ctx, e);
                return None;
            }
            return Some((p, size as usize, None));
        }
        let mut offset: qjs::size_t = 0;
        let mut length: qjs::size_t = 0;
        let mut per: qjs::size_t = 0;
        let buffer = qjs::JS_GetTypedArrayBuffer(ctx, v, &mut offset, &mut length, &mut per);
        if qjs::JS_IsException(buffer) {
            let e = qjs::JS_GetException(ctx);
            qjs::JS_FreeValue(ctx, e);
            return None;
        }
        let p = qjs::JS_GetArrayBuffer(ctx, &mut size, buffer);
        let (offset, length, size) = (offset as usize, length as usize, size as usize);
        if p.is_null() || offset.checked_add(length).is_none_or(|end| end > size) {
            if p.is_null() {
                let e = qjs::JS_GetException(ctx);
                qjs::JS_FreeValue(ctx, e);
            }
            qjs::JS_FreeValue(ctx, buffer);
            return None;
        }
        Some((p.add(offset), length, Some(buffer)))
    }
}
