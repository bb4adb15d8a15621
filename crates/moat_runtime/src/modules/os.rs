//! `node:os`: facts about the machine.

use rquickjs::{Array, Ctx, Function, Object, Result};

use moat_permissions::Permission;

use crate::js_errors::throw_uv;
use crate::state::SharedState;
use crate::{permissions, sys};

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    o.set("hostname", Function::new(ctx.clone(), sys::hostname)?)?;
    o.set("cpuCount", Function::new(ctx.clone(), sys::cpu_count)?)?;
    o.set(
        "totalmem",
        Function::new(ctx.clone(), || sys::meminfo().0 as f64)?,
    )?;
    o.set(
        "freemem",
        Function::new(ctx.clone(), || sys::meminfo().1 as f64)?,
    )?;
    o.set("uptime", Function::new(ctx.clone(), sys::os::uptime)?)?;
    o.set(
        "loadavg",
        Function::new(ctx.clone(), || sys::os::loadavg().to_vec())?,
    )?;
    o.set("release", Function::new(ctx.clone(), sys::os::release)?)?;
    o.set("version", Function::new(ctx.clone(), sys::os::version)?)?;
    o.set(
        "constrainedMemory",
        Function::new(ctx.clone(), sys::os::constrained_memory)?,
    )?;
    o.set(
        "cpus",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Array<'js>> {
            let out = Array::new(ctx.clone())?;
            for (i, c) in sys::os::cpus().into_iter().enumerate() {
                let cpu = Object::new(ctx.clone())?;
                cpu.set("model", c.model)?;
                cpu.set("speed", c.speed_mhz)?;
                let times = Object::new(ctx.clone())?;
                times.set("user", c.user)?;
                times.set("nice", c.nice)?;
                times.set("sys", c.sys)?;
                times.set("idle", c.idle)?;
                times.set("irq", c.irq)?;
                cpu.set("times", times)?;
                out.set(i, cpu)?;
            }
            Ok(out)
        })?,
    )?;
    let st = state.clone();
    o.set(
        "networkInterfaces",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<Object<'js>> {
            // The machine's addresses describe its whole network: `--allow-net` with no list.
            permissions::check(&ctx, &st, Permission::Net, "")?;
            let found = match sys::os::network_interfaces() {
                Ok(found) => found,
                Err(e)
                    if e.raw_os_error() == Some(moat_abi::errno::ACCES)
                        && cfg!(target_os = "wasi") =>
                {
                    let denied = moat_permissions::Denied {
                        permission: Permission::Net,
                        resource: String::new(),
                    };
                    return Err(permissions::throw_denied(&ctx, &denied));
                }
                Err(e) => return Err(throw_uv(&ctx, &e, "uv_interface_addresses", None, None)),
            };
            let out = Object::new(ctx.clone())?;
            for a in found {
                let list: Array = match out.get::<_, Option<Array>>(a.name.as_str())? {
                    Some(l) => l,
                    None => {
                        let l = Array::new(ctx.clone())?;
                        out.set(a.name.as_str(), l.clone())?;
                        l
                    }
                };
                let e = Object::new(ctx.clone())?;
                e.set("address", a.address.to_string())?;
                e.set("netmask", a.netmask.to_string())?;
                e.set("family", if a.address.is_ipv4() { "IPv4" } else { "IPv6" })?;
                e.set("mac", a.mac)?;
                e.set("internal", a.internal)?;
                e.set("cidr", format!("{}/{}", a.address, a.prefix_len))?;
                if a.address.is_ipv6() {
                    e.set("scopeid", a.scope_id)?;
                }
                list.set(list.len(), e)?;
            }
            Ok(out)
        })?,
    )?;
    o.set(
        "userInfo",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>| -> Result<Option<Object<'js>>> {
                let Some(u) = sys::os::user_info() else {
                    return Ok(None);
                };
                let e = Object::new(ctx.clone())?;
                e.set("uid", u.uid)?;
                e.set("gid", u.gid)?;
                e.set("username", u.username)?;
                e.set("homedir", u.homedir)?;
                e.set("shell", u.shell)?;
                Ok(Some(e))
            },
        )?,
    )?;
    o.set(
        "getPriority",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, pid: i32| -> Result<i32> {
            sys::os::get_priority(pid)
                .map_err(|e| throw_uv(&ctx, &e, "uv_os_getpriority", None, None))
        })?,
    )?;
    o.set(
        "setPriority",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, pid: i32, prio: i32| -> Result<()> {
                sys::os::set_priority(pid, prio)
                    .map_err(|e| throw_uv(&ctx, &e, "uv_os_setpriority", None, None))
            },
        )?,
    )?;
    // `os.constants.errno`: Linux's positive errno numbers by name.
    let errno = Object::new(ctx.clone())?;
    for e in sys::error::all() {
        errno.set(e.code, -e.errno)?;
    }
    o.set("errno", errno)?;
    Ok(())
}
