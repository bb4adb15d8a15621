//! Facts about the machine for `node:os`, read from Linux's /proc where it is visible. In the
//! sandbox /proc is not granted, so these answer as Node does where the OS tells nothing:
//! zeros, empty strings and empty lists.

fn proc_text(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Seconds since boot.
pub fn uptime() -> f64 {
    proc_text("/proc/uptime")
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// The 1, 5 and 15 minute load averages.
pub fn loadavg() -> [f64; 3] {
    let text = proc_text("/proc/loadavg");
    let mut out = [0.0; 3];
    for (slot, v) in out.iter_mut().zip(text.split_whitespace()) {
        *slot = v.parse().unwrap_or(0.0);
    }
    out
}

/// The kernel release (`uname -r`).
pub fn release() -> String {
    proc_text("/proc/sys/kernel/osrelease").trim().to_string()
}

/// The kernel version string (`uname -v`).
pub fn version() -> String {
    proc_text("/proc/sys/kernel/version").trim().to_string()
}

/// One logical CPU as `os.cpus()` describes it; times are in milliseconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cpu {
    pub model: String,
    pub speed_mhz: f64,
    pub user: f64,
    pub nice: f64,
    pub sys: f64,
    pub idle: f64,
    pub irq: f64,
}

/// The CPUs from /proc/cpuinfo and /proc/stat; empty when they cannot be read.
pub fn cpus() -> Vec<Cpu> {
    parse_cpus(&proc_text("/proc/cpuinfo"), &proc_text("/proc/stat"))
}

fn parse_cpus(cpuinfo: &str, stat: &str) -> Vec<Cpu> {
    let mut out: Vec<Cpu> = Vec::new();
    for block in cpuinfo.split("\n\n").filter(|b| b.contains("processor")) {
        let field = |name: &str| {
            block
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        };
        out.push(Cpu {
            model: field("model name").unwrap_or_default(),
            speed_mhz: field("cpu MHz")
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
                .floor(),
            ..Cpu::default()
        });
    }
    // Clock ticks are 1/100 s on Linux.
    for line in stat
        .lines()
        .filter(|l| l.starts_with("cpu") && !l.starts_with("cpu "))
    {
        let mut parts = line.split_whitespace();
        let Some(idx) = parts.next().and_then(|n| n[3..].parse::<usize>().ok()) else {
            continue;
        };
        let v: Vec<f64> = parts
            .map(|x| x.parse::<f64>().unwrap_or(0.0) * 10.0)
            .collect();
        if let (Some(cpu), true) = (out.get_mut(idx), v.len() >= 6) {
            cpu.user = v[0];
            cpu.nice = v[1];
            cpu.sys = v[2];
            cpu.idle = v[3];
            cpu.irq = v[5];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpus_from_proc_text() {
        let info = "processor\t: 0\nmodel name\t: Test CPU\ncpu MHz\t\t: 2400.512\n\nprocessor\t: 1\nmodel name\t: Test CPU\ncpu MHz\t\t: 2400.000\n";
        let stat = "cpu  1 2 3 4 5 6 7\ncpu0 10 0 20 30 0 1 0\ncpu1 1 1 1 1 1 1 1\n";
        let cpus = parse_cpus(info, stat);
        assert_eq!(cpus.len(), 2);
        assert_eq!(
            (cpus[0].model.as_str(), cpus[0].speed_mhz),
            ("Test CPU", 2400.0)
        );
        assert_eq!(
            (cpus[0].user, cpus[0].sys, cpus[0].idle, cpus[0].irq),
            (100.0, 200.0, 300.0, 10.0)
        );
    }
}

/// One address of a network interface, as `os.networkInterfaces()` lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct NetAddress {
    pub interface: String,
    pub address: std::net::IpAddr,
    pub netmask: std::net::IpAddr,
    pub prefix_len: u8,
    pub mac: String,
    pub internal: bool,
    pub scope_id: u32,
}

/// The account `os.userInfo()` describes.
#[derive(Clone, Debug, PartialEq)]
pub struct UserInfo {
    pub uid: u32,
    pub gid: u32,
    pub username: String,
    pub homedir: String,
    pub shell: Option<String>,
}

/// CPU time this process has used, in microseconds, and its peak resident set in KiB.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Usage {
    pub user_us: f64,
    pub system_us: f64,
    pub max_rss_kb: f64,
}

pub use super::platform::{
    cpu_usage, get_priority, groups, network_interfaces, set_priority, user_info,
};

/// The memory limit the OS puts on this process (cgroup v2 `memory.max`, else v1's limit), or 0
/// when there is none or it cannot be read.
pub fn constrained_memory() -> f64 {
    let v2 = proc_text("/sys/fs/cgroup/memory.max");
    let v1 = proc_text("/sys/fs/cgroup/memory/memory.limit_in_bytes");
    let value = if v2.is_empty() { v1 } else { v2 };
    match value.trim().parse::<u64>() {
        // cgroup v1 reports "no limit" as a page-rounded i64::MAX.
        Ok(v) if v < (i64::MAX as u64) / 2 => v as f64,
        _ => 0.0,
    }
}
