//! Sockets natively: `moat_net`'s table for this thread, which the event loop's wait also
//! watches.

use std::cell::RefCell;
use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use moat_abi::Event;
use moat_net::Sockets;

use crate::sys::events::EventQueue;

thread_local! {
    static SOCKETS: RefCell<Option<Sockets>> = const { RefCell::new(None) };
}

/// Runs `f` on this thread's sockets, made on first use; `queue`'s pushes (children's
/// events) wake a wait on them from then on.
fn with<T>(f: impl FnOnce(&mut Sockets) -> io::Result<T>) -> io::Result<T> {
    SOCKETS.with(|cell| {
        let mut s = cell.borrow_mut();
        if s.is_none() {
            *s = Some(Sockets::new()?);
        }
        f(s.as_mut().expect("made above"))
    })
}

/// # Errors
/// The OS's.
pub fn connect(handle: u32, addr: SocketAddr) -> io::Result<()> {
    with(|s| s.connect(handle, addr))
}

/// # Errors
/// The OS's (`AddrInUse` …).
pub fn listen(handle: u32, addr: SocketAddr, backlog: i32, flags: u32) -> io::Result<()> {
    with(|s| s.listen_with(handle, addr, backlog, flags))
}

/// # Errors
/// The OS's (`AddrInUse` for a local address taken …).
pub fn connect_from(handle: u32, addr: SocketAddr, local: SocketAddr) -> io::Result<()> {
    with(|s| s.connect_from(handle, addr, local))
}

/// Connects a Unix-domain stream socket to `path` (a leading NUL byte: an abstract name).
///
/// # Errors
/// The OS's (`NotFound`, `ConnectionRefused`, `InvalidInput` for a path too long …).
pub fn connect_unix(handle: u32, path: &Path) -> io::Result<()> {
    with(|s| s.connect_unix(handle, path))
}

/// Makes the socket file `path` and listens there.
///
/// # Errors
/// The OS's (`AddrInUse` …).
pub fn listen_unix(handle: u32, path: &Path, backlog: i32) -> io::Result<()> {
    with(|s| s.listen_unix(handle, path, backlog))
}

/// # Errors
/// `WouldBlock` when no connection waits.
pub fn accept(listener: u32, handle: u32) -> io::Result<()> {
    with(|s| s.accept(listener, handle).map(drop))
}

/// # Errors
/// The OS's (`AddrInUse` …).
pub fn udp_bind(handle: u32, addr: SocketAddr) -> io::Result<()> {
    with(|s| s.udp_bind(handle, addr))
}

/// # Errors
/// The OS's (`AddrInUse` …).
pub fn udp_bind_with(handle: u32, addr: SocketAddr, flags: u32) -> io::Result<()> {
    with(|s| s.udp_bind_with(handle, addr, flags))
}

/// # Errors
/// The OS's.
pub fn udp_connect(handle: u32, addr: Option<SocketAddr>) -> io::Result<()> {
    with(|s| s.udp_connect(handle, addr))
}

/// # Errors
/// The OS's, `InvalidInput` for a value out of range.
pub fn udp_option(handle: u32, option: i32, value: i32) -> io::Result<i32> {
    with(|s| s.udp_option(handle, option, value))
}

/// Sets a TCP socket's type of service (-1: leaves it); returns the value it has then.
///
/// # Errors
/// The OS's (`InvalidInput` for no TCP stream).
pub fn tos(handle: u32, value: i32) -> io::Result<i32> {
    with(|s| s.tos(handle, value))
}

/// # Errors
/// The OS's, `InvalidInput` for an address that does not parse.
pub fn udp_multicast(handle: u32, op: i32, group: &str, other: &str) -> io::Result<()> {
    with(|s| s.udp_multicast(handle, op, group, other))
}

/// Sends a DNS query from the new UDP socket `handle`, connected to `server`.
///
/// # Errors
/// The OS's.
pub fn dns_query(
    handle: u32,
    server: SocketAddr,
    msg: &[u8],
    local: Option<std::net::IpAddr>,
) -> io::Result<()> {
    with(|s| s.dns_query(handle, server, msg, local))
}

/// The host name and service of `addr`: `Err` is `ENOTFOUND`, `EAI_AGAIN` or `EAI_FAIL`.
pub fn lookup_service(
    addr: SocketAddr,
) -> Result<(String, String), Result<&'static str, io::Error>> {
    use moat_net::dns::ServiceError;
    moat_net::dns::lookup_service(addr).map_err(|e| {
        Ok(match e {
            ServiceError::NotFound => "ENOTFOUND",
            ServiceError::Again => "EAI_AGAIN",
            ServiceError::Failed => "EAI_FAIL",
        })
    })
}

/// The system's name servers (`/etc/resolv.conf`).
pub fn dns_servers() -> Vec<SocketAddr> {
    moat_net::dns::system_servers()
}

/// # Errors
/// `WouldBlock`, or the OS's.
pub fn send_to(handle: u32, buf: &[u8], addr: SocketAddr) -> io::Result<usize> {
    with(|s| s.send_to(handle, buf, addr))
}

/// # Errors
/// `WouldBlock`, or the OS's.
pub fn recv_from(handle: u32, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
    with(|s| s.recv_from(handle, buf))
}

/// # Errors
/// `WouldBlock`, or the OS's.
pub fn send(handle: u32, buf: &[u8]) -> io::Result<usize> {
    with(|s| s.send(handle, buf))
}

/// # Errors
/// `WouldBlock`, or the OS's.
pub fn recv(handle: u32, buf: &mut [u8]) -> io::Result<usize> {
    with(|s| s.recv(handle, buf))
}

/// # Errors
/// An unknown handle, or no such address.
pub fn addr(handle: u32, peer: bool) -> io::Result<SocketAddr> {
    with(|s| s.addr(handle, peer))
}

/// # Errors
/// The OS's.
pub fn set_option(handle: u32, option: i32, on: bool) -> io::Result<()> {
    with(|s| s.set_option(handle, option, on))
}

/// # Errors
/// The OS's.
pub fn watch(handle: u32, bits: u8) -> io::Result<()> {
    with(|s| s.watch(handle, bits))
}

/// # Errors
/// The OS's.
pub fn shutdown(handle: u32, how: i32) -> io::Result<()> {
    with(|s| s.shutdown(handle, how))
}

pub fn close(handle: u32) {
    let _ = with(|s| {
        s.close(handle);
        Ok(())
    });
}

/// The loop's wait: for the queue's events and, when sockets are watched, their readiness
/// (the queue wakes the socket wait when something arrives).
pub fn wait(queue: &EventQueue, timeout: Option<Duration>) -> Vec<Event> {
    let waited = SOCKETS.with(|cell| {
        let mut s = cell.borrow_mut();
        let sockets = s.as_mut().filter(|s| s.watching())?;
        let waker = sockets.waker();
        queue.set_notify(move || {
            let _ = waker.wake();
        });
        let mut events = queue.take_now();
        let t = if events.is_empty() {
            timeout
        } else {
            Some(Duration::ZERO)
        };
        events.extend(sockets.wait(t).unwrap_or_default());
        events.extend(queue.take_now());
        Some(events)
    });
    waited.unwrap_or_else(|| queue.wait(timeout))
}
