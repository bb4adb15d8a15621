//! The rustls crypto provider behind `node:tls`, built on the RustCrypto and dalek crates so the
//! same pure-Rust code runs natively and inside the wasm guest.
//!
//! It supplies everything rustls asks of a [`CryptoProvider`]:
//! - the AEAD record protection of the TLS 1.3 and TLS 1.2 cipher suites (AES-GCM and
//!   ChaCha20-Poly1305), with the hashes, HMAC, HKDF and TLS 1.2 PRF they need (the HKDF and
//!   the PRF are rustls's generic ones over our HMAC);
//! - ephemeral key exchange over X25519, P-256 and P-384;
//! - the signature verification algorithms webpki uses for certificate chains and handshake
//!   signatures (ECDSA, Ed25519, RSA PKCS#1 v1.5 and RSA-PSS);
//! - loading of PKCS#8, PKCS#1 and SEC1 private keys into signers (RSA, ECDSA P-256/P-384,
//!   Ed25519);
//! - random bytes from the operating system (WASI's `random_get` in the guest).
//!
//! Cipher suites are listed in OpenSSL 3's default order, which is what Node offers. Every
//! length that comes from the peer is checked: a malformed record, key share or signature is a
//! rustls error, never a panic.

use std::marker::PhantomData;
use std::sync::Arc;

use aead::consts::{U12, U16};
use aead::{AeadCore, AeadInOut, KeyInit};
use digest::Digest;
use ecdsa::signature::Signer as _;
use ecdsa::signature::hazmat::PrehashVerifier;
use elliptic_curve::sec1::{FromSec1Point, ModulusSize, ToSec1Point};
use elliptic_curve::{AffinePoint, CurveArithmetic, FieldBytesSize, Generate};
use hmac::Mac;
use rustls::crypto::cipher::{
    AeadKey, InboundOpaqueMessage, InboundPlainMessage, Iv, KeyBlockShape, MessageDecrypter,
    MessageEncrypter, NONCE_LEN, Nonce, OutboundOpaqueMessage, OutboundPlainMessage,
    PrefixedPayload, Tls12AeadAlgorithm, Tls13AeadAlgorithm, UnsupportedOperationError,
    make_tls12_aad, make_tls13_aad,
};
use rustls::crypto::hash::HashAlgorithm;
use rustls::crypto::tls12::PrfUsingHmac;
use rustls::crypto::tls13::HkdfUsingHmac;
use rustls::crypto::{
    ActiveKeyExchange, CipherSuiteCommon, CryptoProvider, GetRandomFailed, KeyExchangeAlgorithm,
    KeyProvider, SecureRandom, SharedSecret, SupportedKxGroup, WebPkiSupportedAlgorithms,
};
use rustls::ffdhe_groups::FfdheGroup;
use rustls::pki_types::{
    AlgorithmIdentifier, InvalidSignature, PrivateKeyDer, SignatureVerificationAlgorithm,
    SubjectPublicKeyInfoDer, alg_id,
};
use rustls::sign::{Signer, SigningKey, public_key_to_spki};
use rustls::{
    CipherSuite, ConnectionTrafficSecrets, ContentType, Error, NamedGroup, PeerMisbehaved,
    ProtocolVersion, SignatureAlgorithm, SignatureScheme, SupportedCipherSuite, Tls12CipherSuite,
    Tls13CipherSuite,
};

/// The crypto provider moat's TLS uses, natively and in the guest.
pub fn provider() -> CryptoProvider {
    CryptoProvider {
        cipher_suites: CIPHER_SUITES.to_vec(),
        kx_groups: KX_GROUPS.to_vec(),
        signature_verification_algorithms: SIGNATURE_ALGORITHMS,
        secure_random: &Random,
        key_provider: &Keys,
    }
}

// ---- cipher suites ---------------------------------------------------------------------------

/// OpenSSL 3's default order: TLS 1.3 first, then TLS 1.2 preferring AES-256, ECDSA before RSA.
static CIPHER_SUITES: &[SupportedCipherSuite] = &[
    TLS13_AES_256_GCM_SHA384,
    TLS13_AES_128_GCM_SHA256,
    TLS13_CHACHA20_POLY1305_SHA256,
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
];

/// AES-GCM's limit on records per key (the AEAD limits draft; rustls's own providers use it).
const GCM_RECORD_LIMIT: u64 = 1 << 24;

static TLS13_AES_256_GCM_SHA384: SupportedCipherSuite =
    SupportedCipherSuite::Tls13(&Tls13CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS13_AES_256_GCM_SHA384,
            hash_provider: &SHA384,
            confidentiality_limit: GCM_RECORD_LIMIT,
        },
        hkdf_provider: &HkdfUsingHmac(&HMAC_SHA384),
        aead_alg: &Tls13Aead::<aes_gcm::Aes256Gcm>(AeadKind::Aes256Gcm, PhantomData),
        quic: None,
    });

static TLS13_AES_128_GCM_SHA256: SupportedCipherSuite =
    SupportedCipherSuite::Tls13(&Tls13CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS13_AES_128_GCM_SHA256,
            hash_provider: &SHA256,
            confidentiality_limit: GCM_RECORD_LIMIT,
        },
        hkdf_provider: &HkdfUsingHmac(&HMAC_SHA256),
        aead_alg: &Tls13Aead::<aes_gcm::Aes128Gcm>(AeadKind::Aes128Gcm, PhantomData),
        quic: None,
    });

static TLS13_CHACHA20_POLY1305_SHA256: SupportedCipherSuite =
    SupportedCipherSuite::Tls13(&Tls13CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS13_CHACHA20_POLY1305_SHA256,
            hash_provider: &SHA256,
            confidentiality_limit: u64::MAX,
        },
        hkdf_provider: &HkdfUsingHmac(&HMAC_SHA256),
        aead_alg: &Tls13Aead::<chacha20poly1305::ChaCha20Poly1305>(
            AeadKind::Chacha20Poly1305,
            PhantomData,
        ),
        quic: None,
    });

static TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: SupportedCipherSuite =
    SupportedCipherSuite::Tls12(&Tls12CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            hash_provider: &SHA384,
            confidentiality_limit: GCM_RECORD_LIMIT,
        },
        kx: KeyExchangeAlgorithm::ECDHE,
        sign: TLS12_ECDSA_SCHEMES,
        aead_alg: &Tls12Gcm::<aes_gcm::Aes256Gcm>(AeadKind::Aes256Gcm, PhantomData),
        prf_provider: &PrfUsingHmac(&HMAC_SHA384),
    });

static TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: SupportedCipherSuite =
    SupportedCipherSuite::Tls12(&Tls12CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            hash_provider: &SHA384,
            confidentiality_limit: GCM_RECORD_LIMIT,
        },
        kx: KeyExchangeAlgorithm::ECDHE,
        sign: TLS12_RSA_SCHEMES,
        aead_alg: &Tls12Gcm::<aes_gcm::Aes256Gcm>(AeadKind::Aes256Gcm, PhantomData),
        prf_provider: &PrfUsingHmac(&HMAC_SHA384),
    });

static TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: SupportedCipherSuite =
    SupportedCipherSuite::Tls12(&Tls12CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            hash_provider: &SHA256,
            confidentiality_limit: GCM_RECORD_LIMIT,
        },
        kx: KeyExchangeAlgorithm::ECDHE,
        sign: TLS12_ECDSA_SCHEMES,
        aead_alg: &Tls12Gcm::<aes_gcm::Aes128Gcm>(AeadKind::Aes128Gcm, PhantomData),
        prf_provider: &PrfUsingHmac(&HMAC_SHA256),
    });

static TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: SupportedCipherSuite =
    SupportedCipherSuite::Tls12(&Tls12CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            hash_provider: &SHA256,
            confidentiality_limit: GCM_RECORD_LIMIT,
        },
        kx: KeyExchangeAlgorithm::ECDHE,
        sign: TLS12_RSA_SCHEMES,
        aead_alg: &Tls12Gcm::<aes_gcm::Aes128Gcm>(AeadKind::Aes128Gcm, PhantomData),
        prf_provider: &PrfUsingHmac(&HMAC_SHA256),
    });

static TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: SupportedCipherSuite =
    SupportedCipherSuite::Tls12(&Tls12CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            hash_provider: &SHA256,
            confidentiality_limit: u64::MAX,
        },
        kx: KeyExchangeAlgorithm::ECDHE,
        sign: TLS12_ECDSA_SCHEMES,
        aead_alg: &Tls12Chacha,
        prf_provider: &PrfUsingHmac(&HMAC_SHA256),
    });

static TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: SupportedCipherSuite =
    SupportedCipherSuite::Tls12(&Tls12CipherSuite {
        common: CipherSuiteCommon {
            suite: CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            hash_provider: &SHA256,
            confidentiality_limit: u64::MAX,
        },
        kx: KeyExchangeAlgorithm::ECDHE,
        sign: TLS12_RSA_SCHEMES,
        aead_alg: &Tls12Chacha,
        prf_provider: &PrfUsingHmac(&HMAC_SHA256),
    });

/// The handshake signatures a TLS 1.2 ECDHE_ECDSA suite accepts (Ed25519 rides on them too,
/// RFC 8422), in order of preference.
static TLS12_ECDSA_SCHEMES: &[SignatureScheme] = &[
    SignatureScheme::ED25519,
    SignatureScheme::ECDSA_NISTP521_SHA512,
    SignatureScheme::ECDSA_NISTP384_SHA384,
    SignatureScheme::ECDSA_NISTP256_SHA256,
];

/// The handshake signatures a TLS 1.2 ECDHE_RSA suite accepts, in order of preference.
static TLS12_RSA_SCHEMES: &[SignatureScheme] = &[
    SignatureScheme::RSA_PSS_SHA512,
    SignatureScheme::RSA_PSS_SHA384,
    SignatureScheme::RSA_PSS_SHA256,
    SignatureScheme::RSA_PKCS1_SHA512,
    SignatureScheme::RSA_PKCS1_SHA384,
    SignatureScheme::RSA_PKCS1_SHA256,
];

// ---- hashes and HMAC -------------------------------------------------------------------------

static SHA256: Hash<sha2::Sha256> = Hash(HashAlgorithm::SHA256, PhantomData);
static SHA384: Hash<sha2::Sha384> = Hash(HashAlgorithm::SHA384, PhantomData);
static HMAC_SHA256: Hmac<sha2::Sha256> = Hmac(PhantomData);
static HMAC_SHA384: Hmac<sha2::Sha384> = Hmac(PhantomData);

/// A hash function as rustls sees it: `D` and the name TLS gives it.
struct Hash<D>(HashAlgorithm, PhantomData<fn() -> D>);

impl<D> rustls::crypto::hash::Hash for Hash<D>
where
    D: Digest + Clone + Send + Sync + 'static,
{
    fn start(&self) -> Box<dyn rustls::crypto::hash::Context> {
        Box::new(HashContext(D::new()))
    }

    fn hash(&self, data: &[u8]) -> rustls::crypto::hash::Output {
        rustls::crypto::hash::Output::new(&D::digest(data))
    }

    fn output_len(&self) -> usize {
        <D as Digest>::output_size()
    }

    fn algorithm(&self) -> HashAlgorithm {
        self.0
    }
}

/// A running hash.
struct HashContext<D>(D);

impl<D> rustls::crypto::hash::Context for HashContext<D>
where
    D: Digest + Clone + Send + Sync + 'static,
{
    fn fork_finish(&self) -> rustls::crypto::hash::Output {
        rustls::crypto::hash::Output::new(&self.0.clone().finalize())
    }

    fn fork(&self) -> Box<dyn rustls::crypto::hash::Context> {
        Box::new(HashContext(self.0.clone()))
    }

    fn finish(self: Box<Self>) -> rustls::crypto::hash::Output {
        rustls::crypto::hash::Output::new(&self.0.finalize())
    }

    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }
}

/// HMAC over the hash `D`; rustls builds HKDF (TLS 1.3) and the PRF (TLS 1.2) on it.
struct Hmac<D>(PhantomData<fn() -> D>);

impl<D> rustls::crypto::hmac::Hmac for Hmac<D>
where
    D: Digest + hmac::EagerHash + Send + Sync + 'static,
    hmac::Hmac<D>: Mac + KeyInit + Clone + Send + Sync + 'static,
{
    fn with_key(&self, key: &[u8]) -> Box<dyn rustls::crypto::hmac::Key> {
        // HMAC zero-pads a key up to the hash's block size and hashes a longer one first
        // (RFC 2104); doing that here gives a key of exactly the block size, which `new` takes
        // without a length check that could fail.
        let mut block = hmac::digest::Key::<hmac::Hmac<D>>::default();
        if key.len() <= block.len() {
            block[..key.len()].copy_from_slice(key);
        } else {
            let hashed = D::digest(key);
            let n = hashed.len().min(block.len());
            block[..n].copy_from_slice(&hashed[..n]);
        }
        Box::new(HmacKey(<hmac::Hmac<D> as KeyInit>::new(&block)))
    }

    fn hash_output_len(&self) -> usize {
        <D as Digest>::output_size()
    }
}

/// An HMAC keyed and ready; each tag starts from a copy of it.
struct HmacKey<M>(M);

impl<M> rustls::crypto::hmac::Key for HmacKey<M>
where
    M: Mac + Clone + Send + Sync,
{
    fn sign_concat(
        &self,
        first: &[u8],
        middle: &[&[u8]],
        last: &[u8],
    ) -> rustls::crypto::hmac::Tag {
        let mut mac = self.0.clone();
        mac.update(first);
        for part in middle {
            mac.update(part);
        }
        mac.update(last);
        rustls::crypto::hmac::Tag::new(&mac.finalize().into_bytes())
    }

    fn tag_len(&self) -> usize {
        <M as hmac::digest::OutputSizeUser>::output_size()
    }
}

// ---- record protection -----------------------------------------------------------------------

/// Every AEAD the suites use: a 96-bit nonce and a 128-bit tag.
trait TlsAead: AeadInOut + AeadCore<NonceSize = U12, TagSize = U16> + KeyInit {}

impl<T: AeadInOut + AeadCore<NonceSize = U12, TagSize = U16> + KeyInit> TlsAead for T {}

const TAG_LEN: usize = 16;

/// The largest plaintext a record may carry (RFC 8446 §5.1, RFC 5246 §6.2.1).
const MAX_FRAGMENT_LEN: usize = 1 << 14;

/// Which AEAD a suite uses, for handing its keys out (`dangerous_extract_secrets`, kTLS).
#[derive(Clone, Copy)]
enum AeadKind {
    Aes128Gcm,
    Aes256Gcm,
    Chacha20Poly1305,
}

impl AeadKind {
    fn secrets(self, key: AeadKey, iv: Iv) -> ConnectionTrafficSecrets {
        match self {
            Self::Aes128Gcm => ConnectionTrafficSecrets::Aes128Gcm { key, iv },
            Self::Aes256Gcm => ConnectionTrafficSecrets::Aes256Gcm { key, iv },
            Self::Chacha20Poly1305 => ConnectionTrafficSecrets::Chacha20Poly1305 { key, iv },
        }
    }
}

fn aead_nonce<A: TlsAead>(bytes: [u8; NONCE_LEN]) -> aead::Nonce<A> {
    aead::Nonce::<A>::from(bytes)
}

/// Seals `buf` in place and appends the tag.
fn seal<A: TlsAead>(
    cipher: &A,
    nonce: [u8; NONCE_LEN],
    aad: &[u8],
    payload: &mut PrefixedPayload,
    from: usize,
) -> Result<(), Error> {
    let body = payload
        .as_mut()
        .get_mut(from..)
        .ok_or(Error::EncryptError)?;
    let tag = cipher
        .encrypt_inout_detached(&aead_nonce::<A>(nonce), aad, body.into())
        .map_err(|_| Error::EncryptError)?;
    payload.extend_from_slice(&tag);
    Ok(())
}

/// Opens `body || tag` in place; the plaintext is left in `body`.
fn open<A: TlsAead>(
    cipher: &A,
    nonce: [u8; NONCE_LEN],
    aad: &[u8],
    sealed: &mut [u8],
) -> Result<(), Error> {
    let body_len = sealed
        .len()
        .checked_sub(TAG_LEN)
        .ok_or(Error::DecryptError)?;
    let (body, tag) = sealed.split_at_mut(body_len);
    let tag = aead::Tag::<A>::try_from(&*tag).map_err(|_| Error::DecryptError)?;
    cipher
        .decrypt_inout_detached(&aead_nonce::<A>(nonce), aad, body.into(), &tag)
        .map_err(|_| Error::DecryptError)
}

/// A record layer that can't work because rustls handed over a key or IV of the wrong size;
/// it fails every record instead of panicking.
struct Unusable;

impl MessageEncrypter for Unusable {
    fn encrypt(
        &mut self,
        _: OutboundPlainMessage<'_>,
        _: u64,
    ) -> Result<OutboundOpaqueMessage, Error> {
        Err(Error::EncryptError)
    }

    fn encrypted_payload_len(&self, payload_len: usize) -> usize {
        payload_len + TAG_LEN
    }
}

impl MessageDecrypter for Unusable {
    fn decrypt<'a>(
        &mut self,
        _: InboundOpaqueMessage<'a>,
        _: u64,
    ) -> Result<InboundPlainMessage<'a>, Error> {
        Err(Error::DecryptError)
    }
}

/// A TLS 1.3 AEAD (RFC 8446 §5.2): the nonce is the IV xor the record number, the additional
/// data is the record header, and the real content type travels inside the ciphertext.
struct Tls13Aead<A>(AeadKind, PhantomData<fn() -> A>);

impl<A: TlsAead + Send + Sync + 'static> Tls13AeadAlgorithm for Tls13Aead<A> {
    fn encrypter(&self, key: AeadKey, iv: Iv) -> Box<dyn MessageEncrypter> {
        match A::new_from_slice(key.as_ref()) {
            Ok(cipher) => Box::new(Tls13Protect { cipher, iv }),
            Err(_) => Box::new(Unusable),
        }
    }

    fn decrypter(&self, key: AeadKey, iv: Iv) -> Box<dyn MessageDecrypter> {
        match A::new_from_slice(key.as_ref()) {
            Ok(cipher) => Box::new(Tls13Protect { cipher, iv }),
            Err(_) => Box::new(Unusable),
        }
    }

    fn key_len(&self) -> usize {
        A::key_size()
    }

    fn extract_keys(
        &self,
        key: AeadKey,
        iv: Iv,
    ) -> Result<ConnectionTrafficSecrets, UnsupportedOperationError> {
        Ok(self.0.secrets(key, iv))
    }
}

struct Tls13Protect<A> {
    cipher: A,
    iv: Iv,
}

impl<A: TlsAead + Send + Sync> MessageEncrypter for Tls13Protect<A> {
    fn encrypt(
        &mut self,
        msg: OutboundPlainMessage<'_>,
        seq: u64,
    ) -> Result<OutboundOpaqueMessage, Error> {
        let total_len = self.encrypted_payload_len(msg.payload.len());
        let mut payload = PrefixedPayload::with_capacity(total_len);
        payload.extend_from_chunks(&msg.payload);
        payload.extend_from_slice(&[u8::from(msg.typ)]);
        seal(
            &self.cipher,
            Nonce::new(&self.iv, seq).0,
            &make_tls13_aad(total_len),
            &mut payload,
            0,
        )?;
        // TLS 1.3 records all claim to be TLS 1.2 application data (RFC 8446 §5.2).
        Ok(OutboundOpaqueMessage::new(
            ContentType::ApplicationData,
            ProtocolVersion::TLSv1_2,
            payload,
        ))
    }

    fn encrypted_payload_len(&self, payload_len: usize) -> usize {
        payload_len + 1 + TAG_LEN
    }
}

impl<A: TlsAead + Send + Sync> MessageDecrypter for Tls13Protect<A> {
    fn decrypt<'a>(
        &mut self,
        mut msg: InboundOpaqueMessage<'a>,
        seq: u64,
    ) -> Result<InboundPlainMessage<'a>, Error> {
        let payload = &mut msg.payload;
        let sealed_len = payload.len();
        let aad = make_tls13_aad(sealed_len);
        open(&self.cipher, Nonce::new(&self.iv, seq).0, &aad, payload)?;
        payload.truncate(sealed_len - TAG_LEN);
        msg.into_tls13_unpadded_message()
    }
}

/// AES-GCM in TLS 1.2 (RFC 5288): a 4-byte salt from the key block plus an 8-byte explicit
/// nonce sent in front of each record. The explicit part is the record number xor 8 more bytes
/// of key block, so it never repeats.
struct Tls12Gcm<A>(AeadKind, PhantomData<fn() -> A>);

const GCM_SALT_LEN: usize = 4;
const GCM_EXPLICIT_LEN: usize = 8;

/// The salt followed by the explicit nonce's starting point.
fn gcm_iv(salt: &[u8], explicit: &[u8]) -> Option<Iv> {
    if salt.len() != GCM_SALT_LEN || explicit.len() != GCM_EXPLICIT_LEN {
        return None;
    }
    let mut iv = [0u8; NONCE_LEN];
    iv[..GCM_SALT_LEN].copy_from_slice(salt);
    iv[GCM_SALT_LEN..].copy_from_slice(explicit);
    Some(Iv::from(iv))
}

impl<A: TlsAead + Send + Sync + 'static> Tls12AeadAlgorithm for Tls12Gcm<A> {
    fn encrypter(&self, key: AeadKey, iv: &[u8], extra: &[u8]) -> Box<dyn MessageEncrypter> {
        match (A::new_from_slice(key.as_ref()), gcm_iv(iv, extra)) {
            (Ok(cipher), Some(iv)) => Box::new(Tls12GcmEncrypt { cipher, iv }),
            _ => Box::new(Unusable),
        }
    }

    fn decrypter(&self, key: AeadKey, iv: &[u8]) -> Box<dyn MessageDecrypter> {
        match (
            A::new_from_slice(key.as_ref()),
            <[u8; GCM_SALT_LEN]>::try_from(iv),
        ) {
            (Ok(cipher), Ok(salt)) => Box::new(Tls12GcmDecrypt { cipher, salt }),
            _ => Box::new(Unusable),
        }
    }

    fn key_block_shape(&self) -> KeyBlockShape {
        KeyBlockShape {
            enc_key_len: A::key_size(),
            fixed_iv_len: GCM_SALT_LEN,
            explicit_nonce_len: GCM_EXPLICIT_LEN,
        }
    }

    fn extract_keys(
        &self,
        key: AeadKey,
        iv: &[u8],
        explicit: &[u8],
    ) -> Result<ConnectionTrafficSecrets, UnsupportedOperationError> {
        let iv = gcm_iv(iv, explicit).ok_or(UnsupportedOperationError)?;
        Ok(self.0.secrets(key, iv))
    }
}

struct Tls12GcmEncrypt<A> {
    cipher: A,
    iv: Iv,
}

impl<A: TlsAead + Send + Sync> MessageEncrypter for Tls12GcmEncrypt<A> {
    fn encrypt(
        &mut self,
        msg: OutboundPlainMessage<'_>,
        seq: u64,
    ) -> Result<OutboundOpaqueMessage, Error> {
        let total_len = self.encrypted_payload_len(msg.payload.len());
        let nonce = Nonce::new(&self.iv, seq).0;
        let aad = make_tls12_aad(seq, msg.typ, msg.version, msg.payload.len());
        let mut payload = PrefixedPayload::with_capacity(total_len);
        payload.extend_from_slice(&nonce[GCM_SALT_LEN..]);
        payload.extend_from_chunks(&msg.payload);
        seal(&self.cipher, nonce, &aad, &mut payload, GCM_EXPLICIT_LEN)?;
        Ok(OutboundOpaqueMessage::new(msg.typ, msg.version, payload))
    }

    fn encrypted_payload_len(&self, payload_len: usize) -> usize {
        payload_len + GCM_EXPLICIT_LEN + TAG_LEN
    }
}

struct Tls12GcmDecrypt<A> {
    cipher: A,
    salt: [u8; GCM_SALT_LEN],
}

impl<A: TlsAead + Send + Sync> MessageDecrypter for Tls12GcmDecrypt<A> {
    fn decrypt<'a>(
        &mut self,
        mut msg: InboundOpaqueMessage<'a>,
        seq: u64,
    ) -> Result<InboundPlainMessage<'a>, Error> {
        let payload = &mut msg.payload;
        let Some(plain_len) = payload.len().checked_sub(GCM_EXPLICIT_LEN + TAG_LEN) else {
            return Err(Error::DecryptError);
        };
        let mut nonce = [0u8; NONCE_LEN];
        nonce[..GCM_SALT_LEN].copy_from_slice(&self.salt);
        nonce[GCM_SALT_LEN..].copy_from_slice(&payload[..GCM_EXPLICIT_LEN]);
        let aad = make_tls12_aad(seq, msg.typ, msg.version, plain_len);
        open(&self.cipher, nonce, &aad, &mut payload[GCM_EXPLICIT_LEN..])?;
        if plain_len > MAX_FRAGMENT_LEN {
            return Err(Error::PeerSentOversizedRecord);
        }
        Ok(msg.into_plain_message_range(GCM_EXPLICIT_LEN..GCM_EXPLICIT_LEN + plain_len))
    }
}

/// ChaCha20-Poly1305 in TLS 1.2 (RFC 7905): a 12-byte IV from the key block xor the record
/// number, nothing explicit on the wire.
struct Tls12Chacha;

type ChaCha = chacha20poly1305::ChaCha20Poly1305;

impl Tls12AeadAlgorithm for Tls12Chacha {
    fn encrypter(&self, key: AeadKey, iv: &[u8], _: &[u8]) -> Box<dyn MessageEncrypter> {
        match (
            ChaCha::new_from_slice(key.as_ref()),
            <[u8; NONCE_LEN]>::try_from(iv),
        ) {
            (Ok(cipher), Ok(iv)) => Box::new(Tls12ChachaProtect {
                cipher,
                iv: Iv::from(iv),
            }),
            _ => Box::new(Unusable),
        }
    }

    fn decrypter(&self, key: AeadKey, iv: &[u8]) -> Box<dyn MessageDecrypter> {
        match (
            ChaCha::new_from_slice(key.as_ref()),
            <[u8; NONCE_LEN]>::try_from(iv),
        ) {
            (Ok(cipher), Ok(iv)) => Box::new(Tls12ChachaProtect {
                cipher,
                iv: Iv::from(iv),
            }),
            _ => Box::new(Unusable),
        }
    }

    fn key_block_shape(&self) -> KeyBlockShape {
        KeyBlockShape {
            enc_key_len: 32,
            fixed_iv_len: NONCE_LEN,
            explicit_nonce_len: 0,
        }
    }

    fn extract_keys(
        &self,
        key: AeadKey,
        iv: &[u8],
        _: &[u8],
    ) -> Result<ConnectionTrafficSecrets, UnsupportedOperationError> {
        let iv = <[u8; NONCE_LEN]>::try_from(iv).map_err(|_| UnsupportedOperationError)?;
        Ok(AeadKind::Chacha20Poly1305.secrets(key, Iv::from(iv)))
    }
}

struct Tls12ChachaProtect {
    cipher: ChaCha,
    iv: Iv,
}

impl MessageEncrypter for Tls12ChachaProtect {
    fn encrypt(
        &mut self,
        msg: OutboundPlainMessage<'_>,
        seq: u64,
    ) -> Result<OutboundOpaqueMessage, Error> {
        let total_len = self.encrypted_payload_len(msg.payload.len());
        let aad = make_tls12_aad(seq, msg.typ, msg.version, msg.payload.len());
        let mut payload = PrefixedPayload::with_capacity(total_len);
        payload.extend_from_chunks(&msg.payload);
        seal(
            &self.cipher,
            Nonce::new(&self.iv, seq).0,
            &aad,
            &mut payload,
            0,
        )?;
        Ok(OutboundOpaqueMessage::new(msg.typ, msg.version, payload))
    }

    fn encrypted_payload_len(&self, payload_len: usize) -> usize {
        payload_len + TAG_LEN
    }
}

impl MessageDecrypter for Tls12ChachaProtect {
    fn decrypt<'a>(
        &mut self,
        mut msg: InboundOpaqueMessage<'a>,
        seq: u64,
    ) -> Result<InboundPlainMessage<'a>, Error> {
        let payload = &mut msg.payload;
        let Some(plain_len) = payload.len().checked_sub(TAG_LEN) else {
            return Err(Error::DecryptError);
        };
        let aad = make_tls12_aad(seq, msg.typ, msg.version, plain_len);
        open(&self.cipher, Nonce::new(&self.iv, seq).0, &aad, payload)?;
        if plain_len > MAX_FRAGMENT_LEN {
            return Err(Error::PeerSentOversizedRecord);
        }
        payload.truncate(plain_len);
        Ok(msg.into_plain_message())
    }
}

// ---- key exchange ----------------------------------------------------------------------------

/// X25519 first: what OpenSSL (and so Node) puts first too.
static KX_GROUPS: &[&dyn SupportedKxGroup] = &[&X25519, &SECP256R1, &SECP384R1];

static X25519: X25519Group = X25519Group;
static SECP256R1: EcGroup<p256::NistP256> = EcGroup(NamedGroup::secp256r1, PhantomData);
static SECP384R1: EcGroup<p384::NistP384> = EcGroup(NamedGroup::secp384r1, PhantomData);

#[derive(Debug)]
struct X25519Group;

impl SupportedKxGroup for X25519Group {
    fn start(&self) -> Result<Box<dyn ActiveKeyExchange>, Error> {
        let mut seed = elliptic_curve::zeroize::Zeroizing::new([0u8; 32]);
        getrandom::fill(&mut *seed).map_err(|_| GetRandomFailed)?;
        let secret = x25519_dalek::StaticSecret::from(*seed);
        let public = x25519_dalek::PublicKey::from(&secret).to_bytes();
        Ok(Box::new(X25519Exchange { secret, public }))
    }

    fn ffdhe_group(&self) -> Option<FfdheGroup<'static>> {
        None
    }

    fn name(&self) -> NamedGroup {
        NamedGroup::X25519
    }
}

struct X25519Exchange {
    secret: x25519_dalek::StaticSecret,
    public: [u8; 32],
}

impl ActiveKeyExchange for X25519Exchange {
    fn complete(self: Box<Self>, peer_pub_key: &[u8]) -> Result<SharedSecret, Error> {
        let peer = <[u8; 32]>::try_from(peer_pub_key)
            .map_err(|_| Error::from(PeerMisbehaved::InvalidKeyShare))?;
        let shared = self
            .secret
            .diffie_hellman(&x25519_dalek::PublicKey::from(peer));
        // A low-order point gives an all-zero secret, which RFC 8446 §7.4.2 says to reject.
        if !shared.was_contributory() {
            return Err(PeerMisbehaved::InvalidKeyShare.into());
        }
        Ok(SharedSecret::from(&shared.as_bytes()[..]))
    }

    fn pub_key(&self) -> &[u8] {
        &self.public
    }

    fn ffdhe_group(&self) -> Option<FfdheGroup<'static>> {
        None
    }

    fn group(&self) -> NamedGroup {
        NamedGroup::X25519
    }
}

/// ECDHE over a NIST curve; key shares are uncompressed SEC1 points (RFC 8446 §4.2.8.2).
struct EcGroup<C>(NamedGroup, PhantomData<fn() -> C>);

impl<C> core::fmt::Debug for EcGroup<C> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.fmt(f)
    }
}

impl<C> SupportedKxGroup for EcGroup<C>
where
    C: CurveArithmetic + Send + Sync + 'static,
    AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
    FieldBytesSize<C>: ModulusSize,
    elliptic_curve::ecdh::EphemeralSecret<C>: Send + Sync,
{
    fn start(&self) -> Result<Box<dyn ActiveKeyExchange>, Error> {
        let secret = elliptic_curve::ecdh::EphemeralSecret::<C>::try_generate_from_rng(
            &mut getrandom::SysRng,
        )
        .map_err(|_| GetRandomFailed)?;
        let public = secret.public_key().to_sec1_point(false).as_bytes().to_vec();
        Ok(Box::new(EcExchange {
            name: self.0,
            secret,
            public,
        }))
    }

    fn ffdhe_group(&self) -> Option<FfdheGroup<'static>> {
        None
    }

    fn name(&self) -> NamedGroup {
        self.0
    }
}

struct EcExchange<C: CurveArithmetic> {
    name: NamedGroup,
    secret: elliptic_curve::ecdh::EphemeralSecret<C>,
    public: Vec<u8>,
}

impl<C> ActiveKeyExchange for EcExchange<C>
where
    C: CurveArithmetic + Send + Sync + 'static,
    AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
    FieldBytesSize<C>: ModulusSize,
    elliptic_curve::ecdh::EphemeralSecret<C>: Send + Sync,
{
    fn complete(self: Box<Self>, peer_pub_key: &[u8]) -> Result<SharedSecret, Error> {
        // Only the uncompressed form, the same length as ours; the decoder then checks that
        // the point is on the curve and not the identity.
        if peer_pub_key.len() != self.public.len() || peer_pub_key.first() != Some(&0x04) {
            return Err(PeerMisbehaved::InvalidKeyShare.into());
        }
        let peer = elliptic_curve::PublicKey::<C>::from_sec1_bytes(peer_pub_key)
            .map_err(|_| Error::from(PeerMisbehaved::InvalidKeyShare))?;
        let shared = self.secret.diffie_hellman(&peer);
        Ok(SharedSecret::from(&shared.raw_secret_bytes()[..]))
    }

    fn pub_key(&self) -> &[u8] {
        &self.public
    }

    fn ffdhe_group(&self) -> Option<FfdheGroup<'static>> {
        None
    }

    fn group(&self) -> NamedGroup {
        self.name
    }
}

// ---- signature verification ------------------------------------------------------------------

/// What webpki checks certificate chains and handshake signatures with. `mapping` is the order
/// rustls's own providers offer in `signature_algorithms`; for TLS 1.3 only the first algorithm
/// of an entry is used, for TLS 1.2 (where the scheme doesn't fix the curve) each is tried.
static SIGNATURE_ALGORITHMS: WebPkiSupportedAlgorithms = WebPkiSupportedAlgorithms {
    all: &[
        ECDSA_P256_SHA256,
        ECDSA_P256_SHA384,
        ECDSA_P384_SHA256,
        ECDSA_P384_SHA384,
        ECDSA_P521_SHA512,
        ED25519,
        RSA_PSS_SHA256,
        RSA_PSS_SHA384,
        RSA_PSS_SHA512,
        RSA_PKCS1_SHA256,
        RSA_PKCS1_SHA384,
        RSA_PKCS1_SHA512,
        RSA_PKCS1_SHA256_ABSENT_PARAMS,
        RSA_PKCS1_SHA384_ABSENT_PARAMS,
        RSA_PKCS1_SHA512_ABSENT_PARAMS,
    ],
    mapping: &[
        (
            SignatureScheme::ECDSA_NISTP384_SHA384,
            &[ECDSA_P384_SHA384, ECDSA_P256_SHA384],
        ),
        (
            SignatureScheme::ECDSA_NISTP256_SHA256,
            &[ECDSA_P256_SHA256, ECDSA_P384_SHA256],
        ),
        (SignatureScheme::ECDSA_NISTP521_SHA512, &[ECDSA_P521_SHA512]),
        (SignatureScheme::ED25519, &[ED25519]),
        (SignatureScheme::RSA_PSS_SHA512, &[RSA_PSS_SHA512]),
        (SignatureScheme::RSA_PSS_SHA384, &[RSA_PSS_SHA384]),
        (SignatureScheme::RSA_PSS_SHA256, &[RSA_PSS_SHA256]),
        (SignatureScheme::RSA_PKCS1_SHA512, &[RSA_PKCS1_SHA512]),
        (SignatureScheme::RSA_PKCS1_SHA384, &[RSA_PKCS1_SHA384]),
        (SignatureScheme::RSA_PKCS1_SHA256, &[RSA_PKCS1_SHA256]),
    ],
};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Curve {
    P256,
    P384,
    P521,
}

/// Runs `$body` with `$c` naming the curve type of `$curve`.
macro_rules! on_curve {
    ($curve:expr, $c:ident => $body:expr) => {
        match $curve {
            Curve::P256 => {
                type $c = p256::NistP256;
                $body
            }
            Curve::P384 => {
                type $c = p384::NistP384;
                $body
            }
            Curve::P521 => {
                type $c = p521::NistP521;
                $body
            }
        }
    };
}

#[derive(Clone, Copy, Debug)]
enum HashFn {
    Sha256,
    Sha384,
    Sha512,
}

impl HashFn {
    fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            Self::Sha256 => sha2::Sha256::digest(message).to_vec(),
            Self::Sha384 => sha2::Sha384::digest(message).to_vec(),
            Self::Sha512 => sha2::Sha512::digest(message).to_vec(),
        }
    }
}

/// ECDSA with a DER `Ecdsa-Sig-Value` signature and a SEC1 point as the key.
#[derive(Debug)]
struct EcdsaVerify {
    curve: Curve,
    hash: HashFn,
    key_alg: AlgorithmIdentifier,
    sig_alg: AlgorithmIdentifier,
}

impl SignatureVerificationAlgorithm for EcdsaVerify {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        let prehash = self.hash.digest(message);
        on_curve!(self.curve, C => {
            let key = ecdsa::VerifyingKey::<C>::from_sec1_bytes(public_key)
                .map_err(|_| InvalidSignature)?;
            let sig = ecdsa::Signature::<C>::from_der(signature).map_err(|_| InvalidSignature)?;
            // ECDSA doesn't fix the sign of s: a signer may produce either (n - s works as
            // well as s), and OpenSSL, like ring, accepts both.
            if key.verify_prehash(&prehash, &sig).is_ok() {
                return Ok(());
            }
            match sig.normalize_s() {
                low if low != sig => key.verify_prehash(&prehash, &low).map_err(|_| InvalidSignature),
                _ => Err(InvalidSignature),
            }
        })
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.key_alg
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.sig_alg
    }
}

static ECDSA_P256_SHA256: &dyn SignatureVerificationAlgorithm = &EcdsaVerify {
    curve: Curve::P256,
    hash: HashFn::Sha256,
    key_alg: alg_id::ECDSA_P256,
    sig_alg: alg_id::ECDSA_SHA256,
};
static ECDSA_P256_SHA384: &dyn SignatureVerificationAlgorithm = &EcdsaVerify {
    curve: Curve::P256,
    hash: HashFn::Sha384,
    key_alg: alg_id::ECDSA_P256,
    sig_alg: alg_id::ECDSA_SHA384,
};
static ECDSA_P384_SHA256: &dyn SignatureVerificationAlgorithm = &EcdsaVerify {
    curve: Curve::P384,
    hash: HashFn::Sha256,
    key_alg: alg_id::ECDSA_P384,
    sig_alg: alg_id::ECDSA_SHA256,
};
static ECDSA_P384_SHA384: &dyn SignatureVerificationAlgorithm = &EcdsaVerify {
    curve: Curve::P384,
    hash: HashFn::Sha384,
    key_alg: alg_id::ECDSA_P384,
    sig_alg: alg_id::ECDSA_SHA384,
};
static ECDSA_P521_SHA512: &dyn SignatureVerificationAlgorithm = &EcdsaVerify {
    curve: Curve::P521,
    hash: HashFn::Sha512,
    key_alg: alg_id::ECDSA_P521,
    sig_alg: alg_id::ECDSA_SHA512,
};

/// Ed25519 (RFC 8032) with the 32-byte key and 64-byte signature.
#[derive(Debug)]
struct Ed25519Verify;

impl SignatureVerificationAlgorithm for Ed25519Verify {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        let key = <&[u8; 32]>::try_from(public_key).map_err(|_| InvalidSignature)?;
        let key = ed25519_dalek::VerifyingKey::from_bytes(key).map_err(|_| InvalidSignature)?;
        let sig = ed25519_dalek::Signature::from_slice(signature).map_err(|_| InvalidSignature)?;
        key.verify_strict(message, &sig)
            .map_err(|_| InvalidSignature)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        alg_id::ED25519
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        alg_id::ED25519
    }
}

static ED25519: &dyn SignatureVerificationAlgorithm = &Ed25519Verify;

/// RSA with an `rsaEncryption` key (a PKCS#1 `RSAPublicKey`) of 2048 to 8192 bits, as webpki's
/// RSA algorithms require; PSS uses MGF1 with the same hash and a salt as long as the hash
/// (RFC 8446 §4.2.3).
#[derive(Debug)]
struct RsaVerify {
    hash: HashFn,
    pss: bool,
    sig_alg: AlgorithmIdentifier,
}

/// The smallest RSA modulus accepted for verification, in bytes.
const RSA_MIN_MODULUS_BYTES: usize = 2048 / 8;

impl SignatureVerificationAlgorithm for RsaVerify {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        use rsa::pkcs1::DecodeRsaPublicKey;
        use rsa::traits::PublicKeyParts;
        use sha2::{Sha256, Sha384, Sha512};

        let key = rsa::PublicKey::from_pkcs1_der(public_key).map_err(|_| InvalidSignature)?;
        if key.size() < RSA_MIN_MODULUS_BYTES {
            return Err(InvalidSignature);
        }
        let verified = match (self.pss, self.hash) {
            (true, HashFn::Sha256) => key.pss_verify::<Sha256>(message, signature),
            (true, HashFn::Sha384) => key.pss_verify::<Sha384>(message, signature),
            (true, HashFn::Sha512) => key.pss_verify::<Sha512>(message, signature),
            (false, HashFn::Sha256) => key.pkcs1v15_verify::<Sha256>(message, signature),
            (false, HashFn::Sha384) => key.pkcs1v15_verify::<Sha384>(message, signature),
            (false, HashFn::Sha512) => key.pkcs1v15_verify::<Sha512>(message, signature),
        };
        verified.map_err(|_| InvalidSignature)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        alg_id::RSA_ENCRYPTION
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.sig_alg
    }
}

static RSA_PSS_SHA256: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha256,
    pss: true,
    sig_alg: alg_id::RSA_PSS_SHA256,
};
static RSA_PSS_SHA384: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha384,
    pss: true,
    sig_alg: alg_id::RSA_PSS_SHA384,
};
static RSA_PSS_SHA512: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha512,
    pss: true,
    sig_alg: alg_id::RSA_PSS_SHA512,
};
static RSA_PKCS1_SHA256: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha256,
    pss: false,
    sig_alg: alg_id::RSA_PKCS1_SHA256,
};
static RSA_PKCS1_SHA384: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha384,
    pss: false,
    sig_alg: alg_id::RSA_PKCS1_SHA384,
};
static RSA_PKCS1_SHA512: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha512,
    pss: false,
    sig_alg: alg_id::RSA_PKCS1_SHA512,
};

// Some certificates leave out the NULL parameters of the shaNNNWithRSAEncryption identifiers.
static RSA_PKCS1_SHA256_ABSENT_PARAMS: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha256,
    pss: false,
    // OBJECT IDENTIFIER 1.2.840.113549.1.1.11
    sig_alg: AlgorithmIdentifier::from_slice(&[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b,
    ]),
};
static RSA_PKCS1_SHA384_ABSENT_PARAMS: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha384,
    pss: false,
    // OBJECT IDENTIFIER 1.2.840.113549.1.1.12
    sig_alg: AlgorithmIdentifier::from_slice(&[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c,
    ]),
};
static RSA_PKCS1_SHA512_ABSENT_PARAMS: &dyn SignatureVerificationAlgorithm = &RsaVerify {
    hash: HashFn::Sha512,
    pss: false,
    // OBJECT IDENTIFIER 1.2.840.113549.1.1.13
    sig_alg: AlgorithmIdentifier::from_slice(&[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d,
    ]),
};

// ---- private keys ----------------------------------------------------------------------------

#[derive(Debug)]
struct Random;

impl SecureRandom for Random {
    fn fill(&self, buf: &mut [u8]) -> Result<(), GetRandomFailed> {
        getrandom::fill(buf).map_err(|_| GetRandomFailed)
    }
}

#[derive(Debug)]
struct Keys;

impl KeyProvider for Keys {
    fn load_private_key(
        &self,
        key_der: PrivateKeyDer<'static>,
    ) -> Result<Arc<dyn SigningKey>, Error> {
        load_private_key(&key_der)
    }
}

const OID_RSA_ENCRYPTION: pkcs8::ObjectIdentifier =
    pkcs8::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_EC_PUBLIC_KEY: pkcs8::ObjectIdentifier =
    pkcs8::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ED25519: pkcs8::ObjectIdentifier = pkcs8::ObjectIdentifier::new_unwrap("1.3.101.112");
const OID_P256: pkcs8::ObjectIdentifier =
    pkcs8::ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const OID_P384: pkcs8::ObjectIdentifier = pkcs8::ObjectIdentifier::new_unwrap("1.3.132.0.34");
const OID_P521: pkcs8::ObjectIdentifier = pkcs8::ObjectIdentifier::new_unwrap("1.3.132.0.35");

fn bad_key(what: &str, err: impl core::fmt::Display) -> Error {
    Error::General(format!("failed to parse {what} private key: {err}"))
}

fn load_private_key(der: &PrivateKeyDer<'_>) -> Result<Arc<dyn SigningKey>, Error> {
    use der::Decode;
    use pkcs8::DecodePrivateKey;
    use rsa::pkcs1::DecodeRsaPrivateKey;

    match der {
        PrivateKeyDer::Pkcs1(k) => {
            let key = rsa::PrivateKey::from_pkcs1_der(k.secret_pkcs1_der())
                .map_err(|e| bad_key("RSA", e))?;
            Ok(Arc::new(RsaSigningKey::new(key)?))
        }
        PrivateKeyDer::Sec1(k) => {
            let bytes = k.secret_sec1_der();
            let parsed = sec1::EcPrivateKey::from_der(bytes).map_err(|e| bad_key("EC", e))?;
            let curve = match parsed.parameters.and_then(|p| p.named_curve()) {
                Some(oid) => oid,
                // Without parameters, the length of the private scalar tells the curve.
                None => match parsed.private_key.len() {
                    32 => OID_P256,
                    48 => OID_P384,
                    _ => return Err(unsupported_curve(None)),
                },
            };
            match curve {
                OID_P256 => {
                    let key =
                        p256::SecretKey::from_sec1_der(bytes).map_err(|e| bad_key("EC", e))?;
                    Ok(Arc::new(EcdsaSigningKey::p256(key)))
                }
                OID_P384 => {
                    let key =
                        p384::SecretKey::from_sec1_der(bytes).map_err(|e| bad_key("EC", e))?;
                    Ok(Arc::new(EcdsaSigningKey::p384(key)))
                }
                other => Err(unsupported_curve(Some(other))),
            }
        }
        PrivateKeyDer::Pkcs8(k) => {
            let bytes = k.secret_pkcs8_der();
            let info =
                pkcs8::PrivateKeyInfoRef::from_der(bytes).map_err(|e| bad_key("PKCS#8", e))?;
            match info.algorithm.oid {
                OID_RSA_ENCRYPTION => {
                    let key =
                        rsa::PrivateKey::from_pkcs8_der(bytes).map_err(|e| bad_key("RSA", e))?;
                    Ok(Arc::new(RsaSigningKey::new(key)?))
                }
                OID_EC_PUBLIC_KEY => match info.algorithm.parameters_oid().ok() {
                    Some(OID_P256) => {
                        let key =
                            p256::SecretKey::from_pkcs8_der(bytes).map_err(|e| bad_key("EC", e))?;
                        Ok(Arc::new(EcdsaSigningKey::p256(key)))
                    }
                    Some(OID_P384) => {
                        let key =
                            p384::SecretKey::from_pkcs8_der(bytes).map_err(|e| bad_key("EC", e))?;
                        Ok(Arc::new(EcdsaSigningKey::p384(key)))
                    }
                    other => Err(unsupported_curve(other)),
                },
                OID_ED25519 => {
                    let key = ed25519_dalek::SigningKey::from_pkcs8_der(bytes)
                        .map_err(|e| bad_key("Ed25519", e))?;
                    Ok(Arc::new(Ed25519SigningKey::new(key)))
                }
                other => Err(Error::General(format!(
                    "unsupported private key type for TLS (algorithm {other}); \
                     RSA, ECDSA P-256/P-384 and Ed25519 keys are supported"
                ))),
            }
        }
        _ => Err(Error::General(
            "unsupported private key encoding for TLS; PKCS#8, PKCS#1 and SEC1 are supported"
                .into(),
        )),
    }
}

fn unsupported_curve(oid: Option<pkcs8::ObjectIdentifier>) -> Error {
    let name = match oid {
        Some(OID_P521) => "P-521".to_string(),
        Some(oid) => oid.to_string(),
        None => "unknown".to_string(),
    };
    Error::General(format!(
        "unsupported EC private key curve for TLS ({name}); P-256 and P-384 are supported"
    ))
}

/// The schemes an RSA key signs with, best first: PSS before PKCS#1 v1.5, longer hashes first.
static RSA_SCHEMES: &[SignatureScheme] = TLS12_RSA_SCHEMES;

/// An RSA key; its SubjectPublicKeyInfo is kept for rustls's key/certificate match check.
struct RsaSigningKey {
    key: Arc<rsa::PrivateKey>,
    spki: Vec<u8>,
}

impl RsaSigningKey {
    fn new(key: rsa::PrivateKey) -> Result<Self, Error> {
        use rsa::pkcs1::EncodeRsaPublicKey;
        let public = key
            .as_public_key()
            .to_pkcs1_der()
            .map_err(|e| bad_key("RSA", e))?;
        let spki = public_key_to_spki(&alg_id::RSA_ENCRYPTION, public.as_bytes());
        Ok(Self {
            key: Arc::new(key),
            spki: spki.as_ref().to_vec(),
        })
    }
}

impl core::fmt::Debug for RsaSigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RsaSigningKey").finish_non_exhaustive()
    }
}

impl SigningKey for RsaSigningKey {
    fn choose_scheme(&self, offered: &[SignatureScheme]) -> Option<Box<dyn Signer>> {
        let scheme = RSA_SCHEMES.iter().find(|s| offered.contains(s))?;
        Some(Box::new(RsaSigner {
            key: self.key.clone(),
            scheme: *scheme,
        }))
    }

    fn public_key(&self) -> Option<SubjectPublicKeyInfoDer<'_>> {
        Some(SubjectPublicKeyInfoDer::from(self.spki.as_slice()))
    }

    fn algorithm(&self) -> SignatureAlgorithm {
        SignatureAlgorithm::RSA
    }
}

struct RsaSigner {
    key: Arc<rsa::PrivateKey>,
    scheme: SignatureScheme,
}

impl core::fmt::Debug for RsaSigner {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RsaSigner")
            .field("scheme", &self.scheme)
            .finish_non_exhaustive()
    }
}

impl Signer for RsaSigner {
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        use sha2::{Sha256, Sha384, Sha512};
        // Both paddings blind the private operation with fresh randomness.
        let signed = match self.scheme {
            SignatureScheme::RSA_PSS_SHA256 => self.key.pss_sign::<Sha256>(message),
            SignatureScheme::RSA_PSS_SHA384 => self.key.pss_sign::<Sha384>(message),
            SignatureScheme::RSA_PSS_SHA512 => self.key.pss_sign::<Sha512>(message),
            SignatureScheme::RSA_PKCS1_SHA256 => self.key.pkcs1v15_sign::<Sha256>(message),
            SignatureScheme::RSA_PKCS1_SHA384 => self.key.pkcs1v15_sign::<Sha384>(message),
            SignatureScheme::RSA_PKCS1_SHA512 => self.key.pkcs1v15_sign::<Sha512>(message),
            other => return Err(Error::General(format!("RSA can't sign with {other:?}"))),
        };
        signed.map_err(|e| Error::General(format!("RSA signing failed: {e}")))
    }

    fn scheme(&self) -> SignatureScheme {
        self.scheme
    }
}

enum EcdsaKey {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
}

/// An ECDSA key, which signs with exactly its curve's scheme (the one TLS 1.3 allows).
#[derive(Clone)]
struct EcdsaSigningKey {
    key: Arc<EcdsaKey>,
    scheme: SignatureScheme,
    spki: Vec<u8>,
}

impl EcdsaSigningKey {
    fn p256(key: p256::SecretKey) -> Self {
        let point = key.public_key().to_sec1_point(false);
        Self {
            spki: public_key_to_spki(&alg_id::ECDSA_P256, point.as_bytes())
                .as_ref()
                .to_vec(),
            key: Arc::new(EcdsaKey::P256(key.into())),
            scheme: SignatureScheme::ECDSA_NISTP256_SHA256,
        }
    }

    fn p384(key: p384::SecretKey) -> Self {
        let point = key.public_key().to_sec1_point(false);
        Self {
            spki: public_key_to_spki(&alg_id::ECDSA_P384, point.as_bytes())
                .as_ref()
                .to_vec(),
            key: Arc::new(EcdsaKey::P384(key.into())),
            scheme: SignatureScheme::ECDSA_NISTP384_SHA384,
        }
    }
}

impl core::fmt::Debug for EcdsaSigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EcdsaSigningKey")
            .field("scheme", &self.scheme)
            .finish_non_exhaustive()
    }
}

impl SigningKey for EcdsaSigningKey {
    fn choose_scheme(&self, offered: &[SignatureScheme]) -> Option<Box<dyn Signer>> {
        offered
            .contains(&self.scheme)
            .then(|| Box::new(self.clone()) as Box<dyn Signer>)
    }

    fn public_key(&self) -> Option<SubjectPublicKeyInfoDer<'_>> {
        Some(SubjectPublicKeyInfoDer::from(self.spki.as_slice()))
    }

    fn algorithm(&self) -> SignatureAlgorithm {
        SignatureAlgorithm::ECDSA
    }
}

impl Signer for EcdsaSigningKey {
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        // Deterministic nonces (RFC 6979), over SHA-256 for P-256 and SHA-384 for P-384.
        let failed = |e: ecdsa::Error| Error::General(format!("ECDSA signing failed: {e}"));
        match &*self.key {
            EcdsaKey::P256(k) => {
                let sig: p256::ecdsa::Signature = k.try_sign(message).map_err(failed)?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            EcdsaKey::P384(k) => {
                let sig: p384::ecdsa::Signature = k.try_sign(message).map_err(failed)?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
        }
    }

    fn scheme(&self) -> SignatureScheme {
        self.scheme
    }
}

/// An Ed25519 key (RFC 8032, used in TLS per RFC 8422 and RFC 8446).
#[derive(Clone)]
struct Ed25519SigningKey {
    key: Arc<ed25519_dalek::SigningKey>,
    spki: Vec<u8>,
}

impl Ed25519SigningKey {
    fn new(key: ed25519_dalek::SigningKey) -> Self {
        let spki = public_key_to_spki(&alg_id::ED25519, key.verifying_key().as_bytes());
        Self {
            key: Arc::new(key),
            spki: spki.as_ref().to_vec(),
        }
    }
}

impl core::fmt::Debug for Ed25519SigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Ed25519SigningKey").finish_non_exhaustive()
    }
}

impl SigningKey for Ed25519SigningKey {
    fn choose_scheme(&self, offered: &[SignatureScheme]) -> Option<Box<dyn Signer>> {
        offered
            .contains(&SignatureScheme::ED25519)
            .then(|| Box::new(self.clone()) as Box<dyn Signer>)
    }

    fn public_key(&self) -> Option<SubjectPublicKeyInfoDer<'_>> {
        Some(SubjectPublicKeyInfoDer::from(self.spki.as_slice()))
    }

    fn algorithm(&self) -> SignatureAlgorithm {
        SignatureAlgorithm::ED25519
    }
}

impl Signer for Ed25519SigningKey {
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        let sig = self
            .key
            .try_sign(message)
            .map_err(|e| Error::General(format!("Ed25519 signing failed: {e}")))?;
        Ok(sig.to_bytes().to_vec())
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::ED25519
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::sync::{Mutex, OnceLock};

    use rustls::client::WebPkiServerVerifier;
    use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
    use rustls::crypto::cipher::OutboundChunks;
    use rustls::pki_types::{
        CertificateDer, PrivatePkcs1KeyDer, PrivatePkcs8KeyDer, PrivateSec1KeyDer, ServerName,
        UnixTime,
    };
    use rustls::{
        CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, RootCertStore,
        ServerConfig, ServerConnection, SupportedProtocolVersion,
    };

    use super::*;

    // ---- keys and certificates ----

    /// A server key as rustls receives it, its SubjectPublicKeyInfo as the key's own crate
    /// encodes it, and a self-signed certificate for "localhost" made with it.
    struct ServerKey {
        der: PrivateKeyDer<'static>,
        spki: Vec<u8>,
        cert: CertificateDer<'static>,
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum KeyKind {
        Rsa,
        P256,
        P384,
        Ed25519,
    }

    fn rsa_private() -> &'static rsa::PrivateKey {
        static KEY: OnceLock<rsa::PrivateKey> = OnceLock::new();
        KEY.get_or_init(|| rsa::PrivateKey::new(&mut getrandom::SysRng, 2048).unwrap())
    }

    fn server_key(kind: KeyKind) -> ServerKey {
        use pkcs8::EncodePrivateKey;
        use spki::EncodePublicKey;

        let (der, spki, scheme, sig_alg) = match kind {
            KeyKind::Rsa => {
                let key = rsa_private();
                (
                    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
                        key.to_pkcs8_der().unwrap().as_bytes().to_vec(),
                    )),
                    key.as_public_key().to_public_key_der().unwrap(),
                    SignatureScheme::RSA_PKCS1_SHA256,
                    alg_id::RSA_PKCS1_SHA256,
                )
            }
            KeyKind::P256 => {
                let key = p256::SecretKey::try_generate_from_rng(&mut getrandom::SysRng).unwrap();
                (
                    PrivateKeyDer::Sec1(PrivateSec1KeyDer::from(
                        key.to_sec1_der().unwrap().to_vec(),
                    )),
                    key.public_key().to_public_key_der().unwrap(),
                    SignatureScheme::ECDSA_NISTP256_SHA256,
                    alg_id::ECDSA_SHA256,
                )
            }
            KeyKind::P384 => {
                let key = p384::SecretKey::try_generate_from_rng(&mut getrandom::SysRng).unwrap();
                (
                    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
                        key.to_pkcs8_der().unwrap().as_bytes().to_vec(),
                    )),
                    key.public_key().to_public_key_der().unwrap(),
                    SignatureScheme::ECDSA_NISTP384_SHA384,
                    alg_id::ECDSA_SHA384,
                )
            }
            KeyKind::Ed25519 => {
                let mut seed = [0u8; 32];
                getrandom::fill(&mut seed).unwrap();
                let key = ed25519_dalek::SigningKey::from_bytes(&seed);
                (
                    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
                        key.to_pkcs8_der().unwrap().as_bytes().to_vec(),
                    )),
                    key.verifying_key().to_public_key_der().unwrap(),
                    SignatureScheme::ED25519,
                    alg_id::ED25519,
                )
            }
        };
        let spki = spki.as_bytes().to_vec();
        let signer = load_private_key(&der).unwrap();
        assert_eq!(signer.public_key().unwrap().as_ref(), &spki[..], "{kind:?}");
        let cert = self_signed(&*signer, &spki, scheme, sig_alg);
        ServerKey { der, spki, cert }
    }

    fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        match body.len() {
            n @ 0..0x80 => out.push(n as u8),
            n @ 0x80..0x100 => out.extend([0x81, n as u8]),
            n => out.extend([0x82, (n >> 8) as u8, n as u8]),
        }
        out.extend_from_slice(body);
        out
    }

    fn seq(parts: &[&[u8]]) -> Vec<u8> {
        tlv(0x30, &parts.concat())
    }

    /// A v3 certificate for DNS name "localhost", signed by its own key through our signer.
    fn self_signed(
        key: &dyn SigningKey,
        spki: &[u8],
        scheme: SignatureScheme,
        sig_alg: AlgorithmIdentifier,
    ) -> CertificateDer<'static> {
        const CN: &[u8] = &[0x06, 0x03, 0x55, 0x04, 0x03];
        const SAN: &[u8] = &[0x06, 0x03, 0x55, 0x1d, 0x11];
        const EKU: &[u8] = &[0x06, 0x03, 0x55, 0x1d, 0x25];
        const SERVER_AUTH: &[u8] = &[0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01];

        let alg = tlv(0x30, sig_alg.as_ref());
        let name = seq(&[&tlv(0x31, &seq(&[CN, &tlv(0x0c, b"moat test")]))]);
        let validity = seq(&[&tlv(0x17, b"000101000000Z"), &tlv(0x17, b"491231235959Z")]);
        let san = seq(&[SAN, &tlv(0x04, &seq(&[&tlv(0x82, b"localhost")]))]);
        let eku = seq(&[EKU, &tlv(0x04, &seq(&[SERVER_AUTH]))]);
        let tbs = seq(&[
            &tlv(0xa0, &[0x02, 0x01, 0x02]),
            &[0x02, 0x01, 0x01],
            &alg,
            &name,
            &validity,
            &name,
            spki,
            &tlv(0xa3, &seq(&[&san, &eku])),
        ]);
        let signature = key.choose_scheme(&[scheme]).unwrap().sign(&tbs).unwrap();
        let bits = [&[0u8][..], &signature].concat();
        CertificateDer::from(seq(&[&tbs, &alg, &tlv(0x03, &bits)]))
    }

    // ---- connections ----

    /// Delegates to webpki and notes which signature scheme the server's handshake used.
    #[derive(Debug)]
    struct Recording {
        inner: Arc<WebPkiServerVerifier>,
        schemes: Mutex<Vec<SignatureScheme>>,
    }

    impl ServerCertVerifier for Recording {
        fn verify_server_cert(
            &self,
            end_entity: &CertificateDer<'_>,
            intermediates: &[CertificateDer<'_>],
            server_name: &ServerName<'_>,
            ocsp: &[u8],
            now: UnixTime,
        ) -> Result<ServerCertVerified, Error> {
            self.inner
                .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            self.schemes.lock().unwrap().push(dss.scheme);
            self.inner.verify_tls12_signature(message, cert, dss)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, Error> {
            self.schemes.lock().unwrap().push(dss.scheme);
            self.inner.verify_tls13_signature(message, cert, dss)
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.inner.supported_verify_schemes()
        }
    }

    fn verifier(
        provider: &Arc<CryptoProvider>,
        root: &CertificateDer<'static>,
    ) -> Arc<WebPkiServerVerifier> {
        let mut roots = RootCertStore::empty();
        roots.add(root.clone()).unwrap();
        WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .unwrap()
    }

    /// Moves records both ways until neither side has anything to send.
    fn pump(client: &mut ClientConnection, server: &mut ServerConnection) -> Result<(), Error> {
        loop {
            let mut moved = false;
            while client.wants_write() {
                let mut buf = Vec::new();
                client.write_tls(&mut buf).unwrap();
                let mut rd = &buf[..];
                while !rd.is_empty() {
                    server.read_tls(&mut rd).unwrap();
                    server.process_new_packets()?;
                }
                moved = true;
            }
            while server.wants_write() {
                let mut buf = Vec::new();
                server.write_tls(&mut buf).unwrap();
                let mut rd = &buf[..];
                while !rd.is_empty() {
                    client.read_tls(&mut rd).unwrap();
                    client.process_new_packets()?;
                }
                moved = true;
            }
            if !moved {
                return Ok(());
            }
        }
    }

    struct Outcome {
        client: ClientConnection,
        server: ServerConnection,
        schemes: Vec<SignatureScheme>,
    }

    /// A full handshake between a client and a server that both offer only `suite` and `group`,
    /// then application data each way.
    fn connect(
        suite: SupportedCipherSuite,
        group: &'static dyn SupportedKxGroup,
        key: &ServerKey,
        client_algorithms: WebPkiSupportedAlgorithms,
        extract: bool,
    ) -> Outcome {
        let narrowed = CryptoProvider {
            cipher_suites: vec![suite],
            kx_groups: vec![group],
            ..provider()
        };
        let versions: &[&'static SupportedProtocolVersion] = &[suite.version()];
        let server_provider = Arc::new(narrowed.clone());
        let client_provider = Arc::new(CryptoProvider {
            signature_verification_algorithms: client_algorithms,
            ..narrowed
        });

        let recording = Arc::new(Recording {
            inner: verifier(&client_provider, &key.cert),
            schemes: Mutex::new(Vec::new()),
        });
        let mut client_config = ClientConfig::builder_with_provider(client_provider)
            .with_protocol_versions(versions)
            .unwrap()
            .dangerous()
            .with_custom_certificate_verifier(recording.clone())
            .with_no_client_auth();
        client_config.enable_secret_extraction = extract;
        // Small records, so the data below spans several of them.
        client_config.max_fragment_size = Some(1000);
        let mut server_config = ServerConfig::builder_with_provider(server_provider)
            .with_protocol_versions(versions)
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![key.cert.clone()], key.der.clone_key())
            .unwrap();
        server_config.enable_secret_extraction = extract;

        let name = ServerName::try_from("localhost").unwrap();
        let mut client = ClientConnection::new(Arc::new(client_config), name).unwrap();
        let mut server = ServerConnection::new(Arc::new(server_config)).unwrap();
        pump(&mut client, &mut server).unwrap();
        assert!(!client.is_handshaking() && !server.is_handshaking());
        for side in [&*client as &rustls::CommonState, &*server] {
            assert_eq!(side.negotiated_cipher_suite(), Some(suite));
            assert_eq!(
                side.negotiated_key_exchange_group().unwrap().name(),
                group.name()
            );
        }

        // Application data: a dozen records up, one down.
        let upload: Vec<u8> = (0..12_000u32).map(|i| (i % 251) as u8).collect();
        client.writer().write_all(&upload).unwrap();
        server.writer().write_all(b"hello from the server").unwrap();
        pump(&mut client, &mut server).unwrap();
        let mut got = vec![0u8; upload.len()];
        server.reader().read_exact(&mut got).unwrap();
        assert_eq!(got, upload);
        let mut got = [0u8; 21];
        client.reader().read_exact(&mut got).unwrap();
        assert_eq!(&got, b"hello from the server");

        let schemes = recording.schemes.lock().unwrap().clone();
        Outcome {
            client,
            server,
            schemes,
        }
    }

    fn suites_for(kind: KeyKind) -> Vec<SupportedCipherSuite> {
        provider()
            .cipher_suites
            .into_iter()
            .filter(|s| match s {
                SupportedCipherSuite::Tls13(_) => true,
                SupportedCipherSuite::Tls12(s) => {
                    let rsa = s.sign.contains(&SignatureScheme::RSA_PKCS1_SHA256);
                    rsa == (kind == KeyKind::Rsa)
                }
            })
            .collect()
    }

    /// Every suite the key can serve, over every group.
    fn every_suite_and_group(kind: KeyKind, expected: &[SignatureScheme]) {
        let key = server_key(kind);
        let suites = suites_for(kind);
        assert_eq!(suites.len(), 6);
        for suite in suites {
            for group in provider().kx_groups {
                let outcome = connect(suite, group, &key, SIGNATURE_ALGORITHMS, false);
                assert_eq!(outcome.schemes.len(), 1, "{suite:?} {group:?}");
                assert!(
                    expected.contains(&outcome.schemes[0]),
                    "{suite:?} {group:?} {kind:?} signed with {:?}",
                    outcome.schemes[0]
                );
            }
        }
    }

    #[test]
    fn rsa_server_every_suite_and_group() {
        // PSS, as TLS 1.3 requires and rustls prefers in TLS 1.2 too.
        every_suite_and_group(KeyKind::Rsa, &[SignatureScheme::RSA_PSS_SHA512]);
    }

    #[test]
    fn p256_server_every_suite_and_group() {
        every_suite_and_group(KeyKind::P256, &[SignatureScheme::ECDSA_NISTP256_SHA256]);
    }

    #[test]
    fn p384_server_every_suite_and_group() {
        every_suite_and_group(KeyKind::P384, &[SignatureScheme::ECDSA_NISTP384_SHA384]);
    }

    #[test]
    fn ed25519_server_every_suite_and_group() {
        every_suite_and_group(KeyKind::Ed25519, &[SignatureScheme::ED25519]);
    }

    #[test]
    fn rsa_pkcs1_signatures_in_tls12() {
        // A client that only verifies PKCS#1 v1.5 makes the server sign that way; the key
        // comes in as PKCS#1 DER this time.
        static PKCS1_ONLY: WebPkiSupportedAlgorithms = WebPkiSupportedAlgorithms {
            all: SIGNATURE_ALGORITHMS.all,
            mapping: &[
                (SignatureScheme::RSA_PKCS1_SHA384, &[RSA_PKCS1_SHA384]),
                (SignatureScheme::RSA_PKCS1_SHA256, &[RSA_PKCS1_SHA256]),
            ],
        };
        use rsa::pkcs1::EncodeRsaPrivateKey;
        let mut key = server_key(KeyKind::Rsa);
        key.der = PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(
            rsa_private().to_pkcs1_der().unwrap().as_bytes().to_vec(),
        ));
        for suite in suites_for(KeyKind::Rsa) {
            if let SupportedCipherSuite::Tls13(_) = suite {
                continue;
            }
            for group in provider().kx_groups {
                let outcome = connect(suite, group, &key, PKCS1_ONLY, false);
                assert_eq!(outcome.schemes, [SignatureScheme::RSA_PKCS1_SHA384]);
            }
        }
    }

    // ---- traffic secrets ----

    fn secret_parts(secrets: &ConnectionTrafficSecrets) -> (&'static str, Vec<u8>, Vec<u8>) {
        match secrets {
            ConnectionTrafficSecrets::Aes128Gcm { key, iv } => {
                ("aes128gcm", key.as_ref().to_vec(), iv.as_ref().to_vec())
            }
            ConnectionTrafficSecrets::Aes256Gcm { key, iv } => {
                ("aes256gcm", key.as_ref().to_vec(), iv.as_ref().to_vec())
            }
            ConnectionTrafficSecrets::Chacha20Poly1305 { key, iv } => (
                "chacha20poly1305",
                key.as_ref().to_vec(),
                iv.as_ref().to_vec(),
            ),
            _ => panic!("unexpected secrets kind"),
        }
    }

    #[test]
    fn extracted_secrets_match_between_peers() {
        let key = server_key(KeyKind::P256);
        for suite in suites_for(KeyKind::P256) {
            let outcome = connect(suite, &X25519, &key, SIGNATURE_ALGORITHMS, true);
            let client = outcome.client.dangerous_extract_secrets().unwrap();
            let server = outcome.server.dangerous_extract_secrets().unwrap();
            let (kind, key_len) = match suite.suite() {
                CipherSuite::TLS13_AES_128_GCM_SHA256
                | CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 => ("aes128gcm", 16),
                CipherSuite::TLS13_AES_256_GCM_SHA384
                | CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 => ("aes256gcm", 32),
                _ => ("chacha20poly1305", 32),
            };
            let up = secret_parts(&client.tx.1);
            let down = secret_parts(&server.tx.1);
            assert_eq!(up, secret_parts(&server.rx.1), "{suite:?}");
            assert_eq!(down, secret_parts(&client.rx.1), "{suite:?}");
            assert_ne!(up.1, down.1, "{suite:?}");
            assert_eq!(
                (up.0, up.1.len(), up.2.len()),
                (kind, key_len, NONCE_LEN),
                "{suite:?}"
            );
            assert_eq!(client.tx.0, server.rx.0);
            assert_eq!(client.rx.0, server.tx.0);
            // Records already sent: at least the application data above.
            assert!(client.tx.0 >= 3 && server.tx.0 >= 1, "{suite:?}");
        }
    }

    // ---- certificates and signatures ----

    #[test]
    fn tampered_certificate_signature_is_rejected() {
        let provider = Arc::new(provider());
        let name = ServerName::try_from("localhost").unwrap();
        for kind in [KeyKind::Rsa, KeyKind::P256, KeyKind::P384, KeyKind::Ed25519] {
            let key = server_key(kind);
            let verifier = verifier(&provider, &key.cert);
            verifier
                .verify_server_cert(&key.cert, &[], &name, &[], UnixTime::now())
                .unwrap();
            let mut bad = key.cert.as_ref().to_vec();
            let last = bad.len() - 1;
            bad[last] ^= 0x01;
            let err = verifier
                .verify_server_cert(&CertificateDer::from(bad), &[], &name, &[], UnixTime::now())
                .unwrap_err();
            assert_eq!(
                err,
                Error::InvalidCertificate(CertificateError::BadSignature),
                "{kind:?}"
            );
            // And a key that doesn't match the certificate is refused at load time.
            let other = server_key(if kind == KeyKind::P256 {
                KeyKind::P384
            } else {
                KeyKind::P256
            });
            assert!(
                ServerConfig::builder_with_provider(provider.clone())
                    .with_protocol_versions(rustls::ALL_VERSIONS)
                    .unwrap()
                    .with_no_client_auth()
                    .with_single_cert(vec![key.cert.clone()], other.der.clone_key())
                    .is_err(),
                "{kind:?}"
            );
            assert_ne!(key.spki, other.spki);
        }
    }

    /// A valid signature over `message` for each verification algorithm, made with the
    /// RustCrypto crates directly, with the matching public key.
    fn signatures(
        message: &[u8],
    ) -> Vec<(
        &'static dyn SignatureVerificationAlgorithm,
        Vec<u8>,
        Vec<u8>,
    )> {
        use ecdsa::signature::hazmat::PrehashSigner;
        use rsa::pkcs1::EncodeRsaPublicKey;
        use sha2::{Sha256, Sha384, Sha512};

        fn ecdsa_pair<C>(prehash: &[u8]) -> (Vec<u8>, Vec<u8>)
        where
            C: ecdsa::EcdsaCurve + CurveArithmetic,
            ecdsa::SigningKey<C>: PrehashSigner<ecdsa::Signature<C>>,
            ecdsa::der::MaxSize<C>: elliptic_curve::array::ArraySize,
            <FieldBytesSize<C> as core::ops::Add>::Output:
                core::ops::Add<ecdsa::der::MaxOverhead> + elliptic_curve::array::ArraySize,
            AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
            FieldBytesSize<C>: ModulusSize,
        {
            let secret =
                elliptic_curve::SecretKey::<C>::try_generate_from_rng(&mut getrandom::SysRng)
                    .unwrap();
            let point = secret.public_key().to_sec1_point(false).as_bytes().to_vec();
            let signer = ecdsa::SigningKey::<C>::from(secret);
            let sig: ecdsa::Signature<C> = signer.sign_prehash(prehash).unwrap();
            (point, sig.to_der().as_bytes().to_vec())
        }

        let rsa = rsa_private();
        let rsa_public = rsa
            .as_public_key()
            .to_pkcs1_der()
            .unwrap()
            .as_bytes()
            .to_vec();
        let sha256 = Sha256::digest(message);
        let sha384 = Sha384::digest(message);
        let sha512 = Sha512::digest(message);
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).unwrap();
        let ed = ed25519_dalek::SigningKey::from_bytes(&seed);

        let ec = |alg, (key, sig): (Vec<u8>, Vec<u8>)| (alg, key, sig);
        vec![
            ec(ECDSA_P256_SHA256, ecdsa_pair::<p256::NistP256>(&sha256)),
            ec(ECDSA_P256_SHA384, ecdsa_pair::<p256::NistP256>(&sha384)),
            ec(ECDSA_P384_SHA256, ecdsa_pair::<p384::NistP384>(&sha256)),
            ec(ECDSA_P384_SHA384, ecdsa_pair::<p384::NistP384>(&sha384)),
            ec(ECDSA_P521_SHA512, ecdsa_pair::<p521::NistP521>(&sha512)),
            (
                ED25519,
                ed.verifying_key().as_bytes().to_vec(),
                ed.try_sign(message).unwrap().to_bytes().to_vec(),
            ),
            (
                RSA_PSS_SHA256,
                rsa_public.clone(),
                rsa.pss_sign::<Sha256>(message).unwrap(),
            ),
            (
                RSA_PSS_SHA384,
                rsa_public.clone(),
                rsa.pss_sign::<Sha384>(message).unwrap(),
            ),
            (
                RSA_PSS_SHA512,
                rsa_public.clone(),
                rsa.pss_sign::<Sha512>(message).unwrap(),
            ),
            (
                RSA_PKCS1_SHA256,
                rsa_public.clone(),
                rsa.pkcs1v15_sign::<Sha256>(message).unwrap(),
            ),
            (
                RSA_PKCS1_SHA384,
                rsa_public.clone(),
                rsa.pkcs1v15_sign::<Sha384>(message).unwrap(),
            ),
            (
                RSA_PKCS1_SHA512,
                rsa_public.clone(),
                rsa.pkcs1v15_sign::<Sha512>(message).unwrap(),
            ),
            (
                RSA_PKCS1_SHA256_ABSENT_PARAMS,
                rsa_public.clone(),
                rsa.pkcs1v15_sign::<Sha256>(message).unwrap(),
            ),
            (
                RSA_PKCS1_SHA384_ABSENT_PARAMS,
                rsa_public.clone(),
                rsa.pkcs1v15_sign::<Sha384>(message).unwrap(),
            ),
            (
                RSA_PKCS1_SHA512_ABSENT_PARAMS,
                rsa_public,
                rsa.pkcs1v15_sign::<Sha512>(message).unwrap(),
            ),
        ]
    }

    #[test]
    fn every_verification_algorithm_accepts_good_and_rejects_bad_signatures() {
        let message = b"the quick brown fox jumps over the lazy dog";
        let cases = signatures(message);
        assert_eq!(cases.len(), SIGNATURE_ALGORITHMS.all.len());
        for (alg, key, sig) in cases {
            assert!(alg.verify_signature(&key, message, &sig).is_ok(), "{alg:?}");
            assert!(
                alg.verify_signature(&key, b"another message", &sig)
                    .is_err(),
                "{alg:?}"
            );
            for i in [0, sig.len() / 2, sig.len() - 1] {
                let mut bad = sig.clone();
                bad[i] ^= 0x40;
                assert!(
                    alg.verify_signature(&key, message, &bad).is_err(),
                    "{alg:?} byte {i}"
                );
            }
            assert!(
                alg.verify_signature(&key, message, &sig[..sig.len() - 1])
                    .is_err(),
                "{alg:?}"
            );
            assert!(alg.verify_signature(&key, message, &[]).is_err(), "{alg:?}");
            assert!(
                alg.verify_signature(&key[..key.len() - 1], message, &sig)
                    .is_err(),
                "{alg:?}"
            );
            assert!(alg.verify_signature(&[], message, &sig).is_err(), "{alg:?}");
        }
    }

    #[test]
    fn ecdsa_accepts_high_s() {
        use ecdsa::signature::hazmat::PrehashSigner;
        let message = b"high s";
        let secret = p256::SecretKey::try_generate_from_rng(&mut getrandom::SysRng).unwrap();
        let point = secret.public_key().to_sec1_point(false).as_bytes().to_vec();
        let sig: p256::ecdsa::Signature = p256::ecdsa::SigningKey::from(secret)
            .sign_prehash(&sha2::Sha256::digest(message))
            .unwrap();
        let (r, s) = sig.split_scalars();
        let high = p256::ecdsa::Signature::from_scalars(r, -*s).unwrap();
        assert_ne!(high, sig);
        let high = high.to_der();
        assert!(
            ECDSA_P256_SHA256
                .verify_signature(&point, message, high.as_bytes())
                .is_ok()
        );
    }

    #[test]
    fn signer_schemes_and_key_formats() {
        use pkcs8::EncodePrivateKey;
        use rsa::pkcs1::EncodeRsaPrivateKey;

        let rsa_pkcs8 = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            rsa_private().to_pkcs8_der().unwrap().as_bytes().to_vec(),
        ));
        let rsa_pkcs1 = PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(
            rsa_private().to_pkcs1_der().unwrap().as_bytes().to_vec(),
        ));
        let a = Keys.load_private_key(rsa_pkcs8).unwrap();
        let b = Keys.load_private_key(rsa_pkcs1).unwrap();
        assert_eq!(a.public_key(), b.public_key());
        assert_eq!(a.algorithm(), SignatureAlgorithm::RSA);
        let all = SIGNATURE_ALGORITHMS.supported_schemes();
        assert_eq!(
            a.choose_scheme(&all).unwrap().scheme(),
            SignatureScheme::RSA_PSS_SHA512
        );
        let pkcs1 = [
            SignatureScheme::RSA_PKCS1_SHA256,
            SignatureScheme::RSA_PKCS1_SHA512,
        ];
        assert_eq!(
            a.choose_scheme(&pkcs1).unwrap().scheme(),
            SignatureScheme::RSA_PKCS1_SHA512
        );
        assert!(a.choose_scheme(&[SignatureScheme::ED25519]).is_none());

        // Each RSA scheme's signature checks out under the matching verification algorithm.
        let public = {
            use rsa::pkcs1::EncodeRsaPublicKey;
            rsa_private()
                .as_public_key()
                .to_pkcs1_der()
                .unwrap()
                .as_bytes()
                .to_vec()
        };
        for (scheme, alg) in SIGNATURE_ALGORITHMS.mapping {
            if let Some(signer) = a.choose_scheme(&[*scheme]) {
                let sig = signer.sign(b"data").unwrap();
                alg[0].verify_signature(&public, b"data", &sig).unwrap();
            }
        }

        // P-256 as PKCS#8 and SEC1, P-384 as SEC1 without the optional parameters' help.
        let p256 = p256::SecretKey::try_generate_from_rng(&mut getrandom::SysRng).unwrap();
        let from_pkcs8 = Keys
            .load_private_key(PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
                p256.to_pkcs8_der().unwrap().as_bytes().to_vec(),
            )))
            .unwrap();
        let from_sec1 = Keys
            .load_private_key(PrivateKeyDer::Sec1(PrivateSec1KeyDer::from(
                p256.to_sec1_der().unwrap().to_vec(),
            )))
            .unwrap();
        assert_eq!(from_pkcs8.public_key(), from_sec1.public_key());
        assert_eq!(from_pkcs8.algorithm(), SignatureAlgorithm::ECDSA);
        assert!(
            from_pkcs8
                .choose_scheme(&[SignatureScheme::ECDSA_NISTP384_SHA384])
                .is_none()
        );
        let p384 = p384::SecretKey::try_generate_from_rng(&mut getrandom::SysRng).unwrap();
        let p384_key = Keys
            .load_private_key(PrivateKeyDer::Sec1(PrivateSec1KeyDer::from(
                p384.to_sec1_der().unwrap().to_vec(),
            )))
            .unwrap();
        let signer = p384_key.choose_scheme(&all).unwrap();
        assert_eq!(signer.scheme(), SignatureScheme::ECDSA_NISTP384_SHA384);
        let point = p384.public_key().to_sec1_point(false).as_bytes().to_vec();
        ECDSA_P384_SHA384
            .verify_signature(&point, b"data", &signer.sign(b"data").unwrap())
            .unwrap();
    }

    #[test]
    fn unsupported_and_malformed_keys_are_errors() {
        use pkcs8::EncodePrivateKey;
        let p521 = p521::SecretKey::try_generate_from_rng(&mut getrandom::SysRng).unwrap();
        let p521 = p521.to_pkcs8_der().unwrap().as_bytes().to_vec();
        let x25519_pkcs8 = [
            &[
                0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22,
                0x04, 0x20,
            ][..],
            &[7u8; 32],
        ]
        .concat();
        let cases = [
            (
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(p521)),
                "P-521",
            ),
            (
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(x25519_pkcs8)),
                "1.3.101.110",
            ),
            (
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(vec![0x30, 0x03, 0x02, 0x01])),
                "PKCS#8",
            ),
            (
                PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(vec![])),
                "RSA",
            ),
            (
                PrivateKeyDer::Sec1(PrivateSec1KeyDer::from(vec![0x30, 0x80])),
                "EC",
            ),
        ];
        for (der, mentions) in cases {
            match Keys.load_private_key(der) {
                Err(Error::General(msg)) => assert!(msg.contains(mentions), "{msg}"),
                other => panic!("expected an error mentioning {mentions}, got {other:?}"),
            }
        }
    }

    // ---- key exchange ----

    #[test]
    fn key_exchange_agrees_and_rejects_bad_shares() {
        for group in provider().kx_groups {
            let a = group.start().unwrap();
            let b = group.start().unwrap();
            let (a_pub, b_pub) = (a.pub_key().to_vec(), b.pub_key().to_vec());
            assert_eq!(a.group(), group.name());
            let ab = a.complete(&b_pub).unwrap();
            let ba = b.complete(&a_pub).unwrap();
            assert_eq!(ab.secret_bytes(), ba.secret_bytes(), "{group:?}");
            assert!(ab.secret_bytes().iter().any(|&x| x != 0));

            let mut bad: Vec<Vec<u8>> = vec![
                vec![],
                b_pub[..b_pub.len() - 1].to_vec(),
                [&b_pub[..], &[0]].concat(),
                vec![0; b_pub.len()],
            ];
            if group.name() == NamedGroup::X25519 {
                // The point of order 1 (u = 1) and of order 8 give an all-zero secret.
                let mut one = [0u8; 32];
                one[0] = 1;
                bad.push(one.to_vec());
            } else {
                // Off the curve: y nudged.
                let mut off = b_pub.clone();
                let last = off.len() - 1;
                off[last] ^= 1;
                bad.push(off);
                // Compressed form of a valid point.
                let half = (b_pub.len() - 1) / 2;
                let mut compressed = vec![0x02 | (b_pub[b_pub.len() - 1] & 1)];
                compressed.extend_from_slice(&b_pub[1..1 + half]);
                bad.push(compressed);
            }
            for peer in bad {
                let err = group
                    .start()
                    .unwrap()
                    .complete(&peer)
                    .map(|_| ())
                    .unwrap_err();
                assert_eq!(
                    err,
                    Error::PeerMisbehaved(PeerMisbehaved::InvalidKeyShare),
                    "{group:?} {peer:?}"
                );
            }
        }
    }

    // ---- record protection ----

    fn plain(payload: &[u8]) -> OutboundPlainMessage<'_> {
        OutboundPlainMessage {
            typ: ContentType::ApplicationData,
            version: ProtocolVersion::TLSv1_2,
            payload: OutboundChunks::Single(payload),
        }
    }

    fn open_record(
        dec: &mut dyn MessageDecrypter,
        record: &mut [u8],
        seq: u64,
    ) -> Result<Vec<u8>, Error> {
        let msg = InboundOpaqueMessage::new(
            ContentType::ApplicationData,
            ProtocolVersion::TLSv1_2,
            record,
        );
        dec.decrypt(msg, seq).map(|m| m.payload.to_vec())
    }

    /// Round trip, then every malformed input: each must be an error, none a panic.
    fn check_record_layer(
        enc: &mut dyn MessageEncrypter,
        dec: &mut dyn MessageDecrypter,
        overhead: usize,
    ) {
        let sealed = enc.encrypt(plain(b"some application data"), 7).unwrap();
        let sealed = sealed.payload.as_ref().to_vec();
        assert_eq!(sealed.len(), enc.encrypted_payload_len(21));
        assert_eq!(sealed.len(), 21 + overhead);
        assert_eq!(
            open_record(dec, &mut sealed.clone(), 7).unwrap(),
            b"some application data"
        );
        // Wrong record number, flipped bits anywhere, every truncation.
        assert_eq!(
            open_record(dec, &mut sealed.clone(), 8),
            Err(Error::DecryptError)
        );
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x80;
            assert_eq!(
                open_record(dec, &mut bad, 7),
                Err(Error::DecryptError),
                "byte {i}"
            );
        }
        for n in 0..sealed.len() {
            assert_eq!(
                open_record(dec, &mut sealed[..n].to_vec(), 7),
                Err(Error::DecryptError),
                "length {n}"
            );
        }
        // An empty plaintext still seals and opens.
        let empty = enc
            .encrypt(plain(b""), 9)
            .unwrap()
            .payload
            .as_ref()
            .to_vec();
        assert_eq!(open_record(dec, &mut empty.clone(), 9).unwrap(), b"");
    }

    #[test]
    fn record_layers_reject_malformed_records() {
        let key = || AeadKey::from([0x42u8; 32]);
        let iv = || Iv::from([0x24u8; NONCE_LEN]);
        for suite in provider().cipher_suites {
            match suite {
                SupportedCipherSuite::Tls13(s) => {
                    let alg = s.aead_alg;
                    if alg.key_len() == 32 {
                        check_record_layer(
                            &mut *alg.encrypter(key(), iv()),
                            &mut *alg.decrypter(key(), iv()),
                            1 + TAG_LEN,
                        );
                    } else {
                        // A key of the wrong size gives a record layer that refuses everything.
                        let mut enc = alg.encrypter(key(), iv());
                        assert_eq!(enc.encrypt(plain(b"x"), 0).err(), Some(Error::EncryptError));
                        let mut record = vec![0u8; 40];
                        assert_eq!(
                            open_record(&mut *alg.decrypter(key(), iv()), &mut record, 0),
                            Err(Error::DecryptError)
                        );
                    }
                }
                SupportedCipherSuite::Tls12(s) => {
                    let alg = s.aead_alg;
                    let shape = alg.key_block_shape();
                    let fixed = vec![0x24u8; shape.fixed_iv_len];
                    let explicit = vec![0x11u8; shape.explicit_nonce_len];
                    if shape.enc_key_len == 32 {
                        check_record_layer(
                            &mut *alg.encrypter(key(), &fixed, &explicit),
                            &mut *alg.decrypter(key(), &fixed),
                            shape.explicit_nonce_len + TAG_LEN,
                        );
                    } else {
                        let mut enc = alg.encrypter(key(), &fixed, &explicit);
                        assert_eq!(enc.encrypt(plain(b"x"), 0).err(), Some(Error::EncryptError));
                    }
                    // IVs of the wrong size.
                    let mut enc = alg.encrypter(key(), &[1, 2, 3], &explicit);
                    assert_eq!(enc.encrypt(plain(b"x"), 0).err(), Some(Error::EncryptError));
                    let mut record = vec![0u8; 40];
                    assert_eq!(
                        open_record(&mut *alg.decrypter(key(), &[1, 2, 3]), &mut record, 0),
                        Err(Error::DecryptError)
                    );
                    assert!(alg.extract_keys(key(), &[1, 2, 3], &explicit).is_err());
                }
            }
        }
    }

    #[test]
    fn suites_groups_and_schemes_in_order() {
        let p = provider();
        let suites: Vec<CipherSuite> = p.cipher_suites.iter().map(|s| s.suite()).collect();
        assert_eq!(
            suites,
            [
                CipherSuite::TLS13_AES_256_GCM_SHA384,
                CipherSuite::TLS13_AES_128_GCM_SHA256,
                CipherSuite::TLS13_CHACHA20_POLY1305_SHA256,
                CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            ]
        );
        let groups: Vec<NamedGroup> = p.kx_groups.iter().map(|g| g.name()).collect();
        assert_eq!(
            groups,
            [
                NamedGroup::X25519,
                NamedGroup::secp256r1,
                NamedGroup::secp384r1
            ]
        );
        let mut random = [0u8; 64];
        p.secure_random.fill(&mut random).unwrap();
        assert!(random.iter().any(|&b| b != 0));
    }
}
