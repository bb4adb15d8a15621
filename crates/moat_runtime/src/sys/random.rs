//! Randomness: the OS's generator (in the sandbox, the host's `random_get`) and `Math.random`'s.

use std::cell::Cell;

/// Fills `buf` from the OS's cryptographic generator.
///
/// # Errors
/// The OS error.
pub fn fill(buf: &mut [u8]) -> std::io::Result<()> {
    getrandom::fill(buf).map_err(std::io::Error::other)
}

thread_local! {
    /// xorshift128+ state of `Math.random`, never all zero once seeded.
    static STATE: Cell<[u64; 2]> = const { Cell::new([0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9]) };
    /// Whether `STATE` was seeded from the OS since the last [`reseed`].
    static SEEDED: Cell<bool> = const { Cell::new(false) };
    /// How many times [`reseed`] was called: random bytes kept from before the last call
    /// (entropy caches) must not be handed out after it.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Has `Math.random`'s generator take a new seed from the OS before its next number, and
/// starts a new [`generation`]. A run calls this at its start, so an engine booted earlier (the
/// sandbox's snapshot) shares no sequence with any other run; a run that never calls
/// `Math.random` never asks the OS.
pub fn reseed() {
    SEEDED.with(|s| s.set(false));
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
}

/// Changes at each [`reseed`]: random bytes drawn in an earlier generation may be in other
/// copies of this memory (a snapshot's), so caches of them are refilled.
pub fn generation() -> u32 {
    GENERATION.with(Cell::get)
}

fn seed() {
    SEEDED.with(|s| s.set(true));
    let mut b = [0u8; 16];
    if fill(&mut b).is_ok() {
        let lo = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(b[8..].try_into().expect("8 bytes"));
        if lo | hi != 0 {
            STATE.with(|s| s.set([lo, hi]));
        }
    }
}

/// The next `Math.random()`: xorshift128+ (V8's generator too), 53 bits in [0, 1).
pub fn math_random() -> f64 {
    if !SEEDED.with(Cell::get) {
        seed();
    }
    STATE.with(|s| {
        let [mut s1, s0] = s.get();
        s1 ^= s1 << 23;
        s1 ^= s1 >> 17;
        s1 ^= s0;
        s1 ^= s0 >> 26;
        s.set([s0, s1]);
        (s0.wrapping_add(s1) >> 11) as f64 / (1u64 << 53) as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn math_random_is_in_range_and_varies() {
        reseed();
        let v: Vec<f64> = (0..1000).map(|_| math_random()).collect();
        assert!(v.iter().all(|x| (0.0..1.0).contains(x)));
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        assert!((0.4..0.6).contains(&mean), "mean {mean}");
        assert!(v.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn each_reseed_starts_a_generation() {
        let before = generation();
        reseed();
        assert_ne!(generation(), before);
    }
}
