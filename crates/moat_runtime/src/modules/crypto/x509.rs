//! X.509 certificates (`X509Certificate`) and SPKAC (`Certificate`).
//!
//! A certificate is read from PEM or DER and walked with `der`'s reader; every field
//! `X509Certificate` shows is formatted here the way Node prints it through OpenSSL (names one
//! attribute a line with RFC 2253 escapes, subject alternative names with JSON-style quoting of
//! unsafe values, times as `Sep  3 21:40:37 2022 GMT`). The checks (`checkHost`, `checkEmail`,
//! `checkIP`, `checkIssued`) follow OpenSSL's matching rules, and signatures over the
//! certificate's TBS bytes (and over an SPKAC's public key and challenge) are verified with the
//! rsa, ecdsa, ed25519 and ed448 crates.

use base64::Engine;
use der::{Decode, Reader, SliceReader};
use digest::Digest;
use rquickjs::{ArrayBuffer, Ctx, Function, IntoJs, Object, Result, Value};

use super::with_bytes;

// ---- DER walking ---------------------------------------------------------------------------

/// One encoded element: its first tag octet, its contents and its whole encoding.
#[derive(Clone, Copy)]
struct Tlv<'a> {
    tag: u8,
    value: &'a [u8],
    raw: &'a [u8],
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const OID: u8 = 0x06;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const OCTET_STRING: u8 = 0x04;
const BOOLEAN: u8 = 0x01;
const UTF8_STRING: u8 = 0x0c;
const IA5_STRING: u8 = 0x16;
const BMP_STRING: u8 = 0x1e;
const UNIVERSAL_STRING: u8 = 0x1c;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;

/// Splits the element `bytes` begin with from what follows it. The tag is read here (any
/// class and number: `der`'s tag type rejects universal types it does not implement, such as
/// UniversalString, which names may hold), the length by `der`.
fn split(bytes: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let tag = *bytes.first()?;
    let mut pos = 1;
    if tag & 0x1f == 0x1f {
        // A high tag number: base-128 digits, the last one without its top bit.
        loop {
            let b = *bytes.get(pos)?;
            pos += 1;
            if b & 0x80 == 0 {
                break;
            }
            if pos > 6 {
                return None;
            }
        }
    }
    let mut r = SliceReader::new(bytes.get(pos..)?).ok()?;
    let len = usize::try_from(der::Length::decode(&mut r).ok()?).ok()?;
    let header_len = pos.checked_add(usize::try_from(r.position()).ok()?)?;
    let end = header_len.checked_add(len)?;
    let raw = bytes.get(..end)?;
    let value = raw.get(header_len..)?;
    Some((Tlv { tag, value, raw }, bytes.get(end..)?))
}

/// The single element that `bytes` encode (trailing bytes are an error).
fn parse(bytes: &[u8]) -> Option<Tlv<'_>> {
    let (t, rest) = split(bytes)?;
    rest.is_empty().then_some(t)
}

/// The first element that `bytes` begin with.
fn parse_prefix(bytes: &[u8]) -> Option<Tlv<'_>> {
    split(bytes).map(|(t, _)| t)
}

/// The elements a constructed value holds.
fn children(mut value: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    while !value.is_empty() {
        let (t, rest) = split(value)?;
        out.push(t);
        value = rest;
    }
    Some(out)
}

fn oid_text(bytes: &[u8]) -> String {
    match der::oid::ObjectIdentifierRef::from_bytes(bytes) {
        Ok(oid) => oid.to_string(),
        Err(_) => "<invalid>".to_string(),
    }
}

/// A BIT STRING's bits (its first content octet counts the unused ones).
fn bit_string<'a>(t: &Tlv<'a>) -> Option<&'a [u8]> {
    if t.tag != BIT_STRING {
        return None;
    }
    t.value.get(1..)
}

// ---- names of object identifiers --------------------------------------------------------

/// Short names OpenSSL prints for name attributes.
fn attribute_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.13" => "description",
        "2.5.4.15" => "businessCategory",
        "2.5.4.16" => "postalAddress",
        "2.5.4.17" => "postalCode",
        "2.5.4.18" => "postOfficeBox",
        "2.5.4.41" => "name",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.45" => "x500UniqueIdentifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.54" => "dmdName",
        "2.5.4.65" => "pseudonym",
        "2.5.4.72" => "role",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "1.2.840.113549.1.9.2" => "unstructuredName",
        "1.2.840.113549.1.9.8" => "unstructuredAddress",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        _ => return None,
    })
}

/// OpenSSL's long names of signature algorithms.
fn signature_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.113549.1.1.2" => "md2WithRSAEncryption",
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "rsassaPss",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.14" => "sha224WithRSAEncryption",
        "1.2.840.113549.1.1.15" => "sha512-224WithRSAEncryption",
        "1.2.840.113549.1.1.16" => "sha512-256WithRSAEncryption",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.1" => "ecdsa-with-SHA224",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.2.840.10040.4.3" => "dsaWithSHA1",
        "2.16.840.1.101.3.4.3.1" => "dsa_with_SHA224",
        "2.16.840.1.101.3.4.3.2" => "dsa_with_SHA256",
        "2.16.840.1.101.3.4.3.9" => "ecdsa_with_SHA3-224",
        "2.16.840.1.101.3.4.3.10" => "ecdsa_with_SHA3-256",
        "2.16.840.1.101.3.4.3.11" => "ecdsa_with_SHA3-384",
        "2.16.840.1.101.3.4.3.12" => "ecdsa_with_SHA3-512",
        "2.16.840.1.101.3.4.3.13" => "RSA-SHA3-224",
        "2.16.840.1.101.3.4.3.14" => "RSA-SHA3-256",
        "2.16.840.1.101.3.4.3.15" => "RSA-SHA3-384",
        "2.16.840.1.101.3.4.3.16" => "RSA-SHA3-512",
        "2.16.840.1.101.3.4.3.17" => "ML-DSA-44",
        "2.16.840.1.101.3.4.3.18" => "ML-DSA-65",
        "2.16.840.1.101.3.4.3.19" => "ML-DSA-87",
        "1.3.101.112" => "ED25519",
        "1.3.101.113" => "ED448",
        _ => return None,
    })
}

/// OpenSSL's long names of access methods in the authority information access extension.
fn access_method_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.3.6.1.5.5.7.48.1" => "OCSP",
        "1.3.6.1.5.5.7.48.2" => "CA Issuers",
        "1.3.6.1.5.5.7.48.3" => "AD Time Stamping",
        "1.3.6.1.5.5.7.48.5" => "CA Repository",
        _ => return None,
    })
}

const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";
const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const ED25519: &str = "1.3.101.112";
const ED448: &str = "1.3.101.113";

/// A named curve's OpenSSL short name, NIST name and size in bits.
fn curve(oid: &str) -> Option<(&'static str, Option<&'static str>, u32)> {
    Some(match oid {
        "1.2.840.10045.3.1.7" => ("prime256v1", Some("P-256"), 256),
        "1.3.132.0.34" => ("secp384r1", Some("P-384"), 384),
        "1.3.132.0.35" => ("secp521r1", Some("P-521"), 521),
        "1.3.132.0.33" => ("secp224r1", Some("P-224"), 224),
        "1.3.132.0.10" => ("secp256k1", None, 256),
        _ => return None,
    })
}

// ---- the certificate --------------------------------------------------------------------

struct Extension<'a> {
    oid: String,
    value: &'a [u8],
}

struct Cert<'a> {
    raw: &'a [u8],
    tbs: &'a [u8],
    serial: &'a [u8],
    issuer: Tlv<'a>,
    not_before: Tlv<'a>,
    not_after: Tlv<'a>,
    subject: Tlv<'a>,
    spki: Tlv<'a>,
    extensions: Vec<Extension<'a>>,
    sig_alg: Tlv<'a>,
    signature: &'a [u8],
}

impl<'a> Cert<'a> {
    fn parse(raw: &'a [u8]) -> Option<Cert<'a>> {
        let outer = parse(raw)?;
        if outer.tag != SEQUENCE {
            return None;
        }
        let parts = children(outer.value)?;
        let [tbs, sig_alg, sig] = parts.as_slice() else {
            return None;
        };
        if tbs.tag != SEQUENCE || sig_alg.tag != SEQUENCE {
            return None;
        }
        let signature = bit_string(sig)?;
        let mut fields = children(tbs.value)?.into_iter().peekable();
        if fields.peek().is_some_and(|f| f.tag == 0xa0) {
            fields.next();
        }
        let serial = fields.next().filter(|t| t.tag == INTEGER)?;
        let _inner_sig_alg = fields.next().filter(|t| t.tag == SEQUENCE)?;
        let issuer = fields.next().filter(|t| t.tag == SEQUENCE)?;
        let validity = fields.next().filter(|t| t.tag == SEQUENCE)?;
        let subject = fields.next().filter(|t| t.tag == SEQUENCE)?;
        let spki = fields.next().filter(|t| t.tag == SEQUENCE)?;
        let mut extensions = Vec::new();
        for f in fields {
            if f.tag != 0xa3 {
                continue;
            }
            let list = parse(f.value).filter(|t| t.tag == SEQUENCE)?;
            for e in children(list.value)? {
                let items = children(e.value)?;
                let oid = items.first().filter(|t| t.tag == OID)?;
                let value = items.last().filter(|t| t.tag == OCTET_STRING)?;
                extensions.push(Extension {
                    oid: oid_text(oid.value),
                    value: value.value,
                });
            }
        }
        let times = children(validity.value)?;
        let [not_before, not_after] = times.as_slice() else {
            return None;
        };
        time_parts(not_before)?;
        time_parts(not_after)?;
        Some(Cert {
            raw,
            tbs: tbs.raw,
            serial: serial.value,
            issuer,
            not_before: *not_before,
            not_after: *not_after,
            subject,
            spki,
            extensions,
            sig_alg: *sig_alg,
            signature,
        })
    }

    fn extension(&self, oid: &str) -> Option<&'a [u8]> {
        self.extensions
            .iter()
            .find(|e| e.oid == oid)
            .map(|e| e.value)
    }

    fn sig_alg_oid(&self) -> String {
        children(self.sig_alg.value)
            .and_then(|c| {
                c.first()
                    .filter(|t| t.tag == OID)
                    .map(|t| oid_text(t.value))
            })
            .unwrap_or_default()
    }

    fn san(&self) -> Option<Vec<Tlv<'a>>> {
        let v = self.extension("2.5.29.17")?;
        let seq = parse(v).filter(|t| t.tag == SEQUENCE)?;
        children(seq.value)
    }

    /// Key usage bits (the first two octets), when the extension is present.
    fn key_usage(&self) -> Option<u16> {
        let v = self.extension("2.5.29.15")?;
        let bits = bit_string(&parse(v)?)?;
        let hi = u16::from(bits.first().copied().unwrap_or(0));
        let lo = u16::from(bits.get(1).copied().unwrap_or(0));
        Some(hi << 8 | lo)
    }

    /// `Some(cA)` when basic constraints are present.
    fn basic_ca(&self) -> Option<bool> {
        let v = self.extension("2.5.29.19")?;
        let seq = parse(v).filter(|t| t.tag == SEQUENCE)?;
        let items = children(seq.value)?;
        Some(
            items
                .first()
                .is_some_and(|t| t.tag == BOOLEAN && t.value.first().is_some_and(|b| *b != 0)),
        )
    }

    /// What OpenSSL's `X509_check_ca` answers 1 for: a CA by basic constraints, with
    /// certificate signing allowed when key usage is given.
    fn is_ca(&self) -> bool {
        if self.key_usage().is_some_and(|k| k & KU_KEY_CERT_SIGN == 0) {
            return false;
        }
        self.basic_ca() == Some(true)
    }

    fn subject_key_id(&self) -> Option<&'a [u8]> {
        let v = self.extension("2.5.29.14")?;
        parse(v).filter(|t| t.tag == OCTET_STRING).map(|t| t.value)
    }

    fn spki_parts(&self) -> Option<Spki<'a>> {
        Spki::parse(self.spki.raw)
    }
}

const KU_KEY_CERT_SIGN: u16 = 0x0400;

/// A SubjectPublicKeyInfo: its algorithm, the algorithm's parameters and the key bits.
struct Spki<'a> {
    alg: String,
    params: Option<Tlv<'a>>,
    key: &'a [u8],
}

impl<'a> Spki<'a> {
    fn parse(raw: &'a [u8]) -> Option<Spki<'a>> {
        let outer = parse(raw).filter(|t| t.tag == SEQUENCE)?;
        let parts = children(outer.value)?;
        let [alg, key] = parts.as_slice() else {
            return None;
        };
        let alg_parts = children(alg.value)?;
        let oid = alg_parts.first().filter(|t| t.tag == OID)?;
        Some(Spki {
            alg: oid_text(oid.value),
            params: alg_parts.get(1).copied(),
            key: bit_string(key)?,
        })
    }

    fn curve(&self) -> Option<(&'static str, Option<&'static str>, u32)> {
        if self.alg != EC_PUBLIC_KEY {
            return None;
        }
        let p = self.params.filter(|t| t.tag == OID)?;
        curve(&oid_text(p.value))
    }
}

/// Reads PEM (`CERTIFICATE`, `X509 CERTIFICATE` or `TRUSTED CERTIFICATE`) or DER (whatever
/// follows the certificate is ignored). `Err(0)`: neither was found; `Err(1)`: a PEM block whose
/// contents are not a certificate; `Err(2)`: its base64 is bad; `Err(3)`: it has no end line.
fn load(input: &[u8]) -> std::result::Result<Vec<u8>, u8> {
    const LABELS: [&str; 3] = ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"];
    let text = String::from_utf8_lossy(input);
    for line_start in line_starts(&text) {
        let rest = &text[line_start..];
        let Some(after) = rest.strip_prefix("-----BEGIN ") else {
            continue;
        };
        let Some(label) = LABELS
            .iter()
            .find(|l| after.starts_with(**l) && after[l.len()..].starts_with("-----"))
        else {
            continue;
        };
        let body_start = after.find('\n').map_or(after.len(), |i| i + 1);
        let body = &after[body_start..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body.find(&end_marker) else {
            return Err(3);
        };
        let b64: String = body[..end]
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64.as_bytes())
            .map_err(|_| 2)?;
        let first = parse_prefix(&der).ok_or(1)?;
        if Cert::parse(first.raw).is_none() {
            return Err(1);
        }
        return Ok(first.raw.to_vec());
    }
    match parse_prefix(input) {
        Some(first) if Cert::parse(first.raw).is_some() => Ok(first.raw.to_vec()),
        _ => Err(0),
    }
}

fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1))
}

// ---- strings ------------------------------------------------------------------------------

/// A directory string's characters, as OpenSSL converts them to UTF-8: UTF8String as is,
/// BMPString and UniversalString from UCS-2/UCS-4, every other type byte by byte (Latin-1).
fn string_chars(t: &Tlv<'_>) -> Vec<u32> {
    match t.tag {
        UTF8_STRING => String::from_utf8_lossy(t.value)
            .chars()
            .map(u32::from)
            .collect(),
        BMP_STRING => t
            .value
            .chunks(2)
            .map(|c| u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0)))
            .collect(),
        UNIVERSAL_STRING => t
            .value
            .chunks(4)
            .map(|c| c.iter().fold(0u32, |a, b| a << 8 | u32::from(*b)))
            .collect(),
        _ => t.value.iter().map(|b| u32::from(*b)).collect(),
    }
}

fn is_string_type(tag: u8) -> bool {
    matches!(
        tag,
        0x0c | 0x12 | 0x13 | 0x14 | 0x15 | 0x16 | 0x19 | 0x1a | 0x1b | 0x1c | 0x1e
    )
}

fn push_char(out: &mut Vec<u8>, c: u32) {
    let ch = char::from_u32(c).unwrap_or('\u{fffd}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
}

fn utf8(t: &Tlv<'_>) -> String {
    let mut out = Vec::new();
    for c in string_chars(t) {
        push_char(&mut out, c);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A value escaped as RFC 2253 asks (`,+"\<>;` always, `#` or space first and space last
/// with a backslash), and control characters as `\XX` when `ctrl`.
fn escape_2253(chars: &[u32], ctrl: bool, out: &mut Vec<u8>) {
    let last = chars.len().saturating_sub(1);
    for (i, &c) in chars.iter().enumerate() {
        let special = matches!(c, 0x2c | 0x2b | 0x22 | 0x5c | 0x3c | 0x3e | 0x3b)
            || (i == 0 && (c == 0x23 || c == 0x20))
            || (i == last && c == 0x20);
        if special {
            out.push(b'\\');
            out.push(c as u8);
        } else if ctrl && (c < 0x20 || c == 0x7f) {
            out.extend_from_slice(format!("\\{c:02X}").as_bytes());
        } else {
            push_char(out, c);
        }
    }
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// The entries of a Name, one vector per relative distinguished name.
fn name_entries<'a>(name: &Tlv<'a>) -> Vec<Vec<(String, Tlv<'a>)>> {
    let mut out = Vec::new();
    for rdn in children(name.value).unwrap_or_default() {
        if rdn.tag != SET {
            continue;
        }
        let mut set = Vec::new();
        for atv in children(rdn.value).unwrap_or_default() {
            let Some(items) = children(atv.value) else {
                continue;
            };
            let (Some(oid), Some(value)) = (items.first(), items.get(1)) else {
                continue;
            };
            if oid.tag == OID {
                set.push((oid_text(oid.value), *value));
            }
        }
        if !set.is_empty() {
            out.push(set);
        }
    }
    out
}

/// A Name one attribute per line, as `X509Certificate` shows `subject` and `issuer`.
fn name_multiline(name: &Tlv<'_>) -> String {
    let mut out = Vec::new();
    for (i, rdn) in name_entries(name).iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        for (j, (oid, value)) in rdn.iter().enumerate() {
            if j > 0 {
                out.extend_from_slice(b" + ");
            }
            out.extend_from_slice(attribute_name(oid).unwrap_or(oid).as_bytes());
            out.push(b'=');
            escape_2253(&string_chars(value), true, &mut out);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A Name in RFC 2253 form (last attribute first, unknown ones as `#` and their DER in hex),
/// without escaping control characters or non-ASCII ones.
fn name_rfc2253(name: &Tlv<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, rdn) in name_entries(name).iter().rev().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        for (j, (oid, value)) in rdn.iter().enumerate() {
            if j > 0 {
                out.push(b'+');
            }
            let known = attribute_name(oid);
            out.extend_from_slice(known.unwrap_or(oid).as_bytes());
            out.push(b'=');
            if known.is_none() || !is_string_type(value.tag) {
                out.push(b'#');
                out.extend_from_slice(
                    value
                        .raw
                        .iter()
                        .map(|b| format!("{b:02X}"))
                        .collect::<String>()
                        .as_bytes(),
                );
            } else {
                escape_2253(&string_chars(value), false, &mut out);
            }
        }
    }
    out
}

/// A name's attributes as (name, UTF-8 value) pairs, as the legacy object lists them.
fn name_pairs(name: &Tlv<'_>) -> Vec<(String, String)> {
    name_entries(name)
        .into_iter()
        .flatten()
        .map(|(oid, v)| (attribute_name(&oid).unwrap_or(&oid).to_string(), utf8(&v)))
        .collect()
}

/// Whether a value can be shown without quotes: no `"`, `\`, `,` or `'`, and (outside UTF-8
/// values) only printable ASCII, or (in UTF-8 values) no control characters.
fn safe_alt_name(value: &[u8], utf8: bool) -> bool {
    value.iter().all(|&c| {
        !matches!(c, b'"' | b'\\' | b',' | b'\'')
            && if utf8 {
                c >= 0x20 && c != 0x7f
            } else {
                (0x20..=0x7e).contains(&c)
            }
    })
}

/// Appends a value the way subject alternative names show it: as is when safe, else in double
/// quotes with JSON escapes (`\"`, `\\`, `\u00XX` for commas, control and, outside UTF-8,
/// non-ASCII bytes taken as Latin-1). `prefix` (`XmppAddr` and the like) goes inside the quotes.
fn alt_name(out: &mut Vec<u8>, value: &[u8], utf8: bool, prefix: Option<&str>) {
    if safe_alt_name(value, utf8) {
        if let Some(p) = prefix {
            out.extend_from_slice(p.as_bytes());
            out.push(b':');
        }
        out.extend_from_slice(value);
        return;
    }
    out.push(b'"');
    if let Some(p) = prefix {
        out.extend_from_slice(p.as_bytes());
        out.push(b':');
    }
    for &c in value {
        if c == b'"' || c == b'\\' {
            out.push(b'\\');
            out.push(c);
        } else if ((0x20..=0x7e).contains(&c) && c != b',') || (utf8 && c & 0x80 != 0) {
            out.push(c);
        } else {
            out.extend_from_slice(format!("\\u00{c:02x}").as_bytes());
        }
    }
    out.push(b'"');
}

/// One GeneralName as `(type label, shown value, plain value)`; the plain value (no quoting)
/// is what the legacy object holds.
fn general_name(t: &Tlv<'_>) -> (&'static str, Vec<u8>, Vec<u8>) {
    let mut shown = Vec::new();
    match t.tag {
        0x82 | 0x86 | 0x81 => {
            alt_name(&mut shown, t.value, false, None);
            let label = match t.tag {
                0x82 => "DNS",
                0x86 => "URI",
                _ => "email",
            };
            (label, shown, t.value.to_vec())
        }
        0xa4 => {
            let name = parse(t.value).map(|n| name_rfc2253(&n)).unwrap_or_default();
            alt_name(&mut shown, &name, true, None);
            ("DirName", shown, name)
        }
        0x87 => {
            let text = match t.value.len() {
                4 => t
                    .value
                    .iter()
                    .map(|b| b.to_string())
                    .collect::<Vec<_>>()
                    .join("."),
                16 => t
                    .value
                    .chunks(2)
                    .map(|c| format!("{:X}", u16::from(c[0]) << 8 | u16::from(c[1])))
                    .collect::<Vec<_>>()
                    .join(":"),
                n => format!("<invalid length={n}>"),
            };
            ("IP Address", text.clone().into_bytes(), text.into_bytes())
        }
        0x88 => {
            let text = oid_text(t.value).into_bytes();
            ("Registered ID", text.clone(), text)
        }
        0xa0 => {
            let (shown, plain) = other_name(t.value);
            ("othername", shown, plain)
        }
        0xa3 => (
            "X400Name",
            b"<unsupported>".to_vec(),
            b"<unsupported>".to_vec(),
        ),
        0xa5 => (
            "EdiPartyName",
            b"<unsupported>".to_vec(),
            b"<unsupported>".to_vec(),
        ),
        _ => (
            "othername",
            b"<unsupported>".to_vec(),
            b"<unsupported>".to_vec(),
        ),
    }
}

/// An otherName: the kinds OpenSSL names (with the string type each must have) are shown with
/// their name before the value; any other is `<unsupported>`.
fn other_name(value: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let unsupported = || (b"<unsupported>".to_vec(), b"<unsupported>".to_vec());
    let Some(items) = children(value) else {
        return unsupported();
    };
    let (Some(oid), Some(wrapped)) = (items.first(), items.get(1)) else {
        return unsupported();
    };
    let Some(inner) = parse(wrapped.value) else {
        return unsupported();
    };
    let (prefix, tag, utf8) = match oid_text(oid.value).as_str() {
        "1.3.6.1.5.5.7.8.9" => ("SmtpUTF8Mailbox", UTF8_STRING, true),
        "1.3.6.1.5.5.7.8.5" => ("XmppAddr", UTF8_STRING, true),
        "1.3.6.1.5.5.7.8.7" => ("SRVName", IA5_STRING, false),
        "1.3.6.1.4.1.311.20.2.3" => ("UPN", UTF8_STRING, true),
        "1.3.6.1.5.5.7.8.8" => ("NAIRealm", UTF8_STRING, true),
        _ => return unsupported(),
    };
    if inner.tag != tag {
        return unsupported();
    }
    let mut shown = Vec::new();
    alt_name(&mut shown, inner.value, utf8, Some(prefix));
    let mut plain = format!("{prefix}:").into_bytes();
    plain.extend_from_slice(inner.value);
    (shown, plain)
}

fn subject_alt_name(cert: &Cert<'_>) -> Option<String> {
    let names = cert.san()?;
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        let (label, shown, _) = general_name(n);
        out.extend_from_slice(label.as_bytes());
        out.push(b':');
        out.extend_from_slice(&shown);
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// The authority information access lines, and (label, plain value) pairs for the legacy
/// object.
fn info_access(cert: &Cert<'_>) -> Option<(String, Vec<(String, String)>)> {
    let v = cert.extension("1.3.6.1.5.5.7.1.1")?;
    let seq = parse(v).filter(|t| t.tag == SEQUENCE)?;
    let mut out = Vec::new();
    let mut pairs = Vec::new();
    for (i, ad) in children(seq.value)?.iter().enumerate() {
        let items = children(ad.value)?;
        let (Some(oid), Some(loc)) = (items.first(), items.get(1)) else {
            return None;
        };
        let method = oid_text(oid.value);
        let method = access_method_name(&method).map_or(method, str::to_string);
        let (label, shown, plain) = general_name(loc);
        if i > 0 {
            out.push(b'\n');
        }
        let key = format!("{method} - {label}");
        out.extend_from_slice(key.as_bytes());
        out.push(b':');
        out.extend_from_slice(&shown);
        pairs.push((key, String::from_utf8_lossy(&plain).into_owned()));
    }
    Some((String::from_utf8_lossy(&out).into_owned(), pairs))
}

// ---- times ---------------------------------------------------------------------------------

/// Year, month, day, hour, minute, second of a UTCTime or GeneralizedTime.
fn time_parts(t: &Tlv<'_>) -> Option<(i64, u32, u32, u32, u32, u32)> {
    let s = std::str::from_utf8(t.value).ok()?;
    let digits = |a: usize, b: usize| -> Option<u32> {
        let part = s.get(a..b)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, rest) = match t.tag {
        UTC_TIME => {
            let yy = digits(0, 2)?;
            (i64::from(if yy < 50 { 2000 + yy } else { 1900 + yy }), 2)
        }
        GENERALIZED_TIME => (i64::from(digits(0, 4)?), 4),
        _ => return None,
    };
    let month = digits(rest, rest + 2)?;
    let day = digits(rest + 2, rest + 4)?;
    let hour = digits(rest + 4, rest + 6)?;
    let minute = digits(rest + 6, rest + 8)?;
    let second = digits(rest + 8, rest + 10).unwrap_or(0);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if second > 60 {
        return None;
    }
    Some((year, month, day, hour, minute, second))
}

/// `Sep  3 21:40:37 2022 GMT`.
fn time_text(t: &Tlv<'_>) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some((y, mo, d, h, mi, s)) = time_parts(t) else {
        return String::new();
    };
    let month = MONTHS[(mo as usize).saturating_sub(1) % 12];
    format!("{month} {d:2} {h:02}:{mi:02}:{s:02} {y} GMT")
}

/// Milliseconds since the epoch.
fn time_ms(t: &Tlv<'_>) -> f64 {
    let Some((y, mo, d, h, mi, s)) = time_parts(t) else {
        return f64::NAN;
    };
    // Days from the civil date (proleptic Gregorian calendar).
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((mo + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + i64::from(h) * 3600 + i64::from(mi) * 60 + i64::from(s);
    secs as f64 * 1000.0
}

fn fingerprint<D: Digest>(raw: &[u8]) -> String {
    D::digest(raw)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The serial number as OpenSSL prints it: hex digits of its magnitude (a `-` first when
/// negative).
fn serial_text(bytes: &[u8]) -> String {
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        // Two's complement negation of the magnitude.
        let mut mag: Vec<u8> = bytes.iter().map(|b| !b).collect();
        for b in mag.iter_mut().rev() {
            let (v, carry) = b.overflowing_add(1);
            *b = v;
            if !carry {
                break;
            }
        }
        let trimmed: Vec<u8> = mag.iter().copied().skip_while(|b| *b == 0).collect();
        return format!("-{}", hex_upper(&trimmed));
    }
    let trimmed: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
    if trimmed.is_empty() {
        return "00".to_string();
    }
    hex_upper(&trimmed)
}

// ---- building the JS view ------------------------------------------------------------------

fn pairs_to_js<'js>(ctx: &Ctx<'js>, pairs: &[(String, String)]) -> Result<Value<'js>> {
    let arr = rquickjs::Array::new(ctx.clone())?;
    for (i, (k, v)) in pairs.iter().enumerate() {
        let pair = rquickjs::Array::new(ctx.clone())?;
        pair.set(0, k.as_str())?;
        pair.set(1, v.as_str())?;
        arr.set(i, pair)?;
    }
    Ok(arr.into_value())
}

fn bytes_js<'js>(ctx: &Ctx<'js>, b: &[u8]) -> Result<Value<'js>> {
    Ok(ArrayBuffer::new_copy(ctx.clone(), b)?.into_value())
}

fn describe<'js>(ctx: &Ctx<'js>, c: &Cert<'_>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("raw", bytes_js(ctx, c.raw)?)?;
    o.set("subject", name_multiline(&c.subject))?;
    o.set("issuer", name_multiline(&c.issuer))?;
    o.set("subjectPairs", pairs_to_js(ctx, &name_pairs(&c.subject))?)?;
    o.set("issuerPairs", pairs_to_js(ctx, &name_pairs(&c.issuer))?)?;
    o.set("subjectAltName", subject_alt_name(c))?;
    if let Some((text, pairs)) = info_access(c) {
        o.set("infoAccess", text)?;
        o.set("infoAccessPairs", pairs_to_js(ctx, &pairs)?)?;
    }
    o.set("validFrom", time_text(&c.not_before))?;
    o.set("validTo", time_text(&c.not_after))?;
    o.set("validFromMs", time_ms(&c.not_before))?;
    o.set("validToMs", time_ms(&c.not_after))?;
    o.set("fingerprint", fingerprint::<sha1::Sha1>(c.raw))?;
    o.set("fingerprint256", fingerprint::<sha2::Sha256>(c.raw))?;
    o.set("fingerprint512", fingerprint::<sha2::Sha512>(c.raw))?;
    if let Some(v) = c.extension("2.5.29.37")
        && let Some(seq) = parse(v).filter(|t| t.tag == SEQUENCE)
    {
        let arr = rquickjs::Array::new(ctx.clone())?;
        for (i, t) in children(seq.value).unwrap_or_default().iter().enumerate() {
            arr.set(i, oid_text(t.value))?;
        }
        o.set("keyUsage", arr)?;
    }
    o.set("serialNumber", serial_text(c.serial))?;
    let sig_oid = c.sig_alg_oid();
    o.set("signatureAlgorithm", signature_name(&sig_oid))?;
    o.set("signatureAlgorithmOid", sig_oid)?;
    o.set("ca", c.is_ca())?;
    o.set("spki", bytes_js(ctx, c.spki.raw)?)?;
    o.set("keyValid", c.spki_parts().is_some_and(|s| key_decodes(&s)))?;
    if let Some(spki) = c.spki_parts() {
        if spki.alg == RSA_ENCRYPTION || spki.alg == RSASSA_PSS {
            if let Some((n, e)) = rsa_numbers(spki.key) {
                let n: Vec<u8> = n.iter().copied().skip_while(|b| *b == 0).collect();
                let e: Vec<u8> = e.iter().copied().skip_while(|b| *b == 0).collect();
                let bits = n.first().map_or(0.0, |b| {
                    (n.len() as f64) * 8.0 - f64::from(b.leading_zeros())
                });
                o.set("modulus", hex_upper(&n))?;
                let e_hex: String = e.iter().map(|b| format!("{b:02x}")).collect();
                let e_hex = e_hex.trim_start_matches('0');
                o.set(
                    "exponent",
                    format!("0x{}", if e_hex.is_empty() { "0" } else { e_hex }),
                )?;
                o.set("bits", bits)?;
                o.set("pubkey", bytes_js(ctx, c.spki.raw)?)?;
            }
        } else if let Some((asn1, nist, bits)) = spki.curve() {
            o.set("bits", bits)?;
            o.set("pubkey", bytes_js(ctx, spki.key)?)?;
            o.set("asn1Curve", asn1)?;
            o.set("nistCurve", nist)?;
        }
    }
    Ok(o)
}

/// An RSAPublicKey as the rsa crate's key, whatever its size (OpenSSL reads keys the crate's
/// checked constructors refuse as too small or too large).
fn rsa_key(key: &[u8]) -> Option<rsa::PublicKey> {
    let (n, e) = rsa_numbers(key)?;
    let n = &n[n.iter().take_while(|b| **b == 0).count()..];
    let e = &e[e.iter().take_while(|b| **b == 0).count()..];
    // The crate's unchecked constructor needs an odd modulus (every RSA modulus is odd).
    if e.is_empty() || n.last().is_none_or(|b| b & 1 == 0) {
        return None;
    }
    let bits = |b: &[u8]| u32::try_from(b.len()).ok()?.checked_mul(8);
    let n = rsa::BoxedUint::from_be_slice(n, bits(n)?).ok()?;
    let e = rsa::BoxedUint::from_be_slice(e, bits(e)?).ok()?;
    Some(rsa::PublicKey::new_unchecked(n, e))
}

/// An RSAPublicKey's modulus and exponent.
fn rsa_numbers(key: &[u8]) -> Option<(&[u8], &[u8])> {
    let seq = parse(key).filter(|t| t.tag == SEQUENCE)?;
    let items = children(seq.value)?;
    let [n, e] = items.as_slice() else {
        return None;
    };
    (n.tag == INTEGER && e.tag == INTEGER).then_some((n.value, e.value))
}

// ---- checks --------------------------------------------------------------------------------

const NO_WILDCARDS: u32 = 0x2;
const NO_PARTIAL_WILDCARDS: u32 = 0x4;
const MULTI_LABEL_WILDCARDS: u32 = 0x8;
const SINGLE_LABEL_SUBDOMAINS: u32 = 0x10;
const NEVER_CHECK_SUBJECT: u32 = 0x20;
const ALWAYS_CHECK_SUBJECT: u32 = 0x1;
/// Set internally when the name asked about starts with a dot.
const DOT_SUBDOMAINS: u32 = 0x8000;

/// With a leading-dot name, a longer pattern may match by its suffix: drops the pattern's
/// leading labels (only one when single-label subdomains are asked for).
fn skip_prefix<'p>(pattern: &'p [u8], subject: &[u8], flags: u32) -> &'p [u8] {
    if flags & DOT_SUBDOMAINS == 0 {
        return pattern;
    }
    let mut p = pattern;
    while p.len() > subject.len() && p.first().is_some_and(|c| *c != 0) {
        if flags & SINGLE_LABEL_SUBDOMAINS != 0 && p[0] == b'.' {
            break;
        }
        p = &p[1..];
    }
    if p.len() == subject.len() { p } else { pattern }
}

fn equal_nocase(pattern: &[u8], subject: &[u8], flags: u32) -> bool {
    let pattern = skip_prefix(pattern, subject, flags);
    pattern.len() == subject.len()
        && pattern
            .iter()
            .zip(subject)
            .all(|(l, r)| *l != 0 && l.eq_ignore_ascii_case(r))
}

fn equal_case(pattern: &[u8], subject: &[u8], flags: u32) -> bool {
    skip_prefix(pattern, subject, flags) == subject
}

fn equal_email(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = a.len();
    while i > 0 {
        i -= 1;
        if a[i] == b'@' || b[i] == b'@' {
            if !equal_nocase(&a[i..], &b[i..], 0) {
                return false;
            }
            break;
        }
    }
    if i == 0 {
        i = a.len();
    }
    a[..i] == b[..i]
}

/// The position of the one wildcard a pattern may hold: in its first label (at the label's
/// start or end unless partial wildcards are allowed), not in an IDNA label, and with at least
/// two labels after it.
fn valid_star(p: &[u8], flags: u32) -> Option<usize> {
    const START: u8 = 1;
    const IDNA: u8 = 2;
    const HYPHEN: u8 = 4;
    let mut star = None;
    let mut state = START;
    let mut dots = 0;
    for i in 0..p.len() {
        let c = p[i];
        if c == b'*' {
            let at_start = state & START != 0;
            let at_end = i == p.len() - 1 || p[i + 1] == b'.';
            if star.is_some() || state & IDNA != 0 || dots > 0 {
                return None;
            }
            if flags & NO_PARTIAL_WILDCARDS != 0 && (!at_start || !at_end) {
                return None;
            }
            if !at_start && !at_end {
                return None;
            }
            star = Some(i);
            state &= !START;
        } else if c.is_ascii_alphanumeric() {
            if state & START != 0 && p.len() - i >= 4 && p[i..i + 4].eq_ignore_ascii_case(b"xn--") {
                state |= IDNA;
            }
            state &= !(HYPHEN | START);
        } else if c == b'.' {
            if state & (HYPHEN | START) != 0 {
                return None;
            }
            state = START;
            dots += 1;
        } else if c == b'-' {
            if state & START != 0 {
                return None;
            }
            state |= HYPHEN;
        } else {
            return None;
        }
    }
    if state & (START | HYPHEN) != 0 || dots < 2 {
        return None;
    }
    star
}

fn wildcard_match(prefix: &[u8], suffix: &[u8], subject: &[u8], flags: u32) -> bool {
    if subject.len() < prefix.len() + suffix.len() {
        return false;
    }
    if !equal_nocase(prefix, &subject[..prefix.len()], flags) {
        return false;
    }
    let wild_start = prefix.len();
    let wild_end = subject.len() - suffix.len();
    if !equal_nocase(&subject[wild_end..], suffix, flags) {
        return false;
    }
    let mut allow_multi = false;
    let mut allow_idna = false;
    if prefix.is_empty() && suffix.first() == Some(&b'.') {
        if wild_start == wild_end {
            return false;
        }
        allow_idna = true;
        allow_multi = flags & MULTI_LABEL_WILDCARDS != 0;
    }
    if !allow_idna && subject.len() >= 4 && subject[..4].eq_ignore_ascii_case(b"xn--") {
        return false;
    }
    let wild = &subject[wild_start..wild_end];
    if wild == b"*" {
        return true;
    }
    wild.iter()
        .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || (allow_multi && *c == b'.'))
}

fn equal_wildcard(pattern: &[u8], subject: &[u8], flags: u32) -> bool {
    let star = if subject.len() > 1 && subject[0] == b'.' {
        None
    } else {
        valid_star(pattern, flags)
    };
    match star {
        None => equal_nocase(pattern, subject, flags),
        Some(i) => wildcard_match(&pattern[..i], &pattern[i + 1..], subject, flags),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Check {
    Host,
    Email,
}

/// OpenSSL's host and email checks: the matching names of the subject alternative names, and
/// the subject's common names (or email addresses) when no such name is present or the flags
/// say so. Returns the certificate's name that matched.
fn check_name(c: &Cert<'_>, chk: &[u8], mut flags: u32, kind: Check) -> Option<String> {
    flags &= !DOT_SUBDOMAINS;
    if kind == Check::Host && chk.len() > 1 && chk[0] == b'.' {
        flags |= DOT_SUBDOMAINS;
    }
    let equal = |pattern: &[u8]| -> bool {
        match kind {
            Check::Email => equal_email(pattern, chk),
            Check::Host if flags & NO_WILDCARDS != 0 => equal_nocase(pattern, chk, flags),
            Check::Host => equal_wildcard(pattern, chk, flags),
        }
    };
    if let Some(names) = c.san() {
        let mut present = false;
        for n in &names {
            let candidate: Option<&[u8]> = match (n.tag, kind) {
                (0x82, Check::Host) | (0x81, Check::Email) => Some(n.value),
                (0xa0, Check::Email) => smtp_utf8_mailbox(n.value),
                _ => None,
            };
            let Some(candidate) = candidate else {
                continue;
            };
            present = true;
            if !candidate.is_empty() && equal(candidate) {
                return Some(String::from_utf8_lossy(candidate).into_owned());
            }
        }
        if present && flags & ALWAYS_CHECK_SUBJECT == 0 {
            return None;
        }
    }
    if flags & NEVER_CHECK_SUBJECT != 0 {
        return None;
    }
    let want = match kind {
        Check::Host => "2.5.4.3",
        Check::Email => "1.2.840.113549.1.9.1",
    };
    for (oid, value) in name_entries(&c.subject).into_iter().flatten() {
        if oid != want {
            continue;
        }
        let s = utf8(&value);
        if !s.is_empty() && equal(s.as_bytes()) {
            return Some(s);
        }
    }
    None
}

fn smtp_utf8_mailbox(value: &[u8]) -> Option<&[u8]> {
    let items = children(value)?;
    let oid = items.first().filter(|t| t.tag == OID)?;
    if oid_text(oid.value) != "1.3.6.1.5.5.7.8.9" {
        return None;
    }
    let inner = parse(items.get(1)?.value).filter(|t| t.tag == UTF8_STRING)?;
    Some(inner.value)
}

/// An address as OpenSSL's `a2i_ipadd` reads it: dotted IPv4 or IPv6 text.
fn parse_ip(s: &str) -> Option<Vec<u8>> {
    if s.contains(':') {
        return s
            .parse::<std::net::Ipv6Addr>()
            .ok()
            .map(|a| a.octets().to_vec());
    }
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut out = Vec::with_capacity(4);
    for p in parts {
        let leading_zero = p.len() > 1 && p.starts_with('0');
        if p.is_empty() || p.len() > 3 || leading_zero || !p.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        out.push(p.parse::<u8>().ok()?);
    }
    Some(out)
}

/// Canonical form of a Name for comparison, as OpenSSL compares names: string values as
/// UTF-8, lower-cased, with runs of white space folded and the ends trimmed.
fn canonical_name(name: &Tlv<'_>) -> Vec<Vec<(String, Vec<u8>)>> {
    name_entries(name)
        .into_iter()
        .map(|rdn| {
            rdn.into_iter()
                .map(|(oid, v)| {
                    if !is_string_type(v.tag) {
                        return (oid, v.raw.to_vec());
                    }
                    let s = utf8(&v).to_lowercase();
                    let folded = s.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
                    (oid, folded.into_bytes())
                })
                .collect()
        })
        .collect()
}

/// Signature algorithm → (key algorithm, digest); `None` for algorithms not verified here.
fn signature_scheme(c: &Cert<'_>) -> Option<(&'static str, &'static str)> {
    signature_scheme_of(&c.sig_alg)
}

fn signature_scheme_of(alg: &Tlv<'_>) -> Option<(&'static str, &'static str)> {
    let parts = children(alg.value)?;
    let oid = oid_text(parts.first().filter(|t| t.tag == OID)?.value);
    Some(match oid.as_str() {
        "1.2.840.113549.1.1.4" => ("rsa", "md5"),
        "1.2.840.113549.1.1.5" => ("rsa", "sha1"),
        "1.2.840.113549.1.1.14" => ("rsa", "sha224"),
        "1.2.840.113549.1.1.11" => ("rsa", "sha256"),
        "1.2.840.113549.1.1.12" => ("rsa", "sha384"),
        "1.2.840.113549.1.1.13" => ("rsa", "sha512"),
        "1.2.840.113549.1.1.10" => ("rsa-pss", pss_digest(parts.get(1))?),
        "1.2.840.10045.4.1" => ("ec", "sha1"),
        "1.2.840.10045.4.3.1" => ("ec", "sha224"),
        "1.2.840.10045.4.3.2" => ("ec", "sha256"),
        "1.2.840.10045.4.3.3" => ("ec", "sha384"),
        "1.2.840.10045.4.3.4" => ("ec", "sha512"),
        ED25519 => ("ed25519", ""),
        ED448 => ("ed448", ""),
        _ => return None,
    })
}

/// The digest of RSASSA-PSS parameters (SHA-1 when absent).
fn pss_digest(params: Option<&Tlv<'_>>) -> Option<&'static str> {
    let Some(params) = params.filter(|t| t.tag == SEQUENCE) else {
        return Some("sha1");
    };
    for item in children(params.value)? {
        if item.tag != 0xa0 {
            continue;
        }
        let alg = parse(item.value).filter(|t| t.tag == SEQUENCE)?;
        let oid = children(alg.value)?.first().map(|t| oid_text(t.value))?;
        return Some(match oid.as_str() {
            "1.3.14.3.2.26" => "sha1",
            "2.16.840.1.101.3.4.2.4" => "sha224",
            "2.16.840.1.101.3.4.2.1" => "sha256",
            "2.16.840.1.101.3.4.2.2" => "sha384",
            "2.16.840.1.101.3.4.2.3" => "sha512",
            _ => return None,
        });
    }
    Some("sha1")
}

fn pss_salt(alg: &Tlv<'_>) -> Option<usize> {
    let parts = children(alg.value)?;
    let params = parts.get(1).filter(|t| t.tag == SEQUENCE)?;
    for item in children(params.value)? {
        if item.tag == 0xa2 {
            let n = parse(item.value).filter(|t| t.tag == INTEGER)?;
            if n.value.len() > 4 {
                return None;
            }
            return Some(n.value.iter().fold(0usize, |a, b| a << 8 | usize::from(*b)));
        }
    }
    Some(20)
}

/// The key family an SPKI belongs to, as signature schemes name them.
fn key_family(spki: &Spki<'_>) -> &'static str {
    match spki.alg.as_str() {
        RSA_ENCRYPTION => "rsa",
        RSASSA_PSS => "rsa-pss",
        EC_PUBLIC_KEY => "ec",
        ED25519 => "ed25519",
        ED448 => "ed448",
        _ => "",
    }
}

fn family_fits(scheme: &str, key: &str) -> bool {
    scheme == key || (scheme == "rsa-pss" && key == "rsa")
}

fn hash(name: &str, data: &[u8]) -> Option<Vec<u8>> {
    Some(match name {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

/// Verifies `signature` over `data` with the key of `spki` under the algorithm `alg`.
fn verify_signature(alg: &Tlv<'_>, data: &[u8], signature: &[u8], spki_raw: &[u8]) -> bool {
    let Some((family, digest)) = signature_scheme_of(alg) else {
        return false;
    };
    let Some(spki) = Spki::parse(spki_raw) else {
        return false;
    };
    if !family_fits(family, key_family(&spki)) {
        return false;
    }
    match family {
        "rsa" | "rsa-pss" => {
            let Some(key) = rsa_key(spki.key) else {
                return false;
            };
            let Some(hashed) = hash(digest, data) else {
                return false;
            };
            if family == "rsa-pss" {
                let salt = pss_salt(alg).unwrap_or(20);
                return match digest {
                    "sha1" => key.verify(
                        rsa::pss::Pss::<sha1::Sha1>::new_with_salt(salt),
                        &hashed,
                        signature,
                    ),
                    "sha224" => key.verify(
                        rsa::pss::Pss::<sha2::Sha224>::new_with_salt(salt),
                        &hashed,
                        signature,
                    ),
                    "sha256" => key.verify(
                        rsa::pss::Pss::<sha2::Sha256>::new_with_salt(salt),
                        &hashed,
                        signature,
                    ),
                    "sha384" => key.verify(
                        rsa::pss::Pss::<sha2::Sha384>::new_with_salt(salt),
                        &hashed,
                        signature,
                    ),
                    "sha512" => key.verify(
                        rsa::pss::Pss::<sha2::Sha512>::new_with_salt(salt),
                        &hashed,
                        signature,
                    ),
                    _ => return false,
                }
                .is_ok();
            }
            let scheme = match digest {
                "md5" => rsa::Pkcs1v15Sign::new::<md5::Md5>(),
                "sha1" => rsa::Pkcs1v15Sign::new::<sha1::Sha1>(),
                "sha224" => rsa::Pkcs1v15Sign::new::<sha2::Sha224>(),
                "sha256" => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                "sha384" => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
                "sha512" => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
                _ => return false,
            };
            key.verify(scheme, &hashed, signature).is_ok()
        }
        "ec" => {
            let Some(hashed) = hash(digest, data) else {
                return false;
            };
            let Some((name, _, _)) = spki.curve() else {
                return false;
            };
            verify_ecdsa(name, spki.key, &hashed, signature)
        }
        "ed25519" => {
            use ed25519_dalek::Verifier;
            let Ok(key) = <[u8; 32]>::try_from(spki.key) else {
                return false;
            };
            let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key) else {
                return false;
            };
            let Ok(sig) = ed25519_dalek::Signature::from_slice(signature) else {
                return false;
            };
            key.verify(data, &sig).is_ok()
        }
        "ed448" => {
            let Ok(key) = <[u8; 57]>::try_from(spki.key) else {
                return false;
            };
            let Ok(key) = ed448_goldilocks::VerifyingKey::from_bytes(&key) else {
                return false;
            };
            let Ok(sig) = ed448_goldilocks::Signature::from_slice(signature) else {
                return false;
            };
            key.verify_raw(&sig, data).is_ok()
        }
        _ => false,
    }
}

fn verify_ecdsa(curve: &str, point: &[u8], hashed: &[u8], signature: &[u8]) -> bool {
    use ecdsa::signature::hazmat::PrehashVerifier;
    macro_rules! check {
        ($c:ident) => {{
            let Ok(key) = $c::ecdsa::VerifyingKey::from_sec1_bytes(point) else {
                return false;
            };
            let Ok(sig) = $c::ecdsa::Signature::from_der(signature) else {
                return false;
            };
            // OpenSSL accepts either of the two equivalent `s` values; the curve crates may
            // insist on the low one.
            key.verify_prehash(hashed, &sig.normalize_s()).is_ok()
        }};
    }
    match curve {
        "prime256v1" => check!(p256),
        "secp384r1" => check!(p384),
        "secp521r1" => check!(p521),
        "secp256k1" => check!(k256),
        _ => false,
    }
}

/// OpenSSL's `X509_check_issued(issuer, subject)`: the names chain, the authority key
/// identifier fits, the issuer may sign certificates, and its key suits the signature.
fn check_issued(subject: &Cert<'_>, issuer: &Cert<'_>) -> bool {
    if canonical_name(&subject.issuer) != canonical_name(&issuer.subject) {
        return false;
    }
    if let Some(v) = subject.extension("2.5.29.35")
        && let Some(seq) = parse(v).filter(|t| t.tag == SEQUENCE)
    {
        for item in children(seq.value).unwrap_or_default() {
            match item.tag {
                0x80 => {
                    if let Some(skid) = issuer.subject_key_id()
                        && skid != item.value
                    {
                        return false;
                    }
                }
                0x82 if item.value != issuer.serial => return false,
                0xa1 => {
                    let names = children(item.value).unwrap_or_default();
                    let dir = names
                        .iter()
                        .filter(|n| n.tag == 0xa4)
                        .find_map(|n| parse(n.value));
                    if let Some(dir) = dir
                        && canonical_name(&dir) != canonical_name(&issuer.issuer)
                    {
                        return false;
                    }
                }
                _ => {}
            }
        }
    }
    let Some(spki) = issuer.spki_parts() else {
        return false;
    };
    let Some((family, _)) = signature_scheme(subject) else {
        return false;
    };
    if !family_fits(family, key_family(&spki)) || !key_decodes(&spki) {
        return false;
    }
    if issuer
        .key_usage()
        .is_some_and(|k| k & KU_KEY_CERT_SIGN == 0)
    {
        return false;
    }
    true
}

/// Why a TLS peer's chain is not trusted, as OpenSSL's verify codes name it; `Ok` when it leads
/// to a certificate in `trusted`. Certificates of any version are accepted, as OpenSSL does
/// (version 1 certificates may act as CAs). `client` asks that the leaf allow client rather
/// than server authentication when it lists extended key usages.
pub(crate) fn verify_tls_chain(
    leaf: &[u8],
    intermediates: &[&[u8]],
    trusted: &[&[u8]],
    now_ms: f64,
    client: bool,
) -> std::result::Result<Vec<Vec<u8>>, &'static str> {
    let Some(mut cur) = Cert::parse(leaf) else {
        return Err("UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY");
    };
    let purpose = if client {
        "1.3.6.1.5.5.7.3.2"
    } else {
        "1.3.6.1.5.5.7.3.1"
    };
    if let Some(v) = cur.extension("2.5.29.37")
        && let Some(seq) = parse(v).filter(|t| t.tag == SEQUENCE)
    {
        let allowed = children(seq.value).unwrap_or_default().iter().any(|t| {
            t.tag == OID
                && matches!(oid_text(t.value).as_str(), p if p == purpose || p == "2.5.29.37.0")
        });
        if !allowed {
            return Err("INVALID_PURPOSE");
        }
    }
    let valid_now = |c: &Cert<'_>| -> std::result::Result<(), &'static str> {
        if time_ms(&c.not_before) > now_ms {
            return Err("CERT_NOT_YET_VALID");
        }
        if time_ms(&c.not_after) < now_ms {
            return Err("CERT_HAS_EXPIRED");
        }
        Ok(())
    };
    let parsed_trusted: Vec<Cert<'_>> = trusted.iter().filter_map(|t| Cert::parse(t)).collect();
    let parsed_inter: Vec<Cert<'_>> = intermediates
        .iter()
        .filter_map(|t| Cert::parse(t))
        .collect();
    // A certificate that is itself trusted needs no issuer.
    if trusted.contains(&leaf) {
        return valid_now(&cur).map(|()| vec![leaf.to_vec()]);
    }
    let mut chain = vec![leaf.to_vec()];
    for depth in 0..10 {
        valid_now(&cur)?;
        let signed_by = |issuer: &Cert<'_>| {
            verify_signature(&cur.sig_alg, cur.tbs, cur.signature, issuer.spki.raw)
        };
        let may_sign = |issuer: &Cert<'_>| {
            // Version 1 certificates carry no extensions; OpenSSL lets them act as CAs.
            issuer.extensions.is_empty() || issuer.is_ca()
        };
        if let Some(root) = parsed_trusted.iter().find(|t| check_issued(&cur, t)) {
            if !signed_by(root) {
                return Err("CERT_SIGNATURE_FAILURE");
            }
            valid_now(root)?;
            if root.raw != cur.raw {
                chain.push(root.raw.to_vec());
            }
            return Ok(chain);
        }
        let next = parsed_inter
            .iter()
            .find(|t| t.raw != cur.raw && check_issued(&cur, t));
        match next {
            Some(issuer) => {
                if !signed_by(issuer) {
                    return Err("CERT_SIGNATURE_FAILURE");
                }
                if !may_sign(issuer) {
                    return Err("INVALID_CA");
                }
                cur = Cert::parse(issuer.raw).ok_or("UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY")?;
                chain.push(issuer.raw.to_vec());
            }
            None => {
                let self_issued = canonical_name(&cur.issuer) == canonical_name(&cur.subject);
                return Err(match (self_issued, depth) {
                    (true, 0) => "DEPTH_ZERO_SELF_SIGNED_CERT",
                    (true, _) => "SELF_SIGNED_CERT_IN_CHAIN",
                    (false, 0) => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
                    (false, _) => "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
                });
            }
        }
    }
    Err("CERT_CHAIN_TOO_LONG")
}

/// The SubjectPublicKeyInfo (DER) of a certificate of any version.
pub(crate) fn certificate_spki(raw: &[u8]) -> Option<&[u8]> {
    Cert::parse(raw).map(|c| c.spki.raw)
}

/// A certificate's public key as signature checks take it: the contents of its
/// AlgorithmIdentifier, and the key bits.
pub(crate) fn certificate_key(raw: &[u8]) -> Option<(&[u8], &[u8])> {
    let cert = Cert::parse(raw)?;
    let parts = children(cert.spki.value)?;
    let [alg, key] = parts.as_slice() else {
        return None;
    };
    if alg.tag != SEQUENCE {
        return None;
    }
    Some((alg.value, bit_string(key)?))
}

/// Whether the key bits of an SPKI decode as a key of its algorithm.
fn key_decodes(spki: &Spki<'_>) -> bool {
    match key_family(spki) {
        "rsa" | "rsa-pss" => rsa_numbers(spki.key).is_some(),
        "ec" => spki.curve().is_some(),
        "ed25519" => spki.key.len() == 32,
        "ed448" => spki.key.len() == 57,
        _ => true,
    }
}

// ---- SPKAC ---------------------------------------------------------------------------------

/// A signed public key and challenge, from its base64 text: (the signed part, its SPKI, the
/// challenge, the signature algorithm, the signature).
struct Spkac<'a> {
    signed: &'a [u8],
    spki: &'a [u8],
    challenge: &'a [u8],
    alg: Tlv<'a>,
    signature: &'a [u8],
}

fn spkac_der(input: &[u8]) -> Option<Vec<u8>> {
    let b64: Vec<u8> = input
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD.decode(b64).ok()
}

impl<'a> Spkac<'a> {
    fn parse(der: &'a [u8]) -> Option<Spkac<'a>> {
        let outer = parse_prefix(der).filter(|t| t.tag == SEQUENCE)?;
        let parts = children(outer.value)?;
        let [signed, alg, sig] = parts.as_slice() else {
            return None;
        };
        let inner = children(signed.value)?;
        let [spki, challenge] = inner.as_slice() else {
            return None;
        };
        if spki.tag != SEQUENCE || challenge.tag != IA5_STRING || alg.tag != SEQUENCE {
            return None;
        }
        Some(Spkac {
            signed: signed.raw,
            spki: spki.raw,
            challenge: challenge.value,
            alg: *alg,
            signature: bit_string(sig)?,
        })
    }
}

// ---- the binding ---------------------------------------------------------------------------

fn with_cert<'js, R>(
    ctx: &Ctx<'js>,
    raw: &Value<'js>,
    f: impl FnOnce(&Cert<'_>) -> R,
) -> Result<Option<R>> {
    with_bytes(ctx, raw, |b| Cert::parse(b).map(|c| f(&c)))
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // A certificate's fields, or the number of the reason there is none (see `load`).
    o.set(
        "x509Parse",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, input: Value<'js>| -> Result<Value<'js>> {
                match with_bytes(&ctx, &input, load)? {
                    Ok(der) => match Cert::parse(&der) {
                        Some(c) => Ok(describe(&ctx, &c)?.into_value()),
                        None => 1.into_js(&ctx),
                    },
                    Err(code) => code.into_js(&ctx),
                }
            },
        )?,
    )?;
    // The name of the certificate that matches `name`, or undefined. Flags are OpenSSL's
    // `X509_CHECK_FLAG_*`.
    o.set(
        "x509CheckHost",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, raw: Value<'js>, name: String, flags: u32| -> Result<Option<String>> {
                Ok(with_cert(&ctx, &raw, |c| {
                    check_name(c, name.as_bytes(), flags, Check::Host)
                })?
                .flatten())
            },
        )?,
    )?;
    o.set(
        "x509CheckEmail",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, raw: Value<'js>, email: String, flags: u32| -> Result<bool> {
                Ok(with_cert(&ctx, &raw, |c| {
                    check_name(c, email.as_bytes(), flags, Check::Email).is_some()
                })?
                .unwrap_or(false))
            },
        )?,
    )?;
    // 1: an IP address entry matches; 0: none does; -1: `ip` is not an address.
    o.set(
        "x509CheckIP",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, raw: Value<'js>, ip: String| -> Result<i32> {
                let Some(addr) = parse_ip(&ip) else {
                    return Ok(-1);
                };
                Ok(with_cert(&ctx, &raw, |c| {
                    let found = c.san().unwrap_or_default().iter().any(|n| {
                        n.tag == 0x87 && !n.value.is_empty() && equal_case(n.value, &addr, 0)
                    });
                    i32::from(found)
                })?
                .unwrap_or(0))
            },
        )?,
    )?;
    o.set(
        "x509CheckIssued",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, raw: Value<'js>, issuer: Value<'js>| -> Result<bool> {
                let issuer = super::to_vec(&ctx, &issuer)?;
                let Some(issuer) = Cert::parse(&issuer) else {
                    return Ok(false);
                };
                Ok(with_cert(&ctx, &raw, |c| check_issued(c, &issuer))?.unwrap_or(false))
            },
        )?,
    )?;
    // Whether the certificate's signature verifies with the key of `spki` (DER).
    o.set(
        "x509Verify",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, raw: Value<'js>, spki: Value<'js>| -> Result<bool> {
                let spki = super::to_vec(&ctx, &spki)?;
                Ok(with_cert(&ctx, &raw, |c| {
                    verify_signature(&c.sig_alg, c.tbs, c.signature, &spki)
                })?
                .unwrap_or(false))
            },
        )?,
    )?;
    o.set(
        "spkacVerify",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, input: Value<'js>| -> Result<bool> {
                with_bytes(&ctx, &input, |b| {
                    let Some(der) = spkac_der(b) else {
                        return false;
                    };
                    let Some(s) = Spkac::parse(&der) else {
                        return false;
                    };
                    verify_signature(&s.alg, s.signed, s.signature, s.spki)
                })
            },
        )?,
    )?;
    // The SPKI (DER) or the challenge of an SPKAC; undefined when it does not parse.
    o.set(
        "spkacPart",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, input: Value<'js>, challenge: bool| -> Result<Option<Value<'js>>> {
                let part = with_bytes(&ctx, &input, |b| {
                    let der = spkac_der(b)?;
                    let s = Spkac::parse(&der)?;
                    if challenge {
                        Some(s.challenge.to_vec())
                    } else {
                        Spki::parse(s.spki)?;
                        Some(s.spki.to_vec())
                    }
                })?;
                part.map(|p| bytes_js(&ctx, &p)).transpose()
            },
        )?,
    )?;
    Ok(())
}
