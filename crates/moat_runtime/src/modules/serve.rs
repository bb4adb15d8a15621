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
    o.set(
        "readBody",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Value<'js>> {
            match sys::serve::read_body().map_err(|e| throw_uv(&ctx, &e, "read", None, None))? {
                Some(chunk) => Ok(TypedArray::<u8>::new(ctx, chunk)?.into_value()),
                None => Ok(Value::new_null(ctx)),
            }
        })?,
    )?;
    o.set(
        "write",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, body: TypedArray<'js, u8>| -> Result<()> {
                // SAFETY: no JS runs while the slice is alive.
                let bytes = unsafe { super::encoding::u8_bytes(&body) };
                sys::serve::write(bytes).map_err(|e| throw_uv(&ctx, &e, "write", None, None))
            },
        )?,
    )?;
    o.set(
        "end",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<()> {
            sys::serve::end().map_err(|e| throw_uv(&ctx, &e, "end", None, None))
        })?,
    )?;
    Ok(())
}
