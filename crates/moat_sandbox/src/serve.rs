//! `moat serve`'s imports on the host side (`moat_abi::serve`): the request an instance serves,
//! its body as a stream, and the response it gives, whole or as a stream.

use moat_abi::errno;
use moat_abi::serve::names;
use wasmtime::{Caller, Linker};

use crate::host::memory;

/// One request's exchange with an instance, as the server carries it out. Each method answers
/// one import; an `Err` is the error number the guest gets.
pub trait Exchange: Send {
    /// The request, encoded ([`moat_abi::serve::encode_request`]); `None` once taken.
    fn take_request(&mut self) -> Option<Vec<u8>>;
    /// Keeps the request for another try (the guest's buffer was short).
    fn put_back(&mut self, request: Vec<u8>);
    /// The next part of a streamed request body, at most `max` bytes (at least one), waiting
    /// until some arrive; empty at its end.
    fn read_body(&mut self, max: usize) -> Result<Vec<u8>, i32>;
    /// The response: its head (JSON, as the guest wrote it) and its body, or the body's first
    /// part when the head says `"more":true`.
    fn respond(&mut self, head: &[u8], body: &[u8]) -> Result<(), i32>;
    /// The next part of a streamed response body.
    fn write(&mut self, body: &[u8]) -> Result<(), i32>;
    /// The end of a streamed response body.
    fn end(&mut self) -> Result<(), i32>;
}

/// The most a response head may take.
const MAX_HEAD: u32 = 1 << 20;
/// The most one `serve_body_read` hands over.
const MAX_READ: u32 = 1 << 20;

/// Adds the imports; `exchange` finds a store's exchange (none for a run that serves nothing).
pub(crate) fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    exchange: fn(&mut T) -> Option<&mut (dyn Exchange + 'static)>,
) -> wasmtime::Result<()> {
    linker.func_wrap(
        moat_abi::MODULE,
        names::SERVE_REQUEST,
        move |mut caller: Caller<'_, T>, buf: u32, buf_len: u32, size_out: u32| -> i32 {
            let Some(mem) = memory(&mut caller) else {
                return errno::FAULT;
            };
            let Some(request) = exchange(caller.data_mut()).and_then(|x| x.take_request()) else {
                return errno::NOENT;
            };
            let size = (request.len() as u32).to_le_bytes();
            let code = if mem.write(&mut caller, size_out as usize, &size).is_err() {
                errno::FAULT
            } else if request.len() > buf_len as usize {
                errno::TOOBIG
            } else if mem.write(&mut caller, buf as usize, &request).is_err() {
                errno::FAULT
            } else {
                return errno::SUCCESS;
            };
            // Kept until the guest has it.
            if let Some(x) = exchange(caller.data_mut()) {
                x.put_back(request);
            }
            code
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SERVE_BODY_READ,
        move |mut caller: Caller<'_, T>, buf: u32, buf_len: u32, size_out: u32| -> i32 {
            let Some(mem) = memory(&mut caller) else {
                return errno::FAULT;
            };
            let start = buf as usize;
            let max = buf_len.min(MAX_READ) as usize;
            if max == 0 {
                return errno::INVAL;
            }
            if mem
                .data(&caller)
                .get(start..start.saturating_add(max))
                .is_none()
            {
                return errno::FAULT;
            }
            let Some(x) = exchange(caller.data_mut()) else {
                return errno::INVAL;
            };
            let chunk = match x.read_body(max) {
                Ok(c) => c,
                Err(code) => return code,
            };
            let chunk = &chunk[..chunk.len().min(max)];
            let size = (chunk.len() as u32).to_le_bytes();
            if mem.write(&mut caller, start, chunk).is_err()
                || mem.write(&mut caller, size_out as usize, &size).is_err()
            {
                return errno::FAULT;
            }
            errno::SUCCESS
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SERVE_RESPOND,
        move |mut caller: Caller<'_, T>,
              head: u32,
              head_len: u32,
              body: u32,
              body_len: u32|
              -> i32 {
            let Some(mem) = memory(&mut caller) else {
                return errno::FAULT;
            };
            if head_len > MAX_HEAD {
                return errno::TOOBIG;
            }
            let (data, state) = mem.data_and_store_mut(&mut caller);
            let (Some(h), Some(b)) = (range(data, head, head_len), range(data, body, body_len))
            else {
                return errno::FAULT;
            };
            match exchange(state) {
                Some(x) => into_code(x.respond(h, b)),
                None => errno::INVAL,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SERVE_WRITE,
        move |mut caller: Caller<'_, T>, body: u32, body_len: u32| -> i32 {
            let Some(mem) = memory(&mut caller) else {
                return errno::FAULT;
            };
            let (data, state) = mem.data_and_store_mut(&mut caller);
            let Some(b) = range(data, body, body_len) else {
                return errno::FAULT;
            };
            match exchange(state) {
                Some(x) => into_code(x.write(b)),
                None => errno::INVAL,
            }
        },
    )?;
    linker.func_wrap(
        moat_abi::MODULE,
        names::SERVE_END,
        move |mut caller: Caller<'_, T>| -> i32 {
            match exchange(caller.data_mut()) {
                Some(x) => into_code(x.end()),
                None => errno::INVAL,
            }
        },
    )?;
    Ok(())
}

/// Bytes `[at, at + len)` of guest memory, when they are all inside it.
fn range(data: &[u8], at: u32, len: u32) -> Option<&[u8]> {
    let start = at as usize;
    data.get(start..start.checked_add(len as usize)?)
}

fn into_code(r: Result<(), i32>) -> i32 {
    match r {
        Ok(()) => errno::SUCCESS,
        Err(code) => code,
    }
}
