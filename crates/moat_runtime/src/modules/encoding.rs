//! Text and binary encodings for `TextEncoder`/`TextDecoder`, `Buffer` and `atob`/`btoa`.

use rquickjs::{Ctx, Function, Object, Result, TypedArray, Value};

use super::process::bytes_of;
use crate::engine::throw_code;

pub fn base64_decode(input: &str) -> Vec<u8> {
    // Node's Buffer decoding: both alphabets, whitespace and padding ignored, stops at bad input.
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in input.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn base64_encode(data: &[u8], url: bool) -> String {
    let table: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        let idx = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
        for (i, &x) in idx.iter().enumerate() {
            if i <= chunk.len() {
                out.push(table[x as usize] as char);
            } else if !url {
                out.push('=');
            }
        }
    }
    out
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

fn u8_array<'js>(ctx: &Ctx<'js>, v: Vec<u8>) -> Result<TypedArray<'js, u8>> {
    TypedArray::new(ctx.clone(), v)
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "encode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, s: String, enc: String| -> Result<TypedArray<'js, u8>> {
                let bytes = match enc.as_str() {
                    "utf8" => s.into_bytes(),
                    "latin1" | "binary" | "ascii" => s.chars().map(|c| c as u32 as u8).collect(),
                    "utf16le" => s.encode_utf16().flat_map(u16::to_le_bytes).collect(),
                    "base64" | "base64url" => base64_decode(&s),
                    "hex" => {
                        let b = s.as_bytes();
                        let mut out = Vec::with_capacity(b.len() / 2);
                        for pair in b.chunks_exact(2) {
                            match std::str::from_utf8(pair)
                                .ok()
                                .and_then(|p| u8::from_str_radix(p, 16).ok())
                            {
                                Some(v) => out.push(v),
                                None => break,
                            }
                        }
                        out
                    }
                    _ => return Err(unknown_encoding(&ctx, &enc)),
                };
                u8_array(&ctx, bytes)
            },
        )?,
    )?;
    o.set(
        "decode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, data: Value<'js>, enc: String| -> Result<String> {
                let b = bytes_of(&data)?;
                Ok(match enc.as_str() {
                    "utf8" => String::from_utf8_lossy(&b).into_owned(),
                    "latin1" | "binary" => b.iter().map(|&c| c as char).collect(),
                    "ascii" => b.iter().map(|&c| (c & 0x7f) as char).collect(),
                    "utf16le" => {
                        let units: Vec<u16> = b
                            .chunks_exact(2)
                            .map(|p| u16::from_le_bytes([p[0], p[1]]))
                            .collect();
                        String::from_utf16_lossy(&units)
                    }
                    "base64" => base64_encode(&b, false),
                    "base64url" => base64_encode(&b, true),
                    "hex" => b.iter().map(|x| format!("{x:02x}")).collect(),
                    _ => return Err(unknown_encoding(&ctx, &enc)),
                })
            },
        )?,
    )?;
    o.set(
        "textDecode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             data: Value<'js>,
             label: String,
             fatal: bool,
             ignore_bom: bool|
             -> Result<String> {
                let b = bytes_of(&data)?;
                let enc = encoding_rs::Encoding::for_label(label.as_bytes())
                    .unwrap_or(encoding_rs::UTF_8);
                let (text, had_errors) = if ignore_bom {
                    enc.decode_without_bom_handling(&b)
                } else {
                    enc.decode_with_bom_removal(&b)
                };
                if fatal && had_errors {
                    return Err(throw_code::<()>(
                        &ctx,
                        "TypeError",
                        "ERR_ENCODING_INVALID_ENCODED_DATA",
                        &format!(
                            "The encoded data was not valid for encoding {}",
                            enc.name().to_ascii_lowercase()
                        ),
                        None,
                    ));
                }
                Ok(text.into_owned())
            },
        )?,
    )?;
    o.set(
        "normalizeLabel",
        Function::new(ctx.clone(), |label: String| -> Option<String> {
            // for_label strips ASCII whitespace only, as the Encoding Standard does.
            encoding_rs::Encoding::for_label(label.as_bytes())
                .map(|e| e.name().to_ascii_lowercase())
        })?,
    )?;
    o.set(
        "byteLengthUtf8",
        Function::new(ctx.clone(), |s: String| s.len())?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        assert_eq!(base64_encode(b"hello", false), "aGVsbG8=");
        assert_eq!(base64_encode(b"hello", true), "aGVsbG8");
        assert_eq!(base64_decode("aGVsbG8="), b"hello");
        assert_eq!(base64_decode("aGVs bG8"), b"hello");
    }
}
