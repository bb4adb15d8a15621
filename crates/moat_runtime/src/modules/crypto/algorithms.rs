//! The hash algorithms `crypto` knows, in one table: each row makes a streaming hasher, and for
//! the algorithms HMAC takes, a keyed one plus PBKDF2 and HKDF over that HMAC. Every caller goes
//! through [`find`] and the boxed [`Hasher`], so all algorithms share one path.

use blake2::{Blake2b512, Blake2s256};
use digest::{ExtendableOutput, FixedOutput, KeyInit, Update};
use hmac::{Hmac, SimpleHmac};
use md5::Md5;
use ripemd::Ripemd160;
use sha1::Sha1;
use sha2::{Sha224, Sha256, Sha384, Sha512, Sha512_224, Sha512_256};
use sha3::{Sha3_224, Sha3_256, Sha3_384, Sha3_512};
use shake::{Shake128, Shake256};

/// A hash computation in progress: a plain digest, an HMAC, or an extendable-output function.
pub trait Hasher: Send {
    fn update(&mut self, data: &[u8]);
    /// The digest: `len` bytes from an extendable-output function; a fixed-size digest ignores
    /// `len`.
    fn finish(self: Box<Self>, len: usize) -> Vec<u8>;
    fn boxed_clone(&self) -> Box<dyn Hasher>;
}

/// A fixed-output digest or MAC.
struct Fixed<D>(D);

impl<D: Update + FixedOutput + Clone + Send + 'static> Hasher for Fixed<D> {
    fn update(&mut self, data: &[u8]) {
        Update::update(&mut self.0, data);
    }
    fn finish(self: Box<Self>, _len: usize) -> Vec<u8> {
        self.0.finalize_fixed().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn Hasher> {
        Box::new(Fixed(self.0.clone()))
    }
}

/// An extendable-output function (SHAKE).
struct Xof<X>(X);

impl<X: Update + ExtendableOutput + Clone + Send + 'static> Hasher for Xof<X> {
    fn update(&mut self, data: &[u8]) {
        Update::update(&mut self.0, data);
    }
    fn finish(self: Box<Self>, len: usize) -> Vec<u8> {
        let mut out = vec![0; len];
        self.0.finalize_xof_into(&mut out);
        out
    }
    fn boxed_clone(&self) -> Box<dyn Hasher> {
        Box::new(Xof(self.0.clone()))
    }
}

/// `md5-sha1`: the MD5 and SHA-1 digests of the same input, concatenated (TLS 1.0's PRF hash).
#[derive(Clone, Default)]
struct Md5Sha1(Md5, Sha1);

impl Hasher for Md5Sha1 {
    fn update(&mut self, data: &[u8]) {
        Update::update(&mut self.0, data);
        Update::update(&mut self.1, data);
    }
    fn finish(self: Box<Self>, _len: usize) -> Vec<u8> {
        let mut out = self.0.finalize_fixed().to_vec();
        out.extend_from_slice(&self.1.finalize_fixed());
        out
    }
    fn boxed_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

/// HKDF(ikm, salt, info) into the output; false when the output is longer than HKDF allows.
type Hkdf = fn(&[u8], &[u8], &[u8], &mut [u8]) -> bool;

/// What an algorithm keyed by HMAC offers.
pub struct Mac {
    pub new: fn(&[u8]) -> Option<Box<dyn Hasher>>,
    /// PBKDF2-HMAC(password, salt, iterations) into the output; false when the crate refuses.
    pub pbkdf2: fn(&[u8], &[u8], u32, &mut [u8]) -> bool,
    pub hkdf: Hkdf,
}

pub struct Algorithm {
    /// The name `getHashes()` lists.
    pub name: &'static str,
    /// Digest size in bytes; an extendable-output function's default length.
    pub size: usize,
    pub xof: bool,
    pub new: fn() -> Box<dyn Hasher>,
    pub mac: Option<Mac>,
}

macro_rules! size_of_output {
    ($d:ty) => {
        <<$d as digest::OutputSizeUser>::OutputSize as digest::typenum::Unsigned>::USIZE
    };
}

/// A fixed-output digest `$d`, keyed through the HMAC type `$mac` (`Hmac` for the block-based
/// hashes, `SimpleHmac` for BLAKE2 and SHA-3, whose crates offer only that).
macro_rules! fixed {
    ($name:literal, $d:ty, $mac:ty) => {
        Algorithm {
            name: $name,
            size: size_of_output!($d),
            xof: false,
            new: || Box::new(Fixed(<$d>::default())),
            mac: Some(Mac {
                new: |key| {
                    <$mac as KeyInit>::new_from_slice(key)
                        .ok()
                        .map(|m| Box::new(Fixed(m)) as Box<dyn Hasher>)
                },
                pbkdf2: |password, salt, rounds, out| {
                    pbkdf2::pbkdf2::<$mac>(password, salt, rounds, out).is_ok()
                },
                hkdf: |ikm, salt, info, out| {
                    hkdf::GenericHkdf::<$mac>::new(Some(salt), ikm)
                        .expand(info, out)
                        .is_ok()
                },
            }),
        }
    };
}

macro_rules! xof {
    ($name:literal, $x:ty, $size:expr) => {
        Algorithm {
            name: $name,
            size: $size,
            xof: true,
            new: || Box::new(Xof(<$x>::default())),
            mac: None,
        }
    };
}

static ALGORITHMS: &[Algorithm] = &[
    fixed!("md5", Md5, Hmac<Md5>),
    fixed!("sha1", Sha1, Hmac<Sha1>),
    fixed!("sha224", Sha224, Hmac<Sha224>),
    fixed!("sha256", Sha256, Hmac<Sha256>),
    fixed!("sha384", Sha384, Hmac<Sha384>),
    fixed!("sha512", Sha512, Hmac<Sha512>),
    fixed!("sha512-224", Sha512_224, Hmac<Sha512_224>),
    fixed!("sha512-256", Sha512_256, Hmac<Sha512_256>),
    fixed!("sha3-224", Sha3_224, SimpleHmac<Sha3_224>),
    fixed!("sha3-256", Sha3_256, SimpleHmac<Sha3_256>),
    fixed!("sha3-384", Sha3_384, SimpleHmac<Sha3_384>),
    fixed!("sha3-512", Sha3_512, SimpleHmac<Sha3_512>),
    fixed!("ripemd160", Ripemd160, Hmac<Ripemd160>),
    fixed!("blake2b512", Blake2b512, SimpleHmac<Blake2b512>),
    fixed!("blake2s256", Blake2s256, SimpleHmac<Blake2s256>),
    xof!("shake128", Shake128, 16),
    xof!("shake256", Shake256, 32),
    Algorithm {
        name: "md5-sha1",
        size: 36,
        xof: false,
        new: || Box::new(Md5Sha1::default()),
        mac: None,
    },
];

/// The other names Node (through OpenSSL) accepts for those algorithms: `(alias, name)`.
static ALIASES: &[(&str, &str)] = &[
    ("RSA-MD5", "md5"),
    ("md5WithRSAEncryption", "md5"),
    ("ssl3-md5", "md5"),
    ("RSA-SHA1", "sha1"),
    ("RSA-SHA1-2", "sha1"),
    ("sha1WithRSAEncryption", "sha1"),
    ("ssl3-sha1", "sha1"),
    ("SHA-1", "sha1"),
    ("DSS1", "sha1"),
    ("RSA-SHA224", "sha224"),
    ("sha224WithRSAEncryption", "sha224"),
    ("SHA-224", "sha224"),
    ("SHA2-224", "sha224"),
    ("RSA-SHA256", "sha256"),
    ("sha256WithRSAEncryption", "sha256"),
    ("SHA-256", "sha256"),
    ("SHA2-256", "sha256"),
    ("RSA-SHA384", "sha384"),
    ("sha384WithRSAEncryption", "sha384"),
    ("SHA-384", "sha384"),
    ("SHA2-384", "sha384"),
    ("RSA-SHA512", "sha512"),
    ("sha512WithRSAEncryption", "sha512"),
    ("SHA-512", "sha512"),
    ("SHA2-512", "sha512"),
    ("RSA-SHA512/224", "sha512-224"),
    ("sha512-224WithRSAEncryption", "sha512-224"),
    ("SHA-512/224", "sha512-224"),
    ("SHA2-512/224", "sha512-224"),
    ("RSA-SHA512/256", "sha512-256"),
    ("sha512-256WithRSAEncryption", "sha512-256"),
    ("SHA-512/256", "sha512-256"),
    ("SHA2-512/256", "sha512-256"),
    ("RSA-SHA3-224", "sha3-224"),
    ("id-rsassa-pkcs1-v1_5-with-sha3-224", "sha3-224"),
    ("RSA-SHA3-256", "sha3-256"),
    ("id-rsassa-pkcs1-v1_5-with-sha3-256", "sha3-256"),
    ("RSA-SHA3-384", "sha3-384"),
    ("id-rsassa-pkcs1-v1_5-with-sha3-384", "sha3-384"),
    ("RSA-SHA3-512", "sha3-512"),
    ("id-rsassa-pkcs1-v1_5-with-sha3-512", "sha3-512"),
    ("RSA-RIPEMD160", "ripemd160"),
    ("ripemd160WithRSA", "ripemd160"),
    ("ripemd", "ripemd160"),
    ("rmd160", "ripemd160"),
    ("RIPEMD-160", "ripemd160"),
    ("BLAKE2B-512", "blake2b512"),
    ("BLAKE2S-256", "blake2s256"),
    ("SHAKE-128", "shake128"),
    ("SHAKE-256", "shake256"),
];

/// The algorithm `name` denotes, its case ignored.
pub fn find(name: &str) -> Option<&'static Algorithm> {
    let canonical = ALIASES
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
        .map_or(name, |(_, n)| *n);
    ALGORITHMS
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(canonical))
}

/// The names `getHashes()` lists: Node's names for what is in the table, sorted as Node sorts
/// them (byte order).
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = ALGORITHMS
        .iter()
        .map(|a| a.name)
        .chain(ALIASES.iter().map(|(alias, _)| *alias).filter(|a| {
            !a.starts_with("SHA") && !a.starts_with("BLAKE") && *a != "RIPEMD-160" && *a != "DSS1"
        }))
        .collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn every_alias_names_a_row() {
        for (alias, name) in ALIASES {
            assert!(find(alias).is_some_and(|a| a.name == *name), "{alias}");
        }
    }

    #[test]
    fn sizes_match_digests() {
        for a in ALGORITHMS {
            assert_eq!((a.new)().finish(a.size).len(), a.size, "{}", a.name);
        }
    }

    #[test]
    fn known_digests() {
        let mut h = (find("SHA256").unwrap().new)();
        h.update(b"abc");
        assert_eq!(
            hex(&h.finish(32)),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let mut m = (find("sha256").unwrap().mac.as_ref().unwrap().new)(b"key").unwrap();
        m.update(b"The quick brown fox jumps over the lazy dog");
        assert_eq!(
            hex(&m.finish(32)),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
    }
}
