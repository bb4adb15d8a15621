//! HTTP/1.x message heads, parsed with `httparse` for `node:http` (requests and responses) and
//! `fetch` (responses). A head comes back as one flat array of plain values; the JS half builds
//! messages, headers and bodies from it.

use std::borrow::Cow;

use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, prelude::Opt};

/// Node's default limit on the number of header fields (`maxHeadersCount`).
const MAX_HEADERS: usize = 2000;
/// Node's default limit on the size of a head (`--max-http-header-size`).
const MAX_HEAD_BYTES: usize = 16 * 1024;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "parseResponse",
        Function::new(ctx.clone(), parse_response)?.with_name("parseResponse")?,
    )?;
    o.set(
        "parseRequest",
        Function::new(ctx.clone(), parse_request)?.with_name("parseRequest")?,
    )?;
    o.set(
        "parseResponseHead",
        Function::new(ctx.clone(), parse_response_head)?.with_name("parseResponseHead")?,
    )?;
    o.set(
        "parseChunkSize",
        Function::new(ctx.clone(), parse_chunk_size)?.with_name("parseChunkSize")?,
    )?;
    // `http.METHODS`: the ones the parser takes.
    let methods = Array::new(ctx.clone())?;
    for (i, m) in METHODS.iter().enumerate() {
        methods.set(i, latin1(m))?;
    }
    o.set("methods", methods)?;
    Ok(())
}

/// The chunk-size line at the start of `bytes` (a chunked body's, extensions allowed):
/// `[length, size]` with `length` the bytes the line took, `undefined` while it is incomplete,
/// a thrown `Error` when it is not a chunk size or the size does not fit in 2^53.
fn parse_chunk_size<'js>(ctx: Ctx<'js>, bytes: TypedArray<'js, u8>) -> Result<Option<Vec<f64>>> {
    let raw = bytes
        .as_raw()
        .ok_or_else(|| rquickjs::Exception::throw_type(&ctx, "detached buffer"))?;
    // SAFETY: the view is live and no JavaScript runs while the bytes are parsed.
    let data = unsafe { raw.as_ref() };
    match httparse::parse_chunk_size(data) {
        Ok(httparse::Status::Partial) => Ok(None),
        Ok(httparse::Status::Complete((length, size))) if size < 1 << 53 => {
            Ok(Some(vec![length as f64, size as f64]))
        }
        _ => Err(rquickjs::Exception::throw_message(
            &ctx,
            "invalid chunk size",
        )),
    }
}

/// The response head at the start of `bytes`: `[length, status, reason, minorVersion, name,
/// value, name, value, …]` with `length` the bytes it took (names and values as Latin-1, as
/// Node reads them), `undefined` while it is incomplete, a thrown `Error` when it is not HTTP
/// or runs past 16 KiB.
fn parse_response<'js>(ctx: Ctx<'js>, bytes: TypedArray<'js, u8>) -> Result<Option<Array<'js>>> {
    let raw = bytes
        .as_raw()
        .ok_or_else(|| rquickjs::Exception::throw_type(&ctx, "detached buffer"))?;
    // SAFETY: the view is live and no JavaScript runs before the copy is made. (Building the
    // answer may run JS, e.g. a setter on Array.prototype, so the parse reads the copy.)
    let all = unsafe { raw.as_ref() };
    let data = all[..all.len().min(MAX_HEAD_BYTES)].to_vec();
    let mut room = 64;
    loop {
        let mut headers = vec![httparse::EMPTY_HEADER; room];
        let mut response = httparse::Response::new(&mut headers);
        match response.parse(&data) {
            Ok(httparse::Status::Partial) if data.len() < MAX_HEAD_BYTES => return Ok(None),
            Ok(httparse::Status::Partial) => {
                return Err(rquickjs::Exception::throw_message(&ctx, "Header overflow"));
            }
            Ok(httparse::Status::Complete(length)) => {
                let out = Array::new(ctx.clone())?;
                out.set(0, length)?;
                out.set(1, response.code.unwrap_or(0))?;
                out.set(2, response.reason.unwrap_or(""))?;
                out.set(3, response.version.unwrap_or(1))?;
                for (i, h) in response.headers.iter().enumerate() {
                    out.set(4 + 2 * i, h.name)?;
                    out.set(5 + 2 * i, latin1(h.value))?;
                }
                return Ok(Some(out));
            }
            Err(httparse::Error::TooManyHeaders) if room < MAX_HEADERS => room *= 4,
            Err(e) => return Err(rquickjs::Exception::throw_message(&ctx, &e.to_string())),
        }
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A parse failure as Node's HTTP parser names it: its `HPE_*` code and reason.
fn parser_error(e: httparse::Error) -> (&'static str, &'static str) {
    match e {
        httparse::Error::HeaderName => ("HPE_INVALID_HEADER_TOKEN", "Invalid header token"),
        httparse::Error::HeaderValue => ("HPE_INVALID_HEADER_TOKEN", "Invalid header value char"),
        httparse::Error::NewLine => ("HPE_LF_EXPECTED", "Missing expected LF after header value"),
        httparse::Error::Status => ("HPE_INVALID_STATUS", "Invalid status code"),
        httparse::Error::Token => ("HPE_INVALID_METHOD", "Invalid method encountered"),
        httparse::Error::TooManyHeaders => ("HPE_HEADER_OVERFLOW", "Header overflow"),
        httparse::Error::Version => ("HPE_INVALID_VERSION", "Invalid HTTP version"),
    }
}

/// The bytes of a live view, copied (building the answer may run JS, which could detach or
/// change them).
fn view_bytes<'js>(ctx: &Ctx<'js>, bytes: &TypedArray<'js, u8>, limit: usize) -> Result<Vec<u8>> {
    let raw = bytes
        .as_raw()
        .ok_or_else(|| rquickjs::Exception::throw_type(ctx, "detached buffer"))?;
    // SAFETY: the view is live and no JavaScript runs while it is copied.
    let all = unsafe { raw.as_ref() };
    // One byte past the limit tells an overflowing head from one that just fits.
    Ok(all[..all.len().min(limit.saturating_add(1))].to_vec())
}

/// A failure as `[code, reason, position]`: an array whose first element is a string, the
/// last the offset of the byte at fault when it is known.
fn error_array<'js>(
    ctx: &Ctx<'js>,
    code: &str,
    reason: &str,
    position: Option<usize>,
) -> Result<Option<Array<'js>>> {
    let out = Array::new(ctx.clone())?;
    out.set(0, code)?;
    out.set(1, reason)?;
    if let Some(position) = position {
        out.set(2, position)?;
    }
    Ok(Some(out))
}

/// A line of a complete head that ends in a bare LF, which Node's strict parser refuses:
/// `(code, reason, offset)`. The request or status line is told apart from header lines.
fn bare_lf(head: &[u8]) -> Option<(&'static str, &'static str, usize)> {
    let first_line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    head.iter().enumerate().find_map(|(i, &b)| {
        if b != b'\n' || (i > 0 && head[i - 1] == b'\r') {
            return None;
        }
        Some(if i == first_line_end {
            ("HPE_INVALID_VERSION", "Expected CRLF after version", i)
        } else {
            (
                "HPE_CR_EXPECTED",
                "Missing expected CR after header value",
                i,
            )
        })
    })
}

/// A CR not followed by LF in `data`, the reason a head was refused when there is one.
fn lone_cr(data: &[u8]) -> Option<usize> {
    data.windows(2).position(|w| w[0] == b'\r' && w[1] != b'\n')
}

/// A header value as Node reads it: Latin-1, an obsolete line folding (CRLF then spaces or
/// tabs, allowed by a lenient parser) read as one space.
fn header_value(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\r' || b == b'\n' {
            while i < bytes.len() && matches!(bytes[i], b'\r' | b'\n' | b' ' | b'\t') {
                i += 1;
            }
            out.push(' ');
            continue;
        }
        out.push(char::from(b));
        i += 1;
    }
    out
}

/// A message head at the start of `bytes`, parsed by `parse` into `out` (from index 1) with a
/// header table that grows up to `MAX_HEADERS`: `[length, …]`; `undefined` while it is
/// incomplete; `[code, reason]` (Node's `HPE_*` code) when it is malformed or longer than
/// `max_size` bytes.
fn parse_head<'js>(
    ctx: &Ctx<'js>,
    bytes: &TypedArray<'js, u8>,
    max_size: f64,
    lenient: bool,
    parse: impl for<'b> Fn(
        &'b [u8],
        &[u8],
        &mut [httparse::Header<'b>],
        &Array<'js>,
    ) -> Result<std::result::Result<httparse::Status<usize>, httparse::Error>>,
) -> Result<Option<Array<'js>>> {
    let limit = if max_size.is_finite() && max_size > 0.0 {
        max_size as usize
    } else {
        MAX_HEAD_BYTES
    };
    let data = view_bytes(ctx, bytes, limit)?;
    // A lenient parser takes control characters in header values, as Node's does: the head
    // is parsed with them replaced, and the values are read from the bytes as they came.
    let mut parsed: Cow<'_, [u8]> = Cow::Borrowed(&data);
    let mut room = 32;
    loop {
        let mut headers = vec![httparse::EMPTY_HEADER; room];
        let out = Array::new(ctx.clone())?;
        match parse(&parsed, &data, &mut headers, &out)? {
            Ok(httparse::Status::Partial) if data.len() <= limit => return Ok(None),
            Ok(httparse::Status::Partial) => {
                return error_array(ctx, "HPE_HEADER_OVERFLOW", "Header overflow", None);
            }
            Ok(httparse::Status::Complete(length)) if length > limit => {
                return error_array(ctx, "HPE_HEADER_OVERFLOW", "Header overflow", None);
            }
            Ok(httparse::Status::Complete(length)) => {
                if !lenient && let Some((code, reason, at)) = bare_lf(&data[..length]) {
                    return error_array(ctx, code, reason, Some(at));
                }
                out.set(0, length)?;
                return Ok(Some(out));
            }
            Err(httparse::Error::TooManyHeaders) if room < MAX_HEADERS => room *= 4,
            Err(httparse::Error::HeaderValue) if lenient && matches!(parsed, Cow::Borrowed(_)) => {
                let controls =
                    |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n')) || b == 0x7f;
                parsed = Cow::Owned(
                    data.iter()
                        .map(|&b| if controls(b) { b'!' } else { b })
                        .collect(),
                );
            }
            Err(e) => {
                if let Some(at) = lone_cr(&data) {
                    return error_array(
                        ctx,
                        "HPE_LF_EXPECTED",
                        "Missing expected LF after header value",
                        Some(at + 1),
                    );
                }
                let (code, reason) = parser_error(e);
                return error_array(ctx, code, reason, None);
            }
        }
    }
}

/// Puts the headers in `out` from index 4 on: name, value (as Latin-1), name, value, … The
/// headers were parsed from `parsed`; each value is read at the same place in `original`.
fn set_headers<'js>(
    out: &Array<'js>,
    headers: &[httparse::Header<'_>],
    parsed: &[u8],
    original: &[u8],
) -> Result<()> {
    for (i, h) in headers.iter().enumerate() {
        let at = (h.value.as_ptr() as usize).wrapping_sub(parsed.as_ptr() as usize);
        let value = original
            .get(at..)
            .and_then(|rest| rest.get(..h.value.len()))
            .unwrap_or(h.value);
        out.set(4 + 2 * i, h.name)?;
        out.set(5 + 2 * i, header_value(value))?;
    }
    Ok(())
}

/// The methods llhttp knows, in order (`http.METHODS`): a request with any other is refused.
const METHODS: &[&[u8]] = &[
    b"ACL",
    b"BIND",
    b"CHECKOUT",
    b"CONNECT",
    b"COPY",
    b"DELETE",
    b"GET",
    b"HEAD",
    b"LINK",
    b"LOCK",
    b"M-SEARCH",
    b"MERGE",
    b"MKACTIVITY",
    b"MKCALENDAR",
    b"MKCOL",
    b"MOVE",
    b"NOTIFY",
    b"OPTIONS",
    b"PATCH",
    b"POST",
    b"PROPFIND",
    b"PROPPATCH",
    b"PURGE",
    b"PUT",
    b"QUERY",
    b"REBIND",
    b"REPORT",
    b"SEARCH",
    b"SOURCE",
    b"SUBSCRIBE",
    b"TRACE",
    b"UNBIND",
    b"UNLINK",
    b"UNLOCK",
    b"UNSUBSCRIBE",
];

/// Whether the request line (after any empty lines) starts with something no known method
/// can be: llhttp refuses it at once, before the rest of the line arrives.
fn bad_method(data: &[u8]) -> bool {
    let Some(start) = data.iter().position(|&b| b != b'\r' && b != b'\n') else {
        return false;
    };
    let rest = &data[start..];
    match rest.iter().position(|&b| b == b' ') {
        Some(n) => !METHODS.contains(&&rest[..n]),
        None => !METHODS.iter().any(|m| m.starts_with(rest)),
    }
}

/// The request head at the start of `bytes`, for a server: `[length, method, url,
/// minorVersion, name, value, name, value, …]` (names as sent, values as Latin-1), as
/// [`parse_head`] answers.
fn parse_request<'js>(
    ctx: Ctx<'js>,
    bytes: TypedArray<'js, u8>,
    max_size: f64,
    lenient: Opt<bool>,
) -> Result<Option<Array<'js>>> {
    let lenient = lenient.0.unwrap_or(false);
    parse_head(
        &ctx,
        &bytes,
        max_size,
        lenient,
        |data, original, headers, out| {
            if bad_method(data) {
                return Ok(Err(httparse::Error::Token));
            }
            let mut request = httparse::Request::new(headers);
            let status = request.parse(data);
            if let Ok(httparse::Status::Complete(_)) = status {
                out.set(1, request.method.unwrap_or(""))?;
                out.set(2, request.path.unwrap_or(""))?;
                out.set(3, request.version.unwrap_or(1))?;
                set_headers(out, request.headers, data, original)?;
            }
            Ok(status)
        },
    )
}

/// The response head at the start of `bytes`, for a client: `[length, status, reason,
/// minorVersion, name, value, …]`, as [`parse_head`] answers.
fn parse_response_head<'js>(
    ctx: Ctx<'js>,
    bytes: TypedArray<'js, u8>,
    max_size: f64,
    lenient: Opt<bool>,
) -> Result<Option<Array<'js>>> {
    let lenient = lenient.0.unwrap_or(false);
    parse_head(
        &ctx,
        &bytes,
        max_size,
        lenient,
        |data, original, headers, out| {
            let mut response = httparse::Response::new(headers);
            let status = httparse::ParserConfig::default()
                .allow_obsolete_multiline_headers_in_responses(lenient)
                .parse_response(&mut response, data);
            if let Ok(httparse::Status::Complete(_)) = status {
                out.set(1, response.code.unwrap_or(0))?;
                out.set(2, response.reason.unwrap_or(""))?;
                out.set(3, response.version.unwrap_or(1))?;
                set_headers(out, response.headers, data, original)?;
            }
            Ok(status)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::bad_method;

    #[test]
    fn only_known_methods_and_their_beginnings_pass() {
        for ok in [
            &b"GET / HTTP/1.1"[..],
            b"\r\nM-SEARCH *",
            b"GE",
            b"",
            b"\r\n",
            b"UNSUB",
        ] {
            assert!(!bad_method(ok), "{}", String::from_utf8_lossy(ok));
        }
        for bad in [
            &b"HELLO / HTTP/1.1"[..],
            b"get / HTTP/1.1",
            b"hello wor",
            b"GETX",
            b" GET",
        ] {
            assert!(bad_method(bad), "{}", String::from_utf8_lossy(bad));
        }
    }
}
