//! Sockets on the host: TCP streams and listeners, Unix-domain stream sockets and listeners, and
//! UDP sockets, each known by a handle its owner chose, with readiness reported as [`Event::Ready`]. The native runtime and the
//! sandbox host (behind the `moat_abi` socket imports) both build on it. Nothing here checks
//! permissions: callers do, before asking.
//!
//! Readiness is level-triggered over mio's edge-triggered events: a socket stays readable
//! until a read or accept finds nothing ([`std::io::ErrorKind::WouldBlock`]), and writable
//! until a write would block.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use mio::net::{TcpListener, TcpStream, UdpSocket, UnixListener, UnixStream};
use mio::{Events, Interest, Poll, Token, Waker};
use moat_abi::{Event, interest};

pub mod dns;
pub mod interfaces;
pub mod trust;

/// The index of the network interface a scope names: a number, or an interface's name (0 when
/// there is none such, the system's choice).
fn scope_index(scope: &str) -> u32 {
    if let Ok(n) = scope.parse() {
        return n;
    }
    if scope.is_empty() || scope.contains('/') || scope.contains("..") {
        return 0;
    }
    std::fs::read_to_string(format!("/sys/class/net/{scope}/ifindex"))
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

/// Sets `SO_REUSEPORT`: sockets bound to the same address and port share its datagrams.
#[cfg(target_os = "linux")]
fn set_reuse_port(socket: &socket2::Socket) -> io::Result<()> {
    socket.set_reuse_port(true)
}

#[cfg(not(target_os = "linux"))]
fn set_reuse_port(_socket: &socket2::Socket) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The token of the [`Waker`]; sockets use their handle plus one.
const WAKER: Token = Token(0);

enum Kind {
    Stream(TcpStream),
    Listener(TcpListener),
    Udp(UdpSocket),
    UnixStream(UnixStream),
    /// With the file it made, removed when the listener is closed (none for an abstract name).
    UnixListener(UnixListener, Option<PathBuf>),
}

/// The address of a Unix-domain socket at `path`; a path that starts with a NUL byte is a
/// name in Linux's abstract namespace. `InvalidInput` for one too long for `sun_path`.
fn unix_addr(path: &Path) -> io::Result<socket2::SockAddr> {
    if path.as_os_str().is_empty() {
        return Err(io::Error::from(io::ErrorKind::InvalidInput));
    }
    socket2::SockAddr::unix(path)
}

/// Whether `path` fits a Unix-domain socket address (see [`Sockets::connect_unix`]).
pub fn unix_path_fits(path: &Path) -> bool {
    unix_addr(path).is_ok()
}

fn is_abstract(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().first() == Some(&0)
}

struct Socket {
    kind: Kind,
    /// What the owner wants to hear about ([`interest`] bits), and what is ready now.
    watch: u8,
    ready: u8,
    registered: bool,
}

impl Socket {
    fn source(&mut self) -> &mut dyn mio::event::Source {
        match &mut self.kind {
            Kind::Stream(s) => s,
            Kind::Listener(l) => l,
            Kind::Udp(u) => u,
            Kind::UnixStream(s) => s,
            Kind::UnixListener(l, _) => l,
        }
    }
}

/// The sockets of one owner and the poller that watches them.
pub struct Sockets {
    poll: Poll,
    events: Events,
    waker: Arc<Waker>,
    table: HashMap<u32, Socket>,
}

fn unknown() -> io::Error {
    io::Error::from(io::ErrorKind::NotConnected)
}

impl Sockets {
    /// # Errors
    /// The OS refusing a poller.
    pub fn new() -> io::Result<Self> {
        let poll = Poll::new()?;
        let waker = Arc::new(Waker::new(poll.registry(), WAKER)?);
        Ok(Sockets {
            poll,
            events: Events::with_capacity(256),
            waker,
            table: HashMap::new(),
        })
    }

    /// Wakes a [`Sockets::wait`] from another thread (a child process's output arriving).
    pub fn waker(&self) -> Arc<Waker> {
        self.waker.clone()
    }

    /// True when some socket's readiness is watched.
    pub fn watching(&self) -> bool {
        self.table.values().any(|s| s.watch != 0)
    }

    fn insert(&mut self, handle: u32, kind: Kind, ready: u8) -> io::Result<()> {
        if self.table.contains_key(&handle) || handle == u32::MAX {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        self.table.insert(
            handle,
            Socket {
                kind,
                watch: 0,
                ready,
                registered: false,
            },
        );
        Ok(())
    }

    fn get(&mut self, handle: u32) -> io::Result<&mut Socket> {
        self.table.get_mut(&handle).ok_or_else(unknown)
    }

    /// Starts connecting to `addr` without waiting; the socket turns writable when connected.
    ///
    /// # Errors
    /// A handle in use, or the OS refusing the socket.
    pub fn connect(&mut self, handle: u32, addr: SocketAddr) -> io::Result<()> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        let stream = TcpStream::connect(addr)?;
        self.insert(handle, Kind::Stream(stream), 0)
    }

    /// Starts connecting as [`Sockets::connect`] does, from the local address `local` (port 0:
    /// one the OS picks), bound first.
    ///
    /// # Errors
    /// A handle in use, `local` taken (`AddrInUse`) or not this machine's, or the OS refusing
    /// to start.
    pub fn connect_from(
        &mut self,
        handle: u32,
        addr: SocketAddr,
        local: SocketAddr,
    ) -> io::Result<()> {
        let socket = self.new_stream_socket(handle, addr)?;
        socket.bind(&local.into())?;
        socket.set_nonblocking(true)?;
        match socket.connect(&addr.into()) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {}
            Err(e) => return Err(e),
        }
        let stream = TcpStream::from_std(socket.into());
        self.insert(handle, Kind::Stream(stream), 0)
    }

    /// A new TCP socket of `addr`'s family, for a handle not yet in use.
    fn new_stream_socket(&self, handle: u32, addr: SocketAddr) -> io::Result<socket2::Socket> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        socket2::Socket::new(
            socket2::Domain::for_address(addr),
            socket2::Type::STREAM,
            None,
        )
    }

    /// Binds a listener to `addr` with room for `backlog` waiting connections.
    ///
    /// # Errors
    /// A handle in use, or the OS refusing the address (`AddrInUse` …).
    pub fn listen(&mut self, handle: u32, addr: SocketAddr, backlog: i32) -> io::Result<()> {
        self.listen_with(handle, addr, backlog, 0)
    }

    /// Listens as [`Sockets::listen`] does, with [`moat_abi::tcp_flags`]: for an IPv6 address,
    /// whether it takes IPv6 only; `SO_REUSEPORT`.
    ///
    /// # Errors
    /// A handle in use, or the OS refusing the address (`AddrInUse` …).
    pub fn listen_with(
        &mut self,
        handle: u32,
        addr: SocketAddr,
        backlog: i32,
        flags: u32,
    ) -> io::Result<()> {
        let socket = self.new_stream_socket(handle, addr)?;
        // As Node does, so a restarted server can take its port back at once.
        socket.set_reuse_address(true)?;
        if flags & moat_abi::tcp_flags::REUSE_PORT != 0 {
            set_reuse_port(&socket)?;
        }
        if addr.is_ipv6() {
            socket.set_only_v6(flags & moat_abi::tcp_flags::IPV6_ONLY != 0)?;
        }
        socket.bind(&addr.into())?;
        socket.listen(backlog.max(1))?;
        socket.set_nonblocking(true)?;
        let listener = TcpListener::from_std(socket.into());
        self.insert(handle, Kind::Listener(listener), 0)
    }

    /// Connects a Unix-domain stream socket to `path` (see [`Sockets::listen_unix`] for the
    /// abstract namespace). Such a connection is made or refused at once, so this answers the
    /// OS's error (`NotFound`, `ConnectionRefused` …) itself; a connected socket is writable.
    ///
    /// # Errors
    /// A handle in use, a path too long (`InvalidInput`), or the OS refusing the connection.
    pub fn connect_unix(&mut self, handle: u32, path: &Path) -> io::Result<()> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        let addr = unix_addr(path)?;
        let socket = socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None)?;
        socket.set_nonblocking(true)?;
        socket.connect(&addr)?;
        let stream = std::os::unix::net::UnixStream::from(OwnedFd::from(socket));
        self.insert(handle, Kind::UnixStream(UnixStream::from_std(stream)), 0)
    }

    /// Binds a Unix-domain listener to `path`, a file it makes (a path that starts with a NUL
    /// byte names a socket in Linux's abstract namespace instead, which has no file), with room
    /// for `backlog` waiting connections. Closing the listener removes the file.
    ///
    /// # Errors
    /// A handle in use, a path too long (`InvalidInput`), or the OS refusing the path
    /// (`AddrInUse` when something is there already …).
    pub fn listen_unix(&mut self, handle: u32, path: &Path, backlog: i32) -> io::Result<()> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        let addr = unix_addr(path)?;
        let socket = socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None)?;
        socket.bind(&addr)?;
        let file = (!is_abstract(path)).then(|| path.to_path_buf());
        let listening = socket
            .listen(backlog.max(1))
            .and_then(|()| socket.set_nonblocking(true));
        if let Err(e) = listening {
            if let Some(f) = &file {
                let _ = std::fs::remove_file(f);
            }
            return Err(e);
        }
        let listener = std::os::unix::net::UnixListener::from(OwnedFd::from(socket));
        self.insert(
            handle,
            Kind::UnixListener(UnixListener::from_std(listener), file),
            0,
        )
    }

    /// Takes a waiting connection from `listener` (TCP or Unix-domain) as `handle`; returns the
    /// peer's address for TCP.
    ///
    /// # Errors
    /// `WouldBlock` when none waits.
    pub fn accept(&mut self, listener: u32, handle: u32) -> io::Result<Option<SocketAddr>> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        let s = self.get(listener)?;
        let accepted = match &s.kind {
            Kind::Listener(l) => l.accept().map(|(t, peer)| (Kind::Stream(t), Some(peer))),
            Kind::UnixListener(l, _) => l.accept().map(|(u, _)| (Kind::UnixStream(u), None)),
            _ => return Err(io::Error::from(io::ErrorKind::InvalidInput)),
        };
        match accepted {
            Ok((kind, peer)) => {
                self.insert(handle, kind, interest::WRITABLE)?;
                Ok(peer)
            }
            Err(e) => {
                if e.kind() == io::ErrorKind::WouldBlock {
                    s.ready &= !interest::READABLE;
                }
                Err(e)
            }
        }
    }

    /// Binds a UDP socket to `addr`.
    ///
    /// # Errors
    /// A handle in use, or the OS refusing the address.
    pub fn udp_bind(&mut self, handle: u32, addr: SocketAddr) -> io::Result<()> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        let socket = UdpSocket::bind(addr)?;
        self.insert(handle, Kind::Udp(socket), interest::WRITABLE)
    }

    /// Binds a UDP socket to `addr` with [`moat_abi::udp_flags`]: `SO_REUSEADDR`, `SO_REUSEPORT`, and for an
    /// IPv6 address whether it takes IPv6 only (else IPv4 too, as [`Sockets::udp_bind`]).
    ///
    /// # Errors
    /// A handle in use, or the OS refusing the address.
    pub fn udp_bind_with(&mut self, handle: u32, addr: SocketAddr, flags: u32) -> io::Result<()> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        let socket = socket2::Socket::new(
            socket2::Domain::for_address(addr),
            socket2::Type::DGRAM,
            None,
        )?;
        if flags & moat_abi::udp_flags::REUSE_ADDR != 0 {
            socket.set_reuse_address(true)?;
        }
        if flags & moat_abi::udp_flags::REUSE_PORT != 0 {
            set_reuse_port(&socket)?;
        }
        if addr.is_ipv6() {
            socket.set_only_v6(flags & moat_abi::udp_flags::IPV6_ONLY != 0)?;
        }
        socket.bind(&addr.into())?;
        socket.set_nonblocking(true)?;
        let udp = UdpSocket::from_std(socket.into());
        self.insert(handle, Kind::Udp(udp), interest::WRITABLE)
    }

    /// Sends the DNS query `msg` from a new UDP socket `handle`, bound to `local` (or any
    /// address of the server's family) and connected to `server`: its answer is read with
    /// [`Sockets::recv`], and a server that refuses it is a `ConnectionRefused` read.
    ///
    /// # Errors
    /// A handle in use, or the OS's.
    pub fn dns_query(
        &mut self,
        handle: u32,
        server: SocketAddr,
        msg: &[u8],
        local: Option<IpAddr>,
    ) -> io::Result<()> {
        if self.table.contains_key(&handle) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        let any: IpAddr = if server.is_ipv4() {
            Ipv4Addr::UNSPECIFIED.into()
        } else {
            Ipv6Addr::UNSPECIFIED.into()
        };
        let from = SocketAddr::new(local.unwrap_or(any), 0);
        let socket = socket2::Socket::new(
            socket2::Domain::for_address(server),
            socket2::Type::DGRAM,
            None,
        )?;
        socket.bind(&from.into())?;
        socket.connect(&server.into())?;
        socket.set_nonblocking(true)?;
        socket.send(msg)?;
        let udp = UdpSocket::from_std(socket.into());
        self.insert(handle, Kind::Udp(udp), interest::WRITABLE)
    }

    /// Connects a UDP socket to `addr` (datagrams then come only from there, and go there
    /// unless addressed), or with `None` undoes that.
    ///
    /// # Errors
    /// An unknown handle or one not UDP, or the OS's.
    pub fn udp_connect(&mut self, handle: u32, addr: Option<SocketAddr>) -> io::Result<()> {
        let Kind::Udp(u) = &self.get(handle)?.kind else {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        };
        match addr {
            Some(a) => u.connect(a),
            None => {
                // A zeroed address is `AF_UNSPEC`, which dissolves the association.
                let storage = socket2::SockAddrStorage::zeroed();
                // SAFETY: a zeroed storage is a valid address of the family `AF_UNSPEC`, and
                // the length covers its family field.
                let unspec = unsafe { socket2::SockAddr::new(storage, 2) };
                match socket2::SockRef::from(u).connect(&unspec) {
                    // Linux may answer EAFNOSUPPORT after disconnecting a socket.
                    Err(e) if e.raw_os_error() != Some(97) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }

    /// Sets one of a UDP socket's [`moat_abi::udp_option`]s to `value` and returns the value it
    /// has then; for the buffer sizes a `value` of 0 or less only reads it.
    ///
    /// # Errors
    /// An unknown handle, option or value (`InvalidInput`), or the OS's.
    pub fn udp_option(&mut self, handle: u32, option: i32, value: i32) -> io::Result<i32> {
        use moat_abi::udp_option as o;
        let Kind::Udp(u) = &self.get(handle)?.kind else {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        };
        let v6 = u.local_addr()?.is_ipv6();
        let s = socket2::SockRef::from(u);
        let invalid = || io::Error::from(io::ErrorKind::InvalidInput);
        let byte = || {
            u32::try_from(value)
                .ok()
                .filter(|v| *v <= 255)
                .ok_or_else(invalid)
        };
        match option {
            o::BROADCAST => s.set_broadcast(value != 0).map(|()| value),
            o::TTL => {
                let ttl = byte()?;
                if ttl == 0 {
                    return Err(invalid());
                }
                if v6 {
                    s.set_unicast_hops_v6(ttl)?;
                } else {
                    s.set_ttl_v4(ttl)?;
                }
                Ok(value)
            }
            o::MULTICAST_TTL => {
                let ttl = byte()?;
                if v6 {
                    s.set_multicast_hops_v6(ttl)?;
                } else {
                    s.set_multicast_ttl_v4(ttl)?;
                }
                Ok(value)
            }
            o::MULTICAST_LOOP => {
                if v6 {
                    s.set_multicast_loop_v6(value != 0)?;
                } else {
                    s.set_multicast_loop_v4(value != 0)?;
                }
                Ok(value)
            }
            o::RECV_BUFFER | o::SEND_BUFFER => {
                let recv = option == o::RECV_BUFFER;
                if value > 0 {
                    let size = value as usize;
                    if recv {
                        s.set_recv_buffer_size(size)?;
                    } else {
                        s.set_send_buffer_size(size)?;
                    }
                }
                let size = if recv {
                    s.recv_buffer_size()?
                } else {
                    s.send_buffer_size()?
                };
                Ok(i32::try_from(size).unwrap_or(i32::MAX))
            }
            _ => Err(invalid()),
        }
    }

    /// A multicast operation ([`moat_abi::udp_multicast`]) on a UDP socket: joining or leaving
    /// `group` on the interface `other` (an address; empty for the system's choice), joining or
    /// leaving `group` for the source `other`, or choosing the interface `group` for outgoing
    /// multicast (an IPv4 address, or an IPv6 one with its `%scope`).
    ///
    /// # Errors
    /// An unknown handle, an address that does not parse or fit the socket (`InvalidInput`),
    /// or the OS's.
    pub fn udp_multicast(
        &mut self,
        handle: u32,
        op: i32,
        group: &str,
        other: &str,
    ) -> io::Result<()> {
        use moat_abi::udp_multicast as m;
        let Kind::Udp(u) = &self.get(handle)?.kind else {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        };
        let v6 = u.local_addr()?.is_ipv6();
        let s = socket2::SockRef::from(u);
        let invalid = || io::Error::from(io::ErrorKind::InvalidInput);
        match op {
            m::ADD | m::DROP => {
                let add = op == m::ADD;
                match group.parse::<IpAddr>().map_err(|_| invalid())? {
                    IpAddr::V4(g) => {
                        let iface = if other.is_empty() {
                            Ipv4Addr::UNSPECIFIED
                        } else {
                            other.parse().map_err(|_| invalid())?
                        };
                        if add {
                            s.join_multicast_v4(&g, &iface)
                        } else {
                            s.leave_multicast_v4(&g, &iface)
                        }
                    }
                    IpAddr::V6(g) => {
                        let index = if other.is_empty() {
                            0
                        } else {
                            scope_index(other.rsplit('%').next().unwrap_or(""))
                        };
                        if add {
                            s.join_multicast_v6(&g, index)
                        } else {
                            s.leave_multicast_v6(&g, index)
                        }
                    }
                }
            }
            m::ADD_SOURCE | m::DROP_SOURCE => {
                let (Ok(IpAddr::V4(source)), Ok(IpAddr::V4(g))) =
                    (other.parse::<IpAddr>(), group.parse::<IpAddr>())
                else {
                    return Err(invalid());
                };
                if op == m::ADD_SOURCE {
                    s.join_ssm_v4(&source, &g, &Ipv4Addr::UNSPECIFIED)
                } else {
                    s.leave_ssm_v4(&source, &g, &Ipv4Addr::UNSPECIFIED)
                }
            }
            m::INTERFACE if v6 => {
                let (ip, scope) = group.split_once('%').unwrap_or((group, ""));
                ip.parse::<Ipv6Addr>().map_err(|_| invalid())?;
                s.set_multicast_if_v6(scope_index(scope))
            }
            m::INTERFACE => {
                let ip: Ipv4Addr = group.parse().map_err(|_| invalid())?;
                s.set_multicast_if_v4(&ip)
            }
            _ => Err(invalid()),
        }
    }

    /// Writes to a connected socket.
    ///
    /// # Errors
    /// `WouldBlock` when nothing can be written now; the OS's error otherwise.
    pub fn send(&mut self, handle: u32, buf: &[u8]) -> io::Result<usize> {
        let s = self.get(handle)?;
        let r = match &mut s.kind {
            Kind::Stream(t) => t.write(buf),
            Kind::UnixStream(t) => t.write(buf),
            Kind::Udp(u) => u.send(buf),
            Kind::Listener(_) | Kind::UnixListener(..) => return Err(unknown()),
        };
        if matches!(&r, Err(e) if e.kind() == io::ErrorKind::WouldBlock) {
            s.ready &= !interest::WRITABLE;
        }
        r
    }

    /// Reads from a connected socket; `Ok(0)` is the end of the stream.
    ///
    /// A stream read that fills less than `buf` took everything that had arrived, so the
    /// socket stops counting as readable until the poller sees more: the caller need not read
    /// again to learn that it would block.
    ///
    /// # Errors
    /// `WouldBlock` when nothing is waiting; the OS's error otherwise.
    pub fn recv(&mut self, handle: u32, buf: &mut [u8]) -> io::Result<usize> {
        let s = self.get(handle)?;
        let (r, stream) = match &mut s.kind {
            Kind::Stream(t) => (t.read(buf), true),
            Kind::UnixStream(t) => (t.read(buf), true),
            Kind::Udp(u) => (u.recv(buf), false),
            Kind::Listener(_) | Kind::UnixListener(..) => return Err(unknown()),
        };
        match &r {
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => s.ready &= !interest::READABLE,
            Ok(n) if stream && *n > 0 && *n < buf.len() => s.ready &= !interest::READABLE,
            _ => {}
        }
        r
    }

    /// Sends one datagram to `addr`.
    ///
    /// # Errors
    /// `WouldBlock`, or the OS's error.
    pub fn send_to(&mut self, handle: u32, buf: &[u8], addr: SocketAddr) -> io::Result<usize> {
        let s = self.get(handle)?;
        let Kind::Udp(u) = &s.kind else {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        };
        let r = u.send_to(buf, addr);
        if matches!(&r, Err(e) if e.kind() == io::ErrorKind::WouldBlock) {
            s.ready &= !interest::WRITABLE;
        }
        r
    }

    /// Reads one datagram; returns its length (cut to `buf`) and sender.
    ///
    /// # Errors
    /// `WouldBlock`, or the OS's error.
    pub fn recv_from(&mut self, handle: u32, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        let s = self.get(handle)?;
        let Kind::Udp(u) = &s.kind else {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        };
        let r = u.recv_from(buf);
        if matches!(&r, Err(e) if e.kind() == io::ErrorKind::WouldBlock) {
            s.ready &= !interest::READABLE;
        }
        r
    }

    /// The socket's own address, or its peer's.
    ///
    /// # Errors
    /// An unknown handle, or a socket with no such address (`InvalidInput` for a Unix-domain
    /// one, which has no IP address).
    pub fn addr(&mut self, handle: u32, peer: bool) -> io::Result<SocketAddr> {
        match &self.get(handle)?.kind {
            Kind::Stream(t) if peer => t.peer_addr(),
            Kind::Stream(t) => t.local_addr(),
            Kind::Listener(l) if !peer => l.local_addr(),
            Kind::Udp(u) if peer => u.peer_addr(),
            Kind::Udp(u) => u.local_addr(),
            Kind::Listener(_) => Err(unknown()),
            Kind::UnixStream(_) | Kind::UnixListener(..) => {
                Err(io::Error::from(io::ErrorKind::InvalidInput))
            }
        }
    }

    /// Sets `TCP_NODELAY`, `SO_KEEPALIVE` or a resetting `SO_LINGER` (see `moat_abi::sock_option`).
    /// A Unix-domain stream has none of these: it takes `NODELAY` and `KEEPALIVE` and ignores
    /// them.
    ///
    /// # Errors
    /// An unknown handle or option, or the OS's error.
    pub fn set_option(&mut self, handle: u32, option: i32, on: bool) -> io::Result<()> {
        let t = match &self.get(handle)?.kind {
            Kind::Stream(t) => t,
            Kind::UnixStream(_)
                if matches!(
                    option,
                    moat_abi::sock_option::NODELAY | moat_abi::sock_option::KEEPALIVE
                ) =>
            {
                return Ok(());
            }
            _ => return Err(io::Error::from(io::ErrorKind::InvalidInput)),
        };
        match option {
            moat_abi::sock_option::NODELAY => t.set_nodelay(on),
            moat_abi::sock_option::KEEPALIVE => socket2::SockRef::from(t).set_keepalive(on),
            moat_abi::sock_option::LINGER_RESET => {
                socket2::SockRef::from(t).set_linger(on.then_some(std::time::Duration::ZERO))
            }
            _ => Err(io::Error::from(io::ErrorKind::InvalidInput)),
        }
    }

    /// Sets a TCP stream's type of service (`IP_TOS`, or `IPV6_TCLASS` for an IPv6 one) to
    /// `value` when it is 0 to 255 (-1 leaves it) and returns the value it has then.
    ///
    /// # Errors
    /// An unknown handle, not a TCP stream, or a value out of range (`InvalidInput`); the OS's.
    pub fn tos(&mut self, handle: u32, value: i32) -> io::Result<i32> {
        let Kind::Stream(t) = &self.get(handle)?.kind else {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        };
        if !(-1..=255).contains(&value) {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        }
        let sock = socket2::SockRef::from(t);
        let v6 = t.local_addr()?.is_ipv6();
        if let Ok(v) = u32::try_from(value) {
            if v6 {
                sock.set_tclass_v6(v)?;
            } else {
                sock.set_tos_v4(v)?;
            }
        }
        let now = if v6 {
            sock.tclass_v6()?
        } else {
            sock.tos_v4()?
        };
        Ok(now as i32)
    }

    /// Shuts a stream down for reading (0), writing (1) or both (2).
    ///
    /// # Errors
    /// An unknown handle or `how`, or the OS's error.
    pub fn shutdown(&mut self, handle: u32, how: i32) -> io::Result<()> {
        let how = match how {
            0 => Shutdown::Read,
            1 => Shutdown::Write,
            2 => Shutdown::Both,
            _ => return Err(io::Error::from(io::ErrorKind::InvalidInput)),
        };
        match &self.get(handle)?.kind {
            Kind::Stream(t) => t.shutdown(how),
            Kind::UnixStream(t) => t.shutdown(how),
            _ => Err(io::Error::from(io::ErrorKind::InvalidInput)),
        }
    }

    /// Closes a socket and forgets its handle (nothing happens for an unknown one). A
    /// Unix-domain listener's file is removed.
    pub fn close(&mut self, handle: u32) {
        let Some(mut s) = self.table.remove(&handle) else {
            return;
        };
        if s.registered {
            let _ = self.poll.registry().deregister(s.source());
        }
        if let Kind::UnixListener(_, Some(file)) = &s.kind {
            let _ = std::fs::remove_file(file);
        }
    }

    /// Sets which readiness to report for a socket ([`interest`] bits; 0 for none).
    ///
    /// # Errors
    /// An unknown handle, or the OS refusing to watch it.
    pub fn watch(&mut self, handle: u32, bits: u8) -> io::Result<()> {
        let registry = self.poll.registry();
        let s = self.table.get_mut(&handle).ok_or_else(unknown)?;
        s.watch = bits & (interest::READABLE | interest::WRITABLE);
        if !s.registered {
            // Registered once for both directions, so no edge is missed while unwatched.
            let token = Token(handle as usize + 1);
            let both = Interest::READABLE | Interest::WRITABLE;
            match &mut s.kind {
                Kind::Stream(t) => registry.register(t, token, both)?,
                Kind::Listener(l) => registry.register(l, token, Interest::READABLE)?,
                Kind::Udp(u) => registry.register(u, token, both)?,
                Kind::UnixStream(t) => registry.register(t, token, both)?,
                Kind::UnixListener(l, _) => registry.register(l, token, Interest::READABLE)?,
            }
            // (epoll reports at once what is already ready when a socket is added.)
            s.registered = true;
        }
        Ok(())
    }

    /// Waits up to `timeout` (without limit when `None`) for watched sockets to be ready or
    /// for the waker, then returns the watched sockets that are ready.
    ///
    /// # Errors
    /// The OS's poll failing.
    pub fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Vec<Event>> {
        let mut out = self.ready_events();
        let timeout = if out.is_empty() {
            timeout
        } else {
            Some(Duration::ZERO)
        };
        match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
        for e in &self.events {
            if e.token() == WAKER {
                continue;
            }
            let handle = (e.token().0 - 1) as u32;
            let Some(s) = self.table.get_mut(&handle) else {
                continue;
            };
            if e.is_readable() || e.is_read_closed() || e.is_error() {
                s.ready |= interest::READABLE;
            }
            if e.is_writable() || e.is_write_closed() || e.is_error() {
                s.ready |= interest::WRITABLE;
            }
            if e.is_read_closed() || e.is_error() {
                s.ready |= interest::CLOSED;
            }
        }
        out = self.ready_events();
        Ok(out)
    }

    fn ready_events(&self) -> Vec<Event> {
        let mut out: Vec<Event> = self
            .table
            .iter()
            .filter(|(_, s)| s.ready & (s.watch | interest::CLOSED) != 0 && s.watch != 0)
            .map(|(&handle, s)| Event::Ready {
                handle,
                readiness: s.ready & (s.watch | interest::CLOSED),
            })
            .collect();
        out.sort_by_key(|e| match e {
            Event::Ready { handle, .. } => *handle,
            _ => 0,
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use moat_abi::interest::{READABLE, WRITABLE};

    fn ready_of(events: &[Event], h: u32) -> u8 {
        events
            .iter()
            .find_map(|e| match e {
                Event::Ready { handle, readiness } if *handle == h => Some(*readiness),
                _ => None,
            })
            .unwrap_or(0)
    }

    /// Waits until socket `h` reports `bits`.
    fn wait_for(s: &mut Sockets, h: u32, bits: u8) {
        for _ in 0..200 {
            let events = s.wait(Some(Duration::from_millis(20))).unwrap();
            if ready_of(&events, h) & bits == bits {
                return;
            }
        }
        panic!("socket {h} never became ready for {bits}");
    }

    #[test]
    fn a_connection_carries_bytes_both_ways_and_ends() {
        let mut s = Sockets::new().unwrap();
        s.listen(1, "127.0.0.1:0".parse().unwrap(), 16).unwrap();
        let addr = s.addr(1, false).unwrap();
        s.watch(1, READABLE).unwrap();
        s.connect(2, addr).unwrap();
        s.watch(2, WRITABLE).unwrap();
        wait_for(&mut s, 1, READABLE);
        let peer = s.accept(1, 3).unwrap();
        assert_eq!(peer, Some(s.addr(2, false).unwrap()));
        assert_eq!(
            s.accept(1, 4).unwrap_err().kind(),
            io::ErrorKind::WouldBlock
        );
        wait_for(&mut s, 2, WRITABLE);
        assert_eq!(s.send(2, b"ping").unwrap(), 4);
        s.watch(3, READABLE).unwrap();
        wait_for(&mut s, 3, READABLE);
        let mut buf = [0u8; 16];
        assert_eq!(s.recv(3, &mut buf).unwrap(), 4);
        assert_eq!(&buf[..4], b"ping");
        assert_eq!(
            s.recv(3, &mut buf).unwrap_err().kind(),
            io::ErrorKind::WouldBlock
        );
        s.shutdown(2, 1).unwrap();
        wait_for(&mut s, 3, READABLE);
        assert_eq!(s.recv(3, &mut buf).unwrap(), 0);
        s.close(2);
        s.close(3);
        s.close(1);
        assert!(!s.watching());
    }

    #[test]
    fn unwatched_sockets_are_not_reported_and_handles_are_unique() {
        let mut s = Sockets::new().unwrap();
        s.udp_bind(1, "127.0.0.1:0".parse().unwrap()).unwrap();
        s.udp_bind(2, "127.0.0.1:0".parse().unwrap()).unwrap();
        let to = s.addr(2, false).unwrap();
        assert_eq!(s.send_to(1, b"dgram", to).unwrap(), 5);
        assert!(s.wait(Some(Duration::from_millis(10))).unwrap().is_empty());
        s.watch(2, READABLE).unwrap();
        wait_for(&mut s, 2, READABLE);
        let mut buf = [0u8; 3];
        let (n, from) = s.recv_from(2, &mut buf).unwrap();
        assert_eq!((n, &buf[..]), (3, &b"dgr"[..]));
        assert_eq!(from, s.addr(1, false).unwrap());
        assert_eq!(
            s.udp_bind(1, "127.0.0.1:0".parse().unwrap())
                .unwrap_err()
                .kind(),
            io::ErrorKind::AlreadyExists
        );
        assert_eq!(
            s.send(9, b"x").unwrap_err().kind(),
            io::ErrorKind::NotConnected
        );
    }

    #[test]
    fn a_refused_connection_reports_its_error() {
        let mut s = Sockets::new().unwrap();
        // A port just freed: nothing listens there.
        s.listen(1, "127.0.0.1:0".parse().unwrap(), 1).unwrap();
        let addr = s.addr(1, false).unwrap();
        s.close(1);
        s.connect(2, addr).unwrap();
        s.watch(2, READABLE | WRITABLE).unwrap();
        let mut buf = [0u8; 4];
        let err = loop {
            let _ = s.wait(Some(Duration::from_millis(20))).unwrap();
            match s.recv(2, &mut buf) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                other => break other.unwrap_err(),
            }
        };
        assert_eq!(err.kind(), io::ErrorKind::ConnectionRefused);
    }

    #[test]
    fn a_unix_socket_carries_bytes_and_its_file_goes_with_the_listener() {
        let dir = std::env::temp_dir().join(format!("moat_net_unix_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.sock");
        let mut s = Sockets::new().unwrap();
        assert_eq!(
            s.connect_unix(1, &path).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        s.listen_unix(1, &path, 8).unwrap();
        assert_eq!(
            s.listen_unix(2, &path, 8).unwrap_err().kind(),
            io::ErrorKind::AddrInUse
        );
        s.watch(1, READABLE).unwrap();
        s.connect_unix(2, &path).unwrap();
        s.watch(2, WRITABLE).unwrap();
        wait_for(&mut s, 1, READABLE);
        assert_eq!(s.accept(1, 3).unwrap(), None);
        wait_for(&mut s, 2, WRITABLE);
        assert_eq!(s.send(2, b"unix").unwrap(), 4);
        s.watch(3, READABLE).unwrap();
        wait_for(&mut s, 3, READABLE);
        let mut buf = [0u8; 8];
        assert_eq!(s.recv(3, &mut buf).unwrap(), 4);
        assert_eq!(&buf[..4], b"unix");
        s.shutdown(3, 1).unwrap();
        wait_for(&mut s, 2, WRITABLE);
        s.watch(2, READABLE).unwrap();
        wait_for(&mut s, 2, READABLE);
        assert_eq!(s.recv(2, &mut buf).unwrap(), 0);
        assert_eq!(
            s.addr(2, true).unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
        s.close(2);
        s.close(3);
        assert!(path.exists());
        s.close(1);
        assert!(!path.exists());
        // Nothing listens there now: a file that is no socket refuses.
        std::fs::write(&path, b"").unwrap();
        assert_eq!(
            s.connect_unix(4, &path).unwrap_err().kind(),
            io::ErrorKind::ConnectionRefused
        );
        let long = dir.join("x".repeat(120));
        assert_eq!(
            s.listen_unix(5, &long, 1).unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_abstract_name_has_no_file() {
        let name = format!("\0moat_net_abstract_{}", std::process::id());
        let path = Path::new(&name);
        let mut s = Sockets::new().unwrap();
        s.listen_unix(1, path, 4).unwrap();
        s.connect_unix(2, path).unwrap();
        s.watch(1, READABLE).unwrap();
        wait_for(&mut s, 1, READABLE);
        assert_eq!(s.accept(1, 3).unwrap(), None);
        s.close(1);
        assert_eq!(
            s.connect_unix(4, path).unwrap_err().kind(),
            io::ErrorKind::ConnectionRefused
        );
    }

    #[test]
    fn the_waker_ends_a_wait() {
        let mut s = Sockets::new().unwrap();
        let w = s.waker();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            w.wake().unwrap();
        });
        let start = std::time::Instant::now();
        assert!(s.wait(Some(Duration::from_secs(5))).unwrap().is_empty());
        assert!(start.elapsed() < Duration::from_secs(4));
        t.join().unwrap();
    }
}
