//! Signatures (RSA PKCS#1 v1.5 and PSS, ECDSA in DER or IEEE P1363 form, Ed25519, Ed448), RSA
//! encryption (`publicEncrypt` and the other three), and key agreement over key objects
//! (`crypto.diffieHellman`: ECDH, X25519, X448).
//!
//! RSA and ECDSA sign a digest: the JS half passes either the message and the hash name (the
//! digest is taken here) or, for `Sign`/`Verify` streams, the finished digest.

use crypto_bigint::Resize;
use ecdsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
use rquickjs::class::Class;
use rquickjs::{ArrayBuffer, Ctx, Exception, Function, Object, Result, Value};
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, Pkcs1v15Encrypt, Pkcs1v15Sign, Pss};

use super::keys::{Key, KeyHandle, Okp, ossl};
use super::{algorithms, with_bytes};

const RSA_PKCS1_PADDING: i32 = 1;
const RSA_NO_PADDING: i32 = 3;
const RSA_PKCS1_OAEP_PADDING: i32 = 4;
const RSA_PKCS1_PSS_PADDING: i32 = 6;
const SALTLEN_DIGEST: i32 = -1;
const SALTLEN_MAX_OR_AUTO: i32 = -2;

/// Runs `$body` with `$d` bound to the digest type named `$name` (one RSA-PSS, OAEP and
/// PKCS#1 v1.5 can use), or evaluates `$none` for a name without one.
macro_rules! with_digest {
    ($name:expr, $d:ident => $body:expr, $none:expr) => {
        match $name {
            "md5" => {
                type $d = md5::Md5;
                $body
            }
            "sha1" => {
                type $d = sha1::Sha1;
                $body
            }
            "sha224" => {
                type $d = sha2::Sha224;
                $body
            }
            "sha256" => {
                type $d = sha2::Sha256;
                $body
            }
            "sha384" => {
                type $d = sha2::Sha384;
                $body
            }
            "sha512" => {
                type $d = sha2::Sha512;
                $body
            }
            "sha512-224" => {
                type $d = sha2::Sha512_224;
                $body
            }
            "sha512-256" => {
                type $d = sha2::Sha512_256;
                $body
            }
            "sha3-224" => {
                type $d = sha3::Sha3_224;
                $body
            }
            "sha3-256" => {
                type $d = sha3::Sha3_256;
                $body
            }
            "sha3-384" => {
                type $d = sha3::Sha3_384;
                $body
            }
            "sha3-512" => {
                type $d = sha3::Sha3_512;
                $body
            }
            "ripemd160" => {
                type $d = ripemd::Ripemd160;
                $body
            }
            _ => $none,
        }
    };
}

/// The digest of `data` with the algorithm named `name` (a fixed-size one).
fn digest_of(name: &str, data: &[u8]) -> Option<Vec<u8>> {
    let a = algorithms::find(name)?;
    if a.xof {
        return None;
    }
    let mut h = (a.new)();
    h.update(data);
    Some(h.finish(a.size))
}

/// What went wrong, for the JS half to report as Node does.
enum SignError {
    /// OpenSSL's error: packed code, library, reason.
    Ossl(&'static str, &'static str, &'static str),
    /// A tag the JS half maps to a Node error.
    Tag(&'static str),
}

fn raise(ctx: &Ctx<'_>, e: SignError) -> rquickjs::Error {
    match e {
        SignError::Ossl(code, lib, reason) => ossl(ctx, code, lib, reason),
        SignError::Tag(t) => Exception::throw_message(ctx, t),
    }
}

struct Options<'a> {
    hash: Option<&'a str>,
    padding: Option<i32>,
    salt: Option<i32>,
    p1363: bool,
}

fn pss_salt(
    salt: Option<i32>,
    key_bits: usize,
    hash_len: usize,
    signing: bool,
) -> std::result::Result<Option<usize>, SignError> {
    let em_len = (key_bits - 1).div_ceil(8);
    let max = em_len
        .checked_sub(hash_len + 2)
        .ok_or(SignError::Tag("ERR_OSSL_KEY_TOO_SMALL"))?;
    match salt {
        None | Some(SALTLEN_MAX_OR_AUTO) => Ok(if signing { Some(max) } else { None }),
        Some(SALTLEN_DIGEST) => Ok(Some(hash_len)),
        Some(n) if n >= 0 => {
            let n = n as usize;
            if n > max {
                return Err(SignError::Ossl(
                    "1C8000C8",
                    "Provider routines",
                    "invalid salt length",
                ));
            }
            Ok(Some(n))
        }
        Some(_) => Err(SignError::Ossl(
            "1C8000C8",
            "Provider routines",
            "invalid salt length",
        )),
    }
}

/// The hash name a signature uses (`hash`, else `default`) and the digest it signs: `data`
/// itself when it is already a digest.
fn hashed(
    hash: Option<&str>,
    default: &'static str,
    data: &[u8],
    prehashed: bool,
) -> std::result::Result<(&'static str, Vec<u8>), SignError> {
    let name = match hash {
        Some(h) => {
            algorithms::find(h)
                .ok_or(SignError::Tag("ERR_CRYPTO_INVALID_DIGEST"))?
                .name
        }
        None => default,
    };
    let bytes = if prehashed {
        data.to_vec()
    } else {
        digest_of(name, data).ok_or(SignError::Tag("ERR_CRYPTO_INVALID_DIGEST"))?
    };
    Ok((name, bytes))
}

fn sign(
    key: &Key,
    accel: &super::accel::Cache,
    data: &[u8],
    prehashed: bool,
    o: &Options,
) -> std::result::Result<Vec<u8>, SignError> {
    let digest = |default: &'static str| hashed(o.hash, default, data, prehashed);
    match key {
        Key::RsaPrivate(k, pss_params) => {
            if pss_params.is_some() && o.padding.is_some_and(|p| p != RSA_PKCS1_PSS_PADDING) {
                return Err(SignError::Ossl(
                    "1C8000A5",
                    "Provider routines",
                    "illegal or unsupported padding mode",
                ));
            }
            let default = pss_params.as_ref().and_then(|p| p.hash).unwrap_or("sha256");
            let (name, hashed) = digest(default)?;
            let pss = o.padding == Some(RSA_PKCS1_PSS_PADDING)
                || (pss_params.is_some() && o.padding.is_none());
            let mut rng = getrandom::SysRng;
            if pss {
                let bits = k.n().bit_width_vartime() as usize;
                let salt = pss_salt(
                    o.salt.or(pss_params
                        .as_ref()
                        .and_then(|p| p.salt_len.map(|s| s as i32))),
                    bits,
                    hashed.len(),
                    true,
                )?
                .unwrap_or(hashed.len());
                with_digest!(name, D => k.sign_with_rng(&mut rng, Pss::<D>::new_with_salt(salt), &hashed),
                    return Err(SignError::Tag("ERR_CRYPTO_INVALID_DIGEST")))
                .map_err(|_| SignError::Ossl("1C8000C8", "Provider routines", "invalid salt length"))
            } else if o.padding.is_none() || o.padding == Some(RSA_PKCS1_PADDING) {
                if let Some(sig) = super::accel::rsa_pkcs1_sign(accel, key, name, &hashed) {
                    return Ok(sig);
                }
                let scheme = with_digest!(name, D => Pkcs1v15Sign::new::<D>(),
                    return Err(SignError::Tag("ERR_CRYPTO_INVALID_DIGEST")));
                k.sign_with_rng(&mut rng, scheme, &hashed).map_err(|_| {
                    SignError::Ossl("02000070", "rsa routines", "digest too big for rsa key")
                })
            } else {
                Err(SignError::Ossl(
                    "1C8000A5",
                    "Provider routines",
                    "illegal or unsupported padding mode",
                ))
            }
        }
        Key::EcPrivate(curve, d, _) => {
            let (name, hashed) = digest("sha256")?;
            crate::with_curve!(*curve, C => {
                if let Some(der) = super::accel::ecdsa_sign(accel, key, name, &hashed) {
                    if !o.p1363 {
                        return Ok(der);
                    }
                    if let Ok(sig) = ecdsa::Signature::<C>::from_der(&der) {
                        return Ok(sig.to_bytes().to_vec());
                    }
                }
                let sk = ecdsa::SigningKey::<C>::from_slice(d).map_err(|_| SignError::Tag("ERR_OSSL_EVP_DECODE_ERROR"))?;
                let sig: ecdsa::Signature<C> = sk.sign_prehash(&hashed).map_err(|_| SignError::Tag("ERR_CRYPTO_INVALID_DIGEST"))?;
                Ok(if o.p1363 { sig.to_bytes().to_vec() } else { sig.to_der().as_bytes().to_vec() })
            })
        }
        Key::PqcPrivate(alg, _, expanded, _) if !alg.is_kem() => {
            if o.hash.is_some() || prehashed {
                return Err(SignError::Ossl(
                    "1C80007A",
                    "Provider routines",
                    "invalid digest",
                ));
            }
            super::pqc::sign(*alg, expanded, data)
                .ok_or(SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))
        }
        Key::DsaPrivate(k) => {
            use ecdsa::signature::hazmat::RandomizedPrehashSigner;
            let (_, hashed) = digest("sha256")?;
            let sig = k
                .sign_prehash_with_rng(&mut getrandom::SysRng, &hashed)
                .map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
            if o.p1363 {
                let n = k
                    .verifying_key()
                    .components()
                    .q()
                    .bits_precision()
                    .div_ceil(8) as usize;
                let n = n.max(
                    k.verifying_key()
                        .components()
                        .q()
                        .bit_width_vartime()
                        .div_ceil(8) as usize,
                );
                let mut out = pad_be(&sig.r().to_be_bytes_trimmed_vartime(), n);
                out.extend(pad_be(&sig.s().to_be_bytes_trimmed_vartime(), n));
                Ok(out)
            } else {
                use der::Encode;
                sig.to_der()
                    .map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))
            }
        }
        Key::OkpPrivate(okp, d, _) => {
            if prehashed {
                return Err(SignError::Ossl(
                    "1C8000A6",
                    "Provider routines",
                    "operation not supported for this keytype",
                ));
            }
            match okp {
                Okp::Ed25519 => {
                    use ed25519_dalek::Signer;
                    let k: &[u8; 32] = d
                        .as_slice()
                        .try_into()
                        .map_err(|_| SignError::Tag("ERR_OSSL_EVP_DECODE_ERROR"))?;
                    Ok(ed25519_dalek::SigningKey::from_bytes(k)
                        .sign(data)
                        .to_bytes()
                        .to_vec())
                }
                Okp::Ed448 => {
                    let sk = ed448_goldilocks::SigningKey::try_from(d.as_slice())
                        .map_err(|_| SignError::Tag("ERR_OSSL_EVP_DECODE_ERROR"))?;
                    Ok(sk.sign_raw(data).to_bytes().to_vec())
                }
                _ => Err(SignError::Ossl(
                    "1C8000A6",
                    "Provider routines",
                    "operation not supported for this keytype",
                )),
            }
        }
        _ => Err(SignError::Ossl(
            "1C8000A6",
            "Provider routines",
            "operation not supported for this keytype",
        )),
    }
}

fn verify(
    key: &Key,
    accel: &super::accel::Cache,
    data: &[u8],
    prehashed: bool,
    sig: &[u8],
    o: &Options,
) -> std::result::Result<bool, SignError> {
    let public = key
        .public()
        .ok_or(SignError::Tag("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE"))?;
    let digest = |default: &'static str| hashed(o.hash, default, data, prehashed);
    match &public {
        Key::RsaPublic(k, pss_params) => {
            if pss_params.is_some() && o.padding.is_some_and(|p| p != RSA_PKCS1_PSS_PADDING) {
                return Err(SignError::Ossl(
                    "1C8000A5",
                    "Provider routines",
                    "illegal or unsupported padding mode",
                ));
            }
            let default = pss_params.as_ref().and_then(|p| p.hash).unwrap_or("sha256");
            let (name, hashed) = digest(default)?;
            let pss = o.padding == Some(RSA_PKCS1_PSS_PADDING)
                || (pss_params.is_some() && o.padding.is_none());
            if pss {
                let bits = k.n().bit_width_vartime() as usize;
                let salt = match pss_salt(
                    o.salt.or(pss_params
                        .as_ref()
                        .and_then(|p| p.salt_len.map(|s| s as i32))),
                    bits,
                    hashed.len(),
                    false,
                ) {
                    Ok(s) => s,
                    Err(_) => return Ok(false),
                };
                let ok = with_digest!(name, D => {
                    let mut scheme = Pss::<D>::new();
                    scheme.salt_len = salt;
                    k.verify(scheme, &hashed, sig).is_ok()
                }, return Err(SignError::Tag("ERR_CRYPTO_INVALID_DIGEST")));
                Ok(ok)
            } else if o.padding.is_none() || o.padding == Some(RSA_PKCS1_PADDING) {
                if let Some(ok) = super::accel::verify(accel, &public, name, &hashed, sig) {
                    return Ok(ok);
                }
                let scheme = with_digest!(name, D => Pkcs1v15Sign::new::<D>(),
                    return Err(SignError::Tag("ERR_CRYPTO_INVALID_DIGEST")));
                Ok(k.verify(scheme, &hashed, sig).is_ok())
            } else {
                Err(SignError::Ossl(
                    "1C8000A5",
                    "Provider routines",
                    "illegal or unsupported padding mode",
                ))
            }
        }
        Key::EcPublic(curve, q) => {
            let (name, hashed) = digest("sha256")?;
            crate::with_curve!(*curve, C => {
                let der = if o.p1363 {
                    ecdsa::Signature::<C>::from_slice(sig).ok().map(|s| s.to_der().as_bytes().to_vec())
                } else {
                    Some(sig.to_vec())
                };
                if let Some(der) = der && super::accel::verify(accel, &public, name, &hashed, &der) == Some(true) {
                    return Ok(true);
                }
                let vk = ecdsa::VerifyingKey::<C>::from_sec1_bytes(q).map_err(|_| SignError::Tag("ERR_OSSL_EVP_DECODE_ERROR"))?;
                let parsed = if o.p1363 { ecdsa::Signature::<C>::from_slice(sig) } else { ecdsa::Signature::<C>::from_der(sig) };
                let Ok(parsed) = parsed else { return Ok(false) };
                Ok(vk.verify_prehash(&hashed, &parsed).is_ok()
                    || parsed.normalize_s() != parsed && vk.verify_prehash(&hashed, &parsed.normalize_s()).is_ok())
            })
        }
        Key::PqcPublic(alg, p) if !alg.is_kem() => {
            if o.hash.is_some() || prehashed {
                return Err(SignError::Ossl(
                    "1C80007A",
                    "Provider routines",
                    "invalid digest",
                ));
            }
            Ok(super::pqc::verify(*alg, p, data, sig))
        }
        Key::DsaPublic(vk) => {
            let (_, hashed) = digest("sha256")?;
            let parsed = if o.p1363 {
                if !sig.len().is_multiple_of(2) {
                    return Ok(false);
                }
                let (r, s) = sig.split_at(sig.len() / 2);
                dsa::Signature::from_components(
                    rsa::BoxedUint::from_be_slice_vartime(r),
                    rsa::BoxedUint::from_be_slice_vartime(s),
                )
            } else {
                use der::Decode;
                dsa::Signature::from_der(sig).ok()
            };
            let Some(parsed) = parsed else {
                return Ok(false);
            };
            Ok(vk.verify_prehash(&hashed, &parsed).is_ok())
        }
        Key::OkpPublic(okp, p) => {
            if prehashed {
                return Err(SignError::Ossl(
                    "1C8000A6",
                    "Provider routines",
                    "operation not supported for this keytype",
                ));
            }
            match okp {
                Okp::Ed25519 => {
                    let Ok(pk) = <&[u8; 32]>::try_from(p.as_slice()) else {
                        return Ok(false);
                    };
                    let Ok(vk) = ed25519_dalek::VerifyingKey::from_bytes(pk) else {
                        return Ok(false);
                    };
                    let Ok(s) = ed25519_dalek::Signature::from_slice(sig) else {
                        return Ok(false);
                    };
                    Ok(vk.verify_strict(data, &s).is_ok())
                }
                Okp::Ed448 => {
                    let Ok(pk) = p.as_slice().try_into() else {
                        return Ok(false);
                    };
                    let Ok(vk) = ed448_goldilocks::VerifyingKey::from_bytes(pk) else {
                        return Ok(false);
                    };
                    let Ok(s) = ed448_goldilocks::Signature::try_from(sig) else {
                        return Ok(false);
                    };
                    Ok(vk.verify_raw(&s, data).is_ok())
                }
                _ => Err(SignError::Ossl(
                    "1C8000A6",
                    "Provider routines",
                    "operation not supported for this keytype",
                )),
            }
        }
        _ => Err(SignError::Ossl(
            "1C8000A6",
            "Provider routines",
            "operation not supported for this keytype",
        )),
    }
}

/// `bytes` left-padded with zeros to `n` bytes.
fn pad_be(bytes: &[u8], n: usize) -> Vec<u8> {
    let mut v = vec![0u8; n.saturating_sub(bytes.len())];
    v.extend_from_slice(bytes);
    v
}

/// PKCS#1 v1.5 type-1 padding removed from a recovered block; `None` when it is not there.
fn strip_type1(block: &[u8]) -> Option<Vec<u8>> {
    let rest = block.strip_prefix(&[0, 1])?;
    let zero = rest.iter().position(|b| *b != 0xff)?;
    if zero < 8 || rest[zero] != 0 {
        return None;
    }
    Some(rest[zero + 1..].to_vec())
}

/// `publicEncrypt` (0), `privateDecrypt` (1), `privateEncrypt` (2) and `publicDecrypt` (3).
fn rsa_crypt(
    key: &Key,
    op: u8,
    data: &[u8],
    padding: i32,
    oaep_hash: &str,
    label: Option<Vec<u8>>,
) -> std::result::Result<Vec<u8>, SignError> {
    let mut rng = getrandom::SysRng;
    if key.pss().is_some() {
        return Err(SignError::Ossl(
            "1C8000A6",
            "Provider routines",
            "operation not supported for this keytype",
        ));
    }
    let public = key.rsa_public().ok_or(SignError::Ossl(
        "1C8000A6",
        "Provider routines",
        "operation not supported for this keytype",
    ))?;
    let size = public.size();
    let private = match key {
        Key::RsaPrivate(k, _) => Some(k),
        _ => None,
    };
    let need_private = || {
        private.ok_or(SignError::Ossl(
            "1C8000A6",
            "Provider routines",
            "operation not supported for this keytype",
        ))
    };
    match (op, padding) {
        (0, RSA_PKCS1_OAEP_PADDING) => with_digest!(oaep_hash, D => {
            let scheme = match label { Some(l) if !l.is_empty() => Oaep::<D>::new_with_label(l), _ => Oaep::<D>::new() };
            public.encrypt(&mut rng, scheme, data)
        }, return Err(SignError::Tag("ERR_OSSL_EVP_INVALID_DIGEST")))
            .map_err(|_| SignError::Ossl("0200006E", "rsa routines", "data too large for key size")),
        (0, RSA_PKCS1_PADDING) => public
            .encrypt(&mut rng, Pkcs1v15Encrypt, data)
            .map_err(|_| SignError::Ossl("0200006E", "rsa routines", "data too large for key size")),
        (1, RSA_PKCS1_OAEP_PADDING) => {
            let k = need_private()?;
            with_digest!(oaep_hash, D => {
                let scheme = match label { Some(l) if !l.is_empty() => Oaep::<D>::new_with_label(l), _ => Oaep::<D>::new() };
                k.decrypt_blinded(&mut rng, scheme, data)
            }, return Err(SignError::Tag("ERR_OSSL_EVP_INVALID_DIGEST")))
            .map_err(|_| SignError::Ossl("02000079", "rsa routines", "oaep decoding error"))
        }
        (1, RSA_PKCS1_PADDING) => need_private()?
            .decrypt_blinded(&mut rng, Pkcs1v15Encrypt, data)
            .map_err(|_| SignError::Ossl("02000072", "rsa routines", "padding check failed")),
        (0 | 3, RSA_NO_PADDING) | (1 | 2, RSA_NO_PADDING) => {
            if data.len() != size {
                return Err(SignError::Ossl(
                    if data.len() > size { "0200006E" } else { "02000071" },
                    "rsa routines",
                    if data.len() > size { "data too large for key size" } else { "data too small for key size" },
                ));
            }
            let m = rsa::BoxedUint::from_be_slice_vartime(data);
            let m = m.resize_unchecked(public.n_bits_precision());
            if m >= *public.n().as_ref() {
                return Err(SignError::Ossl("02000084", "rsa routines", "data too large for modulus"));
            }
            let out = if op == 0 || op == 3 {
                rsa::hazmat::rsa_encrypt(public, &m).map_err(|_| SignError::Tag("ERR_OSSL_RSA_OPERATION"))?
            } else {
                rsa::hazmat::rsa_decrypt_and_check(&**need_private()?, Some(&mut rng), &m)
                    .map_err(|_| SignError::Tag("ERR_OSSL_RSA_OPERATION"))?
            };
            let bytes = out.to_be_bytes();
            let mut v = vec![0u8; size.saturating_sub(bytes.len())];
            v.extend_from_slice(&bytes[bytes.len().saturating_sub(size)..]);
            Ok(v)
        }
        (2, RSA_PKCS1_PADDING) => need_private()?
            .sign_with_rng(&mut rng, Pkcs1v15Sign::new_unprefixed(), data)
            .map_err(|_| SignError::Ossl("0200006E", "rsa routines", "data too large for key size")),
        (3, RSA_PKCS1_PADDING) => {
            if data.len() != size {
                return Err(SignError::Ossl("02000077", "rsa routines", "padding check failed"));
            }
            let s = rsa::BoxedUint::from_be_slice_vartime(data).resize_unchecked(public.n_bits_precision());
            if s >= *public.n().as_ref() {
                return Err(SignError::Ossl("02000084", "rsa routines", "data too large for modulus"));
            }
            let m = rsa::hazmat::rsa_encrypt(public, &s).map_err(|_| SignError::Tag("ERR_OSSL_RSA_OPERATION"))?;
            let bytes = m.to_be_bytes();
            let mut block = vec![0u8; size.saturating_sub(bytes.len())];
            block.extend_from_slice(&bytes[bytes.len().saturating_sub(size)..]);
            strip_type1(&block).ok_or(SignError::Ossl("02000077", "rsa routines", "padding check failed"))
        }
        _ => Err(SignError::Ossl("1C8000A5", "Provider routines", "illegal or unsupported padding mode")),
    }
}

/// The shared secret of a private and a public key of the same kind.
fn agree(private: &Key, public: &Key) -> std::result::Result<Vec<u8>, SignError> {
    let mismatch = SignError::Tag("ERR_CRYPTO_INCOMPATIBLE_KEY");
    match (private, public) {
        (Key::EcPrivate(c1, d, _), Key::EcPublic(c2, q) | Key::EcPrivate(c2, _, q)) => {
            if c1 != c2 {
                return Err(SignError::Ossl(
                    "1C8000CB",
                    "Provider routines",
                    "mismatching domain parameters",
                ));
            }
            crate::with_curve!(*c1, C => {
                let sk = elliptic_curve::SecretKey::<C>::from_slice(d).map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
                let pk = elliptic_curve::PublicKey::<C>::from_sec1_bytes(q).map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
                Ok(elliptic_curve::ecdh::diffie_hellman(sk.to_nonzero_scalar(), pk.as_affine()).raw_secret_bytes().to_vec())
            })
        }
        (Key::OkpPrivate(o1, d, _), Key::OkpPublic(o2, p) | Key::OkpPrivate(o2, _, p)) => {
            if o1 != o2 {
                return Err(mismatch);
            }
            match o1 {
                Okp::X25519 => {
                    let k: [u8; 32] = d
                        .as_slice()
                        .try_into()
                        .map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
                    let u: [u8; 32] = p
                        .as_slice()
                        .try_into()
                        .map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
                    let s = x25519_dalek::x25519(k, u);
                    if s.iter().all(|b| *b == 0) {
                        return Err(SignError::Ossl(
                            "1C8000A4",
                            "Provider routines",
                            "failed during derivation",
                        ));
                    }
                    Ok(s.to_vec())
                }
                Okp::X448 => {
                    let k: [u8; 56] = d
                        .as_slice()
                        .try_into()
                        .map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
                    let u: [u8; 56] = p
                        .as_slice()
                        .try_into()
                        .map_err(|_| SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
                    x448::x448(k, u).map(|s| s.to_vec()).ok_or(SignError::Ossl(
                        "1C8000A4",
                        "Provider routines",
                        "failed during derivation",
                    ))
                }
                _ => Err(SignError::Tag("ERR_CRYPTO_INCOMPATIBLE_KEY")),
            }
        }
        (Key::DhPrivate(g1, x, _), Key::DhPublic(g2, y) | Key::DhPrivate(g2, _, y)) => {
            if g1 != g2 {
                return Err(SignError::Ossl(
                    "1C8000CB",
                    "Provider routines",
                    "mismatching domain parameters",
                ));
            }
            let s = super::keys::dh_pow(g1, y, x)
                .ok_or(SignError::Tag("ERR_CRYPTO_OPERATION_FAILED"))?;
            let size = g1.p.bit_width_vartime().div_ceil(8) as usize;
            Ok(pad_be(&s.to_be_bytes_trimmed_vartime(), size))
        }
        _ => Err(mismatch),
    }
}

// ---- key encapsulation: RSASVE, DHKEM (RFC 9180) and ML-KEM ------------------------------------

/// DHKEM's labeled extract-and-expand of RFC 9180 §4.1 with the KEM's HKDF.
fn dhkem_secret(kem_id: u16, dh: &[u8], kem_context: &[u8], len: usize) -> Option<Vec<u8>> {
    let suite = [b"KEM".as_slice(), &kem_id.to_be_bytes()].concat();
    let ikm = [b"HPKE-v1".as_slice(), &suite, b"eae_prk", dh].concat();
    let info = [
        &u16::try_from(len).ok()?.to_be_bytes()[..],
        b"HPKE-v1",
        &suite,
        b"shared_secret",
        kem_context,
    ]
    .concat();
    let mut out = vec![0u8; len];
    macro_rules! hkdf_with {
        ($h:ty) => {{
            let (prk, _) = hkdf::Hkdf::<$h>::extract(Some(&[]), &ikm);
            hkdf::Hkdf::<$h>::from_prk(&prk)
                .ok()?
                .expand(&info, &mut out)
                .ok()?;
        }};
    }
    match kem_id {
        0x0010 | 0x0020 => hkdf_with!(sha2::Sha256),
        0x0011 => hkdf_with!(sha2::Sha384),
        _ => hkdf_with!(sha2::Sha512),
    }
    Some(out)
}

/// The DHKEM parameters of a key: its KEM id and the secret's length.
fn dhkem_of(key: &Key) -> Option<(u16, usize)> {
    use super::keys::Curve;
    match key {
        Key::EcPrivate(c, ..) | Key::EcPublic(c, _) => match c {
            Curve::P256 => Some((0x0010, 32)),
            Curve::P384 => Some((0x0011, 48)),
            Curve::P521 => Some((0x0012, 64)),
            Curve::K256 => None,
        },
        Key::OkpPrivate(Okp::X25519, ..) | Key::OkpPublic(Okp::X25519, _) => Some((0x0020, 32)),
        Key::OkpPrivate(Okp::X448, ..) | Key::OkpPublic(Okp::X448, _) => Some((0x0021, 64)),
        _ => None,
    }
}

/// A fresh key pair of the same group as `key`.
fn ephemeral_like(key: &Key) -> Option<Key> {
    match key {
        Key::EcPrivate(c, ..) | Key::EcPublic(c, _) => Some(super::keys::generate_ec(*c)),
        Key::OkpPrivate(o, ..) | Key::OkpPublic(o, _) => super::keys::generate_okp(*o),
        _ => None,
    }
}

fn public_bytes(key: &Key) -> Option<Vec<u8>> {
    match key {
        Key::EcPrivate(_, _, q) | Key::EcPublic(_, q) => Some(q.clone()),
        Key::OkpPrivate(_, _, p) | Key::OkpPublic(_, p) => Some(p.clone()),
        _ => None,
    }
}

/// A public key of `key`'s group from its serialized form.
fn public_from_bytes(like: &Key, bytes: &[u8]) -> Option<Key> {
    match like {
        Key::EcPrivate(c, ..) | Key::EcPublic(c, _) => {
            if bytes.len() != 1 + 2 * c.size() || bytes[0] != 4 {
                return None;
            }
            super::keys::ec_public_of_point(*c, bytes).map(|q| Key::EcPublic(*c, q))
        }
        Key::OkpPrivate(o, ..) | Key::OkpPublic(o, _) => {
            (bytes.len() == o.private_len()).then(|| Key::OkpPublic(*o, bytes.to_vec()))
        }
        _ => None,
    }
}

/// `(sharedKey, ciphertext)` for a public key.
fn encapsulate(key: &Key) -> Option<(Vec<u8>, Vec<u8>)> {
    if let Key::PqcPublic(a, p) | Key::PqcPrivate(a, _, _, p) = key {
        return if a.is_kem() {
            super::pqc::encapsulate(*a, p).map(|(ct, s)| (s, ct))
        } else {
            None
        };
    }
    if let Some(public) = key.rsa_public() {
        if key.pss().is_some() {
            return None;
        }
        // RSASVE (SP 800-56B): a random z with 1 < z < n - 1, sent as z^e mod n.
        let size = public.size();
        let n = public.n().as_ref().clone();
        let z = loop {
            let z = rsa::BoxedUint::from_be_slice_vartime(&super::keys::random_bytes(size))
                .resize_unchecked(public.n_bits_precision());
            let one = rsa::BoxedUint::one().resize_unchecked(public.n_bits_precision());
            if z > one && z < n.wrapping_sub(&one) {
                break z;
            }
        };
        let c = rsa::hazmat::rsa_encrypt(public, &z).ok()?;
        return Some((
            pad_be(&z.to_be_bytes_trimmed_vartime(), size),
            pad_be(&c.to_be_bytes_trimmed_vartime(), size),
        ));
    }
    let (kem_id, len) = dhkem_of(key)?;
    let recipient = key.public()?;
    let ephemeral = ephemeral_like(key)?;
    let dh = agree(&ephemeral, &recipient).ok()?;
    let enc = public_bytes(&ephemeral)?;
    let context = [enc.as_slice(), &public_bytes(&recipient)?].concat();
    Some((dhkem_secret(kem_id, &dh, &context, len)?, enc))
}

/// The shared key in `ciphertext` for a private key; `None` when it cannot be recovered.
fn decapsulate(key: &Key, ciphertext: &[u8]) -> Option<Vec<u8>> {
    match key {
        Key::PqcPrivate(a, _, expanded, _) => {
            return if a.is_kem() {
                super::pqc::decapsulate(*a, expanded, ciphertext)
            } else {
                None
            };
        }
        Key::RsaPrivate(k, None) => {
            let size = k.size();
            if ciphertext.len() != size {
                return None;
            }
            let c = rsa::BoxedUint::from_be_slice_vartime(ciphertext)
                .resize_unchecked(k.n_bits_precision());
            if c >= *k.n().as_ref() {
                return None;
            }
            let mut rng = getrandom::SysRng;
            let z = rsa::hazmat::rsa_decrypt_and_check(&**k, Some(&mut rng), &c).ok()?;
            let one = rsa::BoxedUint::one().resize_unchecked(k.n_bits_precision());
            if z <= one || z >= k.n().as_ref().wrapping_sub(&one) {
                return None;
            }
            return Some(pad_be(&z.to_be_bytes_trimmed_vartime(), size));
        }
        _ => {}
    }
    let (kem_id, len) = dhkem_of(key)?;
    if key.kind() != "private" {
        return None;
    }
    let ephemeral = public_from_bytes(key, ciphertext)?;
    let dh = agree(key, &ephemeral).ok()?;
    let context = [ciphertext, &public_bytes(key)?].concat();
    dhkem_secret(kem_id, &dh, &context, len)
}

fn options<'a>(opts: &'a Object<'_>, hash: &'a Option<String>) -> Result<Options<'a>> {
    Ok(Options {
        hash: hash.as_deref(),
        padding: opts.get::<_, Option<i32>>("padding")?,
        salt: opts.get::<_, Option<i32>>("saltLength")?,
        p1363: opts.get::<_, Option<bool>>("p1363")?.unwrap_or(false),
    })
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // sign(handle, data, prehashed, { hash, padding, saltLength, p1363 })
    o.set(
        "sign",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, KeyHandle>,
             data: Value<'js>,
             prehashed: bool,
             opts: Object<'js>|
             -> Result<ArrayBuffer<'js>> {
                let hash: Option<String> = opts.get("hash")?;
                let o = options(&opts, &hash)?;
                let b = h.borrow();
                let out = with_bytes(&ctx, &data, |d| sign(&b.key, &b.accel, d, prehashed, &o))?
                    .map_err(|e| raise(&ctx, e))?;
                ArrayBuffer::new(ctx.clone(), out)
            },
        )?,
    )?;
    o.set(
        "verify",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, KeyHandle>,
             data: Value<'js>,
             prehashed: bool,
             sig: Value<'js>,
             opts: Object<'js>|
             -> Result<bool> {
                let hash: Option<String> = opts.get("hash")?;
                let o = options(&opts, &hash)?;
                let sig = with_bytes(&ctx, &sig, <[u8]>::to_vec)?;
                let b = h.borrow();
                with_bytes(&ctx, &data, |d| {
                    verify(&b.key, &b.accel, d, prehashed, &sig, &o)
                })?
                .map_err(|e| raise(&ctx, e))
            },
        )?,
    )?;
    o.set(
        "rsaCrypt",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, KeyHandle>,
             op: u8,
             data: Value<'js>,
             padding: i32,
             oaep_hash: String,
             label: Value<'js>|
             -> Result<ArrayBuffer<'js>> {
                let label = if label.is_undefined() || label.is_null() {
                    None
                } else {
                    Some(with_bytes(&ctx, &label, <[u8]>::to_vec)?)
                };
                let hash = algorithms::find(&oaep_hash).map(|a| a.name).unwrap_or("");
                let b = h.borrow();
                let out = with_bytes(&ctx, &data, |d| {
                    rsa_crypt(&b.key, op, d, padding, hash, label)
                })?
                .map_err(|e| raise(&ctx, e))?;
                ArrayBuffer::new(ctx.clone(), out)
            },
        )?,
    )?;
    // keyEncapsulate(handle) → [sharedKey, ciphertext], for ML-KEM, RSA (RSASVE) and the DHKEM
    // groups (P-256, P-384, P-521, X25519, X448).
    o.set(
        "keyEncapsulate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, KeyHandle>| -> Result<Vec<ArrayBuffer<'js>>> {
                let (secret, ct) = encapsulate(&h.borrow().key).ok_or_else(|| {
                    Exception::throw_message(&ctx, "ERR_CRYPTO_OPERATION_FAILED:encapsulation")
                })?;
                Ok(vec![
                    ArrayBuffer::new(ctx.clone(), secret)?,
                    ArrayBuffer::new(ctx.clone(), ct)?,
                ])
            },
        )?,
    )?;
    o.set(
        "keyDecapsulate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, KeyHandle>, ct: Value<'js>| -> Result<ArrayBuffer<'js>> {
                let b = h.borrow();
                let secret =
                    with_bytes(&ctx, &ct, |c| decapsulate(&b.key, c))?.ok_or_else(|| {
                        Exception::throw_message(&ctx, "ERR_CRYPTO_OPERATION_FAILED:decapsulation")
                    })?;
                ArrayBuffer::new(ctx.clone(), secret)
            },
        )?,
    )?;
    o.set(
        "keyAgree",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             private: Class<'js, KeyHandle>,
             public: Class<'js, KeyHandle>|
             -> Result<ArrayBuffer<'js>> {
                let out = agree(&private.borrow().key, &public.borrow().key)
                    .map_err(|e| raise(&ctx, e))?;
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
    fn type1_padding() {
        let mut block = vec![0, 1];
        block.extend([0xff; 8]);
        block.push(0);
        block.extend(b"hi");
        assert_eq!(strip_type1(&block).as_deref(), Some(&b"hi"[..]));
        block[1] = 2;
        assert_eq!(strip_type1(&block), None);
        assert_eq!(strip_type1(&[0, 1, 0xff]), None);
    }
}
