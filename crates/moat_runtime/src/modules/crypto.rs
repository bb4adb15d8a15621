//! `crypto`'s randomness (`getRandomValues`, `randomUUID`) and `Math.random`.

use rquickjs::{Ctx, Function, Object, Result, TypedArray};

use crate::engine::throw_uv;
use crate::sys;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "mathRandom",
        Function::new(ctx.clone(), sys::random::math_random)?.with_name("random")?,
    )?;
    o.set(
        "fillRandom",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, view: TypedArray<'js, u8>| -> Result<()> {
                let raw = view
                    .as_raw()
                    .ok_or_else(|| rquickjs::Exception::throw_type(&ctx, "detached buffer"))?;
                // SAFETY: `raw` points at the live array's bytes, and no JS runs while they
                // are written.
                let bytes =
                    unsafe { std::slice::from_raw_parts_mut(raw.as_ptr() as *mut u8, raw.len()) };
                sys::random::fill(bytes).map_err(|e| throw_uv(&ctx, &e, "getrandom", None, None))
            },
        )?,
    )?;
    Ok(())
}
