//! `internalBinding('serve')`: the request a `moat serve` instance serves and its response
//! (`sys::serve`), for `js/internal/serve.js`.

use rquickjs::{Ctx, Function, Object, Result, TypedArray, Value};

use crate::js_errors::throw_uv;
use crate::sys;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "request",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Value<'js>> {
            let Some(req) =
                sys::serve::request().map_err(|e| throw_uv(&ctx, &e, "serve", None, None))?
            else {
                return Ok(Value::new_null(ctx));
            };
            let out = Object::new(ctx.clone())?;
            out.set("head", req.head)?;
            out.set("body", TypedArray::<u8>::new(ctx.clone(), req.body)?)?;
            Ok(out.into_value())
        })?,
    )?;
    o.set(
        "respond",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, head: String, body: TypedArray<'js, u8>| -> Result<()> {
                // SAFETY: no JS runs while the slice is alive.
                let bytes = unsafe { super::encoding::u8_bytes(&body) };
                sys::serve::respond(head.as_bytes(), bytes)
                    .map_err(|e| throw_uv(&ctx, &e, "serve", None, None))
            },
        )?,
    )?;
    Ok(())
}
