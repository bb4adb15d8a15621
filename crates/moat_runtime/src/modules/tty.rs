//! `node:tty`'s Rust half: whether a descriptor is a terminal, its size, raw mode.

use rquickjs::{Ctx, Function, IntoJs, Object, Result, Value};

use crate::sys;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set("isatty", Function::new(ctx.clone(), sys::tty::is_tty)?)?;
    // `[columns, rows]`, or `[code, errno]` (libuv's) when the size cannot be read.
    o.set(
        "getWindowSize",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, fd: i32| -> Result<Value<'js>> {
                match sys::tty::window_size(fd) {
                    Ok((columns, rows)) => vec![columns as f64, rows as f64].into_js(&ctx),
                    Err(e) => failure(&ctx, &e),
                }
            },
        )?,
    )?;
    // Undefined, or `[code, errno]` when the mode cannot be set.
    o.set(
        "setRawMode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, fd: i32, raw: bool| -> Result<Value<'js>> {
                match sys::tty::set_raw_mode(fd, raw) {
                    Ok(()) => Ok(Value::new_undefined(ctx.clone())),
                    Err(e) => failure(&ctx, &e),
                }
            },
        )?,
    )?;
    Ok(())
}

fn failure<'js>(ctx: &Ctx<'js>, e: &std::io::Error) -> Result<Value<'js>> {
    let uv = sys::error::uv_error(e);
    vec![uv.code.into_js(ctx)?, uv.errno.into_js(ctx)?].into_js(ctx)
}
