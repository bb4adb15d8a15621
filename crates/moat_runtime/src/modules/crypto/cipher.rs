//! Symmetric ciphers for `createCipheriv`/`createDecipheriv`, `getCiphers` and `getCipherInfo`.

use rquickjs::{Ctx, Object, Result};

pub fn init<'js>(_ctx: &Ctx<'js>, _o: &Object<'js>) -> Result<()> {
    Ok(())
}
