//! `crypto`'s Rust half: randomness (`getRandomValues`, `randomBytes`, `Math.random`), hashing and
//! HMAC through the one table of [`algorithms`], the key derivations (PBKDF2, scrypt, HKDF), and
//! `timingSafeEqual`. Bytes are read in place from the caller's typed arrays; every length and
//! count from JS is checked here again, whatever the JS half checked.
//!
//! A derivation's callback form passes `true` as its first argument: where there are threads,
//! the work is queued ([`jobs`]) and the call returns the handle whose `Data` event brings the
//! result; otherwise (and for the synchronous forms) the result is returned as an ArrayBuffer.

#[cfg_attr(target_os = "wasi", path = "accel_wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "accel_native.rs")]
mod accel;
mod algorithms;
mod cipher;
mod dh;
#[cfg_attr(target_os = "wasi", path = "jobs_wasi.rs")]
#[cfg_attr(not(target_os = "wasi"), path = "jobs_native.rs")]
mod jobs;
mod keys;
mod pqc;
mod sign;
mod web;
pub(crate) mod x509;

use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{
    ArrayBuffer, Class, Constructor, Ctx, Exception, Function, IntoJs, JsLifetime, Object, Result,
    TypedArray, Value,
};

use algorithms::Hasher;
use jobs::Work;

use crate::js_errors::throw_uv;
use crate::state::SharedState;
use crate::sys;

/// A `Hash` or `Hmac` object's state; `None` once its digest was taken.
pub struct HashState {
    inner: Option<Box<dyn Hasher>>,
}

// SAFETY: `HashState` holds no JS values, so it is the same type at every lifetime.
unsafe impl<'js> JsLifetime<'js> for HashState {
    type Changed<'to> = HashState;
}

impl<'js> Trace<'js> for HashState {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

impl<'js> JsClass<'js> for HashState {
    const NAME: &'static str = "HashState";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

fn hash_object<'js>(ctx: &Ctx<'js>, h: Box<dyn Hasher>) -> Result<Class<'js, HashState>> {
    Class::instance(ctx.clone(), HashState { inner: Some(h) })
}

/// Calls `f` with the bytes of `v`: a string's UTF-8, or a Uint8Array's bytes in place.
fn with_bytes<'js, R>(ctx: &Ctx<'js>, v: &Value<'js>, f: impl FnOnce(&[u8]) -> R) -> Result<R> {
    if let Some(s) = v.as_string() {
        return Ok(f(s.to_string()?.as_bytes()));
    }
    let view = TypedArray::<u8>::from_value(v.clone())
        .map_err(|_| Exception::throw_type(ctx, "expected a string or a Uint8Array"))?;
    match view.as_raw() {
        // SAFETY: the pointer and length describe the live array's bytes, and no JS runs (so
        // nothing can detach or resize the buffer) while `f` reads them.
        Some(raw) => Ok(f(unsafe {
            std::slice::from_raw_parts(raw.as_ptr() as *const u8, raw.len())
        })),
        None => Ok(f(&[])),
    }
}

fn to_vec<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Vec<u8>> {
    with_bytes(ctx, v, <[u8]>::to_vec)
}

/// A count or length from JS: a whole number in `0..=max`.
fn length(ctx: &Ctx<'_>, v: f64, max: u64, what: &str) -> Result<usize> {
    if v.fract() != 0.0 || !(0.0..=max as f64).contains(&v) {
        return Err(Exception::throw_range(ctx, &format!("invalid {what}: {v}")));
    }
    usize::try_from(v as u64).map_err(|_| Exception::throw_range(ctx, &format!("invalid {what}")))
}

/// A zeroed output buffer, or a RangeError when memory for it cannot be had.
fn output(ctx: &Ctx<'_>, len: usize) -> Result<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)
        .map_err(|_| Exception::throw_range(ctx, "Array buffer allocation failed"))?;
    v.resize(len, 0);
    Ok(v)
}

fn algorithm(ctx: &Ctx<'_>, name: &str) -> Result<&'static algorithms::Algorithm> {
    algorithms::find(name)
        .ok_or_else(|| Exception::throw_type(ctx, &format!("Invalid digest: {name}")))
}

fn mac(ctx: &Ctx<'_>, name: &str) -> Result<&'static algorithms::Mac> {
    algorithm(ctx, name)?
        .mac
        .as_ref()
        .ok_or_else(|| Exception::throw_type(ctx, &format!("Invalid digest: {name}")))
}

/// Runs `work` now and returns its bytes as an ArrayBuffer, or, when `defer` and threads allow,
/// queues it and returns the handle its result will arrive on.
fn finish<'js>(ctx: &Ctx<'js>, state: &SharedState, defer: bool, work: Work) -> Result<Value<'js>> {
    if defer && jobs::THREADED {
        let handle = state.next_handle.get();
        state.next_handle.set(handle.wrapping_add(1));
        jobs::submit(&state.events, handle, work);
        return handle.into_js(ctx);
    }
    Ok(ArrayBuffer::new(ctx.clone(), work())?.into_value())
}

/// cSHAKE256 (`strength` 256) or cSHAKE128 (any other) of `data` into `out`.
fn cshake(strength: u32, data: &[u8], function_name: &[u8], customization: &[u8], out: &mut [u8]) {
    use digest::{ExtendableOutput, Update};
    match strength {
        256 => {
            let mut h = cshake::CShake256::new_with_function_name(function_name, customization);
            h.update(data);
            h.finalize_xof_into(out);
        }
        _ => {
            let mut h = cshake::CShake128::new_with_function_name(function_name, customization);
            h.update(data);
            h.finalize_xof_into(out);
        }
    }
}

/// The parameters of an Argon2 derivation (RFC 9106).
struct Argon2Job {
    variant: argon2::Algorithm,
    version: argon2::Version,
    parallelism: u32,
    memory: u32,
    passes: u32,
}

/// Argon2 of `password` and `nonce` into `out`; `None` when the crate refuses the parameters.
fn argon2_derive(
    job: &Argon2Job,
    password: &[u8],
    nonce: &[u8],
    secret: &[u8],
    ad: &[u8],
    out: &mut [u8],
) -> Option<()> {
    let data = argon2::AssociatedData::new(ad).ok()?;
    let params = argon2::ParamsBuilder::new()
        .m_cost(job.memory)
        .t_cost(job.passes)
        .p_cost(job.parallelism)
        .data(data)
        .output_len(out.len())
        .build()
        .ok()?;
    let a = if secret.is_empty() {
        argon2::Argon2::new(job.variant, job.version, params)
    } else {
        argon2::Argon2::new_with_secret(secret, job.variant, job.version, params).ok()?
    };
    a.hash_password_into(password, nonce, out).ok()
}

/// scrypt's limits on N, r and p, and the memory it would take (`128·r·(N+2) + 128·r·p` bytes)
/// against `maxmem`: `0` when they pass, `1` when the parameters are invalid, `2` when they
/// exceed a memory limit.
fn scrypt_check(n: u64, r: u64, p: u64, maxmem: u64) -> u8 {
    const PR_MAX: u64 = (1 << 30) - 1;
    if r == 0 || p == 0 || n < 2 || !n.is_power_of_two() {
        return 1;
    }
    if p > PR_MAX / r || (r <= 3 && n >= 1 << (16 * r)) {
        return 2;
    }
    let block = 128 * r * p;
    if block > i32::MAX as u64 {
        return 2;
    }
    let Some(v) = n
        .checked_add(2)
        .and_then(|n2| n2.checked_mul(128))
        .and_then(|x| x.checked_mul(r))
    else {
        return 2;
    };
    match v.checked_add(block) {
        Some(total) if total <= maxmem => 0,
        _ => 2,
    }
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
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
                    .ok_or_else(|| Exception::throw_type(&ctx, "detached buffer"))?;
                // SAFETY: `raw` points at the live array's bytes, and no JS runs while they
                // are written.
                let bytes =
                    unsafe { std::slice::from_raw_parts_mut(raw.as_ptr() as *mut u8, raw.len()) };
                sys::random::fill(bytes).map_err(|e| throw_uv(&ctx, &e, "getrandom", None, None))
            },
        )?,
    )?;
    o.set(
        "randomGeneration",
        Function::new(ctx.clone(), sys::random::generation)?,
    )?;
    o.set("threaded", jobs::THREADED)?;
    keys::init(ctx, o)?;
    sign::init(ctx, o)?;
    cipher::init(ctx, o)?;
    dh::init(ctx, o)?;
    x509::init(ctx, o)?;
    web::init(ctx, o)?;

    // ---- random bytes for the callback forms -------------------------------------------
    let st = state.clone();
    o.set(
        "randomBytes",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, defer: bool, size: f64| -> Result<Value<'js>> {
                let size = length(&ctx, size, i32::MAX as u64, "size")?;
                let mut buf = output(&ctx, size)?;
                // Filled here, on the JS thread: the OS's generator is fast, and a failure
                // is reported as it happens.
                sys::random::fill(&mut buf)
                    .map_err(|e| throw_uv(&ctx, &e, "getrandom", None, None))?;
                finish(&ctx, &st, defer, Box::new(move || buf))
            },
        )?,
    )?;

    // ---- hashing ---------------------------------------------------------------------------
    o.set("hashNames", Function::new(ctx.clone(), algorithms::names)?)?;
    o.set(
        "hashInfo",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, name: String| -> Result<Option<Object<'js>>> {
                let Some(a) = algorithms::find(&name) else {
                    return Ok(None);
                };
                let info = Object::new(ctx)?;
                info.set("name", a.name)?;
                info.set("size", a.size)?;
                info.set("xof", a.xof)?;
                info.set("mac", a.mac.is_some())?;
                Ok(Some(info))
            },
        )?,
    )?;
    o.set(
        "hashNew",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, name: String| -> Result<Class<'js, HashState>> {
                let a = algorithm(&ctx, &name)?;
                hash_object(&ctx, (a.new)())
            },
        )?,
    )?;
    o.set(
        "hmacNew",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, name: String, key: Value<'js>| -> Result<Class<'js, HashState>> {
                let m = mac(&ctx, &name)?;
                let h = with_bytes(&ctx, &key, m.new)?
                    .ok_or_else(|| Exception::throw_range(&ctx, "Invalid key length"))?;
                hash_object(&ctx, h)
            },
        )?,
    )?;
    o.set(
        "hashUpdate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, HashState>, data: Value<'js>| -> Result<bool> {
                let mut h = h.try_borrow_mut()?;
                let Some(inner) = h.inner.as_mut() else {
                    return Ok(false);
                };
                with_bytes(&ctx, &data, |b| inner.update(b))?;
                Ok(true)
            },
        )?,
    )?;
    o.set(
        "hashDigest",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, HashState>,
             len: f64|
             -> Result<Option<ArrayBuffer<'js>>> {
                let len = length(&ctx, len, u32::MAX as u64, "output length")?;
                let Some(inner) = h.try_borrow_mut()?.inner.take() else {
                    return Ok(None);
                };
                // An extendable output this long needs its memory checked before it is made.
                drop(output(&ctx, len)?);
                Ok(Some(ArrayBuffer::new(ctx, inner.finish(len))?))
            },
        )?,
    )?;
    o.set(
        "hashCopy",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, HashState>| -> Result<Option<Class<'js, HashState>>> {
                let copy = h.try_borrow()?.inner.as_ref().map(|i| i.boxed_clone());
                copy.map(|c| hash_object(&ctx, c)).transpose()
            },
        )?,
    )?;

    // Web Crypto's digests, taken of a copy of the data, off the JS thread where there are threads.
    let st = state.clone();
    o.set(
        "digest",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  defer: bool,
                  name: String,
                  data: Value<'js>,
                  len: f64|
                  -> Result<Value<'js>> {
                let a = algorithm(&ctx, &name)?;
                let len = length(&ctx, len, u32::MAX as u64, "output length")?;
                drop(output(&ctx, len)?);
                let data = to_vec(&ctx, &data)?;
                let new = a.new;
                finish(
                    &ctx,
                    &st,
                    defer,
                    Box::new(move || {
                        let mut h = new();
                        h.update(&data);
                        h.finish(len)
                    }),
                )
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "cshake",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  defer: bool,
                  strength: u32,
                  data: Value<'js>,
                  names: Vec<Value<'js>>,
                  bits: f64|
                  -> Result<Value<'js>> {
                if strength != 128 && strength != 256 {
                    return Err(Exception::throw_range(
                        &ctx,
                        "cSHAKE is cSHAKE128 or cSHAKE256",
                    ));
                }
                let bits = length(&ctx, bits, u32::MAX as u64, "output length")?;
                let mut out = output(&ctx, bits.div_ceil(8))?;
                let [function_name, customization] = names.as_slice() else {
                    return Err(Exception::throw_type(
                        &ctx,
                        "expected [functionName, customization]",
                    ));
                };
                let function_name = to_vec(&ctx, function_name)?;
                let customization = to_vec(&ctx, customization)?;
                let data = to_vec(&ctx, &data)?;
                finish(
                    &ctx,
                    &st,
                    defer,
                    Box::new(move || {
                        cshake(strength, &data, &function_name, &customization, &mut out);
                        // A length that is not whole bytes keeps the high bits of the last byte.
                        if bits % 8 != 0
                            && let Some(last) = out.last_mut()
                        {
                            *last &= 0xff << (8 - bits % 8);
                        }
                        out
                    }),
                )
            },
        )?,
    )?;

    // ---- key derivation --------------------------------------------------------------------
    let st = state.clone();
    o.set(
        "pbkdf2",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  defer: bool,
                  password: Value<'js>,
                  salt: Value<'js>,
                  iterations: f64,
                  keylen: f64,
                  name: String|
                  -> Result<Value<'js>> {
                let derive = mac(&ctx, &name)?.pbkdf2;
                let rounds = length(&ctx, iterations, i32::MAX as u64, "iterations")?;
                let rounds = u32::try_from(rounds.max(1)).unwrap_or(1);
                let mut out = output(&ctx, length(&ctx, keylen, i32::MAX as u64, "keylen")?)?;
                let password = to_vec(&ctx, &password)?;
                let salt = to_vec(&ctx, &salt)?;
                finish(
                    &ctx,
                    &st,
                    defer,
                    Box::new(move || {
                        if !out.is_empty() {
                            derive(&password, &salt, rounds, &mut out);
                        }
                        out
                    }),
                )
            },
        )?,
    )?;
    o.set(
        "scryptCheck",
        Function::new(ctx.clone(), |n: f64, r: f64, p: f64, maxmem: f64| {
            let whole = |x: f64| (x.fract() == 0.0 && x >= 0.0).then_some(x as u64);
            match (whole(n), whole(r), whole(p), whole(maxmem)) {
                (Some(n), Some(r), Some(p), Some(m)) => scrypt_check(n, r, p, m),
                _ => 1,
            }
        })?,
    )?;
    let st = state.clone();
    o.set(
        "scrypt",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  defer: bool,
                  password: Value<'js>,
                  salt: Value<'js>,
                  numbers: Vec<f64>|
                  -> Result<Value<'js>> {
                let invalid = || Exception::throw_range(&ctx, "Invalid scrypt params");
                let &[n, r, p, keylen] = numbers.as_slice() else {
                    return Err(Exception::throw_type(&ctx, "expected [N, r, p, keylen]"));
                };
                let n = length(&ctx, n, u64::MAX, "N")? as u64;
                let r =
                    u32::try_from(length(&ctx, r, u32::MAX as u64, "r")?).map_err(|_| invalid())?;
                let p =
                    u32::try_from(length(&ctx, p, u32::MAX as u64, "p")?).map_err(|_| invalid())?;
                if !n.is_power_of_two() {
                    return Err(invalid());
                }
                let log_n = n.trailing_zeros() as u8;
                let params = scrypt::Params::new(log_n, r, p).map_err(|_| invalid())?;
                // The working memory, asked for up front so that a refusal is an error here
                // rather than an abort in the middle of the work.
                let need = (n as usize)
                    .checked_add(p as usize)
                    .and_then(|x| x.checked_mul(128 * r as usize))
                    .ok_or_else(invalid)?;
                drop(output(&ctx, need)?);
                let mut out = output(&ctx, length(&ctx, keylen, i32::MAX as u64, "keylen")?)?;
                let password = to_vec(&ctx, &password)?;
                let salt = to_vec(&ctx, &salt)?;
                finish(
                    &ctx,
                    &st,
                    defer,
                    Box::new(move || {
                        if !out.is_empty() {
                            let _ = scrypt::scrypt(&password, &salt, &params, &mut out);
                        }
                        out
                    }),
                )
            },
        )?,
    )?;
    let st = state.clone();
    o.set(
        "hkdf",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  defer: bool,
                  name: String,
                  ikm: Value<'js>,
                  salt: Value<'js>,
                  info: Value<'js>,
                  len: f64|
                  -> Result<Value<'js>> {
                let a = algorithm(&ctx, &name)?;
                let derive = mac(&ctx, &name)?.hkdf;
                let len = length(&ctx, len, 255 * a.size as u64, "length")?;
                let mut out = output(&ctx, len)?;
                let ikm = to_vec(&ctx, &ikm)?;
                let salt = to_vec(&ctx, &salt)?;
                let info = to_vec(&ctx, &info)?;
                finish(
                    &ctx,
                    &st,
                    defer,
                    Box::new(move || {
                        if !out.is_empty() {
                            derive(&ikm, &salt, &info, &mut out);
                        }
                        out
                    }),
                )
            },
        )?,
    )?;

    // argon2(defer, variant 'argon2d'|'argon2i'|'argon2id', { message, nonce, secret,
    // associatedData, parallelism, tagLength, memory (KiB), passes, version (0x13 unless 0x10) });
    // the JS half checked the ranges, and the crate checks them again. An empty result means the
    // crate refused them.
    let st = state.clone();
    o.set(
        "argon2",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  defer: bool,
                  variant: String,
                  params: Object<'js>|
                  -> Result<Value<'js>> {
                let message: Value = params.get("message")?;
                let nonce: Value = params.get("nonce")?;
                let secret: Value = params.get("secret")?;
                let ad: Value = params.get("associatedData")?;
                let failed = || Exception::throw_range(&ctx, "argon2: invalid parameters");
                let get = |name: &str| -> Result<u32> {
                    let v: f64 = params.get(name)?;
                    u32::try_from(length(&ctx, v, u32::MAX as u64, name)?).map_err(|_| failed())
                };
                let version: Option<f64> = params.get("version")?;
                let job = Argon2Job {
                    variant: match variant.as_str() {
                        "argon2d" => argon2::Algorithm::Argon2d,
                        "argon2i" => argon2::Algorithm::Argon2i,
                        _ => argon2::Algorithm::Argon2id,
                    },
                    version: if version == Some(16.0) {
                        argon2::Version::V0x10
                    } else {
                        argon2::Version::V0x13
                    },
                    parallelism: get("parallelism")?,
                    memory: get("memory")?,
                    passes: get("passes")?,
                };
                // The memory the work takes (1 KiB a block), asked for up front.
                drop(output(&ctx, (job.memory as usize).saturating_mul(1024))?);
                let mut out = output(&ctx, get("tagLength")? as usize)?;
                let message = to_vec(&ctx, &message)?;
                let nonce = to_vec(&ctx, &nonce)?;
                let secret = to_vec(&ctx, &secret)?;
                let ad = to_vec(&ctx, &ad)?;
                finish(
                    &ctx,
                    &st,
                    defer,
                    Box::new(move || {
                        match argon2_derive(&job, &message, &nonce, &secret, &ad, &mut out) {
                            Some(()) => out,
                            None => Vec::new(),
                        }
                    }),
                )
            },
        )?,
    )?;

    o.set(
        "timingSafeEqual",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>| -> Result<bool> {
                with_bytes(&ctx, &a, |a| {
                    with_bytes(&ctx, &b, |b| {
                        // Every byte is looked at, whatever differs first.
                        a.len() == b.len()
                            && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
                    })
                })?
            },
        )?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::scrypt_check;

    #[test]
    fn scrypt_limits() {
        let mib32 = 32 << 20;
        assert_eq!(scrypt_check(16384, 8, 1, mib32), 0);
        assert_eq!(scrypt_check(3, 8, 1, mib32), 1);
        assert_eq!(scrypt_check(16, 0, 1, mib32), 1);
        assert_eq!(scrypt_check(1 << 20, 8, 1, mib32), 2);
        assert_eq!(scrypt_check(1024, 8, 1, 1), 2);
        assert_eq!(scrypt_check(1 << 16, 1, 1, u64::MAX), 2);
        assert_eq!(scrypt_check(u64::MAX / 2 + 1, 8, 1, u64::MAX), 2);
    }
}
