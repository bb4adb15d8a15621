//! Key objects: parsing and exporting PEM, DER and JWK, generating key pairs, and the key facts
//! `KeyObject` reports.

use rquickjs::{Ctx, Object, Result};

pub fn init<'js>(_ctx: &Ctx<'js>, _o: &Object<'js>) -> Result<()> {
    Ok(())
}
