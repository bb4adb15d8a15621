//! The host side of the `moat` imports (`moat_abi`): each call reads its request from guest
//! memory, is checked against the grants, and answers with an error number.

use moat_abi::{Command, errno, names};
use wasmtime::{Caller, Linker, Memory};

/// What the imports may do for one instance, and the answer waiting for `take`.
#[derive(Default)]
pub struct HostCalls {
    /// `--allow-child-process`.
    child_process: bool,
    /// The guest's environment: what a child gets when the request names none.
    env: Vec<(String, String)>,
    pending: Option<Vec<u8>>,
}

impl HostCalls {
    pub fn new(child_process: bool, env: Vec<(String, String)>) -> Self {
        HostCalls {
            child_process,
            env,
            pending: None,
        }
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

fn write<T>(caller: &mut Caller<'_, T>, ptr: u32, bytes: &[u8]) -> bool {
    memory(caller).is_some_and(|m| m.write(&mut *caller, ptr as usize, bytes).is_ok())
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
            if !calls(caller.data_mut()).child_process {
                return errno::ACCES;
            }
            let Some(bytes) = read(&mut caller, req, req_len) else {
                return errno::FAULT;
            };
            let Ok(mut cmd) = Command::decode(&bytes) else {
                return errno::INVAL;
            };
            if cmd.env.is_none() {
                cmd.env = Some(calls(caller.data_mut()).env.clone());
            }
            let out = match moat_proc::spawn_sync(&cmd) {
                Ok(out) => out.encode(),
                Err(e) => return os_errno(&e),
            };
            if !write(&mut caller, size_out, &(out.len() as u32).to_le_bytes()) {
                return errno::FAULT;
            }
            calls(caller.data_mut()).pending = Some(out);
            errno::SUCCESS
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
            if write(&mut caller, buf, &answer) {
                errno::SUCCESS
            } else {
                errno::FAULT
            }
        },
    )?;
    Ok(())
}

/// The WASI error number for a host OS error.
fn os_errno(e: &std::io::Error) -> i32 {
    match e.kind() {
        std::io::ErrorKind::NotFound => errno::NOENT,
        std::io::ErrorKind::PermissionDenied => errno::ACCES,
        _ => errno::IO,
    }
}
