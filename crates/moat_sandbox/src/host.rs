//! The host side of the `moat` imports (`moat_abi`): each call reads its request from guest
//! memory, is checked against the grants, and answers with an error number.

use std::collections::HashMap;
use std::time::Duration;

use moat_abi::{Command, Event, errno, names};
use wasmtime::{Caller, Linker, Memory};

/// What the imports may do for one instance, its children, and the answer waiting for `take`.
#[derive(Default)]
pub struct HostCalls {
    /// What the guest may ask for: `child_process` and `net` are read here.
    grants: moat_permissions::Grants,
    /// The guest's environment: what a child gets when the request names none.
    env: Vec<(String, String)>,
    pending: Option<Vec<u8>>,
    /// Running children by the guest's handle.
    children: HashMap<u32, moat_proc::Child>,
    /// Events from the children's threads, for `poll`.
    events: moat_proc::EventQueue,
}

impl HostCalls {
    pub fn new(grants: moat_permissions::Grants, env: Vec<(String, String)>) -> Self {
        HostCalls {
            grants,
            env,
            ..HostCalls::default()
        }
    }

    /// Stores `answer` for `take` and tells the guest its length.
    fn answer<T>(
        caller: &mut Caller<'_, T>,
        calls: fn(&mut T) -> &mut HostCalls,
        answer: Vec<u8>,
        size_out: u32,
    ) -> i32 {
        let code = write(caller, size_out, &(answer.len() as u32).to_le_bytes());
        if code == errno::SUCCESS {
            calls(caller.data_mut()).pending = (!answer.is_empty()).then_some(answer);
        }
        code
    }
}

fn memory<T>(caller: &mut Caller<'_, T>) -> Option<Memory> {
    caller.get_export("memory")?.into_memory()
}

/// Bytes `[ptr, ptr + len)` of guest memory, copied.
fn read<T>(caller: &mut Caller<'_, T>, ptr: u32, len: u32) -> Option<Vec<u8>> {
    let mem = memory(caller)?;
    let start = ptr as usize;
    mem.data(&*caller)
        .get(start..start.checked_add(len as usize)?)
        .map(<[u8]>::to_vec)
}

/// Copies `bytes` into guest memory at `ptr`: [`errno::SUCCESS`], or [`errno::FAULT`] when
/// they do not fit.
fn write<T>(caller: &mut Caller<'_, T>, ptr: u32, bytes: &[u8]) -> i32 {
    match memory(caller).map(|m| m.write(&mut *caller, ptr as usize, bytes)) {
        Some(Ok(())) => errno::SUCCESS,
        _ => errno::FAULT,
    }
}

/// The [`Command`] a process call asks for, once the grant allows processes at all; a request
/// that names no environment gets the guest's own. `Err` is the error number to answer.
fn command<T>(
    caller: &mut Caller<'_, T>,
    calls: fn(&mut T) -> &mut HostCalls,
    req: u32,
    req_len: u32,
) -> Result<Command, i32> {
    if !calls(caller.data_mut()).grants.child_process {
        return Err(errno::ACCES);
    }
    let bytes = read(caller, req, req_len).ok_or(errno::FAULT)?;
    let mut cmd = Command::decode(&bytes).map_err(|_| errno::INVAL)?;
    if cmd.env.is_none() {
        cmd.env = Some(calls(caller.data_mut()).env.clone());
    }
    Ok(cmd)
}

/// Adds the `moat` imports to `linker`; `calls` finds an instance's [`HostCalls`].
///
/// # Errors
/// A name already defined in `linker`.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    calls: fn(&mut T) -> &mut HostCalls,
) -> wasmtime::Result<()> {
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_RUN,
        move |mut caller: Caller<'_, T>, req: u32, req_len: u32, size_out: u32| -> i32 {
            let cmd = match command(&mut caller, calls, req, req_len) {
                Ok(cmd) => cmd,
                Err(code) => return code,
            };
            match moat_proc::spawn_sync(&cmd) {
                Ok(out) => HostCalls::answer(&mut caller, calls, out.encode(), size_out),
                Err(e) => os_errno(&e),
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_SPAWN,
        move |mut caller: Caller<'_, T>,
              req: u32,
              req_len: u32,
              handle: u32,
              pid_out: u32|
              -> i32 {
            let cmd = match command(&mut caller, calls, req, req_len) {
                Ok(cmd) => cmd,
                Err(code) => return code,
            };
            let host = calls(caller.data_mut());
            let events = host.events.clone();
            let child = match moat_proc::spawn(&cmd, handle, move |e| events.push(e)) {
                Ok(child) => child,
                Err(e) => return os_errno(&e),
            };
            let pid = child.pid;
            host.children.insert(handle, child);
            write(&mut caller, pid_out, &pid.to_le_bytes())
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_WRITE,
        move |mut caller: Caller<'_, T>, handle: u32, data: u32, len: u32| -> i32 {
            let Some(bytes) = read(&mut caller, data, len) else {
                return errno::FAULT;
            };
            match calls(caller.data_mut()).children.get(&handle) {
                Some(c) => c
                    .write_stdin(&bytes)
                    .map_or_else(|e| os_errno(&e), |()| errno::SUCCESS),
                None => errno::PIPE,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_CLOSE_STDIN,
        move |mut caller: Caller<'_, T>, handle: u32| -> i32 {
            if let Some(c) = calls(caller.data_mut()).children.get(&handle) {
                c.close_stdin();
            }
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::PROC_KILL,
        move |mut caller: Caller<'_, T>, pid: i32, signal: i32| -> i32 {
            let own = calls(caller.data_mut())
                .children
                .values()
                .any(|c| c.pid as i32 == pid);
            if !own {
                return errno::PERM;
            }
            moat_proc::kill(pid, signal).map_or_else(|e| os_errno(&e), |()| errno::SUCCESS)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::POLL,
        move |mut caller: Caller<'_, T>, timeout_ms: i64, size_out: u32| -> i32 {
            let timeout = u64::try_from(timeout_ms).ok().map(Duration::from_millis);
            let host = calls(caller.data_mut());
            // With no child to wait for, a wait without a limit would never end.
            if timeout.is_none() && host.children.is_empty() {
                return errno::INVAL;
            }
            let events = host.events.wait(timeout);
            for e in &events {
                if let Event::Exit { handle, .. } | Event::Error { handle, .. } = e {
                    host.children.remove(handle);
                }
            }
            let encoded = if events.is_empty() {
                Vec::new()
            } else {
                moat_abi::encode_events(&events)
            };
            HostCalls::answer(&mut caller, calls, encoded, size_out)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::TAKE,
        move |mut caller: Caller<'_, T>, buf: u32, buf_len: u32| -> i32 {
            let Some(answer) = calls(caller.data_mut()).pending.take() else {
                return errno::INVAL;
            };
            if answer.len() > buf_len as usize {
                calls(caller.data_mut()).pending = Some(answer);
                return errno::TOOBIG;
            }
            write(&mut caller, buf, &answer)
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::DNS_LOOKUP,
        move |mut caller: Caller<'_, T>, name: u32, name_len: u32, size_out: u32| -> i32 {
            let Some(bytes) = read(&mut caller, name, name_len) else {
                return errno::FAULT;
            };
            let Ok(host) = String::from_utf8(bytes) else {
                return errno::INVAL;
            };
            if !calls(caller.data_mut()).grants.net_allowed(&host) {
                return errno::ACCES;
            }
            match lookup(&host) {
                Ok(addresses) => HostCalls::answer(
                    &mut caller,
                    calls,
                    moat_abi::encode_addresses(&addresses),
                    size_out,
                ),
                Err(_) => errno::NOENT,
            }
        },
    )?;
    Ok(())
}

/// The addresses `host` resolves to, through the host's resolver.
fn lookup(host: &str) -> std::io::Result<Vec<String>> {
    use std::net::ToSocketAddrs;
    let mut out: Vec<String> = Vec::new();
    for a in (host, 0).to_socket_addrs()? {
        let ip = a.ip().to_string();
        if !out.contains(&ip) {
            out.push(ip);
        }
    }
    Ok(out)
}

/// The WASI error number for a host OS error.
fn os_errno(e: &std::io::Error) -> i32 {
    match e.kind() {
        std::io::ErrorKind::NotFound => errno::NOENT,
        std::io::ErrorKind::PermissionDenied => errno::ACCES,
        _ => errno::IO,
    }
}
