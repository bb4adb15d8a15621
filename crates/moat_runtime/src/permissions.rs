//! The permission model inside the runtime: every file-system path, process and worker the
//! program asks for is checked against [`Options::grants`](crate::Options::grants) here, and a
//! denial becomes Node's `ERR_ACCESS_DENIED`. Natively this is the only check (a seat belt, as
//! in Node); in the sandbox the host is the wall and this gives the program Node's errors.

use std::path::Path;

use moat_permissions::{CheckedPath, Denied, Permission};
use rquickjs::{Ctx, Function, Object, Value};

use crate::js_errors::define;
use crate::state::State;
use crate::sys;

/// Checks an access to `path` (as the program wrote it) and returns it checked.
///
/// # Errors
/// A thrown `ERR_ACCESS_DENIED` when no grant covers where the path really leads.
pub fn path<'js>(
    ctx: &Ctx<'js>,
    state: &State,
    permission: Permission,
    path: &str,
) -> rquickjs::Result<CheckedPath> {
    let asked = Path::new(path);
    // A built app's own files are part of it: always readable, never writable; its directory
    // holds nothing else (`sys::embedded`).
    if permission == Permission::FsRead
        && (sys::embedded::find(asked).is_some() || sys::embedded::in_root(asked))
    {
        return Ok(CheckedPath::unchecked(asked));
    }
    match &state.options().grants {
        None => Ok(CheckedPath::unchecked(asked)),
        Some(g) => g
            .check_path(permission, asked, &sys::fs::resolve_real(asked))
            .map_err(|d| throw_denied(ctx, &d)),
    }
}

/// Checks a permission without a path (child processes, workers); `resource` is what a denial
/// names.
///
/// # Errors
/// A thrown `ERR_ACCESS_DENIED`.
pub fn check<'js>(
    ctx: &Ctx<'js>,
    state: &State,
    permission: Permission,
    resource: &str,
) -> rquickjs::Result<()> {
    match &state.options().grants {
        None => Ok(()),
        Some(g) => g
            .check(permission, resource)
            .map_err(|d| throw_denied(ctx, &d)),
    }
}

/// Checks that the network host `host` may be reached (`--allow-net`).
///
/// # Errors
/// A thrown `ERR_ACCESS_DENIED` naming the host.
pub fn net<'js>(ctx: &Ctx<'js>, state: &State, host: &str) -> rquickjs::Result<()> {
    match &state.options().grants {
        None => Ok(()),
        Some(g) => g.check_net(host).map_err(|d| throw_denied(ctx, &d)),
    }
}

/// `process.permission.has(scope, reference)`: `fs` is both file-system kinds; a reference is a
/// path for `fs*` (resolved as an access to it would be) and a name for `env`.
pub fn has(state: &State, scope: &str, reference: Option<&str>) -> bool {
    let Some(g) = &state.options().grants else {
        return true;
    };
    let kinds = match scope {
        "fs" => vec![Permission::FsRead, Permission::FsWrite],
        other => match Permission::from_scope(other) {
            Some(p) => vec![p],
            None => return false,
        },
    };
    kinds.into_iter().all(|p| match (p, reference) {
        (Permission::FsRead | Permission::FsWrite, Some(r)) => {
            g.allows_path(p, &sys::fs::resolve_real(Path::new(r)))
        }
        (Permission::Env, Some(name)) => g.env_allowed(name),
        (Permission::Net, Some(host)) => g.net_allowed(host),
        _ => g.allows(p),
    })
}

/// Throws Node's denial: an `Error` with `code`, `permission` and `resource`.
pub fn throw_denied<'js>(ctx: &Ctx<'js>, denied: &Denied) -> rquickjs::Error {
    let build = || -> rquickjs::Result<Value<'js>> {
        let ctor: Function = ctx.globals().get("Error")?;
        let e: Object = ctor.call((denied.to_string(),))?;
        define(&e, "code", "ERR_ACCESS_DENIED")?;
        define(&e, "permission", denied.permission.node_name())?;
        define(&e, "resource", denied.resource.as_str())?;
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}
