//! Byte work for `Buffer` done on the typed arrays' memory: comparing, searching, filling and
//! byte-swapping. The JS half checks the arguments; every index is clamped here as well.

use rquickjs::{Ctx, Function, Object, Result, TypedArray};

use super::encoding::{clamp, u8_bytes, u8_bytes_mut};

/// Where `needle` first occurs in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut i = from;
    while i <= last_start {
        let p = hay[i..=last_start].iter().position(|&b| b == first)?;
        i += p;
        if &hay[i + 1..i + needle.len()] == rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Where `needle` last occurs in `hay` starting at or before `from`.
fn rfind(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut end = from.min(last_start) + 1;
    while end > 0 {
        let i = hay[..end].iter().rposition(|&b| b == first)?;
        if &hay[i + 1..i + needle.len()] == rest {
            return Some(i);
        }
        end = i;
    }
    None
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "compare",
        Function::new(
            ctx.clone(),
            |a: TypedArray<'js, u8>, b: TypedArray<'js, u8>| -> i32 {
                // SAFETY: no JS runs while the slices are alive.
                let (a, b) = unsafe { (u8_bytes(&a), u8_bytes(&b)) };
                a.cmp(b) as i32
            },
        )?,
    )?;
    // The index of `needle` in `hay` searching forward from `from` (or backward), or -1.
    // `step` 2 accepts only even offsets (a UTF-16 search).
    o.set(
        "indexOf",
        Function::new(
            ctx.clone(),
            |hay: TypedArray<'js, u8>,
             needle: TypedArray<'js, u8>,
             from: f64,
             forward: bool,
             step: u32|
             -> f64 {
                // SAFETY: no JS runs while the slices are alive.
                let (h, n) = unsafe { (u8_bytes(&hay), u8_bytes(&needle)) };
                let mut from = clamp(from, h.len());
                loop {
                    let found = if forward {
                        find(h, n, from)
                    } else {
                        rfind(h, n, from)
                    };
                    match found {
                        Some(i) if step == 2 && i % 2 == 1 => {
                            if forward {
                                from = i + 1;
                            } else if i == 0 {
                                return -1.0;
                            } else {
                                from = i - 1;
                            }
                        }
                        Some(i) => return i as f64,
                        None => return -1.0,
                    }
                }
            },
        )?,
    )?;
    // Fills `target[start..end]` with `pattern` repeated.
    o.set(
        "fill",
        Function::new(
            ctx.clone(),
            |target: TypedArray<'js, u8>, pattern: TypedArray<'js, u8>, start: f64, end: f64| {
                // Copy the pattern first: it may share memory with the target.
                // SAFETY: no JS runs while the slices are alive.
                let pat = unsafe { u8_bytes(&pattern) }.to_vec();
                let dst = unsafe { u8_bytes_mut(&target) };
                let end = clamp(end, dst.len());
                let start = clamp(start, end);
                let dst = &mut dst[start..end];
                if pat.is_empty() || dst.is_empty() {
                    return;
                }
                if pat.len() == 1 {
                    dst.fill(pat[0]);
                    return;
                }
                let first = pat.len().min(dst.len());
                dst[..first].copy_from_slice(&pat[..first]);
                let mut filled = first;
                while filled < dst.len() {
                    let n = filled.min(dst.len() - filled);
                    dst.copy_within(..n, filled);
                    filled += n;
                }
            },
        )?,
    )?;
    // Reverses the byte order of each `size`-byte group (2, 4 or 8).
    o.set(
        "swap",
        Function::new(ctx.clone(), |target: TypedArray<'js, u8>, size: u32| {
            // SAFETY: no JS runs while the slice is alive.
            let b = unsafe { u8_bytes_mut(&target) };
            if let 2 | 4 | 8 = size {
                for g in b.chunks_exact_mut(size as usize) {
                    g.reverse();
                }
            }
        })?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search() {
        assert_eq!(find(b"abcabc", b"bc", 0), Some(1));
        assert_eq!(find(b"abcabc", b"bc", 2), Some(4));
        assert_eq!(find(b"abc", b"abcd", 0), None);
        assert_eq!(rfind(b"abcabc", b"bc", 6), Some(4));
        assert_eq!(rfind(b"abcabc", b"bc", 3), Some(1));
        assert_eq!(rfind(b"abcabc", b"ab", 0), Some(0));
    }
}
