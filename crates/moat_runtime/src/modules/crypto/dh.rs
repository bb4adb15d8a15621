//! Finite-field Diffie-Hellman (`createDiffieHellman`, the MODP groups), ECDH (`createECDH`) and
//! prime generation and testing (`generatePrime`, `checkPrime`).
//!
//! The objects' state (prime, generator, keys) lives in the JS half as bytes; these functions do
//! the arithmetic on big-endian byte strings. Exponentiation with a secret exponent runs in
//! Montgomery form with a fixed number of steps for the exponent's length; moduli are public.

use std::sync::OnceLock;

use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{BoxedUint, ConcatenatingMul, NonZero, Odd};
use crypto_primes::hazmat::MillerRabin;
use crypto_primes::{Flavor, is_prime};
use rquickjs::{ArrayBuffer, Ctx, Exception, Function, IntoJs, Object, Result, Value};

use super::keys::Curve;
use super::to_vec;
use crate::with_curve;

/// The MODP groups of RFC 2409 and RFC 3526 (generator 2), by the names Node gives them.
const MODP: &[(&str, &str)] = &[
    (
        "modp1",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a63a3620ffffffffffffffff",
        ),
    ),
    (
        "modp2",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed",
            "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff",
        ),
    ),
    (
        "modp5",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed",
            "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05",
            "98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb",
            "9ed529077096966d670c354e4abc9804f1746c08ca237327ffffffffffffffff",
        ),
    ),
    (
        "modp14",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed",
            "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05",
            "98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb",
            "9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b",
            "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718",
            "3995497cea956ae515d2261898fa051015728e5a8aacaa68ffffffffffffffff",
        ),
    ),
    (
        "modp15",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed",
            "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05",
            "98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb",
            "9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b",
            "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718",
            "3995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33",
            "a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7",
            "abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864",
            "d87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e2",
            "08e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff",
        ),
    ),
    (
        "modp16",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed",
            "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05",
            "98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb",
            "9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b",
            "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718",
            "3995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33",
            "a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7",
            "abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864",
            "d87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e2",
            "08e24fa074e5ab3143db5bfce0fd108e4b82d120a92108011a723c12a787e6d7",
            "88719a10bdba5b2699c327186af4e23c1a946834b6150bda2583e9ca2ad44ce8",
            "dbbbc2db04de8ef92e8efc141fbecaa6287c59474e6bc05d99b2964fa090c3a2",
            "233ba186515be7ed1f612970cee2d7afb81bdd762170481cd0069127d5b05aa9",
            "93b4ea988d8fddc186ffb7dc90a6c08f4df435c934063199ffffffffffffffff",
        ),
    ),
    (
        "modp17",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed",
            "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05",
            "98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb",
            "9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b",
            "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718",
            "3995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33",
            "a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7",
            "abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864",
            "d87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e2",
            "08e24fa074e5ab3143db5bfce0fd108e4b82d120a92108011a723c12a787e6d7",
            "88719a10bdba5b2699c327186af4e23c1a946834b6150bda2583e9ca2ad44ce8",
            "dbbbc2db04de8ef92e8efc141fbecaa6287c59474e6bc05d99b2964fa090c3a2",
            "233ba186515be7ed1f612970cee2d7afb81bdd762170481cd0069127d5b05aa9",
            "93b4ea988d8fddc186ffb7dc90a6c08f4df435c93402849236c3fab4d27c7026",
            "c1d4dcb2602646dec9751e763dba37bdf8ff9406ad9e530ee5db382f413001ae",
            "b06a53ed9027d831179727b0865a8918da3edbebcf9b14ed44ce6cbaced4bb1b",
            "db7f1447e6cc254b332051512bd7af426fb8f401378cd2bf5983ca01c64b92ec",
            "f032ea15d1721d03f482d7ce6e74fef6d55e702f46980c82b5a84031900b1c9e",
            "59e7c97fbec7e8f323a97a7e36cc88be0f1d45b7ff585ac54bd407b22b4154aa",
            "cc8f6d7ebf48e1d814cc5ed20f8037e0a79715eef29be32806a1d58bb7c5da76",
            "f550aa3d8a1fbff0eb19ccb1a313d55cda56c9ec2ef29632387fe8d76e3c0468",
            "043e8f663f4860ee12bf2d5b0b7474d6e694f91e6dcc4024ffffffffffffffff",
        ),
    ),
    (
        "modp18",
        concat!(
            "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74",
            "020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437",
            "4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed",
            "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05",
            "98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb",
            "9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b",
            "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718",
            "3995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33",
            "a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7",
            "abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864",
            "d87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e2",
            "08e24fa074e5ab3143db5bfce0fd108e4b82d120a92108011a723c12a787e6d7",
            "88719a10bdba5b2699c327186af4e23c1a946834b6150bda2583e9ca2ad44ce8",
            "dbbbc2db04de8ef92e8efc141fbecaa6287c59474e6bc05d99b2964fa090c3a2",
            "233ba186515be7ed1f612970cee2d7afb81bdd762170481cd0069127d5b05aa9",
            "93b4ea988d8fddc186ffb7dc90a6c08f4df435c93402849236c3fab4d27c7026",
            "c1d4dcb2602646dec9751e763dba37bdf8ff9406ad9e530ee5db382f413001ae",
            "b06a53ed9027d831179727b0865a8918da3edbebcf9b14ed44ce6cbaced4bb1b",
            "db7f1447e6cc254b332051512bd7af426fb8f401378cd2bf5983ca01c64b92ec",
            "f032ea15d1721d03f482d7ce6e74fef6d55e702f46980c82b5a84031900b1c9e",
            "59e7c97fbec7e8f323a97a7e36cc88be0f1d45b7ff585ac54bd407b22b4154aa",
            "cc8f6d7ebf48e1d814cc5ed20f8037e0a79715eef29be32806a1d58bb7c5da76",
            "f550aa3d8a1fbff0eb19ccb1a313d55cda56c9ec2ef29632387fe8d76e3c0468",
            "043e8f663f4860ee12bf2d5b0b7474d6e694f91e6dbe115974a3926f12fee5e4",
            "38777cb6a932df8cd8bec4d073b931ba3bc832b68d9dd300741fa7bf8afc47ed",
            "2576f6936ba424663aab639c5ae4f5683423b4742bf1c978238f16cbe39d652d",
            "e3fdb8befc848ad922222e04a4037c0713eb57a81a23f0c73473fc646cea306b",
            "4bcbc8862f8385ddfa9d4b7fa2c087e879683303ed5bdd3a062b3cf5b3a278a6",
            "6d2a13f83f44f82ddf310ee074ab6a364597e899a0255dc164f31cc50846851d",
            "f9ab48195ded7ea1b1d510bd7ee74d73faf36bc31ecfa268359046f4eb879f92",
            "4009438b481c6cd7889a002ed5ee382bc9190da6fc026e479558e4475677e9aa",
            "9e3050e2765694dfc81f56e880b96e7160c980dd98edd3dfffffffffffffffff",
        ),
    ),
];

/// Private-key lengths in bits OpenSSL uses for the MODP groups it knows by name (1536 bits and
/// up, generator 2), by the prime's length in bits.
const NAMED_KEY_BITS: &[(usize, u32)] = &[
    (1536, 200),
    (2048, 225),
    (3072, 275),
    (4096, 325),
    (6144, 375),
    (8192, 400),
];

/// OpenSSL's bounds on a DH modulus for key generation and agreement, in bits.
const DH_MIN_BITS: usize = 512;
const DH_MAX_BITS: usize = 10_000;

// DH_check's flags.
const P_NOT_PRIME: u32 = 0x01;
const P_NOT_SAFE_PRIME: u32 = 0x02;
const NOT_SUITABLE_GENERATOR: u32 = 0x08;
const MODULUS_TOO_SMALL: u32 = 0x80;
const MODULUS_TOO_LARGE: u32 = 0x100;
/// Beyond this many bits no checks are made at all.
const CHECK_MAX_BITS: usize = 32_768;

fn trim(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    &b[start..]
}

fn bit_len(b: &[u8]) -> usize {
    let b = trim(b);
    match b.first() {
        Some(&top) => (b.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
        None => 0,
    }
}

/// Whole limbs holding at least `bits` bits (at least one).
fn precision(bits: usize) -> u32 {
    let bits = bits.max(1).div_ceil(64) * 64;
    u32::try_from(bits).unwrap_or(u32::MAX - 63)
}

/// `bytes` as an unsigned integer with room for at least `min_bits` bits.
fn uint(bytes: &[u8], min_bits: usize) -> BoxedUint {
    let bytes = trim(bytes);
    BoxedUint::from_be_slice_truncated(bytes, precision((bytes.len() * 8).max(min_bits)))
}

fn bytes_of(n: &BoxedUint) -> Vec<u8> {
    n.to_be_bytes_trimmed_vartime().into_vec()
}

/// `v` left-padded with zeros to `len` bytes (kept as it is when longer).
fn pad(v: Vec<u8>, len: usize) -> Vec<u8> {
    if v.len() >= len {
        return v;
    }
    let mut out = vec![0; len - v.len()];
    out.extend_from_slice(&v);
    out
}

fn random(len: usize) -> Vec<u8> {
    let mut v = vec![0u8; len];
    // The OS's generator does not fail once the process runs; a failure leaves zeros, which
    // the callers' checks reject and retry.
    let _ = crate::sys::random::fill(&mut v);
    v
}

/// `base ^ exp mod m`, as trimmed bytes; `None` when `m` is zero.
fn mod_pow(base: &[u8], exp: &[u8], m: &[u8]) -> Option<Vec<u8>> {
    let m_bits = bit_len(m);
    let modulus = uint(m, m_bits);
    let nz = NonZero::new(modulus.clone()).into_option()?;
    let base = uint(base, m_bits).rem(&nz);
    let exp = uint(exp, 64);
    if let Some(odd) = Odd::new(modulus).into_option() {
        let params = BoxedMontyParams::new_vartime(odd);
        let r = BoxedMontyForm::new(base, &params).pow(&exp).retrieve();
        return Some(bytes_of(&r));
    }
    // An even modulus has no Montgomery form: square and multiply, reducing each product.
    let mut acc = BoxedUint::one_with_precision(precision(m_bits)).rem(&nz);
    for i in (0..exp.bit_width_vartime()).rev() {
        acc = acc.concatenating_mul(&acc).rem(&nz);
        if bool::from(exp.bit(i)) {
            acc = acc.concatenating_mul(&base).rem(&nz);
        }
    }
    Some(bytes_of(&acc))
}

// ---- primes ---------------------------------------------------------------------------------

/// The odd primes below 2^20, for sieving candidates.
fn small_primes() -> &'static [u32] {
    static PRIMES: OnceLock<Vec<u32>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        const LIMIT: usize = 1 << 20;
        let mut composite = vec![false; LIMIT];
        let mut out = Vec::new();
        for i in 2..LIMIT {
            if composite[i] {
                continue;
            }
            if i > 2 {
                out.push(i as u32);
            }
            let mut j = i * i;
            while j < LIMIT {
                composite[j] = true;
                j += i;
            }
        }
        out
    })
}

/// BPSW (Miller-Rabin to base 2 and a strong Lucas test), then `rounds` more Miller-Rabin
/// rounds to random bases.
fn probably_prime(n: &BoxedUint, rounds: u32) -> bool {
    if !is_prime(Flavor::Any, n) {
        return false;
    }
    if rounds == 0 || n.bit_width_vartime() < 8 {
        return true;
    }
    let Some(odd) = Odd::new(n.clone()).into_option() else {
        return true;
    };
    let mr = MillerRabin::new(odd);
    // Bases in [2, n - 2]: 2 plus a random number below n - 3.
    let Some(span) = NonZero::new(n.wrapping_sub(BoxedUint::from(3u32))).into_option() else {
        return true;
    };
    let len = (n.bits_precision() / 8) as usize;
    for _ in 0..rounds {
        let r = BoxedUint::from_be_slice_truncated(&random(len), n.bits_precision());
        let base = r.rem(&span).wrapping_add(BoxedUint::from(2u32));
        if mr.test(&base).is_composite() {
            return false;
        }
    }
    true
}

fn is_safe_prime(n: &BoxedUint) -> bool {
    // Most candidates fail a Miller-Rabin test to base 2 of (n - 1) / 2 or of n; the costlier
    // Lucas tests are left to those that pass both.
    let q = n.wrapping_shr_vartime(1);
    let passes_mr2 = |x: &BoxedUint| {
        Odd::new(x.clone())
            .into_option()
            .is_some_and(|odd| !MillerRabin::new(odd).test_base_two().is_composite())
    };
    if n.bit_width_vartime() > 64 && !(passes_mr2(&q) && passes_mr2(n)) {
        return false;
    }
    is_prime(Flavor::Any, &q) && is_prime(Flavor::Any, n)
}

/// Why a prime of the asked-for shape cannot be generated.
#[derive(Debug, PartialEq)]
pub enum PrimeError {
    BitsTooSmall,
    DivByZero,
    /// `add` longer than the prime, or `rem` not below it.
    Invalid,
}

/// A random prime of exactly `bits` bits; with `add`, one that is `rem` modulo `add` (`rem`
/// defaulting to 1, or 3 for a safe prime). Without `add` the two top bits are set, so that a
/// product of two such primes has twice their length. Like OpenSSL, it searches forever when
/// no such prime exists.
pub fn generate_prime(
    bits: usize,
    safe: bool,
    add: Option<&[u8]>,
    rem: Option<&[u8]>,
) -> std::result::Result<Vec<u8>, PrimeError> {
    if bits < 2 || (safe && add.is_none() && matches!(bits, 2 | 4 | 5)) {
        return Err(PrimeError::BitsTooSmall);
    }
    if let Some(a) = add
        && (bit_len(a) > bits
            || rem.is_some_and(|r| bit_len(r) > bits || uint(r, bits) >= uint(a, bits)))
    {
        return Err(PrimeError::Invalid);
    }
    let prec = precision(bits + 64);
    let add = match add {
        Some(a) => Some(
            NonZero::new(uint(a, 0))
                .into_option()
                .ok_or(PrimeError::DivByZero)?,
        ),
        None => None,
    };
    let rem = rem.map(|r| uint(r, 0));
    let byte_len = bits.div_ceil(8);
    let excess = byte_len * 8 - bits;
    loop {
        let mut r = random(byte_len);
        let set = |r: &mut [u8], k: usize| {
            let i = r.len() - 1 - k / 8;
            r[i] |= 1 << (k % 8);
        };
        r[0] &= 0xff >> excess;
        set(&mut r, bits - 1);
        if add.is_none() {
            set(&mut r, bits - 2);
            set(&mut r, 0);
            if safe {
                set(&mut r, 1);
            }
        }
        let mut n = BoxedUint::from_be_slice_truncated(&r, prec);
        let step = match &add {
            Some(a) => {
                let default = if safe { 3u32 } else { 1 };
                let want = rem.clone().unwrap_or_else(|| BoxedUint::from(default));
                n = n.wrapping_sub(n.rem(a)).wrapping_add(&want);
                a.as_ref().clone()
            }
            None => BoxedUint::from(if safe { 4u32 } else { 2 }),
        };
        if let Some(p) = search(n, &step, bits, safe) {
            return Ok(p);
        }
    }
}

/// Candidates sieved at a time.
const WINDOW: usize = 1 << 14;

/// `a⁻¹ mod p` for a prime `p` not dividing `a` (Fermat: `a^(p-2)`).
fn inverse_mod(a: u64, p: u64) -> u64 {
    let (mut base, mut e, mut acc) = (a % p, p - 2, 1u64);
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * base % p;
        }
        base = base * base % p;
        e >>= 1;
    }
    acc
}

/// `b mod p` for big-endian bytes `b`.
fn rem_small(b: &[u8], p: u64) -> u64 {
    b.iter().fold(0u64, |r, &x| (r * 256 + u64::from(x)) % p)
}

/// Steps through `n, n + step, …` while they have `bits` bits and returns the first (safe)
/// prime. Above 30 bits the candidates are sieved a window at a time: those divisible by a
/// small prime (or, for a safe prime, whose `(n - 1) / 2` is) are not tested.
fn search(n: BoxedUint, step: &BoxedUint, bits: usize, safe: bool) -> Option<Vec<u8>> {
    let test = |c: &BoxedUint| {
        if safe {
            is_safe_prime(c)
        } else {
            is_prime(Flavor::Any, c)
        }
    };
    if bits <= 30 {
        let mut n = n;
        loop {
            let nbits = n.bit_width_vartime() as usize;
            if nbits > bits {
                return None;
            }
            if nbits == bits && test(&n) {
                return Some(bytes_of(&n));
            }
            n = n.wrapping_add(step);
        }
    }
    let primes = small_primes();
    let nb = bytes_of(&n);
    let sb = bytes_of(step);
    let mut residues: Vec<u64> = primes
        .iter()
        .map(|&p| rem_small(&nb, u64::from(p)))
        .collect();
    let steps: Vec<u64> = primes
        .iter()
        .map(|&p| rem_small(&sb, u64::from(p)))
        .collect();
    let inverses: Vec<u64> = primes
        .iter()
        .zip(&steps)
        .map(|(&p, &s)| {
            if s == 0 {
                0
            } else {
                inverse_mod(s, u64::from(p))
            }
        })
        .collect();
    let mut dead = vec![false; WINDOW];
    let mut n = n;
    loop {
        dead.fill(false);
        for (i, &p) in primes.iter().enumerate() {
            let p = u64::from(p);
            let (r, s) = (residues[i], steps[i]);
            if s == 0 {
                // Every candidate has the same residue.
                if r == 0 || (safe && r == 1) {
                    dead.fill(true);
                }
                continue;
            }
            // n + k·step ≡ t (mod p) for k ≡ (t - r)·step⁻¹.
            let mut mark = |t: u64| {
                let mut k = ((t + p - r) % p * inverses[i] % p) as usize;
                while k < WINDOW {
                    dead[k] = true;
                    k += p as usize;
                }
            };
            mark(0);
            if safe {
                mark(1);
            }
        }
        let mut c = n.clone();
        for &is_dead in &dead {
            let cbits = c.bit_width_vartime() as usize;
            if cbits > bits {
                return None;
            }
            if !is_dead && cbits == bits && test(&c) {
                return Some(bytes_of(&c));
            }
            c = c.wrapping_add(step);
        }
        n = c;
        for (i, &p) in primes.iter().enumerate() {
            let p = u64::from(p);
            residues[i] = (residues[i] + (WINDOW as u64 % p) * steps[i]) % p;
        }
    }
}

/// Whether `candidate` is prime: BPSW and `checks` more Miller-Rabin rounds.
pub fn check_prime(candidate: &[u8], checks: u32) -> bool {
    let n = uint(candidate, 64);
    probably_prime(&n, checks)
}

// ---- finite-field Diffie-Hellman -------------------------------------------------------------

fn group_prime(name: &str) -> Option<Vec<u8>> {
    let (_, hex) = MODP.iter().find(|(n, _)| *n == name)?;
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The private-key length OpenSSL gives a MODP group it recognises by its prime and generator
/// 2; 0 for any other group.
fn named_key_bits(p: &[u8], g: &[u8]) -> u32 {
    let p = trim(p);
    if trim(g) != [2] {
        return 0;
    }
    let Some(&(_, key_bits)) = NAMED_KEY_BITS.iter().find(|(bits, _)| *bits == p.len() * 8) else {
        return 0;
    };
    let known = MODP
        .iter()
        .filter_map(|(name, _)| group_prime(name))
        .any(|q| q == p);
    if known { key_bits } else { 0 }
}

/// DH_check's verdict on the parameters: a set of flags, 0 when they are fine.
fn dh_check(p: &[u8], g: &[u8]) -> u32 {
    let p = trim(p);
    let g = trim(g);
    let bits = bit_len(p);
    if bits > CHECK_MAX_BITS {
        return MODULUS_TOO_LARGE | P_NOT_PRIME;
    }
    let mut flags = 0;
    if p.last().is_none_or(|b| b & 1 == 0) {
        flags |= P_NOT_PRIME;
    }
    // A generator is suitable in 1 < g < p - 1.
    let wide = bits.max(g.len() * 8).max(64);
    let low = g.is_empty() || g == [1];
    let high = p.is_empty() || uint(g, wide) >= uint(p, wide).wrapping_sub(BoxedUint::one());
    if low || high {
        flags |= NOT_SUITABLE_GENERATOR;
    }
    if bits < DH_MIN_BITS {
        flags |= MODULUS_TOO_SMALL;
    }
    if bits > DH_MAX_BITS {
        flags |= MODULUS_TOO_LARGE;
    }
    let pn = uint(p, 64);
    if !is_prime(Flavor::Any, &pn) {
        flags |= P_NOT_PRIME;
    } else if !is_prime(Flavor::Any, &pn.wrapping_shr_vartime(1)) {
        flags |= P_NOT_SAFE_PRIME;
    }
    flags
}

/// A random private key for modulus `p`: `key_bits` long for a named group, otherwise one bit
/// shorter than `p`; never zero.
fn dh_private(p: &[u8], key_bits: u32) -> Vec<u8> {
    let bits = if key_bits > 0 {
        key_bits as usize
    } else {
        bit_len(p).saturating_sub(1).max(1)
    };
    let len = bits.div_ceil(8);
    loop {
        let mut r = random(len);
        if let Some(top) = r.first_mut() {
            *top &= 0xff >> (len * 8 - bits);
        }
        if r.iter().any(|&b| b != 0) {
            return trim(&r).to_vec();
        }
    }
}

/// What computeSecret makes of a peer's key: Node's errors for a key outside 1 < y < p - 1
/// (or, for a named group, outside its prime-order subgroup), otherwise the shared secret.
enum Secret {
    TooSmall,
    TooLarge,
    Invalid,
    /// The secret padded to the prime's length, or empty when it cannot be computed.
    Bytes(Vec<u8>),
}

fn dh_secret(p: &[u8], priv_key: Option<&[u8]>, peer: &[u8], named: bool) -> Secret {
    let p = trim(p);
    let peer = trim(peer);
    let bits = bit_len(p).max(bit_len(peer)).max(64);
    let y = uint(peer, bits);
    if peer.is_empty() || peer == [1] {
        return Secret::TooSmall;
    }
    let p_minus_1 = uint(p, bits).wrapping_sub(BoxedUint::one());
    if p.is_empty() || y >= p_minus_1 {
        return Secret::TooLarge;
    }
    if named {
        // y^q = 1 (mod p) for q = (p - 1) / 2.
        let q = bytes_of(&uint(p, bits).wrapping_shr_vartime(1));
        if mod_pow(peer, &q, p).as_deref() != Some(&[1]) {
            return Secret::Invalid;
        }
    }
    let p_bits = bit_len(p);
    if !(DH_MIN_BITS..=DH_MAX_BITS).contains(&p_bits) {
        return Secret::Bytes(vec![0; p.len()]);
    }
    let Some(x) = priv_key.map(trim).filter(|x| !x.is_empty()) else {
        return Secret::Bytes(Vec::new());
    };
    match mod_pow(peer, x, p) {
        Some(z) if z != [1] && !z.is_empty() => Secret::Bytes(pad(z, p.len())),
        _ => Secret::Bytes(Vec::new()),
    }
}

/// The generator and residue a safe prime for generator `g` is made with, so that `g`
/// generates the subgroup of order (p - 1) / 2: as OpenSSL chooses them.
fn dh_prime_shape(g: u32) -> (u8, u8) {
    match g {
        2 => (24, 23),
        5 => (60, 59),
        _ => (12, 11),
    }
}

// ---- ECDH -----------------------------------------------------------------------------------

/// The point formats of SEC 1, with OpenSSL's hybrid form.
#[derive(Clone, Copy)]
enum Form {
    Uncompressed,
    Compressed,
    Hybrid,
}

fn form(code: u32) -> Form {
    match code {
        1 => Form::Compressed,
        2 => Form::Hybrid,
        _ => Form::Uncompressed,
    }
}

/// A private scalar (leading zeros allowed) padded to the curve's size; `None` when longer.
fn scalar_bytes(curve: Curve, d: &[u8]) -> Option<Vec<u8>> {
    let d = trim(d);
    (d.len() <= curve.size()).then(|| pad(d.to_vec(), curve.size()))
}

fn ec_public_of(curve: Curve, d: &[u8]) -> Option<Vec<u8>> {
    use elliptic_curve::sec1::ToSec1Point;
    let d = scalar_bytes(curve, d)?;
    with_curve!(curve, C => {
        let sk = elliptic_curve::SecretKey::<C>::from_slice(&d).ok()?;
        Some(sk.public_key().to_sec1_point(false).as_bytes().to_vec())
    })
}

/// A point in any of the three forms, as uncompressed bytes; `None` when it is not a point of
/// the curve (or is the point at infinity).
fn ec_decode(curve: Curve, point: &[u8]) -> Option<Vec<u8>> {
    use elliptic_curve::sec1::ToSec1Point;
    let mut bytes = point.to_vec();
    if let Some(&prefix @ (6 | 7)) = point.first() {
        // Hybrid: an uncompressed point whose prefix also carries y's parity.
        if point.len() != 1 + 2 * curve.size() || point.last().map(|y| y & 1) != Some(prefix & 1) {
            return None;
        }
        bytes[0] = 4;
    }
    with_curve!(curve, C => {
        let pk = elliptic_curve::PublicKey::<C>::from_sec1_bytes(&bytes).ok()?;
        Some(pk.to_sec1_point(false).as_bytes().to_vec())
    })
}

fn ec_encode(curve: Curve, point: &[u8], form: Form) -> Option<Vec<u8>> {
    use elliptic_curve::sec1::ToSec1Point;
    let uncompressed = ec_decode(curve, point)?;
    match form {
        Form::Uncompressed => Some(uncompressed),
        Form::Hybrid => {
            let mut out = uncompressed;
            let odd = out.last().is_some_and(|y| y & 1 == 1);
            out[0] = if odd { 7 } else { 6 };
            Some(out)
        }
        Form::Compressed => with_curve!(curve, C => {
            let pk = elliptic_curve::PublicKey::<C>::from_sec1_bytes(&uncompressed).ok()?;
            Some(pk.to_sec1_point(true).as_bytes().to_vec())
        }),
    }
}

/// A fresh key pair: the private scalar (leading zeros dropped) and the uncompressed point.
fn ec_generate(curve: Curve) -> (Vec<u8>, Vec<u8>) {
    loop {
        let mut d = random(curve.size());
        if curve == Curve::P521 {
            // 521 bits: the top byte holds one bit.
            d[0] &= 1;
        }
        if let Some(q) = ec_public_of(curve, &d) {
            return (trim(&d).to_vec(), q);
        }
    }
}

/// The x coordinate of `d · peer`; `None` when `peer` is not a point of the curve.
fn ec_secret(curve: Curve, d: &[u8], peer: &[u8]) -> Option<Vec<u8>> {
    let d = scalar_bytes(curve, d)?;
    let peer = ec_decode(curve, peer)?;
    with_curve!(curve, C => {
        let sk = elliptic_curve::SecretKey::<C>::from_slice(&d).ok()?;
        let pk = elliptic_curve::PublicKey::<C>::from_sec1_bytes(&peer).ok()?;
        Some(sk.diffie_hellman(&pk).raw_secret_bytes().to_vec())
    })
}

// ---- the binding ----------------------------------------------------------------------------

fn buffer<'js>(ctx: &Ctx<'js>, bytes: Vec<u8>) -> Result<Value<'js>> {
    Ok(ArrayBuffer::new(ctx.clone(), bytes)?.into_value())
}

fn curve_of(ctx: &Ctx<'_>, name: &str) -> Result<Curve> {
    Curve::from_name(name).ok_or_else(|| Exception::throw_type(ctx, "Invalid EC curve name"))
}

/// A size in bits from JS: a whole number in `1..=i32::MAX`.
fn bit_count(ctx: &Ctx<'_>, v: f64) -> Result<usize> {
    super::length(ctx, v, i32::MAX as u64, "bit length")
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // ---- finite-field Diffie-Hellman ----
    o.set(
        "dhGroupPrime",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, name: String| -> Result<Value<'js>> {
                match group_prime(&name) {
                    Some(p) => buffer(&ctx, p),
                    None => Ok(Value::new_undefined(ctx)),
                }
            },
        )?,
    )?;
    o.set(
        "dhNamedKeyBits",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, p: Value<'js>, g: Value<'js>| -> Result<u32> {
                Ok(named_key_bits(&to_vec(&ctx, &p)?, &to_vec(&ctx, &g)?))
            },
        )?,
    )?;
    o.set(
        "dhCheck",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, p: Value<'js>, g: Value<'js>| -> Result<u32> {
                Ok(dh_check(&to_vec(&ctx, &p)?, &to_vec(&ctx, &g)?))
            },
        )?,
    )?;
    o.set(
        "dhGeneratePrime",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, bits: f64, g: u32| -> Result<Value<'js>> {
                let bits = bit_count(&ctx, bits)?;
                let (add, rem) = dh_prime_shape(g);
                match generate_prime(bits, true, Some(&[add]), Some(&[rem])) {
                    Ok(p) => buffer(&ctx, p),
                    Err(_) => Err(Exception::throw_range(&ctx, "bits too small")),
                }
            },
        )?,
    )?;
    o.set(
        "dhPrivate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, p: Value<'js>, key_bits: u32| -> Result<Value<'js>> {
                let p = to_vec(&ctx, &p)?;
                buffer(&ctx, dh_private(&p, key_bits))
            },
        )?,
    )?;
    o.set(
        "dhPublic",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, p: Value<'js>, g: Value<'js>, x: Value<'js>| -> Result<Value<'js>> {
                let p = to_vec(&ctx, &p)?;
                let g = to_vec(&ctx, &g)?;
                let x = to_vec(&ctx, &x)?;
                match mod_pow(&g, &x, &p) {
                    Some(y) => buffer(&ctx, y),
                    None => Ok(Value::new_null(ctx)),
                }
            },
        )?,
    )?;
    o.set(
        "dhSecret",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             p: Value<'js>,
             x: Value<'js>,
             peer: Value<'js>,
             named: bool|
             -> Result<Value<'js>> {
                let p = to_vec(&ctx, &p)?;
                let x = if x.is_null() || x.is_undefined() {
                    None
                } else {
                    Some(to_vec(&ctx, &x)?)
                };
                let peer = to_vec(&ctx, &peer)?;
                match dh_secret(&p, x.as_deref(), &peer, named) {
                    Secret::TooSmall => 1.into_js(&ctx),
                    Secret::TooLarge => 2.into_js(&ctx),
                    Secret::Invalid => 3.into_js(&ctx),
                    Secret::Bytes(z) => buffer(&ctx, z),
                }
            },
        )?,
    )?;

    // ---- ECDH ----
    o.set(
        "ecdhGenerate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, curve: String| -> Result<Vec<Value<'js>>> {
                let (d, q) = ec_generate(curve_of(&ctx, &curve)?);
                Ok(vec![buffer(&ctx, d)?, buffer(&ctx, q)?])
            },
        )?,
    )?;
    o.set(
        "ecdhPublicOf",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, curve: String, d: Value<'js>| -> Result<Value<'js>> {
                let curve = curve_of(&ctx, &curve)?;
                match ec_public_of(curve, &to_vec(&ctx, &d)?) {
                    Some(q) => buffer(&ctx, q),
                    None => Ok(Value::new_null(ctx)),
                }
            },
        )?,
    )?;
    o.set(
        "ecdhConvert",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, curve: String, point: Value<'js>, f: u32| -> Result<Value<'js>> {
                let curve = curve_of(&ctx, &curve)?;
                match ec_encode(curve, &to_vec(&ctx, &point)?, form(f)) {
                    Some(q) => buffer(&ctx, q),
                    None => Ok(Value::new_null(ctx)),
                }
            },
        )?,
    )?;
    o.set(
        "ecdhSecret",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, curve: String, d: Value<'js>, peer: Value<'js>| -> Result<Value<'js>> {
                let curve = curve_of(&ctx, &curve)?;
                match ec_secret(curve, &to_vec(&ctx, &d)?, &to_vec(&ctx, &peer)?) {
                    Some(z) => buffer(&ctx, z),
                    None => Ok(Value::new_null(ctx)),
                }
            },
        )?,
    )?;

    // ---- primes ----
    o.set(
        "primeGenerate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             bits: f64,
             safe: bool,
             add: Value<'js>,
             rem: Value<'js>|
             -> Result<Value<'js>> {
                let bits = bit_count(&ctx, bits)?;
                let opt = |v: &Value<'js>| -> Result<Option<Vec<u8>>> {
                    if v.is_null() || v.is_undefined() {
                        Ok(None)
                    } else {
                        to_vec(&ctx, v).map(Some)
                    }
                };
                let add = opt(&add)?;
                let rem = opt(&rem)?;
                match generate_prime(bits, safe, add.as_deref(), rem.as_deref()) {
                    Ok(p) => buffer(&ctx, p),
                    Err(PrimeError::BitsTooSmall) => 1.into_js(&ctx),
                    Err(PrimeError::DivByZero) => 2.into_js(&ctx),
                    Err(PrimeError::Invalid) => 3.into_js(&ctx),
                }
            },
        )?,
    )?;
    o.set(
        "primeCheck",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, candidate: Value<'js>, checks: f64| -> Result<bool> {
                let checks = super::length(&ctx, checks, i32::MAX as u64, "checks")?;
                let checks = u32::try_from(checks).unwrap_or(u32::MAX);
                Ok(check_prime(&to_vec(&ctx, &candidate)?, checks))
            },
        )?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_generated_primes() {
        assert_eq!(generate_prime(3, false, None, None), Ok(vec![7]));
        assert_eq!(generate_prime(2, false, None, None), Ok(vec![3]));
        assert_eq!(generate_prime(3, true, None, None), Ok(vec![7]));
        assert_eq!(generate_prime(6, true, None, None), Ok(vec![59]));
        assert_eq!(
            generate_prime(4, true, None, None),
            Err(PrimeError::BitsTooSmall)
        );
        assert_eq!(
            generate_prime(4, false, Some(&[15]), Some(&[13])),
            Ok(vec![13])
        );
        assert_eq!(
            generate_prime(16, false, Some(&[0]), None),
            Err(PrimeError::DivByZero)
        );
    }

    #[test]
    fn generated_primes_have_their_shape() {
        let p = generate_prime(64, true, Some(&[24]), Some(&[23])).unwrap();
        let n = u64::from_be_bytes(p.try_into().unwrap());
        assert_eq!(n >> 63, 1);
        assert_eq!(n % 24, 23);
        assert!(check_prime(&n.to_be_bytes(), 2));
        assert!(check_prime(&((n - 1) / 2).to_be_bytes(), 0));
    }

    #[test]
    fn primality() {
        assert!(!check_prime(&[], 0));
        assert!(!check_prime(&[1], 0));
        assert!(check_prime(&[2], 0));
        assert!(check_prime(&[0, 0, 3], 5));
        assert!(!check_prime(&[4], 0));
        assert!(!check_prime(&[0xab, 0xcd, 0xef], 0));
    }

    #[test]
    fn dh_checks() {
        assert_eq!(dh_check(&[2], &[2]), 139);
        assert_eq!(dh_check(&[0xab, 0xcd, 0xef], &[2]), 129);
        assert_eq!(dh_check(&[], &[2]), 137);
        assert_eq!(dh_check(&[3], &[2]), 138);
        assert_eq!(dh_check(&[11], &[2]), 128);
        let p14 = group_prime("modp14").unwrap();
        assert_eq!(dh_check(&p14, &[2]), 0);
        assert_eq!(named_key_bits(&p14, &[2]), 225);
        assert_eq!(named_key_bits(&p14, &[5]), 0);
        assert_eq!(named_key_bits(&group_prime("modp2").unwrap(), &[2]), 0);
    }

    #[test]
    fn modular_powers() {
        assert_eq!(mod_pow(&[2], &[5], &[0xab, 0xcd, 0xef]), Some(vec![32]));
        assert_eq!(mod_pow(&[3], &[4], &[10]), Some(vec![1]));
        assert_eq!(mod_pow(&[3], &[], &[7]), Some(vec![1]));
        assert_eq!(mod_pow(&[3], &[2], &[]), None);
    }
}
