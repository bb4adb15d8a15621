//! The `moat` host imports (`moat_abi`), as the guest calls them: what WASI preview 1 lacks.
//! Each wrapper turns the host's error number into an `io::Error` with WASI's raw code.

use std::io;
use std::time::Duration;

use moat_abi::{Command, Event, Output, errno};

moat_imports!(imports {
    fn proc_run(req: *const u8, req_len: usize, size_out: *mut u32) -> i32;
    fn take(buf: *mut u8, buf_len: usize) -> i32;
    fn proc_spawn(req: *const u8, req_len: usize, handle: u32, pid_out: *mut u32) -> i32;
    fn proc_exec(req: *const u8, req_len: usize) -> i32;
    fn proc_write(handle: u32, fd: i32, data: *const u8, data_len: usize) -> i32;
    fn proc_close(handle: u32, fd: i32) -> i32;
    fn proc_flow(handle: u32, fd: i32, paused: i32) -> i32;
    fn ipc_open(handle: u32, mode_out: *mut u32) -> i32;
    fn proc_kill(pid: i32, signal: i32) -> i32;
    fn sys_read(which: u32, size_out: *mut u32) -> i32;
    fn sys_user(size_out: *mut u32) -> i32;
    fn proc_get_priority(pid: i32, out: *mut i32) -> i32;
    fn proc_set_priority(pid: i32, priority: i32) -> i32;
    fn signal_watch(signal: i32, handle: u32) -> i32;
    fn signal_unwatch(signal: i32) -> i32;
    fn poll(timeout_ms: i64, size_out: *mut u32) -> i32;
    fn dns_lookup(name: *const u8, name_len: usize, size_out: *mut u32) -> i32;
    fn tcp_connect(addr: *const u8, addr_len: usize, handle: u32) -> i32;
    fn tcp_listen(addr: *const u8, addr_len: usize, backlog: i32, handle: u32) -> i32;
    fn tcp_listen_flags(
        addr: *const u8,
        addr_len: usize,
        backlog: i32,
        flags: u32,
        handle: u32,
    ) -> i32;
    fn tcp_connect_from(
        addr: *const u8,
        addr_len: usize,
        local: *const u8,
        local_len: usize,
        handle: u32,
    ) -> i32;
    fn tcp_accept(listener: u32, handle: u32) -> i32;
    fn unix_connect(path: *const u8, path_len: usize, handle: u32) -> i32;
    fn unix_listen(path: *const u8, path_len: usize, backlog: i32, handle: u32) -> i32;
    fn udp_bind(addr: *const u8, addr_len: usize, handle: u32) -> i32;
    fn udp_send_to(
        handle: u32,
        buf: *const u8,
        len: usize,
        addr: *const u8,
        addr_len: usize,
        n_out: *mut u32,
    ) -> i32;
    fn udp_recv_from(
        handle: u32,
        buf: *mut u8,
        len: usize,
        n_out: *mut u32,
        size_out: *mut u32,
    ) -> i32;
    fn udp_bind_flags(addr: *const u8, addr_len: usize, flags: u32, handle: u32) -> i32;
    fn udp_connect(handle: u32, addr: *const u8, addr_len: usize) -> i32;
    fn udp_option(handle: u32, option: i32, value: i32, out: *mut i32) -> i32;
    fn sock_tos(handle: u32, value: i32, out: *mut i32) -> i32;
    fn udp_multicast(
        handle: u32,
        op: i32,
        group: *const u8,
        group_len: usize,
        other: *const u8,
        other_len: usize,
    ) -> i32;
    fn dns_query(
        server: *const u8,
        server_len: usize,
        msg: *const u8,
        msg_len: usize,
        local: *const u8,
        local_len: usize,
        handle: u32,
    ) -> i32;
    fn dns_servers(size_out: *mut u32) -> i32;
    fn net_interfaces(size_out: *mut u32) -> i32;
    fn fs_readdir(path: *const u8, path_len: usize, size_out: *mut u32) -> i32;
    fn tls_system_store(size_out: *mut u32) -> i32;
    fn dns_lookup_service(addr: *const u8, addr_len: usize, size_out: *mut u32) -> i32;
    fn sock_send(handle: u32, buf: *const u8, len: usize, n_out: *mut u32) -> i32;
    fn sock_recv(handle: u32, buf: *mut u8, len: usize, n_out: *mut u32) -> i32;
    fn sock_addr(handle: u32, peer: i32, size_out: *mut u32) -> i32;
    fn sock_option(handle: u32, option: i32, value: i32) -> i32;
    fn sock_watch(handle: u32, interest: i32) -> i32;
    fn sock_shutdown(handle: u32, how: i32) -> i32;
    fn sock_close(handle: u32) -> i32;
    fn stdin_read(handle: u32) -> i32;
    fn tty_info(fd: i32, out: *mut u32) -> i32;
    fn tty_set_mode(fd: i32, mode: i32) -> i32;
    fn loop_idle(out: *mut u64) -> i32;
    fn worker_spawn(
        config: *const u8,
        config_len: usize,
        init: *const u8,
        init_len: usize,
        handle: u32,
        flags: u32,
        id_out: *mut u32,
    ) -> i32;
    fn worker_post(handle: u32, data: *const u8, data_len: usize) -> i32;
    fn worker_stop(handle: u32) -> i32;
    fn worker_self(id_out: *mut u32, size_out: *mut u32) -> i32;
    fn worker_post_parent(data: *const u8, data_len: usize) -> i32;
    fn worker_stopping() -> i32;
    fn port_open(id_out: *mut u64) -> i32;
    fn port_attach(id: u64, side: u32, handle: u32) -> i32;
    fn port_detach(id: u64, side: u32) -> i32;
    fn port_post(id: u64, side: u32, data: *const u8, data_len: usize) -> i32;
    fn port_close(id: u64, side: u32) -> i32;
});

#[link(wasm_import_module = "moat")]
unsafe extern "C" {
    #[link_name = "process_exit"]
    fn host_process_exit(code: i32) -> !;
}

fn check(code: i32) -> io::Result<()> {
    if code == errno::SUCCESS {
        Ok(())
    } else {
        Err(io::Error::from_raw_os_error(code))
    }
}

/// Copies out the answer the host stored, `size` bytes.
fn take_answer(size: u32) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; size as usize];
    if size > 0 {
        // SAFETY: the host writes at most `buf_len` bytes at `buf`.
        check(unsafe { take(buf.as_mut_ptr(), buf.len()) })?;
    }
    Ok(buf)
}

/// Runs `cmd` to completion in the host.
///
/// # Errors
/// The host's error: `EACCES` without the grant, the spawn error (`ENOENT`, …).
pub fn run(cmd: &Command) -> io::Result<Output> {
    let req = cmd.encode();
    let mut size = 0u32;
    // SAFETY: the host reads `req_len` bytes at `req` and writes one u32 at `size_out`.
    check(unsafe { proc_run(req.as_ptr(), req.len(), &mut size) })?;
    Output::decode(&take_answer(size)?).map_err(io::Error::other)
}

/// Has the host replace its program with `cmd` (`execve`): returns only when that fails.
pub fn exec(cmd: &Command) -> io::Error {
    let req = cmd.encode();
    // SAFETY: the host reads `req_len` bytes at `req`.
    match check(unsafe { proc_exec(req.as_ptr(), req.len()) }) {
        Err(e) => e,
        Ok(()) => io::Error::other("the host returned from execve"),
    }
}

/// Starts `cmd` in the host under `handle`; returns its pid.
///
/// # Errors
/// The host's error.
pub fn spawn(cmd: &Command, handle: u32) -> io::Result<u32> {
    let req = cmd.encode();
    let mut pid = 0u32;
    // SAFETY: as in `run`.
    check(unsafe { proc_spawn(req.as_ptr(), req.len(), handle, &mut pid) })?;
    Ok(pid)
}

/// Writes to a child's pipe `fd` (0: its stdin).
///
/// # Errors
/// `EPIPE` once the pipe is closed.
pub fn write_pipe(handle: u32, fd: i32, data: &[u8]) -> io::Result<()> {
    // SAFETY: the host reads `data_len` bytes at `data`.
    check(unsafe { proc_write(handle, fd, data.as_ptr(), data.len()) })
}

/// Closes the parent's end of a child's pipe `fd`.
pub fn close_pipe(handle: u32, fd: i32) {
    // SAFETY: no memory is passed.
    let _ = unsafe { proc_close(handle, fd) };
}

/// Stops or resumes reading a child's pipe `fd`.
pub fn pipe_flow(handle: u32, fd: i32, paused: bool) {
    // SAFETY: no memory is passed.
    let _ = unsafe { proc_flow(handle, fd, i32::from(paused)) };
}

/// Opens the IPC channel the host process was started with, under `handle`: its fd and
/// whether it uses advanced serialization.
///
/// # Errors
/// `ENOENT` when there is none.
pub fn open_channel(handle: u32) -> io::Result<(i32, bool)> {
    let mut out = [0u32; 2];
    // SAFETY: the host writes two u32 at `mode_out`.
    check(unsafe { ipc_open(handle, out.as_mut_ptr()) })?;
    Ok((out[0] as i32, out[1] == 1))
}

/// # Errors
/// `EPERM` for a process this instance did not start.
pub fn kill(pid: i32, signal: i32) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { proc_kill(pid, signal) })
}

/// The text of one of the machine's fact files ([`moat_abi::MACHINE_FILES`]), read by the host.
///
/// # Errors
/// `EINVAL` for a file not on that list; the host's error reading it.
pub fn machine_file(path: &str) -> io::Result<String> {
    let which = moat_abi::MACHINE_FILES
        .iter()
        .position(|f| *f == path)
        .ok_or_else(|| io::Error::from_raw_os_error(errno::INVAL))?;
    let mut size = 0u32;
    // SAFETY: the host writes one u32 at `size_out`.
    check(unsafe { sys_read(which as u32, &mut size) })?;
    String::from_utf8(take_answer(size)?).map_err(io::Error::other)
}

/// The account the host process runs as, which the guest's file calls act as.
///
/// # Errors
/// The host's.
pub fn account() -> io::Result<moat_abi::Account> {
    let mut size = 0u32;
    // SAFETY: the host writes one u32 at `size_out`.
    check(unsafe { sys_user(&mut size) })?;
    moat_abi::decode_account(&take_answer(size)?).map_err(io::Error::other)
}

/// The priority of the guest itself (`pid` 0 or its own) or of a process it started.
///
/// # Errors
/// `EPERM` for another process.
pub fn get_priority(pid: i32) -> io::Result<i32> {
    let mut out = 0i32;
    // SAFETY: the host writes one i32 at `out`.
    check(unsafe { proc_get_priority(pid, &mut out) })?;
    Ok(out)
}

/// # Errors
/// `EPERM` for a process the guest may not change; the system's refusal.
pub fn set_priority(pid: i32, priority: i32) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { proc_set_priority(pid, priority) })
}

/// # Errors
/// `EINVAL` for a signal that may not be watched.
pub fn watch_signal(signal: i32, handle: u32) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { signal_watch(signal, handle) })
}

pub fn unwatch_signal(signal: i32) {
    // SAFETY: no memory is passed.
    let _ = unsafe { signal_unwatch(signal) };
}

/// Waits in the host up to `timeout` (no limit when `None`, which needs a running child) for
/// events of the children this instance started.
///
/// # Errors
/// The host's error.
pub fn wait(timeout: Option<Duration>) -> io::Result<Vec<Event>> {
    if !super::moat_host() {
        // Only timers can be waited for: nothing else arrives without the host.
        if let Some(t) = timeout {
            std::thread::sleep(t);
        }
        return Ok(Vec::new());
    }
    // Rounded up: a timer due in 0.4 ms must not be waited for as 0.
    let ms = timeout.map_or(-1, |t| t.as_micros().div_ceil(1000) as i64);
    let mut size = 0u32;
    // SAFETY: the host writes one u32 at `size_out`.
    check(unsafe { poll(ms, &mut size) })?;
    if size == 0 {
        return Ok(Vec::new());
    }
    moat_abi::decode_events(&take_answer(size)?).map_err(io::Error::other)
}

/// The addresses `host` resolves to, as text.
///
/// # Errors
/// The host's error.
pub fn lookup(host: &str) -> io::Result<Vec<String>> {
    let mut size = 0u32;
    // SAFETY: the host reads `name_len` bytes at `name` and writes one u32 at `size_out`.
    check(unsafe { dns_lookup(host.as_ptr(), host.len(), &mut size) })?;
    moat_abi::decode_addresses(&take_answer(size)?).map_err(io::Error::other)
}

/// Starts connecting socket `handle` to `addr` (`ip:port`).
///
/// # Errors
/// The host's (`EACCES` without the grant).
pub fn connect(addr: &str, handle: u32) -> io::Result<()> {
    // SAFETY: the host reads `addr_len` bytes at `addr`.
    check(unsafe { tcp_connect(addr.as_ptr(), addr.len(), handle) })
}

/// # Errors
/// The host's (`EACCES`, `EADDRINUSE` …).
pub fn listen(addr: &str, backlog: i32, handle: u32) -> io::Result<()> {
    // SAFETY: as in `connect`.
    check(unsafe { tcp_listen(addr.as_ptr(), addr.len(), backlog, handle) })
}

/// Listens as `listen` does, with `moat_abi::tcp_flags`.
///
/// # Errors
/// The host's (`EACCES`, `EADDRINUSE` …).
pub fn listen_flags(addr: &str, backlog: i32, flags: u32, handle: u32) -> io::Result<()> {
    // SAFETY: as in `connect`.
    check(unsafe { tcp_listen_flags(addr.as_ptr(), addr.len(), backlog, flags, handle) })
}

/// Starts connecting socket `handle` to `addr` from the local address `local` (both `ip:port`).
///
/// # Errors
/// The host's (`EACCES` without the grant, `EADDRINUSE` …).
pub fn connect_from(addr: &str, local: &str, handle: u32) -> io::Result<()> {
    // SAFETY: the host reads `addr_len` bytes at `addr` and `local_len` at `local`.
    check(unsafe {
        tcp_connect_from(
            addr.as_ptr(),
            addr.len(),
            local.as_ptr(),
            local.len(),
            handle,
        )
    })
}

/// Connects Unix-domain socket `handle` to the socket file `path` (absolute).
///
/// # Errors
/// The host's (`EACCES` without the grants, `ENOENT`, `ECONNREFUSED` …).
pub fn connect_unix(path: &[u8], handle: u32) -> io::Result<()> {
    // SAFETY: the host reads `path_len` bytes at `path`.
    check(unsafe { unix_connect(path.as_ptr(), path.len(), handle) })
}

/// Makes the socket file `path` (absolute) and listens there as `handle`.
///
/// # Errors
/// The host's (`EACCES`, `EADDRINUSE` …).
pub fn listen_unix(path: &[u8], backlog: i32, handle: u32) -> io::Result<()> {
    // SAFETY: as in `connect_unix`.
    check(unsafe { unix_listen(path.as_ptr(), path.len(), backlog, handle) })
}

/// # Errors
/// `EAGAIN` when no connection waits.
pub fn accept(listener: u32, handle: u32) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { tcp_accept(listener, handle) })
}

/// # Errors
/// `EAGAIN`, or the host's.
pub fn send(handle: u32, buf: &[u8]) -> io::Result<usize> {
    let mut n = 0u32;
    // SAFETY: the host reads `len` bytes at `buf` and writes one u32 at `n_out`.
    check(unsafe { sock_send(handle, buf.as_ptr(), buf.len(), &mut n) })?;
    Ok(n as usize)
}

/// # Errors
/// `EAGAIN`, or the host's.
pub fn recv(handle: u32, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0u32;
    // SAFETY: the host writes at most `len` bytes at `buf` and one u32 at `n_out`.
    check(unsafe { sock_recv(handle, buf.as_mut_ptr(), buf.len(), &mut n) })?;
    Ok(n as usize)
}

/// The socket's own address or its peer's, as text.
///
/// # Errors
/// The host's.
pub fn addr(handle: u32, peer: bool) -> io::Result<String> {
    let mut size = 0u32;
    // SAFETY: the host writes one u32 at `size_out`.
    check(unsafe { sock_addr(handle, i32::from(peer), &mut size) })?;
    String::from_utf8(take_answer(size)?).map_err(io::Error::other)
}

/// # Errors
/// The host's.
pub fn set_option(handle: u32, option: i32, on: bool) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { sock_option(handle, option, i32::from(on)) })
}

/// # Errors
/// The host's.
pub fn watch(handle: u32, bits: u8) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { sock_watch(handle, i32::from(bits)) })
}

/// # Errors
/// The host's.
pub fn shutdown(handle: u32, how: i32) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { sock_shutdown(handle, how) })
}

pub fn close(handle: u32) {
    // SAFETY: no memory is passed.
    let _ = unsafe { sock_close(handle) };
}

/// Binds UDP socket `handle` to `addr` (`ip:port`).
///
/// # Errors
/// The host's.
pub fn bind_udp(addr: &str, handle: u32) -> io::Result<()> {
    // SAFETY: the host reads `addr_len` bytes at `addr`.
    check(unsafe { udp_bind(addr.as_ptr(), addr.len(), handle) })
}

/// Binds UDP socket `handle` to `addr` with `moat_abi::udp_flags`.
///
/// # Errors
/// The host's.
pub fn bind_udp_flags(addr: &str, flags: u32, handle: u32) -> io::Result<()> {
    // SAFETY: the host reads `addr_len` bytes at `addr`.
    check(unsafe { udp_bind_flags(addr.as_ptr(), addr.len(), flags, handle) })
}

/// Connects UDP socket `handle` to `addr` (`ip:port`), or with an empty one disconnects it.
///
/// # Errors
/// The host's (`EACCES` without the grant).
pub fn connect_udp(handle: u32, addr: &str) -> io::Result<()> {
    // SAFETY: the host reads `addr_len` bytes at `addr`.
    check(unsafe { udp_connect(handle, addr.as_ptr(), addr.len()) })
}

/// Sets a `moat_abi::udp_option`; returns the value it has then.
///
/// # Errors
/// The host's (`EINVAL` …).
pub fn option_udp(handle: u32, option: i32, value: i32) -> io::Result<i32> {
    let mut out = 0i32;
    // SAFETY: the host writes one i32 at `out`.
    check(unsafe { udp_option(handle, option, value, &mut out) })?;
    Ok(out)
}

/// Sets a TCP socket's type of service (-1: leaves it); returns the value it has then.
///
/// # Errors
/// The host's (`EINVAL` …).
pub fn tos(handle: u32, value: i32) -> io::Result<i32> {
    let mut out = 0i32;
    // SAFETY: the host writes one i32 at `out`.
    check(unsafe { sock_tos(handle, value, &mut out) })?;
    Ok(out)
}

/// A `moat_abi::udp_multicast` operation.
///
/// # Errors
/// The host's (`EINVAL`, `EACCES` …).
pub fn multicast_udp(handle: u32, op: i32, group: &str, other: &str) -> io::Result<()> {
    // SAFETY: the host reads the two texts.
    check(unsafe {
        udp_multicast(
            handle,
            op,
            group.as_ptr(),
            group.len(),
            other.as_ptr(),
            other.len(),
        )
    })
}

/// Sends the DNS query `msg` to `server` from the new UDP socket `handle`, bound to `local`
/// (may be empty).
///
/// # Errors
/// The host's (`EACCES` for a name or server the grants do not cover …).
pub fn query_dns(server: &str, msg: &[u8], local: &str, handle: u32) -> io::Result<()> {
    // SAFETY: the host reads the three buffers.
    check(unsafe {
        dns_query(
            server.as_ptr(),
            server.len(),
            msg.as_ptr(),
            msg.len(),
            local.as_ptr(),
            local.len(),
            handle,
        )
    })
}

/// The host name and service of `addr` (`ip:port`), from the host's `getnameinfo`.
///
/// # Errors
/// The host's: `ENOENT` for no name, `EAGAIN` for no answer now, `EACCES` without the grant.
pub fn lookup_service_dns(addr: &str) -> io::Result<(String, String)> {
    let mut size = 0u32;
    // SAFETY: the host reads `addr_len` bytes at `addr` and writes one u32 at `size_out`.
    check(unsafe { dns_lookup_service(addr.as_ptr(), addr.len(), &mut size) })?;
    let text = String::from_utf8(take_answer(size)?).map_err(io::Error::other)?;
    let (host, service) = text.split_once('\n').unwrap_or((&text, ""));
    Ok((host.to_string(), service.to_string()))
}

/// The host's name servers, `ip:port` each.
///
/// # Errors
/// The host's.
pub fn servers_dns() -> io::Result<Vec<String>> {
    let mut size = 0u32;
    // SAFETY: the host writes one u32 at `size_out`.
    check(unsafe { dns_servers(&mut size) })?;
    if size == 0 {
        return Ok(Vec::new());
    }
    moat_abi::decode_addresses(&take_answer(size)?).map_err(io::Error::other)
}

/// The names and `d_type`s ([`moat_abi::dir_type`]) of the entries of the directory `path`
/// (absolute), but `.` and `..`, as the host lists them.
///
/// # Errors
/// The host's: `EACCES` outside the read grant, `ENOENT`, `ENOTDIR`.
pub fn list_dir(path: &str) -> io::Result<Vec<(String, u8)>> {
    let mut size = 0u32;
    // SAFETY: the host reads `path_len` bytes at `path` and writes one u32 at `size_out`.
    check(unsafe { fs_readdir(path.as_ptr(), path.len(), &mut size) })?;
    moat_abi::decode_dir_entries(&take_answer(size)?).map_err(io::Error::other)
}

/// The addresses of the host's network interfaces.
///
/// # Errors
/// The host's: `EACCES` unless `--allow-net` is given with no list.
pub fn interfaces_net() -> io::Result<Vec<moat_abi::Interface>> {
    let mut size = 0u32;
    // SAFETY: the host writes one u32 at `size_out`.
    check(unsafe { net_interfaces(&mut size) })?;
    moat_abi::decode_interfaces(&take_answer(size)?).map_err(io::Error::other)
}

/// The text of the host's store of trusted root certificates, `None` when it has none.
///
/// # Errors
/// The host's.
pub fn system_store_tls() -> io::Result<Option<String>> {
    let mut size = 0u32;
    // SAFETY: the host writes one u32 at `size_out`.
    check(unsafe { tls_system_store(&mut size) })?;
    if size == 0 {
        return Ok(None);
    }
    String::from_utf8(take_answer(size)?)
        .map(Some)
        .map_err(io::Error::other)
}

/// # Errors
/// `EAGAIN`, or the host's.
pub fn send_to(handle: u32, buf: &[u8], addr: &str) -> io::Result<usize> {
    let mut n = 0u32;
    // SAFETY: the host reads the two buffers and writes one u32 at `n_out`.
    check(unsafe {
        udp_send_to(
            handle,
            buf.as_ptr(),
            buf.len(),
            addr.as_ptr(),
            addr.len(),
            &mut n,
        )
    })?;
    Ok(n as usize)
}

/// One datagram: its length (cut to `buf`) and its sender, as text.
///
/// # Errors
/// `EAGAIN`, or the host's.
pub fn recv_from(handle: u32, buf: &mut [u8]) -> io::Result<(usize, String)> {
    let (mut n, mut size) = (0u32, 0u32);
    // SAFETY: the host writes at most `len` bytes at `buf` and one u32 at each of the outs.
    check(unsafe { udp_recv_from(handle, buf.as_mut_ptr(), buf.len(), &mut n, &mut size) })?;
    let from = String::from_utf8(take_answer(size)?).map_err(io::Error::other)?;
    Ok((n as usize, from))
}

/// Ends the run with `code` (its low 8 bits, as Node's exit code).
pub fn exit(code: i32) -> ! {
    if !super::moat_host() {
        // WASI's proc_exit takes codes below 126 only.
        std::process::exit(if (0..126).contains(&(code & 0xff)) {
            code & 0xff
        } else {
            1
        });
    }
    // SAFETY: the host ends the run; nothing after the call runs.
    unsafe { host_process_exit(code) }
}

/// Has the host read its standard input for the guest, as `Data` events for `handle`.
pub fn read_stdin(handle: u32) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { stdin_read(handle) })
}

/// Whether the host's descriptor `fd` (0, 1, 2) is a terminal, and its columns and rows (0
/// when unknown).
pub fn terminal_info(fd: i32) -> io::Result<(bool, u32, u32)> {
    let mut out = [0u32; 3];
    // SAFETY: the host writes three u32 at `out`.
    check(unsafe { tty_info(fd, out.as_mut_ptr()) })?;
    Ok((out[0] != 0, out[1], out[2]))
}

/// Sets the terminal mode of the host's stdin (`moat_abi::tty_mode`).
pub fn set_terminal_mode(fd: i32, mode: i32) -> io::Result<()> {
    // SAFETY: no memory is passed.
    check(unsafe { tty_set_mode(fd, mode) })
}

/// How long the event loop has waited in the host's `poll` so far.
pub fn idle_time() -> io::Result<Duration> {
    let mut ns = 0u64;
    // SAFETY: the host writes one u64 at `out`.
    check(unsafe { loop_idle(&mut ns) })?;
    Ok(Duration::from_nanos(ns))
}

/// Starts a worker instance running the record `config`, given `init`; returns its thread id.
///
/// # Errors
/// `EACCES` without `--allow-worker`; the host's failure to start it.
pub fn spawn_worker(config: &str, init: &[u8], handle: u32, flags: u32) -> io::Result<u32> {
    let mut id = 0u32;
    // SAFETY: the host reads the two ranges and writes one u32 at `id_out`.
    check(unsafe {
        worker_spawn(
            config.as_ptr(),
            config.len(),
            init.as_ptr(),
            init.len(),
            handle,
            flags,
            &mut id,
        )
    })?;
    Ok(id)
}

/// Queues a message for the worker under `handle`.
pub fn post_worker(handle: u32, data: &[u8]) -> io::Result<()> {
    // SAFETY: the host reads `data_len` bytes at `data`.
    check(unsafe { worker_post(handle, data.as_ptr(), data.len()) })
}

/// Stops the worker under `handle`.
pub fn stop_worker(handle: u32) {
    // SAFETY: no memory is passed.
    let _ = unsafe { worker_stop(handle) };
}

/// In a worker: its thread id and (the first time) the data it was started with; `None` in an
/// instance that is no worker.
pub fn worker_info() -> io::Result<Option<(u32, Vec<u8>)>> {
    let (mut id, mut size) = (0u32, 0u32);
    // SAFETY: the host writes one u32 at each pointer.
    match check(unsafe { worker_self(&mut id, &mut size) }) {
        Ok(()) => Ok(Some((id, take_answer(size)?))),
        Err(e) if e.raw_os_error() == Some(errno::NOENT) => Ok(None),
        Err(e) => Err(e),
    }
}

/// In a worker: queues a message for the instance that started it.
pub fn post_parent(data: &[u8]) -> io::Result<()> {
    // SAFETY: the host reads `data_len` bytes at `data`.
    check(unsafe { worker_post_parent(data.as_ptr(), data.len()) })
}

/// Whether this worker is being stopped.
pub fn worker_is_stopping() -> bool {
    // SAFETY: no memory is passed.
    unsafe { worker_stopping() == 1 }
}

/// A new cross-thread channel, both ends detached.
pub fn open_port() -> u64 {
    let mut id = 0u64;
    // SAFETY: the host writes one u64 at `id_out`.
    let _ = unsafe { port_open(&mut id) };
    id
}

/// Attaches an end of channel `id` to this instance under `handle`.
pub fn attach_port(id: u64, side: u32, handle: u32) -> bool {
    // SAFETY: no memory is passed.
    unsafe { port_attach(id, side, handle) == errno::SUCCESS }
}

/// Detaches an end of channel `id`.
pub fn detach_port(id: u64, side: u32) {
    // SAFETY: no memory is passed.
    let _ = unsafe { port_detach(id, side) };
}

/// Posts `data` from an end of channel `id` to the other.
pub fn post_port(id: u64, side: u32, data: &[u8]) -> bool {
    // SAFETY: the host reads `data_len` bytes at `data`.
    unsafe { port_post(id, side, data.as_ptr(), data.len()) == errno::SUCCESS }
}

/// Closes channel `id`.
pub fn close_port(id: u64, side: u32) {
    // SAFETY: no memory is passed.
    let _ = unsafe { port_close(id, side) };
}
