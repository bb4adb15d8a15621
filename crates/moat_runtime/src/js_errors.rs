//! Node-shaped errors thrown from the Rust halves: OS errors with `code`, `errno`, `syscall` and
//! `path` (one mapping, `sys::error::uv_error`), and errors with a Node `code`.

use rquickjs::{Ctx, Function, Object, Value};

use crate::sys;

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
        define(&e, "errno", uv.errno)?;
        define(&e, "code", uv.code)?;
        define(&e, "syscall", syscall)?;
        if let Some(p) = path {
            define(&e, "path", p)?;
        }
        if let Some(d) = dest {
            define(&e, "dest", d)?;
        }
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

/// Gives an error its own field, as Node does: a data property (writable, enumerable,
/// configurable) defined on the object, so no setter on a prototype sees it.
pub fn define<'js, V: rquickjs::IntoJs<'js>>(
    e: &Object<'js>,
    key: &str,
    value: V,
) -> rquickjs::Result<()> {
    e.prop(
        key,
        rquickjs::object::Property::from(value)
            .writable()
            .enumerable()
            .configurable(),
    )
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
        define(&e, "code", code)?;
        if let Some((k, v)) = extra {
            define(&e, k, v)?;
        }
        // Node's own errors name their code in the stack's first line: `TypeError [ERR_X]: …`.
        if code.starts_with("ERR_")
            && let Some(stack) = e.get::<_, Option<String>>("stack")?
            && let Some(rest) = stack.strip_prefix(&format!("{ctor}: {message}"))
        {
            e.set("stack", format!("{ctor} [{code}]: {message}{rest}"))?;
        }
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}
