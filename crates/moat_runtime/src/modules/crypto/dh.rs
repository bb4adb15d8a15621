//! Finite-field Diffie-Hellman (`createDiffieHellman`, the MODP groups), ECDH (`createECDH`) and
//! prime generation and testing (`generatePrime`, `checkPrime`).

use rquickjs::{Ctx, Object, Result};

pub fn init<'js>(_ctx: &Ctx<'js>, _o: &Object<'js>) -> Result<()> {
    Ok(())
}
