//! What Web Crypto (`crypto.subtle`) needs beyond the other parts: AES-KW, AES-CTR with a
//! counter length, and the raw forms of its keys.

use rquickjs::{Ctx, Object, Result};

pub fn init<'js>(_ctx: &Ctx<'js>, _o: &Object<'js>) -> Result<()> {
    Ok(())
}
