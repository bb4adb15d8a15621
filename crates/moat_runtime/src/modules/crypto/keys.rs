//! Key objects: parsing and exporting PEM, DER and JWK, generating keys, and the facts `KeyObject`
//! reports. A key lives in a [`KeyHandle`] the JS `KeyObject` holds; the other parts (signatures,
//! key agreement) borrow it from there.
//!
//! Errors a caller can cause carry OpenSSL's wording, as Node's do: [`ossl`] builds them, and
//! the JS half passes them on unchanged.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use der::asn1::{BitString, ObjectIdentifier as Oid, OctetString};
use der::{Any, Decode, Encode};
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{
    ArrayBuffer, Class, Constructor, Ctx, Exception, Function, IntoJs, JsLifetime, Object, Result,
    Value,
};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BoxedUint, PrivateKey as RsaPrivateKey, PublicKey as RsaPublicKey};
use spki::AlgorithmIdentifierOwned;

use super::pqc::{self, Pqc};
use super::with_bytes;

pub const OID_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
pub const OID_RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
pub const OID_EC: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
pub const OID_X25519: Oid = Oid::new_unwrap("1.3.101.110");
pub const OID_X448: Oid = Oid::new_unwrap("1.3.101.111");
pub const OID_ED25519: Oid = Oid::new_unwrap("1.3.101.112");
pub const OID_ED448: Oid = Oid::new_unwrap("1.3.101.113");
const OID_DSA: Oid = Oid::new_unwrap("1.2.840.10040.4.1");
const OID_DH: Oid = Oid::new_unwrap("1.2.840.113549.1.3.1");
const OID_MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");

/// A named elliptic curve of the ECDSA/ECDH family.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Curve {
    P256,
    P384,
    P521,
    K256,
}

impl Curve {
    /// OpenSSL's name, as `asymmetricKeyDetails.namedCurve` reports it.
    pub fn name(self) -> &'static str {
        match self {
            Curve::P256 => "prime256v1",
            Curve::P384 => "secp384r1",
            Curve::P521 => "secp521r1",
            Curve::K256 => "secp256k1",
        }
    }
    /// The JWK `crv` name.
    pub fn jwk(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::K256 => "secp256k1",
        }
    }
    pub fn oid(self) -> Oid {
        match self {
            Curve::P256 => Oid::new_unwrap("1.2.840.10045.3.1.7"),
            Curve::P384 => Oid::new_unwrap("1.3.132.0.34"),
            Curve::P521 => Oid::new_unwrap("1.3.132.0.35"),
            Curve::K256 => Oid::new_unwrap("1.3.132.0.10"),
        }
    }
    /// Bytes of a scalar or coordinate.
    pub fn size(self) -> usize {
        match self {
            Curve::P256 | Curve::K256 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
        }
    }
    pub fn from_oid(oid: Oid) -> Option<Curve> {
        [Curve::P256, Curve::P384, Curve::P521, Curve::K256]
            .into_iter()
            .find(|c| c.oid() == oid)
    }
    /// By the names Node accepts: OpenSSL's, NIST's and JWK's.
    pub fn from_name(name: &str) -> Option<Curve> {
        match name {
            "prime256v1" | "P-256" | "secp256r1" => Some(Curve::P256),
            "secp384r1" | "P-384" => Some(Curve::P384),
            "secp521r1" | "P-521" => Some(Curve::P521),
            "secp256k1" => Some(Curve::K256),
            _ => None,
        }
    }
}

/// Runs `$body` with `$c` bound to the curve type of `$curve`.
#[macro_export]
macro_rules! with_curve {
    ($curve:expr, $c:ident => $body:expr) => {
        match $curve {
            $crate::modules::crypto::keys::Curve::P256 => {
                type $c = p256::NistP256;
                $body
            }
            $crate::modules::crypto::keys::Curve::P384 => {
                type $c = p384::NistP384;
                $body
            }
            $crate::modules::crypto::keys::Curve::P521 => {
                type $c = p521::NistP521;
                $body
            }
            $crate::modules::crypto::keys::Curve::K256 => {
                type $c = k256::Secp256k1;
                $body
            }
        }
    };
}

/// The curves of the Edwards and Montgomery forms (OKP keys in JWK terms).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Okp {
    Ed25519,
    Ed448,
    X25519,
    X448,
}

impl Okp {
    pub fn name(self) -> &'static str {
        match self {
            Okp::Ed25519 => "ed25519",
            Okp::Ed448 => "ed448",
            Okp::X25519 => "x25519",
            Okp::X448 => "x448",
        }
    }
    pub fn jwk(self) -> &'static str {
        match self {
            Okp::Ed25519 => "Ed25519",
            Okp::Ed448 => "Ed448",
            Okp::X25519 => "X25519",
            Okp::X448 => "X448",
        }
    }
    pub fn oid(self) -> Oid {
        match self {
            Okp::Ed25519 => OID_ED25519,
            Okp::Ed448 => OID_ED448,
            Okp::X25519 => OID_X25519,
            Okp::X448 => OID_X448,
        }
    }
    fn from_oid(oid: Oid) -> Option<Okp> {
        [Okp::Ed25519, Okp::Ed448, Okp::X25519, Okp::X448]
            .into_iter()
            .find(|o| o.oid() == oid)
    }
    fn from_jwk(crv: &str) -> Option<Okp> {
        [Okp::Ed25519, Okp::Ed448, Okp::X25519, Okp::X448]
            .into_iter()
            .find(|o| o.jwk() == crv)
    }
    /// Bytes of a private key.
    pub fn private_len(self) -> usize {
        match self {
            Okp::Ed25519 | Okp::X25519 => 32,
            Okp::Ed448 => 57,
            Okp::X448 => 56,
        }
    }
    /// The public key of a private key of the right length.
    pub fn public_of(self, private: &[u8]) -> Option<Vec<u8>> {
        match self {
            Okp::Ed25519 => {
                let sk = ed25519_dalek::SigningKey::from_bytes(private.try_into().ok()?);
                Some(sk.verifying_key().to_bytes().to_vec())
            }
            Okp::X25519 => {
                let k: [u8; 32] = private.try_into().ok()?;
                Some(x25519_dalek::x25519(k, x25519_dalek::X25519_BASEPOINT_BYTES).to_vec())
            }
            Okp::Ed448 => {
                let sk = ed448_goldilocks::SigningKey::try_from(private).ok()?;
                Some(sk.verifying_key().to_bytes().to_vec())
            }
            Okp::X448 => {
                let k: [u8; 56] = private.try_into().ok()?;
                let mut base = [0u8; 56];
                base[0] = 5;
                x448::x448(k, base).map(|p| p.to_vec())
            }
        }
    }
}

/// RSASSA-PSS restrictions a key carries (PKCS#8/SPKI parameters of an `rsa-pss` key).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PssParams {
    pub hash: Option<&'static str>,
    pub mgf1_hash: Option<&'static str>,
    pub salt_len: Option<u32>,
}

/// Key material.
pub enum Key {
    Secret(Vec<u8>),
    RsaPrivate(Box<RsaPrivateKey>, Option<PssParams>),
    RsaPublic(Box<RsaPublicKey>, Option<PssParams>),
    /// The scalar and the uncompressed point.
    EcPrivate(Curve, Vec<u8>, Vec<u8>),
    /// The uncompressed point.
    EcPublic(Curve, Vec<u8>),
    /// The private and the public key.
    OkpPrivate(Okp, Vec<u8>, Vec<u8>),
    OkpPublic(Okp, Vec<u8>),
    DsaPrivate(Box<dsa::SigningKey>),
    DsaPublic(Box<dsa::VerifyingKey>),
    /// Finite-field Diffie-Hellman: the group, the private value and the public value.
    DhPrivate(Box<DhGroup>, BoxedUint, BoxedUint),
    DhPublic(Box<DhGroup>, BoxedUint),
    /// ML-DSA and ML-KEM: the seed (when known), the expanded private key and the public key.
    PqcPrivate(Pqc, Option<Vec<u8>>, Vec<u8>, Vec<u8>),
    PqcPublic(Pqc, Vec<u8>),
}

/// A Diffie-Hellman group: the prime and the generator.
#[derive(Clone, PartialEq, Eq)]
pub struct DhGroup {
    pub p: BoxedUint,
    pub g: BoxedUint,
}

impl Key {
    pub fn kind(&self) -> &'static str {
        match self {
            Key::Secret(_) => "secret",
            Key::RsaPublic(..)
            | Key::EcPublic(..)
            | Key::OkpPublic(..)
            | Key::DsaPublic(_)
            | Key::DhPublic(..)
            | Key::PqcPublic(..) => "public",
            _ => "private",
        }
    }
    /// `asymmetricKeyType`.
    pub fn asymmetric_type(&self) -> Option<&'static str> {
        Some(match self {
            Key::Secret(_) => return None,
            Key::RsaPrivate(_, None) | Key::RsaPublic(_, None) => "rsa",
            Key::RsaPrivate(..) | Key::RsaPublic(..) => "rsa-pss",
            Key::EcPrivate(..) | Key::EcPublic(..) => "ec",
            Key::OkpPrivate(o, ..) | Key::OkpPublic(o, _) => o.name(),
            Key::DsaPrivate(_) | Key::DsaPublic(_) => "dsa",
            Key::DhPrivate(..) | Key::DhPublic(..) => "dh",
            Key::PqcPrivate(a, ..) | Key::PqcPublic(a, _) => a.name(),
        })
    }
    /// The public half of an asymmetric key (a public key is its own).
    pub fn public(&self) -> Option<Key> {
        Some(match self {
            Key::Secret(_) => return None,
            Key::RsaPrivate(k, p) => Key::RsaPublic(Box::new(k.to_public_key()), p.clone()),
            Key::RsaPublic(k, p) => Key::RsaPublic(k.clone(), p.clone()),
            Key::EcPrivate(c, _, q) | Key::EcPublic(c, q) => Key::EcPublic(*c, q.clone()),
            Key::OkpPrivate(o, _, p) | Key::OkpPublic(o, p) => Key::OkpPublic(*o, p.clone()),
            Key::DsaPrivate(k) => Key::DsaPublic(Box::new(k.verifying_key().clone())),
            Key::DsaPublic(k) => Key::DsaPublic(k.clone()),
            Key::DhPrivate(g, _, y) | Key::DhPublic(g, y) => Key::DhPublic(g.clone(), y.clone()),
            Key::PqcPrivate(a, _, _, p) | Key::PqcPublic(a, p) => Key::PqcPublic(*a, p.clone()),
        })
    }
    pub fn rsa_public(&self) -> Option<&RsaPublicKey> {
        match self {
            Key::RsaPrivate(k, _) => Some(k.as_public_key()),
            Key::RsaPublic(k, _) => Some(k),
            _ => None,
        }
    }
    pub fn pss(&self) -> Option<&PssParams> {
        match self {
            Key::RsaPrivate(_, p) | Key::RsaPublic(_, p) => p.as_ref(),
            _ => None,
        }
    }
}

/// A `KeyObject`'s key, as the JS half holds it.
pub struct KeyHandle {
    pub key: Key,
    /// The key as the native fast paths hold it (`accel`), made at its first use there.
    pub accel: super::accel::Cache,
}

// SAFETY: `KeyHandle` holds no JS values, so it is the same type at every lifetime.
unsafe impl<'js> JsLifetime<'js> for KeyHandle {
    type Changed<'to> = KeyHandle;
}

impl<'js> Trace<'js> for KeyHandle {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

impl<'js> JsClass<'js> for KeyHandle {
    const NAME: &'static str = "KeyHandle";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

pub fn handle<'js>(ctx: &Ctx<'js>, key: Key) -> Result<Class<'js, KeyHandle>> {
    Class::instance(
        ctx.clone(),
        KeyHandle {
            key,
            accel: Default::default(),
        },
    )
}

/// An error as Node reports OpenSSL's: `error:<code>:<library>::<reason>`, with `library`,
/// `reason` and `code` (`ERR_OSSL_<REASON>`) properties.
pub fn ossl(ctx: &Ctx<'_>, packed: &str, library: &str, reason: &str) -> rquickjs::Error {
    let build = || -> Result<Value<'_>> {
        let ctor: Function = ctx.globals().get("Error")?;
        let err: Object = ctor.call((format!("error:{packed}:{library}::{reason}"),))?;
        err.set("library", library)?;
        err.set("reason", reason)?;
        // OpenSSL's short name of the library, as Node puts it in the code (none for the
        // provider and decoder layers).
        let lib = match library {
            "rsa routines" => "RSA_",
            "common libcrypto routines" => "CRYPTO_",
            "digital envelope routines" => "EVP_",
            "elliptic curve routines" => "EC_",
            "asn1 encoding routines" => "ASN1_",
            "PEM routines" => "PEM_",
            _ => "",
        };
        let code: String = reason
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        err.set("code", format!("ERR_OSSL_{lib}{code}"))?;
        Ok(err.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

fn unsupported(ctx: &Ctx<'_>) -> rquickjs::Error {
    ossl(ctx, "1E08010C", "DECODER routines", "unsupported")
}

/// A thrown error the JS half turns into Node's coded error: `Error` whose message is `tag`.
fn tagged(ctx: &Ctx<'_>, tag: &str) -> rquickjs::Error {
    Exception::throw_message(ctx, tag)
}

// ---- PEM ------------------------------------------------------------------------------------

/// One PEM block: its label, headers and DER bytes.
pub struct Pem {
    pub label: String,
    pub headers: Vec<(String, String)>,
    pub der: Vec<u8>,
}

/// The PEM blocks of `text`, in order; blocks whose base64 does not decode are skipped.
pub fn pem_blocks(text: &str) -> Vec<Pem> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let line = line.trim();
        let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|l| l.strip_suffix("-----"))
        else {
            continue;
        };
        let end = format!("-----END {label}-----");
        let mut headers = Vec::new();
        let mut b64 = String::new();
        let mut closed = false;
        for l in lines.by_ref() {
            let l = l.trim();
            if l == end {
                closed = true;
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            } else {
                b64.push_str(l);
            }
        }
        if !closed {
            break;
        }
        if let Ok(der) = STANDARD.decode(b64.as_bytes()) {
            out.push(Pem {
                label: label.to_string(),
                headers,
                der,
            });
        }
    }
    out
}

pub fn to_pem(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut s = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        s.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        s.push('\n');
    }
    s.push_str(&format!("-----END {label}-----\n"));
    s
}

// ---- decoding -------------------------------------------------------------------------------

fn hash_name(oid: Oid) -> Option<&'static str> {
    Some(match oid.to_string().as_str() {
        "1.3.14.3.2.26" => "sha1",
        "2.16.840.1.101.3.4.2.4" => "sha224",
        "2.16.840.1.101.3.4.2.1" => "sha256",
        "2.16.840.1.101.3.4.2.2" => "sha384",
        "2.16.840.1.101.3.4.2.3" => "sha512",
        "2.16.840.1.101.3.4.2.5" => "sha512-224",
        "2.16.840.1.101.3.4.2.6" => "sha512-256",
        "1.2.840.113549.2.5" => "md5",
        _ => return None,
    })
}

pub fn hash_oid(name: &str) -> Option<Oid> {
    Some(Oid::new_unwrap(match name {
        "sha1" => "1.3.14.3.2.26",
        "sha224" => "2.16.840.1.101.3.4.2.4",
        "sha256" => "2.16.840.1.101.3.4.2.1",
        "sha384" => "2.16.840.1.101.3.4.2.2",
        "sha512" => "2.16.840.1.101.3.4.2.3",
        "sha512-224" => "2.16.840.1.101.3.4.2.5",
        "sha512-256" => "2.16.840.1.101.3.4.2.6",
        "md5" => "1.2.840.113549.2.5",
        _ => return None,
    }))
}

/// One DER TLV at the start of `bytes`: its tag byte, contents and what follows.
fn tlv(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |a, b| (a << 8) | usize::from(*b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// The OID of an AlgorithmIdentifier's DER, and its parameters' DER.
fn alg_oid(bytes: &[u8]) -> Option<(Oid, &[u8])> {
    let (tag, body, _) = tlv(bytes)?;
    if tag != 0x30 {
        return None;
    }
    let (otag, oid, params) = tlv(body)?;
    if otag != 0x06 {
        return None;
    }
    Some((Oid::from_bytes(oid).ok()?, params))
}

/// RSASSA-PSS-params, read by hand: every field is optional and explicitly tagged.
fn parse_pss_params(params: Option<&[u8]>) -> Option<PssParams> {
    let mut p = PssParams::default();
    let Some(bytes) = params else {
        return Some(p);
    };
    let (tag, mut body, _) = tlv(bytes)?;
    if tag == 0x05 {
        return Some(p);
    }
    if tag != 0x30 {
        return None;
    }
    while !body.is_empty() {
        let (tag, inner, rest) = tlv(body)?;
        body = rest;
        match tag {
            0xa0 => p.hash = Some(hash_name(alg_oid(inner)?.0)?),
            0xa1 => {
                let (oid, params) = alg_oid(inner)?;
                if oid != OID_MGF1 {
                    return None;
                }
                p.mgf1_hash = Some(hash_name(alg_oid(params)?.0)?);
            }
            0xa2 => {
                let (itag, n, _) = tlv(inner)?;
                if itag != 0x02 || n.len() > 5 {
                    return None;
                }
                let v = n.iter().fold(0u64, |a, x| (a << 8) | u64::from(*x));
                p.salt_len = Some(u32::try_from(v).ok()?);
            }
            _ => {}
        }
    }
    Some(p)
}

fn encode_pss_params(p: &PssParams) -> Option<Vec<u8>> {
    fn tagged(n: u8, inner: Vec<u8>) -> Vec<u8> {
        let mut v = vec![0xa0 | n];
        der_len(&mut v, inner.len());
        v.extend(inner);
        v
    }
    fn alg(oid: Oid, params: Option<Vec<u8>>) -> Option<Vec<u8>> {
        let mut body = oid.to_der().ok()?;
        if let Some(p) = params {
            body.extend(p);
        }
        let mut v = vec![0x30];
        der_len(&mut v, body.len());
        v.extend(body);
        Some(v)
    }
    let mut body = Vec::new();
    if let Some(h) = p.hash {
        body.extend(tagged(0, alg(hash_oid(h)?, None)?));
    }
    if let Some(h) = p.mgf1_hash {
        body.extend(tagged(1, alg(OID_MGF1, Some(alg(hash_oid(h)?, None)?))?));
    }
    if let Some(s) = p.salt_len {
        body.extend(tagged(
            2,
            der::asn1::Uint::new(&s.to_be_bytes()).ok()?.to_der().ok()?,
        ));
    }
    let mut v = vec![0x30];
    der_len(&mut v, body.len());
    v.extend(body);
    Some(v)
}

fn der_len(v: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        v.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        v.push(0x80 | (bytes.len() - skip) as u8);
        v.extend_from_slice(&bytes[skip..]);
    }
}

/// Why a key did not decode, as the JS half reports it.
pub enum DecodeError {
    Unsupported,
    /// An encrypted key and no passphrase.
    NeedPassphrase,
    BadDecrypt,
}

type Decoded = std::result::Result<Key, DecodeError>;

fn ec_point_uncompressed(curve: Curve, point: &[u8]) -> Option<Vec<u8>> {
    use elliptic_curve::sec1::ToSec1Point;
    with_curve!(curve, C => {
        let pk = elliptic_curve::PublicKey::<C>::from_sec1_bytes(point).ok()?;
        Some(pk.to_sec1_point(false).as_bytes().to_vec())
    })
}

/// The uncompressed form of a point given in SEC1 form, when it is on the curve.
pub fn ec_public_of_point(curve: Curve, point: &[u8]) -> Option<Vec<u8>> {
    ec_point_uncompressed(curve, point)
}

pub fn ec_public_of(curve: Curve, scalar: &[u8]) -> Option<Vec<u8>> {
    use elliptic_curve::sec1::ToSec1Point;
    with_curve!(curve, C => {
        let sk = elliptic_curve::SecretKey::<C>::from_slice(scalar).ok()?;
        Some(sk.public_key().to_sec1_point(false).as_bytes().to_vec())
    })
}

/// A SEC1 ECPrivateKey; `curve` from the enclosing structure when it has none of its own.
fn decode_sec1(der_bytes: &[u8], curve: Option<Curve>) -> Decoded {
    let ec = sec1::EcPrivateKey::from_der(der_bytes).map_err(|_| DecodeError::Unsupported)?;
    let curve = match ec.parameters.and_then(|p| p.named_curve()) {
        Some(oid) => Curve::from_oid(oid).ok_or(DecodeError::Unsupported)?,
        None => curve.ok_or(DecodeError::Unsupported)?,
    };
    // Leading zeros may have been dropped; the scalar is padded back to the curve's size.
    let d = ec.private_key;
    if d.len() > curve.size() {
        return Err(DecodeError::Unsupported);
    }
    let mut scalar = vec![0; curve.size() - d.len()];
    scalar.extend_from_slice(d);
    let point = ec_public_of(curve, &scalar).ok_or(DecodeError::Unsupported)?;
    Ok(Key::EcPrivate(curve, scalar, point))
}

fn decode_pkcs8(der_bytes: &[u8]) -> Decoded {
    let info =
        pkcs8::PrivateKeyInfoRef::from_der(der_bytes).map_err(|_| DecodeError::Unsupported)?;
    let oid = info.algorithm.oid;
    let params = info
        .algorithm
        .parameters
        .map(|p| p.to_der().unwrap_or_default());
    let key = info.private_key.as_bytes();
    match oid {
        OID_RSA | OID_RSA_PSS => {
            use pkcs1::DecodeRsaPrivateKey;
            let k = RsaPrivateKey::from_pkcs1_der(key).map_err(|_| DecodeError::Unsupported)?;
            let pss = if oid == OID_RSA_PSS {
                Some(parse_pss_params(params.as_deref()).ok_or(DecodeError::Unsupported)?)
            } else {
                None
            };
            Ok(Key::RsaPrivate(Box::new(k), pss))
        }
        OID_EC => {
            let curve = info
                .algorithm
                .parameters
                .and_then(|p| Oid::try_from(p).ok())
                .and_then(Curve::from_oid);
            decode_sec1(key, curve)
        }
        OID_DSA => {
            let components = dsa_components(params.as_deref()).ok_or(DecodeError::Unsupported)?;
            let (tag, x, _) = tlv(key).ok_or(DecodeError::Unsupported)?;
            if tag != 0x02 {
                return Err(DecodeError::Unsupported);
            }
            dsa_private(components, uint(x)).ok_or(DecodeError::Unsupported)
        }
        OID_DH => {
            let group = dh_group(params.as_deref()).ok_or(DecodeError::Unsupported)?;
            let (tag, x, _) = tlv(key).ok_or(DecodeError::Unsupported)?;
            if tag != 0x02 {
                return Err(DecodeError::Unsupported);
            }
            dh_private(group, uint(x)).ok_or(DecodeError::Unsupported)
        }
        _ if Pqc::from_oid(oid).is_some() => {
            let alg = Pqc::from_oid(oid).ok_or(DecodeError::Unsupported)?;
            decode_pqc_private(alg, key).ok_or(DecodeError::Unsupported)
        }
        _ => {
            let okp = Okp::from_oid(oid).ok_or(DecodeError::Unsupported)?;
            let inner = OctetString::from_der(key).map_err(|_| DecodeError::Unsupported)?;
            let private = inner.as_bytes().to_vec();
            let public = okp.public_of(&private).ok_or(DecodeError::Unsupported)?;
            Ok(Key::OkpPrivate(okp, private, public))
        }
    }
}

pub fn decode_spki(der_bytes: &[u8]) -> Decoded {
    let info =
        spki::SubjectPublicKeyInfoRef::from_der(der_bytes).map_err(|_| DecodeError::Unsupported)?;
    let oid = info.algorithm.oid;
    let bits = info
        .subject_public_key
        .as_bytes()
        .ok_or(DecodeError::Unsupported)?;
    match oid {
        OID_RSA | OID_RSA_PSS => {
            let k = rsa_public_from_pkcs1(bits).ok_or(DecodeError::Unsupported)?;
            let pss = if oid == OID_RSA_PSS {
                let params = info
                    .algorithm
                    .parameters
                    .map(|p| p.to_der().unwrap_or_default());
                Some(parse_pss_params(params.as_deref()).ok_or(DecodeError::Unsupported)?)
            } else {
                None
            };
            Ok(Key::RsaPublic(Box::new(k), pss))
        }
        OID_EC => {
            let curve = info
                .algorithm
                .parameters
                .and_then(|p| Oid::try_from(p).ok())
                .and_then(Curve::from_oid)
                .ok_or(DecodeError::Unsupported)?;
            let point = ec_point_uncompressed(curve, bits).ok_or(DecodeError::Unsupported)?;
            Ok(Key::EcPublic(curve, point))
        }
        OID_DSA => {
            let params = info
                .algorithm
                .parameters
                .map(|p| p.to_der().unwrap_or_default());
            let components = dsa_components(params.as_deref()).ok_or(DecodeError::Unsupported)?;
            let (tag, y, _) = tlv(bits).ok_or(DecodeError::Unsupported)?;
            if tag != 0x02 {
                return Err(DecodeError::Unsupported);
            }
            let y = crypto_bigint::Resize::try_resize(uint(y), components.p().bits_precision())
                .ok_or(DecodeError::Unsupported)?;
            dsa::VerifyingKey::from_components(components, y)
                .map(|k| Key::DsaPublic(Box::new(k)))
                .map_err(|_| DecodeError::Unsupported)
        }
        OID_DH => {
            let params = info
                .algorithm
                .parameters
                .map(|p| p.to_der().unwrap_or_default());
            let group = dh_group(params.as_deref()).ok_or(DecodeError::Unsupported)?;
            let (tag, y, _) = tlv(bits).ok_or(DecodeError::Unsupported)?;
            if tag != 0x02 {
                return Err(DecodeError::Unsupported);
            }
            Ok(Key::DhPublic(Box::new(group), uint(y)))
        }
        _ if Pqc::from_oid(oid).is_some() => {
            let alg = Pqc::from_oid(oid).ok_or(DecodeError::Unsupported)?;
            if !pqc::valid_public(alg, bits) {
                return Err(DecodeError::Unsupported);
            }
            Ok(Key::PqcPublic(alg, bits.to_vec()))
        }
        _ => {
            let okp = Okp::from_oid(oid).ok_or(DecodeError::Unsupported)?;
            Ok(Key::OkpPublic(okp, bits.to_vec()))
        }
    }
}

/// Moduli from 512 to 16384 bits, as OpenSSL takes them (the crate's default floor is 1024).
const RSA_BITS: std::ops::RangeInclusive<usize> = 256..=16384;

fn rsa_public_from_pkcs1(der_bytes: &[u8]) -> Option<RsaPublicKey> {
    let k = pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(der_bytes).ok()?;
    RsaPublicKey::new_with_size_limits(
        uint(k.modulus.as_bytes()),
        uint(k.public_exponent.as_bytes()),
        RSA_BITS,
    )
    .ok()
}

fn decode_pkcs1_private(der_bytes: &[u8]) -> Decoded {
    use pkcs1::DecodeRsaPrivateKey;
    RsaPrivateKey::from_pkcs1_der(der_bytes)
        .map(|k| Key::RsaPrivate(Box::new(k), None))
        .map_err(|_| DecodeError::Unsupported)
}

fn decode_pkcs1_public(der_bytes: &[u8]) -> Decoded {
    rsa_public_from_pkcs1(der_bytes)
        .map(|k| Key::RsaPublic(Box::new(k), None))
        .ok_or(DecodeError::Unsupported)
}

fn decrypt_pkcs8(der_bytes: &[u8], passphrase: Option<&[u8]>) -> Decoded {
    let enc = pkcs8::EncryptedPrivateKeyInfoRef::from_der(der_bytes)
        .map_err(|_| DecodeError::Unsupported)?;
    let pass = passphrase.ok_or(DecodeError::NeedPassphrase)?;
    let doc = enc.decrypt(pass).map_err(|_| DecodeError::BadDecrypt)?;
    decode_pkcs8(doc.as_bytes()).map_err(|_| DecodeError::BadDecrypt)
}

/// OpenSSL's traditional PEM encryption (`Proc-Type: 4,ENCRYPTED` and `DEK-Info`): the key is
/// EVP_BytesToKey(MD5, passphrase, the IV's first 8 bytes) and the cipher is CBC.
fn decrypt_legacy_pem(
    pem: &Pem,
    passphrase: Option<&[u8]>,
) -> std::result::Result<Vec<u8>, DecodeError> {
    use cipher::{BlockModeDecrypt, KeyIvInit, block_padding::Pkcs7};
    let info = pem
        .headers
        .iter()
        .find(|(k, _)| k == "DEK-Info")
        .map(|(_, v)| v.clone())
        .ok_or(DecodeError::Unsupported)?;
    let (name, iv_hex) = info.split_once(',').ok_or(DecodeError::Unsupported)?;
    let iv: Vec<u8> = (0..iv_hex.len() / 2)
        .map(|i| u8::from_str_radix(iv_hex.get(2 * i..2 * i + 2).unwrap_or("zz"), 16))
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| DecodeError::Unsupported)?;
    let key_len = match name.to_ascii_uppercase().as_str() {
        "AES-128-CBC" => 16,
        "AES-192-CBC" => 24,
        "AES-256-CBC" => 32,
        "DES-EDE3-CBC" => 24,
        _ => return Err(DecodeError::Unsupported),
    };
    let pass = passphrase.ok_or(DecodeError::NeedPassphrase)?;
    if iv.len() < 8 {
        return Err(DecodeError::Unsupported);
    }
    let key = bytes_to_key(pass, &iv[..8], key_len);
    let mut buf = pem.der.clone();
    let plain = match (name.to_ascii_uppercase().as_str(), iv.len()) {
        ("AES-128-CBC", 16) => cbc::Decryptor::<aes::Aes128>::new_from_slices(&key, &iv)
            .ok()
            .and_then(|d| d.decrypt_padded::<Pkcs7>(&mut buf).ok().map(<[u8]>::to_vec)),
        ("AES-192-CBC", 16) => cbc::Decryptor::<aes::Aes192>::new_from_slices(&key, &iv)
            .ok()
            .and_then(|d| d.decrypt_padded::<Pkcs7>(&mut buf).ok().map(<[u8]>::to_vec)),
        ("AES-256-CBC", 16) => cbc::Decryptor::<aes::Aes256>::new_from_slices(&key, &iv)
            .ok()
            .and_then(|d| d.decrypt_padded::<Pkcs7>(&mut buf).ok().map(<[u8]>::to_vec)),
        ("DES-EDE3-CBC", 8) => cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
            .ok()
            .and_then(|d| d.decrypt_padded::<Pkcs7>(&mut buf).ok().map(<[u8]>::to_vec)),
        _ => None,
    };
    plain.ok_or(DecodeError::BadDecrypt)
}

/// OpenSSL's EVP_BytesToKey with MD5 and one round.
fn bytes_to_key(pass: &[u8], salt: &[u8], len: usize) -> Vec<u8> {
    use md5::Digest;
    let mut out = Vec::new();
    let mut prev: Vec<u8> = Vec::new();
    while out.len() < len {
        let mut h = md5::Md5::new();
        h.update(&prev);
        h.update(pass);
        h.update(salt);
        prev = h.finalize().to_vec();
        out.extend_from_slice(&prev);
    }
    out.truncate(len);
    out
}

/// A private key from PEM text.
fn private_from_pem(text: &str, passphrase: Option<&[u8]>) -> Decoded {
    let blocks = pem_blocks(text);
    let mut saw_any = false;
    for pem in &blocks {
        saw_any = true;
        let legacy_encrypted = pem
            .headers
            .iter()
            .any(|(k, v)| k == "Proc-Type" && v.contains("ENCRYPTED"));
        let der = if legacy_encrypted {
            decrypt_legacy_pem(pem, passphrase)?
        } else {
            pem.der.clone()
        };
        let r = match pem.label.as_str() {
            "PRIVATE KEY" => decode_pkcs8(&der),
            "ENCRYPTED PRIVATE KEY" => decrypt_pkcs8(&der, passphrase),
            "RSA PRIVATE KEY" => decode_pkcs1_private(&der),
            "EC PRIVATE KEY" => decode_sec1(&der, None),
            "DSA PRIVATE KEY" => decode_dsa_openssl(&der),
            _ => continue,
        };
        return match r {
            Err(DecodeError::Unsupported) if legacy_encrypted => Err(DecodeError::BadDecrypt),
            r => r,
        };
    }
    let _ = saw_any;
    Err(DecodeError::Unsupported)
}

/// A public key from PEM text: a public key, a certificate's, or a private key's public half.
fn public_from_pem(text: &str, passphrase: Option<&[u8]>) -> Decoded {
    for pem in pem_blocks(text) {
        let r = match pem.label.as_str() {
            "PUBLIC KEY" => decode_spki(&pem.der),
            "RSA PUBLIC KEY" => decode_pkcs1_public(&pem.der),
            "CERTIFICATE" => certificate_spki(&pem.der)
                .ok_or(DecodeError::Unsupported)
                .and_then(|d| decode_spki(&d)),
            "PRIVATE KEY"
            | "ENCRYPTED PRIVATE KEY"
            | "RSA PRIVATE KEY"
            | "EC PRIVATE KEY"
            | "DSA PRIVATE KEY" => private_from_pem(&to_pem(&pem.label, &pem.der), passphrase)
                .or_else(|e| match e {
                    DecodeError::Unsupported if !pem.headers.is_empty() => {
                        private_from_pem(text, passphrase)
                    }
                    e => Err(e),
                }),
            _ => continue,
        };
        return r.and_then(|k| k.public().ok_or(DecodeError::Unsupported));
    }
    Err(DecodeError::Unsupported)
}

/// The SubjectPublicKeyInfo of a DER certificate.
pub fn certificate_spki(der_bytes: &[u8]) -> Option<Vec<u8>> {
    let cert = x509_cert::Certificate::from_der(der_bytes).ok()?;
    cert.tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .ok()
}

// ---- JWK ------------------------------------------------------------------------------------

fn b64url(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('=').as_bytes())
        .ok()
}

fn jwk_field<'a>(jwk: &'a serde_json::Value, name: &str) -> std::result::Result<&'a str, String> {
    jwk.get(name)
        .and_then(|v| v.as_str())
        .ok_or_else(|| format!("ERR_CRYPTO_INVALID_JWK:{name}"))
}

/// An unsigned big-endian number (leading zeros, as DER INTEGERs carry them, dropped).
fn uint(bytes: &[u8]) -> BoxedUint {
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    BoxedUint::from_be_slice_vartime(&bytes[skip..])
}

/// A key from a JWK; errors are `ERR_CRYPTO_INVALID_JWK` tags for the JS half.
fn from_jwk(jwk: &serde_json::Value, private: bool) -> std::result::Result<Key, String> {
    let bad = || "ERR_CRYPTO_INVALID_JWK".to_string();
    let kty = jwk_field(jwk, "kty").map_err(|_| "ERR_CRYPTO_INVALID_JWK:kty".to_string())?;
    match kty {
        "RSA" => {
            let n = b64url(jwk_field(jwk, "n")?).ok_or_else(bad)?;
            let e = b64url(jwk_field(jwk, "e")?).ok_or_else(bad)?;
            if !private {
                let k = RsaPublicKey::new_with_size_limits(uint(&n), uint(&e), RSA_BITS)
                    .map_err(|_| bad())?;
                return Ok(Key::RsaPublic(Box::new(k), None));
            }
            let d = b64url(jwk_field(jwk, "d")?).ok_or_else(bad)?;
            let p = b64url(jwk_field(jwk, "p")?).ok_or_else(bad)?;
            let q = b64url(jwk_field(jwk, "q")?).ok_or_else(bad)?;
            let k = RsaPrivateKey::from_components(
                uint(&n),
                uint(&e),
                uint(&d),
                vec![uint(&p), uint(&q)],
            )
            .map_err(|_| bad())?;
            Ok(Key::RsaPrivate(Box::new(k), None))
        }
        "EC" => {
            let crv = jwk_field(jwk, "crv")?;
            let curve = match crv {
                "P-256" => Curve::P256,
                "P-384" => Curve::P384,
                "P-521" => Curve::P521,
                "secp256k1" => Curve::K256,
                _ => return Err("ERR_CRYPTO_INVALID_JWK:crv".into()),
            };
            let x = b64url(jwk_field(jwk, "x")?).ok_or_else(bad)?;
            let y = b64url(jwk_field(jwk, "y")?).ok_or_else(bad)?;
            if x.len() != curve.size() || y.len() != curve.size() {
                return Err(bad());
            }
            let mut point = vec![4];
            point.extend(x);
            point.extend(y);
            let point = ec_point_uncompressed(curve, &point).ok_or_else(bad)?;
            if !private {
                return Ok(Key::EcPublic(curve, point));
            }
            let d = b64url(jwk_field(jwk, "d")?).ok_or_else(bad)?;
            if d.len() != curve.size() || ec_public_of(curve, &d).as_deref() != Some(&point[..]) {
                return Err(bad());
            }
            Ok(Key::EcPrivate(curve, d, point))
        }
        "OKP" => {
            let crv = jwk_field(jwk, "crv")?;
            let okp = Okp::from_jwk(crv).ok_or_else(|| "ERR_CRYPTO_INVALID_JWK:crv".to_string())?;
            let x = b64url(jwk_field(jwk, "x")?).ok_or_else(bad)?;
            let public_len = if okp == Okp::Ed448 {
                57
            } else {
                okp.private_len()
            };
            if x.len() != public_len {
                return Err(bad());
            }
            if !private {
                return Ok(Key::OkpPublic(okp, x));
            }
            let d = b64url(jwk_field(jwk, "d")?).ok_or_else(bad)?;
            if d.len() != okp.private_len() || okp.public_of(&d).as_deref() != Some(&x[..]) {
                return Err(bad());
            }
            Ok(Key::OkpPrivate(okp, d, x))
        }
        "AKP" => {
            let alg = Pqc::from_jwk(jwk_field(jwk, "alg")?)
                .ok_or_else(|| "ERR_CRYPTO_INVALID_JWK:alg".to_string())?;
            let public = b64url(jwk_field(jwk, "pub")?).ok_or_else(bad)?;
            if !pqc::valid_public(alg, &public) {
                return Err(bad());
            }
            if !private {
                return Ok(Key::PqcPublic(alg, public));
            }
            let seed = b64url(jwk_field(jwk, "priv")?).ok_or_else(bad)?;
            let (expanded, derived) = pqc::from_seed(alg, &seed).ok_or_else(bad)?;
            if derived != public {
                return Err(bad());
            }
            Ok(Key::PqcPrivate(alg, Some(seed), expanded, public))
        }
        _ => Err("ERR_CRYPTO_INVALID_JWK:kty".into()),
    }
}

fn b64u(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn to_jwk(key: &Key) -> serde_json::Value {
    use serde_json::json;
    fn be(u: &BoxedUint) -> Vec<u8> {
        let b = u.to_be_bytes_trimmed_vartime();
        b.to_vec()
    }
    match key {
        Key::Secret(k) => json!({ "kty": "oct", "k": b64u(k) }),
        Key::RsaPublic(k, _) => {
            json!({ "kty": "RSA", "n": b64u(&be(k.n())), "e": b64u(&be(k.e())) })
        }
        Key::RsaPrivate(k, _) => {
            let primes = k.primes();
            let (p, q) = (be(&primes[0]), be(&primes[1]));
            let d = k.d();
            let dp = k.dp().map(be).unwrap_or_default();
            let dq = k.dq().map(be).unwrap_or_default();
            let qi = k.crt_coefficient().map(|c| be(&c)).unwrap_or_default();
            json!({
                "kty": "RSA", "n": b64u(&be(k.n())), "e": b64u(&be(k.e())), "d": b64u(&be(d)),
                "p": b64u(&p), "q": b64u(&q), "dp": b64u(&dp), "dq": b64u(&dq), "qi": b64u(&qi),
            })
        }
        Key::EcPublic(c, q) | Key::EcPrivate(c, _, q) => {
            let n = c.size();
            let mut o = json!({ "kty": "EC", "x": b64u(&q[1..1 + n]), "y": b64u(&q[1 + n..]), "crv": c.jwk() });
            if let Key::EcPrivate(_, d, _) = key {
                o["d"] = b64u(d).into();
            }
            o
        }
        Key::OkpPublic(o, x) => json!({ "crv": o.jwk(), "x": b64u(x), "kty": "OKP" }),
        Key::DsaPrivate(_) | Key::DsaPublic(_) | Key::DhPrivate(..) | Key::DhPublic(..) => {
            serde_json::Value::Null
        }
        Key::PqcPublic(a, p) => json!({ "kty": "AKP", "alg": a.jwk(), "pub": b64u(p) }),
        Key::PqcPrivate(a, seed, _, p) => match seed {
            Some(seed) => {
                json!({ "priv": b64u(seed), "kty": "AKP", "alg": a.jwk(), "pub": b64u(p) })
            }
            None => serde_json::Value::Null,
        },
        Key::OkpPrivate(o, d, x) => {
            json!({ "crv": o.jwk(), "d": b64u(d), "x": b64u(x), "kty": "OKP" })
        }
    }
}

// ---- encoding -------------------------------------------------------------------------------

fn alg(oid: Oid, params: Option<Vec<u8>>) -> Option<AlgorithmIdentifierOwned> {
    Some(AlgorithmIdentifierOwned {
        oid,
        parameters: match params {
            Some(p) => Some(Any::from_der(&p).ok()?),
            None => None,
        },
    })
}

fn rsa_alg(pss: Option<&PssParams>) -> Option<AlgorithmIdentifierOwned> {
    match pss {
        None => alg(OID_RSA, Some(vec![5, 0])),
        Some(p) if *p == PssParams::default() => alg(OID_RSA_PSS, None),
        Some(p) => alg(OID_RSA_PSS, Some(encode_pss_params(p)?)),
    }
}

pub fn spki_der(key: &Key) -> Option<Vec<u8>> {
    let (algorithm, bits) = match key {
        Key::RsaPublic(..) | Key::RsaPrivate(..) => {
            use pkcs1::EncodeRsaPublicKey;
            let k = key.rsa_public()?;
            (
                rsa_alg(key.pss())?,
                k.to_pkcs1_der().ok()?.as_bytes().to_vec(),
            )
        }
        Key::EcPublic(c, q) | Key::EcPrivate(c, _, q) => {
            (alg(OID_EC, Some(c.oid().to_der().ok()?))?, q.clone())
        }
        Key::OkpPublic(o, p) | Key::OkpPrivate(o, _, p) => (alg(o.oid(), None)?, p.clone()),
        Key::DsaPublic(_) | Key::DsaPrivate(_) => {
            let vk = match key {
                Key::DsaPrivate(k) => k.verifying_key(),
                Key::DsaPublic(k) => k,
                _ => return None,
            };
            (
                alg(OID_DSA, Some(dsa_params_der(vk.components())))?,
                der_uint(&vk.y().to_be_bytes_trimmed_vartime()),
            )
        }
        Key::DhPublic(g, y) | Key::DhPrivate(g, _, y) => (
            alg(OID_DH, Some(dh_params_der(g)))?,
            der_uint(&y.to_be_bytes_trimmed_vartime()),
        ),
        Key::PqcPublic(a, p) | Key::PqcPrivate(a, _, _, p) => (alg(a.oid(), None)?, p.clone()),
        Key::Secret(_) => return None,
    };
    spki::SubjectPublicKeyInfoOwned {
        algorithm,
        subject_public_key: BitString::from_bytes(&bits).ok()?,
    }
    .to_der()
    .ok()
}

fn sec1_der(curve: Curve, d: &[u8], q: &[u8], with_params: bool) -> Option<Vec<u8>> {
    sec1::EcPrivateKey {
        private_key: d,
        parameters: with_params.then(|| sec1::EcParameters::NamedCurve(curve.oid())),
        public_key: Some(q),
    }
    .to_der()
    .ok()
}

pub fn pkcs8_der(key: &Key) -> Option<Vec<u8>> {
    let (algorithm, inner) = match key {
        Key::RsaPrivate(k, p) => {
            use pkcs1::EncodeRsaPrivateKey;
            (
                rsa_alg(p.as_ref())?,
                k.to_pkcs1_der().ok()?.as_bytes().to_vec(),
            )
        }
        Key::EcPrivate(c, d, q) => (
            alg(OID_EC, Some(c.oid().to_der().ok()?))?,
            sec1_der(*c, d, q, false)?,
        ),
        Key::OkpPrivate(o, d, _) => (
            alg(o.oid(), None)?,
            OctetString::new(d.clone()).ok()?.to_der().ok()?,
        ),
        Key::DsaPrivate(k) => (
            alg(
                OID_DSA,
                Some(dsa_params_der(k.verifying_key().components())),
            )?,
            der_uint(&k.x().to_be_bytes_trimmed_vartime()),
        ),
        Key::DhPrivate(g, x, _) => (
            alg(OID_DH, Some(dh_params_der(g)))?,
            der_uint(&x.to_be_bytes_trimmed_vartime()),
        ),
        Key::PqcPrivate(a, seed, expanded, _) => (
            alg(a.oid(), None)?,
            pqc_private_der(seed.as_deref(), expanded),
        ),
        _ => return None,
    };
    pkcs8::PrivateKeyInfoOwned {
        algorithm,
        private_key: OctetString::new(inner).ok()?,
        public_key: None,
    }
    .to_der()
    .ok()
}

fn encrypt_pkcs8(der_bytes: &[u8], cipher: &str, pass: &[u8]) -> Option<Vec<u8>> {
    use pkcs8::pkcs5::pbes2;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    crate::sys::random::fill(&mut salt).ok()?;
    crate::sys::random::fill(&mut iv).ok()?;
    let kdf: pbes2::Kdf = pbes2::Pbkdf2Params::hmac_sha256(2048, &salt).ok()?.into();
    let encryption = match cipher {
        "aes-128-cbc" | "aes128" => pbes2::EncryptionScheme::Aes128Cbc { iv },
        "aes-192-cbc" | "aes192" => pbes2::EncryptionScheme::Aes192Cbc { iv },
        "aes-256-cbc" | "aes256" => pbes2::EncryptionScheme::Aes256Cbc { iv },
        "des-ede3-cbc" => {
            let mut iv8 = [0u8; 8];
            iv8.copy_from_slice(&iv[..8]);
            pbes2::EncryptionScheme::DesEde3Cbc { iv: iv8 }
        }
        _ => return None,
    };
    let info = pkcs8::PrivateKeyInfoRef::from_der(der_bytes).ok()?;
    let doc = info
        .encrypt_with_params(pbes2::Parameters { kdf, encryption }, pass)
        .ok()?;
    Some(doc.as_bytes().to_vec())
}

/// OpenSSL's traditional PEM encryption of a PKCS#1 or SEC1 key.
fn legacy_encrypt_pem(label: &str, der_bytes: &[u8], cipher: &str, pass: &[u8]) -> Option<String> {
    use cipher::{BlockModeEncrypt, KeyIvInit, block_padding::Pkcs7};
    let (name, key_len, iv_len) = match cipher {
        "aes-128-cbc" | "aes128" => ("AES-128-CBC", 16, 16),
        "aes-192-cbc" | "aes192" => ("AES-192-CBC", 24, 16),
        "aes-256-cbc" | "aes256" => ("AES-256-CBC", 32, 16),
        "des-ede3-cbc" => ("DES-EDE3-CBC", 24, 8),
        _ => return None,
    };
    let mut iv = vec![0u8; iv_len];
    crate::sys::random::fill(&mut iv).ok()?;
    let key = bytes_to_key(pass, &iv[..8], key_len);
    let mut buf = der_bytes.to_vec();
    let n = buf.len();
    buf.resize(n + 16, 0);
    let out = match name {
        "AES-128-CBC" => cbc::Encryptor::<aes::Aes128>::new_from_slices(&key, &iv)
            .ok()?
            .encrypt_padded::<Pkcs7>(&mut buf, n)
            .ok()?
            .to_vec(),
        "AES-192-CBC" => cbc::Encryptor::<aes::Aes192>::new_from_slices(&key, &iv)
            .ok()?
            .encrypt_padded::<Pkcs7>(&mut buf, n)
            .ok()?
            .to_vec(),
        "AES-256-CBC" => cbc::Encryptor::<aes::Aes256>::new_from_slices(&key, &iv)
            .ok()?
            .encrypt_padded::<Pkcs7>(&mut buf, n)
            .ok()?
            .to_vec(),
        _ => cbc::Encryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
            .ok()?
            .encrypt_padded::<Pkcs7>(&mut buf, n)
            .ok()?
            .to_vec(),
    };
    let iv_hex: String = iv.iter().map(|b| format!("{b:02X}")).collect();
    let pem = to_pem(label, &out);
    let (first, rest) = pem.split_once('\n')?;
    Some(format!(
        "{first}\nProc-Type: 4,ENCRYPTED\nDEK-Info: {name},{iv_hex}\n\n{rest}"
    ))
}

// ---- DSA ------------------------------------------------------------------------------------

/// A DER INTEGER of an unsigned big-endian number.
fn der_uint(bytes: &[u8]) -> Vec<u8> {
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    let mut body = bytes[skip..].to_vec();
    if body.first().is_none_or(|b| b & 0x80 != 0) {
        body.insert(0, 0);
    }
    let mut v = vec![0x02];
    der_len(&mut v, body.len());
    v.extend(body);
    v
}

/// Dss-Parms: SEQUENCE { p, q, g }.
fn dsa_params_der(c: &dsa::Components) -> Vec<u8> {
    let mut body = der_uint(&c.p().to_be_bytes_trimmed_vartime());
    body.extend(der_uint(&c.q().to_be_bytes_trimmed_vartime()));
    body.extend(der_uint(&c.g().to_be_bytes_trimmed_vartime()));
    let mut v = vec![0x30];
    der_len(&mut v, body.len());
    v.extend(body);
    v
}

/// The INTEGERs of a DER SEQUENCE.
fn der_integers(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let (tag, mut body, _) = tlv(bytes)?;
    if tag != 0x30 {
        return None;
    }
    let mut out = Vec::new();
    while !body.is_empty() {
        let (t, v, rest) = tlv(body)?;
        if t != 0x02 {
            return None;
        }
        out.push(v);
        body = rest;
    }
    Some(out)
}

/// p, q and g of any size OpenSSL takes (the crate's checked constructor knows only FIPS's).
fn dsa_components(params: Option<&[u8]>) -> Option<dsa::Components> {
    let ints = der_integers(params?)?;
    let [p, q, g] = ints.as_slice() else {
        return None;
    };
    use crypto_bigint::Resize;
    let (p, q) = (uint(p), uint(q));
    let (pb, qb) = (p.bit_width_vartime(), q.bit_width_vartime());
    if !(512..=16384).contains(&pb) || !(128..=512).contains(&qb) {
        return None;
    }
    let g = uint(g).try_resize(pb)?;
    dsa::Components::from_components_unchecked(p.resize(pb), q.resize(qb), g).ok()
}

fn dsa_private(components: dsa::Components, x: BoxedUint) -> Option<Key> {
    use crypto_bigint::Resize;
    use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
    let x = x.try_resize(components.q().bits_precision())?;
    let params = BoxedMontyParams::new_vartime(components.p().clone());
    let y = BoxedMontyForm::new(components.g().as_ref().clone(), &params)
        .pow(&x)
        .retrieve();
    let vk = dsa::VerifyingKey::from_components(components, y).ok()?;
    let sk = dsa::SigningKey::from_components(vk, x).ok()?;
    Some(Key::DsaPrivate(Box::new(sk)))
}

/// OpenSSL's traditional "DSA PRIVATE KEY": SEQUENCE { 0, p, q, g, y, x }.
fn decode_dsa_openssl(der_bytes: &[u8]) -> Decoded {
    let ints = der_integers(der_bytes).ok_or(DecodeError::Unsupported)?;
    let [_, p, q, g, _, x] = ints.as_slice() else {
        return Err(DecodeError::Unsupported);
    };
    let mut params = der_uint(p);
    params.extend(der_uint(q));
    params.extend(der_uint(g));
    let mut seq = vec![0x30];
    der_len(&mut seq, params.len());
    seq.extend(params);
    let components = dsa_components(Some(&seq)).ok_or(DecodeError::Unsupported)?;
    dsa_private(components, uint(x)).ok_or(DecodeError::Unsupported)
}

/// The odd primes below `limit`.
fn small_primes(limit: usize) -> Vec<u64> {
    let mut composite = vec![false; limit];
    let mut out = Vec::new();
    for i in 3..limit {
        if !composite[i] {
            out.push(i as u64);
            for j in (i * i..limit).step_by(i) {
                composite[j] = true;
            }
        }
    }
    out
}

/// Whether one of `primes` divides `n` (a cheap test before a primality test).
fn has_small_factor(n: &BoxedUint, primes: &[u64]) -> bool {
    primes.iter().any(|&p| {
        crypto_bigint::NonZero::new(crypto_bigint::Limb::from(p as u32))
            .into_option()
            .is_some_and(|d| n.rem_limb(d) == crypto_bigint::Limb::ZERO)
    })
}

/// Domain parameters of `l` and `n` bits (q prime, p = kq + 1 prime, g of order q) and a key.
fn generate_dsa(l: u32, n: u32) -> Option<Key> {
    use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
    use crypto_bigint::{NonZero, RandomBits, Resize};
    let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
    let q: BoxedUint = crypto_primes::random_prime(&mut rng, crypto_primes::Flavor::Any, n);
    let q = q.resize(l);
    let two_q = NonZero::new(q.wrapping_add(&q)).into_option()?;
    let small = small_primes(2000);
    let p = loop {
        // A random l-bit number with its top bit set.
        let top = BoxedUint::one().resize(l).shl_vartime(l - 1)?;
        let x = BoxedUint::try_random_bits(&mut getrandom::SysRng, l)
            .ok()?
            .resize(l)
            | top;
        let r = x.rem_vartime(&two_q);
        let p = x.wrapping_sub(&r).wrapping_add(BoxedUint::one().resize(l));
        if p.bit_width_vartime() == l
            && !has_small_factor(&p, &small)
            && crypto_primes::is_prime(crypto_primes::Flavor::Any, &p)
        {
            break p;
        }
    };
    let e = p
        .wrapping_sub(BoxedUint::one().resize(l))
        .checked_div(&q)
        .into_option()?;
    let params = BoxedMontyParams::new_vartime(crypto_bigint::Odd::new(p.clone()).into_option()?);
    let mut h = BoxedUint::from(2u32).resize(l);
    let g = loop {
        let g = BoxedMontyForm::new(h.clone(), &params).pow(&e).retrieve();
        if !bool::from(g.is_one()) {
            break g;
        }
        h = h.wrapping_add(BoxedUint::one().resize(l));
    };
    let q = q.resize(n);
    let components = dsa::Components::from_components_unchecked(p, q.clone(), g).ok()?;
    // x uniformly in [1, q - 1].
    let x = loop {
        let x = BoxedUint::try_random_bits(&mut getrandom::SysRng, n).ok()?;
        if !bool::from(x.is_zero()) && x < q {
            break x;
        }
    };
    dsa_private(components, x)
}

// ---- ML-DSA and ML-KEM --------------------------------------------------------------------

/// A private key's PKCS#8 contents in any of the three forms: the seed (`[0] IMPLICIT OCTET
/// STRING`), the expanded key (`OCTET STRING`), or both (`SEQUENCE { seed, expandedKey }`).
fn decode_pqc_private(alg: Pqc, bytes: &[u8]) -> Option<Key> {
    let (tag, body, rest) = tlv(bytes)?;
    if !rest.is_empty() {
        return None;
    }
    let (seed, expanded) = match tag {
        0x80 => (Some(body), None),
        0x04 => (None, Some(body)),
        0x30 => {
            let (t1, seed, rest) = tlv(body)?;
            let (t2, expanded, rest) = tlv(rest)?;
            if t1 != 0x04 || t2 != 0x04 || !rest.is_empty() {
                return None;
            }
            (Some(seed), Some(expanded))
        }
        _ => return None,
    };
    match (seed, expanded) {
        (Some(seed), expanded) => {
            if seed.len() != alg.seed_len() {
                return None;
            }
            let (derived, public) = pqc::from_seed(alg, seed)?;
            // Both forms must describe the same key.
            if expanded.is_some_and(|e| e != derived.as_slice()) {
                return None;
            }
            Some(Key::PqcPrivate(alg, Some(seed.to_vec()), derived, public))
        }
        (None, Some(expanded)) => {
            let public = pqc::from_expanded(alg, expanded)?;
            Some(Key::PqcPrivate(alg, None, expanded.to_vec(), public))
        }
        (None, None) => None,
    }
}

/// The PKCS#8 contents OpenSSL writes by default: both forms when the seed is known.
fn pqc_private_der(seed: Option<&[u8]>, expanded: &[u8]) -> Vec<u8> {
    let octets = |b: &[u8]| {
        let mut v = vec![0x04];
        der_len(&mut v, b.len());
        v.extend_from_slice(b);
        v
    };
    match seed {
        Some(seed) => {
            let mut body = octets(seed);
            body.extend(octets(expanded));
            let mut v = vec![0x30];
            der_len(&mut v, body.len());
            v.extend(body);
            v
        }
        None => octets(expanded),
    }
}

fn generate_pqc(alg: Pqc) -> Option<Key> {
    let seed = random_bytes(alg.seed_len());
    let (expanded, public) = pqc::from_seed(alg, &seed)?;
    Some(Key::PqcPrivate(alg, Some(seed), expanded, public))
}

// ---- Diffie-Hellman keys ---------------------------------------------------------------------

/// DHParameter: SEQUENCE { prime, base }.
fn dh_params_der(g: &DhGroup) -> Vec<u8> {
    let mut body = der_uint(&g.p.to_be_bytes_trimmed_vartime());
    body.extend(der_uint(&g.g.to_be_bytes_trimmed_vartime()));
    let mut v = vec![0x30];
    der_len(&mut v, body.len());
    v.extend(body);
    v
}

fn dh_group(params: Option<&[u8]>) -> Option<DhGroup> {
    let ints = der_integers(params?)?;
    let (p, g) = (uint(ints.first()?), uint(ints.get(1)?));
    dh_group_of(p, g)
}

/// A group whose prime is odd and of a size OpenSSL takes, with 1 < g < p.
pub fn dh_group_of(p: BoxedUint, g: BoxedUint) -> Option<DhGroup> {
    use crypto_bigint::Resize;
    let bits = p.bit_width_vartime();
    if !(8..=16384).contains(&bits) || !bool::from(crypto_bigint::Integer::is_odd(&p)) {
        return None;
    }
    let p = p.resize(bits);
    let g = g.try_resize(bits)?;
    if g <= BoxedUint::one().resize(bits) || g >= p {
        return None;
    }
    Some(DhGroup { p, g })
}

/// `base` to the power `e` modulo the group's prime.
pub fn dh_pow(group: &DhGroup, base: &BoxedUint, e: &BoxedUint) -> Option<BoxedUint> {
    use crypto_bigint::Resize;
    use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
    let params =
        BoxedMontyParams::new_vartime(crypto_bigint::Odd::new(group.p.clone()).into_option()?);
    let base = base.try_resize(group.p.bits_precision())?;
    Some(BoxedMontyForm::new(base, &params).pow(e).retrieve())
}

fn dh_private(group: DhGroup, x: BoxedUint) -> Option<Key> {
    if bool::from(x.is_zero()) {
        return None;
    }
    let y = dh_pow(&group, &group.g, &x)?;
    Some(Key::DhPrivate(Box::new(group), x, y))
}

/// A private value of the group's size (less than p) and its key.
fn generate_dh(group: DhGroup) -> Option<Key> {
    use crypto_bigint::{RandomBits, Resize};
    let bits = group.p.bit_width_vartime();
    loop {
        let x = BoxedUint::try_random_bits(&mut getrandom::SysRng, bits - 1)
            .ok()?
            .resize(bits);
        if !bool::from(x.is_zero()) && x > BoxedUint::one().resize(bits) {
            return dh_private(group, x);
        }
    }
}

// ---- generation -----------------------------------------------------------------------------

pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut v = vec![0u8; n];
    let _ = crate::sys::random::fill(&mut v);
    v
}

pub fn generate_ec(curve: Curve) -> Key {
    loop {
        let d = random_bytes(curve.size());
        let d = if curve == Curve::P521 {
            // The top byte of a P-521 scalar holds one bit.
            let mut d = d;
            d[0] &= 1;
            d
        } else {
            d
        };
        if let Some(q) = ec_public_of(curve, &d) {
            return Key::EcPrivate(curve, d, q);
        }
    }
}

pub fn generate_okp(okp: Okp) -> Option<Key> {
    let d = random_bytes(okp.private_len());
    let q = okp.public_of(&d)?;
    Some(Key::OkpPrivate(okp, d, q))
}

fn generate_rsa(bits: usize, exponent: u64, pss: Option<PssParams>) -> Option<Key> {
    let mut rng = getrandom::SysRng;
    let e = BoxedUint::from(exponent);
    let k = RsaPrivateKey::new_with_exp_unchecked(&mut rng, bits, e).ok()?;
    Some(Key::RsaPrivate(Box::new(k), pss))
}

// ---- the binding ----------------------------------------------------------------------------

fn decode_error<'js>(ctx: &Ctx<'js>, e: DecodeError) -> rquickjs::Error {
    match e {
        DecodeError::Unsupported => unsupported(ctx),
        DecodeError::NeedPassphrase => ossl(
            ctx,
            "07880109",
            "common libcrypto routines",
            "interrupted or cancelled",
        ),
        DecodeError::BadDecrypt => ossl(ctx, "1C800064", "Provider routines", "bad decrypt"),
    }
}

fn bytes_arg<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Vec<u8>> {
    with_bytes(ctx, v, <[u8]>::to_vec)
}

fn opt_bytes<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Option<Vec<u8>>> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        bytes_arg(ctx, v).map(Some)
    }
}

fn big_number<'js>(ctx: &Ctx<'js>, u: &BoxedUint) -> Result<Value<'js>> {
    // A BigInt from its hex digits, through the global BigInt.
    let hex: String = u
        .to_be_bytes_trimmed_vartime()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let big: Function = ctx.globals().get("BigInt")?;
    big.call((format!("0x{}", if hex.is_empty() { "0" } else { &hex }),))
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "keySecret",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, data: Value<'js>| -> Result<Class<'js, KeyHandle>> {
                let bytes = bytes_arg(&ctx, &data)?;
                handle(&ctx, Key::Secret(bytes))
            },
        )?,
    )?;
    // keyParse(kind 'public'|'private', data, format 'pem'|'der'|'jwk', type, passphrase)
    o.set(
        "keyParse",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             kind: String,
             data: Value<'js>,
             format: String,
             ty: String,
             passphrase: Value<'js>|
             -> Result<Class<'js, KeyHandle>> {
                let private = kind == "private";
                let pass = opt_bytes(&ctx, &passphrase)?;
                let pass = pass.as_deref();
                let decoded = match format.as_str() {
                    "jwk" => {
                        let text = data
                            .as_string()
                            .map(|s| s.to_string())
                            .transpose()?
                            .unwrap_or_default();
                        let jwk: serde_json::Value = serde_json::from_str(&text)
                            .map_err(|_| tagged(&ctx, "ERR_CRYPTO_INVALID_JWK"))?;
                        let key = from_jwk(&jwk, private).map_err(|t| tagged(&ctx, &t))?;
                        return handle(&ctx, key);
                    }
                    "pem" => {
                        let text = String::from_utf8_lossy(&bytes_arg(&ctx, &data)?).into_owned();
                        if private {
                            private_from_pem(&text, pass)
                        } else {
                            public_from_pem(&text, pass)
                        }
                    }
                    _ => {
                        let der = bytes_arg(&ctx, &data)?;
                        match (private, ty.as_str()) {
                            (true, "pkcs8") => {
                                if pkcs8::EncryptedPrivateKeyInfoRef::from_der(&der).is_ok() {
                                    // Unlike PEM, encrypted DER without a passphrase is
                                    // refused before OpenSSL sees it.
                                    if pass.is_none() {
                                        return Err(tagged(&ctx, "ERR_MISSING_PASSPHRASE"));
                                    }
                                    decrypt_pkcs8(&der, pass)
                                } else {
                                    decode_pkcs8(&der)
                                }
                            }
                            (true, "pkcs1") => decode_pkcs1_private(&der),
                            (true, "sec1") => decode_sec1(&der, None),
                            (false, "spki") => decode_spki(&der),
                            (false, "pkcs1") => decode_pkcs1_public(&der),
                            // A public key from a private key's DER.
                            (false, "pkcs8") => decode_pkcs8(&der)
                                .and_then(|k| k.public().ok_or(DecodeError::Unsupported)),
                            (false, "sec1") => decode_sec1(&der, None)
                                .and_then(|k| k.public().ok_or(DecodeError::Unsupported)),
                            _ => Err(DecodeError::Unsupported),
                        }
                    }
                };
                let key = decoded.map_err(|e| decode_error(&ctx, e))?;
                handle(&ctx, key)
            },
        )?,
    )?;
    o.set(
        "keyPublic",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, KeyHandle>| -> Result<Class<'js, KeyHandle>> {
                let key = h.borrow().key.public().ok_or_else(|| unsupported(&ctx))?;
                handle(&ctx, key)
            },
        )?,
    )?;
    o.set(
        "keyInfo",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, KeyHandle>| -> Result<Object<'js>> {
                let info = Object::new(ctx.clone())?;
                let b = h.borrow();
                let key = &b.key;
                info.set("type", key.kind())?;
                if let Key::Secret(k) = key {
                    info.set("size", k.len())?;
                    return Ok(info);
                }
                info.set("asymmetricKeyType", key.asymmetric_type())?;
                let details = Object::new(ctx.clone())?;
                match key {
                    Key::RsaPrivate(..) | Key::RsaPublic(..) => {
                        let k = key.rsa_public().ok_or_else(|| unsupported(&ctx))?;
                        details.set("modulusLength", k.n().bit_width_vartime())?;
                        details.set("publicExponent", big_number(&ctx, k.e())?)?;
                        if let Some(p) = key.pss()
                            && *p != PssParams::default()
                        {
                            let hash = p.hash.unwrap_or("sha1");
                            details.set("hashAlgorithm", hash)?;
                            details.set("mgf1HashAlgorithm", p.mgf1_hash.unwrap_or(hash))?;
                            details.set("saltLength", p.salt_len.unwrap_or(20))?;
                        }
                    }
                    Key::EcPrivate(c, ..) | Key::EcPublic(c, _) => {
                        details.set("namedCurve", c.name())?
                    }
                    Key::DsaPrivate(_) | Key::DsaPublic(_) => {
                        let vk = match key {
                            Key::DsaPrivate(k) => k.verifying_key(),
                            Key::DsaPublic(k) => k,
                            _ => return Err(unsupported(&ctx)),
                        };
                        let c = vk.components();
                        details.set("modulusLength", c.p().bit_width_vartime())?;
                        details.set("divisorLength", c.q().bit_width_vartime())?;
                    }
                    _ => {}
                }
                info.set("details", details)?;
                Ok(info)
            },
        )?,
    )?;
    o.set(
        "keyEquals",
        Function::new(
            ctx.clone(),
            |a: Class<'js, KeyHandle>, b: Class<'js, KeyHandle>| -> bool {
                let (a, b) = (a.borrow(), b.borrow());
                match (&a.key, &b.key) {
                    (Key::Secret(x), Key::Secret(y)) => {
                        x.len() == y.len()
                            && x.iter().zip(y).fold(0u8, |acc, (p, q)| acc | (p ^ q)) == 0
                    }
                    (x, y) if x.kind() == y.kind() => match x.kind() {
                        "public" => spki_der(x) == spki_der(y),
                        _ => pkcs8_der(x) == pkcs8_der(y),
                    },
                    _ => false,
                }
            },
        )?,
    )?;
    o.set(
        "keySecretBytes",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, KeyHandle>| -> Result<ArrayBuffer<'js>> {
                match &h.borrow().key {
                    Key::Secret(k) => ArrayBuffer::new(ctx.clone(), k.clone()),
                    _ => Err(Exception::throw_type(&ctx, "not a secret key")),
                }
            },
        )?,
    )?;
    // keyExport(handle, format 'pem'|'der'|'jwk', type, cipher, passphrase)
    o.set(
        "keyExport",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, KeyHandle>,
             format: String,
             ty: String,
             cipher: Option<String>,
             passphrase: Value<'js>|
             -> Result<Value<'js>> {
                let b = h.borrow();
                let key = &b.key;
                if format == "jwk" {
                    return serde_json::to_string(&to_jwk(key))
                        .unwrap_or_default()
                        .into_js(&ctx);
                }
                let pass = opt_bytes(&ctx, &passphrase)?;
                let fail = || tagged(&ctx, "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS");
                let (label, der): (&str, Vec<u8>) = match (key.kind(), ty.as_str()) {
                    ("public", "spki") => ("PUBLIC KEY", spki_der(key).ok_or_else(fail)?),
                    ("public", "pkcs1") => {
                        use pkcs1::EncodeRsaPublicKey;
                        let k = key
                            .rsa_public()
                            .filter(|_| key.pss().is_none())
                            .ok_or_else(fail)?;
                        (
                            "RSA PUBLIC KEY",
                            k.to_pkcs1_der().map_err(|_| fail())?.as_bytes().to_vec(),
                        )
                    }
                    ("private", "pkcs8") => {
                        let der = pkcs8_der(key).ok_or_else(fail)?;
                        match (&cipher, &pass) {
                            (Some(c), Some(p)) => {
                                let enc = encrypt_pkcs8(&der, c, p)
                                    .ok_or_else(|| tagged(&ctx, "ERR_CRYPTO_UNKNOWN_CIPHER"))?;
                                ("ENCRYPTED PRIVATE KEY", enc)
                            }
                            _ => ("PRIVATE KEY", der),
                        }
                    }
                    ("private", "pkcs1") => {
                        use pkcs1::EncodeRsaPrivateKey;
                        let Key::RsaPrivate(k, None) = key else {
                            return Err(fail());
                        };
                        (
                            "RSA PRIVATE KEY",
                            k.to_pkcs1_der().map_err(|_| fail())?.as_bytes().to_vec(),
                        )
                    }
                    ("private", "sec1") => {
                        let Key::EcPrivate(c, d, q) = key else {
                            return Err(fail());
                        };
                        ("EC PRIVATE KEY", sec1_der(*c, d, q, true).ok_or_else(fail)?)
                    }
                    _ => return Err(fail()),
                };
                let legacy = ty != "pkcs8" && cipher.is_some() && pass.is_some();
                if format == "pem" {
                    if legacy {
                        let (Some(c), Some(p)) = (&cipher, &pass) else {
                            return Err(fail());
                        };
                        let pem = legacy_encrypt_pem(label, &der, c, p)
                            .ok_or_else(|| tagged(&ctx, "ERR_CRYPTO_UNKNOWN_CIPHER"))?;
                        return pem.into_js(&ctx);
                    }
                    return to_pem(label, &der).into_js(&ctx);
                }
                if legacy {
                    return Err(tagged(&ctx, "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS"));
                }
                Ok(ArrayBuffer::new(ctx.clone(), der)?.into_value())
            },
        )?,
    )?;
    // keyGenerate(type, options) → [public, private]
    o.set(
        "keyGenerate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, ty: String, opts: Object<'js>| -> Result<Vec<Class<'js, KeyHandle>>> {
                let key = match ty.as_str() {
                    "rsa" | "rsa-pss" => {
                        let bits: f64 = opts.get("modulusLength")?;
                        let e: Option<f64> = opts.get("publicExponent")?;
                        let e = e.unwrap_or(65537.0);
                        if !(512.0..=16384.0).contains(&bits)
                            || bits.fract() != 0.0
                            || e.fract() != 0.0
                            || e > u32::MAX as f64
                        {
                            return Err(tagged(&ctx, "ERR_KEYGEN_FAILED"));
                        }
                        if e < 3.0 || e % 2.0 == 0.0 {
                            return Err(Exception::throw_message(
                                &ctx,
                                "error:020000B2:rsa routines::pub exponent out of range",
                            ));
                        }
                        let pss = if ty == "rsa-pss" {
                            let hash: Option<String> = opts.get("hashAlgorithm")?;
                            let mgf1: Option<String> = opts.get("mgf1HashAlgorithm")?;
                            let salt: Option<f64> = opts.get("saltLength")?;
                            let find = |h: Option<String>| -> Result<Option<&'static str>> {
                                match h {
                                    None => Ok(None),
                                    Some(h) => super::algorithms::find(&h)
                                        .map(|a| Some(a.name))
                                        .ok_or_else(|| tagged(&ctx, "ERR_CRYPTO_INVALID_DIGEST")),
                                }
                            };
                            Some(PssParams {
                                hash: find(hash)?,
                                mgf1_hash: find(mgf1)?,
                                salt_len: salt.map(|s| s as u32),
                            })
                        } else {
                            None
                        };
                        generate_rsa(bits as usize, e as u64, pss)
                            .ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?
                    }
                    "ec" => {
                        let name: String = opts.get("namedCurve")?;
                        let curve = Curve::from_name(&name)
                            .ok_or_else(|| tagged(&ctx, "ERR_CRYPTO_INVALID_CURVE"))?;
                        generate_ec(curve)
                    }
                    "ed25519" => generate_okp(Okp::Ed25519)
                        .ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?,
                    "ed448" => {
                        generate_okp(Okp::Ed448).ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?
                    }
                    "x25519" => generate_okp(Okp::X25519)
                        .ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?,
                    "x448" => {
                        generate_okp(Okp::X448).ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?
                    }
                    t if Pqc::from_name(t).is_some() => Pqc::from_name(t)
                        .and_then(generate_pqc)
                        .ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?,
                    "dh" => {
                        let prime: Value = opts.get("prime")?;
                        let prime = bytes_arg(&ctx, &prime)?;
                        let generator: f64 = opts.get("generator")?;
                        let g = BoxedUint::from(generator as u64);
                        let group = dh_group_of(uint(&prime), g)
                            .ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?;
                        generate_dh(group).ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?
                    }
                    "dsa" => {
                        let l: f64 = opts.get("modulusLength")?;
                        let n: Option<f64> = opts.get("divisorLength")?;
                        let l = l as u32;
                        let n = n.map_or(if l >= 2048 { 256 } else { 160 }, |n| n as u32);
                        if !(512..=8192).contains(&l) || !(160..=512).contains(&n) || n >= l {
                            return Err(tagged(&ctx, "ERR_KEYGEN_FAILED"));
                        }
                        generate_dsa(l, n).ok_or_else(|| tagged(&ctx, "ERR_KEYGEN_FAILED"))?
                    }
                    _ => return Err(tagged(&ctx, &format!("ERR_NOT_IMPLEMENTED:{ty} key pairs"))),
                };
                let public = key.public().ok_or_else(|| unsupported(&ctx))?;
                Ok(vec![handle(&ctx, public)?, handle(&ctx, key)?])
            },
        )?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_round_trip() {
        let der = vec![0x30, 0x03, 0x02, 0x01, 0x05];
        let pem = to_pem("PUBLIC KEY", &der);
        let blocks = pem_blocks(&pem);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].label, "PUBLIC KEY");
        assert_eq!(blocks[0].der, der);
    }

    #[test]
    fn keys_round_trip_through_pkcs8_and_spki() {
        for key in [
            generate_ec(Curve::P256),
            generate_ec(Curve::P521),
            generate_okp(Okp::Ed25519).unwrap(),
            generate_okp(Okp::X448).unwrap(),
        ] {
            let der = pkcs8_der(&key).unwrap();
            let back = decode_pkcs8(&der).ok().unwrap();
            assert_eq!(pkcs8_der(&back).unwrap(), der);
            let spki = spki_der(&key).unwrap();
            let public = decode_spki(&spki).ok().unwrap();
            assert_eq!(spki_der(&public).unwrap(), spki);
        }
    }

    #[test]
    fn garbage_does_not_decode() {
        for bytes in [
            &[][..],
            &[0x30][..],
            &[0x30, 0x80, 0, 0][..],
            &[0xff; 40][..],
        ] {
            assert!(decode_pkcs8(bytes).is_err());
            assert!(decode_spki(bytes).is_err());
            assert!(decode_sec1(bytes, None).is_err());
        }
    }

    #[test]
    fn pss_params_round_trip() {
        let p = PssParams {
            hash: Some("sha256"),
            mgf1_hash: Some("sha256"),
            salt_len: Some(16),
        };
        let der = encode_pss_params(&p).unwrap();
        assert_eq!(parse_pss_params(Some(&der)), Some(p));
    }
}
