//! The guest has no AWS-LC (it does not build for wasm32-wasip1): every signature goes the
//! portable way. The native fast paths are in `accel_native.rs`.

use super::keys::Key;

#[derive(Default)]
pub struct Cache;

pub fn rsa_pkcs1_sign(_: &Cache, _: &Key, _: &str, _: &[u8]) -> Option<Vec<u8>> {
    None
}

pub fn ecdsa_sign(_: &Cache, _: &Key, _: &str, _: &[u8]) -> Option<Vec<u8>> {
    None
}

pub fn verify(_: &Cache, _: &Key, _: &str, _: &[u8], _: &[u8]) -> Option<bool> {
    None
}

/// Never made in the guest: AES-GCM there is `cipher.rs`'s own.
pub struct AesGcm(std::convert::Infallible);

impl AesGcm {
    pub fn new(_: &[u8], _: &[u8], _: bool) -> Option<Self> {
        None
    }
    pub fn aad(&mut self, _: &[u8]) -> bool {
        match self.0 {}
    }
    pub fn update(&mut self, _: &[u8], _: &mut Vec<u8>) -> bool {
        match self.0 {}
    }
    pub fn expect_tag(&mut self, _: &[u8]) {
        match self.0 {}
    }
    pub fn finish(&mut self) -> Option<[u8; 16]> {
        match self.0 {}
    }
}
