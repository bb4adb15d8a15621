//! What Web Crypto (`crypto.subtle`) needs beyond the other parts: its AES modes (CBC, CTR with a
//! counter length, GCM and OCB with their tag lengths, key wrap), ChaCha20-Poly1305 and KMAC.
//! Each function works on bytes and throws a plain `Error` when the operation fails; the
//! JS half turns that into the `OperationError` Web Crypto reports.

use aead::{AeadCore, AeadInOut, Nonce};
use aes::{Aes128, Aes192, Aes256};
use aes_gcm::AesGcm;
use cipher::array::Array;
use cipher::block_padding::Pkcs7;
use cipher::consts::{U8, U12, U16};
use cipher::{BlockCipherEncrypt, BlockModeDecrypt, BlockModeEncrypt, KeyInit, KeyIvInit};
use rquickjs::{ArrayBuffer, Class, Ctx, Exception, Function, Object, Result, Value};

use super::keys::{Key, KeyHandle, Okp};
use super::{output, to_vec};

/// Runs `$body` with `$a` bound to the AES type for a key of `$len` bytes, or evaluates `$bad`.
macro_rules! with_aes {
    ($len:expr, $a:ident => $body:expr, $bad:expr) => {
        match $len {
            16 => {
                type $a = Aes128;
                $body
            }
            24 => {
                type $a = Aes192;
                $body
            }
            32 => {
                type $a = Aes256;
                $body
            }
            _ => $bad,
        }
    };
}

/// Equal bytes, looked at in full whatever differs first.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// An AEAD's encryption (the ciphertext with `tag_len` bytes of tag after it) or decryption of
/// `data` (ciphertext then tag). A tag shorter than the cipher's own is its prefix (GCM): the
/// plaintext is then recovered with the keystream and the tag checked by encrypting it again.
fn aead_crypt<C: AeadInOut>(
    c: &C,
    iv: &[u8],
    aad: &[u8],
    data: &[u8],
    encrypt: bool,
    tag_len: usize,
) -> Option<Vec<u8>> {
    let nonce = Nonce::<C>::try_from(iv).ok()?;
    let full = <<C as AeadCore>::TagSize as cipher::typenum::Unsigned>::USIZE;
    if tag_len > full {
        return None;
    }
    if encrypt {
        let mut buf = data.to_vec();
        let tag = c
            .encrypt_inout_detached(&nonce, aad, buf.as_mut_slice().into())
            .ok()?;
        buf.extend_from_slice(&tag[..tag_len]);
        return Some(buf);
    }
    let split = data.len().checked_sub(tag_len)?;
    let (ct, tag) = data.split_at(split);
    let mut plain = ct.to_vec();
    if tag_len == full {
        let tag = Array::try_from(tag).ok()?;
        c.decrypt_inout_detached(&nonce, aad, plain.as_mut_slice().into(), &tag)
            .ok()?;
        return Some(plain);
    }
    c.encrypt_inout_detached(&nonce, aad, plain.as_mut_slice().into())
        .ok()?;
    let mut again = plain.clone();
    let expected = c
        .encrypt_inout_detached(&nonce, aad, again.as_mut_slice().into())
        .ok()?;
    same(&expected[..tag_len], tag).then_some(plain)
}

/// AES-GCM with the IV lengths Web Crypto callers use (12 bytes, the others through GHASH).
fn gcm(key: &[u8], iv: &[u8], aad: &[u8], data: &[u8], enc: bool, tag: usize) -> Option<Vec<u8>> {
    macro_rules! sizes {
        ($a:ty; $($n:literal => $u:ty),*) => {
            match iv.len() {
                $($n => aead_crypt(&AesGcm::<$a, $u>::new_from_slice(key).ok()?, iv, aad, data, enc, tag),)*
                _ => None,
            }
        };
    }
    use cipher::consts::{U13, U14, U15, U20, U24, U32, U48, U64, U128};
    with_aes!(key.len(), A => sizes!(A; 12 => U12, 13 => U13, 14 => U14, 15 => U15, 16 => U16,
        20 => U20, 24 => U24, 32 => U32, 48 => U48, 64 => U64, 128 => U128), None)
}

fn ocb(key: &[u8], iv: &[u8], aad: &[u8], data: &[u8], enc: bool, tag: usize) -> Option<Vec<u8>> {
    if iv.len() != 12 {
        return None;
    }
    with_aes!(key.len(), A => match tag {
        8 => aead_crypt(&ocb3::Ocb3::<A, U12, U8>::new_from_slice(key).ok()?, iv, aad, data, enc, tag),
        12 => aead_crypt(&ocb3::Ocb3::<A, U12, U12>::new_from_slice(key).ok()?, iv, aad, data, enc, tag),
        16 => aead_crypt(&ocb3::Ocb3::<A, U12, U16>::new_from_slice(key).ok()?, iv, aad, data, enc, tag),
        _ => None,
    }, None)
}

fn chacha(
    key: &[u8],
    iv: &[u8],
    aad: &[u8],
    data: &[u8],
    enc: bool,
    tag: usize,
) -> Option<Vec<u8>> {
    let c = chacha20poly1305::ChaCha20Poly1305::new_from_slice(key).ok()?;
    aead_crypt(&c, iv, aad, data, enc, tag)
}

fn cbc(key: &[u8], iv: &[u8], data: &[u8], encrypt: bool) -> Option<Vec<u8>> {
    with_aes!(key.len(), A => {
        if encrypt {
            let e = cbc::Encryptor::<A>::new_from_slices(key, iv).ok()?;
            Some(e.encrypt_padded_vec::<Pkcs7>(data))
        } else {
            let d = cbc::Decryptor::<A>::new_from_slices(key, iv).ok()?;
            d.decrypt_padded_vec::<Pkcs7>(data).ok()
        }
    }, None)
}

/// AES-CTR where only the rightmost `bits` bits of the counter block count (and wrap around);
/// more blocks than that counter has values is refused.
fn ctr(key: &[u8], counter: &[u8], bits: u32, data: &[u8]) -> Option<Vec<u8>> {
    let start = u128::from_be_bytes(counter.try_into().ok()?);
    if !(1..=128).contains(&bits) {
        return None;
    }
    let mask = if bits == 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    };
    let blocks = data.len().div_ceil(16) as u128;
    if bits < 128 && blocks > mask + 1 {
        return None;
    }
    with_aes!(key.len(), A => {
        let c = A::new_from_slice(key).ok()?;
        let mut out = data.to_vec();
        for (i, chunk) in out.chunks_mut(16).enumerate() {
            let low = (start & mask).wrapping_add(i as u128) & mask;
            let mut block = Array::from((start & !mask | low).to_be_bytes());
            c.encrypt_block(&mut block);
            for (b, k) in chunk.iter_mut().zip(block.iter()) {
                *b ^= k;
            }
        }
        Some(out)
    }, None)
}

/// RFC 3394 key wrap (`wrap`) or unwrap.
fn kw(key: &[u8], data: &[u8], wrap: bool) -> Option<Vec<u8>> {
    with_aes!(key.len(), A => {
        let k = aes_kw::AesKw::<A>::new_from_slice(key).ok()?;
        if wrap {
            if data.len() < 16 || !data.len().is_multiple_of(8) {
                return None;
            }
            let mut buf = vec![0u8; data.len() + 8];
            let n = k.wrap_key(data, &mut buf).ok()?.len();
            buf.truncate(n);
            Some(buf)
        } else {
            let mut buf = vec![0u8; data.len().checked_sub(8)?];
            let n = k.unwrap_key(data, &mut buf).ok()?.len();
            buf.truncate(n);
            Some(buf)
        }
    }, None)
}

/// SP 800-185's left_encode / right_encode of `x`.
fn encode_len(x: u64, left: bool) -> Vec<u8> {
    let bytes = x.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count().min(7);
    let digits = &bytes[skip..];
    let n = digits.len() as u8;
    let mut v = Vec::with_capacity(digits.len() + 1);
    if left {
        v.push(n);
    }
    v.extend_from_slice(digits);
    if !left {
        v.push(n);
    }
    v
}

/// KMAC128 (`strength` 128) or KMAC256 of `data` under `key`, `out.len()` bytes long.
fn kmac(strength: u32, key: &[u8], data: &[u8], customization: &[u8], out: &mut [u8]) {
    let rate = if strength == 256 { 136 } else { 168 };
    // bytepad(encode_string(K), rate) || X || right_encode(L)
    let mut input = encode_len(rate as u64, true);
    input.extend(encode_len((key.len() as u64).saturating_mul(8), true));
    input.extend_from_slice(key);
    while !input.len().is_multiple_of(rate) {
        input.push(0);
    }
    input.extend_from_slice(data);
    input.extend(encode_len((out.len() as u64).saturating_mul(8), false));
    use digest::{ExtendableOutput, Update};
    if strength == 256 {
        let mut h = cshake::CShake256::new_with_function_name(b"KMAC", customization);
        h.update(&input);
        h.finalize_xof_into(out);
    } else {
        let mut h = cshake::CShake128::new_with_function_name(b"KMAC", customization);
        h.update(&input);
        h.finalize_xof_into(out);
    }
}

/// An Ed448 signature with a context (RFC 8032's Ed448 with a non-empty context string), or its
/// check when `signature` is given: `None` when the key is not an Ed448 key of the right kind.
fn ed448(key: &Key, data: &[u8], context: &[u8], signature: Option<&[u8]>) -> Option<Vec<u8>> {
    match (key, signature) {
        (Key::OkpPrivate(Okp::Ed448, d, _), None) => {
            let sk = ed448_goldilocks::SigningKey::try_from(d.as_slice()).ok()?;
            Some(sk.sign_ctx(context, data).ok()?.to_bytes().to_vec())
        }
        (Key::OkpPublic(Okp::Ed448, p), Some(sig)) => {
            Some(vec![u8::from(ed448_verifies(p, data, context, sig))])
        }
        _ => None,
    }
}

fn ed448_verifies(public: &[u8], data: &[u8], context: &[u8], sig: &[u8]) -> bool {
    let Ok(bytes) = public.try_into() else {
        return false;
    };
    let Ok(vk) = ed448_goldilocks::VerifyingKey::from_bytes(bytes) else {
        return false;
    };
    let Ok(s) = ed448_goldilocks::Signature::try_from(sig) else {
        return false;
    };
    vk.verify_ctx(&s, context, data).is_ok()
}

fn failed(ctx: &Ctx<'_>) -> rquickjs::Error {
    Exception::throw_message(ctx, "The operation failed for an operation-specific reason")
}

fn bytes_or_empty<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Vec<u8>> {
    if v.is_undefined() || v.is_null() {
        return Ok(Vec::new());
    }
    to_vec(ctx, v)
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // webCipher(name, encrypt, key, data, { iv, counter, length, additionalData, tagLength })
    o.set(
        "webCipher",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             name: String,
             encrypt: bool,
             key: Value<'js>,
             data: Value<'js>,
             params: Object<'js>|
             -> Result<ArrayBuffer<'js>> {
                let key = to_vec(&ctx, &key)?;
                let data = to_vec(&ctx, &data)?;
                let iv = bytes_or_empty(&ctx, &params.get("iv")?)?;
                let aad = bytes_or_empty(&ctx, &params.get("additionalData")?)?;
                let tag_bits: Option<u32> = params.get("tagLength")?;
                let tag = tag_bits.unwrap_or(128) as usize / 8;
                let out = match name.as_str() {
                    "AES-GCM" => gcm(&key, &iv, &aad, &data, encrypt, tag),
                    "AES-OCB" => ocb(&key, &iv, &aad, &data, encrypt, tag),
                    "ChaCha20-Poly1305" => chacha(&key, &iv, &aad, &data, encrypt, tag),
                    "AES-CBC" => cbc(&key, &iv, &data, encrypt),
                    "AES-CTR" => {
                        let counter = bytes_or_empty(&ctx, &params.get("counter")?)?;
                        let bits: u32 = params.get("length")?;
                        ctr(&key, &counter, bits, &data)
                    }
                    "AES-KW" => kw(&key, &data, encrypt),
                    _ => None,
                };
                ArrayBuffer::new(ctx.clone(), out.ok_or_else(|| failed(&ctx))?)
            },
        )?,
    )?;
    // webEd448(handle, data, context, signature?): a signature, or (with a signature) a Uint8Array
    // holding 1 when it verifies and 0 when not.
    o.set(
        "webEd448",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, KeyHandle>,
             data: Value<'js>,
             context: Value<'js>,
             signature: Value<'js>|
             -> Result<ArrayBuffer<'js>> {
                let data = to_vec(&ctx, &data)?;
                let context = bytes_or_empty(&ctx, &context)?;
                let signature = if signature.is_undefined() {
                    None
                } else {
                    Some(to_vec(&ctx, &signature)?)
                };
                let out = ed448(&h.borrow().key, &data, &context, signature.as_deref());
                ArrayBuffer::new(ctx.clone(), out.ok_or_else(|| failed(&ctx))?)
            },
        )?,
    )?;
    // webKmac(strength, key, data, customization, outputBytes)
    o.set(
        "webKmac",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             strength: u32,
             key: Value<'js>,
             data: Value<'js>,
             customization: Value<'js>,
             len: f64|
             -> Result<ArrayBuffer<'js>> {
                let len = super::length(&ctx, len, u32::MAX as u64 / 8, "output length")?;
                let mut out = output(&ctx, len)?;
                let key = to_vec(&ctx, &key)?;
                let data = to_vec(&ctx, &data)?;
                let customization = bytes_or_empty(&ctx, &customization)?;
                kmac(strength, &key, &data, &customization, &mut out);
                ArrayBuffer::new(ctx.clone(), out)
            },
        )?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kw_rfc3394_vector() {
        let key: Vec<u8> = (0u8..16).collect();
        let data: Vec<u8> = (0u8..16).map(|i| i * 0x11).collect();
        let wrapped = kw(&key, &data, true).unwrap();
        assert_eq!(
            wrapped,
            [
                0x1f, 0xa6, 0x8b, 0x0a, 0x81, 0x12, 0xb4, 0x47, 0xae, 0xf3, 0x4b, 0xd8, 0xfb, 0x5a,
                0x7b, 0x82, 0x9d, 0x3e, 0x86, 0x23, 0x71, 0xd2, 0xcf, 0xe5
            ]
        );
        assert_eq!(kw(&key, &wrapped, false).unwrap(), data);
        assert!(kw(&key, &wrapped[1..], false).is_none());
    }

    #[test]
    fn ctr_counter_wraps_within_its_bits() {
        let key = [7u8; 16];
        let mut counter = [0u8; 16];
        counter[15] = 0xff;
        // With an 8-bit counter the second block's counter is ...00, not ...0100.
        let two = ctr(&key, &counter, 8, &[0u8; 32]).unwrap();
        let mut wrapped = counter;
        wrapped[15] = 0;
        let second = ctr(&key, &wrapped, 8, &[0u8; 16]).unwrap();
        assert_eq!(&two[16..], &second[..]);
        assert!(ctr(&key, &counter, 1, &[0u8; 48]).is_none());
    }

    #[test]
    fn gcm_short_tags_are_prefixes() {
        let key = [1u8; 16];
        let iv = [2u8; 12];
        let full = gcm(&key, &iv, b"ad", b"hello", true, 16).unwrap();
        let short = gcm(&key, &iv, b"ad", b"hello", true, 8).unwrap();
        assert_eq!(&full[..13], &short[..]);
        assert_eq!(gcm(&key, &iv, b"ad", &short, false, 8).unwrap(), b"hello");
        let mut bad = short.clone();
        bad[12] ^= 1;
        assert!(gcm(&key, &iv, b"ad", &bad, false, 8).is_none());
    }

    #[test]
    fn kmac_sp800_185_sample() {
        // KMAC128 sample #1 of NIST's examples.
        let key: Vec<u8> = (0x40u8..0x60).collect();
        let mut out = [0u8; 32];
        kmac(128, &key, &[0, 1, 2, 3], b"", &mut out);
        assert_eq!(
            out[..4],
            [0xe5, 0x78, 0x0b, 0x0d],
            "first bytes of E5780B0D3EA6F7D3A429C5706AA43A00FADBD7D49628839E3187243F456EE14E"
        );
    }
}
