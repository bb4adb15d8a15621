//! Signatures (RSA PKCS#1 v1.5 and PSS, ECDSA, Ed25519, Ed448) and RSA encryption.

use rquickjs::{Ctx, Object, Result};

pub fn init<'js>(_ctx: &Ctx<'js>, _o: &Object<'js>) -> Result<()> {
    Ok(())
}
