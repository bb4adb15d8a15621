//! `node:dns`: name lookup through the system resolver (the host's, in the sandbox), checked
//! against `--allow-net`.

use rquickjs::{Array, Ctx, Function, Object, Result};

use crate::js_errors::throw_code;
use crate::state::SharedState;
use crate::{permissions, sys};

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let st = state.clone();
    o.set(
        "lookup",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, host: String, family: u8| -> Result<Array<'js>> {
                permissions::net(&ctx, &st, &host)?;
                let not_found = || {
                    throw_code(
                        &ctx,
                        "Error",
                        "ENOTFOUND",
                        &format!("getaddrinfo ENOTFOUND {host}"),
                        Some(("hostname", host.as_str())),
                    )
                };
                let addresses = sys::lookup(&host).map_err(|_| not_found())?;
                {
                    let mut resolved = st.resolved.borrow_mut();
                    for a in &addresses {
                        let names = resolved.entry(*a).or_default();
                        if !names.contains(&host) {
                            names.push(host.clone());
                        }
                    }
                }
                // Flat pairs, in the resolver's order: address, family, address, family, ...
                let out = Array::new(ctx.clone())?;
                let mut n = 0;
                for a in addresses {
                    let f = if a.is_ipv4() { 4 } else { 6 };
                    if family == 0 || family == f {
                        out.set(n, a.to_string())?;
                        out.set(n + 1, f)?;
                        n += 2;
                    }
                }
                if n == 0 {
                    return Err(not_found());
                }
                Ok(out)
            },
        )?,
    )?;
    Ok(())
}
