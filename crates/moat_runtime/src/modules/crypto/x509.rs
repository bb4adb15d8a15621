//! X.509 certificates (`X509Certificate`) and SPKAC (`Certificate`).

use rquickjs::{Ctx, Object, Result};

pub fn init<'js>(_ctx: &Ctx<'js>, _o: &Object<'js>) -> Result<()> {
    Ok(())
}
