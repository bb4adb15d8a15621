//! `node:net`'s Rust half: TCP and Unix-domain sockets by handle (`sys::net`: natively, or the
//! host's in the sandbox), checked against `--allow-net` (TCP, UDP) or, for a Unix-domain socket,
//! against the file grants where its path leads (see [`check_unix`]). Nothing here waits: a call that would block
//! answers so, and the event loop's poll reports readiness (`["ready", handle, bits]`).
//! The JS half (`js/net.js`) builds sockets and servers, and Node's errors.

use std::net::{IpAddr, SocketAddr};

use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value, prelude::Opt};

use super::encoding::{JsStr, utf8_of};
use crate::js_errors::throw_uv_fields;
use crate::state::{SharedState, State};
use crate::value::bytes_of;
use crate::{permissions, sys};

/// Node's error for a failed socket call: `connect ECONNREFUSED 127.0.0.1:80`, with
/// `errno`, `code`, `syscall`, `address` and `port`.
fn socket_error<'js>(
    ctx: &Ctx<'js>,
    err: &std::io::Error,
    syscall: &str,
    addr: Option<SocketAddr>,
) -> rquickjs::Error {
    let uv = sys::error::uv_error(err);
    let build = || -> Result<Value<'js>> {
        let mut message = format!("{syscall} {}", uv.code);
        if syscall == "listen" {
            message = format!("listen {}: {}", uv.code, uv.description);
        }
        if let Some(a) = addr {
            message.push_str(&format!(" {}:{}", a.ip(), a.port()));
        }
        let ctor: Function = ctx.globals().get("Error")?;
        let e: Object = ctor.call((message,))?;
        crate::js_errors::define(&e, "errno", uv.errno)?;
        crate::js_errors::define(&e, "code", uv.code)?;
        crate::js_errors::define(&e, "syscall", syscall)?;
        if let Some(a) = addr {
            crate::js_errors::define(&e, "address", a.ip().to_string())?;
            crate::js_errors::define(&e, "port", a.port())?;
        }
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

fn parse_addr<'js>(ctx: &Ctx<'js>, ip: &str, port: u16) -> Result<SocketAddr> {
    let ip: IpAddr = ip.parse().map_err(|_| {
        throw_uv_fields(
            ctx,
            sys::error::uv_error_by_code("EINVAL"),
            "connect",
            None,
            None,
        )
    })?;
    Ok(SocketAddr::new(ip, port))
}

/// Checks `--allow-net` for a socket reaching `addr`; the names the program looked up and got
/// this address for count as its host.
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

/// Node's error for a Unix-domain socket's `connect` (`connect ENOENT /tmp/s.sock`, with
/// `errno`, `code`, `syscall`, `address`) or `listen` (`listen EADDRINUSE: address already in
/// use /tmp/s.sock`, with `code`, `errno`, `syscall`, `address`, and `port` -1).
fn pipe_error<'js>(
    ctx: &Ctx<'js>,
    err: &std::io::Error,
    syscall: &str,
    path: &str,
) -> rquickjs::Error {
    let mut uv = sys::error::uv_error(err);
    // As libuv does: a listener's missing directory is EACCES, as on Windows.
    if syscall == "listen" && uv.code == "ENOENT" {
        uv = sys::error::uv_error_by_code("EACCES");
    }
    let build = || -> Result<Value<'js>> {
        let ctor: Function = ctx.globals().get("Error")?;
        let e: Object = if syscall == "listen" {
            let e: Object =
                ctor.call((format!("listen {}: {} {path}", uv.code, uv.description),))?;
            crate::js_errors::define(&e, "code", uv.code)?;
            crate::js_errors::define(&e, "errno", uv.errno)?;
            crate::js_errors::define(&e, "syscall", syscall)?;
            crate::js_errors::define(&e, "address", path)?;
            crate::js_errors::define(&e, "port", -1)?;
            e
        } else {
            let e: Object = ctor.call((format!("{syscall} {} {path}", uv.code),))?;
            crate::js_errors::define(&e, "errno", uv.errno)?;
            crate::js_errors::define(&e, "code", uv.code)?;
            crate::js_errors::define(&e, "syscall", syscall)?;
            crate::js_errors::define(&e, "address", path)?;
            e
        };
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

/// Checks the grants for a Unix-domain socket at `path`: it is a file, so listening needs
/// `--allow-fs-write` where it is to be made, and connecting `--allow-fs-read` and
/// `--allow-fs-write` where it leads. A name in Linux's abstract namespace (a leading NUL) is no
/// file and needs `--allow-net` with no list.
fn check_unix<'js>(ctx: &Ctx<'js>, state: &State, path: &str, listen: bool) -> Result<()> {
    use moat_permissions::Permission;
    if path.starts_with('\0') {
        return permissions::check(ctx, state, Permission::Net, path);
    }
    if !listen {
        permissions::path(ctx, state, Permission::FsRead, path)?;
    }
    permissions::path(ctx, state, Permission::FsWrite, path).map(drop)
}

thread_local! {
    static RECV_BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn would_block(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::WouldBlock || sys::error::uv_error(e).code == "EAGAIN"
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let st = state.clone();
    o.set(
        "newHandle",
        Function::new(ctx.clone(), move || {
            let h = st.next_handle.get();
            st.next_handle.set(h + 1);
            h
        })?,
    )?;
    let st = state.clone();
    o.set(
        "check",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, ip: String, port: u16| -> Result<()> {
                let addr = parse_addr(&ctx, &ip, port)?;
                check(&ctx, &st, addr)
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "connect",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  handle: u32,
                  ip: String,
                  port: u16,
                  local_ip: Opt<String>,
                  local_port: Opt<u16>|
                  -> Result<()> {
                let addr = parse_addr(&ctx, &ip, port)?;
                check(&ctx, &st, addr)?;
                // From a local address (localAddress/localPort), bound first.
                let Some(local_ip) = local_ip.0 else {
                    return sys::net::connect(handle, addr)
                        .map_err(|e| socket_error(&ctx, &e, "connect", Some(addr)));
                };
                let local = parse_addr(&ctx, &local_ip, local_port.0.unwrap_or(0))?;
                check(&ctx, &st, local)?;
                sys::net::connect_from(handle, addr, local)
                    .map_err(|e| socket_error(&ctx, &e, "connect", Some(addr)))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "listen",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  handle: u32,
                  ip: String,
                  port: u16,
                  backlog: i32,
                  flags: Opt<u32>|
                  -> Result<()> {
                let addr = parse_addr(&ctx, &ip, port)?;
                check(&ctx, &st, addr)?;
                // `moat_abi::tcp_flags`: ipv6Only, reusePort.
                sys::net::listen(handle, addr, backlog, flags.0.unwrap_or(0))
                    .map_err(|e| socket_error(&ctx, &e, "listen", Some(addr)))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "connectUnix",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32, path: String| -> Result<()> {
                check_unix(&ctx, &st, &path, false)?;
                sys::net::connect_unix(handle, std::path::Path::new(&path))
                    .map_err(|e| pipe_error(&ctx, &e, "connect", &path))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "listenUnix",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32, path: String, backlog: i32| -> Result<()> {
                check_unix(&ctx, &st, &path, true)?;
                sys::net::listen_unix(handle, std::path::Path::new(&path), backlog)
                    .map_err(|e| pipe_error(&ctx, &e, "listen", &path))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "udpBind",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, handle: u32, ip: String, port: u16| -> Result<()> {
                let addr = parse_addr(&ctx, &ip, port)?;
                check(&ctx, &st, addr)?;
                sys::net::udp_bind(handle, addr)
                    .map_err(|e| socket_error(&ctx, &e, "bind", Some(addr)))
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "udpSend",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  handle: u32,
                  data: Value<'js>,
                  ip: String,
                  port: u16|
                  -> Result<i64> {
                let addr = parse_addr(&ctx, &ip, port)?;
                check(&ctx, &st, addr)?;
                let bytes = bytes_of(&data)?;
                match sys::net::send_to(handle, &bytes, addr) {
                    Ok(n) => Ok(n as i64),
                    Err(e) if would_block(&e) => Ok(-1),
                    Err(e) => Err(socket_error(&ctx, &e, "send", Some(addr))),
                }
            },
        )?,
    )?;
    o.set(
        "udpRecv",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32| -> Result<Option<Array<'js>>> {
                let mut buf = vec![0u8; 65536];
                match sys::net::recv_from(handle, &mut buf) {
                    Ok((n, from)) => {
                        buf.truncate(n);
                        let out = Array::new(ctx.clone())?;
                        out.set(0, TypedArray::new(ctx.clone(), buf)?)?;
                        out.set(1, from.ip().to_string())?;
                        out.set(2, from.port())?;
                        out.set(3, if from.is_ipv4() { "IPv4" } else { "IPv6" })?;
                        Ok(Some(out))
                    }
                    Err(e) if would_block(&e) => Ok(None),
                    Err(e) => Err(socket_error(&ctx, &e, "recvmsg", None)),
                }
            },
        )?,
    )?;
    o.set(
        "accept",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, listener: u32, handle: u32| -> Result<bool> {
                match sys::net::accept(listener, handle) {
                    Ok(()) => Ok(true),
                    Err(e) if would_block(&e) => Ok(false),
                    Err(e) => Err(socket_error(&ctx, &e, "accept", None)),
                }
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
                    Err(e) if would_block(&e) => Ok(-1),
                    Err(e) => Err(socket_error(&ctx, &e, "write", None)),
                }
            },
        )?,
    )?;
    // A string's UTF-8 bytes, without a Buffer made for them first: the number of bytes when all
    // went, else -1 - the number that did (the caller queues the rest).
    o.set(
        "sendString",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32, data: Value<'js>| -> Result<i64> {
                let s = JsStr::new(&ctx, &data)?;
                let bytes = utf8_of(s.bytes());
                match sys::net::send(handle, &bytes) {
                    Ok(n) if n == bytes.len() => Ok(n as i64),
                    Ok(n) => Ok(-1 - n as i64),
                    Err(e) if would_block(&e) => Ok(-1),
                    Err(e) => Err(socket_error(&ctx, &e, "write", None)),
                }
            },
        )?,
    )?;
    o.set(
        "recv",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32, size: usize| -> Result<Option<TypedArray<'js, u8>>> {
                // One scratch buffer for every read: only what arrived is copied out.
                let read = RECV_BUF.with_borrow_mut(|buf| {
                    let want = size.clamp(1, 1 << 20);
                    if buf.len() < want {
                        buf.resize(want, 0);
                    }
                    sys::net::recv(handle, &mut buf[..want]).map(|n| buf[..n].to_vec())
                });
                match read {
                    Ok(bytes) => TypedArray::new(ctx.clone(), bytes).map(Some),
                    Err(e) if would_block(&e) => Ok(None),
                    Err(e) => Err(socket_error(&ctx, &e, "read", None)),
                }
            },
        )?,
    )?;
    o.set(
        "address",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32, peer: bool| -> Result<Option<Array<'js>>> {
                let Ok(a) = sys::net::addr(handle, peer) else {
                    return Ok(None);
                };
                let out = Array::new(ctx.clone())?;
                out.set(0, a.ip().to_string())?;
                out.set(1, a.port())?;
                out.set(2, if a.is_ipv4() { "IPv4" } else { "IPv6" })?;
                Ok(Some(out))
            },
        )?,
    )?;
    o.set(
        "setOption",
        Function::new(ctx.clone(), |handle: u32, option: i32, on: bool| {
            let _ = sys::net::set_option(handle, option, on);
        })?,
    )?;
    o.set(
        "tos",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32, value: i32| -> Result<i32> {
                let syscall = if value < 0 {
                    "getTypeOfService"
                } else {
                    "setTypeOfService"
                };
                sys::net::tos(handle, value).map_err(|e| socket_error(&ctx, &e, syscall, None))
            },
        )?,
    )?;
    o.set(
        "watch",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: u32, bits: u8| -> Result<()> {
                sys::net::watch(handle, bits).map_err(|e| socket_error(&ctx, &e, "watch", None))
            },
        )?,
    )?;
    o.set(
        "shutdown",
        Function::new(ctx.clone(), |handle: u32, how: i32| {
            let _ = sys::net::shutdown(handle, how);
        })?,
    )?;
    o.set(
        "close",
        Function::new(ctx.clone(), |handle: u32| sys::net::close(handle))?,
    )?;
    Ok(())
}
