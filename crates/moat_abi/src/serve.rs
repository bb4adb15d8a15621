//! The imports of `moat serve`: one HTTP request into a guest instance, one response out, in the
//! shape of `wasi:http`'s incoming handler (a request head and body in, a response head and body
//! out, each body whole or as a stream), so that a `wasi:http` component can take their place.
//!
//! | import | parameters | does |
//! |---|---|---|
//! | `serve_request` | `buf, buf_len, size_out` | Writes the request this instance serves into `buf`, encoded as [`encode_request`] does, and its length to `size_out` (a little-endian `u32`). [`errno::TOOBIG`](crate::errno::TOOBIG) with the length written when `buf_len` is short; [`errno::NOENT`](crate::errno::NOENT) when the instance serves no request (a run that is not `moat serve`'s). |
//! | `serve_body_read` | `buf, buf_len, size_out` | When the request's head says `"more":true`: reads the next part of its body into `buf` (at most `buf_len` bytes, waiting until some arrive) and writes how many came to `size_out`, 0 at its end. [`errno::IO`](crate::errno::IO) when the client's body broke off, [`errno::TIMEDOUT`](crate::errno::TIMEDOUT) at the request's wall-clock limit, [`errno::INVAL`](crate::errno::INVAL) when no body streams or `buf_len` is 0. |
//! | `serve_respond` | `head, head_len, body, body_len` | Answers the request: `head` is the response head as JSON (`{"status":200,"headers":[["name","value"],…]}`), then the body. With `"more":true` in the head, the body is only its first part: the rest follows by `serve_write`, and `serve_end` ends it. [`errno::INVAL`](crate::errno::INVAL) when there is no request or it was answered already. |
//! | `serve_write` | `body, body_len` | The next part of a response body begun with `"more":true`, sent at once; waits while the client is slow to take what came before. [`errno::PIPE`](crate::errno::PIPE) once the client is gone, [`errno::INVAL`](crate::errno::INVAL) when no body streams. |
//! | `serve_end` | | Ends a streamed response body. [`errno::INVAL`](crate::errno::INVAL) when no body streams. |
//!
//! A request's head is JSON too: `{"method":"GET","url":"http://host/path","headers":[[name,value],…]}`,
//! with `"more":true` when its body streams. A body the host has whole (no body, or a short one
//! whose length the client gave) comes with the head; a longer or open-ended one streams, so
//! that an instance can start on an upload before it is all there.

/// Import names.
pub mod names {
    pub const SERVE_REQUEST: &str = "serve_request";
    pub const SERVE_BODY_READ: &str = "serve_body_read";
    pub const SERVE_RESPOND: &str = "serve_respond";
    pub const SERVE_WRITE: &str = "serve_write";
    pub const SERVE_END: &str = "serve_end";
}

/// A request as `serve_request` hands it over: the head's length (a little-endian `u32`), the
/// head (JSON), then the body.
pub fn encode_request(head: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + head.len() + body.len());
    out.extend((head.len() as u32).to_le_bytes());
    out.extend(head);
    out.extend(body);
    out
}

/// The head and body of an encoded request; `None` when it is cut off.
pub fn decode_request(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let head = bytes.get(4..4usize.checked_add(len)?)?;
    Some((head, &bytes[4 + len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip() {
        let bytes = encode_request(b"{}", b"body");
        assert_eq!(decode_request(&bytes), Some((&b"{}"[..], &b"body"[..])));
        assert_eq!(decode_request(&bytes[..3]), None);
        assert_eq!(decode_request(&bytes[..5]), None);
    }
}
