//! The request a `moat serve` instance serves, and its response (`moat_abi::serve`). Only the
//! sandbox guest serves requests; natively there is none.

use std::io;

/// A request: its head (JSON, see `moat_abi::serve`) and body.
pub struct Request {
    pub head: String,
    pub body: Vec<u8>,
}

#[cfg(target_os = "wasi")]
moat_imports!(imports {
    fn serve_request(buf: *mut u8, buf_len: usize, size_out: *mut u32) -> i32;
    fn serve_body_read(buf: *mut u8, buf_len: usize, size_out: *mut u32) -> i32;
    fn serve_respond(head: *const u8, head_len: usize, body: *const u8, body_len: usize) -> i32;
    fn serve_write(body: *const u8, body_len: usize) -> i32;
    fn serve_end() -> i32;
});

/// The request this instance serves; `None` when it serves none.
///
/// # Errors
/// The host's error.
#[cfg(target_os = "wasi")]
pub fn request() -> io::Result<Option<Request>> {
    use moat_abi::errno;
    // Most requests' heads fit; a longer one is asked for again with room for it.
    let mut buf = vec![0u8; 4096];
    loop {
        let mut size = 0u32;
        // SAFETY: `buf` is writable for its length; `size` is a u32 to write.
        let code = unsafe { serve_request(buf.as_mut_ptr(), buf.len(), &mut size) };
        match code {
            errno::SUCCESS => {
                buf.truncate(size as usize);
                let Some((head, body)) = moat_abi::serve::decode_request(&buf) else {
                    return Err(io::Error::other("the host sent a damaged request"));
                };
                let head = String::from_utf8_lossy(head).into_owned();
                return Ok(Some(Request {
                    head,
                    body: body.to_vec(),
                }));
            }
            errno::TOOBIG => buf.resize(size as usize, 0),
            errno::NOENT => return Ok(None),
            other => return Err(io::Error::from_raw_os_error(other)),
        }
    }
}

/// Natively no request is served.
///
/// # Errors
/// Never.
#[cfg(not(target_os = "wasi"))]
pub fn request() -> io::Result<Option<Request>> {
    Ok(None)
}

/// The next part of a streamed request body (at most 64 KiB), waiting until it arrives; `None`
/// at its end.
///
/// # Errors
/// The host's error (`EIO` when the client's body broke off, `EINVAL` when none streams).
#[cfg(target_os = "wasi")]
pub fn read_body() -> io::Result<Option<Vec<u8>>> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u32;
    // SAFETY: `buf` is writable for its length; `size` is a u32 to write.
    check(unsafe { serve_body_read(buf.as_mut_ptr(), buf.len(), &mut size) })?;
    if size == 0 {
        return Ok(None);
    }
    buf.truncate(size as usize);
    Ok(Some(buf))
}

/// Natively no request is served.
///
/// # Errors
/// Always `EINVAL`.
#[cfg(not(target_os = "wasi"))]
pub fn read_body() -> io::Result<Option<Vec<u8>>> {
    Err(io::Error::from(io::ErrorKind::InvalidInput))
}

/// Sends the next part of a response body begun with `"more":true` in its head.
///
/// # Errors
/// The host's error (`EPIPE` once the client is gone).
#[cfg(target_os = "wasi")]
pub fn write(body: &[u8]) -> io::Result<()> {
    // SAFETY: the range is readable for its length.
    check(unsafe { serve_write(body.as_ptr(), body.len()) })
}

/// Natively there is no request to answer.
///
/// # Errors
/// Always `EINVAL`.
#[cfg(not(target_os = "wasi"))]
pub fn write(_body: &[u8]) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::InvalidInput))
}

/// Ends a streamed response body.
///
/// # Errors
/// The host's error.
#[cfg(target_os = "wasi")]
pub fn end() -> io::Result<()> {
    // SAFETY: no arguments.
    check(unsafe { serve_end() })
}

/// Natively there is no request to answer.
///
/// # Errors
/// Always `EINVAL`.
#[cfg(not(target_os = "wasi"))]
pub fn end() -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::InvalidInput))
}

#[cfg(target_os = "wasi")]
fn check(code: i32) -> io::Result<()> {
    match code {
        0 => Ok(()),
        other => Err(io::Error::from_raw_os_error(other)),
    }
}

/// Answers the request with a head (JSON) and body (its first part, when the head says
/// `"more":true`).
///
/// # Errors
/// The host's error (`EINVAL` when there is no request or it has an answer).
#[cfg(target_os = "wasi")]
pub fn respond(head: &[u8], body: &[u8]) -> io::Result<()> {
    // SAFETY: both ranges are readable for their lengths.
    check(unsafe { serve_respond(head.as_ptr(), head.len(), body.as_ptr(), body.len()) })
}

/// Natively there is no request to answer.
///
/// # Errors
/// Always `EINVAL`.
#[cfg(not(target_os = "wasi"))]
pub fn respond(_head: &[u8], _body: &[u8]) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::InvalidInput))
}
