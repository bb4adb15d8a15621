//! `node:dgram`'s Rust half beyond the `net` binding's UDP basics: binding with flags,
//! connecting, socket options and multicast, by handle (`sys::net`: natively, or the host's in
//! the sandbox), checked against `--allow-net`. Failures are Node's errors (`setTTL EINVAL`,
//! `bind EADDRINUSE 0.0.0.0:41234`) with `errno`, `code` and `syscall`.

use std::net::{IpAddr, SocketAddr};

use rquickjs::{Ctx, Function, Object, Result, Value};

use crate::state::{SharedState, State};
use crate::value::bytes_of;
use crate::{permissions, sys};

/// Node's error for a failed call: `<syscall> <CODE>`, then the address when there is one.
fn udp_error<'js>(
    ctx: &Ctx<'js>,
    err: &std::io::Error,
    syscall: &str,
    addr: Option<SocketAddr>,
) -> rquickjs::Error {
    let uv = sys::error::uv_error(err);
    let build = || -> Result<Value<'js>> {
        let mut message = format!("{syscall} {}", uv.code);
        // A port of 0 (the system's choice) is left out, as Node does.
        if let Some(a) = addr {
            message.push_str(&format!(" {}", a.ip()));
            if a.port() != 0 {
                message.push_str(&format!(":{}", a.port()));
            }
        }
        let ctor: Function = ctx.globals().get("Error")?;
        let e: Object = ctor.call((message,))?;
        crate::js_errors::define(&e, "errno", uv.errno)?;
        crate::js_errors::define(&e, "code", uv.code)?;
        crate::js_errors::define(&e, "syscall", syscall)?;
        if let Some(a) = addr {
            crate::js_errors::define(&e, "address", a.ip().to_string())?;
            if a.port() != 0 {
                crate::js_errors::define(&e, "port", a.port())?;
            }
        }
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

fn invalid() -> std::io::Error {
    std::io::Error::from(std::io::ErrorKind::InvalidInput)
}

/// Checks `--allow-net` for `addr`; the names looked up for this address count as its host.
fn check<'js>(ctx: &Ctx<'js>, state: &State, addr: SocketAddr) -> Result<()> {
    let Some(g) = &state.options().grants else {
        return Ok(());
    };
    let resolved = state.resolved.borrow();
    let names: Vec<&str> = resolved
        .get(&addr.ip())
        .map(|v| v.iter().map(String::as_str).collect())
        .unwrap_or_default();
    g.check_net_addr(addr.ip(), addr.port(), &names)
        .map_err(|d| permissions::throw_denied(ctx, &d))
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let st = state.clone();
    o.set(
        "bind",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32, ip: String, port: u16, flags: u32| -> Result<()> {
                let Ok(ip) = ip.parse::<IpAddr>() else {
                    return Err(udp_error(&ctx, &invalid(), "bind", None));
                };
                let addr = SocketAddr::new(ip, port);
                check(&ctx, &st, addr)?;
                sys::net::udp_bind_with(handle, addr, flags)
                    .map_err(|e| udp_error(&ctx, &e, "bind", Some(addr)))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "connect",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32, ip: String, port: u16| -> Result<()> {
                let Ok(ip) = ip.parse::<IpAddr>() else {
                    return Err(udp_error(&ctx, &invalid(), "connect", None));
                };
                let addr = SocketAddr::new(ip, port);
                check(&ctx, &st, addr)?;
                sys::net::udp_connect(handle, Some(addr))
                    .map_err(|e| udp_error(&ctx, &e, "connect", Some(addr)))
            },
        )?,
    )?;
    o.set(
        "disconnect",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, handle: u32| -> Result<()> {
            sys::net::udp_connect(handle, None).map_err(|e| udp_error(&ctx, &e, "disconnect", None))
        })?,
    )?;
    o.set(
        "option",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32, option: i32, value: i32, syscall: String| -> Result<i32> {
                sys::net::udp_option(handle, option, value)
                    .map_err(|e| udp_error(&ctx, &e, &syscall, None))
            },
        )?,
    )?;
    o.set(
        "multicast",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             handle: u32,
             op: i32,
             group: String,
             other: String,
             syscall: String|
             -> Result<()> {
                sys::net::udp_multicast(handle, op, &group, &other)
                    .map_err(|e| udp_error(&ctx, &e, &syscall, None))
            },
        )?,
    )?;
    o.set(
        "send",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32, data: Value<'js>| -> Result<i64> {
                let bytes = bytes_of(&data)?;
                match sys::net::send(handle, &bytes) {
                    Ok(n) => Ok(n as i64),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(-1),
                    Err(e) => {
                        let peer = sys::net::addr(handle, true).ok();
                        Err(udp_error(&ctx, &e, "send", peer))
                    }
                }
            },
        )?,
    )?;
    Ok(())
}
