//! The interpreter's stack limit on the host: QuickJS measures it from the thread's stack.

use rquickjs::{Ctx, qjs};

/// Lets the interpreter use `max` bytes of stack before it throws a `RangeError`.
pub fn set_limit(ctx: &Ctx<'_>, max: usize, _gc_threshold: usize) {
    // SAFETY: the runtime pointer comes from a live context.
    unsafe { qjs::JS_SetMaxStackSize(qjs::JS_GetRuntime(ctx.as_raw().as_ptr()), max as _) };
}
