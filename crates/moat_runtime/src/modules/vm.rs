//! `vm`'s new contexts: a fresh realm of the same QuickJS runtime (its own global object and
//! built-ins: `Object`, `Array`, `ArrayBuffer` … distinct from the program's), seeded with the
//! sandbox object's properties, in which a script runs. What the script leaves on its global
//! (the sandbox's properties, new `var`s and assignments) is copied back to the sandbox.

use rquickjs::{Ctx, Function, Object, Result, Value, qjs};

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "runInNewContext",
        Function::new(ctx.clone(), run_in_new_context)?.with_name("runInNewContext")?,
    )?;
    o.set(
        "newRealmGlobal",
        Function::new(ctx.clone(), new_realm_global)?.with_name("newRealmGlobal")?,
    )?;
    Ok(())
}

/// The global object of a new realm, for a context that outlives one run (`vm.createContext`).
/// Its built-in functions hold the realm, so it lives as long as the global is reachable; code
/// runs in it through the realm's own `eval`.
fn new_realm_global<'js>(ctx: Ctx<'js>) -> Result<Value<'js>> {
    // SAFETY: the new context belongs to the runtime `ctx` runs in; the global object taken
    // from it is owned (duplicated) before this function's reference to the realm is dropped.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let realm = Realm(qjs::JS_NewContext(qjs::JS_GetRuntime(raw)));
        if realm.0.is_null() {
            return Err(rquickjs::Exception::throw_internal(
                &ctx,
                "could not make a new context",
            ));
        }
        Ok(Value::from_raw(
            ctx.clone(),
            qjs::JS_GetGlobalObject(realm.0),
        ))
    }
}

/// A new QuickJS context, freed when dropped (objects made in it keep its realm alive).
struct Realm(*mut qjs::JSContext);

impl Drop for Realm {
    fn drop(&mut self) {
        // SAFETY: the context was made by JS_NewContext and is released once, here.
        unsafe { qjs::JS_FreeContext(self.0) }
    }
}

fn run_in_new_context<'js>(
    ctx: Ctx<'js>,
    code: String,
    filename: String,
    sandbox: Object<'js>,
) -> Result<Value<'js>> {
    let source = std::ffi::CString::new(code)
        .map_err(|_| rquickjs::Exception::throw_syntax(&ctx, "Invalid or unexpected token"))?;
    let name = std::ffi::CString::new(filename.replace('\0', "")).unwrap_or_default();
    // SAFETY: the new context belongs to the runtime `ctx` runs in, so values move freely
    // between the two; every value taken from it is owned (duplicated) before the realm goes.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let realm = Realm(qjs::JS_NewContext(qjs::JS_GetRuntime(raw)));
        if realm.0.is_null() {
            return Err(rquickjs::Exception::throw_internal(
                &ctx,
                "could not make a new context",
            ));
        }
        let global = Object::from_value(Value::from_raw(
            ctx.clone(),
            qjs::JS_GetGlobalObject(realm.0),
        ))?;
        let builtins: std::collections::HashSet<String> =
            global.keys::<String>().collect::<Result<_>>()?;
        for key in sandbox.keys::<String>() {
            let key = key?;
            let value: Value = sandbox.get(&key)?;
            global.set(&key, value)?;
        }
        let flags = qjs::JS_EVAL_TYPE_GLOBAL as i32;
        let result = qjs::JS_Eval(
            realm.0,
            source.as_ptr(),
            source.as_bytes().len() as _,
            name.as_ptr(),
            flags,
        );
        let outcome = if qjs::JS_IsException(result) {
            let thrown = Value::from_raw(ctx.clone(), qjs::JS_GetException(realm.0));
            Err(ctx.throw(thrown))
        } else {
            Ok(Value::from_raw(ctx.clone(), result))
        };
        for key in global.keys::<String>() {
            let key = key?;
            if !builtins.contains(&key) {
                let value: Value = global.get(&key)?;
                sandbox.set(&key, value)?;
            }
        }
        outcome
    }
}
