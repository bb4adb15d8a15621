//! `process`: arguments, environment, identity, stdio writes and exit.

use rquickjs::{Array, Ctx, Function, IntoJs, Object, Result, Value};

use moat_permissions::Permission;

use crate::js_errors::throw_uv;
use crate::permissions;
use crate::state::SharedState;
use crate::value::bytes_of;
use crate::{Entry, sys};

/// The environment the program sees: the process's variables, then the `--env-file` ones it
/// does not set, less what the permission model hides. A name may come twice; the first wins.
fn visible_env(opts: &crate::Options) -> impl Iterator<Item = (String, String)> + '_ {
    sys::env_vars()
        .into_iter()
        .chain(opts.env_file_vars.iter().cloned())
        .filter(move |(k, _)| env_visible(opts, k))
}

fn env_visible(opts: &crate::Options, name: &str) -> bool {
    opts.grants.as_ref().is_none_or(|g| g.env_allowed(name))
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let opts = state.options();
    let args = Array::new(ctx.clone())?;
    for (i, a) in opts.args.iter().enumerate() {
        args.set(i, a.as_str())?;
    }
    o.set("args", args)?;
    let exec_argv = Array::new(ctx.clone())?;
    for (i, a) in opts.exec_argv.iter().enumerate() {
        exec_argv.set(i, a.as_str())?;
    }
    o.set("execArgv", exec_argv)?;
    o.set("flags", opts.flags.clone())?;
    o.set("execPath", opts.exec_path.as_str())?;
    o.set("argv0", opts.argv0.as_str())?;
    o.set("sandboxed", opts.sandboxed)?;
    o.set("version", crate::NODE_VERSION)?;
    o.set("moatVersion", crate::VERSION)?;
    // SAFETY: JS_GetVersion returns a static NUL-terminated string.
    let engine = unsafe { std::ffi::CStr::from_ptr(rquickjs::qjs::JS_GetVersion()) };
    o.set("engineVersion", engine.to_string_lossy().into_owned())?;
    o.set(
        "arch",
        if cfg!(target_arch = "aarch64") {
            "arm64"
        } else {
            "x64"
        },
    )?;
    let (entry_kind, entry_value) = match &opts.entry {
        Entry::File(p) => ("file", p.to_string_lossy().into_owned()),
        Entry::Eval { code, print: false } => ("eval", code.clone()),
        Entry::Eval { code, print: true } => ("print", code.clone()),
        Entry::Stdin => ("stdin", String::new()),
    };
    o.set("entryKind", entry_kind)?;
    o.set("entryValue", entry_value)?;
    o.set(
        "inputType",
        match opts.input_type {
            Some(crate::InputType::Module) => "module",
            Some(crate::InputType::CommonJs) => "commonjs",
            None => "",
        },
    )?;
    let list = |v: &[String]| -> Result<Array<'js>> {
        let a = Array::new(ctx.clone())?;
        for (i, x) in v.iter().enumerate() {
            a.set(i, x.as_str())?;
        }
        Ok(a)
    };
    o.set("requires", list(&opts.requires)?)?;
    o.set("imports", list(&opts.imports)?)?;
    o.set("loaders", list(&opts.loaders)?)?;

    // What `process.env` starts as, built when `process` is. Under the permission model a
    // variable without `--allow-env` is absent, as in the sandbox, whose host passes only the
    // granted ones.
    let st = state.clone();
    o.set(
        "envObject",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<Object<'js>> {
            let opts = st.options();
            let env = Object::new(ctx)?;
            for (k, v) in visible_env(opts) {
                if !env.contains_key(k.as_str())? {
                    env.set(k, v)?;
                }
            }
            Ok(env)
        })?,
    )?;
    // One variable of that environment, without building it all.
    let st = state.clone();
    o.set(
        "envVar",
        Function::new(ctx.clone(), move |name: String| -> Option<String> {
            let opts = st.options();
            if !env_visible(opts, &name) {
                return None;
            }
            sys::env_var(&name).or_else(|| {
                let file_var = opts.env_file_vars.iter().find(|(k, _)| *k == name);
                file_var.map(|(_, v)| v.clone())
            })
        })?,
    )?;

    o.set("permission", opts.grants.is_some())?;
    let st = state.clone();
    o.set(
        "permissionHas",
        Function::new(
            ctx.clone(),
            move |scope: String, reference: Option<String>| {
                permissions::has(&st, &scope, reference.as_deref())
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "checkPermission",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, scope: String, resource: String| -> Result<()> {
                match Permission::from_scope(&scope) {
                    Some(p) => permissions::check(&ctx, &st, p, &resource),
                    None => Ok(()),
                }
            },
        )?,
    )?;

    o.set("pid", sys::pid())?;
    o.set("ppid", sys::ppid())?;
    o.set(
        "cwd",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<String> {
            let cwd = sys::cwd().map_err(|e| throw_uv(&ctx, &e, "uv_cwd", None, None))?;
            // WASI keeps the working directory as a path: one removed since is noticed here,
            // as getcwd(3) notices it natively. A directory the guest was not granted cannot be
            // looked at, and stays as it was given.
            #[cfg(target_os = "wasi")]
            if sys::is_granted(&cwd)
                && let Err(e) = std::fs::metadata(&cwd)
                && e.kind() == std::io::ErrorKind::NotFound
            {
                return Err(throw_uv(&ctx, &e, "uv_cwd", None, None));
            }
            Ok(cwd.to_string_lossy().into_owned())
        })?,
    )?;
    o.set(
        "chdir",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, p: String| -> Result<()> {
            sys::chdir(std::path::Path::new(&p)).map_err(|e| {
                let uv = sys::error::uv_error(&e);
                let cwd = sys::cwd()
                    .map(|c| c.to_string_lossy().into_owned())
                    .unwrap_or_default();
                crate::js_errors::throw_uv_fields(&ctx, uv, "chdir", Some(&cwd), Some(&p))
            })
        })?,
    )?;
    o.set(
        "umask",
        Function::new(ctx.clone(), |m: Option<u32>| sys::umask(m))?,
    )?;
    o.set(
        "getuid",
        Function::new(ctx.clone(), || sys::getuid().map_or(-1.0, f64::from))?,
    )?;
    o.set(
        "geteuid",
        Function::new(ctx.clone(), || sys::euid().map_or(-1.0, f64::from))?,
    )?;
    o.set(
        "getgid",
        Function::new(ctx.clone(), || sys::getgid().map_or(-1.0, f64::from))?,
    )?;
    o.set(
        "getegid",
        Function::new(ctx.clone(), || sys::egid().map_or(-1.0, f64::from))?,
    )?;
    o.set("getgroups", Function::new(ctx.clone(), sys::os::groups)?)?;
    o.set(
        "cpuUsage",
        Function::new(ctx.clone(), || {
            let u = sys::os::cpu_usage();
            vec![u.user_us, u.system_us, u.max_rss_kb]
        })?,
    )?;
    o.set("isatty", Function::new(ctx.clone(), sys::is_tty)?)?;
    // A signal listener: the signal arrives as a `signal` event under the returned handle.
    // A signal that cannot be watched answers `[code, errno]` (libuv's), for Node's error.
    let st = state.clone();
    o.set(
        "signalWatch",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, signal: i32| -> Result<rquickjs::Value<'js>> {
                let handle = st.next_handle.get();
                match sys::signal_watch(&st.events, signal, handle) {
                    Ok(()) => {
                        st.next_handle.set(handle + 1);
                        handle.into_js(&ctx)
                    }
                    Err(e) => {
                        let uv = sys::error::uv_error(&e);
                        vec![uv.code.into_js(&ctx)?, uv.errno.into_js(&ctx)?].into_js(&ctx)
                    }
                }
            },
        )?,
    )?;
    o.set(
        "signalUnwatch",
        Function::new(ctx.clone(), sys::signal_unwatch)?,
    )?;
    // A failed signal answers `[code, errno]` (libuv's), for Node's `kill ESRCH` error.
    o.set(
        "kill",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, pid: i32, sig: i32| -> Result<Value<'js>> {
                match sys::kill(pid, sig) {
                    Ok(()) => Ok(Value::new_undefined(ctx)),
                    Err(e) => os_error(&ctx, &e),
                }
            },
        )?,
    )?;
    credentials(ctx, o)?;
    // A worker's output goes to its parent, which writes it (or hands it to `worker.stdout`).
    let st = state.clone();
    o.set(
        "writeStdio",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, fd: i32, data: Value<'js>| -> Result<()> {
                let bytes = bytes_of(&data)?;
                if st.worker.get().is_some() && (fd == 1 || fd == 2) {
                    let mut message = Vec::with_capacity(bytes.len() + 2);
                    message.extend_from_slice(&[super::worker::STDIO_MESSAGE, fd as u8]);
                    message.extend_from_slice(&bytes);
                    return super::worker::post_to_parent(&st, message)
                        .map_err(|e| throw_uv(&ctx, &e, "write", None, None));
                }
                sys::write_stdio(fd, &bytes).map_err(|e| throw_uv(&ctx, &e, "write", None, None))
            },
        )?,
    )?;
    o.set(
        "readStdin",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<String> {
            let b = sys::read_stdin_to_end().map_err(|e| throw_uv(&ctx, &e, "read", None, None))?;
            Ok(String::from_utf8_lossy(&b).into_owned())
        })?,
    )?;
    // process.stdin's reading: its chunks arrive as `data` events under the returned handle.
    let st = state.clone();
    o.set(
        "stdinStart",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<u32> {
            let handle = st.next_handle.get();
            sys::stdin_events(&st.events, handle)
                .map_err(|e| throw_uv(&ctx, &e, "read", None, None))?;
            st.next_handle.set(handle + 1);
            Ok(handle)
        })?,
    )?;
    o.set(
        "reallyExit",
        Function::new(ctx.clone(), |code: i32| -> () { sys::exit(code) })?,
    )?;
    o.set(
        "memoryUsage",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Vec<f64>> {
            let mut u = std::mem::MaybeUninit::<rquickjs::qjs::JSMemoryUsage>::zeroed();
            // SAFETY: the runtime pointer comes from a live context; `u` is written in full.
            let u = unsafe {
                rquickjs::qjs::JS_ComputeMemoryUsage(
                    rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr()),
                    u.as_mut_ptr(),
                );
                u.assume_init()
            };
            let rss = sys::rss() as f64;
            Ok(vec![
                rss,
                u.malloc_limit.max(u.malloc_size) as f64,
                u.memory_used_size as f64,
                0.0,
                0.0,
            ])
        })?,
    )?;
    Ok(())
}

/// An OS error as JS builds Node's errors from it: `[code, errno, text]`, with libuv's code and
/// (negative) errno and the OS's own wording (`Operation not permitted`).
fn os_error<'js>(ctx: &Ctx<'js>, e: &std::io::Error) -> Result<Value<'js>> {
    let uv = sys::error::uv_error(e);
    let text = e.to_string();
    let text = text
        .split(" (os error")
        .next()
        .unwrap_or_default()
        .to_string();
    vec![
        uv.code.into_js(ctx)?,
        uv.errno.into_js(ctx)?,
        text.into_js(ctx)?,
    ]
    .into_js(ctx)
}

/// Who the process runs as (`setuid` and its family, `setgroups`, `initgroups`), its thread's
/// CPU time, its title and `execve`. A failure answers as [`os_error`]; success, undefined.
fn credentials<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    use sys::os::IdKind;
    fn done<'js>(ctx: &Ctx<'js>, r: std::io::Result<()>) -> Result<Value<'js>> {
        match r {
            Ok(()) => Ok(Value::new_undefined(ctx.clone())),
            Err(e) => os_error(ctx, &e),
        }
    }
    o.set(
        "setId",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, kind: String, id: u32| -> Result<Value<'js>> {
                let kind = match kind.as_str() {
                    "setuid" => IdKind::Uid,
                    "setgid" => IdKind::Gid,
                    "seteuid" => IdKind::Euid,
                    _ => IdKind::Egid,
                };
                done(&ctx, sys::os::set_id(kind, id))
            },
        )?,
    )?;
    o.set(
        "userId",
        Function::new(ctx.clone(), |name: String| sys::os::user_id(&name))?,
    )?;
    o.set(
        "groupId",
        Function::new(ctx.clone(), |name: String| sys::os::group_id(&name))?,
    )?;
    o.set(
        "setGroups",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, groups: Vec<u32>| -> Result<Value<'js>> {
                done(&ctx, sys::os::set_groups(&groups))
            },
        )?,
    )?;
    o.set(
        "initGroups",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, user: String, extra: u32| -> Result<Value<'js>> {
                done(&ctx, sys::os::init_groups(&user, extra))
            },
        )?,
    )?;
    o.set(
        "threadCpuUsage",
        Function::new(ctx.clone(), || {
            let u = sys::os::thread_cpu_usage();
            vec![u.user_us, u.system_us]
        })?,
    )?;
    // A full collection (the global `gc` of `--expose-gc`).
    o.set(
        "gc",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            // SAFETY: the runtime pointer comes from a live context; collecting from inside a
            // call is what the engine's own `gc()` does.
            unsafe { rquickjs::qjs::JS_RunGC(rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) }
        })?,
    )?;
    o.set(
        "resourceUsage",
        Function::new(ctx.clone(), || sys::os::resource_usage().to_vec())?,
    )?;
    o.set(
        "setTitle",
        Function::new(ctx.clone(), |title: String| sys::os::set_title(&title))?,
    )?;
    o.set(
        "execve",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             path: String,
             args: Vec<String>,
             env: Vec<String>|
             -> Result<Value<'js>> {
                let e = sys::os::exec(&path, &args, &env);
                os_error(&ctx, &e)
            },
        )?,
    )?;
    Ok(())
}
