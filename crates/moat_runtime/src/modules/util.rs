//! `node:util`'s engine-level questions: promise state and proxy internals, which JS alone
//! cannot see.

use rquickjs::promise::PromiseState;
use rquickjs::{Array, Ctx, Function, Object, Promise, Result, Value, qjs};

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
    Ok(())
}
