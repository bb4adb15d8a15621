//! PKCS#12 (`.pfx`/`.p12`, RFC 7292) files, read as OpenSSL 3 reads them for Node's
//! `options.pfx`: the MAC is checked first (an absent passphrase tries "no password" and then the
//! empty one), then every safe is opened — plain, or encrypted with PBES2 or PKCS#12's own
//! SHA-1/Triple-DES scheme — and its bags collected: the first private key, and the
//! certificates. Which certificate goes with the key is the caller's business
//! ([`Contents::split`]); the rest are the extra certificates Node adds to the chain and the CA
//! store. Algorithms OpenSSL keeps in its legacy provider (RC2, RC4, single DES) are
//! [`Pkcs12Error::Unsupported`], as they are for Node.
//!
//! Plain Rust: no engine types, and no input panics — every length comes from the `der` reader.

use cipher::{BlockModeDecrypt, KeyIvInit, block_padding::Pkcs7};
use der::asn1::{AnyRef, ObjectIdentifier, OctetString};
use der::{Decode, Encode, ErrorKind};
use digest::{Digest, FixedOutputReset, KeyInit, block_api::BlockSizeUser};
use hmac::{Mac, SimpleHmac};
use pkcs12::cms::content_info::ContentInfo;
use pkcs12::cms::encrypted_data::EncryptedData;
use pkcs12::kdf::{Pkcs12KeyType, derive_key};
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pkcs12PbeParams};
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::SafeContents;
use pkcs12::{CertBag, MacData};
use spki::AlgorithmIdentifierOwned;

const OID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const OID_ENCRYPTED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.6");
const OID_PBES2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");
const OID_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const OID_SHA224: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.4");
const OID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const OID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const OID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// How deep `SafeContents` bags may nest inside one another.
const MAX_NESTING: usize = 8;

/// Why a PFX did not load; the messages are OpenSSL's reason strings, or Node's own texts.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Pkcs12Error {
    #[error("not enough data")]
    Truncated,
    #[error("wrong tag")]
    WrongTag,
    #[error("field missing")]
    FieldMissing,
    #[error("nested asn1 error")]
    Malformed,
    #[error("mac verify failure")]
    MacVerify,
    #[error("bad decrypt")]
    BadDecrypt,
    #[error("Unsupported PKCS12 PFX data")]
    Unsupported,
    #[error("Unable to load private key from PFX data")]
    NoKey,
    #[error("Unable to load certificate from PFX data")]
    NoCertificate,
}

impl Pkcs12Error {
    /// Node's `code` for the error, where Node gives one (OpenSSL's reasons come without).
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Pkcs12Error::Unsupported => Some("ERR_CRYPTO_UNSUPPORTED_OPERATION"),
            Pkcs12Error::NoKey | Pkcs12Error::NoCertificate => Some("ERR_CRYPTO_OPERATION_FAILED"),
            _ => None,
        }
    }
}

impl From<der::Error> for Pkcs12Error {
    fn from(e: der::Error) -> Self {
        match e.kind() {
            ErrorKind::Incomplete { .. } => Pkcs12Error::Truncated,
            ErrorKind::TagUnexpected { .. } | ErrorKind::TagUnknown { .. } => Pkcs12Error::WrongTag,
            _ => Pkcs12Error::Malformed,
        }
    }
}

/// What a PFX holds: the first private key (PKCS#8 DER) and every certificate (DER), in order.
#[derive(Debug, Default)]
pub struct Contents {
    pub key: Option<Vec<u8>>,
    pub certs: Vec<Vec<u8>>,
}

/// A key ready to serve: the private key (PKCS#8 DER), the certificate that carries its public
/// key, and the file's other certificates.
#[derive(Debug, PartialEq, Eq)]
pub struct Identity {
    pub key: Vec<u8>,
    pub cert: Vec<u8>,
    pub extra: Vec<Vec<u8>>,
}

impl Contents {
    /// The key, the first certificate `matches` pairs with it, and the other certificates, as
    /// OpenSSL's `PKCS12_parse` hands them out; a missing key or certificate is an error.
    pub fn split(self, matches: impl Fn(&[u8], &[u8]) -> bool) -> Result<Identity, Pkcs12Error> {
        let key = self.key.ok_or(Pkcs12Error::NoKey)?;
        let mut leaf = None;
        let mut extra = Vec::new();
        for cert in self.certs {
            if leaf.is_none() && matches(&key, &cert) {
                leaf = Some(cert);
            } else {
                extra.push(cert);
            }
        }
        let cert = leaf.ok_or(Pkcs12Error::NoCertificate)?;
        Ok(Identity { key, cert, extra })
    }
}

/// The passphrase in the two forms PKCS#12 uses: the bytes themselves (PBES2's PBKDF2) and
/// UTF-16BE with a terminating NUL (PKCS#12's own KDF); `None` is OpenSSL's NULL password, empty
/// in both forms.
struct Password {
    raw: Vec<u8>,
    bmp: Vec<u8>,
}

impl Password {
    fn new(pass: Option<&[u8]>) -> Password {
        let Some(pass) = pass else {
            return Password {
                raw: Vec::new(),
                bmp: Vec::new(),
            };
        };
        // As OpenSSL's OPENSSL_utf82uni: UTF-8 becomes UTF-16, other bytes stand for themselves.
        let mut bmp: Vec<u8> = match std::str::from_utf8(pass) {
            Ok(s) => s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            Err(_) => pass.iter().flat_map(|&b| [0, b]).collect(),
        };
        bmp.extend([0, 0]);
        Password {
            raw: pass.to_vec(),
            bmp,
        }
    }
}

/// Reads `der` (DER, or BER as some tools write) with `pass`.
pub fn parse(der: &[u8], pass: Option<&[u8]>) -> Result<Contents, Pkcs12Error> {
    // As OpenSSL, a first TLV that does not fit in the input is short data, whatever it holds.
    if !outer_fits(der) {
        return Err(Pkcs12Error::Truncated);
    }
    let pfx = Pfx::from_ber(der).map_err(|e| match e.kind() {
        // The outer sequence was whole but ended before its fields did.
        ErrorKind::Incomplete { .. } => Pkcs12Error::FieldMissing,
        _ => e.into(),
    })?;
    if pfx.auth_safe.content_type != OID_DATA {
        // Public-key integrity mode (signedData) is not something Node loads either.
        return Err(Pkcs12Error::Unsupported);
    }
    let auth_safe = pfx
        .auth_safe
        .content
        .decode_as::<OctetString>()
        .map_err(Pkcs12Error::from)?;
    let auth_safe = auth_safe.as_bytes();

    let pass = match &pfx.mac_data {
        None => Password::new(pass),
        Some(mac) => {
            let given = Password::new(pass);
            if mac_matches(mac, auth_safe, &given)? {
                given
            } else if pass.is_none_or(<[u8]>::is_empty) {
                // No passphrase: OpenSSL tries the NULL password, then the empty one.
                let (none, empty) = (Password::new(None), Password::new(Some(b"")));
                if mac_matches(mac, auth_safe, &none)? {
                    none
                } else if mac_matches(mac, auth_safe, &empty)? {
                    empty
                } else {
                    return Err(Pkcs12Error::MacVerify);
                }
            } else {
                return Err(Pkcs12Error::MacVerify);
            }
        }
    };

    let mut out = Contents::default();
    let safes = Vec::<ContentInfo>::from_ber(auth_safe)?;
    for safe in safes {
        let contents = if safe.content_type == OID_DATA {
            safe.content.decode_as::<OctetString>()?.as_bytes().to_vec()
        } else if safe.content_type == OID_ENCRYPTED_DATA {
            let enc = safe.content.decode_as::<EncryptedData>()?;
            let info = enc.enc_content_info;
            let Some(ciphertext) = info.encrypted_content else {
                continue;
            };
            decrypt(&info.content_enc_alg, ciphertext.as_bytes(), &pass)?
        } else {
            // Enveloped (public-key privacy) safes are passed over, as OpenSSL does.
            continue;
        };
        collect(&contents, &pass, &mut out, 0)?;
    }
    Ok(out)
}

/// Whether the first TLV's header reads and the length it declares fits in `der`.
fn outer_fits(der: &[u8]) -> bool {
    use der::Reader;
    let Ok(mut reader) = der::SliceReader::new_with_encoding_rules(der, der::EncodingRules::Ber)
    else {
        return false;
    };
    der::Header::decode(&mut reader).is_ok_and(|h| reader.remaining_len() >= h.length())
}

fn collect(
    contents: &[u8],
    pass: &Password,
    out: &mut Contents,
    depth: usize,
) -> Result<(), Pkcs12Error> {
    if depth > MAX_NESTING {
        return Err(Pkcs12Error::Malformed);
    }
    let bags = SafeContents::from_ber(contents)?;
    for bag in bags {
        // The bag's value, inside its `[0] EXPLICIT` wrapper.
        let wrapped = AnyRef::from_ber(&bag.bag_value)?;
        let value = wrapped.value();
        match bag.bag_id {
            // The first key is the one; OpenSSL passes over the rest.
            pkcs12::PKCS_12_KEY_BAG_OID if out.key.is_none() => {
                out.key = Some(reencode_key(value)?);
            }
            pkcs12::PKCS_12_PKCS8_KEY_BAG_OID if out.key.is_none() => {
                let info = EncryptedPrivateKeyInfo::from_ber(value)?;
                let plain = decrypt(
                    &info.encryption_algorithm,
                    info.encrypted_data.as_bytes(),
                    pass,
                )?;
                out.key = Some(reencode_key(&plain)?);
            }
            pkcs12::PKCS_12_CERT_BAG_OID => {
                let cert = CertBag::from_ber(value)?;
                if cert.cert_id == pkcs12::PKCS_12_X509_CERT_OID {
                    out.certs.push(cert.cert_value.as_bytes().to_vec());
                }
            }
            pkcs12::PKCS_12_SAFE_CONTENTS_BAG_OID => collect(value, pass, out, depth + 1)?,
            // CRLs and secrets have no place in a TLS context.
            _ => {}
        }
    }
    Ok(())
}

/// A private key as DER, whatever encoding rules it came in.
fn reencode_key(key: &[u8]) -> Result<Vec<u8>, Pkcs12Error> {
    let info = pkcs8::PrivateKeyInfoRef::from_ber(key).map_err(|_| Pkcs12Error::BadDecrypt)?;
    info.to_der().map_err(|_| Pkcs12Error::Malformed)
}

fn mac_matches(mac: &MacData, data: &[u8], pass: &Password) -> Result<bool, Pkcs12Error> {
    let iterations = mac.iterations;
    if iterations < 1 {
        return Err(Pkcs12Error::Malformed);
    }
    let salt = mac.mac_salt.as_bytes();
    let want = mac.mac.digest.as_bytes();
    let oid = mac.mac.algorithm.oid;
    Ok(match oid {
        OID_SHA1 => hmac_matches::<sha1::Sha1>(pass, salt, iterations, data, want),
        OID_SHA224 => hmac_matches::<sha2::Sha224>(pass, salt, iterations, data, want),
        OID_SHA256 => hmac_matches::<sha2::Sha256>(pass, salt, iterations, data, want),
        OID_SHA384 => hmac_matches::<sha2::Sha384>(pass, salt, iterations, data, want),
        OID_SHA512 => hmac_matches::<sha2::Sha512>(pass, salt, iterations, data, want),
        // PBMAC1 and the rest.
        _ => return Err(Pkcs12Error::Unsupported),
    })
}

fn hmac_matches<D>(pass: &Password, salt: &[u8], rounds: i32, data: &[u8], want: &[u8]) -> bool
where
    D: Digest + FixedOutputReset + BlockSizeUser + Clone,
{
    let key = derive_key::<D>(
        &pass.bmp,
        salt,
        Pkcs12KeyType::Mac,
        rounds,
        <D as Digest>::output_size(),
    );
    let Ok(mut mac) = <SimpleHmac<D> as KeyInit>::new_from_slice(&key) else {
        return false;
    };
    mac.update(data);
    mac.verify_slice(want).is_ok()
}

/// Decrypts one safe or shrouded key with the scheme `alg` names.
fn decrypt(
    alg: &AlgorithmIdentifierOwned,
    ciphertext: &[u8],
    pass: &Password,
) -> Result<Vec<u8>, Pkcs12Error> {
    if alg.oid == OID_PBES2 {
        let der = alg.to_der().map_err(|_| Pkcs12Error::Malformed)?;
        // A cipher the crate does not know (RC2 in legacy files) fails here, as OpenSSL 3
        // without its legacy provider fails to fetch it.
        let scheme = pkcs5::EncryptionScheme::try_from(der.as_slice())
            .map_err(|_| Pkcs12Error::Unsupported)?;
        return scheme.decrypt(&pass.raw, ciphertext).map_err(|e| match e {
            pkcs5::Error::UnsupportedAlgorithm { .. } | pkcs5::Error::NoPbes1CryptSupport => {
                Pkcs12Error::Unsupported
            }
            _ => Pkcs12Error::BadDecrypt,
        });
    }
    let key_len = match alg.oid {
        pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC => 24,
        pkcs12::PKCS_12_PBE_WITH_SHAAND2_KEY_TRIPLE_DES_CBC => 16,
        // RC2 and RC4 (OpenSSL's legacy provider), PBES1's DES, anything else.
        _ => return Err(Pkcs12Error::Unsupported),
    };
    let params = alg
        .parameters
        .as_ref()
        .ok_or(Pkcs12Error::FieldMissing)?
        .decode_as::<Pkcs12PbeParams>()?;
    if params.iterations < 1 {
        return Err(Pkcs12Error::Malformed);
    }
    let salt = params.salt.as_bytes();
    let derive = |id, len| derive_key::<sha1::Sha1>(&pass.bmp, salt, id, params.iterations, len);
    let key = derive(Pkcs12KeyType::EncryptionKey, key_len);
    let iv = derive(Pkcs12KeyType::Iv, 8);
    let mut buf = ciphertext.to_vec();
    let plain = if key_len == 24 {
        cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
            .ok()
            .and_then(|d| d.decrypt_padded::<Pkcs7>(&mut buf).ok().map(<[u8]>::to_vec))
    } else {
        cbc::Decryptor::<des::TdesEde2>::new_from_slices(&key, &iv)
            .ok()
            .and_then(|d| d.decrypt_padded::<Pkcs7>(&mut buf).ok().map(<[u8]>::to_vec))
    };
    plain.ok_or(Pkcs12Error::BadDecrypt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_short_input_are_errors() {
        assert_eq!(parse(&[], None).unwrap_err(), Pkcs12Error::Truncated);
        assert_eq!(
            parse(&[0x30, 0x82, 1], None).unwrap_err(),
            Pkcs12Error::Truncated
        );
        assert_eq!(
            parse(&[0x04, 1, 0], None).unwrap_err(),
            Pkcs12Error::WrongTag
        );
        assert_eq!(
            parse(&[0x30, 3, 2, 1, 3], None).unwrap_err(),
            Pkcs12Error::FieldMissing
        );
    }

    #[test]
    fn password_forms() {
        let p = Password::new(Some(b"ab"));
        assert_eq!(p.bmp, [0, b'a', 0, b'b', 0, 0]);
        assert_eq!(p.raw, b"ab");
        assert!(Password::new(None).bmp.is_empty());
        assert_eq!(Password::new(Some(b"")).bmp, [0, 0]);
    }

    #[test]
    fn split_pairs_the_matching_certificate() {
        let c = Contents {
            key: Some(vec![1]),
            certs: vec![vec![2], vec![1], vec![3]],
        };
        let id = c.split(|k, c| k == c).unwrap();
        assert_eq!(
            id,
            Identity {
                key: vec![1],
                cert: vec![1],
                extra: vec![vec![2], vec![3]]
            }
        );
        let none = Contents::default();
        assert_eq!(none.split(|_, _| true).unwrap_err(), Pkcs12Error::NoKey);
    }
}
