//! `memcpy`, `memmove` and `memset` for the static musl build on x86-64 (`scripts/native.sh`).
//!
//! musl's x86-64 versions align byte by byte and then move 8 bytes at a time with `rep movsq`,
//! whose start-up costs about as much as a short copy itself. The interpreter and wasmtime's
//! bulk-memory calls make millions of short copies: with musl's, the compute mix of `bench/`
//! ran 18% slower natively and 29% slower under `--safe` than with glibc's. `build.rs` links
//! every call to the three through these (`ld --wrap`), from Rust, C and libc alike.
//!
//! Up to 64 bytes, a copy loads everything into registers before it stores anything (so it is
//! also a correct move); longer ones use `rep movsb`/`rep stosb`, which CPUs with enhanced
//! fast strings (every x86-64 CPU since 2013) run at full width. No loop here may be one the
//! compiler would turn back into a call to these functions.

use core::arch::asm;
use core::ptr::{read_unaligned as load, write_unaligned as store};

/// Copies `n` bytes, at most 64, from `src` to `dst`; the ranges may overlap.
///
/// # Safety
/// `src` is readable and `dst` writable for `n` bytes.
#[inline(always)]
unsafe fn move_short(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: every access lies within the first and last `n` bytes of the two ranges, and
    // all loads happen before the first store.
    unsafe {
        match n {
            0 => {}
            1..=3 => {
                let (a, b, c) = (*src, *src.add(n / 2), *src.add(n - 1));
                *dst = a;
                *dst.add(n / 2) = b;
                *dst.add(n - 1) = c;
            }
            4..=7 => {
                let a = load(src.cast::<u32>());
                let b = load(src.add(n - 4).cast::<u32>());
                store(dst.cast::<u32>(), a);
                store(dst.add(n - 4).cast::<u32>(), b);
            }
            8..=15 => {
                let a = load(src.cast::<u64>());
                let b = load(src.add(n - 8).cast::<u64>());
                store(dst.cast::<u64>(), a);
                store(dst.add(n - 8).cast::<u64>(), b);
            }
            16..=31 => {
                let a = load(src.cast::<u128>());
                let b = load(src.add(n - 16).cast::<u128>());
                store(dst.cast::<u128>(), a);
                store(dst.add(n - 16).cast::<u128>(), b);
            }
            _ => {
                let a = load(src.cast::<u128>());
                let b = load(src.add(16).cast::<u128>());
                let c = load(src.add(n - 32).cast::<u128>());
                let d = load(src.add(n - 16).cast::<u128>());
                store(dst.cast::<u128>(), a);
                store(dst.add(16).cast::<u128>(), b);
                store(dst.add(n - 32).cast::<u128>(), c);
                store(dst.add(n - 16).cast::<u128>(), d);
            }
        }
    }
}

/// Copies `n` bytes upwards from `src` to `dst` with `rep movsb`: correct when the ranges do
/// not overlap or `dst` lies below `src`.
///
/// # Safety
/// As [`move_short`].
#[inline(always)]
unsafe fn copy_up(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: the caller's ranges; the direction flag is clear on entry to any function.
    unsafe {
        asm!(
            "rep movsb",
            inout("rcx") n => _,
            inout("rdi") dst => _,
            inout("rsi") src => _,
            options(nostack, preserves_flags)
        );
    }
}

#[unsafe(no_mangle)]
unsafe extern "C" fn __wrap_memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: the C contract of memcpy.
    unsafe {
        if n <= 64 {
            move_short(dst, src, n);
        } else {
            copy_up(dst, src, n);
        }
    }
    dst
}

#[unsafe(no_mangle)]
unsafe extern "C" fn __wrap_memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: the C contract of memmove.
    unsafe {
        if n <= 64 {
            move_short(dst, src, n);
        } else if (dst as usize).wrapping_sub(src as usize) >= n {
            // `dst` is below `src` or past its end: copying upwards reads each byte before
            // it is overwritten.
            copy_up(dst, src, n);
        } else {
            // `dst` overlaps the end of `src`: copy downwards, 16 bytes at a time from the
            // end, then the first (up to 64) bytes, which were loaded before any store below
            // them.
            let head = n % 16 + 48;
            let first = [
                load(src.cast::<u128>()),
                load(src.add(16).cast::<u128>()),
                load(src.add(32).cast::<u128>()),
                load(src.add(48).cast::<u128>()),
            ];
            let mut at = n;
            while at > head {
                at -= 16;
                let v = core::ptr::read_volatile(src.add(at).cast::<[u8; 16]>());
                store(dst.add(at).cast::<[u8; 16]>(), v);
            }
            // The bytes below `head` (fewer than 64) come from `first`, loaded before anything
            // was stored.
            let first: [u8; 64] = core::mem::transmute(first);
            move_short(dst, first.as_ptr(), head);
        }
    }
    dst
}

#[unsafe(no_mangle)]
unsafe extern "C" fn __wrap_memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    let byte = c as u8;
    // SAFETY: the C contract of memset; as in `move_short`, every store lies within the first
    // and last `n` bytes.
    unsafe {
        match n {
            0 => {}
            1..=3 => {
                *dst = byte;
                *dst.add(n / 2) = byte;
                *dst.add(n - 1) = byte;
            }
            4..=7 => {
                let v = u32::from_ne_bytes([byte; 4]);
                store(dst.cast::<u32>(), v);
                store(dst.add(n - 4).cast::<u32>(), v);
            }
            8..=15 => {
                let v = u64::from_ne_bytes([byte; 8]);
                store(dst.cast::<u64>(), v);
                store(dst.add(n - 8).cast::<u64>(), v);
            }
            16..=31 => {
                let v = u128::from_ne_bytes([byte; 16]);
                store(dst.cast::<u128>(), v);
                store(dst.add(n - 16).cast::<u128>(), v);
            }
            32..=64 => {
                let v = u128::from_ne_bytes([byte; 16]);
                store(dst.cast::<u128>(), v);
                store(dst.add(16).cast::<u128>(), v);
                store(dst.add(n - 32).cast::<u128>(), v);
                store(dst.add(n - 16).cast::<u128>(), v);
            }
            _ => asm!(
                "rep stosb",
                inout("rcx") n => _,
                inout("rdi") dst => _,
                in("al") byte,
                options(nostack, preserves_flags)
            ),
        }
    }
    dst
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 7 + 3) as u8).collect()
    }

    #[test]
    fn copies_and_moves_every_short_length_and_overlap() {
        for n in 0..300 {
            let src = pattern(n);
            let mut dst = vec![0xAA; n + 2];
            unsafe { __wrap_memcpy(dst.as_mut_ptr().add(1), src.as_ptr(), n) };
            assert_eq!(&dst[1..=n], &src[..], "memcpy of {n}");
            assert_eq!(
                (dst[0], dst[n + 1]),
                (0xAA, 0xAA),
                "memcpy of {n} stayed inside"
            );
            for shift in 0..40 {
                for up in [false, true] {
                    let mut buf = pattern(n + shift);
                    let mut want = buf.clone();
                    let (from, to) = if up { (0, shift) } else { (shift, 0) };
                    want.copy_within(from..from + n, to);
                    unsafe {
                        let p = buf.as_mut_ptr();
                        __wrap_memmove(p.add(to), p.add(from), n);
                    }
                    assert_eq!(buf, want, "memmove of {n} from {from} to {to}");
                }
            }
        }
    }

    #[test]
    fn sets_every_length() {
        for n in 0..300 {
            let mut buf = vec![0u8; n + 2];
            unsafe { __wrap_memset(buf.as_mut_ptr().add(1), 0x15C, n) };
            assert!(buf[1..=n].iter().all(|&b| b == 0x5C), "memset of {n}");
            assert_eq!((buf[0], buf[n + 1]), (0, 0), "memset of {n} stayed inside");
        }
    }
}
