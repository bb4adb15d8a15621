//! `moat serve`'s imports on the host side (`moat_abi::serve`): the request an instance serves
//! and the response it gives.

use moat_abi::errno;
use moat_abi::serve::names;
use wasmtime::{Caller, Linker};

use crate::host::memory;

/// One request's exchange with an instance.
#[derive(Debug, Default)]
pub struct Exchange {
    /// The request, encoded ([`moat_abi::serve::encode_request`]).
    pub request: Vec<u8>,
    /// The response head (JSON) and body, once the instance answered.
    pub response: Option<(Vec<u8>, Vec<u8>)>,
}

/// The most a response head may take.
const MAX_HEAD: u32 = 1 << 20;

/// Adds the imports; `exchange` finds a store's exchange (none for a run that serves nothing).
pub(crate) fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    exchange: fn(&mut T) -> Option<&mut Exchange>,
) -> wasmtime::Result<()> {
    linker.func_wrap(
        moat_abi::MODULE,
        names::SERVE_REQUEST,
        move |mut caller: Caller<'_, T>, buf: u32, buf_len: u32, size_out: u32| -> i32 {
            let Some(mem) = memory(&mut caller) else {
                return errno::FAULT;
            };
            let Some(request) = exchange(caller.data_mut()).map(|x| std::mem::take(&mut x.request))
            else {
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
                errno::SUCCESS
            };
            // Kept until the guest has it.
            if code != errno::SUCCESS
                && let Some(x) = exchange(caller.data_mut())
            {
                x.request = request;
            }
            code
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
            match exchange(caller.data_mut()) {
                Some(x) if x.response.is_none() => {}
                _ => return errno::INVAL,
            }
            if head_len > MAX_HEAD {
                return errno::TOOBIG;
            }
            let data = mem.data(&caller);
            let range = |at: u32, len: u32| {
                let start = at as usize;
                data.get(start..start.checked_add(len as usize)?)
            };
            let (Some(h), Some(b)) = (range(head, head_len), range(body, body_len)) else {
                return errno::FAULT;
            };
            let response = (h.to_vec(), b.to_vec());
            if let Some(x) = exchange(caller.data_mut()) {
                x.response = Some(response);
            }
            errno::SUCCESS
        },
    )?;
    Ok(())
}
