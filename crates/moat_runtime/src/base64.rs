//! Base64 decoding as Node's `Buffer` does it, for the `buffer` binding and for `data:` URLs
//! in the module loader. No engine types.

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// Decodes base64 the way Node's `Buffer` does: both alphabets, whitespace and any other
/// character outside them skipped, and decoding ends at the first `=`.
pub fn decode(input: &str) -> Vec<u8> {
    decode_bytes(input.as_bytes())
}

const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
    .with_decode_padding_mode(DecodePaddingMode::Indifferent)
    .with_decode_allow_trailing_bits(true);
const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT);

fn value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    })
}

/// [`decode`] of bytes.
pub fn decode_bytes(input: &[u8]) -> Vec<u8> {
    // Canonical input takes the engine's fast path; anything else is cleaned up first.
    if let Ok(v) = STANDARD_LENIENT.decode(input) {
        return v;
    }
    let mut out = Vec::with_capacity(input.len() / 4 * 3 + 3);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in input {
        let v = match value(c) {
            Some(v) => v,
            None if c == b'=' => break,
            // A character beyond the BMP (4 bytes in UTF-8) ends the input, as in Node.
            None if c >= 0xf0 => break,
            None => continue,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_leniently_as_node_does() {
        assert_eq!(decode("aGVsbG8="), b"hello");
        assert_eq!(decode("aGVs bG8"), b"hello");
        assert_eq!(decode("YW=Jj"), b"a");
        assert_eq!(decode("YW*Jj"), b"abc");
        assert_eq!(decode("Y"), b"");
        assert_eq!(decode("Y-_/+A"), [0x63, 0xef, 0xff, 0xf8]);
    }
}
