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
