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

/// One stdio entry: `'pipe'`, `'inherit'`, `'ignore'` or a descriptor number.
fn stdio_of(v: &Value<'_>) -> Stdio {
    if let Some(n) = v.as_number() {
        return if n >= 0.0 && n <= f64::from(i32::MAX) && n.fract() == 0.0 {
            Stdio::Fd(n as i32)
        } else {
            Stdio::Ignore
        };
    }
    match v.as_string().and_then(|s| s.to_string().ok()).as_deref() {
        Some("inherit") => Stdio::Inherit,
        Some("ignore") => Stdio::Ignore,
        Some("socket") => Stdio::Socket,
        _ => Stdio::Pipe,
    }
}

/// The most descriptors a child may be given (more are not passed).
const MAX_STDIO: usize = 1024;

/// Reads `{ file, args, cwd, env, stdio, argv0, detached, uid, gid, maxBuffer, input, timeout,
/// killSignal }`.
fn command<'js>(o: &Object<'js>) -> Result<Command> {
    let stdio: Vec<Value<'js>> = o
        .get::<_, Option<Vec<Value<'js>>>>("stdio")?
        .unwrap_or_default();
    let mut stdio: Vec<Stdio> = stdio.iter().take(MAX_STDIO).map(stdio_of).collect();
    while stdio.len() < 3 {
        stdio.push(Stdio::Pipe);
    }
    let id = |v: Option<f64>| {
        v.filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX))
            .map(|n| n as u32)
    };
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
        stdio,
        argv0: o.get("argv0")?,
        detached: o.get::<_, Option<bool>>("detached")?.unwrap_or(false),
        uid: id(o.get("uid")?),
        gid: id(o.get("gid")?),
        max_buffer: o
            .get::<_, Option<f64>>("maxBuffer")?
            .filter(|m| m.is_finite() && *m >= 0.0)
            .map(|m| m as u64),
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
                r.set("overflowed", out.overflowed)?;
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
        "write",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32, fd: i32, data: Value<'js>| -> Result<()> {
                let bytes = bytes_of(&data)?;
                let children = st.children.borrow();
                let Some(c) = children.get(&handle) else {
                    return Err(throw_uv(
                        &ctx,
                        &std::io::Error::from(std::io::ErrorKind::BrokenPipe),
                        "write",
                        None,
                        None,
                    ));
                };
                c.write(fd, &bytes)
                    .map_err(|e| throw_uv(&ctx, &e, "write", None, None))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "close",
        Function::new(ctx.clone(), move |handle: u32, fd: i32| {
            if let Some(c) = st.children.borrow().get(&handle) {
                c.close(fd);
            }
        })?,
    )?;
    let st = state.clone();
    o.set(
        "flow",
        Function::new(ctx.clone(), move |handle: u32, fd: i32, paused: bool| {
            if let Some(c) = st.children.borrow().get(&handle) {
                c.set_paused(fd, paused);
            }
        })?,
    )?;
    let st = state.clone();
    o.set(
        "openChannel",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>| -> Result<Option<Array<'js>>> {
                let handle = st.next_handle.get();
                st.next_handle.set(handle + 1);
                let Ok((channel, fd, advanced)) = sys::child::open_channel(handle, &st.events)
                else {
                    return Ok(None);
                };
                st.children.borrow_mut().insert(handle, channel);
                let r = Array::new(ctx.clone())?;
                r.set(0, handle)?;
                r.set(1, fd)?;
                r.set(2, advanced)?;
                Ok(Some(r))
            },
        )?,
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
