//! Text and binary encodings for `Buffer`, `TextEncoder`/`TextDecoder`, `string_decoder` and
//! `atob`/`btoa`: strings to bytes and back in each of Node's encodings, and the WHATWG
//! decoders (encoding_rs) with their streaming state kept in a Rust object.
//!
//! JS strings are read as QuickJS gives them out: WTF-8, where a lone surrogate is the 3-byte
//! sequence `ED A0..BF xx`. Each encoder below says what it makes of those.

use base64::Engine as _;
use base64::engine::general_purpose;
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::function::{Constructor, Opt};
use rquickjs::{Class, Ctx, Function, JsLifetime, Object, Result, TypedArray, Value, qjs};

use crate::js_errors::throw_code;

/// The longest string Node makes (`buffer.constants.MAX_STRING_LENGTH`).
pub const MAX_STRING_LENGTH: usize = 0x1fff_ffe8;

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Hex as Node reads it: pair by pair, up to the first pair that is not two hex digits.
fn hex_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2);
    for pair in input.chunks_exact(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(h), Some(l)) => out.push((h << 4) | l),
            _ => break,
        }
    }
    out
}

/// Each byte's two hex digits.
const HEX_PAIRS: [[u8; 2]; 256] = {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [DIGITS[i >> 4], DIGITS[i & 15]];
        i += 1;
    }
    t
};

fn hex_encode(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; data.len() * 2];
    for (pair, &b) in out.chunks_exact_mut(2).zip(data) {
        pair.copy_from_slice(&HEX_PAIRS[usize::from(b)]);
    }
    out
}

/// Latin-1 bytes (or ASCII, with the high bit cleared) as UTF-8, ASCII runs copied whole.
fn latin1_to_utf8(b: &[u8], ascii: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + b.len() / 4);
    let mut rest = b;
    while !rest.is_empty() {
        let run = rest.iter().position(|&c| c >= 0x80).unwrap_or(rest.len());
        out.extend_from_slice(&rest[..run]);
        rest = &rest[run..];
        let high = rest.iter().position(|&c| c < 0x80).unwrap_or(rest.len());
        for &c in &rest[..high] {
            if ascii {
                out.push(c & 0x7f);
            } else {
                out.extend_from_slice(&[0xc0 | (c >> 6), 0x80 | (c & 0x3f)]);
            }
        }
        rest = &rest[high..];
    }
    out
}

/// The UTF-16 code units of a WTF-8 string.
pub(crate) fn wtf8_units(s: &[u8]) -> Vec<u16> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        let at = |k: usize| u32::from(s.get(i + k).copied().unwrap_or(0x80) & 0x3f);
        let (cp, n) = if b < 0x80 {
            (u32::from(b), 1)
        } else if b < 0xe0 {
            ((u32::from(b & 0x1f) << 6) | at(1), 2)
        } else if b < 0xf0 {
            ((u32::from(b & 0x0f) << 12) | (at(1) << 6) | at(2), 3)
        } else {
            (
                (u32::from(b & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3),
                4,
            )
        };
        if cp >= 0x10000 {
            let c = cp - 0x10000;
            out.push(0xd800 | (c >> 10) as u16);
            out.push(0xdc00 | (c & 0x3ff) as u16);
        } else {
            out.push(cp as u16);
        }
        i += n;
    }
    out
}

/// A string's UTF-8 bytes from its WTF-8: borrowed unless it holds a lone surrogate.
pub(crate) fn utf8_of(s: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if s.contains(&0xed) {
        std::borrow::Cow::Owned(wtf8_to_utf8(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// UTF-8 from WTF-8: each lone surrogate becomes U+FFFD (the same three bytes long).
fn wtf8_to_utf8(s: &[u8]) -> Vec<u8> {
    let mut out = s.to_vec();
    let mut i = 0;
    while let Some(p) = out[i..].iter().position(|&b| b == 0xed) {
        let at = i + p;
        if at + 2 < out.len() && out[at + 1] >= 0xa0 {
            out[at..at + 3].copy_from_slice(&[0xef, 0xbf, 0xbd]);
        }
        i = at + 1;
    }
    out
}

/// A JS string's contents, borrowed from QuickJS as WTF-8.
pub(crate) struct JsStr<'js> {
    ctx: Ctx<'js>,
    ptr: *const std::ffi::c_char,
    len: usize,
}

impl<'js> JsStr<'js> {
    pub(crate) fn new(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Self> {
        let mut len: qjs::size_t = 0;
        // SAFETY: the context is live; the result is freed in Drop.
        let ptr =
            unsafe { qjs::JS_ToCStringLen2(ctx.as_raw().as_ptr(), &mut len, v.as_raw(), false) };
        if ptr.is_null() {
            return Err(rquickjs::Error::Exception);
        }
        Ok(JsStr {
            ctx: ctx.clone(),
            ptr,
            len: len as usize,
        })
    }
    pub(crate) fn bytes(&self) -> &[u8] {
        // SAFETY: QuickJS returned `len` bytes at `ptr`, alive until JS_FreeCString.
        unsafe { std::slice::from_raw_parts(self.ptr.cast::<u8>(), self.len) }
    }
}

impl Drop for JsStr<'_> {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from JS_ToCStringLen2 on this context.
        unsafe { qjs::JS_FreeCString(self.ctx.as_raw().as_ptr(), self.ptr) }
    }
}

/// A JS string from UTF-8 (or WTF-8) bytes.
fn js_string<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    // SAFETY: QuickJS copies the bytes; the returned value is owned by us.
    unsafe {
        let v = qjs::JS_NewStringLen(
            ctx.as_raw().as_ptr(),
            bytes.as_ptr().cast(),
            bytes.len() as _,
        );
        if qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// A JS string of these UTF-16 code units, lone surrogates included.
fn js_string_utf16<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
    // SAFETY: as in `js_string`.
    unsafe {
        let v = qjs::JS_NewStringUTF16(ctx.as_raw().as_ptr(), units.as_ptr(), units.len() as _);
        if qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

fn string_too_long(ctx: &Ctx<'_>) -> rquickjs::Error {
    throw_code::<()>(
        ctx,
        "Error",
        "ERR_STRING_TOO_LONG",
        "Cannot create a string longer than 0x1fffffe8 characters",
        None,
    )
}

fn unknown_encoding(ctx: &Ctx<'_>, enc: &str) -> rquickjs::Error {
    throw_code::<()>(
        ctx,
        "TypeError",
        "ERR_UNKNOWN_ENCODING",
        &format!("Unknown encoding: {enc}"),
        None,
    )
}

/// The bytes of a Uint8Array (empty when detached).
///
/// # Safety
/// No JS may run while the slice is alive.
pub unsafe fn u8_bytes<'a>(a: &'a TypedArray<'_, u8>) -> &'a [u8] {
    // SAFETY: the caller runs no JS meanwhile.
    unsafe { a.as_bytes() }.unwrap_or(&[])
}

/// The bytes of a Uint8Array, writable (empty when detached).
///
/// # Safety
/// No JS may run, and no other view of the same memory may be used, while the slice is alive.
#[allow(clippy::mut_from_ref)]
pub unsafe fn u8_bytes_mut<'a>(a: &'a TypedArray<'_, u8>) -> &'a mut [u8] {
    match a.as_raw() {
        // SAFETY: the pointer covers the view's bytes; the caller keeps them unaliased.
        Some(p) => unsafe { &mut *p.as_ptr() },
        None => &mut [],
    }
}

/// A string's bytes in one of Node's encodings (`enc` is already normalized).
fn encode_str(ctx: &Ctx<'_>, s: &[u8], enc: &str) -> Result<Vec<u8>> {
    Ok(match enc {
        "utf8" => {
            if s.contains(&0xed) {
                wtf8_to_utf8(s)
            } else {
                s.to_vec()
            }
        }
        "latin1" | "ascii" => {
            if s.is_ascii() {
                s.to_vec()
            } else {
                wtf8_units(s).into_iter().map(|u| u as u8).collect()
            }
        }
        "utf16le" => {
            let mut out = Vec::with_capacity(s.len() * 2);
            if s.is_ascii() {
                for &b in s {
                    out.extend_from_slice(&[b, 0]);
                }
            } else {
                for u in wtf8_units(s) {
                    out.extend_from_slice(&u.to_le_bytes());
                }
            }
            out
        }
        "base64" | "base64url" => crate::base64::decode_bytes(s),
        "hex" => hex_decode(s),
        _ => return Err(unknown_encoding(ctx, enc)),
    })
}

/// How many leading bytes of UTF-8 `b` end on a character boundary, at most `max`.
fn utf8_cut(b: &[u8], max: usize) -> usize {
    if max >= b.len() {
        return b.len();
    }
    let mut n = max;
    while n > 0 && (b[n] & 0xc0) == 0x80 {
        n -= 1;
    }
    n
}

/// Bytes as a string in one of Node's encodings.
fn decode_bytes<'js>(ctx: &Ctx<'js>, b: &[u8], enc: &str) -> Result<Value<'js>> {
    match enc {
        "utf8" => match std::str::from_utf8(b) {
            Ok(_) => {
                if b.len() > MAX_STRING_LENGTH && simple_len(b) > MAX_STRING_LENGTH {
                    return Err(string_too_long(ctx));
                }
                js_string(ctx, b)
            }
            Err(_) => {
                let s = String::from_utf8_lossy(b);
                if s.len() > MAX_STRING_LENGTH && simple_len(s.as_bytes()) > MAX_STRING_LENGTH {
                    return Err(string_too_long(ctx));
                }
                js_string(ctx, s.as_bytes())
            }
        },
        "latin1" | "ascii" => {
            if b.len() > MAX_STRING_LENGTH {
                return Err(string_too_long(ctx));
            }
            if b.is_ascii() {
                return js_string(ctx, b);
            }
            if enc == "ascii" {
                return js_string(ctx, &latin1_to_utf8(b, true));
            }
            // Widening to UTF-16 is one simple pass (and QuickJS copies it as it is).
            let units: Vec<u16> = b.iter().map(|&c| u16::from(c)).collect();
            js_string_utf16(ctx, &units)
        }
        "utf16le" => {
            if b.len() / 2 > MAX_STRING_LENGTH {
                return Err(string_too_long(ctx));
            }
            let units: Vec<u16> = b
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            js_string_utf16(ctx, &units)
        }
        "base64" | "base64url" => {
            if b.len().div_ceil(3) * 4 > MAX_STRING_LENGTH {
                return Err(string_too_long(ctx));
            }
            let s = if enc == "base64" {
                general_purpose::STANDARD.encode(b)
            } else {
                general_purpose::URL_SAFE_NO_PAD.encode(b)
            };
            js_string(ctx, s.as_bytes())
        }
        "hex" => {
            if b.len() * 2 > MAX_STRING_LENGTH {
                return Err(string_too_long(ctx));
            }
            js_string(ctx, &hex_encode(b))
        }
        _ => Err(unknown_encoding(ctx, enc)),
    }
}

/// The UTF-16 length of valid UTF-8.
fn simple_len(b: &[u8]) -> usize {
    b.iter()
        .map(|&c| match c {
            0x80..=0xbf => 0,
            0xf0..=0xff => 2,
            _ => 1,
        })
        .sum()
}

/// The streaming state of one `TextDecoder`.
pub struct DecoderState {
    decoder: encoding_rs::Decoder,
    encoding: &'static encoding_rs::Encoding,
    ignore_bom: bool,
}

impl<'js> Trace<'js> for DecoderState {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

// SAFETY: the state holds no JS values.
unsafe impl<'js> JsLifetime<'js> for DecoderState {
    type Changed<'to> = DecoderState;
}

impl<'js> JsClass<'js> for DecoderState {
    const NAME: &'static str = "TextDecoderState";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

impl DecoderState {
    fn fresh(encoding: &'static encoding_rs::Encoding, ignore_bom: bool) -> encoding_rs::Decoder {
        if ignore_bom {
            encoding.new_decoder_without_bom_handling()
        } else {
            encoding.new_decoder_with_bom_removal()
        }
    }
}

fn invalid_data(ctx: &Ctx<'_>, enc: &'static encoding_rs::Encoding) -> rquickjs::Error {
    throw_code::<()>(
        ctx,
        "TypeError",
        "ERR_ENCODING_INVALID_ENCODED_DATA",
        &format!(
            "The encoded data was not valid for encoding {}",
            enc.name().to_ascii_lowercase()
        ),
        None,
    )
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "encode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, s: Value<'js>, enc: String| -> Result<TypedArray<'js, u8>> {
                let bytes = {
                    let js = JsStr::new(&ctx, &s)?;
                    encode_str(&ctx, js.bytes(), &enc)?
                };
                TypedArray::new(ctx.clone(), bytes)
            },
        )?,
    )?;
    // Writes a string into `target[offset..offset + max]`; returns how many bytes it wrote.
    // UTF-8 and UTF-16 write whole characters only.
    o.set(
        "encodeInto",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             s: Value<'js>,
             enc: String,
             target: TypedArray<'js, u8>,
             offset: f64,
             max: f64|
             -> Result<f64> {
                let js = JsStr::new(&ctx, &s)?;
                let src = js.bytes();
                let owned;
                let bytes: &[u8] = if enc == "utf8" && !src.contains(&0xed) {
                    src
                } else {
                    owned = encode_str(&ctx, src, &enc)?;
                    &owned
                };
                // SAFETY: no JS runs while the slice is alive.
                let dst = unsafe { u8_bytes_mut(&target) };
                let offset = if offset.is_finite() && offset > 0.0 {
                    (offset as usize).min(dst.len())
                } else {
                    0
                };
                let room = if max.is_finite() && max >= 0.0 {
                    (max as usize).min(dst.len() - offset)
                } else {
                    dst.len() - offset
                };
                let n = match enc.as_str() {
                    "utf8" => utf8_cut(bytes, room),
                    "utf16le" => bytes.len().min(room) & !1,
                    _ => bytes.len().min(room),
                };
                dst[offset..offset + n].copy_from_slice(&bytes[..n]);
                Ok(n as f64)
            },
        )?,
    )?;
    o.set(
        "byteLengthUtf8",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: Value<'js>| -> Result<f64> {
            // A lone surrogate is three bytes in WTF-8 and as U+FFFD alike.
            Ok(JsStr::new(&ctx, &s)?.len as f64)
        })?,
    )?;
    // `bytes[start..end]` as a string; the bounds are clamped.
    o.set(
        "decode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             data: TypedArray<'js, u8>,
             enc: String,
             start: Opt<f64>,
             end: Opt<f64>|
             -> Result<Value<'js>> {
                // SAFETY: no JS runs while the slice is alive (QuickJS only copies it).
                let b = unsafe { u8_bytes(&data) };
                let end = end.0.map_or(b.len(), |e| clamp(e, b.len()));
                let start = start.0.map_or(0, |s| clamp(s, end));
                decode_bytes(&ctx, &b[start..end], &enc)
            },
        )?,
    )?;
    o.set(
        "isUtf8",
        Function::new(ctx.clone(), |data: TypedArray<'js, u8>| -> bool {
            // SAFETY: no JS runs while the slice is alive.
            std::str::from_utf8(unsafe { u8_bytes(&data) }).is_ok()
        })?,
    )?;
    o.set(
        "isAscii",
        Function::new(ctx.clone(), |data: TypedArray<'js, u8>| -> bool {
            // SAFETY: no JS runs while the slice is alive.
            unsafe { u8_bytes(&data) }.is_ascii()
        })?,
    )?;
    o.set(
        "normalizeLabel",
        Function::new(ctx.clone(), |label: String| -> Option<String> {
            // for_label strips ASCII whitespace only, as the Encoding Standard does.
            encoding_rs::Encoding::for_label(label.as_bytes())
                .map(|e| e.name().to_ascii_lowercase())
        })?,
    )?;
    // A TextDecoder's state: the encoding (by label) and its BOM handling.
    o.set(
        "newDecoder",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, label: String, ignore_bom: bool| -> Result<Class<'js, DecoderState>> {
                let encoding = encoding_rs::Encoding::for_label(label.as_bytes())
                    .unwrap_or(encoding_rs::UTF_8);
                Class::instance(
                    ctx,
                    DecoderState {
                        decoder: DecoderState::fresh(encoding, ignore_bom),
                        encoding,
                        ignore_bom,
                    },
                )
            },
        )?,
    )?;
    // Decodes the next chunk; without `stream` it flushes and the state starts over.
    o.set(
        "decoderDecode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             state: Class<'js, DecoderState>,
             data: TypedArray<'js, u8>,
             stream: bool,
             fatal: bool|
             -> Result<Value<'js>> {
                let mut st = state.borrow_mut();
                // SAFETY: no JS runs while the slice is alive.
                let src = unsafe { u8_bytes(&data) };
                let last = !stream;
                let cap = st
                    .decoder
                    .max_utf8_buffer_length(src.len())
                    .unwrap_or(usize::MAX);
                let mut out = String::new();
                if out.try_reserve(cap).is_err() {
                    return Err(string_too_long(&ctx));
                }
                let failed = if fatal {
                    let (res, _) = st
                        .decoder
                        .decode_to_string_without_replacement(src, &mut out, last);
                    matches!(res, encoding_rs::DecoderResult::Malformed(..))
                } else {
                    let _ = st.decoder.decode_to_string(src, &mut out, last);
                    false
                };
                if last || failed {
                    let (enc, ib) = (st.encoding, st.ignore_bom);
                    st.decoder = DecoderState::fresh(enc, ib);
                }
                if failed {
                    let enc = st.encoding;
                    drop(st);
                    return Err(invalid_data(&ctx, enc));
                }
                drop(st);
                js_string(&ctx, out.as_bytes())
            },
        )?,
    )?;
    Ok(())
}

/// A JS index (already an integer or ±Infinity) clamped to `0..=len`.
pub(super) fn clamp(v: f64, len: usize) -> usize {
    if v.is_nan() || v <= 0.0 {
        0
    } else if v >= len as f64 {
        len
    } else {
        v as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_stops_at_bad_pair() {
        assert_eq!(hex_decode(b"+f"), b"");
        assert_eq!(hex_decode(b"abzz12"), [0xab]);
        assert_eq!(hex_decode(b"abc"), [0xab]);
    }

    #[test]
    fn lone_surrogates() {
        assert_eq!(
            wtf8_to_utf8(&[0x61, 0xed, 0xa0, 0x80]),
            [0x61, 0xef, 0xbf, 0xbd]
        );
        assert_eq!(wtf8_units(&[0xf0, 0x9f, 0x98, 0x80]), [0xd83d, 0xde00]);
        assert_eq!(utf8_cut("a€".as_bytes(), 3), 1);
    }
}
