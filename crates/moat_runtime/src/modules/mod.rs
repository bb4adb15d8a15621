//! The Rust halves of the built-in modules. Each file builds one internal binding — an object of
//! functions and plain data that its JS half (`js/`) reaches through `internalBinding(name)`.

mod async_hooks;
mod buffer;
mod child_process;
mod crypto;
mod dgram;
mod dns;
mod encoding;
mod fs;
mod http_parser;
mod intl;
mod loader;
mod net;
mod os;
mod process;
mod serve;
mod timers;
mod tls;
mod tty;
mod url;
mod util;
mod v8;
mod vm;
mod wasm;
mod worker;
mod zlib;

use rquickjs::{Ctx, Function, Object, Persistent, Result};

use crate::state::SharedState;

include!(concat!(env!("OUT_DIR"), "/js_sources.rs"));

/// The embedded JS half with this id (`internal/errors`, `fs`).
pub fn js_source(id: &str) -> Option<&'static str> {
    JS_SOURCES.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

/// Runs the precompiled built-in `id` (see build.rs) and returns its completion value: the
/// module's wrapper function, or the bootstrap function. `None` when there is no such built-in.
pub fn eval_builtin<'js>(ctx: &Ctx<'js>, id: &str) -> Result<Option<rquickjs::Value<'js>>> {
    use rquickjs::qjs;
    let Some((_, bc)) = JS_BYTECODE.iter().find(|(k, _)| *k == id) else {
        return Ok(None);
    };
    // SAFETY: the bytes were written by JS_WriteObject of this QuickJS version at build time;
    // reading them yields a function object, which JS_EvalFunction consumes.
    unsafe {
        let c = ctx.as_raw().as_ptr();
        let f = qjs::JS_ReadObject(
            c,
            bc.as_ptr(),
            bc.len() as _,
            qjs::JS_READ_OBJ_BYTECODE as i32,
        );
        if qjs::JS_IsException(f) {
            return Err(rquickjs::Error::Exception);
        }
        let v = rquickjs::Value::from_raw(ctx.clone(), qjs::JS_EvalFunction(c, f));
        if v.is_exception() {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Some(v))
    }
}

/// `internalBinding(name)`: builds each binding on first use and caches it.
pub fn binding_loader<'js>(ctx: &Ctx<'js>, state: SharedState) -> Result<Function<'js>> {
    let cache = Persistent::save(ctx, Object::new(ctx.clone())?);
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, name: String| -> Result<Object<'js>> {
            let cache = cache.clone().restore(&ctx)?;
            if let Some(o) = cache.get::<_, Option<Object>>(name.as_str())? {
                return Ok(o);
            }
            let o = Object::new(ctx.clone())?;
            match name.as_str() {
                "natives" => natives(&ctx, &o)?,
                "async_hooks" => async_hooks::init(&ctx, &o)?,
                "child_process" => child_process::init(&ctx, &o, &state)?,
                "crypto" => crypto::init(&ctx, &o, &state)?,
                "dns" => dns::init(&ctx, &o, &state)?,
                "udp" => dgram::init(&ctx, &o, &state)?,
                "buffer" => buffer::init(&ctx, &o)?,
                "tls" => tls::init(&ctx, &o)?,
                "encoding" => encoding::init(&ctx, &o)?,
                "fs" => fs::init(&ctx, &o, &state)?,
                "http_parser" => http_parser::init(&ctx, &o)?,
                "intl" => intl::init(&ctx, &o)?,
                "loader" => loader::init(&ctx, &o, &state)?,
                "net" => net::init(&ctx, &o, &state)?,
                "os" => os::init(&ctx, &o, &state)?,
                "process" => process::init(&ctx, &o, &state)?,
                "timers" => timers::init(&ctx, &o, &state)?,
                "tty" => tty::init(&ctx, &o)?,
                "serve" => serve::init(&ctx, &o)?,
                "url" => url::init(&ctx, &o)?,
                "util" => util::init(&ctx, &o)?,
                "v8" => v8::init(&ctx, &o)?,
                "vm" => vm::init(&ctx, &o)?,
                "wasm" => wasm::init(&ctx, &o)?,
                "worker" => worker::init(&ctx, &o, &state)?,
                "zlib" => zlib::init(&ctx, &o)?,
                _ => {
                    return Err(rquickjs::Exception::throw_internal(
                        &ctx,
                        &format!("No such binding: {name}"),
                    ));
                }
            }
            cache.set(name.as_str(), o.clone())?;
            Ok(o)
        },
    )
}

fn natives<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "source",
        Function::new(ctx.clone(), |id: String| -> Option<&'static str> {
            js_source(&id)
        })?,
    )?;
    o.set(
        "compile",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, id: String| -> Result<rquickjs::Value<'js>> {
                Ok(eval_builtin(&ctx, &id)?
                    .unwrap_or_else(|| rquickjs::Value::new_undefined(ctx.clone())))
            },
        )?,
    )?;
    Ok(())
}
