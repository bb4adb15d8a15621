//! `node:os`: facts about the machine.

use rquickjs::{Ctx, Function, Object, Result};

use crate::sys;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set("hostname", Function::new(ctx.clone(), sys::hostname)?)?;
    o.set("cpuCount", Function::new(ctx.clone(), sys::cpu_count)?)?;
    o.set(
        "totalmem",
        Function::new(ctx.clone(), || sys::meminfo().0 as f64)?,
    )?;
    o.set(
        "freemem",
        Function::new(ctx.clone(), || sys::meminfo().1 as f64)?,
    )?;
    o.set(
        "uptime",
        Function::new(ctx.clone(), || {
            std::fs::read_to_string("/proc/uptime")
                .ok()
                .and_then(|s| {
                    s.split_whitespace()
                        .next()
                        .and_then(|v| v.parse::<f64>().ok())
                })
                .unwrap_or(0.0)
        })?,
    )?;
    o.set(
        "loadavg",
        Function::new(ctx.clone(), || -> Vec<f64> {
            let s = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
            let mut v: Vec<f64> = s
                .split_whitespace()
                .take(3)
                .filter_map(|x| x.parse().ok())
                .collect();
            v.resize(3, 0.0);
            v
        })?,
    )?;
    o.set(
        "release",
        Function::new(ctx.clone(), || {
            std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        })?,
    )?;
    o.set(
        "version",
        Function::new(ctx.clone(), || {
            std::fs::read_to_string("/proc/sys/kernel/version")
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        })?,
    )?;
    Ok(())
}
