//! Native signatures on AWS-LC (`aws-lc-rs`), whose RSA and NIST-curve arithmetic is the
//! assembly OpenSSL's is derived from. RustCrypto's portable code, which every other case and the
//! guest use (AWS-LC does not build for wasm32-wasip1), signs with RSA-2048 ten times slower
//! than node and with P-256 five times.
//!
//! Only the common cases come here: RSASSA-PKCS1-v1_5 with SHA-256, SHA-384 or SHA-512 (and
//! SHA-1 to verify), and ECDSA with the hash AWS-LC pairs with each curve to sign (P-256 and
//! secp256k1 with SHA-256, P-384 with SHA-384, P-521 with SHA-512) and any of SHA-1 to SHA-512 to
//! verify. `None` sends the caller the portable way: for every other case, for whatever AWS-LC
//! refuses, and for a signature AWS-LC finds invalid (checked again there, so that the two never
//! disagree on what verifies). Both produce the same PKCS#1 signatures, and valid ECDSA ones.

use std::sync::{Mutex, OnceLock};

use aws_lc_rs::digest;
use aws_lc_rs::signature::{
    self, EcdsaKeyPair, ParsedPublicKey, RsaKeyPair, VerificationAlgorithm,
};

use super::keys::{Curve, Key};

/// What a key object has prepared for AWS-LC, made at its first use.
#[derive(Default)]
pub struct Cache {
    rsa: OnceLock<Option<RsaKeyPair>>,
    ec: OnceLock<Option<EcdsaKeyPair>>,
    /// Public keys parsed for a verification algorithm, by its hash (AWS-LC ties a parsed key to
    /// one); the key object's key fixes the rest.
    public: Mutex<Vec<(&'static str, ParsedPublicKey)>>,
}

/// The hash's name as a `&'static str`, and AWS-LC's algorithm for it.
fn digest_algorithm(name: &str) -> Option<(&'static str, &'static digest::Algorithm)> {
    Some(match name {
        "sha1" => ("sha1", &digest::SHA1_FOR_LEGACY_USE_ONLY),
        "sha256" => ("sha256", &digest::SHA256),
        "sha384" => ("sha384", &digest::SHA384),
        "sha512" => ("sha512", &digest::SHA512),
        _ => return None,
    })
}

/// An RSASSA-PKCS1-v1_5 signature of `hashed` (a `hash` digest).
pub fn rsa_pkcs1_sign(cache: &Cache, key: &Key, hash: &str, hashed: &[u8]) -> Option<Vec<u8>> {
    let Key::RsaPrivate(k, _) = key else {
        return None;
    };
    let encoding: &'static dyn signature::RsaEncoding = match hash {
        "sha256" => &signature::RSA_PKCS1_SHA256,
        "sha384" => &signature::RSA_PKCS1_SHA384,
        "sha512" => &signature::RSA_PKCS1_SHA512,
        _ => return None,
    };
    let pair = cache
        .rsa
        .get_or_init(|| {
            use pkcs1::EncodeRsaPrivateKey;
            RsaKeyPair::from_der(k.to_pkcs1_der().ok()?.as_bytes()).ok()
        })
        .as_ref()?;
    let digest = digest::Digest::import_less_safe(hashed, digest_algorithm(hash)?.1).ok()?;
    let mut out = vec![0; pair.public_modulus_len()];
    pair.sign_digest(encoding, &digest, &mut out).ok()?;
    Some(out)
}

/// An ECDSA signature of `hashed` (a `hash` digest), DER-encoded.
pub fn ecdsa_sign(cache: &Cache, key: &Key, hash: &str, hashed: &[u8]) -> Option<Vec<u8>> {
    let Key::EcPrivate(curve, d, q) = key else {
        return None;
    };
    let (algorithm, paired) = match curve {
        Curve::P256 => (&signature::ECDSA_P256_SHA256_ASN1_SIGNING, "sha256"),
        Curve::P384 => (&signature::ECDSA_P384_SHA384_ASN1_SIGNING, "sha384"),
        Curve::P521 => (&signature::ECDSA_P521_SHA512_ASN1_SIGNING, "sha512"),
        Curve::K256 => (&signature::ECDSA_P256K1_SHA256_ASN1_SIGNING, "sha256"),
    };
    if hash != paired {
        return None;
    }
    let pair = cache
        .ec
        .get_or_init(|| EcdsaKeyPair::from_private_key_and_public_key(algorithm, d, q).ok())
        .as_ref()?;
    let digest = digest::Digest::import_less_safe(hashed, digest_algorithm(hash)?.1).ok()?;
    Some(pair.sign_digest(&digest).ok()?.as_ref().to_vec())
}

/// Whether `sig` is a valid signature of `hashed` (a `hash` digest) by the public key `public`
/// (RSASSA-PKCS1-v1_5, or ECDSA with a DER signature); `None` when AWS-LC does not say yes.
pub fn verify(cache: &Cache, public: &Key, hash: &str, hashed: &[u8], sig: &[u8]) -> Option<bool> {
    let algorithm: &'static dyn VerificationAlgorithm = match public {
        Key::RsaPublic(..) => match hash {
            "sha1" => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
            "sha256" => &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
            "sha384" => &signature::RSA_PKCS1_2048_8192_SHA384,
            "sha512" => &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
            _ => return None,
        },
        Key::EcPublic(curve, _) => match (curve, hash) {
            (Curve::P256, "sha1") => &signature::ECDSA_P256_SHA1_ASN1,
            (Curve::P256, "sha256") => &signature::ECDSA_P256_SHA256_ASN1,
            (Curve::P256, "sha384") => &signature::ECDSA_P256_SHA384_ASN1,
            (Curve::P256, "sha512") => &signature::ECDSA_P256_SHA512_ASN1,
            (Curve::P384, "sha256") => &signature::ECDSA_P384_SHA256_ASN1,
            (Curve::P384, "sha384") => &signature::ECDSA_P384_SHA384_ASN1,
            (Curve::P384, "sha512") => &signature::ECDSA_P384_SHA512_ASN1,
            (Curve::P521, "sha1") => &signature::ECDSA_P521_SHA1_ASN1,
            (Curve::P521, "sha256") => &signature::ECDSA_P521_SHA256_ASN1,
            (Curve::P521, "sha384") => &signature::ECDSA_P521_SHA384_ASN1,
            (Curve::P521, "sha512") => &signature::ECDSA_P521_SHA512_ASN1,
            (Curve::K256, "sha256") => &signature::ECDSA_P256K1_SHA256_ASN1,
            _ => return None,
        },
        _ => return None,
    };
    let (hash, hash_algorithm) = digest_algorithm(hash)?;
    let digest = digest::Digest::import_less_safe(hashed, hash_algorithm).ok()?;
    let mut parsed = cache.public.lock().ok()?;
    let index = match parsed.iter().position(|(h, _)| *h == hash) {
        Some(i) => i,
        None => {
            let bytes = match public {
                Key::RsaPublic(k, _) => {
                    use pkcs1::EncodeRsaPublicKey;
                    k.to_pkcs1_der().ok()?.as_bytes().to_vec()
                }
                Key::EcPublic(_, q) => q.clone(),
                _ => return None,
            };
            parsed.push((hash, ParsedPublicKey::new(algorithm, bytes).ok()?));
            parsed.len() - 1
        }
    };
    parsed[index]
        .1
        .verify_digest_sig(&digest, sig)
        .is_ok()
        .then_some(true)
}

/// AES-GCM as a stream on AWS-LC's EVP interface, whose AES and GHASH run stitched together
/// (aws-lc-rs has GCM only in one piece). Decryption is checked against the tag given before
/// [`AesGcm::finish`]: AWS-LC does not hand out the tag it computes when decrypting.
pub struct AesGcm {
    ctx: std::ptr::NonNull<aws_lc_sys::EVP_CIPHER_CTX>,
    decrypt: bool,
    in_text: bool,
    expected: Option<Vec<u8>>,
}

// SAFETY: the context is owned by this value alone, and AWS-LC keeps no thread affinity.
unsafe impl Send for AesGcm {}

impl Drop for AesGcm {
    fn drop(&mut self) {
        // SAFETY: the context was made by EVP_CIPHER_CTX_new and is freed once, here.
        unsafe { aws_lc_sys::EVP_CIPHER_CTX_free(self.ctx.as_ptr()) };
    }
}

impl AesGcm {
    /// A stream for a 16, 24 or 32-byte key and an IV of any length from 1 to 2^31 - 1 bytes.
    pub fn new(key: &[u8], iv: &[u8], decrypt: bool) -> Option<Self> {
        use aws_lc_sys as lc;
        // SAFETY: these return pointers to static cipher descriptions.
        let cipher = unsafe {
            match key.len() {
                16 => lc::EVP_aes_128_gcm(),
                24 => lc::EVP_aes_192_gcm(),
                32 => lc::EVP_aes_256_gcm(),
                _ => return None,
            }
        };
        let iv_len = std::ffi::c_int::try_from(iv.len())
            .ok()
            .filter(|n| *n > 0)?;
        // SAFETY: a new context, owned by the returned value (freed in Drop, also on failure).
        let ctx = std::ptr::NonNull::new(unsafe { lc::EVP_CIPHER_CTX_new() })?;
        let gcm = AesGcm {
            ctx,
            decrypt,
            in_text: false,
            expected: None,
        };
        let enc = std::ffi::c_int::from(!decrypt);
        let (null, none) = (std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: the cipher is set first, then the IV length, then the key and IV, whose
        // lengths the cipher and the control call fixed.
        let ok = unsafe {
            lc::EVP_CipherInit_ex(
                ctx.as_ptr(),
                cipher,
                null,
                std::ptr::null(),
                std::ptr::null(),
                enc,
            ) == 1
                && lc::EVP_CIPHER_CTX_ctrl(ctx.as_ptr(), lc::EVP_CTRL_GCM_SET_IVLEN, iv_len, none)
                    == 1
                && lc::EVP_CipherInit_ex(
                    ctx.as_ptr(),
                    std::ptr::null(),
                    null,
                    key.as_ptr(),
                    iv.as_ptr(),
                    enc,
                ) == 1
        };
        ok.then_some(gcm)
    }

    /// Runs `input` through the cipher, writing as many bytes at `out` (null for associated
    /// data).
    fn run(&mut self, out: *mut u8, input: &[u8]) -> bool {
        // AWS-LC takes lengths as C ints: the input goes in pieces below 2^30.
        for (i, piece) in input.chunks(1 << 30).enumerate() {
            let mut written: std::ffi::c_int = 0;
            let at = if out.is_null() {
                out
            } else {
                out.wrapping_add(i << 30)
            };
            // SAFETY: `piece` is readable for its length, and `at` (unless null, for associated
            // data) has room for as many bytes, which is what GCM writes.
            let ok = unsafe {
                aws_lc_sys::EVP_CipherUpdate(
                    self.ctx.as_ptr(),
                    at,
                    &mut written,
                    piece.as_ptr(),
                    piece.len() as std::ffi::c_int,
                )
            };
            if ok != 1 {
                return false;
            }
        }
        true
    }

    /// More associated data; false once the text has begun.
    pub fn aad(&mut self, data: &[u8]) -> bool {
        !self.in_text && self.run(std::ptr::null_mut(), data)
    }

    /// More text, its output appended to `out`; false past GCM's length limit.
    pub fn update(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        self.in_text = true;
        out.reserve(data.len());
        let start = out.len();
        let ok = self.run(out.spare_capacity_mut().as_mut_ptr().cast(), data);
        if ok {
            // SAFETY: GCM wrote exactly `data.len()` bytes there.
            unsafe { out.set_len(start + data.len()) };
        }
        ok
    }

    /// The tag a decryption is checked against, when it is known.
    pub fn expect_tag(&mut self, tag: &[u8]) {
        self.expected = Some(tag.to_vec());
    }

    /// Encrypting: the full tag. Decrypting: the tag expected (padded to 16 bytes) when the
    /// text matches it, else `None`.
    pub fn finish(&mut self) -> Option<[u8; 16]> {
        use aws_lc_sys as lc;
        let mut tag = [0u8; 16];
        let ctx = self.ctx.as_ptr();
        // Final writes nothing for GCM; room for a block is given all the same.
        let mut scratch = [0u8; 16];
        let mut written: std::ffi::c_int = 0;
        if self.decrypt {
            let expected = self
                .expected
                .as_ref()
                .filter(|t| (1..=16).contains(&t.len()))?;
            tag[..expected.len()].copy_from_slice(expected);
            // SAFETY: the tag is readable for the length given (AWS-LC copies it).
            let ok = unsafe {
                lc::EVP_CIPHER_CTX_ctrl(
                    ctx,
                    lc::EVP_CTRL_GCM_SET_TAG,
                    expected.len() as std::ffi::c_int,
                    tag.as_mut_ptr().cast(),
                ) == 1
                    && lc::EVP_CipherFinal_ex(ctx, scratch.as_mut_ptr(), &mut written) == 1
            };
            ok.then_some(tag)
        } else {
            // SAFETY: the tag fits the 16 bytes asked for.
            let ok = unsafe {
                lc::EVP_CipherFinal_ex(ctx, scratch.as_mut_ptr(), &mut written) == 1
                    && lc::EVP_CIPHER_CTX_ctrl(
                        ctx,
                        lc::EVP_CTRL_GCM_GET_TAG,
                        16,
                        tag.as_mut_ptr().cast(),
                    ) == 1
            };
            ok.then_some(tag)
        }
    }
}
