//! `node:child_process`: the Rust half starts processes and reports their output; the JS half
//! (`js/child_process.js`) builds ChildProcess objects and Node's results and errors.

use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};

use crate::js_errors::throw_uv;
use crate::permissions;
use crate::state::SharedState;
use crate::sys;
use crate::sys::child::{Command, Stdio};
use crate::value::bytes_of;
use moat_permissions::Permission;

fn stdio_of(s: &str) -> Stdio {
    match s {
        "inherit" => Stdio::Inherit,
        "ignore" => Stdio::Ignore,
        _ => Stdio::Pipe,
    }
}

/// Reads `{ file, args, cwd, env, stdio, input, timeout, killSignal }`.
fn command<'js>(o: &Object<'js>) -> Result<Command> {
    let stdio: Vec<String> = o
        .get::<_, Option<Vec<String>>>("stdio")?
        .unwrap_or_default();
    let pick = |i: usize| stdio.get(i).map_or(Stdio::Pipe, |s| stdio_of(s));
    let env: Option<Vec<String>> = o.get("env")?;
    let input: Option<Value> = o.get("input")?;
    Ok(Command {
        file: o.get("file")?,
        args: o.get::<_, Option<Vec<String>>>("args")?.unwrap_or_default(),
        cwd: o.get("cwd")?,
        env: env.map(|v| {
            v.into_iter()
                .map(|kv| match kv.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (kv, String::new()),
                })
                .collect()
        }),
        stdio: [pick(0), pick(1), pick(2)],
        input: match input {
            Some(v) if !v.is_undefined() && !v.is_null() => Some(bytes_of(&v)?),
            _ => None,
        },
        timeout_ms: o.get::<_, Option<f64>>("timeout")?.map(|t| t as u64),
        kill_signal: o.get::<_, Option<i32>>("killSignal")?.unwrap_or(15),
    })
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let st = state.clone();
    o.set(
        "spawnSync",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, opts: Object<'js>| -> Result<Object<'js>> {
                let cmd = command(&opts)?;
                permissions::check(&ctx, &st, Permission::ChildProcess, &cmd.file)?;
                let out = sys::child::spawn_sync(&cmd).map_err(|e| {
                    throw_uv(
                        &ctx,
                        &e,
                        &format!("spawnSync {}", cmd.file),
                        Some(&cmd.file),
                        None,
                    )
                })?;
                let r = Object::new(ctx.clone())?;
                r.set("pid", out.pid)?;
                r.set("stdout", TypedArray::<u8>::new(ctx.clone(), out.stdout)?)?;
                r.set("stderr", TypedArray::<u8>::new(ctx.clone(), out.stderr)?)?;
                r.set("status", out.code)?;
                r.set("signal", out.signal)?;
                r.set("timedOut", out.timed_out)?;
                Ok(r)
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "spawn",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, opts: Object<'js>| -> Result<Array<'js>> {
                let cmd = command(&opts)?;
                permissions::check(&ctx, &st, Permission::ChildProcess, &cmd.file)?;
                let handle = st.next_handle.get();
                st.next_handle.set(handle + 1);
                let child = sys::child::spawn(&cmd, handle, &st.events).map_err(|e| {
                    throw_uv(
                        &ctx,
                        &e,
                        &format!("spawn {}", cmd.file),
                        Some(&cmd.file),
                        None,
                    )
                })?;
                let pid = child.pid;
                st.children.borrow_mut().insert(handle, child);
                let r = Array::new(ctx.clone())?;
                r.set(0, handle)?;
                r.set(1, pid)?;
                Ok(r)
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "writeStdin",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32, data: Value<'js>| -> Result<()> {
                let bytes = bytes_of(&data)?;
                let children = st.children.borrow();
                let Some(c) = children.get(&handle) else {
                    return Ok(());
                };
                c.write_stdin(&bytes)
                    .map_err(|e| throw_uv(&ctx, &e, "write", None, None))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "closeStdin",
        Function::new(ctx.clone(), move |handle: u32| {
            if let Some(c) = st.children.borrow().get(&handle) {
                c.close_stdin();
            }
        })?,
    )?;
    let st = state.clone();
    o.set(
        "release",
        Function::new(ctx.clone(), move |handle: u32| {
            st.children.borrow_mut().remove(&handle);
        })?,
    )?;
    Ok(())
}
