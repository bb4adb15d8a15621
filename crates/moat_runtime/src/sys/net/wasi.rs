//! Sockets in the sandbox: the host's, through the `moat` imports (`sys::host`), each call
//! checked there against the grants.

use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use moat_abi::Event;

use crate::sys::events::EventQueue;
use crate::sys::host;

pub use host::{accept, close, set_option, shutdown, watch};

/// # Errors
/// The host's (`EACCES` without the grant).
pub fn connect(handle: u32, addr: SocketAddr) -> io::Result<()> {
    host::connect(&addr.to_string(), handle)
}

/// # Errors
/// The host's.
pub fn listen(handle: u32, addr: SocketAddr, backlog: i32, flags: u32) -> io::Result<()> {
    if flags == 0 {
        return host::listen(&addr.to_string(), backlog, handle);
    }
    host::listen_flags(&addr.to_string(), backlog, flags, handle)
}

/// # Errors
/// The host's (`EACCES` without the grant, `EADDRINUSE` …).
pub fn connect_from(handle: u32, addr: SocketAddr, local: SocketAddr) -> io::Result<()> {
    host::connect_from(&addr.to_string(), &local.to_string(), handle)
}

/// The path the host is given: absolute (a relative one is the guest's working directory's,
/// which the host does not share), or an abstract name as it is.
fn host_path(path: &Path) -> io::Result<Vec<u8>> {
    use std::os::wasi::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    if bytes.first() == Some(&0) || path.is_absolute() {
        return Ok(bytes.to_vec());
    }
    Ok(crate::sys::cwd()?
        .join(path)
        .as_os_str()
        .as_bytes()
        .to_vec())
}

/// # Errors
/// The host's (`EACCES` without the grants, `ENOENT`, `ECONNREFUSED` …).
pub fn connect_unix(handle: u32, path: &Path) -> io::Result<()> {
    host::connect_unix(&host_path(path)?, handle)
}

/// # Errors
/// The host's (`EACCES`, `EADDRINUSE` …).
pub fn listen_unix(handle: u32, path: &Path, backlog: i32) -> io::Result<()> {
    host::listen_unix(&host_path(path)?, backlog, handle)
}

/// # Errors
/// The host's.
pub fn udp_bind(handle: u32, addr: SocketAddr) -> io::Result<()> {
    host::bind_udp(&addr.to_string(), handle)
}

/// # Errors
/// The host's.
pub fn udp_bind_with(handle: u32, addr: SocketAddr, flags: u32) -> io::Result<()> {
    host::bind_udp_flags(&addr.to_string(), flags, handle)
}

/// # Errors
/// The host's.
pub fn udp_connect(handle: u32, addr: Option<SocketAddr>) -> io::Result<()> {
    host::connect_udp(handle, &addr.map(|a| a.to_string()).unwrap_or_default())
}

/// # Errors
/// The host's.
pub fn udp_option(handle: u32, option: i32, value: i32) -> io::Result<i32> {
    host::option_udp(handle, option, value)
}

/// # Errors
/// The host's.
pub fn tos(handle: u32, value: i32) -> io::Result<i32> {
    host::tos(handle, value)
}

/// # Errors
/// The host's.
pub fn udp_multicast(handle: u32, op: i32, group: &str, other: &str) -> io::Result<()> {
    host::multicast_udp(handle, op, group, other)
}

/// Sends a DNS query from the new UDP socket `handle` (see `moat_abi`'s `dns_query`).
///
/// # Errors
/// The host's.
pub fn dns_query(
    handle: u32,
    server: SocketAddr,
    msg: &[u8],
    local: Option<std::net::IpAddr>,
) -> io::Result<()> {
    let local = local.map(|ip| ip.to_string()).unwrap_or_default();
    host::query_dns(&server.to_string(), msg, &local, handle)
}

/// The host name and service of `addr`: `Err` is `ENOTFOUND`, `EAI_AGAIN` or `EAI_FAIL`, or
/// an `io::Error` of the host's (`EACCES`).
pub fn lookup_service(
    addr: SocketAddr,
) -> Result<(String, String), Result<&'static str, io::Error>> {
    match host::lookup_service_dns(&addr.to_string()) {
        Ok(found) => Ok(found),
        Err(e) if e.raw_os_error() == Some(moat_abi::errno::NOENT) => Err(Ok("ENOTFOUND")),
        Err(e) if e.raw_os_error() == Some(moat_abi::errno::AGAIN) => Err(Ok("EAI_AGAIN")),
        Err(e) if e.raw_os_error() == Some(moat_abi::errno::IO) => Err(Ok("EAI_FAIL")),
        Err(e) => Err(Err(e)),
    }
}

/// The name servers of the host (its `/etc/resolv.conf`).
pub fn dns_servers() -> Vec<SocketAddr> {
    host::servers_dns()
        .unwrap_or_default()
        .iter()
        .filter_map(|a| a.parse().ok())
        .collect()
}

/// # Errors
/// `EAGAIN`, or the host's (`EACCES` for an address the grants do not cover).
pub fn send_to(handle: u32, buf: &[u8], addr: SocketAddr) -> io::Result<usize> {
    host::send_to(handle, buf, &addr.to_string())
}

/// # Errors
/// `EAGAIN`, or the host's.
pub fn recv_from(handle: u32, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
    let (n, from) = host::recv_from(handle, buf)?;
    let from = from
        .parse()
        .map_err(|_| io::Error::from(io::ErrorKind::InvalidData))?;
    Ok((n, from))
}

/// # Errors
/// `EAGAIN`, or the host's.
pub fn send(handle: u32, buf: &[u8]) -> io::Result<usize> {
    host::send(handle, buf)
}

/// # Errors
/// `EAGAIN`, or the host's.
pub fn recv(handle: u32, buf: &mut [u8]) -> io::Result<usize> {
    host::recv(handle, buf)
}

/// # Errors
/// The host's.
pub fn addr(handle: u32, peer: bool) -> io::Result<SocketAddr> {
    host::addr(handle, peer)?
        .parse()
        .map_err(|_| io::Error::from(io::ErrorKind::InvalidData))
}

/// The loop's wait, in the host: it watches the children and the sockets alike.
pub fn wait(queue: &EventQueue, timeout: Option<Duration>) -> Vec<Event> {
    queue.wait(timeout)
}
