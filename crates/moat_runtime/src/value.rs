//! Conversions of JS values that the Rust halves of several built-in modules share.

use rquickjs::{Result, TypedArray, Value};

/// Bytes of a string or of a `Uint8Array`.
pub fn bytes_of<'js>(v: &Value<'js>) -> Result<Vec<u8>> {
    if let Some(s) = v.as_string() {
        return Ok(s.to_string()?.into_bytes());
    }
    let ta = TypedArray::<u8>::from_value(v.clone())?;
    // SAFETY: no JS runs while the bytes are copied, so the array cannot be detached or resized.
    Ok(unsafe { ta.as_bytes() }
        .map(<[u8]>::to_vec)
        .unwrap_or_default())
}
