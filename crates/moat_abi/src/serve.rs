//! The imports of `moat serve`: one HTTP request into a guest instance, one response out, in the
//! shape of `wasi:http`'s incoming handler (a request head and body in, a response head and body
//! out), so that a `wasi:http` component can take their place.
//!
//! | import | parameters | does |
//! |---|---|---|
//! | `serve_request` | `buf, buf_len, size_out` | Writes the request this instance serves into `buf`, encoded as [`encode_request`] does, and its length to `size_out` (a little-endian `u32`). [`errno::TOOBIG`](crate::errno::TOOBIG) with the length written when `buf_len` is short; [`errno::NOENT`](crate::errno::NOENT) when the instance serves no request (a run that is not `moat serve`'s). |
//! | `serve_respond` | `head, head_len, body, body_len` | Answers the request: `head` is the response head as JSON (`{"status":200,"headers":[["name","value"],…]}`), then the body. [`errno::INVAL`](crate::errno::INVAL) when there is no request or it was answered already. |
//!
//! A request's head is JSON too: `{"method":"GET","url":"http://host/path","headers":[[name,value],…]}`.
//! Bodies are whole: the host reads a request body before the instance starts and sends the
//! response once the instance answered.

/// Import names.
pub mod names {
    pub const SERVE_REQUEST: &str = "serve_request";
    pub const SERVE_RESPOND: &str = "serve_respond";
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
