//! The interpreter's stack limit in the wasm guest. QuickJS-ng turns its stack check off on WASI
//! (`update_stack_limit` always stores 0), so runaway recursion would run the shadow stack out
//! and trap, taking the run down without a JS error. This sets the limit QuickJS would have set.
//! In the pinned QuickJS-ng's `JSRuntime`, `malloc_gc_threshold` is followed (after one list head
//! in rquickjs's build) by `stack_size`, `stack_top` and `stack_limit`: `JS_SetGCThreshold` and
//! `JS_SetMaxStackSize` still store the threshold and the size, and the runtime keeps the stack
//! top it saw at creation. The limit word is written only where that exact pattern is found:
//! the threshold at most three words before [size, top > size, 0] (before any collection has
//! moved the threshold).

use rquickjs::{Ctx, qjs};

/// How far into `JSRuntime` the pattern may lie, in words: `stack_size` is word 159 of the
/// struct's 200-odd on wasm32, and the search stops at the first match.
const SEARCH_WORDS: usize = 192;

/// Lets the interpreter use `max` bytes of the shadow stack before it throws a `RangeError`.
/// `gc_threshold` is the runtime's current collection threshold; both should be unusual numbers
/// (they identify the fields) and `max` below the shadow stack's size.
pub fn set_limit(ctx: &Ctx<'_>, max: usize, gc_threshold: usize) {
    // SAFETY: the runtime pointer comes from a live context; the words read lie inside the
    // runtime's own allocation (`SEARCH_WORDS` + 3 is within the struct), and the one written
    // is the limit word identified by its neighbours.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_SetMaxStackSize(rt, max as _);
        let words = rt.cast::<usize>();
        for i in 3..SEARCH_WORDS {
            let w = |k: usize| *words.add(i + k);
            let threshold_before = (1..=3).any(|k| *words.add(i - k) == gc_threshold);
            if w(0) == max && w(1) > max && w(2) == 0 && threshold_before {
                *words.add(i + 2) = w(1) - max;
                return;
            }
        }
    }
}
