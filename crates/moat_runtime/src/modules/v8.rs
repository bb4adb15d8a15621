//! `node:v8`'s Rust half: the engine's memory figures (QuickJS's `JS_ComputeMemoryUsage`), and
//! the event loop's idle time where the platform measures it.

use std::cell::Cell;

use rquickjs::{Ctx, Function, Object, Result, qjs};

use crate::sys;

thread_local! {
    /// The most memory the engine held at any reading so far.
    static PEAK: Cell<i64> = const { Cell::new(0) };
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // The engine's figures, by QuickJS's names, plus `limit`: the most the heap may grow to
    // (the engine's own limit, else the OS's limit on the process, the machine's memory, or a
    // wasm32 address space) and `peak`.
    o.set(
        "memoryUsage",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Object<'js>> {
            let u = usage(&ctx);
            let out = Object::new(ctx.clone())?;
            let figures = [
                ("mallocSize", u.malloc_size),
                ("mallocCount", u.malloc_count),
                ("memoryUsedSize", u.memory_used_size),
                ("memoryUsedCount", u.memory_used_count),
                ("atomCount", u.atom_count),
                ("atomSize", u.atom_size),
                ("strCount", u.str_count),
                ("strSize", u.str_size),
                ("objCount", u.obj_count),
                ("objSize", u.obj_size),
                ("propCount", u.prop_count),
                ("propSize", u.prop_size),
                ("shapeCount", u.shape_count),
                ("shapeSize", u.shape_size),
                ("jsFuncCount", u.js_func_count),
                ("jsFuncSize", u.js_func_size),
                ("jsFuncCodeSize", u.js_func_code_size),
                ("jsFuncPc2lineSize", u.js_func_pc2line_size),
                ("cFuncCount", u.c_func_count),
                ("arrayCount", u.array_count),
                ("fastArrayCount", u.fast_array_count),
                ("fastArrayElements", u.fast_array_elements),
                ("binaryObjectCount", u.binary_object_count),
                ("binaryObjectSize", u.binary_object_size),
            ];
            for (name, value) in figures {
                out.set(name, value as f64)?;
            }
            let peak = PEAK.with(|p| {
                let v = p.get().max(u.malloc_size);
                p.set(v);
                v
            });
            out.set("peak", peak as f64)?;
            let limit = if u.malloc_limit > 0 && u.malloc_limit < i64::MAX {
                u.malloc_limit as f64
            } else {
                let cgroup = sys::os::constrained_memory();
                let total = sys::meminfo().0 as f64;
                if cgroup > 0.0 {
                    cgroup
                } else if total > 0.0 {
                    total
                } else {
                    // A wasm32 guest's whole address space.
                    4_294_967_296.0
                }
            };
            out.set("limit", limit)?;
            Ok(out)
        })?,
    )?;
    // The event loop's time spent waiting, in ms, where the platform measures it (undefined
    // natively); for perf_hooks' eventLoopUtilization.
    o.set(
        "loopIdleMs",
        Function::new(ctx.clone(), || {
            sys::loop_idle_time().map(|d| d.as_secs_f64() * 1000.0)
        })?,
    )?;
    Ok(())
}

fn usage(ctx: &Ctx<'_>) -> qjs::JSMemoryUsage {
    // SAFETY: the runtime pointer is this context's own, alive for the call; the function only
    // fills the struct it is given.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        let mut u: qjs::JSMemoryUsage = std::mem::zeroed();
        qjs::JS_ComputeMemoryUsage(rt, &mut u);
        u
    }
}
