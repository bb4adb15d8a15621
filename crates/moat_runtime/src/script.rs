//! Classic scripts evaluated and checked in a context, for the CommonJS loader and `vm`.

use rquickjs::Ctx;

/// Evaluates `source` as a classic script named `filename` and returns its completion value.
pub fn eval_script<'js, T: rquickjs::FromJs<'js>>(
    ctx: &Ctx<'js>,
    source: &str,
    filename: &str,
) -> rquickjs::Result<T> {
    use rquickjs::qjs;
    // Through JS_Eval with the length, not a C string: a NUL in the source is the parser's to
    // judge (a SyntaxError outside a string or comment, as in V8).
    let mut text = source.as_bytes().to_vec();
    // JS_Eval reads a NUL after the text.
    text.push(0);
    let name =
        std::ffi::CString::new(filename.replace('\0', "")).map_err(|_| rquickjs::Error::Unknown)?;
    // SAFETY: `text` is NUL-terminated and outlives the call; the result is owned by the Value.
    let v = unsafe {
        let c = ctx.as_raw().as_ptr();
        let v = qjs::JS_Eval(
            c,
            text.as_ptr().cast(),
            (text.len() - 1) as _,
            name.as_ptr(),
            qjs::JS_EVAL_TYPE_GLOBAL as i32,
        );
        if qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        rquickjs::Value::from_raw(ctx.clone(), v)
    };
    T::from_js(ctx, v)
}

/// Compiles `source` as a classic script named `filename` without running it: the error of a
/// script that does not parse, as running it would throw.
pub fn check_script(ctx: &Ctx<'_>, source: &str, filename: &str) -> rquickjs::Result<()> {
    use rquickjs::qjs;
    let mut text = source.as_bytes().to_vec();
    // JS_Eval reads a NUL after the text.
    text.push(0);
    let name =
        std::ffi::CString::new(filename.replace('\0', "")).map_err(|_| rquickjs::Error::Unknown)?;
    // SAFETY: `text` is NUL-terminated and outlives the call; the compiled function it returns
    // is freed here, never run.
    unsafe {
        let c = ctx.as_raw().as_ptr();
        let f = qjs::JS_Eval(
            c,
            text.as_ptr().cast(),
            (text.len() - 1) as _,
            name.as_ptr(),
            (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32,
        );
        if qjs::JS_IsException(f) {
            return Err(rquickjs::Error::Exception);
        }
        qjs::JS_FreeValue(c, f);
    }
    Ok(())
}

/// Runs bytecode `moat build` compiled (a classic script) and returns its completion value.
/// The bytes stay where they are: the function refers to them rather than copying them.
pub fn eval_bytecode<'js>(
    ctx: &Ctx<'js>,
    code: &'static [u8],
) -> rquickjs::Result<rquickjs::Value<'js>> {
    use rquickjs::qjs;
    // SAFETY: `code` was written by JS_WriteObject of this QuickJS version (`moat build` runs
    // the same engine) and lives as long as the program; JS_EvalFunction consumes the
    // function read from it.
    unsafe {
        let c = ctx.as_raw().as_ptr();
        let f = qjs::JS_ReadObject(
            c,
            code.as_ptr(),
            code.len() as _,
            (qjs::JS_READ_OBJ_BYTECODE | qjs::JS_READ_OBJ_ROM_DATA) as i32,
        );
        if qjs::JS_IsException(f) {
            return Err(rquickjs::Error::Exception);
        }
        let v = rquickjs::Value::from_raw(ctx.clone(), qjs::JS_EvalFunction(c, f));
        if v.is_exception() {
            return Err(rquickjs::Error::Exception);
        }
        Ok(v)
    }
}
