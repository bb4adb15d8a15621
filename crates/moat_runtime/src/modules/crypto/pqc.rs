//! The post-quantum key types: ML-DSA (FIPS 204) signatures and ML-KEM (FIPS 203) key
//! encapsulation. Keys travel as bytes: the seed (when known), the expanded private key and the
//! public key; the `ml-dsa` and `ml-kem` crates do the mathematics.

#![allow(deprecated)] // ML-KEM's expanded private keys, which PKCS#8 files still carry.

use der::asn1::ObjectIdentifier as Oid;
use ml_kem::array::Array;
use ml_kem::{Decapsulate, Encapsulate, ExpandedKeyEncoding, KeyExport};

/// One of the six parameter sets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pqc {
    MlDsa44,
    MlDsa65,
    MlDsa87,
    MlKem512,
    MlKem768,
    MlKem1024,
}

const ALL: [Pqc; 6] = [
    Pqc::MlDsa44,
    Pqc::MlDsa65,
    Pqc::MlDsa87,
    Pqc::MlKem512,
    Pqc::MlKem768,
    Pqc::MlKem1024,
];

impl Pqc {
    /// `asymmetricKeyType`.
    pub fn name(self) -> &'static str {
        match self {
            Pqc::MlDsa44 => "ml-dsa-44",
            Pqc::MlDsa65 => "ml-dsa-65",
            Pqc::MlDsa87 => "ml-dsa-87",
            Pqc::MlKem512 => "ml-kem-512",
            Pqc::MlKem768 => "ml-kem-768",
            Pqc::MlKem1024 => "ml-kem-1024",
        }
    }
    /// The JWK `alg`.
    pub fn jwk(self) -> &'static str {
        match self {
            Pqc::MlDsa44 => "ML-DSA-44",
            Pqc::MlDsa65 => "ML-DSA-65",
            Pqc::MlDsa87 => "ML-DSA-87",
            Pqc::MlKem512 => "ML-KEM-512",
            Pqc::MlKem768 => "ML-KEM-768",
            Pqc::MlKem1024 => "ML-KEM-1024",
        }
    }
    pub fn oid(self) -> Oid {
        Oid::new_unwrap(match self {
            Pqc::MlDsa44 => "2.16.840.1.101.3.4.3.17",
            Pqc::MlDsa65 => "2.16.840.1.101.3.4.3.18",
            Pqc::MlDsa87 => "2.16.840.1.101.3.4.3.19",
            Pqc::MlKem512 => "2.16.840.1.101.3.4.4.1",
            Pqc::MlKem768 => "2.16.840.1.101.3.4.4.2",
            Pqc::MlKem1024 => "2.16.840.1.101.3.4.4.3",
        })
    }
    pub fn from_oid(oid: Oid) -> Option<Pqc> {
        ALL.into_iter().find(|p| p.oid() == oid)
    }
    pub fn from_name(name: &str) -> Option<Pqc> {
        ALL.into_iter().find(|p| p.name() == name)
    }
    pub fn from_jwk(alg: &str) -> Option<Pqc> {
        ALL.into_iter().find(|p| p.jwk() == alg)
    }
    pub fn is_kem(self) -> bool {
        matches!(self, Pqc::MlKem512 | Pqc::MlKem768 | Pqc::MlKem1024)
    }
    /// Bytes of a seed: ξ for ML-DSA, d‖z for ML-KEM.
    pub fn seed_len(self) -> usize {
        if self.is_kem() { 64 } else { 32 }
    }
}

macro_rules! with_dsa {
    ($alg:expr, $p:ident => $body:expr, $other:expr) => {
        match $alg {
            Pqc::MlDsa44 => {
                type $p = ml_dsa::MlDsa44;
                $body
            }
            Pqc::MlDsa65 => {
                type $p = ml_dsa::MlDsa65;
                $body
            }
            Pqc::MlDsa87 => {
                type $p = ml_dsa::MlDsa87;
                $body
            }
            _ => $other,
        }
    };
}

macro_rules! with_kem {
    ($alg:expr, $p:ident => $body:expr, $other:expr) => {
        match $alg {
            Pqc::MlKem512 => {
                type $p = ml_kem::MlKem512;
                $body
            }
            Pqc::MlKem768 => {
                type $p = ml_kem::MlKem768;
                $body
            }
            Pqc::MlKem1024 => {
                type $p = ml_kem::MlKem1024;
                $body
            }
            _ => $other,
        }
    };
}

fn rng() -> rand_core::UnwrapErr<getrandom::SysRng> {
    rand_core::UnwrapErr(getrandom::SysRng)
}

/// The expanded private key and the public key a seed makes.
pub fn from_seed(alg: Pqc, seed: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    with_dsa!(alg, P => {
        use ml_dsa::signature::Keypair;
        let seed = Array::try_from(seed).ok()?;
        let sk = ml_dsa::SigningKey::<P>::from_seed(&seed);
        Some((sk.expanded_key().to_expanded().to_vec(), sk.verifying_key().encode().to_vec()))
    }, with_kem!(alg, P => {
        let seed = Array::try_from(seed).ok()?;
        let dk = ml_kem::DecapsulationKey::<P>::from_seed(seed);
        Some((dk.to_expanded_bytes().to_vec(), dk.encapsulation_key().to_bytes().to_vec()))
    }, None))
}

/// The public key of an expanded private key, which is checked on the way.
pub fn from_expanded(alg: Pqc, expanded: &[u8]) -> Option<Vec<u8>> {
    with_dsa!(alg, P => {
        let bytes = Array::try_from(expanded).ok()?;
        let sk = ml_dsa::ExpandedSigningKey::<P>::from_expanded(&bytes);
        Some(sk.verifying_key().encode().to_vec())
    }, with_kem!(alg, P => {
        let bytes = Array::try_from(expanded).ok()?;
        let dk = ml_kem::DecapsulationKey::<P>::from_expanded_bytes(&bytes).ok()?;
        Some(dk.encapsulation_key().to_bytes().to_vec())
    }, None))
}

/// A whole public key of the right length for `alg`.
pub fn valid_public(alg: Pqc, public: &[u8]) -> bool {
    with_dsa!(alg, P => {
        ml_dsa::EncodedVerifyingKey::<P>::try_from(public).is_ok()
    }, with_kem!(alg, P => {
        Array::try_from(public)
            .ok()
            .is_some_and(|k| ml_kem::EncapsulationKey::<P>::new(&k).is_ok())
    }, false))
}

/// An ML-DSA signature of `msg` (hedged, with an empty context), as OpenSSL makes them.
pub fn sign(alg: Pqc, expanded: &[u8], msg: &[u8]) -> Option<Vec<u8>> {
    with_dsa!(alg, P => {
        let bytes = Array::try_from(expanded).ok()?;
        let sk = ml_dsa::ExpandedSigningKey::<P>::from_expanded(&bytes);
        let sig = sk.sign_randomized(msg, &[], &mut getrandom::SysRng).ok()?;
        Some(sig.encode().to_vec())
    }, None)
}

pub fn verify(alg: Pqc, public: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    with_dsa!(alg, P => {
        let Ok(pk) = Array::try_from(public) else { return false };
        let Ok(sig) = Array::try_from(sig) else { return false };
        let Some(sig) = ml_dsa::Signature::<P>::decode(&sig) else { return false };
        ml_dsa::VerifyingKey::<P>::decode(&pk).verify_with_context(msg, &[], &sig)
    }, false)
}

/// A fresh shared secret and its encapsulation to `public`: `(ciphertext, secret)`.
pub fn encapsulate(alg: Pqc, public: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    with_kem!(alg, P => {
        let key = Array::try_from(public).ok()?;
        let ek = ml_kem::EncapsulationKey::<P>::new(&key).ok()?;
        let (ct, secret) = ek.encapsulate_with_rng(&mut rng());
        Some((ct.to_vec(), secret.to_vec()))
    }, None)
}

/// The shared secret in `ciphertext`; `None` when the ciphertext has the wrong length.
pub fn decapsulate(alg: Pqc, expanded: &[u8], ciphertext: &[u8]) -> Option<Vec<u8>> {
    with_kem!(alg, P => {
        let bytes = Array::try_from(expanded).ok()?;
        let dk = ml_kem::DecapsulationKey::<P>::from_expanded_bytes(&bytes).ok()?;
        let ct = Array::try_from(ciphertext).ok()?;
        Some(dk.decapsulate(&ct).to_vec())
    }, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dsa_round_trip() {
        let seed = [7u8; 32];
        let (expanded, public) = from_seed(Pqc::MlDsa44, &seed).unwrap();
        assert_eq!(from_expanded(Pqc::MlDsa44, &expanded).unwrap(), public);
        let sig = sign(Pqc::MlDsa44, &expanded, b"hello").unwrap();
        assert_eq!(sig.len(), 2420);
        assert!(verify(Pqc::MlDsa44, &public, b"hello", &sig));
        assert!(!verify(Pqc::MlDsa44, &public, b"hellO", &sig));
        assert!(!verify(Pqc::MlDsa44, &public[1..], b"hello", &sig));
    }

    #[test]
    fn kem_round_trip() {
        let seed = [9u8; 64];
        let (expanded, public) = from_seed(Pqc::MlKem768, &seed).unwrap();
        let (ct, secret) = encapsulate(Pqc::MlKem768, &public).unwrap();
        assert_eq!(decapsulate(Pqc::MlKem768, &expanded, &ct).unwrap(), secret);
        assert!(decapsulate(Pqc::MlKem768, &expanded, &ct[1..]).is_none());
    }
}
